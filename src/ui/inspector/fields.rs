//! The inspector's fields: committed text, headcount, colour and kind.

use egui::{Id, Key, KeyboardShortcut, Modifiers, Ui};

use super::{set, FieldKey, Inspector, Outcome};
use crate::editor::{Action, Editor, Label};
use crate::model::{Colour, Edit, Field, NodeId, NodeKind};
use crate::t;
use crate::ui::words::kind_name;

impl Inspector {
    /// One labelled text field whose edits commit as a whole.
    pub(super) fn text_field(
        &mut self,
        ui: &mut Ui,
        key: FieldKey,
        current: &str,
        label: &str,
        multiline: bool,
    ) -> Outcome {
        let width = ui.available_width();
        self.text_field_sized(ui, key, current, label, multiline, width)
    }

    /// [`Self::text_field`] with a fixed width, so rows with buttons cannot grow the panel.
    pub(super) fn text_field_sized(
        &mut self,
        ui: &mut Ui,
        key: FieldKey,
        current: &str,
        label: &str,
        multiline: bool,
        width: f32,
    ) -> Outcome {
        let mut text = match &self.editing {
            Some((k, buffer)) if *k == key => buffer.clone(),
            _ => current.to_owned(),
        };
        let label = ui.label(label);
        let edit = if multiline {
            egui::TextEdit::multiline(&mut text)
                .desired_rows(1)
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let response = ui
            .add(
                edit.desired_width(width.max(60.0))
                    .id(Id::new(("organigram-inspector", key))),
            )
            .labelled_by(label.id);
        if response.has_focus() {
            if multiline && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift) {
                response.surrender_focus();
            }
            self.editing = Some((key, text.clone()));
        }
        if response.lost_focus() {
            self.editing = None;
            let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
            if !cancelled && text != current {
                return Outcome::Committed(text);
            }
        }
        Outcome::Unchanged
    }

    pub(super) fn headcount_field(
        &mut self,
        ui: &mut Ui,
        id: NodeId,
        headcount: u32,
        actions: &mut Vec<Action>,
    ) {
        let key = FieldKey::Headcount(id);
        let mut value: u32 = match &self.editing {
            Some((k, buffer)) if *k == key => buffer.parse().unwrap_or(headcount),
            _ => headcount,
        };
        ui.horizontal(|ui| {
            let label = ui.label(t!("inspector-headcount"));
            let response = ui
                .add(egui::DragValue::new(&mut value).range(1..=1_000_000))
                .labelled_by(label.id);
            let settled = response.drag_stopped()
                || response.lost_focus()
                || (response.changed() && !response.dragged() && !response.has_focus());
            if response.dragged() || response.has_focus() {
                self.editing = Some((key, value.to_string()));
            }
            if settled {
                self.editing = None;
                if value != headcount {
                    actions.push(set(id, Field::Headcount(value), Label::Headcount));
                }
            }
        });
    }

    /// A unit's colour. One colour-picking gesture is one undo step.
    pub(super) fn colour_field(
        &mut self,
        ui: &mut Ui,
        id: NodeId,
        colour: Option<Colour>,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            ui.label(t!("inspector-colour"));
            let mut rgb = colour.map_or([0xa8, 0xae, 0xb8], |c| [c.r, c.g, c.b]);
            let response = ui.color_edit_button_srgb(&mut rgb);
            if response.changed() {
                if !self.colour_gesture {
                    actions.push(Action::BeginGesture(Label::Colour));
                    self.colour_gesture = true;
                }
                let value = Some(Colour {
                    r: rgb[0],
                    g: rgb[1],
                    b: rgb[2],
                });
                actions.push(set(id, Field::Colour(value), Label::Colour));
            } else if self.colour_gesture && !ui.input(|i| i.pointer.any_down()) {
                actions.push(Action::EndGesture);
                self.colour_gesture = false;
            }
            if colour.is_some() && ui.button(t!("inspector-no-colour")).clicked() {
                actions.push(set(id, Field::Colour(None), Label::ClearColour));
            }
        });
    }
}

/// The kind drop-down: a kind the chart's rules refuse is shown disabled, with why.
pub(super) fn kind_choice(
    ui: &mut Ui,
    editor: &Editor,
    id: NodeId,
    current: NodeKind,
    actions: &mut Vec<Action>,
) {
    egui::ComboBox::new("organigram-kind", t!("inspector-kind"))
        .selected_text(kind_name(current))
        .show_ui(ui, |ui| {
            for kind in [NodeKind::Unit, NodeKind::Position, NodeKind::Assistant] {
                let edit = Edit::SetField {
                    id,
                    field: Field::Kind(kind),
                };
                let verdict = if kind == current {
                    Ok(())
                } else {
                    editor.chart().check(&edit)
                };
                let response = ui.add_enabled(
                    verdict.is_ok(),
                    egui::Button::selectable(kind == current, kind_name(kind)),
                );
                let response = match &verdict {
                    Err(why) => response.on_disabled_hover_text(crate::ui::errors::edit_error(why)),
                    Ok(()) => response,
                };
                if response.clicked() && kind != current {
                    actions.push(Action::Edit {
                        edit,
                        label: Label::Kind(kind),
                    });
                }
            }
        });
}
