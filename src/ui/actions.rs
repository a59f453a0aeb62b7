//! What widgets ask the app to do; applied once per frame.

use std::path::PathBuf;

use crate::model::{ChartPoint, Edit, NodeId};
use crate::ui::canvas::SelectMode;
use crate::ui::command::Command;

/// One request from a widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Run a command on the current selection.
    Command(Command),
    /// Run a command on a given card (from its context menu).
    CommandOn(Command, NodeId),
    /// Apply an edit as one undoable step.
    Edit {
        /// The change.
        edit: Edit,
        /// How undo names it.
        label: String,
    },
    /// Change the selection.
    Select(NodeId, SelectMode),
    /// Select one card and scroll it into view (outline and search).
    Reveal(NodeId),
    /// Clear the selection.
    ClearSelection,
    /// Make `id` report to `target`: the path every drop on a card takes.
    Reparent {
        /// The card that moves.
        id: NodeId,
        /// Its new manager or unit.
        target: NodeId,
    },
    /// Pin a card at a chart point.
    Pin {
        /// The card.
        id: NodeId,
        /// Its new top-left corner.
        at: ChartPoint,
    },
    /// Fold or unfold a subtree.
    ToggleCollapse(NodeId),
    /// Edit a card's title in place.
    StartRename(NodeId),
    /// Open a file (asking about unsaved changes first).
    OpenFile(PathBuf),
    /// Open an embedded sample (asking about unsaved changes first).
    OpenSample(&'static str),
    /// Delete cards, keeping their subordinates or not.
    Delete {
        /// The cards.
        ids: Vec<NodeId>,
        /// Keep the subordinates, moving them up.
        keep_reports: bool,
    },
}
