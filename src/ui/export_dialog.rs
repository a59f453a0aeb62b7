//! File ▸ Export…, a view of the editor's export choices: the same options as
//! `organigram export`, then a native save dialog.

use egui::{RichText, Ui};

use super::words::format_name;
use crate::editor::{Action, Editor, Window};
use crate::export::{ExportChoices, ExportFormat, Paper, Theme};

/// Draws the export window while the editor has it open; returns the changed choices,
/// the export itself, or the window's closing.
pub fn export_window(ctx: &egui::Context, editor: &Editor) -> Vec<Action> {
    let Some(current) = editor.export_choices() else {
        return Vec::new();
    };
    let mut choices = current.clone();
    let mut open = true;
    let mut go = false;
    let has_selection = editor.primary().is_some();
    egui::Window::new("Export")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            go = form(ui, &mut choices, editor, has_selection);
        });
    let mut actions = Vec::new();
    if &choices != current {
        actions.push(Action::ExportChoices(choices));
    }
    if go {
        actions.push(Action::ExportNow);
    } else if !open {
        actions.push(Action::CloseWindow(Window::Export));
    }
    actions
}

/// The form; true when the user asked to export.
fn form(ui: &mut Ui, choices: &mut ExportChoices, editor: &Editor, has_selection: bool) -> bool {
    ui.horizontal(|ui| {
        ui.label("Format");
        for format in [
            ExportFormat::Pdf,
            ExportFormat::Png,
            ExportFormat::Svg,
            ExportFormat::Json,
            ExportFormat::Csv,
            ExportFormat::Xlsx,
        ] {
            ui.radio_value(&mut choices.format, format, format_name(format));
        }
    });
    let mut subtree = choices.subtree.is_some();
    if ui
        .add_enabled(
            has_selection,
            egui::Checkbox::new(&mut subtree, "Only the selected card's subtree"),
        )
        .changed()
    {
        choices.subtree = if subtree { editor.primary() } else { None };
    }
    ui.checkbox(
        &mut choices.duties,
        "Duties on the cards (job-description handouts)",
    );
    let mut dark = choices.theme == Theme::Dark;
    if ui
        .checkbox(&mut dark, "Dark colours (otherwise light, for print)")
        .changed()
    {
        choices.theme = if dark { Theme::Dark } else { Theme::Light };
    }
    let mut title = choices.title.is_some();
    if ui.checkbox(&mut title, "Title above the chart").changed() {
        choices.title = title.then(String::new);
    }
    ui.checkbox(&mut choices.date, "Today's date below the chart");
    ui.horizontal(|ui| {
        ui.label("Colour posts by");
        for by in crate::analysis::ColourBy::ALL {
            ui.radio_value(&mut choices.colour_by, by, super::words::colour_by(by));
        }
    });
    if let Some(comparison) = editor.comparison() {
        ui.checkbox(
            &mut choices.mark_changes,
            format!(
                "Mark the changes against {} (with a legend)",
                comparison.base_name()
            ),
        );
    }
    let change_list = choices.mark_changes && editor.comparison().is_some();
    match choices.format {
        ExportFormat::Png => {
            ui.add(
                egui::Slider::new(&mut choices.png_scale, 1.0..=4.0)
                    .step_by(0.5)
                    .text("PNG scale"),
            );
        }
        ExportFormat::Pdf => pdf_page(ui, choices),
        ExportFormat::Svg | ExportFormat::Json => {}
        ExportFormat::Csv | ExportFormat::Xlsx if change_list => {
            ui.label(
                RichText::new("The change list: one row per change, with the field, the old and the new value.").weak(),
            );
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {
            ui.label(
                RichText::new("One row per card: id, ref, kind, title, holder, manager, unit, headcount, dotted lines, duties and notes. Opens in Excel; Import… in the File menu reads it back.").weak(),
            );
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new("SVG keeps text editable; PDF text stays selectable.").weak());
    ui.button("Choose file and export…").clicked()
}

fn pdf_page(ui: &mut Ui, choices: &mut ExportChoices) {
    let page = &mut choices.page;
    let name = |paper: Option<Paper>| match paper {
        None => "Natural size",
        Some(Paper::A4) => "Fit to A4",
        Some(Paper::A3) => "Fit to A3",
        Some(Paper::Letter) => "Fit to Letter",
    };
    egui::ComboBox::from_label("PDF page")
        .selected_text(name(page.paper))
        .show_ui(ui, |ui| {
            for paper in [None, Some(Paper::A4), Some(Paper::A3), Some(Paper::Letter)] {
                ui.selectable_value(&mut page.paper, paper, name(paper));
            }
        });
    ui.add_enabled(
        page.paper.is_some(),
        egui::Checkbox::new(&mut page.landscape, "Landscape"),
    );
    ui.checkbox(&mut page.per_unit, "One page per top-level unit");
}
