//! File ▸ Update from HR file…, a view of the editor's update preview: what the file
//! would change, one checkbox each, and Apply (one undoable step).

use egui::{RichText, Ui};

use crate::compare::report::heading;
use crate::compare::ChangeKind;
use crate::editor::{Action, Editor, UpdateChoice, UpdatePreview, Window};

/// How many of the HR file's problems are listed.
const PROBLEMS_SHOWN: usize = 20;

/// Draws the update window while the editor has one open; returns what the user did.
pub fn update_window(ctx: &egui::Context, editor: &Editor) -> Vec<Action> {
    let Some(preview) = editor.update_preview() else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new("Update from HR file")
        .open(&mut open)
        .default_width(640.0)
        .default_height(520.0)
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| body(ui, preview, &mut actions));
    if !open {
        actions.push(Action::CloseWindow(Window::Update));
    }
    actions
}

fn body(ui: &mut Ui, preview: &UpdatePreview, actions: &mut Vec<Action>) {
    let diff = preview.diff();
    ui.label(RichText::new(preview.file_name()).strong());
    ui.label(
        RichText::new(
            "Structure, titles and holders come from the file; the chart's duties, notes, colours, hand-placed cards, dotted lines and its own units are kept.",
        )
        .weak(),
    );
    let counts: Vec<String> = ChangeKind::ALL
        .iter()
        .map(|&kind| format!("{} {}", diff.count(kind), heading(kind).to_lowercase()))
        .collect();
    ui.label(format!(
        "{} · matched by {}",
        counts.join(" · "),
        diff.match_by.name()
    ));
    problems(ui, preview.problems());
    ui.separator();
    if diff.is_empty() {
        ui.label("The chart is up to date with this file: nothing to change.");
    } else {
        ui.horizontal(|ui| {
            if ui.button("Choose all").clicked() {
                actions.push(Action::ChooseUpdate(UpdateChoice::All(true)));
            }
            if ui.button("Choose none").clicked() {
                actions.push(Action::ChooseUpdate(UpdateChoice::All(false)));
            }
        });
        list(ui, preview, actions);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let chosen = preview.chosen_count();
        let apply = format!(
            "Apply {chosen} change{}",
            if chosen == 1 { "" } else { "s" }
        );
        if ui
            .add_enabled(chosen > 0, egui::Button::new(apply))
            .on_hover_text("Make the chosen changes; one Undo takes them all back")
            .clicked()
        {
            actions.push(Action::UpdateNow);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseWindow(Window::Update));
        }
    });
}

fn problems(ui: &mut Ui, problems: &[String]) {
    if problems.is_empty() {
        return;
    }
    let heading = match problems.len() {
        1 => "1 problem in the file".to_owned(),
        n => format!("{n} problems in the file"),
    };
    ui.collapsing(heading, |ui| {
        for line in problems.iter().take(PROBLEMS_SHOWN) {
            ui.label(RichText::new(line).small());
        }
        if problems.len() > PROBLEMS_SHOWN {
            ui.label(format!("… and {} more", problems.len() - PROBLEMS_SHOWN));
        }
    });
}

/// One checkbox per change, drawn only where the list is scrolled to.
fn list(ui: &mut Ui, preview: &UpdatePreview, actions: &mut Vec<Action>) {
    let changes = &preview.diff().changes;
    let row_height = ui.spacing().interact_size.y + 2.0;
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, changes.len(), |ui, range| {
            for at in range {
                let Some(change) = changes.get(at) else {
                    continue;
                };
                let mut chosen = preview.is_chosen(at);
                let text = format!("{}: {}", heading(change.kind()), preview.line(at));
                if ui.checkbox(&mut chosen, text).changed() {
                    actions.push(Action::ChooseUpdate(UpdateChoice::One(at, chosen)));
                }
            }
        });
}
