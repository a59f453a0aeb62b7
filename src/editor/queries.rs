//! What views ask the editor. Every query takes `&self`.

use super::command::Command;
use super::document::Document;
use super::message::Notice;
use super::modal::Modal;
use super::search::Search;
use super::settings::Settings;
use super::viewport::Viewport;
use super::Editor;
use crate::export::ExportChoices;
use crate::i18n::Lang;
use crate::model::{Chart, Edit, EditError, Field, Node, NodeId, NodeKind};

/// A node told apart from others with the same title: its unit and its manager.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeDescription {
    /// The title.
    pub title: String,
    /// The nearest unit above it.
    pub unit: Option<String>,
    /// Its solid-line manager, if that is a post.
    pub manager: Option<String>,
}

impl Editor {
    /// The open chart with its history and derived data.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open chart.
    pub fn chart(&self) -> &Chart {
        self.doc.chart()
    }

    /// The selected cards; the last is the one the inspector edits.
    pub fn selection(&self) -> &[NodeId] {
        &self.selection
    }

    /// The card commands act on: the last selected.
    pub fn primary(&self) -> Option<NodeId> {
        self.selection.last().copied()
    }

    /// The language the editor speaks: the one chosen in View ▸ Language, or the
    /// system's.
    pub fn language(&self) -> Lang {
        self.settings.language.resolve()
    }

    /// Remembered preferences.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The part of the chart the canvas shows.
    pub fn viewport(&self) -> &Viewport {
        &self.viewport
    }

    /// The open modal question, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The notice over the canvas, if one is showing.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The search bar.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The card whose title is being edited in place.
    pub fn renaming(&self) -> Option<NodeId> {
        self.renaming
    }

    /// The export window's choices, while it is open.
    pub fn export_choices(&self) -> Option<&ExportChoices> {
        self.export.as_ref()
    }

    /// Help ▸ Keyboard shortcuts is open.
    pub fn shows_shortcuts(&self) -> bool {
        self.show_shortcuts
    }

    /// Help ▸ About is open.
    pub fn shows_about(&self) -> bool {
        self.show_about
    }

    /// True while a file dialog is open.
    pub fn is_waiting_for_file_dialog(&self) -> bool {
        self.waiting.is_some()
    }

    /// Whether `command` can run now: its target exists and the chart's rules allow it.
    pub fn can(&self, command: Command) -> bool {
        let primary = self.primary();
        match command {
            Command::Undo => self.doc.history().undo_len() > 0,
            Command::Redo => self.doc.history().redo_len() > 0,
            Command::AddSubordinate
            | Command::AddAssistant
            | Command::AddSibling
            | Command::AddUnit => self
                .add_edit(command, primary)
                .is_some_and(|(edit, _)| self.chart().check(&edit).is_ok()),
            Command::ToggleCollapse => {
                primary.is_some_and(|id| !self.chart().children(id).is_empty())
            }
            Command::FindNext | Command::FindPrevious => !self.search.hits().is_empty(),
            Command::StopComparing => self.compare.is_some(),
            c if c.needs_selection() => primary.is_some(),
            _ => true,
        }
    }

    /// Whether dropping `id` on `target` would be accepted, and why not.
    pub fn drop_verdict(&self, id: NodeId, target: NodeId) -> Result<(), EditError> {
        match self.reparent_edit(id, target) {
            Some(edit) => self.chart().check(&edit),
            None => Ok(()),
        }
    }

    /// The edit a drop of `id` on `target` makes: drop a dotted line to `target` (it
    /// would repeat the solid one), put a hand-placed card back in the tree, and move it
    /// last under `target`. `None` when it is already there.
    pub(super) fn reparent_edit(&self, id: NodeId, target: NodeId) -> Option<Edit> {
        let chart = self.chart();
        let node = chart.node(id)?;
        if chart.parent(id) == Some(target) && node.pin.is_none() {
            return None;
        }
        let mut steps = Vec::new();
        if node.dotted.contains(&target) {
            steps.push(Edit::RemoveDotted {
                from: id,
                to: target,
            });
        }
        if node.pin.is_some() {
            steps.push(Edit::SetField {
                id,
                field: Field::Pin(None),
            });
        }
        let index = chart
            .children(target)
            .len()
            .saturating_sub(usize::from(chart.parent(id) == Some(target)));
        steps.push(Edit::Move {
            id,
            parent: Some(target),
            index,
        });
        Some(Edit::Batch(steps))
    }

    /// The edit an Add command makes next to `at`, and the new node's id. The chart's
    /// rules decide whether it is allowed ([`Chart::check`]).
    pub(super) fn add_edit(&self, command: Command, at: Option<NodeId>) -> Option<(Edit, NodeId)> {
        let chart = self.chart();
        let id = chart.fresh_id();
        let at_kind = at.and_then(|a| chart.node(a)).map(|n| n.kind);
        let (parent, index, kind) = match (command, at) {
            (Command::AddSubordinate, Some(a)) => {
                (Some(a), chart.children(a).len(), NodeKind::Position)
            }
            (Command::AddAssistant, Some(a)) => (Some(a), 0, NodeKind::Assistant),
            (Command::AddSibling, Some(a)) => (
                chart.parent(a),
                chart.index_in_parent(a).map_or(0, |i| i + 1),
                at_kind.unwrap_or(NodeKind::Position),
            ),
            (Command::AddUnit, at) => (
                at,
                at.map_or(chart.roots().len(), |a| chart.children(a).len()),
                NodeKind::Unit,
            ),
            _ => return None,
        };
        let node = Node::new(kind, default_title(kind, self.language()));
        let edit = Edit::AddNode {
            id,
            parent,
            index,
            node: Box::new(node),
        };
        Some((edit, id))
    }

    /// The positions `id` could take as a new dotted-line manager, in tree order.
    pub fn dotted_candidates(&self, id: NodeId) -> Vec<NodeId> {
        let chart = self.chart();
        let index = chart.node(id).map_or(0, |n| n.dotted.len());
        chart
            .tree_order()
            .filter(|&to| {
                chart.node(to).is_some_and(|n| n.kind == NodeKind::Position)
                    && chart
                        .check(&Edit::AddDotted {
                            from: id,
                            to,
                            index,
                        })
                        .is_ok()
            })
            .collect()
    }

    /// `id`'s title with its unit and manager, to tell it from others with the same title.
    pub fn describe(&self, id: NodeId) -> NodeDescription {
        let chart = self.chart();
        let title = |at: NodeId| chart.node(at).map(|n| n.title.clone());
        NodeDescription {
            title: title(id).unwrap_or_default(),
            unit: chart.unit_of(id).and_then(title),
            manager: chart
                .ancestors(id)
                .find(|&a| chart.node(a).is_some_and(|n| n.kind.is_post()))
                .and_then(title),
        }
    }
}

/// The title a new card of `kind` gets, in the editor's language.
pub(super) fn default_title(kind: NodeKind, lang: Lang) -> String {
    let id = match kind {
        NodeKind::Unit => "new-unit",
        NodeKind::Assistant => "new-assistant",
        NodeKind::Position => "new-position",
    };
    crate::i18n::tr(lang, id)
}
