//! Colours and marks for the canvas, from the shared [`crate::theme::Palette`].

use egui::Color32;

use crate::model::Colour;
use crate::theme::{self, Rgb};

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

/// The shared palette, in egui colours.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub theme: theme::Palette,
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
}

/// An sRGB triple as an egui colour.
pub fn colour32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

impl Palette {
    /// The palette for a light or dark theme.
    pub fn new(dark: bool) -> Palette {
        Palette::of(theme::Palette::new(dark))
    }

    /// The shared palette `theme`, in egui colours.
    pub fn of(theme: theme::Palette) -> Palette {
        Palette {
            theme,
            card_fill: colour32(theme.card_fill),
            card_border: colour32(theme.card_border),
            title: colour32(theme.title),
            holder: colour32(theme.holder),
            vacant: colour32(theme.vacant),
            badge_fill: colour32(theme.badge_fill),
            connector: colour32(theme.connector),
            dotted: colour32(theme.dotted),
            selection: colour32(theme.selection),
            search_hit: colour32(theme.search_hit),
            current_hit: colour32(theme.current_hit),
            accept: colour32(theme.accept),
            refuse: colour32(theme.refuse),
        }
    }

    /// A card's band colour: its unit's, or neutral.
    pub fn band(&self, colour: Option<Colour>) -> Color32 {
        colour32(self.theme.band(colour))
    }

    /// A unit card's fill.
    pub fn unit_fill(&self, colour: Color32) -> Color32 {
        colour32(self.theme.unit_fill([colour.r(), colour.g(), colour.b()]))
    }
}
