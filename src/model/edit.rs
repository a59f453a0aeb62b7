//! The one type every change to a chart goes through.

use super::node::{ChartPoint, Colour, Node, NodeId, NodeKind};

/// One change to a chart. [`crate::model::Chart::apply`] validates it, applies it and
/// returns the edit that undoes it. Edits are plain data, so they can be queued, logged,
/// batched and inverted.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set the chart's title or organisation name.
    SetChartText {
        /// Which text.
        which: ChartText,
        /// The new text.
        text: String,
    },
    /// Add a new node with no subordinates under `parent` (or as a root) at `index`.
    AddNode {
        /// The new node's id; must be unused.
        id: NodeId,
        /// Its manager or unit; `None` adds a root.
        parent: Option<NodeId>,
        /// Its place among its siblings, `0..=len`.
        index: usize,
        /// Its content.
        node: Box<Node>,
    },
    /// Remove a node. With `keep_reports` its subordinates move up to its parent, in its
    /// place; without, its whole subtree goes.
    RemoveNode {
        /// The node to remove.
        id: NodeId,
        /// Keep the subordinates (they move up) instead of removing the subtree.
        keep_reports: bool,
    },
    /// Put back a subtree exactly as it was removed; the inverse of removing a subtree.
    RestoreSubtree(Box<RemovedSubtree>),
    /// Re-parent or reorder: `id` moves under `parent` (or to the roots) at `index`,
    /// counted after it has left its old place. Its subtree moves with it.
    Move {
        /// The node to move.
        id: NodeId,
        /// The new parent; `None` makes it a root.
        parent: Option<NodeId>,
        /// The new place among the new siblings.
        index: usize,
    },
    /// Set one field of a node.
    SetField {
        /// The node.
        id: NodeId,
        /// The field and its new value.
        field: Field,
    },
    /// Insert a duty at `index` (`0..=len`).
    InsertDuty {
        /// The node.
        id: NodeId,
        /// Where the duty goes.
        index: usize,
        /// The duty's text.
        text: String,
    },
    /// Remove the duty at `index`.
    RemoveDuty {
        /// The node.
        id: NodeId,
        /// Which duty.
        index: usize,
    },
    /// Move the duty at `from` so that it ends up at `to`.
    MoveDuty {
        /// The node.
        id: NodeId,
        /// The duty's current place.
        from: usize,
        /// Its place afterwards.
        to: usize,
    },
    /// Rewrite the duty at `index`.
    SetDuty {
        /// The node.
        id: NodeId,
        /// Which duty.
        index: usize,
        /// Its new text.
        text: String,
    },
    /// Add a dotted (secondary) reporting line from the post `from` to the position `to`,
    /// at `index` in `from`'s list of dotted managers.
    AddDotted {
        /// The subordinate post.
        from: NodeId,
        /// The dotted-line manager, a position.
        to: NodeId,
        /// Its place in `from`'s list, `0..=len`.
        index: usize,
    },
    /// Remove the dotted line from `from` to `to`.
    RemoveDotted {
        /// The subordinate post.
        from: NodeId,
        /// The dotted-line manager.
        to: NodeId,
    },
    /// Several edits as one step, applied in order; all or nothing.
    Batch(Vec<Edit>),
}

/// The chart-wide texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartText {
    /// The chart's title.
    Title,
    /// The organisation's name.
    Organisation,
}

/// A node field and a value for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// Unit, position or assistant.
    Kind(NodeKind),
    /// The unit's name or the post's title.
    Title(String),
    /// The holder; `None` marks the post vacant.
    Holder(Option<String>),
    /// The headcount, at least 1.
    Headcount(u32),
    /// A unit's colour.
    Colour(Option<Colour>),
    /// Free-text notes.
    Notes(String),
    /// The id in the HR system (`None`: none).
    Reference(Option<String>),
    /// Whether the subtree is folded away.
    Collapsed(bool),
    /// A place chosen by hand (an offset from the manager; see [`Node::pin`]), or `None`
    /// to let layout place the node.
    Pin(Option<ChartPoint>),
    /// The whole list of duties at once.
    Duties(Vec<String>),
}

/// A removed subtree with everything needed to put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedSubtree {
    /// The parent the subtree hung from; `None` for a root.
    pub parent: Option<NodeId>,
    /// Its place among its siblings.
    pub index: usize,
    /// Every node of the subtree in tree order, each with its parent. The first is the
    /// subtree's root; the others follow their parents, siblings in order.
    pub nodes: Vec<(NodeId, Node)>,
    /// For each node after the first, the id of its parent (same order as `nodes[1..]`).
    pub parents: Vec<NodeId>,
    /// Dotted lines from nodes outside the subtree into it: `(from, to, index in from's list)`,
    /// in the order to re-insert them.
    pub dotted_in: Vec<(NodeId, NodeId, usize)>,
}

impl Edit {
    /// The nodes whose own content (what their card shows) this edit may change, or
    /// `None` when it may change how every card looks (the chart's title sets the card
    /// language). Moves and removals change no card's content.
    pub fn touched_cards(&self) -> Option<Vec<NodeId>> {
        let mut ids = Vec::new();
        let mut stack = vec![self];
        while let Some(edit) = stack.pop() {
            match edit {
                Edit::SetChartText { .. } => return None,
                Edit::AddNode { id, .. }
                | Edit::SetField { id, .. }
                | Edit::InsertDuty { id, .. }
                | Edit::RemoveDuty { id, .. }
                | Edit::MoveDuty { id, .. }
                | Edit::SetDuty { id, .. } => ids.push(*id),
                Edit::AddDotted { from, .. } | Edit::RemoveDotted { from, .. } => ids.push(*from),
                Edit::RestoreSubtree(removed) => {
                    ids.extend(removed.nodes.iter().map(|(id, _)| *id))
                }
                Edit::RemoveNode { .. } | Edit::Move { .. } => {}
                Edit::Batch(edits) => stack.extend(edits),
            }
        }
        Some(ids)
    }

    /// True when the edit changes nothing a user would call content: folding only.
    /// [`crate::model::History`] uses this so that folding never makes a chart dirty.
    pub fn is_view_only(&self) -> bool {
        match self {
            Edit::SetField {
                field: Field::Collapsed(_),
                ..
            } => true,
            Edit::Batch(edits) => !edits.is_empty() && edits.iter().all(Edit::is_view_only),
            _ => false,
        }
    }
}
