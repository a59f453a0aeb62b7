//! The chart as a PowerPoint deck of native shapes, so a typo can be fixed and a box
//! moved in PowerPoint, Keynote or LibreOffice.
//!
//! - Each card is a group: a rounded rectangle with its title and holder (or the
//!   vacancy marker), the unit colour's band, the headcount badge, styled from
//!   [`CARD_SPEC`](crate::layout::CARD_SPEC) as the canvas and the SVG are.
//! - Reporting lines are elbow connectors glued to the cards' connection sites.
//! - Every run names a Latin and an East Asian typeface, Chinese runs say `zh-CN`.
//! - A chart too big for one slide at a readable size (no text under 9 pt) is split by
//!   [`page::plan`](crate::export::page::plan) into an overview and one slide per unit,
//!   all at one scale, each unit slide headed by its breadcrumb; a card where the chart
//!   continues on another slide links to it.
//! - Duties go into each slide's speaker notes; with `--duties` every post also gets a
//!   handout slide of its duties (the chart slides' cards stay small).

mod card;
mod connector;
mod handout;
mod lines;
mod notes;
mod package;
mod parts;
mod slide;
mod text;

use crate::export::page::plan::{plan, smallest_card_text, READABLE_PT};
use crate::export::page::{Drawing, PagePlan, PlanRules};
use crate::export::{ExportError, ExportOptions};
use crate::i18n::{tr_args, Arg};
use crate::layout::{layout_chart, CardStyle, ChartLayout};
use crate::model::Chart;

pub use package::{SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU};
pub use slide::{SLIDE_HEIGHT_PT, SLIDE_WIDTH_PT};
pub use text::{EAST_ASIAN_TYPEFACE, LATIN_TYPEFACE};

/// The most points per chart unit: a small chart's title text is 14 pt at most.
const MAX_SCALE: f32 = 1.0;
/// Room kept around a page's cards for strokes and badges, in chart units.
const SLACK: f32 = 8.0;

/// The deck's card style: the export's, without duties on the cards (they are in the
/// notes, and with `show_duties` on handout slides).
pub fn deck_style(style: &CardStyle) -> CardStyle {
    CardStyle {
        show_duties: false,
        ..style.clone()
    }
}

/// The slides of `chart` laid out as `layout` (in [`deck_style`]): the plan the deck
/// follows.
pub fn deck_plan(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
) -> Result<PagePlan, ExportError> {
    let footer = options.footer.is_some();
    let fit = |drawing: &Drawing| {
        let room = slide::content_room(drawing.heading.is_some(), footer);
        [
            room.width / (drawing.bounds.width + SLACK),
            room.height / (drawing.bounds.height + SLACK),
        ]
    };
    let style = deck_style(&options.style);
    let link_extra_height = style.holder_px * style.line_height + 2.0;
    // Room for the longest link line: many posts, a slide far into the deck.
    let longest = link_words(options.lang, 9_999, 999);
    let link_min_width =
        crate::fonts::text_width(&longest, style.holder_px) + 2.0 * style.padding_x + 2.0;
    let rules = PlanRules {
        min_scale: READABLE_PT / smallest_card_text(&style, false),
        max_scale: MAX_SCALE,
        always_split: false,
        fit: &fit,
        style: &style,
        layout: &options.layout,
        link_extra_height,
        link_min_width,
        heading: slide::crumb_room(),
    };
    plan(chart, layout, options, &rules)
}

/// A link card's line: how many posts are below it and the slide they are on.
fn link_words(lang: crate::i18n::Lang, posts: usize, slide: usize) -> String {
    tr_args(
        lang,
        "deck-link",
        &[
            ("posts", Arg::Number(posts as f64)),
            ("slide", Arg::Number(slide as f64)),
        ],
    )
}

/// The deck for `chart` as the bytes of a .pptx file.
pub fn pptx(chart: &Chart, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let deck = ExportOptions {
        style: deck_style(&options.style),
        ..options.clone()
    };
    let layout = layout_chart(chart, &deck.style, &deck.layout);
    let plan = deck_plan(chart, &layout, &deck)?;
    let lang = deck.lang;
    let link_words = |posts: usize, slide: usize| link_words(lang, posts, slide);
    let mut slides: Vec<slide::Slide> = plan
        .pages
        .iter()
        .map(|page| {
            slide::chart_slide(&slide::ChartPage {
                chart,
                layout: &layout,
                page,
                first_slide: 1,
                options: &deck,
                link_words: &link_words,
            })
        })
        .collect();
    if options.style.show_duties {
        slides.extend(handout::handouts(chart, &layout, &deck));
    }
    package::package(chart.title(), &slides, &deck)
}
