//! Modal questions and message windows: unsaved changes, delete, errors, typed paths,
//! keyboard shortcuts, about.

use std::path::PathBuf;

use egui::{Id, RichText};

use super::app::OrganigramApp;
use super::command::Command;
use super::files::DialogKind;
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
}

/// The open modal dialog.
#[derive(Clone, Debug)]
pub enum Modal {
    /// Unsaved changes: Save, Don't save or Cancel, then `then`.
    Unsaved { then: Pending },
    /// Delete cards with subordinates: keep them or delete the subtrees.
    Delete { ids: Vec<NodeId> },
    /// Something went wrong; the chart is as it was.
    Error { title: String, message: String },
    /// The file changed on disk since it was loaded: overwrite, save elsewhere, or reload.
    ChangedOnDisk {
        path: PathBuf,
        /// What waits for the save.
        then: Option<Pending>,
    },
    /// Recovery copies from a session that ended without saving.
    Recover {
        orphans: Vec<super::recovery::Orphan>,
    },
    /// No native file dialog: type a path.
    PathEntry {
        kind: DialogKind,
        text: String,
        message: String,
        /// What waits for the save.
        then: Option<Pending>,
    },
}

impl Modal {
    /// The dialog's heading.
    pub fn title(&self) -> &str {
        match self {
            Modal::Unsaved { .. } => "Unsaved changes",
            Modal::Delete { .. } => "Delete",
            Modal::Error { title, .. } => title,
            Modal::ChangedOnDisk { .. } => "The file changed on disk",
            Modal::Recover { .. } => "Recover unsaved work",
            Modal::PathEntry {
                kind: DialogKind::OpenChart,
                ..
            } => "Open chart",
            Modal::PathEntry {
                kind: DialogKind::SaveChart,
                ..
            } => "Save chart",
            Modal::PathEntry {
                kind: DialogKind::Export(_),
                ..
            } => "Export chart",
        }
    }
}

/// What the user chose in a modal.
enum Choice {
    None,
    Close,
    SaveThen(Pending),
    DiscardThen(Pending),
    Delete {
        ids: Vec<NodeId>,
        keep_reports: bool,
    },
    Path(DialogKind, PathBuf, Option<Pending>),
    Restore(super::recovery::Orphan),
    Discard(super::recovery::Orphan),
    SaveElsewhere(Option<Pending>),
    Reload(PathBuf),
}

impl OrganigramApp {
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(modal) = &mut self.modal else { return };
        let mut choice = Choice::None;
        let title = modal.title().to_owned();
        let response = egui::Modal::new(Id::new("organigram-modal")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(&title);
            ui.add_space(6.0);
            match modal {
                Modal::Unsaved { then } => {
                    ui.label("The chart has changes that are not saved. Save them first?");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            choice = Choice::SaveThen(then.clone());
                        }
                        if ui.button("Don't save").clicked() {
                            choice = Choice::DiscardThen(then.clone());
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Choice::Close;
                        }
                    });
                }
                Modal::Delete { ids } => {
                    let names: Vec<String> =
                        ids.iter().map(|&id| self.doc.chart().label(id)).collect();
                    ui.label(format!("Delete {}?", names.join(", ")));
                    ui.label("Its subordinates can stay, moving up to its manager, or go with it.");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Keep subordinates").clicked() {
                            choice = Choice::Delete {
                                ids: ids.clone(),
                                keep_reports: true,
                            };
                        }
                        if ui.button("Delete whole subtree").clicked() {
                            choice = Choice::Delete {
                                ids: ids.clone(),
                                keep_reports: false,
                            };
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Choice::Close;
                        }
                    });
                }
                Modal::Error { message, .. } => {
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            ui.label(RichText::new(message.as_str()).monospace());
                        });
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        choice = Choice::Close;
                    }
                }
                Modal::Recover { orphans } => {
                    ui.label("Organigram did not close cleanly last time. These charts had changes that were not saved:");
                    ui.add_space(6.0);
                    for (n, orphan) in orphans.iter().enumerate() {
                        ui.horizontal(|ui| {
                            ui.label(orphan.summary());
                            if ui.button(format!("Restore {}", n + 1)).clicked() {
                                choice = Choice::Restore(orphan.clone());
                            }
                            if ui.button(format!("Discard {}", n + 1)).clicked() {
                                choice = Choice::Discard(orphan.clone());
                            }
                        });
                    }
                    ui.add_space(8.0);
                    if ui.button("Not now").on_hover_text("Keep the copies; you will be asked next time").clicked() {
                        choice = Choice::Close;
                    }
                }
                Modal::ChangedOnDisk { path, then } => {
                    ui.label(format!(
                        "{} was changed by someone or something else since you opened it. Saving now would replace their changes.",
                        path.display()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            choice = Choice::Path(DialogKind::SaveChart, path.clone(), then.clone());
                        }
                        if ui.button("Save As…").clicked() {
                            choice = Choice::SaveElsewhere(then.clone());
                        }
                        if ui.button("Reload from disk").on_hover_text("Discards your unsaved changes").clicked() {
                            choice = Choice::Reload(path.clone());
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Choice::Close;
                        }
                    });
                }
                Modal::PathEntry {
                    kind,
                    text,
                    message,
                    then,
                } => {
                    ui.label(message.as_str());
                    ui.add_space(6.0);
                    let label = ui.label("File path");
                    ui.add(egui::TextEdit::singleline(text).desired_width(480.0))
                        .labelled_by(label.id);
                    ui.horizontal(|ui| {
                        let action = if matches!(kind, DialogKind::Export(_)) {
                            "Export"
                        } else if *kind == DialogKind::OpenChart {
                            "Open"
                        } else {
                            "Save"
                        };
                        if ui.button(action).clicked() && !text.trim().is_empty() {
                            choice = Choice::Path(*kind, PathBuf::from(text.trim()), then.clone());
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Choice::Close;
                        }
                    });
                }
            }
        });
        if response.should_close() && matches!(choice, Choice::None) {
            choice = Choice::Close;
        }
        match choice {
            Choice::None => {}
            Choice::Close => {
                self.modal = None;
            }
            Choice::SaveThen(then) => {
                self.modal = None;
                self.save(ctx, Some(then));
            }
            Choice::DiscardThen(then) => {
                self.modal = None;
                self.carry_out(ctx, then);
            }
            Choice::Delete { ids, keep_reports } => {
                self.modal = None;
                self.push(super::Action::Delete { ids, keep_reports });
            }
            Choice::Restore(orphan) => {
                self.modal = None;
                match super::recovery::restore(&orphan) {
                    Ok(doc) => {
                        super::recovery::discard(&orphan);
                        self.replace_document(doc);
                        self.say(
                            ctx,
                            "Restored your unsaved changes; save them to keep them",
                            false,
                        );
                    }
                    Err(error) => {
                        self.modal = Some(Modal::Error {
                            title: "The recovery copy could not be opened".to_owned(),
                            message: error.to_string(),
                        });
                    }
                }
            }
            Choice::Discard(orphan) => {
                super::recovery::discard(&orphan);
                if let Some(Modal::Recover { orphans }) = &mut self.modal {
                    orphans.retain(|o| o != &orphan);
                    if orphans.is_empty() {
                        self.modal = None;
                    }
                }
            }
            Choice::SaveElsewhere(then) => {
                self.modal = None;
                self.save_as(ctx, then);
            }
            Choice::Reload(path) => {
                self.modal = None;
                self.open_path(ctx, &path);
            }
            Choice::Path(kind, path, then) => {
                self.modal = None;
                self.use_path(ctx, kind, &path, then);
            }
        }
    }

    pub(super) fn windows(&mut self, ctx: &egui::Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .resizable(true)
            .default_width(420.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                    egui::Grid::new("organigram-shortcuts").striped(true).num_columns(2).show(ui, |ui| {
                        for command in Command::ALL {
                            let keys: Vec<String> = command
                                .shortcut()
                                .iter()
                                .chain(command.alternative_shortcuts())
                                .map(|s| ctx.format_shortcut(s))
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
                    ui.label("Canvas: drag the background or scroll to pan; Ctrl+scroll or pinch to zoom; drag a card onto another to re-parent it, or onto empty space to pin it; Shift/Ctrl-click adds to the selection; double-click renames; right-click for more.");
                });
            });
        let system_font = self.system_font.clone();
        egui::Window::new("About Organigram")
            .open(&mut self.show_about)
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
    }
}
