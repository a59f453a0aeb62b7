//! The outline panel, a view of the editor: the tree as an indented, collapsible list of
//! the editor's outline rows, drawn as virtual rows so a huge chart costs only what is on
//! screen.

use egui::{RichText, Ui};

use crate::editor::{Action, Editor};
use crate::model::NodeKind;

/// Draws the outline and returns what the user did.
pub fn outline(ui: &mut Ui, editor: &Editor) -> Vec<Action> {
    ui.heading(crate::t!("outline-heading"));
    // Long names are cut to the panel (the full name shows on hover) rather than widening
    // it: one chart with long titles must not widen the panel for good.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let doc = editor.document();
    let rows = doc.outline();
    let row_height = ui.spacing().interact_size.y;
    let selected = editor.selection();
    let mut actions = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                let name = doc.names().unique_name(doc.chart(), row.id);
                ui.horizontal(|ui| {
                    ui.add_space(f32::from(row.depth) * 14.0);
                    if row.has_children {
                        let (arrow, id) = if row.collapsed {
                            ("⏵", "outline-expand")
                        } else {
                            ("⏷", "outline-collapse")
                        };
                        let label = crate::t!(id, name = &name);
                        let toggle = ui
                            .add(egui::Button::new(arrow).frame(false))
                            .on_hover_text(&label);
                        toggle.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &label)
                        });
                        if toggle.clicked() {
                            actions.push(Action::ToggleCollapse(row.id));
                        }
                    } else {
                        ui.add_space(ui.spacing().interact_size.y * 0.6);
                    }
                    let text = match doc.chart().node(row.id).map(|n| n.kind) {
                        Some(NodeKind::Unit) => RichText::new(&name).strong(),
                        Some(NodeKind::Assistant) => RichText::new(&name).italics(),
                        _ => RichText::new(&name),
                    };
                    let response = ui
                        .selectable_label(selected.contains(&row.id), text)
                        .on_hover_text(&name);
                    if response.clicked() {
                        actions.push(Action::Reveal(row.id));
                    }
                    if response.double_clicked() {
                        actions.push(Action::StartRename(row.id));
                    }
                });
            }
        });
    actions
}
