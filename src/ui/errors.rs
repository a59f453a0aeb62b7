//! Errors from the library, worded in the user's language.
//!
//! The model and the file formats report errors typed ([`EditError`], [`Rule`],
//! [`LoadError`], [`ImportError`], [`SaveError`], [`ExportError`]); their `Display` is
//! English, for the command line. Here the editor words them in the language of the
//! current thread ([`crate::i18n::current`]), with the same `FILE:LINE:COLUMN:` prefixes in
//! every language. What a parser or the system said about a problem (a [`Problem`]'s
//! message, an I/O error) is passed through as it came, in English.
//!
//! [`Problem`]: crate::format::Problem

use std::io::ErrorKind;

use crate::editor::ErrorDetail;
use crate::export::ExportError;
use crate::format::hr::ImportError;
use crate::format::{LoadError, SaveError};
use crate::model::{EditError, ListKind, NodeKind, NodeName, Rule, TextField};
use crate::t;

/// Why an edit was refused.
pub fn edit_error(error: &EditError) -> String {
    match error {
        EditError::UnknownNode(id) => t!("error-unknown-node", id = id.to_string()),
        EditError::IdInUse(id) => t!("error-id-in-use", id = id.to_string()),
        EditError::IndexOutOfRange { what, index, len } => {
            let id = match what {
                ListKind::Sibling => "error-index-sibling",
                ListKind::Duty => "error-index-duty",
                ListKind::DottedLine => "error-index-dotted-line",
            };
            t!(id, index = index.to_string(), len = len.to_string())
        }
        EditError::Rule(rule) => self::rule(rule),
    }
}

/// A node as messages name it: `“销售部” (#3)`, or `untitled position (#3)`.
pub fn node_name(name: &NodeName) -> String {
    let id = name.id.to_string();
    if !name.title.is_empty() {
        return t!("error-node", title = name.title.as_str(), id = id);
    }
    let message = match name.kind {
        NodeKind::Unit => "error-untitled-unit",
        NodeKind::Position => "error-untitled-position",
        NodeKind::Assistant => "error-untitled-assistant",
    };
    t!(message, id = id)
}

/// Which of a node's texts a message is about: `title`, `duty 3`.
fn field(field: TextField) -> String {
    match field {
        TextField::Title => t!("error-field-title"),
        TextField::Holder => t!("error-field-holder"),
        TextField::Notes => t!("error-field-notes"),
        TextField::Reference => t!("error-field-reference"),
        TextField::Duty(index) => t!("error-field-duty", number = (index + 1).to_string()),
    }
}

/// Why a chart's rule refuses an edit (or a file).
pub fn rule(rule: &Rule) -> String {
    let n = node_name;
    match rule {
        Rule::ReportsToAssistant { child, assistant } => t!(
            "error-rule-reports-to-assistant",
            child = n(child),
            assistant = n(assistant)
        ),
        Rule::AssistantAtTop { assistant } => {
            t!("error-rule-assistant-at-top", assistant = n(assistant))
        }
        Rule::AssistantUnderUnit { assistant, unit } => t!(
            "error-rule-assistant-under-unit",
            assistant = n(assistant),
            unit = n(unit)
        ),
        Rule::ZeroHeadcount { post } => t!("error-rule-zero-headcount", post = n(post)),
        Rule::PinNotFinite { node } => t!("error-rule-pin-not-finite", node = n(node)),
        Rule::ControlCharacter { node, field, code } => t!(
            "error-rule-control-character",
            node = n(node),
            field = self::field(*field),
            code = format!("{code:04X}")
        ),
        Rule::Cycle { node, target } => {
            t!("error-rule-cycle", node = n(node), target = n(target))
        }
        Rule::KindChange {
            node,
            kind,
            because,
        } => {
            let message = match kind {
                NodeKind::Unit => "error-rule-cannot-become-unit",
                NodeKind::Position => "error-rule-cannot-become-position",
                NodeKind::Assistant => "error-rule-cannot-become-assistant",
            };
            t!(message, node = n(node), because = self::rule(because))
        }
        Rule::KeepReports { node, because } => t!(
            "error-rule-keep-reports",
            node = n(node),
            because = self::rule(because)
        ),
        Rule::MalformedRestore { detail } => {
            t!("error-rule-malformed-restore", detail = detail.as_str())
        }
        Rule::DottedToSelf { .. }
        | Rule::DottedFromUnit { .. }
        | Rule::DottedToNonPosition { .. }
        | Rule::DottedRepeatsSolid { .. }
        | Rule::DottedTwice { .. }
        | Rule::NoSuchDotted { .. }
        | Rule::DottedBeforeSolid { .. }
        | Rule::UnitWithDotted { .. }
        | Rule::DottedManagerNotPosition { .. } => dotted_rule(rule),
    }
}

/// The rules about dotted lines.
fn dotted_rule(rule: &Rule) -> String {
    let n = node_name;
    match rule {
        Rule::DottedToSelf { post } => t!("error-rule-dotted-to-self", post = n(post)),
        Rule::DottedFromUnit { unit } => t!("error-rule-dotted-from-unit", unit = n(unit)),
        Rule::DottedToNonPosition { from, to } => t!(
            "error-rule-dotted-to-non-position",
            from = n(from),
            to = n(to)
        ),
        Rule::DottedRepeatsSolid { from, to } => t!(
            "error-rule-dotted-repeats-solid",
            from = n(from),
            to = n(to)
        ),
        Rule::DottedTwice { from, to } => {
            t!("error-rule-dotted-twice", from = n(from), to = n(to))
        }
        Rule::NoSuchDotted { from, to } => {
            t!("error-rule-no-such-dotted", from = n(from), to = n(to))
        }
        Rule::DottedBeforeSolid { node, target } => t!(
            "error-rule-dotted-before-solid",
            node = n(node),
            target = n(target)
        ),
        Rule::UnitWithDotted { .. } => t!("error-rule-unit-with-dotted"),
        Rule::DottedManagerNotPosition { lines, .. } => t!(
            "error-rule-dotted-manager-not-position",
            lines = lines.to_string()
        ),
        // `rule` words the others and sends only these here.
        other => self::rule(other),
    }
}

/// Why something failed, for the error dialog: one problem per line, each starting
/// `FILE:LINE:COLUMN:` (or `FILE:LINE:`, `FILE:`) where the place is known.
pub fn detail(detail: &ErrorDetail) -> String {
    match detail {
        ErrorDetail::Load(error) => load_error(error),
        ErrorDetail::Import(error) => import_error(error),
        ErrorDetail::Save(error) => save_error(error),
        ErrorDetail::Export(error) => export_error(error),
        ErrorDetail::NotHrFile { name } => t!("error-not-hr-file", name = name.as_str()),
    }
}

/// A chart file that did not load.
pub fn load_error(error: &LoadError) -> String {
    match error {
        LoadError::Io {
            source_name,
            message,
        } => format!(
            "{source_name}: {}",
            t!("error-cannot-read", message = message.as_str())
        ),
        LoadError::TooLarge {
            source_name,
            bytes,
            limit,
        } => format!(
            "{source_name}: {}",
            t!(
                "error-chart-too-large",
                bytes = bytes.to_string(),
                limit = limit.to_string()
            )
        ),
        LoadError::NewerVersion {
            source_name,
            found,
            supported,
        } => format!(
            "{source_name}: {}",
            t!(
                "error-newer-version",
                found = format!("{}.{}", found.0, found.1),
                supported = supported.0.to_string()
            )
        ),
        LoadError::Invalid {
            source_name,
            problems,
        } => problems
            .iter()
            .map(|problem| {
                let words = t!("error-invalid-chart", message = problem.message.as_str());
                match problem.at {
                    Some((line, column)) => format!("{source_name}:{line}:{column}: {words}"),
                    None => format!("{source_name}: {words}"),
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// An HR file that could not be read.
pub fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::Io {
            source_name,
            message,
        } => format!(
            "{source_name}: {}",
            t!("error-cannot-read", message = message.as_str())
        ),
        ImportError::Empty { source_name } => {
            format!("{source_name}: {}", t!("error-roster-empty"))
        }
        ImportError::TooLarge {
            source_name,
            bytes,
            limit,
        } => format!(
            "{source_name}: {}",
            t!(
                "error-roster-too-large",
                bytes = bytes.to_string(),
                limit = limit.to_string()
            )
        ),
        ImportError::At {
            source_name,
            line,
            message,
        } => format!(
            "{source_name}:{line}: {}",
            t!("error-roster-problem", message = message.as_str())
        ),
        ImportError::Unreadable {
            source_name,
            message,
        } => format!(
            "{source_name}: {}",
            t!("error-roster-unreadable", message = message.as_str())
        ),
    }
}

/// A save that did not happen: which step failed, what the system said, and what to do.
pub fn save_error(error: &SaveError) -> String {
    // The library words the step as `STEP: SYSTEM ERROR`; the step is one of a few.
    let system = error.source.to_string();
    let step = error
        .message
        .strip_suffix(system.as_str())
        .and_then(|rest| rest.strip_suffix(": "));
    let message = match step {
        Some(step) => t!(
            "error-save-step",
            step = save_step(step),
            system = system.as_str()
        ),
        None => error.message.clone(),
    };
    t!(
        "error-save",
        path = error.path.display().to_string(),
        message = message,
        hint = save_hint(error.source.kind())
    )
}

/// The step of a save that failed, from the library's English words.
fn save_step(step: &str) -> String {
    let id = match step {
        "cannot create a temporary file beside it" => "error-save-step-temporary",
        "writing failed" => "error-save-step-write",
        "flushing to disk failed" => "error-save-step-flush",
        "cannot set the file's permissions" => "error-save-step-permissions",
        "cannot keep the previous version as .bak" => "error-save-step-backup",
        "cannot replace the file" => "error-save-step-replace",
        other => return other.to_owned(),
    };
    t!(id)
}

/// What the user can do about a save that failed with `kind`.
fn save_hint(kind: ErrorKind) -> String {
    match kind {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            t!("error-save-hint-permission")
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => t!("error-save-hint-full"),
        ErrorKind::NotFound => t!("error-save-hint-no-folder"),
        ErrorKind::NotADirectory => t!("error-save-hint-not-a-folder"),
        _ => t!("error-save-hint-other"),
    }
}

/// An export that did not happen.
pub fn export_error(error: &ExportError) -> String {
    match error {
        ExportError::Save(error) => save_error(error),
        ExportError::TooLarge {
            width,
            height,
            megapixels,
            limit,
        } => t!(
            "error-png-too-large",
            width = width.to_string(),
            height = height.to_string(),
            megapixels = megapixels.to_string(),
            limit = limit.to_string()
        ),
        ExportError::NoSuchRoot(id) => t!("error-export-no-root", id = id.to_string()),
        ExportError::Render(message) => t!("error-render", message = message.as_str()),
        ExportError::BadScale(scale) => t!("error-png-scale", scale = scale.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::i18n::{set_current, Lang};
    use crate::model::NodeId;

    fn named(id: u32, kind: NodeKind, title: &str) -> NodeName {
        NodeName {
            id: NodeId(id),
            kind,
            title: title.to_owned(),
        }
    }

    fn rules() -> Vec<Rule> {
        let sales = named(3, NodeKind::Unit, "销售部");
        let boss = named(4, NodeKind::Position, "销售总监");
        let aide = named(5, NodeKind::Assistant, "");
        let blank = named(6, NodeKind::Position, "");
        let cycle = Rule::Cycle {
            node: boss.clone(),
            target: blank.clone(),
        };
        vec![
            Rule::ReportsToAssistant {
                child: boss.clone(),
                assistant: aide.clone(),
            },
            Rule::AssistantAtTop {
                assistant: aide.clone(),
            },
            Rule::AssistantUnderUnit {
                assistant: aide.clone(),
                unit: sales.clone(),
            },
            Rule::DottedToSelf { post: boss.clone() },
            Rule::DottedFromUnit {
                unit: sales.clone(),
            },
            Rule::DottedToNonPosition {
                from: boss.clone(),
                to: sales.clone(),
            },
            Rule::DottedRepeatsSolid {
                from: boss.clone(),
                to: blank.clone(),
            },
            Rule::DottedTwice {
                from: boss.clone(),
                to: blank.clone(),
            },
            Rule::NoSuchDotted {
                from: boss.clone(),
                to: blank.clone(),
            },
            Rule::ZeroHeadcount {
                post: blank.clone(),
            },
            Rule::PinNotFinite { node: aide.clone() },
            Rule::ControlCharacter {
                node: boss.clone(),
                field: TextField::Duty(2),
                code: 7,
            },
            Rule::ControlCharacter {
                node: sales.clone(),
                field: TextField::Reference,
                code: 0,
            },
            cycle.clone(),
            Rule::DottedBeforeSolid {
                node: boss.clone(),
                target: blank.clone(),
            },
            Rule::UnitWithDotted { node: boss.clone() },
            Rule::DottedManagerNotPosition {
                node: boss.clone(),
                lines: 2,
            },
            Rule::KindChange {
                node: blank.clone(),
                kind: NodeKind::Assistant,
                because: Box::new(cycle.clone()),
            },
            Rule::KindChange {
                node: blank.clone(),
                kind: NodeKind::Unit,
                because: Box::new(Rule::UnitWithDotted {
                    node: blank.clone(),
                }),
            },
            Rule::KeepReports {
                node: boss,
                because: Box::new(cycle),
            },
            Rule::MalformedRestore {
                detail: "no such node".to_owned(),
            },
        ]
    }

    fn edit_errors() -> Vec<EditError> {
        let mut errors = vec![
            EditError::UnknownNode(NodeId(9)),
            EditError::IdInUse(NodeId(2)),
        ];
        for what in [ListKind::Sibling, ListKind::Duty, ListKind::DottedLine] {
            errors.push(EditError::IndexOutOfRange {
                what,
                index: 4,
                len: 2,
            });
        }
        errors.extend(rules().into_iter().map(EditError::Rule));
        errors
    }

    #[test]
    fn english_words_are_the_librarys_own() {
        set_current(Lang::English);
        for error in edit_errors() {
            assert_eq!(edit_error(&error), error.to_string());
        }
        let untitled = named(7, NodeKind::Unit, "");
        assert_eq!(node_name(&untitled), untitled.to_string());
    }

    #[test]
    fn chinese_words_leave_nothing_english_but_names() {
        set_current(Lang::Chinese);
        for error in edit_errors() {
            let words = edit_error(&error);
            assert!(!words.contains("error-"), "a missing id: {words}");
            assert!(
                !words.contains(" the ") && !words.contains("cannot"),
                "English left in {words}"
            );
        }
        let cycle = rules()
            .into_iter()
            .find(|r| matches!(r, Rule::Cycle { .. }));
        let words = rule(&cycle.expect("a cycle"));
        assert!(words.contains("“销售总监”（#4）"), "{words}");
        assert!(words.contains("循环"), "{words}");
        set_current(Lang::English);
    }

    fn details() -> Vec<ErrorDetail> {
        let file = "chart.ron".to_owned();
        vec![
            ErrorDetail::Load(LoadError::Io {
                source_name: file.clone(),
                message: "No such file or directory (os error 2)".into(),
            }),
            ErrorDetail::Load(LoadError::TooLarge {
                source_name: file.clone(),
                bytes: 300_000_000,
                limit: 268_435_456,
            }),
            ErrorDetail::Load(LoadError::NewerVersion {
                source_name: file.clone(),
                found: (2, 1),
                supported: (1, 1),
            }),
            ErrorDetail::Load(LoadError::Invalid {
                source_name: file.clone(),
                problems: vec![
                    crate::format::Problem {
                        at: Some((3, 7)),
                        message: "Expected closing `)`".into(),
                    },
                    crate::format::Problem {
                        at: None,
                        message: "format 0.1 is not an Organigram format".into(),
                    },
                ],
            }),
            ErrorDetail::Import(ImportError::Io {
                source_name: "hr.csv".into(),
                message: "denied".into(),
            }),
            ErrorDetail::Import(ImportError::Empty {
                source_name: "hr.csv".into(),
            }),
            ErrorDetail::Import(ImportError::TooLarge {
                source_name: "hr.xlsx".into(),
                bytes: 9,
                limit: 8,
            }),
            ErrorDetail::Import(ImportError::At {
                source_name: "hr.csv".into(),
                line: 12,
                message: "a quote is not closed".into(),
            }),
            ErrorDetail::Import(ImportError::Unreadable {
                source_name: "hr.csv".into(),
                message: "no column holds titles".into(),
            }),
            ErrorDetail::NotHrFile {
                name: "as-is.ron".into(),
            },
        ]
        .into_iter()
        .chain(export_details())
        .collect()
    }

    fn export_details() -> Vec<ErrorDetail> {
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        let save = SaveError {
            path: "/tmp/out/chart.svg".into(),
            message: format!("cannot replace the file: {denied}"),
            hint: "You may not write there: choose another folder with Save As, or ask for write permission.".into(),
            source: denied,
        };
        vec![
            ErrorDetail::Export(Arc::new(ExportError::Save(save))),
            ErrorDetail::Export(Arc::new(ExportError::TooLarge {
                width: 40_000,
                height: 30_000,
                megapixels: 1_200,
                limit: 400,
            })),
            ErrorDetail::Export(Arc::new(ExportError::NoSuchRoot(NodeId(8)))),
            ErrorDetail::Export(Arc::new(ExportError::Render("bad".into()))),
            ErrorDetail::Export(Arc::new(ExportError::BadScale(4.5))),
        ]
    }

    #[test]
    fn details_in_english_are_the_librarys_own_words() {
        set_current(Lang::English);
        for error in details() {
            assert_eq!(detail(&error), error.to_string());
        }
    }

    #[test]
    fn details_in_chinese_keep_the_places() {
        set_current(Lang::Chinese);
        for error in details() {
            let words = detail(&error);
            assert!(!words.contains("error-"), "a missing id: {words}");
            assert!(words.chars().any(crate::fonts::is_wide), "{words}");
        }
        let invalid = detail(&details()[3]);
        let lines: Vec<&str> = invalid.lines().collect();
        assert_eq!(lines.len(), 2, "one problem a line");
        assert!(lines[0].starts_with("chart.ron:3:7: "), "{invalid}");
        assert!(lines[1].starts_with("chart.ron: "), "{invalid}");
        assert!(detail(&details()[7]).starts_with("hr.csv:12: "));
        assert!(detail(&details()[0]).contains("无法读取文件"));
        set_current(Lang::English);
    }
}
