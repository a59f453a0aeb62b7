//! A duty document as a list of blocks: what each paragraph (or line) is, before it is
//! understood. Word documents say it with styles and list numbering ([`super::word`]);
//! text and Markdown say it with `#` and with the bullets and numbers at line starts.

use crate::model::strip_duty_marker;

/// What a block is, as the document marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The document's title (Word's Title style).
    Title,
    /// A subtitle (Word's Subtitle style, or a Markdown line in emphasis under the
    /// title): the organisation, in a handbook Organigram wrote.
    Subtitle,
    /// A heading, at an outline level from 0.
    Heading(u8),
    /// A list item: a Word list paragraph at a list level from 0, or a line that
    /// started with a bullet or number (removed from the text).
    Item(u8),
    /// Any other paragraph or line.
    Para,
}

/// One paragraph of a Word document, or one line of a text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text as written, with a text bullet or number still on it.
    pub raw: String,
    /// Its text without a bullet or number.
    pub text: String,
    /// Its paragraph (Word) or line (text), from 1.
    pub at: usize,
    /// The line started with spaces (text): in a wrapped list, the rest of an item.
    pub indented: bool,
}

impl Block {
    /// A block of `text`; a paragraph that starts with a bullet or number is made an
    /// item without it. (A Word list item's number is in numbering.xml, not in its text,
    /// which is kept as it is.)
    pub fn new(kind: BlockKind, raw: &str, at: usize) -> Block {
        let raw = raw.trim_matches(is_space);
        let (kind, text) = match (kind, strip_duty_marker(raw)) {
            (BlockKind::Para, Some(rest)) => (BlockKind::Item(0), rest),
            (kind, _) => (kind, raw),
        };
        Block {
            kind,
            raw: raw.to_owned(),
            text: text.trim_matches(is_space).to_owned(),
            at,
            indented: false,
        }
    }
}

/// White space, with the ideographic space and a byte-order mark.
pub(crate) fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{3000}' || ch == '\u{feff}'
}

/// The blocks of plain text: one per line that is not blank.
pub(crate) fn text_blocks(text: &str) -> Vec<Block> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_matches(is_space).is_empty())
        .map(|(at, line)| {
            let mut block = Block::new(BlockKind::Para, line, at + 1);
            block.indented = line.starts_with([' ', '\t', '\u{3000}']);
            block
        })
        .collect()
}

/// The blocks of Markdown: `#` headings, list items, and paragraphs, with emphasis and
/// escapes taken off.
pub(crate) fn markdown_blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_code = false;
    for (at, line) in text.lines().enumerate() {
        let trimmed = line.trim_matches(is_space);
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || trimmed.is_empty() || is_rule(trimmed) {
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let block = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            let text = trimmed[hashes..].trim().trim_end_matches('#').trim();
            Block::new(BlockKind::Heading((hashes - 1) as u8), &plain(text), at + 1)
        } else if let Some(inner) = emphasised(trimmed) {
            // A line all in emphasis right under the title is its subtitle.
            let under_title = blocks.len() == 1 && blocks[0].kind == BlockKind::Heading(0);
            let kind = if under_title {
                BlockKind::Subtitle
            } else {
                BlockKind::Para
            };
            let mut block = Block::new(kind, &plain(inner), at + 1);
            block.kind = kind;
            block
        } else {
            // The bullet is looked for before escapes are removed: `1\.` is no list.
            let mut block = Block::new(BlockKind::Para, trimmed, at + 1);
            let indent = line.len() - line.trim_start().len();
            if let BlockKind::Item(_) = block.kind {
                block.kind = BlockKind::Item(u8::from(indent >= 2));
            }
            block.raw = plain(&block.raw);
            block.text = plain(&block.text);
            block.indented = indent >= 2 && block.kind == BlockKind::Para;
            block
        };
        blocks.push(block);
    }
    blocks
}

/// `---`, `***` and `___` lines.
fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && (line.chars().all(|c| c == '-')
            || line.chars().all(|c| c == '*')
            || line.chars().all(|c| c == '_'))
}

/// The inside of a line wholly in `_emphasis_` or `*emphasis*` (not bold).
fn emphasised(line: &str) -> Option<&str> {
    for mark in ['_', '*'] {
        if let Some(inner) = line.strip_prefix(mark).and_then(|l| l.strip_suffix(mark)) {
            let doubled = inner.starts_with(mark) || inner.ends_with(mark);
            if !inner.is_empty() && !doubled && !inner.ends_with('\\') {
                return Some(inner);
            }
        }
    }
    None
}

/// Markdown text as plain text: `**bold**` and `__bold__` marks and backslash escapes
/// removed, trailing hard-break spaces dropped.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' | '_' if chars.peek() == Some(&ch) => {
                chars.next();
            }
            _ => out.push(ch),
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_bullets_are_items_without_them() {
        let blocks = text_blocks("销售部\n\n➢负责渠道\n  各项管理指标。\n1、销售部:负责");
        let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Para,
                BlockKind::Item(0),
                BlockKind::Para,
                BlockKind::Item(0)
            ]
        );
        assert_eq!(blocks[1].text, "负责渠道");
        assert_eq!(blocks[1].at, 3);
        assert!(blocks[2].indented);
        assert_eq!(blocks[3].text, "销售部:负责");
    }

    #[test]
    fn markdown_headings_lists_emphasis_and_escapes() {
        let text = "# 标题\n\n_公司_\n\n## 一、组织架构图\n\n1. **销售部**：负责\\*全部\n- 1\\. 不是编号\n    - 下一级\n";
        let blocks = markdown_blocks(text);
        assert_eq!(blocks[0].kind, BlockKind::Heading(0));
        assert_eq!(blocks[1].kind, BlockKind::Subtitle);
        assert_eq!(blocks[1].text, "公司");
        assert_eq!(blocks[2].kind, BlockKind::Heading(1));
        assert_eq!(blocks[3].kind, BlockKind::Item(0));
        assert_eq!(blocks[3].text, "销售部：负责*全部");
        assert_eq!(blocks[4].text, "1. 不是编号");
        assert_eq!(blocks[5].kind, BlockKind::Item(1));
    }
}
