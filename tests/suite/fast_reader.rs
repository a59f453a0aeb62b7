//! The fast chart reader and the serde reader agree on every input: whatever the fast
//! reader accepts, serde reads the same, and it does accept what the writer writes.

use crate::common::{build_chart, node_recipe};
use organigram::format::{pieces_agree, read_chart, readers_agree, write_chart};
use proptest::prelude::*;

/// Pieces a mutation inserts: the file's own tokens, and near misses.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(",".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u{1f}".to_owned()),
        Just("\\x41".to_owned()),
        Just("None".to_owned()),
        Just("Some(".to_owned()),
        Just("// note\n".to_owned()),
        Just("/* block */".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("05".to_owned()),
        Just("1_000".to_owned()),
        Just("-1".to_owned()),
        Just("1e5".to_owned()),
        Just("4294967296".to_owned()),
        Just("id: 3,".to_owned()),
        Just("title: \"x\",".to_owned()),
        Just("kind: Unit,".to_owned()),
        Just("holder: Some(\"王\"),".to_owned()),
        Just("offset: (x: 1.5, y: -2e3),".to_owned()),
        Just("pin: (y: 1.0, x: 2.0),".to_owned()),
        Just("colour: \"#12ab34\",".to_owned()),
        Just("colour: \"red\",".to_owned()),
        Just("tittle: \"typo\",".to_owned()),
        Just("r\"raw\"".to_owned()),
        "[a-z]{1,6}",
        "\\PC{1,3}",
    ]
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete {
        at: prop::sample::Index,
        len: usize,
    },
    Insert {
        at: prop::sample::Index,
        token: String,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), 1usize..8)
            .prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<prop::sample::Index>(), token())
            .prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

/// `text` with `mutation` applied at a character boundary.
fn mutate(text: &str, mutation: &Mutation) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    match mutation {
        Mutation::Delete { at, len } => {
            let from = *at.get(&bounds);
            let to = bounds
                .iter()
                .copied()
                .find(|&b| b >= from + len)
                .unwrap_or(text.len());
            format!("{}{}", &text[..from], &text[to..])
        }
        Mutation::Insert { at, token } => {
            let at = *at.get(&bounds);
            format!("{}{token}{}", &text[..at], &text[at..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// What the writer writes, the fast reader reads, and serde reads the same.
    #[test]
    fn the_fast_reader_reads_what_the_writer_writes(
        recipes in prop::collection::vec(node_recipe(), 1..30),
        piece_bytes in 1usize..300,
        parallel_from_bytes in prop_oneof![Just(0usize), Just(usize::MAX)],
    ) {
        let chart = build_chart(&recipes);
        let text = write_chart(&chart);
        prop_assert_eq!(readers_agree(&text), Ok(true));
        prop_assert_eq!(pieces_agree(text.as_bytes(), piece_bytes, parallel_from_bytes), Ok(true));
        let loaded = read_chart(text.as_bytes(), "x.ron").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded, chart);
    }

    /// On damaged and hand-edited files, the readers never disagree.
    #[test]
    fn the_readers_agree_on_damaged_files(
        recipes in prop::collection::vec(node_recipe(), 1..8),
        mutations in prop::collection::vec(mutation(), 1..4),
        piece_bytes in 1usize..300,
        parallel_from_bytes in prop_oneof![Just(0usize), Just(usize::MAX)],
        bom in any::<bool>(),
    ) {
        let mut text = write_chart(&build_chart(&recipes));
        for mutation in &mutations {
            text = mutate(&text, mutation);
        }
        if let Err(difference) = readers_agree(&text) {
            return Err(TestCaseError::fail(format!("{difference}\n--- text ---\n{text}")));
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        if let Err(difference) = pieces_agree(text.as_bytes(), piece_bytes, parallel_from_bytes) {
            return Err(TestCaseError::fail(format!("{difference}\n--- text ---\n{text}")));
        }
    }

    /// Bytes that are not UTF-8, anywhere, are left to the whole reader.
    #[test]
    fn a_file_read_in_pieces_that_is_not_utf8_is_read_whole(
        recipes in prop::collection::vec(node_recipe(), 1..8),
        at in any::<prop::sample::Index>(),
        piece_bytes in 1usize..64,
    ) {
        let mut bytes = write_chart(&build_chart(&recipes)).into_bytes();
        let at = at.index(bytes.len());
        bytes.insert(at, 0xFF);
        prop_assert_eq!(pieces_agree(&bytes, piece_bytes, 0), Ok(false));
    }
}

#[test]
fn the_samples_are_read_by_the_fast_reader() {
    for sample in &organigram::samples::SAMPLES {
        assert_eq!(readers_agree(sample.text), Ok(true), "{}", sample.name);
    }
}

#[test]
fn a_big_file_read_on_two_threads_is_read_the_same() {
    let chart = organigram::generate::generate(5_000, 3, organigram::generate::Shape::Organisation);
    let text = write_chart(&chart);
    assert!(text.len() > 1 << 20, "big enough to be read on two threads");
    assert_eq!(readers_agree(&text), Ok(true));
    assert_eq!(
        read_chart(text.as_bytes(), "big.ron").expect("loads"),
        chart
    );
    for piece_bytes in [1 << 10, 1 << 16, 1 << 20] {
        assert_eq!(
            pieces_agree(text.as_bytes(), piece_bytes, 1 << 20),
            Ok(true)
        );
    }
}

#[test]
fn a_big_file_is_loaded_in_pieces_as_it_is_read_whole() {
    let chart =
        organigram::generate::generate(20_000, 5, organigram::generate::Shape::Organisation);
    let text = write_chart(&chart);
    assert!(text.len() > 4 << 20, "big enough to be read in pieces");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    std::fs::write(&path, &text).expect("write");
    assert_eq!(organigram::format::load_file(&path).expect("loads"), chart);
    // A damaged big file gets the whole reader's error, with its line.
    let damaged = text.replacen("kind: Position", "kind: Postion", 1);
    std::fs::write(&path, &damaged).expect("write");
    let error = organigram::format::load_file(&path)
        .expect_err("refused")
        .to_string();
    let line = damaged[..damaged.find("Postion").expect("there")]
        .lines()
        .count();
    assert!(error.contains(&format!(":{line}:")), "{error}");
}

#[test]
fn a_split_that_falls_inside_a_string_changes_nothing() {
    // One duty that looks like node starts, written with raw line breaks, and most of
    // the file: the second thread's guess lands inside it and must not be used.
    let mut chart =
        organigram::generate::generate(200, 3, organigram::generate::Shape::Organisation);
    let fake =
        "\n        (\n            id: 1,\n            kind: Unit,\n        ),\n".repeat(40_000);
    let id = chart.roots()[0];
    chart
        .apply(organigram::model::Edit::InsertDuty {
            id,
            index: 0,
            text: fake.clone(),
        })
        .expect("a long duty is fine");
    let text = write_chart(&chart).replace("\\n", "\n");
    let start = text.find(&fake).expect("the duty, with raw line breaks");
    assert!(start < text.len() / 2 && text.len() / 2 < start + fake.len());
    assert_eq!(readers_agree(&text), Ok(true));
    assert_eq!(
        read_chart(text.as_bytes(), "fake.ron").expect("loads"),
        chart
    );
    // Read in pieces, the duty also spans many pieces.
    assert_eq!(pieces_agree(text.as_bytes(), 1 << 16, 1 << 20), Ok(true));
}

#[test]
fn a_string_far_longer_than_a_piece_is_read_in_pieces() {
    // Each time a step fails for want of text, twice as much is read: without that, this
    // 9.6 MB duty, read 64 bytes at a time, would be lexed again 150,000 times.
    let mut chart =
        organigram::generate::generate(20, 3, organigram::generate::Shape::Organisation);
    let id = chart.roots()[0];
    chart
        .apply(organigram::model::Edit::InsertDuty {
            id,
            index: 0,
            text: "职责 duty ".repeat(800_000),
        })
        .expect("a long duty is fine");
    let text = write_chart(&chart);
    assert!(text.len() > 8 << 20);
    assert_eq!(pieces_agree(text.as_bytes(), 64, usize::MAX), Ok(true));
}
