//! The lines of a chart slide, as the canvas and the other exports route them
//! ([`Routing`]): reporting lines as connectors glued to their cards; dotted lines as
//! dashed connectors where their route is an elbow PowerPoint has, as dashed freeform
//! lines where the route winds around cards; and, where the dotted-line manager is far
//! away or on another slide, a short dashed stub with a label naming the manager.

use std::fmt::Write;

use rustc_hash::FxHashMap;

use crate::export::ExportOptions;
use crate::layout::{
    ChartLayout, Connector, DottedRequest, DottedShape, LinkKind, Routing, Stub, CARD_SPEC,
};
use crate::model::{Chart, NodeId};

use super::connector::{connector_xml, geometry, End, Site, SlidePoint, Stroke};
use super::slide::Place;
use super::text::{body_properties, emu, paragraph, rgb, Para, Run};

/// What a slide's lines are drawn from.
pub struct SlideLines<'a> {
    /// The chart the slide draws (a page's cut).
    pub chart: &'a Chart,
    /// The dotted lines into the slide's cards (from the whole chart on a page cut from
    /// it, so dotted-line managers on other slides are named).
    pub requests: &'a [DottedRequest],
    /// The slide's layout.
    pub layout: &'a ChartLayout,
    /// The card shape of each card on the slide, by node.
    pub ids: &'a FxHashMap<NodeId, u32>,
    /// The cards that are cards here, not links to other slides.
    pub cards: &'a [NodeId],
    /// Chart units to slide points.
    pub place: &'a Place,
    /// The export's options.
    pub options: &'a ExportOptions,
}

/// Writes the lines between the slide's cards, and its dotted lines and stubs, with ids
/// from `first_id`; returns the next free id.
pub fn lines_xml(
    out: &mut String,
    lines: &SlideLines<'_>,
    connectors: &[Connector],
    first_id: u32,
) -> u32 {
    let routing = Routing::with_requests(
        lines.chart,
        lines.layout,
        &lines.options.layout,
        lines.requests,
    );
    let mut next_id = first_id;
    let solid = stroke(lines, false);
    for line in connectors.iter().filter(|l| l.kind != LinkKind::Dotted) {
        if let Some(points) = routing.points(line, lines.layout) {
            if glued(out, lines, next_id, (line.from, line.to), &points, solid) {
                next_id += 1;
            }
        }
    }
    let dashed = stroke(lines, true);
    for dotted in routing.dotted() {
        if !lines.cards.contains(&dotted.to) {
            continue;
        }
        let manager_drawn = lines.cards.contains(&dotted.from);
        match dotted.shape(manager_drawn) {
            DottedShape::Line(points) => {
                let ends = (dotted.from, dotted.to);
                if !glued(out, lines, next_id, ends, points, dashed) {
                    let slide: Vec<SlidePoint> =
                        points.iter().map(|&p| lines.place.point(p)).collect();
                    polyline_xml(out, next_id, "Dotted line", &slide, dashed);
                }
                next_id += 1;
            }
            DottedShape::Stub(stub) => {
                stub_xml(out, lines, next_id, stub, dashed);
                next_id += 2;
            }
        }
    }
    next_id
}

/// How a slide's reporting (or dotted) lines are stroked.
fn stroke(lines: &SlideLines<'_>, dotted: bool) -> Stroke {
    let palette = &lines.options.palette;
    Stroke {
        width_pt: CARD_SPEC.connector_width * lines.place.scale,
        colour: if dotted {
            palette.dotted
        } else {
            palette.connector
        },
        dashed: dotted,
    }
}

/// A connector glued to both cards along `points` (chart units), when the route is one
/// a connector can draw exactly (up to two elbows); false, writing nothing, otherwise.
fn glued(
    out: &mut String,
    lines: &SlideLines<'_>,
    id: u32,
    (from, to): (NodeId, NodeId),
    points: &[[f32; 2]],
    stroke: Stroke,
) -> bool {
    let (Some(&from_id), Some(&to_id)) = (lines.ids.get(&from), lines.ids.get(&to)) else {
        return false;
    };
    let (Some(from_rect), Some(to_rect)) = (lines.layout.rect(from), lines.layout.rect(to)) else {
        return false;
    };
    let (Some(&start), Some(&end)) = (points.first(), points.last()) else {
        return false;
    };
    let slide: Vec<SlidePoint> = points.iter().map(|&p| lines.place.point(p)).collect();
    if elbows_of(&slide) > 2 || geometry(&slide).is_none() {
        return false;
    }
    let ends = (
        End {
            shape: from_id,
            site: Site::nearest(from_rect, start),
        },
        End {
            shape: to_id,
            site: Site::nearest(to_rect, end),
        },
    );
    connector_xml(out, id, &slide, ends, stroke);
    true
}

/// How many times an orthogonal path turns.
fn elbows_of(points: &[SlidePoint]) -> usize {
    super::connector::simplify(points).len().saturating_sub(2)
}

/// A dashed freeform line through `points` (slide points), glued to nothing.
fn polyline_xml(out: &mut String, id: u32, name: &str, points: &[SlidePoint], stroke: Stroke) {
    let Some(&first) = points.first() else {
        return;
    };
    let (mut low, mut high) = (first, first);
    for &[x, y] in points {
        low = [low[0].min(x), low[1].min(y)];
        high = [high[0].max(x), high[1].max(y)];
    }
    let (w, h) = (emu(high[0] - low[0]).max(1), emu(high[1] - low[1]).max(1));
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name} {id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{w}" h="{h}" fill="none">"#,
        emu(low[0]),
        emu(low[1])
    );
    for (n, &[x, y]) in points.iter().enumerate() {
        let step = if n == 0 { "moveTo" } else { "lnTo" };
        let _ = write!(
            out,
            r#"<a:{step}><a:pt x="{}" y="{}"/></a:{step}>"#,
            emu(x - low[0]).clamp(0, w),
            emu(y - low[1]).clamp(0, h)
        );
    }
    let _ = write!(
        out,
        r#"</a:path></a:pathLst></a:custGeom><a:noFill/><a:ln w="{}"><a:solidFill><a:srgbClr val="{}"/></a:solidFill>{}<a:round/></a:ln></p:spPr></p:sp>"#,
        emu(stroke.width_pt),
        rgb(stroke.colour),
        if stroke.dashed {
            r#"<a:prstDash val="dash"/>"#
        } else {
            ""
        }
    );
}

/// A stub: its short dashed stroke and its label naming the manager.
fn stub_xml(out: &mut String, lines: &SlideLines<'_>, id: u32, stub: &Stub, stroke: Stroke) {
    let place = lines.place;
    let points: Vec<SlidePoint> = stub.points.iter().map(|&p| place.point(p)).collect();
    polyline_xml(out, id, "Dotted stub", &points, stroke);
    let rect = place.rect(stub.label_rect);
    let size_pt = (stub.font_px * place.scale).max(super::card::SMALLEST_PT);
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{}" name="Dotted-line manager"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>{}"#,
        id + 1,
        emu(rect.x),
        emu(rect.y),
        emu(rect.width).max(1),
        emu(rect.height).max(1),
        body_properties([0.0; 4], "ctr", false)
    );
    let run = Run::new(&stub.label, size_pt, lines.options.palette.dotted);
    paragraph(out, Para::default(), &[run]);
    out.push_str("</p:txBody></p:sp>");
}
