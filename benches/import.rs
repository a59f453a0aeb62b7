//! Importing a 100,000-row roster from an HR system: read the cells, understand the
//! columns, build the chart (departments become units). The roster is a generated
//! organisation exported the way HR systems write it (zero-padded employee numbers,
//! first and last names, manager ids), as CSV and as .xlsx.
//!
//! `cargo bench --bench import`. The same rosters: `organigram generate --positions
//! 100000 -o roster.csv` (or `.xlsx`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use organigram::format::hr::{build, read_table, FileKind, Mapping, ReadOptions};
use organigram::generate::{generate, hr_roster_bytes, Shape};

/// Reads and builds, as `organigram import` does.
fn import(bytes: &[u8], kind: FileKind) -> usize {
    let table = read_table(bytes, "roster", Some(kind), &ReadOptions::default()).expect("reads");
    let mapping = Mapping::guess(&table);
    let import = build(&table, &mapping, "roster").expect("builds");
    assert!(import.problems.is_empty(), "{:?}", &import.problems[..3]);
    import.chart.len()
}

fn imports(c: &mut Criterion) {
    let chart = generate(100_000, 1, Shape::Organisation);
    let csv = hr_roster_bytes(&chart, false).expect("csv");
    let xlsx = hr_roster_bytes(&chart, true).expect("xlsx");
    let mut group = c.benchmark_group("import 100k rows");
    group.sample_size(10);
    group.bench_function("CSV → chart", |b| {
        b.iter(|| black_box(import(&csv, FileKind::Text)))
    });
    group.bench_function(".xlsx → chart", |b| {
        b.iter(|| black_box(import(&xlsx, FileKind::Xlsx)))
    });
    group.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
