//! Finds where each node starts in a RON chart file, so structural problems can name a
//! line and column. A light scan: it skips strings and comments and looks for `id: N`.

use rustc_hash::FxHashMap;

/// Line and column (1-based) of every `id: N` field in `text`, by id, in file order.
pub(super) fn node_positions(text: &str) -> FxHashMap<u32, Vec<(usize, usize)>> {
    let mut found: FxHashMap<u32, Vec<(usize, usize)>> = FxHashMap::default();
    let bytes = text.as_bytes();
    let mut at = 0usize;
    let mut line = 1usize;
    let mut line_start = 0usize;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => {
                line += 1;
                at += 1;
                line_start = at;
            }
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    if bytes[at] == b'\\' {
                        at += 1;
                    }
                    if at < bytes.len() && bytes[at] == b'\n' {
                        line += 1;
                        line_start = at + 1;
                    }
                    at += 1;
                }
                at += 1;
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at += 2;
                while at < bytes.len() && !(bytes[at] == b'*' && bytes.get(at + 1) == Some(&b'/')) {
                    if bytes[at] == b'\n' {
                        line += 1;
                        line_start = at + 1;
                    }
                    at += 1;
                }
                at += 2;
            }
            b'i' if bytes.get(at + 1) == Some(&b'd')
                && (at == 0 || !is_ident(bytes[at - 1]))
                && !bytes.get(at + 2).is_some_and(|&b| is_ident(b)) =>
            {
                let column = text[line_start..at].chars().count() + 1;
                let mut cursor = at + 2;
                while cursor < bytes.len() && (bytes[cursor] == b' ' || bytes[cursor] == b'\t') {
                    cursor += 1;
                }
                if bytes.get(cursor) == Some(&b':') {
                    cursor += 1;
                    while cursor < bytes.len() && (bytes[cursor] == b' ' || bytes[cursor] == b'\t')
                    {
                        cursor += 1;
                    }
                    let digits_end = bytes[cursor..]
                        .iter()
                        .position(|b| !b.is_ascii_digit())
                        .map_or(bytes.len(), |n| cursor + n);
                    if let Ok(id) = text[cursor..digits_end].parse::<u32>() {
                        found.entry(id).or_default().push((line, column));
                    }
                }
                at += 2;
            }
            _ => at += 1,
        }
    }
    found
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The 1-based line and column of byte `offset` in `bytes` (columns count characters
/// where the bytes are UTF-8).
pub(super) fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_and_skips_strings_and_comments() {
        let text = "(\n  nodes: [\n    (id: 7, title: \"id: 9\"),\n    // id: 8\n    ( id : 12 ),\n  ],\n)";
        let found = node_positions(text);
        assert_eq!(found.get(&7), Some(&vec![(3, 6)]));
        assert_eq!(found.get(&12), Some(&vec![(5, 7)]));
        assert!(!found.contains_key(&9));
        assert!(!found.contains_key(&8));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\n营销x".as_bytes(), 9), (2, 3));
    }
}
