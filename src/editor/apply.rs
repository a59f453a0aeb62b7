//! Carrying out one action: the dispatch, the clock, notices, the view and the settings.

use std::time::Duration;

use super::action::{Action, Effect, SelectMode, Window};
use super::message::{Message, Notice, NOTICE_SECONDS};
use super::modal::{Modal, Pending};
use super::viewport::READABLE_FIT_ZOOM;
use super::{Editor, ViewRequest};
use crate::format::LoadNote;
use crate::model::NodeId;

/// Room kept between a revealed card and the canvas's edge, in pixels.
const REVEAL_MARGIN_PX: f32 = 24.0;

impl Editor {
    /// Carries out one action; follow-ups go to the back of the queue.
    pub(super) fn carry_out(&mut self, action: Action) {
        match action {
            Action::Frame { now_s, input } => self.tick(now_s, input),
            Action::CanvasSize(size) => {
                self.viewport.size = size;
                self.canvas_known = true;
            }
            Action::Command(command) => self.run_command(command, None),
            Action::CommandOn(command, id) => self.run_command(command, Some(id)),
            Action::Edit { edit, label } => {
                self.edit(edit, label);
            }
            Action::BeginGesture(label) => self.doc.begin_group(label),
            Action::EndGesture => self.doc.end_group(),
            Action::Select(id, mode) => self.select(id, mode),
            Action::SelectAll(ids) => {
                self.selection = ids;
                self.selection.reverse();
            }
            Action::Reveal(id) => {
                self.expand_to(id);
                self.selection = vec![id];
                self.view_request = Some(ViewRequest::Reveal(id));
            }
            Action::ClearSelection => self.selection.clear(),
            Action::Reparent { id, target } => self.reparent(id, target),
            Action::Pin { id, at } => self.pin(id, at),
            Action::ToggleCollapse(id) => self.toggle_collapse(id),
            Action::StartRename(id) => self.start_rename(id),
            Action::FinishRename(text) => self.finish_rename(text),
            Action::AddDuties { id, index, text } => self.add_duties(id, index, &text),
            Action::OpenFile(path) if super::is_roster(&path) => self.preview_import(&path),
            Action::OpenFile(path) => self.guard_unsaved(Pending::OpenPath(path)),
            Action::OpenSample(name) => self.guard_unsaved(Pending::OpenSample(name)),
            Action::Delete { ids, keep_reports } => self.delete(&ids, keep_reports),
            Action::Modal(choice) => self.answer_modal(choice),
            Action::Pan(delta) => self.viewport.pan_by(delta),
            Action::Zoom { factor, anchor } => {
                let limits = self.viewport.zoom_limits(self.doc.layout().bounds());
                self.viewport.zoom_about(factor, anchor, limits);
            }
            Action::SearchQuery(query) => {
                self.search
                    .set_query(query, self.doc.chart(), self.doc.revision());
                if let Some(id) = self.search.step(1) {
                    self.queue.push_back(Action::Reveal(id));
                }
            }
            Action::SearchStep(direction) => {
                if let Some(id) = self.search.step(direction) {
                    self.queue.push_back(Action::Reveal(id));
                }
            }
            Action::CloseSearch => self.search.open = false,
            Action::ExportChoices(choices) => self.export = Some(choices),
            Action::ExportNow => self.export_now(),
            Action::Import(change) => {
                if let Some(preview) = &mut self.import {
                    preview.change(change);
                }
            }
            Action::ImportNow => self.import_now(),
            Action::CompareWith(path) => self.start_compare(&path),
            Action::FilterChanges(filter) => self.filter_changes(filter),
            Action::ShowDuty { posts, post, index } => self.show_duty(posts, post, index),
            Action::GoToChange(at) => self.go_to_change(at),
            Action::ChooseUpdate(choice) => self.choose_update(choice),
            Action::UpdateNow => self.apply_update(),
            Action::CloseWindow(window) => self.close_window(window),
            Action::Settings(settings) => {
                self.recovery.interval = settings.autosave_seconds;
                let relaid = settings.view.layout() != self.settings.view.layout();
                self.settings = settings;
                if relaid {
                    self.refit_view();
                }
            }
            Action::CloseRequested => self.close_requested(),
        }
    }

    /// A new frame: the clock moves on, notices run out, an open file dialog's answer is
    /// picked up, and autosave writes a copy if one is due.
    fn tick(&mut self, now_s: f64, input: bool) {
        self.now_s = now_s;
        if input {
            self.last_input_s = now_s;
        }
        if self.notice.as_ref().is_some_and(|n| n.until_s < now_s) {
            self.notice = None;
        }
        self.poll_file_dialog();
        let idle = now_s - self.last_input_s;
        if let Some(wait) = self.recovery.tick(&self.doc, now_s, idle) {
            self.effects.push(Effect::RepaintAfter(wait));
        }
    }

    fn select(&mut self, id: NodeId, mode: SelectMode) {
        match mode {
            SelectMode::Replace => self.selection = vec![id],
            SelectMode::Toggle => {
                if let Some(at) = self.selection.iter().position(|&s| s == id) {
                    self.selection.remove(at);
                } else {
                    self.selection.push(id);
                }
            }
        }
    }

    fn close_window(&mut self, window: Window) {
        match window {
            Window::Shortcuts => self.show_shortcuts = false,
            Window::About => self.show_about = false,
            Window::Export => {
                if let Some(choices) = self.export.take() {
                    self.last_export = choices;
                }
            }
            Window::Import => self.import = None,
            Window::Update => self.update = None,
        }
    }

    /// The desktop asked to close the window: with unsaved changes, ask first.
    fn close_requested(&mut self) {
        if self.doc.is_dirty() && !self.allow_close {
            self.effects.push(Effect::CancelClose);
            self.modal = Some(Modal::Unsaved {
                then: Pending::Quit,
            });
        } else {
            self.recovery.clear();
        }
    }

    /// Shows `message` over the canvas for a few seconds.
    pub(super) fn say(&mut self, message: Message, is_error: bool) {
        self.notice = Some(Notice {
            message,
            is_error,
            until_s: self.now_s + NOTICE_SECONDS,
        });
        self.effects
            .push(Effect::RepaintAfter(Duration::from_secs_f64(
                NOTICE_SECONDS + 0.1,
            )));
    }

    /// Tells the user what they should know about a file just opened.
    pub(super) fn note_load(&mut self, notes: &[LoadNote]) {
        // Newer-format files first: their note matters more than converted pins.
        let mut notes = notes.to_vec();
        notes.sort_by_key(|note| !matches!(note, LoadNote::NewerMinor { .. }));
        if let Some(note) = notes.into_iter().next() {
            let warn = matches!(note, LoadNote::NewerMinor { .. });
            self.say(Message::Loaded(note), warn);
        }
    }

    /// Carries out the view request once the layout and the canvas size are known.
    pub(super) fn settle_view(&mut self) {
        if !self.canvas_known {
            return;
        }
        let Some(request) = self.view_request.take() else {
            return;
        };
        let layout = self.doc.layout();
        let Some(cards) = layout.bounds() else {
            return;
        };
        // While comparing, the removed posts' ghost cards are part of the picture.
        let ghosts = self.compare.iter().flat_map(|c| c.ghosts());
        let bounds = ghosts.fold(cards, |bounds, ghost| bounds.union(&ghost.rect));
        let top = || {
            self.doc
                .chart()
                .roots()
                .first()
                .and_then(|&root| layout.rect(root))
        };
        match request {
            ViewRequest::Fit => self.viewport.fit(bounds),
            ViewRequest::Opening | ViewRequest::FitOrTop => {
                let top = top();
                self.viewport.fit(bounds);
                if self.viewport.zoom < READABLE_FIT_ZOOM {
                    if let Some(top) = top {
                        self.viewport.show_top(top);
                    }
                    if request == ViewRequest::Opening {
                        self.say(Message::TooBigToFit, false);
                    }
                }
            }
            ViewRequest::Reveal(id) => {
                if let Some(rect) = layout.rect(id) {
                    self.viewport.reveal(rect, REVEAL_MARGIN_PX);
                }
            }
            ViewRequest::RevealRect(rect) => self.viewport.reveal(rect, REVEAL_MARGIN_PX),
        }
    }
}
