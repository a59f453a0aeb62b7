//! Native file dialogs (rfd), and a scripted stand-in for tests.
//!
//! On Linux rfd needs an xdg-desktop-portal or zenity; with neither it returns nothing at
//! all, which looks exactly like "Cancel". We check for a backend first so the user is
//! told what to install instead of wondering why nothing happens.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::export::ExportFormat;

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown on this system.
    NoBackend,
}

/// Which dialog to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose a chart to open.
    OpenChart,
    /// Choose where to save a chart.
    SaveChart,
    /// Choose where to write an export in this format.
    Export(ExportFormat),
}

/// Shows file dialogs.
pub trait FileDialogs {
    /// Shows a dialog of `kind`, starting in `directory`, suggesting `file_name` when saving.
    fn pick(&mut self, kind: DialogKind, directory: Option<&Path>, file_name: &str) -> Picked;
}

/// The system's native dialogs, through rfd.
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, kind: DialogKind, directory: Option<&Path>, file_name: &str) -> Picked {
        if !backend_available() {
            return Picked::NoBackend;
        }
        let dialog = match kind {
            DialogKind::Export(format) => {
                let name = format.name().to_uppercase();
                rfd::FileDialog::new().add_filter(format!("{name} file"), &[format.name()])
            }
            _ => rfd::FileDialog::new().add_filter("Organigram chart", &["ron"]),
        };
        let dialog = match directory {
            Some(directory) => dialog.set_directory(directory),
            None => dialog,
        };
        let chosen = match kind {
            DialogKind::Export(_) => dialog
                .set_title("Export chart")
                .set_file_name(file_name)
                .save_file(),
            DialogKind::OpenChart => dialog.set_title("Open chart").pick_file(),
            DialogKind::SaveChart => dialog
                .set_title("Save chart")
                .set_file_name(file_name)
                .save_file(),
        };
        chosen.map_or(Picked::Cancelled, Picked::Path)
    }
}

/// Dialog answers given in advance, for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// The answers, used in order; when none are left, dialogs are cancelled.
    pub answers: VecDeque<Picked>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick(&mut self, _kind: DialogKind, _directory: Option<&Path>, _file_name: &str) -> Picked {
        self.answers.pop_front().unwrap_or(Picked::Cancelled)
    }
}

/// How to get file dialogs working, for the message shown when there are none.
pub const NO_BACKEND_HELP: &str = "No file dialog is available on this system. Install \
xdg-desktop-portal (with a desktop backend such as xdg-desktop-portal-gtk) or zenity, for \
example `sudo apt install zenity`, then try again. Meanwhile you can type a file path here.";

/// True when rfd can show a dialog here: always on Windows and macOS; on Linux and the
/// BSDs when an xdg-desktop-portal service is installed and a session bus runs, or when
/// zenity is installed and there is a display for it.
pub fn backend_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let env = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let session_bus = env("DBUS_SESSION_BUS_ADDRESS")
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let portal = [
        "/usr/share/dbus-1/services/org.freedesktop.portal.Desktop.service",
        "/usr/local/share/dbus-1/services/org.freedesktop.portal.Desktop.service",
    ]
    .iter()
    .any(|path| Path::new(path).exists());
    let display = env("DISPLAY") || env("WAYLAND_DISPLAY");
    (portal && session_bus) || (display && on_path("zenity"))
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
