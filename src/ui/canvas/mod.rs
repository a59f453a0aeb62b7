//! The chart canvas, a view of the editor. egui_graphs draws the cards and connectors
//! through our own node and edge displays; this module turns pointer input into actions
//! (select, drop, place by hand, pan, zoom) and keeps the editor idle when nothing
//! changes. The camera is the editor's [`crate::editor::Viewport`].
//!
//! egui_graphs asks for a repaint every time it is shown. So it is shown only when the
//! scene changed (chart, marks, camera, size, theme); otherwise the shapes it drew last
//! time are painted again, and an idle editor does not repaint at all.

pub mod card_shape;
mod changes;
mod input;
pub mod link_shape;
pub mod look;
pub mod scene;

use egui::epaint::ClippedShape;
use egui::{Pos2, Rect, Sense, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, Graph, GraphView, Layout, LayoutState, MetadataFrame,
    SettingsInteraction, SettingsNavigation,
};
use petgraph::{stable_graph::IndexType, EdgeType};
use serde::{Deserialize, Serialize};

use look::DropMark;
use scene::{to_rect, Marks, Scene};

use crate::editor::{Action, Editor, Viewport};
use crate::model::NodeId;

const GRAPH_ID: &str = "organigram-canvas";

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
    viewport: Viewport,
    rect: Rect,
    dark: bool,
    pixels_per_point: f32,
}

/// The canvas's own state: gestures under way and what was drawn.
pub struct Canvas {
    scene: Scene,
    replay: Option<Replay>,
    drag: Option<CardDrag>,
    panning: bool,
    context_target: Option<NodeId>,
    rect: Rect,
    /// Whether the last frame called egui_graphs (for tests and benchmarks).
    pub drew_graph_last_frame: bool,
}

impl Default for Canvas {
    fn default() -> Canvas {
        Canvas {
            scene: Scene::default(),
            replay: None,
            drag: None,
            panning: false,
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
    /// The derived revision of the document the canvas last drew from (tests: the
    /// canvas shows what the editor has).
    pub fn shown_revision(&self) -> Option<u64> {
        self.scene.built_from()
    }

    /// The canvas's rectangle on screen last frame.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Where `id`'s card is on screen, if it is laid out.
    pub fn screen_rect_of(&self, id: NodeId, editor: &Editor) -> Option<Rect> {
        let rect = editor.document().layout().rect(id)?;
        let [x, y, width, height] = editor.viewport().canvas_rect(rect);
        Some(Rect::from_min_size(
            self.rect.min + Vec2::new(x, y),
            Vec2::new(width, height),
        ))
    }

    /// The chart point under the screen point `pointer`.
    fn to_chart(&self, pointer: Pos2, viewport: &Viewport) -> Pos2 {
        let local = pointer - self.rect.min;
        let [x, y] = viewport.to_chart([local.x, local.y]);
        Pos2::new(x, y)
    }

    /// The card under the screen point `pointer`, topmost first.
    fn card_at(&self, pointer: Pos2, editor: &Editor) -> Option<NodeId> {
        let point = self.to_chart(pointer, editor.viewport());
        editor
            .document()
            .layout()
            .cards
            .iter()
            .rev()
            .find(|card| to_rect(card.rect).contains(point))
            .map(|card| card.id)
    }

    /// Draws the canvas in `ui` (which it fills) and returns what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui, editor: &Editor) -> Vec<Action> {
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        let mut actions = Vec::new();
        let size = [rect.width(), rect.height()];
        if editor.viewport().size != size {
            actions.push(Action::CanvasSize(size));
        }
        let search = editor.search();
        let scene_marks = Marks {
            selected: editor.selection().iter().copied().collect(),
            search_hits: search.hits().iter().copied().collect(),
            current_hit: search.current(),
            drop_target: self.drag.and_then(|drag| drag.target),
            changes: editor
                .comparison()
                .map(|comparison| scene::Shared(comparison.marks().clone())),
            colouring: editor
                .analysis()
                .and_then(|analysis| analysis.colouring())
                .map(|colouring| scene::Shared(colouring.clone())),
            lang: crate::i18n::current(),
        };
        let view = to_rect(editor.viewport().visible());
        let zoom = editor.viewport().zoom;
        self.scene.sync(editor.document(), view, zoom, &scene_marks);
        self.draw(ui, rect, editor.viewport());

        let response = ui.interact(
            rect,
            egui::Id::new("organigram-canvas-input"),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::WidgetType::Other, true, crate::t!("canvas-label"))
        });
        self.draw_removed(ui, editor);
        self.handle_pointer(ui, &response, editor, &mut actions);
        self.context_menu(&response, editor, &mut actions);
        self.change_tooltip(&response, editor);
        self.draw_drag_ghost(ui, editor);
        actions
    }

    fn draw(&mut self, ui: &mut egui::Ui, rect: Rect, viewport: &Viewport) {
        let key = SceneKey {
            scene_version: self.scene.version,
            viewport: *viewport,
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
        let pan = Vec2::new(viewport.pan[0], viewport.pan[1]);
        let mut meta = MetadataFrame::new(Some(GRAPH_ID.to_owned())).load(ui);
        meta.zoom = viewport.zoom;
        meta.pan = pan;
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
        if after.zoom != viewport.zoom || after.pan != pan {
            let mut restore = after;
            restore.zoom = viewport.zoom;
            restore.pan = pan;
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
}
