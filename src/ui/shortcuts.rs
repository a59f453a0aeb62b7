//! Keyboard shortcuts and dropped files, turned into actions.

use std::path::PathBuf;

use egui::Modifiers;

use super::command::CommandUi;
use crate::editor::{Action, Command, Editor};

/// The commands whose shortcuts were pressed this frame. Nothing fires while a modal
/// question is open, and keys a text field uses do not fire while one has the focus.
pub fn pressed(ctx: &egui::Context, editor: &Editor) -> Vec<Action> {
    if editor.modal().is_some() {
        return Vec::new();
    }
    let typing = ctx.egui_wants_keyboard_input();
    let mut commands: Vec<Command> = Command::ALL.to_vec();
    // Most specific first: Ctrl+Shift+S before Ctrl+S.
    commands.sort_by_key(|c| {
        std::cmp::Reverse(c.shortcut().map_or(0, |s| modifier_count(s.modifiers)))
    });
    let mut actions = Vec::new();
    for command in commands {
        if typing && command.used_by_text_fields() {
            continue;
        }
        let shortcuts = command
            .shortcut()
            .into_iter()
            .chain(command.alternative_shortcuts().iter().copied());
        for shortcut in shortcuts {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                actions.push(Action::Command(command));
                break;
            }
        }
    }
    actions
}

fn modifier_count(modifiers: Modifiers) -> u32 {
    u32::from(modifiers.command || modifiers.ctrl)
        + u32::from(modifiers.shift)
        + u32::from(modifiers.alt)
}

/// A file dropped on the window opens (the first, if several are dropped).
pub fn dropped_file(ctx: &egui::Context) -> Option<Action> {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_owned())
            .collect()
    });
    dropped.into_iter().next().map(Action::OpenFile)
}
