//! The status bar: positions, headcount, vacancies, layers, zoom and the file.

use egui::Ui;

use super::app::OrganigramApp;
use super::document::Origin;

impl OrganigramApp {
    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        let zoom = self.canvas.camera.zoom;
        let stats = self.doc.stats().clone();
        let place = match self.doc.origin() {
            Origin::File(path) => path.display().to_string(),
            Origin::Sample(name) => format!("sample: {name} (Save As to keep changes)"),
            Origin::Untitled => "not saved yet".to_owned(),
        };
        ui.horizontal(|ui| {
            ui.label(format!("Positions {}", stats.positions + stats.assistants));
            ui.separator();
            ui.label(format!("Headcount {}", stats.headcount));
            ui.separator();
            ui.label(format!("Vacancies {}", stats.vacancies));
            ui.separator();
            ui.label(format!("Layers {}", stats.layers));
            ui.separator();
            ui.label(format!("Zoom {:.0}%", zoom * 100.0));
            ui.separator();
            let dirty = if self.doc.is_dirty() {
                " • unsaved changes"
            } else {
                ""
            };
            ui.label(format!("{place}{dirty}"));
            if self.is_waiting_for_file_dialog() {
                ui.separator();
                ui.label("A file dialog is open");
            }
        });
    }
}
