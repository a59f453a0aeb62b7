//! Reporting lines as PowerPoint connectors: each attached by `stCxn`/`endCxn` to the
//! connection sites of the two cards' rounded rectangles, so the line follows when a
//! card is dragged. The path is the one the canvas and the other exports draw
//! ([`crate::layout::route`]); elbows become `bentConnector2`/`bentConnector3`, turned
//! and flipped so the connector's own path runs exactly there.

use std::fmt::Write;

use crate::layout::RectInChart;

use super::text::{rgb, EMU_PER_PT};

/// A point on the slide in points.
pub type SlidePoint = [f32; 2];

/// The connection sites of a rounded rectangle (`roundRect`): top, left, bottom, right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// The middle of the top edge (index 0).
    Top = 0,
    /// The middle of the left edge (1).
    Left = 1,
    /// The middle of the bottom edge (2).
    Bottom = 2,
    /// The middle of the right edge (3).
    Right = 3,
}

impl Site {
    /// The site of `rect` (slide points) nearest `point`, on the edge it lies on.
    pub fn nearest(rect: RectInChart, point: SlidePoint) -> Site {
        let [x, y] = point;
        let centre = rect.centre();
        let sites = [
            (Site::Top, [centre[0], rect.y]),
            (Site::Left, [rect.x, centre[1]]),
            (Site::Bottom, [centre[0], rect.bottom()]),
            (Site::Right, [rect.right(), centre[1]]),
        ];
        let distance = |p: [f32; 2]| (p[0] - x).powi(2) + (p[1] - y).powi(2);
        sites
            .into_iter()
            .min_by(|a, b| distance(a.1).total_cmp(&distance(b.1)))
            .map_or(Site::Top, |(site, _)| site)
    }
}

/// One end of a connector: the card shape's id and the site.
#[derive(Clone, Copy, Debug)]
pub struct End {
    /// The card shape's id on the slide.
    pub shape: u32,
    /// Where on the card.
    pub site: Site,
}

/// How a connector is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Stroke {
    /// Line width in points.
    pub width_pt: f32,
    /// Colour.
    pub colour: crate::theme::Rgb,
    /// Dashed (a dotted reporting line).
    pub dashed: bool,
}

/// The connector's preset shape, box and turn.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    /// `straightConnector1`, `bentConnector2` or `bentConnector3`.
    pub preset: &'static str,
    /// The unturned box's top-left corner and size, in points.
    pub off: SlidePoint,
    /// Width and height of the unturned box.
    pub ext: SlidePoint,
    /// Clockwise turn in degrees: 0, 90, 180 or 270.
    pub rotation: u32,
    /// Mirrored left to right (before the turn).
    pub flip_h: bool,
    /// Mirrored top to bottom (before the turn).
    pub flip_v: bool,
    /// `bentConnector3`'s middle run, in 1/100,000 of the box's width.
    pub adjust: Option<i64>,
}

/// Drops repeated points and points in the middle of a straight run.
pub fn simplify(points: &[SlidePoint]) -> Vec<SlidePoint> {
    let close =
        |a: SlidePoint, b: SlidePoint| (a[0] - b[0]).abs() < 0.01 && (a[1] - b[1]).abs() < 0.01;
    let mut out: Vec<SlidePoint> = Vec::with_capacity(points.len());
    for &point in points {
        if out.last().is_some_and(|&last| close(last, point)) {
            continue;
        }
        if out.len() >= 2 {
            let [a, b] = [out[out.len() - 2], out[out.len() - 1]];
            let straight = ((a[0] - b[0]).abs() < 0.01 && (b[0] - point[0]).abs() < 0.01)
                || ((a[1] - b[1]).abs() < 0.01 && (b[1] - point[1]).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(point);
    }
    out
}

/// Where the local point (`x`, `y`) of a box `size` big, centred on `centre`, lands
/// after the flips and the turn.
fn place(
    local: SlidePoint,
    size: SlidePoint,
    centre: SlidePoint,
    turn: (u32, bool, bool),
) -> SlidePoint {
    let (rotation, flip_h, flip_v) = turn;
    let x = if flip_h { size[0] - local[0] } else { local[0] };
    let y = if flip_v { size[1] - local[1] } else { local[1] };
    let (u, v) = (x - size[0] / 2.0, y - size[1] / 2.0);
    let (u, v) = match rotation {
        90 => (-v, u),
        180 => (-u, -v),
        270 => (v, -u),
        _ => (u, v),
    };
    [centre[0] + u, centre[1] + v]
}

/// The connector geometry that draws the orthogonal path `points` (slide points): its
/// first and last points are the ends, and each elbow is where the path turns.
pub fn geometry(points: &[SlidePoint]) -> Option<Geometry> {
    let points = simplify(points);
    let (&start, &end) = (points.first()?, points.last()?);
    let preset = match points.len() {
        0 | 1 => return None,
        2 => "straightConnector1",
        3 => "bentConnector2",
        _ => "bentConnector3",
    };
    let visual = [(end[0] - start[0]).abs(), (end[1] - start[1]).abs()];
    let centre = [(start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0];
    // The direction the path sets off in: along x or along y.
    let first = points.get(1).map_or(end, |&p| p);
    let across_first = (first[0] - start[0]).abs() >= (first[1] - start[1]).abs();
    let near =
        |a: SlidePoint, b: SlidePoint| (a[0] - b[0]).abs() < 0.05 && (a[1] - b[1]).abs() < 0.05;
    for rotation in [0, 90, 270, 180] {
        let size = if rotation % 180 == 0 {
            visual
        } else {
            [visual[1], visual[0]]
        };
        for (flip_h, flip_v) in [(false, false), (true, false), (false, true), (true, true)] {
            let turn = (rotation, flip_h, flip_v);
            let from = place([0.0, 0.0], size, centre, turn);
            let to = place(size, size, centre, turn);
            // The local path sets off along +x: where does that go on the slide?
            let step = place([size[0].max(1.0), 0.0], size, centre, turn);
            let sets_off_across = (step[0] - from[0]).abs() >= (step[1] - from[1]).abs();
            let heading_ok = preset == "straightConnector1" || sets_off_across == across_first;
            if near(from, start) && near(to, end) && heading_ok {
                let adjust = (preset == "bentConnector3").then(|| {
                    let (run, gone) = if across_first {
                        (visual[0], (first[0] - start[0]).abs())
                    } else {
                        (visual[1], (first[1] - start[1]).abs())
                    };
                    (f64::from(gone) / f64::from(run.max(0.01)) * 100_000.0).round() as i64
                });
                return Some(Geometry {
                    preset,
                    off: [centre[0] - size[0] / 2.0, centre[1] - size[1] / 2.0],
                    ext: size,
                    rotation,
                    flip_h,
                    flip_v,
                    adjust,
                });
            }
        }
    }
    None
}

/// Writes a `<p:cxnSp>` with id `id` drawing `points` from `from` to `to`.
pub fn connector_xml(
    out: &mut String,
    id: u32,
    points: &[SlidePoint],
    ends: (End, End),
    stroke: Stroke,
) {
    let Some(shape) = geometry(points) else {
        return;
    };
    let (from, to) = ends;
    let emu = |points: f32| (f64::from(points) * f64::from(EMU_PER_PT)).round() as i64;
    let _ = write!(
        out,
        r#"<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{id}" name="Connector {id}"/><p:cNvCxnSpPr><a:stCxn id="{}" idx="{}"/><a:endCxn id="{}" idx="{}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>"#,
        from.shape, from.site as u8, to.shape, to.site as u8
    );
    out.push_str("<p:spPr><a:xfrm");
    if shape.rotation != 0 {
        let _ = write!(out, r#" rot="{}""#, i64::from(shape.rotation) * 60_000);
    }
    if shape.flip_h {
        out.push_str(r#" flipH="1""#);
    }
    if shape.flip_v {
        out.push_str(r#" flipV="1""#);
    }
    let _ = write!(
        out,
        r#"><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="{}"><a:avLst>"#,
        emu(shape.off[0]),
        emu(shape.off[1]),
        emu(shape.ext[0]).max(0),
        emu(shape.ext[1]).max(0),
        shape.preset
    );
    if let Some(adjust) = shape.adjust {
        let _ = write!(out, r#"<a:gd name="adj1" fmla="val {adjust}"/>"#);
    }
    let _ = write!(
        out,
        r#"</a:avLst></a:prstGeom><a:ln w="{}"><a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        emu(stroke.width_pt),
        rgb(stroke.colour)
    );
    if stroke.dashed {
        out.push_str(r#"<a:prstDash val="dash"/>"#);
    }
    out.push_str("<a:round/></a:ln></p:spPr></p:cxnSp>");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The connector's own path for `geometry`, on the slide.
    fn drawn(shape: &Geometry) -> Vec<SlidePoint> {
        let size = shape.ext;
        let centre = [shape.off[0] + size[0] / 2.0, shape.off[1] + size[1] / 2.0];
        let turn = (shape.rotation, shape.flip_h, shape.flip_v);
        let middle = shape.adjust.map_or(0.5, |a| a as f32 / 100_000.0) * size[0];
        let local: Vec<SlidePoint> = match shape.preset {
            "straightConnector1" => vec![[0.0, 0.0], size],
            "bentConnector2" => vec![[0.0, 0.0], [size[0], 0.0], size],
            _ => vec![[0.0, 0.0], [middle, 0.0], [middle, size[1]], size],
        };
        local
            .into_iter()
            .map(|p| place(p, size, centre, turn))
            .collect()
    }

    fn assert_follows(path: &[SlidePoint]) {
        let shape = geometry(path).expect("a geometry");
        let got = drawn(&shape);
        let want = simplify(path);
        assert_eq!(got.len(), want.len(), "{shape:?}");
        for (g, w) in got.iter().zip(&want) {
            assert!(
                (g[0] - w[0]).abs() < 0.05 && (g[1] - w[1]).abs() < 0.05,
                "{path:?} drawn as {got:?} by {shape:?}"
            );
        }
    }

    #[test]
    fn every_elbow_the_routes_make_is_drawn_where_it_runs() {
        // Down, across, down: to the right and to the left, bus near the top.
        assert_follows(&[[10.0, 10.0], [10.0, 30.0], [90.0, 30.0], [90.0, 60.0]]);
        assert_follows(&[[90.0, 10.0], [90.0, 20.0], [10.0, 20.0], [10.0, 60.0]]);
        // Up, across, up.
        assert_follows(&[[10.0, 60.0], [10.0, 40.0], [90.0, 40.0], [90.0, 10.0]]);
        assert_follows(&[[90.0, 60.0], [90.0, 40.0], [10.0, 40.0], [10.0, 10.0]]);
        // Across, down or up, across.
        assert_follows(&[[10.0, 10.0], [40.0, 10.0], [40.0, 60.0], [90.0, 60.0]]);
        assert_follows(&[[90.0, 60.0], [50.0, 60.0], [50.0, 10.0], [10.0, 10.0]]);
        // Down then across (assistants and stacked teams), either side.
        assert_follows(&[[50.0, 10.0], [50.0, 40.0], [90.0, 40.0]]);
        assert_follows(&[[50.0, 10.0], [50.0, 40.0], [10.0, 40.0]]);
        // Straight down, straight across, with a repeated point.
        assert_follows(&[[50.0, 10.0], [50.0, 30.0], [50.0, 30.0], [50.0, 60.0]]);
        assert_follows(&[[90.0, 10.0], [10.0, 10.0]]);
    }

    #[test]
    fn the_nearest_site_is_on_the_edge_the_line_meets() {
        let rect = RectInChart {
            x: 0.0,
            y: 0.0,
            width: 100.0,
            height: 40.0,
        };
        assert_eq!(Site::nearest(rect, [50.0, 40.0]), Site::Bottom);
        assert_eq!(Site::nearest(rect, [50.0, 0.0]), Site::Top);
        assert_eq!(Site::nearest(rect, [0.0, 20.0]), Site::Left);
        assert_eq!(Site::nearest(rect, [100.0, 20.0]), Site::Right);
    }
}
