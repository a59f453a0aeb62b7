//! A comparison drawn on an export: each changed card outlined in its change's colour
//! with a tag (`new`, `from 大区销售经理`, `changed: holder`), each removed node as a
//! dashed, faded ghost card hanging from its old manager, and a legend with the counts.

use std::fmt::Write;

use crate::analysis::colour_by::CardColouring;
use crate::compare::{ChangeKind, ChangeMarks, Mark};
use crate::fonts::{ascent_em, text_width};
use crate::layout::{route, ChangeLook, ChartLayout, LinkKind, RectInChart, CARD_SPEC};
use crate::theme::{hex, mix, Palette, Rgb};

use super::page::Drawing;
use super::svg::{dash_attribute, shifted, text};
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

/// The legend of View ▸ Colour by: a swatch per colour, then what the colours show.
pub(super) fn colour_legend(colouring: &CardColouring) -> Legend {
    let items = colouring
        .legend
        .iter()
        .map(|entry| {
            let c = entry.colour;
            (Swatch::Filled([c.r, c.g, c.b]), entry.label.clone())
        })
        .collect();
    let caption = format!("coloured by {}", colouring.heading.to_lowercase());
    measured(items, caption, None)
}

/// The legend for `changes`.
pub(super) fn legend(changes: &ChangeMarks, palette: &Palette) -> Legend {
    let items: Vec<(Swatch, String)> = [
        (ChangeLook::Added, ChangeKind::Added, "new"),
        (ChangeLook::Moved, ChangeKind::Moved, "moved"),
        (ChangeLook::Changed, ChangeKind::Changed, "changed"),
        (ChangeLook::Removed, ChangeKind::Removed, "removed"),
    ]
    .into_iter()
    .map(|(look, kind, word)| {
        let colour = CARD_SPEC.change_colour(look, palette);
        let swatch = if look == ChangeLook::Removed {
            Swatch::Dashed(colour)
        } else {
            Swatch::Filled(colour)
        };
        (swatch, format!("{word} {}", changes.count(kind)))
    })
    .collect();
    let caption = format!("compared with {}", changes.base_name);
    let listed = (!changes.listed.is_empty()).then(|| {
        let names: Vec<&str> = changes
            .listed
            .iter()
            .take(LISTED_NAMES)
            .map(|l| l.label.as_str())
            .collect();
        let more = changes.listed.len().saturating_sub(LISTED_NAMES);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        format!("Removed with their managers: {}{tail}", names.join(", "))
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
pub(super) fn legend_svg(out: &mut String, legend: &Legend, x: f32, y: f32, palette: &Palette) {
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

/// The outline and tag of a changed card at `rect`.
pub(super) fn mark_svg(out: &mut String, rect: RectInChart, mark: &Mark, palette: &Palette) {
    let colour = CARD_SPEC.change_colour(mark.state.look(), palette);
    outline(out, rect, colour, None);
    tag(out, rect, &mark.tag(), colour);
}

/// A ghost card: the removed node's card, faded, with a dashed outline and a tag.
pub(super) fn ghost_svg(
    out: &mut String,
    rect: RectInChart,
    changes: &ChangeMarks,
    ghost: usize,
    options: &ExportOptions,
    draw_card: impl FnOnce(&mut String, &ExportOptions),
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
    let label = if ghost.below > 0 {
        format!("removed · {} below", ghost.below)
    } else {
        "removed".to_owned()
    };
    tag(out, rect, &label, colour);
}

/// The dashed lines from each ghost's manager to the ghost.
pub(super) fn ghost_lines_svg(
    out: &mut String,
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

fn outline(out: &mut String, rect: RectInChart, colour: Rgb, dash: Option<[f32; 2]>) {
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
fn tag(out: &mut String, rect: RectInChart, label: &str, colour: Rgb) {
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
