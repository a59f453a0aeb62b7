//! A comparison on the canvas, beyond the marks on cards: the removed nodes' ghost cards
//! with dashed lines from their old managers, and the tooltip that says what changed.

use egui::{Pos2, Rect, Shape, Stroke, Vec2};

use super::card_shape::{card_shapes, change_shapes, CardLook, CardPayload};
use super::look::{colour32, DropMark, Palette};
use super::scene::to_rect;
use super::Canvas;
use crate::compare::Mark;
use crate::editor::Editor;
use crate::layout::{route, ChangeLook, LinkKind, RectInChart, CARD_SPEC};
use crate::theme::mix;

impl Canvas {
    /// The screen rectangle of `rect` (chart space).
    fn on_screen(&self, rect: RectInChart, editor: &Editor) -> Rect {
        let [x, y, width, height] = editor.viewport().canvas_rect(rect);
        Rect::from_min_size(self.rect.min + Vec2::new(x, y), Vec2::new(width, height))
    }

    /// Draws each visible ghost card: faded, dashed, tagged "removed", with a dashed line
    /// from the card it hangs under.
    pub(super) fn draw_removed(&self, ui: &egui::Ui, editor: &Editor) {
        let Some(comparison) = editor.comparison() else {
            return;
        };
        let Some(look) = editor.document().look() else {
            return;
        };
        let view = to_rect(editor.viewport().visible());
        let zoom = editor.viewport().zoom;
        let palette = Palette::new(ui.visuals().dark_mode);
        let removed = colour32(CARD_SPEC.change_colour(ChangeLook::Removed, &palette.theme));
        let faded = faded(&palette);
        let painter = ui.painter().with_clip_rect(self.rect);
        for place in comparison.ghosts() {
            if !view.intersects(to_rect(place.rect).expand(40.0)) {
                continue;
            }
            let (Some(ghost), Some(text)) = (
                comparison.marks().ghosts.get(place.ghost),
                comparison.ghost_card(place.ghost),
            ) else {
                continue;
            };
            let rect = self.on_screen(place.rect, editor);
            if rect.height() < TINY_PX {
                // Far zoomed out: a dot of the removed colour is all that shows.
                painter.rect_filled(rect.expand(1.0), 0.0, removed);
                continue;
            }
            if let Some(anchor) = editor.document().layout().rect(place.anchor) {
                let points: Vec<Pos2> = route(
                    LinkKind::Free,
                    look.layout.level_gap,
                    look.layout.orientation,
                    anchor,
                    place.rect,
                )
                .into_iter()
                .map(|[x, y]| {
                    let [x, y] = editor.viewport().to_canvas([x, y]);
                    self.rect.min + Vec2::new(x, y)
                })
                .collect();
                let [on, off] = screen_dash(CARD_SPEC.ghost_dash, zoom);
                painter.extend(Shape::dashed_line(
                    &points,
                    Stroke::new(CARD_SPEC.connector_width, removed),
                    on,
                    off,
                ));
            }
            let payload = CardPayload {
                id: ghost.old_id,
                text: text.clone(),
                look: ghost_look(ghost.node.kind),
                block: None,
                tag: None,
            };
            let mut shapes = card_shapes(ui.ctx(), rect, zoom, &payload, &faded);
            let tag = crate::export::removed_tag(ghost.below, crate::i18n::current());
            change_shapes(
                &mut shapes,
                ui.ctx(),
                rect,
                zoom,
                (ChangeLook::Removed, &tag),
                &palette,
                Some(CARD_SPEC.ghost_dash),
            );
            painter.extend(shapes);
        }
    }

    /// While the pointer rests on a changed card or a ghost, says what changed.
    pub(super) fn change_tooltip(&self, response: &egui::Response, editor: &Editor) {
        let Some(comparison) = editor.comparison() else {
            return;
        };
        let Some(pointer) = response.hover_pos() else {
            return;
        };
        if let Some(mark) = self
            .card_at(pointer, editor)
            .and_then(|id| comparison.marks().mark(id))
        {
            let mark = mark.clone();
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(egui::RichText::new(mark_tag(&mark)).strong());
                for field in &mark.fields {
                    ui.label(crate::t!(
                        "canvas-field-change",
                        field =
                            crate::export::changed_field_name(field.field, crate::i18n::current()),
                        old = one_line(&field.old),
                        new = one_line(&field.new)
                    ));
                }
            });
            return;
        }
        let point = {
            let local = pointer - self.rect.min;
            let [x, y] = editor.viewport().to_chart([local.x, local.y]);
            Pos2::new(x, y)
        };
        let ghost = comparison
            .ghosts()
            .iter()
            .find(|place| to_rect(place.rect).contains(point))
            .and_then(|place| comparison.marks().ghosts.get(place.ghost));
        if let Some(ghost) = ghost {
            let title = ghost.node.title.clone();
            let below = ghost.below;
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(egui::RichText::new(crate::t!("canvas-removed", title = &title)).strong());
                if below > 0 {
                    ui.label(crate::t!("canvas-removed-below", below = below));
                }
            });
        }
    }
}

/// The few words on a changed card's tag, as exports write them: `new`,
/// `from 大区销售经理`, `changed: holder`.
pub(super) fn mark_tag(mark: &Mark) -> String {
    crate::export::change_tag(mark, crate::i18n::current())
}

/// A dash pattern in chart units as screen pixels at `zoom`, never shorter than a few
/// pixels: far zoomed out, a long line would otherwise be drawn as thousands of dashes.
pub(super) fn screen_dash([on, off]: [f32; 2], zoom: f32) -> [f32; 2] {
    [
        (on * zoom).max(MIN_DASH_PX),
        (off * zoom).max(MIN_DASH_PX * 0.75),
    ]
}

/// Below this height on screen a ghost is drawn as a dot.
const TINY_PX: f32 = 4.0;

/// The shortest dash drawn, in pixels.
const MIN_DASH_PX: f32 = 3.0;

/// `text` on one line, cut to 80 characters.
fn one_line(text: &str) -> String {
    let line = text.replace('\n', "; ");
    if line.chars().count() > 80 {
        line.chars().take(79).collect::<String>() + "…"
    } else {
        line
    }
}

/// The palette a ghost card is drawn in: its text faded into its fill, no border of
/// its own (the dashed outline is drawn over it).
fn faded(palette: &Palette) -> Palette {
    let theme = palette.theme;
    let fade = |ink| mix(theme.card_fill, ink, CARD_SPEC.ghost_ink);
    Palette::of(crate::theme::Palette {
        title: fade(theme.title),
        holder: fade(theme.holder),
        vacant: fade(theme.vacant),
        neutral_band: fade(theme.neutral_band),
        card_border: theme.card_fill,
        ..theme
    })
}

fn ghost_look(kind: crate::model::NodeKind) -> CardLook {
    CardLook {
        kind,
        colour: None,
        collapsed: false,
        hidden_below: 0,
        has_children: false,
        pinned: false,
        selected: false,
        search_hit: false,
        current_hit: false,
        drop: DropMark::None,
        change: None,
    }
}
