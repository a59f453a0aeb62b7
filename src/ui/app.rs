//! The editor app: its state, the per-frame order of panels, and applying actions.

use std::path::{Path, PathBuf};

use egui::{Id, Key, Modifiers};
use rustc_hash::FxHashSet;

use super::actions::Action;
use super::canvas::{CanvasMarks, SelectMode};
use super::command::Command;
use super::dialogs::{Modal, Pending};
use super::document::{Document, Origin};
use super::files::{DialogKind, FileDialogs, NativeDialogs};
use super::search::Search;
use super::settings::Settings;
use crate::format::{load_file, save_file, SaveOptions};
use crate::model::{Chart, ChartPoint, Edit, Field, Node, NodeId, NodeKind};
use crate::samples;
use crate::ui::canvas::Canvas;
use crate::ui::inspector::Inspector;

/// What the editor opens at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// A chart file.
    File(PathBuf),
    /// An embedded sample, by name.
    Sample(String),
}

impl Default for Start {
    fn default() -> Start {
        Start::Sample(samples::SAMPLES[0].name.to_owned())
    }
}

/// A short message shown over the canvas for a few seconds.
#[derive(Clone, Debug)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub until: f64,
}

/// An in-place title edit on the canvas.
#[derive(Clone, Debug)]
pub struct Rename {
    pub id: NodeId,
    pub text: String,
    pub focused: bool,
}

/// The editor.
pub struct OrganigramApp {
    pub(super) doc: Document,
    pub(super) canvas: Canvas,
    pub(super) selection: Vec<NodeId>,
    pub(super) settings: Settings,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub(super) queue: Vec<Action>,
    pub(super) modal: Option<Modal>,
    pub(super) notice: Option<Notice>,
    /// The file dialog open now, if any.
    pub(super) waiting: Option<super::file_flow::Waiting>,
    /// When the user last pressed, typed or moved anything (egui time, seconds).
    last_input: f64,
    pub(super) search: Search,
    pub(super) rename: Option<Rename>,
    pub(super) inspector: Inspector,
    pub(super) outline_cache: super::outline::OutlineCache,
    pub(super) export_form: super::export_dialog::ExportForm,
    pub(super) recovery: super::recovery::Recovery,
    pub(super) show_shortcuts: bool,
    pub(super) show_about: bool,
    pub(super) allow_close: bool,
    last_title: String,
    fonts_ready: bool,
    look_for_system_font: bool,
    pub(super) system_font: Option<String>,
}

impl OrganigramApp {
    /// The editor as eframe creates it: remembered settings, native dialogs, system fonts.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> OrganigramApp {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let interval = settings.autosave_seconds;
        let mut app = OrganigramApp::with_dialogs(Box::new(NativeDialogs), start)
            .with_recovery(super::recovery::Recovery::default_dir(), interval);
        app.settings = settings;
        app.look_for_system_font = true;
        // Installed before the first frame, so the first frame already has them.
        app.install_fonts(&cc.egui_ctx);
        app
    }

    /// The editor with the given file dialogs and only the bundled font, for tests and
    /// benchmarks. A start file that fails to load leaves the seed sample open and says why.
    pub fn with_dialogs(dialogs: Box<dyn FileDialogs>, start: Start) -> OrganigramApp {
        let fallback = || {
            let sample = &samples::SAMPLES[0];
            let chart = sample
                .load()
                .unwrap_or_else(|_| Chart::new("Untitled chart", ""));
            Document::new(chart, Origin::Sample(sample.name.to_owned()))
        };
        let mut modal = None;
        let doc = match &start {
            Start::Sample(name) => match samples::find(name).map(samples::Sample::load) {
                Some(Ok(chart)) => Document::new(chart, Origin::Sample(name.clone())),
                _ => fallback(),
            },
            Start::File(path) => match load_file(path) {
                Ok(chart) => Document::new(chart, Origin::File(path.clone())),
                Err(error) => {
                    modal = Some(Modal::Error {
                        title: "Could not open the chart".to_owned(),
                        message: error.to_string(),
                    });
                    fallback()
                }
            },
        };
        OrganigramApp {
            doc,
            canvas: Canvas::default(),
            selection: Vec::new(),
            settings: Settings::default(),
            dialogs,
            queue: Vec::new(),
            modal,
            notice: None,
            waiting: None,
            last_input: 0.0,
            search: Search::default(),
            rename: None,
            inspector: Inspector::default(),
            outline_cache: Default::default(),
            export_form: Default::default(),
            recovery: super::recovery::Recovery::new(None, 60.0),
            show_shortcuts: false,
            show_about: false,
            allow_close: false,
            last_title: String::new(),
            fonts_ready: false,
            look_for_system_font: false,
            system_font: None,
        }
    }

    /// Autosaves recovery copies into `dir` every `interval` seconds while there are
    /// unsaved changes, and offers to restore copies a crashed session left there.
    pub fn with_recovery(mut self, dir: Option<PathBuf>, interval: f64) -> OrganigramApp {
        self.recovery = super::recovery::Recovery::new(dir, interval);
        let orphans = self.recovery.orphans();
        if !orphans.is_empty() && self.modal.is_none() {
            self.modal = Some(Modal::Recover { orphans });
        }
        self
    }

    /// The editor on an in-memory chart (benchmarks, generated charts).
    pub fn with_chart(dialogs: Box<dyn FileDialogs>, chart: Chart) -> OrganigramApp {
        let mut app = OrganigramApp::with_dialogs(dialogs, Start::default());
        app.replace_document(Document::new(chart, Origin::Untitled));
        app
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The selected cards, the primary one last.
    pub fn selection(&self) -> &[NodeId] {
        &self.selection
    }

    /// The open modal dialog's title, if any (for tests).
    pub fn modal_title(&self) -> Option<&str> {
        self.modal.as_ref().map(Modal::title)
    }

    /// The canvas (for tests and benchmarks).
    pub fn canvas_mut(&mut self) -> &mut Canvas {
        &mut self.canvas
    }

    /// The notice shown over the canvas, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Queues an action, as widgets do; it runs at the end of the next frame.
    pub fn push(&mut self, action: Action) {
        self.queue.push(action);
    }

    /// Drops card `id` onto card `target`, exactly as a drag on the canvas does.
    pub fn drop_card_on(&mut self, id: NodeId, target: NodeId) {
        self.push(Action::Reparent { id, target });
    }

    fn install_fonts(&mut self, ctx: &egui::Context) {
        let report = super::fonts::install(ctx, self.look_for_system_font);
        self.system_font = report.system_font;
        self.fonts_ready = true;
    }

    /// Draws one frame of the whole editor in `ui` and applies what it asked for.
    pub fn ui_body(&mut self, ui: &mut egui::Ui) {
        // Fonts set now take effect next frame; until then the card font does not exist.
        let fonts_active = self.fonts_ready;
        if !self.fonts_ready {
            self.install_fonts(ui.ctx());
            ui.ctx().request_repaint();
        }
        ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
        self.handle_close_request(ui.ctx());
        self.handle_shortcuts(ui.ctx());
        self.handle_dropped_files(ui.ctx());
        self.update_title(ui.ctx());
        self.poll_file_dialog(ui.ctx());
        let now = ui.input(|i| i.time);
        if ui.input(|i| !i.events.is_empty() || i.pointer.any_down()) {
            self.last_input = now;
        }
        if let Some(wait) = self.recovery.tick(&self.doc, now, now - self.last_input) {
            ui.ctx().request_repaint_after(wait);
        }

        egui::Panel::top("organigram-menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::top("organigram-toolbar").show(ui, |ui| self.toolbar(ui));
        egui::Panel::bottom("organigram-status").show(ui, |ui| self.status_bar(ui));
        if self.settings.show_outline {
            egui::Panel::left("organigram-outline")
                .resizable(true)
                .default_size(260.0)
                .size_range(160.0..=520.0)
                .show(ui, |ui| self.outline(ui));
        }
        if self.settings.show_inspector {
            egui::Panel::right("organigram-inspector")
                .resizable(true)
                .default_size(380.0)
                .size_range(260.0..=640.0)
                .show(ui, |ui| self.inspector_panel(ui));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(ui.visuals().extreme_bg_color))
            .show(ui, |ui| {
                if self.search.open {
                    self.search_bar(ui);
                }
                let hits = self.search.hit_set();
                let marks = CanvasMarks {
                    selection: &self.selection,
                    search_hits: &hits,
                    current_hit: self.search.current(),
                };
                if !fonts_active {
                    return;
                }
                let events = self.canvas.show(ui, &mut self.doc, &marks);
                self.queue.extend(events);
                if std::mem::take(&mut self.canvas.opened_at_top) {
                    self.hint_overview(ui.ctx());
                }
                self.rename_overlay(ui);
                self.notice_overlay(ui);
            });
        self.modal_ui(ui.ctx());
        self.windows(ui.ctx());
        self.export_window(ui.ctx());
        self.apply_queue(ui.ctx());
    }

    /// Closing the window with unsaved changes asks first (eframe also calls this from
    /// `logic`, which runs while the window is minimised).
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved {
                then: Pending::Quit,
            });
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        let title = format!("{}{dirty} — Organigram", self.doc.display_name());
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// The window title the editor last asked for.
    pub fn window_title(&self) -> &str {
        &self.last_title
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let mut commands: Vec<Command> = Command::ALL.to_vec();
        // Most specific first: Ctrl+Shift+S before Ctrl+S.
        commands.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| modifier_count(s.modifiers)))
        });
        for command in commands {
            if typing && command.is_bare_key() {
                continue;
            }
            let shortcuts = command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts().iter().copied());
            for shortcut in shortcuts {
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.queue.push(Action::Command(command));
                    break;
                }
            }
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.queue.push(Action::OpenFile(path));
        }
    }

    pub(super) fn say(&mut self, ctx: &egui::Context, text: impl Into<String>, is_error: bool) {
        let now = ctx.input(|i| i.time);
        self.notice = Some(Notice {
            text: text.into(),
            is_error,
            until: now + 5.0,
        });
        ctx.request_repaint_after(std::time::Duration::from_secs_f32(5.1));
    }

    fn notice_overlay(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let Some(notice) = &self.notice else { return };
        if notice.until < now {
            self.notice = None;
            return;
        }
        let rect = ui.max_rect();
        let colour = if notice.is_error {
            egui::Color32::from_rgb(0xb7, 0x1c, 0x1c)
        } else {
            egui::Color32::from_rgb(0x37, 0x47, 0x4f)
        };
        egui::Area::new(Id::new("organigram-notice"))
            .fixed_pos(rect.left_bottom() + egui::vec2(12.0, -48.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::new()
                    .fill(colour)
                    .corner_radius(6)
                    .inner_margin(egui::Margin::symmetric(12, 8))
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(&notice.text).color(egui::Color32::WHITE));
                    });
            });
    }

    fn rename_overlay(&mut self, ui: &mut egui::Ui) {
        let Some(rename) = &mut self.rename else {
            return;
        };
        let Some(rect) = self.canvas.screen_rect_of(rename.id, &mut self.doc) else {
            self.rename = None;
            return;
        };
        let mut commit = None;
        let mut cancel = false;
        egui::Area::new(Id::new("organigram-rename"))
            .fixed_pos(rect.left_top())
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                ui.set_width(rect.width().max(180.0));
                let label = ui.label("Rename");
                let response = ui.add(
                    egui::TextEdit::singleline(&mut rename.text)
                        .desired_width(rect.width().max(180.0))
                        .id(Id::new("organigram-rename-text")),
                );
                let response = response.labelled_by(label.id);
                if !rename.focused {
                    // Start with the whole title selected, so typing replaces it.
                    response.request_focus();
                    let id = Id::new("organigram-rename-text");
                    let mut state =
                        egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
                    let end = egui::text::CCursor::new(rename.text.chars().count());
                    state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::two(
                            egui::text::CCursor::new(0),
                            end,
                        )));
                    state.store(ui.ctx(), id);
                    rename.focused = true;
                }
                if response.lost_focus() {
                    if ui.input(|i| i.key_pressed(Key::Escape)) {
                        cancel = true;
                    } else {
                        commit = Some(rename.text.trim().to_owned());
                    }
                }
            });
        if cancel {
            self.rename = None;
        } else if let Some(text) = commit {
            let id = rename.id;
            self.rename = None;
            if self.doc.chart().node(id).is_some_and(|n| n.title != text) {
                self.queue.push(Action::Edit {
                    edit: Edit::SetField {
                        id,
                        field: Field::Title(text),
                    },
                    label: "Rename".to_owned(),
                });
            }
        }
    }

    /// Applies every queued action in order.
    pub(super) fn apply_queue(&mut self, ctx: &egui::Context) {
        let queue = std::mem::take(&mut self.queue);
        for action in queue {
            self.apply_action(ctx, action);
        }
        // Forget selected cards that no longer exist.
        let chart = self.doc.chart();
        self.selection.retain(|&id| chart.contains(id));
    }

    fn apply_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => self.run_command(ctx, command, None),
            Action::CommandOn(command, id) => self.run_command(ctx, command, Some(id)),
            Action::Edit { edit, label } => {
                self.edit(ctx, edit, &label);
            }
            Action::Select(id, SelectMode::Replace) => self.selection = vec![id],
            Action::Select(id, SelectMode::Toggle) => {
                if let Some(at) = self.selection.iter().position(|&s| s == id) {
                    self.selection.remove(at);
                } else {
                    self.selection.push(id);
                }
            }
            Action::Reveal(id) => {
                self.expand_to(ctx, id);
                self.selection = vec![id];
                self.canvas.centre_on(id, &mut self.doc);
            }
            Action::ClearSelection => self.selection.clear(),
            Action::Reparent { id, target } => self.reparent(ctx, id, target),
            Action::Pin { id, at } => self.pin(ctx, id, at),
            Action::ToggleCollapse(id) => self.toggle_collapse(ctx, id),
            Action::StartRename(id) => {
                let text = self
                    .doc
                    .chart()
                    .node(id)
                    .map(|n| n.title.clone())
                    .unwrap_or_default();
                self.selection = vec![id];
                self.rename = Some(Rename {
                    id,
                    text,
                    focused: false,
                });
            }
            Action::OpenFile(path) => self.guard_unsaved(ctx, Pending::OpenPath(path)),
            Action::OpenSample(name) => self.guard_unsaved(ctx, Pending::OpenSample(name)),
            Action::Delete { ids, keep_reports } => self.delete(ctx, &ids, keep_reports),
        }
    }

    /// Applies `edit` as an undoable step, telling the user if it was refused.
    pub(super) fn edit(&mut self, ctx: &egui::Context, edit: Edit, label: &str) -> bool {
        match self.doc.apply(edit, label) {
            Ok(()) => true,
            Err(error) => {
                self.say(ctx, error.to_string(), true);
                false
            }
        }
    }

    fn reparent(&mut self, ctx: &egui::Context, id: NodeId, target: NodeId) {
        let chart = self.doc.chart();
        if chart.parent(id) == Some(target) && chart.node(id).is_some_and(|n| n.pin.is_none()) {
            return;
        }
        let mut steps = Vec::new();
        if chart.node(id).is_some_and(|n| n.dotted.contains(&target)) {
            steps.push(Edit::RemoveDotted {
                from: id,
                to: target,
            });
        }
        if chart.node(id).is_some_and(|n| n.pin.is_some()) {
            steps.push(Edit::SetField {
                id,
                field: Field::Pin(None),
            });
        }
        let index = chart.children(target).len() - usize::from(chart.parent(id) == Some(target));
        steps.push(Edit::Move {
            id,
            parent: Some(target),
            index,
        });
        let label = format!("Move {}", chart.label(id));
        if self.edit(ctx, Edit::Batch(steps), &label) {
            self.selection = vec![id];
        }
    }

    fn pin(&mut self, ctx: &egui::Context, id: NodeId, at: ChartPoint) {
        self.edit(
            ctx,
            Edit::SetField {
                id,
                field: Field::Pin(Some(at)),
            },
            "Pin card",
        );
    }

    fn toggle_collapse(&mut self, ctx: &egui::Context, id: NodeId) {
        let Some(node) = self.doc.chart().node(id) else {
            return;
        };
        if self.doc.chart().children(id).is_empty() {
            return;
        }
        let folded = !node.collapsed;
        self.edit(
            ctx,
            Edit::SetField {
                id,
                field: Field::Collapsed(folded),
            },
            if folded { "Collapse" } else { "Expand" },
        );
    }

    /// Unfolds every collapsed ancestor of `id` so it can be seen.
    pub(super) fn expand_to(&mut self, ctx: &egui::Context, id: NodeId) {
        let folded: Vec<NodeId> = self
            .doc
            .chart()
            .ancestors(id)
            .filter(|&a| self.doc.chart().node(a).is_some_and(|n| n.collapsed))
            .collect();
        if !folded.is_empty() {
            let edits = folded
                .into_iter()
                .map(|a| Edit::SetField {
                    id: a,
                    field: Field::Collapsed(false),
                })
                .collect();
            self.edit(ctx, Edit::Batch(edits), "Expand");
        }
    }

    fn delete(&mut self, ctx: &egui::Context, ids: &[NodeId], keep_reports: bool) {
        // Delete from the bottom up so a card inside another deleted subtree is skipped.
        let chart = self.doc.chart();
        let chosen: FxHashSet<NodeId> = ids.iter().copied().collect();
        let steps: Vec<Edit> = ids
            .iter()
            .filter(|&&id| keep_reports || !chart.ancestors(id).any(|a| chosen.contains(&a)))
            .map(|&id| Edit::RemoveNode { id, keep_reports })
            .collect();
        let label = if keep_reports {
            "Delete (keep subordinates)"
        } else {
            "Delete subtree"
        };
        if self.edit(ctx, Edit::Batch(steps), label) {
            self.selection.clear();
        }
    }

    /// New, Open and Quit go through here: ask about unsaved changes first.
    pub(super) fn guard_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved { then: pending });
        } else {
            self.carry_out(ctx, pending);
        }
    }

    /// Does what was waiting for the unsaved-changes question.
    pub(super) fn carry_out(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                let chinese = self.is_chinese();
                let mut chart = Chart::new(
                    if chinese {
                        "新组织架构图"
                    } else {
                        "New organisation chart"
                    },
                    "",
                );
                let root = chart.fresh_id();
                let name = if chinese { "组织" } else { "Organisation" };
                let _ = chart.apply(Edit::AddNode {
                    id: root,
                    parent: None,
                    index: 0,
                    node: Box::new(Node::new(NodeKind::Unit, name)),
                });
                self.replace_document(Document::new(chart, Origin::Untitled));
                self.selection = vec![root];
            }
            Pending::Open => self.ask_path(ctx, DialogKind::OpenChart, None),
            Pending::OpenPath(path) => self.open_path(ctx, &path),
            Pending::OpenSample(name) => {
                if let Some(sample) = samples::find(name) {
                    match sample.load() {
                        Ok(chart) => self.replace_document(Document::new(
                            chart,
                            Origin::Sample(name.to_owned()),
                        )),
                        Err(error) => {
                            self.modal = Some(Modal::Error {
                                title: "Could not open the sample".into(),
                                message: error.to_string(),
                            })
                        }
                    }
                }
            }
            Pending::Quit => {
                self.recovery.clear();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Says how to take in a chart too big to read when fitted in the window.
    fn hint_overview(&mut self, ctx: &egui::Context) {
        let shortcut = |command: Command| {
            command
                .shortcut()
                .map_or_else(String::new, |s| ctx.format_shortcut(&s))
        };
        let levels = Command::ShowLevels(3);
        let text = format!(
            "Too big to read when fitted: {} ({}, View menu) gives an overview; {} ({}) shows it all",
            levels.label(),
            shortcut(levels),
            Command::ZoomFit.label(),
            shortcut(Command::ZoomFit),
        );
        self.say(ctx, text, false);
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        // The chart being replaced was saved, or the user chose not to save it.
        self.recovery.clear();
        self.doc = doc;
        self.canvas.reset();
        self.selection.clear();
        self.rename = None;
        self.search = Search::default();
        self.inspector = Inspector::default();
    }

    /// Opens `path`; on failure the chart that was open stays open and a dialog says why.
    pub(super) fn open_path(&mut self, _ctx: &egui::Context, path: &Path) {
        match load_file(path) {
            Ok(chart) => {
                self.replace_document(Document::new(chart, Origin::File(path.to_owned())));
                self.settings.remember(path);
            }
            Err(error) => {
                self.modal = Some(Modal::Error {
                    title: "Could not open the chart".to_owned(),
                    message: error.to_string(),
                });
            }
        }
    }

    pub(super) fn suggested_file_name(&self) -> String {
        match self.doc.origin() {
            Origin::File(path) => path
                .file_name()
                .map_or_else(|| "chart.ron".into(), |n| n.to_string_lossy().into_owned()),
            Origin::Sample(name) => format!("{name}.ron"),
            Origin::Untitled => "chart.ron".to_owned(),
        }
    }

    /// Saves to `path` (adding `.ron` if it has no extension). Failure keeps the chart
    /// open and dirty, and says what happened and what to do.
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path.to_owned()
        };
        let options = SaveOptions {
            keep_backup: self.settings.keep_backup,
        };
        match save_file(&path, self.doc.chart(), &options) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.recovery.clear();
                self.settings.remember(&path);
                self.say(ctx, format!("Saved {}", path.display()), false);
                true
            }
            Err(error) => {
                self.modal = Some(Modal::Error {
                    title: "The chart was not saved".to_owned(),
                    message: error.to_string(),
                });
                false
            }
        }
    }

    /// Save: to the chart's file, or ask where; once saved, carries out `then`. If the
    /// file changed on disk since it was loaded, asks first instead of overwriting.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        match self.doc.path().cloned() {
            Some(path) if self.doc.changed_on_disk() => {
                self.modal = Some(Modal::ChangedOnDisk { path, then });
            }
            Some(path) => self.use_path(ctx, DialogKind::SaveChart, &path, then),
            None => self.save_as(ctx, then),
        }
    }

    /// Save As: ask where, then save; once saved, carries out `then`.
    pub(super) fn save_as(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        self.ask_path(ctx, DialogKind::SaveChart, then);
    }

    /// True when the chart is in Chinese (its title has CJK characters).
    pub(super) fn is_chinese(&self) -> bool {
        self.doc.style().vacant_text == "空缺"
    }
}

fn modifier_count(modifiers: Modifiers) -> u32 {
    u32::from(modifiers.command || modifiers.ctrl)
        + u32::from(modifiers.shift)
        + u32::from(modifiers.alt)
}

impl eframe::App for OrganigramApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved {
                then: Pending::Quit,
            });
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_body(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean close: nothing unsaved, or the user chose not to save.
        if !self.doc.is_dirty() || self.allow_close {
            self.recovery.clear();
        }
    }
}
