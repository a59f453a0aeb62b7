//! The handbook as PDF. Each page is laid out here as SVG (lines broken by Unicode line
//! breaking and measured with the bundled font) and goes through the export's one
//! SVG → PDF path (usvg, svg2pdf), so text stays text in the bundled font, embedded, and
//! the chart is the export's own vector drawing. Pages are numbered, headings are PDF
//! bookmarks, and the optional contents list has page numbers.

use std::fmt::Write as _;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::figure::chart_svg;
use super::{Bullets, Handbook, PostPart, Section, UnitPart};
use crate::export::raster::parse;
use crate::export::svg::escape;
use crate::export::ExportError;
use crate::fonts::{has_glyph, text_width, CARD_FONT_FAMILY};
use crate::layout::wrap::wrap;
use crate::model::Chart;

/// A4, in points.
const A4_W_PT: f32 = 595.28;
const A4_H_PT: f32 = 841.89;
const MARGIN_X_PT: f32 = 62.0;
const MARGIN_TOP_PT: f32 = 60.0;
const MARGIN_BOTTOM_PT: f32 = 64.0;
/// The page number's baseline, from the page's bottom edge.
const FOOTER_BASELINE_PT: f32 = 34.0;
const BODY_PT: f32 = 10.5;
const INFO_PT: f32 = 9.5;
const TITLE_PT: f32 = 21.0;
const SUBTITLE_PT: f32 = 12.0;
const HEADING1_PT: f32 = 15.5;
const HEADING2_PT: f32 = 12.5;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.6;
/// Where list text starts, right of the marker.
const LIST_INDENT_PT: f32 = 22.0;
/// A figure is turned to a landscape page when that draws it this much larger.
const LANDSCAPE_GAIN: f32 = 1.25;

const INK: &str = "#1f1f1f";
const GREY: &str = "#595959";
const HEADING1_INK: &str = "#1f3864";
const HEADING2_INK: &str = "#2f5496";

/// Writes the handbook as PDF.
pub fn pdf(handbook: &Handbook, chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let figure = chart_svg(chart, handbook.lang)?;
    let figure_size = {
        let tree = parse(&figure)?;
        (tree.size().width(), tree.size().height())
    };
    let mut flow = Flow::new(handbook, first_page_landscape(handbook, figure_size));
    flow.write(&figure, figure_size);
    flow.fill_contents();
    let pages = flow.finish_pages();
    assemble(handbook, &pages, &flow.marks)
}

/// True when the chart, under the title on the first page, is drawn larger on a
/// landscape page (with no table of contents between them).
fn first_page_landscape(handbook: &Handbook, (width, height): (f32, f32)) -> bool {
    if handbook.options.toc {
        return false;
    }
    let mut above = 42.0 + TITLE_PT * LEADING + HEADING1_PT * LEADING + 14.0;
    if !handbook.organisation.is_empty() {
        above += SUBTITLE_PT * LEADING;
    }
    let fit = |page_w: f32, page_h: f32| {
        let room_w = page_w - 2.0 * MARGIN_X_PT;
        let room_h = page_h - MARGIN_TOP_PT - MARGIN_BOTTOM_PT - above;
        (room_w / width).min(room_h / height).min(1.0)
    };
    fit(A4_H_PT, A4_W_PT) > fit(A4_W_PT, A4_H_PT) * 1.1
}

/// One page being laid out: its size and what is drawn on it, as SVG elements.
struct Page {
    width_pt: f32,
    height_pt: f32,
    svg: String,
}

/// A heading, for the bookmarks and the contents: its level (0 for the handbook's
/// parts, 1 for units, 2 for posts), words, page and place.
struct Mark {
    level: u8,
    title: String,
    page: usize,
    top_pt: f32,
}

/// A line kept for the contents, filled once every heading's page is known.
struct ContentsLine {
    page: usize,
    top_pt: f32,
    level: u8,
    title: String,
}

/// The handbook flowing down pages.
struct Flow<'a> {
    handbook: &'a Handbook,
    pages: Vec<Page>,
    /// Where the next line starts on the last page, from its top.
    y_pt: f32,
    marks: Vec<Mark>,
    contents: Vec<ContentsLine>,
}

impl<'a> Flow<'a> {
    /// A flow starting on a portrait page, or a landscape one (for a wide chart under
    /// the title).
    fn new(handbook: &'a Handbook, landscape: bool) -> Flow<'a> {
        let mut flow = Flow {
            handbook,
            pages: Vec::new(),
            y_pt: 0.0,
            marks: Vec::new(),
            contents: Vec::new(),
        };
        flow.new_page(landscape);
        flow
    }

    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self, landscape: bool) {
        let (width_pt, height_pt) = if landscape {
            (A4_H_PT, A4_W_PT)
        } else {
            (A4_W_PT, A4_H_PT)
        };
        self.pages.push(Page {
            width_pt,
            height_pt,
            svg: String::new(),
        });
        self.y_pt = MARGIN_TOP_PT;
    }

    /// The text width of the last page.
    fn text_width_pt(&self) -> f32 {
        self.pages.last().map_or(A4_W_PT, |p| p.width_pt) - 2.0 * MARGIN_X_PT
    }

    fn bottom_pt(&self) -> f32 {
        self.pages.last().map_or(A4_H_PT, |p| p.height_pt) - MARGIN_BOTTOM_PT
    }

    /// Starts a new page unless `height_pt` fits on this one.
    fn room(&mut self, height_pt: f32) {
        if self.y_pt + height_pt > self.bottom_pt() && self.y_pt > MARGIN_TOP_PT {
            self.new_page(false);
        }
    }

    /// Everything, in order.
    fn write(&mut self, figure: &str, figure_size: (f32, f32)) {
        let handbook = self.handbook;
        self.y_pt += 24.0;
        self.centred(&handbook.title, TITLE_PT, INK);
        if !handbook.organisation.is_empty() {
            self.centred(&handbook.organisation, SUBTITLE_PT, GREY);
        }
        self.y_pt += 18.0;
        if handbook.options.toc {
            self.reserve_contents();
        }
        let sections = handbook.sections();
        for &section in &sections {
            match section {
                Section::Chart => self.figure(figure, figure_size),
                // The figure ends its page; the post duties follow the unit
                // responsibilities.
                Section::Units => {
                    self.new_page(false);
                    self.heading(0, &handbook.heading(section));
                    self.unit_responsibilities();
                }
                Section::Posts => {
                    if !sections.contains(&Section::Units) {
                        self.new_page(false);
                    }
                    self.heading(0, &handbook.heading(section));
                    self.post_duties();
                }
            }
        }
    }

    /// A line of text centred on the page.
    fn centred(&mut self, text: &str, size_pt: f32, ink: &str) {
        let width = self.text_width_pt();
        for (start, end) in wrap(text, size_pt, width) {
            let line = &text[start..end];
            self.room(size_pt * LEADING);
            let x = MARGIN_X_PT + (width - text_width(line, size_pt)).max(0.0) / 2.0;
            self.text(x, size_pt, ink, line, true);
            self.y_pt += size_pt * LEADING;
        }
    }

    /// Draws `text` with its line's top at the current place (baseline below it).
    fn text(&mut self, x_pt: f32, size_pt: f32, ink: &str, text: &str, bold: bool) {
        let baseline = self.y_pt + size_pt * (LEADING - 1.0) / 2.0 + size_pt * 0.9;
        // The bundled font has one weight: headings are drawn with a thin outline.
        let weight = if bold {
            format!(" stroke=\"{ink}\" stroke-width=\"{:.2}\"", size_pt * 0.025)
        } else {
            String::new()
        };
        let _ = writeln!(
            self.page().svg,
            "<text x=\"{x_pt:.2}\" y=\"{baseline:.2}\" font-size=\"{size_pt}\" fill=\"{ink}\"{weight}>{}</text>",
            escape(text)
        );
    }

    /// A heading: kept with the two lines after it, marked for the bookmarks.
    fn heading(&mut self, level: u8, title: &str) {
        let (size, ink, before) = match level {
            0 => (HEADING1_PT, HEADING1_INK, 6.0),
            1 => (HEADING1_PT - 1.5, HEADING1_INK, 12.0),
            _ => (HEADING2_PT, HEADING2_INK, 8.0),
        };
        if self.y_pt > MARGIN_TOP_PT {
            self.y_pt += before;
        }
        self.room(size * LEADING + 2.0 * BODY_PT * LEADING);
        self.marks.push(Mark {
            level,
            title: title.to_owned(),
            page: self.pages.len() - 1,
            top_pt: self.y_pt,
        });
        let width = self.text_width_pt();
        for (start, end) in wrap(title, size, width) {
            self.text(MARGIN_X_PT, size, ink, &title[start..end], true);
            self.y_pt += size * LEADING;
        }
        self.y_pt += 2.0;
    }

    /// A paragraph at `indent_pt`, lines broken to the text width.
    fn paragraph(&mut self, text: &str, size_pt: f32, ink: &str, indent_pt: f32) {
        let width = self.text_width_pt() - indent_pt;
        for (start, end) in wrap(text, size_pt, width) {
            self.room(size_pt * LEADING);
            self.text(
                MARGIN_X_PT + indent_pt,
                size_pt,
                ink,
                &text[start..end],
                false,
            );
            self.y_pt += size_pt * LEADING;
        }
        self.y_pt += size_pt * 0.3;
    }

    /// A list item: its marker hanging left of the text.
    fn item(&mut self, marker: &str, text: &str, indent_pt: f32) {
        let width = self.text_width_pt() - indent_pt - LIST_INDENT_PT;
        for (at, (start, end)) in wrap(text, BODY_PT, width).into_iter().enumerate() {
            self.room(BODY_PT * LEADING);
            if at == 0 {
                self.marker(marker, MARGIN_X_PT + indent_pt);
            }
            let x = MARGIN_X_PT + indent_pt + LIST_INDENT_PT;
            self.text(x, BODY_PT, INK, &text[start..end], false);
            self.y_pt += BODY_PT * LEADING;
        }
        self.y_pt += BODY_PT * 0.25;
    }

    /// A list marker: text when the bundled font has it; ➢ (which it lacks) is drawn.
    fn marker(&mut self, marker: &str, x_pt: f32) {
        if marker.chars().all(has_glyph) {
            self.text(x_pt + 4.0, BODY_PT, INK, marker, false);
            return;
        }
        // An arrowhead like ➢: a dart pointing right, centred on the first line.
        let mid = self.y_pt + BODY_PT * LEADING / 2.0;
        let (w, h) = (BODY_PT * 0.62, BODY_PT * 0.62);
        let x = x_pt + 4.0;
        let _ = writeln!(
            self.page().svg,
            "<path d=\"M{x:.2},{:.2} L{:.2},{mid:.2} L{x:.2},{:.2} L{:.2},{mid:.2} Z\" fill=\"{INK}\"/>",
            mid - h / 2.0,
            x + w,
            mid + h / 2.0,
            x + w * 0.32,
        );
    }

    /// Keeps a line for each entry of the contents.
    fn reserve_contents(&mut self) {
        let handbook = self.handbook;
        self.heading(0, &handbook.word("handbook-contents"));
        // The contents itself is no bookmark.
        self.marks.pop();
        let mut entries = Vec::new();
        for section in handbook.sections() {
            entries.push((0, handbook.heading(section)));
            if section == Section::Posts {
                for unit in &handbook.units {
                    entries.push((1, unit.name.clone()));
                    entries.extend(unit.posts.iter().map(|p| (2, p.title.clone())));
                }
            }
        }
        for (level, title) in entries {
            self.room(BODY_PT * LEADING);
            self.contents.push(ContentsLine {
                page: self.pages.len() - 1,
                top_pt: self.y_pt,
                level,
                title,
            });
            self.y_pt += BODY_PT * LEADING;
        }
    }

    /// Writes the contents lines, now that every heading has its page.
    fn fill_contents(&mut self) {
        let lines = std::mem::take(&mut self.contents);
        let right = A4_W_PT - MARGIN_X_PT;
        for (line, mark) in lines.iter().zip(&self.marks) {
            let number = (mark.page + 1).to_string();
            let indent = f32::from(line.level) * 18.0;
            let available = right - MARGIN_X_PT - indent - text_width(&number, BODY_PT) - 12.0;
            let title = crate::export::fit_text(&line.title, BODY_PT, available);
            let dots_from = MARGIN_X_PT + indent + text_width(&title, BODY_PT) + 6.0;
            let dots_to = right - text_width(&number, BODY_PT) - 6.0;
            let baseline = line.top_pt + BODY_PT * (LEADING - 1.0) / 2.0 + BODY_PT * 0.9;
            let svg = &mut self.pages[line.page].svg;
            let ink = if line.level == 0 { HEADING1_INK } else { INK };
            let _ = writeln!(
                svg,
                "<text x=\"{:.2}\" y=\"{baseline:.2}\" font-size=\"{BODY_PT}\" fill=\"{ink}\">{}</text>\
                 <text x=\"{:.2}\" y=\"{baseline:.2}\" font-size=\"{BODY_PT}\" fill=\"{INK}\">{number}</text>",
                MARGIN_X_PT + indent,
                escape(&title),
                right - text_width(&number, BODY_PT),
            );
            if dots_to > dots_from {
                let _ = writeln!(
                    svg,
                    "<line x1=\"{dots_from:.2}\" y1=\"{baseline:.2}\" x2=\"{dots_to:.2}\" y2=\"{baseline:.2}\" \
                     stroke=\"#9a9a9a\" stroke-width=\"0.8\" stroke-dasharray=\"0.8 2.4\"/>"
                );
            }
        }
    }

    /// The chart part: its heading and the chart, as large as the page allows; a wide
    /// chart gets a landscape page of its own.
    fn figure(&mut self, figure: &str, (width, height): (f32, f32)) {
        let heading_pt = HEADING1_PT * LEADING + 14.0;
        let fit = |room_w: f32, room_h: f32| (room_w / width).min(room_h / height).min(1.0);
        let here = fit(
            self.text_width_pt(),
            self.bottom_pt() - self.y_pt - heading_pt,
        );
        let landscape = fit(
            A4_H_PT - 2.0 * MARGIN_X_PT,
            A4_W_PT - MARGIN_TOP_PT - MARGIN_BOTTOM_PT - heading_pt,
        );
        let portrait = fit(
            A4_W_PT - 2.0 * MARGIN_X_PT,
            A4_H_PT - MARGIN_TOP_PT - MARGIN_BOTTOM_PT - heading_pt,
        );
        // With no contents, the chart is under the title, the first page turned for it.
        let scale = if !self.handbook.options.toc {
            here
        } else if landscape > here.max(portrait) * LANDSCAPE_GAIN {
            self.new_page(true);
            landscape
        } else if here >= portrait * 0.8 {
            here
        } else {
            self.new_page(false);
            portrait
        };
        let handbook = self.handbook;
        self.heading(0, &handbook.heading(Section::Chart));
        let x = MARGIN_X_PT + (self.text_width_pt() - width * scale) / 2.0;
        let y = self.y_pt + 6.0;
        // The chart's own SVG, nested: its text stays text.
        let inner = figure.find("<svg").map_or(figure, |at| &figure[at..]);
        let _ = writeln!(
            self.page().svg,
            "<g transform=\"translate({x:.2} {y:.2}) scale({scale:.4})\">{inner}</g>"
        );
        self.y_pt = y + height * scale;
    }

    /// 二、部门解析: each unit's name and responsibilities.
    fn unit_responsibilities(&mut self) {
        let handbook = self.handbook;
        let colon = match handbook.lang {
            crate::i18n::Lang::Chinese => "：",
            crate::i18n::Lang::English => ": ",
        };
        let numbering = match handbook.lang {
            crate::i18n::Lang::Chinese => Bullets::ChineseNumbered,
            crate::i18n::Lang::English => Bullets::Numbered,
        };
        for (at, unit) in handbook.units_with_responsibilities().enumerate() {
            let marker = numbering.marker(at);
            match unit.responsibilities.as_slice() {
                [only] => self.item(&marker, &format!("{}{colon}{only}", unit.name), 0.0),
                many => {
                    self.item(&marker, &format!("{}{colon}", unit.name), 0.0);
                    for text in many {
                        self.item("•", text, LIST_INDENT_PT);
                    }
                }
            }
        }
    }

    /// 三、岗位职责分解: unit by unit, each post's particulars and duties.
    fn post_duties(&mut self) {
        let handbook = self.handbook;
        for (at, unit) in handbook.units.iter().enumerate() {
            if handbook.options.page_break_per_unit && at > 0 {
                self.new_page(false);
            }
            self.unit(unit);
            for post in &unit.posts {
                self.post(post);
            }
        }
    }

    fn unit(&mut self, unit: &UnitPart) {
        let handbook = self.handbook;
        self.heading(1, &unit.name);
        let fields = handbook.unit_fields(unit);
        if !fields.is_empty() {
            self.paragraph(&handbook.fields_line(&fields), INFO_PT, GREY, 0.0);
        }
        if !unit.notes.trim().is_empty() {
            self.paragraph(&handbook.notes_line(&unit.notes), INFO_PT, GREY, 0.0);
        }
    }

    fn post(&mut self, post: &PostPart) {
        let handbook = self.handbook;
        self.heading(2, &post.title);
        let fields = handbook.fields_line(&handbook.post_fields(post));
        self.paragraph(&fields, INFO_PT, GREY, 0.0);
        if !post.notes.trim().is_empty() {
            self.paragraph(&handbook.notes_line(&post.notes), INFO_PT, GREY, 0.0);
        }
        if post.duties.is_empty() {
            self.paragraph(&handbook.word("handbook-no-duties"), INFO_PT, GREY, 0.0);
        }
        let bullets = handbook.options.bullets;
        for (at, duty) in post.duties.iter().enumerate() {
            self.item(&bullets.marker(at), duty, 0.0);
        }
    }

    /// Each page as a whole SVG, numbered in its footer.
    fn finish_pages(&self) -> Vec<(f32, f32, String)> {
        let count = self.pages.len();
        self.pages
            .iter()
            .enumerate()
            .map(|(at, page)| {
                let number = self.handbook.page_words(at + 1, count);
                let x = (page.width_pt - text_width(&number, INFO_PT)) / 2.0;
                let y = page.height_pt - FOOTER_BASELINE_PT;
                let svg = format!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
                     font-family=\"{CARD_FONT_FAMILY}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n{}\
                     <text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{INFO_PT}\" fill=\"{GREY}\">{}</text></svg>",
                    page.svg,
                    escape(&number),
                    w = page.width_pt,
                    h = page.height_pt,
                );
                (page.width_pt, page.height_pt, svg)
            })
            .collect()
    }
}

/// The PDF: each page's SVG as a form XObject filling its page, the bookmarks, and the
/// document's title.
fn assemble(
    handbook: &Handbook,
    pages: &[(f32, f32, String)],
    marks: &[Mark],
) -> Result<Vec<u8>, ExportError> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let outline = alloc.bump();
    let mut writer = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut chunks = Vec::with_capacity(pages.len());
    for (width, height, svg) in pages {
        let tree = parse(svg)?;
        let (chunk, xobject) = crate::export::pdf::svg_xobject(&tree, &mut alloc)?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        page_ids.push(page_id);
        let name = Name(b"Page");
        let mut page = writer.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, *width, *height));
        page.parent(page_tree);
        page.contents(content_id);
        page.resources().x_objects().pair(name, xobject);
        page.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([*width, 0.0, 0.0, *height, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        writer.stream(content_id, &content.finish());
        chunks.push(chunk);
    }
    let heights: Vec<f32> = pages.iter().map(|(_, h, _)| *h).collect();
    let has_outline = bookmarks(&mut writer, &mut alloc, outline, marks, &page_ids, &heights);
    let mut catalog_writer = writer.catalog(catalog);
    catalog_writer.pages(page_tree);
    if has_outline {
        catalog_writer.outlines(outline);
        catalog_writer.page_mode(pdf_writer::types::PageMode::UseOutlines);
    }
    catalog_writer.finish();
    writer
        .pages(page_tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    writer
        .document_info(info)
        .title(TextStr(&handbook.title))
        .subject(TextStr(&handbook.organisation))
        .creator(TextStr("Organigram"));
    for chunk in &chunks {
        writer.extend(chunk);
    }
    Ok(writer.finish())
}

/// The headings as PDF bookmarks, nested by level; false when there are none.
fn bookmarks(
    writer: &mut Pdf,
    alloc: &mut Ref,
    outline: Ref,
    marks: &[Mark],
    page_ids: &[Ref],
    heights: &[f32],
) -> bool {
    if marks.is_empty() {
        return false;
    }
    let ids: Vec<Ref> = marks.iter().map(|_| alloc.bump()).collect();
    // Each mark's parent: the nearest mark before it with a lower level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(marks.len());
    let mut open: Vec<usize> = Vec::new();
    for (at, mark) in marks.iter().enumerate() {
        while open.last().is_some_and(|&p| marks[p].level >= mark.level) {
            open.pop();
        }
        parent.push(open.last().copied());
        open.push(at);
    }
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); marks.len()];
    let mut top = Vec::new();
    for (at, of) in parent.iter().enumerate() {
        match of {
            Some(p) => kids[*p].push(at),
            None => top.push(at),
        }
    }
    let children = |of: Option<usize>| -> &[usize] {
        match of {
            Some(p) => &kids[p],
            None => &top,
        }
    };
    for (at, mark) in marks.iter().enumerate() {
        let siblings = children(parent[at]);
        let place = siblings.binary_search(&at).unwrap_or(0);
        let own = children(Some(at));
        let mut item = writer.outline_item(ids[at]);
        item.title(TextStr(&mark.title));
        item.parent(parent[at].map_or(outline, |p| ids[p]));
        if place > 0 {
            item.prev(ids[siblings[place - 1]]);
        }
        if let Some(&next) = siblings.get(place + 1) {
            item.next(ids[next]);
        }
        if let (Some(&first), Some(&last)) = (own.first(), own.last()) {
            item.first(ids[first]);
            item.last(ids[last]);
            // Parts open, units closed.
            let count = own.len() as i32;
            item.count(if mark.level == 0 { count } else { -count });
        }
        if let Some(&page) = page_ids.get(mark.page) {
            let height = heights.get(mark.page).copied().unwrap_or(A4_H_PT);
            item.dest()
                .page(page)
                .xyz(0.0, height - mark.top_pt + 4.0, None);
        }
    }
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        writer
            .outline(outline)
            .first(ids[first])
            .last(ids[last])
            .count(top.len() as i32);
    }
    true
}
