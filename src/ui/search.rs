//! Search (Ctrl+F): titles, holders, notes and duties, in any language, with next and
//! previous; matches are marked on the canvas.

use egui::{Key, Ui};
use rustc_hash::FxHashSet;

use super::actions::Action;
use super::app::OrganigramApp;
use crate::model::{Chart, NodeId};

/// The search bar's state.
#[derive(Default)]
pub struct Search {
    /// The bar is showing.
    pub open: bool,
    /// Focus the query field next frame.
    pub focus_requested: bool,
    query: String,
    /// What the hits were computed for.
    computed_for: Option<(String, u64)>,
    hits: Vec<NodeId>,
    current: Option<usize>,
}

impl Search {
    /// The matches as a set, for the canvas.
    pub fn hit_set(&self) -> FxHashSet<NodeId> {
        if self.open {
            self.hits.iter().copied().collect()
        } else {
            FxHashSet::default()
        }
    }

    /// The current match.
    pub fn current(&self) -> Option<NodeId> {
        self.current
            .filter(|_| self.open)
            .and_then(|at| self.hits.get(at).copied())
    }

    /// Moves to the next (`+1`) or previous (`-1`) match and returns it.
    pub fn step(&mut self, direction: i32) -> Option<NodeId> {
        if self.hits.is_empty() {
            return None;
        }
        let count = self.hits.len() as i64;
        let next = match self.current {
            None if direction >= 0 => 0,
            None => count - 1,
            Some(at) => (at as i64 + i64::from(direction)).rem_euclid(count),
        };
        self.current = Some(next as usize);
        self.hits.get(next as usize).copied()
    }

    /// Recomputes the matches if the query or the chart changed.
    fn refresh(&mut self, chart: &Chart, revision: u64) {
        let key = (self.query.clone(), revision);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let previous = self.current();
        self.hits = find(chart, &self.query);
        self.current = previous.and_then(|id| self.hits.iter().position(|&h| h == id));
        self.computed_for = Some(key);
    }
}

/// Every node whose title, holder, notes or duties contain `query` (ignoring case), in
/// tree order. An empty query matches nothing.
pub fn find(chart: &Chart, query: &str) -> Vec<NodeId> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let contains = |text: &str| text.to_lowercase().contains(&needle);
    chart
        .tree_order()
        .filter(|&id| {
            chart.node(id).is_some_and(|node| {
                contains(&node.title)
                    || node.holder.as_deref().is_some_and(contains)
                    || contains(&node.notes)
                    || node.duties.iter().any(|duty| contains(duty))
            })
        })
        .collect()
}

impl OrganigramApp {
    pub(super) fn search_bar(&mut self, ui: &mut Ui) {
        self.search.refresh(self.doc.chart(), self.doc.revision());
        let mut reveal = None;
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.search.query)
                    .hint_text("title, holder or duty")
                    .desired_width(260.0),
            );
            let response = response.labelled_by(label.id);
            if self.search.focus_requested {
                response.request_focus();
                self.search.focus_requested = false;
            }
            if response.changed() {
                self.search.current = None;
                self.search.refresh(self.doc.chart(), self.doc.revision());
                reveal = self.search.step(1);
            }
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter {
                let back = ui.input(|i| i.modifiers.shift);
                reveal = self.search.step(if back { -1 } else { 1 });
                response.request_focus();
            }
            if ui.button("Previous match").clicked() {
                reveal = self.search.step(-1);
            }
            if ui.button("Next match").clicked() {
                reveal = self.search.step(1);
            }
            let count = self.search.hits.len();
            let status = match (self.search.current, count) {
                (_, 0) if self.search.query.trim().is_empty() => String::new(),
                (_, 0) => "No matches".to_owned(),
                (Some(at), _) => format!("{} of {count}", at + 1),
                (None, _) => format!("{count} matches"),
            };
            ui.label(status);
            if ui.button("Close search").clicked()
                || ui.input(|i| i.key_pressed(Key::Escape)) && response.has_focus()
            {
                self.search.open = false;
            }
        });
        if let Some(id) = reveal {
            self.queue.push(Action::Reveal(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_chinese_and_english_in_titles_holders_and_duties() {
        let zh = crate::samples::seed();
        assert_eq!(find(&zh, "销售主管").len(), 2);
        assert!(
            !find(&zh, "贴牌").is_empty(),
            "unit responsibilities are searched"
        );
        assert!(find(&zh, "催收").len() == 1, "duties are searched");
        let en = crate::samples::find("midsize-northwind")
            .and_then(|s| s.load().ok())
            .unwrap_or_default();
        assert!(!find(&en, "carmen").is_empty(), "holders, ignoring case");
        assert!(find(&en, "   ").is_empty());
    }
}
