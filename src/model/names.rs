//! Names that tell nodes apart: a node's title, with its unit (and id) added when other
//! nodes share the title. Lists such as the outline show these.

use rustc_hash::FxHashMap;

use super::chart::Chart;
use super::node::{Node, NodeId, NodeKind};
use super::tally::{Facts, Tally};

/// What one node contributes to the name counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRecord {
    /// The nearest unit above the node.
    unit: Option<NodeId>,
    /// Hash of the title.
    title: u64,
    /// Hash of the title together with the unit.
    title_in_unit: u64,
    /// The node is a unit (so it is the unit of its subordinates).
    is_unit: bool,
}

/// How many nodes share each title, and each title within a unit.
#[derive(Clone, Debug, Default)]
pub struct NameFacts {
    titles: FxHashMap<u64, u32>,
    titles_in_unit: FxHashMap<u64, u32>,
}

fn key<T: std::hash::Hash>(value: T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

fn count_in(counts: &mut FxHashMap<u64, u32>, key: u64) {
    *counts.entry(key).or_insert(0) += 1;
}

fn count_out(counts: &mut FxHashMap<u64, u32>, key: u64) {
    if let Some(count) = counts.get_mut(&key) {
        *count = count.saturating_sub(1);
        if *count == 0 {
            counts.remove(&key);
        }
    }
}

impl Facts for NameFacts {
    type Record = NameRecord;

    fn record(
        &self,
        _id: NodeId,
        node: &Node,
        parent: Option<(NodeId, &NameRecord)>,
    ) -> NameRecord {
        let unit = parent.and_then(|(id, record)| {
            if record.is_unit {
                Some(id)
            } else {
                record.unit
            }
        });
        NameRecord {
            unit,
            title: key(&node.title),
            title_in_unit: key((&node.title, unit)),
            is_unit: node.kind == NodeKind::Unit,
        }
    }

    fn add(&mut self, _id: NodeId, record: &NameRecord) {
        count_in(&mut self.titles, record.title);
        count_in(&mut self.titles_in_unit, record.title_in_unit);
    }

    fn remove(&mut self, _id: NodeId, record: &NameRecord) {
        count_out(&mut self.titles, record.title);
        count_out(&mut self.titles_in_unit, record.title_in_unit);
    }
}

impl Tally<NameFacts> {
    /// The name of `id`: its title, made unique with its unit (and id) when other nodes
    /// share the title.
    pub fn unique_name(&self, chart: &Chart, id: NodeId) -> String {
        let (Some(node), Some(record)) = (chart.node(id), self.record(id)) else {
            return String::new();
        };
        let shown = if node.title.is_empty() {
            "(untitled)"
        } else {
            node.title.as_str()
        };
        let facts = self.facts();
        let sharing_title = facts.titles.get(&record.title).copied().unwrap_or(1);
        if sharing_title <= 1 {
            return shown.to_owned();
        }
        let mut name = match record.unit.and_then(|u| chart.node(u)) {
            Some(unit) => format!("{shown} · {}", unit.title),
            None => shown.to_owned(),
        };
        if facts
            .titles_in_unit
            .get(&record.title_in_unit)
            .copied()
            .unwrap_or(1)
            > 1
        {
            name.push_str(&format!(" #{}", id.0));
        }
        name
    }
}
