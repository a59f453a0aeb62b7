//! The chart: a forest of nodes with stable ids, and read-only queries over it.

use rustc_hash::FxHashMap;

use super::id_map::IdMap;
use super::node::{Colour, Node, NodeId, NodeKind};

/// Where a node sits: its content plus its links in the tree.
///
/// The content is boxed and the few fields layout reads on every node are copied beside
/// the links, so a walk over the whole tree touches one small record per node.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Slot {
    pub(super) node: Box<Node>,
    /// Copies of `node.kind`, `node.collapsed` and `node.pin.is_some()`.
    pub(super) shape: Shape,
    pub(super) parent: Option<NodeId>,
    pub(super) children: Vec<NodeId>,
    /// Nodes that have a dotted line to this one (a reverse index of `Node::dotted`).
    pub(super) dotted_in: Vec<NodeId>,
}

/// An org chart: a title, an organisation name and a forest of nodes.
///
/// Usually there is one root, but several top nodes are fine. A node's unit is derived
/// from its nearest unit ancestor and never stored. Change it only through
/// [`Chart::apply`] so every change is validated and can be undone.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    pub(super) title: String,
    pub(super) organisation: String,
    pub(super) roots: Vec<NodeId>,
    pub(super) slots: IdMap<Slot>,
    /// One more than the largest id ever used by this chart; not part of equality.
    pub(super) next_id: u32,
}

impl PartialEq for Chart {
    fn eq(&self, other: &Chart) -> bool {
        self.title == other.title
            && self.organisation == other.organisation
            && self.roots == other.roots
            && self.slots.len() == other.slots.len()
            && self.slots.iter().all(|(id, slot)| {
                other.slots.get(id).is_some_and(|theirs| {
                    slot.node == theirs.node
                        && slot.parent == theirs.parent
                        && slot.children == theirs.children
                })
            })
    }
}

impl Chart {
    /// An empty chart with a title and organisation name.
    pub fn new(title: impl Into<String>, organisation: impl Into<String>) -> Chart {
        Chart {
            title: title.into(),
            organisation: organisation.into(),
            next_id: 1,
            ..Chart::default()
        }
    }

    /// The chart's title, shown above the chart.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The organisation the chart describes.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    /// The top nodes, in display order.
    pub fn roots(&self) -> &[NodeId] {
        &self.roots
    }

    /// How many nodes the chart holds.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when the chart has no nodes.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// True when `id` names a node of this chart.
    pub fn contains(&self, id: NodeId) -> bool {
        self.slots.contains(id)
    }

    /// The content of node `id`.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.slots.get(id).map(|slot| &*slot.node)
    }

    /// What layout needs of node `id` (kind, folding, pin) and its direct subordinates,
    /// in one lookup without touching the node's text.
    pub fn shape(&self, id: NodeId) -> Option<(Shape, &[NodeId])> {
        self.slots
            .get(id)
            .map(|slot| (slot.shape, slot.children.as_slice()))
    }

    /// The solid-line parent of `id`; `None` for a root or an unknown id.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.slots.get(id).and_then(|slot| slot.parent)
    }

    /// The direct subordinates of `id` (units, positions and assistants), in order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.slots.get(id).map_or(&[], |slot| &slot.children)
    }

    /// The nodes with a dotted line to `id`.
    pub fn dotted_reports(&self, id: NodeId) -> &[NodeId] {
        self.slots.get(id).map_or(&[], |slot| &slot.dotted_in)
    }

    /// The list `id` sits in: its parent's children, or the roots.
    pub fn siblings(&self, id: NodeId) -> &[NodeId] {
        match self.parent(id) {
            Some(parent) => self.children(parent),
            None => &self.roots,
        }
    }

    /// Where `id` sits among its siblings.
    pub fn index_in_parent(&self, id: NodeId) -> Option<usize> {
        if !self.contains(id) {
            return None;
        }
        self.siblings(id).iter().position(|&other| other == id)
    }

    /// A fresh id, larger than every id this chart has used.
    pub fn fresh_id(&self) -> NodeId {
        NodeId(self.next_id)
    }

    /// The ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&at| self.parent(at))
    }

    /// True when `ancestor` is `id` or above it in the tree.
    pub fn is_in_subtree(&self, id: NodeId, ancestor: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|at| at == ancestor)
    }

    /// The unit a node belongs to: the nearest unit among its ancestors.
    /// A unit's own unit is its parent unit.
    pub fn unit_of(&self, id: NodeId) -> Option<NodeId> {
        self.ancestors(id).find(|&at| {
            self.node(at)
                .is_some_and(|node| node.kind == NodeKind::Unit)
        })
    }

    /// The colour a node is drawn in: its own for a coloured unit, else its nearest
    /// coloured unit's.
    pub fn colour_of(&self, id: NodeId) -> Option<Colour> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .find_map(|at| self.node(at).and_then(|node| node.colour))
    }

    /// Every node in tree order: depth-first, parents before children, siblings in order.
    /// Iterative, so any depth is fine.
    pub fn tree_order(&self) -> TreeOrder<'_> {
        TreeOrder::new(self, self.roots.iter().rev().copied().collect())
    }

    /// `root` and everything below it, in tree order.
    pub fn subtree(&self, root: NodeId) -> TreeOrder<'_> {
        let stack = if self.contains(root) {
            vec![root]
        } else {
            Vec::new()
        };
        TreeOrder::new(self, stack)
    }

    /// Depth of every node below the roots (roots are at depth 0), in one pass.
    pub fn depths(&self) -> FxHashMap<NodeId, u32> {
        let mut depths = FxHashMap::with_capacity_and_hasher(self.len(), Default::default());
        for id in self.tree_order() {
            let depth = self
                .parent(id)
                .and_then(|parent| depths.get(&parent))
                .map_or(0, |&d: &u32| d + 1);
            depths.insert(id, depth);
        }
        depths
    }

    /// A short name for messages: `“销售主管” (#5)`.
    pub fn label(&self, id: NodeId) -> String {
        self.name(id).to_string()
    }
}

/// The little of a node that decides its place in the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Unit, position or assistant.
    pub kind: NodeKind,
    /// Its subtree is folded away.
    pub collapsed: bool,
    /// It has a manual place.
    pub pinned: bool,
}

impl Shape {
    /// The shape of `node`.
    pub fn of(node: &Node) -> Shape {
        Shape {
            kind: node.kind,
            collapsed: node.collapsed,
            pinned: node.pin.is_some(),
        }
    }
}

/// A depth-first walk in tree order, with an explicit stack.
pub struct TreeOrder<'chart> {
    chart: &'chart Chart,
    stack: Vec<NodeId>,
}

impl<'chart> TreeOrder<'chart> {
    fn new(chart: &'chart Chart, stack: Vec<NodeId>) -> TreeOrder<'chart> {
        TreeOrder { chart, stack }
    }
}

impl Iterator for TreeOrder<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.chart.children(id).iter().rev().copied());
        Some(id)
    }
}
