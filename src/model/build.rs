//! Building a chart from flat records (as files store it), checking every rule and
//! reporting every problem at once.

use rustc_hash::{FxHashMap, FxHashSet};
use thiserror::Error;

use super::chart::Chart;
use super::node::{Node, NodeId};
use super::rules::{check_dotted, check_headcount, check_parent, DottedEnds};

/// One node as stored: its content and the ordered ids of its direct subordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeRecord {
    /// The node's id.
    pub id: NodeId,
    /// Its content.
    pub node: Node,
    /// Its direct subordinates, in order.
    pub reports: Vec<NodeId>,
}

/// A structural problem found while building a chart: which node it concerns, if one,
/// and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct StructureError {
    /// The node the problem is about, so readers can point at its place in a file.
    pub node: Option<NodeId>,
    /// Which of the records with that id it is about (0 for the first), for duplicate ids.
    pub occurrence: usize,
    /// What is wrong, naming nodes by title and id.
    pub message: String,
}

impl StructureError {
    fn at(node: NodeId, message: String) -> StructureError {
        StructureError {
            node: Some(node),
            occurrence: 0,
            message,
        }
    }
}

impl Chart {
    /// Builds a chart from records, or returns every structural problem found: duplicate
    /// ids, unknown or repeated reports, nodes outside the tree, reporting cycles, and
    /// broken kind, headcount and dotted-line rules.
    pub fn from_records(
        title: String,
        organisation: String,
        roots: Vec<NodeId>,
        records: Vec<NodeRecord>,
    ) -> Result<Chart, Vec<StructureError>> {
        let mut errors = Vec::new();
        let mut by_id: FxHashMap<NodeId, usize> =
            FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
        let mut repeats: FxHashMap<NodeId, usize> = FxHashMap::default();
        for (at, record) in records.iter().enumerate() {
            if let std::collections::hash_map::Entry::Vacant(slot) = by_id.entry(record.id) {
                slot.insert(at);
            } else {
                let seen = repeats.entry(record.id).or_insert(0);
                *seen += 1;
                errors.push(StructureError {
                    node: Some(record.id),
                    occurrence: *seen,
                    message: format!(
                        "id {} is used by more than one node ({})",
                        record.id.0,
                        record.node.label(record.id)
                    ),
                });
            }
        }
        let label = |id: NodeId| match by_id.get(&id) {
            Some(&at) => records[at].node.label(id),
            None => format!("node {id}"),
        };

        // Who claims whom: each node may have one parent, or be a root.
        let mut parent_of: FxHashMap<NodeId, Option<NodeId>> =
            FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
        let mut root_set = FxHashSet::default();
        for &root in &roots {
            if !by_id.contains_key(&root) {
                errors.push(StructureError {
                    node: None,
                    occurrence: 0,
                    message: format!("roots lists id {}, but no node has that id", root.0),
                });
            } else if !root_set.insert(root) {
                errors.push(StructureError::at(
                    root,
                    format!("roots lists {} twice", label(root)),
                ));
            } else {
                parent_of.insert(root, None);
            }
        }
        for (at, record) in records.iter().enumerate() {
            if by_id.get(&record.id) != Some(&at) {
                continue;
            }
            for &child in &record.reports {
                if !by_id.contains_key(&child) {
                    errors.push(StructureError::at(
                        record.id,
                        format!(
                            "{} lists id {} in its reports, but no node has that id",
                            label(record.id),
                            child.0
                        ),
                    ));
                } else if child == record.id {
                    errors.push(StructureError::at(
                        record.id,
                        format!(
                            "{} lists itself in its reports, which would make a cycle",
                            label(record.id)
                        ),
                    ));
                } else {
                    match parent_of.get(&child) {
                        Some(Some(other)) if *other == record.id => errors.push(StructureError::at(
                            record.id,
                            format!("{} lists {} twice in its reports", label(record.id), label(child)),
                        )),
                        Some(Some(other)) => errors.push(StructureError::at(
                            child,
                            format!(
                                "{} is listed in the reports of both {} and {}; a node has one solid-line manager (use a dotted line for the other)",
                                label(child),
                                label(*other),
                                label(record.id)
                            ),
                        )),
                        Some(None) => errors.push(StructureError::at(
                            child,
                            format!("{} is in roots and also in the reports of {}", label(child), label(record.id)),
                        )),
                        None => {
                            parent_of.insert(child, Some(record.id));
                        }
                    }
                }
            }
        }
        for (at, record) in records.iter().enumerate() {
            if by_id.get(&record.id) == Some(&at) && !parent_of.contains_key(&record.id) {
                errors.push(StructureError::at(
                    record.id,
                    format!(
                        "{} is not in the chart: no reports list names it and it is not in roots",
                        label(record.id)
                    ),
                ));
            }
        }

        // Walk down from the roots; whatever is claimed but never reached hangs in a cycle.
        let mut reached: FxHashSet<NodeId> =
            FxHashSet::with_capacity_and_hasher(records.len(), Default::default());
        let mut order = Vec::with_capacity(records.len());
        let mut stack: Vec<NodeId> = roots
            .iter()
            .rev()
            .copied()
            .filter(|id| root_set.contains(id))
            .collect();
        while let Some(id) = stack.pop() {
            if !reached.insert(id) {
                continue;
            }
            order.push(id);
            if let Some(&at) = by_id.get(&id) {
                for &child in records[at].reports.iter().rev() {
                    if parent_of.get(&child) == Some(&Some(id)) {
                        stack.push(child);
                    }
                }
            }
        }
        let mut in_reported_cycle = FxHashSet::default();
        for record in &records {
            let start = record.id;
            if reached.contains(&start)
                || in_reported_cycle.contains(&start)
                || !parent_of.contains_key(&start)
            {
                continue;
            }
            // Follow parents until the path repeats: that repeat is the cycle.
            let mut path = Vec::new();
            let mut on_path = FxHashMap::default();
            let mut at = Some(start);
            while let Some(id) = at {
                if reached.contains(&id) || in_reported_cycle.contains(&id) {
                    break;
                }
                if let Some(&first) = on_path.get(&id) {
                    let cycle: Vec<NodeId> = path[first..].to_vec();
                    let mut names: Vec<String> = cycle.iter().rev().map(|&n| label(n)).collect();
                    names.push(label(cycle[cycle.len() - 1]));
                    errors.push(StructureError::at(
                        id,
                        format!("reporting cycle: {}", names.join(" → ")),
                    ));
                    in_reported_cycle.extend(cycle);
                    break;
                }
                on_path.insert(id, path.len());
                path.push(id);
                at = parent_of.get(&id).copied().flatten();
            }
            in_reported_cycle.extend(path);
        }

        // Rules on each reached node.
        for &id in &order {
            let Some(&at) = by_id.get(&id) else { continue };
            let node = &records[at].node;
            let parent = parent_of.get(&id).copied().flatten();
            let parent_info =
                parent.and_then(|p| by_id.get(&p).map(|&pa| (records[pa].node.kind, label(p))));
            let own = label(id);
            let rule_errors = [
                check_parent(
                    node.kind,
                    &own,
                    parent_info.as_ref().map(|(k, l)| (*k, l.as_str())),
                ),
                check_headcount(&own, node.headcount),
            ];
            errors.extend(
                rule_errors
                    .into_iter()
                    .filter_map(Result::err)
                    .map(|m| StructureError::at(id, m)),
            );
            let mut seen = FxHashSet::default();
            for &to in &node.dotted {
                let Some(&to_at) = by_id.get(&to) else {
                    errors.push(StructureError::at(
                        id,
                        format!(
                            "{own} has a dotted line to id {}, but no node has that id",
                            to.0
                        ),
                    ));
                    continue;
                };
                let outcome = check_dotted(&DottedEnds {
                    from_kind: node.kind,
                    from_label: &own,
                    to_kind: records[to_at].node.kind,
                    to_label: &label(to),
                    same_node: to == id,
                    to_is_solid_parent: Some(to) == parent,
                    already_listed: !seen.insert(to),
                });
                if let Err(message) = outcome {
                    errors.push(StructureError::at(id, message));
                }
            }
            if let Some(pin) = node.pin {
                if !(pin.x.is_finite() && pin.y.is_finite()) {
                    errors.push(StructureError::at(
                        id,
                        format!("{own} is pinned at a non-finite point"),
                    ));
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }

        let mut chart = Chart::new(title, organisation);
        let mut slots: Vec<Option<NodeRecord>> = records.into_iter().map(Some).collect();
        for id in &order {
            let Some(record) = by_id.get(id).and_then(|&at| slots[at].take()) else {
                continue;
            };
            let parent = parent_of.get(id).copied().flatten();
            let index = match parent {
                Some(parent) => chart.children(parent).len(),
                None => chart.roots.len(),
            };
            chart.insert_slot(record.id, parent, index, record.node);
            // Children lists sized once and allocated in tree order keep a whole-tree walk
            // (layout) close together in memory.
            chart.reserve_children(record.id, record.reports.len());
        }
        for id in order {
            chart.register_dotted_out(id);
        }
        Ok(chart)
    }

    /// Every id, sorted (the order files store nodes in).
    pub fn sorted_ids(&self) -> Vec<NodeId> {
        let mut ids: Vec<NodeId> = self.slots.ids().collect();
        ids.sort_unstable();
        ids
    }

    /// The chart as flat records, sorted by id (the order files store them in).
    pub fn to_records(&self) -> Vec<NodeRecord> {
        self.sorted_ids()
            .into_iter()
            .filter_map(|id| {
                self.slots.get(id).map(|slot| NodeRecord {
                    id,
                    node: (*slot.node).clone(),
                    reports: slot.children.clone(),
                })
            })
            .collect()
    }
}
