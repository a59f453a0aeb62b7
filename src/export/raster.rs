//! SVG to PNG with resvg, using the bundled CJK font so every machine renders the same.

use std::sync::{Arc, OnceLock};

use svg2pdf::usvg;

use crate::fonts::{CARD_FONT_FAMILY, CARD_FONT_TTF};

use super::ExportError;

/// The most pixels a PNG export may have: 64 megapixels (256 MB of pixels in memory).
pub const MAX_PNG_PIXELS: u64 = 64_000_000;

/// A font database holding only the bundled font, so output does not depend on what
/// fonts a machine has. SVG files keep a font stack, so other programs use their own.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            database.load_font_data(CARD_FONT_TTF.to_vec());
            database.set_sans_serif_family(CARD_FONT_FAMILY);
            Arc::new(database)
        })
        .clone()
}

/// Parses SVG text into a usvg tree with the bundled font.
pub fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: CARD_FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))
}

/// Renders SVG text to PNG bytes at `scale` pixels per SVG unit (1–4).
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    if !(1.0..=4.0).contains(&scale) {
        return Err(ExportError::BadScale(scale));
    }
    let tree = parse(svg)?;
    let size = tree.size();
    let width = (f64::from(size.width()) * f64::from(scale)).ceil() as u64;
    let height = (f64::from(size.height()) * f64::from(scale)).ceil() as u64;
    if width.saturating_mul(height) > MAX_PNG_PIXELS || width > 65_535 || height > 65_535 {
        return Err(ExportError::TooLarge {
            width,
            height,
            megapixels: width.saturating_mul(height) / 1_000_000,
            limit: MAX_PNG_PIXELS / 1_000_000,
        });
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width as u32, height as u32)
        .ok_or_else(|| ExportError::Render(format!("cannot make a {width} × {height} picture")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}
