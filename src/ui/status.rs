//! The status bar, a view: posts, headcount, vacancies, layers, zoom and the file.

use egui::Ui;

use crate::editor::{Editor, Origin};

/// Draws the status bar.
pub fn status_bar(ui: &mut Ui, editor: &Editor) {
    let doc = editor.document();
    let stats = doc.stats();
    let place = match doc.origin() {
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
        ui.label(format!("Zoom {:.0}%", editor.viewport().zoom * 100.0));
        ui.separator();
        let dirty = if doc.is_dirty() {
            " • unsaved changes"
        } else {
            ""
        };
        ui.label(format!("{place}{dirty}"));
        if editor.is_waiting_for_file_dialog() {
            ui.separator();
            ui.label("A file dialog is open");
        }
    });
}
