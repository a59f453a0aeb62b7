//! Edits, their validation and their inverses, on small hand-made charts.
// Scenario tests read best as one story; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]

use organigram::model::{
    Chart, ChartText, Edit, EditError, Field, History, Node, NodeId, NodeKind, Rule,
};

fn add(chart: &mut Chart, parent: Option<u32>, kind: NodeKind, title: &str) -> NodeId {
    let id = chart.fresh_id();
    let index = match parent {
        Some(p) => chart.children(NodeId(p)).len(),
        None => chart.roots().len(),
    };
    chart
        .apply(Edit::AddNode {
            id,
            parent: parent.map(NodeId),
            index,
            node: Box::new(Node::new(kind, title)),
        })
        .expect("valid addition");
    id
}

/// 1 unit 营销部 → 2 营销总监 → [3 unit 销售部 → 4 大区销售经理 → [5 assistant 销售内勤, 6 销售主管 → 7 销售工程师]]
fn seedlike() -> Chart {
    let mut chart = Chart::new("营销部", "公司");
    add(&mut chart, None, NodeKind::Unit, "营销部");
    add(&mut chart, Some(1), NodeKind::Position, "营销总监");
    add(&mut chart, Some(2), NodeKind::Unit, "销售部");
    add(&mut chart, Some(3), NodeKind::Position, "大区销售经理");
    add(&mut chart, Some(4), NodeKind::Assistant, "销售内勤");
    add(&mut chart, Some(4), NodeKind::Position, "销售主管");
    add(&mut chart, Some(6), NodeKind::Position, "销售工程师");
    chart
}

fn ids(list: &[NodeId]) -> Vec<u32> {
    list.iter().map(|id| id.0).collect()
}

#[test]
fn every_edit_returns_an_inverse_that_restores_the_chart() {
    let original = {
        let mut chart = seedlike();
        chart
            .apply(Edit::AddDotted {
                from: NodeId(7),
                to: NodeId(4),
                index: 0,
            })
            .unwrap();
        chart
            .apply(Edit::InsertDuty {
                id: NodeId(4),
                index: 0,
                text: "负责渠道".into(),
            })
            .unwrap();
        chart
            .apply(Edit::InsertDuty {
                id: NodeId(4),
                index: 1,
                text: "负责回款".into(),
            })
            .unwrap();
        chart
    };
    let edits = vec![
        Edit::SetChartText {
            which: ChartText::Title,
            text: "新标题".into(),
        },
        Edit::SetChartText {
            which: ChartText::Organisation,
            text: "新公司".into(),
        },
        Edit::AddNode {
            id: NodeId(50),
            parent: Some(NodeId(6)),
            index: 0,
            node: Box::new(Node::new(NodeKind::Position, "新岗位")),
        },
        Edit::RemoveNode {
            id: NodeId(6),
            keep_reports: false,
        },
        Edit::RemoveNode {
            id: NodeId(6),
            keep_reports: true,
        },
        Edit::RemoveNode {
            id: NodeId(4),
            keep_reports: false,
        },
        Edit::Move {
            id: NodeId(6),
            parent: Some(NodeId(2)),
            index: 0,
        },
        Edit::Move {
            id: NodeId(3),
            parent: None,
            index: 1,
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Title("区域经理".into()),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Holder(Some("张三".into())),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Headcount(3),
        },
        Edit::SetField {
            id: NodeId(3),
            field: Field::Colour(organigram::model::Colour::from_hex("#4e79a7")),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Notes("备注".into()),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Collapsed(true),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Pin(Some(organigram::model::ChartPoint { x: 10.0, y: 20.0 })),
        },
        Edit::SetField {
            id: NodeId(4),
            field: Field::Duties(vec!["一".into()]),
        },
        Edit::SetField {
            id: NodeId(7),
            field: Field::Kind(NodeKind::Assistant),
        },
        Edit::InsertDuty {
            id: NodeId(4),
            index: 2,
            text: "新职责".into(),
        },
        Edit::RemoveDuty {
            id: NodeId(4),
            index: 0,
        },
        Edit::MoveDuty {
            id: NodeId(4),
            from: 0,
            to: 1,
        },
        Edit::SetDuty {
            id: NodeId(4),
            index: 1,
            text: "改写".into(),
        },
        Edit::AddDotted {
            from: NodeId(5),
            to: NodeId(2),
            index: 0,
        },
        Edit::RemoveDotted {
            from: NodeId(7),
            to: NodeId(4),
        },
        Edit::Batch(vec![
            Edit::SetField {
                id: NodeId(6),
                field: Field::Title("主管".into()),
            },
            Edit::Move {
                id: NodeId(7),
                parent: Some(NodeId(2)),
                index: 0,
            },
        ]),
    ];
    for edit in edits {
        let mut chart = original.clone();
        let inverse = chart
            .apply(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
        assert_ne!(chart, original, "{edit:?} changed nothing");
        let changed = chart.clone();
        let redo = chart
            .apply(inverse)
            .unwrap_or_else(|e| panic!("inverse of {edit:?} refused: {e}"));
        assert_eq!(
            chart, original,
            "inverse of {edit:?} did not restore the chart"
        );
        chart.apply(redo).unwrap();
        assert_eq!(chart, changed, "redo of {edit:?} differs");
    }
}

#[test]
fn removing_with_kept_reports_moves_them_up_in_place() {
    let mut chart = seedlike();
    add(&mut chart, Some(4), NodeKind::Position, "第二主管");
    chart
        .apply(Edit::RemoveNode {
            id: NodeId(6),
            keep_reports: true,
        })
        .unwrap();
    assert!(!chart.contains(NodeId(6)));
    assert_eq!(ids(chart.children(NodeId(4))), vec![5, 7, 8]);
    assert_eq!(chart.parent(NodeId(7)), Some(NodeId(4)));
}

#[test]
fn removing_a_subtree_removes_dotted_lines_into_it_and_undo_puts_them_back_in_order() {
    let mut chart = seedlike();
    let other = add(&mut chart, Some(2), NodeKind::Position, "市场经理");
    let helper = add(&mut chart, Some(other.0), NodeKind::Position, "专员");
    chart
        .apply(Edit::AddDotted {
            from: helper,
            to: NodeId(6),
            index: 0,
        })
        .unwrap();
    chart
        .apply(Edit::AddDotted {
            from: helper,
            to: NodeId(2),
            index: 1,
        })
        .unwrap();
    chart
        .apply(Edit::AddDotted {
            from: helper,
            to: NodeId(4),
            index: 2,
        })
        .unwrap();
    let before = chart.clone();
    let inverse = chart
        .apply(Edit::RemoveNode {
            id: NodeId(4),
            keep_reports: false,
        })
        .unwrap();
    assert_eq!(ids(&chart.node(helper).unwrap().dotted), vec![2]);
    assert!(!chart.contains(NodeId(7)));
    chart.apply(inverse).unwrap();
    assert_eq!(chart, before);
    assert_eq!(ids(&chart.node(helper).unwrap().dotted), vec![6, 2, 4]);
    assert_eq!(ids(chart.dotted_reports(NodeId(6))), vec![helper.0]);
}

#[test]
fn a_move_into_its_own_subtree_is_refused_as_a_cycle() {
    let mut chart = seedlike();
    let before = chart.clone();
    let error = chart
        .apply(Edit::Move {
            id: NodeId(4),
            parent: Some(NodeId(7)),
            index: 0,
        })
        .unwrap_err();
    assert!(
        matches!(error, EditError::Rule(Rule::Cycle { .. })),
        "{error:?}"
    );
    assert!(error.to_string().contains("cycle"), "{error}");
    assert!(error.to_string().contains("大区销售经理"), "{error}");
    let error = chart
        .apply(Edit::Move {
            id: NodeId(4),
            parent: Some(NodeId(4)),
            index: 0,
        })
        .unwrap_err();
    assert!(matches!(error, EditError::Rule(Rule::Cycle { .. })));
    assert_eq!(chart, before);
}

#[test]
fn kind_rules_are_enforced() {
    let mut chart = seedlike();
    let before = chart.clone();
    // Nothing reports to an assistant.
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(7),
            parent: Some(NodeId(5)),
            index: 0
        })
        .is_err());
    // An assistant reports to a position, not to a unit or to nobody.
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(5),
            parent: Some(NodeId(3)),
            index: 0
        })
        .is_err());
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(5),
            parent: None,
            index: 0
        })
        .is_err());
    // A manager cannot become an assistant.
    assert!(chart
        .apply(Edit::SetField {
            id: NodeId(6),
            field: Field::Kind(NodeKind::Assistant)
        })
        .is_err());
    // A position with an assistant cannot become a unit.
    assert!(chart
        .apply(Edit::SetField {
            id: NodeId(4),
            field: Field::Kind(NodeKind::Unit)
        })
        .is_err());
    assert!(chart
        .apply(Edit::SetField {
            id: NodeId(4),
            field: Field::Headcount(0)
        })
        .is_err());
    // Deleting the manager while keeping its reports would leave the assistant under a unit.
    let error = chart
        .apply(Edit::RemoveNode {
            id: NodeId(4),
            keep_reports: true,
        })
        .unwrap_err();
    assert!(error.to_string().contains("销售内勤"), "{error}");
    assert_eq!(chart, before, "refused edits leave the chart unchanged");
}

#[test]
fn dotted_line_rules_are_enforced() {
    let mut chart = seedlike();
    let before = chart.clone();
    let refused = [
        (7, 7, "itself"),
        (7, 6, "solid line"),
        (7, 3, "position"),
        (3, 2, "unit"),
        (7, 99, "exist"),
    ];
    for (from, to, why) in refused {
        let error = chart
            .apply(Edit::AddDotted {
                from: NodeId(from),
                to: NodeId(to),
                index: 0,
            })
            .unwrap_err();
        assert!(error.to_string().contains(why), "{from}→{to}: {error}");
    }
    chart
        .apply(Edit::AddDotted {
            from: NodeId(7),
            to: NodeId(2),
            index: 0,
        })
        .unwrap();
    assert!(chart
        .apply(Edit::AddDotted {
            from: NodeId(7),
            to: NodeId(2),
            index: 1
        })
        .is_err());
    // Making a dotted-line manager the solid-line manager is refused until the dotted line goes.
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(7),
            parent: Some(NodeId(2)),
            index: 0
        })
        .is_err());
    chart
        .apply(Edit::RemoveDotted {
            from: NodeId(7),
            to: NodeId(2),
        })
        .unwrap();
    assert_eq!(chart, before);
}

#[test]
fn a_refused_step_rolls_back_the_whole_batch() {
    let mut chart = seedlike();
    let before = chart.clone();
    let result = chart.apply(Edit::Batch(vec![
        Edit::SetField {
            id: NodeId(4),
            field: Field::Title("改名".into()),
        },
        Edit::RemoveNode {
            id: NodeId(7),
            keep_reports: false,
        },
        Edit::Move {
            id: NodeId(2),
            parent: Some(NodeId(6)),
            index: 0,
        },
    ]));
    assert!(result.is_err());
    assert_eq!(chart, before);
}

#[test]
fn out_of_range_indices_are_refused() {
    let mut chart = seedlike();
    assert!(matches!(
        chart.apply(Edit::RemoveDuty {
            id: NodeId(4),
            index: 0
        }),
        Err(EditError::IndexOutOfRange { .. })
    ));
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(6),
            parent: Some(NodeId(4)),
            index: 2
        })
        .is_err());
    assert!(chart
        .apply(Edit::Move {
            id: NodeId(6),
            parent: Some(NodeId(4)),
            index: 0
        })
        .is_ok());
    assert_eq!(ids(chart.children(NodeId(4))), vec![6, 5]);
    assert!(chart
        .apply(Edit::AddNode {
            id: NodeId(4),
            parent: None,
            index: 0,
            node: Box::new(Node::new(NodeKind::Unit, "x"))
        })
        .is_err());
}

#[test]
fn several_roots_are_fine() {
    let mut chart = seedlike();
    add(&mut chart, None, NodeKind::Position, "董事长");
    chart
        .apply(Edit::Move {
            id: NodeId(8),
            parent: None,
            index: 0,
        })
        .unwrap();
    assert_eq!(ids(chart.roots()), vec![8, 1]);
    assert_eq!(chart.tree_order().count(), 8);
}

#[test]
fn units_are_derived_from_the_nearest_unit_ancestor() {
    let chart = seedlike();
    assert_eq!(chart.unit_of(NodeId(7)), Some(NodeId(3)));
    assert_eq!(chart.unit_of(NodeId(2)), Some(NodeId(1)));
    assert_eq!(chart.unit_of(NodeId(1)), None);
}

#[test]
fn history_undoes_and_redoes_and_groups_a_gesture_into_one_step() {
    let mut chart = seedlike();
    let original = chart.clone();
    let mut history = History::<String>::default();
    assert_eq!(history.state_id(), 0);
    history
        .apply(
            &mut chart,
            Edit::SetField {
                id: NodeId(4),
                field: Field::Title("A".into()),
            },
            "Rename",
        )
        .unwrap();
    let after_rename = history.state_id();
    history.begin_group("Drag");
    for index in [0, 1, 0] {
        history
            .apply(
                &mut chart,
                Edit::Move {
                    id: NodeId(6),
                    parent: Some(NodeId(4)),
                    index,
                },
                "Drag",
            )
            .unwrap();
    }
    history.end_group();
    assert_eq!(history.undo_len(), 2);
    let edited = chart.clone();
    assert_eq!(history.undo(&mut chart).unwrap().as_deref(), Some("Drag"));
    assert_eq!(history.state_id(), after_rename);
    assert_eq!(history.undo(&mut chart).unwrap().as_deref(), Some("Rename"));
    assert_eq!(chart, original);
    assert_eq!(history.state_id(), 0);
    assert_eq!(history.undo(&mut chart).unwrap(), None);
    history.redo(&mut chart).unwrap();
    history.redo(&mut chart).unwrap();
    assert_eq!(chart, edited);
    // A refused edit records nothing; a new edit clears redo.
    assert!(history
        .apply(
            &mut chart,
            Edit::RemoveDuty {
                id: NodeId(4),
                index: 9
            },
            "x"
        )
        .is_err());
    assert_eq!(history.undo_len(), 2);
    history.undo(&mut chart).unwrap();
    history
        .apply(
            &mut chart,
            Edit::SetField {
                id: NodeId(7),
                field: Field::Notes("n".into()),
            },
            "Notes",
        )
        .unwrap();
    assert_eq!(history.redo_len(), 0);
}

#[test]
fn a_batch_is_checked_against_what_its_earlier_steps_leave() {
    let mut chart = Chart::new("t", "o");
    let top = chart.fresh_id();
    let add = |id: NodeId, parent: Option<NodeId>, kind: NodeKind| Edit::AddNode {
        id,
        parent,
        index: 0,
        node: Box::new(Node::new(kind, format!("n{}", id.0))),
    };
    assert!(chart.apply(add(top, None, NodeKind::Position)).is_ok());
    let (a, b) = (NodeId(10), NodeId(11));
    // A child under a node added earlier in the same batch: fine.
    let nested = Edit::Batch(vec![
        add(a, Some(top), NodeKind::Position),
        add(b, Some(a), NodeKind::Position),
    ]);
    assert_eq!(chart.check(&nested), Ok(()));
    // The same id twice: the second step is refused, as apply refuses it.
    let twice = Edit::Batch(vec![
        add(a, Some(top), NodeKind::Position),
        add(a, Some(top), NodeKind::Position),
    ]);
    assert_eq!(chart.check(&twice), Err(EditError::IdInUse(a)));
    assert_eq!(
        chart.clone().apply(twice).map(|_| ()),
        Err(EditError::IdInUse(a))
    );
    // An assistant, then a subordinate under it: refused by the rule.
    let under_assistant = Edit::Batch(vec![
        add(a, Some(top), NodeKind::Assistant),
        add(b, Some(a), NodeKind::Position),
    ]);
    assert!(matches!(
        chart.check(&under_assistant),
        Err(EditError::Rule(Rule::ReportsToAssistant { .. }))
    ));
    // A dotted line removed, then its target made the solid-line manager: fine, though
    // the move alone is refused.
    assert!(chart.apply(add(a, Some(top), NodeKind::Position)).is_ok());
    assert!(chart.apply(add(b, Some(top), NodeKind::Position)).is_ok());
    assert!(chart
        .apply(Edit::AddDotted {
            from: b,
            to: a,
            index: 0
        })
        .is_ok());
    let alone = Edit::Move {
        id: b,
        parent: Some(a),
        index: 0,
    };
    assert!(matches!(
        chart.check(&alone),
        Err(EditError::Rule(Rule::DottedBeforeSolid { .. }))
    ));
    let together = Edit::Batch(vec![Edit::RemoveDotted { from: b, to: a }, alone]);
    assert_eq!(chart.check(&together), Ok(()));
    let checked = chart.clone();
    assert!(chart.apply(together).is_ok());
    assert_ne!(chart, checked, "check changed nothing, apply did");
}

#[test]
fn vacancies_count_each_seat_nobody_fills() {
    let mut chart = Chart::new("t", "o");
    let mut post = Node::new(NodeKind::Position, "销售工程师");
    post.headcount = 3;
    post.holder = Some("张伟".into());
    let mut vacant = Node::new(NodeKind::Position, "销售内勤");
    vacant.headcount = 2;
    for (id, node) in [(NodeId(1), post), (NodeId(2), vacant)] {
        let added = chart.apply(Edit::AddNode {
            id,
            parent: None,
            index: 0,
            node: Box::new(node),
        });
        assert!(added.is_ok());
    }
    let stats = organigram::model::ChartStats::of(&chart);
    assert_eq!(stats.headcount, 5);
    assert_eq!(
        stats.vacancies,
        2 + 2,
        "3 seats with one holder leave 2; 2 empty seats"
    );
    assert_eq!(stats.vacant_posts, 1);
}

#[test]
fn control_characters_in_texts_are_refused() {
    let mut chart = Chart::new("t", "o");
    let id = NodeId(1);
    let added = chart.apply(Edit::AddNode {
        id,
        parent: None,
        index: 0,
        node: Box::new(Node::new(NodeKind::Position, "销售主管")),
    });
    assert!(added.is_ok());
    let title = Edit::SetField {
        id,
        field: Field::Title("销售\u{0}主管".into()),
    };
    assert!(matches!(
        chart.check(&title),
        Err(EditError::Rule(Rule::ControlCharacter { code: 0, .. }))
    ));
    let duty = Edit::InsertDuty {
        id,
        index: 0,
        text: "first line\nsecond line".into(),
    };
    assert_eq!(chart.check(&duty), Ok(()), "line breaks in a duty are fine");
}
