//! What views ask the editor to do, and what the editor asks of the shell.

use std::path::PathBuf;
use std::time::Duration;

use super::command::Command;
use super::message::Label;
use super::modal::ModalChoice;
use super::settings::Settings;
use crate::export::ExportChoices;
use crate::model::{ChartPoint, Edit, NodeId};

/// How a click changes the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectMode {
    /// Select only this card.
    Replace,
    /// Add or remove this card (Shift or Ctrl click).
    Toggle,
}

/// A window beside the chart that the user can close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// Help ▸ Keyboard shortcuts.
    Shortcuts,
    /// Help ▸ About.
    About,
    /// File ▸ Export….
    Export,
    /// The import preview.
    Import,
    /// The update from an HR file.
    Update,
}

/// One request to the editor. [`super::Editor::apply`] is the only code that changes the
/// editor, and it does so only by carrying out actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A frame begins: the shell's clock in seconds, and whether the user pressed, typed
    /// or moved anything since the last frame.
    Frame {
        /// Seconds on the shell's clock.
        now_s: f64,
        /// There was input.
        input: bool,
    },
    /// The canvas was drawn at this size, in pixels.
    CanvasSize([f32; 2]),
    /// Run a command on the current selection.
    Command(Command),
    /// Run a command on a given card (from its context menu).
    CommandOn(Command, NodeId),
    /// Apply an edit as one undoable step.
    Edit {
        /// The change.
        edit: Edit,
        /// How undo names it.
        label: Label,
    },
    /// Start a gesture (picking a colour): its edits undo as one step.
    BeginGesture(Label),
    /// End the gesture.
    EndGesture,
    /// Change the selection.
    Select(NodeId, SelectMode),
    /// Select these cards (the first becomes the one the inspector edits).
    SelectAll(Vec<NodeId>),
    /// Select one card and bring it into view (outline and search).
    Reveal(NodeId),
    /// Clear the selection.
    ClearSelection,
    /// Make `id` report to `target`: the path every drop on a card takes.
    Reparent {
        /// The card that moves.
        id: NodeId,
        /// Its new manager or unit.
        target: NodeId,
    },
    /// A card dropped on empty space: place it there by hand.
    Pin {
        /// The card.
        id: NodeId,
        /// Where its top-left corner was dropped, in chart space.
        at: ChartPoint,
    },
    /// Fold or unfold a subtree.
    ToggleCollapse(NodeId),
    /// Edit a card's title in place.
    StartRename(NodeId),
    /// End the in-place edit: `Some(text)` commits it, `None` cancels.
    FinishRename(Option<String>),
    /// Add duties from `text` (one per line, bullets stripped) at `index`, as one step.
    AddDuties {
        /// The post or unit.
        id: NodeId,
        /// Where the first goes.
        index: usize,
        /// The text typed or pasted.
        text: String,
    },
    /// Open a file (asking about unsaved changes first).
    OpenFile(PathBuf),
    /// Open an embedded sample (asking about unsaved changes first).
    OpenSample(&'static str),
    /// Delete cards, keeping their subordinates or not.
    Delete {
        /// The cards.
        ids: Vec<NodeId>,
        /// Keep the subordinates, moving them up.
        keep_reports: bool,
    },
    /// An answer to the open modal.
    Modal(ModalChoice),
    /// Pan the view by this many pixels.
    Pan([f32; 2]),
    /// Zoom by `factor` about `anchor` (pixels from the canvas's top-left corner).
    Zoom {
        /// How much.
        factor: f32,
        /// The point that stays put.
        anchor: [f32; 2],
    },
    /// The search query changed.
    SearchQuery(String),
    /// Go to the next (+1) or previous (-1) match.
    SearchStep(i32),
    /// Close the search bar.
    CloseSearch,
    /// The export window's choices changed.
    ExportChoices(ExportChoices),
    /// Export with the chosen options: ask where, then write.
    ExportNow,
    /// A change in the import preview.
    Import(super::import::ImportChange),
    /// Import what the preview shows, as a new chart.
    ImportNow,
    /// Compare the chart with the chart or HR file at this path (`--compare`).
    CompareWith(PathBuf),
    /// A shared duty in the Analysis panel was clicked: select the posts that have it and
    /// mark the duty of `post` in the inspector.
    ShowDuty {
        /// Every post with the duty.
        posts: Vec<NodeId>,
        /// The post the inspector shows.
        post: NodeId,
        /// The duty's place in its list.
        index: usize,
    },
    /// The Changes panel's filter changed.
    FilterChanges(super::compare::ChangeFilter),
    /// A change in the Changes panel was clicked (its index in the diff).
    GoToChange(usize),
    /// A checkbox in the update window changed.
    ChooseUpdate(super::compare::UpdateChoice),
    /// Apply the chosen changes of the update as one undoable step.
    UpdateNow,
    /// A window was closed by its own close button.
    CloseWindow(Window),
    /// Preferences changed in a menu (autosave, backup, panels, view).
    Settings(Settings),
    /// The desktop asked to close the window.
    CloseRequested,
}

/// What the editor asks the shell to do after a frame's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Close the window: nothing is left unsaved, or the user chose not to save.
    Close,
    /// Refuse the close the desktop asked for (the unsaved-changes question is open).
    CancelClose,
    /// Draw another frame after this long (autosave, a notice running out).
    RepaintAfter(Duration),
}

/// What the editor opens at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// A chart file.
    File(PathBuf),
    /// An embedded sample, by name.
    Sample(String),
}

impl Default for Start {
    fn default() -> Start {
        Start::Sample(crate::samples::SAMPLES[0].name.to_owned())
    }
}
