//! The handbook's figure: the whole chart, unfolded, drawn by the one export renderer.

use crate::export::raster::{parse, png};
use crate::export::{export_bytes, ExportChoices, ExportError, ExportFormat};
use crate::i18n::Lang;
use crate::layout::{AspectRatio, LayoutOptions};
use crate::model::{show_levels, Chart};

/// The most pixels per chart unit the Word figure is drawn at.
const MAX_PNG_SCALE: f32 = 3.0;
/// The figure's width in pixels above which the scale comes down (to 1 at the least):
/// fitted to the page, 4000 pixels print at over 600 dpi, and a large chart's picture
/// stays a few megabytes.
const ENOUGH_PNG_WIDTH_PX: f32 = 4000.0;

/// `chart` with every subtree unfolded: the handbook shows the whole organisation.
fn unfolded(chart: &Chart) -> Chart {
    let mut open = chart.clone();
    if let Some(edit) = show_levels(chart, None) {
        // Unfolding breaks no rule; were it refused, the chart is drawn as it is.
        let _ = open.apply(edit);
    }
    open
}

/// The chart as SVG, its words (the vacancy marker) in `lang`, light colours, no title.
pub fn chart_svg(chart: &Chart, lang: Lang) -> Result<String, ExportError> {
    let open = unfolded(chart);
    let options = choices(lang).options(&open);
    let bytes = export_bytes(&open, ExportFormat::Svg, &options)?;
    String::from_utf8(bytes).map_err(|e| ExportError::Render(e.to_string()))
}

/// The chart as a sharp PNG, with its pixels per chart unit: 3, or less for a wide
/// chart (no less than 1), and less again when the PNG limit asks; `None` when even 1
/// is too large.
pub fn chart_png(chart: &Chart, lang: Lang) -> Result<Option<(Vec<u8>, f32)>, ExportError> {
    let svg = chart_svg(chart, lang)?;
    let width_units = parse(&svg)?.size().width().max(1.0);
    let first = (ENOUGH_PNG_WIDTH_PX / width_units).clamp(1.0, MAX_PNG_SCALE);
    for scale in [first, 2.0, 1.0] {
        if scale > first {
            continue;
        }
        match png(&svg, scale) {
            Ok(bytes) => return Ok(Some((bytes, scale))),
            Err(ExportError::TooLarge { .. }) => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(None)
}

/// The export's choices for the figure: a wide chart is laid out close to the shape of
/// landscape paper (wide rows of subordinates wrap), so it reads on a page.
fn choices(lang: Lang) -> ExportChoices {
    ExportChoices {
        format: ExportFormat::Svg,
        lang: Some(lang),
        layout: LayoutOptions {
            fit: Some(AspectRatio::PAPER_LANDSCAPE),
            ..LayoutOptions::default()
        },
        ..ExportChoices::default()
    }
}

/// The pixel size of a PNG, from its header.
pub(super) fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[1..4] != b"PNG" {
        return None;
    }
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    Some((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_chart_is_drawn_no_wider_than_needed_and_a_small_one_sharply() {
        for (name, scale) in [
            ("midsize-northwind", None),
            ("seed-marketing-zh", Some(3.0)),
        ] {
            let chart = crate::samples::find(name)
                .and_then(|s| s.load().ok())
                .expect("the sample");
            let (png, drawn) = chart_png(&chart, Lang::English)
                .expect("drawn")
                .expect("not too large");
            let (width, _) = png_size(&png).expect("a PNG");
            assert!(
                f64::from(width) <= f64::from(ENOUGH_PNG_WIDTH_PX) + 1.0 || drawn == 1.0,
                "{name}: {width} px at {drawn}"
            );
            if let Some(scale) = scale {
                assert_eq!(drawn, scale, "{name}");
            }
        }
    }
}
