//! Pointer input on the canvas: pan, zoom, select, fold, drag a card onto another card
//! (re-parent) or onto empty space (place by hand), and the context menu.

use egui::{CursorIcon, Pos2, Rect, Shape, Vec2};

use super::card_shape::{card_shapes, CardLook, CardPayload};
use super::look::{DropMark, Palette};
use super::scene::to_rect;
use super::{Canvas, CardDrag};
use crate::editor::{Action, Command, Editor, SelectMode};
use crate::model::{ChartPoint, NodeId, NodeKind};
use crate::ui::command::CommandUi;

impl Canvas {
    pub(super) fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        editor: &Editor,
        actions: &mut Vec<Action>,
    ) {
        let (modifiers, scroll, zoom, pointer) = ui.input(|i| {
            (
                i.modifiers,
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        if response.contains_pointer() {
            if zoom != 1.0 {
                let anchor = pointer.map_or(self.rect.size() / 2.0, |p| p - self.rect.min);
                actions.push(Action::Zoom {
                    factor: zoom,
                    anchor: [anchor.x, anchor.y],
                });
            } else if scroll != Vec2::ZERO {
                actions.push(Action::Pan([scroll.x, scroll.y]));
            }
        }
        let hovered_card = pointer
            .filter(|p| self.rect.contains(*p))
            .and_then(|p| self.card_at(p, editor));
        if hovered_card.is_some() && self.drag.is_none() && !self.panning {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
        self.drag_gesture(ui, response, editor, pointer, actions);
        if response.double_clicked() {
            if let Some(id) = hovered_card {
                actions.push(Action::StartRename(id));
            }
        } else if response.clicked() {
            actions.push(match hovered_card {
                Some(id) if self.on_fold_toggle(id, pointer, editor) => Action::ToggleCollapse(id),
                Some(id) => {
                    let mode = if modifiers.shift || modifiers.command {
                        SelectMode::Toggle
                    } else {
                        SelectMode::Replace
                    };
                    Action::Select(id, mode)
                }
                None => Action::ClearSelection,
            });
        }
        if response.secondary_clicked() {
            self.context_target = hovered_card;
            if let Some(id) = hovered_card {
                actions.push(Action::Select(id, SelectMode::Replace));
            }
        }
    }

    /// A drag: of a card (dropped on another card, or on empty space), or of the
    /// background (panning).
    fn drag_gesture(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        editor: &Editor,
        pointer: Option<Pos2>,
        actions: &mut Vec<Action>,
    ) {
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).or(pointer);
            let grabbed = origin.and_then(|p| self.card_at(p, editor));
            let middle = ui.input(|i| i.pointer.middle_down());
            let card = grabbed.and_then(|id| editor.document().layout().rect(id));
            match (grabbed, card, origin, middle) {
                (Some(id), Some(card), Some(origin), false) => {
                    let at = self.to_chart(origin, editor.viewport());
                    self.drag = Some(CardDrag {
                        id,
                        grab: at - to_rect(card).min,
                        pointer: at,
                        target: None,
                    });
                }
                _ => self.panning = true,
            }
        }
        if response.dragged() {
            if self.panning {
                let delta = response.drag_delta();
                actions.push(Action::Pan([delta.x, delta.y]));
            } else if let Some(mut drag) = self.drag {
                if let Some(p) = pointer {
                    drag.pointer = self.to_chart(p, editor.viewport());
                    drag.target = self
                        .card_at(p, editor)
                        .filter(|&target| target != drag.id)
                        .map(|target| (target, drop_mark(editor, drag.id, target)));
                }
                self.drag = Some(drag);
                ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
            }
        }
        if response.drag_stopped() {
            if let Some(drag) = self.drag.take() {
                actions.push(match drag.target {
                    Some((target, _)) => Action::Reparent {
                        id: drag.id,
                        target,
                    },
                    None => {
                        let at = drag.pointer - drag.grab;
                        Action::Pin {
                            id: drag.id,
                            at: ChartPoint { x: at.x, y: at.y },
                        }
                    }
                });
            }
            self.panning = false;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) && self.drag.is_some() {
            self.drag = None;
        }
    }

    /// True when `pointer` is on the fold toggle at the bottom edge of `id`'s card.
    fn on_fold_toggle(&self, id: NodeId, pointer: Option<Pos2>, editor: &Editor) -> bool {
        let has_children = !editor.chart().children(id).is_empty();
        let (Some(pointer), Some(rect)) = (pointer, self.screen_rect_of(id, editor)) else {
            return false;
        };
        has_children
            && Rect::from_center_size(
                Pos2::new(rect.center().x, rect.max.y),
                Vec2::new(28.0, 16.0),
            )
            .contains(pointer)
    }

    pub(super) fn context_menu(
        &mut self,
        response: &egui::Response,
        editor: &Editor,
        actions: &mut Vec<Action>,
    ) {
        let target = self.context_target;
        response.context_menu(|ui| {
            let mut item = |ui: &mut egui::Ui, command: Command| {
                if ui
                    .button(command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    actions.push(match target {
                        Some(id) => Action::CommandOn(command, id),
                        None => Action::Command(command),
                    });
                    ui.close();
                }
            };
            match target.and_then(|id| editor.chart().node(id).map(|n| n.kind)) {
                Some(kind) => {
                    if kind != NodeKind::Assistant {
                        item(ui, Command::AddSubordinate);
                    }
                    if kind == NodeKind::Position {
                        item(ui, Command::AddAssistant);
                    }
                    item(ui, Command::AddSibling);
                    if kind != NodeKind::Assistant {
                        item(ui, Command::AddUnit);
                    }
                    ui.separator();
                    item(ui, Command::Rename);
                    item(ui, Command::ToggleCollapse);
                    item(ui, Command::Delete);
                }
                None => {
                    item(ui, Command::AddUnit);
                    item(ui, Command::ZoomFit);
                    item(ui, Command::Relayout);
                }
            }
        });
    }

    pub(super) fn draw_drag_ghost(&self, ui: &egui::Ui, editor: &Editor) {
        let Some(drag) = self.drag else { return };
        let Some(text) = editor.document().card(drag.id) else {
            return;
        };
        let viewport = editor.viewport();
        let corner = drag.pointer - drag.grab;
        let [x, y] = viewport.to_canvas([corner.x, corner.y]);
        let rect = Rect::from_min_size(
            self.rect.min + Vec2::new(x, y),
            Vec2::new(text.width, text.height) * viewport.zoom,
        );
        let look = CardLook {
            kind: editor
                .chart()
                .node(drag.id)
                .map_or(NodeKind::Position, |n| n.kind),
            colour: editor.chart().colour_of(drag.id),
            collapsed: false,
            hidden_below: 0,
            has_children: false,
            pinned: false,
            selected: true,
            search_hit: false,
            current_hit: false,
            drop: DropMark::None,
            change: None,
        };
        let payload = CardPayload {
            id: drag.id,
            text,
            look,
            block: None,
            tag: None,
        };
        let painter = ui.painter().with_clip_rect(self.rect);
        painter.add(Shape::rect_filled(
            rect.translate(Vec2::splat(4.0)),
            6.0,
            egui::Color32::from_black_alpha(40),
        ));
        let palette = Palette::new(ui.visuals().dark_mode);
        painter.extend(card_shapes(
            ui.ctx(),
            rect,
            viewport.zoom,
            &payload,
            &palette,
        ));
    }
}

/// Whether dropping `id` on `target` would be accepted, as the chart's rules say.
fn drop_mark(editor: &Editor, id: NodeId, target: NodeId) -> DropMark {
    match editor.drop_verdict(id, target) {
        Ok(()) => DropMark::Accept,
        Err(_) => DropMark::Refuse,
    }
}
