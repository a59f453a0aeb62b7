//! Views of the editor's modal questions (unsaved changes, delete, errors, a file changed
//! on disk, recovery, a typed path) and of the help windows (keyboard shortcuts, about).

use egui::{Id, RichText, Ui};

use super::command::CommandUi;
use super::files::NO_BACKEND_HELP;
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
                ui.label("The chart has changes that are not saved. Save them first?");
                buttons(
                    ui,
                    &[
                        ("Save", ModalChoice::Save),
                        ("Don't save", ModalChoice::DontSave),
                        ("Cancel", ModalChoice::Close),
                    ],
                )
            }
            Modal::Delete { ids } => {
                let names: Vec<String> = ids.iter().map(|&id| editor.chart().label(id)).collect();
                ui.label(format!("Delete {}?", names.join(", ")));
                ui.label("Its subordinates can stay, moving up to its manager, or go with it.");
                buttons(
                    ui,
                    &[
                        (
                            "Keep subordinates",
                            ModalChoice::Delete { keep_reports: true },
                        ),
                        (
                            "Delete whole subtree",
                            ModalChoice::Delete {
                                keep_reports: false,
                            },
                        ),
                        ("Cancel", ModalChoice::Close),
                    ],
                )
            }
            Modal::Error { detail, .. } => {
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new(detail.as_str()).monospace());
                    });
                buttons(ui, &[("OK", ModalChoice::Close)])
            }
            Modal::Recover { orphans } => recover(ui, orphans),
            Modal::ChangedOnDisk { path, .. } => {
                ui.label(format!(
                    "{} was changed by someone or something else since you opened it. Saving now would replace their changes.",
                    path.display()
                ));
                buttons(
                    ui,
                    &[
                        ("Overwrite", ModalChoice::Overwrite),
                        ("Save As…", ModalChoice::SaveElsewhere),
                        ("Reload from disk", ModalChoice::Reload),
                        ("Cancel", ModalChoice::Close),
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
        ui.label(NO_BACKEND_HELP);
        ui.add_space(6.0);
        let label = ui.label("File path");
        ui.add(egui::TextEdit::singleline(text).desired_width(480.0))
            .labelled_by(label.id);
        let verb = match kind {
            DialogKind::Export(_) => "Export",
            DialogKind::OpenChart | DialogKind::Import => "Open",
            DialogKind::Compare => "Compare",
            DialogKind::UpdateFrom => "Preview the update",
            DialogKind::SaveChart => "Save",
        };
        let typed = text.trim().to_owned();
        let choice = buttons(
            ui,
            &[
                (verb, ModalChoice::Path(typed.clone())),
                ("Cancel", ModalChoice::Close),
            ],
        );
        match choice {
            Some(ModalChoice::Path(_)) if typed.is_empty() => None,
            other => other,
        }
    }
}

/// A row of buttons; returns the choice of the one clicked.
fn buttons(ui: &mut Ui, choices: &[(&str, ModalChoice)]) -> Option<ModalChoice> {
    ui.add_space(8.0);
    let mut chosen = None;
    ui.horizontal(|ui| {
        for (text, choice) in choices {
            if ui.button(*text).clicked() {
                chosen = Some(choice.clone());
            }
        }
    });
    chosen
}

fn recover(ui: &mut Ui, orphans: &[crate::editor::Orphan]) -> Option<ModalChoice> {
    ui.label(
        "Organigram did not close cleanly last time. These charts had changes that were not saved:",
    );
    ui.add_space(6.0);
    let mut chosen = None;
    for (n, orphan) in orphans.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(orphan_summary(orphan));
            if ui.button(format!("Restore {}", n + 1)).clicked() {
                chosen = Some(ModalChoice::Restore(n));
            }
            if ui.button(format!("Discard {}", n + 1)).clicked() {
                chosen = Some(ModalChoice::Discard(n));
            }
        });
    }
    ui.add_space(8.0);
    if ui
        .button("Not now")
        .on_hover_text("Keep the copies; you will be asked next time")
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
    egui::Window::new("Keyboard shortcuts")
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
    egui::Window::new("About Organigram")
        .open(&mut about)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading(format!("Organigram {}", env!("CARGO_PKG_VERSION")));
            ui.label("An org-chart editor for people who redesign organisations.");
            ui.label("Card font: WenQuanYi Micro Hei subset (Apache-2.0).");
            if let Some(font) = system_font {
                ui.label(format!("Interface CJK font: {font} (system)."));
            }
            ui.label("Built with egui, eframe and egui_graphs.");
        });
    if editor.shows_about() && !about {
        actions.push(Action::CloseWindow(Window::About));
    }
    actions
}

/// Every shortcut, from the one command enum.
fn shortcut_list(ui: &mut Ui) {
    egui::Grid::new("organigram-shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for command in Command::ALL {
                let keys: Vec<String> = command
                    .shortcut()
                    .iter()
                    .chain(command.alternative_shortcuts())
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                ui.label(command.label());
                ui.label(RichText::new(keys.join("  or  ")).monospace());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label("Canvas: drag the background or scroll to pan; Ctrl+scroll or pinch to zoom; drag a card onto another to re-parent it, or onto empty space to place it by hand; Shift/Ctrl-click adds to the selection; double-click renames; right-click for more.");
}
