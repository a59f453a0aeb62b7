//! Undo and redo on top of [`Chart::apply`]. History is never saved.

use super::chart::Chart;
use super::edit::Edit;
use super::error::EditError;

/// One undoable step: what undoes it and how the user would name it.
#[derive(Clone, Debug)]
struct Step<L> {
    label: L,
    inverse: Edit,
    /// The state this step leads to; see [`History::state_id`].
    state: u64,
}

/// Edits grouped into one step while a gesture lasts (a drag, a typing session).
#[derive(Clone, Debug)]
struct Group<L> {
    label: L,
    inverses: Vec<Edit>,
    /// Every edit so far only folds or unfolds.
    view_only: bool,
}

/// The undo and redo stacks of one chart, each step named by a label of type `L` (a
/// string, or an editor's own typed names).
///
/// Every change goes through [`History::apply`]. While a group is open
/// ([`History::begin_group`]), edits collect into one step, so a whole drag gesture
/// undoes at once.
#[derive(Clone, Debug)]
pub struct History<L = String> {
    undo: Vec<Step<L>>,
    redo: Vec<Step<L>>,
    open: Option<Group<L>>,
    limit: usize,
    next_state: u64,
}

impl<L> Default for History<L> {
    fn default() -> History<L> {
        History::with_limit(10_000)
    }
}

impl<L> History<L> {
    /// An empty history keeping at most `limit` undo steps (the oldest go first).
    pub fn with_limit(limit: usize) -> History<L> {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            open: None,
            limit: limit.max(1),
            next_state: 1,
        }
    }
}

impl<L: Clone> History<L> {
    /// Applies `edit` to `chart` and records how to undo it, under `label`
    /// ("Rename", "Move 销售主管"). Clears the redo stack. A refused edit records nothing.
    pub fn apply(
        &mut self,
        chart: &mut Chart,
        edit: Edit,
        label: impl Into<L>,
    ) -> Result<(), EditError> {
        let view_only = edit.is_view_only();
        let inverse = chart.apply(edit)?;
        self.redo.clear();
        match &mut self.open {
            Some(group) => {
                group.inverses.push(inverse);
                group.view_only &= view_only;
            }
            None => self.push_undo(label.into(), inverse, view_only),
        }
        Ok(())
    }

    /// Starts collecting edits into one step named `label`. An already open group
    /// stays open (groups do not nest).
    pub fn begin_group(&mut self, label: impl Into<L>) {
        if self.open.is_none() {
            self.open = Some(Group {
                label: label.into(),
                inverses: Vec::new(),
                view_only: true,
            });
        }
    }

    /// Ends the open group, turning its edits into one undo step. An empty group leaves
    /// no step.
    pub fn end_group(&mut self) {
        let Some(group) = self.open.take() else {
            return;
        };
        let mut inverses = group.inverses;
        let inverse = match inverses.len() {
            0 => return,
            1 => inverses.remove(0),
            _ => {
                inverses.reverse();
                Edit::Batch(inverses)
            }
        };
        self.push_undo(group.label, inverse, group.view_only);
    }

    /// True while a group is open.
    pub fn is_grouping(&self) -> bool {
        self.open.is_some()
    }

    /// Undoes the last step and returns its label; `None` when there is nothing to undo.
    /// An open group is closed first.
    pub fn undo(&mut self, chart: &mut Chart) -> Result<Option<L>, EditError> {
        self.end_group();
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match chart.apply(step.inverse.clone()) {
            Ok(redo) => {
                let label = step.label.clone();
                self.redo.push(Step {
                    label: step.label,
                    inverse: redo,
                    state: step.state,
                });
                Ok(Some(label))
            }
            Err(error) => {
                self.undo.push(step);
                Err(error)
            }
        }
    }

    /// Redoes the last undone step and returns its label; `None` when there is nothing to redo.
    pub fn redo(&mut self, chart: &mut Chart) -> Result<Option<L>, EditError> {
        self.end_group();
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match chart.apply(step.inverse.clone()) {
            Ok(undo) => {
                let label = step.label.clone();
                self.undo.push(Step {
                    label: step.label,
                    inverse: undo,
                    state: step.state,
                });
                Ok(Some(label))
            }
            Err(error) => {
                self.redo.push(step);
                Err(error)
            }
        }
    }

    /// The edit [`History::undo`] would apply next.
    pub fn peek_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|step| &step.inverse)
    }

    /// The edit [`History::redo`] would apply next.
    pub fn peek_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|step| &step.inverse)
    }

    /// The label of the step [`History::undo`] would undo.
    pub fn undo_label(&self) -> Option<&L> {
        self.undo.last().map(|step| &step.label)
    }

    /// The label of the step [`History::redo`] would redo.
    pub fn redo_label(&self) -> Option<&L> {
        self.redo.last().map(|step| &step.label)
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// An id for the chart's content in this history: it changes with every step that
    /// changes content and comes back when undo or redo returns to a state. Steps that
    /// only fold or unfold ([`Edit::is_view_only`]) keep the id of the state before them,
    /// so folding never makes a chart dirty. Compare it with the id at the last save to
    /// know whether the chart is dirty.
    pub fn state_id(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.state)
    }

    /// Forgets every step (after loading another chart, say).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = None;
    }

    fn push_undo(&mut self, label: L, inverse: Edit, view_only: bool) {
        let state = if view_only {
            self.state_id()
        } else {
            self.next_state += 1;
            self.next_state - 1
        };
        self.undo.push(Step {
            label,
            inverse,
            state,
        });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }
}
