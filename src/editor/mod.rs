//! The editor's state and flows, with no egui in it.
//!
//! An [`Editor`] owns the open [`Document`] (chart, history, file, derived data), the
//! selection, the view, the file flows (open, save, export, recovery), the modal
//! question, the notice, search and the settings. [`Editor::apply`] is the only code that
//! changes any of it: it carries out an [`Action`] and every follow-up action that one
//! queues, until the queue is empty, then brings the derived data up to date. Everything
//! else is a query that takes `&self`.
//!
//! The shell (`crate::ui`) draws views of the editor that return actions, applies them,
//! and carries out the few [`Effect`]s that need the window.

mod action;
mod analysis;
mod apply;
mod command;
mod commands;
mod compare;
mod document;
mod files;
mod flows;
mod gestures;
mod handbook;
mod import;
mod message;
mod modal;
mod queries;
mod recovery;
mod search;
mod settings;
mod viewport;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

pub use action::{Action, Effect, SelectMode, Start, Window};
pub use analysis::Analysis;
pub use command::Command;
pub use compare::{ChangeFilter, Comparison, UpdateChoice, UpdatePreview};
pub use document::{DiskStamp, DisplayName, Document, Look, Origin, OutlineRow};
pub use files::{Asked, DialogKind, FileDialogs, OpenDialogs, Picked, ScriptedDialogs, Wake};
pub use import::{is_roster, ImportChange, ImportPreview};
pub use message::{Label, Message, Notice, NOTICE_SECONDS};
pub use modal::{ErrorDetail, Failure, Modal, ModalChoice, Pending};
pub use queries::NodeDescription;
pub use recovery::{changed_nodes, CopyChanges, Orphan, Recovery, RecoveryMeta};
pub use search::{find, Search};
pub use settings::{Settings, SlideShape, ViewOptions};
pub use viewport::Viewport;

use crate::export::ExportChoices;
use crate::format::load_file_noted;
use crate::model::{Chart, NodeId};
use crate::samples;

/// What the view should do once the layout is known.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ViewRequest {
    /// A chart was just opened: fit it, or show its top with a hint when it is too big to
    /// read fitted.
    Opening,
    /// Fit the chart.
    Fit,
    /// Fit the chart if it is readable fitted, else show its top.
    FitOrTop,
    /// Bring this card into view.
    Reveal(NodeId),
    /// Bring this part of the chart into view (a removed node's ghost).
    RevealRect(crate::layout::RectInChart),
}

/// A file dialog that is open, and what its answer is for.
struct Waiting {
    kind: DialogKind,
    then: Option<Pending>,
    answer: std::sync::mpsc::Receiver<Picked>,
}

/// The editor: everything the user works with, except the window.
pub struct Editor {
    doc: Document,
    settings: Settings,
    selection: Vec<NodeId>,
    viewport: Viewport,
    view_request: Option<ViewRequest>,
    /// The canvas has been drawn at least once, so the viewport's size is real.
    canvas_known: bool,
    dialogs: Box<dyn FileDialogs>,
    wake: Wake,
    waiting: Option<Waiting>,
    modal: Option<Modal>,
    notice: Option<Notice>,
    search: Search,
    renaming: Option<NodeId>,
    /// The export window's choices while it is open.
    export: Option<ExportChoices>,
    /// The import being previewed.
    import: Option<ImportPreview>,
    /// The chart compared with a file, while comparing.
    compare: Option<Comparison>,
    /// The update from an HR file being previewed.
    update: Option<UpdatePreview>,
    /// The analysis, while the panel is open or cards are coloured by it.
    analysis: Option<Analysis>,
    /// The duty the Analysis panel asked the inspector to mark.
    duty_highlight: Option<(NodeId, usize)>,
    /// The choices of the last export, offered again next time.
    last_export: ExportChoices,
    show_shortcuts: bool,
    show_about: bool,
    recovery: Recovery,
    queue: VecDeque<Action>,
    effects: Vec<Effect>,
    now_s: f64,
    last_input_s: f64,
    /// The user chose to close without saving (or nothing was unsaved).
    allow_close: bool,
}

impl Editor {
    /// The editor on `start`, with file dialogs from `dialogs`, default settings and no
    /// autosave. A start file that fails to load leaves the seed sample open and an error
    /// saying why.
    pub fn new(start: Start, dialogs: Box<dyn FileDialogs>) -> Editor {
        let mut editor =
            Editor::with_document(Document::new(Chart::new("", ""), Origin::Untitled), dialogs);
        let opened = match &start {
            Start::Sample(name) => samples::find(name).map(|sample| {
                sample
                    .load()
                    .map(|chart| Document::new(chart, Origin::Sample(name.clone())))
                    .map_err(|error| (Failure::OpenSample, ErrorDetail::Load(error)))
            }),
            Start::File(path) if is_roster(path) => {
                editor.preview_import(path);
                None
            }
            Start::File(path) => Some(
                load_file_noted(path)
                    .map(|loaded| {
                        editor.note_load(&loaded.notes);
                        Document::new(loaded.chart, Origin::File(path.clone()))
                    })
                    .map_err(|error| (Failure::Open, ErrorDetail::Load(error))),
            ),
        };
        match opened {
            Some(Ok(doc)) => editor.doc = doc,
            Some(Err((failure, detail))) => {
                editor.doc = seed_document();
                editor.modal = Some(Modal::Error { failure, detail });
            }
            None => editor.doc = seed_document(),
        }
        if let Some(path) = editor.doc.path().cloned() {
            editor.settings.remember(&path);
        }
        editor.refresh();
        editor
    }

    /// The editor on an in-memory chart (benchmarks, generated charts), not saved yet.
    pub fn with_chart(chart: Chart, dialogs: Box<dyn FileDialogs>) -> Editor {
        let mut editor = Editor::with_document(Document::new(chart, Origin::Untitled), dialogs);
        editor.refresh();
        editor
    }

    fn with_document(doc: Document, dialogs: Box<dyn FileDialogs>) -> Editor {
        Editor {
            doc,
            settings: Settings::default(),
            selection: Vec::new(),
            viewport: Viewport::default(),
            view_request: Some(ViewRequest::Opening),
            canvas_known: false,
            dialogs,
            wake: Arc::new(|| {}),
            waiting: None,
            modal: None,
            notice: None,
            search: Search::default(),
            renaming: None,
            export: None,
            import: None,
            compare: None,
            update: None,
            analysis: None,
            duty_highlight: None,
            last_export: ExportChoices::default(),
            show_shortcuts: false,
            show_about: false,
            recovery: Recovery::new(None, 60.0),
            queue: VecDeque::new(),
            effects: Vec::new(),
            now_s: 0.0,
            last_input_s: 0.0,
            allow_close: false,
        }
    }

    /// Uses remembered `settings` (the open file stays first in the recent list).
    pub fn with_settings(mut self, settings: Settings) -> Editor {
        self.settings = settings;
        self.recovery.interval = self.settings.autosave_seconds;
        if let Some(path) = self.doc.path().cloned() {
            self.settings.remember(&path);
        }
        self.refresh();
        self
    }

    /// Autosaves recovery copies into `dir` every `interval_s` seconds while there are
    /// unsaved changes, and offers to restore copies a crashed session left there.
    pub fn with_recovery(mut self, dir: Option<PathBuf>, interval_s: f64) -> Editor {
        self.recovery = Recovery::new(dir, interval_s);
        // The settings say the same, so applying them again keeps this interval.
        self.settings.autosave_seconds = interval_s;
        let orphans = self.recovery.orphans();
        if !orphans.is_empty() && self.modal.is_none() {
            self.modal = Some(Modal::Recover { orphans });
        }
        self
    }

    /// Sets what a file dialog calls when it is answered later (the shell wakes up).
    pub fn set_wake(&mut self, wake: Wake) {
        self.wake = wake;
    }

    /// Carries out `action` and every follow-up it queues, then brings derived data up
    /// to date. The only way the editor changes.
    pub fn apply(&mut self, action: Action) {
        self.run([action]);
    }

    /// Carries out `actions` in order, with their follow-ups, until nothing is left.
    pub fn run(&mut self, actions: impl IntoIterator<Item = Action>) {
        self.queue.extend(actions);
        while let Some(action) = self.queue.pop_front() {
            // Each action sees derived data that matches the chart as it is now.
            self.refresh();
            self.carry_out(action);
        }
        self.refresh();
    }

    /// What the shell should do now; each effect is handed out once.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// How cards are measured and laid out now: the view options, in the editor's language.
    pub fn look(&self) -> Look {
        let view = self.settings.view;
        Look {
            style: crate::layout::CardStyle {
                show_duties: view.duties_on_cards,
                ..crate::layout::CardStyle::for_language(self.language())
            },
            layout: view.layout(),
        }
    }

    /// Brings derived data up to date, forgets selected cards that are gone, and settles
    /// any view request the layout was needed for.
    fn refresh(&mut self) {
        let look = self.look();
        self.doc.refresh(&look);
        let chart = self.doc.chart();
        self.selection.retain(|&id| chart.contains(id));
        if self.renaming.is_some_and(|id| !chart.contains(id)) {
            self.renaming = None;
        }
        self.search.refresh(self.doc.chart(), self.doc.revision());
        self.refresh_compare();
        self.refresh_analysis();
        if self
            .duty_highlight
            .is_some_and(|(id, _)| self.selection.last() != Some(&id))
        {
            self.duty_highlight = None;
        }
        self.settle_view();
    }
}

/// The seed sample, or an empty chart if it failed to load (a bug the tests catch).
fn seed_document() -> Document {
    let sample = &samples::SAMPLES[0];
    let chart = sample.load().unwrap_or_else(|_| Chart::new("", ""));
    Document::new(chart, Origin::Sample(sample.name.to_owned()))
}
