//! [`Chart::apply`]: the one function that changes a chart.
//!
//! Each edit is validated before anything changes, so a refused edit leaves the chart as
//! it was; a refused step inside a batch rolls the earlier steps back.

use rustc_hash::FxHashSet;

use super::chart::{Chart, Shape, Slot};
use super::edit::{ChartText, Edit, Field, RemovedSubtree};
use super::error::EditError;
use super::node::{Node, NodeId, NodeKind};
use super::rules::{check_dotted, check_headcount, check_parent, DottedEnds};

impl Chart {
    /// Validates and applies `edit`, returning the edit that undoes it.
    /// On error the chart is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::SetChartText { which, text } => {
                let slot = match which {
                    ChartText::Title => &mut self.title,
                    ChartText::Organisation => &mut self.organisation,
                };
                let old = std::mem::replace(slot, text);
                Ok(Edit::SetChartText { which, text: old })
            }
            Edit::AddNode {
                id,
                parent,
                index,
                node,
            } => self.add_node(id, parent, index, *node),
            Edit::RemoveNode {
                id,
                keep_reports: false,
            } => self.remove_subtree(id),
            Edit::RemoveNode {
                id,
                keep_reports: true,
            } => self.remove_keeping_reports(id),
            Edit::RestoreSubtree(removed) => self.restore_subtree(*removed),
            Edit::Move { id, parent, index } => self.move_node(id, parent, index),
            Edit::SetField { id, field } => self.set_field(id, field),
            Edit::InsertDuty { id, index, text } => {
                let duties = self.duties_mut(id)?;
                check_index("duty", index, duties.len(), true)?;
                duties.insert(index, text);
                Ok(Edit::RemoveDuty { id, index })
            }
            Edit::RemoveDuty { id, index } => {
                let duties = self.duties_mut(id)?;
                check_index("duty", index, duties.len(), false)?;
                let text = duties.remove(index);
                Ok(Edit::InsertDuty { id, index, text })
            }
            Edit::MoveDuty { id, from, to } => {
                let duties = self.duties_mut(id)?;
                check_index("duty", from, duties.len(), false)?;
                check_index("duty", to, duties.len(), false)?;
                let text = duties.remove(from);
                duties.insert(to, text);
                Ok(Edit::MoveDuty {
                    id,
                    from: to,
                    to: from,
                })
            }
            Edit::SetDuty { id, index, text } => {
                let duties = self.duties_mut(id)?;
                check_index("duty", index, duties.len(), false)?;
                let old = std::mem::replace(&mut duties[index], text);
                Ok(Edit::SetDuty {
                    id,
                    index,
                    text: old,
                })
            }
            Edit::AddDotted { from, to, index } => self.add_dotted(from, to, index),
            Edit::RemoveDotted { from, to } => self.remove_dotted(from, to),
            Edit::Batch(edits) => self.apply_batch(edits),
        }
    }

    /// A new child of `parent` (or a new root) gets placed at `index`.
    fn add_node(
        &mut self,
        id: NodeId,
        parent: Option<NodeId>,
        index: usize,
        node: Node,
    ) -> Result<Edit, EditError> {
        if self.contains(id) {
            return Err(EditError::IdInUse(id));
        }
        let parent_info = self.parent_info(parent)?;
        check_index("sibling", index, self.sibling_count(parent), true)?;
        let label = node.label(id);
        check_parent(node.kind, &label, as_ref(&parent_info)).map_err(EditError::Rule)?;
        check_headcount(&label, node.headcount).map_err(EditError::Rule)?;
        let mut seen = FxHashSet::default();
        for &to in &node.dotted {
            let to_node = self.node(to).ok_or(EditError::UnknownNode(to))?;
            check_dotted(&DottedEnds {
                from_kind: node.kind,
                from_label: &label,
                to_kind: to_node.kind,
                to_label: &self.label(to),
                same_node: to == id,
                to_is_solid_parent: Some(to) == parent,
                already_listed: !seen.insert(to),
            })
            .map_err(EditError::Rule)?;
        }
        self.insert_slot(id, parent, index, node);
        self.register_dotted_out(id);
        Ok(Edit::RemoveNode {
            id,
            keep_reports: false,
        })
    }

    fn remove_subtree(&mut self, id: NodeId) -> Result<Edit, EditError> {
        let parent = self.slot(id)?.parent;
        let index = self.index_in_parent(id).unwrap_or(0);
        let members: Vec<NodeId> = self.subtree(id).collect();
        let inside: FxHashSet<NodeId> = members.iter().copied().collect();

        let mut dotted_in = Vec::new();
        for &member in &members {
            for &from in &self.slot(member)?.dotted_in {
                if !inside.contains(&from) {
                    let at = self
                        .slot(from)?
                        .node
                        .dotted
                        .iter()
                        .position(|&to| to == member);
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
        Ok(Edit::RestoreSubtree(Box::new(RemovedSubtree {
            parent,
            index,
            nodes,
            parents,
            dotted_in,
        })))
    }

    fn remove_keeping_reports(&mut self, id: NodeId) -> Result<Edit, EditError> {
        let label = self.label(id);
        let slot = self.slot(id)?;
        let parent = slot.parent;
        let index = self.index_in_parent(id).unwrap_or(0);
        let mut steps = Vec::new();
        for (offset, &child) in slot.children.iter().enumerate() {
            if let Some(parent) = parent {
                if self.node(child).is_some_and(|c| c.dotted.contains(&parent)) {
                    steps.push(Edit::RemoveDotted {
                        from: child,
                        to: parent,
                    });
                }
            }
            steps.push(Edit::Move {
                id: child,
                parent,
                index: index + 1 + offset,
            });
        }
        steps.push(Edit::RemoveNode {
            id,
            keep_reports: false,
        });
        self.apply_batch(steps).map_err(|error| match error {
            EditError::Rule(why) => EditError::Rule(format!(
                "{label} cannot be removed with its subordinates kept: {why}"
            )),
            other => other,
        })
    }

    fn restore_subtree(&mut self, removed: RemovedSubtree) -> Result<Edit, EditError> {
        self.check_restore(&removed)?;
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
                self.insert_slot(id, parent, index, node);
            } else {
                let parent_id = parents[position - 1];
                let at = self.children(parent_id).len();
                self.insert_slot(id, Some(parent_id), at, node);
            }
            members.push(id);
        }
        for &member in &members {
            self.register_dotted_out(member);
        }
        for (from, to, at) in dotted_in {
            self.link_dotted(from, to, at);
        }
        Ok(Edit::RemoveNode {
            id: members[0],
            keep_reports: false,
        })
    }

    /// Validates a [`RemovedSubtree`] against the chart without changing anything.
    fn check_restore(&self, removed: &RemovedSubtree) -> Result<(), EditError> {
        if removed.nodes.is_empty() {
            return Err(EditError::Rule(
                "a restored subtree needs at least one node".into(),
            ));
        }
        if removed.parents.len() + 1 != removed.nodes.len() {
            return Err(EditError::Rule(format!(
                "a restored subtree of {} nodes needs {} parent entries, not {}",
                removed.nodes.len(),
                removed.nodes.len() - 1,
                removed.parents.len()
            )));
        }
        let root_parent = self.parent_info(removed.parent)?;
        check_index(
            "sibling",
            removed.index,
            self.sibling_count(removed.parent),
            true,
        )?;
        let mut kinds = rustc_hash::FxHashMap::default();
        for (position, (id, node)) in removed.nodes.iter().enumerate() {
            if self.contains(*id) || kinds.contains_key(id) {
                return Err(EditError::IdInUse(*id));
            }
            let label = node.label(*id);
            let parent = if position == 0 {
                root_parent.clone()
            } else {
                let parent_id = removed.parents[position - 1];
                let &parent_kind = kinds.get(&parent_id).ok_or_else(|| {
                    EditError::Rule(format!(
                        "in a restored subtree, {label}'s parent {parent_id} must come before it"
                    ))
                })?;
                Some((parent_kind, format!("node {parent_id}")))
            };
            check_parent(node.kind, &label, as_ref(&parent)).map_err(EditError::Rule)?;
            check_headcount(&label, node.headcount).map_err(EditError::Rule)?;
            kinds.insert(*id, node.kind);
        }
        let restored: rustc_hash::FxHashMap<NodeId, &Node> =
            removed.nodes.iter().map(|(id, node)| (*id, node)).collect();
        let kind_of = |id: NodeId| {
            restored
                .get(&id)
                .map(|node| node.kind)
                .or_else(|| self.node(id).map(|node| node.kind))
        };
        for (position, (id, node)) in removed.nodes.iter().enumerate() {
            let solid_parent = if position == 0 {
                removed.parent
            } else {
                Some(removed.parents[position - 1])
            };
            let mut seen = FxHashSet::default();
            for &to in &node.dotted {
                let to_kind = kind_of(to).ok_or(EditError::UnknownNode(to))?;
                check_dotted(&DottedEnds {
                    from_kind: node.kind,
                    from_label: &node.label(*id),
                    to_kind,
                    to_label: &format!("node {to}"),
                    same_node: to == *id,
                    to_is_solid_parent: Some(to) == solid_parent,
                    already_listed: !seen.insert(to),
                })
                .map_err(EditError::Rule)?;
            }
        }
        let mut added: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
        for &(from, to, at) in &removed.dotted_in {
            if restored.contains_key(&from) {
                return Err(EditError::Rule(format!(
                    "dotted line {from} → {to} is inside the restored subtree, not into it"
                )));
            }
            let from_slot = self.slot(from)?;
            let to_node = restored.get(&to).ok_or_else(|| {
                EditError::Rule(format!(
                    "dotted line {from} → {to} does not lead into the restored subtree"
                ))
            })?;
            let count = added.entry(from).or_insert(0);
            check_index(
                "dotted line",
                at,
                from_slot.node.dotted.len() + *count,
                true,
            )?;
            *count += 1;
            check_dotted(&DottedEnds {
                from_kind: from_slot.node.kind,
                from_label: &self.label(from),
                to_kind: to_node.kind,
                to_label: &to_node.label(to),
                same_node: false,
                to_is_solid_parent: false,
                already_listed: from_slot.node.dotted.contains(&to),
            })
            .map_err(EditError::Rule)?;
        }
        Ok(())
    }

    fn move_node(
        &mut self,
        id: NodeId,
        parent: Option<NodeId>,
        index: usize,
    ) -> Result<Edit, EditError> {
        let node = &self.slot(id)?.node;
        let parent_info = self.parent_info(parent)?;
        if let Some(target) = parent {
            if self.is_in_subtree(target, id) {
                return Err(EditError::Cycle {
                    node: self.label(id),
                    target: self.label(target),
                });
            }
            if node.dotted.contains(&target) {
                return Err(EditError::Rule(format!(
                    "{} has a dotted line to {}; remove it before making that its solid-line manager",
                    self.label(id),
                    self.label(target)
                )));
            }
        }
        check_parent(node.kind, &self.label(id), as_ref(&parent_info)).map_err(EditError::Rule)?;
        let old_parent = self.parent(id);
        let stays = old_parent == parent;
        let len_after_leaving = self.sibling_count(parent) - usize::from(stays);
        check_index("sibling", index, len_after_leaving, true)?;
        let old_index = self.detach(id);
        self.attach(id, parent, index);
        Ok(Edit::Move {
            id,
            parent: old_parent,
            index: old_index,
        })
    }

    fn set_field(&mut self, id: NodeId, field: Field) -> Result<Edit, EditError> {
        let label = self.label(id);
        let slot = self.slot(id)?;
        match &field {
            Field::Kind(kind) => {
                let kind = *kind;
                let fail = |why: String| {
                    EditError::Rule(format!("{label} cannot become {}: {why}", article(kind)))
                };
                let parent_info = self.parent_info(slot.parent)?;
                check_parent(kind, &label, as_ref(&parent_info)).map_err(fail)?;
                for &child in &slot.children {
                    let child_kind = self.slot(child)?.node.kind;
                    check_parent(child_kind, &self.label(child), Some((kind, &label)))
                        .map_err(fail)?;
                }
                if kind == NodeKind::Unit && !slot.node.dotted.is_empty() {
                    return Err(fail(
                        "units have no dotted lines; remove its dotted lines first".into(),
                    ));
                }
                if kind != NodeKind::Position && !slot.dotted_in.is_empty() {
                    return Err(fail(format!(
                        "{} dotted line(s) lead to it, and only a position can be a dotted-line manager",
                        slot.dotted_in.len()
                    )));
                }
            }
            Field::Headcount(headcount) => {
                check_headcount(&label, *headcount).map_err(EditError::Rule)?;
            }
            Field::Pin(Some(point)) if !(point.x.is_finite() && point.y.is_finite()) => {
                return Err(EditError::Rule(format!(
                    "{label} cannot be pinned at a non-finite point"
                )));
            }
            _ => {}
        }
        let slot = self.slot_mut(id)?;
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
            Field::Collapsed(folded) => {
                Field::Collapsed(std::mem::replace(&mut node.collapsed, folded))
            }
            Field::Pin(pin) => Field::Pin(std::mem::replace(&mut node.pin, pin)),
            Field::Duties(duties) => Field::Duties(std::mem::replace(&mut node.duties, duties)),
        };
        slot.shape = Shape::of(&slot.node);
        Ok(Edit::SetField { id, field: old })
    }

    fn add_dotted(&mut self, from: NodeId, to: NodeId, index: usize) -> Result<Edit, EditError> {
        let from_slot = self.slot(from)?;
        let to_kind = self.slot(to)?.node.kind;
        check_dotted(&DottedEnds {
            from_kind: from_slot.node.kind,
            from_label: &self.label(from),
            to_kind,
            to_label: &self.label(to),
            same_node: from == to,
            to_is_solid_parent: from_slot.parent == Some(to),
            already_listed: from_slot.node.dotted.contains(&to),
        })
        .map_err(EditError::Rule)?;
        check_index("dotted line", index, from_slot.node.dotted.len(), true)?;
        self.link_dotted(from, to, index);
        Ok(Edit::RemoveDotted { from, to })
    }

    fn remove_dotted(&mut self, from: NodeId, to: NodeId) -> Result<Edit, EditError> {
        let at = self.slot(from)?.node.dotted.iter().position(|&t| t == to);
        let Some(index) = at else {
            return Err(EditError::Rule(format!(
                "{} has no dotted line to {}",
                self.label(from),
                self.label(to)
            )));
        };
        self.unlink_dotted(from, to);
        Ok(Edit::AddDotted { from, to, index })
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
        node: Node,
    ) {
        self.slots.insert(
            id,
            Slot {
                shape: Shape::of(&node),
                node: Box::new(node),
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

    // ---- lookups that fail with an EditError ----

    fn slot(&self, id: NodeId) -> Result<&Slot, EditError> {
        self.slots.get(id).ok_or(EditError::UnknownNode(id))
    }

    fn slot_mut(&mut self, id: NodeId) -> Result<&mut Slot, EditError> {
        self.slots.get_mut(id).ok_or(EditError::UnknownNode(id))
    }

    fn duties_mut(&mut self, id: NodeId) -> Result<&mut Vec<String>, EditError> {
        Ok(&mut self.slot_mut(id)?.node.duties)
    }

    /// The kind and label of a would-be parent, for [`check_parent`].
    fn parent_info(&self, parent: Option<NodeId>) -> Result<Option<(NodeKind, String)>, EditError> {
        parent
            .map(|id| self.slot(id).map(|slot| (slot.node.kind, self.label(id))))
            .transpose()
    }

    fn sibling_count(&self, parent: Option<NodeId>) -> usize {
        match parent {
            Some(parent) => self.children(parent).len(),
            None => self.roots.len(),
        }
    }
}

/// Checks `index` against a list of `len` items; `at_end` also allows `len` (an insertion).
fn check_index(
    what: &'static str,
    index: usize,
    len: usize,
    at_end: bool,
) -> Result<(), EditError> {
    if index < len || (at_end && index == len) {
        Ok(())
    } else {
        Err(EditError::IndexOutOfRange { what, index, len })
    }
}

fn as_ref(info: &Option<(NodeKind, String)>) -> Option<(NodeKind, &str)> {
    info.as_ref().map(|(kind, label)| (*kind, label.as_str()))
}

fn article(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Unit => "a unit",
        NodeKind::Position => "a position",
        NodeKind::Assistant => "an assistant",
    }
}
