//! What happens around a file dialog: asking for a path (the answer may come frames
//! later, while the editor keeps running), then opening, saving or exporting there, and
//! carrying on with what waited for the save.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::app::OrganigramApp;
use super::dialogs::{Modal, Pending};
use super::files::{Asked, DialogKind, Picked, NO_BACKEND_HELP};

/// A file dialog that is open, and what its answer is for.
pub struct Waiting {
    kind: DialogKind,
    then: Option<Pending>,
    answer: Receiver<Picked>,
}

impl OrganigramApp {
    /// Asks for a path for `kind`; with it, opens, saves (then carries out `then`) or
    /// exports. When there is no dialog on this system, asks for a typed path instead.
    pub(super) fn ask_path(
        &mut self,
        ctx: &egui::Context,
        kind: DialogKind,
        then: Option<Pending>,
    ) {
        if self.waiting.is_some() {
            self.say(ctx, "A file dialog is already open", true);
            return;
        }
        let (directory, name) = self.dialog_start(kind);
        match self.dialogs.ask(kind, directory.as_deref(), &name, ctx) {
            Asked::Now(picked) => self.picked(ctx, kind, picked, then),
            Asked::Later(answer) => self.waiting = Some(Waiting { kind, then, answer }),
        }
    }

    /// Where a dialog of `kind` starts: the chart's folder, and a file name to suggest.
    fn dialog_start(&self, kind: DialogKind) -> (Option<PathBuf>, String) {
        let directory = self.doc.path().and_then(|p| p.parent()).map(Path::to_owned);
        let name = match kind {
            DialogKind::Export(_) => self.export_file_name(),
            _ => self.suggested_file_name(),
        };
        (directory, name)
    }

    /// True while a file dialog is open.
    pub fn is_waiting_for_file_dialog(&self) -> bool {
        self.waiting.is_some()
    }

    /// Picks up the open dialog's answer, if it has come.
    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some(waiting) = &self.waiting else { return };
        let picked = match waiting.answer.try_recv() {
            Ok(picked) => picked,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Picked::NoBackend,
        };
        if let Some(Waiting { kind, then, .. }) = self.waiting.take() {
            self.picked(ctx, kind, picked, then);
        }
    }

    fn picked(
        &mut self,
        ctx: &egui::Context,
        kind: DialogKind,
        picked: Picked,
        then: Option<Pending>,
    ) {
        match picked {
            Picked::Path(path) => self.use_path(ctx, kind, &path, then),
            Picked::Cancelled => {}
            Picked::NoBackend => {
                let (directory, name) = self.dialog_start(kind);
                self.modal = Some(Modal::PathEntry {
                    kind,
                    text: directory
                        .map_or_else(|| name.clone(), |d| d.join(&name).display().to_string()),
                    message: NO_BACKEND_HELP.to_owned(),
                    then,
                });
            }
        }
    }

    /// Opens, saves or exports at `path`, as `kind` says; after a save, carries out `then`.
    pub(super) fn use_path(
        &mut self,
        ctx: &egui::Context,
        kind: DialogKind,
        path: &Path,
        then: Option<Pending>,
    ) {
        match kind {
            DialogKind::OpenChart => self.open_path(ctx, path),
            DialogKind::SaveChart => {
                if self.save_to(ctx, path) {
                    if let Some(then) = then {
                        self.carry_out(ctx, then);
                    }
                }
            }
            DialogKind::Export(_) => self.export_to(ctx, path),
        }
    }
}
