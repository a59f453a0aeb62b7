//! SVG to PDF with svg2pdf: each page's SVG becomes a form XObject placed on a page of
//! natural size or fitted to paper. Text stays text (selectable and searchable).

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::layout::ChartLayout;
use crate::model::Chart;

use super::page::pages;
use super::raster::parse;
use super::{svg, ExportError, ExportOptions};

/// Points per chart unit: chart units are CSS pixels (1/96 in), points are 1/72 in.
const POINTS_PER_UNIT: f32 = 0.75;
/// Space kept free around a chart fitted to paper, in points (1 cm).
const PAPER_MARGIN: f32 = 28.35;
/// The most a chart is enlarged to fill a page.
const MAX_ENLARGE: f32 = 2.0;
/// The largest page side many PDF readers accept, in points (200 in). Larger natural
/// pages are written in bigger user units (PDF 1.6), so they keep their true size.
const MAX_PAGE_SIDE: f32 = 14_400.0;

/// Renders the PDF for `chart` laid out as `layout`.
pub fn pdf(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let drawings = pages(chart, layout, options)?;
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let mut page_ids = Vec::with_capacity(drawings.len());
    let mut writer = Pdf::new();
    let mut chunks = Vec::with_capacity(drawings.len());

    for drawing in &drawings {
        let svg_text = svg::render(chart, layout, drawing, options);
        let tree = parse(&svg_text)?;
        let (chunk, xobject) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Render(e.to_string()))?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let xobject = *renumbered
            .get(&xobject)
            .ok_or_else(|| ExportError::Render("the drawing was lost".into()))?;

        let (chart_w, chart_h) = (
            tree.size().width() * POINTS_PER_UNIT,
            tree.size().height() * POINTS_PER_UNIT,
        );
        let (page_w, page_h, scale) = match options.page.paper {
            None => (chart_w, chart_h, 1.0),
            Some(paper) => {
                let (w, h) = paper.points();
                let (w, h) = if options.page.landscape {
                    (h, w)
                } else {
                    (w, h)
                };
                let scale = ((w - 2.0 * PAPER_MARGIN) / chart_w)
                    .min((h - 2.0 * PAPER_MARGIN) / chart_h)
                    .min(MAX_ENLARGE);
                (w, h, scale)
            }
        };
        let unit = (page_w.max(page_h) / MAX_PAGE_SIDE).ceil().max(1.0);
        let (page_w, page_h, scale) = (page_w / unit, page_h / unit, scale / unit);
        let (draw_w, draw_h) = (chart_w * scale, chart_h * scale);
        let (left, bottom) = ((page_w - draw_w) / 2.0, (page_h - draw_h) / 2.0);

        let page_id = alloc.bump();
        let content_id = alloc.bump();
        page_ids.push(page_id);
        let name = Name(b"Chart");
        let mut page = writer.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, page_w, page_h));
        if unit > 1.0 {
            page.user_unit(unit);
        }
        page.parent(page_tree);
        page.contents(content_id);
        page.resources().x_objects().pair(name, xobject);
        page.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([draw_w, 0.0, 0.0, draw_h, left, bottom]);
        content.x_object(name);
        content.restore_state();
        writer.stream(content_id, &content.finish());
        chunks.push(chunk);
    }
    writer.catalog(catalog).pages(page_tree);
    writer
        .pages(page_tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    writer
        .document_info(info)
        .title(TextStr(chart.title()))
        .creator(TextStr("Organigram"));
    for chunk in &chunks {
        writer.extend(chunk);
    }
    Ok(writer.finish())
}
