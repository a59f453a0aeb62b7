//! The shell's side of [`Command`]: each command's words, tooltip and keyboard
//! shortcuts. Menus, the toolbar, the context menu, the shortcut handler and the
//! shortcuts help all read them from here.

use egui::{Key, KeyboardShortcut, Modifiers};

pub use crate::editor::Command;

/// A shortcut as menus and tooltips show it: egui's wording, but punctuation keys as
/// their symbols (Ctrl++, Ctrl+−, .) rather than their names (Plus, Minus, Period).
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let text = ctx.format_shortcut(shortcut);
    let key = shortcut.logical_key;
    match text.strip_suffix(key.name()) {
        Some(modifiers) if key.symbol_or_name() != key.name() && !is_arrow(key) => {
            format!("{modifiers}{}", key.symbol_or_name())
        }
        _ => text,
    }
}

fn is_arrow(key: Key) -> bool {
    matches!(
        key,
        Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp
    )
}

/// What the shell knows about a command.
pub trait CommandUi {
    /// The menu and button text, in the current UI language.
    fn label(self) -> String;
    /// What the command does, for tooltips, in the current UI language.
    fn tooltip(self) -> String;
    /// The keyboard shortcut, if the command has one.
    fn shortcut(self) -> Option<KeyboardShortcut>;
    /// Other shortcuts that also run the command (Ctrl+Y for redo, = for zoom in).
    fn alternative_shortcuts(self) -> &'static [KeyboardShortcut];
    /// True for shortcuts that must not fire while the user types in a text field: keys
    /// with no Ctrl, Cmd or Alt that text fields use themselves.
    fn used_by_text_fields(self) -> bool;
}

impl CommandUi for Command {
    fn label(self) -> String {
        match self {
            // Other numbers of levels show as the deepest the menu offers.
            Command::ShowLevels(levels) => {
                let count = if (2..=4).contains(&levels) { levels } else { 5 };
                crate::t!("cmd-show-levels", count = u32::from(count))
            }
            _ => crate::t!(ids(self).0),
        }
    }

    fn tooltip(self) -> String {
        crate::t!(ids(self).1)
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
            Command::ToggleFitToSlide => key(Modifiers::ALT, Key::F),
            Command::ToggleCompact => key(Modifiers::ALT, Key::S),
            Command::Find => key(cmd, Key::F),
            Command::FindNext => key(none, Key::F3),
            Command::FindPrevious => key(Modifiers::SHIFT, Key::F3),
            Command::SelectParent => key(none, Key::ArrowUp),
            Command::SelectChild => key(none, Key::ArrowDown),
            Command::SelectPreviousSibling => key(none, Key::ArrowLeft),
            Command::SelectNextSibling => key(none, Key::ArrowRight),
            Command::StopComparing
            | Command::ExportHandbook
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

/// The message ids of a command's label and tooltip.
fn ids(command: Command) -> (&'static str, &'static str) {
    match command {
        Command::New => ("cmd-new", "cmd-new-tip"),
        Command::Open => ("cmd-open", "cmd-open-tip"),
        Command::Save => ("cmd-save", "cmd-save-tip"),
        Command::SaveAs => ("cmd-save-as", "cmd-save-as-tip"),
        Command::Export => ("cmd-export", "cmd-export-tip"),
        Command::ExportHandbook => ("cmd-export-handbook", "cmd-export-handbook-tip"),
        Command::Import => ("cmd-import", "cmd-import-tip"),
        Command::CompareWith => ("cmd-compare-with", "cmd-compare-with-tip"),
        Command::StopComparing => ("cmd-stop-comparing", "cmd-stop-comparing-tip"),
        Command::UpdateFromHr => ("cmd-update-from-hr", "cmd-update-from-hr-tip"),
        Command::Quit => ("cmd-quit", "cmd-quit-tip"),
        Command::Undo => ("cmd-undo", "cmd-undo-tip"),
        Command::Redo => ("cmd-redo", "cmd-redo-tip"),
        Command::AddSubordinate => ("cmd-add-subordinate", "cmd-add-subordinate-tip"),
        Command::AddAssistant => ("cmd-add-assistant", "cmd-add-assistant-tip"),
        Command::AddSibling => ("cmd-add-sibling", "cmd-add-sibling-tip"),
        Command::AddUnit => ("cmd-add-unit", "cmd-add-unit-tip"),
        Command::Rename => ("cmd-rename", "cmd-rename-tip"),
        Command::Delete => ("cmd-delete", "cmd-delete-tip"),
        Command::ToggleCollapse => ("cmd-toggle-collapse", "cmd-toggle-collapse-tip"),
        Command::ShowLevels(_) => ("cmd-show-levels", "cmd-show-levels-tip"),
        Command::ExpandAll => ("cmd-expand-all", "cmd-expand-all-tip"),
        Command::Relayout => ("cmd-relayout", "cmd-relayout-tip"),
        Command::ZoomIn => ("cmd-zoom-in", "cmd-zoom-in-tip"),
        Command::ZoomOut => ("cmd-zoom-out", "cmd-zoom-out-tip"),
        Command::ZoomFit => ("cmd-zoom-fit", "cmd-zoom-fit-tip"),
        Command::CentreSelection => ("cmd-centre-selection", "cmd-centre-selection-tip"),
        Command::ToggleCompact => ("cmd-stack-teams", "cmd-stack-teams-tip"),
        Command::ToggleDutiesOnCards => ("cmd-duties-on-cards", "cmd-duties-on-cards-tip"),
        Command::ToggleLeftToRight => ("cmd-left-to-right", "cmd-left-to-right-tip"),
        Command::ToggleFitToSlide => ("cmd-fit-to-slide", "cmd-fit-to-slide-tip"),
        Command::Find => ("cmd-find", "cmd-find-tip"),
        Command::FindNext => ("cmd-find-next", "cmd-find-next-tip"),
        Command::FindPrevious => ("cmd-find-previous", "cmd-find-previous-tip"),
        Command::SelectParent => ("cmd-select-parent", "cmd-select-parent-tip"),
        Command::SelectChild => ("cmd-select-child", "cmd-select-child-tip"),
        Command::SelectPreviousSibling => (
            "cmd-select-previous-sibling",
            "cmd-select-previous-sibling-tip",
        ),
        Command::SelectNextSibling => ("cmd-select-next-sibling", "cmd-select-next-sibling-tip"),
        Command::ToggleOutline => ("cmd-outline-panel", "cmd-outline-panel-tip"),
        Command::ToggleInspector => ("cmd-inspector-panel", "cmd-inspector-panel-tip"),
        Command::ToggleAnalysis => ("cmd-analysis", "cmd-analysis-tip"),
        Command::ShowShortcuts => ("cmd-shortcuts", "cmd-shortcuts-tip"),
        Command::About => ("cmd-about", "cmd-about-tip"),
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

    #[test]
    fn every_command_has_its_own_words_in_both_languages() {
        use crate::i18n::{set_current, Lang};
        let words = |lang| {
            set_current(lang);
            let words: Vec<(String, String)> = Command::ALL
                .iter()
                .map(|command| (command.label(), command.tooltip()))
                .collect();
            set_current(Lang::English);
            words
        };
        let (english, chinese) = (words(Lang::English), words(Lang::Chinese));
        let mut labels = std::collections::HashSet::new();
        for ((command, en), zh) in Command::ALL.iter().zip(&english).zip(&chinese) {
            let (label, tip) = ids(*command);
            assert!(
                en.0 != label && en.1 != tip,
                "{command:?} has English words"
            );
            assert!(
                zh.0 != en.0 && zh.1 != en.1,
                "{command:?} has Chinese words"
            );
            assert!(labels.insert(&zh.0), "{command:?} repeats a Chinese label");
        }
        assert_eq!(Command::ShowLevels(3).label(), "Show 3 levels");
        assert_eq!(Command::ShowLevels(9).label(), "Show 5 levels");
    }
}
