//! A card as PowerPoint shapes, grouped so it drags as one: a rounded rectangle holding
//! the title and the holder (or the vacancy marker), the unit colour's band on top (a
//! bar on the left of an assistant), the headcount badge and the "+N" of a folded card.
//! The look is the SVG's ([`crate::export::svg`]), from [`CARD_SPEC`].

use std::fmt::Write;

use crate::fonts::text_width;
use crate::layout::{CardText, LineRole, RectInChart, CARD_SPEC};
use crate::model::NodeKind;
use crate::theme::{Palette, Rgb};

use super::text::{body_properties, emu, paragraph, solid_fill, Align, Para, Run};

/// The ids a card takes on its slide: the group, then the card, the band, the badge
/// and the fold badge.
pub const IDS_PER_CARD: u32 = 5;

/// The line a link card adds: where its subtree continues.
#[derive(Clone, Debug)]
pub struct LinkLine {
    /// The words ("→ slide 5").
    pub text: String,
    /// The relationship id of the target slide.
    pub rel: String,
}

/// One card to draw.
pub struct CardDraw<'a> {
    /// The card's first id; the group takes it, the card shape the next.
    pub first_id: u32,
    /// The shapes' name: "Card 12: 销售部".
    pub name: String,
    /// What kind of node.
    pub kind: NodeKind,
    /// The card's rectangle on the slide, in points.
    pub rect: RectInChart,
    /// Its text, measured in chart units.
    pub text: &'a CardText,
    /// The unit colour.
    pub band: Rgb,
    /// How many cards its fold hides.
    pub hidden: usize,
    /// Where a link card's subtree continues.
    pub link: Option<LinkLine>,
    /// Points per chart unit.
    pub scale: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Height of the colour band, in chart units.
    pub band_height: f32,
    /// Colours.
    pub palette: &'a Palette,
}

/// The smallest text drawn, in points.
pub const SMALLEST_PT: f32 = crate::export::page::plan::READABLE_PT;

/// `<a:xfrm>` of a rectangle in points.
fn xfrm(rect: RectInChart) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(rect.x),
        emu(rect.y),
        emu(rect.width).max(1),
        emu(rect.height).max(1)
    )
}

/// `<p:nvSpPr>` of shape `id` called `name`, with a click that jumps to `jump`.
fn non_visual(id: u32, name: &str, jump: Option<&str>) -> String {
    let name = crate::export::svg::escape(name);
    let jump = jump.map_or_else(String::new, |rel| {
        format!(r#"<a:hlinkClick r:id="{rel}" action="ppaction://hlinksldjump"/>"#)
    });
    let open = if jump.is_empty() {
        format!(r#"<p:cNvPr id="{id}" name="{name}"/>"#)
    } else {
        format!(r#"<p:cNvPr id="{id}" name="{name}">{jump}</p:cNvPr>"#)
    };
    format!("<p:nvSpPr>{open}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>")
}

/// `<a:ln>` of `width_pt`, `colour`, dashed or not.
fn line(width_pt: f32, colour: Rgb, dashed: bool) -> String {
    format!(
        r#"<a:ln w="{}">{}{}</a:ln>"#,
        emu(width_pt),
        solid_fill(colour),
        if dashed {
            r#"<a:prstDash val="dash"/>"#
        } else {
            ""
        }
    )
}

/// A rounded rectangle's corner as `roundRect`'s adjust value for a box `rect`.
fn corner_adjust(radius: f32, rect: RectInChart) -> i64 {
    let shorter = rect.width.min(rect.height).max(0.01);
    ((radius / shorter * 100_000.0).round() as i64).clamp(0, 50_000)
}

/// Writes the card's group.
pub fn card_xml(out: &mut String, card: &CardDraw<'_>) {
    let spec = &CARD_SPEC;
    let colours = spec.colours(card.kind, card.band, card.palette);
    let id = card.first_id;
    let rect = card.rect;
    let _ = write!(
        out,
        r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>"#,
        crate::export::svg::escape(&card.name)
    );
    // The group's children are placed in slide coordinates: its child box is its box.
    let group = card_extent(card);
    let (x, y, cx, cy) = (
        emu(group.x),
        emu(group.y),
        emu(group.width).max(1),
        emu(group.height).max(1),
    );
    let _ = write!(
        out,
        r#"<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="{x}" y="{y}"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></p:grpSpPr>"#
    );
    let _ = write!(
        out,
        r#"<p:sp>{}<p:spPr>{}<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val {}"/></a:avLst></a:prstGeom>{}{}</p:spPr>"#,
        non_visual(
            id + 1,
            &card.name,
            card.link.as_ref().map(|l| l.rel.as_str())
        ),
        xfrm(rect),
        corner_adjust(spec.corner_radius * card.scale, rect),
        solid_fill(colours.fill),
        line(
            spec.border_width(card.kind) * card.scale,
            colours.border,
            spec.border_dash(card.kind).is_some()
        )
    );
    card_text_xml(out, card);
    out.push_str("</p:sp>");
    band_xml(out, card, colours.band);
    badge_xml(out, card);
    fold_xml(out, card);
    out.push_str("</p:grpSp>");
}

/// The group's box: the card and the fold badge hanging below it.
fn card_extent(card: &CardDraw<'_>) -> RectInChart {
    match fold_pill(card) {
        Some((pill, _, _)) => card.rect.union(&pill),
        None => card.rect,
    }
}

/// The card's text: title lines, then the holder or vacancy line, then a link's line.
fn card_text_xml(out: &mut String, card: &CardDraw<'_>) {
    let scale = card.scale;
    let spec = &CARD_SPEC;
    let palette = card.palette;
    let first_top = card.text.lines.first().map_or(0.0, |line| line.offset[1]);
    let left = card.text.lines.first().map_or(0.0, |line| line.offset[0]);
    // Centred between the band and the bottom edge, where the layout put it (its
    // padding is the same above and below): a renderer whose lines sit a little higher
    // or lower in their exact line height still keeps the text inside the card.
    let band = card.band_height * scale;
    out.push_str("<p:txBody>");
    out.push_str(&body_properties(
        [left * scale, band, 0.0, 0.0],
        "ctr",
        false,
    ));
    let mut bottom = first_top;
    let mut holder_size = None;
    for text_line in &card.text.lines {
        if matches!(text_line.role, LineRole::Badge | LineRole::Duty { .. }) {
            continue;
        }
        let size_pt = (text_line.font_px * scale).max(SMALLEST_PT);
        let line_pt = text_line.font_px * card.line_height * scale;
        let before = (text_line.offset[1] - bottom).max(0.0) * scale;
        bottom = text_line.offset[1] + text_line.font_px * card.line_height;
        if text_line.role != LineRole::Title {
            holder_size = Some(size_pt);
        }
        let run = Run::new(&text_line.text, size_pt, spec.ink(text_line.role, palette));
        let para = Para {
            line_pt: Some(line_pt),
            before_pt: before,
            ..Para::default()
        };
        paragraph(out, para, &[run]);
    }
    if let Some(link) = &card.link {
        let size_pt = holder_size.unwrap_or(SMALLEST_PT);
        let run = Run {
            underline: true,
            jump: Some(&link.rel),
            ..Run::new(&link.text, size_pt, palette.moved)
        };
        let para = Para {
            line_pt: Some(size_pt * card.line_height),
            before_pt: 2.0 * scale,
            ..Para::default()
        };
        paragraph(out, para, &[run]);
    }
    out.push_str("</p:txBody>");
}

/// The unit colour: a band over the top of a post, a bar down the left of an assistant,
/// drawn as the SVG draws it (rounded where the card is).
fn band_xml(out: &mut String, card: &CardDraw<'_>, colour: Rgb) {
    let scale = card.scale;
    let radius = CARD_SPEC.corner_radius * scale;
    let band = card.band_height * scale;
    let RectInChart {
        x,
        y,
        width,
        height,
        ..
    } = card.rect;
    let deep = band.max(radius);
    let (rect, path) = match card.kind {
        NodeKind::Position => {
            let rect = RectInChart {
                x,
                y,
                width,
                height: deep,
            };
            let (w, r, b) = (emu(width), emu(radius), emu(band));
            let path = format!(
                r#"<a:moveTo><a:pt x="0" y="{r}"/></a:moveTo><a:arcTo wR="{r}" hR="{r}" stAng="10800000" swAng="5400000"/><a:lnTo><a:pt x="{}" y="0"/></a:lnTo><a:arcTo wR="{r}" hR="{r}" stAng="16200000" swAng="5400000"/><a:lnTo><a:pt x="{w}" y="{b}"/></a:lnTo><a:lnTo><a:pt x="0" y="{b}"/></a:lnTo><a:close/>"#,
                w - r
            );
            (rect, path)
        }
        NodeKind::Assistant => {
            let rect = RectInChart {
                x,
                y,
                width: deep,
                height,
            };
            let (h, r, b) = (emu(height), emu(radius), emu(band));
            let path = format!(
                r#"<a:moveTo><a:pt x="{r}" y="0"/></a:moveTo><a:lnTo><a:pt x="{b}" y="0"/></a:lnTo><a:lnTo><a:pt x="{b}" y="{h}"/></a:lnTo><a:lnTo><a:pt x="{r}" y="{h}"/></a:lnTo><a:arcTo wR="{r}" hR="{r}" stAng="5400000" swAng="5400000"/><a:lnTo><a:pt x="0" y="{r}"/></a:lnTo><a:arcTo wR="{r}" hR="{r}" stAng="10800000" swAng="5400000"/><a:close/>"#
            );
            (rect, path)
        }
        NodeKind::Unit => return,
    };
    let _ = write!(
        out,
        r#"<p:sp>{}<p:spPr>{}<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{}" h="{}">{path}</a:path></a:pathLst></a:custGeom>{}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#,
        non_visual(card.first_id + 2, "Band", None),
        xfrm(rect),
        emu(rect.width).max(1),
        emu(rect.height).max(1),
        solid_fill(colour)
    );
}

/// A pill with centred text.
fn pill_xml(out: &mut String, id: u32, name: &str, rect: RectInChart, fill: Rgb, run: Run<'_>) {
    let _ = write!(
        out,
        r#"<p:sp>{}<p:spPr>{}<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 50000"/></a:avLst></a:prstGeom>{}<a:ln><a:noFill/></a:ln></p:spPr><p:txBody>{}"#,
        non_visual(id, name, None),
        xfrm(rect),
        solid_fill(fill),
        body_properties([0.0; 4], "ctr", false)
    );
    paragraph(
        out,
        Para {
            align: Align::Centre,
            ..Para::default()
        },
        &[run],
    );
    out.push_str("</p:txBody></p:sp>");
}

/// The headcount badge ("×5") at the right of the holder line.
fn badge_xml(out: &mut String, card: &CardDraw<'_>) {
    let Some(badge) = card
        .text
        .lines
        .iter()
        .find(|line| line.role == LineRole::Badge)
    else {
        return;
    };
    let scale = card.scale;
    let [x, y, w, h] = CARD_SPEC.badge_pill(
        badge.offset[0],
        badge.offset[1],
        text_width(&badge.text, badge.font_px),
        badge.font_px * card.line_height,
    );
    let rect = RectInChart {
        x: card.rect.x + x * scale,
        y: card.rect.y + y * scale,
        width: w * scale,
        height: h * scale,
    };
    let size_pt = (badge.font_px * scale).max(SMALLEST_PT);
    let run = Run::new(
        &badge.text,
        size_pt,
        CARD_SPEC.ink(LineRole::Badge, card.palette),
    );
    pill_xml(
        out,
        card.first_id + 3,
        "Headcount",
        rect,
        card.palette.badge_fill,
        run,
    );
}

/// The fold badge's pill on the slide, its label and its text size in points.
fn fold_pill(card: &CardDraw<'_>) -> Option<(RectInChart, String, f32)> {
    // A link says how many more cards its slide has in its own line.
    if card.hidden == 0 || card.link.is_some() {
        return None;
    }
    let spec = &CARD_SPEC;
    let scale = card.scale;
    let label = format!("+{}", card.hidden);
    // In chart units, enlarged so the text is never under the smallest size.
    let px = spec.fold_badge_px.max(SMALLEST_PT / scale);
    let height = spec.fold_badge_height.max(px * 1.3);
    let width = text_width(&label, px) + 2.0 * spec.fold_badge_padding_x;
    let centre = card.rect.x + card.rect.width / 2.0;
    let rect = RectInChart {
        x: centre - width * scale / 2.0,
        y: card.rect.bottom() - height * scale / 2.0,
        width: width * scale,
        height: height * scale,
    };
    Some((rect, label, px * scale))
}

/// The "+N" badge on the bottom edge of a folded card.
fn fold_xml(out: &mut String, card: &CardDraw<'_>) {
    if let Some((rect, label, size_pt)) = fold_pill(card) {
        let run = Run::new(&label, size_pt, [0xff, 0xff, 0xff]);
        pill_xml(out, card.first_id + 4, "Folded", rect, card.band, run);
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::rgb;
    use super::*;

    #[test]
    fn corner_adjust_is_the_radius_over_the_shorter_side() {
        let rect = RectInChart {
            x: 0.0,
            y: 0.0,
            width: 100.0,
            height: 40.0,
        };
        assert_eq!(corner_adjust(4.0, rect), 10_000);
        assert_eq!(corner_adjust(400.0, rect), 50_000);
        assert_eq!(rgb([0x4e, 0x79, 0xa7]), "4E79A7");
    }
}
