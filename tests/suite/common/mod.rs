//! Random charts and edits for property tests.
// Scenario tests read best as one story; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]
#![allow(dead_code)]

use organigram::model::{Chart, ChartPoint, Colour, Edit, Field, Node, NodeId, NodeKind};
use proptest::prelude::*;

/// A recipe for one node: which earlier node it hangs under (by position), its kind,
/// its text.
#[derive(Clone, Debug)]
pub struct NodeRecipe {
    pub parent: Option<prop::sample::Index>,
    pub kind: u8,
    pub title: String,
    pub holder: Option<String>,
    pub headcount: u32,
    pub duties: Vec<String>,
    pub dotted: Option<prop::sample::Index>,
    pub pin: bool,
    pub collapsed: bool,
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        "[销售主管工程师内勤部经理市场客服]{1,8}",
        "\\PC{0,10}",
        Just("quote \" back\\slash\nnewline\ttab".to_owned()),
    ]
}

pub fn node_recipe() -> impl Strategy<Value = NodeRecipe> {
    (
        proptest::option::weighted(0.9, any::<prop::sample::Index>()),
        0u8..10,
        text(),
        proptest::option::of(text()),
        1u32..4,
        prop::collection::vec(text(), 0..3),
        proptest::option::weighted(0.15, any::<prop::sample::Index>()),
        proptest::bool::weighted(0.05),
        proptest::bool::weighted(0.05),
    )
        .prop_map(
            |(parent, kind, title, holder, headcount, duties, dotted, pin, collapsed)| NodeRecipe {
                parent,
                kind,
                title,
                holder,
                headcount,
                duties,
                dotted,
                pin,
                collapsed,
            },
        )
}

/// Builds a chart from recipes through edits, skipping what the rules refuse.
pub fn build_chart(recipes: &[NodeRecipe]) -> Chart {
    let mut chart = Chart::new("Random chart", "Org");
    let mut made: Vec<NodeId> = Vec::new();
    for recipe in recipes {
        let kind = match recipe.kind {
            0..=1 => NodeKind::Unit,
            2 => NodeKind::Assistant,
            _ => NodeKind::Position,
        };
        let parent = match (&recipe.parent, made.is_empty()) {
            (Some(index), false) => Some(*index.get(&made)),
            _ => None,
        };
        let mut node = Node::new(kind, recipe.title.clone());
        node.holder = recipe.holder.clone();
        node.headcount = recipe.headcount;
        node.duties = recipe.duties.clone();
        if kind == NodeKind::Unit {
            node.colour = Colour::from_hex("#59a14f");
        }
        if recipe.pin {
            node.pin = Some(ChartPoint {
                x: 1000.0,
                y: 40.0 * made.len() as f32,
            });
        }
        node.collapsed = recipe.collapsed;
        let id = chart.fresh_id();
        let index = parent.map_or(chart.roots().len(), |p| chart.children(p).len());
        if chart
            .apply(Edit::AddNode {
                id,
                parent,
                index,
                node: Box::new(node),
            })
            .is_ok()
        {
            made.push(id);
            if let Some(target) = &recipe.dotted {
                let to = *target.get(&made);
                let _ = chart.apply(Edit::AddDotted {
                    from: id,
                    to,
                    index: 0,
                });
            }
        }
    }
    chart
}

/// A recipe for an edit, read against whatever chart it meets.
#[derive(Clone, Debug)]
pub struct EditRecipe {
    pub op: u8,
    pub a: prop::sample::Index,
    pub b: prop::sample::Index,
    pub n: usize,
    pub text: String,
}

pub fn edit_recipe() -> impl Strategy<Value = EditRecipe> {
    (
        0u8..20,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        0usize..6,
        text(),
    )
        .prop_map(|(op, a, b, n, text)| EditRecipe { op, a, b, n, text })
}

/// Turns a recipe into an edit for `chart` (which the chart may refuse).
pub fn make_edit(chart: &Chart, recipe: &EditRecipe) -> Edit {
    let ids: Vec<NodeId> = chart.tree_order().collect();
    if ids.is_empty() {
        return Edit::AddNode {
            id: chart.fresh_id(),
            parent: None,
            index: 0,
            node: Box::new(Node::new(NodeKind::Position, recipe.text.clone())),
        };
    }
    let a = *recipe.a.get(&ids);
    let b = *recipe.b.get(&ids);
    let n = recipe.n;
    let kinds = [NodeKind::Unit, NodeKind::Position, NodeKind::Assistant];
    let add = Edit::AddNode {
        id: chart.fresh_id(),
        parent: Some(a),
        index: n.min(chart.children(a).len()),
        node: Box::new(Node::new(kinds[n % 3], recipe.text.clone())),
    };
    match recipe.op {
        0 | 1 => add,
        // Removing a whole subtree is rarer, so charts keep growing.
        2 if n == 0 => Edit::RemoveNode {
            id: a,
            keep_reports: false,
        },
        2 => add,
        3 => Edit::RemoveNode {
            id: a,
            keep_reports: true,
        },
        4 | 5 => Edit::Move {
            id: a,
            parent: Some(b),
            index: n,
        },
        6 => Edit::Move {
            id: a,
            parent: None,
            index: n.min(1),
        },
        7 => Edit::SetField {
            id: a,
            field: Field::Title(recipe.text.clone()),
        },
        8 => Edit::SetField {
            id: a,
            field: Field::Holder(if n.is_multiple_of(2) {
                None
            } else {
                Some(recipe.text.clone())
            }),
        },
        9 => Edit::SetField {
            id: a,
            field: Field::Headcount(n as u32),
        },
        10 => Edit::SetField {
            id: a,
            field: Field::Kind(kinds[n % 3]),
        },
        11 => Edit::SetField {
            id: a,
            field: Field::Collapsed(n.is_multiple_of(2)),
        },
        12 => Edit::SetField {
            id: a,
            field: Field::Pin((n.is_multiple_of(2)).then_some(ChartPoint {
                x: n as f32,
                y: 7.5,
            })),
        },
        13 => Edit::InsertDuty {
            id: a,
            index: n,
            text: recipe.text.clone(),
        },
        14 => Edit::RemoveDuty { id: a, index: n },
        15 => Edit::MoveDuty {
            id: a,
            from: n,
            to: n / 2,
        },
        16 => Edit::SetDuty {
            id: a,
            index: n,
            text: recipe.text.clone(),
        },
        17 => Edit::AddDotted {
            from: a,
            to: b,
            index: n,
        },
        18 => Edit::RemoveDotted { from: a, to: b },
        _ => Edit::Batch(vec![
            Edit::SetField {
                id: a,
                field: Field::Notes(recipe.text.clone()),
            },
            Edit::Move {
                id: b,
                parent: Some(a),
                index: 0,
            },
        ]),
    }
}

/// A tree of positions `n0`, `n1`, …: each under the earlier node `parents` picks (or
/// a top node), appended after its siblings, or put first when `mirrored`.
pub fn positions_tree(parents: &[Option<prop::sample::Index>], mirrored: bool) -> Chart {
    let mut chart = Chart::new("t", "o");
    let mut made: Vec<NodeId> = Vec::new();
    for (n, parent) in parents.iter().enumerate() {
        let parent = match parent {
            Some(index) if !made.is_empty() => Some(*index.get(&made)),
            _ => None,
        };
        let siblings = parent.map_or(chart.roots().len(), |p| chart.children(p).len());
        let id = NodeId(n as u32 + 1);
        let node = Box::new(Node::new(NodeKind::Position, format!("n{n}")));
        let index = if mirrored { 0 } else { siblings };
        chart
            .apply(Edit::AddNode {
                id,
                parent,
                index,
                node,
            })
            .unwrap();
        made.push(id);
    }
    chart
}

/// The first node titled `title` whose unit is titled `unit`.
pub fn find_in_unit(chart: &Chart, title: &str, unit: &str) -> NodeId {
    chart
        .tree_order()
        .find(|&id| {
            chart.node(id).is_some_and(|n| n.title == title)
                && chart
                    .unit_of(id)
                    .and_then(|u| chart.node(u))
                    .is_some_and(|u| u.title == unit)
        })
        .unwrap_or_else(|| panic!("no {title} in {unit}"))
}
