//! Duties (a unit's responsibilities): edit each in place, reorder by dragging or with
//! buttons, delete, and add new ones by typing or by pasting several lines from a
//! document (bullets and numbering are stripped).

use egui::{Event, Id, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::{FieldKey, Inspector, Outcome};
use crate::editor::{Action, Label};
use crate::model::{split_pasted_duties, Edit, NodeId};
use crate::t;

impl Inspector {
    pub(super) fn duties_editor(
        &mut self,
        ui: &mut Ui,
        id: NodeId,
        duties: &[String],
        (is_unit, marked): (bool, Option<usize>),
        actions: &mut Vec<Action>,
    ) {
        let heading = if is_unit {
            t!("inspector-responsibilities", count = duties.len())
        } else {
            t!("inspector-duties", count = duties.len())
        };
        ui.label(RichText::new(heading).strong());
        let mut moved: Option<(usize, usize)> = None;
        let text_width = (ui.available_width() - 110.0).max(80.0);
        // Drops are read per row (to know where), so the zone's own payload is not needed.
        let _ = ui.dnd_drop_zone::<usize, ()>(egui::Frame::new(), |ui| {
            for (n, duty) in duties.iter().enumerate() {
                let top = ui.cursor().top();
                if let Some(step) =
                    self.duty_row(ui, id, n, duty, duties.len(), text_width, actions)
                {
                    moved = Some(step);
                }
                if marked == Some(n) {
                    // The duty the Analysis panel pointed at: a bar beside it, scrolled to once.
                    let bottom = ui.cursor().top();
                    let left = ui.max_rect().left() - 4.0;
                    let bar = egui::Rect::from_x_y_ranges(left..=left + 3.0, top..=bottom);
                    ui.painter()
                        .rect_filled(bar, 1.0, ui.visuals().selection.bg_fill);
                    if self.scrolled_to != Some((id, n)) {
                        self.scrolled_to = Some((id, n));
                        ui.scroll_to_rect(bar, Some(egui::Align::Center));
                    }
                }
            }
        });
        if let Some((from, to)) = moved.filter(|(from, to)| from != to) {
            actions.push(Action::Edit {
                edit: Edit::MoveDuty { id, from, to },
                label: Label::ReorderDuties,
            });
        }
        self.new_duty_field(ui, id, duties.len(), actions);
    }

    /// One duty: drag handle, text, move and delete buttons. Returns a move, if any.
    #[allow(clippy::too_many_arguments)]
    fn duty_row(
        &mut self,
        ui: &mut Ui,
        id: NodeId,
        n: usize,
        duty: &str,
        count: usize,
        text_width: f32,
        actions: &mut Vec<Action>,
    ) -> Option<(usize, usize)> {
        let number = n + 1;
        let mut moved = None;
        let row = ui.horizontal(|ui| {
            ui.dnd_drag_source(Id::new(("organigram-duty", id, n)), n, |ui| ui.label("☰"))
                .response
                .on_hover_text(t!("inspector-drag-to-reorder"));
            ui.vertical(|ui| {
                ui.set_width(text_width);
                let label = t!("inspector-duty", number = number);
                let key = FieldKey::Duty(id, n);
                if let Outcome::Committed(text) =
                    self.text_field_sized(ui, key, duty, &label, true, text_width)
                {
                    actions.push(rewrite_duty(id, n, &text));
                }
            });
            let button = |ui: &mut Ui, glyph: &str, label: String, enabled: bool| {
                let response = ui
                    .add_enabled(enabled, egui::Button::new(glyph).small())
                    .on_hover_text(&label);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::Button, enabled, &label)
                });
                response.clicked()
            };
            if button(
                ui,
                "⬆",
                t!("inspector-move-duty-up", number = number),
                n > 0,
            ) {
                moved = Some((n, n - 1));
            }
            if button(
                ui,
                "⬇",
                t!("inspector-move-duty-down", number = number),
                n + 1 < count,
            ) {
                moved = Some((n, n + 1));
            }
            if button(ui, "🗑", t!("inspector-delete-duty", number = number), true) {
                actions.push(Action::Edit {
                    edit: Edit::RemoveDuty { id, index: n },
                    label: Label::DeleteDuty,
                });
            }
        });
        let row = row.response;
        if let (Some(_), Some(pointer)) = (
            row.dnd_hover_payload::<usize>(),
            ui.input(|i| i.pointer.interact_pos()),
        ) {
            let before = pointer.y < row.rect.center().y;
            let y = if before {
                row.rect.top()
            } else {
                row.rect.bottom()
            };
            ui.painter()
                .hline(row.rect.x_range(), y, (2.0, ui.visuals().selection.bg_fill));
            if let Some(from) = row.dnd_release_payload::<usize>() {
                let insert = if before { n } else { n + 1 };
                let to = if *from < insert { insert - 1 } else { insert };
                moved = Some((*from, to));
            }
        }
        moved
    }

    /// New duties: type one, or paste several lines.
    fn new_duty_field(&mut self, ui: &mut Ui, id: NodeId, count: usize, actions: &mut Vec<Action>) {
        let field = Id::new(("organigram-new-duty", id));
        if ui.ctx().memory(|m| m.has_focus(field)) {
            let pasted = ui.input_mut(|i| {
                let mut taken = None;
                i.events.retain(|event| match event {
                    Event::Paste(text) if text.contains('\n') && taken.is_none() => {
                        taken = Some(text.clone());
                        false
                    }
                    _ => true,
                });
                taken
            });
            if let Some(text) = pasted {
                actions.push(Action::AddDuties {
                    id,
                    index: count,
                    text,
                });
            }
        }
        let label = ui.label(t!("inspector-new-duty"));
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut self.new_duty)
                    .id(field)
                    .desired_rows(1)
                    .desired_width(ui.available_width())
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
                    .hint_text(t!("inspector-new-duty-hint")),
            )
            .labelled_by(label.id);
        let enter =
            response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
        let add_clicked = ui.button(t!("inspector-add-duty")).clicked();
        if (enter || add_clicked) && !self.new_duty.trim().is_empty() {
            let text = std::mem::take(&mut self.new_duty);
            actions.push(Action::AddDuties {
                id,
                index: count,
                text,
            });
            if enter {
                response.request_focus();
            }
        }
    }
}

/// A rewritten duty: emptied, it goes; pasted with several lines, it becomes several.
fn rewrite_duty(id: NodeId, index: usize, text: &str) -> Action {
    let mut lines = split_pasted_duties(text);
    if lines.is_empty() {
        return Action::Edit {
            edit: Edit::RemoveDuty { id, index },
            label: Label::DeleteDuty,
        };
    }
    let first = lines.remove(0);
    let mut steps = vec![Edit::SetDuty {
        id,
        index,
        text: first,
    }];
    steps.extend(
        lines
            .into_iter()
            .enumerate()
            .map(|(k, text)| Edit::InsertDuty {
                id,
                index: index + 1 + k,
                text,
            }),
    );
    Action::Edit {
        edit: Edit::Batch(steps),
        label: Label::EditDuty,
    }
}
