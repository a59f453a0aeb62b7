//! Turns a chart into [`TidyInput`], runs the tidy layout, and places every card.
//!
//! Layout works in "layout space": breadth across the tree and depth down it. Top-down
//! charts use it as it is; left-to-right charts swap the axes on the way in and out.

use crate::model::{Chart, Node, NodeId, NodeKind};

use super::tidy::{tidy, TidyInput};
use super::{LayoutOptions, Orientation, PlacedCard, Placement, RectInChart};

const NONE: u32 = u32::MAX;

/// A card's size in layout space: across the tree and down it.
#[derive(Clone, Copy)]
struct Extent {
    breadth: f64,
    depth: f64,
}

/// A node placed by the tidy layout, with the cards that ride beside its line.
struct TreeNode {
    id: NodeId,
    card: Extent,
    parent: u32,
    /// The pin's place in layout space (breadth, depth), for pinned nodes.
    pin: Option<(f64, f64)>,
    /// Side cards of this node: `sides[side_from..side_to]`.
    side_from: u32,
    side_to: u32,
    /// Breadth needed either side of the node's centre line.
    half_breadth: f64,
}

struct Prepared {
    nodes: Vec<TreeNode>,
    sides: Vec<(NodeId, Extent)>,
}

/// Lays the chart out and returns every visible card in tree order.
pub(super) fn lay_out(
    chart: &Chart,
    options: &LayoutOptions,
    mut size_of: impl FnMut(NodeId, &Node) -> [f32; 2],
) -> Vec<PlacedCard> {
    let mut extent_of = |id: NodeId, node: &Node| {
        let [width, height] = size_of(id, node);
        to_layout_space(options.orientation, f64::from(width), f64::from(height))
    };
    let prepared = prepare(chart, options, &mut extent_of);
    place(&prepared, options)
}

fn to_layout_space(orientation: Orientation, width: f64, height: f64) -> Extent {
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
fn prepare(chart: &Chart, options: &LayoutOptions, extent_of: &mut impl FnMut(NodeId, &Node) -> Extent) -> Prepared {
    let side_gap = f64::from(options.side_gap);
    let mut nodes = Vec::with_capacity(chart.len() + 1);
    nodes.push(TreeNode {
        id: NodeId(u32::MAX),
        card: Extent {
            breadth: 0.0,
            depth: 0.0,
        },
        parent: NONE,
        pin: None,
        side_from: 0,
        side_to: 0,
        half_breadth: 0.0,
    });
    let mut sides = Vec::new();
    let mut stack: Vec<(NodeId, u32)> = chart.roots().iter().rev().map(|&id| (id, 0)).collect();
    let mut team = Vec::new();
    while let Some((id, parent)) = stack.pop() {
        let Some(node) = chart.node(id) else { continue };
        let index = nodes.len() as u32;
        let pin = node.pin.map(|p| match options.orientation {
            Orientation::TopDown => (f64::from(p.x), f64::from(p.y)),
            Orientation::LeftToRight => (f64::from(p.y), f64::from(p.x)),
        });
        let card = extent_of(id, node);
        let side_from = sides.len() as u32;
        let mut half_breadth = card.breadth / 2.0;
        if !node.collapsed {
            let children = chart.children(id);
            team.clear();
            for &child in children {
                let Some(child_node) = chart.node(child) else { continue };
                if child_node.kind == NodeKind::Assistant && child_node.pin.is_none() {
                    let extent = extent_of(child, child_node);
                    half_breadth = half_breadth.max(side_gap + extent.breadth);
                    sides.push((child, extent));
                } else if child_node.kind != NodeKind::Assistant {
                    team.push(child);
                }
            }
            let stack_team = options.compact
                && team.len() >= 2
                && team.iter().all(|&child| {
                    chart.node(child).is_some_and(|n| n.pin.is_none())
                        && (chart.children(child).is_empty()
                            || chart.node(child).is_some_and(|n| n.collapsed))
                });
            if stack_team {
                for &child in &team {
                    if let Some(child_node) = chart.node(child) {
                        let extent = extent_of(child, child_node);
                        half_breadth = half_breadth.max(side_gap + extent.breadth);
                        sides.push((child, extent));
                    }
                }
            } else {
                stack.extend(team.iter().rev().map(|&child| (child, index)));
            }
            // Pinned assistants are laid out on their own, at their pin.
            for &child in children.iter().rev() {
                if chart.node(child).is_some_and(|n| n.kind == NodeKind::Assistant && n.pin.is_some()) {
                    stack.push((child, index));
                }
            }
        }
        nodes.push(TreeNode {
            id,
            card,
            parent: if pin.is_some() { NONE } else { parent },
            pin,
            side_from,
            side_to: sides.len() as u32,
            half_breadth,
        });
    }
    Prepared { nodes, sides }
}

/// Depth taken by the rows of side cards below a card.
fn side_band_depth(sides: &[(NodeId, Extent)], row_gap: f64) -> f64 {
    sides
        .chunks(2)
        .map(|row| row_gap + row.iter().map(|(_, e)| e.depth).fold(0.0, f64::max))
        .sum()
}

fn place(prepared: &Prepared, options: &LayoutOptions) -> Vec<PlacedCard> {
    let Prepared { nodes, sides } = prepared;
    let n = nodes.len();
    let sibling_gap = f64::from(options.sibling_gap);
    let level_gap = f64::from(options.level_gap);
    let row_gap = f64::from(options.side_row_gap);
    let side_gap = f64::from(options.side_gap);

    let mut input = TidyInput {
        width: Vec::with_capacity(n),
        height: Vec::with_capacity(n),
        child_start: vec![0; n + 1],
        children: vec![0; n],
        tops: Vec::new(),
    };
    for (index, node) in nodes.iter().enumerate() {
        let own_sides = &sides[node.side_from as usize..node.side_to as usize];
        if index == 0 {
            input.width.push(0.0);
            input.height.push(0.0);
        } else {
            input.width.push(2.0 * node.half_breadth + sibling_gap);
            input.height.push(node.card.depth + side_band_depth(own_sides, row_gap) + level_gap);
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
    let mut fill = input.child_start.clone();
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
        align_rows(&mut input, nodes);
    }

    let out = tidy(&input);

    // Offsets: unpinned trees start at 0,0; pinned trees move so their top card sits at its pin.
    let mut top_of = vec![0u32; n];
    for (index, node) in nodes.iter().enumerate() {
        top_of[index] = if node.parent == NONE { index as u32 } else { top_of[node.parent as usize] };
    }
    let centre = |index: usize| out.x[index] + input.width[index] / 2.0;
    let mut min_breadth = f64::INFINITY;
    for index in 1..n {
        if top_of[index] == 0 {
            let node = &nodes[index];
            min_breadth = min_breadth.min(centre(index) - node.half_breadth);
        }
    }
    if !min_breadth.is_finite() {
        min_breadth = 0.0;
    }
    let mut offset = vec![(0.0f64, 0.0f64); n];
    offset[0] = (-min_breadth, 0.0);
    for (index, node) in nodes.iter().enumerate().skip(1) {
        if let Some((pin_breadth, pin_depth)) = node.pin {
            // A pinned tree moves so that its top card's top-left corner sits at the pin.
            let card_left = centre(index) - node.card.breadth / 2.0;
            offset[index] = (pin_breadth - card_left, pin_depth - out.y[index]);
        }
    }

    let mut cards = Vec::with_capacity(n - 1 + sides.len());
    for (index, node) in nodes.iter().enumerate().skip(1) {
        let (dx, dy) = offset[top_of[index] as usize];
        let mid = centre(index) + dx;
        let top = out.y[index] + dy;
        cards.push(card_at(
            node.id,
            mid - node.card.breadth / 2.0,
            top,
            node.card,
            if node.pin.is_some() { Placement::Pinned } else { Placement::Tree },
            options.orientation,
        ));
        let mut row_top = top + node.card.depth;
        for row in sides[node.side_from as usize..node.side_to as usize].chunks(2) {
            row_top += row_gap;
            let row_depth = row.iter().map(|(_, e)| e.depth).fold(0.0, f64::max);
            // One card: right of the line. Two: left then right, in reading order.
            let (left, right) = match row {
                [only] => (None, Some(only)),
                [first, second] => (Some(first), Some(second)),
                _ => (None, None),
            };
            if let Some((id, extent)) = left {
                cards.push(card_at(*id, mid - side_gap - extent.breadth, row_top, *extent, Placement::Side, options.orientation));
            }
            if let Some((id, extent)) = right {
                cards.push(card_at(*id, mid + side_gap, row_top, *extent, Placement::Side, options.orientation));
            }
            row_top += row_depth;
        }
    }
    cards
}

/// Gives every tree node of a depth the slot height of the deepest one there.
fn align_rows(input: &mut TidyInput, nodes: &[TreeNode]) {
    let mut level = vec![0u32; nodes.len()];
    let mut tallest: Vec<f64> = Vec::new();
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
        tallest[at] = tallest[at].max(input.height[index]);
    }
    for index in 1..nodes.len() {
        input.height[index] = tallest[level[index] as usize];
    }
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
            width: extent.breadth as f32,
            height: extent.depth as f32,
        },
        Orientation::LeftToRight => RectInChart {
            x: depth_at as f32,
            y: breadth_at as f32,
            width: extent.depth as f32,
            height: extent.breadth as f32,
        },
    };
    PlacedCard { id, rect, placement }
}
