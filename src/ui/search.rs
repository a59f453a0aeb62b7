//! The search bar (Ctrl+F), a view: the query, previous and next, the count, close.
//! Escape closes it and F3 / Shift+F3 step through the matches, even while typing.

use egui::{Key, Ui};

use crate::editor::{Action, Editor};
use crate::t;

/// The search bar's own state: which of the editor's focus requests it has seen.
#[derive(Default)]
pub struct SearchBar {
    focus_seen: u64,
}

impl SearchBar {
    /// Draws the bar (when the editor's search is open) and returns what the user did.
    pub fn show(&mut self, ui: &mut Ui, editor: &Editor) -> Vec<Action> {
        let search = editor.search();
        if !search.open {
            return Vec::new();
        }
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label(t!("search-label"));
            let mut query = search.query.clone();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut query)
                        .hint_text(t!("search-hint"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if self.focus_seen != search.focus_requests {
                self.focus_seen = search.focus_requests;
                response.request_focus();
            }
            if response.changed() {
                actions.push(Action::SearchQuery(query));
            }
            let escape = ui.input(|i| i.key_pressed(Key::Escape));
            if response.lost_focus() && escape {
                actions.push(Action::CloseSearch);
            } else if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                actions.push(Action::SearchStep(if back { -1 } else { 1 }));
                response.request_focus();
            }
            if ui.button(t!("search-previous")).clicked() {
                actions.push(Action::SearchStep(-1));
            }
            if ui.button(t!("search-next")).clicked() {
                actions.push(Action::SearchStep(1));
            }
            let count = search.hits().len();
            let status = match (search.current_index(), count) {
                (_, 0) if search.query.trim().is_empty() => String::new(),
                (_, 0) => t!("search-no-matches"),
                (Some(at), _) => t!("search-at", at = at + 1, count = count),
                (None, _) => t!("search-matches", count = count),
            };
            ui.label(status);
            if ui.button(t!("search-close")).clicked() {
                actions.push(Action::CloseSearch);
            }
        });
        actions
    }
}
