//! The roster's entries as chart records: node ids, department unit cards placed between
//! a department's top posts and their manager, children in file order, dotted lines.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{ImportProblem, ProblemKind, Roster};
use crate::model::{Node, NodeId, NodeKind, NodeRecord};
use crate::theme::UNIT_COLOURS;

/// What a node hangs under.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Above {
    /// Another row.
    Entry(usize),
    /// A department's unit card.
    Unit(usize),
}

/// A unit card made from a department.
struct DepartmentUnit {
    title: String,
    /// The manager of the department's top posts it sits under.
    manager: Option<usize>,
    id: NodeId,
    reports: Vec<NodeId>,
    placed: bool,
}

impl Roster<'_, '_> {
    /// The chart's records and its top nodes.
    pub(super) fn records(&mut self) -> (Vec<NodeRecord>, Vec<NodeId>) {
        let ids = self.node_ids();
        let mut next_id = ids
            .iter()
            .map(|id| id.0)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        let mut units: Vec<DepartmentUnit> = Vec::new();
        let mut above: Vec<Option<Above>> =
            self.parent.iter().map(|p| p.map(Above::Entry)).collect();
        if self.departments_become_units() {
            let mut unit_for: FxHashMap<(Option<usize>, &str), usize> = FxHashMap::default();
            for (at, entry) in self.entries.iter().enumerate() {
                let manager = self.parent[at];
                let top_of_department = !entry.unit.is_empty()
                    && manager.is_none_or(|m| self.entries[m].unit != entry.unit);
                // An assistant stays beside its manager, whatever its department.
                let assistant = entry.kind == NodeKind::Assistant && manager.is_some();
                if top_of_department && !assistant {
                    let key = (manager, entry.unit.as_ref());
                    let unit = *unit_for.entry(key).or_insert_with(|| {
                        units.push(DepartmentUnit {
                            title: entry.unit.clone().into_owned(),
                            manager,
                            id: NodeId(next_id),
                            reports: Vec::new(),
                            placed: false,
                        });
                        next_id = next_id.saturating_add(1);
                        units.len() - 1
                    });
                    above[at] = Some(Above::Unit(unit));
                }
            }
        }
        let (reports, roots) = self.place(&ids, &above, &mut units);
        let mut records = Vec::with_capacity(self.entries.len() + units.len());
        let dotted = self.dotted(&ids, &above);
        for (at, reports) in reports.into_iter().enumerate() {
            let entry = &mut self.entries[at];
            let mut node = Node::new(entry.kind, std::mem::take(&mut entry.title).into_owned());
            node.holder = entry.holder.take().map(Cow::into_owned);
            node.headcount = entry.headcount;
            node.reference = entry.reference.take().map(Cow::into_owned);
            node.duties = std::mem::take(&mut entry.duties);
            node.notes = std::mem::take(&mut entry.notes);
            node.dotted = dotted[at].clone();
            records.push(NodeRecord {
                id: ids[at],
                node: Box::new(node),
                reports,
            });
        }
        // Each department gets a colour of its own (the same name, the same colour).
        let mut colours: FxHashMap<String, usize> = FxHashMap::default();
        for unit in units {
            let next = colours.len();
            let shade = *colours.entry(unit.title.clone()).or_insert(next);
            let mut node = Node::new(NodeKind::Unit, unit.title);
            node.colour = Some(UNIT_COLOURS[shade % UNIT_COLOURS.len()]);
            records.push(NodeRecord {
                id: unit.id,
                node: Box::new(node),
                reports: unit.reports,
            });
        }
        (records, roots)
    }

    /// Each row's node id: the rows' own ids when every row has a distinct whole number
    /// written plainly ("1001", not "00100"), as Organigram's own export has; else 1, 2,
    /// 3 … in file order.
    fn node_ids(&self) -> Vec<NodeId> {
        let plain: Option<Vec<NodeId>> = self
            .entries
            .iter()
            .map(|entry| {
                let id = entry.id?;
                let number: u32 = id.parse().ok()?;
                (number.to_string() == id && number < u32::MAX / 2).then_some(NodeId(number))
            })
            .collect();
        match plain {
            Some(ids) if ids.iter().collect::<FxHashSet<_>>().len() == ids.len() => ids,
            _ => (1..=self.entries.len() as u32).map(NodeId).collect(),
        }
    }

    /// Every node's reports, and the top nodes, in file order; a department's unit card
    /// takes the place of its first top post.
    fn place(
        &self,
        ids: &[NodeId],
        above: &[Option<Above>],
        units: &mut [DepartmentUnit],
    ) -> (Vec<Vec<NodeId>>, Vec<NodeId>) {
        let mut reports: Vec<Vec<NodeId>> = vec![Vec::new(); self.entries.len()];
        let mut roots = Vec::new();
        for (at, &id) in ids.iter().enumerate() {
            match above[at] {
                Some(Above::Entry(manager)) => reports[manager].push(id),
                Some(Above::Unit(unit)) => {
                    if !units[unit].placed {
                        units[unit].placed = true;
                        match units[unit].manager {
                            Some(manager) => reports[manager].push(units[unit].id),
                            None => roots.push(units[unit].id),
                        }
                    }
                    units[unit].reports.push(id);
                }
                None => roots.push(id),
            }
        }
        (reports, roots)
    }

    /// Each row's dotted-line managers, by id; one that is not a position in the file (or
    /// would repeat the solid line) is left out, and said so.
    fn dotted(&mut self, ids: &[NodeId], above: &[Option<Above>]) -> Vec<Vec<NodeId>> {
        let mut all = Vec::with_capacity(self.entries.len());
        let mut problems = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let mut lines = Vec::new();
            for (manager, &target) in entry.dotted.iter().zip(&self.dotted[at]) {
                let fits = target.is_some_and(|t| {
                    t != at
                        && entry.kind != NodeKind::Unit
                        && self.entries[t].kind == NodeKind::Position
                        && above[at] != Some(Above::Entry(t))
                });
                match target {
                    Some(t) if fits => {
                        if !lines.contains(&ids[t]) {
                            lines.push(ids[t]);
                        }
                    }
                    _ => problems.push(ImportProblem {
                        line: entry.line,
                        kind: ProblemKind::BadDotted {
                            manager: (*manager).to_owned(),
                        },
                    }),
                }
            }
            all.push(lines);
        }
        self.problems.extend(problems);
        all
    }
}
