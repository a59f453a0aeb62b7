//! Org analysis: spans and layers, vacancies, units, and duties shared between posts,
//! as HR people ask for them when they redesign an organisation. Pure, like the model.
//!
//! - [`structure`]: each post's span, layer and vacancies; the layers and units tables.
//! - [`shared`]: duties that are the same or nearly the same on different posts, and
//!   posts whose duties overlap by half or more.
//! - [`output`]: the report as JSON and as an Excel workbook.
//! - [`colour_by`]: colouring cards by span band, layer or vacancy, with a legend.

pub mod colour_by;
mod duty_text;
pub mod output;
pub mod shared;
pub mod structure;

use crate::model::{Chart, IdMap, NodeId, NodeKind};

pub use colour_by::{ColourBy, LegendEntry};
pub use shared::{DutyGroup, DutyUse, SimilarPosts, DEFAULT_THRESHOLD};
pub use structure::{band, LayerRow, PostFacts, UnitRow, BANDS, NARROW_SPAN, WIDE_SPAN};

/// The headline figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Positions and assistants.
    pub posts: usize,
    /// Positions.
    pub positions: usize,
    /// Assistants.
    pub assistants: usize,
    /// Unit cards.
    pub units: usize,
    /// People the posts stand for.
    pub headcount: u64,
    /// Headcount minus filled seats.
    pub vacancies: u64,
    /// Posts with a span of 1 or more.
    pub managers: usize,
    /// The deepest layer.
    pub layers: u32,
    /// The mean span of the managers.
    pub mean_span: f64,
    /// The median span of the managers.
    pub median_span: f64,
    /// Managers with a span of 1.
    pub narrow: usize,
    /// Managers with a span of 13 or more.
    pub wide: usize,
    /// Groups of shared duties.
    pub duty_groups: usize,
    /// Entries of similar posts.
    pub similar_posts: usize,
}

/// Spans by band, and the narrow and wide managers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spans {
    /// Managers in each band of [`BANDS`].
    pub bands: [usize; 6],
    /// Managers with a span of 1, in tree order.
    pub narrow: Vec<NodeId>,
    /// Managers with a span of 13 or more, in tree order.
    pub wide: Vec<NodeId>,
}

/// The whole analysis of a chart.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The headline figures.
    pub summary: Summary,
    /// Spans by band.
    pub spans: Spans,
    /// Posts by layer.
    pub layers: Vec<LayerRow>,
    /// Units, in tree order.
    pub units: Vec<UnitRow>,
    /// Shared duties, identical groups first.
    pub duty_groups: Vec<DutyGroup>,
    /// Similar posts, most similar first.
    pub similar_posts: Vec<SimilarPosts>,
    /// Each post's span, layer and vacancies.
    pub posts: IdMap<PostFacts>,
    /// The posts in tree order.
    pub post_order: Vec<NodeId>,
    /// The similarity two duties need to be grouped.
    pub threshold: f64,
}

impl Report {
    /// The analysis of `chart`, grouping duties at least `threshold` similar (0–1).
    pub fn of(chart: &Chart, threshold: f64) -> Report {
        let (posts, post_order) = structure::post_facts(chart);
        let layers = structure::layers(chart, &posts, &post_order);
        let units = structure::units(chart, &posts, &post_order);
        let duty_groups = shared::duty_groups(chart, &post_order, threshold);
        let similar_posts = shared::similar_posts(chart, &post_order, &duty_groups);
        let spans = spans(&posts, &post_order);
        let mut report = Report {
            summary: Summary::default(),
            spans,
            layers,
            units,
            duty_groups,
            similar_posts,
            posts,
            post_order,
            threshold,
        };
        report.summary = report.summarise(chart);
        report
    }

    fn summarise(&self, chart: &Chart) -> Summary {
        let mut summary = Summary {
            posts: self.post_order.len(),
            units: self.units.len(),
            layers: self.layers.len() as u32,
            narrow: self.spans.narrow.len(),
            wide: self.spans.wide.len(),
            duty_groups: self.duty_groups.len(),
            similar_posts: self.similar_posts.len(),
            ..Summary::default()
        };
        let mut spans: Vec<u32> = Vec::new();
        for &id in &self.post_order {
            let (Some(node), Some(facts)) = (chart.node(id), self.posts.get(id)) else {
                continue;
            };
            match node.kind {
                NodeKind::Assistant => summary.assistants += 1,
                _ => summary.positions += 1,
            }
            summary.headcount += u64::from(node.headcount);
            summary.vacancies += u64::from(facts.vacancies);
            if facts.span > 0 {
                spans.push(facts.span);
            }
        }
        summary.managers = spans.len();
        if !spans.is_empty() {
            spans.sort_unstable();
            summary.mean_span =
                spans.iter().map(|&s| f64::from(s)).sum::<f64>() / spans.len() as f64;
            let middle = spans.len() / 2;
            summary.median_span = if spans.len().is_multiple_of(2) {
                (f64::from(spans[middle - 1]) + f64::from(spans[middle])) / 2.0
            } else {
                f64::from(spans[middle])
            };
        }
        summary
    }

    /// The managers in span band `band` (an index into [`BANDS`]), in tree order.
    pub fn managers_in_band(&self, band: usize) -> Vec<NodeId> {
        self.post_order
            .iter()
            .copied()
            .filter(|&id| {
                self.posts
                    .get(id)
                    .is_some_and(|f| f.span > 0 && structure::band(f.span) == band)
            })
            .collect()
    }

    /// The posts of layer `layer` (from 1), in tree order.
    pub fn posts_in_layer(&self, layer: u32) -> Vec<NodeId> {
        self.post_order
            .iter()
            .copied()
            .filter(|&id| self.posts.get(id).is_some_and(|f| f.layer == layer))
            .collect()
    }
}

fn spans(posts: &IdMap<PostFacts>, order: &[NodeId]) -> Spans {
    let mut spans = Spans::default();
    for &id in order {
        let Some(facts) = posts.get(id) else { continue };
        if facts.span == 0 {
            continue;
        }
        spans.bands[structure::band(facts.span)] += 1;
        if facts.span <= NARROW_SPAN {
            spans.narrow.push(id);
        }
        if facts.span >= WIDE_SPAN {
            spans.wide.push(id);
        }
    }
    spans
}
