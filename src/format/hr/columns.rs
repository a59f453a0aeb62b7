//! What a roster's columns mean: the header row (below any title rows; SuccessFactors'
//! second header row skipped), each header matched in English and Chinese, and how
//! managers are named.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::{Row, Table};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// Nothing Organigram reads.
    Ignore,
    /// The row's id: employee or position number.
    Id,
    /// The id in the HR system, when the row's own id is Organigram's (its own export).
    Reference,
    /// The manager: by id, name or email.
    Manager,
    /// The holder's full name.
    Name,
    /// The holder's given name.
    FirstName,
    /// The holder's family name.
    LastName,
    /// The post's title.
    Title,
    /// The department.
    Unit,
    /// Unit, position or assistant (助理, "assistant", 1, true and yes make an assistant).
    Kind,
    /// The holder's email.
    Email,
    /// How many people the post stands for (headcount, FTE).
    Headcount,
    /// Employment status: inactive and 离职 rows are left out.
    Status,
    /// Duties, one per line.
    Duties,
    /// Notes.
    Notes,
    /// Dotted-line managers, by id, separated by `;`.
    Dotted,
}

impl Meaning {
    /// Every meaning, in the order menus list them.
    pub const ALL: [Meaning; 16] = [
        Meaning::Ignore,
        Meaning::Id,
        Meaning::Manager,
        Meaning::Title,
        Meaning::Name,
        Meaning::FirstName,
        Meaning::LastName,
        Meaning::Unit,
        Meaning::Kind,
        Meaning::Email,
        Meaning::Headcount,
        Meaning::Status,
        Meaning::Reference,
        Meaning::Duties,
        Meaning::Notes,
        Meaning::Dotted,
    ];

    /// A short English name, for the command line and messages.
    pub fn name(self) -> &'static str {
        match self {
            Meaning::Ignore => "ignore",
            Meaning::Id => "id",
            Meaning::Reference => "ref",
            Meaning::Manager => "manager",
            Meaning::Name => "name",
            Meaning::FirstName => "first name",
            Meaning::LastName => "last name",
            Meaning::Title => "title",
            Meaning::Unit => "unit",
            Meaning::Kind => "kind",
            Meaning::Email => "email",
            Meaning::Headcount => "headcount",
            Meaning::Status => "status",
            Meaning::Duties => "duties",
            Meaning::Notes => "notes",
            Meaning::Dotted => "dotted",
        }
    }

    /// The meaning of a header, matched ignoring case, spaces and punctuation.
    pub fn of_header(header: &str) -> Meaning {
        let key = normalise_header(header);
        HEADERS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map_or(Meaning::Ignore, |(meaning, _)| *meaning)
    }
}

/// Headers as real exports write them, normalised (lower case, letters and digits only).
const HEADERS: [(Meaning, &[&str]); 15] = [
    (
        Meaning::Id,
        &[
            "id",
            "employeeid",
            "employee",
            "employeeno",
            "employeenumber",
            "empid",
            "empno",
            "personid",
            "personnumber",
            "userid",
            "associateid",
            "workerid",
            "positionid",
            "staffid",
            "工号",
            "员工编号",
            "员工号",
            "职工号",
            "人员编号",
            "岗位编号",
            "编号",
        ],
    ),
    (
        Meaning::Reference,
        &["ref", "hrref", "hrreference", "reference"],
    ),
    (
        Meaning::Manager,
        &[
            "reportsto",
            "manager",
            "managerid",
            "managername",
            "supervisor",
            "supervisorid",
            "supervisorname",
            "bossid",
            "parent",
            "parentid",
            "reportstoassociateid",
            "linemanager",
            "directmanager",
            "直属上级",
            "直属上级工号",
            "直接上级",
            "上级",
            "上级工号",
            "上级岗位编号",
            "汇报对象",
            "上级姓名",
        ],
    ),
    (
        Meaning::Name,
        &[
            "name",
            "fullname",
            "employeename",
            "displayname",
            "worker",
            "holder",
            "preferredname",
            "姓名",
            "员工姓名",
            "任职人",
        ],
    ),
    (
        Meaning::FirstName,
        &["firstname", "givenname", "given", "forename", "名"],
    ),
    (
        Meaning::LastName,
        &["lastname", "familyname", "family", "surname", "姓"],
    ),
    (
        Meaning::Title,
        &[
            "title",
            "jobtitle",
            "position",
            "positionname",
            "positiontitle",
            "job",
            "role",
            "businesstitle",
            "职位",
            "岗位",
            "岗位名称",
            "职务",
            "职位名称",
        ],
    ),
    (
        Meaning::Unit,
        &[
            "department",
            "dept",
            "departmentname",
            "unit",
            "orgunit",
            "division",
            "organisation",
            "organization",
            "supervisoryorganization",
            "部门",
            "所属部门",
            "部门名称",
            "组织",
        ],
    ),
    (
        Meaning::Kind,
        &[
            "type",
            "kind",
            "isassistant",
            "assistant",
            "positiontype",
            "岗位类型",
            "类型",
        ],
    ),
    (
        Meaning::Email,
        &[
            "email",
            "emailaddress",
            "workemail",
            "mail",
            "邮箱",
            "电子邮箱",
            "工作邮箱",
        ],
    ),
    (
        Meaning::Headcount,
        &["headcount", "fte", "编制", "人数", "编制人数"],
    ),
    (
        Meaning::Status,
        &[
            "status",
            "employmentstatus",
            "employeestatus",
            "状态",
            "在职状态",
            "员工状态",
        ],
    ),
    (
        Meaning::Duties,
        &["duties", "responsibilities", "岗位职责", "职责"],
    ),
    (
        Meaning::Notes,
        &["notes", "note", "comments", "remarks", "备注"],
    ),
    (
        Meaning::Dotted,
        &[
            "dotted",
            "dottedline",
            "dottedlines",
            "dottedlinemanager",
            "虚线上级",
        ],
    ),
];

/// A header as matched: lower case, with only letters and digits (Chinese included).
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How managers are named in the manager column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ManagerKey {
    /// By the manager's id.
    Id,
    /// By full name ("Evan Miller", 张伟), as Visio's wizard and draw.io do.
    Name,
    /// By "Last, First", as BambooHR does.
    LastFirst,
    /// By email, as ChartHop, Lattice and Pingboard do.
    Email,
}

impl ManagerKey {
    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            ManagerKey::Id => "id",
            ManagerKey::Name => "name",
            ManagerKey::LastFirst => "\"Last, First\"",
            ManagerKey::Email => "email",
        }
    }
}

/// How a table is read: which row is the header, what each column means, how managers
/// are named, whether departments become unit cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The header row (an index into the table's rows).
    pub header: usize,
    /// The row after the header is a second header (SuccessFactors' labels) to skip.
    pub second_header: bool,
    /// What each column means.
    pub columns: Vec<Meaning>,
    /// How the manager column names managers.
    pub manager_key: ManagerKey,
    /// Departments become unit cards.
    pub units: bool,
}

/// How many rows from the top the header is looked for in.
const HEADER_SEARCH_ROWS: usize = 30;

impl Mapping {
    /// The best reading of `table`: the header is the first of its top rows whose cells
    /// name the most known columns (title rows and blank rows above it are skipped),
    /// and managers are named the way most manager cells match.
    pub fn guess(table: &Table) -> Mapping {
        let score = |row: &Row| known_columns(row).len();
        let mut header = 0;
        let mut best = 0;
        for (index, row) in table.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
            let found = score(row);
            if found > best {
                best = found;
                header = index;
            }
        }
        let mut mapping = Mapping::with_header(table, header);
        mapping.manager_key = mapping.detect_manager_key(table);
        mapping
    }

    /// The reading with row `header` as the header: its cells give the meanings.
    pub fn with_header(table: &Table, header: usize) -> Mapping {
        let columns: Vec<Meaning> = table.rows.get(header).map_or_else(Vec::new, |row| {
            let mut seen = FxHashSet::default();
            row.cells()
                .map(|cell| {
                    let meaning = Meaning::of_header(cell);
                    // A meaning is taken by its first column only.
                    if meaning != Meaning::Ignore && !seen.insert(meaning) {
                        Meaning::Ignore
                    } else {
                        meaning
                    }
                })
                .collect()
        });
        let header_meanings = table
            .rows
            .get(header)
            .map(known_columns)
            .unwrap_or_default();
        let second_header = table.rows.get(header + 1).is_some_and(|next| {
            let next_meanings = known_columns(next);
            next_meanings.len() >= 2
                && next_meanings.intersection(&header_meanings).count() * 2 >= header_meanings.len()
        });
        Mapping {
            header,
            second_header,
            columns,
            manager_key: ManagerKey::Id,
            units: true,
        }
    }

    /// Gives column `at` the meaning `meaning`, taking it from any other column.
    pub fn assign(&mut self, at: usize, meaning: Meaning) {
        if meaning != Meaning::Ignore {
            for other in &mut self.columns {
                if *other == meaning {
                    *other = Meaning::Ignore;
                }
            }
        }
        if self.columns.len() <= at {
            self.columns.resize(at + 1, Meaning::Ignore);
        }
        self.columns[at] = meaning;
    }

    /// The column `name` names: a header (matched ignoring case, spaces and
    /// punctuation), a column number from 1, or a column letter (A, B, … AA).
    pub fn find_column(&self, table: &Table, name: &str) -> Option<usize> {
        let headers = table
            .rows
            .get(self.header)
            .map(|row| row.cells().collect::<Vec<_>>())
            .unwrap_or_default();
        let key = normalise_header(name);
        if let Some(at) = headers.iter().position(|h| normalise_header(h) == key) {
            return Some(at);
        }
        if let Ok(number) = name.trim().parse::<usize>() {
            return number.checked_sub(1);
        }
        let letters = name.trim();
        if !letters.is_empty()
            && letters.len() <= 3
            && letters.chars().all(|c| c.is_ascii_alphabetic())
        {
            let index = letters.chars().fold(0usize, |at, c| {
                at * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
            });
            return index.checked_sub(1);
        }
        None
    }

    /// The column with `meaning`, if one has it.
    pub fn column(&self, meaning: Meaning) -> Option<usize> {
        self.columns.iter().position(|&m| m == meaning)
    }

    /// Where each meaning's column is, looked up once for reading many rows.
    pub(super) fn lookup(&self) -> Columns {
        let mut at = [None; Meaning::ALL.len()];
        for meaning in Meaning::ALL {
            at[meaning as usize] = self.column(meaning);
        }
        Columns { at }
    }

    /// The data rows: those after the header (and the second header).
    pub fn data<'t>(&self, table: &'t Table) -> &'t [Row] {
        let first = self.header + 1 + usize::from(self.second_header);
        table.rows.get(first..).unwrap_or(&[])
    }

    /// How the manager column names managers: the way that matches the most people
    /// (ties go to id, then email, name and "Last, First").
    pub fn detect_manager_key(&self, table: &Table) -> ManagerKey {
        let Some(manager) = self.column(Meaning::Manager) else {
            return ManagerKey::Id;
        };
        let rows = self.data(table);
        let wanted: FxHashSet<Cow<'_, str>> = rows
            .iter()
            .map(|row| name_key(row.cell(manager)))
            .filter(|value| !value.is_empty())
            .take(5_000)
            .collect();
        let columns = self.lookup();
        // Ids first: when every sampled manager is someone's id, managers are by id.
        let id_hits = rows
            .iter()
            .filter(|row| wanted.contains(&name_key(columns.cell(row, Meaning::Id))))
            .count();
        if id_hits >= wanted.len() && !wanted.is_empty() {
            return ManagerKey::Id;
        }
        let mut hits = [0usize; 4];
        for row in rows {
            let person = Person::of(&columns, row);
            let forms = [
                person.id.map(Cow::Borrowed),
                person.email.map(Cow::Borrowed),
                person.full_name(),
                person.last_first().map(Cow::Owned),
            ];
            for (slot, form) in forms.into_iter().enumerate() {
                if form.is_some_and(|form| wanted.contains(&name_key(&form))) {
                    hits[slot] += 1;
                }
            }
        }
        let keys = [
            ManagerKey::Id,
            ManagerKey::Email,
            ManagerKey::Name,
            ManagerKey::LastFirst,
        ];
        let mut best = (ManagerKey::Id, 0usize);
        for (key, found) in keys.into_iter().zip(hits) {
            if found > best.1 {
                best = (key, found);
            }
        }
        best.0
    }
}

/// Each meaning's column, looked up once.
pub(super) struct Columns {
    at: [Option<usize>; Meaning::ALL.len()],
}

impl Columns {
    /// The cell of `row` with `meaning` ("" when no column has it).
    pub(super) fn cell<'r>(&self, row: &'r Row, meaning: Meaning) -> &'r str {
        self.at[meaning as usize].map_or("", |at| row.cell(at))
    }
}

/// The known meanings a row's cells name, once each.
fn known_columns(row: &Row) -> FxHashSet<Meaning> {
    row.cells()
        .map(Meaning::of_header)
        .filter(|&meaning| meaning != Meaning::Ignore)
        .collect()
}

/// A name or id as compared: lower case, spaces squeezed. Borrowed when it already is
/// (employee numbers, e-mail addresses), so matching 100,000 rows allocates little.
pub(super) fn name_key(text: &str) -> Cow<'_, str> {
    let plain = text
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && !matches!(b, b'\t' | b'\n' | b'\r'))
        && !text.contains("  ")
        && text.trim() == text
        && (text.is_ascii() || !text.chars().any(char::is_uppercase));
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        )
    }
}

/// Who a row's person is, in every form managers may name them, borrowed from the row.
pub(super) struct Person<'r> {
    pub(super) id: Option<&'r str>,
    name: Option<&'r str>,
    first: Option<&'r str>,
    last: Option<&'r str>,
    pub(super) email: Option<&'r str>,
}

impl<'r> Person<'r> {
    pub(super) fn of(columns: &Columns, row: &'r Row) -> Person<'r> {
        let cell = |meaning| Some(columns.cell(row, meaning)).filter(|text| !text.is_empty());
        Person {
            id: cell(Meaning::Id),
            name: cell(Meaning::Name),
            first: cell(Meaning::FirstName),
            last: cell(Meaning::LastName),
            email: cell(Meaning::Email),
        }
    }

    /// The holder's name as shown: the name column, or first and last name joined (the
    /// family name first, with no space, when either is Chinese).
    pub(super) fn full_name(&self) -> Option<Cow<'r, str>> {
        if let Some(name) = self.name {
            return Some(Cow::Borrowed(name));
        }
        match (self.first, self.last) {
            (Some(first), Some(last)) if is_cjk(first) || is_cjk(last) => {
                Some(Cow::Owned(format!("{last}{first}")))
            }
            (Some(first), Some(last)) => Some(Cow::Owned(format!("{first} {last}"))),
            (Some(one), None) | (None, Some(one)) => Some(Cow::Borrowed(one)),
            (None, None) => None,
        }
    }

    /// "Last, First", when both are known.
    pub(super) fn last_first(&self) -> Option<String> {
        Some(format!("{}, {}", self.last?, self.first?))
    }

    /// The form the manager column names people by, as compared.
    pub(super) fn key(&self, by: ManagerKey) -> Option<String> {
        let form = match by {
            ManagerKey::Id => self.id.map(Cow::Borrowed),
            ManagerKey::Name => self.full_name(),
            ManagerKey::LastFirst => self.last_first().map(Cow::Owned),
            ManagerKey::Email => self.email.map(Cow::Borrowed),
        }?;
        Some(name_key(&form).into_owned())
    }
}

fn is_cjk(text: &str) -> bool {
    text.chars().any(crate::fonts::is_wide)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_english_and_chinese_ignoring_case_and_punctuation() {
        assert_eq!(Meaning::of_header("Employee #"), Meaning::Id);
        assert_eq!(Meaning::of_header("Reports_To"), Meaning::Manager);
        assert_eq!(Meaning::of_header("  JOB TITLE "), Meaning::Title);
        assert_eq!(Meaning::of_header("直属上级工号"), Meaning::Manager);
        assert_eq!(Meaning::of_header("所属部门"), Meaning::Unit);
        assert_eq!(Meaning::of_header("岗位类型"), Meaning::Kind);
        assert_eq!(Meaning::of_header("Position ID"), Meaning::Id);
        assert_eq!(Meaning::of_header("Position"), Meaning::Title);
        assert_eq!(Meaning::of_header("Favourite colour"), Meaning::Ignore);
    }
}
