//! The analysis: every definition on hand-made charts (units between posts, assistants,
//! headcount above 1), the seed's shared duties, and the report's JSON and workbook.
#![allow(clippy::too_many_lines)]

use std::collections::BTreeSet;

use organigram::analysis::colour_by::CardColouring;
use organigram::analysis::{output, ColourBy, Report, DEFAULT_THRESHOLD};
use organigram::i18n::Lang;
use organigram::model::{Chart, Edit, Node, NodeId, NodeKind};
use organigram::samples;

fn add(chart: &mut Chart, parent: Option<NodeId>, kind: NodeKind, title: &str) -> NodeId {
    let id = chart.fresh_id();
    let index = parent.map_or(chart.roots().len(), |p| chart.children(p).len());
    let mut node = Node::new(kind, title);
    node.holder = Some(format!("holder of {title}"));
    chart
        .apply(Edit::AddNode {
            id,
            parent,
            index,
            node: Box::new(node),
        })
        .expect("add");
    id
}

fn set(chart: &mut Chart, id: NodeId, field: organigram::model::Field) {
    chart.apply(Edit::SetField { id, field }).expect("set");
}

/// A company unit over a chief executive with an assistant; a sales unit (its head
/// vacant, a team unit under the head, a seller of headcount 3 with one holder); a
/// finance head with one accountant; a call-centre lead with 13 agents.
struct Company {
    chart: Chart,
    company: NodeId,
    chief: NodeId,
    sales: NodeId,
    team: NodeId,
    head: NodeId,
    seller: NodeId,
    finance: NodeId,
    calls: NodeId,
}

fn company() -> Company {
    use organigram::model::Field;
    let mut chart = Chart::new("Company", "");
    let company = add(&mut chart, None, NodeKind::Unit, "Company");
    let chief = add(&mut chart, Some(company), NodeKind::Position, "Chief");
    add(&mut chart, Some(chief), NodeKind::Assistant, "Assistant");
    let sales = add(&mut chart, Some(chief), NodeKind::Unit, "Sales");
    let head = add(&mut chart, Some(sales), NodeKind::Position, "Sales head");
    set(&mut chart, head, Field::Holder(None));
    let team = add(&mut chart, Some(head), NodeKind::Unit, "Team A");
    let seller = add(&mut chart, Some(team), NodeKind::Position, "Seller");
    set(&mut chart, seller, Field::Headcount(3));
    add(&mut chart, Some(team), NodeKind::Position, "Seller 2");
    add(&mut chart, Some(head), NodeKind::Position, "Seller 3");
    let finance = add(&mut chart, Some(chief), NodeKind::Position, "Finance head");
    add(&mut chart, Some(finance), NodeKind::Position, "Accountant");
    let calls = add(&mut chart, Some(chief), NodeKind::Position, "Call lead");
    for n in 0..13 {
        add(
            &mut chart,
            Some(calls),
            NodeKind::Position,
            &format!("Agent {n}"),
        );
    }
    Company {
        chart,
        company,
        chief,
        sales,
        team,
        head,
        seller,
        finance,
        calls,
    }
}

#[test]
fn spans_look_through_units_and_leave_assistants_out() {
    let c = company();
    let report = Report::of(&c.chart, DEFAULT_THRESHOLD);
    let span = |id| report.posts.get(id).map(|f| (f.span, f.assistants));
    // Chief: Sales head (through the Sales unit), Finance head, Call lead; one assistant.
    assert_eq!(span(c.chief), Some((3, 1)));
    // Sales head: two sellers through Team A, and Seller 3.
    assert_eq!(span(c.head), Some((3, 0)));
    assert_eq!(span(c.finance), Some((1, 0)));
    assert_eq!(span(c.calls), Some((13, 0)));
    assert_eq!(span(c.seller), Some((0, 0)), "not a manager");
    // Bands 1, 2–3, 4–7, 8–12, 13–16, 17+.
    assert_eq!(report.spans.bands, [1, 2, 0, 0, 1, 0]);
    assert_eq!(report.spans.narrow, vec![c.finance]);
    assert_eq!(report.spans.wide, vec![c.calls]);
    assert_eq!(report.summary.managers, 4);
    assert!(
        (report.summary.mean_span - 5.0).abs() < 1e-9,
        "(3+3+1+13)/4"
    );
    assert!((report.summary.median_span - 3.0).abs() < 1e-9);
    assert_eq!(report.managers_in_band(1), vec![c.chief, c.head]);
}

#[test]
fn layers_count_from_the_top_post_and_vacancies_from_headcount() {
    let c = company();
    let report = Report::of(&c.chart, DEFAULT_THRESHOLD);
    let layer = |id| report.posts.get(id).map(|f| f.layer);
    assert_eq!(layer(c.chief), Some(1));
    assert_eq!(layer(c.head), Some(2), "the Sales unit between is no layer");
    assert_eq!(layer(c.seller), Some(3));
    let rows: Vec<(u32, usize, u64)> = report
        .layers
        .iter()
        .map(|l| (l.layer, l.posts, l.headcount))
        .collect();
    // Layer 2: assistant, sales head, finance head, call lead. Layer 3: three sellers
    // (headcount 3 + 1 + 1), the accountant, 13 agents.
    assert_eq!(rows, vec![(1, 1, 1), (2, 4, 4), (3, 17, 19)]);
    assert_eq!(report.posts.get(c.seller).map(|f| f.vacancies), Some(2));
    assert_eq!(report.posts.get(c.head).map(|f| f.vacancies), Some(1));
    assert_eq!(report.summary.vacancies, 3);
    assert_eq!(report.summary.headcount, 24);
    assert_eq!(report.summary.layers, 3);
    assert_eq!(report.summary.posts, 22);
    assert_eq!(report.summary.assistants, 1);
}

#[test]
fn units_hold_everything_below_them() {
    let c = company();
    let report = Report::of(&c.chart, DEFAULT_THRESHOLD);
    let unit = |id| {
        report
            .units
            .iter()
            .find(|u| u.id == id)
            .expect("the unit's row")
    };
    let sales = unit(c.sales);
    assert_eq!(
        (
            sales.posts,
            sales.headcount,
            sales.vacancies,
            sales.managers,
            sales.depth
        ),
        (4, 6, 3, 1, 2)
    );
    assert!((sales.mean_span - 3.0).abs() < 1e-9);
    assert_eq!(sales.parent_unit, Some(c.company));
    let team = unit(c.team);
    assert_eq!((team.posts, team.managers, team.depth), (2, 0, 1));
    let company = unit(c.company);
    assert_eq!(
        (company.posts, company.depth, company.narrow, company.wide),
        (22, 3, 1, 1)
    );
}

fn seed() -> Chart {
    samples::find("seed-marketing-zh")
        .expect("seed")
        .load()
        .expect("loads")
}

fn titles(chart: &Chart, posts: &[NodeId]) -> BTreeSet<String> {
    posts
        .iter()
        .filter_map(|&id| chart.node(id).map(|n| n.title.clone()))
        .collect()
}

#[test]
fn the_seeds_shared_duties_are_found() {
    let chart = seed();
    let report = Report::of(&chart, DEFAULT_THRESHOLD);
    let managers: BTreeSet<String> = ["大区销售经理", "工程销售经理"].map(String::from).into();
    let assistants: BTreeSet<String> = ["销售内勤".to_owned()].into();
    let identical = |wanted: &BTreeSet<String>| {
        report
            .duty_groups
            .iter()
            .filter(|g| g.similarity == 1.0 && g.posts().len() == 2)
            .filter(|g| &titles(&chart, &g.posts()) == wanted)
            .count()
    };
    assert_eq!(identical(&managers), 7, "the regional managers' seven");
    assert_eq!(identical(&assistants), 2, "the assistants' two");
    let first_similar = report
        .duty_groups
        .iter()
        .position(|g| g.similarity < 1.0)
        .unwrap_or(report.duty_groups.len());
    assert!(
        report.duty_groups[first_similar..]
            .iter()
            .all(|g| g.similarity < 1.0),
        "identical groups come first"
    );
    // Each duty as its post has it: one with the full stop, one without.
    let fee = report
        .duty_groups
        .iter()
        .find(|g| g.uses.iter().any(|u| u.text.starts_with("负责部门费用")))
        .expect("the budget duty");
    let texts: BTreeSet<&str> = fee.uses.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        ["负责部门费用的预算和控制", "负责部门费用的预算和控制。"].into()
    );
}

/// Character bigrams, computed here independently of the library.
fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"。，、；：".contains(*c))
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

#[test]
fn no_group_joins_unrelated_duties() {
    let chart = seed();
    let report = Report::of(&chart, DEFAULT_THRESHOLD);
    assert!(!report.duty_groups.is_empty());
    for group in &report.duty_groups {
        for a in &group.uses {
            for b in &group.uses {
                let (x, y) = (bigrams(&a.text), bigrams(&b.text));
                let shared = x.intersection(&y).count() as f64;
                let all = x.union(&y).count() as f64;
                assert!(
                    shared / all >= 2.0 * DEFAULT_THRESHOLD - 1.0,
                    "{:?} and {:?} are in one group",
                    a.text,
                    b.text
                );
            }
        }
    }
    // Similar but below the threshold: the two sales-data duties stay apart at 0.7 …
    let together = |report: &Report| {
        report.duty_groups.iter().any(|g| {
            g.uses.iter().any(|u| u.text == "负责销售数据的分析。")
                && g.uses
                    .iter()
                    .any(|u| u.text == "负责销售数据的分析收集和反馈")
        })
    };
    assert!(!together(&report));
    // … and join when the threshold is lowered.
    assert!(together(&Report::of(&chart, 0.6)));
}

#[test]
fn similar_posts_share_half_their_duties() {
    let chart = seed();
    let report = Report::of(&chart, DEFAULT_THRESHOLD);
    for entry in &report.similar_posts {
        assert!(entry.similarity >= 0.5 && entry.shared >= 2, "{entry:?}");
        assert!(entry.posts.len() >= 2);
    }
    // The two 销售内勤 share two duties word for word and two nearly: 4 of their 6.
    let assistants: BTreeSet<String> = ["销售内勤".to_owned()].into();
    assert_eq!(report.similar_posts.len(), 1, "{:?}", report.similar_posts);
    let entry = &report.similar_posts[0];
    assert_eq!(titles(&chart, &entry.posts), assistants);
    assert_eq!((entry.shared, entry.posts.len()), (4, 2));
    assert!((entry.similarity - 4.0 / 6.0).abs() < 1e-9);
    // The regional managers share 7 of 16: under half, so not similar.
}

#[test]
fn the_json_and_the_workbook_have_every_part() {
    let chart = seed();
    let report = Report::of(&chart, DEFAULT_THRESHOLD);
    let json = output::json(&report, &chart);
    for key in [
        "summary",
        "spans",
        "layers",
        "units",
        "duty_overlap",
        "similar_posts",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let bands: Vec<&String> = json["spans"]["bands"]
        .as_object()
        .expect("bands")
        .keys()
        .collect();
    assert_eq!(bands.len(), 6);
    assert!(json["spans"]["bands"]["2-3"].is_number());
    assert_eq!(json["layers"][0]["layer"], 1);
    let group = &json["duty_overlap"][0];
    assert_eq!(group["similarity"], 1.0);
    assert!(group["posts"][0]["duty"].is_string());
    let bytes = output::xlsx(&report, &chart).expect("workbook");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    use calamine::Reader;
    assert_eq!(
        book.sheet_names(),
        vec![
            "Summary",
            "Spans",
            "Layers",
            "Units",
            "Shared duties",
            "Similar posts"
        ]
    );
    let duties = book.worksheet_range("Shared duties").expect("sheet");
    assert!(duties.rows().count() > 18, "7 + 2 groups of two, and more");
}

#[test]
fn colour_by_gives_each_post_its_colour_and_a_legend() {
    let c = company();
    let report = Report::of(&c.chart, DEFAULT_THRESHOLD);
    assert!(CardColouring::of(ColourBy::Unit, &c.chart, &report, Lang::English).is_none());
    let spans =
        CardColouring::of(ColourBy::SpanBand, &c.chart, &report, Lang::English).expect("colours");
    assert_eq!(spans.legend.len(), 7);
    assert_eq!(spans.legend[0].label, "1 (narrow) · 1");
    assert_eq!(spans.legend[6].label, "not a manager · 18");
    assert_ne!(spans.colours.get(c.finance), spans.colours.get(c.calls));
    assert!(
        spans.colours.get(c.company).is_none(),
        "units keep their colour"
    );
    let vacancy =
        CardColouring::of(ColourBy::Vacancy, &c.chart, &report, Lang::English).expect("colours");
    let labels: Vec<&str> = vacancy.legend.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["filled · 20", "partly vacant · 1", "vacant · 1"]
    );
    let layers =
        CardColouring::of(ColourBy::Layer, &c.chart, &report, Lang::English).expect("colours");
    assert_eq!(layers.legend.len(), 3);
    assert_eq!(spans.heading, "Span of control");
    assert_eq!(spans.caption, "coloured by span of control");
    // The same legend in Chinese: the same colours and counts, other words.
    let zh =
        CardColouring::of(ColourBy::SpanBand, &c.chart, &report, Lang::Chinese).expect("colours");
    assert_eq!(zh.heading, "管理幅度");
    assert_eq!(zh.caption, "按管理幅度着色");
    assert_eq!(zh.legend[0].label, "1（过窄） · 1");
    assert_eq!(zh.legend[6].label, "非管理岗 · 18");
    assert_eq!(zh.colours.get(c.finance), spans.colours.get(c.finance));
    let zh =
        CardColouring::of(ColourBy::Vacancy, &c.chart, &report, Lang::Chinese).expect("colours");
    assert_eq!(zh.legend[2].label, "空缺 · 1");
}
