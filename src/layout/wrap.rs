//! Line breaking for card text: greedy, CJK-aware, with simple kinsoku rules.

use crate::fonts::{advance_em, is_wide};

/// Characters that must not start a line (closing punctuation).
fn no_line_start(ch: char) -> bool {
    matches!(
        ch,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
            | '…'
    )
}

/// Characters that must not end a line (opening punctuation).
fn no_line_end(ch: char) -> bool {
    matches!(
        ch,
        '（' | '「' | '『' | '【' | '《' | '〈' | '“' | '‘' | '(' | '[' | '{'
    )
}

/// Breaks `text` into lines no wider than `max_width` at `font_px`, returning byte ranges.
/// Breaks after spaces and between wide (CJK) characters; a word longer than a line
/// is split where it overflows. An empty text gives no lines.
pub fn wrap(text: &str, font_px: f32, max_width: f32) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut width = 0.0f32;
    // The last place a line may end: (byte index where the next line starts, width up to it).
    let mut last_break: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0usize;
    while i < chars.len() {
        let (at, ch) = chars[i];
        if ch == '\n' {
            lines.push((start, trim_end(text, start, at)));
            start = at + 1;
            width = 0.0;
            last_break = None;
            prev = None;
            i += 1;
            continue;
        }
        // May the line break before `ch`?
        if let Some(p) = prev {
            let breakable = (p == ' ' || is_wide(p) || is_wide(ch) || p == '-' || p == '/')
                && !no_line_start(ch)
                && !no_line_end(p)
                && ch != ' ';
            if breakable {
                last_break = Some((at, i));
            }
        }
        let advance = advance_em(ch) * font_px;
        if width + advance > max_width && width > 0.0 && ch != ' ' {
            let (next_start, next_i) = match last_break {
                Some((b, bi)) if b > start => (b, bi),
                _ => (at, i),
            };
            lines.push((start, trim_end(text, start, next_start)));
            start = next_start;
            i = next_i;
            width = 0.0;
            last_break = None;
            prev = None;
            // Skip spaces at the start of the new line.
            while i < chars.len() && chars[i].1 == ' ' {
                i += 1;
                start = chars.get(i).map_or(text.len(), |&(b, _)| b);
            }
            continue;
        }
        width += advance;
        prev = Some(ch);
        i += 1;
    }
    if start < text.len() {
        let end = trim_end(text, start, text.len());
        if end > start {
            lines.push((start, end));
        }
    }
    lines
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::text_width;

    fn lines(text: &str, px: f32, max: f32) -> Vec<&str> {
        wrap(text, px, max)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(lines("销售主管", 14.0, 200.0), vec!["销售主管"]);
    }

    #[test]
    fn chinese_breaks_between_characters_and_keeps_commas_off_line_starts() {
        let text = "负责区域内经销商的开发，评价筛选和评估工作";
        let got = lines(text, 10.0, 105.0);
        assert!(got.len() > 1);
        assert_eq!(got.concat(), text);
        for line in &got {
            assert!(text_width(line, 10.0) <= 105.0 + 0.01, "{line}");
            assert!(!line.starts_with('，'));
        }
    }

    #[test]
    fn english_breaks_at_spaces() {
        let got = lines("Regional Sales Manager for the North", 14.0, 120.0);
        assert!(got.len() > 1);
        for line in &got {
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(got.join(" "), "Regional Sales Manager for the North");
    }

    #[test]
    fn a_long_word_is_split() {
        let got = lines("Supercalifragilisticexpialidocious", 14.0, 60.0);
        assert!(got.len() > 1);
        assert_eq!(got.concat(), "Supercalifragilisticexpialidocious");
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(lines("", 14.0, 100.0).is_empty());
    }
}
