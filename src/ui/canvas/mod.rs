//! The chart canvas. egui_graphs draws the cards and connectors through our own node and
//! edge displays; this module owns the camera, turns pointer input into selection, drags
//! and camera moves, and keeps the editor idle when nothing changes.
//!
//! egui_graphs asks for a repaint every time it is shown. So it is shown only when the
//! scene changed (chart, marks, camera, size, theme); otherwise the shapes it drew last
//! time are painted again, and an idle editor does not repaint at all.

pub mod camera;
pub mod card_shape;
pub mod link_shape;
pub mod look;
pub mod scene;

use egui::epaint::ClippedShape;
use egui::{CursorIcon, Id, Pos2, Rect, Sense, Shape, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, Graph, GraphView, Layout, LayoutState, MetadataFrame,
    SettingsInteraction, SettingsNavigation,
};
use petgraph::{stable_graph::IndexType, EdgeType};
use serde::{Deserialize, Serialize};

pub use camera::Camera;
use card_shape::{card_shapes, CardLook, CardPayload};
use look::{DropMark, Palette};
use scene::{to_rect, Marks, Scene};

use crate::model::{ChartPoint, NodeId, NodeKind};
use crate::ui::actions::Action;
use crate::ui::command::Command;
use crate::ui::document::Document;

const GRAPH_ID: &str = "organigram-canvas";
/// Below this fit zoom, a newly opened chart starts at its top instead of fitted.
const OPENING_MIN_ZOOM: f32 = 0.3;

/// How a click changes the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectMode {
    /// Select only this card.
    Replace,
    /// Add or remove this card (Shift or Ctrl click).
    Toggle,
}

/// What the canvas needs to know besides the document.
pub struct CanvasMarks<'a> {
    /// Selected cards.
    pub selection: &'a [NodeId],
    /// Search matches.
    pub search_hits: &'a rustc_hash::FxHashSet<NodeId>,
    /// The current search match.
    pub current_hit: Option<NodeId>,
}

/// A card being dragged.
#[derive(Clone, Copy, Debug)]
struct CardDrag {
    id: NodeId,
    /// Pointer minus the card's top-left corner, in chart units.
    grab: Vec2,
    /// The pointer, in chart units.
    pointer: Pos2,
    target: Option<(NodeId, DropMark)>,
}

/// Shapes drawn last time and what they showed.
struct Replay {
    key: SceneKey,
    shapes: Vec<ClippedShape>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct SceneKey {
    scene_version: u64,
    camera: Camera,
    rect: Rect,
    dark: bool,
    pixels_per_point: f32,
}

/// The canvas's own state.
pub struct Canvas {
    /// Zoom and pan.
    pub camera: Camera,
    fit_pending: bool,
    /// A chart was just opened: fit it, or if that would make it unreadably small, show
    /// its top at a readable zoom.
    opening: bool,
    scene: Scene,
    replay: Option<Replay>,
    drag: Option<CardDrag>,
    panning: bool,
    context_target: Option<NodeId>,
    rect: Rect,
    /// Whether the last frame called egui_graphs (for tests and benchmarks).
    pub drew_graph_last_frame: bool,
    /// The chart just opened was too big to read fitted, so it shows its top instead.
    pub opened_at_top: bool,
}

impl Default for Canvas {
    fn default() -> Canvas {
        Canvas {
            camera: Camera::default(),
            fit_pending: false,
            opening: true,
            scene: Scene::default(),
            replay: None,
            drag: None,
            panning: false,
            opened_at_top: false,
            context_target: None,
            rect: Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0)),
            drew_graph_last_frame: false,
        }
    }
}

/// A layout that leaves nodes where we put them: our own tidy layout places them.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct KeepPlaces;

impl LayoutState for KeepPlaces {}

/// The no-op egui_graphs layout.
#[derive(Debug, Default)]
pub struct KeepPlacesLayout;

impl Layout<KeepPlaces> for KeepPlacesLayout {
    fn from_state(_state: KeepPlaces) -> impl Layout<KeepPlaces> {
        KeepPlacesLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _graph: &mut Graph<N, E, Ty, Ix, Dn, De>,
        _ui: &egui::Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> KeepPlaces {
        KeepPlaces
    }
}

type OrgView = GraphView<KeepPlaces, KeepPlacesLayout>;

impl Canvas {
    /// Fits the chart to the window on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    /// Forgets everything about the previous chart (after opening another).
    pub fn reset(&mut self) {
        *self = Canvas::default();
    }

    /// The canvas's rectangle on screen last frame.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Zooms by `factor` about the canvas centre.
    pub fn zoom_by(&mut self, factor: f32, doc: &mut Document) {
        let limits = Camera::zoom_limits(bounds(doc), self.rect.size());
        self.camera
            .zoom_about(factor, (self.rect.size() / 2.0).to_pos2(), limits);
    }

    /// Scrolls `id` to the centre, keeping the zoom (zooming in if it is too small to read).
    pub fn centre_on(&mut self, id: NodeId, doc: &mut Document) {
        if let Some(rect) = doc.layout().rect(id) {
            if self.camera.zoom < 0.6 {
                self.camera.zoom = 0.8;
            }
            self.camera
                .centre_on(to_rect(rect).center(), self.rect.size());
        }
    }

    /// Shows the first top card near the top of the canvas at a readable zoom.
    fn show_top(&mut self, doc: &mut Document, size: Vec2) {
        let Some(root) = doc.chart().roots().first().copied() else {
            return;
        };
        let Some(rect) = doc.layout().rect(root).map(to_rect) else {
            return;
        };
        self.camera.zoom = 0.8;
        self.camera.centre_on(rect.center(), size);
        self.camera.pan.y = 40.0 - rect.top() * self.camera.zoom;
    }

    /// Where `id`'s card is on screen, if it is visible.
    pub fn screen_rect_of(&self, id: NodeId, doc: &mut Document) -> Option<Rect> {
        let rect = to_rect(doc.layout().rect(id)?);
        let min = self.rect.min + self.camera.to_local(rect.min).to_vec2();
        Some(Rect::from_min_size(min, rect.size() * self.camera.zoom))
    }

    /// The card under the screen point `pointer`, topmost first.
    fn card_at(&self, pointer: Pos2, doc: &mut Document) -> Option<NodeId> {
        let point = self.camera.to_chart(pointer - self.rect.min.to_vec2());
        doc.layout()
            .cards
            .iter()
            .rev()
            .find(|card| to_rect(card.rect).contains(point))
            .map(|card| card.id)
    }

    /// Draws the canvas in `ui` (which it fills) and returns what the user did.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        doc: &mut Document,
        marks: &CanvasMarks<'_>,
    ) -> Vec<Action> {
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        let mut events = Vec::new();
        if self.fit_pending || self.opening {
            if let Some(bounds) = bounds(doc) {
                self.camera = Camera::fit(bounds, rect.size());
                if self.opening && self.camera.zoom < OPENING_MIN_ZOOM {
                    self.show_top(doc, rect.size());
                    self.opened_at_top = true;
                }
            }
            self.fit_pending = false;
            self.opening = false;
        }

        let scene_marks = Marks {
            selected: marks.selection.iter().copied().collect(),
            search_hits: marks.search_hits.clone(),
            current_hit: marks.current_hit,
            drop_target: self.drag.and_then(|drag| drag.target),
        };
        let view = self.camera.visible_chart_rect(rect.size());
        self.scene.sync(doc, view, self.camera.zoom, &scene_marks);
        self.draw(ui, rect);

        let response = ui.interact(
            rect,
            Id::new("organigram-canvas-input"),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::WidgetType::Other, true, "Chart canvas")
        });
        self.handle_pointer(ui, &response, doc, &mut events);
        self.context_menu(&response, doc, &mut events);
        self.draw_drag_ghost(ui, doc);
        events
    }

    fn draw(&mut self, ui: &mut egui::Ui, rect: Rect) {
        let key = SceneKey {
            scene_version: self.scene.version,
            camera: self.camera,
            rect,
            dark: ui.visuals().dark_mode,
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        let layer = ui.layer_id();
        if let Some(replay) = self.replay.as_ref().filter(|replay| replay.key == key) {
            ui.ctx().graphics_mut(|layers| {
                let list = layers.entry(layer);
                for shape in &replay.shapes {
                    list.add(shape.clip_rect, shape.shape.clone());
                }
            });
            ui.allocate_rect(rect, Sense::hover());
            self.drew_graph_last_frame = false;
            return;
        }
        let before = ui
            .ctx()
            .graphics(|layers| layers.get(layer).map_or(0, |list| list.all_entries().len()));
        let mut meta = MetadataFrame::new(Some(GRAPH_ID.to_owned())).load(ui);
        meta.zoom = self.camera.zoom;
        meta.pan = self.camera.pan;
        meta.save(ui);
        let interactions = SettingsInteraction::new()
            .with_dragging_enabled(false)
            .with_hover_enabled(false)
            .with_node_clicking_enabled(false)
            .with_node_selection_enabled(false)
            .with_edge_clicking_enabled(false);
        let navigation = SettingsNavigation::new()
            .with_fit_to_screen_enabled(false)
            .with_zoom_and_pan_enabled(false);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        OrgView::new()
            .with_id(Some(GRAPH_ID.to_owned()))
            .with_interactions(&interactions)
            .with_navigations(&navigation)
            .show(&mut child, &mut self.scene.graph);
        ui.allocate_rect(rect, Sense::hover());
        self.drew_graph_last_frame = true;
        // egui_graphs fits the view on an instance's first frame whatever the settings;
        // keep our camera, and draw again with it next frame.
        let after = MetadataFrame::new(Some(GRAPH_ID.to_owned())).load(ui);
        let kept = after.zoom == self.camera.zoom && after.pan == self.camera.pan;
        if !kept {
            let mut restore = after;
            restore.zoom = self.camera.zoom;
            restore.pan = self.camera.pan;
            restore.save(ui);
            self.replay = None;
            ui.ctx().request_repaint();
            return;
        }
        let shapes = ui.ctx().graphics(|layers| {
            layers
                .get(layer)
                .map(|list| list.all_entries().skip(before).cloned().collect())
                .unwrap_or_default()
        });
        self.replay = Some(Replay { key, shapes });
    }

    fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        doc: &mut Document,
        events: &mut Vec<Action>,
    ) {
        let (modifiers, scroll, zoom, pointer) = ui.input(|i| {
            (
                i.modifiers,
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let limits = Camera::zoom_limits(bounds(doc), self.rect.size());
        if response.contains_pointer() {
            if zoom != 1.0 {
                let anchor = pointer
                    .map_or(self.rect.size() / 2.0, |p| p - self.rect.min)
                    .to_pos2();
                self.camera.zoom_about(zoom, anchor, limits);
            } else if scroll != Vec2::ZERO {
                self.camera.pan += scroll;
            }
        }
        let hovered_card = pointer
            .filter(|p| self.rect.contains(*p))
            .and_then(|p| self.card_at(p, doc));
        if hovered_card.is_some() && self.drag.is_none() && !self.panning {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }

        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).or(pointer);
            let grabbed = origin.and_then(|p| self.card_at(p, doc));
            let middle = ui.input(|i| i.pointer.middle_down());
            match (grabbed, middle) {
                (Some(id), false) => {
                    let card = doc.layout().rect(id).map(to_rect);
                    let at = origin.map(|p| self.camera.to_chart(p - self.rect.min.to_vec2()));
                    if let (Some(card), Some(at)) = (card, at) {
                        self.drag = Some(CardDrag {
                            id,
                            grab: at - card.min,
                            pointer: at,
                            target: None,
                        });
                    }
                }
                _ => self.panning = true,
            }
        }
        if response.dragged() {
            if self.panning {
                self.camera.pan += response.drag_delta();
            } else if let Some(mut drag) = self.drag {
                if let Some(p) = pointer {
                    drag.pointer = self.camera.to_chart(p - self.rect.min.to_vec2());
                    drag.target = self
                        .card_at(p, doc)
                        .filter(|&target| target != drag.id)
                        .map(|target| (target, drop_mark(doc, drag.id, target)));
                }
                self.drag = Some(drag);
                ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
            }
        }
        if response.drag_stopped() {
            if let Some(drag) = self.drag.take() {
                match drag.target {
                    Some((target, _)) => events.push(Action::Reparent {
                        id: drag.id,
                        target,
                    }),
                    None => {
                        let at = drag.pointer - drag.grab;
                        events.push(Action::Pin {
                            id: drag.id,
                            at: ChartPoint {
                                x: at.x.round(),
                                y: at.y.round(),
                            },
                        });
                    }
                }
            }
            self.panning = false;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) && self.drag.is_some() {
            self.drag = None;
        }

        if response.double_clicked() {
            if let Some(id) = hovered_card {
                events.push(Action::StartRename(id));
            }
        } else if response.clicked() {
            match hovered_card {
                Some(id) if self.on_fold_toggle(id, pointer, doc) => {
                    events.push(Action::ToggleCollapse(id))
                }
                Some(id) => {
                    let mode = if modifiers.shift || modifiers.command {
                        SelectMode::Toggle
                    } else {
                        SelectMode::Replace
                    };
                    events.push(Action::Select(id, mode));
                }
                None => events.push(Action::ClearSelection),
            }
        }
        if response.secondary_clicked() {
            self.context_target = hovered_card;
            if let Some(id) = hovered_card {
                events.push(Action::Select(id, SelectMode::Replace));
            }
        }
    }

    /// True when `pointer` is on the fold toggle at the bottom edge of `id`'s card.
    fn on_fold_toggle(&self, id: NodeId, pointer: Option<Pos2>, doc: &mut Document) -> bool {
        let has_children = !doc.chart().children(id).is_empty();
        let (Some(pointer), Some(rect)) = (pointer, self.screen_rect_of(id, doc)) else {
            return false;
        };
        has_children
            && Rect::from_center_size(
                Pos2::new(rect.center().x, rect.max.y),
                Vec2::new(28.0, 16.0),
            )
            .contains(pointer)
    }

    fn context_menu(
        &mut self,
        response: &egui::Response,
        doc: &mut Document,
        events: &mut Vec<Action>,
    ) {
        let target = self.context_target;
        response.context_menu(|ui| {
            let mut item = |ui: &mut egui::Ui, command: Command| {
                if ui
                    .button(command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    events.push(match target {
                        Some(id) => Action::CommandOn(command, id),
                        None => Action::Command(command),
                    });
                    ui.close();
                }
            };
            match target.and_then(|id| doc.chart().node(id).map(|n| n.kind)) {
                Some(kind) => {
                    item(ui, Command::AddSubordinate);
                    if kind == NodeKind::Position {
                        item(ui, Command::AddAssistant);
                    }
                    item(ui, Command::AddSibling);
                    item(ui, Command::AddUnit);
                    ui.separator();
                    item(ui, Command::Rename);
                    item(ui, Command::ToggleCollapse);
                    item(ui, Command::Delete);
                }
                None => {
                    item(ui, Command::AddUnit);
                    item(ui, Command::ZoomFit);
                    item(ui, Command::Relayout);
                }
            }
        });
    }

    fn draw_drag_ghost(&self, ui: &egui::Ui, doc: &mut Document) {
        let Some(drag) = self.drag else { return };
        let Some(text) = doc.card(drag.id) else {
            return;
        };
        let top_left = self.rect.min + self.camera.to_local(drag.pointer - drag.grab).to_vec2();
        let rect = Rect::from_min_size(
            top_left,
            Vec2::new(text.width, text.height) * self.camera.zoom,
        );
        let dark = ui.visuals().dark_mode;
        let look = CardLook {
            kind: doc
                .chart()
                .node(drag.id)
                .map_or(NodeKind::Position, |n| n.kind),
            colour: doc.chart().colour_of(drag.id),
            collapsed: false,
            hidden_below: 0,
            has_children: false,
            pinned: false,
            selected: true,
            search_hit: false,
            current_hit: false,
            drop: DropMark::None,
        };
        let payload = CardPayload {
            id: drag.id,
            text,
            look,
            block: None,
        };
        let painter = ui.painter().with_clip_rect(self.rect);
        painter.add(Shape::rect_filled(
            rect.translate(Vec2::splat(4.0)),
            6.0,
            egui::Color32::from_black_alpha(40),
        ));
        painter.extend(card_shapes(
            ui.ctx(),
            rect,
            self.camera.zoom,
            &payload,
            &Palette::new(dark),
        ));
    }
}

/// Whether dropping `id` on `target` would be accepted.
fn drop_mark(doc: &Document, id: NodeId, target: NodeId) -> DropMark {
    let chart = doc.chart();
    let kind = chart.node(id).map(|n| n.kind);
    let target_kind = chart.node(target).map(|n| n.kind);
    let refused = chart.is_in_subtree(target, id)
        || target_kind == Some(NodeKind::Assistant)
        || (kind == Some(NodeKind::Assistant) && target_kind != Some(NodeKind::Position));
    if refused {
        DropMark::Refuse
    } else {
        DropMark::Accept
    }
}

fn bounds(doc: &mut Document) -> Option<Rect> {
    doc.layout().bounds().map(to_rect)
}
