//! Every character the editor's words use can be drawn on any machine: it is in the
//! bundled CJK font or in the fonts egui always installs (icons such as 🗑 and ⏷), so no
//! label, message or tag shows a box where no CJK system font is installed.

use std::path::Path;

use crate::source_scan::{literals, sources};
use organigram::fonts::has_glyph;

/// True when one of the fonts egui always installs has `ch`.
fn in_egui_fonts(ch: char) -> bool {
    [
        epaint_default_fonts::UBUNTU_LIGHT,
        epaint_default_fonts::NOTO_EMOJI_REGULAR,
        epaint_default_fonts::EMOJI_ICON,
    ]
    .iter()
    .any(|bytes| ttf_parser::Face::parse(bytes, 0).is_ok_and(|face| face.glyph_index(ch).is_some()))
}

#[test]
fn every_character_of_the_editors_words_is_in_the_bundled_font() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["ui", "editor", "compare", "model", "format"] {
        sources(&root.join(dir), &mut files);
    }
    files.push(root.join("export/marked.rs"));
    let mut missing = Vec::new();
    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n");
    let mut words_files = Vec::new();
    for lang in ["en-US", "zh-CN"] {
        for entry in std::fs::read_dir(i18n.join(lang))
            .expect("read a language folder")
            .flatten()
        {
            words_files.push(entry.path());
        }
    }
    assert!(words_files.len() >= 2, "the Fluent files were found");
    for file in files.iter().chain(&words_files) {
        let text = std::fs::read_to_string(file).expect("read a source file");
        let is_fluent = file.extension().is_some_and(|e| e == "ftl");
        let texts = if is_fluent {
            // A Fluent file is all words, except its comments.
            text.lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .map(str::to_owned)
                .collect()
        } else {
            literals(&text)
        };
        for literal in texts {
            for ch in literal.chars() {
                if !ch.is_ascii() && !has_glyph(ch) && !in_egui_fonts(ch) {
                    missing.push(format!(
                        "{ch:?} (U+{:04X}) in {}: {literal:?}",
                        ch as u32,
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the bundled font:\n{}",
        missing.join("\n")
    );
    assert!(files.len() > 30, "the sources were found");
}

#[test]
fn the_check_finds_a_missing_character() {
    let found = literals("let a = \"ok\"; // \"ignored\"\nlet b = \"tab \\\" quote ☃\";");
    assert_eq!(
        found,
        vec![
            "ok".to_owned(),
            "ignored".to_owned(),
            "tab \\\" quote ☃".to_owned()
        ]
    );
    assert!(has_glyph('销'));
    assert!(!has_glyph('🗑'), "an icon is not in the subset");
    assert!(in_egui_fonts('🗑'), "but egui draws it");
    assert!(
        !has_glyph('▸') && !in_egui_fonts('▸'),
        "▸ is in neither: it would show a box"
    );
}
