//! Comparing two charts: which posts are new, which are gone, which moved and what
//! changed for whom, with the headline figures before and after. Pure, like the model.
//!
//! - [`matching`] pairs the nodes of the two sides: by id (one chart edited from the
//!   other), by HR reference, or by path (unit, title, holder from the top).
//! - [`diff`] walks both sides once and lists the [`Change`]s.
//! - [`report`] writes them as text, JSON and a table; [`marks`] turns them into what the
//!   canvas and the exports draw; [`update`] turns them into the edits that bring a
//!   chart up to date with an HR file.

mod changes;
mod duties;
pub mod marks;
pub mod matching;
pub mod report;
pub mod side;
mod summary;
pub mod update;

use crate::model::{Colour, NodeId, NodeKind};

pub use changes::{diff, diff_paired, diff_with_stats};
pub use marks::{ChangeMarks, Ghost, GhostPlace, Mark, MarkState};
pub use matching::{MatchBy, Pairing};
pub use side::{load_side, Carries, LoadedSide, Side, SideError};
pub use summary::{Figure, Summary};

/// The result of a comparison: how nodes were matched, the figures before and after,
/// and every change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// How nodes were matched.
    pub match_by: MatchBy,
    /// Posts, headcount, vacancies, managers, layers and mean span, before and after.
    pub summary: Summary,
    /// The changes: added, moved and changed in the new chart's tree order, then the
    /// removed in the old chart's.
    pub changes: Vec<Change>,
}

impl Diff {
    /// How many changes are of `kind`.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind() == kind).count()
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The node in the new chart; for a removed node, its id in the old chart.
    pub id: NodeId,
    /// The node's id in the old chart (`None` for an added node).
    pub old_id: Option<NodeId>,
    /// Unit, position or assistant (as it is now; as it was, for a removed node).
    pub node_kind: NodeKind,
    /// Its title (as it is now; as it was, for a removed node).
    pub title: String,
    /// Its holder, the same way.
    pub holder: Option<String>,
    /// What happened.
    pub what: What,
}

impl Change {
    /// Added, removed, moved or changed.
    pub fn kind(&self) -> ChangeKind {
        match self.what {
            What::Added => ChangeKind::Added,
            What::Removed { .. } => ChangeKind::Removed,
            What::Moved { .. } => ChangeKind::Moved,
            What::Changed(_) => ChangeKind::Changed,
        }
    }
}

/// What happened to a node.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// It is new.
    Added,
    /// It is gone.
    Removed {
        /// Its manager in the old chart (an old id), if it had one.
        manager: Option<NodeId>,
        /// That manager's match in the new chart, if it is still there: where the
        /// removed node's ghost is drawn.
        anchor: Option<NodeId>,
    },
    /// It reports elsewhere: its subtree moved with it.
    Moved {
        /// Its old manager (an old id); `None`: it was a top node.
        from: Option<NodeId>,
        /// Its new manager (a new id); `None`: it is a top node now.
        to: Option<NodeId>,
    },
    /// One of its fields changed.
    Changed(FieldChange),
}

/// The four kinds of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A new node.
    Added,
    /// A node that is gone.
    Removed,
    /// A node under another manager.
    Moved,
    /// A node with a field changed.
    Changed,
}

impl ChangeKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Moved,
        ChangeKind::Changed,
    ];

    /// The kind's name in files: `added`, `removed`, `moved`, `changed`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Moved => "moved",
            ChangeKind::Changed => "changed",
        }
    }
}

/// A field of a node, as compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldName {
    /// The unit's name or the post's title.
    Title,
    /// Who holds the post.
    Holder,
    /// Unit, position or assistant.
    Kind,
    /// How many people the post stands for.
    Headcount,
    /// The duties (or a unit's responsibilities).
    Duties,
    /// Dotted-line managers.
    Dotted,
    /// Notes.
    Notes,
    /// A unit's colour.
    Colour,
    /// The id in the HR system.
    Reference,
}

impl FieldName {
    /// The field's name in files: `title`, `holder`, … `ref`.
    pub fn name(self) -> &'static str {
        match self {
            FieldName::Title => "title",
            FieldName::Holder => "holder",
            FieldName::Kind => "kind",
            FieldName::Headcount => "headcount",
            FieldName::Duties => "duties",
            FieldName::Dotted => "dotted",
            FieldName::Notes => "notes",
            FieldName::Colour => "colour",
            FieldName::Reference => "ref",
        }
    }
}

/// A changed field with its old and new value.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldChange {
    /// The title.
    Title {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// The holder (`None`: vacant).
    Holder {
        /// Before.
        old: Option<String>,
        /// After.
        new: Option<String>,
    },
    /// The kind.
    Kind {
        /// Before.
        old: NodeKind,
        /// After.
        new: NodeKind,
    },
    /// The headcount.
    Headcount {
        /// Before.
        old: u32,
        /// After.
        new: u32,
    },
    /// The duties: the lines only the old chart has, and those only the new one has.
    /// A change of order alone is not a change.
    Duties {
        /// Lines removed.
        removed: Vec<String>,
        /// Lines added.
        added: Vec<String>,
    },
    /// The dotted-line managers.
    Dotted {
        /// Before (old ids).
        old: Vec<NodeId>,
        /// After (new ids).
        new: Vec<NodeId>,
    },
    /// The notes.
    Notes {
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A unit's own colour.
    Colour {
        /// Before.
        old: Option<Colour>,
        /// After.
        new: Option<Colour>,
    },
    /// The HR reference.
    Reference {
        /// Before.
        old: Option<String>,
        /// After.
        new: Option<String>,
    },
}

impl FieldChange {
    /// Which field changed.
    pub fn field(&self) -> FieldName {
        match self {
            FieldChange::Title { .. } => FieldName::Title,
            FieldChange::Holder { .. } => FieldName::Holder,
            FieldChange::Kind { .. } => FieldName::Kind,
            FieldChange::Headcount { .. } => FieldName::Headcount,
            FieldChange::Duties { .. } => FieldName::Duties,
            FieldChange::Dotted { .. } => FieldName::Dotted,
            FieldChange::Notes { .. } => FieldName::Notes,
            FieldChange::Colour { .. } => FieldName::Colour,
            FieldChange::Reference { .. } => FieldName::Reference,
        }
    }
}
