//! Which nodes an edit can change, so that facts derived per node (statistics, unique
//! names) can be brought up to date by revisiting only those nodes.

use super::chart::Chart;
use super::edit::{Edit, Field};
use super::node::NodeId;

/// A part of the chart an edit may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The node's own content; what its subordinates derive from it stays the same.
    Node(NodeId),
    /// The node and everything below it: it moved, appeared, disappeared or changed in a
    /// way its subordinates see (its kind).
    Subtree(NodeId),
}

impl Scope {
    /// The node the scope starts at.
    pub fn root(self) -> NodeId {
        match self {
            Scope::Node(id) | Scope::Subtree(id) => id,
        }
    }
}

impl Edit {
    /// The parts of `chart` this edit may change, computed before it is applied. Nodes the
    /// edit creates are named too, although they do not exist yet.
    ///
    /// A fact about a node that depends only on the node and on its parent's fact is up
    /// to date after the edit once every node in these scopes has been revisited, in tree
    /// order, ancestors first.
    pub fn footprint(&self, chart: &Chart) -> Vec<Scope> {
        let mut scopes = Vec::new();
        let mut stack = vec![self];
        while let Some(edit) = stack.pop() {
            match edit {
                Edit::SetChartText { .. } => {}
                Edit::AddNode { id, .. } => scopes.push(Scope::Node(*id)),
                Edit::RemoveNode { id, keep_reports } => {
                    scopes.push(Scope::Subtree(*id));
                    if *keep_reports {
                        // The subordinates move up and stay.
                        scopes.extend(chart.children(*id).iter().map(|&c| Scope::Subtree(c)));
                    }
                    // Dotted lines into the subtree disappear from posts outside it.
                    for member in chart.subtree(*id) {
                        scopes.extend(chart.dotted_reports(member).iter().map(|&f| Scope::Node(f)));
                    }
                }
                Edit::RestoreSubtree(removed) => {
                    if let Some((root, _)) = removed.nodes.first() {
                        scopes.push(Scope::Subtree(*root));
                    }
                    scopes.extend(
                        removed
                            .dotted_in
                            .iter()
                            .map(|&(from, _, _)| Scope::Node(from)),
                    );
                }
                Edit::Move { id, .. } => scopes.push(Scope::Subtree(*id)),
                Edit::SetField {
                    id,
                    field: Field::Kind(_),
                } => scopes.push(Scope::Subtree(*id)),
                Edit::SetField { id, .. }
                | Edit::InsertDuty { id, .. }
                | Edit::RemoveDuty { id, .. }
                | Edit::MoveDuty { id, .. }
                | Edit::SetDuty { id, .. } => scopes.push(Scope::Node(*id)),
                Edit::AddDotted { from, .. } | Edit::RemoveDotted { from, .. } => {
                    scopes.push(Scope::Node(*from))
                }
                Edit::Batch(edits) => stack.extend(edits.iter().rev()),
            }
        }
        scopes
    }
}
