//! The questions and messages that stop the editor until answered: unsaved changes,
//! delete, errors, a file changed on disk, recovery copies, a typed path.

use std::path::PathBuf;

use super::files::DialogKind;
use super::recovery::Orphan;
use crate::model::NodeId;

/// What waits for the answer to "save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start an empty chart.
    New,
    /// Choose a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open an embedded sample.
    OpenSample(&'static str),
    /// Close the window.
    Quit,
    /// Open the chart the import preview shows.
    Import,
}

/// What failed, for an error's heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A chart file did not open.
    Open,
    /// An embedded sample did not open.
    OpenSample,
    /// The chart was not saved.
    Save,
    /// The chart was not exported.
    Export,
    /// A recovery copy did not open.
    Restore,
    /// A roster could not be read.
    Import,
    /// The file to compare with could not be read.
    Compare,
    /// The HR file to update from could not be read.
    Update,
}

/// The open modal dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Unsaved changes: Save, Don't save or Cancel, then `then`.
    Unsaved {
        /// What waits for the answer.
        then: Pending,
    },
    /// Delete cards with subordinates: keep them or delete the subtrees.
    Delete {
        /// The cards.
        ids: Vec<NodeId>,
    },
    /// Something went wrong; the chart is as it was.
    Error {
        /// What failed.
        failure: Failure,
        /// Why, one problem per line (`FILE:LINE:COLUMN: …` where known).
        detail: String,
    },
    /// The file changed on disk since it was loaded: overwrite, save elsewhere, or reload.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What waits for the save.
        then: Option<Pending>,
    },
    /// Recovery copies from a session that ended without saving.
    Recover {
        /// The copies, newest first.
        orphans: Vec<Orphan>,
    },
    /// No native file dialog: type a path.
    PathEntry {
        /// What the path is for.
        kind: DialogKind,
        /// The path offered to start from.
        suggested: String,
        /// What waits for the save.
        then: Option<Pending>,
    },
}

/// An answer to the open modal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModalChoice {
    /// Cancel, OK, Not now, or Escape: close it and do nothing.
    Close,
    /// Unsaved changes: save, then carry on.
    Save,
    /// Unsaved changes: carry on without saving.
    DontSave,
    /// Delete: keep the subordinates (they move up) or delete the whole subtrees.
    Delete {
        /// Keep the subordinates.
        keep_reports: bool,
    },
    /// Recovery: restore copy `n` (0-based).
    Restore(usize),
    /// Recovery: delete copy `n`.
    Discard(usize),
    /// Changed on disk: overwrite it.
    Overwrite,
    /// Changed on disk: save somewhere else.
    SaveElsewhere,
    /// Changed on disk: reload it, dropping the unsaved changes.
    Reload,
    /// A typed path: use it.
    Path(String),
}
