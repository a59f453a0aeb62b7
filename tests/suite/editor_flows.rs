//! The editor without a window: the kittest session's story told to `Editor` directly,
//! and the flows between features (open, restore, undo across charts) where bugs hide.
// Scenario tests read best as one story; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]

use crate::common::find_in_unit;
use organigram::editor::{
    Action, Command, Editor, Label, Message, Modal, ModalChoice, OutlineRow, Picked,
    ScriptedDialogs, SelectMode, Settings, SlideShape, Start,
};
use organigram::format::load_file;
use organigram::model::{Chart, Edit, EditError, Field, NodeId, NodeKind, Rule};

fn seed_editor(answers: Vec<Picked>) -> Editor {
    let dialogs = ScriptedDialogs {
        answers: answers.into(),
    };
    let mut editor = Editor::new(Start::default(), Box::new(dialogs));
    let mut settings = editor.settings().clone();
    settings.language = organigram::i18n::LanguageChoice::Fixed(organigram::i18n::Lang::English);
    editor.apply(Action::Settings(settings));
    editor.apply(Action::CanvasSize([1000.0, 700.0]));
    editor
}

fn set(id: NodeId, field: Field, label: Label) -> Action {
    Action::Edit {
        edit: Edit::SetField { id, field },
        label,
    }
}

#[test]
fn a_whole_editing_session_without_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let saved = dir.path().join("edited.ron");
    let mut editor = seed_editor(vec![Picked::Path(saved.clone())]);
    let loaded = editor.chart().clone();
    assert_eq!(
        editor.document().stats().positions + editor.document().stats().assistants,
        10
    );

    // Select, edit the title and a duty, paste three duties.
    let manager = find_in_unit(&loaded, "大区销售经理", "销售部");
    editor.apply(Action::Reveal(manager));
    assert_eq!(editor.selection(), &[manager]);
    editor.apply(set(
        manager,
        Field::Title("区域销售总经理".into()),
        Label::Rename,
    ));
    editor.apply(Action::Edit {
        edit: Edit::SetDuty {
            id: manager,
            index: 1,
            text: "负责区域内经销商的开发与评估".into(),
        },
        label: Label::EditDuty,
    });
    editor.apply(Action::AddDuties {
        id: manager,
        index: 17,
        text: "➢ 第一条职责\n• 第二条职责\n3、第三条职责".into(),
    });
    let duties = &editor.chart().node(manager).expect("manager").duties;
    assert_eq!(duties.len(), 20);
    assert_eq!(&duties[17..], ["第一条职责", "第二条职责", "第三条职责"]);

    // Add a subordinate (renamed in place) and an assistant.
    editor.apply(Action::Command(Command::AddSubordinate));
    let added = *editor.chart().children(manager).last().expect("added");
    assert_eq!(editor.renaming(), Some(added));
    editor.apply(Action::FinishRename(Some("区域主管".into())));
    assert_eq!(
        editor.chart().node(added).map(|n| n.title.as_str()),
        Some("区域主管")
    );
    editor.apply(Action::Select(manager, SelectMode::Replace));
    editor.apply(Action::Command(Command::AddAssistant));
    editor.apply(Action::FinishRename(None));
    let assistants = editor
        .chart()
        .children(manager)
        .iter()
        .filter(|&&c| editor.chart().node(c).map(|n| n.kind) == Some(NodeKind::Assistant))
        .count();
    assert_eq!(assistants, 2);

    // Re-parent a subtree by a drop, and refuse a cycle.
    let supervisor = find_in_unit(&loaded, "销售主管", "销售部");
    let engineer = find_in_unit(&loaded, "销售工程师", "销售部");
    let project_manager = find_in_unit(&loaded, "工程销售经理", "工程示范中心");
    assert!(editor.drop_verdict(supervisor, project_manager).is_ok());
    editor.apply(Action::Reparent {
        id: supervisor,
        target: project_manager,
    });
    assert_eq!(editor.chart().parent(supervisor), Some(project_manager));
    assert_eq!(editor.chart().parent(engineer), Some(supervisor));
    let before_cycle = editor.chart().clone();
    let verdict = editor.drop_verdict(project_manager, engineer);
    assert!(
        matches!(verdict, Err(EditError::Rule(Rule::Cycle { .. }))),
        "{verdict:?}"
    );
    editor.apply(Action::Reparent {
        id: project_manager,
        target: engineer,
    });
    assert_eq!(editor.chart(), &before_cycle, "a cycle is refused");
    let notice = editor.notice().expect("the refusal is told");
    assert!(notice.is_error);
    assert!(matches!(
        &notice.message,
        Message::Refused(EditError::Rule(Rule::Cycle { .. }))
    ));

    // Delete the moved 销售主管, keeping its subordinates.
    editor.apply(Action::Select(supervisor, SelectMode::Replace));
    editor.apply(Action::Command(Command::Delete));
    assert!(matches!(editor.modal(), Some(Modal::Delete { .. })));
    editor.apply(Action::Modal(ModalChoice::Delete { keep_reports: true }));
    assert!(!editor.chart().contains(supervisor));
    assert_eq!(editor.chart().parent(engineer), Some(project_manager));
    let edited = editor.chart().clone();
    assert!(editor.document().is_dirty());

    // Undo everything, then redo it all.
    while editor.can(Command::Undo) {
        editor.apply(Action::Command(Command::Undo));
    }
    assert_eq!(editor.chart(), &loaded);
    assert!(!editor.document().is_dirty());
    while editor.can(Command::Redo) {
        editor.apply(Action::Command(Command::Redo));
    }
    assert_eq!(editor.chart(), &edited);

    // Save As, then reload: the same chart.
    editor.apply(Action::Command(Command::SaveAs));
    assert!(!editor.document().is_dirty());
    assert_eq!(&load_file(&saved).expect("saved"), editor.chart());
    editor.apply(Action::OpenFile(saved.clone()));
    assert_eq!(editor.chart(), &edited);
    assert_eq!(editor.document().path(), Some(&saved));
}

/// The outline's rows as a fresh walk of `chart` gives them.
fn expected_rows(chart: &Chart) -> Vec<OutlineRow> {
    let mut rows = Vec::new();
    let mut stack: Vec<(NodeId, u16)> = chart.roots().iter().rev().map(|&r| (r, 0)).collect();
    while let Some((id, depth)) = stack.pop() {
        let node = chart.node(id).expect("node");
        let children = chart.children(id);
        rows.push(OutlineRow {
            id,
            depth,
            has_children: !children.is_empty(),
            collapsed: node.collapsed,
        });
        if !node.collapsed {
            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
        }
    }
    rows
}

fn assert_outline_matches(editor: &Editor, after: &str) {
    assert_eq!(
        editor.document().outline(),
        expected_rows(editor.chart()).as_slice(),
        "the outline after {after}"
    );
    let stats = organigram::model::ChartStats::of(editor.chart());
    assert_eq!(
        editor.document().stats(),
        &stats,
        "the statistics after {after}"
    );
}

#[test]
fn the_outline_shows_the_open_chart_after_every_kind_of_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("english.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-marketing-en.ron"),
        &file,
    )
    .expect("copy");

    // A crashed session leaves a recovery copy of an edited mid-size chart.
    let crashed = {
        let mut editor = Editor::new(
            Start::Sample("midsize-northwind".into()),
            Box::new(ScriptedDialogs::default()),
        )
        .with_recovery(Some(recovery.path().to_owned()), 1.0);
        let root = editor.chart().roots()[0];
        editor.apply(set(root, Field::Title("Restored Co".into()), Label::Rename));
        editor.apply(Action::Frame {
            now_s: 0.0,
            input: false,
        });
        editor.apply(Action::Frame {
            now_s: 5.0,
            input: false,
        });
        editor.chart().clone()
    };

    let mut editor = Editor::new(Start::default(), Box::new(ScriptedDialogs::default()))
        .with_recovery(Some(recovery.path().to_owned()), 60.0);
    assert!(matches!(editor.modal(), Some(Modal::Recover { .. })));
    editor.apply(Action::Modal(ModalChoice::Close));
    assert_outline_matches(&editor, "opening the seed");
    editor.apply(Action::OpenSample("midsize-northwind"));
    assert_outline_matches(&editor, "Open sample");
    editor.apply(Action::OpenFile(file.clone()));
    assert_outline_matches(&editor, "Open");
    assert_eq!(
        editor.settings().recent.first(),
        Some(&file.canonicalize().expect("path"))
    );
    editor.apply(Action::OpenSample("seed-marketing-zh"));
    let recent = editor.settings().recent[0].clone();
    editor.apply(Action::OpenFile(recent));
    assert_outline_matches(&editor, "Open recent");

    let mut restoring = Editor::new(Start::default(), Box::new(ScriptedDialogs::default()))
        .with_recovery(Some(recovery.path().to_owned()), 60.0);
    restoring.apply(Action::Modal(ModalChoice::Restore(0)));
    assert_eq!(restoring.chart(), &crashed);
    assert_outline_matches(&restoring, "Restore");
    // Undo reaches back no further than the restored chart.
    assert!(!restoring.can(Command::Undo));
}

#[test]
fn folding_keeps_the_chart_saved_but_editing_does_not() {
    let mut editor = seed_editor(Vec::new());
    let root = editor.chart().roots()[0];
    editor.apply(Action::ToggleCollapse(root));
    assert!(editor.chart().node(root).is_some_and(|n| n.collapsed));
    assert!(
        !editor.document().is_dirty(),
        "folding is not a change to save"
    );
    editor.apply(Action::Command(Command::ShowLevels(2)));
    assert!(!editor.document().is_dirty());
    editor.apply(Action::Command(Command::Undo));
    editor.apply(Action::Command(Command::Undo));
    assert!(editor.chart().node(root).is_some_and(|n| !n.collapsed));
    editor.apply(set(root, Field::Notes("x".into()), Label::Notes));
    assert!(editor.document().is_dirty());
}

#[test]
fn a_file_opened_at_start_is_remembered_in_open_recent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("start.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-marketing-en.ron"),
        &file,
    )
    .expect("copy");
    let editor = Editor::new(
        Start::File(file.clone()),
        Box::new(ScriptedDialogs::default()),
    )
    .with_settings(Settings::default());
    assert_eq!(
        editor.settings().recent.first(),
        Some(&file.canonicalize().expect("path"))
    );
}

#[test]
fn added_and_folded_cards_are_brought_into_view() {
    let mut editor = seed_editor(Vec::new());
    let chart = editor.chart().clone();
    // The right-most card, with the view panned so it sits at the canvas's right edge.
    let rightmost = chart
        .tree_order()
        .max_by(|&a, &b| {
            let x = |id| {
                editor
                    .document()
                    .layout()
                    .rect(id)
                    .map_or(0.0, |r| r.right())
            };
            x(a).total_cmp(&x(b))
        })
        .expect("a card");
    editor.apply(Action::Zoom {
        factor: 1.0 / editor.viewport().zoom,
        anchor: [0.0, 0.0],
    });
    let rect = editor
        .document()
        .layout()
        .rect(rightmost)
        .expect("laid out");
    let [x, _, width, _] = editor.viewport().canvas_rect(rect);
    editor.apply(Action::Pan([1000.0 - (x + width) - 5.0, 0.0]));
    assert!(!editor.viewport().shows(rect, 24.0));

    editor.apply(Action::Select(rightmost, SelectMode::Replace));
    editor.apply(Action::Command(Command::AddSibling));
    let added = editor.renaming().expect("renaming the new card");
    let added_rect = editor.document().layout().rect(added).expect("laid out");
    assert!(
        editor.viewport().shows(added_rect, 23.0),
        "the new card is in view: {added_rect:?} in {:?}",
        editor.viewport()
    );
    editor.apply(Action::FinishRename(None));

    // Fold a card that is off screen: the view follows it.
    let top = chart.roots()[0];
    editor.apply(Action::Pan([3000.0, 3000.0]));
    editor.apply(Action::ToggleCollapse(top));
    let top_rect = editor.document().layout().rect(top).expect("laid out");
    assert!(
        editor.viewport().shows(top_rect, 23.0),
        "{:?}",
        editor.viewport()
    );
}

#[test]
fn expand_all_on_a_big_chart_shows_cards() {
    let chart =
        organigram::generate::generate(10_000, 1, organigram::generate::Shape::Organisation);
    let mut editor = Editor::with_chart(chart, Box::new(ScriptedDialogs::default()));
    editor.apply(Action::CanvasSize([1000.0, 700.0]));
    editor.apply(Action::Command(Command::ShowLevels(2)));
    editor.apply(Action::Command(Command::ExpandAll));
    let visible = editor.viewport().visible();
    let shown = editor
        .document()
        .layout()
        .cards
        .iter()
        .filter(|card| card.rect.overlaps(&visible))
        .count();
    assert!(
        shown > 0,
        "Expand all leaves cards in view ({:?})",
        editor.viewport()
    );
    let zoom = editor.viewport().zoom;
    assert!(zoom >= 0.3, "readable, not {zoom}");
}

#[test]
fn view_options_apply_at_once_and_are_kept_in_the_settings() {
    let mut editor = seed_editor(Vec::new());
    let manager = find_in_unit(editor.chart(), "大区销售经理", "销售部");
    let height = |editor: &Editor| editor.document().card(manager).expect("card").height;
    let plain = height(&editor);
    editor.apply(Action::Command(Command::ToggleDutiesOnCards));
    assert!(editor.settings().view.duties_on_cards);
    assert!(
        height(&editor) > 3.0 * plain,
        "duties are drawn on the card"
    );

    let top = editor.chart().roots()[0];
    let under = editor.chart().children(top)[0];
    editor.apply(Action::Command(Command::ToggleLeftToRight));
    let layout = editor.document().layout();
    let (a, b) = (
        layout.rect(top).expect("top"),
        layout.rect(under).expect("below"),
    );
    assert!(
        b.x >= a.right(),
        "left to right: the subordinate is right of its manager"
    );

    let wide = editor.document().layout().bounds().expect("bounds").width;
    editor.apply(Action::Command(Command::ToggleLeftToRight));
    editor.apply(Action::Command(Command::ToggleCompact));
    assert!(!editor.settings().view.stack_teams);
    assert_ne!(
        editor.document().layout().bounds().expect("bounds").width,
        wide
    );
}

#[test]
fn a_card_placed_by_hand_moves_with_its_team_and_never_covers_a_card() {
    let mut editor = seed_editor(Vec::new());
    let engineer = find_in_unit(editor.chart(), "销售工程师", "销售部");
    let supervisor = editor.chart().parent(engineer).expect("manager");
    let layout = editor.document().layout();
    let (own, manager) = (
        layout.rect(engineer).expect("card"),
        layout.rect(supervisor).expect("manager"),
    );
    // Drop it 60 units to the right of where it is.
    editor.apply(Action::Pin {
        id: engineer,
        at: organigram::model::ChartPoint {
            x: own.x + 60.0,
            y: own.y,
        },
    });
    let pin = editor
        .chart()
        .node(engineer)
        .and_then(|n| n.pin)
        .expect("pinned");
    assert_eq!(
        (pin.x, pin.y),
        (
            (own.x + 60.0 - manager.x).round(),
            (own.y - manager.y).round()
        )
    );

    // A new post before the team's manager moves the whole team, the pinned card with it.
    let unit = editor
        .chart()
        .parent(editor.chart().parent(supervisor).expect("up"))
        .expect("unit");
    let before = editor.document().layout().rect(engineer).expect("card");
    let manager_before = editor
        .document()
        .layout()
        .rect(supervisor)
        .expect("manager");
    editor.apply(Action::Edit {
        edit: Edit::AddNode {
            id: editor.chart().fresh_id(),
            parent: Some(unit),
            index: 0,
            node: Box::new(organigram::model::Node::new(NodeKind::Position, "新岗位")),
        },
        label: Label::Add(Command::AddSubordinate),
    });
    let after = editor.document().layout().rect(engineer).expect("card");
    let manager_after = editor
        .document()
        .layout()
        .rect(supervisor)
        .expect("manager");
    assert_eq!(after.x - before.x, manager_after.x - manager_before.x);

    // Duties on cards make every card taller: the pinned card is pushed clear.
    editor.apply(Action::Command(Command::ToggleDutiesOnCards));
    let cards = &editor.document().layout().cards;
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "{a:?} covers {b:?}");
        }
    }
    // Re-layout puts it back in the tree, in one undoable step.
    editor.apply(Action::Command(Command::Relayout));
    assert!(editor
        .chart()
        .node(engineer)
        .is_some_and(|n| n.pin.is_none()));
    editor.apply(Action::Command(Command::Undo));
    assert!(editor
        .chart()
        .node(engineer)
        .is_some_and(|n| n.pin.is_some()));
}

#[test]
fn commands_and_pickers_ask_the_chart_rules() {
    let mut editor = seed_editor(Vec::new());
    let chart = editor.chart().clone();
    let assistant = find_in_unit(&chart, "销售内勤", "销售部");
    editor.apply(Action::Select(assistant, SelectMode::Replace));
    assert!(
        !editor.can(Command::AddSubordinate),
        "assistants manage no one"
    );
    assert!(!editor.can(Command::AddAssistant));
    assert!(!editor.can(Command::AddUnit));
    assert!(editor.can(Command::AddSibling));
    editor.apply(Action::Command(Command::AddSubordinate));
    assert_eq!(editor.chart(), &chart, "refused");
    assert!(matches!(
        editor.notice().map(|n| &n.message),
        Some(Message::Refused(EditError::Rule(
            Rule::ReportsToAssistant { .. }
        )))
    ));

    // The dotted-line picker offers only positions the rules allow, and tells the two
    // 销售主管 apart by unit and manager.
    let engineer = find_in_unit(&chart, "销售工程师", "工程示范中心");
    let candidates = editor.dotted_candidates(engineer);
    assert!(!candidates.contains(&chart.parent(engineer).expect("manager")));
    assert!(candidates
        .iter()
        .all(|&c| chart.node(c).map(|n| n.kind) == Some(NodeKind::Position)));
    let supervisors: Vec<_> = chart
        .tree_order()
        .filter(|&id| chart.node(id).is_some_and(|n| n.title == "销售主管"))
        .map(|id| editor.describe(id))
        .collect();
    assert_eq!(supervisors.len(), 2);
    assert_ne!(supervisors[0], supervisors[1]);
    assert_eq!(supervisors[0].unit.as_deref(), Some("销售部"));
    assert_eq!(supervisors[0].manager.as_deref(), Some("大区销售经理"));
}

#[test]
fn a_file_from_a_newer_minor_format_says_what_saving_drops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("newer.ron");
    std::fs::write(
        &file,
        "(format: (1, 9), title: \"T\", roots: [1], nodes: [(id: 1, kind: Unit, title: \"U\", shiny: true)])",
    )
    .expect("write");
    let mut editor = seed_editor(Vec::new());
    editor.apply(Action::OpenFile(file));
    assert_eq!(editor.chart().title(), "T");
    match editor.notice().map(|n| &n.message) {
        Some(Message::Loaded(organigram::format::LoadNote::NewerMinor {
            found,
            first_unknown,
        })) => {
            assert_eq!(*found, (1, 9));
            assert!(first_unknown.contains("shiny"), "{first_unknown}");
        }
        other => panic!("no note about the newer format: {other:?}"),
    }
}

#[test]
fn a_roster_given_at_start_or_dropped_opens_the_import_preview() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = dir.path().join("staff.csv");
    std::fs::write(
        &roster,
        "id,manager,name,title\n1,,Ann,Chief\n2,1,Bo,Lead\n",
    )
    .expect("write");
    let editor = Editor::new(
        Start::File(roster.clone()),
        Box::new(ScriptedDialogs::default()),
    );
    let preview = editor.import_preview().expect("the preview is open");
    assert!(matches!(&preview.result, Some(Ok(import)) if import.posts == 2));
    assert_eq!(
        editor.chart().title(),
        "营销部组织架构图与岗位职责",
        "the seed stays open meanwhile"
    );

    // Dropped on an editor with unsaved changes: the preview opens; Import asks first.
    let mut editor = seed_editor(Vec::new());
    let root = editor.chart().roots()[0];
    editor.apply(set(root, Field::Notes("changed".into()), Label::Notes));
    editor.apply(Action::OpenFile(roster));
    assert!(editor.import_preview().is_some());
    editor.apply(Action::ImportNow);
    assert!(matches!(editor.modal(), Some(Modal::Unsaved { .. })));
    editor.apply(Action::Modal(ModalChoice::DontSave));
    assert_eq!(editor.chart().title(), "staff");
    assert!(editor.document().is_dirty());
    assert!(editor.import_preview().is_none());
}

/// The seed written to `dir/as-is.ron`.
fn seed_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("as-is.ron");
    let seed = organigram::samples::find("seed-marketing-zh")
        .expect("seed")
        .load()
        .expect("loads");
    std::fs::write(&path, organigram::format::write_chart(&seed)).expect("write");
    path
}

#[test]
fn fit_while_comparing_shows_the_ghost_cards_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = seed_file(dir.path());
    let mut editor = seed_editor(vec![Picked::Path(as_is)]);
    let chart = editor.chart().clone();
    // 销售内勤 hangs beside the first column: its ghost goes left of every card.
    let assistant = find_in_unit(&chart, "销售内勤", "销售部");
    editor.apply(Action::Delete {
        ids: vec![assistant],
        keep_reports: false,
    });
    editor.apply(Action::Command(Command::CompareWith));
    let comparison = editor.comparison().expect("comparing");
    let ghost = comparison.ghosts().first().expect("a ghost").rect;
    let cards = editor.document().layout().bounds().expect("cards");
    assert!(
        ghost.x < cards.x,
        "the ghost is outside the cards: {ghost:?} {cards:?}"
    );
    // A canvas narrower than the chart, so Fit zooms to a width that leaves little margin.
    editor.apply(Action::CanvasSize([700.0, 2000.0]));
    editor.apply(Action::Command(Command::ZoomFit));
    let view = editor.viewport().visible();
    assert!(
        view.x <= ghost.x
            && view.y <= ghost.y
            && ghost.right() <= view.x + view.width
            && ghost.bottom() <= view.y + view.height,
        "{view:?} does not show the ghost at {ghost:?}"
    );
}

#[test]
fn comparing_marks_the_changes_follows_edits_and_undo_and_ends_with_another_chart() {
    use organigram::compare::ChangeKind;
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = seed_file(dir.path());
    let mut editor = seed_editor(vec![Picked::Path(as_is.clone())]);
    let chart = editor.chart().clone();
    let manager = find_in_unit(&chart, "大区销售经理", "销售部");
    editor.apply(set(
        manager,
        Field::Holder(Some("王芳".into())),
        Label::Holder,
    ));
    editor.apply(Action::Command(Command::CompareWith));
    let comparison = editor.comparison().expect("comparing");
    assert_eq!(comparison.base_name(), "as-is.ron");
    assert_eq!(comparison.diff().count(ChangeKind::Changed), 1);
    let mark = comparison.marks().mark(manager).expect("marked");
    assert_eq!(mark.tag(), "changed: holder");
    assert_eq!(comparison.rows().len(), 1);
    assert!(
        comparison.line(0).contains("holder vacant → 王芳"),
        "{}",
        comparison.line(0)
    );
    // Switched to Chinese, the list and the cards' values are worded in Chinese at once,
    // and back in English after.
    let mut settings = editor.settings().clone();
    settings.language = organigram::i18n::LanguageChoice::Fixed(organigram::i18n::Lang::Chinese);
    editor.apply(Action::Settings(settings.clone()));
    let comparison = editor.comparison().expect("comparing");
    assert!(
        comparison.line(0).contains("：任职者 空缺 → 王芳"),
        "{}",
        comparison.line(0)
    );
    let field = &comparison.marks().mark(manager).expect("marked").fields[0];
    assert_eq!(field.old, "空缺");
    settings.language = organigram::i18n::LanguageChoice::Fixed(organigram::i18n::Lang::English);
    editor.apply(Action::Settings(settings));
    let comparison = editor.comparison().expect("comparing");
    assert!(comparison.line(0).contains("holder vacant → 王芳"));

    // An edit while comparing is marked at once; undo takes it back off.
    let lead = find_in_unit(&chart, "销售主管", "销售部");
    editor.apply(Action::Delete {
        ids: vec![lead],
        keep_reports: false,
    });
    let comparison = editor.comparison().expect("comparing");
    assert_eq!(comparison.diff().count(ChangeKind::Removed), 2);
    // Kept up to date with the figures the editor keeps, it is the diff made afresh.
    let seed = organigram::format::load_file(&as_is).expect("loads");
    let afresh = |chart: &organigram::model::Chart| {
        organigram::compare::diff(
            &organigram::compare::Side::chart(&seed),
            &organigram::compare::Side::chart(chart),
            None,
        )
    };
    assert_eq!(comparison.diff(), &afresh(editor.chart()));
    assert_eq!(
        comparison.marks().ghosts.len(),
        1,
        "销售主管 hangs as a ghost"
    );
    assert_eq!(
        comparison.ghosts().len(),
        1,
        "and has a place on the canvas"
    );
    let ghost_rect = comparison.ghosts()[0].rect;
    for card in &editor.document().layout().cards {
        assert!(
            !card.rect.overlaps(&ghost_rect),
            "the ghost covers {:?}",
            card.id
        );
    }

    editor.apply(Action::Command(Command::Undo));
    assert_eq!(
        editor
            .comparison()
            .expect("comparing")
            .diff()
            .count(ChangeKind::Removed),
        0
    );
    assert_eq!(
        editor.comparison().expect("comparing").diff(),
        &afresh(editor.chart())
    );

    // The filter narrows the list; clicking a change selects its card.
    editor.apply(Action::FilterChanges(organigram::editor::ChangeFilter {
        kinds: [true; 4],
        text: "nothing like this".into(),
    }));
    assert!(editor.comparison().expect("comparing").rows().is_empty());
    editor.apply(Action::FilterChanges(Default::default()));
    editor.apply(Action::ClearSelection);
    editor.apply(Action::GoToChange(0));
    assert_eq!(editor.selection(), &[manager]);

    // Stop comparing removes every mark; comparing again and opening another chart too.
    editor.apply(Action::Command(Command::StopComparing));
    assert!(editor.comparison().is_none());
    assert!(!editor.can(Command::StopComparing));
}

#[test]
fn opening_another_chart_ends_the_comparison() {
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = seed_file(dir.path());
    let mut editor = seed_editor(vec![Picked::Path(as_is)]);
    editor.apply(Action::Command(Command::CompareWith));
    assert!(editor.comparison().is_some());
    assert!(editor.comparison().expect("comparing").diff().is_empty());
    editor.apply(Action::OpenSample("midsize-northwind"));
    assert!(
        editor.comparison().is_none(),
        "the marks were of the other chart"
    );
}

#[test]
fn a_file_that_cannot_be_compared_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: (1, 0), roots: [").expect("write");
    let mut editor = seed_editor(vec![Picked::Path(broken)]);
    editor.apply(Action::Command(Command::CompareWith));
    assert!(editor.comparison().is_none());
    let Some(Modal::Error {
        failure: organigram::editor::Failure::Compare,
        detail,
    }) = editor.modal()
    else {
        panic!("expected the compare error, got {:?}", editor.modal());
    };
    // Worded in the user's language, with the file, line and column in either.
    use organigram::i18n::{set_current, Lang};
    let english = organigram::ui::errors::detail(detail);
    assert_eq!(english, detail.to_string());
    assert!(english.contains("broken.ron:1:"), "{english}");
    set_current(Lang::Chinese);
    let chinese = organigram::ui::errors::detail(detail);
    set_current(Lang::English);
    assert!(chinese.contains("broken.ron:1:"), "{chinese}");
    assert!(chinese.contains("图表文件有误"), "{chinese}");
}

#[test]
fn exporting_while_comparing_writes_the_marked_chart_and_the_change_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let as_is = seed_file(dir.path());
    let svg = dir.path().join("marked.svg");
    let csv = dir.path().join("changes.csv");
    let mut editor = seed_editor(vec![
        Picked::Path(as_is),
        Picked::Path(svg.clone()),
        Picked::Path(csv.clone()),
    ]);
    let manager = find_in_unit(&editor.chart().clone(), "大区销售经理", "销售部");
    editor.apply(set(
        manager,
        Field::Holder(Some("王芳".into())),
        Label::Holder,
    ));
    editor.apply(Action::Command(Command::CompareWith));
    for format in [
        organigram::export::ExportFormat::Svg,
        organigram::export::ExportFormat::Csv,
    ] {
        editor.apply(Action::Command(Command::Export));
        let mut choices = editor.export_choices().expect("export window").clone();
        assert!(choices.mark_changes, "marking is on while comparing");
        choices.format = format;
        editor.apply(Action::ExportChoices(choices));
        editor.apply(Action::ExportNow);
    }
    let drawing = std::fs::read_to_string(&svg).expect("svg");
    assert!(drawing.contains(">changed: holder<"), "the card is tagged");
    assert!(
        drawing.contains(">compared with as-is.ron<"),
        "with a legend"
    );
    let table = std::fs::read_to_string(&csv).expect("csv");
    assert!(table.contains(",holder,vacant,王芳"), "{table}");
}

#[test]
fn an_update_from_an_hr_file_applies_the_chosen_changes_as_one_undo_step() {
    use organigram::editor::UpdateChoice;
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "工号,姓名,职位,直属上级工号\n0001,周明,营销总监,\n0002,李娜,销售经理,0001\n0003,张伟,销售主管,0002\n",
    )
    .expect("roster");
    let mut editor = Editor::new(
        Start::File(roster.clone()),
        Box::new(ScriptedDialogs::default()),
    );
    editor.apply(Action::ImportNow);
    let lead = editor
        .chart()
        .tree_order()
        .find(|&id| {
            editor
                .chart()
                .node(id)
                .is_some_and(|n| n.title == "销售主管")
        })
        .expect("lead");
    editor.apply(set(lead, Field::Notes("kept".into()), Label::Notes));
    std::fs::write(
        &roster,
        "工号,姓名,职位,直属上级工号\n0001,周明,营销总监,\n0002,王芳,销售经理,0001\n0003,张伟,销售主管,0002\n0004,赵敏,销售内勤,0002\n",
    )
    .expect("next month");
    let before = editor.chart().clone();
    let mut editor = {
        // The same editor, now with a dialog answering the roster.
        let dialogs = ScriptedDialogs {
            answers: vec![Picked::Path(roster.clone())].into(),
        };
        let mut fresh = Editor::with_chart(before.clone(), Box::new(dialogs));
        fresh.apply(Action::CanvasSize([1000.0, 700.0]));
        fresh
    };
    editor.apply(Action::Command(Command::UpdateFromHr));
    let preview = editor.update_preview().expect("the update window");
    let lines: Vec<&str> = (0..preview.diff().changes.len())
        .map(|at| preview.line(at))
        .collect();
    assert_eq!(preview.diff().changes.len(), 2, "{lines:?}");
    assert_eq!(preview.chosen_count(), 2);
    let hire = preview
        .diff()
        .changes
        .iter()
        .position(|c| c.title == "销售内勤")
        .expect("the new hire");
    editor.apply(Action::ChooseUpdate(UpdateChoice::One(hire, false)));
    assert_eq!(editor.update_preview().expect("open").chosen_count(), 1);
    editor.apply(Action::UpdateNow);
    assert!(editor.update_preview().is_none());
    let chart = editor.chart();
    assert!(chart.tree_order().any(|id| chart
        .node(id)
        .is_some_and(|n| n.holder.as_deref() == Some("王芳"))));
    assert!(!chart
        .tree_order()
        .any(|id| chart.node(id).is_some_and(|n| n.title == "销售内勤")));
    assert_eq!(chart.node(lead).map(|n| n.notes.as_str()), Some("kept"));
    editor.apply(Action::Command(Command::Undo));
    assert_eq!(editor.chart(), &before, "one undo takes the update back");
}

#[test]
fn the_analysis_follows_each_edit_and_is_dropped_when_nothing_needs_it() {
    let mut editor = seed_editor(Vec::new());
    assert!(editor.analysis().is_none(), "nothing asked for it");
    editor.apply(Action::Command(Command::ToggleAnalysis));
    let narrow = |editor: &Editor| {
        editor
            .analysis()
            .expect("the analysis")
            .report()
            .summary
            .narrow
    };
    assert_eq!(narrow(&editor), 4);
    // 市场经理 gets a report: one more narrow manager.
    let chart = editor.chart().clone();
    let market = find_in_unit(&chart, "市场经理", "市场部");
    editor.apply(Action::Select(market, SelectMode::Replace));
    editor.apply(Action::Command(Command::AddSubordinate));
    editor.apply(Action::FinishRename(Some("市场专员".into())));
    assert_eq!(narrow(&editor), 5);
    // The first undo takes back the name, the second the post.
    editor.apply(Action::Command(Command::Undo));
    assert_eq!(narrow(&editor), 5);
    editor.apply(Action::Command(Command::Undo));
    assert_eq!(narrow(&editor), 4);
    // Colouring by vacancy keeps it with the panel closed; colouring by unit drops it.
    editor.apply(Action::Command(Command::ToggleAnalysis));
    assert!(editor.analysis().is_none());
    let mut settings = editor.settings().clone();
    settings.view.colour_by = organigram::analysis::ColourBy::Vacancy;
    editor.apply(Action::Settings(settings.clone()));
    let colouring = editor
        .analysis()
        .and_then(|a| a.colouring().cloned())
        .expect("coloured by vacancy");
    assert_eq!(colouring.legend[2].label, "vacant · 10");
    settings.view.colour_by = organigram::analysis::ColourBy::Unit;
    editor.apply(Action::Settings(settings));
    assert!(editor.analysis().is_none());
}

#[test]
fn fit_to_slide_shape_wraps_a_wide_chart_and_is_kept_in_the_settings() {
    let chart = organigram::samples::find("midsize-northwind")
        .expect("the sample")
        .load()
        .expect("loads");
    let mut editor = Editor::with_chart(chart, Box::new(ScriptedDialogs::default()));
    editor.apply(Action::CanvasSize([1000.0, 700.0]));
    let ratio = |editor: &Editor| {
        let bounds = editor.document().layout().bounds().expect("bounds");
        bounds.width / bounds.height
    };
    let wide = ratio(&editor);
    assert!(wide > 8.0, "the sample is wide as it comes: {wide}");
    editor.apply(Action::Command(Command::ToggleFitToSlide));
    assert!(editor.settings().view.fit_to_slide);
    assert_eq!(
        editor.settings().view.layout().fit,
        Some(organigram::layout::AspectRatio::WIDESCREEN)
    );
    let fitted = ratio(&editor);
    assert!((1.1..=2.6).contains(&fitted), "fitted to {fitted}");
    editor.apply(Action::Command(Command::ToggleFitToSlide));
    assert!(!editor.settings().view.fit_to_slide);
    assert_eq!(ratio(&editor), wide);

    // View ▸ Slide shape: a 4:3 slide, then landscape paper, each fitted to and kept.
    for (shape, aspect) in [
        (
            SlideShape::Standard,
            organigram::layout::AspectRatio::STANDARD,
        ),
        (
            SlideShape::PaperLandscape,
            organigram::layout::AspectRatio::PAPER_LANDSCAPE,
        ),
    ] {
        let mut settings = editor.settings().clone();
        settings.view.slide_shape = shape;
        settings.view.fit_to_slide = true;
        editor.apply(Action::Settings(settings));
        assert_eq!(editor.settings().view.layout().fit, Some(aspect));
        // The chart is laid out anew and brought into view, not left off screen.
        let top = editor.document().chart().roots()[0];
        let top_rect = editor.document().layout().rect(top).expect("top card");
        assert!(editor.viewport().shows(top_rect, 0.0), "{shape:?}");
        let now = ratio(&editor);
        let asked = aspect.ratio() as f32;
        assert!(
            (now - asked).abs() < 0.15,
            "{shape:?}: fitted to {now}, asked {asked}"
        );
    }
}
