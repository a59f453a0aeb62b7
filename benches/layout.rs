//! Layout speed at 1k, 10k, 100k and 1M positions, and on a 1M-deep chain.
//!
//! `cargo bench --bench layout`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use organigram::format::{read_chart, write_chart};
use organigram::generate::{generate, Shape};
use organigram::layout::{
    card_text, layout_chart_with_sizes, CardStyle, ChartLayout, LayoutOptions, Layouter,
};
use organigram::model::IdMap;

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    let style = CardStyle::default();
    let options = LayoutOptions::default();
    for (label, posts, shape) in [
        ("1k", 1_000, Shape::Organisation),
        ("10k", 10_000, Shape::Organisation),
        ("100k", 100_000, Shape::Organisation),
        ("1M", 1_000_000, Shape::Organisation),
        ("1M-deep chain", 1_000_000, Shape::Chain),
    ] {
        // Loaded from its file, as `organigram big.ron` would have it.
        let chart =
            read_chart(write_chart(&generate(posts, 1, shape)).as_bytes(), label).expect("valid");
        // Card sizes are measured once and cached, as the editor does.
        let mut sizes = IdMap::with_capacity(chart.len() + 1);
        for id in chart.tree_order() {
            let card = card_text(chart.node(id).expect("listed node"), &style);
            sizes.insert(id, [card.width, card.height]);
        }
        let size_of = |id| sizes.get(id).copied().unwrap_or([140.0, 60.0]);
        // One-shot, as the command line does: every buffer allocated afresh.
        group.bench_with_input(BenchmarkId::new("one-shot", label), &chart, |b, chart| {
            b.iter(|| black_box(layout_chart_with_sizes(chart, &options, size_of)))
        });
        // Again and again with the same buffers, as the editor does after each edit.
        let mut layouter = Layouter::new();
        let mut layout = ChartLayout::default();
        group.bench_with_input(BenchmarkId::new("relayout", label), &chart, |b, chart| {
            b.iter(|| {
                layouter.layout_into(chart, &options, size_of, &mut layout);
                black_box(layout.cards.len())
            })
        });
        // The classic tree, every team in one row (compact mode off).
        let classic = LayoutOptions {
            compact: false,
            ..LayoutOptions::default()
        };
        group.bench_with_input(
            BenchmarkId::new("relayout classic", label),
            &chart,
            |b, chart| {
                b.iter(|| {
                    layouter.layout_into(chart, &classic, size_of, &mut layout);
                    black_box(layout.cards.len())
                })
            },
        );
        if posts == 100_000 {
            group.bench_with_input(
                BenchmarkId::new("measure cards", label),
                &chart,
                |b, chart| {
                    b.iter(|| {
                        chart
                            .tree_order()
                            .filter_map(|id| chart.node(id))
                            .map(|node| card_text(node, &style).height)
                            .sum::<f32>()
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
