//! Property tests: random edit sequences undo and redo exactly.

mod common;

use common::{build_chart, edit_recipe, make_edit, node_recipe};
use organigram::model::History;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Up to 1,000 random edits, refused ones included; undo-all restores the original and
    /// redo-all reproduces the edited chart.
    #[test]
    fn undo_all_restores_and_redo_all_reproduces(
        recipes in prop::collection::vec(node_recipe(), 1..40),
        edits in prop::collection::vec(edit_recipe(), 0..1000),
    ) {
        let mut chart = build_chart(&recipes);
        let original = chart.clone();
        let mut history = History::with_limit(usize::MAX);
        let mut applied = 0;
        for recipe in &edits {
            let edit = make_edit(&chart, recipe);
            let before = chart.clone();
            match history.apply(&mut chart, edit, "edit") {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(&chart, &before, "a refused edit changed the chart"),
            }
        }
        let edited = chart.clone();
        prop_assert_eq!(history.undo_len(), applied);
        while history.undo(&mut chart).map_err(|e| TestCaseError::fail(e.to_string()))?.is_some() {}
        prop_assert_eq!(&chart, &original);
        while history.redo(&mut chart).map_err(|e| TestCaseError::fail(e.to_string()))?.is_some() {}
        prop_assert_eq!(&chart, &edited);
    }

    /// Whatever edits do, the chart stays a valid forest: it survives a save and reload.
    #[test]
    fn edited_charts_stay_valid(
        recipes in prop::collection::vec(node_recipe(), 1..30),
        edits in prop::collection::vec(edit_recipe(), 0..200),
    ) {
        let mut chart = build_chart(&recipes);
        for recipe in &edits {
            let edit = make_edit(&chart, recipe);
            let _ = chart.apply(edit);
        }
        let text = organigram::format::write_chart(&chart);
        let reloaded = organigram::format::read_chart(text.as_bytes(), "edited");
        prop_assert!(reloaded.is_ok(), "{:?}", reloaded.err());
        prop_assert_eq!(reloaded.ok(), Some(chart));
    }
}
