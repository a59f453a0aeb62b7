//! Reading and writing chart files.
//!
//! The native format is RON ([`ron_read`], [`ron_write`]): versioned, UTF-8 with Chinese
//! written as-is, deterministic, and a flat list of nodes sorted by id, each naming its
//! direct reports, so that moving a subtree changes two short lines. Every file write goes
//! through [`atomic`].

pub mod atomic;
pub mod duty_doc;
mod error;
pub mod hr;
mod locate;
mod ron_fast;
mod ron_read;
mod ron_stream;
mod ron_write;

use std::path::Path;

pub use atomic::{write_atomically, write_atomically_with, SaveError, SaveOptions};
pub use error::{LoadError, Problem};
pub use ron_read::{read_chart, read_chart_noted, readers_agree, LoadNote, Loaded};
pub use ron_stream::pieces_agree;
pub use ron_write::write_chart;

use crate::model::Chart;

/// The format this version writes: major, minor. A file with a larger major is refused
/// as "made by a newer Organigram".
pub const FORMAT_VERSION: (u32, u32) = (1, 1);

/// Files larger than this are refused before reading (1 GiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Files at least this long are read in pieces, so their whole text is never held at
/// once (4 MiB); smaller ones, and any file the piecewise reader does not read, whole.
const READ_IN_PIECES_FROM_BYTES: u64 = 4 << 20;

/// The format version a chart file declares, if it can be read at all (even when the
/// rest of the file cannot).
pub fn declared_version(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    ron_read::probe_version(text)
}

/// Reads and validates the chart file at `path`.
pub fn load_file(path: &Path) -> Result<Chart, LoadError> {
    load_file_noted(path).map(|loaded| loaded.chart)
}

/// [`load_file`], also saying what the user should know about the file (see [`LoadNote`]).
pub fn load_file_noted(path: &Path) -> Result<Loaded, LoadError> {
    let source = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|error| LoadError::io(&source, &error))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            source_name: source,
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    if size >= READ_IN_PIECES_FROM_BYTES {
        if let Some(parsed) = ron_stream::read_file(path) {
            return ron_read::read_parsed(parsed, &source, || std::fs::read(path).ok());
        }
    }
    let bytes = std::fs::read(path).map_err(|error| LoadError::io(&source, &error))?;
    ron_read::read_chart_owned(bytes, &source, || std::fs::read(path).ok())
}

/// Writes `chart` to `path` in the native format, atomically.
pub fn save_file(path: &Path, chart: &Chart, options: &SaveOptions) -> Result<(), SaveError> {
    let text = write_chart(chart);
    write_atomically(path, text.as_bytes(), options)
}
