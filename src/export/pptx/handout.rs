//! Handout slides (`--duties`): one per post with duties, its title above, where it sits
//! and who holds it, then its duties as a bulleted list, continued on a second slide
//! when they are too many to read on one.

use std::fmt::Write;

use crate::export::page::breadcrumb;
use crate::export::page::plan::heading_within;
use crate::export::{ExportOptions, Scope};
use crate::fonts::text_width;
use crate::i18n::{tr, tr_args, Arg};
use crate::layout::ChartLayout;
use crate::model::{Chart, Node};

use super::slide::{content_room, crumb_room, header, slide_start, Slide, SLIDE_END};
use super::text::{body_properties, emu, paragraph, Para, Run};

/// Text sizes tried for the duties, largest first; the last is the smallest used.
const SIZES_PT: [f32; 6] = [18.0, 16.0, 14.0, 12.0, 11.0, 10.0];
/// Line height as a multiple of the text size (PowerPoint's single spacing).
const LINE: f32 = 1.2;
/// Space before each paragraph, in points.
const BEFORE_PT: f32 = 6.0;
/// The bullet's hanging margin, in points.
const BULLET_PT: f32 = 18.0;
/// Points per chart unit (CSS pixel), to measure with the card font.
const PT_PER_PX: f32 = 0.75;

/// The handout slides of every post in `layout` that has duties, in tree order.
pub fn handouts(chart: &Chart, layout: &ChartLayout, options: &ExportOptions) -> Vec<Slide> {
    let mut slides = Vec::new();
    let in_scope = |id| match options.scope {
        Scope::Whole => true,
        Scope::Subtree(root) => chart.is_in_subtree(id, root),
    };
    for card in layout.cards.iter().filter(|card| in_scope(card.id)) {
        let Some(node) = chart
            .node(card.id)
            .filter(|node| node.kind.is_post() && !node.duties.is_empty())
        else {
            continue;
        };
        let mut path = breadcrumb(chart, card.id);
        path.pop();
        for (part, duties) in pages_of(&node.duties, options).into_iter().enumerate() {
            slides.push(handout(node, &path, duties, part, options));
        }
    }
    slides
}

/// The height `duties` take at `size_pt` in a column `width_pt` wide, with the two lines
/// above them.
fn height_of(duties: &[String], size_pt: f32, width_pt: f32) -> f32 {
    let width_px = (width_pt - BULLET_PT) / PT_PER_PX;
    let px = size_pt / PT_PER_PX;
    let lines: f32 = duties
        .iter()
        .map(|duty| (text_width(duty, px) / width_px).ceil().max(1.0))
        .sum();
    (lines + 2.0) * size_pt * LINE + (duties.len() as f32 + 2.0) * BEFORE_PT
}

/// The duties split into slides, each with the text size it is set in.
fn pages_of<'a>(duties: &'a [String], options: &ExportOptions) -> Vec<(&'a [String], f32)> {
    let room = content_room(true, options.footer.is_some());
    let fits = |part: &[String], size: f32| height_of(part, size, room.width) <= room.height;
    if let Some(&size) = SIZES_PT.iter().find(|&&size| fits(duties, size)) {
        return vec![(duties, size)];
    }
    let smallest = SIZES_PT[SIZES_PT.len() - 1];
    let mut pages = Vec::new();
    let mut from = 0;
    while from < duties.len() {
        let mut to = from + 1;
        while to < duties.len() && fits(&duties[from..=to], smallest) {
            to += 1;
        }
        pages.push((&duties[from..to], smallest));
        from = to;
    }
    pages
}

/// One handout slide: part `part` (from 0) of a post's duties.
fn handout(
    node: &Node,
    path: &[String],
    (duties, size_pt): (&[String], f32),
    part: usize,
    options: &ExportOptions,
) -> Slide {
    let lang = options.lang;
    let palette = &options.palette;
    let title = if part == 0 {
        node.title.clone()
    } else {
        tr_args(
            lang,
            "deck-continued",
            &[("title", Arg::Text(node.title.as_str().into()))],
        )
    };
    let mut out = slide_start(palette.page_background);
    let crumb = (!path.is_empty()).then(|| heading_within(path, crumb_room()));
    header(&mut out, &title, crumb.as_deref(), options);
    let room = content_room(true, options.footer.is_some());
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="5" name="Duties"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm></p:spPr><p:txBody>{}"#,
        emu(room.x),
        emu(room.y),
        emu(room.width),
        emu(room.height),
        body_properties([0.0; 4], "t", true)
    );
    let holder = match &node.holder {
        Some(name) => tr_args(
            lang,
            "deck-holder",
            &[("name", Arg::Text(name.as_str().into()))],
        ),
        None => tr(lang, "deck-vacant"),
    };
    let colour = if node.holder.is_some() {
        palette.holder
    } else {
        palette.vacant
    };
    let plain = Para {
        before_pt: BEFORE_PT,
        ..Para::default()
    };
    paragraph(&mut out, plain, &[Run::new(&holder, size_pt, colour)]);
    let heading = tr(lang, "deck-duties");
    let heading_run = Run {
        bold: true,
        ..Run::new(&heading, size_pt, palette.title)
    };
    paragraph(&mut out, plain, &[heading_run]);
    let bulleted = Para {
        bullet_pt: Some(BULLET_PT),
        ..plain
    };
    for duty in duties {
        paragraph(
            &mut out,
            bulleted,
            &[Run::new(duty, size_pt, palette.title)],
        );
    }
    out.push_str("</p:txBody></p:sp>");
    out.push_str(SLIDE_END);
    Slide {
        xml: out,
        jumps: Vec::new(),
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_duties_go_on_more_slides_and_few_stay_large() {
        let options = ExportOptions::default();
        let few = vec!["Plan the quarter".to_owned(); 3];
        assert_eq!(pages_of(&few, &options), vec![(few.as_slice(), 18.0)]);
        let many = vec![
            "负责区域市场招商策略的拟定和市场规划以及渠道销售网络的建立".to_owned();
            60
        ];
        let pages = pages_of(&many, &options);
        assert!(pages.len() >= 2, "{}", pages.len());
        assert_eq!(pages.iter().map(|(part, _)| part.len()).sum::<usize>(), 60);
        assert!(pages.iter().all(|&(_, size)| size >= 10.0));
    }
}
