//! Fonts that render Chinese everywhere: the bundled CJK subset always, and a fuller
//! system CJK font (found with fontdb) first when one is installed.

use std::borrow::Cow;
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::fonts::CARD_FONT_TTF;

/// The font family cards are drawn in: the bundled font first, so drawn text matches the
/// layout's measurements exactly, then fallbacks for characters the subset lacks.
pub const CARD_FAMILY: &str = "organigram-card";

const BUNDLED: &str = "organigram-cjk";
const SYSTEM: &str = "system-cjk";

/// Families tried, in order, for a fuller system font.
const SYSTEM_FAMILIES: [&str; 8] = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Droid Sans Fallback",
];

/// Which fonts were installed, for the About box.
#[derive(Clone, Debug, Default)]
pub struct FontReport {
    /// The system CJK font used before the bundled one, if any.
    pub system_font: Option<String>,
}

/// Installs the fonts into `ctx`.
pub fn install(ctx: &egui::Context, look_for_system_font: bool) -> FontReport {
    let mut definitions = FontDefinitions::default();
    definitions.font_data.insert(
        BUNDLED.to_owned(),
        Arc::new(FontData::from_static(CARD_FONT_TTF)),
    );
    let system = if look_for_system_font {
        find_system_cjk()
    } else {
        None
    };
    let mut report = FontReport::default();
    if let Some((name, bytes, index)) = system {
        definitions.font_data.insert(
            SYSTEM.to_owned(),
            Arc::new(FontData {
                font: Cow::Owned(bytes),
                index,
                tweak: Default::default(),
            }),
        );
        report.system_font = Some(name);
    }
    let cjk: Vec<String> = report
        .system_font
        .as_ref()
        .map(|_| SYSTEM.to_owned())
        .into_iter()
        .chain([BUNDLED.to_owned()])
        .collect();
    let defaults = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        definitions
            .families
            .entry(family)
            .or_default()
            .extend(cjk.iter().cloned());
    }
    let mut card = vec![BUNDLED.to_owned()];
    card.extend(report.system_font.as_ref().map(|_| SYSTEM.to_owned()));
    card.extend(defaults);
    definitions
        .families
        .insert(FontFamily::Name(CARD_FAMILY.into()), card);
    ctx.set_fonts(definitions);
    report
}

/// The first installed system CJK font: its family name, file bytes and face index.
fn find_system_cjk() -> Option<(String, Vec<u8>, u32)> {
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    for family in SYSTEM_FAMILIES {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..fontdb::Query::default()
        };
        let Some(id) = database.query(&query) else {
            continue;
        };
        let Some((source, index)) = database.face_source(id) else {
            continue;
        };
        let bytes = match source {
            fontdb::Source::File(path) => std::fs::read(path).ok(),
            fontdb::Source::Binary(data) | fontdb::Source::SharedFile(_, data) => {
                Some((*data).as_ref().to_vec())
            }
        };
        if let Some(bytes) = bytes {
            return Some((family.to_owned(), bytes, index));
        }
    }
    None
}
