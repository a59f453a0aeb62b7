//! Reading the crate's own sources in tests: files, and the string literals in them.

use std::path::Path;

/// The string literals of a Rust source file (outside comments), roughly: enough for
/// text, which never holds an escaped quote followed by code.
pub fn literals(source: &str) -> Vec<String> {
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

pub fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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
