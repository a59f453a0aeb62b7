//! The Changes panel, shown while comparing: the figures before and after, a filter, and
//! the changes grouped by kind; clicking one selects its card and brings it into view.

use egui::{RichText, Ui};

use super::canvas::look::{colour32, Palette};
use super::command::CommandUi;
use crate::compare::report::delta_text;
use crate::compare::{ChangeKind, MatchBy};
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
            .on_hover_text(crate::t!("changes-stop-tip"))
            .clicked()
        {
            actions.push(Action::Command(Command::StopComparing));
        }
    });
    ui.label(
        RichText::new(crate::t!(
            "changes-compared-with",
            base = comparison.base_name(),
            matched = matched_by(comparison.diff().match_by)
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
            for head in ["changes-before", "changes-after", "changes-change"] {
                ui.label(RichText::new(crate::t!(head)).weak());
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

/// A summary figure's name (`posts`, … `mean_span`) in the panel.
fn figure_name(name: &str) -> String {
    crate::t!(match name {
        "posts" => "changes-figure-posts",
        "headcount" => "changes-figure-headcount",
        "vacancies" => "changes-figure-vacancies",
        "managers" => "changes-figure-managers",
        "layers" => "changes-figure-layers",
        _ => "changes-figure-mean-span",
    })
}

/// A kind of change as a heading: New, Removed, Moved, Changed.
pub(super) fn kind_heading(kind: ChangeKind) -> String {
    crate::t!(match kind {
        ChangeKind::Added => "compare-kind-added",
        ChangeKind::Removed => "compare-kind-removed",
        ChangeKind::Moved => "compare-kind-moved",
        ChangeKind::Changed => "compare-kind-changed",
    })
}

/// How the nodes of the two charts were matched: "matched by id".
pub(super) fn matched_by(by: MatchBy) -> String {
    crate::t!(match by {
        MatchBy::Id => "compare-matched-by-id",
        MatchBy::Ref => "compare-matched-by-ref",
        MatchBy::Path => "compare-matched-by-path",
    })
}

/// The kind checkboxes and the text filter; the new filter if the user changed it.
fn filter(ui: &mut Ui, comparison: &Comparison) -> Option<ChangeFilter> {
    let mut filter = comparison.filter().clone();
    let palette = Palette::new(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        for kind in ChangeKind::ALL {
            let count = comparison.diff().count(kind);
            let colour = colour32(CARD_SPEC.change_colour(look_of(kind), &palette.theme));
            let text = crate::t!(
                "changes-kind-count",
                kind = kind_heading(kind),
                count = count
            );
            let label = RichText::new(text).color(colour);
            ui.checkbox(&mut filter.kinds[kind as usize], label);
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut filter.text)
            .hint_text(crate::t!("changes-filter-hint"))
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
            "changes-none"
        } else {
            "changes-none-match"
        };
        ui.label(RichText::new(crate::t!(text)).weak());
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
                        let text = format!("{} · {}", kind_heading(kind), count);
                        ui.label(RichText::new(text).strong());
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
