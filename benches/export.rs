//! Export speed: a 10,000-position generated chart to SVG and single-page PDF, and the
//! seed and mid-size samples to PNG.
//!
//! `cargo bench --bench export`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use organigram::export::{export_bytes, ExportFormat, ExportOptions};
use organigram::generate::{generate, Shape};

fn exports(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    let big = generate(10_000, 1, Shape::Organisation);
    let sample = |name| {
        organigram::samples::find(name)
            .and_then(|s| s.load().ok())
            .expect("the sample loads")
    };
    let (seed, midsize) = (sample("seed-marketing-zh"), sample("midsize-northwind"));
    let two = ExportOptions::default();
    let one = ExportOptions {
        png_scale: 1.0,
        ..ExportOptions::default()
    };
    for (name, chart, format, options) in [
        ("10k positions → SVG", &big, ExportFormat::Svg, &two),
        (
            "10k positions → PDF (one page)",
            &big,
            ExportFormat::Pdf,
            &two,
        ),
        ("seed → PNG 2×", &seed, ExportFormat::Png, &two),
        ("mid-size → PNG 1×", &midsize, ExportFormat::Png, &one),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(export_bytes(chart, format, options).expect("exports").len()))
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
