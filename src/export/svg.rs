//! The chart as SVG: cards as rectangles with `<text>` (so the text stays editable in
//! PowerPoint, Keynote and Inkscape), connectors as polylines. PNG and PDF are rendered
//! from this same SVG.

use std::fmt::Write;

use rustc_hash::FxHashMap;

use crate::fonts::{ascent_em, text_width, CARD_FONT_FAMILY};
use crate::layout::{card_text, route, ChartLayout, LineRole, LinkKind, RectInChart};
use crate::model::{Chart, Colour, NodeId, NodeKind};
use crate::theme::{hex, Palette, Rgb};

use super::page::Drawing;
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
    header_height: f32,
    footer_height: f32,
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
        if header_height > 0.0 {
            header_height += 14.0;
        }
        let footer_height = if options.footer.is_some() {
            FOOTER_PX * 1.3 + 12.0
        } else {
            0.0
        };
        Frame {
            title,
            subtitle,
            footer: options.footer.clone(),
            header_height,
            footer_height,
        }
    }
}

/// The size in chart units (1 unit = 1 CSS pixel) of the SVG for `drawing`.
pub fn size(drawing: &Drawing, options: &ExportOptions) -> (f32, f32) {
    let frame = Frame::new(drawing, options);
    let width = drawing.bounds.width + 2.0 * MARGIN;
    let height = drawing.bounds.height + 2.0 * MARGIN + frame.header_height + frame.footer_height;
    (width.ceil(), height.ceil())
}

/// Renders `drawing` of `chart` laid out as `layout`.
pub fn render(
    chart: &Chart,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
) -> String {
    let palette = &options.palette;
    let frame = Frame::new(drawing, options);
    let (width, height) = size(drawing, options);
    let dx = MARGIN - drawing.bounds.x;
    let dy = MARGIN + frame.header_height - drawing.bounds.y;
    let shift = |rect: RectInChart| RectInChart {
        x: rect.x + dx,
        y: rect.y + dy,
        ..rect
    };

    let mut out = String::with_capacity(512 + drawing.cards.len() * 600);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(out, r#"<title>{}</title>"#, escape(chart.title()));
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="{}"/>"#,
        hex(palette.page_background)
    );
    let _ = writeln!(out, r#"<g font-family="{}">"#, font_stack());

    let mut baseline = MARGIN;
    if let Some(title) = &frame.title {
        baseline += TITLE_PX * ascent_em();
        text(&mut out, MARGIN, baseline, TITLE_PX, palette.title, title);
        baseline += TITLE_PX * (1.3 - ascent_em());
    }
    if let Some(subtitle) = &frame.subtitle {
        baseline += SUBTITLE_PX * ascent_em();
        text(
            &mut out,
            MARGIN,
            baseline,
            SUBTITLE_PX,
            palette.caption,
            subtitle,
        );
    }

    let level_gap = options.layout.level_gap;
    out.push_str("<g fill=\"none\" stroke-linejoin=\"round\">\n");
    for line in &drawing.connectors {
        let (Some(from), Some(to)) = (layout.rect(line.from), layout.rect(line.to)) else {
            continue;
        };
        let points = route(
            line.kind,
            level_gap,
            options.layout.orientation,
            shift(from),
            shift(to),
        );
        let mut list = String::new();
        for [x, y] in points {
            let _ = write!(list, "{x:.1},{y:.1} ");
        }
        let (colour, dash) = match line.kind {
            LinkKind::Dotted => (palette.dotted, r#" stroke-dasharray="6 4""#),
            _ => (palette.connector, ""),
        };
        let _ = writeln!(
            out,
            r#"<polyline points="{}" stroke="{}" stroke-width="1.5"{dash}/>"#,
            list.trim_end(),
            hex(colour)
        );
    }
    out.push_str("</g>\n");

    // Each card's colour is its own or its nearest coloured ancestor's. Cards come
    // parents first, so a card takes its parent's from here; only a card whose parent
    // is not drawn (a page's top) looks up its ancestors.
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
        let own = node
            .colour
            .or_else(|| chart.parent(card.id).and_then(inherited));
        colours.insert(card.id, own);
        let rect = shift(card.rect);
        let colour = palette.band(own);
        let hidden = if node.collapsed {
            chart.subtree(card.id).count() - 1
        } else {
            0
        };
        card_svg(
            &mut out,
            rect,
            node.kind,
            colour,
            hidden,
            &card_text(node, &options.style),
            palette,
        );
    }

    if let Some(footer) = &frame.footer {
        let y = height - MARGIN + FOOTER_PX * ascent_em() - FOOTER_PX;
        let x = width - MARGIN - text_width(footer, FOOTER_PX);
        text(&mut out, x, y, FOOTER_PX, palette.caption, footer);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn card_svg(
    out: &mut String,
    rect: RectInChart,
    kind: NodeKind,
    colour: Rgb,
    hidden: usize,
    card: &crate::layout::CardText,
    palette: &Palette,
) {
    let RectInChart {
        x,
        y,
        width,
        height,
    } = rect;
    let radius = 6.0;
    let band = 5.0;
    let _ = writeln!(out, "<g>");
    let (fill, stroke, stroke_width, dash) = match kind {
        NodeKind::Unit => (palette.unit_fill(colour), colour, 1.5, ""),
        NodeKind::Assistant => (
            palette.card_fill,
            palette.card_border,
            1.0,
            r#" stroke-dasharray="5 3""#,
        ),
        NodeKind::Position => (palette.card_fill, palette.card_border, 1.0, ""),
    };
    let _ = writeln!(
        out,
        r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{radius}" fill="{}" stroke="{}" stroke-width="{stroke_width}"{dash}/>"#,
        hex(fill),
        hex(stroke)
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
                hex(colour)
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
                hex(colour)
            );
        }
        NodeKind::Unit => {}
    }
    for line in &card.lines {
        let colour = match line.role {
            LineRole::Title | LineRole::Badge => palette.title,
            LineRole::Holder | LineRole::Duty { .. } => palette.holder,
            LineRole::Vacant => palette.vacant,
        };
        let left = x + line.offset[0];
        let top = y + line.offset[1];
        let baseline = top + line.font_px * ascent_em();
        if line.role == LineRole::Badge {
            let pill_w = text_width(&line.text, line.font_px) + 8.0;
            let pill_h = line.font_px * 1.3;
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{pill_w}" height="{pill_h}" rx="{}" fill="{}"/>"#,
                left - 4.0,
                top - 1.0,
                pill_h / 2.0,
                hex(palette.badge_fill)
            );
        }
        if let LineRole::Duty { first: true } = line.role {
            let indent = text_width(crate::layout::card::DUTY_BULLET, line.font_px) + 4.0;
            text(
                out,
                left - indent,
                baseline,
                line.font_px,
                colour,
                crate::layout::card::DUTY_BULLET,
            );
        }
        text(out, left, baseline, line.font_px, colour, &line.text);
    }
    if hidden > 0 {
        let label = format!("+{hidden}");
        let w = text_width(&label, 11.0) + 10.0;
        let h = 15.0;
        let cx = x + width / 2.0;
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{w}" height="{h}" rx="{}" fill="{}"/>"#,
            cx - w / 2.0,
            y + height - h / 2.0,
            h / 2.0,
            hex(colour)
        );
        text(
            out,
            cx - w / 2.0 + 5.0,
            y + height + 11.0 * ascent_em() - 11.0 * 0.65,
            11.0,
            [0xff, 0xff, 0xff],
            &label,
        );
    }
    let _ = writeln!(out, "</g>");
}

fn text(out: &mut String, x: f32, y: f32, size: f32, colour: Rgb, content: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{x:.2}" y="{y:.2}" font-size="{size}" fill="{}">{}</text>"#,
        hex(colour),
        escape(content)
    );
}

/// Escapes text for XML.
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
            c => out.push(c),
        }
    }
    out
}
