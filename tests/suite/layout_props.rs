//! Aesthetic rules of the tidy layout, checked on random trees with random card sizes.

use crate::common;

use std::collections::HashMap;

use organigram::layout::{
    connectors_to, layout_chart_with_sizes, route, ChartLayout, LayoutOptions, Orientation,
    Placement, RectInChart,
};
use organigram::model::{Chart, Edit, NodeId, NodeKind};
use proptest::prelude::*;

/// A random forest of positions: each node's parent is any earlier node (or none).
fn forest() -> impl Strategy<Value = (Vec<Option<prop::sample::Index>>, Vec<(u16, u16)>)> {
    (1usize..70).prop_flat_map(|n| {
        (
            prop::collection::vec(
                proptest::option::weighted(0.95, any::<prop::sample::Index>()),
                n,
            ),
            prop::collection::vec((20u16..200, 10u16..90), n),
        )
    })
}

fn lay_out(chart: &Chart, sizes: &[(u16, u16)], options: &LayoutOptions) -> ChartLayout {
    layout_chart_with_sizes(chart, options, |id| {
        let (w, h) = sizes[id.0 as usize - 1];
        [f32::from(w), f32::from(h)]
    })
}

fn subtree_rects(chart: &Chart, layout: &ChartLayout, root: NodeId) -> Vec<RectInChart> {
    chart
        .subtree(root)
        .filter_map(|id| layout.rect(id))
        .collect()
}

/// The classic tree: every subordinate in a row under its manager.
fn options(align_rows: bool) -> LayoutOptions {
    LayoutOptions {
        align_rows,
        compact: false,
        ..LayoutOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tidy_rules_hold((parents, sizes) in forest(), align_rows in any::<bool>()) {
        let chart = common::positions_tree(&parents, false);
        let options = options(align_rows);
        let layout = lay_out(&chart, &sizes, &options);
        prop_assert_eq!(layout.cards.len(), chart.len());
        let gap = options.sibling_gap;
        // No overlap.
        for (i, a) in layout.cards.iter().enumerate() {
            for b in &layout.cards[i + 1..] {
                prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
            }
        }
        for id in chart.tree_order() {
            let rect = layout.rect(id).unwrap();
            let kids = chart.children(id);
            for &kid in kids {
                // Every child below its parent.
                prop_assert!(layout.rect(kid).unwrap().y >= rect.bottom() + options.level_gap - 0.01);
            }
            if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
                // Parent centred over its children.
                let (first, last) = (layout.rect(first).unwrap(), layout.rect(last).unwrap());
                let middle = (first.x + last.right()) / 2.0;
                prop_assert!((rect.centre()[0] - middle).abs() < 0.01, "{} vs {}", rect.centre()[0], middle);
            }
            // Sibling order kept, and subtrees packed: the last child's subtree sits as close
            // to its left siblings' subtrees as the gap allows.
            for pair in kids.windows(2) {
                prop_assert!(layout.rect(pair[0]).unwrap().right() + gap <= layout.rect(pair[1]).unwrap().x + 0.01);
            }
            if kids.len() >= 2 {
                let right = subtree_rects(&chart, &layout, kids[kids.len() - 1]);
                let left: Vec<RectInChart> = kids[..kids.len() - 1].iter().flat_map(|&k| subtree_rects(&chart, &layout, k)).collect();
                let mut closest = f32::INFINITY;
                for r in &right {
                    for l in &left {
                        // Only slots that share depth can constrain each other.
                        if r.y < l.bottom() + options.level_gap && l.y < r.bottom() + options.level_gap {
                            closest = closest.min(r.x - l.right());
                        }
                    }
                }
                prop_assert!((closest - gap).abs() < 0.01, "closest gap {} (want {})", closest, gap);
            }
        }
    }

    #[test]
    fn a_mirrored_tree_gives_a_mirrored_layout((parents, sizes) in forest(), align_rows in any::<bool>()) {
        let chart = common::positions_tree(&parents, false);
        let mirror = common::positions_tree(&parents, true);
        let options = options(align_rows);
        let a = lay_out(&chart, &sizes, &options);
        let b = lay_out(&mirror, &sizes, &options);
        let width = a.bounds().unwrap().right();
        prop_assert!((width - b.bounds().unwrap().right()).abs() < 0.05);
        for card in &a.cards {
            let other = b.rect(card.id).unwrap();
            prop_assert!((card.rect.x - (width - other.right())).abs() < 0.05, "{:?} vs {:?}", card.rect, other);
            prop_assert!((card.rect.y - other.y).abs() < 0.01);
        }
    }

    #[test]
    fn layout_is_deterministic((parents, sizes) in forest()) {
        let chart = common::positions_tree(&parents, false);
        let a = lay_out(&chart, &sizes, &options(false));
        let b = lay_out(&chart.clone(), &sizes, &options(false));
        prop_assert_eq!(a.cards, b.cards);
    }

    /// With assistants, collapsed subtrees and hand-placed cards mixed in, no two cards
    /// overlap (hand-placed ones included), a hand-placed card sits at its offset from its
    /// manager unless that spot is taken, assistants sit beside and below their manager,
    /// hidden nodes get no box, and every connector runs in orthogonal segments.
    #[test]
    fn assistants_collapse_and_pins(recipes in prop::collection::vec(common::node_recipe(), 1..60), compact in any::<bool>(), left_to_right in any::<bool>()) {
        let chart = common::build_chart(&recipes);
        let orientation = if left_to_right { Orientation::LeftToRight } else { Orientation::TopDown };
        let options = LayoutOptions { compact, orientation, ..LayoutOptions::default() };
        let layout = layout_chart_with_sizes(&chart, &options, |id| [60.0 + (id.0 % 5) as f32 * 30.0, 40.0 + (id.0 % 3) as f32 * 15.0]);
        let mut hidden = HashMap::new();
        for id in chart.tree_order() {
            let above_hidden = chart.parent(id).is_some_and(|p| hidden[&p] || chart.node(p).unwrap().collapsed);
            hidden.insert(id, above_hidden);
            prop_assert_eq!(layout.rect(id).is_some(), !above_hidden, "visibility of {:?}", id);
        }
        for (i, a) in layout.cards.iter().enumerate() {
            for b in &layout.cards[i + 1..] {
                prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
            }
        }
        for card in &layout.cards {
            let node = chart.node(card.id).unwrap();
            if let Some(pin) = node.pin {
                prop_assert_eq!(card.placement, Placement::Pinned);
                let origin = chart.parent(card.id).map_or((0.0, 0.0), |m| {
                    let manager = layout.rect(m).unwrap();
                    (manager.x, manager.y)
                });
                let wanted = (origin.0 + pin.x, origin.1 + pin.y);
                let placed = (card.rect.x, card.rect.y);
                let moved = (placed.0 - wanted.0).abs() > 0.01 || (placed.1 - wanted.1).abs() > 0.01;
                let nested = chart.subtree(card.id).skip(1).any(|d| chart.node(d).unwrap().pin.is_some());
                if moved && !nested {
                    // Moved only because its spot is taken: its subtree, as one block
                    // put where it was asked to go, would touch another card.
                    let (dx, dy) = (wanted.0 - placed.0, wanted.1 - placed.1);
                    let members: Vec<NodeId> = chart.subtree(card.id).collect();
                    let gap = options.sibling_gap.min(options.side_gap) / 2.0 - 0.01;
                    let block = members.iter().filter_map(|&m| layout.rect(m)).reduce(|a, b| a.union(&b)).unwrap();
                    let there = RectInChart { x: block.x + dx - gap, y: block.y + dy - gap, width: block.width + 2.0 * gap, height: block.height + 2.0 * gap };
                    let taken = layout.cards.iter().any(|o| !members.contains(&o.id) && o.rect.overlaps(&there));
                    prop_assert!(taken, "{:?} was moved from {:?} to {:?}, which is free", card.id, wanted, placed);
                }
            } else if node.kind == NodeKind::Assistant && !left_to_right {
                let manager = layout.rect(chart.parent(card.id).unwrap()).unwrap();
                prop_assert_eq!(card.placement, Placement::Side);
                prop_assert!(card.rect.y >= manager.bottom());
                let stem = manager.centre()[0];
                prop_assert!(card.rect.right() <= stem - options.side_gap + 0.01 || card.rect.x >= stem + options.side_gap - 0.01);
            }
        }
        let ids = layout.cards.iter().map(|c| c.id);
        for line in connectors_to(&chart, &layout, ids, |_| true) {
            let path = route(line.kind, options.level_gap, orientation, layout.rect(line.from).unwrap(), layout.rect(line.to).unwrap());
            for pair in path.windows(2) {
                prop_assert!(pair[0][0] == pair[1][0] || pair[0][1] == pair[1][1], "{:?} has a slanted segment {:?}", line, pair);
            }
        }
    }
}

proptest! {
    /// Compact mode: a team of leaves, or two or more leaf posts in a mixed team, ride
    /// beside the manager's line, below the manager and above the subordinates that have
    /// teams of their own; units in a mixed team stay in the row; nothing overlaps.
    #[test]
    fn compact_teams_ride_beside_the_line(recipes in prop::collection::vec(common::node_recipe(), 1..60)) {
        let mut chart = common::build_chart(&recipes);
        // Unpinned and unfolded, so every card is placed by the rules under test.
        let ids: Vec<NodeId> = chart.tree_order().collect();
        for id in ids {
            let _ = chart.apply(Edit::SetField { id, field: organigram::model::Field::Pin(None) });
            let _ = chart.apply(Edit::SetField { id, field: organigram::model::Field::Collapsed(false) });
        }
        let options = LayoutOptions::default();
        prop_assert!(options.compact);
        let layout = layout_chart_with_sizes(&chart, &options, |id| [60.0 + (id.0 % 5) as f32 * 30.0, 40.0 + (id.0 % 3) as f32 * 15.0]);
        for (i, a) in layout.cards.iter().enumerate() {
            for b in &layout.cards[i + 1..] {
                prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
            }
        }
        for manager in chart.tree_order() {
            let team: Vec<NodeId> = chart.children(manager).iter().copied()
                .filter(|&c| chart.node(c).unwrap().kind != NodeKind::Assistant)
                .collect();
            let leaf = |c: NodeId| chart.children(c).is_empty();
            let all_leaves = team.iter().all(|&c| leaf(c));
            let beside: Vec<NodeId> = team.iter().copied()
                .filter(|&c| leaf(c) && (all_leaves || chart.node(c).unwrap().kind != NodeKind::Unit))
                .collect();
            let stacked = team.len() >= 2 && beside.len() >= 2;
            let boss = layout.rect(manager).unwrap();
            let stem = boss.centre()[0];
            let lowest_side = beside.iter().filter(|_| stacked).map(|&c| layout.rect(c).unwrap().bottom()).fold(boss.bottom(), f32::max);
            for &member in &team {
                let card = layout.get(member).unwrap();
                if stacked && beside.contains(&member) {
                    prop_assert_eq!(card.placement, Placement::Side, "{:?} rides beside {:?}", member, manager);
                    prop_assert!(card.rect.y >= boss.bottom());
                    prop_assert!(card.rect.right() <= stem - options.side_gap + 0.01 || card.rect.x >= stem + options.side_gap - 0.01);
                } else {
                    prop_assert_eq!(card.placement, Placement::Tree, "{:?} stays in the row of {:?}", member, manager);
                    prop_assert!(card.rect.y >= lowest_side, "{:?} hangs below the cards beside {:?}", member, manager);
                }
            }
        }
    }
}

#[test]
fn a_million_deep_chain_lays_out_without_overflowing_the_stack() {
    let chart = organigram::generate::generate(1_000_000, 1, organigram::generate::Shape::Chain);
    let layout = layout_chart_with_sizes(&chart, &LayoutOptions::default(), |_| [140.0, 60.0]);
    assert_eq!(layout.cards.len(), 1_000_000);
    let last = layout.cards.iter().map(|c| c.rect.y).fold(0.0f32, f32::max);
    assert!(last > 1_000_000.0 * 100.0);
}

proptest! {
    /// Left-to-right is top-down with the axes swapped.
    #[test]
    fn left_to_right_is_top_down_transposed((parents, sizes) in forest()) {
        let chart = common::positions_tree(&parents, false);
        let down = layout_chart_with_sizes(&chart, &options(true), |id| {
            let (w, h) = sizes[id.0 as usize - 1];
            [f32::from(h), f32::from(w)]
        });
        let across = lay_out(&chart, &sizes, &LayoutOptions { orientation: organigram::layout::Orientation::LeftToRight, ..options(true) });
        for card in &down.cards {
            let other = across.rect(card.id).unwrap();
            prop_assert_eq!((other.x, other.y, other.width, other.height), (card.rect.y, card.rect.x, card.rect.height, card.rect.width));
        }
    }
}
