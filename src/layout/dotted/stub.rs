//! Where a stub and its label go: a short dashed hook out of the subordinate's card
//! (below it or above it) and the label after the hook, on a spot that
//! covers no card, no line and no other label. Works in chart coordinates (labels are
//! always horizontal text) and asks [`Env`] in its own frame.

use crate::fonts::text_width;
use crate::layout::{PlacedCard, RectInChart, CARD_SPEC};
use crate::model::Chart;

use super::{grow, line_box, Env, Stub, STUB_LABEL_PREFIX};

/// The hook's run beside the label, in chart units.
const HOOK: f32 = 7.0;
/// Between the hook's end and the label's first letter.
const TEXT_GAP: f32 = 3.0;
/// Between a card's edge and the label's ink.
const EDGE_GAP: f32 = 2.4;
/// Where the hook leaves a card's edge, from its corner or its middle.
const HOOK_INSET: f32 = 12.0;
/// The inked part of a line of text, in em below its top: capitals to descenders.
pub(super) const CAP_HEIGHT_EM: f32 = 0.72;
/// See [`CAP_HEIGHT_EM`].
const DESCENT_EM: f32 = 0.21;
/// Labels are cut (with "…") to fit their card's width plus this.
const OVERHANG: f32 = 24.0;
/// A label is never cut shorter than this many characters of the name.
const SHORTEST_NAME: usize = 4;

/// One place to try: the hook's points and where the label's ink box starts.
#[derive(Clone, Copy)]
struct Spot {
    hook: [[f32; 2]; 3],
    ink: RectInChart,
}

/// The stub for the dotted line to `card` from the manager called `name`: the first spot
/// that covers nothing, with the whole name or else the name cut to the card's width;
/// failing that, the first that covers no card or label (only lines); failing that, the
/// first spot.
pub(super) fn place(env: &mut Env, card: &RectInChart, name: &str) -> Stub {
    let px = CARD_SPEC.dotted_label_px;
    let full = format!("{STUB_LABEL_PREFIX}{name}");
    let room = card.width + OVERHANG;
    let full_width = text_width(&full, px);
    let mut labels = vec![(full, full_width)];
    if full_width > room {
        let cut = fit(&labels[0].0, px, room);
        let width = text_width(&cut, px);
        labels.push((cut, width));
    }
    for lines_too in [true, false] {
        for (label, width) in &labels {
            if let Some(spot) = spots(card, *width, px)
                .into_iter()
                .find(|spot| free(env, spot, lines_too))
            {
                return claim(env, spot, label.clone(), px);
            }
        }
    }
    let (label, width) = labels.swap_remove(labels.len() - 1);
    claim(env, spots(card, width, px)[0], label, px)
}

/// Records `spot` as taken and makes the stub.
fn claim(env: &mut Env, spot: Spot, label: String, px: f32) -> Stub {
    let frame = env.frame;
    env.placed.insert(frame.rect(spot.ink));
    for pair in spot.hook.windows(2) {
        env.placed.insert(frame.rect(line_box(pair[0], pair[1])));
    }
    Stub {
        points: spot.hook.to_vec(),
        label,
        label_rect: spot.ink,
        font_px: px,
    }
}

/// True when `spot` stays within reach of the cards, covers no card or label (nor line,
/// if `lines_too`) and its hook crosses no card.
fn free(env: &mut Env, spot: &Spot, lines_too: bool) -> bool {
    let frame = env.frame;
    let ink = frame.rect(spot.ink);
    // Within reach of the cards, so that an export's margin holds the label.
    let reach = env.reach;
    let inside = ink.x >= reach.x
        && ink.y >= reach.y
        && ink.right() <= reach.right()
        && ink.bottom() <= reach.bottom();
    if !inside
        || env
            .cards
            .any_overlap(&grow(&ink, 1.0), &mut env.seen, |_| true)
        || env.placed.any_overlap(&grow(&ink, 2.0), &mut env.seen)
        || lines_too
            && env
                .solid
                .any_overlap(&grow(&ink, 2.0), &mut env.seen, |_| true)
    {
        return false;
    }
    spot.hook.windows(2).all(|pair| {
        let [a, b] = [frame.point(pair[0]), frame.point(pair[1])];
        let reach = grow(&line_box(a, b), 1.5);
        let blocked = env.crosses_a_card(a, b)
            || env.placed.any_overlap(&reach, &mut env.seen)
            || (lines_too && env.solid.any_overlap(&reach, &mut env.seen, |_| true));
        !blocked
    })
}

/// The places to try for a label `width` wide beside `card`, best first: under the
/// card's left end (like a caption), over it, under and over its right end, then either
/// side of its middle. (Beside the card there is seldom room: its neighbours are a gap
/// away.)
fn spots(card: &RectInChart, width: f32, px: f32) -> [Spot; 8] {
    let height = (CAP_HEIGHT_EM + DESCENT_EM) * px;
    let below = card.bottom() + EDGE_GAP + height / 2.0;
    let above = card.y - EDGE_GAP - height / 2.0;
    let middle = card.centre()[0];
    let mut spots = [Spot {
        hook: [[0.0; 2]; 3],
        ink: ink_box(0.0, 0.0, 0.0, 0.0),
    }; 8];
    let mut at = 0;
    for (x, toward) in [
        (card.x + HOOK_INSET, 1.0),
        (card.right() - HOOK_INSET, -1.0),
        (middle + HOOK_INSET, 1.0),
        (middle - HOOK_INSET, -1.0),
    ] {
        for (edge, y) in [(card.bottom(), below), (card.y, above)] {
            let end = x + toward * HOOK;
            let left = if toward > 0.0 {
                end + TEXT_GAP
            } else {
                end - TEXT_GAP - width
            };
            spots[at] = Spot {
                hook: [[x, edge], [x, y], [end, y]],
                ink: ink_box(left, y, width, height),
            };
            at += 1;
        }
    }
    spots
}

/// The ink box of a label starting at `left`, centred on `middle`.
fn ink_box(left: f32, middle: f32, width: f32, height: f32) -> RectInChart {
    RectInChart {
        x: left,
        y: middle - height / 2.0,
        width,
        height,
    }
}

/// `label` cut with "…" to at most `room` wide at `px` (but never shorter than
/// [`SHORTEST_NAME`] characters after the prefix).
fn fit(label: &str, px: f32, room: f32) -> String {
    if text_width(label, px) <= room {
        return label.to_owned();
    }
    let ellipsis = "…";
    let budget = room - text_width(ellipsis, px);
    let shortest = STUB_LABEL_PREFIX.chars().count() + SHORTEST_NAME;
    let mut out = String::new();
    let mut used = 0.0;
    for (count, ch) in label.chars().enumerate() {
        let advance = text_width(ch.encode_utf8(&mut [0; 4]), px);
        if count >= shortest && used + advance > budget {
            break;
        }
        used += advance;
        out.push(ch);
    }
    if out.len() < label.len() {
        out = out.trim_end().to_owned();
        out.push_str(ellipsis);
    }
    out
}

/// The "+N" badge of a folded card, which hangs below its bottom edge: labels keep off it.
pub(super) fn fold_badge(chart: &Chart, card: &PlacedCard) -> Option<RectInChart> {
    let (shape, children) = chart.shape(card.id)?;
    if !shape.collapsed || children.is_empty() {
        return None;
    }
    let rect = card.rect;
    let [x, y, width, height] = CARD_SPEC.fold_pill(
        rect.centre()[0],
        rect.bottom(),
        text_width("+9999", CARD_SPEC.fold_badge_px),
    );
    Some(RectInChart {
        x,
        y,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_in_the_bundled_font() {
        assert!(STUB_LABEL_PREFIX.chars().all(crate::fonts::has_glyph));
        assert!(crate::fonts::has_glyph('…'));
    }

    #[test]
    fn long_names_are_cut_to_fit() {
        let label = format!("{STUB_LABEL_PREFIX}Regional Finance Controller, International");
        let cut = fit(&label, 12.0, 120.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0) <= 120.0, "{cut}");
        assert_eq!(fit("··· CFO", 12.0, 120.0), "··· CFO");
        let tiny = fit(&label, 12.0, 10.0);
        assert_eq!(tiny, format!("{STUB_LABEL_PREFIX}Regi…"));
    }
}
