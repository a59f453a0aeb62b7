//! The eframe editor. Widgets turn input into [`Action`]s pushed to a queue; the app
//! applies the queue once per frame. [`Command`] drives menus, shortcuts and tooltips.

mod actions;
mod app;
pub mod canvas;
pub mod command;
mod dialogs;
pub mod document;
mod export_dialog;
mod file_flow;
pub mod files;
pub mod fonts;
mod icon;
mod inspector;
mod menus;
mod outline;
pub mod recovery;
mod run;
pub mod search;
mod settings;
mod status;

pub use actions::Action;
pub use app::{OrganigramApp, Start};
pub use command::Command;

/// Opens the editor window on `start` and runs until it closes.
pub fn run(start: Start) -> eframe::Result {
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
        Box::new(move |cc| Ok(Box::new(OrganigramApp::new(cc, start)))),
    )
}
