//! The chart's rules, typed, in one place. File validation ([`super::Chart::from_records`])
//! and edits ([`super::Chart::check`], [`super::Chart::apply`]) both ask these functions;
//! nothing else decides what a chart may look like.
//!
//! - An assistant reports to a position and manages no one.
//! - Nothing reports to an assistant.
//! - A dotted line runs from a post (position or assistant) to a different position that
//!   is not already its solid-line manager, at most once.
//! - A headcount is at least 1.
//! - A pin (a card's offset placed by hand) is a finite point.
//! - Titles and holders hold no control characters; notes and duties hold none but tab and
//!   line breaks. Anything else is a sign of a damaged file.
//! - No node reports to itself, directly or through others.
//!
//! The checks build names (titles) only when a rule is broken, so validating a large chart
//! allocates nothing for the nodes that are fine.

use std::fmt;

use super::node::{ChartPoint, NodeId, NodeKind};

/// A node named in a message: its id, kind and title as they were when the rule was
/// checked. Errors carry names because the node may not be in the chart (a refused
/// addition, a file that failed to load).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeName {
    /// The node's id.
    pub id: NodeId,
    /// Its kind.
    pub kind: NodeKind,
    /// Its title, possibly empty.
    pub title: String,
}

impl NodeName {
    /// The name of node `id` with content `node`; a node that does not exist (`None`) is
    /// named by its id alone, as an untitled position.
    pub fn of(id: NodeId, node: Option<&super::node::Node>) -> NodeName {
        match node {
            Some(node) => NodeName {
                id,
                kind: node.kind,
                title: node.title.clone(),
            },
            None => NodeName {
                id,
                kind: NodeKind::Position,
                title: String::new(),
            },
        }
    }
}

impl fmt::Display for NodeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.title.is_empty() {
            write!(f, "untitled {} ({})", self.kind.name(), self.id)
        } else {
            write!(f, "“{}” ({})", self.title, self.id)
        }
    }
}

/// A text field of a node, for messages about its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The title or unit name.
    Title,
    /// The holder's name.
    Holder,
    /// The notes.
    Notes,
    /// The id in the HR system.
    Reference,
    /// One duty (0-based).
    Duty(usize),
}

impl fmt::Display for TextField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextField::Title => f.write_str("title"),
            TextField::Holder => f.write_str("holder"),
            TextField::Notes => f.write_str("notes"),
            TextField::Reference => f.write_str("HR reference"),
            TextField::Duty(index) => write!(f, "duty {}", index + 1),
        }
    }
}

/// A broken rule: which rule, and the nodes it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `child` would report to an assistant, and assistants manage no one.
    ReportsToAssistant {
        /// The would-be subordinate.
        child: NodeName,
        /// The assistant.
        assistant: NodeName,
    },
    /// An assistant would be a top node; it must report to a position.
    AssistantAtTop {
        /// The assistant.
        assistant: NodeName,
    },
    /// An assistant would report to a unit; it must report to a position.
    AssistantUnderUnit {
        /// The assistant.
        assistant: NodeName,
        /// The unit.
        unit: NodeName,
    },
    /// A dotted line from a post to itself.
    DottedToSelf {
        /// The post.
        post: NodeName,
    },
    /// A dotted line from a unit; dotted lines run between posts.
    DottedFromUnit {
        /// The unit.
        unit: NodeName,
    },
    /// A dotted line to something other than a position.
    DottedToNonPosition {
        /// The post the line starts at.
        from: NodeName,
        /// The unit or assistant it would lead to.
        to: NodeName,
    },
    /// A dotted line to the post's own solid-line manager.
    DottedRepeatsSolid {
        /// The post.
        from: NodeName,
        /// Its manager.
        to: NodeName,
    },
    /// A second dotted line between the same two posts.
    DottedTwice {
        /// The post.
        from: NodeName,
        /// The dotted-line manager.
        to: NodeName,
    },
    /// Removing a dotted line that does not exist.
    NoSuchDotted {
        /// The post.
        from: NodeName,
        /// The position it has no dotted line to.
        to: NodeName,
    },
    /// A post standing for no one.
    ZeroHeadcount {
        /// The post.
        post: NodeName,
    },
    /// A pin that is not a finite point.
    PinNotFinite {
        /// The node.
        node: NodeName,
    },
    /// A control character (NUL and the like) inside a text: a sign of a damaged file.
    ControlCharacter {
        /// The node.
        node: NodeName,
        /// Which of its texts.
        field: TextField,
        /// The character's code point.
        code: u32,
    },
    /// A move that would put a node under itself.
    Cycle {
        /// The node being moved.
        node: NodeName,
        /// The would-be parent, inside the node's subtree.
        target: NodeName,
    },
    /// A move under a position the node already has a dotted line to.
    DottedBeforeSolid {
        /// The node being moved.
        node: NodeName,
        /// Its dotted-line manager, the would-be solid one.
        target: NodeName,
    },
    /// A unit would have dotted lines.
    UnitWithDotted {
        /// The node that would become a unit.
        node: NodeName,
    },
    /// Dotted lines lead to a node that would stop being a position.
    DottedManagerNotPosition {
        /// The node.
        node: NodeName,
        /// How many dotted lines lead to it.
        lines: usize,
    },
    /// A kind change refused by another rule.
    KindChange {
        /// The node.
        node: NodeName,
        /// The kind it would become.
        kind: NodeKind,
        /// The rule that refuses it.
        because: Box<Rule>,
    },
    /// Removing a node while keeping its subordinates is refused by another rule (an
    /// assistant would end up under a unit, say).
    KeepReports {
        /// The node being removed.
        node: NodeName,
        /// The rule that refuses it.
        because: Box<Rule>,
    },
    /// A restore whose record does not fit together (only hand-made edits do this).
    MalformedRestore {
        /// What is wrong with it.
        detail: String,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::ReportsToAssistant { child, assistant } => write!(
                f,
                "{child} cannot report to {assistant}: an assistant manages no one"
            ),
            Rule::AssistantAtTop { assistant } => write!(
                f,
                "{assistant} is an assistant, so it must report to a position; it cannot be a top node"
            ),
            Rule::AssistantUnderUnit { assistant, unit } => write!(
                f,
                "{assistant} is an assistant, so it must report to a position, not to the unit {unit}"
            ),
            Rule::DottedToSelf { post } => {
                write!(f, "{post} cannot have a dotted line to itself")
            }
            Rule::DottedFromUnit { unit } => {
                write!(f, "{unit} is a unit; dotted lines run between posts")
            }
            Rule::DottedToNonPosition { from, to } => write!(
                f,
                "{from} cannot have a dotted line to {to}: a dotted-line manager must be a position"
            ),
            Rule::DottedRepeatsSolid { from, to } => write!(
                f,
                "{from} already reports to {to} by its solid line; a dotted line would repeat it"
            ),
            Rule::DottedTwice { from, to } => {
                write!(f, "{from} already has a dotted line to {to}")
            }
            Rule::NoSuchDotted { from, to } => write!(f, "{from} has no dotted line to {to}"),
            Rule::ZeroHeadcount { post } => write!(
                f,
                "{post} has headcount 0; a post stands for at least 1 person"
            ),
            Rule::PinNotFinite { node } => {
                write!(f, "{node} is pinned at a non-finite point")
            }
            Rule::ControlCharacter { node, field, code } => write!(
                f,
                "{node} has a control character (U+{code:04X}) in its {field}; the file may be damaged"
            ),
            Rule::Cycle { node, target } => write!(
                f,
                "{node} cannot report to {target}: {target} is inside {node}'s own subtree, so that would make a cycle"
            ),
            Rule::DottedBeforeSolid { node, target } => write!(
                f,
                "{node} has a dotted line to {target}; remove it before making that its solid-line manager"
            ),
            Rule::UnitWithDotted { .. } => {
                f.write_str("units have no dotted lines; remove its dotted lines first")
            }
            Rule::DottedManagerNotPosition { lines, .. } => write!(
                f,
                "{lines} dotted line(s) lead to it, and only a position can be a dotted-line manager"
            ),
            Rule::KindChange {
                node,
                kind,
                because,
            } => write!(f, "{node} cannot become {}: {because}", article(*kind)),
            Rule::KeepReports { node, because } => write!(
                f,
                "{node} cannot be removed with its subordinates kept: {because}"
            ),
            Rule::MalformedRestore { detail } => write!(f, "a malformed restore: {detail}"),
        }
    }
}

/// "a unit", "a position", "an assistant".
pub fn article(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Unit => "a unit",
        NodeKind::Position => "a position",
        NodeKind::Assistant => "an assistant",
    }
}

/// Names nodes for messages; called only when a rule is broken.
pub(super) type Namer<'a> = dyn Fn(NodeId) -> NodeName + 'a;

/// Checks that `child` (of kind `child_kind`) may report to `parent` (`None` for a top node).
pub(super) fn check_parent(
    child: NodeId,
    child_kind: NodeKind,
    parent: Option<(NodeId, NodeKind)>,
    name: &Namer<'_>,
) -> Result<(), Rule> {
    match (child_kind, parent) {
        (_, Some((assistant, NodeKind::Assistant))) => Err(Rule::ReportsToAssistant {
            child: name(child),
            assistant: name(assistant),
        }),
        (NodeKind::Assistant, None) => Err(Rule::AssistantAtTop {
            assistant: name(child),
        }),
        (NodeKind::Assistant, Some((unit, NodeKind::Unit))) => Err(Rule::AssistantUnderUnit {
            assistant: name(child),
            unit: name(unit),
        }),
        _ => Ok(()),
    }
}

/// What a dotted-line check needs to know about its two ends.
pub(super) struct DottedEnds {
    pub(super) from: NodeId,
    pub(super) from_kind: NodeKind,
    pub(super) to: NodeId,
    pub(super) to_kind: NodeKind,
    pub(super) to_is_solid_parent: bool,
    pub(super) already_listed: bool,
}

/// Checks one dotted line.
pub(super) fn check_dotted(ends: &DottedEnds, name: &Namer<'_>) -> Result<(), Rule> {
    if ends.from == ends.to {
        return Err(Rule::DottedToSelf {
            post: name(ends.from),
        });
    }
    if !ends.from_kind.is_post() {
        return Err(Rule::DottedFromUnit {
            unit: name(ends.from),
        });
    }
    let pair = || (name(ends.from), name(ends.to));
    if ends.to_kind != NodeKind::Position {
        let (from, to) = pair();
        return Err(Rule::DottedToNonPosition { from, to });
    }
    if ends.to_is_solid_parent {
        let (from, to) = pair();
        return Err(Rule::DottedRepeatsSolid { from, to });
    }
    if ends.already_listed {
        let (from, to) = pair();
        return Err(Rule::DottedTwice { from, to });
    }
    Ok(())
}

/// Checks a headcount.
pub(super) fn check_headcount(id: NodeId, headcount: u32, name: &Namer<'_>) -> Result<(), Rule> {
    if headcount == 0 {
        Err(Rule::ZeroHeadcount { post: name(id) })
    } else {
        Ok(())
    }
}

/// Checks a pin.
pub(super) fn check_pin(id: NodeId, pin: Option<ChartPoint>, name: &Namer<'_>) -> Result<(), Rule> {
    match pin {
        Some(point) if !(point.x.is_finite() && point.y.is_finite()) => {
            Err(Rule::PinNotFinite { node: name(id) })
        }
        _ => Ok(()),
    }
}

/// Checks one text of a node for control characters. Notes and duties may hold tabs and
/// line breaks; titles and holders may not.
pub(super) fn check_text(
    id: NodeId,
    field: TextField,
    text: &str,
    name: &Namer<'_>,
) -> Result<(), Rule> {
    // Control characters are bytes below 0x20, 0x7F, and U+0080–U+009F (0xC2 0x80–0x9F
    // in UTF-8): a text with none of these bytes is fine, without decoding it.
    if !text.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2) {
        return Ok(());
    }
    let multiline = matches!(field, TextField::Notes | TextField::Duty(_));
    let bad = text
        .chars()
        .find(|&ch| ch.is_control() && !(multiline && matches!(ch, '\t' | '\n' | '\r')));
    match bad {
        Some(ch) => Err(Rule::ControlCharacter {
            node: name(id),
            field,
            code: u32::from(ch),
        }),
        None => Ok(()),
    }
}

/// Checks every text of a node: title, holder, notes and duties.
pub(super) fn check_texts(
    id: NodeId,
    node: &super::node::Node,
    name: &Namer<'_>,
) -> Result<(), Rule> {
    check_text(id, TextField::Title, &node.title, name)?;
    if let Some(holder) = &node.holder {
        check_text(id, TextField::Holder, holder, name)?;
    }
    check_text(id, TextField::Notes, &node.notes, name)?;
    if let Some(reference) = &node.reference {
        check_text(id, TextField::Reference, reference, name)?;
    }
    for (index, duty) in node.duties.iter().enumerate() {
        check_text(id, TextField::Duty(index), duty, name)?;
    }
    Ok(())
}

/// Checks a node's own content: headcount, pin and texts.
pub(super) fn check_content(
    id: NodeId,
    node: &super::node::Node,
    name: &Namer<'_>,
) -> Result<(), Rule> {
    check_headcount(id, node.headcount, name)?;
    check_pin(id, node.pin, name)?;
    check_texts(id, node, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: NodeId) -> NodeName {
        NodeName {
            id,
            kind: NodeKind::Position,
            title: format!("n{}", id.0),
        }
    }

    #[test]
    fn control_characters_are_refused_except_layout_ones_in_long_texts() {
        let id = NodeId(1);
        assert!(check_text(id, TextField::Title, "销售\u{0}主管", &name).is_err());
        assert!(check_text(id, TextField::Title, "a\tb", &name).is_err());
        assert!(check_text(id, TextField::Holder, "a\nb", &name).is_err());
        assert!(check_text(id, TextField::Notes, "a\tb\r\nc", &name).is_ok());
        assert!(check_text(id, TextField::Duty(0), "a\nb", &name).is_ok());
        assert!(check_text(id, TextField::Duty(0), "a\u{7}b", &name).is_err());
        let error = check_text(id, TextField::Duty(2), "x\u{0}", &name).unwrap_err();
        assert_eq!(
            error.to_string(),
            "“n1” (#1) has a control character (U+0000) in its duty 3; the file may be damaged"
        );
    }
}
