//! File dialogs as the editor sees them: asked for, answered now or later. The native
//! dialogs live in the shell (`ui::files`); here are the trait and the stand-ins tests
//! use.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use crate::export::ExportFormat;

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown on this system.
    NoBackend,
}

/// Which dialog to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose a chart to open.
    OpenChart,
    /// Choose where to save a chart.
    SaveChart,
    /// Choose where to write an export in this format.
    Export(ExportFormat),
    /// Choose a roster to import (CSV, TSV, text, .xlsx, .xls, .ods).
    Import,
    /// Choose a chart or an HR file to compare the chart with.
    Compare,
    /// Choose an HR file to update the chart from.
    UpdateFrom,
    /// Choose where to write the post handbook (.docx, .pdf or .md).
    Handbook,
}

/// A dialog's answer: right away, or later while the dialog stays open.
#[derive(Debug)]
pub enum Asked {
    /// The answer is known now.
    Now(Picked),
    /// The dialog is open; its answer arrives here when the user closes it.
    Later(Receiver<Picked>),
}

/// Called when a dialog that stayed open is answered, so the shell draws a frame and the
/// editor picks the answer up.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// Shows file dialogs.
pub trait FileDialogs {
    /// Shows a dialog of `kind`, starting in `directory`, suggesting `file_name` when
    /// saving. A dialog that stays open calls `wake` when it is answered.
    fn ask(
        &mut self,
        kind: DialogKind,
        directory: Option<&Path>,
        file_name: &str,
        wake: Wake,
    ) -> Asked;
}

/// Dialog answers given in advance, for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// The answers, used in order; when none are left, dialogs are cancelled.
    pub answers: VecDeque<Picked>,
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, _: DialogKind, _: Option<&Path>, _: &str, _: Wake) -> Asked {
        Asked::Now(self.answers.pop_front().unwrap_or(Picked::Cancelled))
    }
}

/// An open dialog's kind and where its answer goes.
type OpenDialog = (DialogKind, Sender<Picked>);

/// Dialogs that stay open until the test answers them, as native dialogs do.
#[derive(Clone, Default)]
pub struct OpenDialogs {
    waiting: Arc<Mutex<Vec<OpenDialog>>>,
}

impl OpenDialogs {
    /// The kinds of the dialogs open now, oldest first.
    pub fn open(&self) -> Vec<DialogKind> {
        self.waiting
            .lock()
            .map(|waiting| waiting.iter().map(|(kind, _)| *kind).collect())
            .unwrap_or_default()
    }

    /// Answers the oldest open dialog; false if none is open.
    pub fn answer(&self, picked: Picked) -> bool {
        let Ok(mut waiting) = self.waiting.lock() else {
            return false;
        };
        if waiting.is_empty() {
            return false;
        }
        let (_, answer) = waiting.remove(0);
        answer.send(picked).is_ok()
    }
}

impl FileDialogs for OpenDialogs {
    fn ask(&mut self, kind: DialogKind, _: Option<&Path>, _: &str, _: Wake) -> Asked {
        let (answer, answered) = channel();
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.push((kind, answer));
        }
        Asked::Later(answered)
    }
}
