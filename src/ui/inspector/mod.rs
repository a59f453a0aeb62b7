//! The inspector, a view of the editor: edits the selected card (kind, title, holder,
//! headcount, colour, notes, dotted-line managers, duties) and the chart's own title.
//! Text becomes one undo step when the field is committed (Enter or leaving it), not one
//! per keystroke. The inspector keeps only what is being typed; every change goes back
//! to the editor as an action.

mod dotted;
mod duties;
mod fields;

use egui::{RichText, Ui};

use crate::editor::{Action, Editor, Label};
use crate::model::{ChartText, Edit, Field, Node, NodeId, NodeKind};
use crate::t;
use crate::ui::words::kind_name;

/// Which text field is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum FieldKey {
    ChartTitle,
    Organisation,
    Title(NodeId),
    Holder(NodeId),
    Notes(NodeId),
    Reference(NodeId),
    Duty(NodeId, usize),
    Headcount(NodeId),
}

/// What the inspector keeps between frames: the text being typed, nothing else.
#[derive(Default)]
pub struct Inspector {
    /// The field being edited and its text so far.
    editing: Option<(FieldKey, String)>,
    new_duty: String,
    dotted_filter: String,
    colour_gesture: bool,
    /// The marked duty the panel last scrolled to, so it scrolls there once.
    scrolled_to: Option<(NodeId, usize)>,
}

/// What a text field gave back this frame.
enum Outcome {
    Unchanged,
    Committed(String),
}

/// An edit of one field of `id`, as an action.
fn set(id: NodeId, field: Field, label: Label) -> Action {
    Action::Edit {
        edit: Edit::SetField { id, field },
        label,
    }
}

impl Inspector {
    /// Draws the inspector and returns what the user did.
    pub fn show(&mut self, ui: &mut Ui, editor: &Editor) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.chart_section(ui, editor, &mut actions);
                ui.separator();
                let selection = editor.selection();
                match (selection.len(), editor.primary()) {
                    (_, None) => {
                        ui.label(t!("inspector-nothing-selected"));
                    }
                    (1, Some(id)) => self.node_editor(ui, editor, id, &mut actions),
                    (count, Some(id)) => {
                        ui.label(t!("inspector-many-selected", count = count));
                        self.node_editor(ui, editor, id, &mut actions);
                    }
                }
            });
        actions
    }

    fn chart_section(&mut self, ui: &mut Ui, editor: &Editor, actions: &mut Vec<Action>) {
        egui::CollapsingHeader::new(t!("inspector-chart"))
            .id_salt("organigram-inspector-chart")
            .default_open(false)
            .show(ui, |ui| {
                let chart = editor.chart();
                for (key, which, current, label, step) in [
                    (
                        FieldKey::ChartTitle,
                        ChartText::Title,
                        chart.title(),
                        t!("inspector-chart-title"),
                        Label::ChartTitle,
                    ),
                    (
                        FieldKey::Organisation,
                        ChartText::Organisation,
                        chart.organisation(),
                        t!("inspector-organisation"),
                        Label::Organisation,
                    ),
                ] {
                    if let Outcome::Committed(text) =
                        self.text_field(ui, key, current, &label, false)
                    {
                        actions.push(Action::Edit {
                            edit: Edit::SetChartText { which, text },
                            label: step,
                        });
                    }
                }
            });
    }

    fn node_editor(&mut self, ui: &mut Ui, editor: &Editor, id: NodeId, actions: &mut Vec<Action>) {
        let chart = editor.chart();
        let Some(node) = chart.node(id) else {
            return;
        };
        let unit = chart.unit_of(id).and_then(|u| chart.node(u));
        let kind = kind_name(node.kind);
        let heading = match unit {
            Some(unit) => t!(
                "inspector-heading-in-unit",
                kind = kind,
                id = id.0,
                unit = &unit.title,
            ),
            None => t!("inspector-heading", kind = kind, id = id.0),
        };
        ui.heading(RichText::new(heading).size(15.0));
        ui.add_space(4.0);
        fields::kind_choice(ui, editor, id, node.kind, actions);
        let title_label = if node.kind == NodeKind::Unit {
            t!("inspector-name")
        } else {
            t!("inspector-title")
        };
        if let Outcome::Committed(text) =
            self.text_field(ui, FieldKey::Title(id), &node.title, &title_label, false)
        {
            actions.push(set(id, Field::Title(text.trim().to_owned()), Label::Rename));
        }
        if node.kind.is_post() {
            self.post_fields(ui, id, node, actions);
        } else {
            self.colour_field(ui, id, node.colour, actions);
        }
        let notes = t!("inspector-notes");
        if let Outcome::Committed(text) =
            self.text_field(ui, FieldKey::Notes(id), &node.notes, &notes, true)
        {
            actions.push(set(id, Field::Notes(text), Label::Notes));
        }
        let reference = node.reference.as_deref().unwrap_or_default();
        if let Outcome::Committed(text) = self.text_field(
            ui,
            FieldKey::Reference(id),
            reference,
            &t!("inspector-reference"),
            false,
        ) {
            let text = text.trim().to_owned();
            let value = (!text.is_empty()).then_some(text);
            actions.push(set(id, Field::Reference(value), Label::Reference));
        }
        placement_fields(ui, editor, id, node, actions);
        if node.kind.is_post() {
            ui.separator();
            self.dotted_editor(ui, editor, id, &node.dotted, actions);
        }
        ui.separator();
        let marked = editor
            .duty_highlight()
            .filter(|(post, _)| *post == id)
            .map(|(_, index)| index);
        self.duties_editor(
            ui,
            id,
            &node.duties,
            (node.kind == NodeKind::Unit, marked),
            actions,
        );
    }

    /// Holder, vacancy and headcount.
    fn post_fields(&mut self, ui: &mut Ui, id: NodeId, node: &Node, actions: &mut Vec<Action>) {
        let holder = node.holder.clone().unwrap_or_default();
        if let Outcome::Committed(text) = self.text_field(
            ui,
            FieldKey::Holder(id),
            &holder,
            &t!("inspector-holder"),
            false,
        ) {
            let text = text.trim().to_owned();
            let value = if text.is_empty() { None } else { Some(text) };
            actions.push(set(id, Field::Holder(value), Label::Holder));
        }
        let mut vacant = node.holder.is_none();
        if ui
            .checkbox(&mut vacant, t!("inspector-vacant"))
            .on_hover_text(t!("inspector-vacant-tip"))
            .changed()
        {
            let value = if vacant { None } else { Some(String::new()) };
            actions.push(set(id, Field::Holder(value), Label::Vacancy));
        }
        self.headcount_field(ui, id, node.headcount, actions);
    }
}

/// A hand-placed card's offset (with Put back), and the fold checkbox.
fn placement_fields(
    ui: &mut Ui,
    editor: &Editor,
    id: NodeId,
    node: &Node,
    actions: &mut Vec<Action>,
) {
    if let Some(pin) = node.pin {
        ui.horizontal(|ui| {
            let offset = format!("{:+.0}, {:+.0}", pin.x, pin.y);
            ui.label(t!("inspector-placed-by-hand", offset = offset))
                .on_hover_text(t!("inspector-placed-by-hand-tip"));
            if ui.button(t!("inspector-put-back")).clicked() {
                actions.push(set(id, Field::Pin(None), Label::Unpin));
            }
        });
    }
    if !editor.chart().children(id).is_empty() {
        let mut collapsed = node.collapsed;
        if ui
            .checkbox(&mut collapsed, t!("inspector-subtree-folded"))
            .changed()
        {
            actions.push(Action::ToggleCollapse(id));
        }
    }
}
