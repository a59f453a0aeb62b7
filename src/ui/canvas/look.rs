//! Colours and marks shared by the canvas's card and connector drawing.

use egui::Color32;

use crate::model::Colour;

/// What a card's frame says about it, besides its content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DropMark {
    /// Not a drop target.
    #[default]
    None,
    /// Dropping here re-parents the dragged card.
    Accept,
    /// Dropping here is refused (it would make a cycle or break a rule).
    Refuse,
}

/// Theme colours for cards and connectors.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub card_fill: Color32,
    pub card_border: Color32,
    pub title: Color32,
    pub holder: Color32,
    pub vacant: Color32,
    pub badge_fill: Color32,
    pub connector: Color32,
    pub dotted: Color32,
    pub selection: Color32,
    pub search_hit: Color32,
    pub current_hit: Color32,
    pub accept: Color32,
    pub refuse: Color32,
    pub neutral_band: Color32,
    pub unit_base: Color32,
}

impl Palette {
    /// The palette for a light or dark theme.
    pub fn new(dark: bool) -> Palette {
        if dark {
            Palette {
                card_fill: Color32::from_rgb(0x2b, 0x2d, 0x31),
                card_border: Color32::from_rgb(0x5a, 0x5e, 0x66),
                title: Color32::from_rgb(0xf1, 0xf1, 0xf3),
                holder: Color32::from_rgb(0xb8, 0xbb, 0xc2),
                vacant: Color32::from_rgb(0xf0, 0x8a, 0x7e),
                badge_fill: Color32::from_rgb(0x45, 0x48, 0x50),
                connector: Color32::from_rgb(0x8a, 0x8f, 0x98),
                dotted: Color32::from_rgb(0x9f, 0x8c, 0xd8),
                selection: Color32::from_rgb(0x4d, 0xa3, 0xff),
                search_hit: Color32::from_rgb(0xf5, 0xc2, 0x42),
                current_hit: Color32::from_rgb(0xff, 0x8a, 0x3d),
                accept: Color32::from_rgb(0x5c, 0xc2, 0x6b),
                refuse: Color32::from_rgb(0xef, 0x53, 0x50),
                neutral_band: Color32::from_rgb(0x70, 0x74, 0x7c),
                unit_base: Color32::from_rgb(0x1f, 0x21, 0x24),
            }
        } else {
            Palette {
                card_fill: Color32::WHITE,
                card_border: Color32::from_rgb(0xc4, 0xc8, 0xd0),
                title: Color32::from_rgb(0x1d, 0x20, 0x26),
                holder: Color32::from_rgb(0x5c, 0x63, 0x6e),
                vacant: Color32::from_rgb(0xc0, 0x39, 0x2b),
                badge_fill: Color32::from_rgb(0xe8, 0xea, 0xee),
                connector: Color32::from_rgb(0x8c, 0x93, 0x9e),
                dotted: Color32::from_rgb(0x6a, 0x4c, 0xc4),
                selection: Color32::from_rgb(0x1e, 0x78, 0xe5),
                search_hit: Color32::from_rgb(0xf5, 0xb7, 0x00),
                current_hit: Color32::from_rgb(0xff, 0x6d, 0x00),
                accept: Color32::from_rgb(0x2e, 0x9d, 0x46),
                refuse: Color32::from_rgb(0xd3, 0x2f, 0x2f),
                neutral_band: Color32::from_rgb(0xa8, 0xae, 0xb8),
                unit_base: Color32::WHITE,
            }
        }
    }

    /// A unit's colour as egui draws it.
    pub fn colour(colour: Option<Colour>, fallback: Color32) -> Color32 {
        colour.map_or(fallback, |c| Color32::from_rgb(c.r, c.g, c.b))
    }

    /// A unit card's fill: its colour washed over the card background.
    pub fn unit_fill(&self, colour: Color32, dark: bool) -> Color32 {
        let amount = if dark { 0.35 } else { 0.16 };
        mix(self.unit_base, colour, amount)
    }
}

/// `a` blended towards `b` by `amount` (0–1).
pub fn mix(a: Color32, b: Color32, amount: f32) -> Color32 {
    let channel =
        |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * amount).round() as u8;
    Color32::from_rgb(
        channel(a.r(), b.r()),
        channel(a.g(), b.g()),
        channel(a.b(), b.b()),
    )
}
