//! The words for what the editor says in types: notices, undo steps, modal headings,
//! recovery summaries, window titles. Views ask here, so every sentence the editor
//! produces is worded in one place.

use super::command::CommandUi;
use crate::editor::{
    CopyChanges, DisplayName, Failure, Label, Message, Modal, NodeDescription, Orphan,
};
use crate::export::ExportFormat;
use crate::format::LoadNote;
use crate::model::NodeKind;

/// What the notice says.
pub fn message(
    message: &Message,
    shortcut_of: impl Fn(crate::editor::Command) -> String,
) -> String {
    use crate::editor::Command;
    match message {
        Message::Refused(error) => error.to_string(),
        Message::SelectFirst(command) => format!("{}: select a card first", command.label()),
        Message::Undid(label) => format!("Undid: {}", self::label(label)),
        Message::Redid(label) => format!("Redid: {}", self::label(label)),
        Message::NothingToUndo => "Nothing to undo".to_owned(),
        Message::NothingToRedo => "Nothing to redo".to_owned(),
        Message::AlreadyShown => "The chart already looks like that".to_owned(),
        Message::NothingPinned => {
            "No card is placed by hand; the chart is already laid out".to_owned()
        }
        Message::Unpinned(count) => format!(
            "Put {count} card{} placed by hand back in the tree",
            plural(*count)
        ),
        Message::Saved(path) => format!("Saved {}", path.display()),
        Message::Exported(path) => format!("Exported {}", path.display()),
        Message::DialogAlreadyOpen => "A file dialog is already open".to_owned(),
        Message::Restored => "Restored your unsaved changes; save them to keep them".to_owned(),
        Message::TooBigToFit => {
            let levels = Command::ShowLevels(3);
            format!(
                "Too big to read when fitted: {} ({}, View menu) gives an overview; {} ({}) shows it all",
                levels.label(),
                shortcut_of(levels),
                Command::ZoomFit.label(),
                shortcut_of(Command::ZoomFit),
            )
        }
        Message::Loaded(note) => load_note(note),
        Message::UpdateSkipped(lines) => format!(
            "{} change{} could not be applied: {}",
            lines.len(),
            plural(lines.len()),
            lines.join("; ")
        ),
    }
}

fn load_note(note: &LoadNote) -> String {
    match note {
        LoadNote::NewerMinor {
            found,
            first_unknown,
        } => format!(
            "This file was made by a newer Organigram (format {}.{}). It opened, but what this version does not know ({first_unknown}) will be dropped if you save it; use Save As to keep the original.",
            found.0, found.1
        ),
        LoadNote::PinsConverted { count } => format!(
            "{count} card{} placed by hand now move with their managers",
            plural(*count)
        ),
    }
}

/// An undo step's name.
pub fn label(label: &Label) -> String {
    match label {
        Label::Rename => "Rename".to_owned(),
        Label::Add(command) => command.label().to_owned(),
        Label::Move => "Move".to_owned(),
        Label::Pin => "Place by hand".to_owned(),
        Label::Unpin => "Put back in the tree".to_owned(),
        Label::Collapse => "Collapse".to_owned(),
        Label::Expand => "Expand".to_owned(),
        Label::ShowLevels(levels) => format!("Show {levels} levels"),
        Label::ExpandAll => "Expand all".to_owned(),
        Label::Relayout => "Re-layout".to_owned(),
        Label::Delete { keep_reports: true } => "Delete (keep subordinates)".to_owned(),
        Label::Delete {
            keep_reports: false,
        } => "Delete subtree".to_owned(),
        Label::ChartTitle => "Chart title".to_owned(),
        Label::Organisation => "Organisation".to_owned(),
        Label::Kind(kind) => format!("Make {}", crate::model::article(*kind)),
        Label::Holder => "Set holder".to_owned(),
        Label::Vacancy => "Set vacancy".to_owned(),
        Label::Headcount => "Headcount".to_owned(),
        Label::Colour => "Change colour".to_owned(),
        Label::ClearColour => "Clear colour".to_owned(),
        Label::Notes => "Notes".to_owned(),
        Label::Reference => "HR reference".to_owned(),
        Label::AddDotted => "Add dotted line".to_owned(),
        Label::RemoveDotted => "Remove dotted line".to_owned(),
        Label::AddDuties(1) => "Add duty".to_owned(),
        Label::AddDuties(count) => format!("Paste {count} duties"),
        Label::EditDuty => "Edit duty".to_owned(),
        Label::DeleteDuty => "Delete duty".to_owned(),
        Label::ReorderDuties => "Reorder duties".to_owned(),
        Label::Update(count) => format!("Update from HR file ({count} change{})", plural(*count)),
    }
}

/// "s" unless `count` is 1.
pub fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// A modal's heading.
pub fn modal_title(modal: &Modal) -> &'static str {
    use crate::editor::DialogKind;
    match modal {
        Modal::Unsaved { .. } => "Unsaved changes",
        Modal::Delete { .. } => "Delete",
        Modal::Error { failure, .. } => match failure {
            Failure::Open => "Could not open the chart",
            Failure::OpenSample => "Could not open the sample",
            Failure::Save => "The chart was not saved",
            Failure::Export => "The chart was not exported",
            Failure::Restore => "The recovery copy could not be opened",
            Failure::Import => "The roster could not be read",
            Failure::Compare => "Could not compare",
            Failure::Update => "Could not update from the HR file",
        },
        Modal::ChangedOnDisk { .. } => "The file changed on disk",
        Modal::Recover { .. } => "Recover unsaved work",
        Modal::PathEntry { kind, .. } => match kind {
            DialogKind::OpenChart => "Open chart",
            DialogKind::SaveChart => "Save chart",
            DialogKind::Export(_) => "Export chart",
            DialogKind::Import => "Import a roster",
            DialogKind::Compare => "Compare with a chart or an HR file",
            DialogKind::UpdateFrom => "Update from an HR file",
        },
    }
}

/// What a chart is called in the window title and recovery list.
pub fn display_name(name: &DisplayName) -> String {
    match name {
        DisplayName::File(name) => name.clone(),
        DisplayName::Sample(name) => format!("{name} (sample)"),
        DisplayName::Untitled => "Untitled".to_owned(),
    }
}

/// A one-line summary of a recovery copy: its name, when it was saved, and how much it
/// differs from the file on disk.
pub fn orphan_summary(orphan: &Orphan) -> String {
    let age = orphan.age_seconds();
    let when = match age {
        0..=119 => "just now".to_owned(),
        120..=7199 => format!("{} minutes ago", age / 60),
        7200..=172_799 => format!("{} hours ago", age / 3600),
        _ => format!("{} days ago", age / 86_400),
    };
    let changes = match orphan.changes {
        CopyChanges::Differ(count) => format!("{count} cards differ from the saved file"),
        CopyChanges::FileGone => "the saved file is gone or unreadable".to_owned(),
        CopyChanges::NeverSaved(count) => format!("{count} cards, never saved"),
        CopyChanges::Damaged => "the copy is damaged".to_owned(),
    };
    format!(
        "{} — saved {when}; {changes}",
        display_name(&orphan.display_name())
    )
}

/// A kind's name.
pub fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Unit => "Unit",
        NodeKind::Position => "Position",
        NodeKind::Assistant => "Assistant",
    }
}

/// A node with its unit and manager: `销售主管 · 销售部 · reports to 大区销售经理`.
pub fn described(description: &NodeDescription) -> String {
    let mut text = description.title.clone();
    if let Some(unit) = &description.unit {
        text.push_str(" · ");
        text.push_str(unit);
    }
    if let Some(manager) = &description.manager {
        text.push_str(" · reports to ");
        text.push_str(manager);
    }
    text
}

/// What cards can be coloured by, in menus.
pub fn colour_by(by: crate::analysis::ColourBy) -> &'static str {
    use crate::analysis::ColourBy;
    match by {
        ColourBy::Unit => "Unit",
        ColourBy::SpanBand => "Span band",
        ColourBy::Layer => "Layer",
        ColourBy::Vacancy => "Vacancy",
    }
}

/// An export format's name on buttons.
pub fn format_name(format: ExportFormat) -> String {
    format.name().to_uppercase()
}
