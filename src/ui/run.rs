//! Carrying out commands.

use crate::model::{show_levels, Edit, Field, Node, NodeId, NodeKind};

use super::app::OrganigramApp;
use super::command::Command;
use super::dialogs::{Modal, Pending};

impl OrganigramApp {
    /// Runs `command` on `target`, or on the selection when there is no target.
    pub(super) fn run_command(
        &mut self,
        ctx: &egui::Context,
        command: Command,
        target: Option<NodeId>,
    ) {
        let primary = target.or_else(|| self.selection.last().copied());
        if command.needs_selection() && primary.is_none() {
            self.say(
                ctx,
                format!("{}: select a card first", command.label()),
                true,
            );
            return;
        }
        let chart = self.doc.chart();
        match command {
            Command::New => self.guard_unsaved(ctx, Pending::New),
            Command::Open => self.guard_unsaved(ctx, Pending::Open),
            Command::Save => {
                self.save(ctx, None);
            }
            Command::SaveAs => {
                self.save_as(ctx, None);
            }
            Command::Export => self.export_form.open = true,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => match self.doc.undo() {
                Ok(Some(label)) => self.say(ctx, format!("Undid: {label}"), false),
                Ok(None) => self.say(ctx, "Nothing to undo", false),
                Err(error) => self.say(ctx, error.to_string(), true),
            },
            Command::Redo => match self.doc.redo() {
                Ok(Some(label)) => self.say(ctx, format!("Redid: {label}"), false),
                Ok(None) => self.say(ctx, "Nothing to redo", false),
                Err(error) => self.say(ctx, error.to_string(), true),
            },
            Command::AddSubordinate
            | Command::AddAssistant
            | Command::AddSibling
            | Command::AddUnit => {
                self.add(ctx, command, primary);
            }
            Command::Rename => {
                if let Some(id) = primary {
                    self.push(super::Action::StartRename(id));
                }
            }
            Command::Delete => {
                let ids: Vec<NodeId> = match target {
                    Some(id) => vec![id],
                    None => self.selection.clone(),
                };
                let has_reports = ids.iter().any(|&id| !chart.children(id).is_empty());
                if has_reports {
                    self.modal = Some(Modal::Delete { ids });
                } else {
                    self.push(super::Action::Delete {
                        ids,
                        keep_reports: false,
                    });
                }
            }
            Command::ToggleCollapse => {
                if let Some(id) = primary {
                    self.push(super::Action::ToggleCollapse(id));
                }
            }
            Command::ShowLevels(_) | Command::ExpandAll => {
                let levels = match command {
                    Command::ShowLevels(levels) => Some(usize::from(levels)),
                    _ => None,
                };
                match show_levels(chart, levels) {
                    Some(edit) => {
                        self.edit(ctx, edit, command.label());
                    }
                    None => self.say(ctx, "The chart already looks like that", false),
                }
                if levels.is_some() {
                    self.canvas.request_fit();
                }
            }
            Command::Relayout => {
                let pinned: Vec<Edit> = chart
                    .tree_order()
                    .filter(|&id| chart.node(id).is_some_and(|n| n.pin.is_some()))
                    .map(|id| Edit::SetField {
                        id,
                        field: Field::Pin(None),
                    })
                    .collect();
                if pinned.is_empty() {
                    self.say(
                        ctx,
                        "Nothing is pinned; the chart is already laid out",
                        false,
                    );
                } else {
                    let count = pinned.len();
                    self.edit(ctx, Edit::Batch(pinned), "Re-layout");
                    self.say(ctx, format!("Unpinned {count} card(s)"), false);
                }
            }
            Command::ZoomIn => self.canvas.zoom_by(1.25, &mut self.doc),
            Command::ZoomOut => self.canvas.zoom_by(0.8, &mut self.doc),
            Command::ZoomFit => self.canvas.request_fit(),
            Command::CentreSelection => {
                if let Some(id) = primary {
                    self.canvas.centre_on(id, &mut self.doc);
                }
            }
            Command::Find => {
                self.search.open = true;
                self.search.focus_requested = true;
            }
            Command::FindNext | Command::FindPrevious => {
                self.search.open = true;
                let step = if command == Command::FindNext { 1 } else { -1 };
                if let Some(id) = self.search.step(step) {
                    self.push(super::Action::Reveal(id));
                }
            }
            Command::SelectParent => self.select_relative(primary, |c, id| c.parent(id)),
            Command::SelectChild => {
                self.select_relative(primary, |c, id| c.children(id).first().copied())
            }
            Command::SelectPreviousSibling => self.select_relative(primary, |c, id| {
                let at = c.index_in_parent(id)?;
                at.checked_sub(1)
                    .and_then(|p| c.siblings(id).get(p).copied())
            }),
            Command::SelectNextSibling => self.select_relative(primary, |c, id| {
                c.siblings(id).get(c.index_in_parent(id)? + 1).copied()
            }),
            Command::ToggleOutline => self.settings.show_outline = !self.settings.show_outline,
            Command::ToggleInspector => {
                self.settings.show_inspector = !self.settings.show_inspector
            }
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::About => self.show_about = true,
        }
    }

    fn select_relative(
        &mut self,
        from: Option<NodeId>,
        step: impl Fn(&crate::model::Chart, NodeId) -> Option<NodeId>,
    ) {
        if let Some(next) = from.and_then(|id| step(self.doc.chart(), id)) {
            self.selection = vec![next];
            if self.doc.layout().rect(next).is_none() {
                return;
            }
            let visible = self
                .canvas
                .screen_rect_of(next, &mut self.doc)
                .is_some_and(|r| self.canvas.rect().contains_rect(r));
            if !visible {
                self.canvas.centre_on(next, &mut self.doc);
            }
        }
    }

    /// Adds a subordinate, assistant, sibling or unit next to `at`, selects it and starts
    /// renaming it.
    fn add(&mut self, ctx: &egui::Context, command: Command, at: Option<NodeId>) {
        let chinese = self.is_chinese();
        let chart = self.doc.chart();
        let id = chart.fresh_id();
        let at_kind = at.and_then(|a| chart.node(a)).map(|n| n.kind);
        let (parent, index, kind, title) = match (command, at) {
            (Command::AddSubordinate, Some(a)) => {
                if at_kind == Some(NodeKind::Assistant) {
                    self.say(
                        ctx,
                        "An assistant manages no one; add the subordinate to its manager",
                        true,
                    );
                    return;
                }
                (
                    Some(a),
                    chart.children(a).len(),
                    NodeKind::Position,
                    if chinese { "新岗位" } else { "New position" },
                )
            }
            (Command::AddAssistant, Some(a)) => {
                if at_kind != Some(NodeKind::Position) {
                    self.say(ctx, "Only a position can have an assistant", true);
                    return;
                }
                (
                    Some(a),
                    0,
                    NodeKind::Assistant,
                    if chinese { "助理" } else { "Assistant" },
                )
            }
            (Command::AddSibling, Some(a)) => {
                let index = chart.index_in_parent(a).map_or(0, |i| i + 1);
                let kind = at_kind.unwrap_or(NodeKind::Position);
                let title = match (kind, chinese) {
                    (NodeKind::Unit, true) => "新部门",
                    (NodeKind::Unit, false) => "New unit",
                    (NodeKind::Assistant, true) => "助理",
                    (NodeKind::Assistant, false) => "Assistant",
                    (NodeKind::Position, true) => "新岗位",
                    (NodeKind::Position, false) => "New position",
                };
                (chart.parent(a), index, kind, title)
            }
            (Command::AddUnit, at) => {
                if at_kind == Some(NodeKind::Assistant) {
                    self.say(
                        ctx,
                        "An assistant manages no one; add the unit to its manager",
                        true,
                    );
                    return;
                }
                let index = at.map_or(chart.roots().len(), |a| chart.children(a).len());
                (
                    at,
                    index,
                    NodeKind::Unit,
                    if chinese { "新部门" } else { "New unit" },
                )
            }
            _ => return,
        };
        let node = Node::new(kind, title);
        let label = format!("{} {}", command.label(), title);
        if self.edit(
            ctx,
            Edit::AddNode {
                id,
                parent,
                index,
                node: Box::new(node),
            },
            &label,
        ) {
            // A new card under a folded manager: unfold so it can be seen and renamed.
            self.expand_to(ctx, id);
            self.push(super::Action::StartRename(id));
        }
    }
}
