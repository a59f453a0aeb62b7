//! The RON format: samples, round trips, and errors that say where and what.

use crate::common;

use organigram::format::{read_chart, write_chart, LoadError};
use organigram::model::{Edit, NodeId, NodeKind};
use organigram::samples::SAMPLES;
use proptest::prelude::*;

fn problems(result: Result<organigram::model::Chart, LoadError>) -> Vec<String> {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.lines(),
    }
}

#[test]
fn every_sample_validates_and_round_trips_byte_identically() {
    for sample in &SAMPLES {
        let chart = sample
            .load()
            .unwrap_or_else(|e| panic!("{}: {e}", sample.name));
        let written = write_chart(&chart);
        assert_eq!(
            written, sample.text,
            "{} does not round-trip byte for byte",
            sample.name
        );
        let path = format!("{}/samples/{}.ron", env!("CARGO_MANIFEST_DIR"), sample.name);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            sample.text,
            "embedded copy of {path} is stale"
        );
    }
}

#[test]
fn the_seed_keeps_all_75_duties_in_the_right_places() {
    let chart = organigram::samples::find("seed-marketing-zh")
        .unwrap()
        .load()
        .unwrap();
    let mut per_post = Vec::new();
    for id in chart.tree_order() {
        let node = chart.node(id).unwrap();
        if node.kind.is_post() {
            let unit = chart
                .unit_of(id)
                .and_then(|u| chart.node(u))
                .map(|u| u.title.clone());
            per_post.push((
                unit.unwrap_or_default(),
                node.title.clone(),
                node.kind,
                node.duties.len(),
            ));
        }
    }
    let expected = [
        ("营销部", "营销总监", NodeKind::Position, 0),
        ("销售部", "大区销售经理", NodeKind::Position, 17),
        ("销售部", "销售内勤", NodeKind::Assistant, 6),
        ("销售部", "销售主管", NodeKind::Position, 8),
        ("销售部", "销售工程师", NodeKind::Position, 6),
        ("工程示范中心", "工程销售经理", NodeKind::Position, 16),
        ("工程示范中心", "销售内勤", NodeKind::Assistant, 7),
        ("工程示范中心", "销售主管", NodeKind::Position, 7),
        ("工程示范中心", "销售工程师", NodeKind::Position, 6),
        ("市场部", "市场经理", NodeKind::Position, 2),
    ];
    let got: Vec<(&str, &str, NodeKind, usize)> = per_post
        .iter()
        .map(|(u, t, k, n)| (u.as_str(), t.as_str(), *k, *n))
        .collect();
    assert_eq!(got, expected);
    // Verbatim, typos kept, bullets dropped, wrapped lines joined.
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/000_f2a3b39aafccb941.txt"
    ))
    .ok()
    .map(|text| text.replace(['\n', '\r'], ""));
    for id in chart.tree_order() {
        for duty in &chart.node(id).unwrap().duties {
            assert!(!duty.starts_with('➢') && !duty.contains('\n'), "{duty}");
            if let Some(source) = &source {
                assert!(source.contains(duty.as_str()), "not verbatim: {duty}");
            }
        }
    }
    let sales_manager = chart
        .tree_order()
        .find(|&id| chart.node(id).unwrap().title == "大区销售经理")
        .unwrap();
    let duties = &chart.node(sales_manager).unwrap().duties;
    assert_eq!(duties[5], "负责产品销售过程中得控制与管理");
    assert_eq!(duties[15], "宣企业文化,提高部门员工的凝聚力和战斗力");
}

#[test]
fn chinese_is_written_as_is_and_moving_a_subtree_changes_two_lines() {
    let mut chart = organigram::samples::find("seed-marketing-zh")
        .unwrap()
        .load()
        .unwrap();
    let before = write_chart(&chart);
    assert!(before.contains("大区销售经理") && !before.contains("\\u"));
    // Move 销售主管 (with its 销售工程师) from 大区销售经理 to 工程销售经理.
    let find = |title: &str, chart: &organigram::model::Chart| {
        chart
            .tree_order()
            .find(|&id| chart.node(id).unwrap().title == title)
            .unwrap()
    };
    let supervisor = chart.children(find("大区销售经理", &chart))[1];
    let target = find("工程销售经理", &chart);
    chart
        .apply(Edit::Move {
            id: supervisor,
            parent: Some(target),
            index: 2,
        })
        .unwrap();
    let after = write_chart(&chart);
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        changed, 2,
        "a move should change the two reports lines only"
    );
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let text = "(\n    format: (1, 0),\n    title: \"x\",\n    nodes: [\n        (id: 1, kind: Positon),\n    ],\n)\n";
    let lines = problems(read_chart(text.as_bytes(), "bad.ron"));
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("bad.ron:5:"), "{lines:?}");
    assert!(lines[0].contains("Positon"), "{lines:?}");

    let lines = problems(read_chart(
        b"(format: (1, 0), nodes: [(id: 1, kind: Unit, colour: \"blue\")])",
        "c.ron",
    ));
    assert!(
        lines[0].starts_with("c.ron:1:") && lines[0].contains("#rrggbb"),
        "{lines:?}"
    );

    let lines = problems(read_chart(
        b"(format: (1, 0), nodes: [(id: 1, kind: Unit, tittle: \"x\")])",
        "u.ron",
    ));
    assert!(lines[0].contains("tittle"), "{lines:?}");
}

#[test]
fn every_structural_problem_is_reported_with_its_place() {
    let text = r#"(
    format: (1, 0),
    roots: [1, 42],
    nodes: [
        (id: 1, kind: Unit, title: "Top", reports: [2, 3, 99]),
        (id: 2, kind: Position, title: "A", reports: [4], dotted: [2]),
        (id: 2, kind: Position, title: "Again"),
        (id: 3, kind: Assistant, title: "Helper", reports: [5]),
        (id: 4, kind: Position, title: "B", headcount: 0, dotted: [3]),
        (id: 5, kind: Position, title: "C"),
        (id: 6, kind: Position, title: "Loop 1", reports: [7]),
        (id: 7, kind: Position, title: "Loop 2", reports: [6]),
        (id: 8, kind: Position, title: "Orphan"),
    ],
)"#;
    let lines = problems(read_chart(text.as_bytes(), "s.ron"));
    let all = lines.join("\n");
    for expected in [
        "s.ron:7:10: id 2 is used by more than one node",
        "roots lists id 42",
        "lists id 99 in its reports",
        "s.ron:6:10: “A” (#2) cannot have a dotted line to itself",
        "s.ron:8:10: “Helper” (#3) is an assistant, so it must report to a position, not to the unit",
        "s.ron:10:10: “C” (#5) cannot report to “Helper” (#3): an assistant manages no one",
        "s.ron:9:10: “B” (#4) has headcount 0",
        "a dotted-line manager must be a position",
        "reporting cycle: ",
        "s.ron:13:10: “Orphan” (#8) is not in the chart",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
    assert!(lines.len() >= 10, "{all}");
}

#[test]
fn a_newer_format_is_refused_clearly() {
    let text = "(format: (2, 0), nodes: [], future_field: 1)";
    let error = read_chart(text.as_bytes(), "new.ron").unwrap_err();
    assert!(matches!(error, LoadError::NewerVersion { .. }));
    assert!(
        error.to_string().contains("made by a newer Organigram"),
        "{error}"
    );
}

#[test]
fn bom_and_crlf_load_and_bad_bytes_get_a_clear_error() {
    let sample = organigram::samples::find("seed-marketing-zh").unwrap();
    let crlf = format!("\u{feff}{}", sample.text.replace('\n', "\r\n"));
    assert_eq!(
        read_chart(crlf.as_bytes(), "crlf.ron").unwrap(),
        sample.load().unwrap()
    );

    let mut bytes = sample.text.as_bytes().to_vec();
    bytes.insert(40, 0xff);
    let lines = problems(read_chart(&bytes, "bin.ron"));
    assert!(
        lines[0].starts_with("bin.ron:") && lines[0].contains("UTF-8"),
        "{lines:?}"
    );
    assert!(problems(read_chart(b"", "empty.ron"))[0].contains("empty"));
    assert!(problems(read_chart(b"\0\0\0", "nul.ron"))[0].starts_with("nul.ron:1:"));
    let deep = format!(
        "(format: (1, 0), nodes: {}{})",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(read_chart(deep.as_bytes(), "deep.ron").is_err());
}

#[test]
fn truncation_at_any_byte_is_an_error_not_a_panic() {
    let text = organigram::samples::find("seed-marketing-en")
        .unwrap()
        .text
        .as_bytes();
    for end in (0..text.len()).step_by(7) {
        let _ = read_chart(&text[..end], "cut.ron");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Random valid charts (strings with quotes, backslashes, control characters and any
    /// Unicode) write and read back equal, and rewrite to the same bytes.
    #[test]
    fn random_charts_round_trip_exactly(recipes in prop::collection::vec(common::node_recipe(), 0..40)) {
        let chart = common::build_chart(&recipes);
        let text = write_chart(&chart);
        let back = read_chart(text.as_bytes(), "rt.ron").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &chart);
        prop_assert_eq!(write_chart(&back), text);
    }

    /// Any bytes at all: an error or a chart, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_chart(&bytes, "fuzz.ron");
    }
}

#[test]
fn ids_in_errors_point_at_the_node() {
    let lines = problems(read_chart(
        b"(format: (1, 0), roots: [1], nodes: [(id: 1, kind: Position, reports: [1])])",
        "self.ron",
    ));
    assert!(lines[0].starts_with("self.ron:1:39:"), "{lines:?}");
    let _ = NodeId(1);
}

#[test]
fn unknown_fields_are_errors_in_this_version_and_ignored_from_a_newer_minor_version() {
    let same = "(format: (1, 0), roots: [1], nodes: [(id: 1, kind: Unit, title: \"A\", budget: 5)], theme: \"x\")";
    let lines = problems(read_chart(same.as_bytes(), "same.ron"));
    assert!(
        lines[0].contains("budget") || lines[0].contains("theme"),
        "{lines:?}"
    );
    let newer = same.replace("(1, 0)", "(1, 3)");
    let chart = read_chart(newer.as_bytes(), "newer.ron").expect("a newer minor version loads");
    assert_eq!(chart.node(NodeId(1)).map(|n| n.title.as_str()), Some("A"));
    assert_eq!(
        organigram::format::declared_version(newer.as_bytes()),
        Some((1, 3))
    );
}

#[test]
fn megabyte_strings_load_and_files_over_the_size_limit_are_refused_before_reading() {
    let long = "职".repeat(400_000);
    let text =
        format!("(format: (1, 0), roots: [1], nodes: [(id: 1, kind: Unit, title: \"{long}\")])");
    let chart = read_chart(text.as_bytes(), "long.ron").expect("a long title loads");
    assert_eq!(
        chart.node(NodeId(1)).map(|n| n.title.chars().count()),
        Some(400_000)
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.ron");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(organigram::format::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let error = organigram::format::load_file(&huge).expect_err("refused");
    assert!(matches!(error, LoadError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("up to"), "{error}");
}

#[test]
fn a_control_character_in_a_text_is_reported_at_its_node() {
    let text = "(\n    format: (1, 1),\n    roots: [1],\n    nodes: [\n        (id: 1, kind: Position, title: \"销售\\u{0}主管\"),\n    ],\n)\n";
    let lines = problems(read_chart(text.as_bytes(), "nul.ron"));
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("nul.ron:5:10: ")
            && lines[0].contains("control character (U+0000) in its title"),
        "{lines:?}"
    );
    // Line breaks and tabs in duties and notes are text, not damage.
    let fine = "(format: (1, 1), roots: [1], nodes: [(id: 1, kind: Position, title: \"t\", notes: \"a\\tb\\nc\", duties: [\"one\\ntwo\"])])";
    assert!(read_chart(fine.as_bytes(), "fine.ron").is_ok());
}

#[test]
fn pins_from_format_1_0_keep_their_place_as_offsets_from_the_manager() {
    use organigram::layout::{layout_chart, CardStyle, LayoutOptions};
    // A 1.0 file: 销售工程师 pinned at an absolute place, clear of other cards.
    let text = "(\n    format: (1, 0),\n    title: \"营销部\",\n    roots: [1],\n    nodes: [\n        (id: 1, kind: Unit, title: \"营销部\", reports: [2]),\n        (id: 2, kind: Position, title: \"营销总监\", reports: [3, 4]),\n        (id: 3, kind: Position, title: \"销售主管\"),\n        (id: 4, kind: Position, title: \"销售工程师\", pin: (x: 900.0, y: 400.0)),\n    ],\n)\n";
    let loaded = organigram::format::read_chart_noted(text.as_bytes(), "old.ron").expect("loads");
    assert_eq!(
        loaded.notes,
        vec![organigram::format::LoadNote::PinsConverted { count: 1 }]
    );
    let chart = loaded.chart;
    let style = CardStyle::for_language(organigram::i18n::Lang::of_text(chart.title()));
    let layout = layout_chart(&chart, &style, &LayoutOptions::default());
    let card = layout.rect(NodeId(4)).expect("laid out");
    assert_eq!(
        (card.x, card.y),
        (900.0, 400.0),
        "the card stays where it was"
    );
    let manager = layout.rect(NodeId(2)).expect("laid out");
    let offset = chart.node(NodeId(4)).and_then(|n| n.pin).expect("pinned");
    assert_eq!((offset.x, offset.y), (900.0 - manager.x, 400.0 - manager.y));
    // Saved, it is format 1.1 with an offset, and loads back the same.
    let written = write_chart(&chart);
    assert!(written.contains("format: (1, 1)") && written.contains("offset: (x: "));
    assert_eq!(read_chart(written.as_bytes(), "new.ron").ok(), Some(chart));
    // In a 1.1 file the old absolute `pin` is an error, with its place.
    let mixed = text.replace("format: (1, 0)", "format: (1, 1)");
    let lines = problems(read_chart(mixed.as_bytes(), "mixed.ron"));
    assert!(
        lines[0].starts_with("mixed.ron:9:10: ") && lines[0].contains("offset"),
        "{lines:?}"
    );
}
