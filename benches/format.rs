//! Load + validate and save of a 100k-position chart file.
//!
//! `cargo bench --bench format`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use organigram::format::{read_chart, save_file, write_chart, SaveOptions};
use organigram::generate::{generate, Shape};

fn format(c: &mut Criterion) {
    let mut group = c.benchmark_group("format");
    group.sample_size(10);
    let chart = generate(100_000, 1, Shape::Organisation);
    let text = write_chart(&chart);
    group.bench_function("load + validate 100k", |b| {
        b.iter(|| black_box(read_chart(text.as_bytes(), "bench.ron").expect("valid")))
    });
    group.bench_function("write text 100k", |b| {
        b.iter(|| black_box(write_chart(&chart)))
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.ron");
    group.bench_function("save 100k (atomic, fsync, .bak)", |b| {
        b.iter(|| save_file(&path, &chart, &SaveOptions::default()).expect("saved"))
    });
    group.finish();
}

criterion_group!(benches, format);
criterion_main!(benches);
