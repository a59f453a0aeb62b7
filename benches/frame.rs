//! The editor's whole frame, headless: egui run (every panel, the canvas through
//! egui_graphs) plus tessellation, with the camera moving one pixel each frame so every
//! frame really redraws the canvas (an idle frame replays it and costs far less).
//!
//! `cargo bench --bench frame`

mod common;

use std::hint::black_box;

use common::frame;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use organigram::editor::{Action, Command, ScriptedDialogs, SelectMode};
use organigram::generate::{generate, redesign, Shape};
use organigram::model::Chart;
use organigram::ui::OrganigramApp;

/// The frame on `chart`; with `base`, while comparing the chart with it (the base
/// written to a file and opened with Compare with…, as a user would).
fn bench_chart(c: &mut Criterion, name: &str, chart: Chart, base: Option<&Chart>) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    let dir = tempfile::tempdir().expect("temp dir");
    let base_file = base.map(|base| {
        let path = dir.path().join("as-is.ron");
        std::fs::write(&path, organigram::format::write_chart(base)).expect("write the base");
        path
    });
    for zoomed_in in [false, true] {
        let ctx = egui::Context::default();
        let mut app =
            OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart.clone());
        if let Some(path) = &base_file {
            app.apply(Action::CompareWith(path.clone()));
            assert!(app.editor().comparison().is_some(), "comparing");
        }
        // Two frames to install fonts and lay out, then set the view.
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        if !zoomed_in {
            app.apply(Action::Command(Command::ZoomFit));
        }
        if zoomed_in {
            // 100 %, centred on the top card.
            let root = app.editor().chart().roots()[0];
            let viewport = *app.editor().viewport();
            let centre = [viewport.size[0] / 2.0, viewport.size[1] / 2.0];
            app.apply(Action::Zoom {
                factor: 1.0 / viewport.zoom,
                anchor: centre,
            });
            app.apply(Action::Select(root, SelectMode::Replace));
            app.apply(Action::Command(Command::CentreSelection));
            // Nothing selected, as in the fitted case: the inspector stays empty.
            app.apply(Action::ClearSelection);
        }
        frame(&ctx, &mut app);
        let label = if zoomed_in { "zoomed in" } else { "fit" };
        let mut step = 1.0;
        group.bench_function(BenchmarkId::new(name, label), |b| {
            b.iter(|| {
                step = -step;
                app.apply(Action::Pan([step, 0.0]));
                black_box(frame(&ctx, &mut app))
            })
        });
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    let midsize = organigram::samples::find("midsize-northwind")
        .and_then(|sample| sample.load().ok())
        .expect("the mid-size sample loads");
    bench_chart(c, "mid-size sample (319 nodes)", midsize, None);
    for size in [10_000, 100_000] {
        let chart = generate(size, 1, Shape::Organisation);
        let name = format!("{}k generated", size / 1000);
        bench_chart(c, &name, chart.clone(), None);
        // The same chart compared with a 1 % redesign of it: marks, ghosts, the panel.
        let compared = format!("{name}, comparing (1% changed)");
        bench_chart(c, &compared, redesign(&chart, size / 100), Some(&chart));
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
