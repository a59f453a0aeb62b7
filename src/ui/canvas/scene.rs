//! The egui_graphs graph the canvas draws: the visible cards near the viewport, with
//! their connectors, rebuilt only when the chart, the marks or the region change.

use egui::{Pos2, Rect, Vec2};
use egui_graphs::Graph;
use petgraph::stable_graph::{DefaultIx, NodeIndex};
use petgraph::Directed;
use rustc_hash::{FxHashMap, FxHashSet};

use super::card_shape::{CardLook, CardPayload, CardShape};
use super::link_shape::{Link, LinkShape};
use super::look::DropMark;
use crate::layout::{connectors, Placement};
use crate::model::{NodeId, NodeKind};
use crate::ui::document::Document;

/// The graph type the canvas hands to egui_graphs.
pub type OrgGraph = Graph<CardPayload, Link, Directed, DefaultIx, CardShape, LinkShape>;

/// Marks that do not change the chart: selection, search, drag.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub selected: FxHashSet<NodeId>,
    pub search_hits: FxHashSet<NodeId>,
    pub current_hit: Option<NodeId>,
    pub drop_target: Option<(NodeId, DropMark)>,
}

/// The graph and what it was built from.
#[derive(Default)]
pub struct Scene {
    pub graph: OrgGraph,
    pub index: FxHashMap<NodeId, NodeIndex<DefaultIx>>,
    revision: Option<u64>,
    region: Option<Rect>,
    marks: Marks,
    /// Bumps whenever the graph or its marks change; part of the replay key.
    pub version: u64,
}

impl Scene {
    /// Makes the graph match the document, the marks and the part of the chart around
    /// `view` (in chart space). Cheap when nothing changed.
    pub fn sync(&mut self, doc: &mut Document, view: Rect, marks: &Marks) {
        let revision = doc.revision();
        let region_ok = self.region.is_some_and(|region| region.contains_rect(view));
        if self.revision != Some(revision) || !region_ok {
            // Cover the view and a view's size around it, so panning rebuilds rarely.
            let region = view.expand2(view.size().max(Vec2::splat(400.0)));
            self.rebuild(doc, region, marks);
            self.revision = Some(revision);
            self.region = Some(region);
            self.marks = marks.clone();
            self.version += 1;
        } else if &self.marks != marks {
            self.remark(doc, marks);
            self.marks = marks.clone();
            self.version += 1;
        }
    }

    fn rebuild(&mut self, doc: &mut Document, region: Rect, marks: &Marks) {
        let layout = doc.layout().clone();
        let mut wanted: FxHashSet<NodeId> = FxHashSet::default();
        for card in &layout.cards {
            let rect = to_rect(card.rect);
            if region.intersects(rect) {
                wanted.insert(card.id);
                // Keep the neighbours too, so connectors leaving the region still draw.
                if let Some(parent) = doc.chart().parent(card.id) {
                    wanted.insert(parent);
                }
                wanted.extend(doc.chart().children(card.id).iter().copied());
            }
        }
        let level_gap = doc.layout_options().level_gap;
        let orientation = doc.layout_options().orientation;
        let mut graph = OrgGraph::new();
        let mut index = FxHashMap::default();
        for card in &layout.cards {
            if !wanted.contains(&card.id) {
                continue;
            }
            let Some(text) = doc.card(card.id) else {
                continue;
            };
            let look = look_of(doc, card.id, card.placement, marks);
            let payload = CardPayload {
                id: card.id,
                text,
                look,
            };
            let centre = to_rect(card.rect).center();
            let at = graph.add_node_custom(payload, |node| node.set_location(centre));
            index.insert(card.id, at);
        }
        for line in connectors(doc.chart(), &layout) {
            if let (Some(&from), Some(&to)) = (index.get(&line.from), index.get(&line.to)) {
                graph.add_edge_custom(
                    from,
                    to,
                    Link {
                        kind: line.kind,
                        level_gap,
                        orientation,
                    },
                    |_| {},
                );
            }
        }
        self.graph = graph;
        self.index = index;
    }

    fn remark(&mut self, doc: &mut Document, marks: &Marks) {
        let placements: FxHashMap<NodeId, Placement> = self
            .index
            .keys()
            .filter_map(|&id| doc.layout().get(id).map(|card| (id, card.placement)))
            .collect();
        for (&id, &at) in &self.index {
            let placement = placements.get(&id).copied().unwrap_or(Placement::Tree);
            let look = look_of(doc, id, placement, marks);
            if let Some(node) = self.graph.node_mut(at) {
                node.payload_mut().look = look;
            }
        }
    }
}

fn look_of(doc: &Document, id: NodeId, placement: Placement, marks: &Marks) -> CardLook {
    let chart = doc.chart();
    let node = chart.node(id);
    let collapsed = node.is_some_and(|n| n.collapsed);
    CardLook {
        kind: node.map_or(NodeKind::Position, |n| n.kind),
        colour: chart.colour_of(id),
        collapsed,
        hidden_below: if collapsed {
            doc.hidden_below(id) as u32
        } else {
            0
        },
        has_children: !chart.children(id).is_empty(),
        pinned: placement == Placement::Pinned,
        selected: marks.selected.contains(&id),
        search_hit: marks.search_hits.contains(&id),
        current_hit: marks.current_hit == Some(id),
        drop: match marks.drop_target {
            Some((target, mark)) if target == id => mark,
            _ => DropMark::None,
        },
    }
}

/// A layout rectangle as an egui rectangle (both in chart space).
pub fn to_rect(rect: crate::layout::RectInChart) -> Rect {
    Rect::from_min_size(
        Pos2::new(rect.x, rect.y),
        Vec2::new(rect.width, rect.height),
    )
}
