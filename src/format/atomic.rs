//! Atomic file writes: a crash at any instant leaves either the old file or the
//! complete new one, never a torn file.
//!
//! The bytes go to a temporary file in the target's directory, are flushed and fsynced,
//! and the temporary file is renamed over the target; then the directory is fsynced.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

/// How to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveOptions {
    /// Keep the previous version of the file as `NAME.bak` (e.g. `chart.ron.bak`).
    pub keep_backup: bool,
}

impl Default for SaveOptions {
    fn default() -> SaveOptions {
        SaveOptions { keep_backup: true }
    }
}

/// A write that did not happen. The target file is as it was.
#[derive(Debug, Error)]
#[error("could not save {}: {message}. {hint}", path.display())]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
    /// What the user can do about it.
    pub hint: String,
    /// The system error behind it.
    #[source]
    pub source: io::Error,
}

impl SaveError {
    fn new(path: &Path, what: &str, source: io::Error) -> SaveError {
        let hint = match source.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                "You may not write there: choose another folder with Save As, or ask for write permission."
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "The disk is full: free some space, or save to another disk with Save As."
            }
            io::ErrorKind::NotFound => {
                "The folder no longer exists: choose another folder with Save As."
            }
            io::ErrorKind::NotADirectory => {
                "Part of that path is a file, not a folder: choose another folder with Save As."
            }
            _ => "Nothing was changed on disk; try Save As to another place.",
        };
        SaveError {
            path: path.to_owned(),
            message: format!("{what}: {source}"),
            hint: hint.to_owned(),
            source,
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8], options: &SaveOptions) -> Result<(), SaveError> {
    write_atomically_with(path, options, |out| out.write_all(bytes))
}

/// Writes to `path` atomically whatever `fill` writes (for large outputs streamed in parts).
pub fn write_atomically_with(
    path: &Path,
    options: &SaveOptions,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "chart".to_owned());
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&directory)
        .map_err(|e| SaveError::new(path, "cannot create a temporary file beside it", e))?;
    {
        let mut out = BufWriter::with_capacity(1 << 20, temp.as_file());
        fill(&mut out).map_err(|e| SaveError::new(path, "writing failed", e))?;
        out.flush()
            .map_err(|e| SaveError::new(path, "writing failed", e))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| SaveError::new(path, "flushing to disk failed", e))?;
    let existing = fs::metadata(path).ok();
    let permissions = existing
        .as_ref()
        .map(fs::Metadata::permissions)
        .or_else(default_permissions);
    if let Some(permissions) = permissions {
        fs::set_permissions(temp.path(), permissions)
            .map_err(|e| SaveError::new(path, "cannot set the file's permissions", e))?;
    }
    if options.keep_backup && existing.as_ref().is_some_and(fs::Metadata::is_file) {
        keep_backup(path)
            .map_err(|e| SaveError::new(path, "cannot keep the previous version as .bak", e))?;
    }
    temp.persist(path)
        .map_err(|e| SaveError::new(path, "cannot replace the file", e.error))?;
    sync_directory(&directory);
    Ok(())
}

/// Makes `NAME.bak` hold the current contents of `path`, itself atomically.
fn keep_backup(path: &Path) -> io::Result<()> {
    let mut backup = path.as_os_str().to_owned();
    backup.push(".bak");
    let backup = PathBuf::from(backup);
    let mut staging = backup.as_os_str().to_owned();
    staging.push(".tmp");
    let staging = PathBuf::from(staging);
    let _ = fs::remove_file(&staging);
    // A hard link costs nothing; where links are not allowed, copy.
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
    }
    fs::rename(&staging, &backup)
}

/// Permissions for a new file: `rw-r--r--` on Unix; elsewhere the system's default.
fn default_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

fn sync_directory(directory: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(directory) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = directory;
}
