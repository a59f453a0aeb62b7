//! The editor's words: every message in both languages, every id the code uses defined,
//! and no words left in the views' code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::source_scan::{literals, sources};
use fluent_templates::fluent_bundle::FluentResource;
use organigram::i18n::{tr, tr_args, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The message ids of one language's Fluent files, by file name.
fn ids(lang: &str) -> BTreeMap<String, Vec<String>> {
    let dir = root().join("assets/i18n").join(lang);
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir)
        .expect("the language folder")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a Fluent file");
        let ids = text
            .lines()
            .filter_map(|line| {
                let (id, _) = line.split_once('=')?;
                let id = id.trim_end();
                let is_id = id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                is_id.then(|| id.to_owned())
            })
            .collect();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.insert(name, ids);
    }
    files
}

fn all_ids(lang: &str) -> BTreeSet<String> {
    ids(lang).into_values().flatten().collect()
}

/// Whether a string literal looks like a message id: lowercase words joined by hyphens.
fn looks_like_id(text: &str) -> bool {
    text.contains('-')
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_message_is_in_both_languages_file_by_file() {
    let english = ids("en-US");
    let chinese = ids("zh-CN");
    assert!(
        english.len() >= 2,
        "the Fluent files were found: {english:?}"
    );
    assert_eq!(
        english.keys().collect::<Vec<_>>(),
        chinese.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (file, en) in &english {
        let zh = &chinese[file];
        let en_set: BTreeSet<_> = en.iter().collect();
        let zh_set: BTreeSet<_> = zh.iter().collect();
        let only_en: Vec<_> = en_set.difference(&zh_set).collect();
        let only_zh: Vec<_> = zh_set.difference(&en_set).collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "{file}: only in en-US {only_en:?}; only in zh-CN {only_zh:?}"
        );
        assert_eq!(en.len(), en_set.len(), "{file}: an id defined twice");
    }
    // Every file parses, with no message dropped as junk.
    for lang in ["en-US", "zh-CN"] {
        let dir = root().join("assets/i18n").join(lang);
        for file in english.keys() {
            let text = std::fs::read_to_string(dir.join(file)).expect("a Fluent file");
            if let Err((_, errors)) = FluentResource::try_new(text) {
                panic!("{lang}/{file} does not parse: {errors:?}");
            }
        }
    }
}

#[test]
fn every_id_the_code_uses_is_defined_and_every_message_is_used() {
    let defined = all_ids("en-US");
    let prefixes: BTreeSet<&str> = defined
        .iter()
        .filter_map(|id| id.split('-').next())
        .collect();
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut used = BTreeSet::new();
    let mut unknown = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        for literal in literals(&text) {
            let prefix = literal.split('-').next().unwrap_or_default();
            if looks_like_id(&literal) && prefixes.contains(prefix) {
                if defined.contains(&literal) {
                    used.insert(literal);
                } else {
                    unknown.push(format!("{}: {literal}", file.display()));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "used but not defined:\n{}",
        unknown.join("\n")
    );
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(unused.is_empty(), "defined but never used: {unused:?}");
}

/// The calls that put text on screen, whose text must come from the Fluent files.
const SHOWS_TEXT: [&str; 14] = [
    "label(",
    "button(",
    "Button::new(",
    "heading(",
    "on_hover_text(",
    "RichText::new(",
    "menu_button(",
    "hint_text(",
    "selectable_label(",
    "checkbox(",
    "radio_value(",
    "small(",
    "strong(",
    "monospace(",
];

/// The words (letters of any script) in a literal, outside `{placeholders}`.
fn has_words(literal: &str) -> bool {
    let mut depth = 0;
    let mut letters = 0;
    for ch in literal.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    letters > 0
}

/// The text shown by widget calls in `line` that is written out in the code.
fn literal_words(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    for call in SHOWS_TEXT {
        let mut rest = line;
        while let Some(at) = rest.find(call) {
            let args = &rest[at + call.len()..];
            // The call's arguments, up to its closing parenthesis on this line.
            let mut depth = 1;
            let end = args
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(args.len(), |(i, _)| i);
            let inside = &args[..end];
            // A literal passed straight in, not one inside a nested call such as t!("id").
            if !inside.contains("t!(") && !inside.contains("tr(") {
                found.extend(literals(inside).into_iter().filter(|l| has_words(l)));
            }
            rest = &args[end.min(args.len())..];
        }
    }
    for macro_call in ["format!(", "write!("] {
        if let Some(at) = line.find(macro_call) {
            if let Some(first) = literals(&line[at..]).into_iter().next() {
                if has_words(&first) {
                    found.push(first);
                }
            }
        }
    }
    found
}

#[test]
fn no_words_are_written_out_in_the_views() {
    let mut files = Vec::new();
    sources(&root().join("src/ui"), &mut files);
    let mut left = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file");
        for (n, line) in text
            .lines()
            .take_while(|line| !line.contains("#[cfg(test)]"))
            .enumerate()
        {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for words in literal_words(line) {
                left.push(format!("{}:{}: {words:?}", file.display(), n + 1));
            }
        }
    }
    assert!(files.len() > 20, "the views were found");
    assert!(
        left.is_empty(),
        "words written out in the views:\n{}",
        left.join("\n")
    );
}

#[test]
fn the_scan_finds_written_out_words() {
    assert_eq!(
        literal_words(r#"ui.label("Headcount");"#),
        vec!["Headcount"]
    );
    assert_eq!(literal_words(r#"ui.button("保存")"#), vec!["保存"]);
    assert_eq!(
        literal_words(r#"ui.checkbox(&mut on, "Vacant")"#),
        vec!["Vacant"]
    );
    assert_eq!(
        literal_words(r#"format!("{count} posts")"#),
        vec!["{count} posts"]
    );
    assert!(literal_words(r#"ui.label(t!("inspector-vacant"))"#).is_empty());
    assert!(literal_words(r#"ui.button("🗑")"#).is_empty());
    assert!(literal_words(r#"format!("{a} · {b}")"#).is_empty());
}

#[test]
fn plurals_and_dates_read_naturally_in_each_language() {
    let posts = |lang, count: usize| tr_args(lang, "count-posts", &[("count", count.into())]);
    assert_eq!(posts(Lang::English, 1), "1 post");
    assert_eq!(posts(Lang::English, 3), "3 posts");
    assert_eq!(posts(Lang::Chinese, 3), "3 个岗位");
    assert_eq!(tr(Lang::Chinese, "card-vacant"), "空缺");
    assert_eq!(tr(Lang::English, "card-vacant"), "Vacant");
    let date = jiff::civil::date(2026, 11, 30);
    assert_eq!(
        organigram::i18n::long_date(Lang::Chinese, date),
        "2026年11月30日"
    );
}
