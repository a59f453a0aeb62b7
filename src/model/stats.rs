//! Headline numbers about a chart, as HR people ask for them.

use super::chart::Chart;
use super::id_map::IdMap;
use super::node::{Node, NodeId, NodeKind};
use super::tally::{Facts, Tally};

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
    /// Vacant seats: each post's headcount minus its holder (a post with headcount 3 and
    /// one holder has 2 vacant seats).
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
        Tally::build(chart, StatsFacts::default()).facts().stats()
    }
}

/// What one node contributes to [`ChartStats`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatsRecord {
    kind: NodeKind,
    headcount: u32,
    vacant: bool,
    vacancies: u32,
    dotted: u32,
    /// Depth counting every node; top nodes are at 1.
    depth: u32,
    /// Positions on the chain from the top down to this node, itself included.
    layers: u32,
    /// The post that manages this node's subordinates: itself for a post, its manager
    /// (seen through units) for a unit.
    manages_below: Option<NodeId>,
    /// For a position, the post it counts as a direct report of.
    reports_to: Option<NodeId>,
}

/// [`ChartStats`] kept as running sums, so a [`Tally`] can update them edit by edit.
#[derive(Clone, Debug, Default)]
pub struct StatsFacts {
    units: usize,
    positions: usize,
    assistants: usize,
    headcount: u64,
    vacant_posts: usize,
    vacancies: u64,
    dotted_lines: usize,
    /// Nodes at each depth.
    at_depth: Vec<u32>,
    /// Positions at each layer count.
    at_layer: Vec<u32>,
    /// Direct reports of each manager.
    spans: IdMap<u32>,
    /// Managers with each span.
    with_span: Vec<u32>,
    managers: usize,
    reports: usize,
}

fn bump(counts: &mut Vec<u32>, at: u32) {
    let at = at as usize;
    if counts.len() <= at {
        counts.resize(at + 1, 0);
    }
    counts[at] += 1;
}

fn drop_one(counts: &mut [u32], at: u32) {
    if let Some(count) = counts.get_mut(at as usize) {
        *count = count.saturating_sub(1);
    }
}

/// The highest index with a non-zero count.
fn highest(counts: &[u32]) -> usize {
    counts.iter().rposition(|&count| count > 0).unwrap_or(0)
}

impl StatsFacts {
    /// The figures as they stand.
    pub fn stats(&self) -> ChartStats {
        let widest_span = highest(&self.with_span);
        let widest_span_manager = if widest_span == 0 {
            None
        } else {
            self.spans
                .iter()
                .filter(|&(_, &span)| span as usize == widest_span)
                .map(|(id, _)| id)
                .min()
        };
        ChartStats {
            units: self.units,
            positions: self.positions,
            assistants: self.assistants,
            headcount: self.headcount,
            vacant_posts: self.vacant_posts,
            vacancies: self.vacancies,
            layers: highest(&self.at_layer),
            depth: highest(&self.at_depth),
            managers: self.managers,
            widest_span,
            widest_span_manager,
            mean_span: if self.managers == 0 {
                0.0
            } else {
                self.reports as f64 / self.managers as f64
            },
            dotted_lines: self.dotted_lines,
        }
    }

    fn change_span(&mut self, manager: NodeId, up: bool) {
        let before = self.spans.get(manager).copied().unwrap_or(0);
        let after = if up {
            before + 1
        } else {
            before.saturating_sub(1)
        };
        if before > 0 {
            drop_one(&mut self.with_span, before);
        }
        if after > 0 {
            bump(&mut self.with_span, after);
            self.spans.insert(manager, after);
        } else {
            self.spans.remove(manager);
        }
        match (before, after) {
            (0, 1..) => self.managers += 1,
            (1.., 0) => self.managers = self.managers.saturating_sub(1),
            _ => {}
        }
        if up {
            self.reports += 1;
        } else {
            self.reports = self.reports.saturating_sub(1);
        }
    }
}

impl Facts for StatsFacts {
    type Record = StatsRecord;

    fn record(
        &self,
        id: NodeId,
        node: &Node,
        parent: Option<(NodeId, &StatsRecord)>,
    ) -> StatsRecord {
        let parent = parent.map(|(_, record)| record);
        // The managing post above this node, seen through units.
        let manager = parent.and_then(|p| p.manages_below);
        let layers_above = parent.map_or(0, |p| p.layers);
        let (layers, manages_below, reports_to) = match node.kind {
            NodeKind::Unit => (layers_above, manager, None),
            NodeKind::Position => (layers_above + 1, Some(id), manager),
            NodeKind::Assistant => (layers_above, Some(id), None),
        };
        StatsRecord {
            kind: node.kind,
            headcount: node.headcount,
            vacant: node.holder.is_none(),
            vacancies: node.vacancies(),
            dotted: node.dotted.len() as u32,
            depth: parent.map_or(1, |p| p.depth + 1),
            layers,
            manages_below,
            reports_to,
        }
    }

    fn add(&mut self, _id: NodeId, record: &StatsRecord) {
        bump(&mut self.at_depth, record.depth);
        self.dotted_lines += record.dotted as usize;
        match record.kind {
            NodeKind::Unit => {
                self.units += 1;
                return;
            }
            NodeKind::Position => {
                self.positions += 1;
                bump(&mut self.at_layer, record.layers);
            }
            NodeKind::Assistant => self.assistants += 1,
        }
        self.headcount += u64::from(record.headcount);
        if record.vacant {
            self.vacant_posts += 1;
        }
        self.vacancies += u64::from(record.vacancies);
        if let Some(manager) = record.reports_to {
            self.change_span(manager, true);
        }
    }

    fn remove(&mut self, _id: NodeId, record: &StatsRecord) {
        drop_one(&mut self.at_depth, record.depth);
        self.dotted_lines = self.dotted_lines.saturating_sub(record.dotted as usize);
        match record.kind {
            NodeKind::Unit => {
                self.units = self.units.saturating_sub(1);
                return;
            }
            NodeKind::Position => {
                self.positions = self.positions.saturating_sub(1);
                drop_one(&mut self.at_layer, record.layers);
            }
            NodeKind::Assistant => self.assistants = self.assistants.saturating_sub(1),
        }
        self.headcount = self.headcount.saturating_sub(u64::from(record.headcount));
        if record.vacant {
            self.vacant_posts = self.vacant_posts.saturating_sub(1);
        }
        self.vacancies = self.vacancies.saturating_sub(u64::from(record.vacancies));
        if let Some(manager) = record.reports_to {
            self.change_span(manager, false);
        }
    }
}
