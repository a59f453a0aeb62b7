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
    let options = ExportOptions::default();
    group.bench_function("10k positions → SVG", |b| {
        b.iter(|| {
            black_box(
                export_bytes(&big, ExportFormat::Svg, &options)
                    .expect("svg")
                    .len(),
            )
        })
    });
    group.bench_function("10k positions → PDF (one page)", |b| {
        b.iter(|| {
            black_box(
                export_bytes(&big, ExportFormat::Pdf, &options)
                    .expect("pdf")
                    .len(),
            )
        })
    });
    let seed = organigram::samples::find("seed-marketing-zh")
        .and_then(|s| s.load().ok())
        .expect("seed");
    group.bench_function("seed → PNG 2×", |b| {
        b.iter(|| {
            black_box(
                export_bytes(&seed, ExportFormat::Png, &options)
                    .expect("png")
                    .len(),
            )
        })
    });
    let midsize = organigram::samples::find("midsize-northwind")
        .and_then(|s| s.load().ok())
        .expect("mid-size");
    let one = ExportOptions {
        png_scale: 1.0,
        ..ExportOptions::default()
    };
    group.bench_function("mid-size → PNG 1×", |b| {
        b.iter(|| {
            black_box(
                export_bytes(&midsize, ExportFormat::Png, &one)
                    .expect("png")
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
