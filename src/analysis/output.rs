//! The analysis as `organigram report` writes it: JSON, and an Excel workbook with the
//! sheets Summary, Spans, Layers, Units, Shared duties and Similar posts.

use rust_xlsxwriter::Workbook;
use serde_json::{json, Value};

use super::structure::{band, BANDS, NARROW_SPAN, WIDE_SPAN};
use super::Report;
use crate::export::table::{add_sheet, Sheet};
use crate::export::ExportError;
use crate::model::{Chart, NodeId};

/// The most posts an entry of similar posts lists (it says how many there are): posts
/// with the same duties can number thousands in a generated chart.
pub const LISTED_POSTS: usize = 100;

fn title(chart: &Chart, id: NodeId) -> String {
    chart.node(id).map(|n| n.title.clone()).unwrap_or_default()
}

fn holder(chart: &Chart, id: NodeId) -> String {
    chart
        .node(id)
        .and_then(|n| n.holder.clone())
        .unwrap_or_default()
}

/// The report as `organigram report --json` writes it.
pub fn json(report: &Report, chart: &Chart) -> Value {
    let s = &report.summary;
    let ids = |list: &[NodeId]| list.iter().map(|id| id.0).collect::<Vec<_>>();
    let bands: serde_json::Map<String, Value> = BANDS
        .iter()
        .zip(report.spans.bands)
        .map(|(name, count)| ((*name).to_owned(), json!(count)))
        .collect();
    json!({
        "summary": {
            "posts": s.posts, "positions": s.positions, "assistants": s.assistants,
            "units": s.units, "headcount": s.headcount, "vacancies": s.vacancies,
            "managers": s.managers, "layers": s.layers, "mean_span": s.mean_span,
            "median_span": s.median_span, "narrow": s.narrow, "wide": s.wide,
            "duty_groups": s.duty_groups, "similar_posts": s.similar_posts,
            "duty_threshold": report.threshold,
        },
        "spans": { "bands": bands, "narrow": ids(&report.spans.narrow), "wide": ids(&report.spans.wide) },
        "layers": report.layers.iter().map(|l| json!({
            "layer": l.layer, "posts": l.posts, "headcount": l.headcount,
            "vacancies": l.vacancies, "managers": l.managers,
        })).collect::<Vec<_>>(),
        "units": report.units.iter().map(|u| json!({
            "id": u.id.0, "title": u.title, "parent_unit": u.parent_unit.map(|p| p.0),
            "posts": u.posts, "headcount": u.headcount, "vacancies": u.vacancies,
            "managers": u.managers, "depth": u.depth, "mean_span": u.mean_span,
            "max_span": u.max_span, "narrow": u.narrow, "wide": u.wide,
        })).collect::<Vec<_>>(),
        "duty_overlap": report.duty_groups.iter().map(|g| json!({
            "similarity": g.similarity,
            "posts": g.uses.iter().map(|u| json!({
                "id": u.post.0, "title": title(chart, u.post), "duty": u.text,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "similar_posts": report.similar_posts.iter().map(|p| json!({
            "similarity": p.similarity, "shared": p.shared, "count": p.posts.len(),
            "posts": p.posts.iter().take(LISTED_POSTS).map(|&id| json!({
                "id": id.0, "title": title(chart, id),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The report as an .xlsx workbook.
pub fn xlsx(report: &Report, chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    summary_sheet(&mut book, report)?;
    spans_sheet(&mut book, report, chart)?;
    layers_sheet(&mut book, report)?;
    units_sheet(&mut book, report, chart)?;
    duties_sheet(&mut book, report, chart)?;
    similar_sheet(&mut book, report, chart)?;
    book.save_to_buffer()
        .map_err(|error| ExportError::Render(error.to_string()))
}

fn numbered(at: usize) -> String {
    format!("row {}", at + 2)
}

fn summary_sheet(book: &mut Workbook, report: &Report) -> Result<(), ExportError> {
    let s = &report.summary;
    let mut rows: Vec<[String; 2]> = vec![
        ["Posts".into(), s.posts.to_string()],
        ["Positions".into(), s.positions.to_string()],
        ["Assistants".into(), s.assistants.to_string()],
        ["Units".into(), s.units.to_string()],
        ["Headcount".into(), s.headcount.to_string()],
        ["Vacancies".into(), s.vacancies.to_string()],
        ["Managers".into(), s.managers.to_string()],
        ["Layers".into(), s.layers.to_string()],
        ["Mean span".into(), format!("{:.2}", s.mean_span)],
        ["Median span".into(), format!("{:.1}", s.median_span)],
        ["Narrow managers (span 1)".into(), s.narrow.to_string()],
        ["Wide managers (span 13+)".into(), s.wide.to_string()],
        ["Groups of shared duties".into(), s.duty_groups.to_string()],
        ["Similar posts".into(), s.similar_posts.to_string()],
    ];
    for (name, count) in BANDS.iter().zip(report.spans.bands) {
        rows.push([format!("Managers with span {name}"), count.to_string()]);
    }
    let look = Sheet {
        name: "Summary",
        columns: &["figure", "value"],
        widths: &[30.0, 12.0],
        numbers: &[1],
        wrapped_from: 2,
    };
    add_sheet(book, &look, rows.into_iter(), numbered)
}

fn spans_sheet(book: &mut Workbook, report: &Report, chart: &Chart) -> Result<(), ExportError> {
    let rows = report.post_order.iter().filter_map(|&id| {
        let facts = report.posts.get(id).filter(|f| f.span > 0)?;
        let flag = if facts.span <= NARROW_SPAN {
            "narrow"
        } else if facts.span >= WIDE_SPAN {
            "wide"
        } else {
            ""
        };
        let unit = chart
            .unit_of(id)
            .map(|u| title(chart, u))
            .unwrap_or_default();
        Some([
            id.0.to_string(),
            title(chart, id),
            holder(chart, id),
            unit,
            facts.layer.to_string(),
            facts.span.to_string(),
            facts.assistants.to_string(),
            BANDS[band(facts.span)].to_owned(),
            flag.to_owned(),
        ])
    });
    let look = Sheet {
        name: "Spans",
        columns: &[
            "id",
            "title",
            "holder",
            "unit",
            "layer",
            "span",
            "assistants",
            "band",
            "flag",
        ],
        widths: &[8.0, 26.0, 14.0, 20.0, 7.0, 7.0, 10.0, 8.0, 8.0],
        numbers: &[0, 4, 5, 6],
        wrapped_from: 9,
    };
    add_sheet(book, &look, rows, numbered)
}

fn layers_sheet(book: &mut Workbook, report: &Report) -> Result<(), ExportError> {
    let rows = report.layers.iter().map(|l| {
        [
            l.layer.to_string(),
            l.posts.to_string(),
            l.headcount.to_string(),
            l.vacancies.to_string(),
            l.managers.to_string(),
        ]
    });
    let look = Sheet {
        name: "Layers",
        columns: &["layer", "posts", "headcount", "vacancies", "managers"],
        widths: &[8.0, 10.0, 11.0, 11.0, 10.0],
        numbers: &[0, 1, 2, 3, 4],
        wrapped_from: 5,
    };
    add_sheet(book, &look, rows, numbered)
}

fn units_sheet(book: &mut Workbook, report: &Report, chart: &Chart) -> Result<(), ExportError> {
    let rows = report.units.iter().map(|u| {
        [
            u.id.0.to_string(),
            u.title.clone(),
            u.parent_unit.map(|p| title(chart, p)).unwrap_or_default(),
            u.posts.to_string(),
            u.headcount.to_string(),
            u.vacancies.to_string(),
            u.managers.to_string(),
            u.depth.to_string(),
            format!("{:.2}", u.mean_span),
            u.max_span.to_string(),
            u.narrow.to_string(),
            u.wide.to_string(),
        ]
    });
    let look = Sheet {
        name: "Units",
        columns: &[
            "id",
            "unit",
            "in unit",
            "posts",
            "headcount",
            "vacancies",
            "managers",
            "depth",
            "mean span",
            "max span",
            "narrow",
            "wide",
        ],
        widths: &[
            8.0, 22.0, 22.0, 8.0, 10.0, 10.0, 10.0, 7.0, 10.0, 9.0, 8.0, 8.0,
        ],
        numbers: &[0, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        wrapped_from: 12,
    };
    add_sheet(book, &look, rows, numbered)
}

fn duties_sheet(book: &mut Workbook, report: &Report, chart: &Chart) -> Result<(), ExportError> {
    let rows = report
        .duty_groups
        .iter()
        .enumerate()
        .flat_map(|(at, group)| {
            group.uses.iter().map(move |duty| {
                [
                    (at + 1).to_string(),
                    format!("{:.2}", group.similarity),
                    duty.post.0.to_string(),
                    title(chart, duty.post),
                    holder(chart, duty.post),
                    duty.text.clone(),
                ]
            })
        });
    let look = Sheet {
        name: "Shared duties",
        columns: &["group", "similarity", "id", "title", "holder", "duty"],
        widths: &[7.0, 10.0, 8.0, 24.0, 14.0, 70.0],
        numbers: &[0, 1, 2],
        wrapped_from: 5,
    };
    add_sheet(book, &look, rows, numbered)
}

fn similar_sheet(book: &mut Workbook, report: &Report, chart: &Chart) -> Result<(), ExportError> {
    let rows = report
        .similar_posts
        .iter()
        .enumerate()
        .flat_map(|(at, entry)| {
            let listed = entry.posts.iter().take(LISTED_POSTS).map(move |&id| {
                [
                    (at + 1).to_string(),
                    format!("{:.2}", entry.similarity),
                    entry.shared.to_string(),
                    id.0.to_string(),
                    title(chart, id),
                    holder(chart, id),
                ]
            });
            let more = entry.posts.len().saturating_sub(LISTED_POSTS);
            let tail = (more > 0).then(|| {
                [
                    (at + 1).to_string(),
                    format!("{:.2}", entry.similarity),
                    entry.shared.to_string(),
                    String::new(),
                    format!("… and {more} more posts"),
                    String::new(),
                ]
            });
            listed.chain(tail)
        });
    let look = Sheet {
        name: "Similar posts",
        columns: &[
            "entry",
            "similarity",
            "shared duties",
            "id",
            "title",
            "holder",
        ],
        widths: &[7.0, 10.0, 13.0, 8.0, 26.0, 14.0],
        numbers: &[0, 1, 2, 3],
        wrapped_from: 6,
    };
    add_sheet(book, &look, rows, numbered)
}
