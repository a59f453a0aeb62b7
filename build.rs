//! Rebuilds when a Fluent file is added under `assets/i18n` (the loader embeds them at
//! compile time, and only notices edits to files it already knew).
fn main() {
    println!("cargo:rerun-if-changed=assets/i18n");
    println!("cargo:rerun-if-changed=build.rs");
}
