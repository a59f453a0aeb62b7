//! Autosave and crash recovery. While a chart has unsaved changes, a copy is written to
//! the app's data folder every so often (atomically); a clean save or close removes it.
//! After a crash, the next start finds the copy and offers to restore it. Each editor
//! session writes its own file, named after its process and start time, so several
//! windows never clobber each other's copies.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::document::{DisplayName, Document, Origin};
use crate::format::{load_file, write_atomically, write_chart, SaveOptions};
use crate::model::Chart;

/// What is known about a recovery copy, stored beside it as JSON.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecoveryMeta {
    /// The process that wrote it.
    pub pid: u32,
    /// The session within that process.
    pub session: String,
    /// The chart's file, if it had one.
    pub original: Option<PathBuf>,
    /// The chart's file name or sample name; empty for a chart never saved.
    pub name: String,
    /// True when `name` is an embedded sample's.
    #[serde(default)]
    pub sample: bool,
    /// When it was written, in seconds since 1970.
    pub saved_unix: u64,
    /// How many nodes the copy holds.
    pub nodes: usize,
}

/// A recovery copy left by a session that is gone.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// Its description.
    pub meta: RecoveryMeta,
    /// The chart copy.
    pub chart_path: PathBuf,
    /// The description file.
    pub meta_path: PathBuf,
    /// How the copy differs from the file on disk, worked out once when the copy is
    /// found: it loads both charts, and the recovery dialog asks every frame.
    pub changes: CopyChanges,
}

/// How a recovery copy differs from its chart's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyChanges {
    /// This many cards differ from the saved file.
    Differ(usize),
    /// The saved file is gone or cannot be read.
    FileGone,
    /// The chart was never saved; the copy has this many cards.
    NeverSaved(usize),
    /// The copy itself cannot be read.
    Damaged,
}

impl Orphan {
    /// The chart's name as the window title showed it.
    pub fn display_name(&self) -> DisplayName {
        match (&self.meta.original, self.meta.sample) {
            (_, true) => DisplayName::Sample(self.meta.name.clone()),
            (Some(_), false) => DisplayName::File(self.meta.name.clone()),
            (None, false) => DisplayName::Untitled,
        }
    }

    /// How long ago the copy was written, in seconds.
    pub fn age_seconds(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |now| now.as_secs().saturating_sub(self.meta.saved_unix))
    }
}

/// How the copy at `chart_path` differs from `original` on disk.
fn describe_changes(original: Option<&Path>, chart_path: &Path) -> CopyChanges {
    match (original, load_file(chart_path)) {
        (Some(original), Ok(copy)) => match load_file(original) {
            Ok(on_disk) => CopyChanges::Differ(changed_nodes(&on_disk, &copy)),
            Err(_) => CopyChanges::FileGone,
        },
        (None, Ok(copy)) => CopyChanges::NeverSaved(copy.len()),
        (_, Err(_)) => CopyChanges::Damaged,
    }
}

/// How many nodes were added, removed or changed (content or place) between two charts.
pub fn changed_nodes(before: &Chart, after: &Chart) -> usize {
    let mut changed = 0;
    for id in after.tree_order() {
        let same = before.node(id) == after.node(id)
            && before.parent(id) == after.parent(id)
            && before.index_in_parent(id) == after.index_in_parent(id);
        changed += usize::from(!same);
    }
    changed
        + before
            .tree_order()
            .filter(|&id| !after.contains(id))
            .count()
}

/// Seconds without input before an autosave copy is written.
pub const PAUSE_BEFORE_AUTOSAVE: f64 = 1.0;

/// This session's autosave.
pub struct Recovery {
    dir: Option<PathBuf>,
    session: String,
    /// Seconds between copies.
    pub interval: f64,
    written: Option<(u64, u64)>,
    last_time: Option<f64>,
}

impl Recovery {
    /// Autosave into `dir` (none: autosave off).
    pub fn new(dir: Option<PathBuf>, interval: f64) -> Recovery {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Recovery {
            dir,
            session: format!("{}-{nanos}", std::process::id()),
            interval,
            written: None,
            last_time: None,
        }
    }

    fn paths(&self) -> Option<(PathBuf, PathBuf)> {
        let dir = self.dir.as_ref()?;
        Some((
            dir.join(format!("{}.ron", self.session)),
            dir.join(format!("{}.json", self.session)),
        ))
    }

    /// Called every frame: writes a copy when the chart is dirty, the interval has passed
    /// and the user has paused for [`PAUSE_BEFORE_AUTOSAVE`] seconds (`idle` is how long
    /// since the last input), or at the latest after twice the interval. Writing a big
    /// chart takes a while (about 0.1 s at 100,000 positions), so it waits for a pause
    /// rather than stall a drag. Returns how long until the app should look again.
    pub fn tick(&mut self, doc: &Document, now: f64, idle: f64) -> Option<Duration> {
        if self.dir.is_none() || self.interval <= 0.0 {
            return None;
        }
        if !doc.is_dirty() {
            if self.written.is_some() {
                self.clear();
            }
            return None;
        }
        let state = (doc.history().state_id(), doc.revision());
        let last = *self.last_time.get_or_insert(now);
        let due = last + self.interval;
        let paused = idle >= PAUSE_BEFORE_AUTOSAVE || now >= last + 2.0 * self.interval;
        if now >= due && !paused && self.written != Some(state) {
            return Some(Duration::from_secs_f64(
                (PAUSE_BEFORE_AUTOSAVE - idle).max(0.05),
            ));
        }
        if now >= due && self.written != Some(state) {
            if self.write(doc).is_ok() {
                self.written = Some(state);
            }
            self.last_time = Some(now);
            return Some(Duration::from_secs_f64(self.interval));
        }
        Some(Duration::from_secs_f64((due - now).max(0.05)))
    }

    /// Writes the copy now (atomically).
    pub fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let Some((chart_path, meta_path)) = self.paths() else {
            return Ok(());
        };
        if let Some(dir) = chart_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let (name, sample) = match doc.display_name() {
            DisplayName::File(name) => (name, false),
            DisplayName::Sample(name) => (name, true),
            DisplayName::Untitled => (String::new(), false),
        };
        let meta = RecoveryMeta {
            pid: std::process::id(),
            session: self.session.clone(),
            original: doc.path().cloned(),
            name,
            sample,
            saved_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            nodes: doc.chart().len(),
        };
        let no_backup = SaveOptions { keep_backup: false };
        write_atomically(&chart_path, write_chart(doc.chart()).as_bytes(), &no_backup)
            .map_err(|e| e.source)?;
        let json = serde_json::to_vec_pretty(&meta).map_err(std::io::Error::other)?;
        write_atomically(&meta_path, &json, &no_backup).map_err(|e| e.source)
    }

    /// Removes this session's copy (after a clean save or close).
    pub fn clear(&mut self) {
        if let Some((chart_path, meta_path)) = self.paths() {
            let _ = std::fs::remove_file(meta_path);
            let _ = std::fs::remove_file(chart_path);
        }
        self.written = None;
        self.last_time = None;
    }

    /// Copies left by sessions that are no longer running, newest first.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found: Vec<Orphan> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|meta_path| {
                let meta: RecoveryMeta =
                    serde_json::from_slice(&std::fs::read(&meta_path).ok()?).ok()?;
                let chart_path = meta_path.with_extension("ron");
                let mine = meta.session == self.session;
                let alive = meta.pid != std::process::id() && process_alive(meta.pid);
                (!mine && !alive && chart_path.exists()).then(|| Orphan {
                    changes: describe_changes(meta.original.as_deref(), &chart_path),
                    meta,
                    chart_path,
                    meta_path,
                })
            })
            .collect();
        found.sort_by_key(|o| std::cmp::Reverse(o.meta.saved_unix));
        found
    }
}

/// Deletes an orphaned copy.
pub fn discard(orphan: &Orphan) {
    let _ = std::fs::remove_file(&orphan.meta_path);
    let _ = std::fs::remove_file(&orphan.chart_path);
}

/// Opens an orphaned copy as an unsaved document of its original file.
pub fn restore(orphan: &Orphan) -> Result<Document, crate::format::LoadError> {
    let chart = load_file(&orphan.chart_path)?;
    let origin = match &orphan.meta.original {
        Some(path) => Origin::File(path.clone()),
        None => Origin::Untitled,
    };
    let mut doc = Document::new(chart, origin);
    doc.mark_unsaved();
    Ok(doc)
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::message::Label;
    use crate::model::{Edit, Field, NodeId};

    fn dirty_doc() -> Document {
        let chart = crate::samples::seed();
        let mut doc = Document::new(chart, Origin::Untitled);
        let renamed = doc.apply(
            Edit::SetField {
                id: NodeId(2),
                field: Field::Title("改名".into()),
            },
            Label::Rename,
        );
        assert!(renamed.is_ok() && doc.is_dirty());
        doc
    }

    #[test]
    fn autosave_waits_for_a_pause_but_not_for_ever() {
        let dir = tempfile::tempdir().expect("temp dir");
        let copy = || {
            std::fs::read_dir(dir.path())
                .map(|entries| entries.count())
                .unwrap_or(0)
        };
        let doc = dirty_doc();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()), 10.0);
        recovery.tick(&doc, 0.0, 0.0);
        // Due, but the user is busy: wait until a pause.
        let wait = recovery.tick(&doc, 10.5, 0.25);
        assert_eq!(copy(), 0);
        assert!(
            wait.is_some_and(|w| (w.as_secs_f64() - 0.75).abs() < 1e-9),
            "{wait:?}"
        );
        // A pause: written.
        recovery.tick(&doc, 11.0, PAUSE_BEFORE_AUTOSAVE);
        assert_eq!(copy(), 2, "the chart and its note");
        recovery.clear();
        assert_eq!(copy(), 0);

        // Never a pause: written anyway once twice the interval has passed.
        let mut recovery = Recovery::new(Some(dir.path().to_owned()), 10.0);
        recovery.tick(&doc, 0.0, 0.0);
        recovery.tick(&doc, 19.9, 0.0);
        assert_eq!(copy(), 0);
        recovery.tick(&doc, 20.0, 0.0);
        assert_eq!(copy(), 2);
    }
}
