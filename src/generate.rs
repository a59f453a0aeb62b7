//! Synthetic charts for trying scale: realistic shape, deterministic for a seed.
//!
//! A company root unit and its chief executive; three levels of units (divisions,
//! departments and sections), each headed by a position; then teams of positions. Managers have
//! spans of 3–12, some assistants, about 8 % vacancies, a few dotted lines, and duties.
//! Built breadth-first without recursion; the same seed gives the same chart.

use rustc_hash::FxHashMap;

use crate::model::{Chart, Colour, Edit, Node, NodeId, NodeKind};

/// What shape of chart to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A realistic organisation.
    Organisation,
    /// One long reporting chain, for depth tests.
    Chain,
}

/// A small, fast, portable generator (SplitMix64), so output never depends on a crate's
/// version.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const DIVISIONS: [&str; 12] = [
    "Sales",
    "Engineering",
    "Operations",
    "Finance",
    "People",
    "Marketing",
    "Customer Service",
    "Information Technology",
    "Legal",
    "Procurement",
    "Logistics",
    "Research",
];
const DEPARTMENTS: [&str; 12] = [
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Key Accounts",
    "Projects",
    "Planning",
    "Quality",
    "Analytics",
    "Support",
    "Partnerships",
];
const ROLES: [&str; 10] = [
    "Specialist",
    "Engineer",
    "Analyst",
    "Coordinator",
    "Consultant",
    "Technician",
    "Associate",
    "Planner",
    "Advisor",
    "Administrator",
];
const GIVEN: [&str; 24] = [
    "Anna", "Ben", "Chen", "Dana", "Emil", "Fatima", "Giulia", "Hiro", "Ines", "Jonas", "Kavya",
    "Liam", "Mei", "Noah", "Olga", "Pavel", "Qing", "Rosa", "Sven", "Tariq", "Uma", "Viktor",
    "Wen", "Yusuf",
];
const FAMILY: [&str; 24] = [
    "Andersen", "Brown", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Hoffmann", "Ivanova",
    "Jensen", "Kowalski", "Li", "Müller", "Novak", "Okafor", "Petrov", "Rossi", "Schmidt",
    "Tanaka", "Usman", "Varga", "Wang", "Yilmaz", "Zhang",
];
const MANAGER_DUTIES: [&str; 8] = [
    "Set the team's yearly objectives and track them monthly.",
    "Hire, coach and review the team.",
    "Own the team's budget and report on spending.",
    "Agree priorities with neighbouring teams.",
    "Run the weekly planning meeting.",
    "Escalate risks to the next level early.",
    "Approve leave, overtime and travel.",
    "Keep processes and documentation current.",
];
const STAFF_DUTIES: [&str; 8] = [
    "Deliver assigned work to agreed quality and deadlines.",
    "Keep records in the company systems up to date.",
    "Support customers and colleagues with questions.",
    "Take part in training and share what was learned.",
    "Report problems and suggest improvements.",
    "Prepare reports for the team lead.",
    "Follow safety and compliance rules.",
    "Cover for colleagues during absences.",
];
const PALETTE: [Colour; 6] = crate::theme::UNIT_COLOURS;

/// Makes a chart with `posts` positions and assistants (at least 1) from `seed`.
pub fn generate(posts: usize, seed: u64, shape: Shape) -> Chart {
    let mut builder = Builder {
        chart: Chart::new(
            format!("Generated organisation ({posts} posts, seed {seed})"),
            "Example Corporation",
        ),
        random: Random(seed),
        posts: 0,
        managers: Vec::new(),
    };
    match shape {
        Shape::Organisation => builder.organisation(posts.max(1)),
        Shape::Chain => builder.chain(posts.max(1)),
    }
    builder.chart
}

struct Builder {
    chart: Chart,
    random: Random,
    posts: usize,
    /// Managers made so far, as dotted-line candidates.
    managers: Vec<NodeId>,
}

impl Builder {
    fn organisation(&mut self, target: usize) {
        let company = self.add(None, unit("Example Corporation", Some(PALETTE[0])));
        let chief = self.add_post(
            Some(company),
            NodeKind::Position,
            "Chief Executive Officer".into(),
            true,
        );
        // Breadth-first: each queued position gets a team until the budget runs out.
        let mut queue = std::collections::VecDeque::from([(chief, 0usize, String::new())]);
        while let Some((manager, level, area)) = queue.pop_front() {
            if self.posts >= target {
                break;
            }
            self.managers.push(manager);
            if level <= 1
                && self.posts < target
                && self.random.chance(if level == 0 { 100 } else { 50 })
            {
                let title = format!(
                    "Assistant to the {}",
                    if level == 0 { "CEO" } else { "Director" }
                );
                self.add_post(Some(manager), NodeKind::Assistant, title, false);
            }
            let span = self.random.between(3, 12).min(target - self.posts);
            for n in 0..span {
                if self.posts >= target {
                    break;
                }
                let (parent, title, next_area) = match level {
                    0 => {
                        let name = numbered(DIVISIONS[n % DIVISIONS.len()], n / DIVISIONS.len());
                        let division = self.add(
                            Some(manager),
                            unit(
                                &format!("{name} Division"),
                                Some(PALETTE[n % PALETTE.len()]),
                            ),
                        );
                        (division, format!("Director, {name}"), name)
                    }
                    1 => {
                        let name = format!(
                            "{area} {}",
                            numbered(DEPARTMENTS[n % DEPARTMENTS.len()], n / DEPARTMENTS.len())
                        );
                        let department =
                            self.add(Some(manager), unit(&format!("{name} Department"), None));
                        (department, format!("Head of {name}"), name)
                    }
                    2 => {
                        let name = format!("{area} Section {}", n + 1);
                        let section = self.add(Some(manager), unit(&name, None));
                        (section, format!("{name} Manager"), name)
                    }
                    3 => (manager, format!("{area} Team Lead"), area.clone()),
                    _ => {
                        let role = self.random.pick(&ROLES);
                        (manager, format!("{area} {role}"), area.clone())
                    }
                };
                let is_manager = level < 3 || self.random.chance(35);
                let post = self.add_post(Some(parent), NodeKind::Position, title, is_manager);
                if is_manager {
                    queue.push_back((post, level + 1, next_area));
                }
                if self.random.chance(2) && self.managers.len() > 2 {
                    self.add_dotted(post);
                }
            }
        }
    }

    fn chain(&mut self, target: usize) {
        let mut parent = None;
        while self.posts < target {
            let level = self.posts;
            parent = Some(self.add_post(
                parent,
                NodeKind::Position,
                format!("Level {level} Manager"),
                true,
            ));
        }
    }

    fn add(&mut self, parent: Option<NodeId>, node: Node) -> NodeId {
        let id = self.chart.fresh_id();
        let index = match parent {
            Some(parent) => self.chart.children(parent).len(),
            None => self.chart.roots().len(),
        };
        let edit = Edit::AddNode {
            id,
            parent,
            index,
            node: Box::new(node),
        };
        // The generator only builds valid additions; a refusal would be a bug here.
        if self.chart.apply(edit).is_err() {
            debug_assert!(false, "generator made an invalid edit");
        }
        id
    }

    fn add_post(
        &mut self,
        parent: Option<NodeId>,
        kind: NodeKind,
        title: String,
        manager: bool,
    ) -> NodeId {
        let mut node = Node::new(kind, title);
        if !self.random.chance(8) {
            node.holder = Some(format!(
                "{} {}",
                self.random.pick(&GIVEN),
                self.random.pick(&FAMILY)
            ));
        }
        let pool: &[&str] = if manager {
            &MANAGER_DUTIES
        } else {
            &STAFF_DUTIES
        };
        let count = if manager {
            self.random.between(2, 4)
        } else {
            self.random.between(1, 2)
        };
        let start = self.random.between(0, pool.len() - 1);
        node.duties = (0..count)
            .map(|n| pool[(start + n) % pool.len()].to_owned())
            .collect();
        if !manager && kind == NodeKind::Position && self.random.chance(4) {
            node.headcount = self.random.between(2, 6) as u32;
            node.holder = None;
        }
        self.posts += 1;
        self.add(parent, node)
    }

    fn add_dotted(&mut self, from: NodeId) {
        let pick = self.random.between(0, self.managers.len() - 1);
        let to = self.managers[pick];
        let index = self.chart.node(from).map_or(0, |n| n.dotted.len());
        // Refused lines (to the solid-line manager, say) are simply skipped.
        let _ = self.chart.apply(Edit::AddDotted { from, to, index });
    }
}

fn unit(name: &str, colour: Option<Colour>) -> Node {
    let mut node = Node::new(NodeKind::Unit, name);
    node.colour = colour;
    node
}

fn numbered(name: &str, round: usize) -> String {
    if round == 0 {
        name.to_owned()
    } else {
        format!("{name} {}", round + 1)
    }
}

/// The headers of [`hr_roster`]: an HR system's export of the same organisation.
pub const ROSTER_HEADERS: [&str; 7] = [
    "Employee ID",
    "First Name",
    "Last Name",
    "Job Title",
    "Department",
    "Manager ID",
    "Type",
];

/// `chart`'s posts as an HR system would export them: one row per post, with a zero-padded
/// employee number, the holder's first and last name, the title, the department (the
/// nearest unit) and the manager's employee number (the nearest post above), in tree order.
/// For benchmarks and tests of importing: what a real roster of that size looks like.
pub fn hr_roster(chart: &Chart) -> Vec<[String; 7]> {
    let mut number: FxHashMap<NodeId, String> = FxHashMap::default();
    let mut rows = Vec::new();
    for id in chart.tree_order() {
        let Some(node) = chart.node(id) else { continue };
        if !node.kind.is_post() {
            continue;
        }
        let employee = format!("{:06}", number.len() + 1);
        number.insert(id, employee.clone());
        let manager = chart
            .ancestors(id)
            .find_map(|a| number.get(&a).cloned())
            .unwrap_or_default();
        let department = chart
            .unit_of(id)
            .and_then(|u| chart.node(u))
            .map(|u| u.title.clone())
            .unwrap_or_default();
        let (first, last) = match node.holder.as_deref().and_then(|h| h.split_once(' ')) {
            Some((first, last)) => (first.to_owned(), last.to_owned()),
            None => (node.holder.clone().unwrap_or_default(), String::new()),
        };
        let kind = if node.kind == NodeKind::Assistant {
            "Assistant"
        } else {
            "Regular"
        };
        rows.push([
            employee,
            first,
            last,
            node.title.clone(),
            department,
            manager,
            kind.to_owned(),
        ]);
    }
    rows
}

/// [`hr_roster`] as a file an HR system might export: CSV (`xlsx == false`, UTF-8) or an
/// .xlsx workbook.
pub fn hr_roster_bytes(chart: &Chart, xlsx: bool) -> Result<Vec<u8>, String> {
    let rows = hr_roster(chart);
    if !xlsx {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(ROSTER_HEADERS)
            .map_err(|e| e.to_string())?;
        for row in &rows {
            writer.write_record(row).map_err(|e| e.to_string())?;
        }
        return writer.into_inner().map_err(|e| e.to_string());
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let cells = std::iter::once(ROSTER_HEADERS.map(str::to_owned)).chain(rows);
    for (at, row) in cells.enumerate() {
        for (column, text) in row.iter().enumerate() {
            sheet
                .write_string(at as u32, column as u16, text)
                .map_err(|e| e.to_string())?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// A redesign of `chart` for trying comparisons: about `changes` edits spread evenly over
/// its positions, in turn a new holder, a new title, a new post, a move (with its
/// subtree) and a removal (its reports move up). Deterministic; edits that would break a
/// rule (a move into its own subtree) are skipped.
pub fn redesign(chart: &Chart, changes: usize) -> Chart {
    use crate::model::Field;
    let mut new = chart.clone();
    let positions: Vec<NodeId> = chart
        .tree_order()
        .filter(|&id| chart.node(id).is_some_and(|n| n.kind == NodeKind::Position))
        .collect();
    if positions.is_empty() || changes == 0 {
        return new;
    }
    let step = (positions.len() / changes).max(1);
    for (n, &id) in positions.iter().step_by(step).take(changes).enumerate() {
        if !new.contains(id) {
            continue;
        }
        let edit = match n % 5 {
            0 => Edit::SetField {
                id,
                field: Field::Holder(Some(format!("New holder {n}"))),
            },
            1 => Edit::SetField {
                id,
                field: Field::Title(format!("Renamed post {n}")),
            },
            2 => Edit::AddNode {
                id: new.fresh_id(),
                parent: Some(id),
                index: 0,
                node: Box::new(Node::new(NodeKind::Position, format!("New post {n}"))),
            },
            3 => {
                let target = positions[(n * 7919) % positions.len()];
                if !new.contains(target) || new.is_in_subtree(target, id) {
                    continue;
                }
                Edit::Move {
                    id,
                    parent: Some(target),
                    index: 0,
                }
            }
            _ => Edit::RemoveNode {
                id,
                keep_reports: true,
            },
        };
        // A refused edit is simply not part of the redesign.
        let _ = new.apply(edit);
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChartStats;

    #[test]
    fn makes_the_asked_number_of_posts_with_realistic_spans() {
        let chart = generate(5_000, 7, Shape::Organisation);
        let stats = ChartStats::of(&chart);
        assert_eq!(stats.positions + stats.assistants, 5_000);
        assert!(stats.assistants > 0 && stats.dotted_lines > 0 && stats.vacant_posts > 0);
        assert!(stats.widest_span <= 12, "widest span {}", stats.widest_span);
        assert!(stats.units > 10);
    }

    #[test]
    fn the_same_seed_gives_the_same_chart() {
        assert_eq!(
            generate(800, 3, Shape::Organisation),
            generate(800, 3, Shape::Organisation)
        );
        assert_ne!(
            generate(800, 3, Shape::Organisation),
            generate(800, 4, Shape::Organisation)
        );
    }

    #[test]
    fn a_chain_is_as_deep_as_it_is_long() {
        let stats = ChartStats::of(&generate(1_000, 1, Shape::Chain));
        assert_eq!(stats.layers, 1_000);
    }
}
