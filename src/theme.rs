//! The colours cards and connectors are drawn in, light and dark, shared by the editor
//! and the exporters so an export looks like the editor.

use crate::model::Colour;

/// Colours given to units that come without one (generated charts, departments of an
/// imported roster), in the order they are handed out.
pub const UNIT_COLOURS: [Colour; 6] = [
    Colour {
        r: 0x4e,
        g: 0x79,
        b: 0xa7,
    },
    Colour {
        r: 0xf2,
        g: 0x8e,
        b: 0x2b,
    },
    Colour {
        r: 0x59,
        g: 0xa1,
        b: 0x4f,
    },
    Colour {
        r: 0xe1,
        g: 0x57,
        b: 0x59,
    },
    Colour {
        r: 0x76,
        g: 0xb7,
        b: 0xb2,
    },
    Colour {
        r: 0xb0,
        g: 0x7a,
        b: 0xa1,
    },
];

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Theme colours for cards and connectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Behind the chart (exports).
    pub page_background: Rgb,
    /// Inside a position or assistant card.
    pub card_fill: Rgb,
    /// A card's outline.
    pub card_border: Rgb,
    /// Titles.
    pub title: Rgb,
    /// Holders and duties.
    pub holder: Rgb,
    /// The vacant marker.
    pub vacant: Rgb,
    /// Behind the headcount badge.
    pub badge_fill: Rgb,
    /// Solid connectors.
    pub connector: Rgb,
    /// Dotted-line connectors.
    pub dotted: Rgb,
    /// The selection outline.
    pub selection: Rgb,
    /// Search matches.
    pub search_hit: Rgb,
    /// The current search match.
    pub current_hit: Rgb,
    /// A drop that will be accepted.
    pub accept: Rgb,
    /// A drop that will be refused.
    pub refuse: Rgb,
    /// The band of a card with no unit colour.
    pub neutral_band: Rgb,
    /// What unit colours are washed over.
    pub unit_base: Rgb,
    /// Headers and footers.
    pub caption: Rgb,
    /// A comparison's new cards.
    pub added: Rgb,
    /// A comparison's moved cards.
    pub moved: Rgb,
    /// A comparison's changed cards.
    pub changed: Rgb,
    /// A comparison's removed (ghost) cards.
    pub removed: Rgb,
    /// True for the dark theme.
    pub dark: bool,
}

impl Palette {
    /// The light (print) theme.
    pub const LIGHT: Palette = Palette {
        page_background: [0xff, 0xff, 0xff],
        card_fill: [0xff, 0xff, 0xff],
        card_border: [0xc4, 0xc8, 0xd0],
        title: [0x1d, 0x20, 0x26],
        holder: [0x5c, 0x63, 0x6e],
        vacant: [0xc0, 0x39, 0x2b],
        badge_fill: [0xe8, 0xea, 0xee],
        connector: [0x8c, 0x93, 0x9e],
        dotted: [0x6a, 0x4c, 0xc4],
        selection: [0x1e, 0x78, 0xe5],
        search_hit: [0xf5, 0xb7, 0x00],
        current_hit: [0xff, 0x6d, 0x00],
        accept: [0x2e, 0x9d, 0x46],
        refuse: [0xd3, 0x2f, 0x2f],
        neutral_band: [0xa8, 0xae, 0xb8],
        unit_base: [0xff, 0xff, 0xff],
        caption: [0x40, 0x46, 0x50],
        added: [0x2e, 0x9d, 0x46],
        moved: [0x1e, 0x6f, 0xd9],
        changed: [0xd9, 0x8a, 0x00],
        removed: [0xc6, 0x28, 0x28],
        dark: false,
    };

    /// The dark theme.
    pub const DARK: Palette = Palette {
        page_background: [0x14, 0x15, 0x18],
        card_fill: [0x2b, 0x2d, 0x31],
        card_border: [0x5a, 0x5e, 0x66],
        title: [0xf1, 0xf1, 0xf3],
        holder: [0xb8, 0xbb, 0xc2],
        vacant: [0xf0, 0x8a, 0x7e],
        badge_fill: [0x45, 0x48, 0x50],
        connector: [0x8a, 0x8f, 0x98],
        dotted: [0x9f, 0x8c, 0xd8],
        selection: [0x4d, 0xa3, 0xff],
        search_hit: [0xf5, 0xc2, 0x42],
        current_hit: [0xff, 0x8a, 0x3d],
        accept: [0x5c, 0xc2, 0x6b],
        refuse: [0xef, 0x53, 0x50],
        neutral_band: [0x70, 0x74, 0x7c],
        unit_base: [0x1f, 0x21, 0x24],
        caption: [0xc8, 0xcb, 0xd2],
        added: [0x5c, 0xc2, 0x6b],
        moved: [0x5a, 0xa9, 0xff],
        changed: [0xff, 0xb3, 0x3b],
        removed: [0xef, 0x6c, 0x6c],
        dark: true,
    };

    /// The palette for a light or dark theme.
    pub fn new(dark: bool) -> Palette {
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// A unit's colour, or the neutral band colour.
    pub fn band(&self, colour: Option<Colour>) -> Rgb {
        colour.map_or(self.neutral_band, |c| [c.r, c.g, c.b])
    }

    /// A unit card's fill: its colour washed over the card background.
    pub fn unit_fill(&self, colour: Rgb) -> Rgb {
        mix(self.unit_base, colour, if self.dark { 0.35 } else { 0.16 })
    }
}

/// `a` blended towards `b` by `amount` (0–1).
pub fn mix(a: Rgb, b: Rgb, amount: f32) -> Rgb {
    let channel =
        |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * amount).round() as u8;
    [
        channel(a[0], b[0]),
        channel(a[1], b[1]),
        channel(a[2], b[2]),
    ]
}

/// `#rrggbb` for SVG.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
