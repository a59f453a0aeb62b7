//! The Changes panel, shown while comparing: the figures before and after, a filter, and
//! the changes grouped by kind; clicking one selects its card and brings it into view.

use egui::{RichText, Ui};

use super::canvas::look::{colour32, Palette};
use super::command::CommandUi;
use crate::compare::report::{delta_text, heading};
use crate::compare::ChangeKind;
use crate::editor::{Action, ChangeFilter, Command, Comparison, Editor};
use crate::layout::{ChangeLook, CARD_SPEC};

/// One line of the list: a group's heading or a change.
#[derive(Clone, Copy)]
enum Row {
    Heading(ChangeKind, usize),
    Change(usize),
}

/// Draws the panel; returns what the user did.
pub fn changes_panel(ui: &mut Ui, editor: &Editor) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(comparison) = editor.comparison() else {
        return actions;
    };
    ui.horizontal(|ui| {
        if ui
            .button(Command::StopComparing.label())
            .on_hover_text("Remove every mark and leave compare mode")
            .clicked()
        {
            actions.push(Action::Command(Command::StopComparing));
        }
    });
    ui.label(
        RichText::new(format!(
            "Compared with {} · matched by {}",
            comparison.base_name(),
            comparison.diff().match_by.name()
        ))
        .weak(),
    );
    ui.add_space(4.0);
    figures(ui, comparison);
    ui.add_space(6.0);
    if let Some(filter) = filter(ui, comparison) {
        actions.push(Action::FilterChanges(filter));
    }
    ui.separator();
    list(ui, editor, comparison, &mut actions);
    actions
}

/// The summary figures: before, after and the change.
fn figures(ui: &mut Ui, comparison: &Comparison) {
    egui::Grid::new("organigram-change-figures")
        .num_columns(4)
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for head in ["before", "after", "change"] {
                ui.label(RichText::new(head).weak());
            }
            ui.end_row();
            for (name, figure, whole) in comparison.diff().summary.rows() {
                let shown = |value: f64| {
                    if whole {
                        format!("{value:.0}")
                    } else {
                        format!("{value:.2}")
                    }
                };
                ui.label(figure_name(name));
                ui.label(shown(figure.before));
                ui.label(shown(figure.after));
                ui.label(delta_text(figure.delta(), whole));
                ui.end_row();
            }
        });
}

fn figure_name(name: &str) -> &'static str {
    match name {
        "posts" => "Posts",
        "headcount" => "Headcount",
        "vacancies" => "Vacancies",
        "managers" => "Managers",
        "layers" => "Layers",
        _ => "Mean span",
    }
}

/// The kind checkboxes and the text filter; the new filter if the user changed it.
fn filter(ui: &mut Ui, comparison: &Comparison) -> Option<ChangeFilter> {
    let mut filter = comparison.filter().clone();
    let palette = Palette::new(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        for kind in ChangeKind::ALL {
            let count = comparison.diff().count(kind);
            let colour = colour32(CARD_SPEC.change_colour(look_of(kind), &palette.theme));
            let label = RichText::new(format!("{} ({count})", heading(kind))).color(colour);
            ui.checkbox(&mut filter.kinds[kind as usize], label);
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut filter.text)
            .hint_text("Filter by title, holder or field")
            .desired_width(f32::INFINITY),
    );
    (&filter != comparison.filter()).then_some(filter)
}

fn look_of(kind: ChangeKind) -> ChangeLook {
    match kind {
        ChangeKind::Added => ChangeLook::Added,
        ChangeKind::Removed => ChangeLook::Removed,
        ChangeKind::Moved => ChangeLook::Moved,
        ChangeKind::Changed => ChangeLook::Changed,
    }
}

/// The changes, grouped by kind, drawn only where the list is scrolled to.
fn list(ui: &mut Ui, editor: &Editor, comparison: &Comparison, actions: &mut Vec<Action>) {
    let changes = &comparison.diff().changes;
    let mut rows = Vec::with_capacity(comparison.rows().len() + 4);
    let mut last: Option<ChangeKind> = None;
    for &at in comparison.rows() {
        let Some(change) = changes.get(at) else {
            continue;
        };
        if last != Some(change.kind()) {
            let shown = comparison
                .rows()
                .iter()
                .filter(|&&r| changes.get(r).is_some_and(|c| c.kind() == change.kind()))
                .count();
            rows.push(Row::Heading(change.kind(), shown));
            last = Some(change.kind());
        }
        rows.push(Row::Change(at));
    }
    if rows.is_empty() {
        let text = if changes.is_empty() {
            "No changes: the charts are the same."
        } else {
            "No change matches the filter."
        };
        ui.label(RichText::new(text).weak());
        return;
    }
    let selection = editor.selection();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                match *row {
                    Row::Heading(kind, count) => {
                        ui.label(RichText::new(format!("{} · {count}", heading(kind))).strong());
                    }
                    Row::Change(at) => {
                        let Some(change) = changes.get(at) else {
                            continue;
                        };
                        let selected =
                            change.kind() != ChangeKind::Removed && selection.contains(&change.id);
                        let response = ui.selectable_label(selected, comparison.line(at));
                        if response.clicked() {
                            actions.push(Action::GoToChange(at));
                        }
                    }
                }
            }
        });
}
