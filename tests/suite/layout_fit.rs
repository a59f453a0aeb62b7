//! Charts shaped to fit (`LayoutOptions::fit`): the layout rules still hold on random
//! trees with random card sizes, and wide charts come out close to the shape asked for.

use crate::common;

use organigram::layout::{
    card_text, connectors_to, layout_chart, layout_chart_with_sizes, route, AspectRatio, CardStyle,
    ChartLayout, LayoutOptions, LinkKind, Orientation, Placement, RectInChart,
};
use organigram::model::{Chart, Edit, Field, Node, NodeId, NodeKind};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A random forest: each node's parent is any earlier node (or none); many wide teams.
fn forest() -> impl Strategy<Value = (Vec<Option<prop::sample::Index>>, Vec<(u16, u16)>)> {
    (1usize..90).prop_flat_map(|n| {
        (
            prop::collection::vec(
                proptest::option::weighted(0.97, any::<prop::sample::Index>()),
                n,
            ),
            prop::collection::vec((20u16..220, 10u16..100), n),
        )
    })
}

fn shape(ratio: f32) -> AspectRatio {
    AspectRatio {
        width: ratio,
        height: 1.0,
    }
}

/// True when the segment from `a` to `b` (vertical or horizontal) runs through the
/// inside of `rect`; touching its edge is not crossing.
fn crosses(a: [f32; 2], b: [f32; 2], rect: &RectInChart) -> bool {
    const EDGE: f32 = 0.01;
    let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
    let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
    let inside_x = |x: f32| x > rect.x + EDGE && x < rect.right() - EDGE;
    let inside_y = |y: f32| y > rect.y + EDGE && y < rect.bottom() - EDGE;
    if x0 == x1 {
        inside_x(x0) && y0 < rect.bottom() - EDGE && y1 > rect.y + EDGE
    } else {
        inside_y(y0) && x0 < rect.right() - EDGE && x1 > rect.x + EDGE
    }
}

/// The rules every fitted layout keeps: no overlap; a manager above its subordinates;
/// siblings in reading order (in one row left to right, a later row below everything
/// of the rows before it); solid connectors orthogonal and clear of every card.
fn check_rules(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
) -> Result<(), TestCaseError> {
    for (i, a) in layout.cards.iter().enumerate() {
        for b in &layout.cards[i + 1..] {
            prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
        }
    }
    // Checked in layout space: across the tree and down it.
    let flip = |r: RectInChart| match options.orientation {
        Orientation::TopDown => r,
        Orientation::LeftToRight => RectInChart {
            x: r.y,
            y: r.x,
            width: r.height,
            height: r.width,
        },
    };
    let rect = |id| flip(layout.rect(id).unwrap());
    let gap = options.sibling_gap;
    for id in chart.tree_order() {
        if layout.get(id).is_none() {
            continue;
        }
        let boss = rect(id);
        let tree_kids: Vec<NodeId> = chart
            .children(id)
            .iter()
            .copied()
            .filter(|&k| {
                layout
                    .get(k)
                    .is_some_and(|c| c.placement == Placement::Tree)
            })
            .collect();
        for &kid in chart.children(id) {
            if let Some(card) = layout.get(kid) {
                let below = if card.placement == Placement::Tree {
                    options.level_gap
                } else {
                    0.0
                };
                prop_assert!(
                    rect(kid).y >= boss.bottom() + below - 0.01,
                    "{:?} is not below {:?}",
                    kid,
                    id
                );
            }
        }
        for pair in tree_kids.windows(2) {
            let (a, b) = (rect(pair[0]), rect(pair[1]));
            if (a.y - b.y).abs() < 0.01 {
                prop_assert!(
                    a.right() + gap <= b.x + 0.01,
                    "{:?} then {:?} out of order in a row",
                    pair[0],
                    pair[1]
                );
            } else {
                prop_assert!(
                    b.y > a.y,
                    "{:?} comes before {:?} but is lower",
                    pair[0],
                    pair[1]
                );
                for above in chart.subtree(pair[0]).filter_map(|d| layout.rect(d)) {
                    prop_assert!(
                        flip(above).bottom() + options.level_gap <= b.y + 0.01,
                        "{:?}'s row is not below {:?}'s subtree",
                        pair[1],
                        pair[0]
                    );
                }
            }
        }
    }
    check_solid_lines(chart, layout, options)
}

/// Solid connectors run in orthogonal segments, clear of every card.
fn check_solid_lines(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
) -> Result<(), TestCaseError> {
    let ids = layout.cards.iter().map(|c| c.id);
    for line in connectors_to(chart, layout, ids, |_| true) {
        if line.kind == LinkKind::Dotted {
            continue;
        }
        let path = route(
            line.kind,
            options.level_gap,
            options.orientation,
            layout.rect(line.from).unwrap(),
            layout.rect(line.to).unwrap(),
        );
        for pair in path.windows(2) {
            prop_assert!(
                pair[0][0] == pair[1][0] || pair[0][1] == pair[1][1],
                "{:?} has a slanted segment {:?}",
                line,
                pair
            );
            for card in &layout.cards {
                prop_assert!(
                    !crosses(pair[0], pair[1], &card.rect),
                    "{:?} runs through {:?} ({:?})",
                    line,
                    card.id,
                    pair
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Plain positions of random sizes, every team in rows (compact off) or leaves
    /// stacked (compact on), any shape from tall to very wide, either way round.
    #[test]
    fn fitted_layouts_keep_the_rules(
        (parents, sizes) in forest(),
        ratio in 0.2f32..3.0,
        compact in any::<bool>(),
        align_rows in any::<bool>(),
        left_to_right in any::<bool>(),
    ) {
        let chart = common::positions_tree(&parents, false);
        let options = LayoutOptions {
            compact,
            align_rows,
            orientation: if left_to_right { Orientation::LeftToRight } else { Orientation::TopDown },
            fit: Some(shape(ratio)),
            ..LayoutOptions::default()
        };
        let layout = layout_chart_with_sizes(&chart, &options, |id| {
            let (w, h) = sizes[id.0 as usize - 1];
            [f32::from(w), f32::from(h)]
        });
        prop_assert_eq!(layout.cards.len(), chart.len());
        check_rules(&chart, &layout, &options)?;
    }

    /// Units, assistants, duties and folded subtrees mixed in.
    #[test]
    fn fitted_layouts_keep_the_rules_with_assistants_and_units(
        recipes in prop::collection::vec(common::node_recipe(), 1..80),
        ratio in 0.2f32..3.0,
        compact in any::<bool>(),
    ) {
        let mut chart = common::build_chart(&recipes);
        // Unpinned, so that every card is placed by the rules under test.
        let ids: Vec<NodeId> = chart.tree_order().collect();
        for id in ids {
            let _ = chart.apply(Edit::SetField { id, field: Field::Pin(None) });
        }
        let options = LayoutOptions { compact, fit: Some(shape(ratio)), ..LayoutOptions::default() };
        let layout = layout_chart_with_sizes(&chart, &options, |id| {
            [60.0 + (id.0 % 5) as f32 * 30.0, 40.0 + (id.0 % 3) as f32 * 15.0]
        });
        check_rules(&chart, &layout, &options)?;
    }

    /// Hand-placed cards and folded subtrees too: no card covers another, and every
    /// line runs in orthogonal segments.
    #[test]
    fn fitted_layouts_with_pins_cover_no_card(
        recipes in prop::collection::vec(common::node_recipe(), 1..80),
        ratio in 0.2f32..3.0,
        compact in any::<bool>(),
        left_to_right in any::<bool>(),
    ) {
        let chart = common::build_chart(&recipes);
        let orientation = if left_to_right { Orientation::LeftToRight } else { Orientation::TopDown };
        let options = LayoutOptions { compact, orientation, fit: Some(shape(ratio)), ..LayoutOptions::default() };
        let layout = layout_chart_with_sizes(&chart, &options, |id| {
            [60.0 + (id.0 % 5) as f32 * 30.0, 40.0 + (id.0 % 3) as f32 * 15.0]
        });
        for (i, a) in layout.cards.iter().enumerate() {
            for b in &layout.cards[i + 1..] {
                prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
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

    /// A chart already narrower than the shape is laid out as it comes.
    #[test]
    fn a_narrow_chart_is_left_alone((parents, sizes) in forest()) {
        let chart = common::positions_tree(&parents, false);
        let size_of = |id: NodeId| {
            let (w, h) = sizes[id.0 as usize - 1];
            [f32::from(w), f32::from(h)]
        };
        let plain = layout_chart_with_sizes(&chart, &LayoutOptions::default(), size_of);
        let bounds = plain.bounds().unwrap();
        let wider = bounds.width / bounds.height * 2.0;
        let fitted = layout_chart_with_sizes(&chart, &LayoutOptions { fit: Some(shape(wider)), ..LayoutOptions::default() }, size_of);
        prop_assert_eq!(plain.cards, fitted.cards);
    }
}

fn ratio_of(layout: &ChartLayout) -> f32 {
    let bounds = layout.bounds().unwrap();
    bounds.width / bounds.height
}

fn sample_ratio(chart: &Chart, fit: Option<AspectRatio>) -> f32 {
    let style = CardStyle::for_language(organigram::i18n::Lang::English);
    let options = LayoutOptions {
        fit,
        ..LayoutOptions::default()
    };
    ratio_of(&layout_chart(chart, &style, &options))
}

#[test]
fn the_midsize_sample_fits_a_slide() {
    let chart = organigram::samples::find("midsize-northwind")
        .unwrap()
        .load()
        .unwrap();
    assert!(sample_ratio(&chart, None) > 8.0);
    let slide = sample_ratio(&chart, Some(AspectRatio::WIDESCREEN));
    assert!((1.1..=2.6).contains(&slide), "16:9 gave {slide}");
    for shape in [AspectRatio::STANDARD, AspectRatio::PAPER_LANDSCAPE] {
        let ratio = sample_ratio(&chart, Some(shape));
        let wanted = shape.ratio() as f32;
        assert!((ratio / wanted).ln().abs() < 0.5, "{shape:?} gave {ratio}");
    }
}

#[test]
fn a_generated_five_thousand_post_chart_fits_a_slide() {
    let chart = organigram::generate::generate(5_000, 1, organigram::generate::Shape::Organisation);
    let style = CardStyle::default();
    let mut sizes = std::collections::HashMap::new();
    for id in chart.tree_order() {
        let card = card_text(chart.node(id).unwrap(), &style);
        sizes.insert(id, [card.width, card.height]);
    }
    let options = LayoutOptions {
        fit: Some(AspectRatio::WIDESCREEN),
        ..LayoutOptions::default()
    };
    let layout = layout_chart_with_sizes(&chart, &options, |id| sizes[&id]);
    let ratio = ratio_of(&layout);
    assert!((1.1..=2.6).contains(&ratio), "16:9 gave {ratio}");
    for (i, a) in layout.cards.iter().enumerate() {
        for b in &layout.cards[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
        }
    }
}

/// A long chain of managers above one very wide team: the team wraps and every manager
/// of the chain stays straight above it.
#[test]
fn a_deep_chain_above_a_wide_team_fits() {
    let chain = 300;
    let team = 6_000;
    let mut chart = Chart::new("t", "o");
    let mut parent = None;
    for n in 0..chain + team {
        let id = NodeId(n as u32 + 1);
        let index = parent.map_or(0, |p| chart.children(p).len());
        let node = Box::new(Node::new(NodeKind::Position, format!("n{n}")));
        chart
            .apply(Edit::AddNode {
                id,
                parent,
                index,
                node,
            })
            .unwrap();
        if n < chain {
            parent = Some(id);
        }
    }
    let options = LayoutOptions {
        compact: false,
        fit: Some(AspectRatio::WIDESCREEN),
        ..LayoutOptions::default()
    };
    let layout = layout_chart_with_sizes(&chart, &options, |_| [140.0, 60.0]);
    assert_eq!(layout.cards.len(), chain + team);
    for n in 1..chain {
        let (above, below) = (
            layout.rect(NodeId(n as u32)).unwrap(),
            layout.rect(NodeId(n as u32 + 1)).unwrap(),
        );
        assert_eq!(
            above.centre()[0],
            below.centre()[0],
            "the chain runs straight"
        );
    }
    // The team wrapped: its rows under the chain's last manager.
    let boss = layout.rect(NodeId(chain as u32)).unwrap();
    let team_rects: Vec<RectInChart> = (chain + 1..=chain + team)
        .map(|n| layout.rect(NodeId(n as u32)).unwrap())
        .collect();
    let rows = team_rects
        .iter()
        .map(|r| r.y.to_bits())
        .collect::<std::collections::BTreeSet<_>>();
    assert!(rows.len() > 10, "{} rows", rows.len());
    assert!(team_rects.iter().all(|r| r.y > boss.bottom()));
}
