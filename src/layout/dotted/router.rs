//! The shortest orthogonal path between two cards that stays out of every card, with few
//! bends. Works in the chart's "down" frame (managers above): the caller swaps the axes
//! of a left-to-right chart.
//!
//! The free space of a window around the two cards is cut by the edges of the cards in it
//! (grown by [`CLEARANCE`]); a node sits in the middle of each cell, so a path between
//! neighbouring nodes crosses no card exactly when neither node is inside one. A* with a
//! cost per bend finds the path; [`super::nudge`] then centres and spreads it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::layout::RectInChart;

/// How far a path keeps from cards it passes, in chart units.
pub(super) const CLEARANCE: f32 = 5.0;
/// What a bend costs, in chart units of length.
const BEND_COST: f32 = 40.0;
/// What leaving a manager by its side costs, over leaving it by its bottom.
const SIDE_EXIT_COST: f32 = 12.0;
/// What crossing a tree line costs, in chart units of length: a line that crosses a
/// row of side lines reads as part of the tree, so it goes round when it can.
const CROSSING_COST: f32 = 30.0;
/// Windows cut into more nodes than this are not searched.
const MOST_NODES: usize = 120_000;

/// A side of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The top edge.
    Top,
    /// The bottom edge.
    Bottom,
    /// The left edge.
    Left,
    /// The right edge.
    Right,
}

impl Side {
    /// The direction out of the card through this side.
    fn outward(self) -> usize {
        match self {
            Side::Right => 0,
            Side::Left => 1,
            Side::Bottom => 2,
            Side::Top => 3,
        }
    }
}

/// Where a path meets a card: the point on its edge and the point [`CLEARANCE`] out.
#[derive(Clone, Copy, Debug)]
struct Port {
    side: Side,
    on_edge: [f32; 2],
    out: [f32; 2],
}

fn port(card: &RectInChart, side: Side, along: f32) -> Port {
    let (on_edge, out) = match side {
        Side::Top => ([along, card.y], [along, card.y - CLEARANCE]),
        Side::Bottom => ([along, card.bottom()], [along, card.bottom() + CLEARANCE]),
        Side::Left => ([card.x, along], [card.x - CLEARANCE, along]),
        Side::Right => ([card.right(), along], [card.right() + CLEARANCE, along]),
    };
    Port { side, on_edge, out }
}

/// The ports a manager's line may leave by (bottom, then the sides), and a subordinate's
/// it may enter by (top, then the sides). Bottom and top ports sit a quarter of the way
/// in from the side facing the other card, off the centre where the solid lines run.
fn ports(card: &RectInChart, toward: &RectInChart, manager: bool) -> [Port; 3] {
    let quarter = if toward.centre()[0] >= card.centre()[0] {
        card.x + card.width * 0.75
    } else {
        card.x + card.width * 0.25
    };
    let middle = card.centre()[1];
    let end = if manager { Side::Bottom } else { Side::Top };
    [
        port(card, end, quarter),
        port(card, Side::Left, middle),
        port(card, Side::Right, middle),
    ]
}

/// Working buffers, kept between searches.
#[derive(Default)]
pub(super) struct Router {
    xs: Vec<f32>,
    ys: Vec<f32>,
    edges: Vec<f32>,
    blocked: Vec<bool>,
    /// Per node: bit 0 when the step to the next node along x crosses a tree line, bit 1
    /// when the step to the next along y does.
    crossing: Vec<u8>,
    cost: Vec<f32>,
    came_from: Vec<u32>,
    heap: BinaryHeap<Reverse<(u32, u32)>>,
}

/// A step in direction `dir` (0: +x, 1: −x, 2: +y, 3: −y).
const STEPS: [(isize, isize); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

impl Router {
    /// The path from `from` (the manager) to `to` (the subordinate) inside `window`,
    /// around `obstacles` (every card near the window, `from` and `to` included) and
    /// crossing few of the tree `lines` (boxes of no width or height), as points from
    /// `from`'s edge to `to`'s edge; `None` when there is none.
    pub fn route(
        &mut self,
        obstacles: &[RectInChart],
        lines: &[RectInChart],
        from: &RectInChart,
        to: &RectInChart,
        window: &RectInChart,
    ) -> Option<Vec<[f32; 2]>> {
        let starts = ports(from, to, true);
        let ends = ports(to, from, false);
        self.cut(obstacles, window, starts.iter().chain(&ends));
        let (nx, ny) = (self.xs.len(), self.ys.len());
        if nx * ny > MOST_NODES || nx == 0 || ny == 0 {
            return None;
        }
        self.block(obstacles);
        self.mark_crossings(lines);
        let node_of = |xs: &[f32], ys: &[f32], p: [f32; 2]| {
            let ix = xs.partition_point(|&x| x < p[0]);
            let iy = ys.partition_point(|&y| y < p[1]);
            (ix < nx && iy < ny && xs[ix] == p[0] && ys[iy] == p[1]).then_some(ix * ny + iy)
        };
        let mut targets: Vec<(usize, Port)> = Vec::with_capacity(3);
        for end in &ends {
            if let Some(node) = node_of(&self.xs, &self.ys, end.out) {
                if !self.blocked[node] {
                    targets.push((node, *end));
                }
            }
        }
        if targets.is_empty() {
            return None;
        }
        self.reset(nx * ny);
        for start in &starts {
            if let Some(node) = node_of(&self.xs, &self.ys, start.out) {
                if !self.blocked[node] {
                    let extra = if start.side == Side::Bottom {
                        0.0
                    } else {
                        SIDE_EXIT_COST
                    };
                    self.push(node * 4 + start.side.outward(), extra, u32::MAX, &targets);
                }
            }
        }
        let (state, end) = self.search(&targets)?;
        let start_of = |node: usize| {
            starts
                .iter()
                .find(|s| node_of(&self.xs, &self.ys, s.out) == Some(node))
        };
        let mut points = vec![end.on_edge];
        let mut at = state;
        loop {
            let node = at as usize / 4;
            points.push([self.xs[node / ny], self.ys[node % ny]]);
            let before = self.came_from[at as usize];
            if before == u32::MAX {
                points.push(start_of(node)?.on_edge);
                break;
            }
            at = before;
        }
        points.reverse();
        Some(simplify(points))
    }

    /// The cut lines: the middle between each two neighbouring card edges (grown by
    /// [`CLEARANCE`]) in the window, and the lines through the ports.
    fn cut<'a>(
        &mut self,
        obstacles: &[RectInChart],
        window: &RectInChart,
        ports: impl Iterator<Item = &'a Port> + Clone,
    ) {
        for (axis, lines) in [(0usize, &mut self.xs), (1, &mut self.ys)] {
            let edges = &mut self.edges;
            edges.clear();
            let (low, high) = if axis == 0 {
                (window.x, window.right())
            } else {
                (window.y, window.bottom())
            };
            edges.push(low);
            edges.push(high);
            for rect in obstacles {
                let (a, b) = if axis == 0 {
                    (rect.x, rect.right())
                } else {
                    (rect.y, rect.bottom())
                };
                for edge in [a - CLEARANCE, b + CLEARANCE] {
                    if edge > low && edge < high {
                        edges.push(edge);
                    }
                }
            }
            edges.sort_unstable_by(f32::total_cmp);
            edges.dedup();
            lines.clear();
            lines.extend(edges.windows(2).map(|pair| (pair[0] + pair[1]) / 2.0));
            lines.extend(ports.clone().map(|port| port.out[axis]));
            lines.sort_unstable_by(f32::total_cmp);
            lines.dedup();
        }
    }

    /// Marks the nodes inside a card grown by [`CLEARANCE`].
    fn block(&mut self, obstacles: &[RectInChart]) {
        let ny = self.ys.len();
        self.blocked.clear();
        self.blocked.resize(self.xs.len() * ny, false);
        for rect in obstacles {
            let (x0, x1) = (rect.x - CLEARANCE, rect.right() + CLEARANCE);
            let (y0, y1) = (rect.y - CLEARANCE, rect.bottom() + CLEARANCE);
            let ix0 = self.xs.partition_point(|&x| x <= x0);
            let ix1 = self.xs.partition_point(|&x| x < x1);
            let iy0 = self.ys.partition_point(|&y| y <= y0);
            let iy1 = self.ys.partition_point(|&y| y < y1);
            for ix in ix0..ix1 {
                self.blocked[ix * ny + iy0..ix * ny + iy1.max(iy0)].fill(true);
            }
        }
    }

    /// Marks the steps between nodes that cross one of `lines`.
    fn mark_crossings(&mut self, lines: &[RectInChart]) {
        let ny = self.ys.len();
        self.crossing.clear();
        self.crossing.resize(self.xs.len() * ny, 0);
        for line in lines {
            // A vertical line is crossed by steps along x between the nodes either side
            // of it, at the rows it spans; a horizontal one likewise.
            let (at, from, to, across, along, bit) = if line.width == 0.0 {
                (line.x, line.y, line.bottom(), &self.xs, &self.ys, 1u8)
            } else {
                (line.y, line.x, line.right(), &self.ys, &self.xs, 2u8)
            };
            // The step across: from the last node before the line to the next; a line
            // right on a node's coordinate is crossed by the step leaving it forwards.
            let mut before = across.partition_point(|&v| v < at);
            if before < across.len() && across[before] == at {
                before += 1;
            }
            if before == 0 || before >= across.len() {
                continue;
            }
            let first = along.partition_point(|&v| v <= from);
            let last = along.partition_point(|&v| v < to);
            for k in first..last {
                let node = if bit == 1 {
                    (before - 1) * ny + k
                } else {
                    k * ny + before - 1
                };
                self.crossing[node] |= bit;
            }
        }
    }

    fn reset(&mut self, nodes: usize) {
        self.cost.clear();
        self.cost.resize(nodes * 4, f32::INFINITY);
        self.came_from.clear();
        self.came_from.resize(nodes * 4, u32::MAX);
        self.heap.clear();
    }

    /// Records reaching `state` at `cost` (if that is cheaper), queued by cost plus the
    /// distance still to go.
    fn push(&mut self, state: usize, cost: f32, from: u32, targets: &[(usize, Port)]) {
        if cost >= self.cost[state] {
            return;
        }
        self.cost[state] = cost;
        self.came_from[state] = from;
        let ny = self.ys.len();
        let node = state / 4;
        let (x, y) = (self.xs[node / ny], self.ys[node % ny]);
        let rest = targets
            .iter()
            .map(|(_, end)| (end.out[0] - x).abs() + (end.out[1] - y).abs())
            .fold(f32::INFINITY, f32::min);
        self.heap
            .push(Reverse(((cost + rest).to_bits(), state as u32)));
    }

    /// A* from the queued starts to the cheapest target, counting the bend into it.
    fn search(&mut self, targets: &[(usize, Port)]) -> Option<(u32, Port)> {
        let (nx, ny) = (self.xs.len() as isize, self.ys.len() as isize);
        let mut best: Option<(f32, u32, Port)> = None;
        while let Some(Reverse((bound, state))) = self.heap.pop() {
            let cost = self.cost[state as usize];
            if best
                .as_ref()
                .is_some_and(|(b, ..)| f32::from_bits(bound) >= *b)
            {
                break;
            }
            let node = state as usize / 4;
            let dir = state as usize % 4;
            for (target, end) in targets {
                if *target == node {
                    let inward = end.side.outward() ^ 1;
                    let total = cost + if dir == inward { 0.0 } else { BEND_COST };
                    if best.as_ref().is_none_or(|(b, ..)| total < *b) {
                        best = Some((total, state, *end));
                    }
                }
            }
            let (ix, iy) = ((node / ny as usize) as isize, (node % ny as usize) as isize);
            for (next_dir, (dx, dy)) in STEPS.iter().enumerate() {
                if next_dir == dir ^ 1 {
                    continue;
                }
                let (jx, jy) = (ix + dx, iy + dy);
                if jx < 0 || jy < 0 || jx >= nx || jy >= ny {
                    continue;
                }
                let next = (jx * ny + jy) as usize;
                if self.blocked[next] {
                    continue;
                }
                let length = (self.xs[jx as usize] - self.xs[ix as usize]).abs()
                    + (self.ys[jy as usize] - self.ys[iy as usize]).abs();
                let bend = if next_dir == dir { 0.0 } else { BEND_COST };
                let step = node.min(next);
                let bit = if next_dir < 2 { 1 } else { 2 };
                let cross = if self.crossing[step] & bit == 0 {
                    0.0
                } else {
                    CROSSING_COST
                };
                self.push(
                    next * 4 + next_dir,
                    cost + length + bend + cross,
                    state,
                    targets,
                );
            }
        }
        best.map(|(_, state, end)| (state, end))
    }
}

/// `points` without the ones in the middle of a straight run (or repeated).
pub(super) fn simplify(points: Vec<[f32; 2]>) -> Vec<[f32; 2]> {
    let mut out: Vec<[f32; 2]> = Vec::with_capacity(points.len());
    for point in points {
        if out.last() == Some(&point) {
            continue;
        }
        if out.len() >= 2 {
            let [a, b] = [out[out.len() - 2], out[out.len() - 1]];
            let straight = (a[0] == b[0] && b[0] == point[0]) || (a[1] == b[1] && b[1] == point[1]);
            if straight {
                out.pop();
            }
        }
        out.push(point);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, width: f32, height: f32) -> RectInChart {
        RectInChart {
            x,
            y,
            width,
            height,
        }
    }

    fn crosses(a: [f32; 2], b: [f32; 2], card: &RectInChart) -> bool {
        let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
        let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
        x0 < card.right() && x1 > card.x && y0 < card.bottom() && y1 > card.y
    }

    #[test]
    fn goes_around_a_card_in_the_way() {
        let manager = rect(0.0, 0.0, 150.0, 60.0);
        let wall = rect(-100.0, 110.0, 500.0, 60.0);
        let report = rect(200.0, 220.0, 150.0, 60.0);
        let obstacles = [manager, wall, report];
        let window = rect(-200.0, -100.0, 700.0, 500.0);
        let path = Router::default()
            .route(&obstacles, &[], &manager, &report, &window)
            .expect("a way round");
        for pair in path.windows(2) {
            assert!(
                pair[0][0] == pair[1][0] || pair[0][1] == pair[1][1],
                "{path:?}"
            );
            for card in &obstacles {
                assert!(
                    !crosses(pair[0], pair[1], card),
                    "{pair:?} crosses {card:?}"
                );
            }
        }
        let first = path[0];
        let last = path[path.len() - 1];
        assert!(
            first[1] == manager.bottom() || first[0] == manager.x || first[0] == manager.right()
        );
        assert!(last[1] == report.y || last[0] == report.x || last[0] == report.right());
    }

    #[test]
    fn goes_round_the_end_of_a_tree_line_rather_than_across_it() {
        let manager = rect(0.0, 0.0, 100.0, 50.0);
        let report = rect(300.0, 300.0, 100.0, 50.0);
        let line = rect(200.0, 70.0, 0.0, 400.0);
        let window = rect(-100.0, -100.0, 600.0, 600.0);
        let path = Router::default()
            .route(&[manager, report], &[line], &manager, &report, &window)
            .expect("a path");
        for pair in path.windows(2) {
            let crosses_x =
                pair[0][0].min(pair[1][0]) < 200.0 && pair[0][0].max(pair[1][0]) > 200.0;
            assert!(!crosses_x || pair[0][1] < 70.0, "{path:?} crosses the line");
        }
    }

    #[test]
    fn a_walled_in_card_has_no_path() {
        let manager = rect(0.0, 0.0, 100.0, 50.0);
        let report = rect(400.0, 400.0, 100.0, 50.0);
        let walls = [
            rect(350.0, 340.0, 200.0, 20.0),
            rect(350.0, 490.0, 200.0, 20.0),
            rect(350.0, 340.0, 20.0, 170.0),
            rect(530.0, 340.0, 20.0, 170.0),
        ];
        let mut obstacles = vec![manager, report];
        obstacles.extend(walls);
        let window = rect(-50.0, -50.0, 700.0, 700.0);
        assert!(Router::default()
            .route(&obstacles, &[], &manager, &report, &window)
            .is_none());
    }

    #[test]
    fn simplify_drops_points_on_straight_runs() {
        let path = simplify(vec![
            [0.0, 0.0],
            [0.0, 5.0],
            [0.0, 10.0],
            [0.0, 10.0],
            [4.0, 10.0],
        ]);
        assert_eq!(path, vec![[0.0, 0.0], [0.0, 10.0], [4.0, 10.0]]);
    }
}
