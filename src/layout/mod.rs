//! The chart layout: model in, boxes out. Pure and deterministic, O(n), no recursion.
//!
//! - [`tidy`] is van der Ploeg's non-layered tidy tree on flat arrays.
//! - [`forest`] turns a chart into that input: assistants (and, in compact mode, teams of
//!   leaves) ride beside their manager's line, collapsed subtrees take no room, pinned
//!   nodes keep their manual place.
//! - [`fit`] lays a wide chart out close to a shape ([`LayoutOptions::fit`]): wide rows
//!   of subordinates wrap into several rows under their manager's line.
//! - [`card`] says what a card shows and how big it is; [`wrap`] breaks its lines.
//! - [`connectors`] runs the tree lines; [`dotted`] routes dotted lines (and lines to
//!   pinned cards) around the cards, or makes a labelled stub for a far manager.

pub mod card;
pub mod connectors;
pub mod dotted;
mod fit;
mod forest;
mod free_space;
mod ghosts;
pub mod spec;
pub mod tidy;
pub mod wrap;

use crate::model::{Chart, ChartPoint, IdMap, NodeId};

pub use card::{
    card_size, card_size_with, card_text, CardLine, CardStyle, CardText, LineRole, TitleLines,
};
pub use connectors::{connectors_to, route, Connector, LinkKind};
pub use dotted::{dotted_requests_into, DottedRequest, DottedRoute, DottedShape, Routing, Stub};
pub use fit::{AspectRatio, BadAspectRatio};
pub use ghosts::place_ghosts;
pub use spec::{CardColours, CardSpec, ChangeLook, CARD_SPEC};

/// Which way the chart grows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Managers above, subordinates below.
    #[default]
    TopDown,
    /// Managers on the left, subordinates to the right.
    LeftToRight,
}

/// Spacing and shape choices, in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Which way the chart grows.
    pub orientation: Orientation,
    /// Space between neighbouring cards across the tree.
    pub sibling_gap: f32,
    /// Space between a card (with its assistants) and its subordinates.
    pub level_gap: f32,
    /// Space between a manager's line and the cards beside it (assistants).
    pub side_gap: f32,
    /// Space between rows of cards beside a manager's line.
    pub side_row_gap: f32,
    /// Give every node of a level the same slot height, so rows line up.
    pub align_rows: bool,
    /// Stack a manager's team of leaves in two columns beside its line (Visio's
    /// side-by-side), instead of one wide row. On by default: it keeps mid-size charts
    /// from growing tens of thousands of pixels wide.
    pub compact: bool,
    /// Lay a wide chart out close to this shape (a slide, landscape paper) by wrapping
    /// wide rows of subordinates into several rows; `None` lays it out as it comes.
    pub fit: Option<AspectRatio>,
}

impl Default for LayoutOptions {
    fn default() -> LayoutOptions {
        LayoutOptions {
            orientation: Orientation::TopDown,
            sibling_gap: 24.0,
            level_gap: 48.0,
            side_gap: 18.0,
            side_row_gap: 16.0,
            align_rows: true,
            compact: true,
            fit: None,
        }
    }
}

/// An axis-aligned rectangle in chart space (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RectInChart {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl RectInChart {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Centre point.
    pub fn centre(&self) -> [f32; 2] {
        [self.x + self.width / 2.0, self.y + self.height / 2.0]
    }

    /// True when the two rectangles share interior area.
    pub fn overlaps(&self, other: &RectInChart) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &RectInChart) -> RectInChart {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        RectInChart {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// How a card was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// In the tree: below (or right of) its parent.
    Tree,
    /// Beside its manager's line: an assistant, or a leaf in a compact team.
    Side,
    /// At its pin: offset by hand from its manager (or the chart's origin), moved clear
    /// of other cards when the layout around it changed.
    Pinned,
}

/// One card's place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedCard {
    /// The node.
    pub id: NodeId,
    /// Its card's rectangle in chart space.
    pub rect: RectInChart,
    /// How it was placed.
    pub placement: Placement,
}

/// Every visible card's place. Cards come in tree order (a manager's side cards follow it).
#[derive(Clone, Debug, Default)]
pub struct ChartLayout {
    /// The visible cards.
    pub cards: Vec<PlacedCard>,
    /// Which way the chart grows.
    pub orientation: Orientation,
    index: IdMap<u32>,
    bounds: Option<RectInChart>,
}

impl ChartLayout {
    /// The place of `id`, if it is visible.
    pub fn get(&self, id: NodeId) -> Option<&PlacedCard> {
        self.index
            .get(id)
            .and_then(|&at| self.cards.get(at as usize))
    }

    /// The rectangle of `id`, if it is visible.
    pub fn rect(&self, id: NodeId) -> Option<RectInChart> {
        self.get(id).map(|card| card.rect)
    }

    /// The rectangle holding every card; `None` for an empty chart.
    pub fn bounds(&self) -> Option<RectInChart> {
        self.bounds
    }

    fn reindex(&mut self) {
        self.index.clear();
        self.index.expect(self.cards.len());
        for (at, card) in self.cards.iter().enumerate() {
            self.index.insert(card.id, at as u32);
        }
        let mut cards = self.cards.iter();
        self.bounds = cards
            .next()
            .map(|first| cards.fold(first.rect, |acc, card| acc.union(&card.rect)));
    }
}

/// A layout engine that keeps its working buffers between layouts, so laying out a chart
/// again (after every edit, in the editor) allocates nothing.
#[derive(Default)]
pub struct Layouter {
    buffers: forest::Buffers,
}

impl Layouter {
    /// A layouter with empty buffers.
    pub fn new() -> Layouter {
        Layouter::default()
    }

    /// Lays out `chart` into `layout`, reusing its storage and this layouter's buffers;
    /// `size_of` gives each visible card's `[width, height]`.
    pub fn layout_into(
        &mut self,
        chart: &Chart,
        options: &LayoutOptions,
        size_of: impl FnMut(NodeId) -> [f32; 2],
        layout: &mut ChartLayout,
    ) {
        forest::lay_out(
            chart,
            options,
            size_of,
            &mut self.buffers,
            &mut layout.cards,
            forest::PinMode::Offset,
        );
        layout.orientation = options.orientation;
        layout.reindex();
    }
}

/// Lays out `chart` with cards measured in `style`.
pub fn layout_chart(chart: &Chart, style: &CardStyle, options: &LayoutOptions) -> ChartLayout {
    let mut titles = card::TitleLines::default();
    layout_chart_with_sizes(chart, options, |id| {
        chart.node(id).map_or([0.0, 0.0], |node| {
            card::card_size_with(node, style, &mut titles)
        })
    })
}

/// Lays out `chart`, asking `size_of` for each visible card's `[width, height]` (callers
/// that measure cards once and keep the sizes pass them here).
pub fn layout_chart_with_sizes(
    chart: &Chart,
    options: &LayoutOptions,
    size_of: impl FnMut(NodeId) -> [f32; 2],
) -> ChartLayout {
    let mut layout = ChartLayout::default();
    Layouter::new().layout_into(chart, options, size_of, &mut layout);
    layout
}

/// Turns pins written before format 1.1 (each the absolute top-left corner of its card)
/// into the offsets pins are now: from the manager's top-left corner, or from the chart's
/// origin for a top node. The chart is laid out as the editor of that time did (cards in
/// `style`, default options), so every card keeps the place it had.
pub fn absolute_pins_to_offsets(chart: &Chart, style: &CardStyle) -> Vec<(NodeId, ChartPoint)> {
    let options = LayoutOptions::default();
    let mut cards = Vec::new();
    forest::lay_out(
        chart,
        &options,
        |id| {
            chart
                .node(id)
                .map_or([0.0, 0.0], |node| card_size(node, style))
        },
        &mut forest::Buffers::default(),
        &mut cards,
        forest::PinMode::Absolute,
    );
    let place: rustc_hash::FxHashMap<NodeId, RectInChart> =
        cards.iter().map(|card| (card.id, card.rect)).collect();
    chart
        .tree_order()
        .filter_map(|id| {
            let pin = chart.node(id)?.pin?;
            let origin = match chart.parent(id) {
                Some(manager) => {
                    let rect = place.get(&manager)?;
                    (rect.x, rect.y)
                }
                None => (0.0, 0.0),
            };
            Some((
                id,
                ChartPoint {
                    x: pin.x - origin.0,
                    y: pin.y - origin.1,
                },
            ))
        })
        .collect()
}
