//! The status bar, a view: posts, headcount, vacancies, layers, zoom and the file.

use egui::Ui;

use crate::editor::{Editor, Origin};
use crate::t;

/// Draws the status bar.
pub fn status_bar(ui: &mut Ui, editor: &Editor) {
    let doc = editor.document();
    let stats = doc.stats();
    let place = match doc.origin() {
        Origin::File(path) => path.display().to_string(),
        Origin::Sample(name) => t!("status-sample", name = name),
        Origin::Untitled => t!("status-not-saved"),
    };
    let zoom = format!("{:.0}", editor.viewport().zoom * 100.0);
    ui.horizontal(|ui| {
        let positions = stats.positions + stats.assistants;
        ui.label(t!("status-positions", count = positions));
        ui.separator();
        ui.label(t!("status-headcount", count = stats.headcount));
        ui.separator();
        ui.label(t!("status-vacancies", count = stats.vacancies));
        ui.separator();
        ui.label(t!("status-layers", count = stats.layers));
        ui.separator();
        ui.label(t!("status-zoom", percent = zoom));
        ui.separator();
        if doc.is_dirty() {
            ui.label(t!("status-unsaved", place = place));
        } else {
            ui.label(place);
        }
        if editor.is_waiting_for_file_dialog() {
            ui.separator();
            ui.label(t!("status-dialog-open"));
        }
    });
}
