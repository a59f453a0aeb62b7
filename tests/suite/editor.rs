//! The editor, driven headless through its accessible labels (egui_kittest), the way a
//! user would: outline, inspector, toolbar, keyboard, the drop path, dialogs.
// Scenario tests read best as one story; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]

use crate::common::find_in_unit;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use organigram::editor::{Action, Editor, Picked, ScriptedDialogs, Start};
use organigram::format::load_file;
use organigram::i18n::{Lang, LanguageChoice};
use organigram::model::NodeKind;
use organigram::ui::command::CommandUi;
use organigram::ui::OrganigramApp;

/// The window, in English whatever the machine's locale (the Chinese UI has its own
/// scenario).
fn harness(app: OrganigramApp) -> Harness<'static, OrganigramApp> {
    harness_in(app, Lang::English)
}

fn harness_in(mut app: OrganigramApp, lang: Lang) -> Harness<'static, OrganigramApp> {
    let mut settings = app.editor().settings().clone();
    settings.language = LanguageChoice::Fixed(lang);
    app.apply(Action::Settings(settings));
    Harness::builder()
        .with_size([1500.0, 950.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut OrganigramApp| app.ui_body(ui), app)
}

fn editor(dialogs: ScriptedDialogs) -> Harness<'static, OrganigramApp> {
    harness(OrganigramApp::with_dialogs(
        Box::new(dialogs),
        Start::default(),
    ))
}

/// Replaces the text of the focused field and commits it with Enter.
fn retype(harness: &mut Harness<'static, OrganigramApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The labels the editing scenario finds widgets by, in one language.
struct Words {
    lang: Lang,
    positions_10: &'static str,
    title: &'static str,
    duty_2: &'static str,
    new_duty: &'static str,
    add_subordinate: &'static str,
    rename: &'static str,
    add_assistant: &'static str,
    cycle: &'static str,
    delete: &'static str,
    keep_subordinates: &'static str,
}

const ENGLISH: Words = Words {
    lang: Lang::English,
    positions_10: "Positions 10",
    title: "Title",
    duty_2: "Duty 2",
    new_duty: "New duty",
    add_subordinate: "Add subordinate",
    rename: "Rename",
    add_assistant: "Add assistant",
    cycle: "would make a cycle",
    delete: "Delete",
    keep_subordinates: "Keep subordinates",
};

const CHINESE: Words = Words {
    lang: Lang::Chinese,
    positions_10: "岗位 10",
    title: "名称",
    duty_2: "职责 2",
    new_duty: "新职责",
    add_subordinate: "添加下级",
    rename: "重命名",
    add_assistant: "添加助理",
    cycle: "形成循环汇报",
    delete: "删除",
    keep_subordinates: "保留下级",
};

#[test]
fn a_whole_editing_session_undoes_to_the_loaded_chart_and_saves() {
    editing_session(&ENGLISH);
}

#[test]
fn the_editing_session_runs_in_chinese_by_its_chinese_labels() {
    editing_session(&CHINESE);
}

fn editing_session(words: &Words) {
    let dir = tempfile::tempdir().expect("temp dir");
    let saved = dir.path().join("edited.ron");
    let dialogs = ScriptedDialogs {
        answers: [Picked::Path(saved.clone())].into(),
    };
    let app = OrganigramApp::with_dialogs(Box::new(dialogs), Start::default());
    let mut harness = harness_in(app, words.lang);

    // 1. The seed sample is open.
    let loaded = harness.state().editor().document().chart().clone();
    assert_eq!(loaded.title(), "营销部组织架构图与岗位职责");
    harness.get_by_label(words.positions_10);

    // 2. Select 大区销售经理 in the outline.
    let manager = find_in_unit(&loaded, "大区销售经理", "销售部");
    harness.get_by_label("大区销售经理").click();
    harness.run();
    assert_eq!(harness.state().editor().selection(), &[manager]);

    // 3. Edit its title and one duty.
    retype(&mut harness, words.title, "区域销售总经理");
    assert_eq!(
        harness
            .state()
            .editor()
            .document()
            .chart()
            .node(manager)
            .unwrap()
            .title,
        "区域销售总经理"
    );
    retype(&mut harness, words.duty_2, "负责区域内经销商的开发与评估");
    assert_eq!(
        harness
            .state()
            .editor()
            .document()
            .chart()
            .node(manager)
            .unwrap()
            .duties[1],
        "负责区域内经销商的开发与评估"
    );

    // 4. Paste three bulleted lines as duties.
    harness.get_by_label(words.new_duty).focus();
    harness.run();
    assert!(harness.get_by_label(words.new_duty).is_focused());
    harness.event(Event::Paste(
        "➢ 第一条职责\n• 第二条职责\n3、第三条职责".to_owned(),
    ));
    harness.run();
    let duties = &harness
        .state()
        .editor()
        .document()
        .chart()
        .node(manager)
        .unwrap()
        .duties;
    assert_eq!(duties.len(), 20);
    assert_eq!(&duties[17..], ["第一条职责", "第二条职责", "第三条职责"]);

    // 5. Add a subordinate (renamed in place) and an assistant.
    harness.get_by_label(words.add_subordinate).click();
    harness.run();
    harness.get_by_label(words.rename).type_text("区域主管");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let chart = harness.state().editor().document().chart();
    let subordinate = *chart.children(manager).last().unwrap();
    assert_eq!(chart.node(subordinate).unwrap().title, "区域主管");
    assert_eq!(chart.node(subordinate).unwrap().kind, NodeKind::Position);
    harness.get_by_label("区域销售总经理").click();
    harness.run();
    harness.get_by_label(words.add_assistant).click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let chart = harness.state().editor().document().chart();
    let assistants = chart
        .children(manager)
        .iter()
        .filter(|&&c| chart.node(c).unwrap().kind == NodeKind::Assistant)
        .count();
    assert_eq!(assistants, 2);

    // 6. Re-parent a subtree through the drop path, and refuse a cycle.
    let supervisor = find_in_unit(&loaded, "销售主管", "销售部");
    let engineer = find_in_unit(&loaded, "销售工程师", "销售部");
    let project_manager = find_in_unit(&loaded, "工程销售经理", "工程示范中心");
    harness.state_mut().apply(Action::Reparent {
        id: supervisor,
        target: project_manager,
    });
    harness.run();
    let chart = harness.state().editor().document().chart();
    assert_eq!(chart.parent(supervisor), Some(project_manager));
    assert_eq!(
        chart.parent(engineer),
        Some(supervisor),
        "the subtree moves along"
    );
    let before_cycle = chart.clone();
    harness.state_mut().apply(Action::Reparent {
        id: project_manager,
        target: engineer,
    });
    harness.run();
    assert_eq!(
        harness.state().editor().document().chart(),
        &before_cycle,
        "a cycle is refused"
    );
    assert!(
        harness
            .state()
            .notice_text()
            .is_some_and(|n| n.contains(words.cycle)),
        "{:?}",
        harness.state().notice_text()
    );
    harness.get_by_label_contains(words.cycle);

    // 7. Delete 销售主管 keeping its subordinates: 销售工程师 moves up.
    harness.get_by_label("销售主管 · 工程示范中心 #6").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().modal_title(), Some(words.delete));
    harness.get_by_label(words.keep_subordinates).click();
    harness.run();
    let chart = harness.state().editor().document().chart();
    assert!(!chart.contains(supervisor));
    assert_eq!(chart.parent(engineer), Some(project_manager));
    let edited = chart.clone();
    assert!(
        harness.state().window_title().contains('•'),
        "dirty: {}",
        harness.state().window_title()
    );

    // 8. Undo everything back to the loaded chart, then redo it all.
    for _ in 0..40 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().editor().document().chart(), &loaded);
    assert!(!harness.state().editor().document().is_dirty());
    for _ in 0..40 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().editor().document().chart(), &edited);

    // 9. Save As to a temporary file and load it back equal.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(!harness.state().editor().document().is_dirty());
    let reloaded = load_file(&saved).expect("the saved chart loads");
    assert_eq!(&reloaded, harness.state().editor().document().chart());
    assert!(
        harness.state().window_title().starts_with("edited.ron"),
        "{}",
        harness.state().window_title()
    );
}

/// Adds a subordinate under the card `manager` (by its outline label).
fn add_subordinate_under(harness: &mut Harness<'static, OrganigramApp>, manager: &str) {
    harness.get_by_label(manager).click();
    harness.run();
    harness.get_by_label("Add subordinate").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().editor().document().is_dirty());
}

#[test]
fn new_asks_about_unsaved_changes() {
    let mut harness = editor(ScriptedDialogs::default());
    add_subordinate_under(&mut harness, "营销总监");
    let dirty = harness.state().editor().document().chart().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().modal_title(), Some("Unsaved changes"));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().editor().document().chart(),
        &dirty,
        "Cancel keeps the chart"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(
        harness.state().editor().document().chart().len(),
        1,
        "a new chart has one unit"
    );
    assert!(!harness.state().editor().document().is_dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = editor(ScriptedDialogs::default());
    add_subordinate_under(&mut harness, "营销总监");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.run();
    assert_eq!(harness.state().modal_title(), Some("Unsaved changes"));
}

#[test]
fn a_file_that_fails_to_load_shows_why_and_keeps_the_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: (1, 0), nodes: [(id: 1, kind: Positon)])").expect("write");
    let mut harness = editor(ScriptedDialogs {
        answers: [Picked::Path(bad.clone())].into(),
    });
    let before = harness.state().editor().document().chart().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(
        harness.state().modal_title(),
        Some("Could not open the chart")
    );
    harness.get_by_label_contains(&format!("{}:1:", bad.display()));
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().modal_title(), None);
    assert_eq!(harness.state().editor().document().chart(), &before);
}

#[test]
fn with_no_file_dialog_the_user_is_told_how_to_fix_it_and_can_type_a_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("typed.ron");
    let mut harness = editor(ScriptedDialogs {
        answers: [Picked::NoBackend].into(),
    });
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert_eq!(harness.state().modal_title(), Some("Save chart"));
    harness.get_by_label_contains("zenity");
    harness.get_by_label("File path").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File path")
        .type_text(target.to_str().expect("utf-8 path"));
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert!(target.exists());
    assert_eq!(
        &load_file(&target).expect("loads"),
        harness.state().editor().document().chart()
    );
}

#[test]
fn search_finds_duties_and_reveals_the_match() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("催收");
    harness.run();
    harness.get_by_label("1 of 1");
    let chart = harness.state().editor().document().chart();
    let manager = find_in_unit(chart, "大区销售经理", "销售部");
    assert_eq!(harness.state().editor().selection(), &[manager]);
}

#[test]
fn a_dropped_file_opens() {
    #[derive(Debug)]
    struct Dropped(std::path::PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }
    let path = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/seed-marketing-en.ron"
    ));
    let mut harness = editor(ScriptedDialogs::default());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.step();
    harness.run();
    assert_eq!(
        harness.state().editor().document().chart().title(),
        "Marketing Division: Organisation Chart and Job Duties"
    );
}

#[test]
fn dragging_a_card_to_empty_space_pins_it_in_one_undo_step() {
    let mut harness = editor(ScriptedDialogs::default());
    let chart = harness.state().editor().document().chart().clone();
    let engineer = find_in_unit(&chart, "销售工程师", "销售部");
    let app = harness.state();
    let rect = app
        .canvas()
        .screen_rect_of(engineer, app.editor())
        .expect("visible");
    let from = rect.center();
    let to = from + egui::vec2(0.0, 120.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + egui::vec2(0.0, 40.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let pinned = harness
        .state()
        .editor()
        .document()
        .chart()
        .node(engineer)
        .and_then(|n| n.pin);
    assert!(pinned.is_some(), "dropping on empty space pins");
    assert_eq!(
        harness.state().editor().document().history().undo_len(),
        1,
        "one drag, one undo step"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().editor().document().chart(), &chart);
}

#[test]
fn the_idle_editor_does_not_repaint() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.run();
    harness.step();
    assert!(
        !harness.state().canvas().drew_graph_last_frame,
        "an idle frame replays the canvas"
    );
    assert!(
        !harness.ctx.has_requested_repaint(),
        "an idle editor asks for no repaint"
    );
}

#[test]
fn help_lists_the_keyboard_shortcuts_from_the_command_enum() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 1);
    for command in organigram::editor::Command::ALL {
        let keys: Vec<String> = command
            .shortcut()
            .iter()
            .chain(command.alternative_shortcuts())
            .map(|s| organigram::ui::command::shortcut_text(&harness.ctx, s))
            .collect();
        if !keys.is_empty() {
            harness.get_by_label(&keys.join("  or  "));
        }
    }
}

#[test]
fn file_export_writes_a_pdf_and_a_png_of_the_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("chart.pdf");
    let png = dir.path().join("chart");
    let dialogs = ScriptedDialogs {
        answers: [Picked::Path(pdf.clone()), Picked::Path(png.clone())].into(),
    };
    let mut harness = editor(dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Choose file and export…").click();
    harness.run();
    let document = lopdf::Document::load(&pdf).expect("a PDF was written");
    assert_eq!(document.get_pages().len(), 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("PNG").click();
    harness.run();
    harness.get_by_label("Choose file and export…").click();
    harness.run();
    let written = png.with_extension("png");
    let pixmap =
        resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&written).expect("a PNG was written"))
            .expect("decodes");
    assert!(pixmap.width() > 500);
    assert!(harness
        .state()
        .notice_text()
        .is_some_and(|n| n.contains("Exported")));
}

fn editor_on(path: &std::path::Path, dialogs: ScriptedDialogs) -> Harness<'static, OrganigramApp> {
    harness(OrganigramApp::with_dialogs(
        Box::new(dialogs),
        Start::File(path.to_owned()),
    ))
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shared.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-marketing-en.ron"),
        &path,
    )
    .expect("copy");
    let mut harness = editor_on(&path, ScriptedDialogs::default());
    add_subordinate_under(&mut harness, "Marketing Director");
    // A colleague saves their own version meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Marketing Division", "Their Division");
    std::fs::write(&path, &theirs).expect("write");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        harness.state().modal_title(),
        Some("The file changed on disk")
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "nothing overwritten yet"
    );
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(
        &load_file(&path).expect("loads"),
        harness.state().editor().document().chart()
    );
    assert!(
        path.with_extension("ron.bak").exists(),
        "the previous version is kept as .bak"
    );

    // Saving before New goes through the same question, then carries on with New.
    add_subordinate_under(&mut harness, "Marketing Director");
    let ours = harness.state().editor().document().chart().clone();
    std::fs::write(&path, &theirs).expect("write");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(
        harness.state().modal_title(),
        Some("The file changed on disk")
    );
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(load_file(&path).expect("loads"), ours);
    assert_eq!(
        harness.state().editor().document().chart().len(),
        1,
        "then New"
    );
}

#[test]
fn a_failed_save_keeps_the_chart_open_and_dirty_and_says_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-folder").join("chart.ron");
    let blocked = dir.path().join("a-file").join("chart.ron");
    std::fs::write(dir.path().join("a-file"), "not a folder").expect("write");
    let mut harness = editor(ScriptedDialogs {
        answers: [Picked::Path(missing), Picked::Path(blocked)].into(),
    });
    add_subordinate_under(&mut harness, "营销总监");
    let before = harness.state().editor().document().chart().clone();
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        harness.run();
        assert_eq!(
            harness.state().modal_title(),
            Some("The chart was not saved")
        );
        harness.get_by_label_contains("choose another folder with Save As");
        harness.get_by_label("OK").click();
        harness.run();
        assert!(harness.state().editor().document().is_dirty());
        assert_eq!(harness.state().editor().document().chart(), &before);
    }
}

/// Like `make_dirty`, stepping frames one by one: with autosave on, a dirty editor keeps
/// a wake-up pending (to write its next copy), so `run()` would never settle.
fn make_dirty_stepping(harness: &mut Harness<'static, OrganigramApp>) {
    harness.get_by_label("营销总监").click();
    harness.run_steps(3);
    harness.get_by_label("Add subordinate").click();
    harness.run_steps(3);
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().editor().document().is_dirty());
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let recovery = tempfile::tempdir().expect("temp dir");
    let dir = || Some(recovery.path().to_owned());
    let copies = || {
        std::fs::read_dir(recovery.path())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                    .count()
            })
            .unwrap_or(0)
    };
    let crashed_chart = {
        let app = OrganigramApp::with_editor(
            Editor::new(Start::default(), Box::new(ScriptedDialogs::default()))
                .with_recovery(dir(), 1.0),
        );
        let mut harness = harness(app);
        make_dirty_stepping(&mut harness);
        for _ in 0..8 {
            harness.step();
        }
        assert_eq!(
            copies(),
            1,
            "a recovery copy is written while the chart is dirty"
        );
        harness.state().editor().document().chart().clone()
        // The harness is dropped here without a clean close: a crash.
    };

    let elsewhere = tempfile::tempdir().expect("temp dir");
    let saved = elsewhere.path().join("saved.ron");
    let dialogs = ScriptedDialogs {
        answers: [Picked::Path(saved.clone())].into(),
    };
    let app = OrganigramApp::with_editor(
        Editor::new(Start::default(), Box::new(dialogs)).with_recovery(dir(), 1.0),
    );
    let mut harness = harness(app);
    assert_eq!(harness.state().modal_title(), Some("Recover unsaved work"));
    harness.get_by_label_contains(
        "seed-marketing-zh (sample) — saved just now; 16 cards, never saved",
    );
    harness.get_by_label("Restore 1").click();
    harness.run_steps(3);
    assert_eq!(harness.state().editor().document().chart(), &crashed_chart);
    assert!(
        harness.state().editor().document().is_dirty(),
        "restored work is unsaved until saved"
    );

    assert_eq!(
        copies(),
        0,
        "the restored copy is taken out of the recovery folder"
    );
    for _ in 0..8 {
        harness.step();
    }
    assert_eq!(
        copies(),
        1,
        "the restored, still unsaved chart is autosaved again"
    );

    // A clean save removes the copy.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(3);
    assert_eq!(&load_file(&saved).expect("saved"), &crashed_chart);
    assert_eq!(copies(), 0, "a clean save removes the recovery copy");
}

#[test]
fn a_generated_100k_chart_opens_pans_zooms_and_selects() {
    let chart =
        organigram::generate::generate(100_000, 1, organigram::generate::Shape::Organisation);
    let app = OrganigramApp::with_chart(Box::new(ScriptedDialogs::default()), chart);
    let mut harness = harness(app);
    harness.run_steps(3);
    harness.get_by_label("Positions 100000");
    assert!(
        harness
            .state()
            .notice_text()
            .is_some_and(|n| n.contains("Show 3 levels")),
        "a large unfolded chart opens with a hint on getting an overview: {:?}",
        harness.state().notice_text()
    );
    let centre = harness.state().canvas().rect().center();
    // Zoom in with the keyboard and by pinch, pan by scrolling and by dragging the background.
    for _ in 0..12 {
        harness.key_press(Key::Plus);
    }
    harness.run_steps(2);
    harness.event(Event::Zoom(1.5));
    harness.hover_at(centre);
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-300.0, 40.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
    });
    harness.run_steps(3);
    let before = *harness.state().editor().viewport();
    harness.drag_at(centre + egui::vec2(0.0, 300.0));
    harness.hover_at(centre + egui::vec2(-200.0, 250.0));
    harness.drop_at(centre + egui::vec2(-200.0, 250.0));
    harness.run_steps(3);
    assert_ne!(
        *harness.state().editor().viewport(),
        before,
        "the camera moved"
    );
    // Select through the outline, which centres the canvas on the card.
    harness.get_by_label("Chief Executive Officer").click();
    harness.run_steps(3);
    let ceo = harness.state().editor().selection().to_vec();
    assert_eq!(ceo.len(), 1);
    assert_eq!(
        harness
            .state()
            .editor()
            .document()
            .chart()
            .node(ceo[0])
            .map(|n| n.title.as_str()),
        Some("Chief Executive Officer")
    );

    // Alt+3 folds the chart to its top three levels and fits it: a readable overview,
    // undone in one step.
    let folded = |harness: &Harness<'static, OrganigramApp>| {
        let chart = harness.state().editor().document().chart();
        chart
            .tree_order()
            .filter(|&id| chart.node(id).is_some_and(|n| n.collapsed))
            .count()
    };
    let zoom_before = harness.state().editor().viewport().zoom;
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run_steps(3);
    assert!(folded(&harness) > 0, "the third level is folded");
    let chart = harness.state().editor().document().chart();
    let levels_shown = chart
        .tree_order()
        .filter(|&id| {
            chart
                .ancestors(id)
                .all(|a| chart.node(a).is_some_and(|n| !n.collapsed))
        })
        .map(|id| chart.ancestors(id).count() + 1)
        .max();
    assert_eq!(levels_shown, Some(3));
    let zoom = harness.state().editor().viewport().zoom;
    assert!(
        zoom > 0.2 && zoom > zoom_before / 100.0,
        "the overview is fitted at a readable zoom, not {zoom}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(folded(&harness), 0, "one undo unfolds it all again");
}

#[test]
fn show_levels_and_expand_all_from_the_view_menu() {
    // The mid-size sample is too wide to read fitted: it opens at its top, with a hint.
    let mid = harness(OrganigramApp::with_dialogs(
        Box::new(ScriptedDialogs::default()),
        Start::Sample("midsize-northwind".into()),
    ));
    assert!(
        mid.state()
            .notice_text()
            .is_some_and(|n| n.contains("Show 3 levels")),
        "{:?}",
        mid.state().notice_text()
    );
    // Its long titles are cut to the outline panel, not widening it.
    let long = mid.get_by_label("Strategy & Corporate Development Manager");
    assert!(
        long.rect().right() < 300.0,
        "the outline keeps its width: {:?}",
        long.rect()
    );
    let mut harness = editor(ScriptedDialogs::default());
    assert_eq!(
        harness.state().notice_text(),
        None,
        "the seed fits: no hint"
    );
    let loaded = harness.state().editor().document().chart().clone();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Show 2 levels").click();
    harness.run();
    // The seed is 营销部 (unit) above 营销总监: level 2 is the director, whose team folds.
    let chart = harness.state().editor().document().chart();
    let director = find_in_unit(chart, "营销总监", "营销部");
    assert_eq!(chart.node(director).map(|n| n.collapsed), Some(true));
    assert!(
        harness.query_by_label("大区销售经理").is_none(),
        "folded away in the outline"
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Expand all").click();
    harness.run();
    assert_eq!(harness.state().editor().document().chart(), &loaded);
    harness.get_by_label("大区销售经理");
}

#[test]
fn the_editor_keeps_working_while_a_file_dialog_is_open_and_its_answer_carries_on() {
    use organigram::editor::{DialogKind, OpenDialogs};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kept.ron");
    let dialogs = OpenDialogs::default();
    let mut harness = harness(OrganigramApp::with_dialogs(
        Box::new(dialogs.clone()),
        Start::default(),
    ));
    add_subordinate_under(&mut harness, "营销总监");
    let dirty = harness.state().editor().document().chart().clone();

    // New asks to save first; Save opens a dialog that stays open.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(dialogs.open(), vec![DialogKind::SaveChart]);
    harness.get_by_label("A file dialog is open");

    // Meanwhile the editor keeps working.
    harness.get_by_label("大区销售经理").click();
    harness.run();
    let manager = find_in_unit(
        harness.state().editor().document().chart(),
        "大区销售经理",
        "销售部",
    );
    assert_eq!(harness.state().editor().selection(), &[manager]);
    // A second dialog waits for the first.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert_eq!(dialogs.open().len(), 1);
    assert_eq!(
        harness.state().notice_text(),
        Some("A file dialog is already open".to_owned())
    );

    // The answer saves the chart, then carries on with New.
    assert!(dialogs.answer(Picked::Path(path.clone())));
    harness.run();
    assert_eq!(load_file(&path).expect("saved"), dirty);
    assert_eq!(
        harness.state().editor().document().chart().len(),
        1,
        "then a new chart"
    );
    assert!(!harness.state().editor().is_waiting_for_file_dialog());
    assert!(harness.query_by_label("A file dialog is open").is_none());
}

#[test]
fn the_rename_box_covers_the_title_with_a_field_and_no_label() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.get_by_label("大区销售经理").click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    let app = harness.state();
    let id = app.editor().renaming().expect("renaming");
    let card = app
        .canvas()
        .screen_rect_of(id, app.editor())
        .expect("on screen");
    let zoom = app.editor().viewport().zoom;
    // The title's first line starts below the colour band and padding.
    let title_top = card.top() + 13.0 * zoom;
    let field = harness.get_by_label("Rename").rect();
    assert!(
        field.top() <= title_top && field.bottom() >= title_top + 7.0 * zoom,
        "the field {field:?} lies over the title at {title_top} of {card:?}, with nothing above it"
    );
    harness.get_by_label("Rename").type_text("区域经理");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let chart = harness.state().editor().chart();
    assert!(chart
        .tree_order()
        .any(|id| chart.node(id).unwrap().title == "区域经理"));
}

#[test]
fn a_long_notice_is_laid_out_wide_not_a_word_per_line() {
    let mut harness = editor(ScriptedDialogs::default());
    let chart = harness.state().editor().chart().clone();
    let manager = find_in_unit(&chart, "工程销售经理", "工程示范中心");
    let engineer = find_in_unit(&chart, "销售工程师", "工程示范中心");
    // A short notice first, then a long one in its place.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label("Nothing to redo");
    harness.state_mut().apply(Action::Reparent {
        id: manager,
        target: engineer,
    });
    harness.run();
    let notice = harness.get_by_label_contains("would make a cycle");
    let rect = notice.rect();
    assert!(rect.width() > 300.0, "the notice is {rect:?}");
    assert!(rect.height() < 80.0, "at most a few lines: {rect:?}");
}

#[test]
fn f3_steps_through_matches_while_typing_and_escape_closes_search() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("销售主管");
    harness.run();
    harness.get_by_label("1 of 2");
    assert!(harness.get_by_label("Search").is_focused());
    harness.key_press(Key::F3);
    harness.run();
    harness.get_by_label("2 of 2");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    harness.get_by_label("1 of 2");
    harness.get_by_label("Search").focus();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Close search").is_none(),
        "Escape closes search"
    );
    assert!(!harness.state().editor().search().open);
}

#[test]
fn the_dotted_line_picker_tells_posts_apart_by_unit_and_manager() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.get_by_label("市场经理").click();
    harness.run();
    harness.get_by_label("Add dotted-line manager").click();
    harness.run();
    harness.get_by_label("销售主管 · 销售部 · reports to 大区销售经理");
    harness.get_by_label("销售主管 · 工程示范中心 · reports to 工程销售经理");
}

#[test]
fn the_canvas_redraws_when_a_view_option_changes() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.run();
    for option in ["Duties on cards", "Left to right", "Stack teams of leaves"] {
        let before = harness.state().editor().document().derived_revision();
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label_contains(option).click();
        harness.run();
        let editor = harness.state().editor();
        assert_ne!(
            editor.document().derived_revision(),
            before,
            "{option} changed the layout"
        );
        assert_eq!(
            harness.state().canvas().shown_revision(),
            Some(editor.document().derived_revision()),
            "after {option}, the canvas draws the layout the editor has"
        );
    }
    let view = harness.state().editor().settings().view;
    assert!(view.duties_on_cards && view.left_to_right && !view.stack_teams);
}

#[test]
fn the_import_preview_maps_columns_counts_live_and_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = dir.path().join("team.csv");
    std::fs::write(
        &roster,
        "Team list\nStaff,Boss,Role,Team\nAnn,,Chief,HQ\nBo,Ann,Lead,Sales\nCy,Bo,Seller,Sales\nDi,Bo,Seller,Sales\n",
    )
    .expect("write");
    let mut harness = editor(ScriptedDialogs {
        answers: [Picked::Path(roster.clone())].into(),
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    // "Boss" and "Staff" are not headers Organigram knows: no managers yet.
    harness.get_by_label("4 posts · 4 top posts · depth 1 · 0 units · 0 problems");
    harness.get_by_label("Column 2 (Boss)").click();
    harness.run();
    harness.get_by_label("Manager").click();
    harness.run();
    harness.get_by_label("Column 1 (Staff)").click();
    harness.run();
    harness.get_by_label("Holder's name").click();
    harness.run();
    harness.get_by_label("4 posts · 1 top post · depth 3 · 0 units · 0 problems");
    harness.get_by_label("Column 4 (Team)").click();
    harness.run();
    harness.get_by_label("Department").click();
    harness.run();
    harness.get_by_label("4 posts · 1 top post · depth 3 · 2 units · 0 problems");
    harness.get_by_label("Import").click();
    harness.run();
    let editor = harness.state().editor();
    assert!(editor.import_preview().is_none(), "the preview closes");
    let chart = editor.chart();
    assert_eq!(chart.title(), "team");
    assert!(
        editor.document().is_dirty(),
        "an imported chart is not saved yet"
    );
    let seller = chart
        .tree_order()
        .find(|&id| {
            chart
                .node(id)
                .is_some_and(|n| n.holder.as_deref() == Some("Cy"))
        })
        .expect("Cy");
    let lead = chart
        .ancestors(seller)
        .find(|&a| chart.node(a).is_some_and(|n| n.kind.is_post()));
    assert_eq!(
        lead.and_then(|l| chart.node(l)).map(|n| n.title.as_str()),
        Some("Lead")
    );
    harness.get_by_label("Positions 4");
}

#[test]
fn the_changes_panel_lists_the_changes_and_a_click_selects_the_card() {
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = dir.path().join("as-is.ron");
    let seed = organigram::samples::find("seed-marketing-zh")
        .expect("seed")
        .load()
        .expect("loads");
    std::fs::write(&as_is, organigram::format::write_chart(&seed)).expect("write");
    let mut harness = editor(ScriptedDialogs {
        answers: [Picked::Path(as_is)].into(),
    });
    // An edited copy: a holder for 大区销售经理 and a new post under 销售主管.
    let manager = find_in_unit(&seed, "大区销售经理", "销售部");
    let lead = find_in_unit(&seed, "销售主管", "销售部");
    harness.state_mut().apply(Action::Edit {
        edit: organigram::model::Edit::SetField {
            id: manager,
            field: organigram::model::Field::Holder(Some("王芳".into())),
        },
        label: organigram::editor::Label::Holder,
    });
    harness.state_mut().apply(Action::Select(
        lead,
        organigram::editor::SelectMode::Replace,
    ));
    harness
        .state_mut()
        .apply(Action::Command(organigram::editor::Command::AddSubordinate));
    harness
        .state_mut()
        .apply(Action::FinishRename(Some("大客户经理".into())));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Compare with…").click();
    harness.run();
    // The panel: its figures, its groups, one line per change.
    harness.get_by_label("Changes");
    harness.get_by_label("Compared with as-is.ron · matched by id");
    harness.get_by_label("New (1)");
    harness.get_by_label("Changed (1)");
    let added = harness
        .state()
        .editor()
        .comparison()
        .expect("comparing")
        .diff()
        .changes
        .iter()
        .find(|c| c.kind() == organigram::compare::ChangeKind::Added)
        .expect("the new post")
        .id;
    harness.state_mut().apply(Action::ClearSelection);
    harness.run();
    harness
        .get_by_label(&format!(
            "大区销售经理 (王芳) {manager}: holder vacant → 王芳"
        ))
        .click();
    harness.run();
    assert_eq!(harness.state().editor().selection(), &[manager]);
    harness
        .get_by_label(&format!("大客户经理 {added}, under 销售主管 {lead}"))
        .click();
    harness.run();
    assert_eq!(harness.state().editor().selection(), &[added]);
    // The filter hides what does not match.
    harness.get_by_label("New (1)").click();
    harness.run();
    assert!(harness
        .query_by_label(&format!("大客户经理 {added}, under 销售主管 {lead}"))
        .is_none());
    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(harness.state().editor().comparison().is_none());
    assert!(harness
        .query_by_label("Compared with as-is.ron · matched by id")
        .is_none());
}

#[test]
fn the_analysis_panel_selects_a_band_and_a_shared_duty_and_colours_by_span() {
    let mut harness = editor(ScriptedDialogs::default());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Analysis").click();
    harness.run();
    harness.get_by_label("Managers by span of control");
    // The seed: four managers with one report, one with two or three.
    harness.get_by_label("1: 4").click();
    harness.run();
    let chart = harness.state().editor().chart().clone();
    let selected = harness.state().editor().selection().to_vec();
    assert_eq!(selected.len(), 4);
    let report = harness
        .state()
        .editor()
        .analysis()
        .expect("the analysis")
        .report()
        .clone();
    for id in &selected {
        assert_eq!(report.posts.get(*id).map(|f| f.span), Some(1));
    }
    // A shared duty: both regional managers selected, the duty marked in the inspector.
    harness
        .get_by_label_contains("1.00 · 负责部门费用的预算和控制")
        .click();
    harness.run();
    let editor = harness.state().editor();
    let managers: std::collections::BTreeSet<&str> = editor
        .selection()
        .iter()
        .filter_map(|&id| chart.node(id).map(|n| n.title.as_str()))
        .collect();
    assert_eq!(managers, ["大区销售经理", "工程销售经理"].into());
    let (post, index) = editor.duty_highlight().expect("a duty is marked");
    assert_eq!(editor.primary(), Some(post));
    assert!(chart.node(post).expect("post").duties[index].starts_with("负责部门费用"));
    // Colour by span band: the legend shows on the canvas.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Colour by").click();
    harness.run();
    harness.get_by_label("Span band").click();
    harness.run();
    harness.get_by_label("Span of control");
    harness.get_by_label("1 (narrow) · 4");
    let colouring = harness
        .state()
        .editor()
        .analysis()
        .and_then(|a| a.colouring().cloned())
        .expect("coloured");
    assert_eq!(colouring.colours.len(), 10, "every post has a colour");
}

#[test]
fn view_language_switches_every_word_at_once_and_new_cards_follow() {
    let mut harness = editor(ScriptedDialogs::default());
    for word in ["File", "Edit", "View", "Help", "Undo"] {
        harness.get_by_label(word);
    }
    assert_eq!(harness.state().editor().look().style.vacant_text, "Vacant");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Language").click();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(
        harness.state().editor().settings().language,
        LanguageChoice::Fixed(Lang::Chinese)
    );
    for word in ["文件", "编辑", "视图", "帮助", "撤销", "岗位 10"] {
        harness.get_by_label(word);
    }
    assert!(
        harness.query_by_label("File").is_none(),
        "no English is left"
    );
    assert_eq!(harness.state().editor().look().style.vacant_text, "空缺");
    // A new post gets a Chinese title; the chart's own words are never translated.
    harness.get_by_label("营销总监").click();
    harness.run();
    harness.get_by_label("添加下级").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let chart = harness.state().editor().document().chart();
    assert!(chart
        .tree_order()
        .any(|id| chart.node(id).is_some_and(|n| n.title == "新岗位")));
    assert_eq!(chart.title(), "营销部组织架构图与岗位职责");
}
