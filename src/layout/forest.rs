//! Turns a chart into [`TidyInput`], runs the tidy layout, and places every card.
//!
//! Layout works in "layout space": breadth across the tree and depth down it. Top-down
//! charts use it as it is; left-to-right charts swap the axes on the way in and out.

use crate::model::{Chart, NodeId, NodeKind};

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
    /// places are in [`Buffers::pins`]).
    parent: u32,
    /// Side cards of this node: `sides[side_from..side_to]`.
    side_from: u32,
    side_to: u32,
    /// Breadth needed either side of the node's centre line.
    half_breadth: f32,
}

/// Every buffer a layout needs, kept between layouts so that laying out again allocates
/// nothing once the buffers have grown to the chart's size.
#[derive(Default)]
pub(super) struct Buffers {
    nodes: Vec<TreeNode>,
    sides: Vec<(NodeId, Extent)>,
    /// Pinned nodes: index and the pin's place in layout space (breadth, depth).
    pins: Vec<(u32, f64, f64)>,
    stack: Vec<(NodeId, u32)>,
    team: Vec<(NodeId, bool)>,
    input: TidyInput,
    fill: Vec<u32>,
    level: Vec<u32>,
    tallest: Vec<f64>,
    scratch: TidyScratch,
    out: TidyOutput,
    top_of: Vec<u32>,
    offsets: Vec<(f64, f64)>,
}

/// Lays the chart out into `cards`: every visible card, in tree order.
pub(super) fn lay_out(
    chart: &Chart,
    options: &LayoutOptions,
    mut size_of: impl FnMut(NodeId) -> [f32; 2],
    buffers: &mut Buffers,
    cards: &mut Vec<PlacedCard>,
) {
    let mut extent_of = |id: NodeId| {
        let [width, height] = size_of(id);
        to_layout_space(options.orientation, width, height)
    };
    prepare(chart, options, &mut extent_of, buffers);
    place(options, buffers, cards);
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

/// Walks the visible chart depth-first (with an explicit stack) and numbers the tree
/// nodes in pre-order. Node 0 is a virtual root holding the unpinned top nodes.
fn prepare(
    chart: &Chart,
    options: &LayoutOptions,
    extent_of: &mut impl FnMut(NodeId) -> Extent,
    buffers: &mut Buffers,
) {
    let side_gap = f64::from(options.side_gap);
    let Buffers {
        nodes,
        sides,
        pins,
        stack,
        team,
        ..
    } = buffers;
    nodes.clear();
    sides.clear();
    pins.clear();
    team.clear();
    stack.clear();
    nodes.push(TreeNode {
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
    stack.extend(chart.roots().iter().rev().map(|&id| (id, 0)));
    while let Some((id, parent)) = stack.pop() {
        let Some((shape, children)) = chart.shape(id) else {
            continue;
        };
        let index = nodes.len() as u32;
        let pin = if shape.pinned {
            chart
                .node(id)
                .and_then(|node| node.pin)
                .map(|p| match options.orientation {
                    Orientation::TopDown => (f64::from(p.x), f64::from(p.y)),
                    Orientation::LeftToRight => (f64::from(p.y), f64::from(p.x)),
                })
        } else {
            None
        };
        let card = extent_of(id);
        let side_from = sides.len() as u32;
        let mut half_breadth = f64::from(card.breadth) / 2.0;
        if !shape.collapsed {
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
            // Compact: a team of leaves rides beside the manager's line, in two columns.
            // In a mixed team, two or more leaf posts do, and the rest hang below; units
            // stay in the row, as the peers they are.
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
        }
        if let Some((breadth, depth)) = pin {
            pins.push((index, breadth, depth));
        }
        nodes.push(TreeNode {
            id,
            card,
            parent: if pin.is_some() { NONE } else { parent },
            side_from,
            side_to: sides.len() as u32,
            half_breadth: half_breadth as f32,
        });
    }
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

fn place(options: &LayoutOptions, buffers: &mut Buffers, cards: &mut Vec<PlacedCard>) {
    let Buffers {
        nodes,
        sides,
        pins,
        input,
        fill,
        level,
        tallest,
        scratch,
        out,
        top_of,
        offsets,
        ..
    } = buffers;
    let n = nodes.len();
    let sibling_gap = f64::from(options.sibling_gap);
    let level_gap = f64::from(options.level_gap);
    let row_gap = f64::from(options.side_row_gap);
    let side_gap = f64::from(options.side_gap);

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

    tidy_into(input, scratch, out);

    // Offsets: unpinned trees start at 0,0; pinned trees move so their top card sits at its pin.
    // `top_of` says which entry of `offsets` moves each node.
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
    let mut min_breadth = f64::INFINITY;
    for index in 1..n {
        if top_of[index] == top_of[0] {
            let node = &nodes[index];
            min_breadth = min_breadth.min(centre(index) - f64::from(node.half_breadth));
        }
    }
    if !min_breadth.is_finite() {
        min_breadth = 0.0;
    }
    offsets[top_of[0] as usize] = (-min_breadth, 0.0);
    for &(index, pin_breadth, pin_depth) in pins.iter() {
        // A pinned tree moves so that its top card's top-left corner sits at the pin.
        let index = index as usize;
        let card_left = centre(index) - f64::from(nodes[index].card.breadth) / 2.0;
        offsets[top_of[index] as usize] = (pin_breadth - card_left, pin_depth - out.y[index]);
    }

    cards.clear();
    cards.reserve(n - 1 + sides.len());
    for (index, node) in nodes.iter().enumerate().skip(1) {
        let (dx, dy) = offsets[top_of[index] as usize];
        let mid = centre(index) + dx;
        let top = out.y[index] + dy;
        cards.push(card_at(
            node.id,
            mid - f64::from(node.card.breadth) / 2.0,
            top,
            node.card,
            if node.parent == NONE {
                Placement::Pinned
            } else {
                Placement::Tree
            },
            options.orientation,
        ));
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
                cards.push(card_at(
                    *id,
                    mid - side_gap - f64::from(extent.breadth),
                    row_top,
                    *extent,
                    Placement::Side,
                    options.orientation,
                ));
            }
            if let Some((id, extent)) = right {
                cards.push(card_at(
                    *id,
                    mid + side_gap,
                    row_top,
                    *extent,
                    Placement::Side,
                    options.orientation,
                ));
            }
            row_top += row_depth;
        }
    }
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
