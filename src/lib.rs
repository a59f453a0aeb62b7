//! Organigram: a native desktop org-chart editor.
//!
//! The library holds everything that does not need a window:
//! - [`model`]: the chart document, its edits and the undo history;
//! - [`analysis`]: spans, layers, vacancies, units and shared duties, with an Excel report;
//! - [`compare`]: two charts compared (what is new, gone, moved, changed), and updates
//!   from an HR file;
//! - [`layout`]: the tidy-tree layout, model in and boxes out;
//! - [`format`]: reading and writing chart files;
//! - [`export`]: writing a laid-out chart for other programs;
//! - [`generate`]: synthetic charts for trying scale;
//! - [`handbook`]: the post handbook (chart, unit responsibilities, post duties) as Word,
//!   PDF or Markdown;
//! - [`i18n`]: the editor's languages (English, Simplified Chinese) and their words;
//! - [`samples`]: the sample charts embedded in the binary;
//! - [`fonts`]: the bundled card font and text measurement;
//! - [`theme`]: the colours shared by the editor and the exports;
//! - [`editor`]: the editor's state and flows, with no egui;
//! - [`ui`]: the eframe shell: views of the editor.

pub mod analysis;
pub mod compare;
pub mod editor;
pub mod export;
pub mod fonts;
pub mod format;
pub mod generate;
pub mod handbook;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod samples;
pub mod theme;
#[cfg(feature = "editor")]
pub mod ui;
