//! The eframe shell: views of the [`crate::editor::Editor`]. Each panel reads the editor
//! and returns [`Action`]s; the app applies them all at the end of the frame. No view
//! changes the chart. [`Command`] (with its words and shortcuts in [`command`]) drives
//! the menus, the toolbar, the shortcuts and their help.

mod analysis_panel;
mod app;
pub mod canvas;
mod changes_panel;
pub mod command;
mod dialogs;
pub mod errors;
mod export_dialog;
pub mod files;
pub mod fonts;
mod icon;
mod import_dialog;
mod inspector;
mod menus;
mod outline;
mod overlays;
mod search;
mod shortcuts;
mod status;
mod update_dialog;
pub mod words;

pub use crate::editor::{Action, Command, Start};
pub use app::OrganigramApp;

/// Opens the editor window on `start`, carries out `then` (say, comparing with a file)
/// and runs until the window closes.
pub fn run(start: Start, then: Vec<Action>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Organigram")
            .with_app_id("organigram")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([720.0, 480.0])
            .with_icon(icon::app_icon()),
        ..Default::default()
    };
    eframe::run_native(
        "organigram",
        options,
        Box::new(move |cc| {
            let mut app = OrganigramApp::new(cc, start);
            for action in then {
                app.apply(action);
            }
            Ok(Box::new(app))
        }),
    )
}
