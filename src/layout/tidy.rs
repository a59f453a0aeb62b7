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

/// Per-node working state of the algorithm.
struct Work {
    prelim: Vec<f64>,
    modifier: Vec<f64>,
    shift: Vec<f64>,
    change: Vec<f64>,
    thread_left: Vec<u32>,
    thread_right: Vec<u32>,
    extreme_left: Vec<u32>,
    extreme_right: Vec<u32>,
    modsum_extreme_left: Vec<f64>,
    modsum_extreme_right: Vec<f64>,
    y: Vec<f64>,
}

/// Lays out `input`; O(n) time, no recursion.
pub fn tidy(input: &TidyInput) -> TidyOutput {
    let n = input.width.len();
    let mut work = Work {
        prelim: vec![0.0; n],
        modifier: vec![0.0; n],
        shift: vec![0.0; n],
        change: vec![0.0; n],
        thread_left: vec![NONE; n],
        thread_right: vec![NONE; n],
        extreme_left: vec![NONE; n],
        extreme_right: vec![NONE; n],
        modsum_extreme_left: vec![0.0; n],
        modsum_extreme_right: vec![0.0; n],
        y: vec![0.0; n],
    };
    // Vertical places: each child starts where its parent's slot ends.
    for &top in &input.tops {
        work.y[top as usize] = 0.0;
    }
    for node in 0..n as u32 {
        let bottom = work.y[node as usize] + input.height[node as usize];
        for &child in input.kids(node) {
            work.y[child as usize] = bottom;
        }
    }
    let mut siblings_below = Vec::new();
    for node in (0..n as u32).rev() {
        first_walk(input, &mut work, node, &mut siblings_below);
    }
    let mut x = vec![0.0; n];
    let mut modsum = vec![0.0; n];
    let mut is_top = vec![false; n];
    for &top in &input.tops {
        is_top[top as usize] = true;
    }
    // Parents come before children, so a parent's sum is ready when its children need it.
    let mut parent_sum = vec![0.0; n];
    for node in 0..n {
        let above = if is_top[node] { 0.0 } else { parent_sum[node] };
        modsum[node] = above + work.modifier[node];
        x[node] = work.prelim[node] + modsum[node];
        add_child_spacing(input, &mut work, node as u32);
        for &child in input.kids(node as u32) {
            parent_sum[child as usize] = modsum[node];
        }
    }
    TidyOutput { x, y: work.y }
}

/// The part of the first walk done at `node`, once all its subtrees are laid out.
fn first_walk(input: &TidyInput, work: &mut Work, node: u32, below: &mut Vec<(f64, usize)>) {
    let kids = input.kids(node);
    let v = node as usize;
    if kids.is_empty() {
        work.extreme_left[v] = node;
        work.extreme_right[v] = node;
        work.modsum_extreme_left[v] = 0.0;
        work.modsum_extreme_right[v] = 0.0;
        return;
    }
    // `below` is the paper's IYL list: the head is its last element.
    below.clear();
    let first = kids[0] as usize;
    update_iyl(below, bottom(input, work, work.extreme_left[first]), 0);
    for i in 1..kids.len() {
        let current = kids[i] as usize;
        let min_y = bottom(input, work, work.extreme_right[current]);
        separate(input, work, kids, i, below);
        update_iyl(below, min_y, i);
    }
    position_root(input, work, node);
    let last = kids[kids.len() - 1] as usize;
    work.extreme_left[v] = work.extreme_left[first];
    work.modsum_extreme_left[v] = work.modsum_extreme_left[first];
    work.extreme_right[v] = work.extreme_right[last];
    work.modsum_extreme_right[v] = work.modsum_extreme_right[last];
}

fn bottom(input: &TidyInput, work: &Work, node: u32) -> f64 {
    work.y[node as usize] + input.height[node as usize]
}

fn update_iyl(below: &mut Vec<(f64, usize)>, min_y: f64, index: usize) {
    while below.last().is_some_and(|&(low_y, _)| min_y >= low_y) {
        below.pop();
    }
    below.push((min_y, index));
}

fn separate(input: &TidyInput, work: &mut Work, kids: &[u32], i: usize, below: &[(f64, usize)]) {
    let mut cursor = below.len() - 1;
    let mut sr = kids[i - 1];
    let mut mssr = work.modifier[sr as usize];
    let mut cl = kids[i];
    let mut mscl = work.modifier[cl as usize];
    // First put the subtree's root right next to its left sibling, as Walker does, moving
    // it left or right. The paper starts every subtree at its own left edge and only
    // pushes right, which leaves gaps looser than needed and breaks mirror symmetry.
    // Siblings share their top, so these two always face each other.
    let touch = (mssr + work.prelim[sr as usize] + input.width[sr as usize]) - (mscl + work.prelim[cl as usize]);
    let current = kids[i] as usize;
    work.modifier[current] += touch;
    work.modsum_extreme_left[current] += touch;
    work.modsum_extreme_right[current] += touch;
    mscl += touch;
    // Then push right wherever lower levels collide, spreading each push over the smaller
    // subtrees in between.
    while sr != NONE && cl != NONE {
        if bottom(input, work, sr) > below[cursor].0 && cursor > 0 {
            cursor -= 1;
        }
        let dist = (mssr + work.prelim[sr as usize] + input.width[sr as usize])
            - (mscl + work.prelim[cl as usize]);
        if dist > 0.0 {
            mscl += dist;
            move_subtree(work, kids, i, below[cursor].1, dist);
        }
        let sy = bottom(input, work, sr);
        let cy = bottom(input, work, cl);
        if sy <= cy {
            sr = next_right_contour(input, work, sr);
            if sr != NONE {
                mssr += work.modifier[sr as usize];
            }
        }
        if sy >= cy {
            cl = next_left_contour(input, work, cl);
            if cl != NONE {
                mscl += work.modifier[cl as usize];
            }
        }
    }
    if sr == NONE && cl != NONE {
        set_left_thread(work, kids, i, cl, mscl);
    } else if sr != NONE && cl == NONE {
        set_right_thread(work, kids, i, sr, mssr);
    }
}

fn move_subtree(work: &mut Work, kids: &[u32], i: usize, si: usize, dist: f64) {
    let current = kids[i] as usize;
    work.modifier[current] += dist;
    work.modsum_extreme_left[current] += dist;
    work.modsum_extreme_right[current] += dist;
    // Spread the move over the smaller subtrees in between.
    if si + 1 != i {
        let between = (i - si) as f64;
        work.shift[kids[si + 1] as usize] += dist / between;
        work.shift[current] -= dist / between;
        work.change[current] -= dist - dist / between;
    }
}

fn next_left_contour(input: &TidyInput, work: &Work, node: u32) -> u32 {
    match input.kids(node).first() {
        Some(&child) => child,
        None => work.thread_left[node as usize],
    }
}

fn next_right_contour(input: &TidyInput, work: &Work, node: u32) -> u32 {
    match input.kids(node).last() {
        Some(&child) => child,
        None => work.thread_right[node as usize],
    }
}

fn set_left_thread(work: &mut Work, kids: &[u32], i: usize, cl: u32, modsum_cl: f64) {
    let first = kids[0] as usize;
    let li = work.extreme_left[first] as usize;
    work.thread_left[li] = cl;
    let diff = (modsum_cl - work.modifier[cl as usize]) - work.modsum_extreme_left[first];
    work.modifier[li] += diff;
    work.prelim[li] -= diff;
    work.extreme_left[first] = work.extreme_left[kids[i] as usize];
    work.modsum_extreme_left[first] = work.modsum_extreme_left[kids[i] as usize];
}

fn set_right_thread(work: &mut Work, kids: &[u32], i: usize, sr: u32, modsum_sr: f64) {
    let current = kids[i] as usize;
    let ri = work.extreme_right[current] as usize;
    work.thread_right[ri] = sr;
    let diff = (modsum_sr - work.modifier[sr as usize]) - work.modsum_extreme_right[current];
    work.modifier[ri] += diff;
    work.prelim[ri] -= diff;
    let previous = kids[i - 1] as usize;
    work.extreme_right[current] = work.extreme_right[previous];
    work.modsum_extreme_right[current] = work.modsum_extreme_right[previous];
}

fn position_root(input: &TidyInput, work: &mut Work, node: u32) {
    let kids = input.kids(node);
    let first = kids[0] as usize;
    let last = kids[kids.len() - 1] as usize;
    work.prelim[node as usize] = (work.prelim[first]
        + work.modifier[first]
        + work.modifier[last]
        + work.prelim[last]
        + input.width[last])
        / 2.0
        - input.width[node as usize] / 2.0;
}

fn add_child_spacing(input: &TidyInput, work: &mut Work, node: u32) {
    let mut shift = 0.0;
    let mut modsum_delta = 0.0;
    for &child in input.kids(node) {
        let c = child as usize;
        shift += work.shift[c];
        modsum_delta += shift + work.change[c];
        work.modifier[c] += modsum_delta;
    }
}
