//! Writes a chart as RON text: deterministic, one field per line, nodes sorted by id.

use std::fmt::Write;

use crate::model::{Chart, Node, NodeId};

use super::FORMAT_VERSION;

/// The chart as RON text in the native format. The same chart always gives the same bytes.
pub fn write_chart(chart: &Chart) -> String {
    let ids = chart.sorted_ids();
    let mut out = String::with_capacity(128 + ids.len() * 200);
    let _ = writeln!(
        out,
        "// Organigram chart, format {}.{}. See README.md, \"File format\".\n(",
        FORMAT_VERSION.0, FORMAT_VERSION.1
    );
    let _ = writeln!(
        out,
        "    format: ({}, {}),",
        FORMAT_VERSION.0, FORMAT_VERSION.1
    );
    field_str(&mut out, 4, "title", chart.title());
    field_str(&mut out, 4, "organisation", chart.organisation());
    field_ids(&mut out, 4, "roots", chart.roots());
    out.push_str("    nodes: [\n");
    for id in ids {
        if let Some(node) = chart.node(id) {
            write_node(&mut out, id, node, chart.children(id));
        }
    }
    out.push_str("    ],\n)\n");
    out
}

fn write_node(out: &mut String, id: NodeId, node: &Node, reports: &[NodeId]) {
    out.push_str("        (\n");
    let _ = writeln!(out, "            id: {},", id.0);
    let _ = writeln!(out, "            kind: {:?},", node.kind);
    if let Some(reference) = &node.reference {
        field_str(out, 12, "ref", reference);
    }
    field_str(out, 12, "title", &node.title);
    match (&node.holder, node.kind.is_post()) {
        (Some(holder), _) => field_str(out, 12, "holder", holder),
        (None, true) => out.push_str("            holder: None,\n"),
        (None, false) => {}
    }
    if node.headcount != 1 {
        let _ = writeln!(out, "            headcount: {},", node.headcount);
    }
    if let Some(colour) = node.colour {
        field_str(out, 12, "colour", &colour.to_hex());
    }
    if !reports.is_empty() {
        field_ids(out, 12, "reports", reports);
    }
    if !node.dotted.is_empty() {
        field_ids(out, 12, "dotted", &node.dotted);
    }
    if node.collapsed {
        out.push_str("            collapsed: true,\n");
    }
    if let Some(offset) = node.pin {
        let _ = writeln!(
            out,
            "            offset: (x: {:?}, y: {:?}),",
            offset.x, offset.y
        );
    }
    if !node.notes.is_empty() {
        field_str(out, 12, "notes", &node.notes);
    }
    if !node.duties.is_empty() {
        out.push_str("            duties: [\n");
        for duty in &node.duties {
            out.push_str("                ");
            push_quoted(out, duty);
            out.push_str(",\n");
        }
        out.push_str("            ],\n");
    }
    out.push_str("        ),\n");
}

fn field_str(out: &mut String, indent: usize, name: &str, value: &str) {
    push_indent(out, indent);
    out.push_str(name);
    out.push_str(": ");
    push_quoted(out, value);
    out.push_str(",\n");
}

fn field_ids(out: &mut String, indent: usize, name: &str, ids: &[NodeId]) {
    push_indent(out, indent);
    out.push_str(name);
    out.push_str(": [");
    for (n, id) in ids.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}", id.0);
    }
    out.push_str("],\n");
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// Writes `text` as a RON string literal: only `"`, `\` and control characters are
/// escaped; everything else, Chinese included, is written as it is.
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
