//! The egui_graphs edge display: orthogonal elbow connectors, side hooks for assistants,
//! and dashed dotted-line links.

use egui::{Pos2, Rect, Shape, Stroke, Vec2};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps, Node};
use petgraph::{stable_graph::IndexType, EdgeType};

use super::card_shape::{CardPayload, CardShape};
use super::look::Palette;

/// How a connector runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Manager above, subordinate below: down to a bus bar, across, down.
    Tree,
    /// A card beside its manager's line (assistant, compact team): down the line, then
    /// across to the card's side.
    Side,
    /// To a pinned card, wherever it is.
    Free,
    /// A dotted (secondary) reporting line, drawn dashed.
    Dotted,
}

/// What an edge carries.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// How it runs.
    pub kind: LinkKind,
    /// The gap between a manager's block and its subordinates, in chart units; the bus
    /// bar runs through its middle.
    pub level_gap: f32,
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

fn card_rect<Ty: EdgeType, Ix: IndexType>(
    node: &Node<CardPayload, Link, Ty, Ix, CardShape>,
) -> Rect {
    let payload = node.payload();
    Rect::from_center_size(
        node.location(),
        Vec2::new(payload.text.width, payload.text.height),
    )
}

/// The connector's path in chart space, from manager `from` to subordinate `to`.
pub fn route(kind: LinkKind, level_gap: f32, from: Rect, to: Rect) -> Vec<Pos2> {
    match kind {
        LinkKind::Tree => {
            let bus = to.top() - level_gap / 2.0;
            vec![
                Pos2::new(from.center().x, from.bottom()),
                Pos2::new(from.center().x, bus),
                Pos2::new(to.center().x, bus),
                Pos2::new(to.center().x, to.top()),
            ]
        }
        LinkKind::Side => {
            let x = from.center().x;
            let y = to.center().y;
            let side = if to.center().x >= x {
                to.left()
            } else {
                to.right()
            };
            vec![
                Pos2::new(x, from.bottom()),
                Pos2::new(x, y),
                Pos2::new(side, y),
            ]
        }
        LinkKind::Free | LinkKind::Dotted => {
            if to.top() > from.bottom() + 8.0 {
                let middle = (from.bottom() + to.top()) / 2.0;
                vec![
                    Pos2::new(from.center().x, from.bottom()),
                    Pos2::new(from.center().x, middle),
                    Pos2::new(to.center().x, middle),
                    Pos2::new(to.center().x, to.top()),
                ]
            } else if from.top() > to.bottom() + 8.0 {
                let middle = (to.bottom() + from.top()) / 2.0;
                vec![
                    Pos2::new(from.center().x, from.top()),
                    Pos2::new(from.center().x, middle),
                    Pos2::new(to.center().x, middle),
                    Pos2::new(to.center().x, to.bottom()),
                ]
            } else {
                let (a, b) = if from.center().x <= to.center().x {
                    (from.right_center(), to.left_center())
                } else {
                    (from.left_center(), to.right_center())
                };
                vec![a, b]
            }
        }
    }
}

impl<Ty: EdgeType, Ix: IndexType> DisplayEdge<CardPayload, Link, Ty, Ix, CardShape> for LinkShape {
    fn shapes(
        &mut self,
        start: &Node<CardPayload, Link, Ty, Ix, CardShape>,
        end: &Node<CardPayload, Link, Ty, Ix, CardShape>,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        let path = route(
            self.link.kind,
            self.link.level_gap,
            card_rect(start),
            card_rect(end),
        );
        let screen: Vec<Pos2> = path
            .iter()
            .map(|&p| ctx.meta.canvas_to_screen_pos(p))
            .collect();
        let bounds = Rect::from_points(&screen);
        if !ctx.painter.clip_rect().intersects(bounds.expand(4.0)) {
            return Vec::new();
        }
        let dark = ctx.ctx.global_style().visuals.dark_mode;
        let palette = Palette::new(dark);
        let width = (1.5 * ctx.meta.zoom).clamp(0.6, 2.5);
        match self.link.kind {
            LinkKind::Dotted => {
                Shape::dashed_line(&screen, Stroke::new(width, palette.dotted), 6.0, 4.0)
            }
            _ => vec![Shape::line(screen, Stroke::new(width, palette.connector))],
        }
    }

    fn update(&mut self, state: &EdgeProps<Link>) {
        self.link = state.payload;
    }

    fn is_inside(
        &self,
        _start: &Node<CardPayload, Link, Ty, Ix, CardShape>,
        _end: &Node<CardPayload, Link, Ty, Ix, CardShape>,
        _pos: Pos2,
    ) -> bool {
        false
    }

    fn extra_bounds(
        &self,
        start: &Node<CardPayload, Link, Ty, Ix, CardShape>,
        end: &Node<CardPayload, Link, Ty, Ix, CardShape>,
    ) -> Option<(Pos2, Pos2)> {
        let (a, b) = (card_rect(start), card_rect(end));
        let both = a.union(b);
        Some((both.min, both.max))
    }
}
