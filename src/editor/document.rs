//! The open chart: its history, where it came from, and the data derived from it
//! (layout, card texts, statistics, outline rows, fold counts).
//!
//! Derived data is rebuilt by [`Document::refresh`] whenever the chart's revision or the
//! look changes. Revisions come from one counter for the whole process, so a newly
//! opened chart never shares a revision with the one before it, and nothing derived from
//! an earlier chart can be shown for a later one. Queries take `&self`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::message::Label;
use crate::layout::{
    card_size_with, card_text, CardStyle, CardText, ChartLayout, LayoutOptions, Layouter,
    TitleLines,
};
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
    /// A new chart, or one imported, not saved yet.
    Untitled,
}

/// What a file on disk looked like when it was last read or written here, to notice
/// when someone else (a colleague, a git pull) changes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// The file at `path` as it is now, or `None` if it cannot be read.
    pub fn read(path: &Path) -> Option<DiskStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let (len, hash) = hash_file(path)?;
        Some(DiskStamp {
            modified: metadata.modified().ok(),
            len,
            hash,
        })
    }

    /// True when the file at `path` no longer matches this stamp (changed, or gone).
    pub fn differs_from_disk(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return true;
        };
        if metadata.len() == self.len && metadata.modified().ok() == self.modified {
            return false;
        }
        // Touched but maybe not changed: compare the bytes.
        hash_file(path) != Some((self.len, self.hash))
    }
}

/// The length and a hash of the file at `path`, read in pieces: a chart file may be
/// hundreds of megabytes, and holding it whole to hash it doubled the editor's peak.
fn hash_file(path: &Path) -> Option<(u64, u64)> {
    use std::hash::Hasher;
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut piece = Vec::with_capacity(1 << 16);
    let mut len: u64 = 0;
    loop {
        // Whole pieces, so the hash does not depend on how the reads fall.
        piece.clear();
        let read = (&mut file).take(1 << 16).read_to_end(&mut piece).ok()?;
        if read == 0 {
            break;
        }
        hasher.write(&piece);
        len += read as u64;
    }
    Some((len, hasher.finish()))
}

/// A revision no chart in this process has had.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One row of the outline: a visible node, its depth and fold state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlineRow {
    /// The node.
    pub id: NodeId,
    /// Its depth; top nodes are 0.
    pub depth: u16,
    /// It has subordinates.
    pub has_children: bool,
    /// Its subordinates are folded away.
    pub collapsed: bool,
}

/// How cards are measured and laid out: what the look of the chart depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct Look {
    /// Card sizes and texts.
    pub style: CardStyle,
    /// Spacing and orientation.
    pub layout: LayoutOptions,
}

/// Everything derived from the chart and its look, rebuilt by revision.
#[derive(Default)]
struct Derived {
    /// The revision and look these were built for.
    built_for: Option<(u64, Look)>,
    /// A revision of its own, new at every rebuild: views that copy derived data (the
    /// canvas's scene) compare it, since a new look changes the layout but not the chart.
    revision: u64,
    /// Cards' lines, made when a view first asks for one: only the cards in view are
    /// drawn, and making every card's lines took a third of opening a million posts.
    cards: RefCell<IdMap<Arc<CardText>>>,
    /// The cards' `[width, height]`, in one dense array for the layout's walk.
    sizes: IdMap<[f32; 2]>,
    layouter: Layouter,
    layout: ChartLayout,
    stats: ChartStats,
    outline: Vec<OutlineRow>,
    /// How many nodes each visible folded card hides.
    hidden: FxHashMap<NodeId, usize>,
}

/// One open chart.
pub struct Document {
    chart: Chart,
    history: History<Label>,
    origin: Origin,
    saved_state: u64,
    revision: u64,
    disk: Option<DiskStamp>,
    /// Statistics and name counts, kept up to date edit by edit.
    stats_tally: Tally<StatsFacts>,
    names: Tally<NameFacts>,
    derived: Derived,
}

impl Document {
    /// Opens `chart`, which came from `origin`. Call [`Document::refresh`] before asking
    /// for derived data.
    pub fn new(chart: Chart, origin: Origin) -> Document {
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
            revision: next_revision(),
            disk,
            stats_tally,
            names,
            derived: Derived::default(),
        }
    }

    /// The chart.
    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    /// The undo history.
    pub fn history(&self) -> &History<Label> {
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

    /// A short name for the window title: the file's name, or the sample's.
    pub fn display_name(&self) -> DisplayName {
        match &self.origin {
            Origin::File(path) => DisplayName::File(path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
            Origin::Sample(name) => DisplayName::Sample(name.clone()),
            Origin::Untitled => DisplayName::Untitled,
        }
    }

    /// A number that changes whenever the chart does, and that no other chart opened in
    /// this process has had.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the chart has changes not saved to its file. Folding is not a change.
    pub fn is_dirty(&self) -> bool {
        self.history.state_id() != self.saved_state || self.history.is_grouping()
    }

    /// Marks the chart as differing from its file (a restored recovery copy, an import).
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
    pub fn apply(&mut self, edit: Edit, label: Label) -> Result<(), EditError> {
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
    pub fn begin_group(&mut self, label: Label) {
        self.history.begin_group(label);
    }

    /// Ends the gesture.
    pub fn end_group(&mut self) {
        self.history.end_group();
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Result<Option<Label>, EditError> {
        self.step_through_history(true)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Result<Option<Label>, EditError> {
        self.step_through_history(false)
    }

    /// Undoes (`back`) or redoes one step, keeping the tallies up to date.
    fn step_through_history(&mut self, back: bool) -> Result<Option<Label>, EditError> {
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

    /// A new revision; the cards whose content changed are measured again.
    fn changed(&mut self, touched: Option<Vec<NodeId>>) {
        self.revision = next_revision();
        match touched {
            Some(ids) => {
                let cards = self.derived.cards.get_mut();
                for id in ids {
                    cards.remove(id);
                    self.derived.sizes.remove(id);
                }
            }
            None => {
                self.derived.cards.get_mut().clear();
                self.derived.sizes.clear();
            }
        }
    }

    /// Brings every derived figure up to date with the chart and `look`. Cheap when
    /// nothing changed.
    pub fn refresh(&mut self, look: &Look) {
        let derived = &mut self.derived;
        let up_to_date = derived
            .built_for
            .as_ref()
            .is_some_and(|(revision, built)| *revision == self.revision && built == look);
        if up_to_date {
            return;
        }
        if derived
            .built_for
            .as_ref()
            .is_some_and(|(_, built)| built.style != look.style)
        {
            derived.cards.get_mut().clear();
            derived.sizes.clear();
        }
        let (chart, style) = (&self.chart, &look.style);
        let sizes = &mut derived.sizes;
        let mut titles = TitleLines::default();
        derived.layouter.layout_into(
            chart,
            &look.layout,
            |id| {
                if let Some(&size) = sizes.get(id) {
                    return size;
                }
                chart.node(id).map_or([0.0, 0.0], |node| {
                    let size = card_size_with(node, style, &mut titles);
                    sizes.insert(id, size);
                    size
                })
            },
            &mut derived.layout,
        );
        derived.stats = self.stats_tally.facts().stats();
        derived.outline = outline_rows(chart);
        derived.hidden = hidden_counts(chart, &derived.outline);
        derived.built_for = Some((self.revision, look.clone()));
        derived.revision = next_revision();
    }

    /// A number that changes whenever the derived data (layout, cards, statistics,
    /// outline) is rebuilt: after a change to the chart or to how it is shown. No other
    /// chart opened in this process has had it.
    pub fn derived_revision(&self) -> u64 {
        self.derived.revision
    }

    /// The look the derived data was last built for.
    pub fn look(&self) -> Option<&Look> {
        self.derived.built_for.as_ref().map(|(_, look)| look)
    }

    /// The layout of every visible card.
    pub fn layout(&self) -> &ChartLayout {
        &self.derived.layout
    }

    /// The lines of `id`'s card in the look last built, made on first asking; `None`
    /// before the first build or for a node not in the chart.
    pub fn card(&self, id: NodeId) -> Option<Arc<CardText>> {
        if let Some(card) = self.derived.cards.borrow().get(id) {
            return Some(Arc::clone(card));
        }
        let (_, look) = self.derived.built_for.as_ref()?;
        let card = Arc::new(card_text(self.chart.node(id)?, &look.style));
        self.derived
            .cards
            .borrow_mut()
            .insert(id, Arc::clone(&card));
        Some(card)
    }

    /// Headline figures.
    pub fn stats(&self) -> &ChartStats {
        &self.derived.stats
    }

    /// The outline's rows: every node not folded away, in tree order.
    pub fn outline(&self) -> &[OutlineRow] {
        &self.derived.outline
    }

    /// Name counts, for telling nodes with the same title apart.
    pub fn names(&self) -> &Tally<NameFacts> {
        &self.names
    }

    /// How many nodes are folded away below `id` (0 unless it is a visible folded card).
    pub fn hidden_below(&self, id: NodeId) -> usize {
        self.derived.hidden.get(&id).copied().unwrap_or(0)
    }
}

/// What the window title calls a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisplayName {
    /// A file's name.
    File(String),
    /// An embedded sample's name.
    Sample(String),
    /// Not saved yet.
    Untitled,
}

/// The outline's rows: a walk of the tree that skips what is folded away.
fn outline_rows(chart: &Chart) -> Vec<OutlineRow> {
    let mut rows = Vec::with_capacity(chart.len());
    let mut stack: Vec<(NodeId, u16)> = chart.roots().iter().rev().map(|&id| (id, 0)).collect();
    while let Some((id, depth)) = stack.pop() {
        let Some((shape, children)) = chart.shape(id) else {
            continue;
        };
        rows.push(OutlineRow {
            id,
            depth,
            has_children: !children.is_empty(),
            collapsed: shape.collapsed,
        });
        if !shape.collapsed {
            stack.extend(children.iter().rev().map(|&c| (c, depth.saturating_add(1))));
        }
    }
    rows
}

/// How many nodes each visible folded card hides, from the outline's rows (the visible
/// nodes, with their fold state).
fn hidden_counts(chart: &Chart, rows: &[OutlineRow]) -> FxHashMap<NodeId, usize> {
    rows.iter()
        .filter(|row| row.collapsed && row.has_children)
        .map(|row| (row.id, chart.subtree(row.id).count() - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, NodeKind};

    fn look() -> Look {
        Look {
            style: CardStyle::default(),
            layout: LayoutOptions::default(),
        }
    }

    #[test]
    fn hidden_counts_follow_edits() {
        let chart = crate::samples::seed();
        let director = chart
            .tree_order()
            .find(|&id| chart.node(id).is_some_and(|n| n.title == "营销总监"))
            .unwrap_or(NodeId(0));
        let below = chart.subtree(director).count() - 1;
        let mut doc = Document::new(chart, Origin::Untitled);
        let fold = |doc: &mut Document, folded: bool| {
            doc.apply(
                Edit::SetField {
                    id: director,
                    field: Field::Collapsed(folded),
                },
                Label::Collapse,
            )
        };
        assert!(fold(&mut doc, true).is_ok());
        doc.refresh(&look());
        assert_eq!(doc.hidden_below(director), below);
        assert!(fold(&mut doc, false).is_ok());
        let added = doc.apply(
            Edit::AddNode {
                id: doc.chart().fresh_id(),
                parent: Some(director),
                index: 0,
                node: Box::new(crate::model::Node::new(NodeKind::Position, "新岗位")),
            },
            Label::Add(super::super::Command::AddSubordinate),
        );
        assert!(added.is_ok());
        assert!(fold(&mut doc, true).is_ok());
        doc.refresh(&look());
        assert_eq!(doc.hidden_below(director), below + 1);
        assert!(doc.undo().is_ok() && doc.undo().is_ok());
        doc.refresh(&look());
        assert_eq!(doc.hidden_below(director), 0, "unfolded again");
    }

    #[test]
    fn folding_does_not_make_the_chart_dirty_but_editing_does() {
        let chart = crate::samples::seed();
        let root = chart.roots()[0];
        let mut doc = Document::new(chart, Origin::Untitled);
        let folded = doc.apply(
            Edit::SetField {
                id: root,
                field: Field::Collapsed(true),
            },
            Label::Collapse,
        );
        assert!(folded.is_ok());
        assert!(!doc.is_dirty(), "folding is not a change to save");
        let renamed = doc.apply(
            Edit::SetField {
                id: root,
                field: Field::Title("改名".into()),
            },
            Label::Rename,
        );
        assert!(renamed.is_ok() && doc.is_dirty());
        assert!(doc.undo().is_ok());
        assert!(!doc.is_dirty(), "undoing the rename leaves only the fold");
        assert!(doc.undo().is_ok());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn a_file_touched_but_the_same_is_not_changed_and_one_changed_by_a_byte_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("chart.ron");
        // Several pieces long, so the hash runs over more than one.
        let text = "节能abc".repeat(30_000);
        std::fs::write(&path, &text).expect("write");
        let stamp = DiskStamp::read(&path).expect("stamp");
        assert!(!stamp.differs_from_disk(&path));
        let set_time = |time| {
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|file| file.set_modified(time))
                .expect("set time");
        };
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        set_time(later);
        assert!(!stamp.differs_from_disk(&path), "touched, the same bytes");
        let mut bytes = text.into_bytes();
        bytes[100_000] ^= 1;
        std::fs::write(&path, &bytes).expect("write");
        set_time(later);
        assert!(
            stamp.differs_from_disk(&path),
            "one byte changed, the same length"
        );
        std::fs::remove_file(&path).expect("remove");
        assert!(stamp.differs_from_disk(&path), "gone");
    }
}
