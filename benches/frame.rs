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
use organigram::generate::{generate, Shape};
use organigram::model::Chart;
use organigram::ui::OrganigramApp;

fn bench_chart(c: &mut Criterion, name: &str, chart: Chart) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for zoomed_in in [false, true] {
        let ctx = egui::Context::default();
        let mut app =
            OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart.clone());
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
    bench_chart(c, "mid-size sample (319 nodes)", midsize);
    bench_chart(c, "10k generated", generate(10_000, 1, Shape::Organisation));
    bench_chart(
        c,
        "100k generated",
        generate(100_000, 1, Shape::Organisation),
    );
}

criterion_group!(benches, frames);
criterion_main!(benches);
