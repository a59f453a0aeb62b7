//! Word documents (.docx) as blocks. A paragraph is a heading when its outline level
//! says so: its own, or its style's, following `w:basedOn` (so 标题 1 in Chinese Word is
//! a heading as Heading 1 is, and so is a style of one's own based on it); styles that
//! set no level are recognised by their names. A paragraph is a list item when it is in
//! a list (`w:numPr`, its own or its style's) whose level in `numbering.xml` numbers or
//! bullets it. The table of contents is skipped.
//!
//! The zip's entries are sized before anything is unpacked, so a zip bomb is refused,
//! and every part is read only up to a limit.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::blocks::{Block, BlockKind};
use crate::format::hr::ImportError;

/// The most a Word document may unpack to (256 MiB).
const MAX_UNPACKED_BYTES: u64 = 256 << 20;
/// The most one part may unpack to (96 MiB).
const MAX_PART_BYTES: u64 = 96 << 20;
/// The most entries the zip may have.
const MAX_ENTRIES: usize = 10_000;
/// How far a chain of `w:basedOn` is followed.
const MAX_STYLE_DEPTH: usize = 16;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn unreadable(source: &str, message: impl Into<String>) -> ImportError {
    ImportError::Unreadable {
        source_name: source.to_owned(),
        message: message.into(),
    }
}

/// The blocks of a Word document.
pub(crate) fn word_blocks(bytes: &[u8], source: &str) -> Result<Vec<Block>, ImportError> {
    let mut archive = open(bytes, source)?;
    let main = main_part(&mut archive, source)?;
    let document = read_part(&mut archive, &main, source)?.ok_or_else(|| {
        unreadable(
            source,
            "this is a zip but not a Word document (it has no word/document.xml); save it from Word or WPS as .docx",
        )
    })?;
    let (styles_path, numbering_path) = related_parts(&mut archive, &main, source)?;
    let styles = match read_part(&mut archive, &styles_path, source)? {
        Some(xml) => read_styles(&xml, source)?,
        None => Styles::default(),
    };
    let numbering = match read_part(&mut archive, &numbering_path, source)? {
        Some(xml) => read_numbering(&xml, source)?,
        None => HashMap::new(),
    };
    paragraphs(&document, &styles, &numbering, source)
}

/// Opens the zip, refusing one that would unpack to too much.
fn open<'a>(bytes: &'a [u8], source: &str) -> Result<Archive<'a>, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        unreadable(
            source,
            format!("this is not a Word document Organigram can open (the zip inside is damaged: {error})"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(unreadable(
            source,
            format!(
                "this document has {} parts; a Word document has a few dozen, so it is damaged or not a Word document",
                archive.len()
            ),
        ));
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|error| unreadable(source, format!("the zip inside is damaged: {error}")))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(ImportError::TooLarge {
            source_name: source.to_owned(),
            bytes: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    Ok(archive)
}

/// A part's text, or `None` when the document has no such part.
fn read_part(
    archive: &mut Archive<'_>,
    name: &str,
    source: &str,
) -> Result<Option<String>, ImportError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => {
            return Err(unreadable(
                source,
                format!("{name} cannot be read: {error}"),
            ))
        }
    };
    if entry.size() > MAX_PART_BYTES {
        return Err(ImportError::TooLarge {
            source_name: format!("{source} ({name})"),
            bytes: entry.size(),
            limit: MAX_PART_BYTES,
        });
    }
    let mut text = String::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|error| unreadable(source, format!("{name} cannot be read: {error}")))?;
    Ok(Some(text))
}

/// The element's attribute `name` (by local name), unescaped.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// The relationships of a part: (type's last word, target), targets as written.
fn relationships(
    xml: &str,
    source: &str,
    part: &str,
) -> Result<Vec<(String, String)>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(kind), Some(target)) = (attribute(&e, "Type"), attribute(&e, "Target"))
                {
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
                    found.push((kind, target));
                }
            }
            Ok(Event::Eof) => return Ok(found),
            Ok(_) => {}
            Err(error) => {
                return Err(unreadable(source, format!("{part} is damaged: {error}")));
            }
        }
    }
}

/// The main document part, as the package's relationships name it.
fn main_part(archive: &mut Archive<'_>, source: &str) -> Result<String, ImportError> {
    let Some(rels) = read_part(archive, "_rels/.rels", source)? else {
        return Ok("word/document.xml".to_owned());
    };
    let main = relationships(&rels, source, "_rels/.rels")?
        .into_iter()
        .find(|(kind, _)| kind == "officeDocument")
        .map(|(_, target)| target.trim_start_matches('/').to_owned());
    Ok(main.unwrap_or_else(|| "word/document.xml".to_owned()))
}

/// The styles and numbering parts of the main part.
fn related_parts(
    archive: &mut Archive<'_>,
    main: &str,
    source: &str,
) -> Result<(String, String), ImportError> {
    let folder = main.rsplit_once('/').map_or("", |(folder, _)| folder);
    let name = main.rsplit_once('/').map_or(main, |(_, name)| name);
    let rels_name = if folder.is_empty() {
        format!("_rels/{name}.rels")
    } else {
        format!("{folder}/_rels/{name}.rels")
    };
    let in_folder = |target: &str| {
        if let Some(absolute) = target.strip_prefix('/') {
            absolute.to_owned()
        } else if folder.is_empty() {
            target.to_owned()
        } else {
            format!("{folder}/{target}")
        }
    };
    let mut styles = in_folder("styles.xml");
    let mut numbering = in_folder("numbering.xml");
    if let Some(rels) = read_part(archive, &rels_name, source)? {
        for (kind, target) in relationships(&rels, source, &rels_name)? {
            match kind.as_str() {
                "styles" => styles = in_folder(&target),
                "numbering" => numbering = in_folder(&target),
                _ => {}
            }
        }
    }
    Ok((styles, numbering))
}

/// A paragraph style.
#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list: Option<(u32, u8)>,
}

#[derive(Clone, Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default: Option<String>,
}

/// What a paragraph's style makes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct StyleKind {
    outline: Option<u8>,
    list: Option<(u32, u8)>,
    title: bool,
    subtitle: bool,
    contents: bool,
}

impl Styles {
    /// What style `id` (or the default style) makes a paragraph, following `basedOn`.
    fn kind(&self, id: Option<&str>) -> StyleKind {
        let mut kind = StyleKind::default();
        let mut at = id.map(str::to_owned).or_else(|| self.default.clone());
        for depth in 0..MAX_STYLE_DEPTH {
            let Some(style) = at.as_deref().and_then(|id| self.by_id.get(id)) else {
                break;
            };
            kind.outline = kind.outline.or(style.outline);
            kind.list = kind.list.or(style.list);
            if depth == 0 || kind.outline.is_none() {
                let name = style.name.to_lowercase();
                let name = name.trim();
                kind.title |= depth == 0 && matches!(name, "title" | "标题");
                kind.subtitle |= depth == 0 && matches!(name, "subtitle" | "副标题");
                kind.contents |= name.starts_with("toc") || name.starts_with("目录");
                if kind.outline.is_none() {
                    kind.outline = heading_number(name);
                }
            }
            at = style.based_on.clone();
        }
        kind
    }
}

/// "heading 2", "标题 2", "标题2" → level 1.
fn heading_number(name: &str) -> Option<u8> {
    let rest = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    let level: u8 = rest.parse().ok()?;
    (1..=9).contains(&level).then(|| level - 1)
}

fn xml_error(source: &str, part: &str, error: &dyn std::fmt::Display) -> ImportError {
    unreadable(source, format!("{part} is damaged: {error}"))
}

/// The paragraph styles of styles.xml.
fn read_styles(xml: &str, source: &str) -> Result<Styles, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    let mut list = (None, 0u8);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(source, "word/styles.xml", &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "style" => {
                        let paragraph = attribute(&e, "type").is_none_or(|t| t == "paragraph");
                        let id = attribute(&e, "styleId").unwrap_or_default();
                        if paragraph
                            && attribute(&e, "default").is_some_and(|d| d == "1" || d == "true")
                        {
                            styles.default = Some(id.clone());
                        }
                        current = paragraph.then(|| (id, Style::default()));
                        list = (None, 0);
                    }
                    "name" | "basedOn" | "outlineLvl" | "numId" | "ilvl" => {
                        let Some((_, style)) = current.as_mut() else {
                            continue;
                        };
                        let value = attribute(&e, "val").unwrap_or_default();
                        match name.as_ref() {
                            "name" => style.name = value,
                            "basedOn" => style.based_on = Some(value),
                            "outlineLvl" => {
                                style.outline = value.parse().ok().filter(|&l: &u8| l < 9)
                            }
                            "numId" => list.0 = value.parse::<u32>().ok(),
                            _ => list.1 = value.parse().unwrap_or(0),
                        }
                        style.list = list.0.filter(|&id| id != 0).map(|id| (id, list.1));
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            Event::Eof => return Ok(styles),
            _ => {}
        }
    }
}

/// Each list's levels that show a number or bullet: numId → levels.
fn read_numbering(xml: &str, source: &str) -> Result<HashMap<u32, Vec<u8>>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut abstract_levels: HashMap<String, Vec<u8>> = HashMap::new();
    let mut nums: Vec<(u32, String)> = Vec::new();
    let mut current_abstract: Option<String> = None;
    let mut current_num: Option<u32> = None;
    let mut level: Option<u8> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(source, "word/numbering.xml", &e))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "abstractNum" => current_abstract = attribute(&e, "abstractNumId"),
                "lvl" => level = attribute(&e, "ilvl").and_then(|l| l.parse().ok()),
                "numFmt" => {
                    let shown = attribute(&e, "val").is_some_and(|f| f != "none");
                    if let (true, Some(id), Some(level)) = (shown, &current_abstract, level) {
                        abstract_levels.entry(id.clone()).or_default().push(level);
                    }
                }
                "num" => current_num = attribute(&e, "numId").and_then(|n| n.parse().ok()),
                "abstractNumId" => {
                    if let (Some(num), Some(id)) = (current_num, attribute(&e, "val")) {
                        nums.push((num, id));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "abstractNum" => current_abstract = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(nums
        .into_iter()
        .map(|(num, id)| (num, abstract_levels.get(&id).cloned().unwrap_or_default()))
        .collect())
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<u32>,
    ilvl: u8,
    text: String,
    in_contents: bool,
}

/// Where the document reader is.
#[derive(Default)]
struct State {
    paragraphs: Vec<Paragraph>,
    count: usize,
    in_run: u32,
    in_text: bool,
    in_instruction: bool,
    /// Open fields: their instruction, and whether their result has begun.
    fields: Vec<(String, bool)>,
    /// Open content controls: whether each is a table of contents.
    controls: Vec<bool>,
    blocks: Vec<Block>,
}

impl State {
    fn in_contents(&self) -> bool {
        self.controls.iter().any(|&toc| toc)
            || self
                .fields
                .iter()
                .any(|(instruction, result)| *result && instruction.trim_start().starts_with("TOC"))
    }

    fn push_text(&mut self, text: &str) {
        let in_contents = self.in_contents();
        if self.in_instruction {
            if let Some((instruction, _)) = self.fields.last_mut() {
                instruction.push_str(text);
            }
        } else if self.in_text {
            if let Some(paragraph) = self.paragraphs.last_mut() {
                paragraph.text.push_str(text);
                paragraph.in_contents |= in_contents;
            }
        }
    }
}

/// The body's paragraphs as blocks.
fn paragraphs(
    xml: &str,
    styles: &Styles,
    numbering: &HashMap<u32, Vec<u8>>,
    source: &str,
) -> Result<Vec<Block>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader.read_event().map_err(|error| {
            unreadable(
                source,
                format!(
                    "paragraph {}: word/document.xml is damaged: {error}",
                    state.count.max(1)
                ),
            )
        })?;
        match event {
            Event::Start(e) => start(&mut state, &e, false),
            Event::Empty(e) => start(&mut state, &e, true),
            Event::End(e) => match e.local_name().as_ref() {
                "p" => end_paragraph(&mut state, styles, numbering),
                "r" => state.in_run = state.in_run.saturating_sub(1),
                "t" => state.in_text = false,
                "instrText" => state.in_instruction = false,
                "sdt" => {
                    state.controls.pop();
                }
                _ => {}
            },
            Event::Text(text) => state.push_text(&text.xml10_content()),
            Event::CData(text) => state.push_text(&text),
            Event::GeneralRef(reference) => state.push_text(&entity(&reference)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.blocks)
}

/// An entity reference's text: `&amp;` → &, `&#x4E00;` → 一.
fn entity(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(ch)) = reference.resolve_char_ref() {
        return ch.to_string();
    }
    let name = reference.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or_default()
        .to_owned()
}

fn start(state: &mut State, e: &BytesStart<'_>, empty: bool) {
    let name = e.local_name();
    let in_run = state.in_run > 0;
    match name.as_ref() {
        "p" => {
            state.count += 1;
            state.paragraphs.push(Paragraph::default());
            if empty {
                state.paragraphs.pop();
            }
        }
        "r" if !empty => state.in_run += 1,
        "t" if !empty => state.in_text = true,
        "instrText" if !empty => state.in_instruction = true,
        "tab" if in_run => state.push_run_text("\t"),
        "br" | "cr" if in_run && attribute(e, "type").is_none_or(|t| t == "textWrapping") => {
            state.push_run_text("\n");
        }
        // A symbol typed at a paragraph's start (Wingdings ➢, Symbol •) is its bullet.
        "sym" if in_run => {
            let at_start = state
                .paragraphs
                .last()
                .is_some_and(|p| p.text.trim().is_empty());
            if at_start {
                state.push_run_text("•");
            }
        }
        "fldChar" => match attribute(e, "fldCharType").as_deref() {
            Some("begin") => state.fields.push((String::new(), false)),
            Some("separate") => {
                if let Some(field) = state.fields.last_mut() {
                    field.1 = true;
                }
            }
            Some("end") => {
                state.fields.pop();
            }
            _ => {}
        },
        "sdt" if !empty => state.controls.push(false),
        "docPartGallery" => {
            let contents = attribute(e, "val").is_some_and(|v| v.contains("Table of Contents"));
            if let Some(control) = state.controls.last_mut() {
                *control |= contents;
            }
        }
        "pStyle" | "outlineLvl" | "numId" | "ilvl" if !in_run => {
            let value = attribute(e, "val").unwrap_or_default();
            if let Some(paragraph) = state.paragraphs.last_mut() {
                match name.as_ref() {
                    "pStyle" => paragraph.style = Some(value),
                    "outlineLvl" => paragraph.outline = value.parse().ok(),
                    "numId" => paragraph.num_id = value.parse().ok(),
                    _ => paragraph.ilvl = value.parse().unwrap_or(0),
                }
            }
        }
        _ => {}
    }
}

impl State {
    /// Text a run element stands for (a tab, a line break, a symbol).
    fn push_run_text(&mut self, text: &str) {
        let in_contents = self.in_contents();
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.text.push_str(text);
            paragraph.in_contents |= in_contents;
        }
    }
}

fn end_paragraph(state: &mut State, styles: &Styles, numbering: &HashMap<u32, Vec<u8>>) {
    let Some(paragraph) = state.paragraphs.pop() else {
        return;
    };
    let style = styles.kind(paragraph.style.as_deref());
    let text = paragraph.text.trim();
    if paragraph.in_contents || style.contents || text.is_empty() {
        return;
    }
    let outline = paragraph.outline.or(style.outline).filter(|&l| l < 9);
    // A paragraph's own numPr wins; numId 0 takes it out of its style's list.
    let list = match paragraph.num_id {
        Some(0) => None,
        Some(id) => Some((id, paragraph.ilvl)),
        None => style.list,
    };
    let listed = list.is_some_and(|(id, level)| {
        numbering
            .get(&id)
            .is_none_or(|levels| levels.is_empty() || levels.contains(&level))
    });
    let kind = match (outline, listed) {
        (Some(level), _) => BlockKind::Heading(level),
        _ if style.title => BlockKind::Title,
        _ if style.subtitle => BlockKind::Subtitle,
        (None, true) => BlockKind::Item(list.map_or(0, |(_, level)| level)),
        (None, false) => BlockKind::Para,
    };
    state.blocks.push(Block::new(kind, text, state.count));
}
