//! Duty documents in: the post handbook HR keeps in Word and WPS
//! (《组织架构图与岗位职责》), as .docx, Markdown, or the plain text of a web page.
//!
//! Reading runs in three steps:
//! 1. blocks: what each paragraph or line is — a heading (by outline level, in Word
//!    following the style's `w:basedOn`), a list item (Word's list numbering, or a
//!    bullet or number at the line's start, removed), or a paragraph;
//! 2. [`outline`]: what the document says — its title, organisation and notes (the text
//!    before the first unit, never posts), its parts (组织架构图, 部门解析, 岗位职责分解),
//!    each unit's responsibilities, and each unit's posts with their duties, hard-wrapped
//!    lines joined and web-page noise dropped;
//! 3. [`build`]: the chart. Such documents have no reporting lines: posts come in under
//!    their unit, units under the top, and the summary suggests each unit's first post as
//!    its head. A handbook Organigram wrote names whom each post reports to, so its
//!    reporting lines come back too.
//!
//! Bad input gets a clear error (the file, and the paragraph or line where it applies),
//! never a panic: the file's size is checked before reading, and a Word document's zip
//! before anything is unpacked.

mod blocks;
mod build;
mod outline;
mod word;
mod words;

use std::path::Path;

use crate::format::hr::{decode_text, ImportError, MAX_FILE_BYTES};
use crate::model::{Chart, NodeKind};

/// The kinds of duty documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A Word (or WPS) document, .docx.
    Word,
    /// Markdown.
    Markdown,
    /// Plain text, in any encoding a roster may be in.
    Text,
}

/// A problem met while reading, and what was done about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyProblem {
    /// The paragraph (Word) or line (text), from 1.
    pub at: usize,
    /// What happened.
    pub message: String,
}

/// A duty document read into a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DutyImport {
    /// The chart: units, posts, duties, in document order.
    pub chart: Chart,
    /// The file, for messages.
    pub source: String,
    /// What kind of document it was.
    pub kind: DocumentKind,
    /// Units the document names (the top unit made for them not counted).
    pub units: usize,
    /// Posts.
    pub posts: usize,
    /// Posts' duties.
    pub duties: usize,
    /// Units' responsibilities.
    pub responsibilities: usize,
    /// Some reporting line came from the document (a handbook Organigram wrote).
    pub reporting_lines: bool,
    /// The top unit the units were put under, when the document had no reporting
    /// lines between units.
    pub top: Option<String>,
    /// For each unit whose posts all sit directly under it: the unit and its first
    /// post, which may be its head.
    pub suggested_heads: Vec<(String, String)>,
    /// Every problem, in document order.
    pub problems: Vec<DutyProblem>,
}

impl DutyImport {
    /// The counts, in English, for the command line: `4 units · 9 posts · 75 duties`.
    pub fn summary(&self) -> String {
        use crate::format::hr::count;
        [
            count(self.units, "unit", "units"),
            count(self.posts, "post", "posts"),
            count(self.duties, "duty", "duties"),
            count(
                self.responsibilities,
                "unit responsibility",
                "unit responsibilities",
            ),
            count(self.problems.len(), "problem", "problems"),
        ]
        .join(" · ")
    }

    /// What the user should know about the structure, in English, or `None` when the
    /// document gave it.
    pub fn structure_note(&self) -> Option<String> {
        if self.reporting_lines {
            return None;
        }
        let top = self.top.as_deref().unwrap_or("the top");
        let mut note = format!(
            "The document has no reporting lines: each post is under its unit and each unit under “{top}”; arrange them in the editor."
        );
        if !self.suggested_heads.is_empty() {
            let heads: Vec<String> = self
                .suggested_heads
                .iter()
                .map(|(unit, post)| format!("{unit}: {post}"))
                .collect();
            note.push_str(&format!(
                "\nThe first post of each unit may be its head: {}",
                heads.join("; ")
            ));
        }
        Some(note)
    }

    /// Each problem as `FILE:LINE: …` (text) or `FILE: paragraph N: …` (Word).
    pub fn problem_lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match self.kind {
                DocumentKind::Word => format!("{}: paragraph {}: {}", self.source, p.at, p.message),
                _ => format!("{}:{}: {}", self.source, p.at, p.message),
            })
            .collect()
    }
}

impl DocumentKind {
    /// The kind a file's name says, for the extensions only duty documents have
    /// (.docx, .md); text files are told by their content ([`document_kind`]).
    pub fn from_path(path: &Path) -> Option<DocumentKind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "docx" | "docm" | "doc" => Some(DocumentKind::Word),
            "md" | "markdown" => Some(DocumentKind::Markdown),
            _ => None,
        }
    }
}

/// The kind of duty document `bytes` (read from `path`) are, or `None` when they are
/// not one (a roster, a workbook, a chart). A Word document is told by its zip holding
/// `word/document.xml`; a text file by its shape: lines with bullets and no columns.
pub fn document_kind(path: &Path, bytes: &[u8]) -> Option<DocumentKind> {
    if bytes.starts_with(b"PK\x03\x04") {
        let word = zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|zip| {
            zip.file_names()
                .any(|name| name.is_ok_and(|name| name.starts_with("word/")))
        });
        // A zip named .docx that is no Word document is read as one, to say why not.
        return if word {
            Some(DocumentKind::Word)
        } else {
            DocumentKind::from_path(path).filter(|&k| k == DocumentKind::Word)
        };
    }
    let named = DocumentKind::from_path(path);
    if named.is_some() {
        return named;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("txt" | "text") | None) {
        return None;
    }
    let head = &bytes[..bytes.len().min(1 << 20)];
    // UTF-8 cut in the middle of a character is still UTF-8.
    let head = match std::str::from_utf8(head) {
        Err(error) if error.error_len().is_none() => &head[..error.valid_up_to()],
        _ => head,
    };
    let (text, _) = decode_text(head, None);
    looks_like_duties(&text).then_some(DocumentKind::Text)
}

/// True when `path` is a duty document: by its extension (.docx, .md), or, for a .txt
/// or a file with no extension, by its first megabyte (a zip is read whole).
pub fn is_duty_document(path: &Path) -> bool {
    use std::io::Read;
    if DocumentKind::from_path(path).is_some() {
        return true;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("txt" | "text") | None) {
        return false;
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|file| file.take(1 << 20).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    if head.starts_with(b"PK\x03\x04") {
        let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_FILE_BYTES);
        return small
            && std::fs::read(path).is_ok_and(|bytes| document_kind(path, &bytes).is_some());
    }
    document_kind(path, &head).is_some()
}

/// Text shaped like a duty document: several lines start with a bullet (or number) and
/// the lines do not split into columns the way a roster's do.
fn looks_like_duties(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2_000)
        .collect();
    let bullets = lines
        .iter()
        .filter(|l| l.starts_with(['➢', '➤', '•', '●', '■', '◆', '▪', '○', '◇', '★']))
        .count();
    let numbered = lines
        .iter()
        .filter(|l| crate::model::strip_duty_marker(l).is_some())
        .count();
    let named = [
        "岗位职责",
        "职责",
        "部门解析",
        "Duties",
        "Responsibilities",
        "Job description",
    ]
    .iter()
    .any(|w| text.contains(w));
    let columns = [b',', b'\t', b';', b'|'].iter().any(|&d| {
        let count = |line: &str| line.bytes().filter(|&b| b == d).count();
        let head: Vec<&str> = lines.iter().take(20).copied().collect();
        let first = head.first().map_or(0, |l| count(l));
        first >= 1 && head.iter().filter(|l| count(l) == first).count() * 5 >= head.len() * 4
    });
    !columns && (bullets >= 3 || (named && numbered >= 3))
}

/// Reads the duty document at `path`, refusing files over the size limit before reading.
pub fn read_duty_document(path: &Path) -> Result<DutyImport, ImportError> {
    let bytes = super::hr::read_file_limited(path)?;
    let source = path.display().to_string();
    let kind = document_kind(path, &bytes).unwrap_or(DocumentKind::Text);
    let title = path
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    read_duty_bytes(&bytes, &source, kind, &title)
}

/// Reads a duty document from its bytes; `fallback_title` names the chart when the
/// document has no title.
pub fn read_duty_bytes(
    bytes: &[u8],
    source: &str,
    kind: DocumentKind,
    fallback_title: &str,
) -> Result<DutyImport, ImportError> {
    let unreadable = |message: &str| ImportError::Unreadable {
        source_name: source.to_owned(),
        message: message.to_owned(),
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            source_name: source.to_owned(),
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unreadable(
            "this is an old Word document (.doc); open it in Word or WPS and save it as .docx",
        ));
    }
    let blocks = match kind {
        DocumentKind::Word => word::word_blocks(bytes, source)?,
        DocumentKind::Markdown => blocks::markdown_blocks(&decode_text(bytes, None).0),
        DocumentKind::Text => blocks::text_blocks(&decode_text(bytes, None).0),
    };
    if blocks.is_empty() {
        return Err(unreadable("the document is empty"));
    }
    let outline = outline::outline(&blocks, kind != DocumentKind::Word);
    let named_units = outline.units.iter().filter(|u| !u.outside).count();
    let posts: usize = outline.units.iter().map(|u| u.posts.len()).sum();
    if named_units + posts == 0 {
        return Err(unreadable(
            "no units or posts were found; a duty document names each unit and post on a line of its own (or as a heading), with the duties below it as a list (bullets, 1., 1、 or Word's own lists)",
        ));
    }
    let built = build::build(outline, fallback_title).map_err(|message| unreadable(&message))?;
    Ok(summarise(built, source, kind, named_units))
}

fn summarise(built: build::Built, source: &str, kind: DocumentKind, units: usize) -> DutyImport {
    let chart = built.chart;
    let mut posts = 0;
    let mut duties = 0;
    let mut responsibilities = 0;
    for id in chart.tree_order() {
        let Some(node) = chart.node(id) else { continue };
        if node.kind == NodeKind::Unit {
            responsibilities += node.duties.len();
        } else {
            posts += 1;
            duties += node.duties.len();
        }
    }
    let top = (!built.reporting_lines)
        .then(|| {
            chart
                .roots()
                .first()
                .and_then(|&r| chart.node(r))
                .map(|n| n.title.clone())
        })
        .flatten();
    DutyImport {
        source: source.to_owned(),
        kind,
        units,
        posts,
        duties,
        responsibilities,
        reporting_lines: built.reporting_lines,
        top,
        suggested_heads: built.suggested_heads,
        problems: built
            .problems
            .into_iter()
            .map(|p| DutyProblem {
                at: p.at,
                message: p.message,
            })
            .collect(),
        chart,
    }
}
