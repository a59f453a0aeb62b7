//! File flows: asking about unsaved changes, asking for a path (the answer may come
//! frames later, while the editor keeps running), opening, saving, exporting, reloading
//! and restoring, and carrying on with what waited for a save.

use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;

use super::action::Effect;
use super::document::{Document, Origin};
use super::files::{Asked, DialogKind, Picked};
use super::message::Message;
use super::modal::{ErrorDetail, Failure, Modal, ModalChoice, Pending};
use super::queries::default_title;
use super::recovery::{discard, restore};
use super::{Editor, ViewRequest, Waiting};
use crate::export::export_file;
use crate::format::{load_file_noted, save_file, SaveOptions};
use crate::model::{Chart, Edit, Node, NodeKind};
use crate::samples;

impl Editor {
    /// New, Open and Quit go through here: with unsaved changes, ask first.
    pub(super) fn guard_unsaved(&mut self, pending: Pending) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved { then: pending });
        } else {
            self.carry_on(pending);
        }
    }

    /// Does what waited for the unsaved-changes question.
    pub(super) fn carry_on(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                let lang = self.language();
                let mut chart = Chart::new(crate::i18n::tr(lang, "new-chart"), "");
                let root = chart.fresh_id();
                let node = Node::new(NodeKind::Unit, default_title(NodeKind::Unit, lang));
                let _ = chart.apply(Edit::AddNode {
                    id: root,
                    parent: None,
                    index: 0,
                    node: Box::new(node),
                });
                self.replace_document(Document::new(chart, Origin::Untitled));
                self.selection = vec![root];
            }
            Pending::Open => self.ask_path(DialogKind::OpenChart, None),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::OpenSample(name) => self.open_sample(name),
            Pending::Import => self.open_import(),
            Pending::ImportDocument(path) => self.open_document_import(&path),
            Pending::Quit => {
                self.recovery.clear();
                self.allow_close = true;
                self.effects.push(Effect::Close);
            }
        }
    }

    fn open_sample(&mut self, name: &'static str) {
        let Some(sample) = samples::find(name) else {
            return;
        };
        match sample.load() {
            Ok(chart) => {
                self.replace_document(Document::new(chart, Origin::Sample(name.to_owned())))
            }
            Err(error) => self.fail(Failure::OpenSample, error.into()),
        }
    }

    /// Opens `path`; on failure the chart that was open stays open and a dialog says why.
    pub(super) fn open_path(&mut self, path: &Path) {
        match load_file_noted(path) {
            Ok(loaded) => {
                self.replace_document(Document::new(loaded.chart, Origin::File(path.to_owned())));
                self.settings.remember(path);
                self.note_load(&loaded.notes);
            }
            Err(error) => self.fail(Failure::Open, error.into()),
        }
    }

    /// Puts `doc` in place of the open chart, forgetting everything about the old one.
    pub(super) fn replace_document(&mut self, doc: Document) {
        // The chart being replaced was saved, or the user chose not to save it.
        self.recovery.clear();
        self.doc = doc;
        self.selection.clear();
        self.renaming = None;
        self.search = super::Search::default();
        // A comparison or an update was of the chart that is gone.
        self.compare = None;
        self.update = None;
        self.view_request = Some(ViewRequest::Opening);
    }

    pub(super) fn fail(&mut self, failure: Failure, detail: ErrorDetail) {
        self.modal = Some(Modal::Error { failure, detail });
    }

    /// Save: to the chart's file, or ask where; once saved, carries out `then`. If the
    /// file changed on disk since it was loaded, asks first instead of overwriting.
    pub(super) fn save(&mut self, then: Option<Pending>) {
        match self.doc.path().cloned() {
            Some(path) if self.doc.changed_on_disk() => {
                self.modal = Some(Modal::ChangedOnDisk { path, then });
            }
            Some(path) => self.use_path(DialogKind::SaveChart, &path, then),
            None => self.ask_path(DialogKind::SaveChart, then),
        }
    }

    /// Saves to `path` (adding `.ron` if it has no extension). Failure keeps the chart
    /// open and dirty, and says what happened and what to do.
    fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path, "ron");
        let options = SaveOptions {
            keep_backup: self.settings.keep_backup,
        };
        match save_file(&path, self.doc.chart(), &options) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.recovery.clear();
                self.settings.remember(&path);
                self.say(Message::Saved(path), false);
                true
            }
            Err(error) => {
                self.fail(Failure::Save, error.into());
                false
            }
        }
    }

    /// Asks for a path for `kind`; with it, opens, saves (then carries out `then`) or
    /// exports. When there is no dialog on this system, asks for a typed path instead.
    pub(super) fn ask_path(&mut self, kind: DialogKind, then: Option<Pending>) {
        if self.waiting.is_some() {
            self.say(Message::DialogAlreadyOpen, true);
            return;
        }
        let directory = self.doc.path().and_then(|p| p.parent()).map(Path::to_owned);
        let name = self.suggested_file_name(kind);
        let wake = self.wake.clone();
        match self.dialogs.ask(kind, directory.as_deref(), &name, wake) {
            Asked::Now(picked) => self.picked(kind, picked, then),
            Asked::Later(answer) => self.waiting = Some(Waiting { kind, then, answer }),
        }
    }

    /// A file name to suggest: the chart's, with the extension `kind` writes.
    fn suggested_file_name(&self, kind: DialogKind) -> String {
        let stem = match self.doc.origin() {
            Origin::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            Origin::Sample(name) => Some(name.clone()),
            Origin::Untitled => None,
        };
        let extension = match kind {
            DialogKind::Export(format) => format.name(),
            DialogKind::Handbook => "docx",
            DialogKind::OpenChart
            | DialogKind::SaveChart
            | DialogKind::Import
            | DialogKind::Compare
            | DialogKind::UpdateFrom => "ron",
        };
        format!("{}.{extension}", stem.unwrap_or_else(|| "chart".to_owned()))
    }

    /// Picks up the open dialog's answer, if it has come.
    pub(super) fn poll_file_dialog(&mut self) {
        let Some(waiting) = &self.waiting else { return };
        let picked = match waiting.answer.try_recv() {
            Ok(picked) => picked,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Picked::NoBackend,
        };
        if let Some(Waiting { kind, then, .. }) = self.waiting.take() {
            self.picked(kind, picked, then);
        }
    }

    fn picked(&mut self, kind: DialogKind, picked: Picked, then: Option<Pending>) {
        match picked {
            Picked::Path(path) => self.use_path(kind, &path, then),
            Picked::Cancelled => {}
            Picked::NoBackend => {
                let directory = self.doc.path().and_then(|p| p.parent()).map(Path::to_owned);
                let name = self.suggested_file_name(kind);
                let suggested =
                    directory.map_or_else(|| name.clone(), |d| d.join(&name).display().to_string());
                self.modal = Some(Modal::PathEntry {
                    kind,
                    suggested,
                    then,
                });
            }
        }
    }

    /// Opens, saves or exports at `path`, as `kind` says; after a save, carries out `then`.
    fn use_path(&mut self, kind: DialogKind, path: &Path, then: Option<Pending>) {
        match kind {
            DialogKind::OpenChart => self.open_path(path),
            DialogKind::SaveChart => {
                if self.save_to(path) {
                    if let Some(then) = then {
                        self.carry_on(then);
                    }
                }
            }
            DialogKind::Export(_) => self.export_to(path),
            DialogKind::Import => self.preview_import(path),
            DialogKind::Compare => self.start_compare(path),
            DialogKind::UpdateFrom => self.start_update(path),
            DialogKind::Handbook => self.export_handbook(path),
        }
    }

    /// Export window ▸ Choose file and export…: ask where, then write.
    pub(super) fn export_now(&mut self) {
        let Some(choices) = self.export.take() else {
            return;
        };
        let format = choices.format;
        self.last_export = choices;
        self.ask_path(DialogKind::Export(format), None);
    }

    /// Writes the export the last export window chose to `path` (adding the format's
    /// extension if it has none).
    fn export_to(&mut self, path: &Path) {
        let mut choices = self.last_export.clone();
        if choices.subtree.is_some() {
            choices.subtree = self.primary();
        }
        let path = with_extension(path, choices.format.name());
        let mut options = choices.options(self.doc.chart());
        if choices.mark_changes {
            options.changes = self
                .compare
                .as_ref()
                .map(|c| std::sync::Arc::new(c.marks_with_table(self.doc.chart())));
        }
        match export_file(self.doc.chart(), choices.format, &path, &options) {
            Ok(()) => self.say(Message::Exported(path), false),
            Err(error) => self.fail(Failure::Export, error.into()),
        }
    }

    /// Carries out the answer to the open modal.
    pub(super) fn answer_modal(&mut self, choice: ModalChoice) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        match (modal, choice) {
            (_, ModalChoice::Close) => {}
            (Modal::Unsaved { then }, ModalChoice::Save) => self.save(Some(then)),
            (Modal::Unsaved { then }, ModalChoice::DontSave) => self.carry_on(then),
            (Modal::Delete { ids }, ModalChoice::Delete { keep_reports }) => {
                self.delete(&ids, keep_reports)
            }
            (Modal::Recover { orphans }, ModalChoice::Restore(n)) => {
                if let Some(orphan) = orphans.get(n) {
                    match restore(orphan) {
                        Ok(doc) => {
                            discard(orphan);
                            self.replace_document(doc);
                            self.say(Message::Restored, false);
                        }
                        Err(error) => self.fail(Failure::Restore, error.into()),
                    }
                }
            }
            (Modal::Recover { mut orphans }, ModalChoice::Discard(n)) => {
                if n < orphans.len() {
                    discard(&orphans.remove(n));
                }
                if !orphans.is_empty() {
                    self.modal = Some(Modal::Recover { orphans });
                }
            }
            (Modal::ChangedOnDisk { path, then }, ModalChoice::Overwrite) => {
                self.use_path(DialogKind::SaveChart, &path, then)
            }
            (Modal::ChangedOnDisk { then, .. }, ModalChoice::SaveElsewhere) => {
                self.ask_path(DialogKind::SaveChart, then)
            }
            (Modal::ChangedOnDisk { path, .. }, ModalChoice::Reload) => self.open_path(&path),
            (Modal::PathEntry { kind, then, .. }, ModalChoice::Path(text)) => {
                let text = text.trim();
                if !text.is_empty() {
                    self.use_path(kind, &PathBuf::from(text), then);
                }
            }
            // An answer that does not fit the question leaves it open.
            (modal, _) => self.modal = Some(modal),
        }
    }
}

/// `path`, with `extension` added if it has none.
fn with_extension(path: &Path, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path.to_owned()
    }
}
