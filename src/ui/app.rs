//! The eframe app: the editor, the views' own state, and each frame's order: collect the
//! actions the views return, apply them to the editor (which drains every follow-up in
//! the same frame), then carry out the editor's effects on the window.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use egui::Ui;

use super::canvas::Canvas;
use super::dialogs::ModalView;
use super::inspector::Inspector;
use super::overlays::RenameBox;
use super::search::SearchBar;
use super::words;
use crate::editor::{Action, Editor, Effect, FileDialogs, Settings, Start};
use crate::model::Chart;

/// The editor window.
pub struct OrganigramApp {
    editor: Editor,
    canvas: Canvas,
    inspector: Inspector,
    search_bar: SearchBar,
    rename_box: RenameBox,
    modal_view: ModalView,
    last_title: String,
    fonts_ready: bool,
    look_for_system_font: bool,
    system_font: Option<String>,
    wake_set: bool,
    /// What the left panel shows while comparing.
    left_tab: LeftTab,
    analysis_panel: super::analysis_panel::AnalysisPanel,
    /// Whether the editor was comparing last frame (a new comparison shows its changes).
    was_comparing: bool,
}

/// The left panel's tabs while comparing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LeftTab {
    Outline,
    Changes,
}

impl OrganigramApp {
    /// The editor as eframe creates it: remembered settings, native dialogs, system
    /// fonts, autosave into the app's data folder.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> OrganigramApp {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let interval = settings.autosave_seconds;
        let recovery_dir = eframe::storage_dir("organigram").map(|dir| dir.join("recovery"));
        let editor = Editor::new(start, Box::new(super::files::NativeDialogs))
            .with_settings(settings)
            .with_recovery(recovery_dir, interval);
        let mut app = OrganigramApp::with_editor(editor);
        app.look_for_system_font = true;
        // Installed before the first frame, so the first frame already has them.
        app.install_fonts(&cc.egui_ctx);
        app
    }

    /// The window around `editor`, with only the bundled font (tests, benchmarks).
    pub fn with_editor(editor: Editor) -> OrganigramApp {
        OrganigramApp {
            editor,
            canvas: Canvas::default(),
            inspector: Inspector::default(),
            search_bar: SearchBar::default(),
            rename_box: RenameBox::default(),
            modal_view: ModalView::default(),
            last_title: String::new(),
            fonts_ready: false,
            look_for_system_font: false,
            system_font: None,
            wake_set: false,
            left_tab: LeftTab::Changes,
            analysis_panel: Default::default(),
            was_comparing: false,
        }
    }

    /// The window on `start` with the given file dialogs (tests).
    pub fn with_dialogs(dialogs: Box<dyn FileDialogs>, start: Start) -> OrganigramApp {
        OrganigramApp::with_editor(Editor::new(start, dialogs))
    }

    /// The window on an in-memory chart (benchmarks, generated charts).
    pub fn with_chart(dialogs: Box<dyn FileDialogs>, chart: Chart) -> OrganigramApp {
        OrganigramApp::with_editor(Editor::with_chart(chart, dialogs))
    }

    /// The editor.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// Applies `action` to the editor, as a view would.
    pub fn apply(&mut self, action: Action) {
        self.editor.apply(action);
    }

    /// The canvas view (tests and benchmarks).
    pub fn canvas(&self) -> &Canvas {
        &self.canvas
    }

    /// The notice as the user reads it, if one is showing.
    pub fn notice_text(&self) -> Option<String> {
        self.editor
            .notice()
            .map(|notice| words::message(&notice.message, |_| String::new()))
    }

    /// The open modal's heading, if one is open, in the UI language of this thread.
    pub fn modal_title(&self) -> Option<&'static str> {
        self.editor
            .modal()
            .map(|modal| interned(words::modal_title(modal)))
    }

    /// The window title the app last asked for.
    pub fn window_title(&self) -> &str {
        &self.last_title
    }

    fn install_fonts(&mut self, ctx: &egui::Context) {
        let report = super::fonts::install(ctx, self.look_for_system_font);
        self.system_font = report.system_font;
        self.fonts_ready = true;
    }

    /// Draws one frame of the whole editor in `ui` and applies what it asked for.
    pub fn ui_body(&mut self, ui: &mut Ui) {
        crate::i18n::set_current(self.editor.language());
        let ctx = ui.ctx().clone();
        // Fonts set now take effect next frame; until then the card font does not exist.
        let fonts_active = self.fonts_ready;
        if !self.fonts_ready {
            self.install_fonts(&ctx);
            ctx.request_repaint();
        }
        if !self.wake_set {
            let waker = ctx.clone();
            self.editor
                .set_wake(Arc::new(move || waker.request_repaint()));
            self.wake_set = true;
        }
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let input = ctx.input(|i| !i.events.is_empty() || i.pointer.any_down());
        let mut actions = vec![Action::Frame {
            now_s: ctx.input(|i| i.time),
            input,
        }];
        if ctx.input(|i| i.viewport().close_requested()) {
            actions.push(Action::CloseRequested);
        }
        actions.extend(super::shortcuts::pressed(&ctx, &self.editor));
        actions.extend(super::shortcuts::dropped_file(&ctx));
        actions.extend(self.panels(ui, fonts_active));
        actions.extend(self.modal_view.show(&ctx, &self.editor));
        actions.extend(super::dialogs::windows(
            &ctx,
            &self.editor,
            self.system_font.as_deref(),
        ));
        actions.extend(super::export_dialog::export_window(&ctx, &self.editor));
        actions.extend(super::import_dialog::import_window(&ctx, &self.editor));
        actions.extend(super::update_dialog::update_window(&ctx, &self.editor));
        let changed = actions.len() > 1;
        self.editor.run(actions);
        self.carry_out_effects(&ctx);
        if changed {
            // The views drew the editor as it was; show what the actions did.
            ctx.request_repaint();
        }
    }

    /// The panels around the canvas, and the canvas; returns their actions.
    fn panels(&mut self, ui: &mut Ui, fonts_active: bool) -> Vec<Action> {
        let editor = &self.editor;
        let settings = editor.settings();
        let mut actions = Vec::new();
        egui::Panel::top("organigram-menu")
            .show(ui, |ui| actions.extend(super::menus::menu_bar(ui, editor)));
        egui::Panel::top("organigram-toolbar")
            .show(ui, |ui| actions.extend(super::menus::toolbar(ui, editor)));
        egui::Panel::bottom("organigram-status")
            .show(ui, |ui| super::status::status_bar(ui, editor));
        if settings.show_analysis {
            let panel = &mut self.analysis_panel;
            egui::Panel::bottom("organigram-analysis")
                .resizable(true)
                .default_size(280.0)
                .size_range(160.0..=600.0)
                .show(ui, |ui| actions.extend(panel.show(ui, editor)));
        }
        let comparing = editor.comparison().is_some();
        if comparing && !self.was_comparing {
            self.left_tab = LeftTab::Changes;
        }
        self.was_comparing = comparing;
        if settings.show_outline || comparing {
            let tab = &mut self.left_tab;
            egui::Panel::left("organigram-outline")
                .resizable(true)
                .default_size(if comparing { 340.0 } else { 260.0 })
                .size_range(160.0..=640.0)
                .show(ui, |ui| {
                    if comparing {
                        ui.horizontal(|ui| {
                            let changes = crate::t!("outline-tab-changes");
                            ui.selectable_value(tab, LeftTab::Changes, changes);
                            let outline = crate::t!("outline-tab-outline");
                            ui.selectable_value(tab, LeftTab::Outline, outline);
                        });
                        ui.separator();
                    }
                    if comparing && *tab == LeftTab::Changes {
                        actions.extend(super::changes_panel::changes_panel(ui, editor));
                    } else {
                        actions.extend(super::outline::outline(ui, editor));
                    }
                });
        }
        if settings.show_inspector {
            let inspector = &mut self.inspector;
            egui::Panel::right("organigram-inspector")
                .resizable(true)
                .default_size(380.0)
                .size_range(260.0..=640.0)
                .show(ui, |ui| actions.extend(inspector.show(ui, editor)));
        }

        let (canvas, search_bar, rename_box) =
            (&mut self.canvas, &mut self.search_bar, &mut self.rename_box);
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(ui.visuals().extreme_bg_color))
            .show(ui, |ui| {
                actions.extend(search_bar.show(ui, editor));
                if !fonts_active {
                    return;
                }
                actions.extend(canvas.show(ui, editor));
                actions.extend(rename_box.show(ui, canvas, editor));
                super::overlays::notice(ui, canvas.rect(), editor);
                super::overlays::colour_legend(ui, canvas.rect(), editor);
            });
        actions
    }

    /// Does what the editor asked of the window, and keeps its title up to date.
    fn carry_out_effects(&mut self, ctx: &egui::Context) {
        for effect in self.editor.take_effects() {
            match effect {
                Effect::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Effect::CancelClose => ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose),
                Effect::RepaintAfter(wait) => ctx.request_repaint_after(wait),
            }
        }
        let doc = self.editor.document();
        let title = words::window_title(&doc.display_name(), doc.is_dirty());
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }
}

impl eframe::App for OrganigramApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        crate::i18n::set_current(self.editor.language());
        // Runs while the window is minimised too: a close request still asks first.
        if ctx.input(|i| i.viewport().close_requested()) {
            self.editor.apply(Action::CloseRequested);
            self.carry_out_effects(ctx);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_body(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, self.editor.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean close: nothing unsaved, or the user chose not to save.
        self.editor.apply(Action::CloseRequested);
    }
}

/// `text` as a `&'static str`, kept once per distinct text. Modal headings are a few dozen
/// texts in two languages, so the set stays small; it lets tests compare a heading with a
/// literal.
fn interned(text: String) -> &'static str {
    static TEXTS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&known) = texts.get(text.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.into_boxed_str());
    texts.insert(leaked);
    leaked
}
