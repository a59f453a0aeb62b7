//! The shell's side of [`Command`]: each command's words, tooltip and keyboard
//! shortcuts. Menus, the toolbar, the context menu, the shortcut handler and the
//! shortcuts help all read them from here.

use egui::{Key, KeyboardShortcut, Modifiers};

pub use crate::editor::Command;

/// What the shell knows about a command.
pub trait CommandUi {
    /// The menu and button text.
    fn label(self) -> &'static str;
    /// What the command does, for tooltips.
    fn tooltip(self) -> &'static str;
    /// The keyboard shortcut, if the command has one.
    fn shortcut(self) -> Option<KeyboardShortcut>;
    /// Other shortcuts that also run the command (Ctrl+Y for redo, = for zoom in).
    fn alternative_shortcuts(self) -> &'static [KeyboardShortcut];
    /// True for shortcuts that must not fire while the user types in a text field: keys
    /// with no Ctrl, Cmd or Alt that text fields use themselves.
    fn used_by_text_fields(self) -> bool;
}

impl CommandUi for Command {
    fn label(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Export => "Export…",
            Command::Import => "Import…",
            Command::CompareWith => "Compare with…",
            Command::StopComparing => "Stop comparing",
            Command::UpdateFromHr => "Update from HR file…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::AddSubordinate => "Add subordinate",
            Command::AddAssistant => "Add assistant",
            Command::AddSibling => "Add sibling",
            Command::AddUnit => "Add unit",
            Command::Rename => "Rename",
            Command::Delete => "Delete…",
            Command::ToggleCollapse => "Collapse / expand",
            Command::ShowLevels(2) => "Show 2 levels",
            Command::ShowLevels(3) => "Show 3 levels",
            Command::ShowLevels(4) => "Show 4 levels",
            Command::ShowLevels(_) => "Show 5 levels",
            Command::ExpandAll => "Expand all",
            Command::Relayout => "Re-layout",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomFit => "Fit",
            Command::CentreSelection => "Centre on selection",
            Command::ToggleCompact => "Stack teams of leaves",
            Command::ToggleDutiesOnCards => "Duties on cards",
            Command::ToggleLeftToRight => "Left to right",
            Command::Find => "Find…",
            Command::FindNext => "Find next",
            Command::FindPrevious => "Find previous",
            Command::SelectParent => "Select manager",
            Command::SelectChild => "Select first subordinate",
            Command::SelectPreviousSibling => "Select previous sibling",
            Command::SelectNextSibling => "Select next sibling",
            Command::ToggleOutline => "Outline panel",
            Command::ToggleInspector => "Inspector panel",
            Command::ToggleAnalysis => "Analysis",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::About => "About Organigram",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty chart",
            Command::Open => "Open a chart file (.ron)",
            Command::Save => "Save the chart to its file",
            Command::SaveAs => "Save the chart to a new file",
            Command::Export => {
                "Export the chart as PDF, PNG or SVG for slides and handouts, or as CSV or Excel"
            }
            Command::Import => {
                "Make a chart of a roster from an HR system or Excel (CSV, text, .xlsx, .xls, .ods)"
            }
            Command::CompareWith => {
                "Mark on this chart what is new, moved, changed and removed compared with another chart or an HR file"
            }
            Command::StopComparing => "Leave compare mode and remove every mark",
            Command::UpdateFromHr => {
                "Bring the chart up to date with an HR file: new hires, leavers, transfers and titles; your duties, notes and layout are kept"
            }
            Command::Quit => "Close Organigram",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::AddSubordinate => "Add a position that reports to the selected card",
            Command::AddAssistant => "Add an assistant beside the selected position",
            Command::AddSibling => {
                "Add a position beside the selected card, under the same manager"
            }
            Command::AddUnit => "Add a department under the selected card (or at the top)",
            Command::Rename => "Edit the selected card's title",
            Command::Delete => "Delete the selected card; you choose whether its subordinates stay",
            Command::ToggleCollapse => "Fold or unfold everything below the selected card",
            Command::ShowLevels(_) => {
                "Fold the chart below this many levels and fit it in the window: an overview of a large chart"
            }
            Command::ExpandAll => "Unfold every card",
            Command::Relayout => "Put every card you placed by hand back in its place in the tree",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomFit => "Show the whole chart",
            Command::CentreSelection => "Scroll the selected card to the centre",
            Command::ToggleCompact => {
                "Stack a manager's team of leaves in two columns beside its line, instead of one wide row"
            }
            Command::ToggleDutiesOnCards => "Show each post's duties on its card",
            Command::ToggleLeftToRight => "Lay the chart out from left to right instead of top-down",
            Command::Find => "Search titles, holders and duties",
            Command::FindNext => "Go to the next match",
            Command::FindPrevious => "Go to the previous match",
            Command::SelectParent => "Select the manager of the selected card",
            Command::SelectChild => "Select the first subordinate of the selected card",
            Command::SelectPreviousSibling => "Select the card to the left",
            Command::SelectNextSibling => "Select the card to the right",
            Command::ToggleOutline => "Show or hide the outline on the left",
            Command::ToggleInspector => "Show or hide the inspector on the right",
            Command::ToggleAnalysis => {
                "Spans and layers, vacancies, units and shared duties, in a panel below the chart"
            }
            Command::ShowShortcuts => "List every keyboard shortcut",
            Command::About => "Version and licences",
        }
    }

    fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let none = Modifiers::NONE;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::New => key(cmd, Key::N),
            Command::Open => key(cmd, Key::O),
            Command::Save => key(cmd, Key::S),
            Command::SaveAs => key(cmd_shift, Key::S),
            Command::Export => key(cmd, Key::E),
            Command::Import => key(cmd, Key::I),
            Command::CompareWith => key(cmd_shift, Key::D),
            Command::Quit => key(cmd, Key::Q),
            Command::Undo => key(cmd, Key::Z),
            Command::Redo => key(cmd_shift, Key::Z),
            Command::AddSubordinate => key(none, Key::Tab),
            Command::AddAssistant => key(Modifiers::SHIFT, Key::Tab),
            Command::AddSibling => key(none, Key::Enter),
            Command::AddUnit => key(cmd, Key::U),
            Command::Rename => key(none, Key::F2),
            Command::Delete => key(none, Key::Delete),
            Command::ToggleCollapse => key(none, Key::Space),
            Command::ShowLevels(2) => key(Modifiers::ALT, Key::Num2),
            Command::ShowLevels(3) => key(Modifiers::ALT, Key::Num3),
            Command::ShowLevels(4) => key(Modifiers::ALT, Key::Num4),
            Command::ShowLevels(_) => key(Modifiers::ALT, Key::Num5),
            Command::ExpandAll => key(Modifiers::ALT, Key::Num0),
            Command::Relayout => key(cmd, Key::L),
            Command::ZoomIn => key(none, Key::Plus),
            Command::ZoomOut => key(none, Key::Minus),
            Command::ZoomFit => key(cmd, Key::Num0),
            Command::CentreSelection => key(none, Key::Period),
            Command::ToggleDutiesOnCards => key(Modifiers::ALT, Key::D),
            Command::ToggleLeftToRight => key(Modifiers::ALT, Key::L),
            Command::ToggleCompact => key(Modifiers::ALT, Key::S),
            Command::Find => key(cmd, Key::F),
            Command::FindNext => key(none, Key::F3),
            Command::FindPrevious => key(Modifiers::SHIFT, Key::F3),
            Command::SelectParent => key(none, Key::ArrowUp),
            Command::SelectChild => key(none, Key::ArrowDown),
            Command::SelectPreviousSibling => key(none, Key::ArrowLeft),
            Command::SelectNextSibling => key(none, Key::ArrowRight),
            Command::StopComparing
            | Command::UpdateFromHr
            | Command::ToggleOutline
            | Command::ToggleInspector
            | Command::About => None,
            Command::ShowShortcuts => key(none, Key::F1),
            Command::ToggleAnalysis => key(Modifiers::ALT, Key::A),
        }
    }

    fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [
            KeyboardShortcut::new(Modifiers::NONE, Key::Equals),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
        ];
        const ZOOM_OUT: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)];
        const DELETE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        match self {
            Command::Redo => &REDO,
            Command::ZoomIn => &ZOOM_IN,
            Command::ZoomOut => &ZOOM_OUT,
            Command::Delete => &DELETE,
            _ => &[],
        }
    }

    fn used_by_text_fields(self) -> bool {
        let bare = self
            .shortcut()
            .is_some_and(|s| !s.modifiers.command && !s.modifiers.ctrl && !s.modifiers.alt);
        // Function keys mean nothing to a text field: F3 finds the next match even while
        // the search box has the focus.
        let function_key = self
            .shortcut()
            .is_some_and(|s| matches!(s.logical_key, Key::F1 | Key::F3));
        (bare && !function_key) || self == Command::ZoomIn || self == Command::ZoomOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_with_a_unique_label_and_shortcut() {
        let mut labels = std::collections::HashSet::new();
        let mut shortcuts = std::collections::HashSet::new();
        for command in Command::ALL {
            assert!(labels.insert(command.label()), "{command:?}");
            for shortcut in command
                .shortcut()
                .iter()
                .chain(command.alternative_shortcuts())
            {
                assert!(
                    shortcuts.insert(*shortcut),
                    "{command:?} repeats a shortcut"
                );
            }
            assert!(!command.tooltip().is_empty());
        }
        assert_eq!(labels.len(), Command::ALL.len());
    }
}
