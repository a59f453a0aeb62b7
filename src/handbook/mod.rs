//! The post handbook (《组织架构图与岗位职责》): the document HR keeps for every
//! department, written from a chart.
//!
//! [`Handbook::of`] gathers the content in the seed document's order: the title and
//! organisation; the chart as a figure; each unit's responsibilities; then, unit by unit
//! in tree order, each post with whom it reports to, its holder (or vacancy), headcount
//! and duties. The writers lay that content out: [`docx`] (Word, with real headings,
//! list paragraphs and the chart as a picture), [`pdf`] (text kept as text, the bundled
//! font embedded, pages numbered, the chart as vector art) and [`markdown`].
//!
//! The headings follow the handbook's language (一、组织架构图 … or 1. Organisation chart
//! …); the chart's own words are never translated. Each post's particulars are written
//! as one line of labelled fields ([`Handbook::post_fields`]), which
//! [`crate::format::duty_doc`] reads back, so a handbook imports into the same chart.

pub mod docx;
mod figure;
pub mod markdown;
pub mod pdf;

use std::path::Path;

use crate::export::ExportError;
use crate::format::{write_atomically, SaveOptions};
use crate::i18n::{tr, tr_args, Lang};
use crate::model::{Chart, NodeId, NodeKind};

pub use figure::{chart_png, chart_svg};

/// How the duties are numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Bullets {
    /// ➢, as the seed document has it.
    #[default]
    Arrow,
    /// •.
    Dot,
    /// 1. 2. 3.
    Numbered,
    /// 1、2、3、, as Chinese documents number.
    ChineseNumbered,
}

impl Bullets {
    /// Every style, in the order the command line lists them.
    pub const ALL: [Bullets; 4] = [
        Bullets::Arrow,
        Bullets::Dot,
        Bullets::Numbered,
        Bullets::ChineseNumbered,
    ];

    /// The style's name on the command line: `➢`, `•`, `1.` or `1、`.
    pub fn name(self) -> &'static str {
        match self {
            Bullets::Arrow => "➢",
            Bullets::Dot => "•",
            Bullets::Numbered => "1.",
            Bullets::ChineseNumbered => "1、",
        }
    }

    /// The style a name asks for (also `arrow`, `dot`, `decimal` and `chinese`).
    pub fn from_name(name: &str) -> Option<Bullets> {
        match name.trim() {
            "➢" | "arrow" => Some(Bullets::Arrow),
            "•" | "dot" | "bullet" => Some(Bullets::Dot),
            "1." | "decimal" | "number" => Some(Bullets::Numbered),
            "1、" | "chinese" => Some(Bullets::ChineseNumbered),
            _ => None,
        }
    }

    /// True for the numbered styles.
    pub fn is_numbered(self) -> bool {
        matches!(self, Bullets::Numbered | Bullets::ChineseNumbered)
    }

    /// The marker of the item at `index` (from 0), as text: `➢`, `•`, `3.` or `3、`.
    pub fn marker(self, index: usize) -> String {
        match self {
            Bullets::Arrow | Bullets::Dot => self.name().to_owned(),
            Bullets::Numbered => format!("{}.", index + 1),
            Bullets::ChineseNumbered => format!("{}、", index + 1),
        }
    }
}

/// What the handbook holds besides the chart, and how it is numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HandbookOptions {
    /// A table of contents after the title.
    pub toc: bool,
    /// Each unit of the post duties starts a new page.
    pub page_break_per_unit: bool,
    /// How duties are numbered.
    pub bullets: Bullets,
}

/// The handbook's parts, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The chart as a figure.
    Chart,
    /// Each unit's responsibilities (left out when no unit has any).
    Units,
    /// Each post's particulars and duties, unit by unit.
    Posts,
}

/// One unit's part of the post duties: the unit, then its posts.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitPart {
    /// The unit; `None` for the posts that are in no unit.
    pub id: Option<NodeId>,
    /// The unit's name (or the words for "posts outside any unit").
    pub name: String,
    /// The unit's manager: the post or unit it sits under, by title.
    pub reports_to: Option<String>,
    /// The unit's responsibilities.
    pub responsibilities: Vec<String>,
    /// The unit's notes.
    pub notes: String,
    /// The unit's own posts (not those of the units below it), in tree order.
    pub posts: Vec<PostPart>,
}

/// One post's particulars and duties.
#[derive(Clone, Debug, PartialEq)]
pub struct PostPart {
    /// The post.
    pub id: NodeId,
    /// Its title.
    pub title: String,
    /// The post it reports to (the nearest post above it), by title.
    pub reports_to: Option<String>,
    /// Who holds it; `None` when vacant.
    pub holder: Option<String>,
    /// How many people it stands for.
    pub headcount: u32,
    /// An assistant post.
    pub assistant: bool,
    /// Its notes.
    pub notes: String,
    /// Its duties, in order.
    pub duties: Vec<String>,
}

/// The handbook's content, ready for a writer.
#[derive(Clone, Debug, PartialEq)]
pub struct Handbook {
    /// The language of the handbook's own words.
    pub lang: Lang,
    /// Table of contents, page breaks, numbering.
    pub options: HandbookOptions,
    /// The chart's title.
    pub title: String,
    /// The organisation.
    pub organisation: String,
    /// Every unit (and the posts in no unit), in tree order.
    pub units: Vec<UnitPart>,
}

impl Handbook {
    /// The handbook of `chart`, its own words in `lang`. Every node is in it, folded or
    /// not.
    pub fn of(chart: &Chart, lang: Lang, options: HandbookOptions) -> Handbook {
        let mut units: Vec<UnitPart> = Vec::new();
        let mut at_unit = rustc_hash::FxHashMap::default();
        let mut outside = UnitPart {
            id: None,
            name: tr(lang, "handbook-no-unit"),
            reports_to: None,
            responsibilities: Vec::new(),
            notes: String::new(),
            posts: Vec::new(),
        };
        for id in chart.tree_order() {
            let Some(node) = chart.node(id) else { continue };
            if node.kind == NodeKind::Unit {
                at_unit.insert(id, units.len());
                units.push(UnitPart {
                    id: Some(id),
                    name: node.title.clone(),
                    reports_to: chart.parent(id).and_then(|p| title_of(chart, p)),
                    responsibilities: node.duties.clone(),
                    notes: node.notes.clone(),
                    posts: Vec::new(),
                });
                continue;
            }
            let post = PostPart {
                id,
                title: node.title.clone(),
                reports_to: manager_post(chart, id).and_then(|m| title_of(chart, m)),
                holder: node.holder.clone(),
                headcount: node.headcount,
                assistant: node.kind == NodeKind::Assistant,
                notes: node.notes.clone(),
                duties: node.duties.clone(),
            };
            match chart.unit_of(id).and_then(|unit| at_unit.get(&unit)) {
                Some(&at) => units[at].posts.push(post),
                None => outside.posts.push(post),
            }
        }
        if !outside.posts.is_empty() {
            units.insert(0, outside);
        }
        Handbook {
            lang,
            options,
            title: chart.title().to_owned(),
            organisation: chart.organisation().to_owned(),
            units,
        }
    }

    /// The parts the handbook has, in order.
    pub fn sections(&self) -> Vec<Section> {
        let any_responsibilities = self.units.iter().any(|u| !u.responsibilities.is_empty());
        let mut sections = vec![Section::Chart];
        if any_responsibilities {
            sections.push(Section::Units);
        }
        sections.push(Section::Posts);
        sections
    }

    /// A part's heading, numbered: 一、组织架构图 or 1. Organisation chart.
    pub fn heading(&self, section: Section) -> String {
        let number = self
            .sections()
            .iter()
            .position(|&s| s == section)
            .unwrap_or(0)
            + 1;
        let id = match section {
            Section::Chart => "handbook-section-chart",
            Section::Units => "handbook-section-units",
            Section::Posts => "handbook-section-posts",
        };
        let words = tr(self.lang, id);
        match self.lang {
            Lang::Chinese => format!("{}、{words}", chinese_number(number)),
            Lang::English => format!("{number}. {words}"),
        }
    }

    /// The units with responsibilities, for the unit responsibilities part.
    pub fn units_with_responsibilities(&self) -> impl Iterator<Item = &UnitPart> {
        self.units.iter().filter(|u| !u.responsibilities.is_empty())
    }

    /// A word of the handbook in its language.
    pub fn word(&self, id: &str) -> String {
        tr(self.lang, id)
    }

    /// A post's particulars as labelled fields: reports to, holder (or vacant), headcount,
    /// and the kind for an assistant.
    pub fn post_fields(&self, post: &PostPart) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        if let Some(manager) = &post.reports_to {
            fields.push((self.word("handbook-reports-to"), manager.clone()));
        }
        fields.push((
            self.word("handbook-holder"),
            post.holder
                .clone()
                .unwrap_or_else(|| self.word("handbook-vacant")),
        ));
        fields.push((self.word("handbook-headcount"), post.headcount.to_string()));
        if post.assistant {
            fields.push((self.word("handbook-kind"), self.word("handbook-assistant")));
        }
        fields
    }

    /// A unit's particulars: whom it sits under, if anyone.
    pub fn unit_fields(&self, unit: &UnitPart) -> Vec<(String, String)> {
        unit.reports_to
            .iter()
            .map(|manager| (self.word("handbook-reports-to"), manager.clone()))
            .collect()
    }

    /// Fields joined into one line: `直接上级：营销总监　｜　任职者：空缺` or
    /// `Reports to: Marketing Director  |  Holder: Vacant`.
    pub fn fields_line(&self, fields: &[(String, String)]) -> String {
        let (colon, separator) = self.punctuation();
        fields
            .iter()
            .map(|(label, value)| format!("{label}{colon}{value}"))
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// A labelled note: `备注：…` or `Notes: …`.
    pub fn notes_line(&self, notes: &str) -> String {
        let (colon, _) = self.punctuation();
        format!("{}{colon}{}", self.word("handbook-notes"), notes.trim())
    }

    /// The label colon and field separator of the language.
    fn punctuation(&self) -> (&'static str, &'static str) {
        match self.lang {
            Lang::Chinese => ("：", "　｜　"),
            Lang::English => (": ", "  |  "),
        }
    }

    /// The words for page `page` of `pages`.
    pub fn page_words(&self, page: usize, pages: usize) -> String {
        tr_args(
            self.lang,
            "handbook-page",
            &[("page", page.into()), ("pages", pages.into())],
        )
    }

    /// How many duties the handbook lists (posts' duties, not units' responsibilities).
    pub fn duty_count(&self) -> usize {
        self.units
            .iter()
            .flat_map(|u| &u.posts)
            .map(|p| p.duties.len())
            .sum()
    }
}

/// The formats a handbook is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandbookFormat {
    /// Word (.docx).
    Docx,
    /// PDF.
    Pdf,
    /// Markdown (.md).
    Markdown,
}

impl HandbookFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<HandbookFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "docx" => Some(HandbookFormat::Docx),
            "pdf" => Some(HandbookFormat::Pdf),
            "md" | "markdown" => Some(HandbookFormat::Markdown),
            _ => None,
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            HandbookFormat::Docx => "docx",
            HandbookFormat::Pdf => "pdf",
            HandbookFormat::Markdown => "md",
        }
    }
}

/// The handbook of `chart` in `format`, as bytes.
pub fn handbook_bytes(
    chart: &Chart,
    format: HandbookFormat,
    lang: Lang,
    options: HandbookOptions,
) -> Result<Vec<u8>, ExportError> {
    let handbook = Handbook::of(chart, lang, options);
    match format {
        HandbookFormat::Docx => docx::docx(&handbook, chart),
        HandbookFormat::Pdf => pdf::pdf(&handbook, chart),
        HandbookFormat::Markdown => Ok(markdown::markdown(&handbook, chart).into_bytes()),
    }
}

/// Writes the handbook of `chart` to `path` (its format from the extension) atomically.
pub fn write_handbook(
    chart: &Chart,
    path: &Path,
    format: HandbookFormat,
    lang: Lang,
    options: HandbookOptions,
) -> Result<(), ExportError> {
    let bytes = handbook_bytes(chart, format, lang, options)?;
    write_atomically(path, &bytes, &SaveOptions { keep_backup: false })?;
    Ok(())
}

/// The title of `id`, if it has a node.
fn title_of(chart: &Chart, id: NodeId) -> Option<String> {
    chart.node(id).map(|node| node.title.clone())
}

/// The post a post reports to: its nearest ancestor that is a post.
fn manager_post(chart: &Chart, id: NodeId) -> Option<NodeId> {
    chart
        .ancestors(id)
        .find(|&at| chart.node(at).is_some_and(|n| n.kind.is_post()))
}

/// 1 → 一, 12 → 十二, 20 → 二十 (enough for a handbook's parts).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                String::new()
            } else {
                DIGITS[n - 10].to_string()
            }
        ),
        20..=99 => {
            let ones = n % 10;
            let tens = DIGITS[n / 10];
            if ones == 0 {
                format!("{tens}十")
            } else {
                format!("{tens}十{}", DIGITS[ones])
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Chart {
        crate::samples::find("seed-marketing-zh")
            .and_then(|s| s.load().ok())
            .expect("the seed sample")
    }

    #[test]
    fn the_seed_handbook_has_every_unit_post_and_duty_in_tree_order() {
        let chart = seed();
        let handbook = Handbook::of(&chart, Lang::Chinese, HandbookOptions::default());
        let names: Vec<&str> = handbook.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(
            names,
            ["营销部", "销售部", "工程示范中心", "市场部", "客服部"]
        );
        assert_eq!(handbook.duty_count(), 75);
        let sales = &handbook.units[1];
        let posts: Vec<&str> = sales.posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            posts,
            ["大区销售经理", "销售内勤", "销售主管", "销售工程师"]
        );
        assert_eq!(sales.reports_to.as_deref(), Some("营销总监"));
        assert_eq!(sales.posts[0].reports_to.as_deref(), Some("营销总监"));
        assert_eq!(sales.posts[1].reports_to.as_deref(), Some("大区销售经理"));
        assert!(sales.posts[1].assistant);
        assert_eq!(handbook.heading(Section::Units), "二、部门解析");
        assert_eq!(
            handbook.fields_line(&handbook.post_fields(&sales.posts[0])),
            "直接上级：营销总监　｜　任职者：空缺　｜　编制：1"
        );
    }

    #[test]
    fn english_headings_are_numbered_in_figures() {
        let handbook = Handbook::of(&seed(), Lang::English, HandbookOptions::default());
        assert_eq!(handbook.heading(Section::Chart), "1. Organisation chart");
        assert_eq!(handbook.heading(Section::Posts), "3. Post duties");
    }

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 4, 10, 11, 20, 23].map(chinese_number).into();
        assert_eq!(got, ["一", "四", "十", "十一", "二十", "二十三"]);
    }

    #[test]
    fn bullet_names_round_trip() {
        for bullets in Bullets::ALL {
            assert_eq!(Bullets::from_name(bullets.name()), Some(bullets));
        }
        assert_eq!(Bullets::ChineseNumbered.marker(2), "3、");
    }
}
