//! The chart's text set straight into the PDF in the bundled font, the one the cards are
//! measured with: a Type 0 font (Identity-H, two bytes a glyph) holding only the glyphs
//! used, with a ToUnicode map so the text can be selected, searched and extracted.
//!
//! Going through the SVG parser instead outlines every glyph of every card (usvg keeps a
//! path version of all text): at 10,000 cards that was six sevenths of the PDF's time.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use crate::fonts::CARD_FONT_TTF;
use crate::theme::Rgb;

use super::svg::TextRun;
use super::ExportError;

/// The name a page's resources give the font.
pub(super) const FONT_NAME: Name<'static> = Name(b"Text");
/// The font's PostScript name in the PDF (a subset, so it carries a tag).
const BASE_FONT: &[u8] = b"ORGANI+WenQuanYiMicroHei";
const SYSTEM_INFO: SystemInfo<'static> = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};
/// How hard streams are squeezed (miniz levels 0–10; 6 is zlib's default).
pub(super) const DEFLATE_LEVEL: u8 = 6;

/// The bundled font as the PDF uses it: the glyphs used so far, numbered in order of
/// first use, and the character each stands for.
pub(super) struct PdfFont {
    face: Face<'static>,
    glyphs: GlyphRemapper,
    /// The character of each glyph used, by its number in the subset.
    characters: BTreeMap<u16, char>,
    /// The code of each character already looked up (most text repeats characters).
    codes: rustc_hash::FxHashMap<char, u16>,
}

impl PdfFont {
    /// The bundled font, no glyph used yet.
    pub(super) fn bundled() -> Result<PdfFont, ExportError> {
        let face = Face::parse(CARD_FONT_TTF, 0)
            .map_err(|e| ExportError::Render(format!("the bundled font: {e}")))?;
        Ok(PdfFont {
            face,
            glyphs: GlyphRemapper::new(),
            characters: BTreeMap::new(),
            codes: rustc_hash::FxHashMap::default(),
        })
    }

    /// Appends the codes of `text` to `bytes`: two bytes a character, big-endian. A
    /// character the font lacks shows as its empty glyph, as it does through the SVG.
    fn encode(&mut self, text: &str, bytes: &mut Vec<u8>) {
        for ch in text.chars() {
            let code = match self.codes.get(&ch) {
                Some(&code) => code,
                None => {
                    let glyph = self.face.glyph_index(ch).map_or(0, |g| g.0);
                    let code = self.glyphs.remap(glyph);
                    if glyph != 0 {
                        self.characters.entry(code).or_insert(ch);
                    }
                    self.codes.insert(ch, code);
                    code
                }
            };
            bytes.extend_from_slice(&code.to_be_bytes());
        }
    }

    /// Writes the font (Type 0, its CID font, descriptor, ToUnicode map and the subset's
    /// bytes) as `font`, numbering the other objects from `alloc`.
    pub(super) fn write(
        &self,
        chunk: &mut Chunk,
        font: Ref,
        alloc: &mut Ref,
    ) -> Result<(), ExportError> {
        let [cid_ref, descriptor_ref, cmap_ref, data_ref] =
            [alloc.bump(), alloc.bump(), alloc.bump(), alloc.bump()];
        chunk
            .type0_font(font)
            .base_font(Name(BASE_FONT))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);
        let per_em = 1000.0 / f32::from(self.face.units_per_em().max(1));
        let mut cid = chunk.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(BASE_FONT))
            .system_info(SYSTEM_INFO)
            .font_descriptor(descriptor_ref)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let widths: Vec<f32> = self
            .glyphs
            .remapped_gids()
            .map(|old| f32::from(self.face.glyph_hor_advance(GlyphId(old)).unwrap_or(0)) * per_em)
            .collect();
        cid.widths().consecutive(0, widths);
        cid.finish();
        let bbox = self.face.global_bounding_box();
        let scaled = |v: i16| f32::from(v) * per_em;
        chunk
            .font_descriptor(descriptor_ref)
            .name(Name(BASE_FONT))
            .flags(FontFlags::SYMBOLIC)
            .bbox(pdf_writer::Rect::new(
                scaled(bbox.x_min),
                scaled(bbox.y_min),
                scaled(bbox.x_max),
                scaled(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(scaled(self.face.ascender()))
            .descent(scaled(self.face.descender()))
            .cap_height(scaled(
                self.face.capital_height().unwrap_or(self.face.ascender()),
            ))
            .stem_v(80.0)
            .font_file2(data_ref);
        let mut cmap = UnicodeCmap::new(Name(b"Organigram-UTF16"), SYSTEM_INFO);
        for (&code, &ch) in &self.characters {
            cmap.pair(code, ch);
        }
        chunk.cmap(cmap_ref, &cmap.finish());
        let subset = subsetter::subset(CARD_FONT_TTF, 0, &self.glyphs)
            .map_err(|e| ExportError::Render(format!("subsetting the bundled font: {e}")))?;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, DEFLATE_LEVEL);
        chunk
            .stream(data_ref, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        Ok(())
    }
}

/// Sets `runs` into `content`, where `to_page` maps the SVG's units (y down) onto the
/// page (y up) as the drawing's form XObject is mapped.
pub(super) fn draw_runs(
    content: &mut Content,
    font: &mut PdfFont,
    runs: &[TextRun],
    to_page: [f32; 6],
) {
    if runs.is_empty() {
        return;
    }
    content.save_state();
    content.transform(to_page);
    content.begin_text();
    let mut ink: Option<Rgb> = None;
    let mut size: Option<f32> = None;
    let mut codes = Vec::new();
    for run in runs {
        if ink != Some(run.colour) {
            let [r, g, b] = run.colour.map(|c| f32::from(c) / 255.0);
            content.set_fill_rgb(r, g, b);
            ink = Some(run.colour);
        }
        if size != Some(run.size) {
            content.set_font(FONT_NAME, run.size);
            size = Some(run.size);
        }
        // The page's y runs up and the SVG's down: the text matrix turns glyphs upright.
        content.set_text_matrix([1.0, 0.0, 0.0, -1.0, run.x, run.y]);
        codes.clear();
        font.encode(&run.text, &mut codes);
        content.show(Str(&codes));
    }
    content.end_text();
    content.restore_state();
}
