//! What the editor remembers between runs. The shell stores it (eframe persistence);
//! window size and theme are remembered by eframe and egui themselves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::ColourBy;
use crate::i18n::LanguageChoice;
use crate::layout::{AspectRatio, LayoutOptions, Orientation};

/// How the chart is shown: View ▸ Stack teams of leaves, Duties on cards, Left to right,
/// Fit to slide shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewOptions {
    /// Stack a manager's team of leaves beside its line (compact layout).
    pub stack_teams: bool,
    /// Show each post's duties on its card.
    pub duties_on_cards: bool,
    /// Managers on the left, subordinates to the right.
    pub left_to_right: bool,
    /// Lay a wide chart out close to [`ViewOptions::slide_shape`], wrapping wide rows of
    /// subordinates.
    pub fit_to_slide: bool,
    /// The shape a fitted chart comes close to.
    pub slide_shape: SlideShape,
    /// What posts are coloured by: their unit, span band, layer or vacancy.
    pub colour_by: ColourBy,
}

impl Default for ViewOptions {
    fn default() -> ViewOptions {
        ViewOptions {
            stack_teams: true,
            duties_on_cards: false,
            left_to_right: false,
            fit_to_slide: false,
            slide_shape: SlideShape::Widescreen,
            colour_by: ColourBy::Unit,
        }
    }
}

/// What shape View ▸ Fit to slide shape lays a chart out close to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlideShape {
    /// A widescreen slide, 16:9.
    #[default]
    Widescreen,
    /// A standard slide, 4:3.
    Standard,
    /// A4 or A3 paper turned sideways (√2 to 1).
    PaperLandscape,
}

impl SlideShape {
    /// Every shape, in menu order.
    pub const ALL: [SlideShape; 3] = [
        SlideShape::Widescreen,
        SlideShape::Standard,
        SlideShape::PaperLandscape,
    ];

    /// The shape's width to height.
    pub fn aspect(self) -> AspectRatio {
        match self {
            SlideShape::Widescreen => AspectRatio::WIDESCREEN,
            SlideShape::Standard => AspectRatio::STANDARD,
            SlideShape::PaperLandscape => AspectRatio::PAPER_LANDSCAPE,
        }
    }
}

impl ViewOptions {
    /// The layout options these view options ask for.
    pub fn layout(&self) -> LayoutOptions {
        LayoutOptions {
            compact: self.stack_teams,
            orientation: if self.left_to_right {
                Orientation::LeftToRight
            } else {
                Orientation::TopDown
            },
            fit: self.fit_to_slide.then_some(self.slide_shape.aspect()),
            ..LayoutOptions::default()
        }
    }
}

/// Remembered preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Show the outline panel.
    pub show_outline: bool,
    /// Show the inspector panel.
    pub show_inspector: bool,
    /// Show the Analysis panel.
    pub show_analysis: bool,
    /// Keep the previous version of a saved file as `NAME.ron.bak`.
    pub keep_backup: bool,
    /// Seconds between recovery copies while there are unsaved changes; 0 turns it off.
    pub autosave_seconds: f64,
    /// How the chart is shown.
    pub view: ViewOptions,
    /// The language of the editor (View ▸ Language).
    pub language: LanguageChoice,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            recent: Vec::new(),
            show_outline: true,
            show_inspector: true,
            show_analysis: false,
            keep_backup: true,
            autosave_seconds: 60.0,
            view: ViewOptions::default(),
            language: LanguageChoice::System,
        }
    }
}

/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}
