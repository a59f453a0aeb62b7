//! Layout speed at 1k, 10k, 100k and 1M positions, and on a 1M-deep chain; fitted to a
//! 16:9 slide up to 100k; dotted lines routed at 10k and 100k.
//!
//! `cargo bench --bench layout`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use organigram::format::{read_chart, write_chart};
use organigram::generate::{generate, Shape};
use organigram::layout::{
    card_text, layout_chart, layout_chart_with_sizes, AspectRatio, CardStyle, ChartLayout,
    LayoutOptions, Layouter, RectInChart, Routing,
};
use organigram::model::{Chart, Edit, IdMap, NodeId};

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
        // Shaped to fit a 16:9 slide: a search over row widths, a layout per try.
        if posts <= 100_000 && shape == Shape::Organisation {
            let fit = LayoutOptions {
                fit: Some(AspectRatio::WIDESCREEN),
                ..LayoutOptions::default()
            };
            group.bench_with_input(
                BenchmarkId::new("relayout fit 16:9", label),
                &chart,
                |b, chart| {
                    b.iter(|| {
                        layouter.layout_into(chart, &fit, size_of, &mut layout);
                        black_box(layout.cards.len())
                    })
                },
            );
        }
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

/// Dotted lines routed around the cards (and stubs for far ones): the whole chart, as
/// every export does once per layout, and the part around a view, as the canvas does
/// when it rebuilds its scene (after an edit, or a pan out of its region). The charts
/// are the generated ones with their own dotted lines (about 2 % of posts, to random
/// managers, so nearly all are stubs), and the 100k chart with 2,000 more, each to the
/// manager's next sibling (697 of its 3,971 dotted lines are then near enough to be
/// routed, and all 697 are).
fn routing(c: &mut Criterion) {
    let mut group = c.benchmark_group("routing");
    group.sample_size(10);
    let style = CardStyle::default();
    let options = LayoutOptions::default();
    for (label, posts, near) in [
        ("10k", 10_000, 0),
        ("100k", 100_000, 0),
        ("100k + 2,000 near", 100_000, 2_000),
    ] {
        let mut chart = generate(posts, 1, Shape::Organisation);
        add_near_dotted_lines(&mut chart, near);
        let layout = layout_chart(&chart, &style, &options);
        group.bench_with_input(BenchmarkId::new("route", label), &chart, |b, chart| {
            b.iter(|| black_box(Routing::new(chart, &layout, &options).dotted().len()))
        });
        // What the canvas routes when it rebuilds its scene: the region around a
        // 1600 × 1000 view at 100 % (the view and a view's size on every side), and a
        // view zoomed out to a tenth, in the middle of the chart.
        let bounds = layout.bounds().expect("cards");
        for (view, width, height) in [
            ("view 100 %", 4_800.0, 3_000.0),
            ("view 10 %", 48_000.0, 30_000.0),
        ] {
            let area = RectInChart {
                x: bounds.x + bounds.width / 2.0 - width / 2.0,
                y: bounds.y,
                width,
                height,
            };
            group.bench_with_input(
                BenchmarkId::new(format!("route {view}"), label),
                &chart,
                |b, chart| {
                    b.iter(|| {
                        black_box(
                            Routing::for_area(chart, &layout, &options, &area)
                                .dotted()
                                .len(),
                        )
                    })
                },
            );
        }
    }
    group.finish();
}

/// Adds up to `count` dotted lines, each from a post to its manager's next sibling.
fn add_near_dotted_lines(chart: &mut Chart, count: usize) {
    let ids: Vec<NodeId> = chart.tree_order().collect();
    let mut added = 0;
    for (at, &id) in ids.iter().enumerate() {
        if added == count {
            break;
        }
        if at % 20 != 0 {
            continue;
        }
        let Some(manager) = chart.parent(id) else {
            continue;
        };
        let siblings = chart.siblings(manager).to_vec();
        let Some(next) = siblings
            .iter()
            .skip_while(|&&s| s != manager)
            .nth(1)
            .copied()
        else {
            continue;
        };
        let edit = Edit::AddDotted {
            from: id,
            to: next,
            index: 0,
        };
        if chart.apply(edit).is_ok() {
            added += 1;
        }
    }
}

criterion_group!(benches, layout, routing);
criterion_main!(benches);
