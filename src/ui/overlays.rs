//! What floats over the canvas: the notice, and the in-place title editor.

use egui::{Id, Key, Rect};

use super::canvas::Canvas;
use super::command::CommandUi;
use super::words;
use crate::editor::{Action, Editor};
use crate::model::NodeId;

/// The widest a notice grows before it wraps, in points.
const NOTICE_MAX_WIDTH: f32 = 560.0;

/// Draws the editor's notice at the bottom left of `canvas`, clear of the status bar,
/// as wide as its text needs (up to a limit) so it never squeezes to a word per line.
pub fn notice(ui: &egui::Ui, canvas: Rect, editor: &Editor) {
    let Some(notice) = editor.notice() else {
        return;
    };
    let ctx = ui.ctx();
    let text = words::message(&notice.message, |command| {
        command
            .shortcut()
            .map_or_else(String::new, |s| super::command::shortcut_text(ctx, &s))
    });
    let colour = if notice.is_error {
        egui::Color32::from_rgb(0xb7, 0x1c, 0x1c)
    } else {
        egui::Color32::from_rgb(0x37, 0x47, 0x4f)
    };
    let width = (canvas.width() - 48.0).clamp(120.0, NOTICE_MAX_WIDTH);
    egui::Area::new(Id::new("organigram-notice"))
        .fixed_pos(canvas.left_bottom() + egui::vec2(12.0, -12.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Foreground)
        .constrain_to(canvas)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(colour)
                .corner_radius(6)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    ui.add(
                        egui::Label::new(egui::RichText::new(text).color(egui::Color32::WHITE))
                            .wrap(),
                    );
                });
        });
}

/// The legend of View ▸ Colour by, at the top right of `canvas`, when cards are
/// coloured by span band, layer or vacancy.
pub fn colour_legend(ui: &egui::Ui, canvas: Rect, editor: &Editor) {
    let Some(colouring) = editor.analysis().and_then(|a| a.colouring()) else {
        return;
    };
    egui::Area::new(Id::new("organigram-colour-legend"))
        .fixed_pos(canvas.right_top() + egui::vec2(-12.0, 12.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .order(egui::Order::Foreground)
        .constrain_to(canvas)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(&colouring.heading).strong());
                for entry in &colouring.legend {
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                        let c = entry.colour;
                        ui.painter()
                            .rect_filled(rect, 2.0, egui::Color32::from_rgb(c.r, c.g, c.b));
                        ui.label(&entry.label);
                    });
                }
            });
        });
}

/// The in-place title editor's own state: the text typed so far.
#[derive(Default)]
pub struct RenameBox {
    /// The card being renamed and its text.
    editing: Option<(NodeId, String)>,
}

impl RenameBox {
    /// Draws a text field over the renamed card's title (no label of its own, so the
    /// card's text is not hidden) and returns the commit or the cancel.
    pub fn show(&mut self, ui: &egui::Ui, canvas: &Canvas, editor: &Editor) -> Vec<Action> {
        let Some(id) = editor.renaming() else {
            self.editing = None;
            return Vec::new();
        };
        let Some(rect) = canvas.screen_rect_of(id, editor) else {
            return vec![Action::FinishRename(None)];
        };
        let fresh = self
            .editing
            .as_ref()
            .is_none_or(|(editing, _)| *editing != id);
        if fresh {
            let title = editor
                .chart()
                .node(id)
                .map(|n| n.title.clone())
                .unwrap_or_default();
            self.editing = Some((id, title));
        }
        let Some((_, text)) = self.editing.as_mut() else {
            return Vec::new();
        };
        let field = Id::new("organigram-rename-text");
        let width = rect.width().max(180.0);
        let mut actions = Vec::new();
        egui::Area::new(Id::new("organigram-rename"))
            .fixed_pos(rect.left_top() + egui::vec2(0.0, 4.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                let response = ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(width)
                        .id(field),
                );
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(crate::t!("cmd-rename"));
                });
                if fresh {
                    select_all(ui.ctx(), field, text, &response);
                }
                if response.lost_focus() {
                    let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
                    actions.push(Action::FinishRename((!cancelled).then(|| text.clone())));
                }
            });
        if !actions.is_empty() {
            self.editing = None;
        }
        actions
    }
}

/// Focuses the field with its whole text selected, so typing replaces it.
fn select_all(ctx: &egui::Context, field: Id, text: &str, response: &egui::Response) {
    response.request_focus();
    let mut state = egui::text_edit::TextEditState::load(ctx, field).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            end,
        )));
    state.store(ctx, field);
}
