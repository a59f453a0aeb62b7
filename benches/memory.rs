//! Memory: the editor's resident memory (VmRSS) with a 100,000-position chart open and
//! drawn, read while it is open. Headless: the windowed app adds its GL context and font
//! atlas on top (measured with `ps -o rss` under Xvfb, see the README).
//!
//! `cargo bench --bench memory`

mod common;

use common::frame;
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use organigram::editor::{ScriptedDialogs, Start};
use organigram::format::write_chart;
use organigram::generate::{generate, Shape};
use organigram::ui::OrganigramApp;

/// Resident memory at the end of each iteration, in bytes.
struct Resident;

/// This process's resident set, from `/proc/self/statm` (Linux); 0 where unknown.
fn resident_bytes() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0);
    pages * 4096
}

impl Measurement for Resident {
    type Intermediate = ();
    type Value = u64;

    fn start(&self) {}

    fn end(&self, _: ()) -> u64 {
        resident_bytes()
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &Megabytes
    }
}

struct Megabytes;

impl ValueFormatter for Megabytes {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "MB"
    }

    fn scale_throughputs(&self, _: f64, _: &Throughput, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "MB"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "B"
    }
}

fn memory(c: &mut Criterion<Resident>) {
    // The file on disk, so the benchmark holds no copy of its text.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("100k.ron");
    std::fs::write(
        &path,
        write_chart(&generate(100_000, 1, Shape::Organisation)),
    )
    .expect("written");
    let mut group = c.benchmark_group("memory");
    group.sample_size(10);
    group.bench_function("resident with 100k open and drawn", |b| {
        b.iter_custom(|iterations| {
            let mut total = 0;
            for _ in 0..iterations {
                // Opened as the editor opens a file (reading, its disk stamp, layout).
                let ctx = egui::Context::default();
                let mut app = OrganigramApp::with_dialogs(
                    Box::new(ScriptedDialogs::default()),
                    Start::File(path.clone()),
                );
                assert!(app.modal_title().is_none(), "opened");
                for _ in 0..3 {
                    frame(&ctx, &mut app);
                }
                total += resident_bytes();
                drop(app);
            }
            total
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(Resident);
    targets = memory
}
criterion_main!(benches);
