//! Property tests of the comparison: a chart compared with itself has no changes, and a
//! chart compared with an edited copy lists exactly the nodes the edits touched, with the
//! right kinds, whether nodes are matched by id or (with every id renumbered) by ref.
#![allow(clippy::too_many_lines)]

use std::collections::{BTreeMap, BTreeSet};

use organigram::compare::{diff, Diff, MatchBy, Side, What};
use organigram::generate::{generate, Shape};
use organigram::model::{Chart, Colour, Edit, Field, Node, NodeId, NodeKind, NodeRecord};
use proptest::prelude::*;

/// One random edit, resolved against the chart when it is applied.
#[derive(Clone, Debug)]
struct Op {
    kind: u8,
    a: prop::sample::Index,
    b: prop::sample::Index,
    c: u16,
}

fn op() -> impl Strategy<Value = Op> {
    (
        0u8..10,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<u16>(),
    )
        .prop_map(|(kind, a, b, c)| Op { kind, a, b, c })
}

/// What the edits should show: each node's expected changes (`added`, `removed`,
/// `moved`, `changed:<field>`), by the edited chart's ids (the old ids for removed nodes).
type Expected = BTreeMap<NodeId, BTreeSet<String>>;

struct Editing {
    chart: Chart,
    original: Chart,
    /// Original nodes already the target of an edit (each is touched at most once).
    touched: BTreeSet<NodeId>,
    added: BTreeSet<NodeId>,
    expected: Expected,
}

impl Editing {
    fn expect(&mut self, id: NodeId, what: &str) {
        self.expected.entry(id).or_default().insert(what.to_owned());
    }

    /// An original node not touched yet (by position among all nodes), or `None`.
    fn untouched(&self, index: &prop::sample::Index, posts_only: bool) -> Option<NodeId> {
        let ids: Vec<NodeId> = self
            .chart
            .tree_order()
            .filter(|id| !self.added.contains(id) && !self.touched.contains(id))
            .filter(|&id| !posts_only || self.chart.node(id).is_some_and(|n| n.kind.is_post()))
            .collect();
        (!ids.is_empty()).then(|| ids[index.index(ids.len())])
    }

    fn position(&self, index: &prop::sample::Index) -> Option<NodeId> {
        let ids: Vec<NodeId> = self
            .chart
            .tree_order()
            .filter(|&id| {
                self.chart
                    .node(id)
                    .is_some_and(|n| n.kind == NodeKind::Position)
            })
            .collect();
        (!ids.is_empty()).then(|| ids[index.index(ids.len())])
    }

    fn apply(&mut self, op: &Op) {
        let node = |e: &Editing, id| e.chart.node(id).cloned();
        let (edit, target, label): (Edit, Option<NodeId>, String) = match op.kind {
            0..=4 | 9 => {
                let posts_only = matches!(op.kind, 1 | 2);
                let units_only = op.kind == 9;
                let Some(id) = self.untouched(&op.a, posts_only) else {
                    return;
                };
                let Some(current) = node(self, id) else {
                    return;
                };
                if units_only && current.kind != NodeKind::Unit {
                    return;
                }
                let (field, name) = match op.kind {
                    0 => (Field::Title(format!("T{}", op.c)), "title"),
                    1 => (
                        Field::Holder(if current.holder.is_some() {
                            None
                        } else {
                            Some(format!("H{}", op.c))
                        }),
                        "holder",
                    ),
                    2 => (Field::Headcount(current.headcount + 1), "headcount"),
                    3 => {
                        let mut duties = current.duties.clone();
                        duties.push(format!("D{}", op.c));
                        (Field::Duties(duties), "duties")
                    }
                    4 => (Field::Notes(format!("{}N{}", current.notes, op.c)), "notes"),
                    _ => (
                        Field::Colour(Some(Colour {
                            r: (op.c % 251) as u8,
                            g: 1,
                            b: 2,
                        })),
                        "colour",
                    ),
                };
                let unchanged = match &field {
                    Field::Title(t) => *t == current.title,
                    Field::Colour(c) => *c == current.colour,
                    _ => false,
                };
                if unchanged {
                    return;
                }
                (
                    Edit::SetField { id, field },
                    Some(id),
                    format!("changed:{name}"),
                )
            }
            5 => {
                let Some(parent) = self.position(&op.a) else {
                    return;
                };
                let id = self.chart.fresh_id();
                let edit = Edit::AddNode {
                    id,
                    parent: Some(parent),
                    index: self.chart.children(parent).len(),
                    node: Box::new(Node::new(NodeKind::Position, format!("New{}", op.c))),
                };
                if self.chart.apply(edit).is_ok() {
                    self.added.insert(id);
                    self.expect(id, "added");
                }
                return;
            }
            6 => {
                let Some(id) = self.untouched(&op.a, false) else {
                    return;
                };
                self.remove(id, op.c.is_multiple_of(2));
                return;
            }
            7 => {
                let (Some(id), Some(parent)) = (self.untouched(&op.a, false), self.position(&op.b))
                else {
                    return;
                };
                if self.chart.parent(id) == Some(parent) || self.chart.is_in_subtree(parent, id) {
                    return;
                }
                let edit = Edit::Move {
                    id,
                    parent: Some(parent),
                    index: self.chart.children(parent).len(),
                };
                (edit, Some(id), "moved".to_owned())
            }
            _ => {
                let (Some(from), Some(to)) = (self.untouched(&op.a, true), self.position(&op.b))
                else {
                    return;
                };
                let edit = Edit::AddDotted { from, to, index: 0 };
                (edit, Some(from), "changed:dotted".to_owned())
            }
        };
        if self.chart.apply(edit).is_ok() {
            if let Some(id) = target {
                self.touched.insert(id);
                self.expect(id, &label);
            }
        }
    }

    fn remove(&mut self, id: NodeId, keep_reports: bool) {
        let gone: Vec<NodeId> = if keep_reports {
            vec![id]
        } else {
            self.chart.subtree(id).collect()
        };
        let reports = self.chart.children(id).to_vec();
        let reports_dotted: Vec<(NodeId, Vec<NodeId>)> = reports
            .iter()
            .filter_map(|&r| Some((r, self.chart.node(r)?.dotted.clone())))
            .collect();
        let dotted_in: Vec<NodeId> = gone
            .iter()
            .flat_map(|&g| self.chart.dotted_reports(g).to_vec())
            .collect();
        if self
            .chart
            .apply(Edit::RemoveNode { id, keep_reports })
            .is_err()
        {
            return;
        }
        for g in gone {
            self.touched.insert(g);
            if self.added.remove(&g) {
                self.expected.remove(&g);
            } else {
                self.expected
                    .insert(g, BTreeSet::from(["removed".to_owned()]));
            }
        }
        if keep_reports {
            for report in reports {
                if !self.added.contains(&report) {
                    self.expect(report, "moved");
                }
            }
        }
        for from in dotted_in {
            if self.chart.contains(from) && !self.added.contains(&from) {
                self.expect(from, "changed:dotted");
            }
        }
        // A report moved up under a manager it had a dotted line to loses that line.
        for (id, before) in reports_dotted {
            let after = self.chart.node(id).map(|n| n.dotted.clone());
            if after.is_some_and(|after| after != before) && !self.added.contains(&id) {
                self.expect(id, "changed:dotted");
            }
        }
    }

    /// Drops what later edits undid: a node moved back under its old manager, a dotted
    /// line added to a node that was later removed.
    fn settle(mut self) -> Expected {
        for (&id, kinds) in self.expected.iter_mut() {
            if !self.chart.contains(id) || self.added.contains(&id) {
                continue;
            }
            if self.chart.parent(id) == self.original.parent(id) {
                kinds.remove("moved");
            }
            let dotted = |chart: &Chart| -> BTreeSet<NodeId> {
                chart
                    .node(id)
                    .map(|n| n.dotted.iter().copied().collect())
                    .unwrap_or_default()
            };
            if dotted(&self.chart) == dotted(&self.original) {
                kinds.remove("changed:dotted");
            }
        }
        self.expected.retain(|_, kinds| !kinds.is_empty());
        self.expected
    }
}

fn found(diff: &Diff) -> Expected {
    let mut out = Expected::new();
    for change in &diff.changes {
        let label = match &change.what {
            What::Added => "added".to_owned(),
            What::Removed { .. } => "removed".to_owned(),
            What::Moved { .. } => "moved".to_owned(),
            What::Changed(field) => format!("changed:{}", field.field().name()),
        };
        assert!(
            out.entry(change.id).or_default().insert(label.clone()),
            "{label} listed twice for {}",
            change.id
        );
    }
    out
}

/// `chart` with every id moved up by `by` (refs untouched).
fn renumbered(chart: &Chart, by: u32) -> Chart {
    let shift = |id: NodeId| NodeId(id.0 + by);
    let records = chart
        .sorted_ids()
        .into_iter()
        .filter_map(|id| {
            let mut node = chart.node(id)?.clone();
            node.dotted = node.dotted.iter().map(|&d| shift(d)).collect();
            Some(NodeRecord {
                id: shift(id),
                node: Box::new(node),
                reports: chart.children(id).iter().map(|&c| shift(c)).collect(),
            })
        })
        .collect();
    let roots = chart.roots().iter().map(|&r| shift(r)).collect();
    Chart::from_records(
        chart.title().to_owned(),
        chart.organisation().to_owned(),
        roots,
        records,
    )
    .expect("the same chart, renumbered")
}

fn with_refs(mut chart: Chart) -> Chart {
    for id in chart.sorted_ids() {
        chart
            .apply(Edit::SetField {
                id,
                field: Field::Reference(Some(format!("R{}", id.0))),
            })
            .expect("ref");
    }
    chart
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_diff_lists_exactly_what_the_edits_touched(
        size in 12usize..60,
        seed in 0u64..1_000,
        ops in prop::collection::vec(op(), 0..12),
    ) {
        let original = with_refs(generate(size, seed, Shape::Organisation));
        let same = diff(&Side::chart(&original), &Side::chart(&original), None);
        prop_assert!(same.is_empty(), "{:?}", same.changes);

        let mut editing = Editing {
            chart: original.clone(),
            original: original.clone(),
            touched: BTreeSet::new(),
            added: BTreeSet::new(),
            expected: Expected::new(),
        };
        for op in &ops {
            editing.apply(op);
        }
        // Added nodes get refs of their own, so they match nothing by ref either.
        for &id in &editing.added.clone() {
            let field = Field::Reference(Some(format!("new-{}", id.0)));
            editing.chart.apply(Edit::SetField { id, field }).expect("ref");
        }
        let edited = editing.chart.clone();
        let expected = editing.settle();

        let by_id = diff(&Side::chart(&original), &Side::chart(&edited), Some(MatchBy::Id));
        prop_assert_eq!(found(&by_id), expected.clone());

        // Renumbered, the same changes are found by ref, under the new ids.
        let shifted = renumbered(&edited, 100_000);
        let by_ref = diff(&Side::chart(&original), &Side::chart(&shifted), Some(MatchBy::Ref));
        let has_posts = edited.tree_order().any(|id| edited.node(id).is_some_and(|n| n.kind.is_post()));
        if has_posts {
            let chosen = diff(&Side::chart(&original), &Side::chart(&shifted), None);
            prop_assert_eq!(chosen.match_by, MatchBy::Ref, "both carry refs");
        }
        let moved_up: Expected = expected
            .iter()
            .map(|(&id, kinds)| {
                let removed = kinds.contains("removed");
                (if removed { id } else { NodeId(id.0 + 100_000) }, kinds.clone())
            })
            .collect();
        prop_assert_eq!(found(&by_ref), moved_up);
    }
}
