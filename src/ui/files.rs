//! Native file dialogs (rfd), each on its own thread, so the editor keeps drawing (and
//! the desktop never flags the window as not responding) while the user browses.
//!
//! On Linux rfd needs an xdg-desktop-portal or zenity; with neither it returns nothing at
//! all, which looks exactly like "Cancel". We check for a backend first so the user is
//! told what to install instead of wondering why nothing happens.

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;

use crate::editor::{Asked, DialogKind, FileDialogs, Picked, Wake};
use crate::t;

pub use crate::editor::{OpenDialogs, ScriptedDialogs};

/// The system's native dialogs, through rfd, each on its own thread.
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(
        &mut self,
        kind: DialogKind,
        directory: Option<&Path>,
        file_name: &str,
        wake: Wake,
    ) -> Asked {
        if !backend_available() {
            return Asked::Now(Picked::NoBackend);
        }
        let (directory, file_name) = (directory.map(Path::to_owned), file_name.to_owned());
        let words = DialogWords::new(kind);
        let (answer, answered) = channel();
        let shown = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let picked = pollster::block_on(show(kind, words, directory, file_name));
                // The editor may have gone; then nobody needs the answer.
                let _ = answer.send(picked);
                wake();
            });
        match shown {
            Ok(_) => Asked::Later(answered),
            Err(_) => Asked::Now(Picked::NoBackend),
        }
    }
}
/// The files a roster can be.
const ROSTER_EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
/// A chart or a roster.
const CHART_OR_ROSTER_EXTENSIONS: [&str; 8] =
    ["ron", "csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
/// A chart.
const CHART_EXTENSIONS: [&str; 1] = ["ron"];
/// A duty document (read) or the post handbook (written).
const DUTY_DOCUMENT_EXTENSIONS: [&str; 3] = ["docx", "md", "txt"];
/// The post handbook.
const HANDBOOK_EXTENSIONS: [&str; 3] = ["docx", "pdf", "md"];

/// A dialog's words, chosen on the editor's thread (which knows the UI language) before
/// the dialog's own thread shows them.
struct DialogWords {
    title: String,
    /// Each filter's name and the extensions it lets through.
    filters: Vec<(String, Vec<&'static str>)>,
}

impl DialogWords {
    fn new(kind: DialogKind) -> DialogWords {
        let roster = || (t!("modal-filter-roster"), ROSTER_EXTENSIONS.to_vec());
        let chart = || (t!("modal-filter-chart"), CHART_EXTENSIONS.to_vec());
        let filters = match kind {
            DialogKind::Export(format) => {
                let name = format.name().to_uppercase();
                vec![(
                    t!("modal-filter-format", format = name),
                    vec![format.name()],
                )]
            }
            DialogKind::Import => vec![
                (
                    t!("handbook-filter-importable"),
                    ROSTER_EXTENSIONS
                        .iter()
                        .chain(&DUTY_DOCUMENT_EXTENSIONS[..2])
                        .copied()
                        .collect(),
                ),
                roster(),
                (
                    t!("handbook-filter-duties"),
                    DUTY_DOCUMENT_EXTENSIONS.to_vec(),
                ),
            ],
            DialogKind::UpdateFrom => vec![roster()],
            DialogKind::Handbook => vec![(t!("handbook-filter"), HANDBOOK_EXTENSIONS.to_vec())],
            DialogKind::Compare => vec![
                (
                    t!("modal-filter-chart-or-roster"),
                    CHART_OR_ROSTER_EXTENSIONS.to_vec(),
                ),
                chart(),
                roster(),
            ],
            DialogKind::OpenChart | DialogKind::SaveChart => vec![chart()],
        };
        DialogWords {
            title: super::words::dialog_title(kind),
            filters,
        }
    }
}

/// Shows the native dialog and waits for the user.
async fn show(
    kind: DialogKind,
    words: DialogWords,
    directory: Option<PathBuf>,
    file_name: String,
) -> Picked {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(words.title);
    for (name, extensions) in &words.filters {
        dialog = dialog.add_filter(name, extensions.as_slice());
    }
    let dialog = match directory {
        Some(directory) => dialog.set_directory(directory),
        None => dialog,
    };
    let chosen = match kind {
        DialogKind::Export(_) | DialogKind::SaveChart | DialogKind::Handbook => {
            dialog.set_file_name(file_name).save_file().await
        }
        DialogKind::OpenChart
        | DialogKind::Import
        | DialogKind::Compare
        | DialogKind::UpdateFrom => dialog.pick_file().await,
    };
    chosen.map_or(Picked::Cancelled, |file| {
        Picked::Path(file.path().to_owned())
    })
}

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
