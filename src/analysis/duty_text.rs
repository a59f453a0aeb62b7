//! A duty's text as compared: normalised (whitespace, full- and half-width forms,
//! Chinese punctuation, trailing punctuation, case), then cut into tokens: Chinese by
//! character bigrams, Latin text and numbers by words.

use std::hash::{Hash, Hasher};

/// `text` normalised for comparing: full-width forms made half-width, Chinese
/// punctuation made its ASCII counterpart, lower case, runs of whitespace made one
/// space, and punctuation at either end removed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        let ch = half_width(ch);
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(ch.to_lowercase());
    }
    let trimmed = out.trim_matches(|c: char| is_punctuation(c) || c.is_whitespace());
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// The half-width (ASCII) form of a full-width character or Chinese punctuation mark.
fn half_width(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        '。' => '.',
        '、' => ',',
        '“' | '”' | '「' | '」' | '『' | '』' => '"',
        '‘' | '’' => '\'',
        '【' | '〔' => '(',
        '】' | '〕' => ')',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '—' | '–' => '-',
        '…' => '.',
        _ => ch,
    }
}

fn is_punctuation(ch: char) -> bool {
    ch.is_ascii_punctuation() || matches!(ch, '·' | '•' | '➢' | '●' | '■' | '◆' | '▪')
}

/// True for the characters compared by bigrams: Chinese, Japanese and Korean script.
fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3040..=0x30FF |
        0xAC00..=0xD7A3 | 0x20000..=0x2FFFF)
}

/// Token kinds, in the top bits so tokens of different kinds never collide.
const BIGRAM: u64 = 1 << 62;
const SINGLE: u64 = 1 << 61;
const WORD: u64 = 1 << 63;

/// The tokens of normalised text: each pair of neighbouring CJK characters (a lone one
/// by itself), each word of letters or digits. Sorted and without repeats.
pub fn tokens(normalised: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut Vec<u64>| {
        match run.len() {
            0 => {}
            1 => out.push(SINGLE | u64::from(run[0] as u32)),
            _ => out.extend(run.windows(2).map(|pair| {
                BIGRAM | (u64::from(pair[0] as u32) << 21) | u64::from(pair[1] as u32)
            })),
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut Vec<u64>| {
        if !word.is_empty() {
            let mut hasher = rustc_hash::FxHasher::default();
            word.hash(&mut hasher);
            out.push(WORD | (hasher.finish() >> 1));
            word.clear();
        }
    };
    for ch in normalised.chars() {
        if is_cjk(ch) {
            flush_word(&mut word, &mut out);
            run.push(ch);
        } else if ch.is_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.push(ch);
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The Jaccard similarity of two sorted token lists: shared over all.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let all = a.len() + b.len() - shared;
    if all == 0 {
        1.0
    } else {
        shared as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_width_punctuation_space_and_case() {
        assert_eq!(
            normalise("负责部门费用的预算和控制。"),
            normalise("负责部门费用的预算和控制")
        );
        assert_eq!(normalise("  Plan   the QUARTER. "), "plan the quarter");
        assert_eq!(normalise("ＡＢＣ，１２３"), "abc,123");
        assert_eq!(normalise("制度,控制"), normalise("制度，控制"));
        assert_eq!(normalise("➢ 第一条;;"), "第一条");
    }

    #[test]
    fn chinese_is_cut_into_bigrams_and_latin_into_words() {
        assert_eq!(tokens("销售计划").len(), 3);
        assert_eq!(tokens("plan the plan").len(), 2, "repeats count once");
        assert_eq!(tokens("制定 plan 2024").len(), 3);
        assert_eq!(tokens("销").len(), 1);
        let a: Vec<u32> = vec![1, 2, 3, 4];
        let b: Vec<u32> = vec![2, 3, 4, 5];
        assert!((jaccard(&a, &b) - 0.6).abs() < 1e-9);
        assert_eq!(jaccard(&[], &[]), 1.0);
    }
}
