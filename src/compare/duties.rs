//! Duties compared as lines: which lines only the old list has, and which only the new.

use rustc_hash::FxHashMap;

/// The lines of `old` missing from `new` and the lines of `new` missing from `old`, each
/// in its list's order; a line written twice counts twice. `None` when both hold the
/// same lines (in any order).
pub(super) fn line_changes(old: &[String], new: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    if old == new {
        return None;
    }
    let mut count: FxHashMap<&str, i64> = FxHashMap::default();
    for line in old {
        *count.entry(line.as_str()).or_default() += 1;
    }
    for line in new {
        *count.entry(line.as_str()).or_default() -= 1;
    }
    let mut surplus = count.clone();
    let removed: Vec<String> = old
        .iter()
        .filter(|line| take(&mut surplus, line, 1))
        .cloned()
        .collect();
    let mut surplus = count;
    let added: Vec<String> = new
        .iter()
        .filter(|line| take(&mut surplus, line, -1))
        .cloned()
        .collect();
    if removed.is_empty() && added.is_empty() {
        None
    } else {
        Some((removed, added))
    }
}

/// True when `line` still has a surplus on the side `sign` stands for, using one up.
fn take(surplus: &mut FxHashMap<&str, i64>, line: &str, sign: i64) -> bool {
    match surplus.get_mut(line) {
        Some(left) if *left * sign > 0 => {
            *left -= sign;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn added_and_removed_lines_are_found_and_order_alone_is_no_change() {
        assert_eq!(line_changes(&lines(&["a", "b"]), &lines(&["b", "a"])), None);
        assert_eq!(
            line_changes(&lines(&["a", "b", "b"]), &lines(&["b", "c"])),
            Some((lines(&["a", "b"]), lines(&["c"])))
        );
        assert_eq!(
            line_changes(&lines(&[]), &lines(&["x", "x"])),
            Some((lines(&[]), lines(&["x", "x"])))
        );
    }
}
