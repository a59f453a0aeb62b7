//! Why an edit was refused.

use thiserror::Error;

use super::node::NodeId;

/// An edit that was refused. The chart is unchanged. Messages name nodes by title and id
/// so they can be shown to the user as they are.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    /// The edit names a node the chart does not have.
    #[error("node {0} does not exist")]
    UnknownNode(NodeId),
    /// A new node's id is taken.
    #[error("id {0} is already in use")]
    IdInUse(NodeId),
    /// A move would put a node under itself.
    #[error("{node} cannot report to {target}: {target} is inside {node}'s own subtree, so that would make a cycle")]
    Cycle {
        /// The node being moved, as a label.
        node: String,
        /// The would-be parent, as a label.
        target: String,
    },
    /// An index past the end of a list.
    #[error("{what} index {index} is out of range: there are {len}")]
    IndexOutOfRange {
        /// Which list.
        what: &'static str,
        /// The index asked for.
        index: usize,
        /// The list's length.
        len: usize,
    },
    /// The edit would break one of the chart's rules (see [`crate::model`] docs).
    #[error("{0}")]
    Rule(String),
}
