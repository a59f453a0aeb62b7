//! Every integration test, in one binary.
//!
//! Each file under `tests/` used to be its own test binary, and each linked the whole
//! crate with egui and every export: about 650 MB apiece with debug info, 16 GB for the
//! lot, which filled a CI machine's disk. One binary links once.

mod common;
mod source_scan;

mod analysis;
mod cli;
mod compare;
mod compare_props;
mod connector_props;
#[cfg(feature = "editor")]
mod editor;
mod editor_flows;
mod export;
mod fast_reader;
mod format;
mod handbook;
mod hr_import;
mod i18n;
mod layout_fit;
mod layout_props;
mod model_edits;
mod model_props;
mod pptx;
mod safety;
mod ui_strings;
