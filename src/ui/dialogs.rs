//! Views of the editor's modal questions (unsaved changes, delete, errors, a file changed
//! on disk, recovery, a typed path) and of the help windows (keyboard shortcuts, about).

use egui::{Id, RichText, Ui};

use super::command::CommandUi;
use super::words::{modal_title, orphan_summary};
use crate::editor::{Action, Command, DialogKind, Editor, Modal, ModalChoice, Window};

/// What the modal view keeps: the path being typed.
#[derive(Default)]
pub struct ModalView {
    path_text: Option<String>,
}

impl ModalView {
    /// Draws the editor's modal question, if any, and returns the answer.
    pub fn show(&mut self, ctx: &egui::Context, editor: &Editor) -> Vec<Action> {
        let Some(modal) = editor.modal() else {
            self.path_text = None;
            return Vec::new();
        };
        let mut choice = None;
        let response = egui::Modal::new(Id::new("organigram-modal")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(modal_title(modal));
            ui.add_space(6.0);
            choice = self.body(ui, editor, modal);
        });
        if response.should_close() && choice.is_none() {
            choice = Some(ModalChoice::Close);
        }
        choice.map(Action::Modal).into_iter().collect()
    }

    fn body(&mut self, ui: &mut Ui, editor: &Editor, modal: &Modal) -> Option<ModalChoice> {
        match modal {
            Modal::Unsaved { .. } => {
                ui.label(crate::t!("dialog-unsaved-body"));
                buttons(
                    ui,
                    &[
                        (crate::t!("dialog-save"), ModalChoice::Save),
                        (crate::t!("dialog-dont-save"), ModalChoice::DontSave),
                        (crate::t!("dialog-cancel"), ModalChoice::Close),
                    ],
                )
            }
            Modal::Delete { ids } => {
                let names: Vec<String> = ids.iter().map(|&id| editor.chart().label(id)).collect();
                let names = names.join(&crate::t!("dialog-list-separator"));
                ui.label(crate::t!("dialog-delete-question", names = names));
                ui.label(crate::t!("dialog-delete-body"));
                buttons(
                    ui,
                    &[
                        (
                            crate::t!("dialog-keep-subordinates"),
                            ModalChoice::Delete { keep_reports: true },
                        ),
                        (
                            crate::t!("dialog-delete-subtree"),
                            ModalChoice::Delete {
                                keep_reports: false,
                            },
                        ),
                        (crate::t!("dialog-cancel"), ModalChoice::Close),
                    ],
                )
            }
            Modal::Error { detail, .. } => {
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new(super::errors::detail(detail)).monospace());
                    });
                buttons(ui, &[(crate::t!("dialog-ok"), ModalChoice::Close)])
            }
            Modal::Recover { orphans } => recover(ui, orphans),
            Modal::ChangedOnDisk { path, .. } => {
                ui.label(crate::t!(
                    "dialog-changed-on-disk-body",
                    path = path.display().to_string()
                ));
                buttons(
                    ui,
                    &[
                        (crate::t!("dialog-overwrite"), ModalChoice::Overwrite),
                        (crate::t!("dialog-save-as"), ModalChoice::SaveElsewhere),
                        (crate::t!("dialog-reload"), ModalChoice::Reload),
                        (crate::t!("dialog-cancel"), ModalChoice::Close),
                    ],
                )
            }
            Modal::PathEntry {
                kind, suggested, ..
            } => self.path_entry(ui, *kind, suggested),
        }
    }

    fn path_entry(
        &mut self,
        ui: &mut Ui,
        kind: DialogKind,
        suggested: &str,
    ) -> Option<ModalChoice> {
        let text = self.path_text.get_or_insert_with(|| suggested.to_owned());
        ui.label(crate::t!("dialog-no-file-dialog"));
        ui.add_space(6.0);
        let label = ui.label(crate::t!("dialog-file-path"));
        ui.add(egui::TextEdit::singleline(text).desired_width(480.0))
            .labelled_by(label.id);
        let verb = match kind {
            DialogKind::Export(_) | DialogKind::Handbook => "dialog-path-export",
            DialogKind::OpenChart | DialogKind::Import => "dialog-path-open",
            DialogKind::Compare => "dialog-path-compare",
            DialogKind::UpdateFrom => "dialog-path-update",
            DialogKind::SaveChart => "dialog-path-save",
        };
        let typed = text.trim().to_owned();
        let choice = buttons(
            ui,
            &[
                (crate::t!(verb), ModalChoice::Path(typed.clone())),
                (crate::t!("dialog-cancel"), ModalChoice::Close),
            ],
        );
        match choice {
            Some(ModalChoice::Path(_)) if typed.is_empty() => None,
            other => other,
        }
    }
}

/// A row of buttons; returns the choice of the one clicked.
fn buttons(ui: &mut Ui, choices: &[(String, ModalChoice)]) -> Option<ModalChoice> {
    ui.add_space(8.0);
    let mut chosen = None;
    ui.horizontal(|ui| {
        for (text, choice) in choices {
            if ui.button(text.as_str()).clicked() {
                chosen = Some(choice.clone());
            }
        }
    });
    chosen
}

fn recover(ui: &mut Ui, orphans: &[crate::editor::Orphan]) -> Option<ModalChoice> {
    ui.label(crate::t!("dialog-recover-body"));
    ui.add_space(6.0);
    let mut chosen = None;
    for (n, orphan) in orphans.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(orphan_summary(orphan));
            if ui
                .button(crate::t!("dialog-restore", number = n + 1))
                .clicked()
            {
                chosen = Some(ModalChoice::Restore(n));
            }
            if ui
                .button(crate::t!("dialog-discard", number = n + 1))
                .clicked()
            {
                chosen = Some(ModalChoice::Discard(n));
            }
        });
    }
    ui.add_space(8.0);
    if ui
        .button(crate::t!("dialog-not-now"))
        .on_hover_text(crate::t!("dialog-not-now-tip"))
        .clicked()
    {
        chosen = Some(ModalChoice::Close);
    }
    chosen
}

/// Help ▸ Keyboard shortcuts and Help ▸ About, while the editor has them open.
pub fn windows(ctx: &egui::Context, editor: &Editor, system_font: Option<&str>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut shortcuts = editor.shows_shortcuts();
    egui::Window::new(crate::t!("dialog-shortcuts-title"))
        .id(Id::new("organigram-shortcuts-window"))
        .open(&mut shortcuts)
        .resizable(true)
        .default_width(420.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, shortcut_list);
        });
    if editor.shows_shortcuts() && !shortcuts {
        actions.push(Action::CloseWindow(Window::Shortcuts));
    }
    let mut about = editor.shows_about();
    egui::Window::new(crate::t!("dialog-about-title"))
        .id(Id::new("organigram-about-window"))
        .open(&mut about)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading(crate::t!(
                "dialog-about-version",
                version = env!("CARGO_PKG_VERSION")
            ));
            ui.label(crate::t!("dialog-about-tagline"));
            ui.label(crate::t!("dialog-about-card-font"));
            if let Some(font) = system_font {
                ui.label(crate::t!("dialog-about-system-font", font = font));
            }
            ui.label(crate::t!("dialog-about-built-with"));
        });
    if editor.shows_about() && !about {
        actions.push(Action::CloseWindow(Window::About));
    }
    actions
}

/// Every shortcut, from the one command enum.
fn shortcut_list(ui: &mut Ui) {
    let or = crate::t!("dialog-shortcut-or");
    egui::Grid::new("organigram-shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for command in Command::ALL {
                let keys: Vec<String> = command
                    .shortcut()
                    .iter()
                    .chain(command.alternative_shortcuts())
                    .map(|s| super::command::shortcut_text(ui.ctx(), s))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                ui.label(command.label());
                ui.label(RichText::new(keys.join(&or)).monospace());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(crate::t!("dialog-canvas-help"));
}
