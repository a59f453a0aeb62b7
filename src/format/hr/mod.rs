//! HR files in: rosters exported by HR systems (SuccessFactors, Workday, BambooHR, ADP,
//! 北森, 钉钉, 飞书) or kept in Excel, as CSV, TSV or text in any common encoding, or as
//! .xlsx, .xls or .ods workbooks.
//!
//! Reading runs in three steps, each one the user can steer:
//! 1. [`read_table`]: the file's cells, row by row, each row with its line (or sheet row)
//!    in the file. The encoding and delimiter of a text file are detected; a workbook's
//!    sheet can be chosen.
//! 2. [`Mapping::guess`]: which row is the header, what each column means (matched in
//!    English and Chinese), and whether managers are named by id, name, "Last, First" or
//!    email.
//! 3. [`build`]: the chart. Every row becomes a post (or a unit, for rows that say so),
//!    departments become unit cards, and every problem is told with its line and what was
//!    done about it. Nothing is dropped silently.
//!
//! Hostile files get a clear error, never a panic or a hang: size limits before reading,
//! a zip-size check before a workbook is opened, and caps on rows, columns and cells.

mod columns;
mod roster;
mod sheet;
mod text;

use std::fmt;
use std::path::Path;

use thiserror::Error;

pub use columns::{normalise_header, ManagerKey, Mapping, Meaning};

pub use roster::{build, count, Import, ImportProblem, ProblemKind};
/// Text in any encoding a roster comes in (duty documents use it too).
pub(crate) use text::decode as decode_text;

/// HR files larger than this are refused before reading (200 MiB).
pub const MAX_FILE_BYTES: u64 = 200 << 20;
/// The most columns a roster may have.
pub const MAX_COLUMNS: usize = 2_000;
/// The most rows a roster may have (Excel's own limit).
pub const MAX_ROWS: usize = 1_048_576;

/// One row of a table: its cells, and where it is in the file. The cells are kept in
/// one string, so a roster of 100,000 rows is 200,000 allocations, not a million.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line of a text file (where the row starts) or the row of a sheet, from 1.
    pub line: usize,
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<u32>,
}

impl Row {
    /// A row of `cells` (trimmed) on `line`.
    pub fn new<'c>(line: usize, cells: impl IntoIterator<Item = &'c str>) -> Row {
        let mut text = String::new();
        let mut ends = Vec::new();
        for cell in cells {
            text.push_str(cell.trim());
            ends.push(text.len() as u32);
        }
        Row { line, text, ends }
    }

    /// Cell `at` (empty past the last).
    pub fn cell(&self, at: usize) -> &str {
        let Some(&end) = self.ends.get(at) else {
            return "";
        };
        let start = if at == 0 { 0 } else { self.ends[at - 1] };
        &self.text[start as usize..end as usize]
    }

    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cells, in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|at| self.cell(at))
    }
}

/// A table read from an HR file, before its columns are understood.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The file, for messages.
    pub source: String,
    /// Every row with at least one cell, in file order: title rows, headers and data.
    pub rows: Vec<Row>,
    /// For a text file, the encoding it was read in.
    pub encoding: Option<Encoding>,
    /// For a text file, the delimiter.
    pub delimiter: Option<u8>,
    /// For a workbook, its sheets, and the one read.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
}

/// A text encoding a roster can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little- or big-endian, with a byte-order mark (Excel's "Unicode text").
    Utf16,
    /// GBK, what Chinese Excel writes for "CSV".
    Gbk,
    /// GB 18030, GBK's superset.
    Gb18030,
    /// Latin-1 (Windows-1252), older Western exports.
    Latin1,
}

impl Encoding {
    /// Every encoding, for menus.
    pub const ALL: [Encoding; 5] = [
        Encoding::Utf8,
        Encoding::Utf16,
        Encoding::Gbk,
        Encoding::Gb18030,
        Encoding::Latin1,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Gbk => "gbk",
            Encoding::Gb18030 => "gb18030",
            Encoding::Latin1 => "latin1",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of file a roster is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Delimited text: .csv, .tsv, .txt.
    Text,
    /// An Office Open XML workbook: .xlsx, .xlsm.
    Xlsx,
    /// An old Excel workbook: .xls.
    Xls,
    /// An OpenDocument spreadsheet: .ods.
    Ods,
}

impl FileKind {
    /// The kind a file name's extension says, if it says one Organigram reads.
    pub fn from_path(path: &Path) -> Option<FileKind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" | "tab" => Some(FileKind::Text),
            "xlsx" | "xlsm" => Some(FileKind::Xlsx),
            "xls" => Some(FileKind::Xls),
            "ods" => Some(FileKind::Ods),
            _ => None,
        }
    }

    /// The kind the first bytes say: a zip is a workbook (OpenDocument when it says so),
    /// an OLE file is an old Excel workbook, anything else is text.
    pub fn sniff(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"PK\x03\x04") {
            let head = &bytes[..bytes.len().min(200)];
            let opendocument = head
                .windows(b"opendocument".len())
                .any(|w| w == b"opendocument");
            if opendocument {
                FileKind::Ods
            } else {
                FileKind::Xlsx
            }
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            FileKind::Xls
        } else {
            FileKind::Text
        }
    }
}

/// How to read a file; `None` means detect.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// A workbook's sheet, by name.
    pub sheet: Option<String>,
    /// A text file's encoding.
    pub encoding: Option<Encoding>,
    /// A text file's delimiter.
    pub delimiter: Option<u8>,
}

/// A file that could not be read as a roster. Nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file could not be read at all.
    #[error("{source_name}: cannot read the file: {message}")]
    Io {
        /// The file.
        source_name: String,
        /// What the system said.
        message: String,
    },
    /// The file is empty, or has no cells.
    #[error("{source_name}: the file is empty; a roster has a header row and a row per post")]
    Empty {
        /// The file.
        source_name: String,
    },
    /// The file is larger than Organigram reads.
    #[error("{source_name}: the file is {bytes} bytes; Organigram reads HR files of up to {limit} bytes")]
    TooLarge {
        /// The file.
        source_name: String,
        /// Its size (for a workbook, what it would unpack to).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A problem at a place in the file.
    #[error("{source_name}:{line}: {message}")]
    At {
        /// The file.
        source_name: String,
        /// The line (or sheet row), from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file is not a roster Organigram can read.
    #[error("{source_name}: {message}")]
    Unreadable {
        /// The file.
        source_name: String,
        /// What is wrong, and what to try.
        message: String,
    },
}

impl ImportError {
    fn unreadable(source_name: &str, message: impl Into<String>) -> ImportError {
        ImportError::Unreadable {
            source_name: source_name.to_owned(),
            message: message.into(),
        }
    }

    fn at(source_name: &str, line: usize, message: impl Into<String>) -> ImportError {
        ImportError::At {
            source_name: source_name.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// Reads the cells of an HR file: `kind` says how (detected from the bytes when `None`).
pub fn read_table(
    bytes: &[u8],
    source_name: &str,
    kind: Option<FileKind>,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            source_name: source_name.to_owned(),
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            source_name: source_name.to_owned(),
        });
    }
    let sniffed = FileKind::sniff(bytes);
    // A workbook with a text extension (or the reverse) is read as what it is.
    let kind = match (kind, sniffed) {
        (_, FileKind::Xlsx | FileKind::Xls | FileKind::Ods) => sniffed,
        (Some(kind), _) => kind,
        (None, sniffed) => sniffed,
    };
    let table = match kind {
        FileKind::Text => text::read(bytes, source_name, options)?,
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => {
            sheet::read(bytes, source_name, kind, options)?
        }
    };
    if table.rows.is_empty() {
        return Err(ImportError::Empty {
            source_name: source_name.to_owned(),
        });
    }
    Ok(table)
}

/// What a user asks of an import beyond what is detected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportChoices {
    /// How to read the file: sheet, encoding, delimiter.
    pub read: ReadOptions,
    /// The header's line in the file (or its sheet row), from 1.
    pub header_line: Option<usize>,
    /// Columns given a meaning: a column (its header, its number from 1, or its letter)
    /// and what it holds. A meaning given here is taken from every other column.
    pub columns: Vec<(String, Meaning)>,
    /// How managers are named.
    pub manager_key: Option<ManagerKey>,
    /// Departments stay a column and do not become unit cards.
    pub no_units: bool,
}

impl ImportChoices {
    /// The mapping for `table`: what is detected, with these choices over it.
    pub fn mapping(&self, table: &Table) -> Result<Mapping, ImportError> {
        let mut mapping = match self.header_line {
            Some(line) => {
                let header = table
                    .rows
                    .iter()
                    .position(|row| row.line == line)
                    .ok_or_else(|| {
                        ImportError::unreadable(
                            &table.source,
                            format!("line {line} has no cells, so it cannot be the header row"),
                        )
                    })?;
                let mut mapping = Mapping::with_header(table, header);
                mapping.manager_key = mapping.detect_manager_key(table);
                mapping
            }
            None => Mapping::guess(table),
        };
        for (column, meaning) in &self.columns {
            let at = mapping.find_column(table, column).ok_or_else(|| {
                let headers = table
                    .rows
                    .get(mapping.header)
                    .map(|row| row.cells().collect::<Vec<_>>().join(", "))
                    .unwrap_or_default();
                ImportError::unreadable(
                    &table.source,
                    format!(
                        "there is no column “{column}” for the {}; the headers are {headers}",
                        meaning.name()
                    ),
                )
            })?;
            mapping.assign(at, *meaning);
        }
        if !self.columns.is_empty() && self.manager_key.is_none() {
            mapping.manager_key = mapping.detect_manager_key(table);
        }
        if let Some(key) = self.manager_key {
            mapping.manager_key = match (key, mapping.detect_manager_key(table)) {
                // Names are matched as full names or as "Last, First", whichever fits.
                (ManagerKey::Name, ManagerKey::LastFirst) => ManagerKey::LastFirst,
                (key, _) => key,
            };
        }
        mapping.units = !self.no_units;
        Ok(mapping)
    }
}

/// Reads the roster at `path`, refusing files over [`MAX_FILE_BYTES`] before reading.
pub fn read_table_file(path: &Path, options: &ReadOptions) -> Result<Table, ImportError> {
    let bytes = read_file_limited(path)?;
    let source = path.display().to_string();
    read_table(&bytes, &source, FileKind::from_path(path), options)
}

/// The bytes of the file at `path`, refusing a file over [`MAX_FILE_BYTES`] before
/// reading it; errors name the file.
pub fn read_file_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let source = path.display().to_string();
    let io = |error: std::io::Error| ImportError::Io {
        source_name: source.clone(),
        message: error.to_string(),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            source_name: source,
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    std::fs::read(path).map_err(io)
}
