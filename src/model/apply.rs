//! [`Chart::apply`]: the one function that changes a chart.
//!
//! Each edit is checked by [`super::check`] before anything changes, so a refused edit
//! leaves the chart as it was; a refused step inside a batch rolls the earlier steps back.

use rustc_hash::FxHashSet;

use super::chart::{Chart, Shape, Slot};
use super::check::{check_step, keep_reports_error, keep_reports_steps};
use super::edit::{ChartText, Edit, Field, RemovedSubtree};
use super::error::EditError;
use super::node::{Node, NodeId};

impl Chart {
    /// Validates and applies `edit`, returning the edit that undoes it.
    /// On error the chart is unchanged; [`Chart::check`] gives the same answer without
    /// applying.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Batch(edits) => self.apply_batch(edits),
            Edit::RemoveNode {
                id,
                keep_reports: true,
            } => {
                let node = self.name(id);
                if !self.contains(id) {
                    return Err(EditError::UnknownNode(id));
                }
                let steps = keep_reports_steps(self, id);
                self.apply_batch(steps)
                    .map_err(|error| keep_reports_error(node, error))
            }
            edit => {
                check_step(self, &edit)?;
                Ok(self.apply_checked(edit))
            }
        }
    }

    /// Applies a checked edit that is not a batch, returning its inverse.
    fn apply_checked(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::SetChartText { which, text } => {
                let slot = match which {
                    ChartText::Title => &mut self.title,
                    ChartText::Organisation => &mut self.organisation,
                };
                let old = std::mem::replace(slot, text);
                Edit::SetChartText { which, text: old }
            }
            Edit::AddNode {
                id,
                parent,
                index,
                node,
            } => {
                self.insert_slot(id, parent, index, node);
                self.register_dotted_out(id);
                Edit::RemoveNode {
                    id,
                    keep_reports: false,
                }
            }
            Edit::RemoveNode { id, .. } => self.remove_subtree(id),
            Edit::RestoreSubtree(removed) => self.restore_subtree(*removed),
            Edit::Move { id, parent, index } => {
                let old_parent = self.parent(id);
                let old_index = self.detach(id);
                self.attach(id, parent, index);
                Edit::Move {
                    id,
                    parent: old_parent,
                    index: old_index,
                }
            }
            Edit::SetField { id, field } => self.set_field(id, field),
            Edit::AddDotted { from, to, index } => {
                self.link_dotted(from, to, index);
                Edit::RemoveDotted { from, to }
            }
            Edit::RemoveDotted { from, to } => {
                let index = self
                    .node(from)
                    .and_then(|n| n.dotted.iter().position(|&t| t == to));
                self.unlink_dotted(from, to);
                Edit::AddDotted {
                    from,
                    to,
                    index: index.unwrap_or(0),
                }
            }
            Edit::Batch(edits) => Edit::Batch(edits),
            duty_edit => self.apply_duty_edit(duty_edit),
        }
    }

    /// Applies a checked duty edit.
    fn apply_duty_edit(&mut self, edit: Edit) -> Edit {
        let id = match &edit {
            Edit::InsertDuty { id, .. }
            | Edit::RemoveDuty { id, .. }
            | Edit::MoveDuty { id, .. }
            | Edit::SetDuty { id, .. } => *id,
            _ => return edit,
        };
        let Some(slot) = self.slots.get_mut(id) else {
            return edit;
        };
        let duties = &mut slot.node.duties;
        match edit {
            Edit::InsertDuty { index, text, .. } => {
                duties.insert(index, text);
                Edit::RemoveDuty { id, index }
            }
            Edit::RemoveDuty { index, .. } => {
                let text = duties.remove(index);
                Edit::InsertDuty { id, index, text }
            }
            Edit::MoveDuty { from, to, .. } => {
                let text = duties.remove(from);
                duties.insert(to, text);
                Edit::MoveDuty {
                    id,
                    from: to,
                    to: from,
                }
            }
            Edit::SetDuty { index, text, .. } => {
                let old = std::mem::replace(&mut duties[index], text);
                Edit::SetDuty {
                    id,
                    index,
                    text: old,
                }
            }
            other => other,
        }
    }

    fn remove_subtree(&mut self, id: NodeId) -> Edit {
        let parent = self.parent(id);
        let index = self.index_in_parent(id).unwrap_or(0);
        let members: Vec<NodeId> = self.subtree(id).collect();
        let inside: FxHashSet<NodeId> = members.iter().copied().collect();

        let mut dotted_in = Vec::new();
        for &member in &members {
            for &from in self.dotted_reports(member) {
                if !inside.contains(&from) {
                    let at = self
                        .node(from)
                        .and_then(|n| n.dotted.iter().position(|&to| to == member));
                    dotted_in.push((from, member, at.unwrap_or(0)));
                }
            }
        }
        dotted_in.sort_by_key(|&(from, _, at)| (from, at));

        for &(from, to, _) in &dotted_in {
            self.unlink_dotted(from, to);
        }
        self.detach(id);
        let mut nodes = Vec::with_capacity(members.len());
        let mut parents = Vec::with_capacity(members.len().saturating_sub(1));
        for &member in &members {
            let Some(slot) = self.slots.remove(member) else {
                continue;
            };
            for &to in &slot.node.dotted {
                if !inside.contains(&to) {
                    if let Some(target) = self.slots.get_mut(to) {
                        target.dotted_in.retain(|&from| from != member);
                    }
                }
            }
            if member != id {
                parents.push(slot.parent.unwrap_or(id));
            }
            nodes.push((member, *slot.node));
        }
        Edit::RestoreSubtree(Box::new(RemovedSubtree {
            parent,
            index,
            nodes,
            parents,
            dotted_in,
        }))
    }

    fn restore_subtree(&mut self, removed: RemovedSubtree) -> Edit {
        let RemovedSubtree {
            parent,
            index,
            nodes,
            parents,
            dotted_in,
        } = removed;
        let mut members = Vec::with_capacity(nodes.len());
        for (position, (id, node)) in nodes.into_iter().enumerate() {
            if position == 0 {
                self.insert_slot(id, parent, index, Box::new(node));
            } else {
                let parent_id = parents[position - 1];
                let at = self.children(parent_id).len();
                self.insert_slot(id, Some(parent_id), at, Box::new(node));
            }
            members.push(id);
        }
        for &member in &members {
            self.register_dotted_out(member);
        }
        for (from, to, at) in dotted_in {
            self.link_dotted(from, to, at);
        }
        Edit::RemoveNode {
            id: members[0],
            keep_reports: false,
        }
    }

    fn set_field(&mut self, id: NodeId, field: Field) -> Edit {
        let Some(slot) = self.slots.get_mut(id) else {
            return Edit::SetField { id, field };
        };
        let node = &mut slot.node;
        let old = match field {
            Field::Kind(kind) => Field::Kind(std::mem::replace(&mut node.kind, kind)),
            Field::Title(text) => Field::Title(std::mem::replace(&mut node.title, text)),
            Field::Holder(holder) => Field::Holder(std::mem::replace(&mut node.holder, holder)),
            Field::Headcount(count) => {
                Field::Headcount(std::mem::replace(&mut node.headcount, count))
            }
            Field::Colour(colour) => Field::Colour(std::mem::replace(&mut node.colour, colour)),
            Field::Notes(text) => Field::Notes(std::mem::replace(&mut node.notes, text)),
            Field::Reference(reference) => {
                Field::Reference(std::mem::replace(&mut node.reference, reference))
            }
            Field::Collapsed(folded) => {
                Field::Collapsed(std::mem::replace(&mut node.collapsed, folded))
            }
            Field::Pin(pin) => Field::Pin(std::mem::replace(&mut node.pin, pin)),
            Field::Duties(duties) => Field::Duties(std::mem::replace(&mut node.duties, duties)),
        };
        slot.shape = Shape::of(&slot.node);
        Edit::SetField { id, field: old }
    }

    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    for inverse in inverses.into_iter().rev() {
                        // Each inverse was just produced by a successful apply, so it applies.
                        let _ = self.apply(inverse);
                    }
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    // ---- unchecked building blocks; callers validate first ----

    pub(super) fn insert_slot(
        &mut self,
        id: NodeId,
        parent: Option<NodeId>,
        index: usize,
        node: Box<Node>,
    ) {
        self.slots.insert(
            id,
            Slot {
                shape: Shape::of(&node),
                node,
                parent: None,
                children: Vec::new(),
                dotted_in: Vec::new(),
            },
        );
        self.next_id = self.next_id.max(id.0.saturating_add(1));
        self.attach(id, parent, index);
    }

    pub(super) fn reserve_children(&mut self, id: NodeId, count: usize) {
        if let Some(slot) = self.slots.get_mut(id) {
            slot.children.reserve_exact(count);
        }
    }

    /// Records `id`'s outgoing dotted lines in their targets' reverse index.
    pub(super) fn register_dotted_out(&mut self, id: NodeId) {
        let targets = self
            .node(id)
            .map(|node| node.dotted.clone())
            .unwrap_or_default();
        for to in targets {
            if let Some(target) = self.slots.get_mut(to) {
                target.dotted_in.push(id);
            }
        }
    }

    fn link_dotted(&mut self, from: NodeId, to: NodeId, index: usize) {
        if let Some(slot) = self.slots.get_mut(from) {
            let at = index.min(slot.node.dotted.len());
            slot.node.dotted.insert(at, to);
        }
        if let Some(target) = self.slots.get_mut(to) {
            target.dotted_in.push(from);
        }
    }

    fn unlink_dotted(&mut self, from: NodeId, to: NodeId) {
        if let Some(slot) = self.slots.get_mut(from) {
            slot.node.dotted.retain(|&t| t != to);
        }
        if let Some(target) = self.slots.get_mut(to) {
            target.dotted_in.retain(|&f| f != from);
        }
    }

    /// Takes `id` out of its sibling list and returns where it was.
    fn detach(&mut self, id: NodeId) -> usize {
        let parent = self.parent(id);
        let siblings = match parent {
            Some(parent) => match self.slots.get_mut(parent) {
                Some(slot) => &mut slot.children,
                None => return 0,
            },
            None => &mut self.roots,
        };
        let at = siblings
            .iter()
            .position(|&other| other == id)
            .unwrap_or(siblings.len());
        if at < siblings.len() {
            siblings.remove(at);
        }
        if let Some(slot) = self.slots.get_mut(id) {
            slot.parent = None;
        }
        at
    }

    fn attach(&mut self, id: NodeId, parent: Option<NodeId>, index: usize) {
        let siblings = match parent {
            Some(parent) => match self.slots.get_mut(parent) {
                Some(slot) => &mut slot.children,
                None => return,
            },
            None => &mut self.roots,
        };
        siblings.insert(index.min(siblings.len()), id);
        if let Some(slot) = self.slots.get_mut(id) {
            slot.parent = parent;
        }
    }
}
