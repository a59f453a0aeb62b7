//! The part of the chart the canvas shows: zoom and pan, chart space to canvas space,
//! zoom limits, fitting and centring. Plain numbers, so flows can move the view (fit after
//! Show levels, follow a new card) and tests can check it without a window.

use crate::layout::RectInChart;

/// Closest the view may zoom in.
pub const MAX_ZOOM: f32 = 4.0;
/// Farthest it may zoom out, unless fitting a huge chart needs more.
pub const MIN_ZOOM: f32 = 0.05;
/// Below this fit zoom, a chart is too small to read fitted; it opens at its top instead.
pub const READABLE_FIT_ZOOM: f32 = 0.3;
/// The zoom a chart opened at its top, or a centred card, is shown at.
pub const READING_ZOOM: f32 = 0.8;
/// Room kept around the chart when fitting, in canvas pixels.
const FIT_MARGIN_PX: f32 = 32.0;

/// Zoom and pan: a chart point `p` appears at `p * zoom + pan` from the canvas's
/// top-left corner, in canvas pixels (egui points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Canvas pixels per chart unit.
    pub zoom: f32,
    /// Where the chart's origin is, from the canvas's top-left corner, in canvas pixels.
    pub pan: [f32; 2],
    /// The canvas's size in pixels, as it was last drawn.
    pub size: [f32; 2],
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            zoom: 1.0,
            pan: [0.0, 0.0],
            size: [800.0, 600.0],
        }
    }
}

impl Viewport {
    /// Where chart point `point` appears, from the canvas's top-left corner.
    pub fn to_canvas(&self, point: [f32; 2]) -> [f32; 2] {
        [
            point[0] * self.zoom + self.pan[0],
            point[1] * self.zoom + self.pan[1],
        ]
    }

    /// The chart point shown at `local` (from the canvas's top-left corner).
    pub fn to_chart(&self, local: [f32; 2]) -> [f32; 2] {
        [
            (local[0] - self.pan[0]) / self.zoom,
            (local[1] - self.pan[1]) / self.zoom,
        ]
    }

    /// The part of the chart the canvas shows.
    pub fn visible(&self) -> RectInChart {
        let [x, y] = self.to_chart([0.0, 0.0]);
        RectInChart {
            x,
            y,
            width: self.size[0] / self.zoom,
            height: self.size[1] / self.zoom,
        }
    }

    /// The zoom and pan that show `bounds` whole and centred, never zoomed in past 100 %.
    pub fn fit(&mut self, bounds: RectInChart) {
        let room = [
            (self.size[0] - 2.0 * FIT_MARGIN_PX).max(1.0),
            (self.size[1] - 2.0 * FIT_MARGIN_PX).max(1.0),
        ];
        self.zoom = (room[0] / bounds.width.max(1.0))
            .min(room[1] / bounds.height.max(1.0))
            .min(1.0);
        self.centre_on(bounds.centre());
    }

    /// The zoom limits for a chart of `bounds`: out far enough to fit it, in to 400 %.
    pub fn zoom_limits(&self, bounds: Option<RectInChart>) -> (f32, f32) {
        let fit = bounds.map_or(1.0, |bounds| {
            let mut fitted = *self;
            fitted.fit(bounds);
            fitted.zoom
        });
        ((fit * 0.5).min(MIN_ZOOM), MAX_ZOOM)
    }

    /// Zooms by `factor` within `limits`, keeping the chart point under `anchor` (from
    /// the canvas's top-left corner) in place.
    pub fn zoom_about(&mut self, factor: f32, anchor: [f32; 2], limits: (f32, f32)) {
        let new_zoom = (self.zoom * factor).clamp(limits.0, limits.1);
        let under = self.to_chart(anchor);
        self.zoom = new_zoom;
        self.pan = [
            anchor[0] - under[0] * new_zoom,
            anchor[1] - under[1] * new_zoom,
        ];
    }

    /// Pans so that chart point `point` is at the canvas's centre.
    pub fn centre_on(&mut self, point: [f32; 2]) {
        self.pan = [
            self.size[0] / 2.0 - point[0] * self.zoom,
            self.size[1] / 2.0 - point[1] * self.zoom,
        ];
    }

    /// Pans by `delta` canvas pixels.
    pub fn pan_by(&mut self, delta: [f32; 2]) {
        self.pan = [self.pan[0] + delta[0], self.pan[1] + delta[1]];
    }

    /// Where `rect` (chart space) is on the canvas: `[x, y, width, height]` in pixels.
    pub fn canvas_rect(&self, rect: RectInChart) -> [f32; 4] {
        let [x, y] = self.to_canvas([rect.x, rect.y]);
        [x, y, rect.width * self.zoom, rect.height * self.zoom]
    }

    /// True when all of `rect` is on the canvas, `margin` pixels inside its edges.
    pub fn shows(&self, rect: RectInChart, margin: f32) -> bool {
        let [x, y, width, height] = self.canvas_rect(rect);
        x >= margin
            && y >= margin
            && x + width <= self.size[0] - margin
            && y + height <= self.size[1] - margin
    }

    /// Pans just enough to bring `rect` onto the canvas with `margin` pixels to spare,
    /// zooming in to [`READING_ZOOM`] first if it is too small to read, and centring it
    /// if it does not fit.
    pub fn reveal(&mut self, rect: RectInChart, margin: f32) {
        if self.zoom < READING_ZOOM * 0.75 {
            self.zoom = READING_ZOOM;
            self.centre_on(rect.centre());
            return;
        }
        if self.shows(rect, margin) {
            return;
        }
        let [x, y, width, height] = self.canvas_rect(rect);
        let axis = |start: f32, length: f32, room: f32| {
            if length + 2.0 * margin > room {
                room / 2.0 - (start + length / 2.0)
            } else if start < margin {
                margin - start
            } else if start + length > room - margin {
                room - margin - (start + length)
            } else {
                0.0
            }
        };
        self.pan_by([axis(x, width, self.size[0]), axis(y, height, self.size[1])]);
    }

    /// Shows `top` (the first top card) near the canvas's top at a readable zoom.
    pub fn show_top(&mut self, top: RectInChart) {
        self.zoom = READING_ZOOM;
        self.centre_on(top.centre());
        self.pan[1] = 40.0 - top.y * self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, width: f32, height: f32) -> RectInChart {
        RectInChart {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn zooming_keeps_the_anchor_still_and_respects_limits() {
        let mut view = Viewport {
            zoom: 1.0,
            pan: [10.0, 20.0],
            size: [800.0, 600.0],
        };
        let anchor = [300.0, 200.0];
        let under = view.to_chart(anchor);
        view.zoom_about(1.5, anchor, (0.1, 4.0));
        let now = view.to_chart(anchor);
        assert!((now[0] - under[0]).abs() < 1e-3 && (now[1] - under[1]).abs() < 1e-3);
        view.zoom_about(100.0, anchor, (0.1, 4.0));
        assert_eq!(view.zoom, 4.0);
    }

    #[test]
    fn fit_shows_the_whole_chart() {
        let bounds = rect(-50.0, 0.0, 4000.0, 900.0);
        let mut view = Viewport {
            size: [1000.0, 700.0],
            ..Viewport::default()
        };
        view.fit(bounds);
        let shown = view.visible();
        assert!(shown.x <= bounds.x && shown.y <= bounds.y);
        assert!(shown.right() >= bounds.right() && shown.bottom() >= bounds.bottom());
    }

    #[test]
    fn reveal_pans_a_card_off_the_edge_back_in_with_a_margin() {
        let mut view = Viewport {
            zoom: 1.0,
            pan: [0.0, 0.0],
            size: [800.0, 600.0],
        };
        let card = rect(780.0, 100.0, 140.0, 60.0);
        assert!(!view.shows(card, 24.0));
        view.reveal(card, 24.0);
        assert!(view.shows(card, 24.0), "{view:?}");
        assert_eq!(view.zoom, 1.0, "readable zooms are kept");
        let before = view;
        view.reveal(card, 24.0);
        assert_eq!(view, before, "a visible card does not move the view");
    }
}
