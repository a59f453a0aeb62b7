//! File ▸ Update from HR file…, a view of the editor's update preview: what the file
//! would change, one checkbox each, and Apply (one undoable step).

use egui::{Id, RichText, Ui};

use super::changes_panel::{kind_heading, matched_by};
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
    egui::Window::new(crate::t!("update-title"))
        .id(Id::new("organigram-update-window"))
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
    ui.label(RichText::new(crate::t!("update-keeps")).weak());
    let counts: Vec<String> = ChangeKind::ALL
        .iter()
        .map(|&kind| {
            let id = match kind {
                ChangeKind::Added => "update-count-added",
                ChangeKind::Removed => "update-count-removed",
                ChangeKind::Moved => "update-count-moved",
                ChangeKind::Changed => "update-count-changed",
            };
            crate::t!(id, count = diff.count(kind))
        })
        .collect();
    ui.label(crate::t!(
        "update-counts",
        counts = counts.join(" · "),
        matched = matched_by(diff.match_by)
    ));
    problems(ui, preview.problems());
    ui.separator();
    if diff.is_empty() {
        ui.label(crate::t!("update-up-to-date"));
    } else {
        ui.horizontal(|ui| {
            if ui.button(crate::t!("update-choose-all")).clicked() {
                actions.push(Action::ChooseUpdate(UpdateChoice::All(true)));
            }
            if ui.button(crate::t!("update-choose-none")).clicked() {
                actions.push(Action::ChooseUpdate(UpdateChoice::All(false)));
            }
        });
        list(ui, preview, actions);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let chosen = preview.chosen_count();
        let apply = crate::t!("update-apply", count = chosen);
        if ui
            .add_enabled(chosen > 0, egui::Button::new(apply))
            .on_hover_text(crate::t!("update-apply-tip"))
            .clicked()
        {
            actions.push(Action::UpdateNow);
        }
        if ui.button(crate::t!("dialog-cancel")).clicked() {
            actions.push(Action::CloseWindow(Window::Update));
        }
    });
}

fn problems(ui: &mut Ui, problems: &[String]) {
    if problems.is_empty() {
        return;
    }
    let heading = crate::t!("update-problems", count = problems.len());
    ui.collapsing(heading, |ui| {
        for line in problems.iter().take(PROBLEMS_SHOWN) {
            ui.label(RichText::new(line).small());
        }
        if problems.len() > PROBLEMS_SHOWN {
            let more = problems.len() - PROBLEMS_SHOWN;
            ui.label(crate::t!("dialog-and-more", count = more));
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
                let text = crate::t!(
                    "update-change-line",
                    kind = kind_heading(change.kind()),
                    line = preview.line(at)
                );
                if ui.checkbox(&mut chosen, text).changed() {
                    actions.push(Action::ChooseUpdate(UpdateChoice::One(at, chosen)));
                }
            }
        });
}
