//! The chart document: units, positions, assistants, reporting and dotted lines, duties.
//!
//! A [`Chart`] is a forest of nodes. It changes only through [`Edit`]s applied by
//! [`Chart::apply`], which validates each edit and returns its inverse; [`Chart::check`]
//! validates without applying. The rules live in one place (`rules.rs`) and a broken one
//! is a typed [`Rule`]. [`History`] keeps the inverses for undo and redo. Nothing here
//! knows about the UI.

mod apply;
mod build;
mod chart;
mod check;
mod duties;
mod edit;
mod error;
mod folding;
mod footprint;
mod history;
mod id_map;
mod names;
mod node;
mod rules;
mod stats;
mod tally;

pub use build::{NodeRecord, StructureError, StructureProblem};
pub use chart::{Chart, Shape, TreeOrder};
pub use duties::{join_wrapped_line, split_pasted_duties, strip_duty_marker};
pub use edit::{ChartText, Edit, Field, RemovedSubtree};
pub use error::{EditError, ListKind};
pub use folding::show_levels;
pub use footprint::Scope;
pub use history::History;
pub use id_map::IdMap;
pub use names::{NameFacts, NameRecord};
pub use node::{ChartPoint, Colour, Node, NodeId, NodeKind};
pub use rules::{article, NodeName, Rule, TextField};
pub use stats::{ChartStats, StatsFacts, StatsRecord};
pub use tally::{Facts, Tally};
