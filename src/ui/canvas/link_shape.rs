//! The egui_graphs edge display: the connector paths of [`crate::layout::route`] —
//! orthogonal elbows, side hooks for assistants — and the lines the layout's
//! [`crate::layout::Routing`] routed around the cards: dashed dotted lines, the stubs of
//! far ones with their labels (an edge from the card to itself), and the lines to
//! hand-placed cards.

use std::borrow::Cow;
use std::sync::Arc;

use egui::{FontFamily, FontId, Pos2, Rect, Shape, Stroke};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps, Node};
use petgraph::{stable_graph::IndexType, EdgeType};

use super::card_shape::{CardPayload, CardShape};
use super::look::Palette;
use crate::layout::{route, LinkKind, Orientation, RectInChart, Stub, CARD_SPEC};
use crate::ui::fonts::CARD_FAMILY;

/// Below this size on screen a stub's label is not drawn, in points.
const LABEL_FROM_PX: f32 = 5.0;

/// What an edge carries.
#[derive(Clone, Debug)]
pub struct Link {
    /// How it runs.
    pub kind: LinkKind,
    /// The gap between a manager's block and its subordinates, in chart units; the bus
    /// bar runs through its middle.
    pub level_gap: f32,
    /// Which way the chart grows.
    pub orientation: Orientation,
    /// The line as the layout's routing runs it; `None` for a tree line, which runs
    /// between its two cards as [`route`] says.
    pub routed: Option<Routed>,
}

/// A line routed around the cards, in chart units.
#[derive(Clone, Debug)]
pub enum Routed {
    /// The whole line: a dotted line, or the line to a pinned card.
    Path(Arc<[[f32; 2]]>),
    /// A far dotted line's stub, on an edge from the subordinate to itself.
    Stub(Arc<Stub>),
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

impl LinkShape {
    /// The line's points in chart units.
    fn points<Ty: EdgeType, Ix: IndexType>(
        &self,
        start: &CardNode<Ty, Ix>,
        end: &CardNode<Ty, Ix>,
    ) -> Cow<'_, [[f32; 2]]> {
        match &self.link.routed {
            Some(Routed::Path(points)) => Cow::Borrowed(points),
            Some(Routed::Stub(stub)) => Cow::Borrowed(&stub.points),
            None => Cow::Owned(route(
                self.link.kind,
                self.link.level_gap,
                self.link.orientation,
                card_rect(start),
                card_rect(end),
            )),
        }
    }
}

impl<Ty: EdgeType, Ix: IndexType> DisplayEdge<CardPayload, Link, Ty, Ix, CardShape> for LinkShape {
    fn shapes(
        &mut self,
        start: &CardNode<Ty, Ix>,
        end: &CardNode<Ty, Ix>,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        let screen: Vec<Pos2> = self
            .points(start, end)
            .iter()
            .map(|&[x, y]| ctx.meta.canvas_to_screen_pos(Pos2::new(x, y)))
            .collect();
        let mut bounds = Rect::from_points(&screen);
        let label = match &self.link.routed {
            Some(Routed::Stub(stub)) => {
                let rect = stub.label_rect;
                let min = ctx.meta.canvas_to_screen_pos(Pos2::new(rect.x, rect.y));
                let max = ctx
                    .meta
                    .canvas_to_screen_pos(Pos2::new(rect.right(), rect.bottom()));
                bounds = bounds.union(Rect::from_min_max(min, max));
                Some(stub)
            }
            _ => None,
        };
        if !ctx.painter.clip_rect().intersects(bounds.expand(4.0)) {
            return Vec::new();
        }
        let palette = Palette::new(ctx.ctx.global_style().visuals.dark_mode);
        let zoom = ctx.meta.zoom;
        let width = (CARD_SPEC.connector_width * zoom).clamp(0.6, 2.5);
        let mut shapes = match self.link.kind {
            LinkKind::Dotted => {
                let [dash, gap] = CARD_SPEC.dotted_dash;
                Shape::dashed_line(&screen, Stroke::new(width, palette.dotted), dash, gap)
            }
            _ => vec![Shape::line(screen, Stroke::new(width, palette.connector))],
        };
        if let Some(stub) = label.filter(|stub| stub.font_px * zoom >= LABEL_FROM_PX) {
            let font = FontId::new(stub.font_px * zoom, FontFamily::Name(CARD_FAMILY.into()));
            let galley = ctx
                .ctx
                .fonts_mut(|f| f.layout_no_wrap(stub.label.clone(), font, palette.dotted));
            let top = stub.text_top(crate::fonts::ascent_em());
            let at = ctx
                .meta
                .canvas_to_screen_pos(Pos2::new(stub.label_rect.x, top));
            shapes.push(Shape::galley(at, galley, palette.dotted));
        }
        shapes
    }

    fn update(&mut self, state: &EdgeProps<Link>) {
        self.link = state.payload.clone();
    }

    fn is_inside(&self, _start: &CardNode<Ty, Ix>, _end: &CardNode<Ty, Ix>, _pos: Pos2) -> bool {
        false
    }

    fn extra_bounds(
        &self,
        start: &CardNode<Ty, Ix>,
        end: &CardNode<Ty, Ix>,
    ) -> Option<(Pos2, Pos2)> {
        let mut both = card_rect(start).union(&card_rect(end));
        if let Some(Routed::Stub(stub)) = &self.link.routed {
            both = both.union(&stub.label_rect);
        }
        for &[x, y] in self.points(start, end).iter() {
            let point = RectInChart {
                x,
                y,
                width: 0.0,
                height: 0.0,
            };
            both = both.union(&point);
        }
        Some((
            Pos2::new(both.x, both.y),
            Pos2::new(both.right(), both.bottom()),
        ))
    }
}
