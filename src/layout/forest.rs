//! Turns a chart into [`TidyInput`], runs the tidy layout, and places every card.
//!
//! Layout works in "layout space": breadth across the tree and depth down it. Top-down
//! charts use it as it is; left-to-right charts swap the axes on the way in and out.

use crate::model::{Chart, NodeId, NodeKind};

use super::fit::{tidy_fitted, Fit, FitScratch};
use super::free_space::{shifted, FreeSpace};
use super::tidy::{tidy_into, TidyInput, TidyOutput, TidyScratch};
use super::{LayoutOptions, Orientation, PlacedCard, Placement, RectInChart};

const NONE: u32 = u32::MAX;

/// A card's size in layout space: across the tree and down it. Single precision, as
/// card sizes are, so the per-node records a layout walks stay small.
#[derive(Clone, Copy)]
struct Extent {
    breadth: f32,
    depth: f32,
}

/// A node placed by the tidy layout, with the cards that ride beside its line. Kept to
/// 28 bytes: a million-node layout walks these several times.
struct TreeNode {
    id: NodeId,
    card: Extent,
    /// The parent's index; `NONE` for the virtual root and for pinned nodes (whose
    /// managers are in [`Buffers::pins`]).
    parent: u32,
    /// Side cards of this node: `sides[side_from..side_to]`.
    side_from: u32,
    side_to: u32,
    /// Breadth needed either side of the node's centre line.
    half_breadth: f32,
}

/// A pinned node: its index, its manager's index (`NONE` for a top node) and its pin in
/// layout space (breadth, depth).
#[derive(Clone, Copy)]
struct Pin {
    index: u32,
    manager: u32,
    breadth: f64,
    depth: f64,
}

/// How pins are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PinMode {
    /// A pin is the offset of the card's top-left corner from its manager's (from the
    /// chart's origin for a top node); a pinned subtree never covers another card.
    Offset,
    /// Files before format 1.1: a pin is the card's absolute top-left corner. Used only
    /// to convert such pins to offsets.
    Absolute,
}

/// Every buffer a layout needs, kept between layouts so that laying out again allocates
/// nothing once the buffers have grown to the chart's size.
#[derive(Default)]
pub(super) struct Buffers {
    nodes: Vec<TreeNode>,
    sides: Vec<(NodeId, Extent)>,
    pins: Vec<Pin>,
    stack: Vec<(NodeId, u32)>,
    team: Vec<(NodeId, bool)>,
    input: TidyInput,
    fill: Vec<u32>,
    level: Vec<u32>,
    tallest: Vec<f64>,
    scratch: TidyScratch,
    out: TidyOutput,
    /// The fitted layout's buffers (see [`LayoutOptions::fit`]).
    fit: FitScratch,
    top_of: Vec<u32>,
    offsets: Vec<(f64, f64)>,
    /// For each placed card, the tree (entry of `offsets`) it moves with.
    card_tree: Vec<u32>,
}

/// Lays the chart out into `cards`: every visible card, in tree order.
pub(super) fn lay_out(
    chart: &Chart,
    options: &LayoutOptions,
    mut size_of: impl FnMut(NodeId) -> [f32; 2],
    buffers: &mut Buffers,
    cards: &mut Vec<PlacedCard>,
    pin_mode: PinMode,
) {
    let mut extent_of = |id: NodeId| {
        let [width, height] = size_of(id);
        to_layout_space(options.orientation, width, height)
    };
    prepare(chart, options, &mut extent_of, buffers);
    build_input(options, buffers);
    match options.fit {
        Some(shape) => {
            let fit = Fit {
                // Layout space runs across the tree: left to right, that is the height.
                target: match options.orientation {
                    Orientation::TopDown => shape.ratio(),
                    Orientation::LeftToRight => 1.0 / shape.ratio(),
                },
                sibling_gap: f64::from(options.sibling_gap),
                level_gap: f64::from(options.level_gap),
            };
            let Buffers {
                input,
                scratch,
                out,
                fit: fit_scratch,
                ..
            } = buffers;
            tidy_fitted(input, &fit, fit_scratch, scratch, out);
        }
        None => tidy_into(&buffers.input, &mut buffers.scratch, &mut buffers.out),
    }
    assign_trees(buffers);
    emit_cards(options, buffers, cards);
    if !buffers.pins.is_empty() {
        // Pinned trees go where their pins say, clear of the cards placed before them;
        // then every card is placed again with its tree's final offset.
        let layout_space = |card: &PlacedCard| to_layout_rect(options.orientation, card.rect);
        let gap = f64::from(options.sibling_gap.min(options.side_gap)) / 2.0;
        place_pinned_trees(buffers, cards, pin_mode, gap, layout_space);
        emit_cards(options, buffers, cards);
    }
}

fn to_layout_space(orientation: Orientation, width: f32, height: f32) -> Extent {
    match orientation {
        Orientation::TopDown => Extent {
            breadth: width,
            depth: height,
        },
        Orientation::LeftToRight => Extent {
            breadth: height,
            depth: width,
        },
    }
}

/// A card's rectangle in layout space: `[breadth_min, depth_min, breadth_max, depth_max]`.
fn to_layout_rect(orientation: Orientation, rect: RectInChart) -> [f64; 4] {
    let (x, y, w, h) = (
        f64::from(rect.x),
        f64::from(rect.y),
        f64::from(rect.width),
        f64::from(rect.height),
    );
    match orientation {
        Orientation::TopDown => [x, y, x + w, y + h],
        Orientation::LeftToRight => [y, x, y + h, x + w],
    }
}

/// Walks the visible chart depth-first (with an explicit stack) and numbers the tree
/// nodes in pre-order. Node 0 is a virtual root holding the unpinned top nodes.
fn prepare(
    chart: &Chart,
    options: &LayoutOptions,
    extent_of: &mut impl FnMut(NodeId) -> Extent,
    buffers: &mut Buffers,
) {
    buffers.nodes.clear();
    buffers.sides.clear();
    buffers.pins.clear();
    buffers.team.clear();
    buffers.stack.clear();
    buffers.nodes.push(TreeNode {
        id: NodeId(u32::MAX),
        card: Extent {
            breadth: 0.0,
            depth: 0.0,
        },
        parent: NONE,
        side_from: 0,
        side_to: 0,
        half_breadth: 0.0,
    });
    buffers
        .stack
        .extend(chart.roots().iter().rev().map(|&id| (id, 0)));
    while let Some((id, parent)) = buffers.stack.pop() {
        let Some((shape, children)) = chart.shape(id) else {
            continue;
        };
        let index = buffers.nodes.len() as u32;
        let card = extent_of(id);
        let side_from = buffers.sides.len() as u32;
        let mut half_breadth = f64::from(card.breadth) / 2.0;
        if !shape.collapsed {
            half_breadth = sort_children(chart, options, children, index, extent_of, buffers)
                .max(half_breadth);
        }
        let pin = shape
            .pinned
            .then(|| chart.node(id).and_then(|node| node.pin))
            .flatten();
        if let Some(point) = pin {
            let (breadth, depth) = match options.orientation {
                Orientation::TopDown => (point.x, point.y),
                Orientation::LeftToRight => (point.y, point.x),
            };
            buffers.pins.push(Pin {
                index,
                manager: if parent == 0 { NONE } else { parent },
                breadth: f64::from(breadth),
                depth: f64::from(depth),
            });
        }
        buffers.nodes.push(TreeNode {
            id,
            card,
            parent: if pin.is_some() { NONE } else { parent },
            side_from,
            side_to: buffers.sides.len() as u32,
            half_breadth: half_breadth as f32,
        });
    }
}

/// Sorts the children of node `index` into side cards (assistants, and in compact mode
/// teams of leaves) and tree nodes (pushed on the stack). Returns the breadth the side
/// cards need either side of the node's line.
fn sort_children(
    chart: &Chart,
    options: &LayoutOptions,
    children: &[NodeId],
    index: u32,
    extent_of: &mut impl FnMut(NodeId) -> Extent,
    buffers: &mut Buffers,
) -> f64 {
    let side_gap = f64::from(options.side_gap);
    let mut half_breadth = 0.0f64;
    let Buffers {
        sides, stack, team, ..
    } = buffers;
    team.clear();
    for &child in children {
        let Some((child_shape, grandchildren)) = chart.shape(child) else {
            continue;
        };
        if child_shape.kind == NodeKind::Assistant && !child_shape.pinned {
            let extent = extent_of(child);
            half_breadth = half_breadth.max(side_gap + f64::from(extent.breadth));
            sides.push((child, extent));
        } else if child_shape.kind == NodeKind::Assistant {
            // Pinned assistants are laid out on their own, at their pin.
            stack.push((child, index));
        } else {
            let stackable =
                !child_shape.pinned && (grandchildren.is_empty() || child_shape.collapsed);
            team.push((child, stackable));
        }
    }
    // Compact: a team of leaves rides beside the manager's line, in two columns. In a
    // mixed team, two or more leaf posts do, and the rest hang below; units stay in the
    // row, as the peers they are.
    let all_stackable = team.iter().all(|&(_, stackable)| stackable);
    let beside = |&(child, stackable): &(NodeId, bool)| {
        options.compact && stackable && (all_stackable || !is_unit(chart, child))
    };
    let stack_team = team.len() >= 2 && team.iter().filter(|m| beside(m)).count() >= 2;
    for member in team.iter() {
        if stack_team && beside(member) {
            let extent = extent_of(member.0);
            half_breadth = half_breadth.max(side_gap + f64::from(extent.breadth));
            sides.push((member.0, extent));
        }
    }
    stack.extend(
        team.iter()
            .rev()
            .filter(|member| !(stack_team && beside(member)))
            .map(|&(child, _)| (child, index)),
    );
    half_breadth
}

fn is_unit(chart: &Chart, id: NodeId) -> bool {
    chart
        .shape(id)
        .is_some_and(|(shape, _)| shape.kind == NodeKind::Unit)
}

/// Depth taken by the rows of side cards below a card.
fn side_band_depth(sides: &[(NodeId, Extent)], row_gap: f64) -> f64 {
    sides
        .chunks(2)
        .map(|row| {
            row_gap
                + row
                    .iter()
                    .map(|(_, e)| f64::from(e.depth))
                    .fold(0.0, f64::max)
        })
        .sum()
}

/// The tidy layout's input: slot sizes and children lists, in pre-order.
fn build_input(options: &LayoutOptions, buffers: &mut Buffers) {
    let Buffers {
        nodes,
        sides,
        input,
        fill,
        level,
        tallest,
        ..
    } = buffers;
    let n = nodes.len();
    let sibling_gap = f64::from(options.sibling_gap);
    let level_gap = f64::from(options.level_gap);
    let row_gap = f64::from(options.side_row_gap);

    input.width.clear();
    input.height.clear();
    input.child_start.clear();
    input.child_start.resize(n + 1, 0);
    input.children.clear();
    input.children.resize(n, 0);
    input.tops.clear();
    for (index, node) in nodes.iter().enumerate() {
        let own_sides = &sides[node.side_from as usize..node.side_to as usize];
        if index == 0 {
            input.width.push(0.0);
            input.height.push(0.0);
        } else {
            input
                .width
                .push(2.0 * f64::from(node.half_breadth) + sibling_gap);
            input
                .height
                .push(f64::from(node.card.depth) + side_band_depth(own_sides, row_gap) + level_gap);
        }
        if node.parent == NONE {
            input.tops.push(index as u32);
        } else {
            input.child_start[node.parent as usize + 1] += 1;
        }
    }
    // Children lists by counting sort: pre-order keeps siblings in order.
    for at in 1..=n {
        input.child_start[at] += input.child_start[at - 1];
    }
    fill.clear();
    fill.extend_from_slice(&input.child_start);
    let mut used = 0;
    for (index, node) in nodes.iter().enumerate() {
        if node.parent != NONE {
            let slot = &mut fill[node.parent as usize];
            input.children[*slot as usize] = index as u32;
            *slot += 1;
            used += 1;
        }
    }
    input.children.truncate(used);
    if options.align_rows {
        align_rows(input, nodes, level, tallest);
    }
}

/// Which tree each node moves with (an entry of `offsets`, one per tree), and the main
/// tree's offset: its left edge at 0. Pinned trees start unmoved.
fn assign_trees(buffers: &mut Buffers) {
    let Buffers {
        nodes,
        input,
        out,
        top_of,
        offsets,
        ..
    } = buffers;
    let n = nodes.len();
    top_of.clear();
    top_of.resize(n, 0);
    offsets.clear();
    for (index, node) in nodes.iter().enumerate() {
        top_of[index] = if node.parent == NONE {
            offsets.push((0.0, 0.0));
            (offsets.len() - 1) as u32
        } else {
            top_of[node.parent as usize]
        };
    }
    let centre = |index: usize| out.x[index] + input.width[index] / 2.0;
    let main = top_of[0];
    let mut min_breadth = f64::INFINITY;
    for index in 1..n {
        if top_of[index] == main {
            min_breadth = min_breadth.min(centre(index) - f64::from(nodes[index].half_breadth));
        }
    }
    if !min_breadth.is_finite() {
        min_breadth = 0.0;
    }
    offsets[main as usize] = (-min_breadth, 0.0);
}

/// Every visible card, each tree moved by its offset; notes which tree each card moves
/// with.
fn emit_cards(options: &LayoutOptions, buffers: &mut Buffers, cards: &mut Vec<PlacedCard>) {
    let Buffers {
        nodes,
        sides,
        input,
        out,
        top_of,
        offsets,
        card_tree,
        ..
    } = buffers;
    let row_gap = f64::from(options.side_row_gap);
    let side_gap = f64::from(options.side_gap);
    let centre = |index: usize| out.x[index] + input.width[index] / 2.0;
    cards.clear();
    card_tree.clear();
    cards.reserve(nodes.len() - 1 + sides.len());
    let mut push = |card: PlacedCard, tree: u32| {
        cards.push(card);
        card_tree.push(tree);
    };
    for (index, node) in nodes.iter().enumerate().skip(1) {
        let tree = top_of[index];
        let (dx, dy) = offsets[tree as usize];
        let mid = centre(index) + dx;
        let top = out.y[index] + dy;
        let placement = if node.parent == NONE {
            Placement::Pinned
        } else {
            Placement::Tree
        };
        let left = mid - f64::from(node.card.breadth) / 2.0;
        push(
            card_at(
                node.id,
                left,
                top,
                node.card,
                placement,
                options.orientation,
            ),
            tree,
        );
        let mut row_top = top + f64::from(node.card.depth);
        for row in sides[node.side_from as usize..node.side_to as usize].chunks(2) {
            row_top += row_gap;
            let row_depth = row
                .iter()
                .map(|(_, e)| f64::from(e.depth))
                .fold(0.0, f64::max);
            // One card: right of the line. Two: left then right, in reading order.
            let (left, right) = match row {
                [only] => (None, Some(only)),
                [first, second] => (Some(first), Some(second)),
                _ => (None, None),
            };
            if let Some((id, extent)) = left {
                let at = mid - side_gap - f64::from(extent.breadth);
                let card = card_at(
                    *id,
                    at,
                    row_top,
                    *extent,
                    Placement::Side,
                    options.orientation,
                );
                push(card, tree);
            }
            if let Some((id, extent)) = right {
                let at = mid + side_gap;
                let card = card_at(
                    *id,
                    at,
                    row_top,
                    *extent,
                    Placement::Side,
                    options.orientation,
                );
                push(card, tree);
            }
            row_top += row_depth;
        }
    }
}

/// Sets each pinned tree's offset (see [`PinMode`]), in pre-order so a manager's tree
/// is placed before its pinned subordinates'. `cards` were emitted with the main tree in
/// place and pinned trees unmoved; `layout_space` gives a card's rectangle in layout space.
fn place_pinned_trees(
    buffers: &mut Buffers,
    cards: &[PlacedCard],
    pin_mode: PinMode,
    gap: f64,
    layout_space: impl Fn(&PlacedCard) -> [f64; 4],
) {
    let Buffers {
        nodes,
        pins,
        top_of,
        offsets,
        card_tree,
        ..
    } = buffers;
    let main = top_of[0] as usize;
    // How far a card emitted so far still has to move: its tree's offset, but nothing
    // for the main tree, which was emitted in place.
    let still_to_move = |offsets: &[(f64, f64)], tree: usize| {
        if tree == main {
            (0.0, 0.0)
        } else {
            offsets[tree]
        }
    };
    // Where each tree node's card is in `cards`.
    let mut card_of = vec![u32::MAX; nodes.len()];
    let mut at = 0usize;
    for (index, node) in nodes.iter().enumerate().skip(1) {
        card_of[index] = at as u32;
        at += 1 + (node.side_to - node.side_from) as usize;
    }
    let in_place: Vec<[f64; 4]> = cards
        .iter()
        .zip(card_tree.iter())
        .filter(|(_, &tree)| tree as usize == main)
        .map(|(card, _)| layout_space(card))
        .collect();
    let mut free = FreeSpace::with_all(gap, &in_place);
    drop(in_place);
    for pin in pins.iter() {
        let tree = top_of[pin.index as usize] as usize;
        let own = layout_space(&cards[card_of[pin.index as usize] as usize]);
        let wanted = match (pin_mode, pin.manager) {
            (PinMode::Offset, manager) if manager != NONE => {
                let manager_card = &cards[card_of[manager as usize] as usize];
                let manager_tree = top_of[manager as usize] as usize;
                let [b, d, ..] = shifted(
                    layout_space(manager_card),
                    still_to_move(offsets, manager_tree),
                );
                (b + pin.breadth, d + pin.depth)
            }
            _ => (pin.breadth, pin.depth),
        };
        let shift = (wanted.0 - own[0], wanted.1 - own[1]);
        if pin_mode == PinMode::Absolute {
            offsets[tree] = shift;
            continue;
        }
        let members = || {
            cards
                .iter()
                .zip(card_tree.iter())
                .filter(move |(_, &t)| t as usize == tree)
                .map(|(card, _)| layout_space(card))
        };
        let Some(block) = members().reduce(union) else {
            continue;
        };
        offsets[tree] = free.nearest(block, shift);
        for rect in members() {
            free.insert(shifted(rect, offsets[tree]));
        }
    }
}

fn union(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// Gives every tree node of a depth that has subordinates the slot height of the deepest
/// such node there, so the rows below line up.
fn align_rows(
    input: &mut TidyInput,
    nodes: &[TreeNode],
    level: &mut Vec<u32>,
    tallest: &mut Vec<f64>,
) {
    level.clear();
    level.resize(nodes.len(), 0);
    tallest.clear();
    for (index, node) in nodes.iter().enumerate().skip(1) {
        level[index] = if node.parent == NONE || node.parent == 0 {
            0
        } else {
            level[node.parent as usize] + 1
        };
        let at = level[index] as usize;
        if tallest.len() <= at {
            tallest.resize(at + 1, 0.0);
        }
        // Only nodes with subordinates in the tree decide where the next row starts; a
        // tall leaf (a manager with its team stacked beside it) keeps its own height.
        if has_kids(input, index) {
            tallest[at] = tallest[at].max(input.height[index]);
        }
    }
    for index in 1..nodes.len() {
        if has_kids(input, index) {
            input.height[index] = tallest[level[index] as usize];
        }
    }
}

fn has_kids(input: &TidyInput, index: usize) -> bool {
    input.child_start[index + 1] > input.child_start[index]
}

fn card_at(
    id: NodeId,
    breadth_at: f64,
    depth_at: f64,
    extent: Extent,
    placement: Placement,
    orientation: Orientation,
) -> PlacedCard {
    let rect = match orientation {
        Orientation::TopDown => RectInChart {
            x: breadth_at as f32,
            y: depth_at as f32,
            width: extent.breadth,
            height: extent.depth,
        },
        Orientation::LeftToRight => RectInChart {
            x: depth_at as f32,
            y: breadth_at as f32,
            width: extent.depth,
            height: extent.breadth,
        },
    };
    PlacedCard {
        id,
        rect,
        placement,
    }
}
