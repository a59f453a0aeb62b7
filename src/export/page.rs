//! What each page shows: the cards in scope, their connectors and bounds, and how PDF
//! pages are sized and split. [`plan`] splits a chart into pages at one scale, for the
//! PDF's `--per-unit` pages and the PowerPoint deck alike.

mod cut;
pub mod plan;

pub use plan::{
    breadcrumb, HeadingRoom, PageKind, PagePlan, PlanRules, PlannedPage, CRUMB_SEPARATOR,
};

use rustc_hash::FxHashSet;

use crate::compare::GhostPlace;
use crate::layout::{connectors_to, ChartLayout, Connector, DottedRequest, RectInChart};
use crate::model::{Chart, NodeId, NodeKind};

use super::{ExportError, ExportOptions, Scope};

/// A paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 in), portrait.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::A3 => (841.89, 1190.55),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The paper called `name` (a4, a3, letter).
    pub fn from_name(name: &str) -> Option<Paper> {
        match name.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "a3" => Some(Paper::A3),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// PDF page size and split.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageSetup {
    /// `None`: one page exactly the chart's size; `Some`: fit each page to this paper.
    pub paper: Option<Paper>,
    /// Turn the paper sideways.
    pub landscape: bool,
    /// An overview page of the top levels, then one page per top-level unit (or per unit
    /// below the chosen root), split deeper where a unit does not fit the paper at a
    /// readable size; every page at one scale and headed by its path (see [`plan`]).
    pub per_unit: bool,
}

/// What one page (or one SVG/PNG) shows.
#[derive(Clone, Debug)]
pub struct Drawing {
    /// The cards drawn, by id.
    pub cards: FxHashSet<NodeId>,
    /// The lines drawn.
    pub connectors: Vec<Connector>,
    /// The rectangle holding the cards, in chart space.
    pub bounds: RectInChart,
    /// The page's own heading (per-unit pages name their unit).
    pub heading: Option<String>,
    /// A comparison's ghost cards hanging from this drawing's cards.
    pub ghosts: Vec<GhostPlace>,
    /// The dotted lines to draw, when the drawing's chart is a page cut from a bigger
    /// one: taken from the whole chart, so a line from a manager on another page is a
    /// stub naming them. `None`: the drawing's chart's own dotted lines.
    pub dotted: Option<Vec<DottedRequest>>,
}

/// Where a comparison's ghost cards go in `layout` (none without a comparison).
fn ghost_places(chart: &Chart, layout: &ChartLayout, options: &ExportOptions) -> Vec<GhostPlace> {
    options.changes.as_ref().map_or_else(Vec::new, |changes| {
        changes.ghost_places(chart, layout, &options.style, &options.layout)
    })
}

/// The drawing for the whole export scope.
pub fn whole(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
) -> Result<Drawing, ExportError> {
    let ghosts = ghost_places(chart, layout, options);
    match options.scope {
        Scope::Whole => {
            let cards = layout.cards.iter().map(|c| c.id).collect();
            Ok(drawing(chart, layout, cards, None, &ghosts))
        }
        Scope::Subtree(root) => subtree(chart, layout, root, None, &ghosts),
    }
}

/// The units nearest the top: for each root, the first units met on the way down
/// (the seed's 销售部, 工程示范中心, 市场部 and 客服部 under 营销部 → 营销总监).
/// A root whose subtree has no unit below it stands for itself.
pub fn top_level_units(chart: &Chart) -> Vec<NodeId> {
    let mut found = Vec::new();
    for &root in chart.roots() {
        let mut stack: Vec<NodeId> = chart.children(root).iter().rev().copied().collect();
        let before = found.len();
        while let Some(id) = stack.pop() {
            if chart.node(id).is_some_and(|n| n.kind == NodeKind::Unit) {
                found.push(id);
            } else {
                stack.extend(chart.children(id).iter().rev());
            }
        }
        if found.len() == before {
            found.push(root);
        }
    }
    found
}

fn subtree(
    chart: &Chart,
    layout: &ChartLayout,
    root: NodeId,
    heading: Option<String>,
    ghosts: &[GhostPlace],
) -> Result<Drawing, ExportError> {
    if layout.get(root).is_none() {
        return Err(ExportError::NoSuchRoot(root));
    }
    let cards = chart
        .subtree(root)
        .filter(|&id| layout.get(id).is_some())
        .collect();
    Ok(drawing(chart, layout, cards, heading, ghosts))
}

fn drawing(
    chart: &Chart,
    layout: &ChartLayout,
    cards: FxHashSet<NodeId>,
    heading: Option<String>,
    ghosts: &[GhostPlace],
) -> Drawing {
    let ghosts: Vec<GhostPlace> = ghosts
        .iter()
        .filter(|place| cards.contains(&place.anchor))
        .copied()
        .collect();
    // The lines between this drawing's cards only, in tree order.
    let in_order = layout
        .cards
        .iter()
        .map(|c| c.id)
        .filter(|id| cards.contains(id));
    let connectors = connectors_to(chart, layout, in_order, |id| cards.contains(&id));
    let bounds = layout
        .cards
        .iter()
        .filter(|c| cards.contains(&c.id))
        .map(|c| c.rect)
        .chain(ghosts.iter().map(|g| g.rect))
        .reduce(|a, b| a.union(&b))
        .unwrap_or(RectInChart {
            x: 0.0,
            y: 0.0,
            width: 1.0,
            height: 1.0,
        });
    Drawing {
        cards,
        connectors,
        bounds,
        heading,
        ghosts,
        dotted: None,
    }
}
