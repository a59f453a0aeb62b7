//! [`Chart::check`]: whether an edit would be accepted, without applying it.
//!
//! Every precondition of every edit is here, asked through [`Structure`], a read-only
//! view of the chart's shape. [`Chart::apply`] asks the same function before it changes
//! anything, so a check and an apply always agree. A batch is checked step by step on an
//! [`Overlay`]: the chart plus the shape changes of the steps before, recorded for the
//! few nodes they touch, so checking a batch never copies the chart.

use rustc_hash::{FxHashMap, FxHashSet};

use super::chart::Chart;
use super::edit::{Edit, Field, RemovedSubtree};
use super::error::{EditError, ListKind};
use super::node::{Node, NodeId, NodeKind};
use super::rules::{
    check_content, check_dotted, check_headcount, check_parent, check_pin, check_text, DottedEnds,
    NodeName, Rule, TextField,
};

/// What the rules need to know about a chart: its shape and its nodes' names.
pub(super) trait Structure {
    /// The kind of `id`; `None` when there is no such node.
    fn kind(&self, id: NodeId) -> Option<NodeKind>;
    /// The name of `id`, for messages.
    fn name(&self, id: NodeId) -> NodeName;
    /// The solid-line parent of `id`.
    fn parent(&self, id: NodeId) -> Option<NodeId>;
    /// The direct subordinates of `id`.
    fn children(&self, id: NodeId) -> &[NodeId];
    /// The top nodes.
    fn roots(&self) -> &[NodeId];
    /// The dotted-line managers of `id`.
    fn dotted(&self, id: NodeId) -> &[NodeId];
    /// The posts with a dotted line to `id`.
    fn dotted_in(&self, id: NodeId) -> &[NodeId];
    /// How many duties `id` has.
    fn duty_count(&self, id: NodeId) -> usize;
    /// This structure as a trait object, for an overlay on top of it.
    fn as_dyn(&self) -> &dyn Structure;
}

fn siblings<S: Structure + ?Sized>(s: &S, parent: Option<NodeId>) -> &[NodeId] {
    match parent {
        Some(parent) => s.children(parent),
        None => s.roots(),
    }
}

fn is_in_subtree<S: Structure + ?Sized>(s: &S, id: NodeId, ancestor: NodeId) -> bool {
    let mut at = Some(id);
    while let Some(node) = at {
        if node == ancestor {
            return true;
        }
        at = s.parent(node);
    }
    false
}

fn exists<S: Structure + ?Sized>(s: &S, id: NodeId) -> Result<NodeKind, EditError> {
    s.kind(id).ok_or(EditError::UnknownNode(id))
}

/// Checks `index` against a list of `len` items; `at_end` also allows `len` (an insertion).
pub(super) fn check_index(
    what: ListKind,
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

impl Structure for Chart {
    fn kind(&self, id: NodeId) -> Option<NodeKind> {
        self.slots.get(id).map(|slot| slot.node.kind)
    }

    fn name(&self, id: NodeId) -> NodeName {
        self.name(id)
    }

    fn parent(&self, id: NodeId) -> Option<NodeId> {
        Chart::parent(self, id)
    }

    fn children(&self, id: NodeId) -> &[NodeId] {
        Chart::children(self, id)
    }

    fn roots(&self) -> &[NodeId] {
        Chart::roots(self)
    }

    fn dotted(&self, id: NodeId) -> &[NodeId] {
        self.node(id).map_or(&[], |node| node.dotted.as_slice())
    }

    fn dotted_in(&self, id: NodeId) -> &[NodeId] {
        self.dotted_reports(id)
    }

    fn duty_count(&self, id: NodeId) -> usize {
        self.node(id).map_or(0, |node| node.duties.len())
    }

    fn as_dyn(&self) -> &dyn Structure {
        self
    }
}

impl Chart {
    /// Whether `edit` would be accepted, and why not, without changing anything.
    /// `check(edit)` is `Ok` exactly when [`Chart::apply`] would accept `edit`, and gives
    /// the same error when it would not. A batch is checked step by step, each step
    /// against the chart as the earlier steps would leave it.
    pub fn check(&self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Batch(_)
            | Edit::RemoveNode {
                keep_reports: true, ..
            } => Overlay::new(self).check_and_simulate(edit),
            _ => check_step(self, edit),
        }
    }

    /// The name of `id` for messages; an unknown id gets an empty title.
    pub fn name(&self, id: NodeId) -> NodeName {
        NodeName::of(id, self.node(id))
    }
}

/// The steps that remove `id` while keeping its subordinates: each moves up into its
/// place (dropping a dotted line to the new manager, which would repeat it), then `id`
/// goes.
pub(super) fn keep_reports_steps<S: Structure + ?Sized>(s: &S, id: NodeId) -> Vec<Edit> {
    let parent = s.parent(id);
    let index = siblings(s, parent)
        .iter()
        .position(|&other| other == id)
        .unwrap_or(0);
    let mut steps = Vec::new();
    for (offset, &child) in s.children(id).iter().enumerate() {
        if let Some(parent) = parent {
            if s.dotted(child).contains(&parent) {
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
    steps
}

/// Wraps a rule broken while removing `node` with its subordinates kept.
pub(super) fn keep_reports_error(node: NodeName, error: EditError) -> EditError {
    match error {
        EditError::Rule(rule) => EditError::Rule(Rule::KeepReports {
            node,
            because: Box::new(rule),
        }),
        other => other,
    }
}

/// Checks one edit that is not a batch and not a removal keeping subordinates.
pub(super) fn check_step<S: Structure + ?Sized>(s: &S, edit: &Edit) -> Result<(), EditError> {
    let name = |id: NodeId| s.name(id);
    match edit {
        Edit::SetChartText { .. } => Ok(()),
        Edit::AddNode {
            id,
            parent,
            index,
            node,
        } => check_add(s, *id, *parent, *index, node),
        Edit::RemoveNode {
            id,
            keep_reports: false,
        } => exists(s, *id).map(|_| ()),
        Edit::RestoreSubtree(removed) => check_restore(s, removed),
        Edit::Move { id, parent, index } => check_move(s, *id, *parent, *index),
        Edit::SetField { id, field } => check_field(s, *id, field),
        Edit::InsertDuty { id, index, text } => {
            exists(s, *id)?;
            check_index(ListKind::Duty, *index, s.duty_count(*id), true)?;
            Ok(check_text(*id, TextField::Duty(*index), text, &name)?)
        }
        Edit::RemoveDuty { id, index } => {
            exists(s, *id)?;
            check_index(ListKind::Duty, *index, s.duty_count(*id), false)
        }
        Edit::MoveDuty { id, from, to } => {
            exists(s, *id)?;
            let len = s.duty_count(*id);
            check_index(ListKind::Duty, *from, len, false)?;
            check_index(ListKind::Duty, *to, len, false)
        }
        Edit::SetDuty { id, index, text } => {
            exists(s, *id)?;
            check_index(ListKind::Duty, *index, s.duty_count(*id), false)?;
            Ok(check_text(*id, TextField::Duty(*index), text, &name)?)
        }
        Edit::AddDotted { from, to, index } => {
            let from_kind = exists(s, *from)?;
            let to_kind = exists(s, *to)?;
            let ends = DottedEnds {
                from: *from,
                from_kind,
                to: *to,
                to_kind,
                to_is_solid_parent: s.parent(*from) == Some(*to),
                already_listed: s.dotted(*from).contains(to),
            };
            check_dotted(&ends, &name)?;
            check_index(ListKind::DottedLine, *index, s.dotted(*from).len(), true)
        }
        Edit::RemoveDotted { from, to } => {
            exists(s, *from)?;
            if s.dotted(*from).contains(to) {
                Ok(())
            } else {
                Err(Rule::NoSuchDotted {
                    from: name(*from),
                    to: name(*to),
                }
                .into())
            }
        }
        Edit::Batch(_)
        | Edit::RemoveNode {
            keep_reports: true, ..
        } => Overlay::detached(s.as_dyn(), edit),
    }
}

fn parent_kind<S: Structure + ?Sized>(
    s: &S,
    parent: Option<NodeId>,
) -> Result<Option<(NodeId, NodeKind)>, EditError> {
    parent
        .map(|p| exists(s, p).map(|kind| (p, kind)))
        .transpose()
}

fn check_add<S: Structure + ?Sized>(
    s: &S,
    id: NodeId,
    parent: Option<NodeId>,
    index: usize,
    node: &Node,
) -> Result<(), EditError> {
    if s.kind(id).is_some() {
        return Err(EditError::IdInUse(id));
    }
    let parent_info = parent_kind(s, parent)?;
    check_index(ListKind::Sibling, index, siblings(s, parent).len(), true)?;
    let name = |at: NodeId| {
        if at == id {
            NodeName::of(id, Some(node))
        } else {
            s.name(at)
        }
    };
    check_parent(id, node.kind, parent_info, &name)?;
    check_content(id, node, &name)?;
    let mut seen = FxHashSet::default();
    for &to in &node.dotted {
        let to_kind = exists(s, to)?;
        let ends = DottedEnds {
            from: id,
            from_kind: node.kind,
            to,
            to_kind,
            to_is_solid_parent: Some(to) == parent,
            already_listed: !seen.insert(to),
        };
        check_dotted(&ends, &name)?;
    }
    Ok(())
}

fn check_move<S: Structure + ?Sized>(
    s: &S,
    id: NodeId,
    parent: Option<NodeId>,
    index: usize,
) -> Result<(), EditError> {
    let kind = exists(s, id)?;
    let parent_info = parent_kind(s, parent)?;
    if let Some(target) = parent {
        if is_in_subtree(s, target, id) {
            return Err(Rule::Cycle {
                node: s.name(id),
                target: s.name(target),
            }
            .into());
        }
        if s.dotted(id).contains(&target) {
            return Err(Rule::DottedBeforeSolid {
                node: s.name(id),
                target: s.name(target),
            }
            .into());
        }
    }
    check_parent(id, kind, parent_info, &|at| s.name(at))?;
    let stays = s.parent(id) == parent;
    let len_after_leaving = siblings(s, parent).len() - usize::from(stays);
    check_index(ListKind::Sibling, index, len_after_leaving, true)
}

fn check_field<S: Structure + ?Sized>(s: &S, id: NodeId, field: &Field) -> Result<(), EditError> {
    exists(s, id)?;
    let name = |at: NodeId| s.name(at);
    match field {
        Field::Kind(kind) => check_kind(s, id, *kind),
        Field::Headcount(headcount) => Ok(check_headcount(id, *headcount, &name)?),
        Field::Pin(pin) => Ok(check_pin(id, *pin, &name)?),
        Field::Title(text) => Ok(check_text(id, TextField::Title, text, &name)?),
        Field::Holder(Some(text)) => Ok(check_text(id, TextField::Holder, text, &name)?),
        Field::Notes(text) => Ok(check_text(id, TextField::Notes, text, &name)?),
        Field::Reference(Some(text)) => Ok(check_text(id, TextField::Reference, text, &name)?),
        Field::Duties(duties) => {
            for (index, duty) in duties.iter().enumerate() {
                check_text(id, TextField::Duty(index), duty, &name)?;
            }
            Ok(())
        }
        Field::Holder(None) | Field::Reference(None) | Field::Colour(_) | Field::Collapsed(_) => {
            Ok(())
        }
    }
}

fn check_kind<S: Structure + ?Sized>(s: &S, id: NodeId, kind: NodeKind) -> Result<(), EditError> {
    let name = |at: NodeId| s.name(at);
    let refuse = |because: Rule| {
        EditError::Rule(Rule::KindChange {
            node: s.name(id),
            kind,
            because: Box::new(because),
        })
    };
    let parent_info = parent_kind(s, s.parent(id))?;
    check_parent(id, kind, parent_info, &name).map_err(refuse)?;
    for &child in s.children(id) {
        let child_kind = exists(s, child)?;
        check_parent(child, child_kind, Some((id, kind)), &name).map_err(refuse)?;
    }
    if kind == NodeKind::Unit && !s.dotted(id).is_empty() {
        return Err(refuse(Rule::UnitWithDotted { node: s.name(id) }));
    }
    let lines = s.dotted_in(id).len();
    if kind != NodeKind::Position && lines > 0 {
        return Err(refuse(Rule::DottedManagerNotPosition {
            node: s.name(id),
            lines,
        }));
    }
    Ok(())
}

fn malformed(detail: String) -> EditError {
    EditError::Rule(Rule::MalformedRestore { detail })
}

/// Checks that `removed` fits back into the chart exactly as it was taken out.
fn check_restore<S: Structure + ?Sized>(s: &S, removed: &RemovedSubtree) -> Result<(), EditError> {
    if removed.nodes.is_empty() {
        return Err(malformed("a restored subtree has no nodes".into()));
    }
    if removed.parents.len() + 1 != removed.nodes.len() {
        return Err(malformed(format!(
            "a restored subtree of {} nodes needs {} parent entries, not {}",
            removed.nodes.len(),
            removed.nodes.len() - 1,
            removed.parents.len()
        )));
    }
    let root_parent = parent_kind(s, removed.parent)?;
    check_index(
        ListKind::Sibling,
        removed.index,
        siblings(s, removed.parent).len(),
        true,
    )?;
    let restored: FxHashMap<NodeId, &Node> =
        removed.nodes.iter().map(|(id, node)| (*id, node)).collect();
    let name = |id: NodeId| match restored.get(&id) {
        Some(node) => NodeName::of(id, Some(node)),
        None => s.name(id),
    };
    let mut kinds: FxHashMap<NodeId, NodeKind> = FxHashMap::default();
    for (position, (id, node)) in removed.nodes.iter().enumerate() {
        if s.kind(*id).is_some() || kinds.contains_key(id) {
            return Err(EditError::IdInUse(*id));
        }
        let parent = if position == 0 {
            root_parent
        } else {
            let parent_id = removed.parents[position - 1];
            let &parent_kind = kinds.get(&parent_id).ok_or_else(|| {
                malformed(format!(
                    "in a restored subtree, {}'s parent {parent_id} must come before it",
                    name(*id)
                ))
            })?;
            Some((parent_id, parent_kind))
        };
        check_parent(*id, node.kind, parent, &name)?;
        check_content(*id, node, &name)?;
        kinds.insert(*id, node.kind);
    }
    for (position, (id, node)) in removed.nodes.iter().enumerate() {
        let solid_parent = if position == 0 {
            removed.parent
        } else {
            Some(removed.parents[position - 1])
        };
        let mut seen = FxHashSet::default();
        for &to in &node.dotted {
            let to_kind = kinds
                .get(&to)
                .copied()
                .or_else(|| s.kind(to))
                .ok_or(EditError::UnknownNode(to))?;
            let ends = DottedEnds {
                from: *id,
                from_kind: node.kind,
                to,
                to_kind,
                to_is_solid_parent: Some(to) == solid_parent,
                already_listed: !seen.insert(to),
            };
            check_dotted(&ends, &name)?;
        }
    }
    check_dotted_into(s, removed, &restored, &name)
}

/// Checks the dotted lines from outside a restored subtree that lead back into it.
fn check_dotted_into<S: Structure + ?Sized>(
    s: &S,
    removed: &RemovedSubtree,
    restored: &FxHashMap<NodeId, &Node>,
    name: &dyn Fn(NodeId) -> NodeName,
) -> Result<(), EditError> {
    let mut added: FxHashMap<NodeId, usize> = FxHashMap::default();
    for &(from, to, at) in &removed.dotted_in {
        if restored.contains_key(&from) {
            return Err(malformed(format!(
                "dotted line {from} → {to} is inside the restored subtree, not into it"
            )));
        }
        let from_kind = exists(s, from)?;
        let Some(to_node) = restored.get(&to) else {
            return Err(malformed(format!(
                "dotted line {from} → {to} does not lead into the restored subtree"
            )));
        };
        let count = added.entry(from).or_insert(0);
        check_index(
            ListKind::DottedLine,
            at,
            s.dotted(from).len() + *count,
            true,
        )?;
        *count += 1;
        let ends = DottedEnds {
            from,
            from_kind,
            to,
            to_kind: to_node.kind,
            to_is_solid_parent: false,
            already_listed: s.dotted(from).contains(&to),
        };
        check_dotted(&ends, name)?;
    }
    Ok(())
}

/// A node's shape as a batch's earlier steps would leave it.
#[derive(Clone, Debug)]
struct Shadow {
    kind: NodeKind,
    title: String,
    parent: Option<NodeId>,
    children: Vec<NodeId>,
    dotted: Vec<NodeId>,
    dotted_in: Vec<NodeId>,
    duties: usize,
}

/// A chart with the shape changes of some edits laid over it, for checking a batch
/// without changing (or copying) the chart. Only what the rules read is kept: kinds,
/// titles (for messages), links, dotted lines and duty counts.
pub(super) struct Overlay<'c> {
    base: &'c dyn Structure,
    /// Changed nodes; `None` marks a removed one.
    nodes: FxHashMap<NodeId, Option<Shadow>>,
    roots: Option<Vec<NodeId>>,
}

impl Structure for Overlay<'_> {
    fn kind(&self, id: NodeId) -> Option<NodeKind> {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().map(|s| s.kind),
            None => self.base.kind(id),
        }
    }

    fn name(&self, id: NodeId) -> NodeName {
        match self.nodes.get(&id) {
            Some(Some(shadow)) => NodeName {
                id,
                kind: shadow.kind,
                title: shadow.title.clone(),
            },
            // Removed by an earlier step: named as the chart names a node it lacks.
            Some(None) => NodeName::of(id, None),
            None => self.base.name(id),
        }
    }

    fn parent(&self, id: NodeId) -> Option<NodeId> {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().and_then(|s| s.parent),
            None => self.base.parent(id),
        }
    }

    fn children(&self, id: NodeId) -> &[NodeId] {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().map_or(&[], |s| s.children.as_slice()),
            None => self.base.children(id),
        }
    }

    fn roots(&self) -> &[NodeId] {
        self.roots.as_deref().unwrap_or_else(|| self.base.roots())
    }

    fn dotted(&self, id: NodeId) -> &[NodeId] {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().map_or(&[], |s| s.dotted.as_slice()),
            None => self.base.dotted(id),
        }
    }

    fn dotted_in(&self, id: NodeId) -> &[NodeId] {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().map_or(&[], |s| s.dotted_in.as_slice()),
            None => self.base.dotted_in(id),
        }
    }

    fn duty_count(&self, id: NodeId) -> usize {
        match self.nodes.get(&id) {
            Some(shadow) => shadow.as_ref().map_or(0, |s| s.duties),
            None => self.base.duty_count(id),
        }
    }

    fn as_dyn(&self) -> &dyn Structure {
        self
    }
}

impl<'c> Overlay<'c> {
    /// `base` with nothing laid over it yet.
    pub(super) fn new(base: &'c dyn Structure) -> Overlay<'c> {
        Overlay {
            base,
            nodes: FxHashMap::default(),
            roots: None,
        }
    }

    /// Checks `edit` against a fresh overlay on `base`.
    fn detached(base: &'c dyn Structure, edit: &Edit) -> Result<(), EditError> {
        Overlay::new(base).check_and_simulate(edit)
    }

    /// Checks `edit` against the overlay as it stands, then lays its changes over it.
    pub(super) fn check_and_simulate(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Batch(steps) => steps
                .iter()
                .try_for_each(|step| self.check_and_simulate(step)),
            Edit::RemoveNode {
                id,
                keep_reports: true,
            } => {
                exists(self, *id)?;
                let steps = keep_reports_steps(self, *id);
                let node = self.name(*id);
                steps
                    .iter()
                    .try_for_each(|step| self.check_and_simulate(step))
                    .map_err(|error| keep_reports_error(node, error))
            }
            _ => {
                check_step(self, edit)?;
                self.simulate(edit);
                Ok(())
            }
        }
    }

    /// The shadow of `id`, made from the base on first write; `None` if it is gone.
    fn shadow(&mut self, id: NodeId) -> Option<&mut Shadow> {
        if !self.nodes.contains_key(&id) {
            let kind = self.base.kind(id)?;
            let shadow = Shadow {
                kind,
                title: self.base.name(id).title,
                parent: self.base.parent(id),
                children: self.base.children(id).to_vec(),
                dotted: self.base.dotted(id).to_vec(),
                dotted_in: self.base.dotted_in(id).to_vec(),
                duties: self.base.duty_count(id),
            };
            self.nodes.insert(id, Some(shadow));
        }
        self.nodes.get_mut(&id).and_then(Option::as_mut)
    }

    fn siblings_mut(&mut self, parent: Option<NodeId>) -> Option<&mut Vec<NodeId>> {
        match parent {
            Some(parent) => self.shadow(parent).map(|s| &mut s.children),
            None => {
                if self.roots.is_none() {
                    self.roots = Some(self.base.roots().to_vec());
                }
                self.roots.as_mut()
            }
        }
    }

    fn detach(&mut self, id: NodeId) {
        let parent = self.parent(id);
        if let Some(list) = self.siblings_mut(parent) {
            list.retain(|&other| other != id);
        }
        if let Some(shadow) = self.shadow(id) {
            shadow.parent = None;
        }
    }

    fn attach(&mut self, id: NodeId, parent: Option<NodeId>, index: usize) {
        if let Some(list) = self.siblings_mut(parent) {
            list.insert(index.min(list.len()), id);
        }
        if let Some(shadow) = self.shadow(id) {
            shadow.parent = parent;
        }
    }

    fn link_dotted(&mut self, from: NodeId, to: NodeId, index: usize) {
        if let Some(shadow) = self.shadow(from) {
            let at = index.min(shadow.dotted.len());
            shadow.dotted.insert(at, to);
        }
        if let Some(shadow) = self.shadow(to) {
            shadow.dotted_in.push(from);
        }
    }

    fn unlink_dotted(&mut self, from: NodeId, to: NodeId) {
        if let Some(shadow) = self.shadow(from) {
            shadow.dotted.retain(|&t| t != to);
        }
        if let Some(shadow) = self.shadow(to) {
            shadow.dotted_in.retain(|&f| f != from);
        }
    }

    fn add(&mut self, id: NodeId, node: &Node, parent: Option<NodeId>, index: usize) {
        self.nodes.insert(
            id,
            Some(Shadow {
                kind: node.kind,
                title: node.title.clone(),
                parent: None,
                children: Vec::new(),
                dotted: Vec::new(),
                dotted_in: Vec::new(),
                duties: node.duties.len(),
            }),
        );
        self.attach(id, parent, index);
        for (at, &to) in node.dotted.iter().enumerate() {
            self.link_dotted(id, to, at);
        }
    }

    fn remove_subtree(&mut self, root: NodeId) {
        let mut members = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            members.push(id);
            stack.extend(self.children(id).iter().copied());
        }
        let inside: FxHashSet<NodeId> = members.iter().copied().collect();
        for &member in &members {
            for from in self.dotted_in(member).to_vec() {
                if !inside.contains(&from) {
                    self.unlink_dotted(from, member);
                }
            }
            for to in self.dotted(member).to_vec() {
                if !inside.contains(&to) {
                    self.unlink_dotted(member, to);
                }
            }
        }
        self.detach(root);
        for member in members {
            self.nodes.insert(member, None);
        }
    }

    /// Lays the shape changes of `edit` (already checked) over the chart.
    fn simulate(&mut self, edit: &Edit) {
        match edit {
            Edit::SetChartText { .. } => {}
            Edit::AddNode {
                id,
                parent,
                index,
                node,
            } => self.add(*id, node, *parent, *index),
            Edit::RemoveNode { id, .. } => self.remove_subtree(*id),
            Edit::RestoreSubtree(removed) => {
                for (position, (id, node)) in removed.nodes.iter().enumerate() {
                    let (parent, index) = if position == 0 {
                        (removed.parent, removed.index)
                    } else {
                        let parent = removed.parents[position - 1];
                        (Some(parent), self.children(parent).len())
                    };
                    self.add(*id, node, parent, index);
                }
                for &(from, to, at) in &removed.dotted_in {
                    self.link_dotted(from, to, at);
                }
            }
            Edit::Move { id, parent, index } => {
                self.detach(*id);
                self.attach(*id, *parent, *index);
            }
            Edit::SetField { id, field } => match field {
                Field::Kind(kind) => {
                    if let Some(shadow) = self.shadow(*id) {
                        shadow.kind = *kind;
                    }
                }
                Field::Title(title) => {
                    if let Some(shadow) = self.shadow(*id) {
                        shadow.title.clone_from(title);
                    }
                }
                Field::Duties(duties) => {
                    if let Some(shadow) = self.shadow(*id) {
                        shadow.duties = duties.len();
                    }
                }
                _ => {}
            },
            Edit::InsertDuty { id, .. } => {
                if let Some(shadow) = self.shadow(*id) {
                    shadow.duties += 1;
                }
            }
            Edit::RemoveDuty { id, .. } => {
                if let Some(shadow) = self.shadow(*id) {
                    shadow.duties = shadow.duties.saturating_sub(1);
                }
            }
            Edit::MoveDuty { .. } | Edit::SetDuty { .. } => {}
            Edit::AddDotted { from, to, index } => self.link_dotted(*from, *to, *index),
            Edit::RemoveDotted { from, to } => self.unlink_dotted(*from, *to),
            Edit::Batch(steps) => steps.iter().for_each(|step| self.simulate(step)),
        }
    }
}
