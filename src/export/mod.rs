//! Writing a laid-out chart for other programs, from the model and the layout (never
//! from screen pixels). Each format is one module; [`ExportFormat`] picks one.

pub mod json;

use std::path::Path;

use thiserror::Error;

use crate::format::{write_atomically_with, SaveError, SaveOptions};
use crate::layout::{layout_chart, CardStyle, LayoutOptions};
use crate::model::Chart;

/// The formats `organigram export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Every visible node with its box, as JSON (see [`json`]).
    Json,
}

impl ExportFormat {
    /// Every format, for help texts.
    pub const ALL: [ExportFormat; 1] = [ExportFormat::Json];

    /// The format's name and usual file extension.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
        }
    }

    /// The format named `name` (case-insensitive), e.g. `json`.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name))
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        path.extension()
            .and_then(|ext| ext.to_str())
            .and_then(ExportFormat::from_name)
    }
}

/// What to draw and how.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Card sizes and texts.
    pub style: CardStyle,
    /// Spacing and orientation.
    pub layout: LayoutOptions,
}

/// An export that did not happen.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Writing the file failed; nothing was changed on disk.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Lays out `chart` and writes it to `path` in `format`, atomically.
pub fn export_file(
    chart: &Chart,
    format: ExportFormat,
    path: &Path,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    let layout = layout_chart(chart, &options.style, &options.layout);
    match format {
        ExportFormat::Json => {
            write_atomically_with(path, &SaveOptions { keep_backup: false }, |out| {
                json::write_json(chart, &layout, out)
            })?;
        }
    }
    Ok(())
}
