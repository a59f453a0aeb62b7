//! Comparing two 100,000-post charts where 1 % of the posts changed: new posts, removed
//! posts, moved subtrees, new holders and titles. By id (one lineage) and by ref (the
//! same charts, the new one renumbered, as two imports of an HR system would be).
//!
//! Also: adding a position at 100k in the editor while it compares the chart with such a
//! redesign, timed with the frame that follows.
//!
//! `cargo bench --bench compare`.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::frame;
use organigram::editor::{Action, Command, ScriptedDialogs};
use organigram::format::write_chart;
use organigram::ui::OrganigramApp;

use criterion::{criterion_group, criterion_main, Criterion};
use organigram::compare::{diff, MatchBy, Side};
use organigram::generate::{generate, redesign, Shape};
use organigram::model::{Chart, NodeId, NodeRecord};

/// `chart` with every node given a ref (its id) and its ids moved up by `by`.
fn renumbered(chart: &Chart, by: u32) -> Chart {
    let shift = |id: NodeId| NodeId(id.0 + by);
    let records = chart
        .sorted_ids()
        .into_iter()
        .filter_map(|id| {
            let mut node = chart.node(id)?.clone();
            node.reference = Some(id.0.to_string());
            node.dotted = node.dotted.iter().map(|&d| shift(d)).collect();
            Some(NodeRecord {
                id: shift(id),
                node: Box::new(node),
                reports: chart.children(id).iter().map(|&c| shift(c)).collect(),
            })
        })
        .collect();
    let roots = chart.roots().iter().map(|&r| shift(r)).collect();
    Chart::from_records(String::new(), String::new(), roots, records).expect("renumbered")
}

fn compares(c: &mut Criterion) {
    let old = generate(100_000, 1, Shape::Organisation);
    let new = redesign(&old, 1_000);
    let changes = diff(&Side::chart(&old), &Side::chart(&new), None);
    assert_eq!(changes.match_by, MatchBy::Id);
    assert!(
        changes.changes.len() >= 900,
        "{} changes",
        changes.changes.len()
    );
    let old_refs = renumbered(&old, 0);
    let new_refs = renumbered(&new, 1_000_000);
    let by_ref = diff(&Side::chart(&old_refs), &Side::chart(&new_refs), None);
    assert_eq!(by_ref.match_by, MatchBy::Ref);
    assert_eq!(by_ref.changes.len(), changes.changes.len());

    let mut group = c.benchmark_group("diff 100k posts, 1% changed");
    group.sample_size(10);
    group.bench_function("by id (chosen)", |b| {
        b.iter(|| black_box(diff(&Side::chart(&old), &Side::chart(&new), None)))
    });
    group.bench_function("by ref (chosen)", |b| {
        b.iter(|| black_box(diff(&Side::chart(&old_refs), &Side::chart(&new_refs), None)))
    });
    group.finish();
}

/// An edit while comparing: the comparison is derived data, brought up to date with the
/// chart after every edit.
fn editing_while_comparing(c: &mut Criterion) {
    let old = generate(100_000, 1, Shape::Organisation);
    let new = redesign(&old, 1_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = dir.path().join("as-is.ron");
    std::fs::write(&as_is, write_chart(&old)).expect("written");
    let ctx = egui::Context::default();
    let mut app = OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), new.clone());
    app.apply(Action::CompareWith(as_is));
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let comparing = app.editor().comparison().map(|c| c.diff().changes.len());
    assert!(
        comparing.is_some_and(|n| n >= 900),
        "comparing: {comparing:?}"
    );
    let manager = new.roots()[0];
    let step = |app: &mut OrganigramApp, action: Action| {
        let start = Instant::now();
        app.apply(action);
        frame(&ctx, app);
        start.elapsed()
    };
    let mut group = c.benchmark_group("100k, comparing with a redesign");
    group.sample_size(10);
    group.bench_function(
        "add a position, with re-layout, comparison and frame",
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    total += step(
                        &mut app,
                        Action::CommandOn(Command::AddSubordinate, manager),
                    );
                    step(&mut app, Action::Command(Command::Undo));
                }
                total
            })
        },
    );
    group.finish();
}

criterion_group!(benches, compares, editing_while_comparing);
criterion_main!(benches);
