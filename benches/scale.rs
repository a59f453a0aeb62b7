//! A 100,000-position chart in the editor: opening it, editing it (each edit timed with
//! its re-layout and the next frame), and searching it.
//!
//! `cargo bench --bench scale`

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::frame;
use criterion::{criterion_group, criterion_main, Criterion};
use organigram::editor::ScriptedDialogs;
use organigram::editor::{Action, Command};
use organigram::format::{read_chart, write_chart};
use organigram::generate::{generate, Shape};
use organigram::model::{Chart, NodeId, NodeKind};
use organigram::ui::OrganigramApp;

/// The node whose subtree size is closest to `size`.
fn subtree_near(chart: &Chart, size: usize) -> NodeId {
    let mut sizes = std::collections::HashMap::new();
    let order: Vec<NodeId> = chart.tree_order().collect();
    for &id in order.iter().rev() {
        let below: usize = chart.children(id).iter().map(|c| sizes[c]).sum();
        sizes.insert(id, below + 1);
    }
    *order
        .iter()
        .min_by_key(|id| sizes[*id].abs_diff(size))
        .expect("a node")
}

fn scale(c: &mut Criterion) {
    let text = write_chart(&generate(100_000, 1, Shape::Organisation));
    let mut group = c.benchmark_group("100k");
    group.sample_size(10);

    group.bench_function("open: load + validate + layout + first frame", |b| {
        b.iter(|| {
            let chart = read_chart(text.as_bytes(), "100k.ron").expect("valid");
            let ctx = egui::Context::default();
            let mut app = OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart);
            frame(&ctx, &mut app); // installs fonts
            frame(&ctx, &mut app); // draws the chart
        })
    });

    let chart = read_chart(text.as_bytes(), "100k.ron").expect("valid");
    let ctx = egui::Context::default();
    let mut app = OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart.clone());
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let manager = chart.roots()[0];
    let thousand = subtree_near(&chart, 1_000);
    let ten_thousand = subtree_near(&chart, 10_000);
    let target = chart
        .tree_order()
        .find(|&id| {
            !chart.is_in_subtree(id, ten_thousand)
                && chart.node(id).is_some_and(|n| n.kind == NodeKind::Position)
        })
        .expect("a target");

    // Each edit goes in as the user's gesture would send it (Tab on a selected card, the
    // delete dialog's choice, a drop on a new manager) and is timed with the frame that
    // follows it: re-layout, statistics, outline and canvas. Its undo is timed the same
    // way, separately. Each timed half is followed by the other, untimed, so every
    // iteration starts from the loaded chart.
    let mut timed = |name: &str, gesture: Action| {
        let step = |app: &mut OrganigramApp, edit: bool| {
            let start = Instant::now();
            if edit {
                app.apply(gesture.clone());
            } else {
                app.apply(Action::Command(Command::Undo));
            }
            frame(&ctx, app);
            start.elapsed()
        };
        // The gesture must really edit the chart, and its undo must really restore it.
        let loaded = app.editor().chart().clone();
        step(&mut app, true);
        assert_ne!(app.editor().chart(), &loaded, "{name}: nothing changed");
        step(&mut app, false);
        assert_eq!(
            app.editor().chart(),
            &loaded,
            "{name}: undo did not restore"
        );
        group.bench_function(format!("{name}, with re-layout and frame"), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    total += step(&mut app, true);
                    step(&mut app, false);
                }
                total
            })
        });
        group.bench_function(format!("undo: {name}, with re-layout and frame"), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    step(&mut app, true);
                    total += step(&mut app, false);
                }
                total
            })
        });
    };
    timed(
        "add a position",
        Action::CommandOn(Command::AddSubordinate, manager),
    );
    timed(
        "delete a subtree of ~1,000",
        Action::Delete {
            ids: vec![thousand],
            keep_reports: false,
        },
    );
    timed(
        "re-parent a subtree of ~10,000",
        Action::Reparent {
            id: ten_thousand,
            target,
        },
    );

    for query in ["a", "an", "ana", "anal", "analy", "analyst"] {
        group.bench_function(format!("search keystroke \"{query}\""), |b| {
            b.iter(|| black_box(organigram::editor::find(&chart, query).len()))
        });
    }
    group.finish();
}

/// A 10,000-position chart with the Analysis panel open (and posts coloured by span
/// band): each edit is followed by a new analysis, timed with the frame that shows it.
fn analysis_at_10k(c: &mut Criterion) {
    let chart = generate(10_000, 1, Shape::Organisation);
    let ctx = egui::Context::default();
    let mut app = OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart.clone());
    frame(&ctx, &mut app);
    app.apply(Action::Command(Command::ToggleAnalysis));
    let mut settings = app.editor().settings().clone();
    settings.view.colour_by = organigram::analysis::ColourBy::SpanBand;
    app.apply(Action::Settings(settings));
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    assert!(app.editor().analysis().is_some(), "the analysis is kept");
    let manager = chart.roots()[0];
    let mut group = c.benchmark_group("10k with the Analysis panel open");
    group.sample_size(20);
    group.bench_function("add a position, with analysis, re-layout and frame", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.apply(Action::CommandOn(Command::AddSubordinate, manager));
                frame(&ctx, &mut app);
                total += start.elapsed();
                app.apply(Action::Command(Command::Undo));
                frame(&ctx, &mut app);
            }
            total
        })
    });
    group.finish();
}

/// A million positions (a 342 MB file): opening it, from the file's bytes to the first
/// frame that shows the chart.
fn open_a_million(c: &mut Criterion) {
    let text = write_chart(&generate(1_000_000, 7, Shape::Organisation));
    let mut group = c.benchmark_group("1M");
    group.sample_size(10);
    group.bench_function("open: load + validate + layout + first frame", |b| {
        // Timed up to the first frame; closing the chart again (freeing a million
        // nodes) is not part of opening it.
        b.iter_custom(|iterations| {
            let mut opening = Duration::ZERO;
            for _ in 0..iterations {
                let started = Instant::now();
                let chart = read_chart(text.as_bytes(), "1M.ron").expect("valid");
                let ctx = egui::Context::default();
                let mut app =
                    OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart);
                frame(&ctx, &mut app); // installs fonts
                frame(&ctx, &mut app); // draws the chart
                opening += started.elapsed();
                drop(black_box(app));
            }
            opening
        })
    });
    group.finish();
}

criterion_group!(benches, scale, analysis_at_10k, open_a_million);
criterion_main!(benches);
