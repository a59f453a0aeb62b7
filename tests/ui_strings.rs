//! Every character the editor's words use can be drawn on any machine: it is in the
//! bundled CJK font or in the fonts egui always installs (icons such as 🗑 and ⏷), so no
//! label, message or tag shows a box where no CJK system font is installed.

use std::path::Path;

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

/// The string literals of a Rust source file (outside comments), roughly: enough for
/// text, which never holds an escaped quote followed by code.
fn literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    // A file's unit tests come last; their inputs are not words the editor shows.
    for line in source
        .lines()
        .take_while(|line| !line.contains("#[cfg(test)]"))
    {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let mut end = None;
            let mut escaped = false;
            for (at, ch) in after.char_indices() {
                match ch {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(at);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            found.push(after[..end].to_owned());
            rest = &after[end + 1..];
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("read the source folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
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
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        for literal in literals(&text) {
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
