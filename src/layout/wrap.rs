//! Line breaking for card text: greedy, at the break opportunities of Unicode line
//! breaking (UAX #14, the `unicode-linebreak` crate), measured with the bundled font.
//!
//! UAX #14 already keeps closing punctuation (，。）》”%) off line starts, opening
//! punctuation (（《“) off line ends, Latin words and numbers with their signs (30%,
//! 3.5) whole, and lets Chinese break between any two characters. On top of it:
//! - a number stays with the Chinese character after it (2026年, 3个), as a typesetter
//!   would keep it;
//! - a piece wider than a whole line (a very long word) is split by characters, with
//!   closing punctuation hanging at the end of the line rather than starting the next.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::fonts::{advance_em, is_wide};

/// Characters that never start a line, even where a long piece must be split.
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
            | '％'
            | '…'
    )
}

/// Opening brackets and quotes, which never end a line where a long piece is split.
fn no_line_end(ch: char) -> bool {
    matches!(
        ch,
        '（' | '「' | '『' | '【' | '《' | '〈' | '“' | '‘' | '(' | '[' | '{'
    )
}

/// Whether UAX #14's break before byte `at` is kept: not between a number and the
/// Chinese character after it (2026年).
fn keep_break(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if b.is_ascii_digit() && is_wide(a) && !no_line_start(a))
}

/// The places `text` may break, as (byte index where the next line starts, whether it
/// must): UAX #14's, tailored. A break before closing punctuation (which UAX #14 allows
/// after a space, as in “a ”b”) moves past it, so the punctuation hangs.
fn breaks(text: &str) -> Vec<(usize, bool)> {
    let mut found: Vec<(usize, bool)> = Vec::new();
    for (at, opportunity) in linebreaks(text) {
        let hard = opportunity == BreakOpportunity::Mandatory;
        if hard {
            found.push((at, true));
            continue;
        }
        if !keep_break(text, at) {
            continue;
        }
        let hang: usize = text[at..]
            .chars()
            .take_while(|&ch| no_line_start(ch))
            .map(char::len_utf8)
            .sum();
        let at = at + hang;
        if at < text.len() && found.last().is_none_or(|&(last, _)| last < at) {
            found.push((at, false));
        }
    }
    found
}

/// The width of `text` at `font_px`.
fn width(text: &str, font_px: f32) -> f32 {
    text.chars().map(advance_em).sum::<f32>() * font_px
}

/// Lines being filled: the finished ones, and the one open now.
struct Lines<'t> {
    text: &'t str,
    font_px: f32,
    max_width: f32,
    done: Vec<(usize, usize)>,
    /// Where the open line starts, and where its text so far ends (with any spaces).
    start: usize,
    end: usize,
}

impl Lines<'_> {
    fn is_open_empty(&self) -> bool {
        self.end == self.start
    }

    /// Ends the open line (its trailing spaces left out); the next starts at `next`.
    fn flush(&mut self, next: usize, keep_empty: bool) {
        let end = self.start + self.text[self.start..self.end].trim_end().len();
        if end > self.start || keep_empty {
            self.done.push((self.start, end));
        }
        self.start = next;
        self.end = next;
    }

    /// Adds the piece `[from, to)` (a run between two break opportunities).
    fn add(&mut self, from: usize, to: usize) {
        let piece = self.text[from..to].trim_end();
        let fits = |lines: &Self| {
            width(&lines.text[lines.start..from], lines.font_px) + width(piece, lines.font_px)
                <= lines.max_width
        };
        if !self.is_open_empty() && !fits(self) {
            self.flush(from, false);
        }
        if width(piece, self.font_px) > self.max_width {
            self.split(from, from + piece.len());
        }
        self.end = to;
    }

    /// The width of the Latin word (letters and digits) starting at `at`; 0 if none.
    fn word_width(&self, at: usize) -> f32 {
        let word = self.text[at..]
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        width(word, self.font_px)
    }

    /// Splits the over-long `[from, to)` onto lines of their own, between characters:
    /// where a Latin word or number ends if one fits, else where the line is full; never
    /// before closing punctuation. What is left stays open.
    fn split(&mut self, from: usize, to: usize) {
        let mut line_width = 0.0;
        // The last place in the open line between two words, and the width up to it.
        let mut boundary: Option<(usize, f32)> = None;
        // The same, but after an opening bracket: used only when there is no other.
        let mut last_resort: Option<(usize, f32)> = None;
        let mut prev: Option<char> = None;
        // The last character before `ch` that is not a space.
        let mut last_seen: Option<char> = None;
        for (offset, ch) in self.text[from..to].char_indices() {
            let at = from + offset;
            // Never before closing punctuation; after an opening bracket only to keep
            // a word that fits on a line whole.
            let after_open = last_seen.is_some_and(no_line_end);
            let may_break = at > self.start && !no_line_start(ch) && !after_open;
            let in_word =
                prev.is_some_and(|p| p.is_ascii_alphanumeric()) && ch.is_ascii_alphanumeric();
            if at > self.start && !no_line_start(ch) && !in_word {
                if !after_open {
                    boundary = Some((at, line_width));
                } else if self.word_width(at) <= self.max_width {
                    last_resort = Some((at, line_width));
                }
            }
            let advance = advance_em(ch) * self.font_px;
            // Cut at the best place left until `ch` fits: the last boundary, the last
            // resort, then `ch` itself (splitting a word too wide for a line).
            while line_width + advance > self.max_width {
                let here = may_break && at > self.start;
                let Some((cut, before)) = boundary
                    .take()
                    .or_else(|| last_resort.take())
                    .or(here.then_some((at, line_width)))
                else {
                    break;
                };
                self.end = cut;
                self.flush(cut, false);
                line_width -= before;
                last_resort = last_resort
                    .filter(|&(place, _)| place > cut)
                    .map(|(place, width)| (place, width - before));
            }
            line_width += advance;
            prev = Some(ch);
            if ch != ' ' {
                last_seen = Some(ch);
            }
        }
    }
}

/// Breaks `text` into lines no wider than `max_width` at `font_px`, returning byte ranges
/// (trailing spaces left out). A newline always breaks; a piece wider than a line is
/// split by characters (closing punctuation may hang past the edge). An empty text gives
/// no lines.
pub fn wrap(text: &str, font_px: f32, max_width: f32) -> Vec<(usize, usize)> {
    let mut lines = Lines {
        text,
        font_px,
        max_width,
        done: Vec::new(),
        start: 0,
        end: 0,
    };
    let mut from = 0;
    for (at, hard) in breaks(text) {
        if at <= from {
            continue;
        }
        // A hard break's piece ends with the newline, which is not drawn.
        let piece_end = if hard {
            from + text[from..at].trim_end_matches(['\n', '\r']).len()
        } else {
            at
        };
        lines.add(from, piece_end);
        if hard && (at < text.len() || piece_end < at) {
            // A newline ends the line, even an empty one.
            lines.flush(at, true);
        }
        from = at;
    }
    if !lines.is_open_empty() {
        lines.flush(text.len(), false);
    }
    lines.done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::text_width;
    use proptest::prelude::*;

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
    fn a_long_word_after_an_opening_bracket_is_cut_to_fit() {
        // Found by the property test below in CI.
        let text = "(iADaaMaDAAiNaaAAncA";
        let got = lines(text, 12.0, 70.0);
        assert_eq!(got.concat(), text);
        for line in &got {
            assert!(text_width(line, 12.0) <= 70.0 + 0.01, "{got:?}");
            assert_ne!(*line, "(", "{got:?}");
        }
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(lines("", 14.0, 100.0).is_empty());
    }

    #[test]
    fn newlines_always_break_and_blank_lines_stay() {
        assert_eq!(lines("一\n\n二", 14.0, 200.0), vec!["一", "", "二"]);
        assert_eq!(lines("a\n", 14.0, 200.0), vec!["a"]);
    }

    #[test]
    fn numbers_keep_their_units_and_mixed_titles_break_between_scripts() {
        // Each width lets the line end just inside the number: a break there would split it.
        for max in [40.0, 50.0, 60.0, 70.0] {
            for line in lines("完成2026年销售目标的30%以上", 10.0, max) {
                assert!(!line.starts_with('年') && !line.starts_with('%'), "{line}");
                assert!(!line.starts_with("026") && !line.starts_with('0'), "{line}");
            }
        }
        let got = lines("负责CRM系统的日常维护", 10.0, 60.0);
        assert!(got.iter().any(|l| l.contains("CRM")), "{got:?}");
        assert_eq!(got.concat(), "负责CRM系统的日常维护");
    }

    #[test]
    fn brackets_stay_with_what_they_enclose() {
        for max in [30.0, 40.0, 50.0, 60.0, 80.0] {
            let got = lines("销售内勤（工程示范中心）岗位", 10.0, max);
            for line in &got {
                assert!(!line.ends_with('（'), "{got:?}");
                assert!(!line.starts_with('）'), "{got:?}");
            }
        }
    }

    /// Pieces of mixed Chinese–English text: ideographs, Latin words, numbers with
    /// units, brackets and punctuation.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[销售经理区域市场部工程示范中心负责渠道管理]{1,4}",
            "[A-Za-z]{1,9}",
            "[0-9]{1,4}[年月日%个]?",
            Just("，".to_owned()),
            Just("。".to_owned()),
            Just("、".to_owned()),
            Just("（".to_owned()),
            Just("）".to_owned()),
            Just("“".to_owned()),
            Just("”".to_owned()),
            Just(", ".to_owned()),
            Just(". ".to_owned()),
            Just(" ".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
        ]
    }

    /// The byte ranges of the Latin words of `text` (runs of ASCII letters and digits,
    /// as in “B2B”).
    fn words(text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut start = None;
        for (at, ch) in text.char_indices().chain([(text.len(), ' ')]) {
            match (ch.is_ascii_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    found.push((s, at));
                    start = None;
                }
                _ => {}
            }
        }
        found
    }

    proptest! {
        #[test]
        fn lines_never_start_with_closing_punctuation_nor_split_a_word(
            pieces in prop::collection::vec(piece(), 1..40),
            max_width in 70.0f32..300.0,
        ) {
            let text: String = pieces.concat();
            let font_px = 12.0;
            let got = wrap(&text, font_px, max_width);
            // Every character that is not a space is on exactly one line, in order.
            let kept: String = got.iter().map(|&(a, b)| &text[a..b]).collect::<String>()
                .chars().filter(|c| *c != ' ').collect();
            let all: String = text.chars().filter(|c| *c != ' ').collect();
            prop_assert_eq!(kept, all);
            for (n, &(a, b)) in got.iter().enumerate() {
                let line = &text[a..b];
                prop_assert!(!line.is_empty());
                // An opening bracket ends a line only on a line of brackets alone, when
                // the word after them fills a line.
                if n + 1 < got.len() && !line.chars().all(|c| c == ' ' || no_line_end(c)) {
                    prop_assert!(!line.ends_with(['(', '（']), "line {} ends with a bracket", n);
                }
                if n > 0 {
                    let first = line.chars().next().unwrap_or(' ');
                    prop_assert!(!no_line_start(first), "line {} starts with {:?}: {:?}", n, first, got.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>());
                }
                // Only hanging closing punctuation may pass the edge.
                let body = line.trim_end_matches(no_line_start);
                prop_assert!(text_width(body, font_px) <= max_width + 0.01, "{:?} is too wide", line);
            }
            // Latin words no wider than a line are never split.
            for (a, b) in words(&text) {
                if text_width(&text[a..b], font_px) <= max_width {
                    prop_assert!(
                        got.iter().any(|&(s, e)| s <= a && b <= e),
                        "{:?} was split: {:?}", &text[a..b], got.iter().map(|&(s, e)| &text[s..e]).collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}
