//! The words for what the editor says in types: notices, undo steps, modal headings,
//! recovery summaries, window titles. Views ask here, so every sentence the editor
//! produces is worded in one place.

use super::command::CommandUi;
use crate::editor::{
    CopyChanges, DialogKind, DisplayName, Failure, Label, Message, Modal, NodeDescription, Orphan,
};
use crate::export::ExportFormat;
use crate::format::LoadNote;
use crate::model::NodeKind;
use crate::t;

/// What the notice says.
pub fn message(
    message: &Message,
    shortcut_of: impl Fn(crate::editor::Command) -> String,
) -> String {
    use crate::editor::Command;
    match message {
        Message::Refused(error) => super::errors::edit_error(error),
        Message::SelectFirst(command) => t!("msg-select-first", command = command.label()),
        Message::Undid(step) => t!("msg-undid", step = label(step)),
        Message::Redid(step) => t!("msg-redid", step = label(step)),
        Message::NothingToUndo => t!("msg-nothing-to-undo"),
        Message::NothingToRedo => t!("msg-nothing-to-redo"),
        Message::AlreadyShown => t!("msg-already-shown"),
        Message::NothingPinned => t!("msg-nothing-pinned"),
        Message::Unpinned(count) => t!("msg-unpinned", count = *count),
        Message::Saved(path) => t!("msg-saved", path = path.display().to_string()),
        Message::Exported(path) => t!("msg-exported", path = path.display().to_string()),
        Message::DialogAlreadyOpen => t!("msg-dialog-already-open"),
        Message::Restored => t!("msg-restored"),
        Message::TooBigToFit => {
            let levels = Command::ShowLevels(3);
            t!(
                "msg-too-big-to-fit",
                levels = levels.label(),
                levels_key = shortcut_of(levels),
                fit = Command::ZoomFit.label(),
                fit_key = shortcut_of(Command::ZoomFit),
            )
        }
        Message::Loaded(note) => load_note(note),
        Message::UpdateSkipped(lines) => t!(
            "msg-update-skipped",
            count = lines.len(),
            lines = lines.join(t!("msg-list-separator").as_str()),
        ),
        Message::ImportedDocument {
            units,
            posts,
            duties,
            heads,
        } => {
            let imported = t!(
                "handbook-imported",
                units = *units,
                posts = *posts,
                duties = *duties
            );
            match heads {
                Some(heads) => t!(
                    "handbook-imported-flat",
                    imported = imported,
                    heads = heads.join(t!("msg-list-separator").as_str()),
                ),
                None => imported,
            }
        }
    }
}

fn load_note(note: &LoadNote) -> String {
    match note {
        LoadNote::NewerMinor {
            found,
            first_unknown,
        } => t!(
            "msg-newer-minor",
            major = found.0,
            minor = found.1,
            unknown = first_unknown,
        ),
        LoadNote::PinsConverted { count } => t!("msg-pins-converted", count = *count),
    }
}

/// An undo step's name.
pub fn label(label: &Label) -> String {
    let id = match label {
        Label::Add(command) => return command.label(),
        Label::ShowLevels(levels) => return t!("step-show-levels", count = u32::from(*levels)),
        Label::AddDuties(1) => "step-add-duty",
        Label::AddDuties(count) => return t!("step-paste-duties", count = *count),
        Label::Update(count) => return t!("step-update", count = *count),
        Label::Rename => "step-rename",
        Label::Move => "step-move",
        Label::Pin => "step-pin",
        Label::Unpin => "step-unpin",
        Label::Collapse => "step-collapse",
        Label::Expand => "step-expand",
        Label::ExpandAll => "step-expand-all",
        Label::Relayout => "step-relayout",
        Label::Delete { keep_reports: true } => "step-delete-keep-subordinates",
        Label::Delete {
            keep_reports: false,
        } => "step-delete-subtree",
        Label::ChartTitle => "step-chart-title",
        Label::Organisation => "step-organisation",
        Label::Kind(NodeKind::Unit) => "step-make-unit",
        Label::Kind(NodeKind::Position) => "step-make-position",
        Label::Kind(NodeKind::Assistant) => "step-make-assistant",
        Label::Holder => "step-holder",
        Label::Vacancy => "step-vacancy",
        Label::Headcount => "step-headcount",
        Label::Colour => "step-colour",
        Label::ClearColour => "step-clear-colour",
        Label::Notes => "step-notes",
        Label::Reference => "step-reference",
        Label::AddDotted => "step-add-dotted",
        Label::RemoveDotted => "step-remove-dotted",
        Label::EditDuty => "step-edit-duty",
        Label::DeleteDuty => "step-delete-duty",
        Label::ReorderDuties => "step-reorder-duties",
    };
    t!(id)
}

/// A modal's heading.
pub fn modal_title(modal: &Modal) -> String {
    let id = match modal {
        Modal::Unsaved { .. } => "modal-unsaved",
        Modal::Delete { .. } => "modal-delete",
        Modal::Error { failure, .. } => match failure {
            Failure::Open => "modal-open-failed",
            Failure::OpenSample => "modal-open-sample-failed",
            Failure::Save => "modal-save-failed",
            Failure::Export => "modal-export-failed",
            Failure::Restore => "modal-restore-failed",
            Failure::Import => "modal-import-failed",
            Failure::Compare => "modal-compare-failed",
            Failure::Update => "modal-update-failed",
        },
        Modal::ChangedOnDisk { .. } => "modal-changed-on-disk",
        Modal::Recover { .. } => "modal-recover",
        Modal::PathEntry { kind, .. } => return dialog_title(*kind),
    };
    t!(id)
}

/// The heading of a file dialog, and of the box where a path is typed instead.
pub fn dialog_title(kind: DialogKind) -> String {
    let id = match kind {
        DialogKind::OpenChart => "modal-open-chart",
        DialogKind::SaveChart => "modal-save-chart",
        DialogKind::Export(_) => "modal-export-chart",
        DialogKind::Import => "modal-import-roster",
        DialogKind::Compare => "modal-compare",
        DialogKind::UpdateFrom => "modal-update-from",
        DialogKind::Handbook => "handbook-export-title",
    };
    t!(id)
}

/// What a chart is called in the window title and recovery list.
pub fn display_name(name: &DisplayName) -> String {
    match name {
        DisplayName::File(name) => name.clone(),
        DisplayName::Sample(name) => t!("title-sample", name = name),
        DisplayName::Untitled => t!("title-untitled"),
    }
}

/// The window title: the chart's name, a dot while it has unsaved changes, the app.
pub fn window_title(name: &DisplayName, dirty: bool) -> String {
    let name = display_name(name);
    if dirty {
        t!("title-window-unsaved", name = name)
    } else {
        t!("title-window", name = name)
    }
}

/// A one-line summary of a recovery copy: its name, when it was saved, and how much it
/// differs from the file on disk.
pub fn orphan_summary(orphan: &Orphan) -> String {
    let age = orphan.age_seconds();
    let when = match age {
        0..=119 => t!("recovery-just-now"),
        120..=7199 => t!("recovery-minutes-ago", count = age / 60),
        7200..=172_799 => t!("recovery-hours-ago", count = age / 3600),
        _ => t!("recovery-days-ago", count = age / 86_400),
    };
    let changes = match orphan.changes {
        CopyChanges::Differ(count) => t!("recovery-differ", count = count),
        CopyChanges::FileGone => t!("recovery-file-gone"),
        CopyChanges::NeverSaved(count) => t!("recovery-never-saved", count = count),
        CopyChanges::Damaged => t!("recovery-damaged"),
    };
    t!(
        "recovery-summary",
        name = display_name(&orphan.display_name()),
        when = when,
        changes = changes,
    )
}

/// A kind's name.
pub fn kind_name(kind: NodeKind) -> String {
    let id = match kind {
        NodeKind::Unit => "kind-unit",
        NodeKind::Position => "kind-position",
        NodeKind::Assistant => "kind-assistant",
    };
    t!(id)
}

/// A node with its unit and manager: `销售主管 · 销售部 · reports to 大区销售经理`.
pub fn described(description: &NodeDescription) -> String {
    let mut text = description.title.clone();
    if let Some(unit) = &description.unit {
        text.push_str(" · ");
        text.push_str(unit);
    }
    if let Some(manager) = &description.manager {
        text.push_str(" · ");
        text.push_str(&t!("inspector-reports-to", manager = manager));
    }
    text
}

/// What cards can be coloured by, in menus.
pub fn colour_by(by: crate::analysis::ColourBy) -> String {
    use crate::analysis::ColourBy;
    let id = match by {
        ColourBy::Unit => "menu-colour-by-unit",
        ColourBy::SpanBand => "menu-colour-by-span-band",
        ColourBy::Layer => "menu-colour-by-layer",
        ColourBy::Vacancy => "menu-colour-by-vacancy",
    };
    t!(id)
}

/// An export format's name on buttons.
pub fn format_name(format: ExportFormat) -> String {
    format.name().to_uppercase()
}
