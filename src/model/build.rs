//! Building a chart from flat records (as files store them), checking every rule and
//! reporting every problem at once.
//!
//! [`Chart::from_records`] runs in named phases: index the ids, claim each node's
//! manager, walk down from the roots, find the cycles among what the walk did not reach,
//! check the rules on each node, and assemble the chart. Names for messages are made
//! only when there is a problem.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};
use thiserror::Error;

use super::chart::Chart;
use super::id_map::IdMap;
use super::node::{Node, NodeId, NodeKind};
use super::rules::{check_content, check_dotted, check_parent, DottedEnds, NodeName, Rule};

/// One node as stored: its content and the ordered ids of its direct subordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeRecord {
    /// The node's id.
    pub id: NodeId,
    /// Its content (boxed, as the chart keeps it, so building moves no node).
    pub node: Box<Node>,
    /// Its direct subordinates, in order.
    pub reports: Vec<NodeId>,
}

/// A structural problem found while building a chart: which node it concerns, if one,
/// and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{problem}")]
pub struct StructureError {
    /// The node the problem is about, so readers can point at its place in a file.
    pub node: Option<NodeId>,
    /// Which of the records with that id it is about (0 for the first), for duplicate ids.
    pub occurrence: usize,
    /// What is wrong.
    pub problem: StructureProblem,
}

/// What is wrong with a chart's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructureProblem {
    /// Two records share an id.
    DuplicateId {
        /// The repeated record.
        node: NodeName,
    },
    /// `roots` names an id no record has.
    UnknownRoot {
        /// The id.
        id: u32,
    },
    /// `roots` names a node twice.
    RootTwice {
        /// The node.
        node: NodeName,
    },
    /// A node's reports name an id no record has.
    UnknownReport {
        /// The manager.
        manager: NodeName,
        /// The id.
        id: u32,
    },
    /// A node lists itself in its reports.
    ReportsToItself {
        /// The node.
        node: NodeName,
    },
    /// A node lists the same report twice.
    ReportedTwice {
        /// The manager.
        manager: NodeName,
        /// The report.
        node: NodeName,
    },
    /// A node is in the reports of two managers.
    TwoManagers {
        /// The node.
        node: NodeName,
        /// The first manager to list it.
        first: NodeName,
        /// The second.
        second: NodeName,
    },
    /// A node is both a root and someone's report.
    RootAndReport {
        /// The node.
        node: NodeName,
        /// The manager listing it.
        manager: NodeName,
    },
    /// No reports list names the node and it is not a root.
    Outside {
        /// The node.
        node: NodeName,
    },
    /// Nodes that report to each other in a ring, each listed with its manager after it.
    Cycle {
        /// The ring, starting and ending at the same node.
        path: Vec<NodeName>,
    },
    /// A dotted line to an id no record has.
    UnknownDotted {
        /// The post.
        node: NodeName,
        /// The id.
        id: u32,
    },
    /// One of the chart's rules is broken.
    Rule(Rule),
}

impl fmt::Display for StructureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StructureProblem::DuplicateId { node } => {
                write!(f, "id {} is used by more than one node ({node})", node.id.0)
            }
            StructureProblem::UnknownRoot { id } => {
                write!(f, "roots lists id {id}, but no node has that id")
            }
            StructureProblem::RootTwice { node } => write!(f, "roots lists {node} twice"),
            StructureProblem::UnknownReport { manager, id } => write!(
                f,
                "{manager} lists id {id} in its reports, but no node has that id"
            ),
            StructureProblem::ReportsToItself { node } => write!(
                f,
                "{node} lists itself in its reports, which would make a cycle"
            ),
            StructureProblem::ReportedTwice { manager, node } => {
                write!(f, "{manager} lists {node} twice in its reports")
            }
            StructureProblem::TwoManagers { node, first, second } => write!(
                f,
                "{node} is listed in the reports of both {first} and {second}; a node has one solid-line manager (use a dotted line for the other)"
            ),
            StructureProblem::RootAndReport { node, manager } => {
                write!(f, "{node} is in roots and also in the reports of {manager}")
            }
            StructureProblem::Outside { node } => write!(
                f,
                "{node} is not in the chart: no reports list names it and it is not in roots"
            ),
            StructureProblem::Cycle { path } => {
                f.write_str("reporting cycle: ")?;
                for (n, name) in path.iter().enumerate() {
                    if n > 0 {
                        f.write_str(" → ")?;
                    }
                    write!(f, "{name}")?;
                }
                Ok(())
            }
            StructureProblem::UnknownDotted { node, id } => write!(
                f,
                "{node} has a dotted line to id {id}, but no node has that id"
            ),
            StructureProblem::Rule(rule) => write!(f, "{rule}"),
        }
    }
}

impl StructureError {
    fn at(node: NodeId, problem: StructureProblem) -> StructureError {
        StructureError {
            node: Some(node),
            occurrence: 0,
            problem,
        }
    }
}

/// The records being built into a chart, and what the phases found out about them.
struct Builder {
    records: Vec<NodeRecord>,
    roots: Vec<NodeId>,
    /// Where each id's first record is.
    by_id: IdMap<usize>,
    /// Each claimed node's manager; `None` for a root.
    parent_of: IdMap<Option<NodeId>>,
    root_set: IdMap<()>,
    /// The nodes reached from the roots, in tree order.
    order: Vec<NodeId>,
    errors: Vec<StructureError>,
}

impl Chart {
    /// Builds a chart from records, or returns every structural problem found: duplicate
    /// ids, unknown or repeated reports, nodes outside the tree, reporting cycles, and
    /// broken rules (kinds, headcounts, pins, texts, dotted lines).
    pub fn from_records(
        title: String,
        organisation: String,
        roots: Vec<NodeId>,
        records: Vec<NodeRecord>,
    ) -> Result<Chart, Vec<StructureError>> {
        let mut builder = Builder::new(roots, records);
        builder.index_ids();
        builder.claim_roots();
        builder.claim_reports();
        builder.find_outsiders();
        builder.walk_from_roots();
        builder.find_cycles();
        builder.check_rules();
        if !builder.errors.is_empty() {
            return Err(builder.errors);
        }
        Ok(builder.assemble(title, organisation))
    }

    /// Every id, sorted (the order files store nodes in).
    pub fn sorted_ids(&self) -> Vec<NodeId> {
        let mut ids: Vec<NodeId> = self.slots.ids().collect();
        ids.sort_unstable();
        ids
    }
}

impl Builder {
    fn new(roots: Vec<NodeId>, records: Vec<NodeRecord>) -> Builder {
        let capacity = records.len();
        Builder {
            records,
            roots,
            by_id: IdMap::with_capacity(capacity + 1),
            parent_of: IdMap::with_capacity(capacity + 1),
            root_set: IdMap::default(),
            order: Vec::with_capacity(capacity),
            errors: Vec::new(),
        }
    }

    /// The name of `id`, from its first record.
    fn name(&self, id: NodeId) -> NodeName {
        NodeName::of(id, self.by_id.get(id).map(|&at| &*self.records[at].node))
    }

    fn kind(&self, id: NodeId) -> Option<NodeKind> {
        self.by_id.get(id).map(|&at| self.records[at].node.kind)
    }

    /// Phase 1: where each id's record is; repeated ids are problems.
    fn index_ids(&mut self) {
        let mut repeats: FxHashMap<NodeId, usize> = FxHashMap::default();
        for (at, record) in self.records.iter().enumerate() {
            if !self.by_id.contains(record.id) {
                self.by_id.insert(record.id, at);
            } else {
                let seen = repeats.entry(record.id).or_insert(0);
                *seen += 1;
                self.errors.push(StructureError {
                    node: Some(record.id),
                    occurrence: *seen,
                    problem: StructureProblem::DuplicateId {
                        node: NodeName::of(record.id, Some(&*record.node)),
                    },
                });
            }
        }
    }

    /// Phase 2: the roots claim their place.
    fn claim_roots(&mut self) {
        for at in 0..self.roots.len() {
            let root = self.roots[at];
            if !self.by_id.contains(root) {
                self.errors.push(StructureError {
                    node: None,
                    occurrence: 0,
                    problem: StructureProblem::UnknownRoot { id: root.0 },
                });
            } else if self.root_set.insert(root, ()).is_some() {
                let node = self.name(root);
                self.errors.push(StructureError::at(
                    root,
                    StructureProblem::RootTwice { node },
                ));
            } else {
                self.parent_of.insert(root, None);
            }
        }
    }

    /// Phase 3: each node's reports claim it; a node has one manager.
    fn claim_reports(&mut self) {
        for at in 0..self.records.len() {
            let id = self.records[at].id;
            if self.by_id.get(id) != Some(&at) {
                continue;
            }
            for index in 0..self.records[at].reports.len() {
                let child = self.records[at].reports[index];
                self.claim(id, child);
            }
        }
    }

    fn claim(&mut self, manager: NodeId, child: NodeId) {
        let problem = if !self.by_id.contains(child) {
            Some((
                manager,
                StructureProblem::UnknownReport {
                    manager: self.name(manager),
                    id: child.0,
                },
            ))
        } else if child == manager {
            Some((
                manager,
                StructureProblem::ReportsToItself {
                    node: self.name(manager),
                },
            ))
        } else {
            match self.parent_of.get(child).copied() {
                Some(Some(other)) if other == manager => Some((
                    manager,
                    StructureProblem::ReportedTwice {
                        manager: self.name(manager),
                        node: self.name(child),
                    },
                )),
                Some(Some(other)) => Some((
                    child,
                    StructureProblem::TwoManagers {
                        node: self.name(child),
                        first: self.name(other),
                        second: self.name(manager),
                    },
                )),
                Some(None) => Some((
                    child,
                    StructureProblem::RootAndReport {
                        node: self.name(child),
                        manager: self.name(manager),
                    },
                )),
                None => {
                    self.parent_of.insert(child, Some(manager));
                    None
                }
            }
        };
        if let Some((at, problem)) = problem {
            self.errors.push(StructureError::at(at, problem));
        }
    }

    /// Phase 4: nodes nobody claims are outside the chart.
    fn find_outsiders(&mut self) {
        for at in 0..self.records.len() {
            let id = self.records[at].id;
            if self.by_id.get(id) == Some(&at) && !self.parent_of.contains(id) {
                let node = self.name(id);
                self.errors
                    .push(StructureError::at(id, StructureProblem::Outside { node }));
            }
        }
    }

    /// Phase 5: walk down from the roots, in tree order.
    fn walk_from_roots(&mut self) {
        let mut reached: IdMap<()> = IdMap::with_capacity(self.records.len() + 1);
        let mut stack: Vec<NodeId> = self
            .roots
            .iter()
            .rev()
            .copied()
            .filter(|&id| self.root_set.contains(id))
            .collect();
        while let Some(id) = stack.pop() {
            if reached.insert(id, ()).is_some() {
                continue;
            }
            self.order.push(id);
            if let Some(&at) = self.by_id.get(id) {
                for &child in self.records[at].reports.iter().rev() {
                    if self.parent_of.get(child) == Some(&Some(id)) {
                        stack.push(child);
                    }
                }
            }
        }
    }

    /// Phase 6: whatever is claimed but was never reached hangs in a cycle; report each
    /// cycle once.
    fn find_cycles(&mut self) {
        if self.order.len() == self.parent_of.len() {
            return;
        }
        let mut settled: FxHashSet<NodeId> = self.order.iter().copied().collect();
        for at in 0..self.records.len() {
            let start = self.records[at].id;
            if settled.contains(&start) || !self.parent_of.contains(start) {
                continue;
            }
            // Follow managers until the path repeats: that repeat is the cycle.
            let mut path = Vec::new();
            let mut on_path = FxHashMap::default();
            let mut next = Some(start);
            while let Some(id) = next {
                if settled.contains(&id) {
                    break;
                }
                if let Some(&first) = on_path.get(&id) {
                    let cycle: Vec<NodeId> = path[first..].to_vec();
                    let mut names: Vec<NodeName> =
                        cycle.iter().rev().map(|&n| self.name(n)).collect();
                    names.push(self.name(cycle[cycle.len() - 1]));
                    self.errors.push(StructureError::at(
                        id,
                        StructureProblem::Cycle { path: names },
                    ));
                    break;
                }
                on_path.insert(id, path.len());
                path.push(id);
                next = self.parent_of.get(id).copied().flatten();
            }
            settled.extend(path);
        }
    }

    /// Phase 7: the rules, on every reached node. Each rule reports on its own, so a node
    /// with two problems gets two messages.
    fn check_rules(&mut self) {
        let mut found = Vec::new();
        for &id in &self.order {
            if let Some(&at) = self.by_id.get(id) {
                self.check_node(id, &self.records[at].node, &mut found);
            }
        }
        self.errors.extend(found);
    }

    fn check_node(&self, id: NodeId, node: &Node, found: &mut Vec<StructureError>) {
        let name = |at: NodeId| self.name(at);
        let mut report = |problem| found.push(StructureError::at(id, problem));
        let parent = self.parent_of.get(id).copied().flatten();
        let parent_info = parent.and_then(|p| self.kind(p).map(|kind| (p, kind)));
        let rules = [
            check_parent(id, node.kind, parent_info, &name),
            check_content(id, node, &name),
        ];
        for rule in rules.into_iter().filter_map(Result::err) {
            report(StructureProblem::Rule(rule));
        }
        let mut seen = FxHashSet::default();
        for &to in &node.dotted {
            let Some(to_kind) = self.kind(to) else {
                report(StructureProblem::UnknownDotted {
                    node: self.name(id),
                    id: to.0,
                });
                continue;
            };
            let ends = DottedEnds {
                from: id,
                from_kind: node.kind,
                to,
                to_kind,
                to_is_solid_parent: Some(to) == parent,
                already_listed: !seen.insert(to),
            };
            if let Err(rule) = check_dotted(&ends, &name) {
                report(StructureProblem::Rule(rule));
            }
        }
    }

    /// Phase 8: the chart, nodes inserted in tree order.
    fn assemble(self, title: String, organisation: String) -> Chart {
        let Builder {
            records,
            by_id,
            parent_of,
            order,
            ..
        } = self;
        let mut chart = Chart::new(title, organisation);
        chart.slots.expect(order.len());
        if let (Some(&first), Some(&last)) = (order.iter().min(), order.iter().max()) {
            chart.slots.reserve_ids(first, last);
        }
        let mut slots: Vec<Option<NodeRecord>> = records.into_iter().map(Some).collect();
        for id in &order {
            let Some(record) = by_id.get(*id).and_then(|&at| slots[at].take()) else {
                continue;
            };
            let parent = parent_of.get(*id).copied().flatten();
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
        chart
    }
}
