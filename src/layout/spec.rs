//! How a card and its lines look, in chart units: one spec that the canvas and every
//! export draw from, beside [`super::card_text`], which says what a card shows and how
//! big it is. The canvas scales these by its zoom; exports use them as they are.

use crate::model::NodeKind;
use crate::theme::{Palette, Rgb};

use super::card::LineRole;

/// The drawing spec of cards and connectors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardSpec {
    /// Corner radius of a card.
    pub corner_radius: f32,
    /// Width of a unit card's border (drawn in the unit's colour).
    pub unit_border: f32,
    /// Width of a post card's border.
    pub post_border: f32,
    /// An assistant's dashed border: dash and gap lengths.
    pub assistant_dash: [f32; 2],
    /// Width of reporting lines.
    pub connector_width: f32,
    /// A dotted line's dash and gap lengths.
    pub dotted_dash: [f32; 2],
    /// Font size of the label on a dotted line's stub ("··· Head of Finance"): the
    /// default holder size, so a page scaled for card text keeps it readable too.
    pub dotted_label_px: f32,
    /// Room left and right of the headcount badge's text inside its pill.
    pub badge_padding_x: f32,
    /// How far the badge's pill reaches above its text line.
    pub badge_raise: f32,
    /// Font size of the "+N" badge on a folded card.
    pub fold_badge_px: f32,
    /// Room left and right of the fold badge's text.
    pub fold_badge_padding_x: f32,
    /// Height of the fold badge, centred on the card's bottom edge.
    pub fold_badge_height: f32,
    /// Gap between a duty's bullet and its text.
    pub bullet_gap: f32,
    /// Width of the outline a comparison draws around a changed card.
    pub change_border: f32,
    /// Font size of a changed card's tag (`new`, `from 大区销售经理`).
    pub change_tag_px: f32,
    /// Room left and right of the tag's text.
    pub change_tag_padding_x: f32,
    /// Height of the tag, centred on the card's top edge.
    pub change_tag_height: f32,
    /// A ghost (removed) card's dashed outline: dash and gap lengths.
    pub ghost_dash: [f32; 2],
    /// How much of a ghost card's text colour shows (0–1); the rest is its fill.
    pub ghost_ink: f32,
}

/// How a comparison marks a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeLook {
    /// A new card: green, tagged "new".
    Added,
    /// A card under another manager: blue, tagged "from …".
    Moved,
    /// A card with a field changed: amber, tagged "changed: …".
    Changed,
    /// A removed node's ghost card: dashed, faded, tagged "removed".
    Removed,
}

/// The one card spec.
pub const CARD_SPEC: CardSpec = CardSpec {
    corner_radius: 6.0,
    unit_border: 1.5,
    post_border: 1.0,
    assistant_dash: [5.0, 3.0],
    connector_width: 1.5,
    dotted_dash: [6.0, 4.0],
    dotted_label_px: 12.0,
    badge_padding_x: 4.0,
    badge_raise: 1.0,
    fold_badge_px: 11.0,
    fold_badge_padding_x: 5.0,
    fold_badge_height: 15.0,
    bullet_gap: 4.0,
    change_border: 2.5,
    change_tag_px: 10.0,
    change_tag_padding_x: 5.0,
    change_tag_height: 14.0,
    ghost_dash: [4.0, 3.0],
    ghost_ink: 0.55,
};

/// A card's frame colours: fill, border and the colour band (or side bar) of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardColours {
    /// Inside the card.
    pub fill: Rgb,
    /// The card's outline.
    pub border: Rgb,
    /// The unit colour: a band on top of positions, a bar left of assistants.
    pub band: Rgb,
}

impl CardSpec {
    /// The frame colours of a card of `kind` whose unit colour is `band`.
    pub fn colours(&self, kind: NodeKind, band: Rgb, palette: &Palette) -> CardColours {
        match kind {
            NodeKind::Unit => CardColours {
                fill: palette.unit_fill(band),
                border: band,
                band,
            },
            NodeKind::Position | NodeKind::Assistant => CardColours {
                fill: palette.card_fill,
                border: palette.card_border,
                band,
            },
        }
    }

    /// The width of a card's border.
    pub fn border_width(&self, kind: NodeKind) -> f32 {
        match kind {
            NodeKind::Unit => self.unit_border,
            NodeKind::Position | NodeKind::Assistant => self.post_border,
        }
    }

    /// The dash pattern of a card's border, if it is dashed (assistants).
    pub fn border_dash(&self, kind: NodeKind) -> Option<[f32; 2]> {
        (kind == NodeKind::Assistant).then_some(self.assistant_dash)
    }

    /// The colour a line of card text is drawn in.
    pub fn ink(&self, role: LineRole, palette: &Palette) -> Rgb {
        match role {
            LineRole::Title | LineRole::Badge => palette.title,
            LineRole::Holder | LineRole::Duty { .. } => palette.holder,
            LineRole::Vacant => palette.vacant,
        }
    }

    /// The headcount badge's pill around text `text_width` wide on a line `line_height`
    /// tall starting at (`left`, `top`): `[x, y, width, height]`.
    pub fn badge_pill(&self, left: f32, top: f32, text_width: f32, line_height: f32) -> [f32; 4] {
        [
            left - self.badge_padding_x,
            top - self.badge_raise,
            text_width + 2.0 * self.badge_padding_x,
            line_height,
        ]
    }

    /// The fold badge's pill for text `text_width` wide, centred on the bottom edge of a
    /// card: `[x, y, width, height]`.
    pub fn fold_pill(&self, card_centre_x: f32, card_bottom: f32, text_width: f32) -> [f32; 4] {
        let width = text_width + 2.0 * self.fold_badge_padding_x;
        [
            card_centre_x - width / 2.0,
            card_bottom - self.fold_badge_height / 2.0,
            width,
            self.fold_badge_height,
        ]
    }

    /// The colour of a comparison's mark.
    pub fn change_colour(&self, look: ChangeLook, palette: &Palette) -> Rgb {
        match look {
            ChangeLook::Added => palette.added,
            ChangeLook::Moved => palette.moved,
            ChangeLook::Changed => palette.changed,
            ChangeLook::Removed => palette.removed,
        }
    }

    /// A changed card's tag for text `text_width` wide: at the card's top-right corner,
    /// centred on its top edge, never wider than the card: `[x, y, width, height]`.
    pub fn change_tag_pill(&self, card: [f32; 4], text_width: f32) -> [f32; 4] {
        let [x, y, width, _] = card;
        let pill_width = (text_width + 2.0 * self.change_tag_padding_x).min(width);
        [
            x + width - pill_width,
            y - self.change_tag_height / 2.0,
            pill_width,
            self.change_tag_height,
        ]
    }
}
