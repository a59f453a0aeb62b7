//! The menu bar and the toolbar, both built from [`Command`].

use egui::{Button, Ui};

use super::actions::Action;
use super::app::OrganigramApp;
use super::command::Command;
use crate::samples;

impl OrganigramApp {
    /// A menu entry for `command`, with its shortcut and tooltip; disabled when it needs a
    /// selection and there is none.
    fn menu_item(&mut self, ui: &mut Ui, command: Command) {
        let enabled = self.command_enabled(command);
        let mut button = Button::new(command.label());
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            self.push(Action::Command(command));
            ui.close();
        }
    }

    /// Whether `command` can run now.
    pub(super) fn command_enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.doc.history().undo_len() > 0,
            Command::Redo => self.doc.history().redo_len() > 0,
            c if c.needs_selection() => !self.selection.is_empty(),
            _ => true,
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, Command::New);
                self.menu_item(ui, Command::Open);
                ui.menu_button("Open sample", |ui| {
                    for sample in &samples::SAMPLES {
                        if ui.button(sample.label).clicked() {
                            self.push(Action::OpenSample(sample.name));
                            ui.close();
                        }
                    }
                });
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in self.settings.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.push(Action::OpenFile(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                self.menu_item(ui, Command::Save);
                self.menu_item(ui, Command::SaveAs);
                self.menu_item(ui, Command::Export);
                ui.menu_button("Autosave", |ui| {
                    for (seconds, label) in [
                        (0.0, "Off"),
                        (30.0, "Every 30 seconds"),
                        (60.0, "Every minute"),
                        (300.0, "Every 5 minutes"),
                    ] {
                        if ui
                            .radio_value(&mut self.settings.autosave_seconds, seconds, label)
                            .clicked()
                        {
                            self.recovery.interval = seconds;
                            ui.close();
                        }
                    }
                });
                ui.checkbox(
                    &mut self.settings.keep_backup,
                    "Keep previous version as .bak",
                )
                .on_hover_text(
                    "When saving over a file, keep the old one beside it as NAME.ron.bak",
                );
                ui.separator();
                self.menu_item(ui, Command::Quit);
            });
            ui.menu_button("Edit", |ui| {
                self.menu_item(ui, Command::Undo);
                self.menu_item(ui, Command::Redo);
                ui.separator();
                for command in [
                    Command::AddSubordinate,
                    Command::AddAssistant,
                    Command::AddSibling,
                    Command::AddUnit,
                    Command::Rename,
                    Command::Delete,
                ] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                self.menu_item(ui, Command::Find);
                self.menu_item(ui, Command::FindNext);
                self.menu_item(ui, Command::FindPrevious);
            });
            ui.menu_button("View", |ui| {
                for command in [
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::ZoomFit,
                    Command::CentreSelection,
                    Command::ToggleCollapse,
                    Command::Relayout,
                ] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                for command in [
                    Command::ShowLevels(2),
                    Command::ShowLevels(3),
                    Command::ShowLevels(4),
                    Command::ShowLevels(5),
                    Command::ExpandAll,
                ] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                if ui
                    .checkbox(
                        &mut self.settings.show_outline,
                        Command::ToggleOutline.label(),
                    )
                    .changed()
                {
                    ui.close();
                }
                if ui
                    .checkbox(
                        &mut self.settings.show_inspector,
                        Command::ToggleInspector.label(),
                    )
                    .changed()
                {
                    ui.close();
                }
                ui.separator();
                ui.label("Theme");
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                self.menu_item(ui, Command::ShowShortcuts);
                self.menu_item(ui, Command::About);
            });
        });
    }

    pub(super) fn toolbar(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let tools = [
                Command::Undo,
                Command::Redo,
                Command::AddSubordinate,
                Command::AddAssistant,
                Command::AddSibling,
                Command::AddUnit,
                Command::Delete,
                Command::ToggleCollapse,
                Command::Relayout,
                Command::ZoomFit,
                Command::Find,
            ];
            for (n, command) in tools.into_iter().enumerate() {
                if n == 2 || n == 7 || n == 9 {
                    ui.separator();
                }
                let tooltip = match command.shortcut() {
                    Some(shortcut) => format!(
                        "{} ({})",
                        command.tooltip(),
                        ui.ctx().format_shortcut(&shortcut)
                    ),
                    None => command.tooltip().to_owned(),
                };
                if ui
                    .add_enabled(self.command_enabled(command), Button::new(command.label()))
                    .on_hover_text(tooltip)
                    .clicked()
                {
                    self.push(Action::Command(command));
                }
            }
        });
    }
}
