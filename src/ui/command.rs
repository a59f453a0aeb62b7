//! Every user command, in one enum that drives the menus, the keyboard shortcuts, the
//! tooltips and the Help ▸ Keyboard shortcuts list.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user command. Widgets push commands into the app's queue; the app runs the queue
/// once per frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start an empty chart.
    New,
    /// Open a chart file.
    Open,
    /// Save to the current file (or ask where).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Export as SVG, PNG, PDF or JSON.
    Export,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Add a position under the selection.
    AddSubordinate,
    /// Add an assistant to the selected position.
    AddAssistant,
    /// Add a position beside the selection, under the same manager.
    AddSibling,
    /// Add a unit under the selection.
    AddUnit,
    /// Rename the selection in place.
    Rename,
    /// Delete the selection (asks about its subordinates).
    Delete,
    /// Fold or unfold the selection's subtree.
    ToggleCollapse,
    /// Show the top levels of the chart and fold the rest (2 to 5 levels).
    ShowLevels(u8),
    /// Unfold every card.
    ExpandAll,
    /// Unpin every card and lay the chart out afresh.
    Relayout,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Fit the whole chart in the window.
    ZoomFit,
    /// Centre the view on the selection.
    CentreSelection,
    /// Search titles, holders and duties.
    Find,
    /// Go to the next search match.
    FindNext,
    /// Go to the previous search match.
    FindPrevious,
    /// Select the manager of the selection.
    SelectParent,
    /// Select the first subordinate of the selection.
    SelectChild,
    /// Select the previous sibling.
    SelectPreviousSibling,
    /// Select the next sibling.
    SelectNextSibling,
    /// Show or hide the outline panel.
    ToggleOutline,
    /// Show or hide the inspector panel.
    ToggleInspector,
    /// List the keyboard shortcuts.
    ShowShortcuts,
    /// About Organigram.
    About,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 36] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::AddSubordinate,
        Command::AddAssistant,
        Command::AddSibling,
        Command::AddUnit,
        Command::Rename,
        Command::Delete,
        Command::ToggleCollapse,
        Command::ShowLevels(2),
        Command::ShowLevels(3),
        Command::ShowLevels(4),
        Command::ShowLevels(5),
        Command::ExpandAll,
        Command::Relayout,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::CentreSelection,
        Command::Find,
        Command::FindNext,
        Command::FindPrevious,
        Command::SelectParent,
        Command::SelectChild,
        Command::SelectPreviousSibling,
        Command::SelectNextSibling,
        Command::ToggleOutline,
        Command::ToggleInspector,
        Command::ShowShortcuts,
        Command::About,
    ];

    /// The menu and button text.
    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Export => "Export…",
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
            Command::Find => "Find…",
            Command::FindNext => "Find next",
            Command::FindPrevious => "Find previous",
            Command::SelectParent => "Select manager",
            Command::SelectChild => "Select first subordinate",
            Command::SelectPreviousSibling => "Select previous sibling",
            Command::SelectNextSibling => "Select next sibling",
            Command::ToggleOutline => "Outline panel",
            Command::ToggleInspector => "Inspector panel",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::About => "About Organigram",
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start an empty chart",
            Command::Open => "Open a chart file (.ron)",
            Command::Save => "Save the chart to its file",
            Command::SaveAs => "Save the chart to a new file",
            Command::Export => "Export the chart as SVG, PNG or PDF for slides and handouts",
            Command::Quit => "Close Organigram",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::AddSubordinate => "Add a position that reports to the selected card",
            Command::AddAssistant => "Add an assistant beside the selected position",
            Command::AddSibling => {
                "Add a position beside the selected card, under the same manager"
            }
            Command::AddUnit => "Add a department under the selected card",
            Command::Rename => "Edit the selected card's title",
            Command::Delete => "Delete the selected card; you choose whether its subordinates stay",
            Command::ToggleCollapse => "Fold or unfold everything below the selected card",
            Command::ShowLevels(_) => {
                "Fold the chart below this many levels and fit it in the window: an overview of a large chart"
            }
            Command::ExpandAll => "Unfold every card",
            Command::Relayout => "Unpin every card and lay the chart out afresh",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomFit => "Show the whole chart",
            Command::CentreSelection => "Scroll the selected card to the centre",
            Command::Find => "Search titles, holders and duties",
            Command::FindNext => "Go to the next match",
            Command::FindPrevious => "Go to the previous match",
            Command::SelectParent => "Select the manager of the selected card",
            Command::SelectChild => "Select the first subordinate of the selected card",
            Command::SelectPreviousSibling => "Select the card to the left",
            Command::SelectNextSibling => "Select the card to the right",
            Command::ToggleOutline => "Show or hide the outline on the left",
            Command::ToggleInspector => "Show or hide the inspector on the right",
            Command::ShowShortcuts => "List every keyboard shortcut",
            Command::About => "Version and licences",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
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
            Command::Find => key(cmd, Key::F),
            Command::FindNext => key(none, Key::F3),
            Command::FindPrevious => key(Modifiers::SHIFT, Key::F3),
            Command::SelectParent => key(none, Key::ArrowUp),
            Command::SelectChild => key(none, Key::ArrowDown),
            Command::SelectPreviousSibling => key(none, Key::ArrowLeft),
            Command::SelectNextSibling => key(none, Key::ArrowRight),
            Command::ToggleOutline | Command::ToggleInspector | Command::About => None,
            Command::ShowShortcuts => key(none, Key::F1),
        }
    }

    /// Other shortcuts that also run the command (Ctrl+Y for redo, = for zoom in).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
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

    /// True for shortcuts with no Ctrl/Cmd, which must not fire while the user types.
    pub fn is_bare_key(self) -> bool {
        self.shortcut()
            .is_some_and(|s| !s.modifiers.command && !s.modifiers.ctrl && !s.modifiers.alt)
            || self == Command::ZoomIn
            || self == Command::ZoomOut
    }

    /// True for commands that need a selected card.
    pub fn needs_selection(self) -> bool {
        matches!(
            self,
            Command::AddSubordinate
                | Command::AddAssistant
                | Command::AddSibling
                | Command::AddUnit
                | Command::Rename
                | Command::Delete
                | Command::ToggleCollapse
                | Command::CentreSelection
                | Command::SelectParent
                | Command::SelectChild
                | Command::SelectPreviousSibling
                | Command::SelectNextSibling
        )
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
