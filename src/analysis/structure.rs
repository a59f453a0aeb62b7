//! Spans, layers, vacancies and units, by the definitions HR reports use:
//!
//! - the **span** of a post is its direct reports that are positions, looking through
//!   units between them; assistants are counted on their own;
//! - a **manager** is a post with a span of 1 or more;
//! - the top post is **layer** 1, and a post is one layer below its manager;
//! - **vacancies** are headcount minus filled seats.

use crate::model::{Chart, IdMap, NodeId, NodeKind};

/// The span bands, as Orgvue reports them: 1, 2–3, 4–7, 8–12, 13–16 and 17+.
pub const BANDS: [&str; 6] = ["1", "2-3", "4-7", "8-12", "13-16", "17+"];

/// The band of a span of 1 or more (an index into [`BANDS`]).
pub fn band(span: u32) -> usize {
    match span {
        0 | 1 => 0,
        2..=3 => 1,
        4..=7 => 2,
        8..=12 => 3,
        13..=16 => 4,
        _ => 5,
    }
}

/// A manager with a span of 1 is narrow.
pub const NARROW_SPAN: u32 = 1;
/// A manager with a span of 13 or more is wide.
pub const WIDE_SPAN: u32 = 13;

/// What is known of one post.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PostFacts {
    /// Direct reports that are positions, looking through units.
    pub span: u32,
    /// Assistants beside it.
    pub assistants: u32,
    /// 1 for a top post, one more than its manager's otherwise.
    pub layer: u32,
    /// Its manager: the nearest post above it, looking through units.
    pub manager: Option<NodeId>,
    /// Headcount minus filled seats.
    pub vacancies: u32,
}

/// Every post's facts, in one walk of the tree.
pub fn post_facts(chart: &Chart) -> (IdMap<PostFacts>, Vec<NodeId>) {
    let mut facts: IdMap<PostFacts> = IdMap::with_capacity(chart.len() + 1);
    // For every node, the nearest post at or above it.
    let mut post_at: IdMap<Option<NodeId>> = IdMap::with_capacity(chart.len() + 1);
    let mut posts = Vec::new();
    for id in chart.tree_order() {
        let Some(node) = chart.node(id) else { continue };
        let above = chart
            .parent(id)
            .and_then(|parent| post_at.get(parent).copied().flatten());
        if !node.kind.is_post() {
            post_at.insert(id, above);
            continue;
        }
        post_at.insert(id, Some(id));
        posts.push(id);
        let layer = above
            .and_then(|manager| facts.get(manager))
            .map_or(1, |manager| manager.layer + 1);
        facts.insert(
            id,
            PostFacts {
                layer,
                manager: above,
                vacancies: node.vacancies(),
                ..PostFacts::default()
            },
        );
        if let Some(manager) = above.and_then(|m| facts.get_mut(m)) {
            match node.kind {
                NodeKind::Assistant => manager.assistants += 1,
                _ => manager.span += 1,
            }
        }
    }
    (facts, posts)
}

/// The posts, headcount, vacancies and managers of one layer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayerRow {
    /// The layer, from 1.
    pub layer: u32,
    /// Posts (positions and assistants) in it.
    pub posts: usize,
    /// Their headcount.
    pub headcount: u64,
    /// Their vacancies.
    pub vacancies: u64,
    /// Managers among them.
    pub managers: usize,
}

/// One row per layer, top down.
pub fn layers(chart: &Chart, facts: &IdMap<PostFacts>, posts: &[NodeId]) -> Vec<LayerRow> {
    let mut rows: Vec<LayerRow> = Vec::new();
    for &id in posts {
        let (Some(fact), Some(node)) = (facts.get(id), chart.node(id)) else {
            continue;
        };
        let at = fact.layer.saturating_sub(1) as usize;
        if rows.len() <= at {
            rows.resize_with(at + 1, LayerRow::default);
        }
        let row = &mut rows[at];
        row.posts += 1;
        row.headcount += u64::from(node.headcount);
        row.vacancies += u64::from(fact.vacancies);
        row.managers += usize::from(fact.span > 0);
    }
    for (at, row) in rows.iter_mut().enumerate() {
        row.layer = at as u32 + 1;
    }
    rows
}

/// One unit: everything below it, nested units included.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRow {
    /// The unit.
    pub id: NodeId,
    /// Its name.
    pub title: String,
    /// The unit it sits in, if any.
    pub parent_unit: Option<NodeId>,
    /// Posts below it.
    pub posts: usize,
    /// Their headcount.
    pub headcount: u64,
    /// Their vacancies.
    pub vacancies: u64,
    /// Managers among them.
    pub managers: usize,
    /// Layers inside it: from its highest post's layer to its lowest's (0 with no posts).
    pub depth: u32,
    /// The mean span of its managers (0 with none).
    pub mean_span: f64,
    /// The widest span of its managers.
    pub max_span: u32,
    /// Its narrow managers (span 1).
    pub narrow: usize,
    /// Its wide managers (span 13 or more).
    pub wide: usize,
}

/// One row per unit, in tree order.
pub fn units(chart: &Chart, facts: &IdMap<PostFacts>, posts: &[NodeId]) -> Vec<UnitRow> {
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut row_of: IdMap<usize> = IdMap::default();
    let mut layer_range: Vec<(u32, u32)> = Vec::new();
    let mut span_sum: Vec<u64> = Vec::new();
    for id in chart.tree_order() {
        if let Some(node) = chart.node(id).filter(|n| n.kind == NodeKind::Unit) {
            row_of.insert(id, rows.len());
            rows.push(UnitRow {
                id,
                title: node.title.clone(),
                parent_unit: chart.unit_of(id),
                posts: 0,
                headcount: 0,
                vacancies: 0,
                managers: 0,
                depth: 0,
                mean_span: 0.0,
                max_span: 0,
                narrow: 0,
                wide: 0,
            });
            layer_range.push((u32::MAX, 0));
            span_sum.push(0);
        }
    }
    for &id in posts {
        let (Some(fact), Some(node)) = (facts.get(id), chart.node(id)) else {
            continue;
        };
        let mut unit = chart.unit_of(id);
        while let Some(at) = unit.and_then(|u| row_of.get(u).copied()) {
            let row = &mut rows[at];
            row.posts += 1;
            row.headcount += u64::from(node.headcount);
            row.vacancies += u64::from(fact.vacancies);
            if fact.span > 0 {
                row.managers += 1;
                span_sum[at] += u64::from(fact.span);
                row.max_span = row.max_span.max(fact.span);
                row.narrow += usize::from(fact.span <= NARROW_SPAN);
                row.wide += usize::from(fact.span >= WIDE_SPAN);
            }
            let range = &mut layer_range[at];
            *range = (range.0.min(fact.layer), range.1.max(fact.layer));
            unit = row.parent_unit;
        }
    }
    for (at, row) in rows.iter_mut().enumerate() {
        let (top, bottom) = layer_range[at];
        row.depth = if row.posts == 0 { 0 } else { bottom - top + 1 };
        if row.managers > 0 {
            row.mean_span = span_sum[at] as f64 / row.managers as f64;
        }
    }
    rows
}
