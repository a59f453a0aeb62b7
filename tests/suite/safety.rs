//! Never lose a chart: saves are atomic, failures leave the old file, a killed writer
//! leaves the old file or the complete new one.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use organigram::format::{load_file, save_file, SaveOptions};
use organigram::samples;

fn seed() -> organigram::model::Chart {
    samples::find("seed-marketing-zh")
        .and_then(|s| s.load().ok())
        .expect("seed")
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[test]
fn saving_into_a_read_only_directory_fails_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = if running_as_root() {
        // Permissions do not stop root; /sys refuses new files even to root.
        Path::new("/sys/organigram-test.ron").to_owned()
    } else {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))
            .expect("chmod");
        dir.path().join("chart.ron")
    };
    let error = save_file(&target, &seed(), &SaveOptions::default()).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains(&target.display().to_string()), "{message}");
    assert!(message.contains("Save As"), "{message}");
    assert!(!target.exists());
    let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755));
}

#[test]
fn saving_into_a_missing_directory_fails_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("gone").join("chart.ron");
    let error = save_file(&target, &seed(), &SaveOptions::default()).expect_err("refused");
    assert!(error.to_string().contains("no longer exists"), "{error}");
}

#[test]
fn saving_keeps_the_previous_version_as_bak_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("chart.ron");
    let first = seed();
    save_file(&target, &first, &SaveOptions::default()).expect("first save");
    let second = samples::find("seed-marketing-en")
        .and_then(|s| s.load().ok())
        .expect("en");
    save_file(&target, &second, &SaveOptions::default()).expect("second save");
    assert_eq!(load_file(&target).expect("new"), second);
    assert_eq!(
        load_file(&dir.path().join("chart.ron.bak")).expect("backup"),
        first
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    save_file(&target, &first, &SaveOptions { keep_backup: false }).expect("third save");
    assert_eq!(
        load_file(&dir.path().join("chart.ron.bak")).expect("backup"),
        first,
        "backup untouched when off"
    );
}

/// `organigram generate --positions 2000000 -o EXISTING.ron`, killed (SIGKILL) at several
/// moments: EXISTING.ron always validates, as the old chart or the complete new one.
#[test]
fn a_writer_killed_part_way_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("EXISTING.ron");
    let old = seed();
    save_file(&target, &old, &SaveOptions { keep_backup: false }).expect("old file");
    for millis in [300u64, 1_500, 4_000, 8_000, 12_000, 16_000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_organigram"))
            .args(["generate", "--positions", "2000000", "-o"])
            .arg(&target)
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(millis));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let chart = load_file(&target).unwrap_or_else(|e| panic!("killed after {millis} ms: {e}"));
        if chart != old {
            assert!(chart.len() > 2_000_000, "a new file is complete");
        }
        if status.success() {
            break;
        }
    }
}
