//! The bundled card font and text measurement with it.
//!
//! Cards are measured here, with no UI dependency, so the editor, the exports and the
//! command line all agree on every card's size. The editor and the exporters draw card
//! text with this same font.

use std::sync::OnceLock;

/// The bundled CJK-capable font (a subset of WenQuanYi Micro Hei; see assets/fonts/).
pub const CARD_FONT_TTF: &[u8] = include_bytes!("../assets/fonts/organigram-cjk.ttf");

/// The family name of [`CARD_FONT_TTF`], as font databases know it.
pub const CARD_FONT_FAMILY: &str = "WenQuanYi Micro Hei";

/// The bundled font's ascent in em: how far a line's baseline sits below its top.
pub fn ascent_em() -> f32 {
    static ASCENT: OnceLock<f32> = OnceLock::new();
    *ASCENT.get_or_init(|| {
        ttf_parser::Face::parse(CARD_FONT_TTF, 0)
            .map(|face| f32::from(face.ascender()) / f32::from(face.units_per_em().max(1)))
            .unwrap_or(0.8)
    })
}

/// Horizontal advances in em for every character of the Basic Multilingual Plane.
struct AdvanceTable {
    em: Vec<f32>,
}

fn advances() -> &'static AdvanceTable {
    static TABLE: OnceLock<AdvanceTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut em = vec![f32::NAN; 0x1_0000];
        if let Ok(face) = ttf_parser::Face::parse(CARD_FONT_TTF, 0) {
            let units = f32::from(face.units_per_em().max(1));
            for (code, slot) in em.iter_mut().enumerate() {
                let Some(ch) = char::from_u32(code as u32) else {
                    continue;
                };
                if let Some(glyph) = face.glyph_index(ch) {
                    if let Some(advance) = face.glyph_hor_advance(glyph) {
                        *slot = f32::from(advance) / units;
                    }
                }
            }
        }
        AdvanceTable { em }
    })
}

/// True when the bundled font has a glyph for `ch`.
pub fn has_glyph(ch: char) -> bool {
    let code = ch as u32;
    code < 0x1_0000 && !advances().em[code as usize].is_nan()
}

/// True for characters that take a full em and may break a line on either side
/// (CJK ideographs, kana, hangul, fullwidth forms, CJK punctuation).
pub fn is_wide(ch: char) -> bool {
    matches!(ch as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The advance of `ch` in em. Characters the bundled font lacks are estimated:
/// a full em for wide characters, 0.6 em for others.
pub fn advance_em(ch: char) -> f32 {
    let code = ch as u32;
    if code < 0x1_0000 {
        let em = advances().em[code as usize];
        if !em.is_nan() {
            return em;
        }
    }
    if is_wide(ch) {
        1.0
    } else if ch.is_control() {
        0.0
    } else {
        0.6
    }
}

/// The width of `text` in chart units at `font_px`.
pub fn text_width(text: &str, font_px: f32) -> f32 {
    text.chars().map(advance_em).sum::<f32>() * font_px
}
