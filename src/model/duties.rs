//! Turning pasted text (from Word documents, web pages, e-mail) into a list of duties.

/// Splits pasted text into duties: one per line, with bullets and numbering stripped
/// (➢ • · - * 1. 1、 1) (1) （1） ① 一、 a) …) and blank lines dropped.
///
/// When some lines start with a bullet or number and others do not, the others are taken
/// as the wrapped rest of the duty above them and joined to it, as in documents that were
/// copied with hard line breaks (the seed document is one).
pub fn split_pasted_duties(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_matches(is_space))
        .filter(|line| !line.is_empty())
        .collect();
    let marked: Vec<Option<&str>> = lines.iter().map(|line| strip_marker(line)).collect();
    let any_marked = marked.iter().any(Option::is_some);
    let mut duties: Vec<String> = Vec::new();
    for (line, stripped) in lines.iter().zip(marked) {
        match stripped {
            Some(rest) => duties.push(rest.to_owned()),
            None if any_marked && !duties.is_empty() => {
                if let Some(last) = duties.last_mut() {
                    join_wrapped(last, line);
                }
            }
            None => duties.push((*line).to_owned()),
        }
    }
    duties.retain(|duty| !duty.is_empty());
    duties
}

/// `line` without its leading bullet or number (➢ • · - * 1. 1、 (1) （1） ① 一、 …), by
/// the same rule as [`split_pasted_duties`]; `None` when it has neither.
pub fn strip_duty_marker(line: &str) -> Option<&str> {
    strip_marker(line.trim_start_matches(is_space))
}

/// Appends the hard-wrapped rest of a duty to it: directly after CJK text, with a space
/// after Latin text.
pub fn join_wrapped_line(duty: &mut String, rest: &str) {
    join_wrapped(duty, rest.trim_matches(is_space));
}

fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{3000}' || ch == '\u{feff}'
}

/// Joins a wrapped continuation: directly after CJK text, with a space after Latin text.
fn join_wrapped(duty: &mut String, rest: &str) {
    let cjk_seam = duty.chars().last().is_some_and(crate::fonts::is_wide)
        || rest.chars().next().is_some_and(crate::fonts::is_wide);
    if !cjk_seam && !duty.ends_with('-') {
        duty.push(' ');
    }
    duty.push_str(rest);
}

const BULLETS: &[char] = &[
    '➢', '➤', '➣', '►', '▶', '•', '·', '‧', '∙', '●', '○', '◦', '■', '□', '▪', '▫', '◆', '◇', '★',
    '☆', '✓', '✔', '❖', '-', '–', '—', '*', '+', '>', '»',
];

const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑";
const CHINESE_NUMERALS: &str = "一二三四五六七八九十百零〇";

/// The line without its leading bullet or number, or `None` when it has neither.
fn strip_marker(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if BULLETS.contains(&first) {
        // "-5 %" is not a bullet: a bullet stands alone before the text.
        let rest = &line[first.len_utf8()..];
        if matches!(first, '-' | '+' | '*') && !rest.starts_with(is_space) {
            return None;
        }
        return Some(rest.trim_start_matches(is_space));
    }
    if CIRCLED.contains(first) {
        return Some(line[first.len_utf8()..].trim_start_matches(is_space));
    }
    // (1) （1） (一) （一）
    if let Some(inner) = line.strip_prefix('(').or_else(|| line.strip_prefix('（')) {
        let end = inner.find([')', '）'])?;
        let label = &inner[..end];
        if !label.is_empty()
            && label.len() <= 9
            && label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || CHINESE_NUMERALS.contains(c))
        {
            let close = inner[end..].chars().next().map_or(1, char::len_utf8);
            return Some(inner[end + close..].trim_start_matches(is_space));
        }
        return None;
    }
    // 1. 1) 1、 1． 12: a) A. 一、
    let label_end = line
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || CHINESE_NUMERALS.contains(c)))
        .map_or(line.len(), |(at, _)| at);
    let (label, rest) = if label_end > 0 {
        line.split_at(label_end)
    } else {
        // A single letter label: a) b. — only with a space after, so words are safe.
        let mut chars = line.chars();
        let letter = chars.next()?;
        if !letter.is_ascii_alphabetic() {
            return None;
        }
        line.split_at(letter.len_utf8())
    };
    let separator = rest.chars().next()?;
    if !matches!(separator, '.' | ')' | '、' | '．' | '）' | ':' | '：') {
        return None;
    }
    let after = &rest[separator.len_utf8()..];
    let letter_label = label.chars().all(|c| c.is_ascii_alphabetic());
    let digits_only = label.chars().all(|c| c.is_ascii_digit());
    // "3.5 million" and "a.m." are text, not numbering; "1.负责…" is numbering.
    let glued = !after.is_empty() && !after.starts_with(is_space);
    let digit_then_text = digits_only
        && separator == '.'
        && after.chars().next().is_some_and(|c| !c.is_ascii_digit());
    if glued && (letter_label || (digits_only && separator == '.')) && !digit_then_text {
        return None;
    }
    if label.chars().count() > 4 {
        return None;
    }
    Some(after.trim_start_matches(is_space))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_every_common_bullet_and_number() {
        let text = "➢负责渠道\n• Build the network\n· 第三条\n- dash item\n* star item\n1. numbered\n2) paren\n3、中文顿号\n(4) bracketed\n（5）全角括号\n⑥ circled\n七、汉字编号\na) letter\n";
        assert_eq!(
            split_pasted_duties(text),
            vec![
                "负责渠道",
                "Build the network",
                "第三条",
                "dash item",
                "star item",
                "numbered",
                "paren",
                "中文顿号",
                "bracketed",
                "全角括号",
                "circled",
                "汉字编号",
                "letter",
            ]
        );
    }

    #[test]
    fn plain_lines_are_one_duty_each_and_blank_lines_are_dropped() {
        assert_eq!(
            split_pasted_duties("First\r\n\r\n  Second  \n\u{3000}"),
            vec!["First", "Second"]
        );
    }

    #[test]
    fn wrapped_lines_join_the_bulleted_duty_above() {
        let text = "➢确保区域市场下属招商团队的正常运营,完成销售和\n\n各项管理指标。\n➢对区域市场的重点客户进行拜访和调查。\n• Plan the quarter and\nreport monthly";
        assert_eq!(
            split_pasted_duties(text),
            vec![
                "确保区域市场下属招商团队的正常运营,完成销售和各项管理指标。",
                "对区域市场的重点客户进行拜访和调查。",
                "Plan the quarter and report monthly",
            ]
        );
    }

    #[test]
    fn numbers_and_dashes_inside_text_are_kept() {
        assert_eq!(
            split_pasted_duties("3.5 million budget"),
            vec!["3.5 million budget"]
        );
        assert_eq!(split_pasted_duties("-5 % cost"), vec!["-5 % cost"]);
        assert_eq!(
            split_pasted_duties("a.m. shift cover"),
            vec!["a.m. shift cover"]
        );
        assert_eq!(split_pasted_duties("2024 plan"), vec!["2024 plan"]);
    }
}
