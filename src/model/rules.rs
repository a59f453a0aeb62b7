//! The chart's structural rules, shared by file validation and by edits.
//!
//! - An assistant reports to a position and manages no one.
//! - Nothing reports to an assistant.
//! - A dotted line runs from a post (position or assistant) to a different position that
//!   is not already its solid-line manager, at most once.
//! - A headcount is at least 1.

use super::node::NodeKind;

/// Checks that a node of kind `child` may report to `parent` (`None` for a root).
/// `child_label` and `parent_label` name them in the message.
pub(super) fn check_parent(
    child: NodeKind,
    child_label: &str,
    parent: Option<(NodeKind, &str)>,
) -> Result<(), String> {
    match (child, parent) {
        (_, Some((NodeKind::Assistant, parent_label))) => Err(format!(
            "{child_label} cannot report to {parent_label}: an assistant manages no one"
        )),
        (NodeKind::Assistant, None) => Err(format!(
            "{child_label} is an assistant, so it must report to a position; it cannot be a top node"
        )),
        (NodeKind::Assistant, Some((NodeKind::Unit, parent_label))) => Err(format!(
            "{child_label} is an assistant, so it must report to a position, not to the unit {parent_label}"
        )),
        _ => Ok(()),
    }
}

/// What a dotted-line check needs to know about its two ends.
pub(super) struct DottedEnds<'a> {
    pub(super) from_kind: NodeKind,
    pub(super) from_label: &'a str,
    pub(super) to_kind: NodeKind,
    pub(super) to_label: &'a str,
    pub(super) same_node: bool,
    pub(super) to_is_solid_parent: bool,
    pub(super) already_listed: bool,
}

/// Checks one dotted line.
pub(super) fn check_dotted(ends: &DottedEnds<'_>) -> Result<(), String> {
    let DottedEnds {
        from_label,
        to_label,
        ..
    } = ends;
    if ends.same_node {
        return Err(format!("{from_label} cannot have a dotted line to itself"));
    }
    if !ends.from_kind.is_post() {
        return Err(format!(
            "{from_label} is a unit; dotted lines run between posts"
        ));
    }
    if ends.to_kind != NodeKind::Position {
        return Err(format!(
            "{from_label} cannot have a dotted line to {to_label}: a dotted-line manager must be a position"
        ));
    }
    if ends.to_is_solid_parent {
        return Err(format!(
            "{from_label} already reports to {to_label} by its solid line; a dotted line would repeat it"
        ));
    }
    if ends.already_listed {
        return Err(format!(
            "{from_label} already has a dotted line to {to_label}"
        ));
    }
    Ok(())
}

/// Checks a headcount.
pub(super) fn check_headcount(label: &str, headcount: u32) -> Result<(), String> {
    if headcount == 0 {
        Err(format!(
            "{label} has headcount 0; a post stands for at least 1 person"
        ))
    } else {
        Ok(())
    }
}
