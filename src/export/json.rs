//! The laid-out chart as JSON: `{"nodes": [...], "connectors": [...]}`, nodes in tree
//! order.
//!
//! Each node: `id`, `parent` (or null), `kind` (`"unit"`, `"position"`, `"assistant"`),
//! `title`, `holder` (or null), `headcount`, `duties`, `dotted` (ids of dotted-line
//! managers), `unit` (the nearest unit above, or null), `colour` (or null), `notes`, and
//! the card's box `x`, `y`, `width`, `height`: top-left corner in chart units, y growing
//! downwards. Nodes hidden inside collapsed subtrees are left out; a collapsed node has
//! `"collapsed": true`.
//!
//! Each connector: `from` and `to` (node ids: the manager, the subordinate), `kind`
//! (`"solid"` for a tree line, `"assistant"` for the line to an assistant, `"dotted"` for
//! a dotted line) and `points`, the line's corners `[[x, y], …]` in the cards' chart
//! units. A dotted line whose manager is far away (or folded away, when `from` is not
//! among the nodes) is a stub: its `points` are the stub's and it has a `label`
//! (`"··· Head of Finance"`) and the label's box `label_box`, `[x, y, width, height]`.
//! Solid lines come in tree order, then the dotted ones.

use std::io::{self, Write};

use serde::Serialize;

use crate::layout::{connectors_to, ChartLayout, DottedShape, LayoutOptions, LinkKind, Routing};
use rustc_hash::FxHashMap;

use crate::model::{Chart, Colour, NodeId, NodeKind};

#[derive(Serialize)]
struct JsonNode<'a> {
    id: u32,
    /// The id in the HR system, when the node has one.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    parent: Option<u32>,
    kind: &'static str,
    title: &'a str,
    holder: Option<&'a str>,
    headcount: u32,
    duties: &'a [String],
    dotted: Vec<u32>,
    unit: Option<u32>,
    colour: Option<String>,
    notes: &'a str,
    collapsed: bool,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
}

#[derive(Serialize)]
struct JsonConnector<'a> {
    from: u32,
    to: u32,
    kind: &'static str,
    points: &'a [[f32; 2]],
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_box: Option<[f32; 4]>,
}

/// Writes the JSON for `chart` laid out as `layout` with `options`, streaming: the
/// nodes go out in blocks, two at a time written by two threads into buffers (so memory
/// stays bounded), then the connectors one by one.
pub fn write_json(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows = rows(chart, layout);
    out.write_all(b"{\"nodes\":[")?;
    for (n, pair) in rows.chunks(2 * BLOCK_NODES).enumerate() {
        let (first, second) = pair.split_at(pair.len().min(BLOCK_NODES));
        let (head, tail) = std::thread::scope(|scope| {
            let tail =
                (!second.is_empty()).then(|| scope.spawn(|| nodes_json(chart, layout, second)));
            (nodes_json(chart, layout, first), tail.map(|t| t.join()))
        });
        if n > 0 {
            out.write_all(b",\n")?;
        }
        out.write_all(&head?)?;
        if let Some(tail) = tail {
            let tail = tail.map_err(|_| io::Error::other("a JSON writer thread failed"))??;
            out.write_all(b",\n")?;
            out.write_all(&tail)?;
        }
    }
    out.write_all(b"],\n\"connectors\":[")?;
    write_connectors(chart, layout, options, out)?;
    out.write_all(b"]}\n")
}

/// Nodes per block.
const BLOCK_NODES: usize = 8_192;

/// A visible node, with the unit and colour it inherits.
struct Row {
    id: NodeId,
    parent: Option<NodeId>,
    unit: Option<NodeId>,
    colour: Option<Colour>,
}

/// The visible nodes in tree order, with what they inherit: the nearest unit and colour,
/// carried down in tree order (O(n) at any depth).
fn rows(chart: &Chart, layout: &ChartLayout) -> Vec<Row> {
    let mut rows = Vec::with_capacity(chart.len());
    let mut inherited: FxHashMap<NodeId, (Option<NodeId>, Option<Colour>)> =
        FxHashMap::with_capacity_and_hasher(chart.len(), Default::default());
    for id in chart.tree_order() {
        let parent = chart.parent(id);
        let (unit, parent_colour) = match parent {
            Some(p) => {
                let (above, colour) = inherited.get(&p).copied().unwrap_or((None, None));
                let parent_is_unit = chart.node(p).is_some_and(|n| n.kind == NodeKind::Unit);
                (if parent_is_unit { Some(p) } else { above }, colour)
            }
            None => (None, None),
        };
        let colour = chart.node(id).and_then(|n| n.colour).or(parent_colour);
        inherited.insert(id, (unit, colour));
        if chart.node(id).is_some() && layout.rect(id).is_some() {
            rows.push(Row {
                id,
                parent,
                unit,
                colour,
            });
        }
    }
    rows
}

/// The JSON of `rows`, separated by `,\n`.
fn nodes_json(chart: &Chart, layout: &ChartLayout, rows: &[Row]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(rows.len() * 256);
    for (n, row) in rows.iter().enumerate() {
        let (Some(node), Some(rect)) = (chart.node(row.id), layout.rect(row.id)) else {
            continue;
        };
        if n > 0 {
            out.extend_from_slice(b",\n");
        }
        let record = JsonNode {
            id: row.id.0,
            reference: node.reference.as_deref(),
            parent: row.parent.map(|p| p.0),
            kind: node.kind.name(),
            title: &node.title,
            holder: node.holder.as_deref(),
            headcount: node.headcount,
            duties: &node.duties,
            dotted: node.dotted.iter().map(|d: &NodeId| d.0).collect(),
            unit: row.unit.map(|u| u.0),
            colour: row.colour.map(Colour::to_hex),
            notes: &node.notes,
            collapsed: node.collapsed,
            x: rect.x,
            y: rect.y,
            width: rect.width,
            height: rect.height,
        };
        serde_json::to_writer(&mut out, &record).map_err(io::Error::other)?;
    }
    Ok(out)
}

/// The connectors, comma-separated: solid and assistant lines, then dotted lines.
fn write_connectors(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let routing = Routing::new(chart, layout, options);
    let mut first = true;
    let mut write = |record: &JsonConnector<'_>| -> io::Result<()> {
        if !first {
            out.write_all(b",\n")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, record).map_err(io::Error::other)
    };
    let ids = layout.cards.iter().map(|card| card.id);
    for line in connectors_to(chart, layout, ids, |_| true) {
        if line.kind == LinkKind::Dotted {
            continue;
        }
        let Some(points) = routing.points(&line, layout) else {
            continue;
        };
        let assistant = chart
            .node(line.to)
            .is_some_and(|node| node.kind == NodeKind::Assistant);
        write(&JsonConnector {
            from: line.from.0,
            to: line.to.0,
            kind: if assistant { "assistant" } else { "solid" },
            points: &points,
            label: None,
            label_box: None,
        })?;
    }
    for dotted in routing.dotted() {
        let record = match dotted.shape(layout.get(dotted.from).is_some()) {
            DottedShape::Line(points) => JsonConnector {
                from: dotted.from.0,
                to: dotted.to.0,
                kind: "dotted",
                points,
                label: None,
                label_box: None,
            },
            DottedShape::Stub(stub) => {
                let rect = stub.label_rect;
                JsonConnector {
                    from: dotted.from.0,
                    to: dotted.to.0,
                    kind: "dotted",
                    points: &stub.points,
                    label: Some(&stub.label),
                    label_box: Some([rect.x, rect.y, rect.width, rect.height]),
                }
            }
        };
        write(&record)?;
    }
    Ok(())
}
