//! The non-layered tidy tree of van der Ploeg ("Drawing non-layered tidy trees in linear
//! time", Software: Practice and Experience, 2014), on flat arrays and without recursion.
//!
//! Nodes are numbered in pre-order, so every parent has a smaller index than its children:
//! the first walk runs from the last index down (children before parents) and the second
//! from the first index up (parents before children). No stack grows with depth.

const NONE: u32 = u32::MAX;

/// A forest to lay out, in pre-order. Widths and heights include the gaps wanted between
/// boxes; each box is placed at a slot `x..x + width`, `y..y + height`.
#[derive(Clone, Debug, Default)]
pub struct TidyInput {
    /// Slot width of each node.
    pub width: Vec<f64>,
    /// Slot height of each node.
    pub height: Vec<f64>,
    /// Children of node `i` are `children[child_start[i]..child_start[i + 1]]`, in order.
    pub child_start: Vec<u32>,
    /// Children lists, concatenated.
    pub children: Vec<u32>,
    /// The top of each tree; each tree is laid out on its own with its left edge near 0.
    pub tops: Vec<u32>,
}

impl TidyInput {
    fn kids(&self, node: u32) -> &[u32] {
        let from = self.child_start[node as usize] as usize;
        let to = self.child_start[node as usize + 1] as usize;
        &self.children[from..to]
    }
}

/// The slots' top-left corners.
#[derive(Clone, Debug, Default)]
pub struct TidyOutput {
    /// Left edge of each node's slot.
    pub x: Vec<f64>,
    /// Top edge of each node's slot.
    pub y: Vec<f64>,
}

/// Per-node working state of the algorithm, kept together for locality: 64 bytes, one
/// cache line. The vertical places live in the output's `y` from the start, and the
/// second walk keeps its running sums in the output's `x`.
#[derive(Clone, Copy, Default)]
pub struct WorkNode {
    prelim: f64,
    modifier: f64,
    shift: f64,
    change: f64,
    modsum_extreme_left: f64,
    modsum_extreme_right: f64,
    thread_left: u32,
    thread_right: u32,
    extreme_left: u32,
    extreme_right: u32,
}

/// Buffers for [`tidy_into`], reusable across layouts so a re-layout allocates nothing.
#[derive(Default)]
pub struct TidyScratch {
    work: Vec<WorkNode>,
    below: Vec<(f64, usize)>,
}

/// Lays out `input`; O(n) time, no recursion.
pub fn tidy(input: &TidyInput) -> TidyOutput {
    let mut out = TidyOutput::default();
    tidy_into(input, &mut TidyScratch::default(), &mut out);
    out
}

/// Lays out `input` into `out`, reusing `scratch`'s buffers.
pub fn tidy_into(input: &TidyInput, scratch: &mut TidyScratch, out: &mut TidyOutput) {
    let n = input.width.len();
    let work = &mut scratch.work;
    work.clear();
    work.resize(
        n,
        WorkNode {
            thread_left: NONE,
            thread_right: NONE,
            extreme_left: NONE,
            extreme_right: NONE,
            ..WorkNode::default()
        },
    );
    // Vertical places: each child starts where its parent's slot ends. Tops start at 0.
    let y = &mut out.y;
    y.clear();
    y.resize(n, 0.0);
    for node in 0..n {
        let bottom = y[node] + input.height[node];
        for &child in input.kids(node as u32) {
            y[child as usize] = bottom;
        }
    }
    for node in (0..n as u32).rev() {
        first_walk(input, y, work, node, &mut scratch.below);
    }
    // Parents come before children, so a parent's sum is ready when its children need
    // it. Until a node is placed, its `x` holds the modifiers summed over its ancestors.
    let x = &mut out.x;
    x.clear();
    x.resize(n, 0.0);
    for node in 0..n {
        let modsum = x[node] + work[node].modifier;
        x[node] = work[node].prelim + modsum;
        add_child_spacing(input, work, node as u32);
        for &child in input.kids(node as u32) {
            x[child as usize] = modsum;
        }
    }
}

/// The part of the first walk done at `node`, once all its subtrees are laid out.
fn first_walk(
    input: &TidyInput,
    y: &[f64],
    work: &mut [WorkNode],
    node: u32,
    below: &mut Vec<(f64, usize)>,
) {
    let kids = input.kids(node);
    let v = node as usize;
    if kids.is_empty() {
        work[v].extreme_left = node;
        work[v].extreme_right = node;
        work[v].modsum_extreme_left = 0.0;
        work[v].modsum_extreme_right = 0.0;
        return;
    }
    // `below` is the paper's IYL list: the head is its last element.
    below.clear();
    let first = kids[0] as usize;
    update_iyl(below, bottom(input, y, work[first].extreme_left), 0);
    for i in 1..kids.len() {
        let current = kids[i] as usize;
        let min_y = bottom(input, y, work[current].extreme_right);
        separate(input, y, work, kids, i, below);
        update_iyl(below, min_y, i);
    }
    position_root(input, work, node);
    let last = kids[kids.len() - 1] as usize;
    work[v].extreme_left = work[first].extreme_left;
    work[v].modsum_extreme_left = work[first].modsum_extreme_left;
    work[v].extreme_right = work[last].extreme_right;
    work[v].modsum_extreme_right = work[last].modsum_extreme_right;
}

fn bottom(input: &TidyInput, y: &[f64], node: u32) -> f64 {
    y[node as usize] + input.height[node as usize]
}

fn update_iyl(below: &mut Vec<(f64, usize)>, min_y: f64, index: usize) {
    while below.last().is_some_and(|&(low_y, _)| min_y >= low_y) {
        below.pop();
    }
    below.push((min_y, index));
}

fn separate(
    input: &TidyInput,
    y: &[f64],
    work: &mut [WorkNode],
    kids: &[u32],
    i: usize,
    below: &[(f64, usize)],
) {
    let mut cursor = below.len() - 1;
    let mut sr = kids[i - 1];
    let mut mssr = work[sr as usize].modifier;
    let mut cl = kids[i];
    let mut mscl = work[cl as usize].modifier;
    // First put the subtree's root right next to its left sibling, as Walker does, moving
    // it left or right. The paper starts every subtree at its own left edge and only
    // pushes right, which leaves gaps looser than needed and breaks mirror symmetry.
    // Siblings share their top, so these two always face each other.
    let touch = (mssr + work[sr as usize].prelim + input.width[sr as usize])
        - (mscl + work[cl as usize].prelim);
    let current = kids[i] as usize;
    work[current].modifier += touch;
    work[current].modsum_extreme_left += touch;
    work[current].modsum_extreme_right += touch;
    mscl += touch;
    // Then push right wherever lower levels collide, spreading each push over the smaller
    // subtrees in between.
    while sr != NONE && cl != NONE {
        if bottom(input, y, sr) > below[cursor].0 && cursor > 0 {
            cursor -= 1;
        }
        let dist = (mssr + work[sr as usize].prelim + input.width[sr as usize])
            - (mscl + work[cl as usize].prelim);
        if dist > 0.0 {
            mscl += dist;
            move_subtree(work, kids, i, below[cursor].1, dist);
        }
        let sy = bottom(input, y, sr);
        let cy = bottom(input, y, cl);
        if sy <= cy {
            sr = next_right_contour(input, work, sr);
            if sr != NONE {
                mssr += work[sr as usize].modifier;
            }
        }
        if sy >= cy {
            cl = next_left_contour(input, work, cl);
            if cl != NONE {
                mscl += work[cl as usize].modifier;
            }
        }
    }
    if sr == NONE && cl != NONE {
        set_left_thread(work, kids, i, cl, mscl);
    } else if sr != NONE && cl == NONE {
        set_right_thread(work, kids, i, sr, mssr);
    }
}

fn move_subtree(work: &mut [WorkNode], kids: &[u32], i: usize, si: usize, dist: f64) {
    let current = kids[i] as usize;
    work[current].modifier += dist;
    work[current].modsum_extreme_left += dist;
    work[current].modsum_extreme_right += dist;
    // Spread the move over the smaller subtrees in between.
    if si + 1 != i {
        let between = (i - si) as f64;
        work[kids[si + 1] as usize].shift += dist / between;
        work[current].shift -= dist / between;
        work[current].change -= dist - dist / between;
    }
}

fn next_left_contour(input: &TidyInput, work: &[WorkNode], node: u32) -> u32 {
    match input.kids(node).first() {
        Some(&child) => child,
        None => work[node as usize].thread_left,
    }
}

fn next_right_contour(input: &TidyInput, work: &[WorkNode], node: u32) -> u32 {
    match input.kids(node).last() {
        Some(&child) => child,
        None => work[node as usize].thread_right,
    }
}

fn set_left_thread(work: &mut [WorkNode], kids: &[u32], i: usize, cl: u32, modsum_cl: f64) {
    let first = kids[0] as usize;
    let li = work[first].extreme_left as usize;
    work[li].thread_left = cl;
    let diff = (modsum_cl - work[cl as usize].modifier) - work[first].modsum_extreme_left;
    work[li].modifier += diff;
    work[li].prelim -= diff;
    work[first].extreme_left = work[kids[i] as usize].extreme_left;
    work[first].modsum_extreme_left = work[kids[i] as usize].modsum_extreme_left;
}

fn set_right_thread(work: &mut [WorkNode], kids: &[u32], i: usize, sr: u32, modsum_sr: f64) {
    let current = kids[i] as usize;
    let ri = work[current].extreme_right as usize;
    work[ri].thread_right = sr;
    let diff = (modsum_sr - work[sr as usize].modifier) - work[current].modsum_extreme_right;
    work[ri].modifier += diff;
    work[ri].prelim -= diff;
    let previous = kids[i - 1] as usize;
    work[current].extreme_right = work[previous].extreme_right;
    work[current].modsum_extreme_right = work[previous].modsum_extreme_right;
}

fn position_root(input: &TidyInput, work: &mut [WorkNode], node: u32) {
    let kids = input.kids(node);
    let first = kids[0] as usize;
    let last = kids[kids.len() - 1] as usize;
    work[node as usize].prelim = (work[first].prelim
        + work[first].modifier
        + work[last].modifier
        + work[last].prelim
        + input.width[last])
        / 2.0
        - input.width[node as usize] / 2.0;
}

fn add_child_spacing(input: &TidyInput, work: &mut [WorkNode], node: u32) {
    let mut shift = 0.0;
    let mut modsum_delta = 0.0;
    for &child in input.kids(node) {
        let c = child as usize;
        shift += work[c].shift;
        modsum_delta += shift + work[c].change;
        work[c].modifier += modsum_delta;
    }
}
