//! File ▸ Import…: a roster from an HR system or Excel, previewed before it becomes a
//! chart. The preview keeps the file's bytes so a new encoding or sheet re-reads it, and
//! builds the chart again after every change of mapping, so the count and the problems
//! shown are always those the import would give.

use std::path::{Path, PathBuf};

use super::document::{Document, Origin};
use super::modal::Pending;
use super::Editor;
use crate::format::hr::{
    build, read_table, Encoding, FileKind, Import, ImportChoices, ImportError, ManagerKey, Mapping,
    Meaning, Table,
};

/// A change the user makes in the import preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportChange {
    /// Read a text file in this encoding (`None`: detect).
    Encoding(Option<Encoding>),
    /// Read this sheet of a workbook.
    Sheet(String),
    /// The header is this row of the table (an index into its rows).
    Header(usize),
    /// Column `0` means `1`.
    Column(usize, Meaning),
    /// Managers are named this way.
    ManagerKey(ManagerKey),
    /// Departments become unit cards, or not.
    Units(bool),
}

/// An import being previewed.
pub struct ImportPreview {
    /// The file.
    pub path: PathBuf,
    bytes: Vec<u8>,
    /// How the file is read.
    pub choices: ImportChoices,
    /// The file's cells, or why they could not be read.
    pub table: Result<Table, ImportError>,
    /// How the cells are read.
    pub mapping: Option<Mapping>,
    /// The chart the import would give, or why it cannot.
    pub result: Option<Result<Import, ImportError>>,
}

impl ImportPreview {
    /// Reads `path` and makes the first preview.
    pub fn open(path: &Path) -> Result<ImportPreview, ImportError> {
        let bytes = crate::format::hr::read_file_limited(path)?;
        let mut preview = ImportPreview {
            path: path.to_owned(),
            bytes,
            choices: ImportChoices::default(),
            table: Err(ImportError::Empty {
                source_name: String::new(),
            }),
            mapping: None,
            result: None,
        };
        preview.read();
        Ok(preview)
    }

    /// Reads the cells again (after the encoding or sheet changed) and guesses the mapping.
    fn read(&mut self) {
        let source = self.path.display().to_string();
        let kind = FileKind::from_path(&self.path);
        self.table = read_table(&self.bytes, &source, kind, &self.choices.read);
        self.mapping = self.table.as_ref().ok().map(Mapping::guess);
        self.rebuild();
    }

    /// Builds the chart the import would give.
    fn rebuild(&mut self) {
        let title = self
            .path
            .file_stem()
            .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
        self.result = match (&self.table, &self.mapping) {
            (Ok(table), Some(mapping)) => Some(build(table, mapping, &title)),
            _ => None,
        };
    }

    /// Applies a change and shows its effect.
    pub fn change(&mut self, change: ImportChange) {
        match change {
            ImportChange::Encoding(encoding) => {
                self.choices.read.encoding = encoding;
                self.read();
                return;
            }
            ImportChange::Sheet(sheet) => {
                self.choices.read.sheet = Some(sheet);
                self.read();
                return;
            }
            _ => {}
        }
        let (Ok(table), Some(mapping)) = (&self.table, &mut self.mapping) else {
            return;
        };
        match change {
            ImportChange::Header(row) if row < table.rows.len() => {
                let units = mapping.units;
                *mapping = Mapping::with_header(table, row);
                mapping.manager_key = mapping.detect_manager_key(table);
                mapping.units = units;
            }
            ImportChange::Column(column, meaning) => {
                let before = mapping.columns.get(column).copied();
                mapping.assign(column, meaning);
                // A column that names people (or managers) changes how managers match.
                let names_people = |m: Option<Meaning>| {
                    matches!(
                        m,
                        Some(
                            Meaning::Id
                                | Meaning::Manager
                                | Meaning::Name
                                | Meaning::FirstName
                                | Meaning::LastName
                                | Meaning::Email
                        )
                    )
                };
                if names_people(Some(meaning)) || names_people(before) {
                    mapping.manager_key = mapping.detect_manager_key(table);
                }
            }
            ImportChange::ManagerKey(key) => mapping.manager_key = key,
            ImportChange::Units(units) => mapping.units = units,
            _ => {}
        }
        self.rebuild();
    }
}

impl Editor {
    /// Opens the import preview on `path`; a file that cannot be read says why.
    pub(super) fn preview_import(&mut self, path: &Path) {
        // A duty document (.docx, .md, or text shaped like one) is not a roster.
        if crate::format::duty_doc::is_duty_document(path) {
            self.import_document(path);
            return;
        }
        match ImportPreview::open(path) {
            Ok(preview) => self.import = Some(preview),
            Err(error) => self.fail(super::modal::Failure::Import, error.into()),
        }
    }

    /// Import: the previewed chart replaces the open one (after asking about unsaved
    /// changes), as a new chart not saved yet.
    pub(super) fn import_now(&mut self) {
        let ready = self
            .import
            .as_ref()
            .is_some_and(|preview| matches!(preview.result, Some(Ok(_))));
        if ready {
            self.guard_unsaved(Pending::Import);
        }
    }

    /// Opens the previewed chart.
    pub(super) fn open_import(&mut self) {
        let Some(preview) = self.import.take() else {
            return;
        };
        if let Some(Ok(import)) = preview.result {
            let mut doc = Document::new(import.chart, Origin::Untitled);
            doc.mark_unsaved();
            self.replace_document(doc);
        }
    }

    /// The import being previewed, if one is.
    pub fn import_preview(&self) -> Option<&ImportPreview> {
        self.import.as_ref()
    }
}

/// True for the files File ▸ Import reads (and a drop on the window previews): rosters,
/// and duty documents (.docx, .md).
pub fn is_roster(path: &Path) -> bool {
    FileKind::from_path(path).is_some()
        || crate::format::duty_doc::DocumentKind::from_path(path).is_some()
}
