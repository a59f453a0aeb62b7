//! Edits the user makes by gesture: adding, moving, placing by hand, folding, deleting,
//! renaming in place, adding duties. Each becomes one undoable step, and a refused one
//! reaches the user the same way as every other: [`Editor::edit`].

use super::command::Command;
use super::message::{Label, Message};
use super::{Editor, ViewRequest};
use crate::model::{split_pasted_duties, ChartPoint, Edit, Field, NodeId};

impl Editor {
    /// Applies `edit` as one undoable step; if the chart's rules refuse it, says why.
    /// Every edit the user makes comes through here.
    pub(super) fn edit(&mut self, edit: Edit, label: Label) -> bool {
        match self.doc.apply(edit, label) {
            Ok(()) => true,
            Err(error) => {
                self.say(Message::Refused(error), true);
                false
            }
        }
    }

    /// Adds a subordinate, assistant, sibling or unit next to `at`, selects it, shows it
    /// and starts renaming it.
    pub(super) fn add(&mut self, command: Command, at: Option<NodeId>) {
        let Some((edit, id)) = self.add_edit(command, at) else {
            return;
        };
        if self.edit(edit, Label::Add(command)) {
            // A new card under a folded manager: unfold so it can be seen and renamed.
            self.expand_to(id);
            self.start_rename(id);
        }
    }

    /// A drop of `id` on `target`: it reports there, with its subtree.
    pub(super) fn reparent(&mut self, id: NodeId, target: NodeId) {
        if let Some(edit) = self.reparent_edit(id, target) {
            if self.edit(edit, Label::Move) {
                self.selection = vec![id];
                self.view_request = Some(ViewRequest::Reveal(id));
            }
        }
    }

    /// A drop of `id` on empty space with its top-left corner at `at`: it stays there,
    /// as an offset from its manager's card, so it moves with its team.
    pub(super) fn pin(&mut self, id: NodeId, at: ChartPoint) {
        let layout = self.doc.layout();
        let origin = match self.doc.chart().parent(id) {
            Some(manager) => match layout.rect(manager) {
                Some(rect) => [rect.x, rect.y],
                None => return,
            },
            None => [0.0, 0.0],
        };
        let offset = ChartPoint {
            x: (at.x - origin[0]).round(),
            y: (at.y - origin[1]).round(),
        };
        let edit = Edit::SetField {
            id,
            field: Field::Pin(Some(offset)),
        };
        if self.edit(edit, Label::Pin) {
            self.selection = vec![id];
        }
    }

    /// Folds or unfolds `id`'s subtree and keeps the card in view.
    pub(super) fn toggle_collapse(&mut self, id: NodeId) {
        let chart = self.doc.chart();
        let Some(node) = chart.node(id) else {
            return;
        };
        if chart.children(id).is_empty() {
            return;
        }
        let folded = !node.collapsed;
        let edit = Edit::SetField {
            id,
            field: Field::Collapsed(folded),
        };
        let label = if folded {
            Label::Collapse
        } else {
            Label::Expand
        };
        if self.edit(edit, label) {
            self.view_request = Some(ViewRequest::Reveal(id));
        }
    }

    /// Unfolds every folded ancestor of `id` so it can be seen.
    pub(super) fn expand_to(&mut self, id: NodeId) {
        let chart = self.doc.chart();
        let edits: Vec<Edit> = chart
            .ancestors(id)
            .filter(|&a| chart.node(a).is_some_and(|n| n.collapsed))
            .map(|a| Edit::SetField {
                id: a,
                field: Field::Collapsed(false),
            })
            .collect();
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits), Label::Expand);
        }
    }

    /// Deletes `ids`, keeping their subordinates (which move up) or not. A card inside
    /// another deleted subtree goes with it.
    pub(super) fn delete(&mut self, ids: &[NodeId], keep_reports: bool) {
        let chart = self.doc.chart();
        let chosen: rustc_hash::FxHashSet<NodeId> = ids.iter().copied().collect();
        let steps: Vec<Edit> = ids
            .iter()
            .filter(|&&id| keep_reports || !chart.ancestors(id).any(|a| chosen.contains(&a)))
            .map(|&id| Edit::RemoveNode { id, keep_reports })
            .collect();
        if self.edit(Edit::Batch(steps), Label::Delete { keep_reports }) {
            self.selection.clear();
        }
    }

    /// Starts editing `id`'s title in place, with the card selected and in view.
    pub(super) fn start_rename(&mut self, id: NodeId) {
        if !self.doc.chart().contains(id) {
            return;
        }
        self.selection = vec![id];
        self.renaming = Some(id);
        self.view_request = Some(ViewRequest::Reveal(id));
    }

    /// Ends the in-place edit: `Some(text)` renames the card, `None` leaves it.
    pub(super) fn finish_rename(&mut self, text: Option<String>) {
        let Some(id) = self.renaming.take() else {
            return;
        };
        let Some(text) = text.map(|t| t.trim().to_owned()) else {
            return;
        };
        if self.doc.chart().node(id).is_some_and(|n| n.title != text) {
            let edit = Edit::SetField {
                id,
                field: Field::Title(text),
            };
            self.edit(edit, Label::Rename);
        }
    }

    /// Adds the duties in `text` (one per line, bullets and numbering stripped) at
    /// `index`, as one step.
    pub(super) fn add_duties(&mut self, id: NodeId, index: usize, text: &str) {
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
                index: index + k,
                text,
            })
            .collect();
        self.edit(Edit::Batch(steps), Label::AddDuties(count));
    }
}
