//! The chart as SVG: cards as rectangles with `<text>` (so the text stays editable in
//! PowerPoint, Keynote and Inkscape), connectors as polylines. PNG is rendered from this
//! same SVG, and the PDF from the same drawing in layers ([`render_layers`]).

use std::fmt::Write;
use std::io;

use rustc_hash::FxHashMap;

use crate::fonts::{ascent_em, text_width, CARD_FONT_FAMILY};
use crate::layout::{
    card_text, ChartLayout, DottedShape, LineRole, LinkKind, RectInChart, Routing, CARD_SPEC,
};
use crate::model::{Chart, Colour, NodeId, NodeKind};
use crate::theme::{hex, Rgb};

use super::marked::{self, Legend};
use super::page::Drawing;
use super::svg_out::SvgOut;
pub use super::svg_out::{TextRun, SPILL_BYTES};
use super::ExportOptions;

/// Space around the chart, in chart units.
pub const MARGIN: f32 = 32.0;
const TITLE_PX: f32 = 20.0;
const SUBTITLE_PX: f32 = 13.0;
const FOOTER_PX: f32 = 11.0;

/// The font-family stack: common CJK system fonts first, then the bundled family.
pub fn font_stack() -> String {
    format!("'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', '{CARD_FONT_FAMILY}', sans-serif")
}

/// The header and footer lines of a drawing and the room they take.
struct Frame {
    title: Option<String>,
    subtitle: Option<String>,
    footer: Option<String>,
    /// The legends below the title: a comparison's, and Colour by's.
    legends: Vec<Legend>,
    header_height: f32,
    footer_height: f32,
    /// The widest heading line: the drawing is at least this wide.
    header_width: f32,
}

impl Frame {
    fn new(drawing: &Drawing, options: &ExportOptions) -> Frame {
        let (title, subtitle) = match &drawing.heading {
            Some(heading) => (Some(heading.clone()), options.title.clone()),
            None => (options.title.clone(), None),
        };
        let mut header_height = 0.0;
        if title.is_some() {
            header_height += TITLE_PX * 1.3;
        }
        if subtitle.is_some() {
            header_height += SUBTITLE_PX * 1.3;
        }
        let legends: Vec<Legend> = options
            .changes
            .as_deref()
            .map(|changes| marked::legend(changes, &options.palette, options.lang))
            .into_iter()
            .chain(options.colouring.as_deref().map(marked::colour_legend))
            .collect();
        for legend in &legends {
            header_height += legend.size.1 + 4.0;
        }
        if header_height > 0.0 {
            header_height += 14.0;
        }
        let header_width = [
            title.as_deref().map_or(0.0, |t| text_width(t, TITLE_PX)),
            subtitle
                .as_deref()
                .map_or(0.0, |t| text_width(t, SUBTITLE_PX)),
            legends.iter().map(|l| l.size.0).fold(0.0, f32::max),
        ]
        .into_iter()
        .fold(0.0, f32::max);
        let footer_height = if options.footer.is_some() {
            FOOTER_PX * 1.3 + 12.0
        } else {
            0.0
        };
        Frame {
            title,
            subtitle,
            footer: options.footer.clone(),
            legends,
            header_height,
            footer_height,
            header_width,
        }
    }
}

/// The size in chart units (1 unit = 1 CSS pixel) of the SVG for `drawing`.
pub fn size(drawing: &Drawing, options: &ExportOptions) -> (f32, f32) {
    let frame = Frame::new(drawing, options);
    let width = drawing.bounds.width.max(frame.header_width) + 2.0 * MARGIN;
    let height = drawing.bounds.height + 2.0 * MARGIN + frame.header_height + frame.footer_height;
    (width.ceil(), height.ceil())
}

/// Renders `drawing` of `chart` laid out as `layout`, whole (PNG parses it).
pub fn render(
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
) -> String {
    let mut out = SvgOut::whole(512 + drawing.cards.len() * 600);
    draw(&mut out, chart, layout, drawing, options);
    out.into_parts().0
}

/// Writes the SVG of `drawing` to `sink` in pieces of about [`SPILL_BYTES`], so that a
/// chart of a million cards is never held in memory as one document.
pub fn write(
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = SvgOut::streaming(sink);
    draw(&mut out, chart, layout, drawing, options);
    out.finish()
}

/// The drawing as the PDF sets it: the shapes as SVG, the text apart (drawn over the
/// shapes), and what lies over the text (change marks, ghost cards) as SVG of its own,
/// `None` when there is none. Laid over each other they are [`render`]'s picture.
pub struct Layers {
    /// Everything but text: a whole SVG document.
    pub shapes: String,
    /// Every line of text, in drawing order.
    pub text: Vec<TextRun>,
    /// Change marks and ghost cards, with their own text: a whole SVG document.
    pub above: Option<String>,
}

/// Renders `drawing` as [`Layers`].
pub fn render_layers(
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
) -> Layers {
    let mut out = SvgOut::text_apart(512 + drawing.cards.len() * 300);
    let above_drawn = draw(&mut out, chart, layout, drawing, options) == Some(true);
    let (shapes, text, above) = out.into_parts();
    Layers {
        shapes,
        text,
        above: above.filter(|_| above_drawn),
    }
}

/// The whole SVG document of `drawing`, into `out`; whether anything was drawn in the
/// document of what lies above (if `out` keeps one).
fn draw(
    out: &mut SvgOut<'_>,
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
) -> Option<bool> {
    let palette = &options.palette;
    let frame = Frame::new(drawing, options);
    let (width, height) = size(drawing, options);
    let offset = (
        MARGIN - drawing.bounds.x,
        MARGIN + frame.header_height - drawing.bounds.y,
    );
    open_document(out, chart, (width, height), Some(palette.page_background));
    let empty_above = out.above_apart().map(|above| {
        open_document(above, chart, (width, height), None);
        above.len_bytes()
    });
    header_svg(out, &frame, palette);
    connectors_svg(out, chart, layout, drawing, options, offset);
    marked::ghost_lines_svg(out, layout, drawing, options, offset);
    out.spill();
    cards_svg(out, chart, layout, drawing, options, offset);
    ghosts_svg(out.above(), drawing, options, offset);
    if let Some(footer) = &frame.footer {
        let y = height - MARGIN + FOOTER_PX * ascent_em() - FOOTER_PX;
        let x = width - MARGIN - text_width(footer, FOOTER_PX);
        text(out, x, y, FOOTER_PX, palette.caption, footer);
    }
    out.push_str(CLOSE_DOCUMENT);
    let above = out.above_apart()?;
    let drawn = Some(above.len_bytes()) != empty_above;
    above.push_str(CLOSE_DOCUMENT);
    Some(drawn)
}

const CLOSE_DOCUMENT: &str = "</g>\n</svg>\n";

/// The document's opening: its size, title and background (if any), and the font group
/// that [`CLOSE_DOCUMENT`] closes.
fn open_document(
    out: &mut SvgOut<'_>,
    chart: &Chart,
    (width, height): (f32, f32),
    background: Option<Rgb>,
) {
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(out, r#"<title>{}</title>"#, escape(chart.title()));
    if let Some(background) = background {
        let _ = writeln!(
            out,
            r#"<rect width="{width}" height="{height}" fill="{}"/>"#,
            hex(background)
        );
    }
    let _ = writeln!(out, r#"<g font-family="{}">"#, font_stack());
}

/// `rect` moved by `offset`.
pub(super) fn shifted(rect: RectInChart, offset: (f32, f32)) -> RectInChart {
    RectInChart {
        x: rect.x + offset.0,
        y: rect.y + offset.1,
        ..rect
    }
}

/// The title and subtitle above the chart.
fn header_svg(out: &mut SvgOut<'_>, frame: &Frame, palette: &crate::theme::Palette) {
    let mut baseline = MARGIN;
    if let Some(title) = &frame.title {
        baseline += TITLE_PX * ascent_em();
        text(out, MARGIN, baseline, TITLE_PX, palette.title, title);
        baseline += TITLE_PX * (1.3 - ascent_em());
    }
    if let Some(subtitle) = &frame.subtitle {
        baseline += SUBTITLE_PX * ascent_em();
        text(
            out,
            MARGIN,
            baseline,
            SUBTITLE_PX,
            palette.caption,
            subtitle,
        );
        baseline += SUBTITLE_PX * (1.3 - ascent_em());
    }
    let mut top = baseline + 4.0;
    for legend in &frame.legends {
        marked::legend_svg(out, legend, MARGIN, top, palette);
        top += legend.size.1 + 4.0;
    }
}

/// A comparison's ghost cards.
fn ghosts_svg(
    out: &mut SvgOut<'_>,
    drawing: &Drawing,
    options: &ExportOptions,
    offset: (f32, f32),
) {
    let Some(changes) = options.changes.as_deref() else {
        return;
    };
    for place in &drawing.ghosts {
        let Some(ghost) = changes.ghosts.get(place.ghost) else {
            continue;
        };
        let rect = shifted(place.rect, offset);
        let card = card_text(&ghost.node, &options.style);
        marked::ghost_svg(out, rect, changes, place.ghost, options, |out, faded| {
            let band = faded.palette.neutral_band;
            card_svg(out, rect, ghost.node.kind, band, 0, &card, faded);
        });
    }
}

/// The reporting lines, drawn under the cards: tree lines as [`crate::layout::route`] runs them, lines to
/// pinned cards and dotted lines as [`Routing`] routes them (a dotted line whose manager
/// is far away, or not in this drawing, is a stub with a label naming the manager).
fn connectors_svg(
    sink: &mut SvgOut<'_>,
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
    offset: (f32, f32),
) {
    let palette = &options.palette;
    let routing = match &drawing.dotted {
        Some(requests) => Routing::with_requests(chart, layout, &options.layout, requests),
        None => Routing::new(chart, layout, &options.layout),
    };
    let shift = |points: &[[f32; 2]]| -> Vec<[f32; 2]> {
        points
            .iter()
            .map(|&[x, y]| [x + offset.0, y + offset.1])
            .collect()
    };
    sink.push_str("<g fill=\"none\" stroke-linejoin=\"round\">\n");
    for line in &drawing.connectors {
        if line.kind == LinkKind::Dotted {
            continue;
        }
        if let Some(points) = routing.points(line, layout) {
            polyline_svg(sink, &shift(&points), palette.connector, None);
            sink.spill();
        }
    }
    let out = sink;
    let mut labels = Vec::new();
    for dotted in routing.dotted() {
        if !drawing.cards.contains(&dotted.to) {
            continue;
        }
        let dash = Some(CARD_SPEC.dotted_dash);
        match dotted.shape(drawing.cards.contains(&dotted.from)) {
            DottedShape::Line(points) => polyline_svg(out, &shift(points), palette.dotted, dash),
            DottedShape::Stub(stub) => {
                polyline_svg(out, &shift(&stub.points), palette.dotted, dash);
                labels.push(stub);
            }
        }
    }
    out.push_str("</g>\n");
    for stub in labels {
        let [x, y] = stub.baseline();
        text(
            out,
            x + offset.0,
            y + offset.1,
            stub.font_px,
            palette.dotted,
            &stub.label,
        );
    }
}

/// One line through `points`, dashed by `dash` (on, off) if given.
fn polyline_svg(out: &mut SvgOut<'_>, points: &[[f32; 2]], colour: Rgb, dash: Option<[f32; 2]>) {
    let mut list = String::new();
    for [x, y] in points {
        let _ = write!(list, "{x:.1},{y:.1} ");
    }
    let _ = writeln!(
        out,
        r#"<polyline points="{}" stroke="{}" stroke-width="{}"{}/>"#,
        list.trim_end(),
        hex(colour),
        CARD_SPEC.connector_width,
        dash_attribute(dash)
    );
}

/// The drawn cards, each in its own or its nearest coloured ancestor's colour.
fn cards_svg(
    out: &mut SvgOut<'_>,
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
    offset: (f32, f32),
) {
    // Cards come parents first, so a card takes its parent's colour from here; only a
    // card whose parent is not drawn (a page's top) looks up its ancestors.
    let mut colours: FxHashMap<NodeId, Option<Colour>> =
        FxHashMap::with_capacity_and_hasher(drawing.cards.len(), Default::default());
    for card in &layout.cards {
        if !drawing.cards.contains(&card.id) {
            continue;
        }
        let Some(node) = chart.node(card.id) else {
            continue;
        };
        let inherited = |parent| {
            colours
                .get(&parent)
                .copied()
                .unwrap_or_else(|| chart.colour_of(parent))
        };
        let coloured = options
            .colouring
            .as_deref()
            .and_then(|c| c.colours.get(card.id).copied());
        let own = node
            .colour
            .or_else(|| chart.parent(card.id).and_then(inherited));
        colours.insert(card.id, own);
        let hidden = if node.collapsed {
            chart.subtree(card.id).count() - 1
        } else {
            0
        };
        let rect = shifted(card.rect, offset);
        card_svg(
            out,
            rect,
            node.kind,
            options.palette.band(coloured.or(own)),
            hidden,
            &card_text(node, &options.style),
            options,
        );
        if let Some(mark) = options.changes.as_deref().and_then(|c| c.mark(card.id)) {
            marked::mark_svg(out.above(), rect, mark, &options.palette, options.lang);
        }
        out.spill();
    }
}

/// ` stroke-dasharray="a b"`, or nothing for a solid line.
pub(super) fn dash_attribute(dash: Option<[f32; 2]>) -> String {
    dash.map_or_else(String::new, |[on, off]| {
        format!(r#" stroke-dasharray="{on} {off}""#)
    })
}

fn card_svg(
    out: &mut SvgOut<'_>,
    rect: RectInChart,
    kind: NodeKind,
    colour: Rgb,
    hidden: usize,
    card: &crate::layout::CardText,
    options: &ExportOptions,
) {
    let spec = &CARD_SPEC;
    let palette = &options.palette;
    let RectInChart {
        x,
        y,
        width,
        height,
    } = rect;
    let radius = spec.corner_radius;
    let band = options.style.band_height;
    let _ = writeln!(out, "<g>");
    let colours = spec.colours(kind, colour, palette);
    let _ = writeln!(
        out,
        r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{radius}" fill="{}" stroke="{}" stroke-width="{}"{}/>"#,
        hex(colours.fill),
        hex(colours.border),
        spec.border_width(kind),
        dash_attribute(spec.border_dash(kind)),
    );
    match kind {
        NodeKind::Position => {
            let _ = writeln!(
                out,
                r#"<path d="M{x},{} A{radius},{radius} 0 0 1 {},{y} H{} A{radius},{radius} 0 0 1 {},{} V{} H{x} Z" fill="{}"/>"#,
                y + radius,
                x + radius,
                x + width - radius,
                x + width,
                y + radius,
                y + band,
                hex(colours.band)
            );
        }
        NodeKind::Assistant => {
            let _ = writeln!(
                out,
                r#"<path d="M{},{y} H{} V{} H{} A{radius},{radius} 0 0 1 {x},{} V{} A{radius},{radius} 0 0 1 {},{y} Z" fill="{}"/>"#,
                x + radius,
                x + band,
                y + height,
                x + radius,
                y + height - radius,
                y + radius,
                x + radius,
                hex(colours.band)
            );
        }
        NodeKind::Unit => {}
    }
    for line in &card.lines {
        card_line_svg(out, x, y, line, options);
    }
    if hidden > 0 {
        let label = format!("+{hidden}");
        let px = spec.fold_badge_px;
        let [pill_x, pill_y, w, h] =
            spec.fold_pill(x + width / 2.0, y + height, text_width(&label, px));
        let _ = writeln!(
            out,
            r#"<rect x="{pill_x}" y="{pill_y}" width="{w}" height="{h}" rx="{}" fill="{}"/>"#,
            h / 2.0,
            hex(colour)
        );
        text(
            out,
            pill_x + spec.fold_badge_padding_x,
            y + height + px * ascent_em() - px * 0.65,
            px,
            [0xff, 0xff, 0xff],
            &label,
        );
    }
    let _ = writeln!(out, "</g>");
}

/// One line of a card's text at the card's top-left corner (`x`, `y`).
fn card_line_svg(
    out: &mut SvgOut<'_>,
    x: f32,
    y: f32,
    line: &crate::layout::CardLine,
    options: &ExportOptions,
) {
    let spec = &CARD_SPEC;
    let colour = spec.ink(line.role, &options.palette);
    let left = x + line.offset[0];
    let top = y + line.offset[1];
    let baseline = top + line.font_px * ascent_em();
    if line.role == LineRole::Badge {
        let [pill_x, pill_y, pill_w, pill_h] = spec.badge_pill(
            left,
            top,
            text_width(&line.text, line.font_px),
            line.font_px * options.style.line_height,
        );
        let _ = writeln!(
            out,
            r#"<rect x="{pill_x}" y="{pill_y}" width="{pill_w}" height="{pill_h}" rx="{}" fill="{}"/>"#,
            pill_h / 2.0,
            hex(options.palette.badge_fill)
        );
    }
    if let LineRole::Duty { first: true } = line.role {
        let bullet = crate::layout::card::DUTY_BULLET;
        let indent = text_width(bullet, line.font_px) + spec.bullet_gap;
        text(out, left - indent, baseline, line.font_px, colour, bullet);
    }
    text(out, left, baseline, line.font_px, colour, &line.text);
}

/// A line of text with its baseline's left end at (`x`, `y`).
pub(super) fn text(out: &mut SvgOut<'_>, x: f32, y: f32, size: f32, colour: Rgb, content: &str) {
    if out.gathers_text() {
        out.gather(TextRun {
            x,
            y,
            size,
            colour,
            text: content.to_owned(),
        });
        return;
    }
    let _ = writeln!(
        out,
        r#"<text x="{x:.2}" y="{y:.2}" font-size="{size}" fill="{}">{}</text>"#,
        hex(colour),
        escape(content)
    );
}

/// Escapes text for XML (SVG, and the PowerPoint and Word parts): one line of it, with
/// control characters but tab left out, and the two non-characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
