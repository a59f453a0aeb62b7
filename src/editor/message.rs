//! What the editor tells the user, typed: the names of undo steps and the notices shown
//! over the canvas. The shell words them in the user's language.

use std::path::PathBuf;

use super::command::Command;
use crate::format::LoadNote;
use crate::model::{EditError, NodeKind};

/// The name of an undoable step, as Undo and Redo say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A new title typed on the canvas or in the inspector.
    Rename,
    /// A card added by a command.
    Add(Command),
    /// A card dropped on a new manager.
    Move,
    /// A card dragged to a place of its own.
    Pin,
    /// A hand-placed card put back in the tree.
    Unpin,
    /// A subtree folded.
    Collapse,
    /// A subtree unfolded.
    Expand,
    /// View ▸ Show N levels.
    ShowLevels(u8),
    /// View ▸ Expand all.
    ExpandAll,
    /// Every hand-placed card put back.
    Relayout,
    /// Cards deleted; `keep_reports` when their subordinates moved up.
    Delete {
        /// The subordinates stayed.
        keep_reports: bool,
    },
    /// The chart's title.
    ChartTitle,
    /// The organisation's name.
    Organisation,
    /// A card's kind.
    Kind(NodeKind),
    /// A holder's name.
    Holder,
    /// Vacant or filled.
    Vacancy,
    /// A headcount.
    Headcount,
    /// A unit's colour chosen.
    Colour,
    /// A unit's colour removed.
    ClearColour,
    /// Notes.
    Notes,
    /// The id in the HR system.
    Reference,
    /// A dotted line added.
    AddDotted,
    /// A dotted line removed.
    RemoveDotted,
    /// Duties added (one, or several pasted).
    AddDuties(usize),
    /// A duty rewritten.
    EditDuty,
    /// A duty deleted.
    DeleteDuty,
    /// Duties reordered.
    ReorderDuties,
    /// An update from an HR file: this many changes chosen.
    Update(usize),
}

/// What the notice over the canvas says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// An edit was refused, and why.
    Refused(EditError),
    /// A command that acts on the selection ran with nothing selected.
    SelectFirst(Command),
    /// Undo undid this step.
    Undid(Label),
    /// Redo redid this step.
    Redid(Label),
    /// Undo with nothing to undo.
    NothingToUndo,
    /// Redo with nothing to redo.
    NothingToRedo,
    /// Show levels or Expand all changed nothing.
    AlreadyShown,
    /// Re-layout with no hand-placed cards.
    NothingPinned,
    /// Re-layout put this many cards back.
    Unpinned(usize),
    /// The chart was saved here.
    Saved(PathBuf),
    /// The chart was exported here.
    Exported(PathBuf),
    /// A second file dialog was asked for while one is open.
    DialogAlreadyOpen,
    /// A recovery copy was restored.
    Restored,
    /// The chart opened at its top, being too big to read fitted.
    TooBigToFit,
    /// Something about the file just opened.
    Loaded(LoadNote),
    /// Changes of an update that could not be applied, each with why.
    UpdateSkipped(Vec<String>),
    /// A duty document came in as a new chart.
    ImportedDocument {
        /// Units it named.
        units: usize,
        /// Posts.
        posts: usize,
        /// Posts' duties.
        duties: usize,
        /// When it had no reporting lines: each unit with its first post (which may be
        /// its head), as `unit · post`.
        heads: Option<Vec<String>>,
    },
}

/// A notice over the canvas, shown for a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What it says.
    pub message: Message,
    /// Red (something was refused or failed) rather than neutral.
    pub is_error: bool,
    /// Until when it is shown, on the shell's clock (seconds).
    pub until_s: f64,
}

/// How long a notice stays, in seconds.
pub const NOTICE_SECONDS: f64 = 5.0;
