//! File ▸ Export…: the same options as `organigram export`, then a native save dialog.

use std::path::Path;

use egui::RichText;

use super::app::OrganigramApp;
use super::document::Origin;
use super::files::DialogKind;
use crate::export::{export_file, today, ExportFormat, ExportOptions, PageSetup, Paper, Scope};
use crate::layout::CardStyle;
use crate::theme::Palette;

/// The export window's choices.
pub struct ExportForm {
    /// The window is showing.
    pub open: bool,
    format: ExportFormat,
    selection_only: bool,
    duties: bool,
    editor_theme: bool,
    scale: f32,
    paper: Option<Paper>,
    landscape: bool,
    per_unit: bool,
    title: bool,
    date: bool,
}

impl Default for ExportForm {
    fn default() -> ExportForm {
        ExportForm {
            open: false,
            format: ExportFormat::Pdf,
            selection_only: false,
            duties: false,
            editor_theme: false,
            scale: 2.0,
            paper: None,
            landscape: true,
            per_unit: false,
            title: true,
            date: false,
        }
    }
}

impl OrganigramApp {
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        let mut open = self.export_form.open;
        let mut go = false;
        let has_selection = !self.selection.is_empty();
        egui::Window::new("Export")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                let form = &mut self.export_form;
                ui.horizontal(|ui| {
                    ui.label("Format");
                    for format in [
                        ExportFormat::Pdf,
                        ExportFormat::Png,
                        ExportFormat::Svg,
                        ExportFormat::Json,
                    ] {
                        ui.radio_value(&mut form.format, format, format.name().to_uppercase());
                    }
                });
                ui.add_enabled(
                    has_selection,
                    egui::Checkbox::new(
                        &mut form.selection_only,
                        "Only the selected card's subtree",
                    ),
                );
                ui.checkbox(
                    &mut form.duties,
                    "Duties on the cards (job-description handouts)",
                );
                ui.checkbox(
                    &mut form.editor_theme,
                    "Use the editor's theme (otherwise light, for print)",
                );
                ui.checkbox(&mut form.title, "Title above the chart");
                ui.checkbox(&mut form.date, "Today's date below the chart");
                if form.format == ExportFormat::Png {
                    ui.add(
                        egui::Slider::new(&mut form.scale, 1.0..=4.0)
                            .step_by(0.5)
                            .text("PNG scale"),
                    );
                }
                if form.format == ExportFormat::Pdf {
                    egui::ComboBox::from_label("PDF page")
                        .selected_text(match form.paper {
                            None => "Natural size",
                            Some(Paper::A4) => "Fit to A4",
                            Some(Paper::A3) => "Fit to A3",
                            Some(Paper::Letter) => "Fit to Letter",
                        })
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut form.paper, None, "Natural size");
                            ui.selectable_value(&mut form.paper, Some(Paper::A4), "Fit to A4");
                            ui.selectable_value(&mut form.paper, Some(Paper::A3), "Fit to A3");
                            ui.selectable_value(
                                &mut form.paper,
                                Some(Paper::Letter),
                                "Fit to Letter",
                            );
                        });
                    ui.add_enabled(
                        form.paper.is_some(),
                        egui::Checkbox::new(&mut form.landscape, "Landscape"),
                    );
                    ui.checkbox(&mut form.per_unit, "One page per top-level unit");
                }
                ui.add_space(6.0);
                ui.label(
                    RichText::new("SVG keeps text editable; PDF text stays selectable.").weak(),
                );
                if ui.button("Choose file and export…").clicked() {
                    go = true;
                }
            });
        self.export_form.open = open && !go;
        if go {
            let format = self.export_form.format;
            self.ask_path(ctx, DialogKind::Export(format), None);
        }
    }

    fn export_options(&self, ctx: &egui::Context) -> ExportOptions {
        let form = &self.export_form;
        let chart = self.doc.chart();
        let scope = match (form.selection_only, self.selection.last()) {
            (true, Some(&id)) => Scope::Subtree(id),
            _ => Scope::Whole,
        };
        ExportOptions {
            style: CardStyle {
                show_duties: form.duties,
                ..CardStyle::for_language_of(chart.title())
            },
            layout: self.doc.layout_options().clone(),
            palette: if form.editor_theme {
                Palette::new(ctx.global_style().visuals.dark_mode)
            } else {
                Palette::LIGHT
            },
            scope,
            png_scale: form.scale,
            page: PageSetup {
                paper: form.paper,
                landscape: form.landscape,
                per_unit: form.per_unit,
            },
            title: form.title.then(|| chart.title().to_owned()),
            footer: form.date.then(today),
        }
    }

    /// Exports to `path` in the chosen format (adding its extension if missing).
    pub(super) fn export_to(&mut self, ctx: &egui::Context, path: &Path) {
        let format = self.export_form.format;
        let path = if path.extension().is_none() {
            path.with_extension(format.name())
        } else {
            path.to_owned()
        };
        let options = self.export_options(ctx);
        match export_file(self.doc.chart(), format, &path, &options) {
            Ok(()) => self.say(ctx, format!("Exported {}", path.display()), false),
            Err(error) => {
                self.modal = Some(super::dialogs::Modal::Error {
                    title: "The chart was not exported".to_owned(),
                    message: error.to_string(),
                });
            }
        }
    }

    /// A file name for exports: the chart's file name with the format's extension.
    pub(super) fn export_file_name(&self) -> String {
        let stem = match self.doc.origin() {
            Origin::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            Origin::Sample(name) => Some(name.clone()),
            Origin::Untitled => None,
        };
        format!(
            "{}.{}",
            stem.unwrap_or_else(|| "chart".to_owned()),
            self.export_form.format.name()
        )
    }
}
