//! The egui_graphs graph the canvas draws: the visible cards near the viewport, with
//! their connectors, rebuilt only when the chart, the marks or the region change.

use egui::{Pos2, Rect, Vec2};
use egui_graphs::Graph;
use petgraph::stable_graph::{DefaultIx, NodeIndex};
use petgraph::Directed;
use rustc_hash::{FxHashMap, FxHashSet};

use super::card_shape::{CardLook, CardPayload, CardShape};
use super::link_shape::{Link, LinkShape, Routed};
use super::look::DropMark;
use std::sync::Arc;

use crate::analysis::colour_by::CardColouring;
use crate::compare::ChangeMarks;
use crate::editor::Document;
use crate::i18n::Lang;
use crate::layout::dotted::{dotted_requests, near_enough};
use crate::layout::{
    connectors_to, DottedRequest, DottedShape, LayoutOptions, LinkKind, Placement, RectInChart,
    Routing,
};
use crate::model::{NodeId, NodeKind};

/// Charts with more visible cards than this get an overview when zoomed far out.
const OVERVIEW_ABOVE: usize = 3_000;
/// The overview shows about this many cards.
const OVERVIEW_NODES: usize = 2_000;
/// The overview is used while a typical card is shorter than this on screen.
const OVERVIEW_CARD_PX: f32 = 6.0;

/// The graph type the canvas hands to egui_graphs.
pub type OrgGraph = Graph<CardPayload, Link, Directed, DefaultIx, CardShape, LinkShape>;

/// Marks that do not change the chart: selection, search, drag.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// The selected cards.
    pub selected: FxHashSet<NodeId>,
    /// The search matches.
    pub search_hits: FxHashSet<NodeId>,
    /// The current search match.
    pub current_hit: Option<NodeId>,
    /// The card a dragged card would drop on, and whether it would be accepted.
    pub drop_target: Option<(NodeId, DropMark)>,
    /// While comparing: the comparison's marks.
    pub changes: Option<Shared<ChangeMarks>>,
    /// Cards coloured by span band, layer or vacancy: each post's colour.
    pub colouring: Option<Shared<CardColouring>>,
    /// The language of the change tags (they are words).
    pub lang: Lang,
}

/// Derived data shared with the editor; equal when it is the same data (a rebuild makes
/// new data), so comparing it costs nothing.
#[derive(Clone, Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The graph and what it was built from.
#[derive(Default)]
pub struct Scene {
    /// What egui_graphs draws.
    pub graph: OrgGraph,
    /// Where each card is in the graph.
    pub index: FxHashMap<NodeId, NodeIndex<DefaultIx>>,
    revision: Option<u64>,
    region: Option<Rect>,
    marks: Marks,
    overview: bool,
    /// Bumps whenever the graph or its marks change; part of the replay key.
    pub version: u64,
}

impl Scene {
    /// The derived revision of the document the graph was last built from.
    pub fn built_from(&self) -> Option<u64> {
        self.revision
    }
}

impl Scene {
    /// Makes the graph match the document, the marks and the part of the chart around
    /// `view` (in chart space). Cheap when nothing changed.
    pub fn sync(&mut self, doc: &Document, view: Rect, zoom: f32, marks: &Marks) {
        let revision = doc.derived_revision();
        let overview = doc.layout().cards.len() > OVERVIEW_ABOVE && zoom * 60.0 < OVERVIEW_CARD_PX;
        // Rebuild when the view leaves the region, and when it shrinks far inside it (after
        // zooming in from an overview), so the graph keeps only what is near the view.
        let region_ok = self.region.is_some_and(|region| {
            region.contains_rect(view) && region.area() <= view.area().max(1.0) * 36.0
        });
        if self.revision != Some(revision) || !region_ok || self.overview != overview {
            // Cover the view and a view's size around it, so panning rebuilds rarely.
            let region = view.expand2(view.size().max(Vec2::splat(400.0)));
            if overview {
                self.rebuild_overview(doc, marks);
            } else {
                self.rebuild(doc, region, marks);
            }
            self.overview = overview;
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

    fn rebuild(&mut self, doc: &Document, region: Rect, marks: &Marks) {
        let layout = doc.layout();
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
        // Both ends of each routed dotted line that passes the region.
        let routing =
            Routing::for_area(doc.chart(), layout, &layout_options(doc), &in_chart(region));
        for dotted in routing.dotted() {
            let passes = dotted.path.as_deref().is_some_and(|path| {
                let points: Vec<Pos2> = path.iter().map(|&[x, y]| Pos2::new(x, y)).collect();
                Rect::from_points(&points).intersects(region)
            });
            if passes {
                wanted.insert(dotted.from);
                wanted.insert(dotted.to);
            }
        }
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
                block: None,
                tag: tag_of(card.id, marks),
            };
            let centre = to_rect(card.rect).center();
            let at = graph.add_node_custom(payload, |node| node.set_location(centre));
            index.insert(card.id, at);
        }
        add_links(&mut graph, &index, doc, &routing, true);
        self.graph = graph;
        self.index = index;
    }

    /// Far zoomed out on a big chart: only the top levels, each lowest one drawn with a
    /// block covering its subtree, so egui_graphs handles a few thousand nodes, not all.
    fn rebuild_overview(&mut self, doc: &Document, marks: &Marks) {
        let layout = doc.layout();
        let chart = doc.chart();
        // Depth of every visible card, and how many cards each depth has.
        let mut depth: FxHashMap<NodeId, u32> = FxHashMap::default();
        let mut per_depth: Vec<usize> = Vec::new();
        for card in &layout.cards {
            let d = chart
                .parent(card.id)
                .and_then(|p| depth.get(&p))
                .map_or(0, |d| d + 1);
            depth.insert(card.id, d);
            if per_depth.len() <= d as usize {
                per_depth.resize(d as usize + 1, 0);
            }
            per_depth[d as usize] += 1;
        }
        let mut cut = 0u32;
        let mut shown = 0usize;
        for (d, count) in per_depth.iter().enumerate() {
            if shown + count > OVERVIEW_NODES && d > 0 {
                break;
            }
            shown += count;
            cut = d as u32;
        }
        // Blocks: each cut-level card covers its visible subtree (cards come in tree
        // order, so a reverse pass folds children into parents).
        let mut blocks: FxHashMap<NodeId, Rect> = FxHashMap::default();
        for card in layout.cards.iter().rev() {
            let d = depth.get(&card.id).copied().unwrap_or(0);
            let own = to_rect(card.rect);
            let covered = blocks.get(&card.id).map_or(own, |b| b.union(own));
            if d > cut {
                if let Some(parent) = chart.parent(card.id) {
                    let entry = blocks.entry(parent).or_insert(covered);
                    *entry = entry.union(covered);
                }
            } else {
                blocks.insert(card.id, covered);
            }
        }
        let mut graph = OrgGraph::new();
        let mut index = FxHashMap::default();
        for card in &layout.cards {
            if depth.get(&card.id).is_none_or(|&d| d > cut) {
                continue;
            }
            let Some(text) = doc.card(card.id) else {
                continue;
            };
            let look = look_of(doc, card.id, card.placement, marks);
            let own = to_rect(card.rect);
            let block = blocks.get(&card.id).copied().filter(|b| *b != own);
            let payload = CardPayload {
                id: card.id,
                text,
                look,
                block,
                tag: tag_of(card.id, marks),
            };
            let centre = own.center();
            let at = graph.add_node_custom(payload, |node| node.set_location(centre));
            index.insert(card.id, at);
        }
        // Far out, a stub's label would be a smudge: only whole lines.
        let routing = routing_between(doc, &index);
        add_links(&mut graph, &index, doc, &routing, false);
        self.graph = graph;
        self.index = index;
    }

    fn remark(&mut self, doc: &Document, marks: &Marks) {
        let placements: FxHashMap<NodeId, Placement> = self
            .index
            .keys()
            .filter_map(|&id| doc.layout().get(id).map(|card| (id, card.placement)))
            .collect();
        for (&id, &at) in &self.index {
            let placement = placements.get(&id).copied().unwrap_or(Placement::Tree);
            let look = look_of(doc, id, placement, marks);
            if let Some(node) = self.graph.node_mut(at) {
                let payload = node.payload_mut();
                payload.look = look;
                payload.tag = tag_of(id, marks);
            }
        }
    }
}

/// Adds the lines between the cards in `index`: tree lines as they run between their
/// cards, lines to pinned cards and dotted lines as the document's routing runs them (a
/// dotted line whose manager is not in `index` is its stub, if `stubs`; the stub is an
/// edge from the card to itself).
fn add_links(
    graph: &mut OrgGraph,
    index: &FxHashMap<NodeId, NodeIndex<DefaultIx>>,
    doc: &Document,
    routing: &Routing,
    stubs: bool,
) {
    let options = layout_options(doc);
    let link = |kind, routed| Link {
        kind,
        level_gap: options.level_gap,
        orientation: options.orientation,
        routed,
    };
    let shown = |id| index.contains_key(&id);
    for line in connectors_to(doc.chart(), doc.layout(), index.keys().copied(), shown) {
        if line.kind == LinkKind::Dotted {
            continue;
        }
        if let (Some(&from), Some(&to)) = (index.get(&line.from), index.get(&line.to)) {
            let routed = match line.kind {
                LinkKind::Free => routing
                    .pinned_line(line.to)
                    .map(|path| Routed::Path(Arc::from(path))),
                _ => None,
            };
            graph.add_edge_custom(from, to, link(line.kind, routed), |_| {});
        }
    }
    for dotted in routing.dotted() {
        let Some(&to) = index.get(&dotted.to) else {
            continue;
        };
        match (dotted.shape(shown(dotted.from)), index.get(&dotted.from)) {
            (DottedShape::Line(path), Some(&from)) => {
                let routed = Some(Routed::Path(Arc::from(path)));
                graph.add_edge_custom(from, to, link(LinkKind::Dotted, routed), |_| {});
            }
            (DottedShape::Stub(stub), _) if stubs => {
                let routed = Some(Routed::Stub(Arc::new(stub.clone())));
                graph.add_edge_custom(to, to, link(LinkKind::Dotted, routed), |_| {});
            }
            _ => {}
        }
    }
}

/// The layout options the document was laid out with.
fn layout_options(doc: &Document) -> LayoutOptions {
    doc.look()
        .map(|look| look.layout.clone())
        .unwrap_or_default()
}

/// The routing of the near dotted lines between the cards in `index` (the overview's top
/// levels) and of the lines to pinned cards.
fn routing_between(doc: &Document, index: &FxHashMap<NodeId, NodeIndex<DefaultIx>>) -> Routing {
    let (chart, layout) = (doc.chart(), doc.layout());
    let requests: Vec<DottedRequest> = dotted_requests(chart, layout)
        .into_iter()
        .filter(|r| index.contains_key(&r.from) && index.contains_key(&r.to))
        .filter(|r| match (layout.rect(r.from), layout.rect(r.to)) {
            (Some(from), Some(to)) => near_enough(&from, &to),
            _ => false,
        })
        .collect();
    Routing::with_requests(chart, layout, &layout_options(doc), &requests)
}

/// An egui rectangle as a layout rectangle (both in chart space).
fn in_chart(rect: Rect) -> RectInChart {
    RectInChart {
        x: rect.min.x,
        y: rect.min.y,
        width: rect.width(),
        height: rect.height(),
    }
}

fn look_of(doc: &Document, id: NodeId, placement: Placement, marks: &Marks) -> CardLook {
    let chart = doc.chart();
    let node = chart.node(id);
    let collapsed = node.is_some_and(|n| n.collapsed);
    let coloured = marks
        .colouring
        .as_ref()
        .and_then(|shared| shared.0.colours.get(id).copied());
    CardLook {
        kind: node.map_or(NodeKind::Position, |n| n.kind),
        colour: coloured.or_else(|| chart.colour_of(id)),
        collapsed,
        hidden_below: doc.hidden_below(id) as u32,
        has_children: !chart.children(id).is_empty(),
        pinned: placement == Placement::Pinned,
        selected: marks.selected.contains(&id),
        search_hit: marks.search_hits.contains(&id),
        current_hit: marks.current_hit == Some(id),
        drop: match marks.drop_target {
            Some((target, mark)) if target == id => mark,
            _ => DropMark::None,
        },
        change: marks
            .changes
            .as_ref()
            .and_then(|shared| shared.0.mark(id))
            .map(|mark| mark.state.look()),
    }
}

/// The words on a card's change tag, while comparing.
fn tag_of(id: NodeId, marks: &Marks) -> Option<Arc<str>> {
    let mark = marks.changes.as_ref()?.0.mark(id)?;
    Some(Arc::from(super::changes::mark_tag(mark)))
}

/// A layout rectangle as an egui rectangle (both in chart space).
pub fn to_rect(rect: crate::layout::RectInChart) -> Rect {
    Rect::from_min_size(
        Pos2::new(rect.x, rect.y),
        Vec2::new(rect.width, rect.height),
    )
}
