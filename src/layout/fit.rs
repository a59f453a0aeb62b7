//! Charts shaped to fit a slide or a sheet of paper (`--fit 16:9`, View ▸ Fit to slide
//! shape).
//!
//! A wide chart is made narrower the way Visio's "multiple rows" do it: a manager whose
//! row of subordinates is too wide gets them in several rows. The manager's line carries
//! on down past the first row, through a channel left free between two of its subtrees,
//! and each row hangs from its own bus bar below the row above. Reading order is kept
//! (row 1 from left to right, then row 2, …) and every manager stays above its
//! subordinates; the connectors keep their usual shape (down the manager's line to the
//! row's bus bar, across, down), so they stay orthogonal and clear of every card.
//!
//! Which managers wrap, and into how many rows, comes from one limit on a row's width:
//! every row of subtrees wider than the limit is wrapped into rows about as wide as the
//! limit. The limit is searched for (halving the range in log space) until the chart's
//! width over its height is within 2 % of the target. As one limit can step over the
//! target (one more row for the top manager is a big step), the search is run again,
//! while no try is close enough, with limits that grow or shrink level by level; the
//! closest try is kept. A chart already narrower than the target is left as it is.
//!
//! A wrapped manager's rows are laid out by the tidy layout, each row as a tree of its own
//! with a channel node where the line runs through; the manager and its rows then take
//! part in the layout above it as one rectangular block. A manager with a wrapped block
//! as its only subordinate becomes a block too, straight above it. Managers are laid out
//! from the most deeply nested blocks outwards, so every node is laid out once per try:
//! O(n) a try, a few dozen tries.

use std::str::FromStr;

use thiserror::Error;

use super::tidy::{tidy_into, TidyInput, TidyOutput, TidyScratch};

const NONE: u32 = u32::MAX;

/// A node of a stage's layout that is no node of the chart (a row's root or channel).
const VIRTUAL: u32 = u32::MAX;

/// A stack entry standing for a row's channel rather than a node.
const CHANNEL: u32 = u32::MAX - 1;

/// How many limits are tried at most for one growth (see [`GROWTHS`]).
const TRIES: usize = 28;

/// Close enough: within 2 % of the target shape.
const CLOSE_ENOUGH: f64 = 0.02;

/// A shape to lay a chart out close to: its width over its height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AspectRatio {
    /// The shape's width, in any unit.
    pub width: f32,
    /// The shape's height, in the same unit.
    pub height: f32,
}

impl AspectRatio {
    /// A widescreen slide, 16:9.
    pub const WIDESCREEN: AspectRatio = AspectRatio {
        width: 16.0,
        height: 9.0,
    };
    /// A standard slide, 4:3.
    pub const STANDARD: AspectRatio = AspectRatio {
        width: 4.0,
        height: 3.0,
    };
    /// A-series paper (A4, A3) turned sideways: 297 by 210, √2 to 1.
    pub const PAPER_LANDSCAPE: AspectRatio = AspectRatio {
        width: 297.0,
        height: 210.0,
    };

    /// Width over height.
    pub fn ratio(self) -> f64 {
        f64::from(self.width) / f64::from(self.height)
    }
}

/// Text that names no shape.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("“{0}” is not a shape: write WIDTH:HEIGHT (such as 16:9 or 4:3), a4 or a3")]
pub struct BadAspectRatio(pub String);

impl FromStr for AspectRatio {
    type Err = BadAspectRatio;

    /// `16:9`, `4:3` (any `WIDTH:HEIGHT` between 1:20 and 20:1; `x` or `/` may stand for
    /// the colon), or `a4` / `a3` for landscape paper.
    fn from_str(text: &str) -> Result<AspectRatio, BadAspectRatio> {
        let bad = || BadAspectRatio(text.to_owned());
        let trimmed = text.trim().to_ascii_lowercase();
        if trimmed == "a4" || trimmed == "a3" {
            return Ok(AspectRatio::PAPER_LANDSCAPE);
        }
        let (width, height) = trimmed.split_once([':', 'x', '/']).ok_or_else(bad)?;
        let number = |part: &str| {
            part.trim()
                .parse::<f32>()
                .ok()
                .filter(|value| value.is_finite() && *value > 0.0)
        };
        let shape = AspectRatio {
            width: number(width).ok_or_else(bad)?,
            height: number(height).ok_or_else(bad)?,
        };
        if (1.0 / 20.0..=20.0).contains(&shape.ratio()) {
            Ok(shape)
        } else {
            Err(bad())
        }
    }
}

/// What the fitted layout aims at, in layout space (breadth across the tree, depth down).
#[derive(Clone, Copy, Debug)]
pub(super) struct Fit {
    /// Wanted breadth over depth.
    pub target: f64,
    /// The gap included in every slot's breadth.
    pub sibling_gap: f64,
    /// The gap included in every slot's depth.
    pub level_gap: f64,
}

/// One row of a wrapped manager's subordinates.
#[derive(Clone, Copy, Default)]
struct Row {
    /// The wrapped manager.
    manager: u32,
    /// The row's members are the manager's children `start..end` (indices into its
    /// children list).
    start: u32,
    end: u32,
    /// The manager's line runs down between children `split - 1` and `split`.
    split: u32,
    /// True for the manager's last row: its line ends at this row's bus bar.
    last: bool,
    /// The one row of a manager above a wrapped block: it hangs straight below the
    /// manager's line, which runs on into the block's line.
    straight: bool,
    /// Depth of the row's tallest subtree (slots, gaps included).
    depth: f64,
    /// Where the row starts below the top of the manager's slot.
    top: f64,
    /// Breadth the row takes left and right of the manager's line.
    left: f64,
    right: f64,
    /// The row's root and channel in its stage's layout, and the end of its nodes there.
    root: u32,
    channel: u32,
    local_end: u32,
}

/// Buffers for the fitted layout, kept between layouts.
#[derive(Default)]
pub(super) struct FitScratch {
    /// Estimated breadth of each node's subtree left and right of its line.
    extent: Vec<(f64, f64)>,
    /// Each node's rows: `rows[from..to]`; empty when it is not wrapped.
    wrap: Vec<(u32, u32)>,
    rows: Vec<Row>,
    /// A wrapped node's block: breadth left and right of its line.
    block: Vec<(f64, f64)>,
    /// Depth of each node's subtree, slots and gaps included.
    depth: Vec<f64>,
    /// 1 + the highest stage of a wrapped node in each node's subtree; 0 when none.
    nesting: Vec<u32>,
    /// Wrapped nodes by stage, and where each stage starts in it.
    by_stage: Vec<u32>,
    stage_start: Vec<u32>,
    /// One stage's layout: its input, output, and each of its nodes' chart node.
    stage_input: TidyInput,
    stage_out: TidyOutput,
    origin: Vec<u32>,
    parent_local: Vec<u32>,
    fill: Vec<u32>,
    stack: Vec<(u32, u32)>,
    /// Each node's slot in its own tree (a row, relative to the manager's line, or a top
    /// tree), and which row it is in (`NONE` for a top tree).
    local_x: Vec<f64>,
    local_y: Vec<f64>,
    tree_of: Vec<u32>,
    /// Nodes in the tree of node 0 (not pinned away).
    main: Vec<bool>,
    /// How far below the top of its tree each node is.
    level: Vec<u32>,
}

fn kids_of(input: &TidyInput, node: usize) -> &[u32] {
    let from = input.child_start[node] as usize;
    let to = input.child_start[node + 1] as usize;
    &input.children[from..to]
}

/// Lays `input` out like [`tidy_into`], wrapping wide rows so that the forest's breadth
/// over depth comes close to `fit.target`. A forest already narrow enough is laid out
/// exactly as [`tidy_into`] does.
pub(super) fn tidy_fitted(
    input: &TidyInput,
    fit: &Fit,
    scratch: &mut FitScratch,
    tidy_scratch: &mut TidyScratch,
    out: &mut TidyOutput,
) {
    tidy_into(input, tidy_scratch, out);
    mark_main(input, scratch);
    let (breadth, depth) = measure(input, out, fit, &scratch.main);
    if breadth <= fit.target * depth * (1.0 + CLOSE_ENOUGH) {
        return;
    }
    // The natural layout misses by this much; a try must beat it to be kept.
    let natural = Knobs {
        limit: f64::INFINITY,
        growth: 1.0,
    };
    let miss = (breadth / depth / fit.target).ln().abs();
    let mut tries = Tries {
        input,
        fit,
        scratch,
        tidy_scratch,
        out,
        best: (miss, natural),
        last: natural,
    };
    for growth in GROWTHS {
        if tries.search(growth, breadth) {
            return;
        }
    }
    let best = tries.best.1;
    if best != tries.last {
        if best.limit.is_finite() {
            tries.lay_out(best);
        } else {
            tidy_into(input, tries.tidy_scratch, tries.out);
        }
    }
}

/// How much more (above 1) or less readily a manager one level deeper wraps its rows:
/// tried in turn while no try comes close enough, as one limit for every level can step
/// over the target shape.
const GROWTHS: [f64; 3] = [1.0, 0.8, 1.25];

/// What decides which rows wrap: a row wider than `limit` × `growth` to the power of its
/// manager's level.
#[derive(Clone, Copy, PartialEq)]
struct Knobs {
    limit: f64,
    growth: f64,
}

/// The search for the knobs: what it lays out with, the closest try so far (how far
/// its shape is from the target, in log space) and the try laid out last.
struct Tries<'a> {
    input: &'a TidyInput,
    fit: &'a Fit,
    scratch: &'a mut FitScratch,
    tidy_scratch: &'a mut TidyScratch,
    out: &'a mut TidyOutput,
    best: (f64, Knobs),
    last: Knobs,
}

impl Tries<'_> {
    /// Searches the limit for one `growth`, halving the range (in log space) towards
    /// the target, from a limit that wraps every row to one that wraps none (the chart
    /// is `breadth` broad). True when a try came close enough; it is the one laid out.
    fn search(&mut self, growth: f64, breadth: f64) -> bool {
        let narrowest = self
            .input
            .width
            .iter()
            .copied()
            .fold(self.fit.sibling_gap, f64::max);
        let (mut low, mut high) = (narrowest / 4.0, breadth.max(narrowest));
        for _ in 0..TRIES {
            if high / low < 1.0005 {
                break;
            }
            let knobs = Knobs {
                limit: (low * high).sqrt(),
                growth,
            };
            let miss = (self.lay_out(knobs) / self.fit.target).ln();
            if miss.abs() < self.best.0 {
                self.best = (miss.abs(), knobs);
            }
            if miss.abs() < CLOSE_ENOUGH {
                return true;
            }
            if miss > 0.0 {
                high = knobs.limit;
            } else {
                low = knobs.limit;
            }
        }
        false
    }

    /// Lays the forest out with rows wrapped as `knobs` say; returns its breadth over
    /// depth.
    fn lay_out(&mut self, knobs: Knobs) -> f64 {
        let (input, fit) = (self.input, self.fit);
        decide(input, knobs, fit.sibling_gap, self.scratch);
        if self.scratch.rows.is_empty() {
            tidy_into(input, self.tidy_scratch, self.out);
        } else {
            lay_out_rows(
                input,
                fit.sibling_gap,
                self.scratch,
                self.tidy_scratch,
                self.out,
            );
        }
        self.last = knobs;
        let (breadth, depth) = measure(input, self.out, fit, &self.scratch.main);
        breadth / depth.max(1.0)
    }
}

/// Notes which nodes are in node 0's tree (pinned trees are placed later, elsewhere) and
/// each node's level.
fn mark_main(input: &TidyInput, scratch: &mut FitScratch) {
    let FitScratch { main, level, .. } = scratch;
    main.clear();
    main.resize(input.width.len(), false);
    level.clear();
    level.resize(input.width.len(), 0);
    if let Some(first) = main.first_mut() {
        *first = true;
    }
    for node in 0..input.width.len() {
        for &kid in kids_of(input, node) {
            main[kid as usize] = main[node];
            level[kid as usize] = level[node] + 1;
        }
    }
}

/// The breadth and depth of the main tree's cards, from their slots less the gaps.
fn measure(input: &TidyInput, out: &TidyOutput, fit: &Fit, main: &[bool]) -> (f64, f64) {
    let mut low = [f64::INFINITY; 2];
    let mut high = [f64::NEG_INFINITY; 2];
    for (node, _) in main
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, &in_main)| in_main)
    {
        low[0] = low[0].min(out.x[node]);
        low[1] = low[1].min(out.y[node]);
        high[0] = high[0].max(out.x[node] + input.width[node]);
        high[1] = high[1].max(out.y[node] + input.height[node]);
    }
    if !low[0].is_finite() {
        return (0.0, 1.0);
    }
    (
        (high[0] - low[0] - fit.sibling_gap).max(0.0),
        (high[1] - low[1] - fit.level_gap).max(1.0),
    )
}

/// Decides which nodes wrap their rows at `limit`, and how: estimates every subtree's
/// breadth from its children's (children before parents), and wraps a row of two or more
/// subtrees whose breadths add up to more than `limit`.
fn decide(input: &TidyInput, knobs: Knobs, channel: f64, scratch: &mut FitScratch) {
    let n = input.width.len();
    let FitScratch {
        extent,
        wrap,
        rows,
        level,
        ..
    } = scratch;
    extent.clear();
    extent.resize(n, (0.0, 0.0));
    wrap.clear();
    wrap.resize(n, (0, 0));
    rows.clear();
    for node in (0..n).rev() {
        let kids = kids_of(input, node);
        let half = input.width[node] / 2.0;
        let limit = knobs.limit * knobs.growth.powi(level[node] as i32);
        let total: f64 = kids
            .iter()
            .map(|&kid| extent[kid as usize].0 + extent[kid as usize].1)
            .sum();
        if let [only] = *kids {
            let (first, end) = wrap[only as usize];
            if first != end {
                // Above a wrapped block: one row, the line straight down to its line.
                let from = rows.len() as u32;
                rows.push(Row {
                    manager: node as u32,
                    start: 0,
                    end: 1,
                    last: true,
                    straight: true,
                    ..Row::default()
                });
                let (left, right) = extent[only as usize];
                extent[node] = (half.max(left), half.max(right));
                wrap[node] = (from, from + 1);
                continue;
            }
        }
        if kids.len() < 2 || total <= limit {
            let either = half.max(total / 2.0);
            extent[node] = (either, either);
            continue;
        }
        let from = rows.len() as u32;
        let widths = |at: usize| extent[kids[at] as usize].0 + extent[kids[at] as usize].1;
        cut_rows(node as u32, kids.len(), widths, total, limit, rows);
        extent[node] = split_rows(&mut rows[from as usize..], half, channel, widths);
        wrap[node] = (from, rows.len() as u32);
    }
}

/// Cuts `count` subtrees of breadths `widths` into as many rows as `limit` asks for,
/// each about as broad as the others.
fn cut_rows(
    manager: u32,
    count: usize,
    widths: impl Fn(usize) -> f64,
    total: f64,
    limit: f64,
    rows: &mut Vec<Row>,
) {
    let wanted = ((total / limit).ceil() as usize).clamp(2, count);
    let share = total / wanted as f64;
    let mut made = 0usize;
    let mut start = 0usize;
    let mut before = 0.0;
    let mut push = |start: usize, end: usize| {
        rows.push(Row {
            manager,
            start: start as u32,
            end: end as u32,
            split: start as u32,
            ..Row::default()
        });
    };
    for at in 0..count {
        let width = widths(at);
        // A new row starts where a subtree's middle passes the current row's share.
        if at > start && made + 1 < wanted && before + width / 2.0 > share * (made + 1) as f64 {
            push(start, at);
            made += 1;
            start = at;
        }
        before += width;
    }
    push(start, count);
}

/// Chooses where the manager's line runs through each row, keeping the block narrow (its
/// breadth either side of the line is the most any row needs there) and each row
/// balanced. `widths` gives a subtree's breadth. Returns the block's estimated breadth
/// left and right of the manager's line.
fn split_rows(
    rows: &mut [Row],
    half: f64,
    channel: f64,
    widths: impl Fn(usize) -> f64,
) -> (f64, f64) {
    let count = rows.len();
    for (at, row) in rows.iter_mut().enumerate() {
        row.last = at + 1 == count;
    }
    // The first pass finds how broad the block must be; the second balances each row
    // within that, using room that later rows made.
    let first = split_pass(rows, (half, half), channel, &widths);
    split_pass(rows, first, channel, &widths)
}

/// One pass of [`split_rows`], from a block `start` broad either side of the line.
fn split_pass(
    rows: &mut [Row],
    start: (f64, f64),
    channel: f64,
    widths: impl Fn(usize) -> f64,
) -> (f64, f64) {
    let (mut left, mut right) = start;
    for row in rows.iter_mut() {
        let around = if row.last { 0.0 } else { channel / 2.0 };
        let total: f64 = (row.start..row.end).map(|k| widths(k as usize)).sum();
        let mut before = 0.0;
        let mut best = (f64::INFINITY, f64::INFINITY, row.start);
        for split in row.start..=row.end {
            let after = total - before;
            let cost = left.max(before + around) + right.max(after + around);
            let imbalance = (before - after).abs();
            if cost < best.0 - 1e-9 || (cost < best.0 + 1e-9 && imbalance < best.1 - 1e-9) {
                best = (cost, imbalance, split);
            }
            if split < row.end {
                before += widths(split as usize);
            }
        }
        row.split = best.2;
        let before: f64 = (row.start..row.split).map(|k| widths(k as usize)).sum();
        left = left.max(before + around);
        right = right.max(total - before + around);
    }
    (left, right)
}

/// Lays the forest out with the rows [`decide`] chose: the rows of the most deeply nested
/// wrapped nodes first, each wrapped node then a block in the layout around it.
fn lay_out_rows(
    input: &TidyInput,
    channel: f64,
    scratch: &mut FitScratch,
    tidy_scratch: &mut TidyScratch,
    out: &mut TidyOutput,
) {
    let n = input.width.len();
    depths_and_stages(input, scratch);
    scratch.local_x.clear();
    scratch.local_x.resize(n, 0.0);
    scratch.local_y.clear();
    scratch.local_y.resize(n, 0.0);
    scratch.tree_of.clear();
    scratch.tree_of.resize(n, NONE);
    scratch.block.clear();
    scratch.block.resize(n, (0.0, 0.0));
    let stages = scratch.stage_start.len().saturating_sub(1);
    for stage in 0..stages {
        begin_stage(scratch);
        let from = scratch.stage_start[stage] as usize;
        let to = scratch.stage_start[stage + 1] as usize;
        for at in from..to {
            let manager = scratch.by_stage[at] as usize;
            let (first, end) = scratch.wrap[manager];
            for row in first..end {
                add_row(input, channel, row as usize, scratch);
            }
        }
        finish_stage(scratch);
        tidy_into(&scratch.stage_input, tidy_scratch, &mut scratch.stage_out);
        for at in from..to {
            read_rows(input, scratch.by_stage[at] as usize, scratch);
        }
    }
    begin_stage(scratch);
    for &top in &input.tops {
        scratch.stack.push((top, NONE));
        expand(input, NONE, scratch);
    }
    finish_stage(scratch);
    tidy_into(&scratch.stage_input, tidy_scratch, &mut scratch.stage_out);
    for (local, &node) in scratch.origin.iter().enumerate() {
        if node != VIRTUAL {
            scratch.local_x[node as usize] = scratch.stage_out.x[local];
            scratch.local_y[node as usize] = scratch.stage_out.y[local];
        }
    }
    compose(input, scratch, out);
}

/// Each subtree's depth, each row's depth and top, and each wrapped node's stage (1 +
/// the highest stage among the wrapped nodes below it), with wrapped nodes sorted by it.
fn depths_and_stages(input: &TidyInput, scratch: &mut FitScratch) {
    let n = input.width.len();
    let FitScratch {
        wrap,
        rows,
        depth,
        nesting,
        by_stage,
        stage_start,
        ..
    } = scratch;
    depth.clear();
    depth.resize(n, 0.0);
    nesting.clear();
    nesting.resize(n, 0);
    let mut stages = 0u32;
    for node in (0..n).rev() {
        let kids = kids_of(input, node);
        let deepest = |k: &[u32]| k.iter().map(|&c| depth[c as usize]).fold(0.0, f64::max);
        let inner = kids.iter().map(|&c| nesting[c as usize]).max().unwrap_or(0);
        let (first, end) = wrap[node];
        if first == end {
            depth[node] = input.height[node] + deepest(kids);
            nesting[node] = inner;
            continue;
        }
        let mut below = input.height[node];
        for row in &mut rows[first as usize..end as usize] {
            row.depth = deepest(&kids[row.start as usize..row.end as usize]);
            row.top = below;
            below += row.depth;
        }
        depth[node] = below;
        // This node's stage is `inner`; its nesting is one more.
        nesting[node] = inner + 1;
        stages = stages.max(inner + 1);
    }
    // Counting sort of the wrapped nodes by stage.
    stage_start.clear();
    stage_start.resize(stages as usize + 1, 0);
    for node in 0..n {
        if wrap[node].0 != wrap[node].1 {
            stage_start[nesting[node] as usize] += 1;
        }
    }
    for at in 1..stage_start.len() {
        stage_start[at] += stage_start[at - 1];
    }
    // Each stage's nodes, in pre-order, filled forwards; then `stage_start[s]` is where
    // stage `s` starts again.
    by_stage.clear();
    by_stage.resize(stage_start[stages as usize] as usize, 0);
    for node in 0..n {
        if wrap[node].0 != wrap[node].1 {
            let slot = &mut stage_start[nesting[node] as usize - 1];
            by_stage[*slot as usize] = node as u32;
            *slot += 1;
        }
    }
    stage_start.rotate_right(1);
    stage_start[0] = 0;
}

fn begin_stage(scratch: &mut FitScratch) {
    let input = &mut scratch.stage_input;
    input.width.clear();
    input.height.clear();
    input.tops.clear();
    scratch.origin.clear();
    scratch.parent_local.clear();
    scratch.stack.clear();
}

/// Adds a node to the stage's layout; returns its index there.
fn push_local(scratch: &mut FitScratch, width: f64, height: f64, parent: u32, node: u32) -> u32 {
    let local = scratch.origin.len() as u32;
    scratch.stage_input.width.push(width);
    scratch.stage_input.height.push(height);
    scratch.parent_local.push(parent);
    scratch.origin.push(node);
    local
}

/// Adds one row as a tree of its own: a root, and under it the row's subtrees with the
/// channel for the manager's line between them.
fn add_row(input: &TidyInput, channel: f64, row: usize, scratch: &mut FitScratch) {
    let Row {
        manager,
        start,
        end,
        split,
        ..
    } = scratch.rows[row];
    let root = push_local(scratch, 0.0, 0.0, NONE, VIRTUAL);
    let kids = kids_of(input, manager as usize);
    let stack = &mut scratch.stack;
    stack.extend(
        kids[split as usize..end as usize]
            .iter()
            .rev()
            .map(|&kid| (kid, root)),
    );
    stack.push((CHANNEL, root));
    stack.extend(
        kids[start as usize..split as usize]
            .iter()
            .rev()
            .map(|&kid| (kid, root)),
    );
    scratch.rows[row].root = root;
    expand(input, row as u32, scratch);
    // The last row's line ends above it: its channel takes no room.
    let channel_local = scratch.rows[row].channel as usize;
    if !scratch.rows[row].last {
        scratch.stage_input.width[channel_local] = channel;
        scratch.stage_input.height[channel_local] = scratch.rows[row].depth;
    }
    scratch.rows[row].local_end = scratch.origin.len() as u32;
}

/// Adds the stacked subtrees depth-first (pre-order); a wrapped node is a leaf as broad
/// and deep as its block. `row` is the row being added, for its channel.
fn expand(input: &TidyInput, row: u32, scratch: &mut FitScratch) {
    while let Some((node, parent)) = scratch.stack.pop() {
        if node == CHANNEL {
            let local = push_local(scratch, 0.0, 0.0, parent, VIRTUAL);
            if let Some(row) = scratch.rows.get_mut(row as usize) {
                row.channel = local;
            }
            continue;
        }
        let at = node as usize;
        let (first, end) = scratch.wrap[at];
        if first != end {
            let (left, right) = scratch.block[at];
            let depth = scratch.depth[at];
            push_local(scratch, left + right, depth, parent, node);
            continue;
        }
        let local = push_local(scratch, input.width[at], input.height[at], parent, node);
        scratch
            .stack
            .extend(kids_of(input, at).iter().rev().map(|&kid| (kid, local)));
    }
}

/// The stage's children lists from its nodes' parents (pre-order keeps siblings in order).
fn finish_stage(scratch: &mut FitScratch) {
    let n = scratch.origin.len();
    let input = &mut scratch.stage_input;
    input.child_start.clear();
    input.child_start.resize(n + 1, 0);
    for (local, &parent) in scratch.parent_local.iter().enumerate() {
        if parent == NONE {
            input.tops.push(local as u32);
        } else {
            input.child_start[parent as usize + 1] += 1;
        }
    }
    for at in 1..=n {
        input.child_start[at] += input.child_start[at - 1];
    }
    input.children.clear();
    input.children.resize(n, 0);
    let fill = &mut scratch.fill;
    fill.clear();
    fill.extend_from_slice(&input.child_start[..n]);
    for (local, &parent) in scratch.parent_local.iter().enumerate() {
        if parent != NONE {
            let slot = &mut fill[parent as usize];
            input.children[*slot as usize] = local as u32;
            *slot += 1;
        }
    }
    let used = input.child_start[n] as usize;
    input.children.truncate(used);
}

/// Reads `manager`'s rows from its stage's layout: each node's slot relative to the
/// manager's line and the row's top, each row's breadth either side of the line, and
/// the manager's block.
fn read_rows(input: &TidyInput, manager: usize, scratch: &mut FitScratch) {
    let (first, end) = scratch.wrap[manager];
    let half = input.width[manager] / 2.0;
    let (mut left, mut right) = (half, half);
    let x = &scratch.stage_out.x;
    let y = &scratch.stage_out.y;
    let width = &scratch.stage_input.width;
    for (offset, row) in scratch.rows[first as usize..end as usize]
        .iter_mut()
        .enumerate()
    {
        let channel = row.channel as usize;
        let line = if row.straight {
            // The channel (of no breadth) comes before or after the one subtree.
            let member = row.root as usize + if row.split == row.start { 2 } else { 1 };
            let node = scratch.origin[member] as usize;
            let (first, end) = scratch.wrap[node];
            x[member]
                + if first == end {
                    width[member] / 2.0
                } else {
                    scratch.block[node].0
                }
        } else {
            x[channel] + width[channel] / 2.0
        };
        let (mut low, mut high) = (line, line);
        for local in row.root as usize + 1..row.local_end as usize {
            low = low.min(x[local]);
            high = high.max(x[local] + width[local]);
            let node = scratch.origin[local];
            if node != VIRTUAL {
                scratch.local_x[node as usize] = x[local] - line;
                scratch.local_y[node as usize] = y[local];
                scratch.tree_of[node as usize] = first + offset as u32;
            }
        }
        row.left = line - low;
        row.right = high - line;
        left = left.max(row.left);
        right = right.max(row.right);
    }
    scratch.block[manager] = (left, right);
}

/// Every node's slot in the whole forest, parents first: a row hangs from its manager's
/// line, at its top below the manager's slot.
fn compose(input: &TidyInput, scratch: &FitScratch, out: &mut TidyOutput) {
    let n = input.width.len();
    out.x.clear();
    out.x.resize(n, 0.0);
    out.y.clear();
    out.y.resize(n, 0.0);
    for node in 0..n {
        let (dx, dy) = match scratch.tree_of[node] {
            NONE => (0.0, 0.0),
            row => {
                let row = &scratch.rows[row as usize];
                let manager = row.manager as usize;
                (
                    out.x[manager] + input.width[manager] / 2.0,
                    out.y[manager] + row.top,
                )
            }
        };
        let x = scratch.local_x[node] + dx;
        let (first, end) = scratch.wrap[node];
        out.x[node] = if first == end {
            x
        } else {
            // The block's slot starts `left` before the node's line.
            x + scratch.block[node].0 - input.width[node] / 2.0
        };
        out.y[node] = scratch.local_y[node] + dy;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_read() {
        assert_eq!("16:9".parse(), Ok(AspectRatio::WIDESCREEN));
        assert_eq!(" 4:3 ".parse(), Ok(AspectRatio::STANDARD));
        assert_eq!("A4".parse(), Ok(AspectRatio::PAPER_LANDSCAPE));
        assert_eq!("a3".parse(), Ok(AspectRatio::PAPER_LANDSCAPE));
        let wide: AspectRatio = "21x9".parse().unwrap();
        assert!((wide.ratio() - 21.0 / 9.0).abs() < 1e-6);
        for bad in ["", "16", "16:0", "-4:3", "a5", "1:100", "nan:1", "16:9:1"] {
            assert!(bad.parse::<AspectRatio>().is_err(), "{bad}");
        }
    }
}
