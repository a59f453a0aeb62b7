//! `organigram report`'s analysis of 100,000 posts with 10 duties each: spans, layers,
//! units, shared duties (1,000,000 duties grouped by similarity) and similar posts.
//!
//! The duties are shaped like a large organisation's: a catalogue of 2,000 job
//! descriptions of 10 duties each, drawn from 20,000 made-up sentences (half Chinese,
//! from 1,500 characters; half English, from 5,000 words); each post takes one job
//! description, and three posts in ten have one or two of their duties reworded by a
//! word, so there are near-duplicates to find as well as identical ones.
//! `cargo bench --bench report`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use organigram::analysis::{Report, DEFAULT_THRESHOLD};
use organigram::generate::{generate, Shape};
use organigram::model::{Chart, Edit, Field};

/// A small deterministic random source.
struct Random(u64);

impl Random {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// A made-up word: two characters of 1,500 common ones, or one of 5,000 English words.
fn word(random: &mut Random, chinese: bool) -> String {
    if chinese {
        let pick = |random: &mut Random| {
            char::from_u32(0x4E00 + 7 * random.next(1_500) as u32).unwrap_or('一')
        };
        format!("{}{}", pick(random), pick(random))
    } else {
        format!("w{}", random.next(5_000))
    }
}

fn sentence(random: &mut Random, chinese: bool) -> Vec<String> {
    let count = 5 + random.next(6);
    (0..count).map(|_| word(random, chinese)).collect()
}

fn text(words: &[String], chinese: bool) -> String {
    if chinese {
        words.concat() + "。"
    } else {
        words.join(" ") + "."
    }
}

fn chart_with_duties() -> Chart {
    let mut chart = generate(100_000, 1, Shape::Organisation);
    let mut random = Random(7);
    let pool: Vec<(Vec<String>, bool)> = (0..20_000)
        .map(|n| (sentence(&mut random, n % 2 == 0), n % 2 == 0))
        .collect();
    let jobs: Vec<Vec<usize>> = (0..2_000)
        .map(|_| (0..10).map(|_| random.next(pool.len())).collect())
        .collect();
    let posts: Vec<_> = chart
        .tree_order()
        .filter(|&id| chart.node(id).is_some_and(|n| n.kind.is_post()))
        .collect();
    for id in posts {
        let job = &jobs[random.next(jobs.len())];
        let reworded = if random.next(10) < 3 {
            1 + random.next(2)
        } else {
            0
        };
        let duties: Vec<String> = job
            .iter()
            .enumerate()
            .map(|(at, &sentence)| {
                let (words, chinese) = &pool[sentence];
                let mut words = words.clone();
                if at < reworded {
                    let place = random.next(words.len());
                    words[place] = word(&mut random, *chinese);
                }
                text(&words, *chinese)
            })
            .collect();
        let _ = chart.apply(Edit::SetField {
            id,
            field: Field::Duties(duties),
        });
    }
    chart
}

fn reports(c: &mut Criterion) {
    let chart = chart_with_duties();
    let report = Report::of(&chart, DEFAULT_THRESHOLD);
    assert!(report.summary.posts >= 100_000);
    assert!(report.summary.duty_groups > 1_000, "{:?}", report.summary);
    let mut group = c.benchmark_group("report 100k posts, 10 duties each");
    group.sample_size(10);
    group.bench_function("analysis", |b| {
        b.iter(|| black_box(Report::of(&chart, DEFAULT_THRESHOLD)))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
