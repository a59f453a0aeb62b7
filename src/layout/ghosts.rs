//! Ghost cards: cards drawn for nodes a comparison found removed, each below (or, left
//! to right, beside) the card it used to hang under, on free space, so the chart's own
//! cards stay exactly where they are.

use super::free_space::FreeSpace;
use super::{ChartLayout, LayoutOptions, Orientation, RectInChart};
use crate::model::{Chart, NodeId};

/// Places a ghost card of each size in `requests` near its anchor card in `layout` of
/// `chart`: where the anchor's subordinates start, or the nearest free place, or further
/// along that row. One rectangle per request, in order; ghosts cover no card, no
/// manager's line down to its team and no other ghost. A request whose anchor is not in
/// the layout goes below everything.
pub fn place_ghosts(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
    requests: &[(NodeId, [f32; 2])],
) -> Vec<RectInChart> {
    if requests.is_empty() {
        return Vec::new();
    }
    let top_down = options.orientation == Orientation::TopDown;
    let mut placed = Vec::with_capacity(2 * layout.cards.len());
    for card in &layout.cards {
        placed.push(corners(card.rect));
        placed.extend(lines_below(
            chart,
            layout,
            card.id,
            card.rect,
            options.level_gap,
            top_down,
        ));
    }
    let mut free = FreeSpace::with_all(f64::from(options.sibling_gap) / 2.0, &placed);
    drop(placed);
    let mut out = Vec::with_capacity(requests.len());
    for &(anchor, [width, height]) in requests {
        let wanted = match layout.rect(anchor) {
            Some(rect) if top_down => (rect.x, rect.bottom() + options.level_gap),
            Some(rect) => (rect.right() + options.level_gap, rect.y),
            None => (0.0, 0.0),
        };
        let block = [0.0, 0.0, f64::from(width), f64::from(height)];
        let (x, y) =
            free.nearest_along(block, (f64::from(wanted.0), f64::from(wanted.1)), top_down);
        let rect = RectInChart {
            x: x as f32,
            y: y as f32,
            width,
            height,
        };
        free.insert(corners(rect));
        out.push(rect);
    }
    out
}

/// Half the width of the strip kept free around a line.
const LINE_HALF_WIDTH: f64 = 3.0;

/// The lines from a card down to its subordinates, as thin rectangles: the trunk down
/// the middle of the card to its last subordinate and the bus bar across its team.
fn lines_below(
    chart: &Chart,
    layout: &ChartLayout,
    id: NodeId,
    rect: RectInChart,
    level_gap: f32,
    top_down: bool,
) -> Vec<[f64; 4]> {
    let below: Vec<RectInChart> = chart
        .children(id)
        .iter()
        .filter_map(|&child| layout.rect(child))
        .collect();
    if below.is_empty() {
        return Vec::new();
    }
    // Worked out top-down; left to right swaps the axes.
    let swap = |r: RectInChart| RectInChart {
        x: r.y,
        y: r.x,
        width: r.height,
        height: r.width,
    };
    let (rect, below): (RectInChart, Vec<RectInChart>) = if top_down {
        (rect, below)
    } else {
        (swap(rect), below.into_iter().map(swap).collect())
    };
    let centre = f64::from(rect.x + rect.width / 2.0);
    let top = f64::from(rect.bottom());
    let deepest = below.iter().map(|r| f64::from(r.y)).fold(top, f64::max);
    let bus = top + f64::from(level_gap) / 2.0;
    let centres = below.iter().map(|r| f64::from(r.x + r.width / 2.0));
    let left = centres.clone().fold(centre, f64::min);
    let right = centres.fold(centre, f64::max);
    let w = LINE_HALF_WIDTH;
    let strips = [
        [centre - w, top, centre + w, deepest],
        [left - w, bus - w, right + w, bus + w],
    ];
    strips
        .into_iter()
        .map(|[x0, y0, x1, y1]| {
            if top_down {
                [x0, y0, x1, y1]
            } else {
                [y0, x0, y1, x1]
            }
        })
        .collect()
}

fn corners(rect: RectInChart) -> [f64; 4] {
    [
        f64::from(rect.x),
        f64::from(rect.y),
        f64::from(rect.right()),
        f64::from(rect.bottom()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout_chart, CardStyle};
    use crate::model::{Chart, Edit, Node, NodeKind};

    #[test]
    fn ghosts_sit_near_their_anchor_and_overlap_nothing() {
        let mut chart = Chart::new("t", "");
        let add = |chart: &mut Chart, parent: Option<NodeId>, title: &str| {
            let id = chart.fresh_id();
            let index = parent.map_or(chart.roots().len(), |p| chart.children(p).len());
            chart
                .apply(Edit::AddNode {
                    id,
                    parent,
                    index,
                    node: Box::new(Node::new(NodeKind::Position, title)),
                })
                .expect("add");
            id
        };
        let boss = add(&mut chart, None, "Boss");
        for n in 0..6 {
            let lead = add(&mut chart, Some(boss), &format!("Lead {n}"));
            add(&mut chart, Some(lead), "Worker");
        }
        let options = LayoutOptions::default();
        let layout = layout_chart(&chart, &CardStyle::default(), &options);
        let requests = vec![(boss, [120.0, 50.0]), (boss, [120.0, 50.0])];
        let ghosts = place_ghosts(&chart, &layout, &options, &requests);
        assert_eq!(ghosts.len(), 2);
        let boss_rect = layout.rect(boss).expect("boss");
        for (at, ghost) in ghosts.iter().enumerate() {
            for card in &layout.cards {
                assert!(
                    !ghost.overlaps(&card.rect),
                    "ghost {at} covers {:?}",
                    card.id
                );
            }
            let centre = boss_rect.x + boss_rect.width / 2.0;
            let trunk = RectInChart {
                x: centre - 1.0,
                y: boss_rect.bottom(),
                width: 2.0,
                height: options.level_gap,
            };
            assert!(
                !ghost.overlaps(&trunk),
                "ghost {at} covers its manager's line"
            );
            assert!(ghost.y >= boss_rect.bottom(), "below its manager");
            let far = (ghost.x - boss_rect.x).abs() + (ghost.y - boss_rect.y).abs();
            let size = layout.bounds().expect("bounds");
            assert!(far < size.width + size.height, "near its manager, not lost");
        }
        assert!(!ghosts[0].overlaps(&ghosts[1]));
    }
}
