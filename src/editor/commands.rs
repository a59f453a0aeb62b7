//! Carrying out commands.

use super::command::Command;
use super::files::DialogKind;
use super::message::{Label, Message};
use super::modal::{Modal, Pending};
use super::{Editor, ViewRequest};
use crate::model::{show_levels, Chart, Edit, Field, NodeId};

impl Editor {
    /// Runs `command` on `target`, or on the selection when there is no target.
    pub(super) fn run_command(&mut self, command: Command, target: Option<NodeId>) {
        let primary = target.or_else(|| self.primary());
        if command.needs_selection() && primary.is_none() {
            self.say(Message::SelectFirst(command), true);
            return;
        }
        match command {
            Command::New => self.guard_unsaved(Pending::New),
            Command::Open => self.guard_unsaved(Pending::Open),
            Command::Save => self.save(None),
            Command::SaveAs => self.ask_path(DialogKind::SaveChart, None),
            Command::Import => self.ask_path(DialogKind::Import, None),
            Command::CompareWith => self.ask_path(DialogKind::Compare, None),
            Command::StopComparing => self.compare = None,
            Command::UpdateFromHr => self.ask_path(DialogKind::UpdateFrom, None),
            Command::ExportHandbook => self.ask_path(DialogKind::Handbook, None),
            Command::Export => {
                let mut choices = self.last_export.clone();
                choices.layout = self.settings.view.layout();
                choices.colour_by = self.settings.view.colour_by;
                choices.lang = Some(self.language());
                self.export = Some(choices);
            }
            Command::Quit => self.guard_unsaved(Pending::Quit),
            Command::Undo | Command::Redo => self.step_history(command == Command::Undo),
            Command::AddSubordinate
            | Command::AddAssistant
            | Command::AddSibling
            | Command::AddUnit => self.add(command, primary),
            Command::Rename => {
                if let Some(id) = primary {
                    self.start_rename(id);
                }
            }
            Command::Delete => self.ask_delete(target),
            Command::ToggleCollapse => {
                if let Some(id) = primary {
                    self.toggle_collapse(id);
                }
            }
            Command::ShowLevels(levels) => self.show_levels(Some(levels)),
            Command::ExpandAll => self.show_levels(None),
            Command::Relayout => self.relayout(),
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn {
                    1.25
                } else {
                    0.8
                };
                let limits = self.viewport.zoom_limits(self.doc.layout().bounds());
                let centre = [self.viewport.size[0] / 2.0, self.viewport.size[1] / 2.0];
                self.viewport.zoom_about(factor, centre, limits);
            }
            Command::ZoomFit => self.view_request = Some(ViewRequest::Fit),
            Command::CentreSelection => {
                if let Some(rect) = primary.and_then(|id| self.doc.layout().rect(id)) {
                    if self.viewport.zoom < 0.6 {
                        self.viewport.zoom = super::viewport::READING_ZOOM;
                    }
                    self.viewport.centre_on(rect.centre());
                }
            }
            Command::ToggleCompact
            | Command::ToggleDutiesOnCards
            | Command::ToggleLeftToRight
            | Command::ToggleFitToSlide => self.toggle_view(command),
            Command::Find => {
                self.search.open = true;
                self.search.focus_requests += 1;
            }
            Command::FindNext | Command::FindPrevious => {
                self.search.open = true;
                let step = if command == Command::FindNext { 1 } else { -1 };
                if let Some(id) = self.search.step(step) {
                    self.queue.push_back(super::Action::Reveal(id));
                }
            }
            Command::SelectParent
            | Command::SelectChild
            | Command::SelectPreviousSibling
            | Command::SelectNextSibling => self.select_relative(command, primary),
            Command::ToggleOutline => self.settings.show_outline ^= true,
            Command::ToggleAnalysis => self.settings.show_analysis ^= true,
            Command::ToggleInspector => self.settings.show_inspector ^= true,
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::About => self.show_about = true,
        }
    }

    fn step_history(&mut self, back: bool) {
        let result = if back {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        match (result, back) {
            (Ok(Some(label)), true) => self.say(Message::Undid(label), false),
            (Ok(Some(label)), false) => self.say(Message::Redid(label), false),
            (Ok(None), true) => self.say(Message::NothingToUndo, false),
            (Ok(None), false) => self.say(Message::NothingToRedo, false),
            (Err(error), _) => self.say(Message::Refused(error), true),
        }
    }

    /// Delete: cards with subordinates ask whether those stay.
    fn ask_delete(&mut self, target: Option<NodeId>) {
        let ids: Vec<NodeId> = match target {
            Some(id) => vec![id],
            None => self.selection.clone(),
        };
        let chart = self.doc.chart();
        if ids.iter().any(|&id| !chart.children(id).is_empty()) {
            self.modal = Some(Modal::Delete { ids });
        } else {
            self.delete(&ids, false);
        }
    }

    /// View ▸ Show N levels (`Some`) or Expand all (`None`), then show the result.
    fn show_levels(&mut self, levels: Option<u8>) {
        let label = match levels {
            Some(levels) => Label::ShowLevels(levels),
            None => Label::ExpandAll,
        };
        match show_levels(self.doc.chart(), levels.map(usize::from)) {
            Some(edit) => {
                self.edit(edit, label);
            }
            None => self.say(Message::AlreadyShown, false),
        }
        self.view_request = Some(match levels {
            Some(_) => ViewRequest::Fit,
            None => ViewRequest::FitOrTop,
        });
    }

    /// Re-layout: every hand-placed card goes back to its place in the tree.
    fn relayout(&mut self) {
        let chart = self.doc.chart();
        let pinned: Vec<Edit> = chart
            .tree_order()
            .filter(|&id| chart.node(id).is_some_and(|n| n.pin.is_some()))
            .map(|id| Edit::SetField {
                id,
                field: Field::Pin(None),
            })
            .collect();
        if pinned.is_empty() {
            self.say(Message::NothingPinned, false);
            return;
        }
        let count = pinned.len();
        if self.edit(Edit::Batch(pinned), Label::Relayout) {
            self.say(Message::Unpinned(count), false);
        }
    }

    /// View ▸ Stack teams of leaves, Duties on cards, Left to right, Fit to slide shape:
    /// kept in the settings, applied at once, and the chart fitted again.
    fn toggle_view(&mut self, command: Command) {
        let view = &mut self.settings.view;
        match command {
            Command::ToggleCompact => view.stack_teams ^= true,
            Command::ToggleDutiesOnCards => view.duties_on_cards ^= true,
            Command::ToggleFitToSlide => view.fit_to_slide ^= true,
            _ => view.left_to_right ^= true,
        }
        self.refit_view();
    }

    /// After the chart is laid out anew: the selection brought into view, or the chart
    /// fitted.
    pub(super) fn refit_view(&mut self) {
        self.view_request = Some(match self.primary() {
            Some(id) => ViewRequest::Reveal(id),
            None => ViewRequest::FitOrTop,
        });
    }

    fn select_relative(&mut self, command: Command, from: Option<NodeId>) {
        let step = |chart: &Chart, id: NodeId| match command {
            Command::SelectParent => chart.parent(id),
            Command::SelectChild => chart.children(id).first().copied(),
            Command::SelectPreviousSibling => {
                let at = chart.index_in_parent(id)?;
                at.checked_sub(1)
                    .and_then(|p| chart.siblings(id).get(p).copied())
            }
            _ => chart
                .siblings(id)
                .get(chart.index_in_parent(id)? + 1)
                .copied(),
        };
        if let Some(next) = from.and_then(|id| step(self.doc.chart(), id)) {
            self.selection = vec![next];
            self.view_request = Some(ViewRequest::Reveal(next));
        }
    }
}
