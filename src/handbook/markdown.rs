//! The handbook as Markdown: headings and lists. The chart is given as an indented list
//! of the tree (a Markdown file has no drawing of its own).

use std::fmt::Write as _;

use super::{Handbook, Section};
use crate::i18n::Lang;
use crate::model::{Chart, NodeKind};

/// Writes the handbook as Markdown.
pub fn markdown(handbook: &Handbook, chart: &Chart) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&handbook.title));
    if !handbook.organisation.is_empty() {
        let _ = writeln!(out, "_{}_\n", escape(&handbook.organisation));
    }
    if handbook.options.toc {
        contents(handbook, &mut out);
    }
    for section in handbook.sections() {
        let _ = writeln!(out, "## {}\n", escape(&handbook.heading(section)));
        match section {
            Section::Chart => tree(handbook, chart, &mut out),
            Section::Units => units(handbook, &mut out),
            Section::Posts => posts(handbook, &mut out),
        }
    }
    out
}

fn contents(handbook: &Handbook, out: &mut String) {
    let _ = writeln!(out, "**{}**\n", escape(&handbook.word("handbook-contents")));
    for section in handbook.sections() {
        let _ = writeln!(out, "- {}", escape_line(&handbook.heading(section)));
        if section == Section::Posts {
            for unit in &handbook.units {
                let _ = writeln!(out, "  - {}", escape_line(&unit.name));
            }
        }
    }
    out.push('\n');
}

/// The chart as an indented list: every node, with a vacant post marked.
fn tree(handbook: &Handbook, chart: &Chart, out: &mut String) {
    let depths = chart.depths();
    for id in chart.tree_order() {
        let Some(node) = chart.node(id) else { continue };
        let depth = depths.get(&id).copied().unwrap_or(0) as usize;
        let text = match (&node.kind, &node.holder) {
            (NodeKind::Unit, _) => format!("**{}**", escape(&node.title)),
            (_, Some(holder)) => format!("{} ({})", escape_line(&node.title), escape(holder)),
            (_, None) => format!(
                "{} ({})",
                escape_line(&node.title),
                handbook.word("handbook-vacant")
            ),
        };
        let _ = writeln!(out, "{}- {text}", "  ".repeat(depth));
    }
    out.push('\n');
}

fn units(handbook: &Handbook, out: &mut String) {
    let colon = match handbook.lang {
        Lang::Chinese => "：",
        Lang::English => ": ",
    };
    for (at, unit) in handbook.units_with_responsibilities().enumerate() {
        let name = escape(&unit.name);
        match unit.responsibilities.as_slice() {
            [only] => {
                let _ = writeln!(out, "{}. **{name}**{colon}{}", at + 1, escape(only));
            }
            many => {
                let _ = writeln!(out, "{}. **{name}**{colon}", at + 1);
                for text in many {
                    let _ = writeln!(out, "    - {}", escape_line(text));
                }
            }
        }
    }
    out.push('\n');
}

fn posts(handbook: &Handbook, out: &mut String) {
    for unit in &handbook.units {
        let _ = writeln!(out, "### {}\n", escape(&unit.name));
        let fields = handbook.unit_fields(unit);
        if !fields.is_empty() {
            let _ = writeln!(out, "{}\n", escape_line(&handbook.fields_line(&fields)));
        }
        if !unit.notes.trim().is_empty() {
            let _ = writeln!(out, "{}\n", escape_line(&handbook.notes_line(&unit.notes)));
        }
        for post in &unit.posts {
            let _ = writeln!(out, "#### {}\n", escape(&post.title));
            let fields = handbook.fields_line(&handbook.post_fields(post));
            let _ = writeln!(out, "{}\n", escape_line(&fields));
            if !post.notes.trim().is_empty() {
                let _ = writeln!(out, "{}\n", escape_line(&handbook.notes_line(&post.notes)));
            }
            if post.duties.is_empty() {
                let _ = writeln!(out, "_{}_\n", escape(&handbook.word("handbook-no-duties")));
                continue;
            }
            let numbered = handbook.options.bullets.is_numbered();
            for (at, duty) in post.duties.iter().enumerate() {
                let marker = if numbered {
                    format!("{}.", at + 1)
                } else {
                    "-".to_owned()
                };
                // A duty's own line breaks stay inside its list item.
                let text = escape_line(duty).replace('\n', "  \n   ");
                let _ = writeln!(out, "{marker} {text}");
            }
            out.push('\n');
        }
    }
}

/// `text` with Markdown's own characters escaped, so it reads back as written.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `text` escaped to start a line or a list item: a text that starts like a list item
/// ("1. ", "- ") would become one.
pub(crate) fn escape_line(text: &str) -> String {
    let mut out = escape(text);
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape_line("1. first"), "1\\. first");
        assert_eq!(escape_line("- dash"), "\\- dash");
        assert_eq!(escape("1. first"), "1. first");
        assert_eq!(escape("负责渠道"), "负责渠道");
    }
}
