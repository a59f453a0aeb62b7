//! The lines between cards: which cards are joined, and the orthogonal path each line
//! takes. The editor and the exporters draw the same paths.

use crate::model::{Chart, NodeId};

use super::{ChartLayout, Orientation, Placement, RectInChart};

/// How a connector runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Manager above, subordinate below: down to a bus bar, across, down.
    Tree,
    /// A card beside its manager's line (assistant, compact team): down the line, then
    /// across to the card's side.
    Side,
    /// To a pinned card, wherever it is.
    Free,
    /// A dotted (secondary) reporting line, drawn dashed.
    Dotted,
}

impl LinkKind {
    /// How the solid line to a card placed by `placement` runs.
    pub fn for_placement(placement: Placement) -> LinkKind {
        match placement {
            Placement::Tree => LinkKind::Tree,
            Placement::Side => LinkKind::Side,
            Placement::Pinned => LinkKind::Free,
        }
    }
}

/// One line: from a manager (or unit) to a subordinate card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connector {
    /// The upper end: the manager.
    pub from: NodeId,
    /// The lower end: the subordinate.
    pub to: NodeId,
    /// How it runs.
    pub kind: LinkKind,
}

/// The connectors to each of `cards` (visible cards, in the order given) from a card
/// for which `drawn` holds: for each card its solid line, then its dotted lines. Views
/// that draw part of a chart (a page, the cards near the screen) ask for just that part.
pub fn connectors_to(
    chart: &Chart,
    layout: &ChartLayout,
    cards: impl IntoIterator<Item = NodeId>,
    drawn: impl Fn(NodeId) -> bool,
) -> Vec<Connector> {
    let mut lines = Vec::new();
    for id in cards {
        let Some(card) = layout.get(id) else { continue };
        if let Some(parent) = chart.parent(id).filter(|&p| drawn(p)) {
            lines.push(Connector {
                from: parent,
                to: id,
                kind: LinkKind::for_placement(card.placement),
            });
        }
        if let Some(node) = chart.node(id) {
            for &manager in &node.dotted {
                if drawn(manager) && layout.get(manager).is_some() {
                    lines.push(Connector {
                        from: manager,
                        to: id,
                        kind: LinkKind::Dotted,
                    });
                }
            }
        }
    }
    lines
}

/// The connector's path in chart space, from manager `from` to subordinate `to`, for a
/// chart growing in `orientation`. `level_gap` is the gap before the subordinate's row;
/// the bus bar runs through its middle.
pub fn route(
    kind: LinkKind,
    level_gap: f32,
    orientation: Orientation,
    from: RectInChart,
    to: RectInChart,
) -> Vec<[f32; 2]> {
    match orientation {
        Orientation::TopDown => route_down(kind, level_gap, from, to),
        Orientation::LeftToRight => {
            let swap = |r: RectInChart| RectInChart {
                x: r.y,
                y: r.x,
                width: r.height,
                height: r.width,
            };
            route_down(kind, level_gap, swap(from), swap(to))
                .into_iter()
                .map(|[x, y]| [y, x])
                .collect()
        }
    }
}

fn route_down(kind: LinkKind, level_gap: f32, from: RectInChart, to: RectInChart) -> Vec<[f32; 2]> {
    let from_centre = from.centre();
    let to_centre = to.centre();
    match kind {
        LinkKind::Tree => {
            let bus = to.y - level_gap / 2.0;
            vec![
                [from_centre[0], from.bottom()],
                [from_centre[0], bus],
                [to_centre[0], bus],
                [to_centre[0], to.y],
            ]
        }
        LinkKind::Side => {
            let x = from_centre[0];
            let y = to_centre[1];
            let side = if to_centre[0] >= x { to.x } else { to.right() };
            vec![[x, from.bottom()], [x, y], [side, y]]
        }
        LinkKind::Free | LinkKind::Dotted => {
            if to.y > from.bottom() + 8.0 {
                let middle = (from.bottom() + to.y) / 2.0;
                vec![
                    [from_centre[0], from.bottom()],
                    [from_centre[0], middle],
                    [to_centre[0], middle],
                    [to_centre[0], to.y],
                ]
            } else if from.y > to.bottom() + 8.0 {
                let middle = (to.bottom() + from.y) / 2.0;
                vec![
                    [from_centre[0], from.y],
                    [from_centre[0], middle],
                    [to_centre[0], middle],
                    [to_centre[0], to.bottom()],
                ]
            } else {
                // Side by side: out of the manager's side, across the gap between them,
                // into the card's side, in three orthogonal runs.
                let (start, end) = if from_centre[0] <= to_centre[0] {
                    (from.right(), to.x)
                } else {
                    (from.x, to.right())
                };
                if from_centre[1] == to_centre[1] {
                    return vec![[start, from_centre[1]], [end, to_centre[1]]];
                }
                let middle = (start + end) / 2.0;
                vec![
                    [start, from_centre[1]],
                    [middle, from_centre[1]],
                    [middle, to_centre[1]],
                    [end, to_centre[1]],
                ]
            }
        }
    }
}
