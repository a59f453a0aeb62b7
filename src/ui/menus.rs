//! The menu bar and the toolbar, views built from [`Command`]: they read the editor and
//! return the commands chosen.

use egui::{Button, Ui};

use super::command::CommandUi;
use crate::analysis::ColourBy;
use crate::editor::{Action, Command, Editor, Settings, SlideShape};
use crate::i18n::{Lang, LanguageChoice};
use crate::samples;

/// A menu entry for `command` with its shortcut and tooltip, enabled when the editor says
/// it can run; a toggle shows a tick.
fn item(ui: &mut Ui, editor: &Editor, command: Command, actions: &mut Vec<Action>) {
    let mut button = Button::new(command.label());
    if let Some(ticked) = toggle_state(editor, command) {
        button = button.selected(ticked);
    }
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(super::command::shortcut_text(ui.ctx(), &shortcut));
    }
    if ui
        .add_enabled(editor.can(command), button)
        .on_hover_text(tooltip(editor, command))
        .clicked()
    {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// A command's tooltip; Undo and Redo also say which step they would take back or again.
fn tooltip(editor: &Editor, command: Command) -> String {
    let history = editor.document().history();
    let step = match command {
        Command::Undo => history.undo_label(),
        Command::Redo => history.redo_label(),
        _ => None,
    };
    match step {
        Some(step) => crate::t!(
            "menu-tip-with-step",
            tip = command.tooltip(),
            step = super::words::label(step),
        ),
        None => command.tooltip(),
    }
}

/// Whether a toggle command is on; `None` for commands that are not toggles.
fn toggle_state(editor: &Editor, command: Command) -> Option<bool> {
    let settings = editor.settings();
    match command {
        Command::ToggleCompact => Some(settings.view.stack_teams),
        Command::ToggleDutiesOnCards => Some(settings.view.duties_on_cards),
        Command::ToggleLeftToRight => Some(settings.view.left_to_right),
        Command::ToggleFitToSlide => Some(settings.view.fit_to_slide),
        Command::ToggleOutline => Some(settings.show_outline),
        Command::ToggleInspector => Some(settings.show_inspector),
        Command::ToggleAnalysis => Some(settings.show_analysis),
        _ => None,
    }
}

/// The menu bar.
pub fn menu_bar(ui: &mut Ui, editor: &Editor) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(crate::t!("menu-file"), |ui| {
            file_menu(ui, editor, &mut actions)
        });
        ui.menu_button(crate::t!("menu-edit"), |ui| {
            item(ui, editor, Command::Undo, &mut actions);
            item(ui, editor, Command::Redo, &mut actions);
            ui.separator();
            for command in [
                Command::AddSubordinate,
                Command::AddAssistant,
                Command::AddSibling,
                Command::AddUnit,
                Command::Rename,
                Command::Delete,
            ] {
                item(ui, editor, command, &mut actions);
            }
            ui.separator();
            for command in [Command::Find, Command::FindNext, Command::FindPrevious] {
                item(ui, editor, command, &mut actions);
            }
        });
        ui.menu_button(crate::t!("menu-view"), |ui| {
            view_menu(ui, editor, &mut actions)
        });
        ui.menu_button(crate::t!("menu-help"), |ui| {
            item(ui, editor, Command::ShowShortcuts, &mut actions);
            item(ui, editor, Command::About, &mut actions);
        });
    });
    actions
}

fn file_menu(ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
    item(ui, editor, Command::New, actions);
    item(ui, editor, Command::Open, actions);
    ui.menu_button(crate::t!("menu-open-sample"), |ui| {
        for sample in &samples::SAMPLES {
            if ui.button(sample_label(sample)).clicked() {
                actions.push(Action::OpenSample(sample.name));
                ui.close();
            }
        }
    });
    ui.menu_button(crate::t!("menu-open-recent"), |ui| {
        let recent = &editor.settings().recent;
        if recent.is_empty() {
            ui.label(crate::t!("menu-no-recent"));
        }
        for path in recent {
            if ui.button(path.display().to_string()).clicked() {
                actions.push(Action::OpenFile(path.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    for command in [
        Command::Save,
        Command::SaveAs,
        Command::Import,
        Command::Export,
        Command::ExportHandbook,
    ] {
        item(ui, editor, command, actions);
    }
    ui.separator();
    for command in [
        Command::CompareWith,
        Command::StopComparing,
        Command::UpdateFromHr,
    ] {
        item(ui, editor, command, actions);
    }
    ui.separator();
    let mut settings = editor.settings().clone();
    ui.menu_button(crate::t!("menu-autosave"), |ui| {
        for (seconds, id) in [
            (0.0, "menu-autosave-off"),
            (30.0, "menu-autosave-30-seconds"),
            (60.0, "menu-autosave-minute"),
            (300.0, "menu-autosave-5-minutes"),
        ] {
            if ui
                .radio_value(&mut settings.autosave_seconds, seconds, crate::t!(id))
                .clicked()
            {
                ui.close();
            }
        }
    });
    ui.checkbox(&mut settings.keep_backup, crate::t!("menu-keep-backup"))
        .on_hover_text(crate::t!("menu-keep-backup-tip"));
    changed_settings(editor, settings, actions);
    ui.separator();
    item(ui, editor, Command::Quit, actions);
}

/// A sample's name in File ▸ Open sample, in the UI language (the command line lists
/// [`samples::Sample::label`]).
fn sample_label(sample: &samples::Sample) -> String {
    let id = match sample.name {
        "seed-marketing-zh" => "menu-sample-seed-zh",
        "seed-marketing-en" => "menu-sample-seed-en",
        "midsize-northwind" => "menu-sample-northwind",
        _ => return sample.label.to_owned(),
    };
    crate::t!(id)
}

fn view_menu(ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
    for command in [
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::CentreSelection,
        Command::ToggleCollapse,
        Command::Relayout,
    ] {
        item(ui, editor, command, actions);
    }
    ui.separator();
    for command in [
        Command::ToggleCompact,
        Command::ToggleDutiesOnCards,
        Command::ToggleLeftToRight,
        Command::ToggleFitToSlide,
    ] {
        item(ui, editor, command, actions);
    }
    slide_shape_menu(ui, editor, actions);
    ui.separator();
    for command in [
        Command::ShowLevels(2),
        Command::ShowLevels(3),
        Command::ShowLevels(4),
        Command::ShowLevels(5),
        Command::ExpandAll,
    ] {
        item(ui, editor, command, actions);
    }
    ui.separator();
    colour_by_menu(ui, editor, actions);
    item(ui, editor, Command::ToggleAnalysis, actions);
    ui.separator();
    item(ui, editor, Command::ToggleOutline, actions);
    item(ui, editor, Command::ToggleInspector, actions);
    ui.separator();
    language_menu(ui, editor, actions);
    theme_menu(ui);
}

/// View ▸ Language: follow the system, English or 简体中文, switched at once.
fn language_menu(ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
    let mut settings = editor.settings().clone();
    ui.menu_button(crate::t!("menu-language"), |ui| {
        let system = crate::t!(
            "menu-language-system",
            language = crate::i18n::system_language().native_name()
        );
        let mut choices = vec![(LanguageChoice::System, system)];
        for lang in Lang::ALL {
            choices.push((LanguageChoice::Fixed(lang), lang.native_name().to_owned()));
        }
        for (choice, text) in choices {
            if ui
                .radio_value(&mut settings.language, choice, text)
                .clicked()
            {
                ui.close();
            }
        }
    });
    changed_settings(editor, settings, actions);
}

/// View ▸ Theme: follow the system, dark or light (egui's own setting, which it keeps).
fn theme_menu(ui: &mut Ui) {
    ui.menu_button(crate::t!("menu-theme"), |ui| {
        let mut preference = ui.ctx().options(|o| o.theme_preference);
        let before = preference;
        for (choice, id) in [
            (egui::ThemePreference::System, "menu-theme-system"),
            (egui::ThemePreference::Dark, "menu-theme-dark"),
            (egui::ThemePreference::Light, "menu-theme-light"),
        ] {
            if ui
                .radio_value(&mut preference, choice, crate::t!(id))
                .clicked()
            {
                ui.close();
            }
        }
        if preference != before {
            ui.ctx().set_theme(preference);
        }
    });
}

/// View ▸ Colour by: unit, span band, layer or vacancy.
fn colour_by_menu(ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
    let mut settings = editor.settings().clone();
    ui.menu_button(crate::t!("menu-colour-by"), |ui| {
        for by in ColourBy::ALL {
            if ui
                .radio_value(
                    &mut settings.view.colour_by,
                    by,
                    super::words::colour_by(by),
                )
                .clicked()
            {
                ui.close();
            }
        }
    });
    changed_settings(editor, settings, actions);
}

/// View ▸ Slide shape: what Fit to slide shape comes close to. Choosing a shape also
/// turns the fitting on.
fn slide_shape_menu(ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
    let mut settings = editor.settings().clone();
    ui.menu_button(crate::t!("menu-slide-shape"), |ui| {
        for shape in SlideShape::ALL {
            let id = match shape {
                SlideShape::Widescreen => "menu-slide-shape-widescreen",
                SlideShape::Standard => "menu-slide-shape-standard",
                SlideShape::PaperLandscape => "menu-slide-shape-paper",
            };
            if ui
                .radio_value(&mut settings.view.slide_shape, shape, crate::t!(id))
                .clicked()
            {
                settings.view.fit_to_slide = true;
                ui.close();
            }
        }
    });
    changed_settings(editor, settings, actions);
}

/// Settings edited in a menu go back as one action, if anything changed.
fn changed_settings(editor: &Editor, settings: Settings, actions: &mut Vec<Action>) {
    if &settings != editor.settings() {
        actions.push(Action::Settings(settings));
    }
}

/// The toolbar.
pub fn toolbar(ui: &mut Ui, editor: &Editor) -> Vec<Action> {
    let mut actions = Vec::new();
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
                Some(shortcut) => crate::t!(
                    "toolbar-tip-with-shortcut",
                    tip = tooltip(editor, command),
                    shortcut = super::command::shortcut_text(ui.ctx(), &shortcut),
                ),
                None => tooltip(editor, command),
            };
            if ui
                .add_enabled(editor.can(command), Button::new(command.label()))
                .on_hover_text(tooltip)
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
    });
    actions
}
