//! What the editor benchmarks share: one headless frame of the whole editor.

use egui::{Pos2, RawInput, Rect, Vec2};
use organigram::ui::OrganigramApp;

/// Runs one frame of the editor in a 1600 × 1000 window: egui run (every panel, the
/// canvas through egui_graphs) plus tessellation. Returns how many primitives it drew.
pub fn frame(ctx: &egui::Context, app: &mut OrganigramApp) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let output = ctx.run_ui(input, |ui| app.ui_body(ui));
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point)).len()
}
