//! A comparison drawn on an export: each changed card outlined in its change's colour
//! with a tag (`new`, `from 大区销售经理`, `changed: holder`), each removed node as a
//! dashed, faded ghost card hanging from its old manager, and a legend with the counts.

use std::fmt::Write;

use crate::analysis::colour_by::CardColouring;
use crate::compare::{ChangeKind, ChangeMarks, Mark, MarkState};
use crate::fonts::{ascent_em, text_width};
use crate::i18n::{tr, Lang};
use crate::layout::{route, ChangeLook, ChartLayout, LinkKind, RectInChart, CARD_SPEC};
use crate::theme::{hex, mix, Palette, Rgb};

use super::page::Drawing;
use super::svg::{dash_attribute, shifted, text};
use super::svg_out::SvgOut;
use super::ExportOptions;

/// Font size of the legend.
const LEGEND_PX: f32 = 12.0;
/// Height of one legend line.
const LEGEND_LINE: f32 = 18.0;
/// Side of a legend swatch.
const SWATCH: f32 = 11.0;
/// The most removed nodes the legend names.
const LISTED_NAMES: usize = 8;

/// A legend's swatch: a filled square, or a dashed outline (removed).
#[derive(Clone, Copy)]
enum Swatch {
    Filled(Rgb),
    Dashed(Rgb),
}

/// A legend's lines, measured.
pub(super) struct Legend {
    items: Vec<(Swatch, String)>,
    caption: String,
    listed: Option<String>,
    /// Its width and height in chart units.
    pub(super) size: (f32, f32),
}

/// The legend of View ▸ Colour by: a swatch per colour, then what the colours show (in
/// the language the colouring was worded in).
pub(super) fn colour_legend(colouring: &CardColouring) -> Legend {
    let items = colouring
        .legend
        .iter()
        .map(|entry| {
            let c = entry.colour;
            (Swatch::Filled([c.r, c.g, c.b]), entry.label.clone())
        })
        .collect();
    measured(items, colouring.caption.clone(), None)
}

/// The legend for `changes`, worded in `lang`.
pub(super) fn legend(changes: &ChangeMarks, palette: &Palette, lang: Lang) -> Legend {
    let items: Vec<(Swatch, String)> = [
        (ChangeLook::Added, ChangeKind::Added, "legend-added"),
        (ChangeLook::Moved, ChangeKind::Moved, "legend-moved"),
        (ChangeLook::Changed, ChangeKind::Changed, "legend-changed"),
        (ChangeLook::Removed, ChangeKind::Removed, "legend-removed"),
    ]
    .into_iter()
    .map(|(look, kind, id)| {
        let colour = CARD_SPEC.change_colour(look, palette);
        let swatch = if look == ChangeLook::Removed {
            Swatch::Dashed(colour)
        } else {
            Swatch::Filled(colour)
        };
        let count = changes.count(kind).to_string();
        (swatch, crate::tr!(lang, id, count = count))
    })
    .collect();
    let caption = crate::tr!(
        lang,
        "legend-compared-with",
        base = changes.base_name.as_str()
    );
    let listed = (!changes.listed.is_empty()).then(|| {
        let names: Vec<&str> = changes
            .listed
            .iter()
            .take(LISTED_NAMES)
            .map(|l| l.label.as_str())
            .collect();
        let names = names.join(&tr(lang, "legend-list-separator"));
        match changes.listed.len().saturating_sub(LISTED_NAMES) {
            0 => crate::tr!(lang, "legend-listed", names = names),
            more => crate::tr!(
                lang,
                "legend-listed-more",
                names = names,
                more = more.to_string()
            ),
        }
    });
    measured(items, caption, listed)
}

/// A legend with its size worked out.
fn measured(items: Vec<(Swatch, String)>, caption: String, listed: Option<String>) -> Legend {
    let first_width = items
        .iter()
        .map(|(_, label)| SWATCH + 6.0 + text_width(label, LEGEND_PX) + 16.0)
        .sum::<f32>()
        + text_width(&caption, LEGEND_PX);
    let listed_width = listed
        .as_ref()
        .map_or(0.0, |line| text_width(line, LEGEND_PX));
    let lines = if listed.is_some() { 2.0 } else { 1.0 };
    Legend {
        items,
        caption,
        listed,
        size: (first_width.max(listed_width), lines * LEGEND_LINE),
    }
}

/// Draws `legend` with its top-left corner at (`x`, `y`).
pub(super) fn legend_svg(out: &mut SvgOut<'_>, legend: &Legend, x: f32, y: f32, palette: &Palette) {
    let baseline = y + (LEGEND_LINE - LEGEND_PX) / 2.0 + LEGEND_PX * ascent_em();
    let mut left = x;
    for (swatch, label) in &legend.items {
        let top = y + (LEGEND_LINE - SWATCH) / 2.0;
        let (colour, fill, dash) = match *swatch {
            Swatch::Dashed(colour) => (
                colour,
                "none".to_owned(),
                dash_attribute(Some(CARD_SPEC.ghost_dash)),
            ),
            Swatch::Filled(colour) => (colour, hex(colour), String::new()),
        };
        let _ = writeln!(
            out,
            r#"<rect x="{left}" y="{top}" width="{SWATCH}" height="{SWATCH}" rx="2" fill="{fill}" stroke="{}" stroke-width="1.5"{dash}/>"#,
            hex(colour)
        );
        left += SWATCH + 6.0;
        text(out, left, baseline, LEGEND_PX, palette.title, label);
        left += text_width(label, LEGEND_PX) + 16.0;
    }
    text(
        out,
        left,
        baseline,
        LEGEND_PX,
        palette.caption,
        &legend.caption,
    );
    if let Some(listed) = &legend.listed {
        text(
            out,
            x,
            baseline + LEGEND_LINE,
            LEGEND_PX,
            palette.caption,
            listed,
        );
    }
}

/// The outline and tag of a changed card at `rect`, the tag worded in `lang`.
pub(super) fn mark_svg(
    out: &mut SvgOut<'_>,
    rect: RectInChart,
    mark: &Mark,
    palette: &Palette,
    lang: Lang,
) {
    let colour = CARD_SPEC.change_colour(mark.state.look(), palette);
    outline(out, rect, colour, None);
    tag(out, rect, &change_tag(mark, lang), colour);
}

/// The few words on a changed card's tag, in `lang`: `new`, `from 大区销售经理`,
/// `changed: holder` (in English the same as [`Mark::tag`]).
pub fn change_tag(mark: &Mark, lang: Lang) -> String {
    match (mark.state, &mark.from) {
        (MarkState::Added, _) => tr(lang, "legend-tag-new"),
        (MarkState::Moved, Some(Some(manager))) => {
            crate::tr!(lang, "legend-tag-from", manager = manager.as_str())
        }
        (MarkState::Moved, _) => tr(lang, "legend-tag-from-top"),
        (MarkState::Changed, _) => {
            let names: Vec<String> = mark
                .fields
                .iter()
                .map(|f| field_name(f.field, lang))
                .collect();
            let fields = names.join(&tr(lang, "legend-list-separator"));
            crate::tr!(lang, "legend-tag-changed", fields = fields)
        }
    }
}

/// The tag on a removed post's ghost card, counting the posts removed below it.
pub fn removed_tag(below: usize, lang: Lang) -> String {
    if below > 0 {
        crate::tr!(lang, "legend-tag-removed-below", below = below)
    } else {
        tr(lang, "legend-tag-removed")
    }
}

/// A changed field's name on a tag: in English its name in files (`holder`, `ref`).
pub use crate::compare::report::field_word as field_name;

/// A ghost card: the removed node's card, faded, with a dashed outline and a tag.
pub(super) fn ghost_svg(
    out: &mut SvgOut<'_>,
    rect: RectInChart,
    changes: &ChangeMarks,
    ghost: usize,
    options: &ExportOptions,
    draw_card: impl FnOnce(&mut SvgOut<'_>, &ExportOptions),
) {
    let Some(ghost) = changes.ghosts.get(ghost) else {
        return;
    };
    let palette = options.palette;
    let fade = |ink: Rgb| mix(palette.card_fill, ink, CARD_SPEC.ghost_ink);
    let faded = ExportOptions {
        palette: Palette {
            title: fade(palette.title),
            holder: fade(palette.holder),
            vacant: fade(palette.vacant),
            card_border: palette.card_fill,
            neutral_band: fade(palette.neutral_band),
            ..palette
        },
        changes: None,
        ..options.clone()
    };
    draw_card(out, &faded);
    let colour = CARD_SPEC.change_colour(ChangeLook::Removed, &palette);
    outline(out, rect, colour, Some(CARD_SPEC.ghost_dash));
    let label = removed_tag(ghost.below, options.lang);
    tag(out, rect, &label, colour);
}

/// The dashed lines from each ghost's manager to the ghost.
pub(super) fn ghost_lines_svg(
    out: &mut SvgOut<'_>,
    layout: &ChartLayout,
    drawing: &Drawing,
    options: &ExportOptions,
    offset: (f32, f32),
) {
    let colour = CARD_SPEC.change_colour(ChangeLook::Removed, &options.palette);
    for place in &drawing.ghosts {
        let Some(from) = layout.rect(place.anchor) else {
            continue;
        };
        let points = route(
            LinkKind::Free,
            options.layout.level_gap,
            options.layout.orientation,
            shifted(from, offset),
            shifted(place.rect, offset),
        );
        let list: Vec<String> = points
            .iter()
            .map(|[x, y]| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{}/>"#,
            list.join(" "),
            hex(colour),
            CARD_SPEC.connector_width,
            dash_attribute(Some(CARD_SPEC.ghost_dash))
        );
    }
}

fn outline(out: &mut SvgOut<'_>, rect: RectInChart, colour: Rgb, dash: Option<[f32; 2]>) {
    let width = CARD_SPEC.change_border;
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="none" stroke="{}" stroke-width="{width}"{}/>"#,
        rect.x - width / 2.0,
        rect.y - width / 2.0,
        rect.width + width,
        rect.height + width,
        CARD_SPEC.corner_radius + width / 2.0,
        hex(colour),
        dash_attribute(dash)
    );
}

/// A pill on the card's top-right corner with `label` in white, cut to fit the card.
fn tag(out: &mut SvgOut<'_>, rect: RectInChart, label: &str, colour: Rgb) {
    let px = CARD_SPEC.change_tag_px;
    let room = rect.width - 2.0 * CARD_SPEC.change_tag_padding_x;
    let label = fit(label, px, room);
    let [x, y, width, height] = CARD_SPEC.change_tag_pill(
        [rect.x, rect.y, rect.width, rect.height],
        text_width(&label, px),
    );
    let _ = writeln!(
        out,
        r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{}" fill="{}"/>"#,
        height / 2.0,
        hex(colour)
    );
    let baseline = y + (height - px) / 2.0 + px * ascent_em();
    let white = [0xff, 0xff, 0xff];
    text(
        out,
        x + CARD_SPEC.change_tag_padding_x,
        baseline,
        px,
        white,
        &label,
    );
}

/// `label` cut with an ellipsis until it is at most `room` wide at `px`.
pub fn fit(label: &str, px: f32, room: f32) -> String {
    if text_width(label, px) <= room {
        return label.to_owned();
    }
    let chars: Vec<char> = label.chars().collect();
    for keep in (0..chars.len()).rev() {
        let cut: String = chars[..keep].iter().collect::<String>() + "…";
        if text_width(&cut, px) <= room {
            return cut;
        }
    }
    "…".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::marks::FieldLine;
    use crate::compare::FieldName;

    fn marks() -> Vec<Mark> {
        let line = |field| FieldLine {
            field,
            old: String::new(),
            new: String::new(),
        };
        vec![
            Mark {
                state: MarkState::Added,
                from: None,
                fields: Vec::new(),
            },
            Mark {
                state: MarkState::Moved,
                from: Some(Some("大区销售经理".to_owned())),
                fields: Vec::new(),
            },
            Mark {
                state: MarkState::Moved,
                from: Some(None),
                fields: Vec::new(),
            },
            Mark {
                state: MarkState::Changed,
                from: None,
                fields: vec![
                    line(FieldName::Title),
                    line(FieldName::Holder),
                    line(FieldName::Kind),
                    line(FieldName::Headcount),
                    line(FieldName::Duties),
                    line(FieldName::Dotted),
                    line(FieldName::Notes),
                    line(FieldName::Colour),
                    line(FieldName::Reference),
                ],
            },
        ]
    }

    #[test]
    fn tags_in_english_are_the_marks_own_and_chinese_ones_are_chinese() {
        for mark in marks() {
            assert_eq!(change_tag(&mark, Lang::English), mark.tag());
            let chinese = change_tag(&mark, Lang::Chinese);
            assert!(!chinese.contains("legend-"), "{chinese}");
            assert!(chinese.chars().any(crate::fonts::is_wide), "{chinese}");
        }
        assert_eq!(change_tag(&marks()[1], Lang::Chinese), "调自大区销售经理");
    }
}
