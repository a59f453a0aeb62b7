//! A roster's rows into a chart. Every row comes in: as a post (or a unit, for rows whose
//! kind says so); departments become unit cards between a department's top posts and
//! their manager; problems (an unknown manager, a reporting cycle, a repeated id, people
//! with the same name, a row without a title) are told with their line and what was done.

use std::borrow::Cow;
use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use super::columns::{name_key, Columns, ManagerKey, Mapping, Meaning, Person};
use super::{ImportError, Row, Table};
use crate::model::{Chart, ChartStats, NodeId, NodeKind};

/// A chart made from a roster, with what the user should know.
#[derive(Clone, Debug)]
pub struct Import {
    /// The chart.
    pub chart: Chart,
    /// Posts (positions and assistants).
    pub posts: usize,
    /// Posts with no post above them.
    pub top_posts: usize,
    /// Management layers: the most positions on one reporting chain.
    pub depth: usize,
    /// Unit cards, from departments or from unit rows.
    pub units: usize,
    /// Rows left out because their status says the person has left (inactive, 离职).
    pub left_out: usize,
    /// Every problem, in file order.
    pub problems: Vec<ImportProblem>,
}

/// A problem with one row, and what was done about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// The row's line in the file (or its sheet row).
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong with a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Its manager is not in the file.
    UnknownManager {
        /// The manager as written.
        manager: String,
    },
    /// It reports in a circle with the rows on these lines.
    Cycle {
        /// The lines of the circle, starting with this row's.
        lines: Vec<usize>,
    },
    /// Its id is also on an earlier line.
    RepeatedId {
        /// The id.
        id: String,
        /// The line that has it first.
        first: usize,
    },
    /// Several people are called the name managers are given by.
    SameName {
        /// The name.
        name: String,
        /// The lines of the people called it.
        lines: Vec<usize>,
    },
    /// It has no title.
    NoTitle,
    /// An assistant that reports to no position, or that people report to.
    NotAnAssistant {
        /// People report to it (else: it reports to no position).
        has_reports: bool,
    },
    /// Its headcount is not a whole number of at least 1.
    BadHeadcount {
        /// The cell as written.
        text: String,
    },
    /// A dotted-line manager that is not in the file, or not a position.
    BadDotted {
        /// The dotted-line manager as written.
        manager: String,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::UnknownManager { manager } => write!(
                f,
                "the manager “{manager}” is not in the file; the post became a top post"
            ),
            ProblemKind::Cycle { lines } => {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "reports in a circle (lines {}); this post became a top post to break it",
                    lines.join(" → ")
                )
            }
            ProblemKind::RepeatedId { id, first } => write!(
                f,
                "the id {id} is also on line {first}; this row became a post of its own, and managers given as {id} are line {first}"
            ),
            ProblemKind::SameName { name, lines } => {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "{} people are called “{name}” (lines {}); managers named so were matched to line {}",
                    lines.len(),
                    lines.join(", "),
                    lines[0]
                )
            }
            ProblemKind::NoTitle => f.write_str("the row has no title; the post is untitled"),
            ProblemKind::NotAnAssistant { has_reports: true } => f.write_str(
                "an assistant manages no one, but people report to this one; it became a position",
            ),
            ProblemKind::NotAnAssistant { has_reports: false } => f.write_str(
                "an assistant reports to a position, and this one does not; it became a position",
            ),
            ProblemKind::BadHeadcount { text } => write!(
                f,
                "the headcount “{text}” is not a whole number of at least 1; 1 was used"
            ),
            ProblemKind::BadDotted { manager } => write!(
                f,
                "the dotted-line manager “{manager}” is not a position in the file; that dotted line was left out"
            ),
        }
    }
}

/// One data row, read.
/// Texts borrow from the table's rows where they need no change.
struct Entry<'t> {
    line: usize,
    /// The row's id, as written.
    id: Option<&'t str>,
    /// The holder's name.
    holder: Option<Cow<'t, str>>,
    /// How the manager column would name this person (when not by id), as compared.
    key: Option<String>,
    manager: Option<&'t str>,
    title: Cow<'t, str>,
    unit: Cow<'t, str>,
    kind: NodeKind,
    headcount: u32,
    reference: Option<Cow<'t, str>>,
    duties: Vec<String>,
    notes: String,
    dotted: Vec<&'t str>,
}

/// The roster being built: its entries, their managers, what went wrong.
struct Roster<'m, 't> {
    mapping: &'m Mapping,
    entries: Vec<Entry<'t>>,
    /// Each entry's manager (an index into `entries`).
    parent: Vec<Option<usize>>,
    problems: Vec<ImportProblem>,
    left_out: usize,
    /// Each entry's dotted-line managers (indices into `entries`), as far as found.
    dotted: Vec<Vec<Option<usize>>>,
}

/// Builds the chart `table` holds, read as `mapping` says, titled `title`.
pub fn build(table: &Table, mapping: &Mapping, title: &str) -> Result<Import, ImportError> {
    let mut roster = Roster::read(mapping, mapping.data(table));
    roster.resolve_managers();
    roster.break_cycles();
    roster.check_assistants();
    let (records, roots) = roster.records();
    let chart =
        Chart::from_records(title.to_owned(), String::new(), roots, records).map_err(|errors| {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            ImportError::unreadable(
                &table.source,
                format!("the roster did not make a valid chart ({first}); please report this"),
            )
        })?;
    roster.problems.sort_by_key(|p| p.line);
    let stats = ChartStats::of(&chart);
    Ok(Import {
        top_posts: top_posts(&chart),
        posts: stats.positions + stats.assistants,
        depth: stats.layers,
        units: stats.units,
        left_out: roster.left_out,
        problems: roster.problems,
        chart,
    })
}

impl Import {
    /// "1,516 posts · 1 top post · depth 10 · 3 units · 2 problems".
    pub fn summary(&self) -> String {
        [
            count(self.posts, "post", "posts"),
            count(self.top_posts, "top post", "top posts"),
            format!("depth {}", self.depth),
            count(self.units, "unit", "units"),
            count(self.problems.len(), "problem", "problems"),
        ]
        .join(" · ")
    }
}

/// `n` and the word for it: "1 post", "1,516 posts".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    format!("{text} {}", if n == 1 { one } else { many })
}

/// Posts with no post above them.
fn top_posts(chart: &Chart) -> usize {
    let mut count = 0;
    let mut stack: Vec<NodeId> = chart.roots().to_vec();
    while let Some(id) = stack.pop() {
        match chart.node(id).map(|n| n.kind) {
            Some(NodeKind::Unit) => stack.extend_from_slice(chart.children(id)),
            Some(_) => count += 1,
            None => {}
        }
    }
    count
}

/// A single-line text: control characters (a line break typed in an Excel cell) become
/// spaces. Borrowed when there are none.
fn one_line(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// [`one_line`] of a text that may already be owned.
fn one_line_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => one_line(text),
        Cow::Owned(text) => Cow::Owned(one_line(&text).into_owned()),
    }
}

/// A multi-line text, keeping tabs and line breaks but no other control characters.
fn many_lines(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// The kind a kind cell says: 助理, assistant, 1, true, yes and 是 make an assistant;
/// unit and 部门 a unit; anything else a position.
fn kind_of(cell: &str) -> NodeKind {
    let key = cell.trim().to_lowercase();
    match key.as_str() {
        "助理" | "assistant" | "1" | "true" | "yes" | "y" | "是" | "x" => NodeKind::Assistant,
        "unit" | "部门" | "department" | "单位" => NodeKind::Unit,
        _ if key.contains("assistant") || key.contains("助理") => NodeKind::Assistant,
        _ => NodeKind::Position,
    }
}

/// True when a status says the person has left.
fn has_left(status: &str) -> bool {
    let key = status.trim().to_lowercase();
    [
        "inactive",
        "terminated",
        "resigned",
        "former",
        "withdrawn",
        "离职",
        "已离职",
        "停用",
    ]
    .iter()
    .any(|word| key.starts_with(word))
        || key == "left"
}

impl<'m, 't> Roster<'m, 't> {
    /// Reads each data row; rows of people who have left are counted and left out.
    fn read(mapping: &'m Mapping, rows: &'t [Row]) -> Roster<'m, 't> {
        let mut roster = Roster {
            mapping,
            entries: Vec::with_capacity(rows.len()),
            parent: Vec::new(),
            dotted: Vec::new(),
            problems: Vec::new(),
            left_out: 0,
        };
        let columns = mapping.lookup();
        for row in rows {
            if has_left(columns.cell(row, Meaning::Status)) {
                roster.left_out += 1;
                continue;
            }
            let entry = roster.entry(row, &columns);
            roster.entries.push(entry);
        }
        roster.parent = vec![None; roster.entries.len()];
        roster
    }

    fn entry(&mut self, row: &'t Row, columns: &Columns) -> Entry<'t> {
        let cell = |meaning| columns.cell(row, meaning);
        let title = one_line(cell(Meaning::Title));
        let kind = kind_of(cell(Meaning::Kind));
        if title.is_empty() && kind != NodeKind::Unit {
            self.problem(row.line, ProblemKind::NoTitle);
        }
        let headcount = match cell(Meaning::Headcount) {
            "" => 1,
            text => match text.parse::<f64>() {
                Ok(value)
                    if value >= 1.0 && value.fract() == 0.0 && value <= f64::from(u32::MAX) =>
                {
                    value as u32
                }
                _ => {
                    self.problem(
                        row.line,
                        ProblemKind::BadHeadcount {
                            text: text.to_owned(),
                        },
                    );
                    1
                }
            },
        };
        let person = Person::of(columns, row);
        let key = match self.mapping.manager_key {
            ManagerKey::Id => None,
            by => person.key(by),
        };
        let reference = if self.mapping.column(Meaning::Reference).is_some() {
            cell(Meaning::Reference)
        } else {
            cell(Meaning::Id)
        };
        Entry {
            line: row.line,
            id: person.id,
            holder: person.full_name().map(one_line_cow),
            key,
            manager: Some(cell(Meaning::Manager)).filter(|m| !m.is_empty()),
            title,
            unit: one_line(cell(Meaning::Unit)),
            kind,
            headcount,
            reference: Some(one_line(reference)).filter(|r| !r.is_empty()),
            duties: cell(Meaning::Duties)
                .lines()
                .map(|line| one_line(line.trim()).into_owned())
                .filter(|line| !line.is_empty())
                .collect(),
            notes: many_lines(cell(Meaning::Notes)),
            dotted: cell(Meaning::Dotted)
                .split([';', ','])
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .collect(),
        }
    }

    fn problem(&mut self, line: usize, kind: ProblemKind) {
        self.problems.push(ImportProblem { line, kind });
    }

    /// Finds each entry's manager and dotted-line managers; a repeated id, a missing
    /// manager or several people of the manager's name are told.
    fn resolve_managers(&mut self) {
        let entries = &self.entries;
        // Each id (as compared) to the first entry with it; later ones are repeats.
        let mut ids: FxHashMap<Cow<'_, str>, usize> =
            FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        let mut problems = Vec::new();
        for (at, entry) in entries.iter().enumerate() {
            if let Some(id) = entry.id {
                let key = name_key(id);
                match ids.get(&key) {
                    Some(&first) => problems.push(ImportProblem {
                        line: entry.line,
                        kind: ProblemKind::RepeatedId {
                            id: id.to_owned(),
                            first: entries[first].line,
                        },
                    }),
                    None => {
                        ids.insert(key, at);
                    }
                }
            }
        }
        let by_id = self.mapping.manager_key == ManagerKey::Id;
        let mut by_key: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        if !by_id {
            for (at, entry) in entries.iter().enumerate() {
                if let Some(key) = entry.key.as_deref().filter(|k| !k.is_empty()) {
                    by_key.entry(key).or_default().push(at);
                }
            }
        }
        let has_zero = ids.contains_key("0");
        let mut ambiguous: FxHashSet<&str> = FxHashSet::default();
        let mut parents = vec![None; entries.len()];
        for (at, entry) in entries.iter().enumerate() {
            let Some(manager) = entry.manager else {
                continue;
            };
            let wanted = name_key(manager);
            let own = entry.id.map(name_key);
            if is_top_marker(&wanted, own.as_deref(), has_zero) {
                continue;
            }
            let found = if by_id {
                ids.get(&wanted).copied()
            } else {
                by_key
                    .get_key_value(wanted.as_ref())
                    .map(|(&name, people)| {
                        if people.len() > 1 && ambiguous.insert(name) {
                            problems.push(ImportProblem {
                                line: entries[people[0]].line,
                                kind: ProblemKind::SameName {
                                    name: manager.to_owned(),
                                    lines: people.iter().map(|&p| entries[p].line).collect(),
                                },
                            });
                        }
                        people[0]
                    })
            };
            match found {
                Some(found) if found != at => parents[at] = Some(found),
                Some(_) => {}
                None => problems.push(ImportProblem {
                    line: entry.line,
                    kind: ProblemKind::UnknownManager {
                        manager: manager.to_owned(),
                    },
                }),
            }
        }
        let dotted = entries
            .iter()
            .map(|entry| {
                entry
                    .dotted
                    .iter()
                    .map(|manager| ids.get(&name_key(manager)).copied())
                    .collect()
            })
            .collect();
        self.parent = parents;
        self.dotted = dotted;
        self.problems.extend(problems);
    }

    /// Breaks every reporting circle at its first row in the file, which becomes a top
    /// post, and says which rows were in it.
    fn break_cycles(&mut self) {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.entries.len()];
        for start in 0..self.entries.len() {
            let mut path = Vec::new();
            let mut at = Some(start);
            while let Some(node) = at {
                match state[node] {
                    DONE => break,
                    ON_PATH => {
                        let from = path.iter().position(|&p| p == node).unwrap_or(0);
                        let circle = &path[from..];
                        let first = circle.iter().copied().min().unwrap_or(node);
                        let turn = circle.iter().position(|&p| p == first).unwrap_or(0);
                        let lines: Vec<usize> = circle[turn..]
                            .iter()
                            .chain(&circle[..turn])
                            .map(|&p| self.entries[p].line)
                            .collect();
                        self.parent[first] = None;
                        let line = self.entries[first].line;
                        self.problem(line, ProblemKind::Cycle { lines });
                        break;
                    }
                    _ => {
                        state[node] = ON_PATH;
                        path.push(node);
                        at = self.parent[node];
                    }
                }
            }
            for node in path {
                state[node] = DONE;
            }
        }
    }

    /// An assistant must report to a position and manage no one; one that does not is
    /// made a position, and says so.
    fn check_assistants(&mut self) {
        let mut has_reports = vec![false; self.entries.len()];
        for parent in self.parent.iter().flatten() {
            has_reports[*parent] = true;
        }
        // First those that manage people, then those left under no position.
        let mut changed = Vec::new();
        for (entry, &reports) in self.entries.iter_mut().zip(&has_reports) {
            if entry.kind == NodeKind::Assistant && reports {
                entry.kind = NodeKind::Position;
                changed.push((entry.line, true));
            }
        }
        let kinds: Vec<NodeKind> = self.entries.iter().map(|e| e.kind).collect();
        for (entry, parent) in self.entries.iter_mut().zip(&self.parent) {
            let under_position = parent.is_some_and(|p| kinds[p] == NodeKind::Position);
            if entry.kind == NodeKind::Assistant && !under_position {
                entry.kind = NodeKind::Position;
                changed.push((entry.line, false));
            }
        }
        for (line, has_reports) in changed {
            self.problem(line, ProblemKind::NotAnAssistant { has_reports });
        }
    }

    /// True when departments become unit cards: the mapping asks for it, there is a unit
    /// column, and no row is a unit itself (Organigram's own export has unit rows).
    fn departments_become_units(&self) -> bool {
        self.mapping.units
            && self.mapping.column(Meaning::Unit).is_some()
            && self.entries.iter().all(|e| e.kind != NodeKind::Unit)
    }
}

/// True when a manager cell means "no manager": NO_MGR, NO_MANAGER, none, the row's own
/// id, or 0 when no row has id 0.
fn is_top_marker(manager: &str, own_id: Option<&str>, zero_is_an_id: bool) -> bool {
    matches!(
        manager,
        "no_mgr" | "no_manager" | "nomgr" | "none" | "n/a" | "-" | "无"
    ) || own_id == Some(manager)
        || (manager == "0" && !zero_is_an_id)
}

mod records;
