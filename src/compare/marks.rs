//! A diff as marks on the new chart, for the canvas and the exports: each changed card's
//! state (new, moved, changed) with what changed, a ghost card for each removed node
//! under its old manager, and a list of the removed whose manager is gone too.

use rustc_hash::FxHashMap;

use super::report::{table_rows, value_texts, Charts};
use super::{ChangeKind, Diff, FieldName, What};
use crate::i18n::Lang;
use crate::layout::{
    card_text, place_ghosts, CardStyle, ChangeLook, ChartLayout, LayoutOptions, RectInChart,
};
use crate::model::{Chart, Node, NodeId, NodeKind};

/// How a card is marked, strongest first: a new card is not also "moved".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkState {
    /// New (green).
    Added,
    /// Under another manager (blue).
    Moved,
    /// A field changed (amber).
    Changed,
}

/// One changed field, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldLine {
    /// The field.
    pub field: FieldName,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
}

/// The mark of one card of the new chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// New, moved or changed.
    pub state: MarkState,
    /// For a moved card: its old manager's title (`None`: it was a top node).
    pub from: Option<Option<String>>,
    /// The fields that changed, old → new.
    pub fields: Vec<FieldLine>,
}

impl Mark {
    /// The few words on the card's tag: `new`, `from 大区销售经理`, `changed: holder`.
    pub fn tag(&self) -> String {
        match (self.state, &self.from) {
            (MarkState::Added, _) => "new".to_owned(),
            (MarkState::Moved, Some(Some(manager))) => format!("from {manager}"),
            (MarkState::Moved, _) => "from the top".to_owned(),
            (MarkState::Changed, _) => {
                let names: Vec<&str> = self.fields.iter().map(|f| f.field.name()).collect();
                format!("changed: {}", names.join(", "))
            }
        }
    }
}

/// A removed node drawn as a ghost card under the match of its old manager.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// Its id in the old chart.
    pub old_id: NodeId,
    /// What it was: its kind, title and holder (for its card).
    pub node: Node,
    /// The card of the new chart it hangs under.
    pub anchor: NodeId,
    /// How many removed nodes were below it (they are in the list).
    pub below: usize,
}

/// Where a ghost card is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GhostPlace {
    /// Its index in [`ChangeMarks::ghosts`].
    pub ghost: usize,
    /// The visible card it hangs from (its anchor, or the nearest visible ancestor).
    pub anchor: NodeId,
    /// Its card's rectangle in chart space.
    pub rect: RectInChart,
}

/// A removed node whose manager is gone too (or that was a top node): listed, not drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// Its id in the old chart.
    pub old_id: NodeId,
    /// `销售工程师 (王五)`.
    pub label: String,
}

/// Everything needed to mark a diff on the new chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeMarks {
    /// What the chart was compared with (a file name).
    pub base_name: String,
    marks: FxHashMap<NodeId, Mark>,
    /// The removed nodes drawn as ghosts.
    pub ghosts: Vec<Ghost>,
    /// The removed nodes only listed.
    pub listed: Vec<Listed>,
    /// Added, removed, moved and changed nodes (a node with two changed fields counts
    /// once).
    pub counts: [usize; 4],
    /// The change list as table rows (see [`super::report::TABLE_COLUMNS`]), for the
    /// CSV and Excel exports made while comparing; empty until
    /// [`ChangeMarks::with_table`] fills it (the editor does so only when exporting).
    pub table: Vec<[String; 9]>,
}

impl ChangeMarks {
    /// The marks of `diff` between `old` and `new`, compared with `base_name`; old and
    /// new values in words of `lang`.
    pub fn of(diff: &Diff, charts: Charts, base_name: &str, lang: Lang) -> ChangeMarks {
        let mut marks: FxHashMap<NodeId, Mark> = FxHashMap::default();
        for change in &diff.changes {
            match &change.what {
                What::Removed { .. } => {}
                What::Added => {
                    marks.insert(change.id, mark(MarkState::Added));
                }
                What::Moved { from, .. } => {
                    let entry = marks
                        .entry(change.id)
                        .or_insert_with(|| mark(MarkState::Moved));
                    entry.state = entry.state.min(MarkState::Moved);
                    entry.from = Some(
                        from.and_then(|id| charts.old.node(id))
                            .map(|n| n.title.clone()),
                    );
                }
                What::Changed(field) => {
                    let (old, new) = value_texts(field, charts, lang);
                    let entry = marks
                        .entry(change.id)
                        .or_insert_with(|| mark(MarkState::Changed));
                    entry.fields.push(FieldLine {
                        field: field.field(),
                        old,
                        new,
                    });
                }
            }
        }
        let (ghosts, listed) = ghosts(diff, charts);
        let mut counts = [0usize; 4];
        for state in marks.values().map(|m| m.state) {
            counts[match state {
                MarkState::Added => 0,
                MarkState::Moved => 2,
                MarkState::Changed => 3,
            }] += 1;
        }
        counts[1] = diff.count(ChangeKind::Removed);
        ChangeMarks {
            base_name: base_name.to_owned(),
            marks,
            ghosts,
            listed,
            counts,
            table: Vec::new(),
        }
    }

    /// These marks with the change list's table rows.
    pub fn with_table(mut self, diff: &Diff, charts: Charts) -> ChangeMarks {
        self.table = table_rows(diff, charts);
        self
    }

    /// The mark of card `id` of the new chart.
    pub fn mark(&self, id: NodeId) -> Option<&Mark> {
        self.marks.get(&id)
    }

    /// How many of a kind: cards marked new, moved or changed, and nodes removed.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.counts[kind as usize]
    }

    /// Where each ghost goes in `layout` of the new chart: below the card it hangs
    /// under (or its nearest visible ancestor, when that card is folded away), on free
    /// space. Each is `(index in ghosts, the card it hangs from, its rectangle)`.
    pub fn ghost_places(
        &self,
        chart: &Chart,
        layout: &ChartLayout,
        style: &CardStyle,
        options: &LayoutOptions,
    ) -> Vec<GhostPlace> {
        let mut wanted = Vec::new();
        for (at, ghost) in self.ghosts.iter().enumerate() {
            let anchor = std::iter::once(ghost.anchor)
                .chain(chart.ancestors(ghost.anchor))
                .find(|&id| layout.get(id).is_some());
            if let Some(anchor) = anchor {
                let card = card_text(&ghost.node, style);
                wanted.push((at, anchor, [card.width, card.height]));
            }
        }
        let requests: Vec<(NodeId, [f32; 2])> = wanted.iter().map(|&(_, a, s)| (a, s)).collect();
        let places = place_ghosts(chart, layout, options, &requests);
        wanted
            .iter()
            .zip(places)
            .map(|(&(ghost, anchor, _), rect)| GhostPlace {
                ghost,
                anchor,
                rect,
            })
            .collect()
    }
}

impl MarkState {
    /// How the card spec draws this state.
    pub fn look(self) -> ChangeLook {
        match self {
            MarkState::Added => ChangeLook::Added,
            MarkState::Moved => ChangeLook::Moved,
            MarkState::Changed => ChangeLook::Changed,
        }
    }
}

fn mark(state: MarkState) -> Mark {
    Mark {
        state,
        from: None,
        fields: Vec::new(),
    }
}

/// The removed nodes as ghosts (manager still there) and as a list (manager gone too).
fn ghosts(diff: &Diff, charts: Charts) -> (Vec<Ghost>, Vec<Listed>) {
    let mut ghosts = Vec::new();
    let mut listed = Vec::new();
    let mut ghost_of: FxHashMap<NodeId, usize> = FxHashMap::default();
    // Removed nodes come in the old chart's tree order, so a ghost comes before the
    // removed nodes below it.
    for change in &diff.changes {
        let What::Removed { anchor, .. } = change.what else {
            continue;
        };
        match anchor {
            Some(anchor) => {
                let mut node = Node::new(change.node_kind, change.title.clone());
                node.holder = change.holder.clone();
                ghost_of.insert(change.id, ghosts.len());
                ghosts.push(Ghost {
                    old_id: change.id,
                    node,
                    anchor,
                    below: 0,
                });
            }
            None => {
                let top_ghost = charts
                    .old
                    .ancestors(change.id)
                    .find_map(|a| ghost_of.get(&a).copied());
                if let Some(at) = top_ghost {
                    ghosts[at].below += 1;
                }
                let label = match &change.holder {
                    Some(h) if change.node_kind != NodeKind::Unit => {
                        format!("{} ({h})", change.title)
                    }
                    _ => change.title.clone(),
                };
                listed.push(Listed {
                    old_id: change.id,
                    label,
                });
            }
        }
    }
    (ghosts, listed)
}
