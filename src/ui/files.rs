//! Native file dialogs (rfd), each on its own thread, so the editor keeps drawing (and
//! the desktop never flags the window as not responding) while the user browses.
//!
//! On Linux rfd needs an xdg-desktop-portal or zenity; with neither it returns nothing at
//! all, which looks exactly like "Cancel". We check for a backend first so the user is
//! told what to install instead of wondering why nothing happens.

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;

use crate::editor::{Asked, DialogKind, FileDialogs, Picked, Wake};

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
        let (answer, answered) = channel();
        let shown = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let picked = pollster::block_on(show(kind, directory, file_name));
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

/// Shows the native dialog and waits for the user.
async fn show(kind: DialogKind, directory: Option<PathBuf>, file_name: String) -> Picked {
    let dialog = match kind {
        DialogKind::Export(format) => {
            let name = format.name().to_uppercase();
            rfd::AsyncFileDialog::new().add_filter(format!("{name} file"), &[format.name()])
        }
        DialogKind::Import | DialogKind::UpdateFrom => rfd::AsyncFileDialog::new().add_filter(
            "Roster (CSV, text, Excel, OpenDocument)",
            &ROSTER_EXTENSIONS,
        ),
        DialogKind::Compare => rfd::AsyncFileDialog::new()
            .add_filter("Chart or roster", &CHART_OR_ROSTER_EXTENSIONS)
            .add_filter("Organigram chart", &["ron"])
            .add_filter(
                "Roster (CSV, text, Excel, OpenDocument)",
                &ROSTER_EXTENSIONS,
            ),
        _ => rfd::AsyncFileDialog::new().add_filter("Organigram chart", &["ron"]),
    };
    let dialog = match directory {
        Some(directory) => dialog.set_directory(directory),
        None => dialog,
    };
    let chosen = match kind {
        DialogKind::Export(_) => {
            dialog
                .set_title("Export chart")
                .set_file_name(file_name)
                .save_file()
                .await
        }
        DialogKind::OpenChart => dialog.set_title("Open chart").pick_file().await,
        DialogKind::Import => dialog.set_title("Import a roster").pick_file().await,
        DialogKind::Compare => {
            dialog
                .set_title("Compare with a chart or an HR file")
                .pick_file()
                .await
        }
        DialogKind::UpdateFrom => dialog.set_title("Update from an HR file").pick_file().await,
        DialogKind::SaveChart => {
            dialog
                .set_title("Save chart")
                .set_file_name(file_name)
                .save_file()
                .await
        }
    };
    chosen.map_or(Picked::Cancelled, |file| {
        Picked::Path(file.path().to_owned())
    })
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
