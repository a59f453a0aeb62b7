//! The walk that lists the changes between two matched sides.
//!
//! - A node of the new side with no match is **added**; one of the old side with no
//!   match is **removed**.
//! - A matched node whose manager (its parent) is not the match of its old manager has
//!   **moved**. Its subtree moved with it, and is not listed again.
//! - Unit cards are looked through (as if their subordinates hung where they hang) when
//!   one side does not carry units, and, when the other side is an HR file, a chart's
//!   unit cards that match none of its departments are the chart's own and are looked
//!   through too: they are neither removed nor a reason to call a post moved.
//! - A matched node's fields are compared as far as both sides carry them.

use rustc_hash::FxHashSet;

use super::duties::line_changes;
use super::matching::{choose, pair, units_compared, MatchBy, Pairing};
use super::side::{Carries, Side};
use super::summary::Summary;
use super::{Change, Diff, FieldChange, What};
use crate::model::{Chart, ChartStats, Node, NodeId, NodeKind};

/// Compares `old` with `new`, matching nodes `by` the way given, or as
/// [`super::matching::choose`] decides.
pub fn diff(old: &Side, new: &Side, by: Option<MatchBy>) -> Diff {
    diff_paired(old, new, by).0
}

/// [`diff`], with the pairing of the nodes it was made from.
pub fn diff_paired(old: &Side, new: &Side, by: Option<MatchBy>) -> (Diff, Pairing) {
    let stats = [ChartStats::of(old.chart), ChartStats::of(new.chart)];
    diff_with_stats(old, new, by, &stats)
}

/// [`diff_paired`] with both charts' figures given (old, new), for a caller that keeps
/// them: the editor compares again after every edit, and counting a big chart's
/// figures from scratch each time was a tenth of that.
pub fn diff_with_stats(
    old: &Side,
    new: &Side,
    by: Option<MatchBy>,
    stats: &[ChartStats; 2],
) -> (Diff, Pairing) {
    let (match_by, pairing) = match by {
        Some(by) => (by, pair(old, new, by)),
        None => choose(old, new),
    };
    let walk = Walk {
        old: *old,
        new: *new,
        pairing: &pairing,
        units: units_compared(old, new),
        carries: old.carries.and(new.carries),
        compare_ref: match_by != MatchBy::Ref && !old.hr_file && !new.hr_file,
    };
    let mut changes = Vec::new();
    walk.new_side(&mut changes);
    walk.old_side(&mut changes);
    let diff = Diff {
        match_by,
        summary: Summary::of(&stats[0], &stats[1]),
        changes,
    };
    (diff, pairing)
}

/// Where a node hangs, in the new chart's ids: at the top, under a new node, or under an
/// old node that has no match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Up {
    Top,
    New(NodeId),
    Gone,
}

struct Walk<'a> {
    old: Side<'a>,
    new: Side<'a>,
    pairing: &'a Pairing,
    units: bool,
    carries: Carries,
    compare_ref: bool,
}

fn is_unit(chart: &Chart, id: NodeId) -> bool {
    chart.node(id).is_some_and(|n| n.kind == NodeKind::Unit)
}

impl Walk<'_> {
    /// True for an old node that is looked through rather than compared.
    fn through_old(&self, id: NodeId) -> bool {
        is_unit(self.old.chart, id)
            && (!self.units || (self.new.hr_file && self.pairing.new_of(id).is_none()))
    }

    /// True for a new node that is looked through rather than compared.
    fn through_new(&self, id: NodeId) -> bool {
        is_unit(self.new.chart, id)
            && (!self.units || (self.old.hr_file && self.pairing.old_of(id).is_none()))
    }

    /// The old node's manager: its nearest ancestor that is not looked through.
    fn manager_old(&self, id: NodeId) -> Option<NodeId> {
        self.old.chart.ancestors(id).find(|&a| !self.through_old(a))
    }

    /// The new node's manager, the same way.
    fn manager_new(&self, id: NodeId) -> Option<NodeId> {
        self.new.chart.ancestors(id).find(|&a| !self.through_new(a))
    }

    fn new_side(&self, changes: &mut Vec<Change>) {
        let new = self.new.chart;
        for id in new.tree_order() {
            if self.through_new(id) {
                continue;
            }
            let Some(node) = new.node(id) else { continue };
            let entry = |old_id, what| Change {
                id,
                old_id,
                node_kind: node.kind,
                title: node.title.clone(),
                holder: node.holder.clone(),
                what,
            };
            let Some(old_id) = self.pairing.old_of(id) else {
                changes.push(entry(None, What::Added));
                continue;
            };
            let Some(old_node) = self.old.chart.node(old_id) else {
                continue;
            };
            if self.carries.structure {
                let from = self.manager_old(old_id);
                let to = self.manager_new(id);
                let was = match from {
                    None => Up::Top,
                    Some(manager) => self.pairing.new_of(manager).map_or(Up::Gone, Up::New),
                };
                let is = to.map_or(Up::Top, Up::New);
                if was != is {
                    changes.push(entry(Some(old_id), What::Moved { from, to }));
                }
            }
            for field in self.fields(old_node, node) {
                changes.push(entry(Some(old_id), What::Changed(field)));
            }
        }
    }

    fn old_side(&self, changes: &mut Vec<Change>) {
        let old = self.old.chart;
        for id in old.tree_order() {
            if self.through_old(id) || self.pairing.new_of(id).is_some() {
                continue;
            }
            let Some(node) = old.node(id) else { continue };
            let manager = self.manager_old(id);
            changes.push(Change {
                id,
                old_id: Some(id),
                node_kind: node.kind,
                title: node.title.clone(),
                holder: node.holder.clone(),
                what: What::Removed {
                    manager,
                    anchor: manager.and_then(|m| self.pairing.new_of(m)),
                },
            });
        }
    }

    /// The fields of a matched pair that differ, as far as both sides carry them.
    fn fields(&self, old: &Node, new: &Node) -> Vec<FieldChange> {
        let carries = &self.carries;
        let mut out = Vec::new();
        if carries.title && old.title != new.title {
            out.push(FieldChange::Title {
                old: old.title.clone(),
                new: new.title.clone(),
            });
        }
        if carries.holder && new.kind.is_post() && old.holder != new.holder {
            out.push(FieldChange::Holder {
                old: old.holder.clone(),
                new: new.holder.clone(),
            });
        }
        if carries.kind && old.kind != new.kind {
            out.push(FieldChange::Kind {
                old: old.kind,
                new: new.kind,
            });
        }
        if carries.headcount && new.kind.is_post() && old.headcount != new.headcount {
            out.push(FieldChange::Headcount {
                old: old.headcount,
                new: new.headcount,
            });
        }
        if carries.duties {
            if let Some((removed, added)) = line_changes(&old.duties, &new.duties) {
                out.push(FieldChange::Duties { removed, added });
            }
        }
        if carries.dotted && !self.same_dotted(old, new) {
            out.push(FieldChange::Dotted {
                old: old.dotted.clone(),
                new: new.dotted.clone(),
            });
        }
        if carries.notes && old.notes != new.notes {
            out.push(FieldChange::Notes {
                old: old.notes.clone(),
                new: new.notes.clone(),
            });
        }
        if carries.colour && old.colour != new.colour {
            out.push(FieldChange::Colour {
                old: old.colour,
                new: new.colour,
            });
        }
        if carries.reference && self.compare_ref && old.reference != new.reference {
            out.push(FieldChange::Reference {
                old: old.reference.clone(),
                new: new.reference.clone(),
            });
        }
        out
    }

    /// True when both have dotted lines to the same (matched) managers, in any order.
    fn same_dotted(&self, old: &Node, new: &Node) -> bool {
        if old.dotted.is_empty() && new.dotted.is_empty() {
            return true;
        }
        let mapped: Option<FxHashSet<NodeId>> = old
            .dotted
            .iter()
            .map(|&manager| self.pairing.new_of(manager))
            .collect();
        mapped.is_some_and(|mapped| mapped == new.dotted.iter().copied().collect())
    }
}
