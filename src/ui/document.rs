//! The open chart with its history, file, and the caches the canvas draws from.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::layout::{card_text, CardStyle, CardText, ChartLayout, LayoutOptions, Layouter};
use crate::model::{
    Chart, ChartStats, Edit, EditError, History, IdMap, NameFacts, NodeId, Scope, StatsFacts, Tally,
};

/// Where the chart came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// An embedded sample (saving asks for a file).
    Sample(String),
    /// A new chart not saved yet.
    Untitled,
}

/// What a file on disk looked like when we last read or wrote it, to notice when
/// someone else (a colleague, a git pull) changes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// The file at `path` as it is now, or `None` if it cannot be read.
    pub fn read(path: &std::path::Path) -> Option<DiskStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let bytes = std::fs::read(path).ok()?;
        Some(DiskStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash: hash_bytes(&bytes),
        })
    }

    /// True when the file at `path` no longer matches this stamp (changed, or gone).
    pub fn differs_from_disk(&self, path: &std::path::Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return true;
        };
        if metadata.len() == self.len && metadata.modified().ok() == self.modified {
            return false;
        }
        // Touched but maybe not changed: compare the bytes.
        std::fs::read(path).map_or(true, |bytes| {
            bytes.len() as u64 != self.len || hash_bytes(&bytes) != self.hash
        })
    }
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// One open chart.
pub struct Document {
    chart: Chart,
    history: History,
    origin: Origin,
    saved_state: u64,
    /// Bumps on every change to the chart, undo and redo included.
    revision: u64,
    style: CardStyle,
    options: LayoutOptions,
    cards: IdMap<Arc<CardText>>,
    /// The cards' `[width, height]`, beside them in one dense array for the layout's walk.
    sizes: IdMap<[f32; 2]>,
    layouter: Layouter,
    layout: ChartLayout,
    layout_revision: Option<u64>,
    /// Statistics and name counts, kept up to date edit by edit.
    stats_tally: Tally<StatsFacts>,
    names: Tally<NameFacts>,
    stats: ChartStats,
    stats_revision: Option<u64>,
    disk: Option<DiskStamp>,
    /// [`Document::hidden_below`]'s answers, for one revision.
    hidden_below: RefCell<(Option<u64>, FxHashMap<NodeId, usize>)>,
}

impl Document {
    /// Opens `chart`, which came from `origin`.
    pub fn new(chart: Chart, origin: Origin) -> Document {
        let style = CardStyle::for_language_of(chart.title());
        let disk = match &origin {
            Origin::File(path) => DiskStamp::read(path),
            _ => None,
        };
        let stats_tally = Tally::build(&chart, StatsFacts::default());
        let names = Tally::build(&chart, NameFacts::default());
        Document {
            chart,
            history: History::default(),
            origin,
            saved_state: 0,
            revision: 0,
            style,
            options: LayoutOptions::default(),
            cards: IdMap::default(),
            sizes: IdMap::default(),
            layouter: Layouter::new(),
            layout: ChartLayout::default(),
            layout_revision: None,
            stats_tally,
            names,
            stats: ChartStats::default(),
            stats_revision: None,
            disk,
            hidden_below: RefCell::default(),
        }
    }

    /// The chart.
    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    /// The undo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Where the chart came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The file the chart saves to, if it has one.
    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(path) => Some(path),
            _ => None,
        }
    }

    /// True when the chart's file changed on disk since it was loaded or saved here.
    pub fn changed_on_disk(&self) -> bool {
        match (self.path(), &self.disk) {
            (Some(path), Some(stamp)) => stamp.differs_from_disk(path),
            _ => false,
        }
    }

    /// A short name for the window title.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Sample(name) => format!("{name} (sample)"),
            Origin::Untitled => "Untitled".to_owned(),
        }
    }

    /// Changes how the chart is laid out and whether cards show duties; not an edit of the
    /// chart (nothing to undo or save).
    pub fn set_view(&mut self, options: LayoutOptions, show_duties: bool) {
        if options == self.options && show_duties == self.style.show_duties {
            return;
        }
        self.options = options;
        if show_duties != self.style.show_duties {
            self.style.show_duties = show_duties;
            self.cards.clear();
            self.sizes.clear();
        }
        self.revision += 1;
    }

    /// A number that changes whenever the chart, or how it is laid out, does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the chart has changes not saved to its file.
    pub fn is_dirty(&self) -> bool {
        self.history.state_id() != self.saved_state || self.history.is_grouping()
    }

    /// Marks the chart as differing from its file (a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// Records that the chart now matches `path` on disk.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.history.end_group();
        self.saved_state = self.history.state_id();
        self.disk = DiskStamp::read(&path);
        self.origin = Origin::File(path);
    }

    /// Applies `edit` as an undoable step named `label`.
    pub fn apply(&mut self, edit: Edit, label: &str) -> Result<(), EditError> {
        let touched = edit.touched_cards();
        let scopes = edit.footprint(&self.chart);
        self.tallies_before(&scopes);
        let result = self.history.apply(&mut self.chart, edit, label);
        self.tallies_after(&scopes);
        result?;
        self.changed(touched);
        Ok(())
    }

    /// Starts a gesture whose edits undo as one step.
    pub fn begin_group(&mut self, label: &str) {
        self.history.begin_group(label);
    }

    /// Ends the gesture.
    pub fn end_group(&mut self) {
        self.history.end_group();
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        self.step_through_history(true)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        self.step_through_history(false)
    }

    /// Undoes (`back`) or redoes one step, keeping the caches up to date.
    fn step_through_history(&mut self, back: bool) -> Result<Option<String>, EditError> {
        self.history.end_group();
        let next = if back {
            self.history.peek_undo()
        } else {
            self.history.peek_redo()
        };
        let touched = next.and_then(Edit::touched_cards);
        let scopes = next
            .map(|edit| edit.footprint(&self.chart))
            .unwrap_or_default();
        self.tallies_before(&scopes);
        let result = if back {
            self.history.undo(&mut self.chart)
        } else {
            self.history.redo(&mut self.chart)
        };
        self.tallies_after(&scopes);
        let label = result?;
        if label.is_some() {
            self.changed(touched);
        }
        Ok(label)
    }

    fn tallies_before(&mut self, scopes: &[Scope]) {
        self.stats_tally.before(&self.chart, scopes);
        self.names.before(&self.chart, scopes);
    }

    fn tallies_after(&mut self, scopes: &[Scope]) {
        self.stats_tally.after(&self.chart, scopes);
        self.names.after(&self.chart, scopes);
    }

    fn changed(&mut self, touched: Option<Vec<NodeId>>) {
        self.revision += 1;
        match touched {
            Some(ids) => {
                for id in ids {
                    self.cards.remove(id);
                    self.sizes.remove(id);
                }
            }
            None => {
                self.style = CardStyle {
                    show_duties: self.style.show_duties,
                    ..CardStyle::for_language_of(self.chart.title())
                };
                self.cards.clear();
                self.sizes.clear();
            }
        }
    }

    /// How cards look.
    pub fn style(&self) -> &CardStyle {
        &self.style
    }

    /// Spacing and orientation.
    pub fn layout_options(&self) -> &LayoutOptions {
        &self.options
    }

    /// The card of `id`, measured once and cached until the node changes.
    pub fn card(&mut self, id: NodeId) -> Option<Arc<CardText>> {
        if let Some(card) = self.cards.get(id) {
            return Some(card.clone());
        }
        let card = Arc::new(card_text(self.chart.node(id)?, &self.style));
        self.cards.insert(id, card.clone());
        self.sizes.insert(id, [card.width, card.height]);
        Some(card)
    }

    /// The current layout, recomputed when the chart has changed.
    pub fn layout(&mut self) -> &ChartLayout {
        if self.layout_revision != Some(self.revision) {
            // Cards are measured when first laid out and cached until their node changes.
            let (chart, style) = (&self.chart, &self.style);
            let (cards, sizes) = (&mut self.cards, &mut self.sizes);
            self.layouter.layout_into(
                chart,
                &self.options,
                |id| {
                    if let Some(&size) = sizes.get(id) {
                        return size;
                    }
                    chart.node(id).map_or([0.0, 0.0], |node| {
                        let card = Arc::new(card_text(node, style));
                        let size = [card.width, card.height];
                        cards.insert(id, card);
                        sizes.insert(id, size);
                        size
                    })
                },
                &mut self.layout,
            );
            self.layout_revision = Some(self.revision);
        }
        &self.layout
    }

    /// Headline figures, recomputed when the chart has changed.
    pub fn stats(&mut self) -> &ChartStats {
        if self.stats_revision != Some(self.revision) {
            self.stats = self.stats_tally.facts().stats();
            self.stats_revision = Some(self.revision);
        }
        &self.stats
    }

    /// Name counts, for telling nodes with the same title apart.
    pub fn names(&self) -> &Tally<NameFacts> {
        &self.names
    }

    /// How many nodes are folded away below `id`; counted once per chart revision, since
    /// the canvas asks again whenever the selection or the view changes.
    pub fn hidden_below(&self, id: NodeId) -> usize {
        let count = || self.chart.subtree(id).count().saturating_sub(1);
        let Ok(mut cache) = self.hidden_below.try_borrow_mut() else {
            return count();
        };
        if cache.0 != Some(self.revision) {
            *cache = (Some(self.revision), FxHashMap::default());
        }
        *cache.1.entry(id).or_insert_with(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, NodeKind};

    #[test]
    fn hidden_counts_follow_edits() {
        let chart = crate::samples::seed();
        let director = chart
            .tree_order()
            .find(|&id| chart.node(id).is_some_and(|n| n.title == "营销总监"))
            .unwrap_or(NodeId(0));
        let below = chart.subtree(director).count() - 1;
        let mut doc = Document::new(chart, Origin::Untitled);
        assert_eq!(doc.hidden_below(director), below);
        let added = doc.apply(
            Edit::AddNode {
                id: doc.chart().fresh_id(),
                parent: Some(director),
                index: 0,
                node: Box::new(crate::model::Node::new(NodeKind::Position, "新岗位")),
            },
            "add",
        );
        assert!(added.is_ok());
        assert_eq!(doc.hidden_below(director), below + 1);
        let folded = doc.apply(
            Edit::SetField {
                id: director,
                field: Field::Collapsed(true),
            },
            "fold",
        );
        assert!(folded.is_ok());
        assert!(doc.undo().is_ok() && doc.undo().is_ok());
        assert_eq!(doc.hidden_below(director), below);
    }
}
