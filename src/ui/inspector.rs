//! The inspector: edits the selected card (kind, title, holder, headcount, colour, notes,
//! dotted-line managers, duties) and the chart's own title. Text becomes one undo step
//! when the field is committed (Enter or leaving it), not one per keystroke.

use egui::{Event, Id, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::actions::Action;
use super::app::OrganigramApp;
use crate::model::{split_pasted_duties, ChartText, Colour, Edit, Field, NodeId, NodeKind};

/// Which text field is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum FieldKey {
    ChartTitle,
    Organisation,
    Title(NodeId),
    Holder(NodeId),
    Notes(NodeId),
    Duty(NodeId, usize),
    Headcount(NodeId),
}

/// The inspector's own state.
#[derive(Default)]
pub struct Inspector {
    /// The field being edited and its text so far.
    editing: Option<(FieldKey, String)>,
    new_duty: String,
    dotted_filter: String,
    colour_gesture: bool,
}

/// What a text field gave back this frame.
enum Outcome {
    Unchanged,
    Committed(String),
}

impl OrganigramApp {
    /// One labelled text field whose edits commit as a whole.
    fn text_field(
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
    fn text_field_sized(
        &mut self,
        ui: &mut Ui,
        key: FieldKey,
        current: &str,
        label: &str,
        multiline: bool,
        width: f32,
    ) -> Outcome {
        let mut text = match &self.inspector.editing {
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
            self.inspector.editing = Some((key, text.clone()));
        }
        if response.lost_focus() {
            self.inspector.editing = None;
            let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
            if !cancelled && text != current {
                return Outcome::Committed(text);
            }
        }
        Outcome::Unchanged
    }

    pub(super) fn inspector_panel(&mut self, ui: &mut Ui) {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::CollapsingHeader::new("Chart").default_open(false).show(ui, |ui| {
                let title = self.doc.chart().title().to_owned();
                if let Outcome::Committed(text) = self.text_field(ui, FieldKey::ChartTitle, &title, "Chart title", false) {
                    self.queue.push(Action::Edit { edit: Edit::SetChartText { which: ChartText::Title, text }, label: "Chart title".into() });
                }
                let organisation = self.doc.chart().organisation().to_owned();
                if let Outcome::Committed(text) = self.text_field(ui, FieldKey::Organisation, &organisation, "Organisation", false) {
                    self.queue.push(Action::Edit { edit: Edit::SetChartText { which: ChartText::Organisation, text }, label: "Organisation".into() });
                }
            });
            ui.separator();
            match self.selection.as_slice() {
                [] => {
                    ui.label("Select a card to edit it. Double-click a card to rename it; drag it onto another card to move it.");
                }
                [.., id] if self.selection.len() > 1 => {
                    let id = *id;
                    ui.label(format!("{} cards selected; editing the last one.", self.selection.len()));
                    self.node_editor(ui, id);
                }
                [id] => {
                    let id = *id;
                    self.node_editor(ui, id);
                }
                _ => {}
            }
        });
    }

    fn node_editor(&mut self, ui: &mut Ui, id: NodeId) {
        let Some(node) = self.doc.chart().node(id).cloned() else {
            return;
        };
        let unit = self
            .doc
            .chart()
            .unit_of(id)
            .and_then(|u| self.doc.chart().node(u))
            .map(|u| u.title.clone());
        let heading = match &unit {
            Some(unit) => format!("{} #{} · in {unit}", kind_name(node.kind), id.0),
            None => format!("{} #{}", kind_name(node.kind), id.0),
        };
        ui.heading(RichText::new(heading).size(15.0));
        ui.add_space(4.0);

        // Kind.
        let mut kind = node.kind;
        egui::ComboBox::from_label("Kind")
            .selected_text(kind_name(kind))
            .show_ui(ui, |ui| {
                for choice in [NodeKind::Unit, NodeKind::Position, NodeKind::Assistant] {
                    ui.selectable_value(&mut kind, choice, kind_name(choice));
                }
            });
        if kind != node.kind {
            self.queue.push(Action::Edit {
                edit: Edit::SetField {
                    id,
                    field: Field::Kind(kind),
                },
                label: "Change kind".into(),
            });
        }

        let title_label = if node.kind == NodeKind::Unit {
            "Name"
        } else {
            "Title"
        };
        if let Outcome::Committed(text) =
            self.text_field(ui, FieldKey::Title(id), &node.title, title_label, false)
        {
            self.queue.push(Action::Edit {
                edit: Edit::SetField {
                    id,
                    field: Field::Title(text.trim().to_owned()),
                },
                label: "Rename".into(),
            });
        }

        if node.kind.is_post() {
            let holder = node.holder.clone().unwrap_or_default();
            if let Outcome::Committed(text) =
                self.text_field(ui, FieldKey::Holder(id), &holder, "Holder", false)
            {
                let text = text.trim().to_owned();
                let value = if text.is_empty() { None } else { Some(text) };
                self.queue.push(Action::Edit {
                    edit: Edit::SetField {
                        id,
                        field: Field::Holder(value),
                    },
                    label: "Set holder".into(),
                });
            }
            let mut vacant = node.holder.is_none();
            if ui
                .checkbox(&mut vacant, "Vacant")
                .on_hover_text("No one holds this post")
                .changed()
            {
                let value = if vacant { None } else { Some(String::new()) };
                self.queue.push(Action::Edit {
                    edit: Edit::SetField {
                        id,
                        field: Field::Holder(value),
                    },
                    label: "Set vacancy".into(),
                });
            }
            self.headcount_field(ui, id, node.headcount);
        } else {
            self.colour_field(ui, id, node.colour);
        }

        if let Outcome::Committed(text) =
            self.text_field(ui, FieldKey::Notes(id), &node.notes, "Notes", true)
        {
            self.queue.push(Action::Edit {
                edit: Edit::SetField {
                    id,
                    field: Field::Notes(text),
                },
                label: "Notes".into(),
            });
        }

        if let Some(pin) = node.pin {
            ui.horizontal(|ui| {
                ui.label(format!("Pinned at {:.0}, {:.0}", pin.x, pin.y));
                if ui.button("Unpin").clicked() {
                    self.queue.push(Action::Edit {
                        edit: Edit::SetField {
                            id,
                            field: Field::Pin(None),
                        },
                        label: "Unpin".into(),
                    });
                }
            });
        }
        if !self.doc.chart().children(id).is_empty() {
            let mut collapsed = node.collapsed;
            if ui.checkbox(&mut collapsed, "Subtree folded").changed() {
                self.queue.push(Action::ToggleCollapse(id));
            }
        }

        if node.kind.is_post() {
            ui.separator();
            self.dotted_editor(ui, id, &node.dotted);
        }
        ui.separator();
        self.duties_editor(ui, id, &node.duties, node.kind == NodeKind::Unit);
    }

    fn headcount_field(&mut self, ui: &mut Ui, id: NodeId, headcount: u32) {
        let key = FieldKey::Headcount(id);
        let mut value: u32 = match &self.inspector.editing {
            Some((k, buffer)) if *k == key => buffer.parse().unwrap_or(headcount),
            _ => headcount,
        };
        ui.horizontal(|ui| {
            let label = ui.label("Headcount");
            let response = ui
                .add(egui::DragValue::new(&mut value).range(1..=1_000_000))
                .labelled_by(label.id);
            let settled = response.drag_stopped()
                || response.lost_focus()
                || (response.changed() && !response.dragged() && !response.has_focus());
            if response.dragged() || response.has_focus() {
                self.inspector.editing = Some((key, value.to_string()));
            }
            if settled {
                self.inspector.editing = None;
                if value != headcount {
                    self.queue.push(Action::Edit {
                        edit: Edit::SetField {
                            id,
                            field: Field::Headcount(value),
                        },
                        label: "Headcount".into(),
                    });
                }
            }
        });
    }

    fn colour_field(&mut self, ui: &mut Ui, id: NodeId, colour: Option<Colour>) {
        ui.horizontal(|ui| {
            ui.label("Colour");
            let mut rgb = colour.map_or([0xa8, 0xae, 0xb8], |c| [c.r, c.g, c.b]);
            let response = ui.color_edit_button_srgb(&mut rgb);
            if response.changed() {
                // One colour-picking gesture is one undo step.
                if !self.inspector.colour_gesture {
                    self.doc.begin_group("Change colour");
                    self.inspector.colour_gesture = true;
                }
                let value = Some(Colour {
                    r: rgb[0],
                    g: rgb[1],
                    b: rgb[2],
                });
                let _ = self.doc.apply(
                    Edit::SetField {
                        id,
                        field: Field::Colour(value),
                    },
                    "Change colour",
                );
            } else if self.inspector.colour_gesture && !ui.input(|i| i.pointer.any_down()) {
                self.doc.end_group();
                self.inspector.colour_gesture = false;
            }
            if colour.is_some() && ui.button("No colour").clicked() {
                self.queue.push(Action::Edit {
                    edit: Edit::SetField {
                        id,
                        field: Field::Colour(None),
                    },
                    label: "Clear colour".into(),
                });
            }
        });
    }

    fn dotted_editor(&mut self, ui: &mut Ui, id: NodeId, dotted: &[NodeId]) {
        ui.label(RichText::new("Dotted-line managers").strong());
        let chart = self.doc.chart();
        for &manager in dotted {
            let name = chart.label(manager);
            ui.horizontal(|ui| {
                ui.label(&name);
                let remove = ui
                    .small_button("✖")
                    .on_hover_text("Remove this dotted line");
                let label = format!("Remove dotted line to {name}");
                remove.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &label)
                });
                if remove.clicked() {
                    self.queue.push(Action::Edit {
                        edit: Edit::RemoveDotted {
                            from: id,
                            to: manager,
                        },
                        label: "Remove dotted line".into(),
                    });
                }
            });
        }
        let parent = chart.parent(id);
        let filter = self.inspector.dotted_filter.to_lowercase();
        let candidates: Vec<(NodeId, String)> = chart
            .tree_order()
            .filter(|&c| c != id && Some(c) != parent && !dotted.contains(&c))
            .filter(|&c| chart.node(c).is_some_and(|n| n.kind == NodeKind::Position))
            .map(|c| (c, chart.label(c)))
            .filter(|(_, name)| filter.is_empty() || name.to_lowercase().contains(&filter))
            .take(200)
            .collect();
        let mut chosen = None;
        egui::ComboBox::from_label("Add dotted-line manager")
            .selected_text("choose a position…")
            .height(320.0)
            .show_ui(ui, |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut self.inspector.dotted_filter)
                        .hint_text("filter"),
                );
                for (candidate, name) in &candidates {
                    if ui.selectable_label(false, name).clicked() {
                        chosen = Some(*candidate);
                    }
                }
            });
        if let Some(to) = chosen {
            let index = dotted.len();
            self.queue.push(Action::Edit {
                edit: Edit::AddDotted {
                    from: id,
                    to,
                    index,
                },
                label: "Add dotted line".into(),
            });
        }
    }

    fn duties_editor(&mut self, ui: &mut Ui, id: NodeId, duties: &[String], is_unit: bool) {
        let heading = if is_unit {
            "Responsibilities"
        } else {
            "Duties"
        };
        ui.label(RichText::new(format!("{heading} ({})", duties.len())).strong());
        let mut moved: Option<(usize, usize)> = None;
        let text_width = (ui.available_width() - 110.0).max(80.0);
        // Drops are read per row (to know where), so the zone's own payload is not needed.
        let _ = ui.dnd_drop_zone::<usize, ()>(egui::Frame::new(), |ui| {
            for (n, duty) in duties.iter().enumerate() {
                let number = n + 1;
                let row = ui.horizontal(|ui| {
                    ui.dnd_drag_source(Id::new(("organigram-duty", id, n)), n, |ui| ui.label("☰"))
                        .response
                        .on_hover_text("Drag to reorder");
                    ui.vertical(|ui| {
                        ui.set_width(text_width);
                        if let Outcome::Committed(text) = self.text_field_sized(
                            ui,
                            FieldKey::Duty(id, n),
                            duty,
                            &format!("Duty {number}"),
                            true,
                            text_width,
                        ) {
                            let mut lines = split_pasted_duties(&text);
                            if lines.is_empty() {
                                self.queue.push(Action::Edit {
                                    edit: Edit::RemoveDuty { id, index: n },
                                    label: "Delete duty".into(),
                                });
                            } else {
                                let first = lines.remove(0);
                                let mut steps = vec![Edit::SetDuty {
                                    id,
                                    index: n,
                                    text: first,
                                }];
                                steps.extend(lines.into_iter().enumerate().map(|(k, text)| {
                                    Edit::InsertDuty {
                                        id,
                                        index: n + 1 + k,
                                        text,
                                    }
                                }));
                                self.queue.push(Action::Edit {
                                    edit: Edit::Batch(steps),
                                    label: "Edit duty".into(),
                                });
                            }
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
                    if button(ui, "⬆", format!("Move duty {number} up"), n > 0) {
                        moved = Some((n, n - 1));
                    }
                    if button(
                        ui,
                        "⬇",
                        format!("Move duty {number} down"),
                        n + 1 < duties.len(),
                    ) {
                        moved = Some((n, n + 1));
                    }
                    if button(ui, "🗑", format!("Delete duty {number}"), true) {
                        self.queue.push(Action::Edit {
                            edit: Edit::RemoveDuty { id, index: n },
                            label: "Delete duty".into(),
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
                    ui.painter().hline(
                        row.rect.x_range(),
                        y,
                        (2.0, ui.visuals().selection.bg_fill),
                    );
                    if let Some(from) = row.dnd_release_payload::<usize>() {
                        let insert = if before { n } else { n + 1 };
                        let to = if *from < insert { insert - 1 } else { insert };
                        moved = Some((*from, to));
                    }
                }
            }
        });
        if let Some((from, to)) = moved.filter(|(from, to)| from != to) {
            self.queue.push(Action::Edit {
                edit: Edit::MoveDuty { id, from, to },
                label: "Reorder duties".into(),
            });
        }

        // New duties: type one, or paste several lines (bullets and numbers are stripped).
        let field = Id::new(("organigram-new-duty", id));
        let focused = ui.ctx().memory(|m| m.has_focus(field));
        if focused {
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
                self.add_duties(id, duties.len(), &text);
            }
        }
        let label = ui.label("New duty");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut self.inspector.new_duty)
                    .id(field)
                    .desired_rows(1)
                    .desired_width(ui.available_width())
                    .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))
                    .hint_text("Type a duty, or paste several lines from a document"),
            )
            .labelled_by(label.id);
        let enter =
            response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
        let add_clicked = ui.button("Add duty").clicked();
        if (enter || add_clicked) && !self.inspector.new_duty.trim().is_empty() {
            let text = std::mem::take(&mut self.inspector.new_duty);
            self.add_duties(id, duties.len(), &text);
            if enter {
                response.request_focus();
            }
        }
    }

    /// Appends the duties in `text` (one per line, bullets stripped) as one undo step.
    fn add_duties(&mut self, id: NodeId, at: usize, text: &str) {
        let lines = split_pasted_duties(text);
        if lines.is_empty() {
            return;
        }
        let count = lines.len();
        let steps = lines
            .into_iter()
            .enumerate()
            .map(|(k, text)| Edit::InsertDuty {
                id,
                index: at + k,
                text,
            })
            .collect();
        let label = if count == 1 {
            "Add duty".to_owned()
        } else {
            format!("Paste {count} duties")
        };
        self.queue.push(Action::Edit {
            edit: Edit::Batch(steps),
            label,
        });
    }
}

fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Unit => "Unit",
        NodeKind::Position => "Position",
        NodeKind::Assistant => "Assistant",
    }
}
