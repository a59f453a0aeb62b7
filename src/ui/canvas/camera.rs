//! The canvas camera: chart space to screen space, zoom limits, fit and centre.

use egui::{Pos2, Rect, Vec2};

/// Closest the camera may zoom in.
pub const MAX_ZOOM: f32 = 4.0;
/// Farthest it may zoom out, unless fitting a huge chart needs more.
pub const MIN_ZOOM: f32 = 0.05;

/// Zoom and pan: a chart point `p` appears at `canvas_min + p * zoom + pan` on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Screen pixels per chart unit.
    pub zoom: f32,
    /// Offset of the chart origin from the canvas's top-left corner, in screen pixels.
    pub pan: Vec2,
}

impl Default for Camera {
    fn default() -> Camera {
        Camera {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

impl Camera {
    /// Where chart point `point` appears, relative to the canvas's top-left corner.
    pub fn to_local(&self, point: Pos2) -> Pos2 {
        (point.to_vec2() * self.zoom + self.pan).to_pos2()
    }

    /// The chart point shown at `local` (relative to the canvas's top-left corner).
    pub fn to_chart(&self, local: Pos2) -> Pos2 {
        ((local.to_vec2() - self.pan) / self.zoom).to_pos2()
    }

    /// The part of the chart a canvas of `size` shows.
    pub fn visible_chart_rect(&self, size: Vec2) -> Rect {
        Rect::from_min_max(self.to_chart(Pos2::ZERO), self.to_chart(size.to_pos2()))
    }

    /// The camera that shows `bounds` whole, centred, in a canvas of `size`, never zoomed
    /// in past 100 %.
    pub fn fit(bounds: Rect, size: Vec2) -> Camera {
        let margin = 32.0;
        let room = (size - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        let zoom = (room.x / bounds.width().max(1.0))
            .min(room.y / bounds.height().max(1.0))
            .min(1.0);
        let pan = size / 2.0 - bounds.center().to_vec2() * zoom;
        Camera { zoom, pan }
    }

    /// The zoom limits for a chart of `bounds` in a canvas of `size`: out far enough to
    /// fit it, in to 400 %.
    pub fn zoom_limits(bounds: Option<Rect>, size: Vec2) -> (f32, f32) {
        let fit = bounds.map_or(1.0, |b| Camera::fit(b, size).zoom);
        ((fit * 0.5).min(MIN_ZOOM), MAX_ZOOM)
    }

    /// Zooms by `factor`, keeping the chart point under `anchor` (canvas-local) in place.
    pub fn zoom_about(&mut self, factor: f32, anchor: Pos2, limits: (f32, f32)) {
        let new_zoom = (self.zoom * factor).clamp(limits.0, limits.1);
        let chart_point = self.to_chart(anchor);
        self.zoom = new_zoom;
        self.pan = anchor.to_vec2() - chart_point.to_vec2() * new_zoom;
    }

    /// Pans so that chart point `point` sits at the centre of a canvas of `size`.
    pub fn centre_on(&mut self, point: Pos2, size: Vec2) {
        self.pan = size / 2.0 - point.to_vec2() * self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_anchor_still_and_respects_limits() {
        let mut camera = Camera {
            zoom: 1.0,
            pan: Vec2::new(10.0, 20.0),
        };
        let anchor = Pos2::new(300.0, 200.0);
        let under = camera.to_chart(anchor);
        camera.zoom_about(1.5, anchor, (0.1, 4.0));
        assert!((camera.to_chart(anchor) - under).length() < 1e-3);
        camera.zoom_about(100.0, anchor, (0.1, 4.0));
        assert_eq!(camera.zoom, 4.0);
    }

    #[test]
    fn fit_shows_the_whole_chart() {
        let bounds = Rect::from_min_size(Pos2::new(-50.0, 0.0), Vec2::new(4000.0, 900.0));
        let size = Vec2::new(1000.0, 700.0);
        let camera = Camera::fit(bounds, size);
        let shown = camera.visible_chart_rect(size);
        assert!(shown.contains_rect(bounds));
    }
}
