//! No connector runs through a card: tree lines, side lines to assistants and compact
//! teams, lines to hand-placed cards and dotted lines (routed, or stubs), on random trees
//! with random card sizes, assistants, folds, pins and dotted lines.

use crate::common;

use organigram::layout::{
    connectors_to, layout_chart_with_sizes, AspectRatio, ChartLayout, DottedShape, LayoutOptions,
    LinkKind, Orientation, Placement, RectInChart, Routing,
};
use organigram::model::{Chart, Edit, Field, NodeId};
use proptest::prelude::*;

/// True when the axis-parallel segment from `a` to `b` passes through the inside of
/// `rect`; running along an edge or ending on it is fine.
fn crosses(a: [f32; 2], b: [f32; 2], rect: &RectInChart) -> bool {
    const EPS: f32 = 0.01;
    let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
    let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
    x0 < rect.right() - EPS && x1 > rect.x + EPS && y0 < rect.bottom() - EPS && y1 > rect.y + EPS
}

/// True when `point` lies on the edge of `rect`.
fn on_edge(point: [f32; 2], rect: &RectInChart) -> bool {
    const EPS: f32 = 0.01;
    let [x, y] = point;
    let inside_x = x >= rect.x - EPS && x <= rect.right() + EPS;
    let inside_y = y >= rect.y - EPS && y <= rect.bottom() + EPS;
    (inside_x && ((y - rect.y).abs() < EPS || (y - rect.bottom()).abs() < EPS))
        || (inside_y && ((x - rect.x).abs() < EPS || (x - rect.right()).abs() < EPS))
}

/// Every problem with `path` (the line `what`): a slanted segment, or a segment through a
/// card that `counts` accepts.
fn path_problems(
    what: &str,
    path: &[[f32; 2]],
    layout: &ChartLayout,
    counts: impl Fn(NodeId) -> bool,
) -> Vec<String> {
    let mut found = Vec::new();
    for pair in path.windows(2) {
        if pair[0][0] != pair[1][0] && pair[0][1] != pair[1][1] {
            found.push(format!("{what}: slanted segment {pair:?}"));
        }
        for card in layout.cards.iter().filter(|c| counts(c.id)) {
            if crosses(pair[0], pair[1], &card.rect) {
                found.push(format!("{what}: {pair:?} runs through {card:?}"));
            }
        }
    }
    found
}

/// Every connector of the layout that runs through a card, or leaves or meets its
/// cards anywhere but on their edges.
fn problems(chart: &Chart, layout: &ChartLayout, options: &LayoutOptions) -> Vec<String> {
    let routing = Routing::new(chart, layout, options);
    let mut found = Vec::new();
    // The cards of hand-placed blocks: a pinned card and its subtree.
    let pinned = |id: NodeId| {
        std::iter::once(id).chain(chart.ancestors(id)).any(|a| {
            layout
                .get(a)
                .is_some_and(|c| c.placement == Placement::Pinned)
        })
    };
    let ids = layout.cards.iter().map(|c| c.id);
    for line in connectors_to(chart, layout, ids, |_| true) {
        if line.kind == LinkKind::Dotted {
            continue;
        }
        let path = routing.points(&line, layout).unwrap();
        let what = format!("{line:?}");
        if line.kind == LinkKind::Free {
            found.extend(path_problems(&what, &path, layout, |_| true));
        } else {
            // A tree line may pass under a hand-placed block (a pinned card and its
            // subtree): the hand put it there, or the free place nearest its pin, which
            // keeps clear of cards, not of lines.
            found.extend(path_problems(&what, &path, layout, |id| !pinned(id)));
        }
    }
    for dotted in routing.dotted() {
        let to = layout.rect(dotted.to).unwrap();
        let what = format!("dotted {:?} → {:?}", dotted.from, dotted.to);
        if let DottedShape::Line(path) = dotted.shape(true) {
            let from = layout.rect(dotted.from).unwrap();
            found.extend(path_problems(&what, path, layout, |_| true));
            if !on_edge(path[0], &from) || !on_edge(path[path.len() - 1], &to) {
                found.push(format!("{what}: {path:?} does not run from edge to edge"));
            }
            // Out of the manager's bottom or side, into the subordinate's top or side (in
            // a left-to-right chart, "bottom" is the right side and "top" the left).
            let (first, last) = (path[0], path[path.len() - 1]);
            let wrong_end =
                |point: [f32; 2], card: &RectInChart, bottom: bool| match layout.orientation {
                    Orientation::TopDown => {
                        let y = if bottom { card.y } else { card.bottom() };
                        (point[1] - y).abs() < 0.01
                            && point[0] > card.x + 0.01
                            && point[0] < card.right() - 0.01
                    }
                    Orientation::LeftToRight => {
                        let x = if bottom { card.x } else { card.right() };
                        (point[0] - x).abs() < 0.01
                            && point[1] > card.y + 0.01
                            && point[1] < card.bottom() - 0.01
                    }
                };
            if wrong_end(first, &from, true) {
                found.push(format!("{what}: leaves its manager by the top"));
            }
            if wrong_end(last, &to, false) {
                found.push(format!("{what}: enters its subordinate by the bottom"));
            }
        }
        let stub = &dotted.stub;
        found.extend(path_problems(
            &format!("{what} (stub)"),
            &stub.points,
            layout,
            |_| true,
        ));
        if !on_edge(stub.points[0], &to) {
            found.push(format!("{what}: the stub does not start on its card"));
        }
        if !stub
            .label
            .starts_with(organigram::layout::dotted::STUB_LABEL_PREFIX)
        {
            found.push(format!("{what}: label {:?}", stub.label));
        }
    }
    found
}

fn sized(chart: &Chart, options: &LayoutOptions, sizes: &[(u16, u16)]) -> ChartLayout {
    layout_chart_with_sizes(chart, options, |id| {
        let (w, h) = sizes[id.0 as usize % sizes.len()];
        [f32::from(w), f32::from(h)]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any chart, any options: no line runs through a card (a tree line under a card
    /// placed by hand aside), and dotted lines run from edge to edge.
    #[test]
    fn no_connector_runs_through_a_card(
        recipes in prop::collection::vec(common::node_recipe(), 1..60),
        sizes in prop::collection::vec((40u16..240, 30u16..110), 1..40),
        compact in any::<bool>(),
        left_to_right in any::<bool>(),
        align_rows in any::<bool>(),
        fit in proptest::option::weighted(0.3, 0.3f32..3.0),
    ) {
        let chart = common::build_chart(&recipes);
        let orientation = if left_to_right { Orientation::LeftToRight } else { Orientation::TopDown };
        // Wrapped rows too (`--fit`), shaped anywhere from tall to very wide.
        let fit = fit.map(|ratio| AspectRatio { width: ratio, height: 1.0 });
        let options = LayoutOptions { compact, orientation, align_rows, fit, ..LayoutOptions::default() };
        let layout = sized(&chart, &options, &sizes);
        let found = problems(&chart, &layout, &options);
        prop_assert!(found.is_empty(), "{}\n{options:?}\nsizes {sizes:?}\n{}", found.join("\n"), organigram::format::write_chart(&chart));
    }

    /// With no card placed by hand, no tree or side line runs through any card either,
    /// and every near dotted line is drawn as a line, not a stub, when there is a way.
    #[test]
    fn unpinned_charts_have_every_line_clear(
        recipes in prop::collection::vec(common::node_recipe(), 1..60),
        sizes in prop::collection::vec((40u16..240, 30u16..110), 1..40),
        compact in any::<bool>(),
        left_to_right in any::<bool>(),
    ) {
        let mut chart = common::build_chart(&recipes);
        let ids: Vec<NodeId> = chart.tree_order().collect();
        for id in ids {
            let _ = chart.apply(Edit::SetField { id, field: Field::Pin(None) });
        }
        let orientation = if left_to_right { Orientation::LeftToRight } else { Orientation::TopDown };
        let options = LayoutOptions { compact, orientation, ..LayoutOptions::default() };
        let layout = sized(&chart, &options, &sizes);
        prop_assert!(layout.cards.iter().all(|c| c.placement != Placement::Pinned));
        let found = problems(&chart, &layout, &options);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

/// Two posts side by side under one manager, the left one a dotted-line manager of the
/// right one's report: the line runs in the gaps, from edge to edge, and reads as a line.
#[test]
fn a_near_dotted_line_is_routed_not_stubbed() {
    let chart = organigram::format::read_chart(
        br#"(
            format: (1, 1), title: "t", organisation: "o", roots: [1],
            nodes: [
                (id: 1, kind: Position, title: "Boss", reports: [2, 3]),
                (id: 2, kind: Position, title: "Left", reports: [4, 5]),
                (id: 3, kind: Position, title: "Right", reports: [6, 7]),
                (id: 4, kind: Position, title: "A", reports: [8]),
                (id: 5, kind: Position, title: "B"),
                (id: 6, kind: Position, title: "C", dotted: [2], reports: [9]),
                (id: 7, kind: Position, title: "D"),
                (id: 8, kind: Position, title: "E"),
                (id: 9, kind: Position, title: "F"),
            ],
        )"#,
        "near.ron",
    )
    .unwrap();
    let options = LayoutOptions::default();
    let layout = sized(&chart, &options, &[(140, 60)]);
    let routing = Routing::new(&chart, &layout, &options);
    let line = routing.dotted_line(NodeId(2), NodeId(6)).unwrap();
    let DottedShape::Line(path) = line.shape(true) else {
        panic!("a stub for a near line: {line:?}");
    };
    assert!(problems(&chart, &layout, &options).is_empty());
    assert!(path.len() >= 3, "{path:?}");
    // A view without the manager draws the stub, which names the manager.
    let DottedShape::Stub(stub) = line.shape(false) else {
        panic!("no stub");
    };
    assert!(stub.label.ends_with("Left"), "{stub:?}");
}

/// Far apart (more than a slide's width of chart), a dotted line is a stub naming the
/// manager, and the stub's label covers no card.
#[test]
fn a_far_dotted_line_is_a_stub_that_names_the_manager() {
    let mut text = String::from(
        "(format: (1, 1), title: \"t\", organisation: \"o\", roots: [1], nodes: [\n(id: 1, kind: Position, title: \"Boss\", reports: [",
    );
    let posts = 2..=30u32;
    text.push_str(
        &posts
            .clone()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push_str("]),\n");
    for id in posts {
        let dotted = if id == 30 { ", dotted: [2]" } else { "" };
        text.push_str(&format!(
            "(id: {id}, kind: Position, title: \"Post {id}\"{dotted}, reports: [{}]),\n",
            id + 100
        ));
        text.push_str(&format!(
            "(id: {}, kind: Position, title: \"Report {id}\"),\n",
            id + 100
        ));
    }
    text.push_str("])");
    let chart = organigram::format::read_chart(text.as_bytes(), "far.ron").unwrap();
    let options = LayoutOptions::default();
    let layout = sized(&chart, &options, &[(140, 60)]);
    assert!(layout.rect(NodeId(30)).unwrap().x - layout.rect(NodeId(2)).unwrap().right() > 1_200.0);
    let routing = Routing::new(&chart, &layout, &options);
    let line = routing.dotted_line(NodeId(2), NodeId(30)).unwrap();
    assert!(line.path.is_none());
    let DottedShape::Stub(stub) = line.shape(true) else {
        panic!("a line across the chart");
    };
    assert_eq!(stub.label, "··· Post 2");
    for card in &layout.cards {
        assert!(
            !card.rect.overlaps(&stub.label_rect),
            "{stub:?} covers {card:?}"
        );
    }
    assert!(problems(&chart, &layout, &options).is_empty());
}

/// A generated chart big enough that routing looks only near its stubs and routes, with
/// its own dotted lines (mostly far: stubs) and 150 more, each to a position some 200 to
/// 900 units away: every line clear of every card, and most near ones drawn as lines.
#[test]
fn a_generated_chart_with_near_dotted_lines_keeps_every_line_clear() {
    use organigram::model::NodeKind;
    let mut chart =
        organigram::generate::generate(3_000, 7, organigram::generate::Shape::Organisation);
    let options = LayoutOptions::default();
    let style = organigram::layout::CardStyle::default();
    let before = organigram::layout::layout_chart(&chart, &style, &options);
    let posts: Vec<(NodeId, RectInChart)> = before
        .cards
        .iter()
        .filter(|c| chart.node(c.id).unwrap().kind == NodeKind::Position)
        .map(|c| (c.id, c.rect))
        .collect();
    let mut added = 0;
    for &(id, rect) in posts.iter().step_by(17) {
        let near = posts.iter().find(|(other, r)| {
            let dx = (r.centre()[0] - rect.centre()[0]).abs();
            let dy = (r.centre()[1] - rect.centre()[1]).abs();
            *other != id && (200.0..900.0).contains(&(dx + dy)) && dy < 500.0
        });
        if let Some(&(manager, _)) = near {
            let edit = Edit::AddDotted {
                from: id,
                to: manager,
                index: 0,
            };
            if chart.apply(edit).is_ok() {
                added += 1;
            }
        }
        if added == 150 {
            break;
        }
    }
    assert!(added >= 100, "only {added} dotted lines added");
    let layout = organigram::layout::layout_chart(&chart, &style, &options);
    let found = problems(&chart, &layout, &options);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let routing = Routing::new(&chart, &layout, &options);
    let lines = routing.dotted().iter().filter(|d| d.path.is_some()).count();
    assert!(
        lines * 10 >= added * 9,
        "only {lines} of {added} near lines routed"
    );
}
