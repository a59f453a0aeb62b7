//! Property tests: random edit sequences undo and redo exactly.

use crate::common::{build_chart, edit_recipe, make_edit, node_recipe};
use organigram::model::{
    Chart, ChartStats, Edit, EditError, History, NameFacts, StatsFacts, Tally,
};
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
        let mut history = History::<String>::with_limit(usize::MAX);
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

    /// Statistics and unique names kept up to date edit by edit (through each edit's
    /// footprint) always equal a recount from scratch: after every edit, refused ones
    /// included, and after every undo and redo.
    #[test]
    fn tallies_kept_per_edit_equal_a_recount(
        recipes in prop::collection::vec(node_recipe().prop_map(|mut r| { r.title = few_titles(&r.title); r }), 1..30),
        edits in prop::collection::vec(edit_recipe().prop_map(|mut r| { r.text = few_titles(&r.text); r }), 0..150),
    ) {
        let mut chart = build_chart(&recipes);
        let mut tallies = Tallies::of(&chart);
        let mut history = History::<String>::with_limit(usize::MAX);
        for recipe in &edits {
            let edit = make_edit(&chart, recipe);
            let _ = tallies.track(&mut chart, Some(&edit.clone()), |chart| history.apply(chart, edit, "edit"));
            tallies.check(&chart)?;
        }
        loop {
            let next = history.peek_undo().cloned();
            if tallies.track(&mut chart, next.as_ref(), |chart| history.undo(chart)).ok().flatten().is_none() {
                break;
            }
            tallies.check(&chart)?;
        }
        loop {
            let next = history.peek_redo().cloned();
            if tallies.track(&mut chart, next.as_ref(), |chart| history.redo(chart)).ok().flatten().is_none() {
                break;
            }
            tallies.check(&chart)?;
        }
    }
}

/// Three titles, so that names collide often.
fn few_titles(text: &str) -> String {
    ["销售主管", "Manager", ""][text.len() % 3].to_owned()
}

struct Tallies {
    stats: Tally<StatsFacts>,
    names: Tally<NameFacts>,
}

impl Tallies {
    fn of(chart: &Chart) -> Tallies {
        Tallies {
            stats: Tally::build(chart, StatsFacts::default()),
            names: Tally::build(chart, NameFacts::default()),
        }
    }

    fn track<T>(
        &mut self,
        chart: &mut Chart,
        edit: Option<&Edit>,
        apply: impl FnOnce(&mut Chart) -> Result<T, EditError>,
    ) -> Result<T, EditError> {
        let scopes = edit.map(|e| e.footprint(chart)).unwrap_or_default();
        self.stats.before(chart, &scopes);
        self.names.before(chart, &scopes);
        let result = apply(chart);
        self.stats.after(chart, &scopes);
        self.names.after(chart, &scopes);
        result
    }

    fn check(&self, chart: &Chart) -> Result<(), TestCaseError> {
        prop_assert_eq!(self.stats.facts().stats(), ChartStats::of(chart));
        let fresh = Tally::build(chart, NameFacts::default());
        for id in chart.tree_order() {
            prop_assert_eq!(
                self.names.unique_name(chart, id),
                fresh.unique_name(chart, id)
            );
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// `Chart::check` says exactly what `Chart::apply` would do, with the same error: for
    /// single edits and for batches whose later steps depend on earlier ones, on charts
    /// that random edits keep changing.
    #[test]
    fn check_agrees_with_apply(
        recipes in prop::collection::vec(node_recipe(), 1..30),
        edits in prop::collection::vec(prop::collection::vec(edit_recipe(), 1..5), 0..80),
    ) {
        let mut chart = build_chart(&recipes);
        for group in &edits {
            let steps: Vec<Edit> = group.iter().map(|recipe| make_edit(&chart, recipe)).collect();
            let edit = if steps.len() == 1 { steps[0].clone() } else { Edit::Batch(steps) };
            let checked = chart.check(&edit);
            let before = chart.clone();
            let applied = chart.apply(edit.clone()).map(|_| ());
            prop_assert_eq!(&checked, &applied, "check and apply disagree on {:?}", edit);
            if applied.is_err() {
                prop_assert_eq!(&chart, &before);
            }
        }
    }
}
