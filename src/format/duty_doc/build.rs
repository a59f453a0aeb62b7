//! From what a duty document says to a chart: units and posts become nodes in
//! document order. Where the document names whom each post reports to (a handbook
//! Organigram wrote does), the reporting lines are rebuilt; otherwise posts sit under
//! their unit and units under the top, for the user to arrange.

use crate::i18n::{tr, Lang};
use crate::model::{Chart, Node, NodeId, NodeKind, NodeRecord};
use crate::theme::UNIT_COLOURS;

use super::outline::{DocPost, DocUnit, Outline, Problem};
use super::words::top_name;

/// The chart made, with what the summary needs.
pub(crate) struct Built {
    pub chart: Chart,
    /// Each unit's name and its first post, for units whose posts all sit directly
    /// under the unit (the first may be its head).
    pub suggested_heads: Vec<(String, String)>,
    /// Some reporting line came from the document.
    pub reporting_lines: bool,
    pub problems: Vec<Problem>,
}

/// The records being made, in document order.
struct Records {
    /// Each node and the index of its parent.
    nodes: Vec<(Node, Option<usize>)>,
    problems: Vec<Problem>,
}

impl Records {
    fn add(&mut self, node: Node, parent: Option<usize>) -> usize {
        self.nodes.push((node, parent));
        self.nodes.len() - 1
    }

    /// The latest node before `before` titled `name` that `accept` takes.
    fn find(
        &self,
        name: &str,
        before: usize,
        accept: impl Fn(usize, &Node) -> bool,
    ) -> Option<usize> {
        (0..before)
            .rev()
            .find(|&at| self.nodes[at].0.title == name && accept(at, &self.nodes[at].0))
    }
}

/// Builds the chart.
pub(crate) fn build(outline: Outline, fallback_title: &str) -> Result<Built, String> {
    let Outline {
        title,
        organisation,
        notes,
        units,
        mut problems,
    } = outline;
    let lang = Lang::of_text(&format!("{title}{organisation}"));
    let title = if title.is_empty() {
        fallback_title.to_owned()
    } else {
        title
    };
    let mut records = Records {
        nodes: Vec::new(),
        problems: Vec::new(),
    };
    let units_placed = units.iter().any(|u| u.reports_to.is_some());
    // Without reporting lines between units, they all go under one top unit: the unit
    // the title names, or a new one.
    let top = if units_placed {
        None
    } else {
        let name = top_name(&title)
            .or_else(|| (!organisation.is_empty()).then(|| organisation.clone()))
            .unwrap_or_else(|| title.clone());
        let name = if name.is_empty() {
            tr(lang, "new-chart")
        } else {
            name
        };
        let mut node = Node::new(NodeKind::Unit, name);
        node.notes = notes.join("\n");
        Some(records.add(node, None))
    };
    let mut suggested_heads = Vec::new();
    let mut reporting_lines = units_placed;
    for unit in &units {
        let (at_unit, posts_parent) = place_unit(&mut records, unit, top);
        let mut placed = false;
        let mut first_post: Option<String> = None;
        for post in &unit.posts {
            let (at, has_manager) = place_post(&mut records, post, at_unit, posts_parent);
            placed |= has_manager;
            if first_post.is_none() {
                first_post = Some(records.nodes[at].0.title.clone());
            }
        }
        reporting_lines |= placed;
        if let (false, false, Some(first)) = (placed, unit.outside, first_post) {
            suggested_heads.push((unit.name.clone(), first));
        }
    }
    if units_placed && !notes.is_empty() {
        if let Some((node, _)) = records.nodes.first_mut() {
            node.notes = join_notes(&notes.join("\n"), &node.notes);
        }
    }
    problems.append(&mut records.problems);
    let chart = assemble(title, organisation, records)?;
    Ok(Built {
        chart,
        suggested_heads,
        reporting_lines,
        problems,
    })
}

/// Makes a unit's node (or finds the top unit it is), under the node it reports to, or
/// under the top. Returns the unit's index (if it has a node) and where its posts go.
fn place_unit(
    records: &mut Records,
    unit: &DocUnit,
    top: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    if unit.outside {
        return (None, top);
    }
    // The unit the title names is the top itself.
    if let Some(top) = top.filter(|&t| records.nodes[t].0.title == unit.name) {
        let node = &mut records.nodes[top].0;
        node.duties.extend(unit.responsibilities.iter().cloned());
        node.notes = join_notes(&node.notes, &unit.notes.join("\n"));
        return (Some(top), Some(top));
    }
    let mut node = Node::new(NodeKind::Unit, unit.name.clone());
    node.duties = unit.responsibilities.clone();
    node.notes = unit.notes.join("\n");
    let parent = match &unit.reports_to {
        Some(name) => {
            // An assistant manages no one.
            let found = records.find(name, records.nodes.len(), |_, node| {
                node.kind != NodeKind::Assistant
            });
            if found.is_none() {
                records.problems.push(Problem {
                    at: unit.at,
                    message: format!(
                        "the unit “{}” reports to “{name}”, which comes nowhere before it; the unit became a top unit",
                        unit.name
                    ),
                });
            }
            found
        }
        None => top,
    };
    let at = records.add(node, parent);
    (Some(at), Some(at))
}

/// Makes a post's node: under the post it reports to when that is an earlier post of
/// the same unit, else under its unit. Returns its index and whether it got a manager.
fn place_post(
    records: &mut Records,
    post: &DocPost,
    unit: Option<usize>,
    parent: Option<usize>,
) -> (usize, bool) {
    let mut node = Node::new(NodeKind::Position, post.title.clone());
    node.duties = post.duties.clone();
    node.notes = post.notes.join("\n");
    if let Some(holder) = &post.holder {
        node.holder = holder.clone();
    }
    node.headcount = post.headcount.unwrap_or(1).max(1);
    let unit_from = unit.map_or(0, |u| u + 1);
    let manager = post.reports_to.as_ref().and_then(|name| {
        records.find(name, records.nodes.len(), |at, node| {
            node.kind == NodeKind::Position && (unit.is_none() || at >= unit_from)
        })
    });
    if post.assistant {
        if manager.is_some() {
            node.kind = NodeKind::Assistant;
        } else {
            records.problems.push(Problem {
                at: post.at,
                message: format!(
                    "“{}” is an assistant post but reports to no post of its unit; it came in as a position",
                    post.title
                ),
            });
        }
    }
    let at = records.add(node, manager.or(parent));
    (at, manager.is_some())
}

fn join_notes(first: &str, second: &str) -> String {
    match (first.trim().is_empty(), second.trim().is_empty()) {
        (true, _) => second.to_owned(),
        (_, true) => first.to_owned(),
        _ => format!("{first}\n{second}"),
    }
}

/// The chart from the records: ids in document order, children in document order.
fn assemble(title: String, organisation: String, records: Records) -> Result<Chart, String> {
    let id = |at: usize| NodeId(at as u32 + 1);
    let mut reports: Vec<Vec<NodeId>> = vec![Vec::new(); records.nodes.len()];
    let mut roots = Vec::new();
    for (at, (_, parent)) in records.nodes.iter().enumerate() {
        match parent {
            Some(parent) => reports[*parent].push(id(at)),
            None => roots.push(id(at)),
        }
    }
    // Each unit a colour of its own, in document order, as imported rosters have.
    let mut units = 0;
    let nodes = records
        .nodes
        .into_iter()
        .zip(reports)
        .enumerate()
        .map(|(at, ((mut node, _), reports))| {
            if node.kind == NodeKind::Unit {
                node.colour = Some(UNIT_COLOURS[units % UNIT_COLOURS.len()]);
                units += 1;
            }
            NodeRecord {
                id: id(at),
                node: Box::new(clean(node)),
                reports,
            }
        })
        .collect();
    Chart::from_records(clean_line(&title), clean_line(&organisation), roots, nodes).map_err(
        |errors| {
            errors.first().map_or_else(
                || "the chart could not be built".to_owned(),
                ToString::to_string,
            )
        },
    )
}

/// A node's texts without the control characters a chart refuses.
fn clean(mut node: Node) -> Node {
    node.title = clean_line(&node.title);
    node.holder = node.holder.map(|h| clean_line(&h));
    node.notes = clean_text(&node.notes);
    node.duties = node
        .duties
        .iter()
        .map(|d| clean_text(d))
        .filter(|d| !d.trim().is_empty())
        .collect();
    node
}

fn clean_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn clean_text(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n')
        .collect::<String>()
        .trim()
        .to_owned()
}
