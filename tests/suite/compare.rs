//! Comparing charts: each kind of change, a moved subtree once, HR files compared only on
//! what they carry, hand-made units looked through, and updates from an HR file.
#![allow(clippy::too_many_lines)]

use organigram::compare::report::{self, Charts};
use organigram::compare::{
    diff, update, Carries, ChangeKind, ChangeMarks, Diff, FieldChange, MatchBy, Side, What,
};
use organigram::export::table;
use organigram::format::hr::{self, ImportChoices};
use organigram::model::{Chart, Edit, Field, Node, NodeId, NodeKind};
use organigram::samples;

fn seed() -> Chart {
    samples::find("seed-marketing-zh")
        .expect("seed")
        .load()
        .expect("loads")
}

/// The first node titled `title` (under the unit `unit`, when given).
fn find(chart: &Chart, title: &str, unit: Option<&str>) -> NodeId {
    chart
        .tree_order()
        .find(|&id| {
            chart.node(id).is_some_and(|n| n.title == title)
                && unit.is_none_or(|u| {
                    chart
                        .unit_of(id)
                        .and_then(|at| chart.node(at))
                        .is_some_and(|n| n.title == u)
                })
        })
        .unwrap_or_else(|| panic!("no {title}"))
}

fn set(chart: &mut Chart, id: NodeId, field: Field) {
    chart
        .apply(Edit::SetField { id, field })
        .expect("set a field");
}

fn add(chart: &mut Chart, parent: NodeId, kind: NodeKind, title: &str) -> NodeId {
    let id = chart.fresh_id();
    let index = chart.children(parent).len();
    chart
        .apply(Edit::AddNode {
            id,
            parent: Some(parent),
            index,
            node: Box::new(Node::new(kind, title)),
        })
        .expect("add");
    id
}

fn charts_diff(old: &Chart, new: &Chart) -> Diff {
    diff(&Side::chart(old), &Side::chart(new), None)
}

/// Each change as (kind, id, field) for easy comparison.
fn listed(diff: &Diff) -> Vec<(ChangeKind, NodeId, Option<&'static str>)> {
    diff.changes
        .iter()
        .map(|c| {
            let field = match &c.what {
                What::Changed(field) => Some(field.field().name()),
                _ => None,
            };
            (c.kind(), c.id, field)
        })
        .collect()
}

#[test]
fn a_chart_compared_with_itself_has_no_changes() {
    for name in ["seed-marketing-zh", "midsize-northwind"] {
        let mut chart = samples::find(name).expect("sample").load().expect("loads");
        let found = charts_diff(&chart, &chart);
        assert_eq!(found.match_by, MatchBy::Id, "one lineage matches by id");
        assert!(found.is_empty(), "{name}: {:?}", found.changes);
        assert_eq!(found.summary.posts.delta(), 0.0);
        // With refs on every node, refs are the key, and every way finds nothing.
        for id in chart.sorted_ids() {
            set(&mut chart, id, Field::Reference(Some(format!("R{}", id.0))));
        }
        assert_eq!(charts_diff(&chart, &chart).match_by, MatchBy::Ref);
        for by in MatchBy::ALL {
            let found = diff(&Side::chart(&chart), &Side::chart(&chart), Some(by));
            assert!(
                found.is_empty(),
                "{name} by {}: {:?}",
                by.name(),
                found.changes
            );
        }
    }
}

#[test]
fn a_new_post_is_added() {
    let old = seed();
    let mut new = old.clone();
    let manager = find(&new, "销售主管", Some("销售部"));
    let added = add(&mut new, manager, NodeKind::Position, "销售工程师");
    let found = charts_diff(&old, &new);
    assert_eq!(listed(&found), vec![(ChangeKind::Added, added, None)]);
    assert_eq!(found.summary.posts.delta(), 1.0);
    assert_eq!(found.summary.vacancies.delta(), 1.0, "a new post is vacant");
    let text = report::text(
        &found,
        Charts {
            old: &old,
            new: &new,
        },
    );
    assert!(text.contains("New:"), "{text}");
    assert!(text.contains("under 销售主管"), "{text}");
}

#[test]
fn a_removed_post_is_removed_with_its_old_manager() {
    let old = seed();
    let mut new = old.clone();
    let gone = find(&new, "市场经理", None);
    let manager = new.parent(gone);
    new.apply(Edit::RemoveNode {
        id: gone,
        keep_reports: false,
    })
    .expect("remove");
    let found = charts_diff(&old, &new);
    assert_eq!(listed(&found), vec![(ChangeKind::Removed, gone, None)]);
    match &found.changes[0].what {
        What::Removed { manager: m, anchor } => {
            assert_eq!(*m, manager);
            assert_eq!(
                *anchor, manager,
                "its manager is still there to hang a ghost from"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_moved_subtree_is_reported_once_on_its_top_post() {
    let old = seed();
    let mut new = old.clone();
    let lead = find(&new, "大区销售经理", None);
    let below = new.subtree(lead).count() - 1;
    assert!(below >= 3, "the subtree has posts under its top");
    let old_manager = new.parent(lead);
    let new_manager = find(&new, "工程销售经理", None);
    let index = new.children(new_manager).len();
    new.apply(Edit::Move {
        id: lead,
        parent: Some(new_manager),
        index,
    })
    .expect("move");
    let found = charts_diff(&old, &new);
    assert_eq!(listed(&found), vec![(ChangeKind::Moved, lead, None)]);
    assert_eq!(
        found.changes[0].what,
        What::Moved {
            from: old_manager,
            to: Some(new_manager)
        }
    );
    let json = report::json(&found);
    let entry = &json["changes"][0];
    assert_eq!(entry["change"], "moved");
    assert_eq!(
        entry["from"],
        old_manager.map(|m| m.0).expect("had a manager")
    );
    assert_eq!(entry["to"], new_manager.0);
}

#[test]
fn changed_fields_are_listed_with_old_and_new() {
    let old = seed();
    let mut new = old.clone();
    let post = find(&new, "大区销售经理", None);
    set(&mut new, post, Field::Holder(Some("王芳".into())));
    set(&mut new, post, Field::Title("区域销售经理".into()));
    let mut duties = new.node(post).expect("post").duties.clone();
    let dropped = duties.remove(0);
    duties.push("负责新能源客户开发。".into());
    set(&mut new, post, Field::Duties(duties));
    let unit = find(&new, "销售部", None);
    set(
        &mut new,
        unit,
        Field::Colour(organigram::model::Colour::from_hex("#123456")),
    );
    let found = charts_diff(&old, &new);
    assert_eq!(
        listed(&found),
        vec![
            (ChangeKind::Changed, unit, Some("colour")),
            (ChangeKind::Changed, post, Some("title")),
            (ChangeKind::Changed, post, Some("holder")),
            (ChangeKind::Changed, post, Some("duties")),
        ]
    );
    let duties_change = found
        .changes
        .iter()
        .find_map(|c| match &c.what {
            What::Changed(FieldChange::Duties { removed, added }) => Some((removed, added)),
            _ => None,
        })
        .expect("duties");
    assert_eq!(duties_change.0, &vec![dropped]);
    assert_eq!(duties_change.1, &vec!["负责新能源客户开发。".to_owned()]);
    let json = report::json(&found);
    let holder = json["changes"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["field"] == "holder")
        .expect("holder change");
    assert_eq!(holder["old"], serde_json::Value::Null, "it was vacant");
    assert_eq!(holder["new"], "王芳");
    assert_eq!(holder["id"], post.0);
}

#[test]
fn the_json_has_exactly_the_documented_shape() {
    let old = seed();
    let mut new = old.clone();
    let lead = find(&new, "销售主管", Some("销售部"));
    set(&mut new, lead, Field::Headcount(2));
    let json = report::json(&charts_diff(&old, &new));
    let top: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(top, vec!["changes", "summary"]);
    for figure in [
        "posts",
        "headcount",
        "vacancies",
        "managers",
        "layers",
        "mean_span",
    ] {
        let entry = &json["summary"][figure];
        for key in ["before", "after", "delta"] {
            assert!(entry[key].is_number(), "{figure}.{key}: {entry}");
        }
    }
    assert_eq!(json["summary"]["headcount"]["delta"], 1);
    let change = json["changes"][0].as_object().expect("change");
    let mut keys: Vec<&String> = change.keys().collect();
    keys.sort();
    assert_eq!(keys, vec!["change", "field", "id", "new", "old", "title"]);
    assert_eq!(change["old"], 1);
    assert_eq!(change["new"], 2);
}

/// The seed with 销售主管 (销售部) removed with its two engineers and 大客户经理 added
/// under their manager: the new chart, the manager, the added post and the marks.
fn lead_removed_and_post_added() -> (Chart, NodeId, NodeId, ChangeMarks) {
    let old = seed();
    let mut new = old.clone();
    let lead = find(&new, "销售主管", Some("销售部"));
    let manager = new.parent(lead).expect("manager");
    new.apply(Edit::RemoveNode {
        id: lead,
        keep_reports: false,
    })
    .expect("remove");
    let added = add(&mut new, manager, NodeKind::Position, "大客户经理");
    let found = charts_diff(&old, &new);
    let marks = ChangeMarks::of(
        &found,
        Charts {
            old: &old,
            new: &new,
        },
        "as-is.ron",
        organigram::i18n::Lang::English,
    );
    (new, manager, added, marks)
}

#[test]
fn marks_put_removed_posts_under_their_old_manager_or_in_the_list() {
    // The manager as a ghost, the engineers listed (their manager is gone too).
    let (_, manager, added, marks) = lead_removed_and_post_added();
    assert_eq!(marks.ghosts.len(), 1);
    assert_eq!(marks.ghosts[0].anchor, manager);
    assert_eq!(marks.ghosts[0].below, marks.listed.len());
    assert!(!marks.listed.is_empty());
    assert_eq!(marks.mark(added).map(|m| m.tag()), Some("new".to_owned()));
    assert_eq!(marks.count(ChangeKind::Removed), 1 + marks.listed.len());
}

/// The PDF's layers (shapes, text set apart, marks above) hold exactly the SVG's text:
/// nothing is lost or drawn twice, and the change marks lie above the cards' text.
#[test]
fn the_pdf_layers_split_the_svg_text_with_marks_above() {
    use organigram::export::page::whole;
    use organigram::export::svg::{render, render_layers};
    use organigram::export::ExportOptions;
    use organigram::layout::layout_chart;
    use std::sync::Arc;
    let (new, _, _, marks) = lead_removed_and_post_added();
    let plain = ExportOptions::default();
    let marked = ExportOptions {
        changes: Some(Arc::new(marks)),
        ..ExportOptions::default()
    };
    for (options, has_marks) in [(plain, false), (marked, true)] {
        let layout = layout_chart(&new, &options.style, &options.layout);
        let drawing = whole(&new, &layout, &options).expect("drawing");
        let svg = render(&new, &layout, &drawing, &options);
        let layers = render_layers(&new, &layout, &drawing, &options);
        assert!(!layers.shapes.contains("<text"));
        let above_texts = layers
            .above
            .as_deref()
            .map_or(0, |a| a.matches("<text").count());
        assert_eq!(
            svg.matches("<text").count(),
            layers.text.len() + above_texts
        );
        for run in &layers.text {
            let shown = organigram::export::svg::escape(&run.text);
            assert!(svg.contains(&format!(">{shown}</text>")), "{}", run.text);
        }
        assert_eq!(layers.above.is_some(), has_marks);
        if let Some(above) = &layers.above {
            // The new post's tag, and the removed post's ghost card with its title.
            assert!(above.contains(">new</text>"), "{above}");
            assert!(above.contains(">销售主管</text>"));
            assert!(
                above.contains(r#"stroke-dasharray="4 3""#),
                "the ghost's outline"
            );
        }
    }
}

/// The chart an HR file makes.
fn from_roster(text: &str) -> (Chart, Carries) {
    let table =
        hr::read_table(text.as_bytes(), "roster.csv", None, &Default::default()).expect("reads");
    let mapping = ImportChoices::default().mapping(&table).expect("maps");
    let import = hr::build(&table, &mapping, "roster").expect("builds");
    (import.chart, Carries::of_mapping(&mapping))
}

fn hr_side(chart: &Chart, carries: Carries) -> Side<'_> {
    Side {
        chart,
        carries,
        hr_file: true,
    }
}

const ROSTER: &str = "\
工号,姓名,职位,所属部门,直属上级工号
0001,周明,营销总监,营销部,
0002,李娜,大区销售经理,销售部,0001
0003,张伟,销售主管,销售部,0002
0004,刘洋,销售工程师,销售部,0003
0005,陈静,销售工程师,销售部,0003
0006,杨帆,市场经理,市场部,0001
";

#[test]
fn a_chart_and_its_own_csv_export_have_no_changes() {
    let chart = seed();
    let csv = table::csv_bytes(&chart).expect("csv");
    let text = String::from_utf8(csv).expect("utf-8");
    let (file, carries) = from_roster(&text);
    let found = diff(&Side::chart(&chart), &hr_side(&file, carries), None);
    assert!(found.is_empty(), "{:?}", found.changes);
}

#[test]
fn an_hr_file_is_compared_only_on_what_it_carries() {
    let (imported, carries) = from_roster(ROSTER);
    // The chart keeps duties, notes, colours and a dotted line the roster knows nothing of.
    let mut chart = imported.clone();
    let lead = find(&chart, "销售主管", None);
    set(&mut chart, lead, Field::Duties(vec!["带领团队。".into()]));
    set(&mut chart, lead, Field::Notes("kept".into()));
    let market = find(&chart, "市场经理", None);
    chart
        .apply(Edit::AddDotted {
            from: market,
            to: lead,
            index: 0,
        })
        .expect("dotted");
    let unit = find(&chart, "销售部", None);
    set(
        &mut chart,
        unit,
        Field::Colour(organigram::model::Colour::from_hex("#abcdef")),
    );
    let found = diff(&Side::chart(&chart), &hr_side(&imported, carries), None);
    assert_eq!(found.match_by, MatchBy::Ref);
    assert!(found.is_empty(), "{:?}", found.changes);
}

#[test]
fn hand_made_units_are_looked_through_when_comparing_with_an_hr_file() {
    let (imported, carries) = from_roster(ROSTER);
    let mut chart = imported.clone();
    // A hand-made team unit between 销售主管 and its engineers.
    let lead = find(&chart, "销售主管", None);
    let team = add(&mut chart, lead, NodeKind::Unit, "华东小组");
    for engineer in chart.children(lead).to_vec() {
        if engineer != team {
            let index = chart.children(team).len();
            chart
                .apply(Edit::Move {
                    id: engineer,
                    parent: Some(team),
                    index,
                })
                .expect("move into the team");
        }
    }
    let found = diff(&Side::chart(&chart), &hr_side(&imported, carries), None);
    assert!(found.is_empty(), "{:?}", found.changes);
    // Between two charts the same unit is a change: added, and the engineers moved.
    let between = charts_diff(&imported, &chart);
    assert_eq!(between.count(ChangeKind::Added), 1);
    assert_eq!(between.count(ChangeKind::Moved), 2);
}

const ROSTER_NEXT_MONTH: &str = "\
工号,姓名,职位,所属部门,直属上级工号
0001,周明,营销总监,营销部,
0002,李娜,华东大区销售经理,销售部,0001
0003,张伟,销售主管,市场部,0006
0004,刘洋,销售工程师,市场部,0003
0006,杨帆,市场经理,市场部,0001
0007,赵敏,市场专员,市场部,0006
";

#[test]
fn an_update_takes_structure_titles_and_holders_and_keeps_the_charts_own() {
    let (before, _) = from_roster(ROSTER);
    let mut chart = before.clone();
    let lead = find(&chart, "销售主管", None);
    set(&mut chart, lead, Field::Duties(vec!["带领团队。".into()]));
    set(&mut chart, lead, Field::Notes("kept".into()));
    let (file, carries) = from_roster(ROSTER_NEXT_MONTH);
    let plan = update::plan(&chart, &file, carries, None);
    assert_eq!(plan.diff.match_by, MatchBy::Ref);
    let kinds: Vec<(ChangeKind, String)> = plan
        .diff
        .changes
        .iter()
        .map(|c| (c.kind(), c.title.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ChangeKind::Changed, "华东大区销售经理".into()),
            (ChangeKind::Moved, "销售主管".into()),
            (ChangeKind::Added, "市场专员".into()),
            (ChangeKind::Removed, "销售工程师".into()),
        ],
        "{kinds:?}"
    );
    let applied = plan.apply(&chart, &file, &[]);
    assert!(applied.skipped.is_empty(), "{:?}", applied.skipped);
    let updated = applied.chart;
    let lead = find(&updated, "销售主管", None);
    let node = updated.node(lead).expect("lead");
    assert_eq!(node.duties, vec!["带领团队。".to_owned()], "duties kept");
    assert_eq!(node.notes, "kept");
    let market = find(&updated, "市场经理", None);
    assert!(
        updated.ancestors(lead).any(|a| a == market),
        "moved under 市场经理"
    );
    let hire = find(&updated, "市场专员", None);
    assert_eq!(
        updated.node(hire).and_then(|n| n.reference.clone()),
        Some("0007".into())
    );
    assert!(updated.ancestors(hire).any(|a| a == market));
    // Nothing is left to change, by the same comparison.
    let again = update::plan(&updated, &file, carries, None);
    assert!(again.diff.is_empty(), "{:?}", again.diff.changes);
    // The edits, applied to the chart as one batch, make the same chart.
    let mut batch = chart.clone();
    batch
        .apply(Edit::Batch(applied.edits.clone()))
        .expect("one batch");
    assert_eq!(batch, updated);
}

#[test]
fn an_update_applies_only_the_chosen_changes() {
    let (chart, _) = from_roster(ROSTER);
    let (file, carries) = from_roster(ROSTER_NEXT_MONTH);
    let plan = update::plan(&chart, &file, carries, None);
    let chosen: Vec<bool> = plan
        .diff
        .changes
        .iter()
        .map(|c| c.kind() == ChangeKind::Added)
        .collect();
    let applied = plan.apply(&chart, &file, &chosen);
    let updated = applied.chart;
    assert!(updated
        .tree_order()
        .any(|id| updated.node(id).is_some_and(|n| n.title == "市场专员")));
    assert!(
        updated
            .tree_order()
            .any(|id| updated.node(id).is_some_and(|n| n.title == "大区销售经理")),
        "the title change was not chosen"
    );
    assert_eq!(
        updated
            .tree_order()
            .filter(|&id| updated.node(id).is_some_and(|n| n.title == "销售工程师"))
            .count(),
        2,
        "the removal was not chosen"
    );
}
