//! A diff in words: a readable change list with the summary, the JSON `organigram diff
//! --json` writes, and the rows of the change table (CSV and Excel).

use std::fmt::Write;

use serde_json::{json, Value};

use super::{Change, ChangeKind, Diff, FieldChange, FieldName, What};
use crate::i18n::{tr, Lang};
use crate::model::{Chart, NodeId, NodeKind};

/// The two charts a diff was made from, to name the nodes it refers to.
#[derive(Clone, Copy)]
pub struct Charts<'a> {
    /// The old chart (the as-is).
    pub old: &'a Chart,
    /// The new chart (the to-be).
    pub new: &'a Chart,
}

impl Charts<'_> {
    /// `销售主管 #5` for a node of the old chart; the top, in `lang`, for none.
    fn old_name(&self, id: Option<NodeId>, lang: Lang) -> String {
        name(self.old, id, lang)
    }

    /// The same for the new chart.
    fn new_name(&self, id: Option<NodeId>, lang: Lang) -> String {
        name(self.new, id, lang)
    }
}

fn name(chart: &Chart, id: Option<NodeId>, lang: Lang) -> String {
    match id.and_then(|id| chart.node(id).map(|n| (id, n))) {
        Some((id, node)) => format!("{} {id}", node.title),
        None => tr(lang, "change-top"),
    }
}

/// The old and new value of a changed field, in words of `lang` (`vacant` for no
/// holder, titles for dotted-line managers, the removed and added lines for duties).
pub fn value_texts(field: &FieldChange, charts: Charts, lang: Lang) -> (String, String) {
    let holder = |h: &Option<String>| h.clone().unwrap_or_else(|| tr(lang, "change-vacant"));
    let none = || tr(lang, "change-none");
    let optional = |v: &Option<String>| v.clone().unwrap_or_else(none);
    let titles = |chart: &Chart, ids: &[NodeId]| {
        if ids.is_empty() {
            return none();
        }
        ids.iter()
            .map(|&id| name(chart, Some(id), lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kind = |kind: NodeKind| {
        tr(
            lang,
            match kind {
                NodeKind::Unit => "change-kind-unit",
                NodeKind::Position => "change-kind-position",
                NodeKind::Assistant => "change-kind-assistant",
            },
        )
    };
    match field {
        FieldChange::Title { old, new } | FieldChange::Notes { old, new } => {
            (old.clone(), new.clone())
        }
        FieldChange::Holder { old, new } => (holder(old), holder(new)),
        FieldChange::Kind { old, new } => (kind(*old), kind(*new)),
        FieldChange::Headcount { old, new } => (old.to_string(), new.to_string()),
        FieldChange::Duties { removed, added } => (removed.join("\n"), added.join("\n")),
        FieldChange::Dotted { old, new } => (titles(charts.old, old), titles(charts.new, new)),
        FieldChange::Colour { old, new } => (
            old.map_or_else(none, |c| c.to_hex()),
            new.map_or_else(none, |c| c.to_hex()),
        ),
        FieldChange::Reference { old, new } => (optional(old), optional(new)),
    }
}

/// One change in a line, in `lang`: `销售工程师 (王五) #12: holder 李娜 → 王芳` in
/// English, `销售工程师 (王五) #12：任职者 李娜 → 王芳` in Chinese.
pub fn describe(change: &Change, charts: Charts, lang: Lang) -> String {
    let who = match &change.holder {
        Some(holder) if change.node_kind.is_post() => {
            format!("{} ({holder}) {}", change.title, change.id)
        }
        _ => format!("{} {}", change.title, change.id),
    };
    let who = who.as_str();
    match &change.what {
        What::Added => {
            let under = charts.new_name(charts.new.parent(change.id), lang);
            crate::tr!(lang, "change-line-added", who = who, manager = under)
        }
        What::Removed { manager, .. } => {
            let under = charts.old_name(*manager, lang);
            crate::tr!(lang, "change-line-removed", who = who, manager = under)
        }
        What::Moved { from, to } => crate::tr!(
            lang,
            "change-line-moved",
            who = who,
            from = charts.old_name(*from, lang),
            to = charts.new_name(*to, lang)
        ),
        What::Changed(FieldChange::Duties { removed, added }) => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("+{} (“{}”)", added.len(), short(&added[0])));
            }
            if !removed.is_empty() {
                parts.push(format!("-{} (“{}”)", removed.len(), short(&removed[0])));
            }
            crate::tr!(
                lang,
                "change-line-duties",
                who = who,
                parts = parts.join(", ")
            )
        }
        What::Changed(field) => {
            let (old, new) = value_texts(field, charts, lang);
            crate::tr!(
                lang,
                "change-line-field",
                who = who,
                field = field_word(field.field(), lang),
                old = short(&old),
                new = short(&new)
            )
        }
    }
}

/// A changed field's name in `lang`: in English its name in files (`holder`, `ref`).
pub fn field_word(field: FieldName, lang: Lang) -> String {
    let id = match field {
        FieldName::Title => "legend-field-title",
        FieldName::Holder => "legend-field-holder",
        FieldName::Kind => "legend-field-kind",
        FieldName::Headcount => "legend-field-headcount",
        FieldName::Duties => "legend-field-duties",
        FieldName::Dotted => "legend-field-dotted",
        FieldName::Notes => "legend-field-notes",
        FieldName::Colour => "legend-field-colour",
        FieldName::Reference => "legend-field-reference",
    };
    tr(lang, id)
}

/// `text` cut to 40 characters with an ellipsis, on one line.
fn short(text: &str) -> String {
    let line = text.replace('\n', " ");
    if line.chars().count() <= 40 {
        line
    } else {
        let cut: String = line.chars().take(39).collect();
        format!("{cut}…")
    }
}

/// A figure as text: whole numbers plainly, the mean span with two decimals.
fn figure_text(value: f64, whole: bool) -> String {
    if whole {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// The signed change of a figure: `+2`, `-1`, `0`.
pub fn delta_text(delta: f64, whole: bool) -> String {
    let size = figure_text(delta.abs(), whole);
    if delta > 0.0 {
        format!("+{size}")
    } else if delta < 0.0 {
        format!("-{size}")
    } else {
        size
    }
}

/// The summary table and the changes grouped by kind, as `organigram diff` prints them.
pub fn text(diff: &Diff, charts: Charts) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<11}{:>10}{:>10}{:>10}",
        "", "before", "after", "change"
    );
    for (label, figure, whole) in diff.summary.rows() {
        let _ = writeln!(
            out,
            "{:<11}{:>10}{:>10}{:>10}",
            label.replace('_', " "),
            figure_text(figure.before, whole),
            figure_text(figure.after, whole),
            delta_text(figure.delta(), whole)
        );
    }
    let counts: Vec<String> = ChangeKind::ALL
        .iter()
        .map(|&kind| format!("{} {}", diff.count(kind), kind.name()))
        .collect();
    let _ = writeln!(
        out,
        "\n{} (matched by {})",
        counts.join(" · "),
        diff.match_by.name()
    );
    for kind in ChangeKind::ALL {
        let mut group = diff.changes.iter().filter(|c| c.kind() == kind).peekable();
        if group.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "\n{}:", heading(kind));
        for change in group {
            let _ = writeln!(out, "  {}", describe(change, charts, Lang::English));
        }
    }
    out
}

/// A group's heading.
pub fn heading(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "New",
        ChangeKind::Removed => "Removed",
        ChangeKind::Moved => "Moved",
        ChangeKind::Changed => "Changed",
    }
}

/// The diff as `organigram diff --json` writes it.
pub fn json(diff: &Diff) -> Value {
    let mut summary = serde_json::Map::new();
    for (label, figure, whole) in diff.summary.rows() {
        let number = |v: f64| if whole { json!(v as i64) } else { json!(v) };
        summary.insert(
            label.to_owned(),
            json!({
                "before": number(figure.before),
                "after": number(figure.after),
                "delta": number(figure.delta()),
            }),
        );
    }
    summary.insert("match".to_owned(), json!(diff.match_by.name()));
    for kind in ChangeKind::ALL {
        summary.insert(kind.name().to_owned(), json!(diff.count(kind)));
    }
    let changes: Vec<Value> = diff.changes.iter().map(change_json).collect();
    json!({ "summary": summary, "changes": changes })
}

fn change_json(change: &Change) -> Value {
    let mut entry = serde_json::Map::new();
    entry.insert("change".to_owned(), json!(change.kind().name()));
    entry.insert("id".to_owned(), json!(change.id.0));
    entry.insert("title".to_owned(), json!(change.title));
    match &change.what {
        What::Added | What::Removed { .. } => {}
        What::Moved { from, to } => {
            entry.insert("from".to_owned(), json!(from.map(|id| id.0)));
            entry.insert("to".to_owned(), json!(to.map(|id| id.0)));
        }
        What::Changed(field) => {
            let (old, new) = field_json(field);
            entry.insert("field".to_owned(), json!(field.field().name()));
            entry.insert("old".to_owned(), old);
            entry.insert("new".to_owned(), new);
        }
    }
    Value::Object(entry)
}

fn field_json(field: &FieldChange) -> (Value, Value) {
    let ids = |list: &[NodeId]| json!(list.iter().map(|id| id.0).collect::<Vec<_>>());
    match field {
        FieldChange::Title { old, new } | FieldChange::Notes { old, new } => {
            (json!(old), json!(new))
        }
        FieldChange::Holder { old, new } | FieldChange::Reference { old, new } => {
            (json!(old), json!(new))
        }
        FieldChange::Kind { old, new } => (json!(old.name()), json!(new.name())),
        FieldChange::Headcount { old, new } => (json!(old), json!(new)),
        FieldChange::Duties { removed, added } => (json!(removed), json!(added)),
        FieldChange::Dotted { old, new } => (ids(old), ids(new)),
        FieldChange::Colour { old, new } => (
            json!(old.map(|c| c.to_hex())),
            json!(new.map(|c| c.to_hex())),
        ),
    }
}

/// The change table's columns.
pub const TABLE_COLUMNS: [&str; 9] = [
    "change", "id", "title", "holder", "from", "to", "field", "old", "new",
];

/// The change list as rows of [`TABLE_COLUMNS`]: ids as numbers, managers named
/// (`大区销售经理 #3`), old and new values in words.
pub fn table_rows(diff: &Diff, charts: Charts) -> Vec<[String; 9]> {
    diff.changes
        .iter()
        .map(|change| {
            let (from, to, field, old, new) = match &change.what {
                What::Added => (
                    String::new(),
                    charts.new_name(charts.new.parent(change.id), Lang::English),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                What::Removed { manager, .. } => (
                    charts.old_name(*manager, Lang::English),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                What::Moved { from, to } => (
                    charts.old_name(*from, Lang::English),
                    charts.new_name(*to, Lang::English),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                What::Changed(field) => {
                    let (old, new) = value_texts(field, charts, Lang::English);
                    (
                        String::new(),
                        String::new(),
                        field.field().name().to_owned(),
                        old,
                        new,
                    )
                }
            };
            [
                change.kind().name().to_owned(),
                change.id.0.to_string(),
                change.title.clone(),
                change.holder.clone().unwrap_or_default(),
                from,
                to,
                field,
                old,
                new,
            ]
        })
        .collect()
}
