//! SVG to PDF with svg2pdf: each page's SVG becomes a form XObject placed on a page of
//! natural size or fitted to paper. Text stays text (selectable and searchable).

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::layout::ChartLayout;
use crate::model::Chart;

use super::page::plan::{plan, smallest_card_text, READABLE_PT};
use super::page::{Drawing, HeadingRoom, PagePlan, PlanRules};
use super::raster::parse;
use super::{svg, ExportError, ExportOptions};

/// Points per chart unit: chart units are CSS pixels (1/96 in), points are 1/72 in.
const POINTS_PER_UNIT: f32 = 0.75;
/// Space kept free around a chart fitted to paper, in points (1 cm).
const PAPER_MARGIN: f32 = 28.35;
/// The size of a page's heading (the SVG's title line), in chart units.
const HEADING_PX: f32 = 20.0;
/// The most a chart is enlarged to fill a page.
const MAX_ENLARGE: f32 = 2.0;
/// The largest page side many PDF readers accept, in points (200 in). Larger natural
/// pages are written in bigger user units (PDF 1.6), so they keep their true size.
const MAX_PAGE_SIDE: f32 = 14_400.0;

/// The PDF's pages: one page (the chart at its natural size, or fitted to paper), or with
/// [`PageSetup::per_unit`](super::PageSetup::per_unit) an overview and a page per unit,
/// every page at one scale with no card text under 9 pt on paper.
pub fn page_plan(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
) -> Result<PagePlan, ExportError> {
    let paper = paper_points(options);
    let fit = |drawing: &Drawing| match paper {
        None => [f32::INFINITY; 2],
        Some((paper_w, paper_h)) => {
            let (width, height) = svg::size(drawing, options);
            [
                (paper_w - 2.0 * PAPER_MARGIN) / width,
                (paper_h - 2.0 * PAPER_MARGIN) / height,
            ]
        }
    };
    let per_unit = options.page.per_unit;
    let (min_scale, max_scale) = match (paper, per_unit) {
        (None, _) => (POINTS_PER_UNIT, POINTS_PER_UNIT),
        (Some(_), false) => (0.0, POINTS_PER_UNIT * MAX_ENLARGE),
        (Some(_), true) => (
            READABLE_PT / smallest_card_text(&options.style, true),
            POINTS_PER_UNIT * MAX_ENLARGE,
        ),
    };
    let heading = HeadingRoom {
        font_px: HEADING_PX,
        width: paper.map_or(f32::INFINITY, |(paper_w, _)| {
            (paper_w - 2.0 * PAPER_MARGIN) / min_scale - 2.0 * svg::MARGIN
        }),
    };
    let rules = PlanRules {
        min_scale,
        max_scale,
        always_split: per_unit,
        fit: &fit,
        style: &options.style,
        layout: &options.layout,
        link_extra_height: 0.0,
        link_min_width: 0.0,
        heading,
    };
    plan(chart, layout, options, &rules)
}

/// The paper's width and height in points, turned as asked; `None` for natural size.
fn paper_points(options: &ExportOptions) -> Option<(f32, f32)> {
    options.page.paper.map(|paper| {
        let (w, h) = paper.points();
        if options.page.landscape {
            (h, w)
        } else {
            (w, h)
        }
    })
}

/// Renders the PDF for `chart` laid out as `layout`.
pub fn pdf(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let plan = page_plan(chart, layout, options)?;
    let paper = paper_points(options);
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let mut page_ids = Vec::with_capacity(plan.pages.len());
    let mut writer = Pdf::new();
    let mut chunks = Vec::with_capacity(plan.pages.len());

    for planned in &plan.pages {
        let svg_text = svg::render(
            planned.chart(chart),
            planned.layout(layout),
            &planned.drawing,
            options,
        );
        let tree = parse(&svg_text)?;
        let (chunk, xobject) = svg_xobject(&tree, &mut alloc)?;

        // The drawing at the plan's scale; a natural page is the drawing's size.
        let (chart_w, chart_h) = (
            tree.size().width() * planned.scale,
            tree.size().height() * planned.scale,
        );
        let (page_w, page_h) = paper.unwrap_or((chart_w, chart_h));
        let unit = (page_w.max(page_h) / MAX_PAGE_SIDE).ceil().max(1.0);
        let (page_w, page_h) = (page_w / unit, page_h / unit);
        let (draw_w, draw_h) = (chart_w / unit, chart_h / unit);
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

/// `tree` as a PDF form XObject, its objects numbered from `alloc`: the chunk to write,
/// and the XObject's reference.
pub(crate) fn svg_xobject(
    tree: &svg2pdf::usvg::Tree,
    alloc: &mut Ref,
) -> Result<(pdf_writer::Chunk, Ref), ExportError> {
    let (chunk, xobject) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let xobject = *renumbered
        .get(&xobject)
        .ok_or_else(|| ExportError::Render("the drawing was lost".into()))?;
    Ok((chunk, xobject))
}
