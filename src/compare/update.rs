//! Bringing a chart up to date with its HR system: structure, titles and holders come
//! from the HR file; the chart's own duties, notes, colours, pins, dotted lines and
//! hand-made units are kept for the posts that match.
//!
//! [`plan`] compares the chart (old) with the file (new) and lists the changes an update
//! would make; [`UpdatePlan::apply`] turns the chosen ones into edits, checked one by one on a copy
//! of the chart, so what cannot be done (an assistant given reports, say) is skipped and
//! told, and the rest applies as one undoable step.

use rustc_hash::FxHashMap;

use super::changes::diff_paired;
use super::matching::{MatchBy, Pairing};
use super::side::{Carries, Side};
use super::{Change, Diff, FieldChange, What};
use crate::model::{Chart, Edit, Field, NodeId};

/// The changes an update from an HR file would make, and how its nodes match the chart's.
#[derive(Clone, Debug)]
pub struct UpdatePlan {
    /// The changes (old: the chart; new: the HR file's chart).
    pub diff: Diff,
    pairing: Pairing,
}

/// The result of applying a plan.
#[derive(Clone, Debug)]
pub struct Applied {
    /// The edits, in order; applied to the chart as one batch they make `chart`.
    pub edits: Vec<Edit>,
    /// The chart after the edits.
    pub chart: Chart,
    /// Changes that could not be applied: the change's index in the plan and why.
    pub skipped: Vec<(usize, String)>,
}

/// What an update takes from the HR file: structure, titles, holders, kinds and
/// headcounts (as far as it has them), and units when its departments became units.
fn taken_from_file(file: Carries) -> Carries {
    Carries {
        duties: false,
        notes: false,
        dotted: false,
        colour: false,
        reference: false,
        ..file
    }
}

/// The changes updating `chart` from `file` (the chart imported from an HR file, which
/// carries `carries`) would make. Nodes match by ref, or as [`super::matching::choose`]
/// decides when `by` is `None`.
pub fn plan(chart: &Chart, file: &Chart, carries: Carries, by: Option<MatchBy>) -> UpdatePlan {
    let old = Side::chart(chart);
    let new = Side {
        chart: file,
        carries: taken_from_file(carries),
        hr_file: true,
    };
    let (diff, pairing) = diff_paired(&old, &new, by);
    UpdatePlan { diff, pairing }
}

impl UpdatePlan {
    /// Applies the chosen changes to a copy of `chart`: change `i` is chosen when
    /// `chosen[i]` is true or `chosen` has no entry `i` (so `&[]` applies them all).
    /// New posts come first (each under its manager), then moves (managers before their
    /// reports), then titles, holders, kinds and headcounts, then removals, which keep
    /// the removed post's reports (they move up).
    pub fn apply(&self, chart: &Chart, file: &Chart, chosen: &[bool]) -> Applied {
        let is_chosen = |at: usize| chosen.get(at).copied().unwrap_or(true);
        let mut run = Run {
            chart: chart.clone(),
            file,
            pairing: &self.pairing,
            created: FxHashMap::default(),
            edits: Vec::new(),
            skipped: Vec::new(),
        };
        let changes = &self.diff.changes;
        let chosen_of = |kind: fn(&What) -> bool| {
            changes
                .iter()
                .enumerate()
                .filter(move |(at, c)| is_chosen(*at) && kind(&c.what))
        };
        for (at, change) in chosen_of(|w| matches!(w, What::Added)) {
            run.add(at, change);
        }
        for (at, change) in chosen_of(|w| matches!(w, What::Moved { .. })) {
            run.move_node(at, change);
        }
        for (at, change) in chosen_of(|w| matches!(w, What::Changed(_))) {
            run.set_field(at, change);
        }
        for (at, change) in chosen_of(|w| matches!(w, What::Removed { .. })) {
            run.try_edit(
                at,
                Edit::RemoveNode {
                    id: change.id,
                    keep_reports: true,
                },
            );
        }
        Applied {
            edits: run.edits,
            chart: run.chart,
            skipped: run.skipped,
        }
    }
}

/// An update under way, on a copy of the chart.
struct Run<'a> {
    chart: Chart,
    file: &'a Chart,
    pairing: &'a Pairing,
    /// The chart's id of each node of the file added so far.
    created: FxHashMap<NodeId, NodeId>,
    edits: Vec<Edit>,
    skipped: Vec<(usize, String)>,
}

impl Run<'_> {
    /// The chart's node for the file's node `id`: its match, or the node added for it.
    fn in_chart(&self, id: NodeId) -> Option<NodeId> {
        self.created
            .get(&id)
            .copied()
            .or_else(|| self.pairing.old_of(id))
            .filter(|&found| self.chart.contains(found))
    }

    /// The chart's node for the file's `id` or, if it is not in the chart (an added node
    /// not chosen), for its nearest ancestor that is; `None` for the top.
    fn nearest_in_chart(&self, id: Option<NodeId>) -> Option<NodeId> {
        let id = id?;
        std::iter::once(id)
            .chain(self.file.ancestors(id))
            .find_map(|at| self.in_chart(at))
    }

    fn try_edit(&mut self, at: usize, edit: Edit) -> bool {
        match self.chart.apply(edit.clone()) {
            Ok(_) => {
                self.edits.push(edit);
                true
            }
            Err(error) => {
                self.skipped.push((at, error.to_string()));
                false
            }
        }
    }

    fn add(&mut self, at: usize, change: &Change) {
        let Some(node) = self.file.node(change.id) else {
            return;
        };
        let parent = self.nearest_in_chart(self.file.parent(change.id));
        let index = parent.map_or(self.chart.roots().len(), |p| self.chart.children(p).len());
        let mut node = node.clone();
        node.dotted.clear();
        node.pin = None;
        node.collapsed = false;
        let id = self.chart.fresh_id();
        let added = self.try_edit(
            at,
            Edit::AddNode {
                id,
                parent,
                index,
                node: Box::new(node),
            },
        );
        if added {
            self.created.insert(change.id, id);
        }
    }

    fn move_node(&mut self, at: usize, change: &Change) {
        let (Some(old_id), What::Moved { to, .. }) = (change.old_id, &change.what) else {
            return;
        };
        let parent = self.nearest_in_chart(*to);
        if to.is_some() && parent.is_none() {
            self.skipped
                .push((at, "its new manager is not in the chart".to_owned()));
            return;
        }
        let index = parent.map_or(self.chart.roots().len(), |p| {
            let siblings = self.chart.children(p);
            siblings.len() - usize::from(siblings.contains(&old_id))
        });
        self.try_edit(
            at,
            Edit::Move {
                id: old_id,
                parent,
                index,
            },
        );
    }

    fn set_field(&mut self, at: usize, change: &Change) {
        let (Some(old_id), What::Changed(field)) = (change.old_id, &change.what) else {
            return;
        };
        let field = match field {
            FieldChange::Title { new, .. } => Field::Title(new.clone()),
            FieldChange::Holder { new, .. } => Field::Holder(new.clone()),
            FieldChange::Kind { new, .. } => Field::Kind(*new),
            FieldChange::Headcount { new, .. } => Field::Headcount(*new),
            // An update keeps the chart's own duties, notes, dotted lines, colours and refs.
            _ => return,
        };
        self.try_edit(at, Edit::SetField { id: old_id, field });
    }
}
