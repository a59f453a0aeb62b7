//! Dotted-line managers: the list with remove buttons, and a picker of the positions the
//! chart's rules allow, each told apart by its unit and manager.

use egui::{RichText, Ui};

use super::Inspector;
use crate::editor::{Action, Editor, Label};
use crate::model::{Edit, NodeId};
use crate::t;
use crate::ui::words::described;

/// The picker lists at most this many positions; the filter finds the rest.
const PICKER_ROWS: usize = 200;

impl Inspector {
    pub(super) fn dotted_editor(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        id: NodeId,
        dotted: &[NodeId],
        actions: &mut Vec<Action>,
    ) {
        ui.label(RichText::new(t!("inspector-dotted-managers")).strong());
        for &manager in dotted {
            let name = described(&editor.describe(manager));
            ui.horizontal(|ui| {
                ui.label(&name);
                let label = t!("inspector-remove-dotted", name = &name);
                let remove = ui.small_button("✖").on_hover_text(&label);
                remove.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &label)
                });
                if remove.clicked() {
                    actions.push(Action::Edit {
                        edit: Edit::RemoveDotted {
                            from: id,
                            to: manager,
                        },
                        label: Label::RemoveDotted,
                    });
                }
            });
        }
        let mut chosen = None;
        egui::ComboBox::new("organigram-add-dotted", t!("inspector-add-dotted"))
            .selected_text(t!("inspector-choose-position"))
            .height(320.0)
            .show_ui(ui, |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut self.dotted_filter)
                        .hint_text(t!("inspector-filter")),
                );
                let filter = self.dotted_filter.to_lowercase();
                let candidates = editor
                    .dotted_candidates(id)
                    .into_iter()
                    .map(|candidate| (candidate, described(&editor.describe(candidate))))
                    .filter(|(_, name)| filter.is_empty() || name.to_lowercase().contains(&filter))
                    .take(PICKER_ROWS);
                for (candidate, name) in candidates {
                    if ui.selectable_label(false, name).clicked() {
                        chosen = Some(candidate);
                    }
                }
            });
        if let Some(to) = chosen {
            actions.push(Action::Edit {
                edit: Edit::AddDotted {
                    from: id,
                    to,
                    index: dotted.len(),
                },
                label: Label::AddDotted,
            });
        }
    }
}
