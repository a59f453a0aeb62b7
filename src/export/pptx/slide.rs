//! A chart slide: the title placeholder, the breadcrumb of a unit slide, the reporting
//! lines as connectors and the cards, placed at the plan's scale.

use std::fmt::Write;

use crate::export::page::{HeadingRoom, PageKind, PlannedPage};
use crate::export::ExportOptions;
use crate::layout::{card_text, dotted_requests_into, ChartLayout, RectInChart};
use crate::model::{Chart, NodeId, NodeKind};

use super::card::{card_xml, CardDraw, LinkLine, IDS_PER_CARD};
use super::lines::{lines_xml, SlideLines};
use super::text::{body_properties, emu, paragraph, Align, Para, Run};

/// The slide's width in points (13.333 in: 16:9).
pub const SLIDE_WIDTH_PT: f32 = 960.0;
/// The slide's height in points (7.5 in).
pub const SLIDE_HEIGHT_PT: f32 = 540.0;
/// Space left and right of the chart.
const SIDE_PT: f32 = 24.0;
/// Space above the breadcrumb or title.
const TOP_PT: f32 = 10.0;
/// The breadcrumb's line.
const CRUMB_PT: f32 = 16.0;
/// The title's box.
const TITLE_PT: f32 = 30.0;
/// Between the title and the chart.
const GAP_PT: f32 = 6.0;
/// Below the chart.
const BOTTOM_PT: f32 = 12.0;
/// The footer's line, when there is a footer.
const FOOTER_PT: f32 = 12.0;
/// Text sizes of the title, the breadcrumb and the footer.
const TITLE_SIZE_PT: f32 = 20.0;
const CRUMB_SIZE_PT: f32 = 11.0;
const FOOTER_SIZE_PT: f32 = 9.0;
/// The first id the cards take; 2–4 are the title, breadcrumb and footer.
const FIRST_CARD_ID: u32 = 10;

/// One slide of the deck, ready to be packaged.
#[derive(Clone, Debug, Default)]
pub struct Slide {
    /// The slide part's XML.
    pub xml: String,
    /// The slides (numbered from 1) its links jump to: relationship `rId{3 + n}` is the
    /// n-th of them.
    pub jumps: Vec<usize>,
    /// The speaker notes, one paragraph each.
    pub notes: Vec<NoteLine>,
}

/// A paragraph of speaker notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteLine {
    /// The words.
    pub text: String,
    /// A heading (a post's title and holder), in bold.
    pub heading: bool,
}

/// The relationship id of a slide's `n`-th jump (from 0).
pub fn jump_rel(n: usize) -> String {
    format!("rId{}", n + 3)
}

/// How wide a breadcrumb may be: the slide's width, in chart units at the
/// breadcrumb's size (1 chart unit = 0.75 pt).
pub fn crumb_room() -> HeadingRoom {
    HeadingRoom {
        font_px: CRUMB_SIZE_PT / 0.75,
        width: (SLIDE_WIDTH_PT - 2.0 * SIDE_PT) / 0.75,
    }
}

/// The room for the chart on a slide, in points, with or without a breadcrumb and
/// a footer.
pub fn content_room(breadcrumb: bool, footer: bool) -> RectInChart {
    let y = TOP_PT + if breadcrumb { CRUMB_PT } else { 0.0 } + TITLE_PT + GAP_PT;
    let bottom = BOTTOM_PT + if footer { FOOTER_PT } else { 0.0 };
    RectInChart {
        x: SIDE_PT,
        y,
        width: SLIDE_WIDTH_PT - 2.0 * SIDE_PT,
        height: SLIDE_HEIGHT_PT - y - bottom,
    }
}

/// Chart units to slide points.
pub struct Place {
    origin: [f32; 2],
    offset: [f32; 2],
    /// Points per chart unit.
    pub scale: f32,
}

impl Place {
    /// A rectangle on the slide, in points.
    pub fn rect(&self, rect: RectInChart) -> RectInChart {
        RectInChart {
            x: self.offset[0] + (rect.x - self.origin[0]) * self.scale,
            y: self.offset[1] + (rect.y - self.origin[1]) * self.scale,
            width: rect.width * self.scale,
            height: rect.height * self.scale,
        }
    }

    /// A point on the slide, in points.
    pub fn point(&self, point: [f32; 2]) -> [f32; 2] {
        [
            self.offset[0] + (point[0] - self.origin[0]) * self.scale,
            self.offset[1] + (point[1] - self.origin[1]) * self.scale,
        ]
    }
}

/// The XML a slide starts with, up to its shape tree's first shape.
pub fn slide_start(background: crate::theme::Rgb) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:bg><p:bgPr>{}<a:effectLst/></p:bgPr></p:bg><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#,
        super::text::solid_fill(background)
    )
}

/// The XML a slide ends with.
pub const SLIDE_END: &str =
    r#"</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#;

/// A text box (not a placeholder) with one line.
fn text_box(
    out: &mut String,
    id: u32,
    name: &str,
    rect: RectInChart,
    runs: &[Run<'_>],
    right: bool,
) {
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>{}"#,
        emu(rect.x),
        emu(rect.y),
        emu(rect.width),
        emu(rect.height),
        body_properties([0.0; 4], "ctr", true)
    );
    let align = if right { Align::Right } else { Align::Left };
    paragraph(
        out,
        Para {
            align,
            ..Para::default()
        },
        runs,
    );
    out.push_str("</p:txBody></p:sp>");
}

/// The slide's title (the title placeholder), breadcrumb and footer. Returns the top of
/// the title.
pub fn header(out: &mut String, title: &str, breadcrumb: Option<&str>, options: &ExportOptions) {
    let palette = &options.palette;
    let width = SLIDE_WIDTH_PT - 2.0 * SIDE_PT;
    let mut top = TOP_PT;
    if let Some(text) = breadcrumb {
        let rect = RectInChart {
            x: SIDE_PT,
            y: top,
            width,
            height: CRUMB_PT,
        };
        text_box(
            out,
            3,
            "Breadcrumb",
            rect,
            &[Run::new(text, CRUMB_SIZE_PT, palette.caption)],
            false,
        );
        top += CRUMB_PT;
    }
    let title_run = Run {
        bold: true,
        ..Run::new(title, TITLE_SIZE_PT, palette.title)
    };
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm></p:spPr><p:txBody>{}"#,
        emu(SIDE_PT),
        emu(top),
        emu(width),
        emu(TITLE_PT),
        body_properties([0.0; 4], "ctr", true)
    );
    paragraph(out, Para::default(), &[title_run]);
    out.push_str("</p:txBody></p:sp>");
    if let Some(footer) = &options.footer {
        let rect = RectInChart {
            x: SIDE_PT,
            y: SLIDE_HEIGHT_PT - BOTTOM_PT / 2.0 - FOOTER_PT,
            width,
            height: FOOTER_PT,
        };
        text_box(
            out,
            4,
            "Footer",
            rect,
            &[Run::new(footer, FOOTER_SIZE_PT, palette.caption)],
            true,
        );
    }
}

/// What a chart slide draws from.
pub struct ChartPage<'a> {
    /// The chart exported.
    pub chart: &'a Chart,
    /// Its layout.
    pub layout: &'a ChartLayout,
    /// The planned page.
    pub page: &'a PlannedPage,
    /// The slide numbers of the plan's pages (the slide of page n is `n + 1`).
    pub first_slide: usize,
    /// The export's options (the deck's card style).
    pub options: &'a ExportOptions,
    /// The words of a link ("12 posts → slide 5") for a number of posts and a slide.
    pub link_words: &'a dyn Fn(usize, usize) -> String,
}

/// A chart slide's title: the chart's (or the export's) on the overview, the subject's
/// on a unit slide.
fn slide_title(page: &ChartPage<'_>) -> String {
    let planned = page.page;
    match planned.kind {
        PageKind::Part(subject) => planned
            .chart(page.chart)
            .node(subject)
            .map_or_else(String::new, |node| node.title.clone()),
        PageKind::Whole | PageKind::Overview => chart_title(page),
        PageKind::Continued(subject) => crate::i18n::tr_args(
            page.options.lang,
            "deck-continued",
            &[(
                "title",
                crate::i18n::Arg::Text(
                    page.chart
                        .node(subject)
                        .map_or_else(String::new, |node| node.title.clone())
                        .into(),
                ),
            )],
        ),
        PageKind::Group(above) => {
            let title = above
                .and_then(|subject| page.chart.node(subject))
                .map_or_else(|| chart_title(page), |node| node.title.clone());
            crate::i18n::tr_args(
                page.options.lang,
                "deck-continued",
                &[("title", crate::i18n::Arg::Text(title.into()))],
            )
        }
    }
}

/// The chart's title, or the one the export was given.
fn chart_title(page: &ChartPage<'_>) -> String {
    page.options
        .title
        .clone()
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| page.chart.title().to_owned())
}

/// The slide of one planned page.
pub fn chart_slide(page: &ChartPage<'_>) -> Slide {
    let planned = page.page;
    let chart = planned.chart(page.chart);
    let layout = planned.layout(page.layout);
    let options = page.options;
    let title = slide_title(page);
    let mut out = slide_start(options.palette.page_background);
    header(
        &mut out,
        &title,
        planned.drawing.heading.as_deref(),
        options,
    );
    let drawing = &planned.drawing;
    let room = content_room(drawing.heading.is_some(), options.footer.is_some());
    let scale = planned.scale;
    let place = Place {
        origin: [drawing.bounds.x, drawing.bounds.y],
        offset: [
            room.x + ((room.width - drawing.bounds.width * scale) / 2.0).max(0.0),
            room.y,
        ],
        scale,
    };
    // Cards in layout order, each with its block of ids.
    let cards: Vec<NodeId> = layout
        .cards
        .iter()
        .map(|card| card.id)
        .filter(|id| drawing.cards.contains(id))
        .collect();
    let first_id = |at: usize| FIRST_CARD_ID + at as u32 * IDS_PER_CARD;
    let ids: rustc_hash::FxHashMap<NodeId, u32> = cards
        .iter()
        .enumerate()
        .map(|(at, &id)| (id, first_id(at) + 1))
        .collect();
    let shown: Vec<NodeId> = cards
        .iter()
        .copied()
        .filter(|&id| planned.link_of(id).is_none())
        .collect();
    // A page cut from the chart has its dotted lines from the plan; a slide of the whole
    // chart takes its own.
    let own_requests;
    let requests = match &drawing.dotted {
        Some(requests) => requests.as_slice(),
        None => {
            own_requests = dotted_requests_into(page.chart, shown.iter().copied());
            own_requests.as_slice()
        }
    };
    let lines = SlideLines {
        chart,
        requests,
        layout,
        ids: &ids,
        cards: &shown,
        place: &place,
        options,
    };
    lines_xml(&mut out, &lines, &drawing.connectors, first_id(cards.len()));
    let jumps = cards_xml(&mut out, page, &cards, &place);
    out.push_str(SLIDE_END);
    let notes = notes_of(chart, &cards, planned, options);
    Slide {
        xml: out,
        jumps,
        notes,
    }
}

/// The cards of a page, in layout order, each group's ids from its block; returns the
/// slides the page's links jump to.
fn cards_xml(
    out: &mut String,
    page: &ChartPage<'_>,
    cards: &[NodeId],
    place: &Place,
) -> Vec<usize> {
    let planned = page.page;
    let chart = planned.chart(page.chart);
    let layout = planned.layout(page.layout);
    let options = page.options;
    let scale = place.scale;
    let first_id = |at: usize| FIRST_CARD_ID + at as u32 * IDS_PER_CARD;
    let mut jumps = Vec::new();
    for (at, &id) in cards.iter().enumerate() {
        let Some(node) = chart.node(id) else { continue };
        let Some(rect) = layout.rect(id) else {
            continue;
        };
        let target = planned
            .link_of(id)
            .and_then(|t| page.first_slide.checked_add(t));
        let link = target.map(|slide| {
            jumps.push(slide);
            LinkLine {
                text: (page.link_words)(posts_below(page.chart, id), slide),
                rel: super::slide::jump_rel(jumps.len() - 1),
            }
        });
        let name = match &link {
            Some(_) => format!("Link {}: {}", id.0, node.title),
            None => format!("Card {}: {}", id.0, node.title),
        };
        let coloured = options
            .colouring
            .as_deref()
            .and_then(|c| c.colours.get(id).copied());
        let hidden = if node.collapsed {
            chart.subtree(id).count() - 1
        } else {
            0
        };
        let text = card_text(node, &options.style);
        card_xml(
            out,
            &CardDraw {
                first_id: first_id(at),
                name,
                kind: node.kind,
                rect: place.rect(rect),
                text: &text,
                band: options.palette.band(coloured.or(chart.colour_of(id))),
                hidden,
                link,
                scale,
                line_height: options.style.line_height,
                band_height: options.style.band_height,
                palette: &options.palette,
            },
        );
    }
    jumps
}

/// How many posts are below `id`.
fn posts_below(chart: &Chart, id: NodeId) -> usize {
    chart
        .subtree(id)
        .skip(1)
        .filter(|&below| chart.node(below).is_some_and(|n| n.kind.is_post()))
        .count()
}

/// The speaker notes of a page: each card's duties (a link's are on its own slide), in
/// the order the cards are laid out.
fn notes_of(
    chart: &Chart,
    cards: &[NodeId],
    planned: &PlannedPage,
    options: &ExportOptions,
) -> Vec<NoteLine> {
    let mut notes = Vec::new();
    for &id in cards {
        if planned.link_of(id).is_some() {
            continue;
        }
        let Some(node) = chart.node(id).filter(|node| !node.duties.is_empty()) else {
            continue;
        };
        let holder = match (&node.holder, node.kind) {
            (_, NodeKind::Unit) => None,
            (Some(name), _) => Some(name.clone()),
            (None, _) => Some(options.style.vacant_text.clone()),
        };
        let text = match holder {
            Some(holder) => format!("{} — {holder}", node.title),
            None => node.title.clone(),
        };
        if !notes.is_empty() {
            notes.push(NoteLine {
                text: String::new(),
                heading: false,
            });
        }
        notes.push(NoteLine {
            text,
            heading: true,
        });
        notes.extend(node.duties.iter().map(|duty| NoteLine {
            text: format!("• {duty}"),
            heading: false,
        }));
    }
    notes
}
