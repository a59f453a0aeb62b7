//! A roster's rows into a chart. Every row comes in: as a post (or a unit, for rows whose
//! kind says so); departments become unit cards between a department's top posts and
//! their manager; problems (an unknown manager, a reporting cycle, a repeated id, people
//! with the same name, a row without a title) are told with their line and what was done.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use super::columns::{name_key, people_by, ManagerKey, Mapping, Meaning, Person};
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
struct Entry {
    line: usize,
    person: Person,
    manager: Option<String>,
    title: String,
    unit: String,
    kind: NodeKind,
    headcount: u32,
    reference: Option<String>,
    duties: Vec<String>,
    notes: String,
    dotted: Vec<String>,
}

/// The roster being built: its entries, their managers, what went wrong.
struct Roster<'m> {
    mapping: &'m Mapping,
    entries: Vec<Entry>,
    /// Each entry's manager (an index into `entries`).
    parent: Vec<Option<usize>>,
    problems: Vec<ImportProblem>,
    left_out: usize,
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
/// spaces.
fn one_line(text: &str) -> String {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.to_owned()
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

impl<'m> Roster<'m> {
    /// Reads each data row; rows of people who have left are counted and left out.
    fn read(mapping: &'m Mapping, rows: &[Row]) -> Roster<'m> {
        let mut roster = Roster {
            mapping,
            entries: Vec::with_capacity(rows.len()),
            parent: Vec::new(),
            problems: Vec::new(),
            left_out: 0,
        };
        for row in rows {
            let cell = |meaning| {
                mapping
                    .column(meaning)
                    .and_then(|at| row.cells.get(at))
                    .map_or("", String::as_str)
            };
            if has_left(cell(Meaning::Status)) {
                roster.left_out += 1;
                continue;
            }
            let entry = roster.entry(row, &cell);
            roster.entries.push(entry);
        }
        roster.parent = vec![None; roster.entries.len()];
        roster
    }

    fn entry<'c>(&mut self, row: &Row, cell: &impl Fn(Meaning) -> &'c str) -> Entry {
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
        let mut person = Person::of(self.mapping, row);
        person.full_name = person.full_name.map(|name| one_line(&name));
        let reference = if self.mapping.column(Meaning::Reference).is_some() {
            Some(cell(Meaning::Reference))
        } else {
            Some(cell(Meaning::Id))
        };
        Entry {
            line: row.line,
            person,
            manager: Some(cell(Meaning::Manager).to_owned()).filter(|m| !m.is_empty()),
            title,
            unit: one_line(cell(Meaning::Unit)),
            kind,
            headcount,
            reference: reference.map(one_line).filter(|r| !r.is_empty()),
            duties: cell(Meaning::Duties)
                .lines()
                .map(|line| one_line(line.trim()))
                .filter(|line| !line.is_empty())
                .collect(),
            notes: many_lines(cell(Meaning::Notes)),
            dotted: cell(Meaning::Dotted)
                .split([';', ','])
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    fn problem(&mut self, line: usize, kind: ProblemKind) {
        self.problems.push(ImportProblem { line, kind });
    }

    /// Each entry's id (as compared) to the first entry with it; later ones are repeats.
    fn ids(&mut self) -> FxHashMap<String, usize> {
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut repeats = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            if let Some(id) = &entry.person.id {
                match ids.get(&name_key(id)) {
                    Some(&first) => {
                        repeats.push((entry.line, id.clone(), self.entries[first].line))
                    }
                    None => {
                        ids.insert(name_key(id), at);
                    }
                }
            }
        }
        for (line, id, first) in repeats {
            self.problem(line, ProblemKind::RepeatedId { id, first });
        }
        ids
    }

    /// Finds each entry's manager; a missing one leaves a top post, and says so.
    fn resolve_managers(&mut self) {
        let ids = self.ids();
        let key = self.mapping.manager_key;
        let by_name: FxHashMap<String, Vec<usize>> = match key {
            ManagerKey::Id => FxHashMap::default(),
            ManagerKey::Name => people_by(self.entries.iter().map(|e| e.person.full_name.clone())),
            ManagerKey::LastFirst => {
                people_by(self.entries.iter().map(|e| e.person.last_first.clone()))
            }
            ManagerKey::Email => people_by(self.entries.iter().map(|e| e.person.email.clone())),
        };
        let has_zero = ids.contains_key("0");
        let mut ambiguous: FxHashSet<String> = FxHashSet::default();
        for at in 0..self.entries.len() {
            let Some(manager) = self.entries[at].manager.clone() else {
                continue;
            };
            let wanted = name_key(&manager);
            let own = self.entries[at].person.id.as_deref().map(name_key);
            if is_top_marker(&wanted, own.as_deref(), has_zero) {
                continue;
            }
            let found = match key {
                ManagerKey::Id => ids.get(&wanted).copied(),
                _ => by_name.get(&wanted).and_then(|people| {
                    if people.len() > 1 && ambiguous.insert(wanted.clone()) {
                        let lines = people.iter().map(|&p| self.entries[p].line).collect();
                        self.problems.push(ImportProblem {
                            line: self.entries[people[0]].line,
                            kind: ProblemKind::SameName {
                                name: manager.clone(),
                                lines,
                            },
                        });
                    }
                    people.first().copied()
                }),
            };
            match found {
                Some(found) if found != at => self.parent[at] = Some(found),
                Some(_) => {}
                None => {
                    let line = self.entries[at].line;
                    self.problem(line, ProblemKind::UnknownManager { manager });
                }
            }
        }
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
