//! File ▸ Export…, a view of the editor's export choices: the same options as
//! `organigram export`, then a native save dialog.

use egui::{Id, RichText, Ui};

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
    egui::Window::new(crate::t!("export-title"))
        .id(Id::new("organigram-export-window"))
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
        ui.label(crate::t!("export-format"));
        for format in [
            ExportFormat::Pdf,
            ExportFormat::Png,
            ExportFormat::Svg,
            ExportFormat::Json,
            ExportFormat::Csv,
            ExportFormat::Xlsx,
            ExportFormat::Pptx,
        ] {
            ui.radio_value(&mut choices.format, format, format_name(format));
        }
    });
    let mut subtree = choices.subtree.is_some();
    if ui
        .add_enabled(
            has_selection,
            egui::Checkbox::new(&mut subtree, crate::t!("export-subtree")),
        )
        .changed()
    {
        choices.subtree = if subtree { editor.primary() } else { None };
    }
    // A deck keeps its cards small: duties go on handout slides instead.
    let duties = if choices.format == ExportFormat::Pptx {
        crate::t!("export-duties-handouts")
    } else {
        crate::t!("export-duties")
    };
    ui.checkbox(&mut choices.duties, duties);
    let mut dark = choices.theme == Theme::Dark;
    if ui.checkbox(&mut dark, crate::t!("export-dark")).changed() {
        choices.theme = if dark { Theme::Dark } else { Theme::Light };
    }
    let mut title = choices.title.is_some();
    if ui
        .checkbox(&mut title, crate::t!("export-title-above"))
        .changed()
    {
        choices.title = title.then(String::new);
    }
    ui.checkbox(&mut choices.date, crate::t!("export-date"));
    ui.horizontal(|ui| {
        ui.label(crate::t!("export-colour-by"));
        for by in crate::analysis::ColourBy::ALL {
            ui.radio_value(&mut choices.colour_by, by, super::words::colour_by(by));
        }
    });
    if let Some(comparison) = editor.comparison() {
        ui.checkbox(
            &mut choices.mark_changes,
            crate::t!("export-mark-changes", base = comparison.base_name()),
        );
    }
    let change_list = choices.mark_changes && editor.comparison().is_some();
    match choices.format {
        ExportFormat::Png => {
            ui.add(
                egui::Slider::new(&mut choices.png_scale, 1.0..=4.0)
                    .step_by(0.5)
                    .text(crate::t!("export-png-scale")),
            );
        }
        ExportFormat::Pdf => pdf_page(ui, choices),
        ExportFormat::Svg | ExportFormat::Json => {}
        ExportFormat::Pptx => {
            ui.label(RichText::new(crate::t!("export-pptx-help")).weak());
        }
        ExportFormat::Csv | ExportFormat::Xlsx if change_list => {
            ui.label(RichText::new(crate::t!("export-change-list-help")).weak());
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {
            ui.label(RichText::new(crate::t!("export-table-help")).weak());
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(crate::t!("export-text-help")).weak());
    ui.button(crate::t!("export-go")).clicked()
}

fn pdf_page(ui: &mut Ui, choices: &mut ExportChoices) {
    let page = &mut choices.page;
    let name = |paper: Option<Paper>| {
        crate::t!(match paper {
            None => "export-page-natural",
            Some(Paper::A4) => "export-page-a4",
            Some(Paper::A3) => "export-page-a3",
            Some(Paper::Letter) => "export-page-letter",
        })
    };
    egui::ComboBox::new("organigram-pdf-page", crate::t!("export-pdf-page"))
        .selected_text(name(page.paper))
        .show_ui(ui, |ui| {
            for paper in [None, Some(Paper::A4), Some(Paper::A3), Some(Paper::Letter)] {
                ui.selectable_value(&mut page.paper, paper, name(paper));
            }
        });
    ui.add_enabled(
        page.paper.is_some(),
        egui::Checkbox::new(&mut page.landscape, crate::t!("export-landscape")),
    );
    ui.checkbox(&mut page.per_unit, crate::t!("export-page-per-unit"));
}
