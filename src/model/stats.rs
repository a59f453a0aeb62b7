//! Headline numbers about a chart, as HR people ask for them.

use rustc_hash::FxHashMap;

use super::chart::Chart;
use super::id_map::IdMap;
use super::node::{NodeId, NodeKind};

/// Counts and shape figures for a chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartStats {
    /// Department and division boxes.
    pub units: usize,
    /// Posts in the reporting line.
    pub positions: usize,
    /// Staff posts beside a manager.
    pub assistants: usize,
    /// People the posts stand for: the sum of headcounts over positions and assistants.
    pub headcount: u64,
    /// Vacant posts (positions and assistants with no holder).
    pub vacant_posts: usize,
    /// Vacant seats: the headcount of the vacant posts.
    pub vacancies: u64,
    /// Management layers: the most positions on one reporting chain, top to bottom.
    pub layers: usize,
    /// Depth of the tree counting every node, units included.
    pub depth: usize,
    /// Managers: positions with at least one direct report.
    pub managers: usize,
    /// The most direct reports of one manager.
    pub widest_span: usize,
    /// The id of that manager.
    pub widest_span_manager: Option<NodeId>,
    /// Mean direct reports per manager.
    pub mean_span: f64,
    /// Dotted (secondary) reporting lines.
    pub dotted_lines: usize,
}

impl ChartStats {
    /// Computes the figures in one pass in tree order.
    ///
    /// A position's direct reports are the nearest posts below it, looking through units
    /// (a director heading three departments manages their heads); assistants count as
    /// support, not reports.
    pub fn of(chart: &Chart) -> ChartStats {
        let mut stats = ChartStats::default();
        // For each node: the position that manages it, and the layer count down to it.
        let mut manager_of: IdMap<Option<NodeId>> = IdMap::with_capacity(chart.len() + 1);
        let mut layer_of: IdMap<usize> = IdMap::with_capacity(chart.len() + 1);
        let mut depth_of: IdMap<usize> = IdMap::with_capacity(chart.len() + 1);
        let mut spans: FxHashMap<NodeId, usize> = FxHashMap::default();
        for id in chart.tree_order() {
            let Some(node) = chart.node(id) else { continue };
            let parent = chart.parent(id);
            let parent_node = parent.and_then(|p| chart.node(p));
            // The managing position above this node, seen through units.
            let manager = match (parent, parent_node) {
                (Some(p), Some(pn)) if pn.kind == NodeKind::Position => Some(p),
                (Some(p), _) => manager_of.get(p).copied().flatten(),
                (None, _) => None,
            };
            let layers_above = parent.and_then(|p| layer_of.get(p)).copied().unwrap_or(0);
            let depth = parent.and_then(|p| depth_of.get(p)).map_or(1, |d| d + 1);
            depth_of.insert(id, depth);
            stats.depth = stats.depth.max(depth);
            stats.dotted_lines += node.dotted.len();
            match node.kind {
                NodeKind::Unit => {
                    stats.units += 1;
                    manager_of.insert(id, manager);
                    layer_of.insert(id, layers_above);
                }
                NodeKind::Position | NodeKind::Assistant => {
                    if node.kind == NodeKind::Position {
                        stats.positions += 1;
                        if let Some(manager) = manager {
                            *spans.entry(manager).or_insert(0) += 1;
                        }
                        layer_of.insert(id, layers_above + 1);
                        stats.layers = stats.layers.max(layers_above + 1);
                    } else {
                        stats.assistants += 1;
                        layer_of.insert(id, layers_above);
                    }
                    manager_of.insert(id, Some(id));
                    stats.headcount += u64::from(node.headcount);
                    if node.holder.is_none() {
                        stats.vacant_posts += 1;
                        stats.vacancies += u64::from(node.headcount);
                    }
                }
            }
        }
        stats.managers = spans.len();
        let mut widest: Option<(usize, NodeId)> = None;
        let mut total = 0usize;
        for (&manager, &span) in &spans {
            total += span;
            let better = match widest {
                None => true,
                Some((best, best_id)) => span > best || (span == best && manager < best_id),
            };
            if better {
                widest = Some((span, manager));
            }
        }
        stats.widest_span = widest.map_or(0, |(span, _)| span);
        stats.widest_span_manager = widest.map(|(_, id)| id);
        stats.mean_span = if spans.is_empty() {
            0.0
        } else {
            total as f64 / spans.len() as f64
        };
        stats
    }
}
