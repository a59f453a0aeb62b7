//! The questions and messages that stop the editor until answered: unsaved changes,
//! delete, errors, a file changed on disk, recovery copies, a typed path.

use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use super::files::DialogKind;
use super::recovery::Orphan;
use crate::compare::SideError;
use crate::export::ExportError;
use crate::format::hr::ImportError;
use crate::format::{LoadError, SaveError};
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
    /// Open this duty document as a new chart.
    ImportDocument(PathBuf),
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

/// Why something failed, as the library said it: typed, so the shell can word it in the
/// user's language. `Display` gives English, one problem per line (`FILE:LINE:COLUMN: …`
/// where known).
#[derive(Clone, Debug, Error)]
pub enum ErrorDetail {
    /// A chart file (or sample, or recovery copy) that did not load.
    #[error("{0}")]
    Load(LoadError),
    /// An HR file that could not be read.
    #[error("{0}")]
    Import(ImportError),
    /// A save that did not happen.
    #[error("{0}")]
    Save(Arc<SaveError>),
    /// An export that did not happen.
    #[error("{0}")]
    Export(Arc<ExportError>),
    /// An update was asked from a chart rather than an HR file.
    #[error("{name} is a chart, not an HR file; to see how two charts differ, use Compare with…")]
    NotHrFile {
        /// The chart file's name.
        name: String,
    },
}

/// Two details are equal when they report the same failure; saves and exports, which
/// hold a system error, compare by their words.
impl PartialEq for ErrorDetail {
    fn eq(&self, other: &ErrorDetail) -> bool {
        match (self, other) {
            (ErrorDetail::Load(a), ErrorDetail::Load(b)) => a == b,
            (ErrorDetail::Import(a), ErrorDetail::Import(b)) => a == b,
            (ErrorDetail::Save(a), ErrorDetail::Save(b)) => a.to_string() == b.to_string(),
            (ErrorDetail::Export(a), ErrorDetail::Export(b)) => a.to_string() == b.to_string(),
            (ErrorDetail::NotHrFile { name: a }, ErrorDetail::NotHrFile { name: b }) => a == b,
            _ => false,
        }
    }
}

impl From<LoadError> for ErrorDetail {
    fn from(error: LoadError) -> ErrorDetail {
        ErrorDetail::Load(error)
    }
}

impl From<ImportError> for ErrorDetail {
    fn from(error: ImportError) -> ErrorDetail {
        ErrorDetail::Import(error)
    }
}

impl From<SaveError> for ErrorDetail {
    fn from(error: SaveError) -> ErrorDetail {
        ErrorDetail::Save(Arc::new(error))
    }
}

impl From<ExportError> for ErrorDetail {
    fn from(error: ExportError) -> ErrorDetail {
        ErrorDetail::Export(Arc::new(error))
    }
}

/// A side of a comparison is a chart or an HR file: its failure is theirs.
impl From<SideError> for ErrorDetail {
    fn from(error: SideError) -> ErrorDetail {
        match error {
            SideError::Chart(error) => ErrorDetail::Load(error),
            SideError::Hr(error) => ErrorDetail::Import(error),
        }
    }
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
        /// Why, typed: the shell words it in the user's language, one problem per line
        /// (`FILE:LINE:COLUMN: …` where known).
        detail: ErrorDetail,
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
