//! The chart as PDF: each page's drawing in layers ([`svg::render_layers`]). The shapes'
//! SVG becomes a form XObject (svg2pdf) placed on a page of natural size or fitted to
//! paper; the text is set over it in the bundled font ([`super::pdf_text`]), so it stays
//! text (selectable and searchable); change marks are a second XObject above the text.

use std::collections::HashMap;

use pdf_writer::{Chunk, Content, Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::layout::ChartLayout;
use crate::model::Chart;

use super::page::plan::{plan, smallest_card_text, READABLE_PT};
use super::page::{Drawing, HeadingRoom, PagePlan, PlanRules};
use super::pdf_text::{draw_runs, PdfFont, DEFLATE_LEVEL, FONT_NAME};
use super::raster::parse;
use super::svg::Layers;
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
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let font_ref = alloc.bump();
    let mut doc = Document {
        alloc,
        writer: Pdf::new(),
        chunks: Vec::with_capacity(plan.pages.len() + 1),
        font: PdfFont::bundled()?,
        font_ref,
        paper: paper_points(options),
    };
    let mut page_ids = Vec::with_capacity(plan.pages.len());
    for planned in &plan.pages {
        let layers = svg::render_layers(
            planned.chart(chart),
            planned.layout(layout),
            &planned.drawing,
            options,
        );
        page_ids.push(doc.page(&layers, planned.scale, page_tree)?);
    }
    let mut font_chunk = Chunk::new();
    doc.font
        .write(&mut font_chunk, doc.font_ref, &mut doc.alloc)?;
    doc.chunks.push(font_chunk);
    let mut writer = doc.writer;
    writer.catalog(catalog).pages(page_tree);
    writer
        .pages(page_tree)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    writer
        .document_info(info)
        .title(TextStr(chart.title()))
        .creator(TextStr("Organigram"));
    for chunk in &doc.chunks {
        writer.extend(chunk);
    }
    Ok(writer.finish())
}

/// A PDF being written: its objects' numbers, pages, drawings and the one font.
struct Document {
    alloc: Ref,
    writer: Pdf,
    /// The drawings (form XObjects) and the font, written after the pages.
    chunks: Vec<Chunk>,
    font: PdfFont,
    font_ref: Ref,
    /// The paper's size in points; `None` for pages of the drawing's own size.
    paper: Option<(f32, f32)>,
}

impl Document {
    /// Writes a page of `layers` at `scale` points per unit: the shapes, the text set
    /// over them, and the change marks over the text. Returns the page's reference.
    fn page(&mut self, layers: &Layers, scale: f32, page_tree: Ref) -> Result<Ref, ExportError> {
        let tree = parse(&layers.shapes)?;
        let (chunk, shapes) = svg_xobject(&tree, &mut self.alloc)?;
        self.chunks.push(chunk);
        let above = match &layers.above {
            Some(above) => {
                let (chunk, xobject) = svg_xobject(&parse(above)?, &mut self.alloc)?;
                self.chunks.push(chunk);
                Some(xobject)
            }
            None => None,
        };

        // The drawing at the plan's scale; a natural page is the drawing's size.
        let (svg_w, svg_h) = (tree.size().width(), tree.size().height());
        let (chart_w, chart_h) = (svg_w * scale, svg_h * scale);
        let (page_w, page_h) = self.paper.unwrap_or((chart_w, chart_h));
        let unit = (page_w.max(page_h) / MAX_PAGE_SIDE).ceil().max(1.0);
        let (page_w, page_h) = (page_w / unit, page_h / unit);
        let (draw_w, draw_h) = (chart_w / unit, chart_h / unit);
        let (left, bottom) = ((page_w - draw_w) / 2.0, (page_h - draw_h) / 2.0);

        let page_id = self.alloc.bump();
        let content_id = self.alloc.bump();
        let mut page = self.writer.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, page_w, page_h));
        if unit > 1.0 {
            page.user_unit(unit);
        }
        page.parent(page_tree);
        page.contents(content_id);
        let mut resources = page.resources();
        let mut x_objects = resources.x_objects();
        x_objects.pair(Name(b"Chart"), shapes);
        if let Some(above) = above {
            x_objects.pair(Name(b"Above"), above);
        }
        x_objects.finish();
        resources.fonts().pair(FONT_NAME, self.font_ref);
        resources.finish();
        page.finish();

        let mut content = Content::new();
        let place = [draw_w, 0.0, 0.0, draw_h, left, bottom];
        content.save_state();
        content.transform(place);
        content.x_object(Name(b"Chart"));
        content.restore_state();
        // SVG units, y down, onto the page where the drawing lies.
        let to_page = [
            draw_w / svg_w,
            0.0,
            0.0,
            -draw_h / svg_h,
            left,
            bottom + draw_h,
        ];
        draw_runs(&mut content, &mut self.font, &layers.text, to_page);
        if above.is_some() {
            content.save_state();
            content.transform(place);
            content.x_object(Name(b"Above"));
            content.restore_state();
        }
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), DEFLATE_LEVEL);
        self.writer
            .stream(content_id, &packed)
            .filter(Filter::FlateDecode);
        Ok(page_id)
    }
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
