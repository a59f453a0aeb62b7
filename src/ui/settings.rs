//! What the editor remembers between runs (eframe persistence). Window size and theme
//! are remembered by eframe and egui themselves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Remembered preferences.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Show the outline panel.
    pub show_outline: bool,
    /// Show the inspector panel.
    pub show_inspector: bool,
    /// Keep the previous version of a saved file as `NAME.ron.bak`.
    pub keep_backup: bool,
    /// Seconds between recovery copies while there are unsaved changes; 0 turns it off.
    pub autosave_seconds: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            recent: Vec::new(),
            show_outline: true,
            show_inspector: true,
            keep_backup: true,
            autosave_seconds: 60.0,
        }
    }
}

/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
    }
}
