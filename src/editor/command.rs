//! Every user command, in one enum. The shell gives each its words, shortcut and
//! tooltip (`ui::command`), and builds the menus, the toolbar and the shortcuts help from
//! it; [`super::Editor`] says whether each can run now and runs it.

/// A user command.
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
    /// Export as SVG, PNG, PDF, JSON, CSV or Excel.
    Export,
    /// Write the post handbook (chart, unit responsibilities, post duties) as Word, PDF
    /// or Markdown.
    ExportHandbook,
    /// Import a roster from an HR system or Excel.
    Import,
    /// Compare the chart with another chart or an HR file, marking the changes.
    CompareWith,
    /// Leave compare mode: remove every mark.
    StopComparing,
    /// Bring the chart up to date with an HR file, choosing which changes to apply.
    UpdateFromHr,
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
    /// Put every hand-placed card back in its place in the tree.
    Relayout,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Fit the whole chart in the window.
    ZoomFit,
    /// Centre the view on the selection.
    CentreSelection,
    /// Stack teams of leaves beside their manager's line (on), or draw them in one row.
    ToggleCompact,
    /// Show each post's duties on its card.
    ToggleDutiesOnCards,
    /// Lay the chart out left to right instead of top-down.
    ToggleLeftToRight,
    /// Lay a wide chart out close to a 16:9 slide, wrapping wide rows of subordinates.
    ToggleFitToSlide,
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
    /// Show or hide the Analysis panel: spans, layers, units and shared duties.
    ToggleAnalysis,
    /// List the keyboard shortcuts.
    ShowShortcuts,
    /// About Organigram.
    About,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 46] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Import,
        Command::CompareWith,
        Command::StopComparing,
        Command::UpdateFromHr,
        Command::Export,
        Command::ExportHandbook,
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
        Command::ToggleCompact,
        Command::ToggleDutiesOnCards,
        Command::ToggleLeftToRight,
        Command::ToggleFitToSlide,
        Command::Find,
        Command::FindNext,
        Command::FindPrevious,
        Command::SelectParent,
        Command::SelectChild,
        Command::SelectPreviousSibling,
        Command::SelectNextSibling,
        Command::ToggleOutline,
        Command::ToggleInspector,
        Command::ToggleAnalysis,
        Command::ShowShortcuts,
        Command::About,
    ];

    /// True for commands that act on the selected card.
    pub fn needs_selection(self) -> bool {
        matches!(
            self,
            Command::AddSubordinate
                | Command::AddAssistant
                | Command::AddSibling
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
