//! The egui_graphs edge display: the connector paths of [`crate::layout::route`] —
//! orthogonal elbows, side hooks for assistants, dashed dotted lines.

use egui::{Pos2, Rect, Shape, Stroke};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps, Node};
use petgraph::{stable_graph::IndexType, EdgeType};

use super::card_shape::{CardPayload, CardShape};
use super::look::Palette;
use crate::layout::{route, LinkKind, Orientation, RectInChart, CARD_SPEC};

/// What an edge carries.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// How it runs.
    pub kind: LinkKind,
    /// The gap between a manager's block and its subordinates, in chart units; the bus
    /// bar runs through its middle.
    pub level_gap: f32,
    /// Which way the chart grows.
    pub orientation: Orientation,
}

/// The edge display.
#[derive(Clone, Debug)]
pub struct LinkShape {
    link: Link,
}

impl From<EdgeProps<Link>> for LinkShape {
    fn from(props: EdgeProps<Link>) -> LinkShape {
        LinkShape {
            link: props.payload,
        }
    }
}

type CardNode<Ty, Ix> = Node<CardPayload, Link, Ty, Ix, CardShape>;

fn card_rect<Ty: EdgeType, Ix: IndexType>(node: &CardNode<Ty, Ix>) -> RectInChart {
    let payload = node.payload();
    let (width, height) = (payload.text.width, payload.text.height);
    let centre = node.location();
    RectInChart {
        x: centre.x - width / 2.0,
        y: centre.y - height / 2.0,
        width,
        height,
    }
}

impl<Ty: EdgeType, Ix: IndexType> DisplayEdge<CardPayload, Link, Ty, Ix, CardShape> for LinkShape {
    fn shapes(
        &mut self,
        start: &CardNode<Ty, Ix>,
        end: &CardNode<Ty, Ix>,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        let path = route(
            self.link.kind,
            self.link.level_gap,
            self.link.orientation,
            card_rect(start),
            card_rect(end),
        );
        let screen: Vec<Pos2> = path
            .iter()
            .map(|&[x, y]| ctx.meta.canvas_to_screen_pos(Pos2::new(x, y)))
            .collect();
        let bounds = Rect::from_points(&screen);
        if !ctx.painter.clip_rect().intersects(bounds.expand(4.0)) {
            return Vec::new();
        }
        let palette = Palette::new(ctx.ctx.global_style().visuals.dark_mode);
        let width = (CARD_SPEC.connector_width * ctx.meta.zoom).clamp(0.6, 2.5);
        match self.link.kind {
            LinkKind::Dotted => {
                let [dash, gap] = CARD_SPEC.dotted_dash;
                Shape::dashed_line(&screen, Stroke::new(width, palette.dotted), dash, gap)
            }
            _ => vec![Shape::line(screen, Stroke::new(width, palette.connector))],
        }
    }

    fn update(&mut self, state: &EdgeProps<Link>) {
        self.link = state.payload;
    }

    fn is_inside(&self, _start: &CardNode<Ty, Ix>, _end: &CardNode<Ty, Ix>, _pos: Pos2) -> bool {
        false
    }

    fn extra_bounds(
        &self,
        start: &CardNode<Ty, Ix>,
        end: &CardNode<Ty, Ix>,
    ) -> Option<(Pos2, Pos2)> {
        let both = card_rect(start).union(&card_rect(end));
        Some((
            Pos2::new(both.x, both.y),
            Pos2::new(both.right(), both.bottom()),
        ))
    }
}
