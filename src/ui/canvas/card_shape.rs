//! The egui_graphs node display: an org-chart card drawn from the layout's card text.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontFamily, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
};
use egui_graphs::{DisplayNode, DrawContext, NodeProps};
use petgraph::{stable_graph::IndexType, EdgeType};

use super::look::{colour32, DropMark, Palette};
use crate::layout::{CardStyle, CardText, ChangeLook, LineRole, CARD_SPEC};
use crate::model::{Colour, NodeId, NodeKind};
use crate::ui::fonts::CARD_FAMILY;

/// Below this height on screen a card is a plain coloured block.
const BLOCK_BELOW_PX: f32 = 7.0;
/// Below this height on screen a card shows no change tag and no fold handle.
const TEXT_FROM_PX: f32 = 18.0;
/// Below this size on screen, in pixels, a card's text is not drawn (the card keeps its
/// frame). It is a size of text, not of card, so every card's text comes and goes at the
/// same zoom: a short unit card's as well as a tall card's with duties.
const TEXT_FROM_FONT_PX: f32 = 4.5;

/// True when `text` at `zoom` is large enough on screen to be drawn.
fn shows_text(text: &CardText, zoom: f32) -> bool {
    let largest_px = text.lines.iter().map(|l| l.font_px).fold(0.0, f32::max);
    largest_px * zoom >= TEXT_FROM_FONT_PX
}

/// What the canvas knows about one card: its node, text and marks.
#[derive(Clone, Debug)]
pub struct CardPayload {
    /// The node.
    pub id: NodeId,
    /// Its text, laid out in chart units.
    pub text: Arc<CardText>,
    /// How its frame looks.
    pub look: CardLook,
    /// In the overview (far zoomed out): the area its folded-in subtree covers, in chart
    /// space, drawn as a block behind the card.
    pub block: Option<Rect>,
    /// While comparing, the words on the card's change tag (`new`, `from 市场部`).
    pub tag: Option<Arc<str>>,
}

/// A card's marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardLook {
    /// Unit, position or assistant.
    pub kind: NodeKind,
    /// Its own or its unit's colour.
    pub colour: Option<Colour>,
    /// Its subtree is folded away.
    pub collapsed: bool,
    /// How many nodes the fold hides.
    pub hidden_below: u32,
    /// It has subordinates (so it can fold).
    pub has_children: bool,
    /// It has a manual place.
    pub pinned: bool,
    /// It is selected.
    pub selected: bool,
    /// It matches the search.
    pub search_hit: bool,
    /// It is the current search match.
    pub current_hit: bool,
    /// It is under a dragged card.
    pub drop: DropMark,
    /// While comparing: how the card changed.
    pub change: Option<ChangeLook>,
}

/// The node display: the card's centre in chart space plus its payload.
#[derive(Clone, Debug)]
pub struct CardShape {
    centre: Pos2,
    payload: Option<CardPayload>,
}

impl CardShape {
    fn size(&self) -> Vec2 {
        self.payload.as_ref().map_or(Vec2::splat(10.0), |p| {
            Vec2::new(p.text.width, p.text.height)
        })
    }

    fn rect(&self) -> Rect {
        Rect::from_center_size(self.centre, self.size())
    }
}

impl From<NodeProps<CardPayload>> for CardShape {
    fn from(props: NodeProps<CardPayload>) -> CardShape {
        CardShape {
            centre: props.location(),
            payload: Some(props.payload),
        }
    }
}

impl<E: Clone, Ty: EdgeType, Ix: IndexType> DisplayNode<CardPayload, E, Ty, Ix> for CardShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let half = self.size() / 2.0;
        if dir.length_sq() <= f32::EPSILON {
            return self.centre + Vec2::new(half.x, 0.0);
        }
        let t = (half.x / dir.x.abs().max(1e-6)).min(half.y / dir.y.abs().max(1e-6));
        self.centre + dir * t
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let Some(payload) = &self.payload else {
            return Vec::new();
        };
        let zoom = ctx.meta.zoom;
        let rect = Rect::from_center_size(
            ctx.meta.canvas_to_screen_pos(self.centre),
            self.size() * zoom,
        );
        if !ctx.painter.clip_rect().intersects(rect.expand(8.0)) {
            return Vec::new();
        }
        let dark = ctx.ctx.global_style().visuals.dark_mode;
        card_shapes(ctx.ctx, rect, zoom, payload, &Palette::new(dark))
    }

    fn update(&mut self, state: &NodeProps<CardPayload>) {
        self.centre = state.location();
        self.payload = Some(state.payload.clone());
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        self.rect().contains(pos)
    }
}

/// The shapes of one card drawn in `rect` (screen space) at `zoom`, from the one card
/// spec the exports draw from too ([`CARD_SPEC`]).
pub fn card_shapes(
    ctx: &egui::Context,
    rect: Rect,
    zoom: f32,
    payload: &CardPayload,
    palette: &Palette,
) -> Vec<Shape> {
    let look = &payload.look;
    let band = palette.band(look.colour);
    let mut shapes = Vec::with_capacity(12);
    if rect.height() < BLOCK_BELOW_PX {
        let fill = if look.selected {
            palette.selection
        } else {
            band
        };
        shapes.push(Shape::rect_filled(rect, 0.0, fill));
        return shapes;
    }
    let radius = CornerRadius::same((CARD_SPEC.corner_radius * zoom).clamp(1.0, 10.0) as u8);
    frame_shapes(&mut shapes, rect, zoom, radius, look, palette);
    if shows_text(&payload.text, zoom) {
        text_shapes(&mut shapes, ctx, rect, zoom, payload, palette);
        badge_shapes(&mut shapes, ctx, rect, zoom, look, palette);
    }
    if let Some(change) = look.change {
        let tag = payload.tag.as_deref().unwrap_or("");
        change_shapes(&mut shapes, ctx, rect, zoom, (change, tag), palette, None);
    }
    mark_shapes(&mut shapes, rect, zoom, radius, look, palette);
    shapes
}

/// A comparison's outline around a card in `change`'s colour, dashed for a ghost, and
/// its tag on the top-right corner (when the card is big enough for text).
pub fn change_shapes(
    shapes: &mut Vec<Shape>,
    ctx: &egui::Context,
    rect: Rect,
    zoom: f32,
    (change, tag): (ChangeLook, &str),
    palette: &Palette,
    dash: Option<[f32; 2]>,
) {
    let colour = colour32(CARD_SPEC.change_colour(change, &palette.theme));
    let width = (CARD_SPEC.change_border * zoom).clamp(1.5, 4.0);
    let outline = rect.expand(width / 2.0);
    match dash {
        Some(dash) => {
            let path = [
                outline.left_top(),
                outline.right_top(),
                outline.right_bottom(),
                outline.left_bottom(),
                outline.left_top(),
            ];
            let [on, off] = super::changes::screen_dash(dash, zoom);
            shapes.extend(Shape::dashed_line(
                &path,
                Stroke::new(width, colour),
                on,
                off,
            ));
        }
        None => {
            let radius =
                ((CARD_SPEC.corner_radius + CARD_SPEC.change_border / 2.0) * zoom).clamp(1.0, 12.0);
            shapes.push(Shape::rect_stroke(
                outline,
                CornerRadius::same(radius as u8),
                Stroke::new(width, colour),
                StrokeKind::Middle,
            ));
        }
    }
    if rect.height() < TEXT_FROM_PX || tag.is_empty() {
        return;
    }
    let px = CARD_SPEC.change_tag_px;
    let room = rect.width() / zoom - 2.0 * CARD_SPEC.change_tag_padding_x;
    let text = crate::export::fit_text(tag, px, room);
    let font = FontId::new(px * zoom, FontFamily::Name(CARD_FAMILY.into()));
    let galley = ctx.fonts_mut(|f| f.layout_no_wrap(text.clone(), font, Color32::WHITE));
    let [x, y, w, h] = CARD_SPEC.change_tag_pill(
        [
            rect.min.x / zoom,
            rect.min.y / zoom,
            rect.width() / zoom,
            rect.height() / zoom,
        ],
        crate::fonts::text_width(&text, px),
    );
    let pill = Rect::from_min_size(Pos2::new(x, y) * zoom, Vec2::new(w, h) * zoom);
    shapes.push(Shape::rect_filled(
        pill,
        CornerRadius::same((pill.height() / 2.0) as u8),
        colour,
    ));
    let at = Pos2::new(
        pill.min.x + CARD_SPEC.change_tag_padding_x * zoom,
        pill.center().y - galley.size().y / 2.0,
    );
    shapes.push(Shape::galley(at, galley, Color32::WHITE));
}

/// The card's fill, its kind's colour band or side bar, and its border.
fn frame_shapes(
    shapes: &mut Vec<Shape>,
    rect: Rect,
    zoom: f32,
    radius: CornerRadius,
    look: &CardLook,
    palette: &Palette,
) {
    let band = palette.band(look.colour);
    let colours = CARD_SPEC.colours(look.kind, [band.r(), band.g(), band.b()], &palette.theme);
    shapes.push(Shape::rect_filled(rect, radius, colour32(colours.fill)));
    // Kind marks: a colour band on top of positions, a bar on the left of assistants.
    let depth = (CardStyle::default().band_height * zoom).max(1.0);
    match look.kind {
        NodeKind::Position => {
            let top = Rect::from_min_max(rect.min, Pos2::new(rect.max.x, rect.min.y + depth));
            let corners = CornerRadius {
                nw: radius.nw,
                ne: radius.ne,
                sw: 0,
                se: 0,
            };
            shapes.push(Shape::rect_filled(top, corners, band));
        }
        NodeKind::Assistant => {
            let side = Rect::from_min_max(rect.min, Pos2::new(rect.min.x + depth, rect.max.y));
            let corners = CornerRadius {
                nw: radius.nw,
                sw: radius.sw,
                ne: 0,
                se: 0,
            };
            shapes.push(Shape::rect_filled(side, corners, band));
        }
        NodeKind::Unit => {}
    }
    let border = Stroke::new(CARD_SPEC.border_width(look.kind), colour32(colours.border));
    match CARD_SPEC.border_dash(look.kind) {
        Some([dash, gap]) => {
            let path = [
                rect.left_top(),
                rect.right_top(),
                rect.right_bottom(),
                rect.left_bottom(),
                rect.left_top(),
            ];
            shapes.extend(Shape::dashed_line(&path, border, dash, gap));
        }
        None => shapes.push(Shape::rect_stroke(rect, radius, border, StrokeKind::Inside)),
    }
}

/// The card's lines of text, with the headcount badge's pill and the duties' bullets.
fn text_shapes(
    shapes: &mut Vec<Shape>,
    ctx: &egui::Context,
    rect: Rect,
    zoom: f32,
    payload: &CardPayload,
    palette: &Palette,
) {
    let style = CardStyle::default();
    for line in &payload.text.lines {
        let colour = colour32(CARD_SPEC.ink(line.role, &palette.theme));
        let font = FontId::new(line.font_px * zoom, FontFamily::Name(CARD_FAMILY.into()));
        let at = rect.min + Vec2::new(line.offset[0], line.offset[1]) * zoom;
        let galley = ctx.fonts_mut(|f| f.layout_no_wrap(line.text.clone(), font.clone(), colour));
        if line.role == LineRole::Badge {
            let [x, y, width, height] = CARD_SPEC.badge_pill(
                line.offset[0],
                line.offset[1],
                galley.size().x / zoom,
                line.font_px * style.line_height,
            );
            let pill = Rect::from_min_size(
                rect.min + Vec2::new(x, y) * zoom,
                Vec2::new(width, height) * zoom,
            );
            shapes.push(Shape::rect_filled(
                pill,
                CornerRadius::same((pill.height() / 2.0) as u8),
                palette.badge_fill,
            ));
        }
        if let LineRole::Duty { first: true } = line.role {
            let bullet = ctx.fonts_mut(|f| {
                f.layout_no_wrap(
                    crate::layout::card::DUTY_BULLET.to_owned(),
                    font.clone(),
                    colour,
                )
            });
            let indent = (crate::fonts::text_width(crate::layout::card::DUTY_BULLET, line.font_px)
                + CARD_SPEC.bullet_gap)
                * zoom;
            shapes.push(Shape::galley(at - Vec2::new(indent, 0.0), bullet, colour));
        }
        shapes.push(Shape::galley(at, galley, colour));
    }
}

/// The pin mark of a card placed by hand, and the "+N" badge of a folded card.
fn badge_shapes(
    shapes: &mut Vec<Shape>,
    ctx: &egui::Context,
    rect: Rect,
    zoom: f32,
    look: &CardLook,
    palette: &Palette,
) {
    if look.pinned {
        let font = FontId::new(11.0 * zoom, FontFamily::Proportional);
        let galley = ctx.fonts_mut(|f| f.layout_no_wrap("📌".to_owned(), font, palette.holder));
        shapes.push(Shape::galley(
            rect.right_top() + Vec2::new(-galley.size().x - 3.0 * zoom, 2.0 * zoom),
            galley,
            palette.holder,
        ));
    }
    if look.collapsed && look.hidden_below > 0 {
        let font = FontId::new(CARD_SPEC.fold_badge_px * zoom, FontFamily::Proportional);
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(format!("+{}", look.hidden_below), font, Color32::WHITE)
        });
        let [x, y, width, height] = CARD_SPEC.fold_pill(
            rect.center().x / zoom,
            rect.max.y / zoom,
            galley.size().x / zoom,
        );
        let pill = Rect::from_min_size(Pos2::new(x, y) * zoom, Vec2::new(width, height) * zoom);
        shapes.push(Shape::rect_filled(
            pill,
            CornerRadius::same((pill.height() / 2.0) as u8),
            palette.band(look.colour),
        ));
        shapes.push(Shape::galley(
            pill.center() - galley.size() / 2.0,
            galley,
            Color32::WHITE,
        ));
    }
}

/// The fold toggle of a selected card, and the outer marks (search, selection, drop),
/// strongest last.
fn mark_shapes(
    shapes: &mut Vec<Shape>,
    rect: Rect,
    zoom: f32,
    radius: CornerRadius,
    look: &CardLook,
    palette: &Palette,
) {
    if look.selected && look.has_children && !look.collapsed && rect.height() >= TEXT_FROM_PX {
        let centre = Pos2::new(rect.center().x, rect.max.y);
        let size = (7.0 * zoom).clamp(5.0, 9.0);
        shapes.push(Shape::circle_filled(centre, size, palette.selection));
        shapes.push(Shape::line_segment(
            [
                centre - Vec2::new(size * 0.5, 0.0),
                centre + Vec2::new(size * 0.5, 0.0),
            ],
            Stroke::new(1.5, Color32::WHITE),
        ));
    }
    let mark = |width: f32, colour: Color32| {
        Shape::rect_stroke(
            rect.expand(width / 2.0 + 1.0),
            radius,
            Stroke::new(width, colour),
            StrokeKind::Middle,
        )
    };
    if look.search_hit {
        shapes.push(mark(2.5, palette.search_hit));
    }
    if look.current_hit {
        shapes.push(mark(3.5, palette.current_hit));
    }
    if look.selected {
        shapes.push(mark(2.5, palette.selection));
    }
    match look.drop {
        DropMark::Accept => shapes.push(mark(3.5, palette.accept)),
        DropMark::Refuse => shapes.push(mark(3.5, palette.refuse)),
        DropMark::None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::card_text;
    use crate::model::Node;

    #[test]
    fn every_card_shows_its_text_from_the_same_zoom_whatever_its_height() {
        let style = CardStyle {
            show_duties: true,
            ..CardStyle::default()
        };
        let short = card_text(&Node::new(NodeKind::Position, "销售主管"), &style);
        let mut post = Node::new(NodeKind::Position, "大区销售经理");
        post.duties = (0..8).map(|n| format!("负责第 {n} 项工作")).collect();
        let tall = card_text(&post, &style);
        assert!(tall.height > 3.0 * short.height);
        for zoom in [0.2, 0.3, 0.32, 0.35, 0.5, 1.0] {
            assert_eq!(
                shows_text(&short, zoom),
                shows_text(&tall, zoom),
                "at zoom {zoom}"
            );
        }
        // A one-line unit card, 41 units high, shows its name where a card's text is
        // large enough to see, though the card is only 14 pixels high there.
        let unit = card_text(&Node::new(NodeKind::Unit, "销售部"), &style);
        assert!(unit.height * 0.35 < TEXT_FROM_PX);
        assert!(shows_text(&unit, 0.35) && !shows_text(&unit, 0.2));
    }
}
