//! Why an edit was refused.

use thiserror::Error;

use super::node::NodeId;
use super::rules::Rule;

/// An edit that was refused; the chart is unchanged. Typed, so a user interface can word
/// it in the user's language; `Display` gives English, naming nodes by title and id.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    /// The edit names a node the chart does not have.
    #[error("node {0} does not exist")]
    UnknownNode(NodeId),
    /// A new node's id is taken.
    #[error("id {0} is already in use")]
    IdInUse(NodeId),
    /// An index past the end of a list.
    #[error("{what} index {index} is out of range: there are {len}")]
    IndexOutOfRange {
        /// Which list.
        what: ListKind,
        /// The index asked for.
        index: usize,
        /// The list's length.
        len: usize,
    },
    /// The edit would break one of the chart's rules (see [`crate::model`]).
    #[error("{0}")]
    Rule(Rule),
}

impl From<Rule> for EditError {
    fn from(rule: Rule) -> EditError {
        EditError::Rule(rule)
    }
}

/// Which list an index was out of range for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// A node's place among its siblings.
    Sibling,
    /// A duty.
    Duty,
    /// A dotted line in a post's list.
    DottedLine,
}

impl std::fmt::Display for ListKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ListKind::Sibling => "sibling",
            ListKind::Duty => "duty",
            ListKind::DottedLine => "dotted line",
        })
    }
}
