//! File ▸ Export handbook… (the post handbook as Word, PDF or Markdown, in the editor's
//! language) and File ▸ Import… of a duty document (it opens as a new, unsaved chart,
//! with a notice of what came in).

use std::path::{Path, PathBuf};

use super::document::{Document, Origin};
use super::message::Message;
use super::modal::{Failure, Pending};
use super::Editor;
use crate::format::duty_doc::read_duty_document;
use crate::handbook::{write_handbook, HandbookFormat, HandbookOptions};

impl Editor {
    /// Writes the post handbook to `path`: Word, PDF or Markdown by its extension, and
    /// Word (.docx added) when it has none the handbook is written in.
    pub(super) fn export_handbook(&mut self, path: &Path) {
        let (path, format) = match HandbookFormat::from_path(path) {
            Some(format) => (path.to_owned(), format),
            None => {
                let mut name = path.as_os_str().to_owned();
                name.push(".docx");
                (PathBuf::from(name), HandbookFormat::Docx)
            }
        };
        let lang = self.language();
        let chart = self.doc.chart();
        match write_handbook(chart, &path, format, lang, HandbookOptions::default()) {
            Ok(()) => self.say(Message::Exported(path), false),
            Err(error) => self.fail(Failure::Export, error.into()),
        }
    }

    /// File ▸ Import… of a duty document: read now (so a bad file says why at once),
    /// opened once unsaved changes are dealt with.
    pub(super) fn import_document(&mut self, path: &Path) {
        match read_duty_document(path) {
            Ok(_) => self.guard_unsaved(Pending::ImportDocument(path.to_owned())),
            Err(error) => self.fail(Failure::Import, error.into()),
        }
    }

    /// Opens the duty document at `path` as a new chart, not saved yet, and says what
    /// came in and what the user should arrange.
    pub(super) fn open_document_import(&mut self, path: &Path) {
        match read_duty_document(path) {
            Ok(import) => {
                let message = Message::ImportedDocument {
                    units: import.units,
                    posts: import.posts,
                    duties: import.duties,
                    heads: (!import.reporting_lines && !import.suggested_heads.is_empty()).then(
                        || {
                            import
                                .suggested_heads
                                .iter()
                                .map(|(unit, post)| format!("{unit} · {post}"))
                                .collect()
                        },
                    ),
                };
                let mut doc = Document::new(import.chart, Origin::Untitled);
                doc.mark_unsaved();
                self.replace_document(doc);
                self.say(message, false);
            }
            Err(error) => self.fail(Failure::Import, error.into()),
        }
    }
}
