//! Dotted (secondary reporting) lines that read: routed in the gaps between rows and
//! beside cards, never through a card, and, when the two posts are far apart, a short
//! dashed stub from the subordinate with a label naming the dotted-line manager
//! ("··· Head of Finance") instead of a line across the chart.
//!
//! [`Routing`] is computed from a layout, the whole of it (once per export) or the part
//! a view shows ([`Routing::for_area`], as the canvas does whenever it rebuilds its
//! scene), and serves every view: the canvas, the SVG (and so PNG and PDF), the JSON
//! export and the PowerPoint deck. It also routes the solid line to each hand-placed
//! (pinned) card, which may sit anywhere, the same way; the regular tree lines keep
//! [`super::route`].
//!
//! How it works: the cards and tree lines near the stubs and routes (`interest.rs`) go
//! into grids (`grid.rs`); each near line is found by A* on the free space between the
//! cards around it (`router.rs`), then all lines are centred in their gaps and spread
//! apart so that none runs on top of another or of a solid line (`nudge.rs`); labels go
//! where they cover no card, line or other label (`stub.rs`).

mod grid;
mod interest;
mod nudge;
mod router;
mod stub;

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::model::{Chart, NodeId};

use super::connectors::{route, Connector, LinkKind};
use super::{ChartLayout, LayoutOptions, Orientation, Placement, RectInChart};
use grid::RectGrid;

/// A dotted line is drawn in full only when the two cards fit together in this width of
/// chart, in chart units; otherwise it is a stub. A 16:9 slide is 960 × 540 pt; the
/// deck's scale keeps card text at 9 pt or more, so a 12-unit holder line allows at most
/// 0.75 pt per unit, and a slide shows at most 1,280 × 720 units (less its margins and
/// title). Two cards further apart than one slide can never be seen on one slide with
/// the line between them.
pub const LINE_WITHIN_WIDTH_CHART: f32 = 1_200.0;
/// The height counterpart of [`LINE_WITHIN_WIDTH_CHART`]: 16:9 of it.
pub const LINE_WITHIN_HEIGHT_CHART: f32 = 675.0;
/// Room around the two cards that a route may use, in chart units.
const ROUTE_MARGIN: f32 = 96.0;
/// How far outside all the cards a route or a label may go (the exports' margin is 32).
const OUTSIDE_CARDS: f32 = 24.0;
/// A route longer than this many times the distance between the cards (plus
/// [`DETOUR_SLACK`]) wanders too much to read: the line becomes a stub.
const DETOUR_FACTOR: f32 = 2.0;
/// See [`DETOUR_FACTOR`], in chart units.
const DETOUR_SLACK: f32 = 400.0;
/// How far beside a subordinate's half-width its stub's label may reach, in chart units
/// (the label is at most [`stub`]'s overhang wider than the card, and starts 22 units from
/// its middle); above and below, half as far.
const STUB_REGION: f32 = 56.0;
/// How far around two cards their route and its nudging may reach, in chart units.
const ROUTE_REGION: f32 = ROUTE_MARGIN + 64.0;
/// What goes before the manager's title on a stub's label. The bundled font has no
/// "⋯" (U+22EF); the middle dot is in it and in every system font.
pub const STUB_LABEL_PREFIX: &str = "··· ";

/// The end of a dotted line far from its manager: a short dashed stroke out of the
/// subordinate's card and a label naming the manager.
#[derive(Clone, Debug, PartialEq)]
pub struct Stub {
    /// The dashed stroke, from a point on the subordinate's edge to the label, in chart
    /// units.
    pub points: Vec<[f32; 2]>,
    /// The label: [`STUB_LABEL_PREFIX`] and the manager's title (shortened with "…"
    /// when there is not room for all of it).
    pub label: String,
    /// The box the label's letters cover, capitals to descenders: it covers no card,
    /// line or other label.
    pub label_rect: RectInChart,
    /// The label's font size, in chart units ([`super::CARD_SPEC`]`.dotted_label_px`).
    pub font_px: f32,
}

impl Stub {
    /// Where the label's baseline starts.
    pub fn baseline(&self) -> [f32; 2] {
        let rect = self.label_rect;
        [rect.x, rect.y + stub::CAP_HEIGHT_EM * self.font_px]
    }

    /// The top of the label's line for a renderer that places text by its top, in a
    /// font whose ascent is `ascent_em` (`crate::fonts::ascent_em()` for the bundled one).
    pub fn text_top(&self, ascent_em: f32) -> f32 {
        self.baseline()[1] - ascent_em * self.font_px
    }
}

/// One dotted line, routed.
#[derive(Clone, Debug, PartialEq)]
pub struct DottedRoute {
    /// The dotted-line manager.
    pub from: NodeId,
    /// The subordinate.
    pub to: NodeId,
    /// The line, in chart units, from the manager's bottom or side to the subordinate's
    /// top or side: present when both cards are laid out and near each other.
    pub path: Option<Vec<[f32; 2]>>,
    /// The stub, always made: drawn when there is no path, and by views that show the
    /// subordinate without the manager (a page of one unit, a slide).
    pub stub: Stub,
}

/// What to draw for a dotted line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DottedShape<'a> {
    /// The whole line, in chart units.
    Line(&'a [[f32; 2]]),
    /// The stub at the subordinate.
    Stub(&'a Stub),
}

impl DottedRoute {
    /// What a view draws: the line when it has one and shows the manager
    /// (`manager_drawn`), else the stub.
    pub fn shape(&self, manager_drawn: bool) -> DottedShape<'_> {
        match &self.path {
            Some(path) if manager_drawn => DottedShape::Line(path),
            _ => DottedShape::Stub(&self.stub),
        }
    }
}

/// A dotted line to route: from the manager to the subordinate, with the manager's name
/// for a stub's label (the manager need not be laid out, or even in the chart routed:
/// a page cut from a bigger chart names managers on other pages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DottedRequest {
    /// The dotted-line manager.
    pub from: NodeId,
    /// The subordinate.
    pub to: NodeId,
    /// What the stub's label names (the manager's title).
    pub name: String,
}

/// Every dotted line of a layout routed, and the solid lines to hand-placed cards: one
/// routing for the canvas and every export.
#[derive(Clone, Debug, Default)]
pub struct Routing {
    dotted: Vec<DottedRoute>,
    by_pair: FxHashMap<(NodeId, NodeId), u32>,
    pinned: FxHashMap<NodeId, Vec<[f32; 2]>>,
    level_gap: f32,
    orientation: Orientation,
}

impl Routing {
    /// Routes every dotted line of `chart` laid out as `layout` (to a manager that is
    /// laid out or hidden in a folded subtree; the subordinate must be laid out), and the
    /// line to every pinned card.
    pub fn new(chart: &Chart, layout: &ChartLayout, options: &LayoutOptions) -> Routing {
        Routing::with_requests(chart, layout, options, &dotted_requests(chart, layout))
    }

    /// Routes `requests` (the dotted lines to draw) and the line to every pinned card of
    /// `chart` laid out as `layout`. A request whose subordinate is not laid out is left
    /// out; one whose manager is not laid out gets only a stub.
    pub fn with_requests(
        chart: &Chart,
        layout: &ChartLayout,
        options: &LayoutOptions,
        requests: &[DottedRequest],
    ) -> Routing {
        let pinned = pinned_lines(chart, layout, None);
        Routing::route(chart, layout, options, requests, &pinned)
    }

    /// Routes what a view of `area` (chart units) shows: the dotted lines to the cards in
    /// it, the near ones from its cards, and the lines to its pinned cards (or from its
    /// cards to pinned ones). A view of a big chart needs only this; each line comes out
    /// as [`Routing::new`] would make it, unless its label has to make way for a label
    /// outside the area.
    pub fn for_area(
        chart: &Chart,
        layout: &ChartLayout,
        options: &LayoutOptions,
        area: &RectInChart,
    ) -> Routing {
        let requests = area_requests(chart, layout, area);
        let pinned = pinned_lines(chart, layout, Some(area));
        Routing::route(chart, layout, options, &requests, &pinned)
    }

    fn route(
        chart: &Chart,
        layout: &ChartLayout,
        options: &LayoutOptions,
        requests: &[DottedRequest],
        pinned: &[(NodeId, NodeId)],
    ) -> Routing {
        let mut routing = Routing {
            level_gap: options.level_gap,
            orientation: options.orientation,
            ..Routing::default()
        };
        let requests: Vec<&DottedRequest> = requests
            .iter()
            .filter(|r| r.from != r.to && layout.get(r.to).is_some())
            .collect();
        if requests.is_empty() && pinned.is_empty() {
            return routing;
        }
        let frame = Frame::of(options.orientation);
        let near: Vec<(&DottedRequest, RectInChart, RectInChart)> = requests
            .iter()
            .filter_map(|r| Some((*r, layout.rect(r.from)?, layout.rect(r.to)?)))
            .filter(|(_, from, to)| near_enough(from, to))
            .collect();
        let stubs: Vec<NodeId> = requests.iter().map(|r| r.to).collect();
        let routes: Vec<RectInChart> = pinned
            .iter()
            .filter_map(|&(from, to)| Some((layout.rect(from)?, layout.rect(to)?)))
            .chain(near.iter().map(|&(_, from, to)| (from, to)))
            .map(|(from, to)| grow(&from.union(&to), ROUTE_REGION))
            .collect();
        let mut env = Env::new(chart, layout, options, frame, (&stubs, &routes));
        let mut jobs: Vec<Job> = pinned
            .iter()
            .map(|&(from, to)| Job::new(from, to, layout, frame))
            .chain(
                near.iter()
                    .map(|(r, ..)| Job::new(r.from, r.to, layout, frame)),
            )
            .collect();
        let mut router = router::Router::default();
        for job in &mut jobs {
            job.path = env.route(&mut router, &job.from_rect, &job.to_rect);
        }
        nudge::nudge(&mut jobs, &mut env);
        let (pinned_jobs, dotted_jobs) = jobs.split_at(pinned.len());
        for job in pinned_jobs {
            let path = job.path.clone().unwrap_or_else(|| {
                let (from, to) = (frame.rect(job.from_rect), frame.rect(job.to_rect));
                let old = route(
                    LinkKind::Free,
                    options.level_gap,
                    options.orientation,
                    from,
                    to,
                );
                frame.points(&old)
            });
            env.claim_path(&path);
            routing.pinned.insert(job.to, frame.points(&path));
        }
        let mut paths: FxHashMap<(NodeId, NodeId), Vec<[f32; 2]>> = FxHashMap::default();
        for job in dotted_jobs {
            if let Some(path) = &job.path {
                env.claim_path(path);
                paths.insert((job.from, job.to), frame.points(path));
            }
        }
        routing.stubs(&mut env, layout, &requests, paths);
        routing
    }

    /// Makes the stubs (lines with no path first, so their labels get the best places)
    /// and records every line.
    fn stubs(
        &mut self,
        env: &mut Env,
        layout: &ChartLayout,
        requests: &[&DottedRequest],
        mut paths: FxHashMap<(NodeId, NodeId), Vec<[f32; 2]>>,
    ) {
        let mut order: Vec<usize> = (0..requests.len()).collect();
        order.sort_by_key(|&at| paths.contains_key(&(requests[at].from, requests[at].to)));
        let mut made: Vec<Option<DottedRoute>> = vec![None; requests.len()];
        for at in order {
            let request = requests[at];
            let Some(card) = layout.rect(request.to) else {
                continue;
            };
            let stub = stub::place(env, &card, &request.name);
            made[at] = Some(DottedRoute {
                from: request.from,
                to: request.to,
                path: paths.remove(&(request.from, request.to)),
                stub,
            });
        }
        for route in made.into_iter().flatten() {
            self.by_pair
                .insert((route.from, route.to), self.dotted.len() as u32);
            self.dotted.push(route);
        }
    }

    /// Every dotted line, in the order of the requests (tree order of the subordinates
    /// for [`Routing::new`]).
    pub fn dotted(&self) -> &[DottedRoute] {
        &self.dotted
    }

    /// The dotted line from `from` to `to`, if there is one.
    pub fn dotted_line(&self, from: NodeId, to: NodeId) -> Option<&DottedRoute> {
        self.by_pair
            .get(&(from, to))
            .and_then(|&at| self.dotted.get(at as usize))
    }

    /// The solid line to the pinned card `to`, routed around the cards.
    pub fn pinned_line(&self, to: NodeId) -> Option<&[[f32; 2]]> {
        self.pinned.get(&to).map(Vec::as_slice)
    }

    /// The points of `line` in chart units, for any kind: tree and side lines as
    /// [`super::route`] runs them, lines to pinned cards and dotted lines as routed here
    /// (a dotted line with no path has none: draw its stub). `None` when a card is not
    /// laid out.
    pub fn points<'a>(
        &'a self,
        line: &Connector,
        layout: &ChartLayout,
    ) -> Option<Cow<'a, [[f32; 2]]>> {
        match line.kind {
            LinkKind::Dotted => {
                let path = self.dotted_line(line.from, line.to)?.path.as_deref()?;
                Some(Cow::Borrowed(path))
            }
            LinkKind::Free if self.pinned.contains_key(&line.to) => {
                self.pinned_line(line.to).map(Cow::Borrowed)
            }
            kind => Some(Cow::Owned(route(
                kind,
                self.level_gap,
                self.orientation,
                layout.rect(line.from)?,
                layout.rect(line.to)?,
            ))),
        }
    }
}

/// True when a line between cards `from` and `to` reads: both fit in one slide's worth
/// of the chart.
pub fn near_enough(from: &RectInChart, to: &RectInChart) -> bool {
    let both = from.union(to);
    both.width <= LINE_WITHIN_WIDTH_CHART && both.height <= LINE_WITHIN_HEIGHT_CHART
}

/// The dotted lines of `chart` to draw: to each laid-out card from each of its dotted-line
/// managers, named by title, in the order of the managers' ids.
pub fn dotted_requests(chart: &Chart, layout: &ChartLayout) -> Vec<DottedRequest> {
    let mut requests = Vec::new();
    let mut add = |manager: NodeId| {
        let reports = chart.dotted_reports(manager);
        if reports.is_empty() {
            return;
        }
        let Some(boss) = chart.node(manager) else {
            return;
        };
        let name = stub_name(manager, &boss.title);
        for &report in reports {
            if layout.get(report).is_some() {
                requests.push(DottedRequest {
                    from: manager,
                    to: report,
                    name: name.clone(),
                });
            }
        }
    };
    // Ids in order walk the chart's storage in order, which is fast; charts with ids far
    // beyond their size (employee numbers) are walked by the tree instead.
    let end = chart.fresh_id().0;
    if (end as usize) <= chart.len().saturating_mul(4).max(64) {
        (1..end).map(NodeId).for_each(&mut add);
    } else {
        let mut ids: Vec<NodeId> = chart.tree_order().collect();
        ids.sort_unstable();
        ids.into_iter().for_each(add);
    }
    requests
}

/// The (manager, card) pairs of each pinned card whose manager is laid out (and which,
/// or whose manager, touches `area`, if given).
fn pinned_lines(
    chart: &Chart,
    layout: &ChartLayout,
    area: Option<&RectInChart>,
) -> Vec<(NodeId, NodeId)> {
    let seen = |rect: &RectInChart| area.is_none_or(|area| grid::touches(rect, area));
    layout
        .cards
        .iter()
        .filter(|card| card.placement == Placement::Pinned)
        .filter_map(|card| {
            let parent = chart.parent(card.id)?;
            let from = layout.rect(parent)?;
            (seen(&card.rect) || seen(&from)).then_some((parent, card.id))
        })
        .collect()
}

/// The dotted lines a view of `area` shows: to each card in it from each of its
/// dotted-line managers, and from each card in it to each near subordinate outside it.
fn area_requests(chart: &Chart, layout: &ChartLayout, area: &RectInChart) -> Vec<DottedRequest> {
    let mut requests = Vec::new();
    for card in layout.cards.iter().filter(|c| grid::touches(&c.rect, area)) {
        if let Some(node) = chart.node(card.id) {
            for &manager in &node.dotted {
                if let Some(boss) = chart.node(manager) {
                    requests.push(DottedRequest {
                        from: manager,
                        to: card.id,
                        name: stub_name(manager, &boss.title),
                    });
                }
            }
        }
        for &report in chart.dotted_reports(card.id) {
            let Some(other) = layout.rect(report) else {
                continue;
            };
            if !grid::touches(&other, area) && near_enough(&card.rect, &other) {
                requests.push(DottedRequest {
                    from: card.id,
                    to: report,
                    name: chart
                        .node(card.id)
                        .map_or_else(String::new, |n| stub_name(card.id, &n.title)),
                });
            }
        }
    }
    requests
}

/// The dotted lines into `cards`, as `chart` has them: for a page of a bigger chart, pass
/// the whole chart, so a line from a manager on another page becomes a stub naming them.
pub fn dotted_requests_into(
    chart: &Chart,
    cards: impl IntoIterator<Item = NodeId>,
) -> Vec<DottedRequest> {
    let mut requests = Vec::new();
    for id in cards {
        let Some(node) = chart.node(id) else {
            continue;
        };
        for &manager in &node.dotted {
            if let Some(boss) = chart.node(manager) {
                requests.push(DottedRequest {
                    from: manager,
                    to: id,
                    name: stub_name(manager, &boss.title),
                });
            }
        }
    }
    requests
}

/// What a stub's label calls `manager`, whose title is `title`: the title on one line,
/// or the id when the title is empty.
fn stub_name(manager: NodeId, title: &str) -> String {
    let name = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        format!("#{}", manager.0)
    } else {
        name
    }
}

/// The routing's own view of the chart: managers above, subordinates below. A
/// left-to-right chart has its axes swapped (swapping twice gives back the chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Frame {
    swap: bool,
}

impl Frame {
    fn of(orientation: Orientation) -> Frame {
        Frame {
            swap: orientation == Orientation::LeftToRight,
        }
    }

    /// `rect` in the other frame.
    fn rect(self, rect: RectInChart) -> RectInChart {
        if self.swap {
            RectInChart {
                x: rect.y,
                y: rect.x,
                width: rect.height,
                height: rect.width,
            }
        } else {
            rect
        }
    }

    /// `point` in the other frame.
    fn point(self, [x, y]: [f32; 2]) -> [f32; 2] {
        if self.swap {
            [y, x]
        } else {
            [x, y]
        }
    }

    fn points(self, points: &[[f32; 2]]) -> Vec<[f32; 2]> {
        points.iter().map(|&p| self.point(p)).collect()
    }
}

/// One line to route, in the routing frame.
#[derive(Clone, Debug)]
struct Job {
    from: NodeId,
    to: NodeId,
    from_rect: RectInChart,
    to_rect: RectInChart,
    path: Option<Vec<[f32; 2]>>,
}

impl Job {
    fn new(from: NodeId, to: NodeId, layout: &ChartLayout, frame: Frame) -> Job {
        let rect = |id| {
            layout.rect(id).map_or(
                RectInChart {
                    x: 0.0,
                    y: 0.0,
                    width: 0.0,
                    height: 0.0,
                },
                |r| frame.rect(r),
            )
        };
        Job {
            from,
            to,
            from_rect: rect(from),
            to_rect: rect(to),
            path: None,
        }
    }
}

/// What the routes and labels must keep clear of, in the routing frame: the cards, the
/// solid tree lines, and what has been placed so far (routes, stubs, labels).
struct Env {
    frame: Frame,
    cards: RectGrid,
    solid: RectGrid,
    placed: grid::Placed,
    /// Every card, grown by the room a route may take outside them.
    reach: RectInChart,
    seen: grid::Seen,
    obstacles: Vec<RectInChart>,
    lines: Vec<RectInChart>,
}

impl Env {
    /// What lies around the stubs of the cards `stubs` and in the regions `routes` (chart
    /// coordinates) of `chart` laid out as `layout`: the cards, the tree lines and the fold
    /// badges there.
    fn new(
        chart: &Chart,
        layout: &ChartLayout,
        options: &LayoutOptions,
        frame: Frame,
        (stubs, routes): (&[NodeId], &[RectInChart]),
    ) -> Env {
        let empty = RectInChart {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 0.0,
        };
        let bounds = layout.bounds().unwrap_or(empty);
        let regions: Vec<RectInChart> = stubs
            .iter()
            .filter_map(|&id| layout.rect(id))
            .map(|card| stub_region(&card))
            .chain(routes.iter().copied())
            .collect();
        let interest = interest::Interest::new(&bounds, &regions);
        let on_routes = (!routes.is_empty()).then(|| interest::Interest::new(&bounds, routes));
        let mut cards = Vec::new();
        let mut placed = grid::Placed::default();
        // The cards whose tree lines may pass a route or a stub: each stub's card (its
        // label keeps off the lines beside it) and every card on a route's way.
        let mut near: Vec<NodeId> = stubs.to_vec();
        for card in &layout.cards {
            if interest.touches(&card.rect) {
                cards.push(frame.rect(card.rect));
                if let Some(badge) = stub::fold_badge(chart, card) {
                    placed.insert(frame.rect(badge));
                }
                if on_routes.as_ref().is_some_and(|i| i.touches(&card.rect)) {
                    near.push(card.id);
                }
            }
        }
        let solid = solid_lines(chart, layout, options, frame, &near, &interest);
        Env {
            frame,
            cards: RectGrid::new(cards),
            solid: RectGrid::new(solid),
            placed,
            reach: grow(&frame.rect(bounds), OUTSIDE_CARDS),
            seen: grid::Seen::default(),
            obstacles: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// A route from `from` to `to` (frame rectangles), or `None` when there is none that
    /// reads (none at all, or one that wanders far).
    fn route(
        &mut self,
        router: &mut router::Router,
        from: &RectInChart,
        to: &RectInChart,
    ) -> Option<Vec<[f32; 2]>> {
        let window = clip(&grow(&from.union(to), ROUTE_MARGIN), &self.reach);
        self.obstacles.clear();
        let (cards, obstacles) = (&self.cards, &mut self.obstacles);
        cards.for_each_near(&grow(&window, router::CLEARANCE), &mut self.seen, |at| {
            obstacles.push(cards.rects[at]);
        });
        self.lines.clear();
        let (solid, lines) = (&self.solid, &mut self.lines);
        solid.for_each_near(&window, &mut self.seen, |at| lines.push(solid.rects[at]));
        let path = router.route(&self.obstacles, &self.lines, from, to, &window)?;
        let length: f32 = path
            .windows(2)
            .map(|p| (p[1][0] - p[0][0]).abs() + (p[1][1] - p[0][1]).abs())
            .sum();
        let [a, b] = [from.centre(), to.centre()];
        let distance = (a[0] - b[0]).abs() + (a[1] - b[1]).abs();
        (length <= DETOUR_FACTOR * distance + DETOUR_SLACK).then_some(path)
    }

    /// Records `path` (frame points) as taken, so labels keep off it.
    fn claim_path(&mut self, path: &[[f32; 2]]) {
        for pair in path.windows(2) {
            self.placed.insert(line_box(pair[0], pair[1]));
        }
    }

    /// True when the segment from `a` to `b` (frame points) crosses the inside of a card.
    fn crosses_a_card(&mut self, a: [f32; 2], b: [f32; 2]) -> bool {
        let line = line_box(a, b);
        self.cards.any_overlap(&line, &mut self.seen, |_| true)
    }
}

/// The tree lines (as line boxes in `frame`) that may run near the cards `near`: the
/// lines into each of them and out of each to its subordinates, and the lines to their
/// siblings, whose bus bars and stems pass beside them. (A tree line runs within the box
/// of its two cards and the gap below the manager, which holds only the manager's own
/// lines and cards.)
fn solid_lines(
    chart: &Chart,
    layout: &ChartLayout,
    options: &LayoutOptions,
    frame: Frame,
    near: &[NodeId],
    interest: &interest::Interest,
) -> Vec<RectInChart> {
    let mut done: rustc_hash::FxHashSet<NodeId> = rustc_hash::FxHashSet::default();
    let mut clipped = Vec::new();
    for &id in near {
        for manager in [chart.parent(id), Some(id)].into_iter().flatten() {
            let Some(from) = layout.rect(manager) else {
                continue;
            };
            if !done.insert(manager) {
                continue;
            }
            for &child in chart.children(manager) {
                let Some(card) = layout.get(child) else {
                    continue;
                };
                let reach = grow(&from.union(&card.rect), options.level_gap);
                if card.placement == Placement::Pinned || !interest.touches(&reach) {
                    continue;
                }
                let kind = LinkKind::for_placement(card.placement);
                let path = route(
                    kind,
                    options.level_gap,
                    options.orientation,
                    from,
                    card.rect,
                );
                for pair in path.windows(2) {
                    interest.clip_line(line_box(pair[0], pair[1]), &mut clipped);
                }
            }
        }
    }
    clipped.into_iter().map(|line| frame.rect(line)).collect()
}

/// The box of the axis-parallel segment from `a` to `b`: no width or no height.
fn line_box(a: [f32; 2], b: [f32; 2]) -> RectInChart {
    RectInChart {
        x: a[0].min(b[0]),
        y: a[1].min(b[1]),
        width: (a[0] - b[0]).abs(),
        height: (a[1] - b[1]).abs(),
    }
}

/// `rect` grown by `by` on every side.
fn grow(rect: &RectInChart, by: f32) -> RectInChart {
    RectInChart {
        x: rect.x - by,
        y: rect.y - by,
        width: rect.width + 2.0 * by,
        height: rect.height + 2.0 * by,
    }
}

/// Where the stub of a line to `card` may reach: a label from the card's middle reaches
/// half the card's width and [`STUB_REGION`] past it.
fn stub_region(card: &RectInChart) -> RectInChart {
    let side = card.width / 2.0 + STUB_REGION;
    RectInChart {
        x: card.x - side,
        y: card.y - STUB_REGION / 2.0,
        width: card.width + 2.0 * side,
        height: card.height + STUB_REGION,
    }
}

/// The part of `rect` inside `within` (`rect` itself when they do not meet).
fn clip(rect: &RectInChart, within: &RectInChart) -> RectInChart {
    let x = rect.x.max(within.x);
    let y = rect.y.max(within.y);
    let right = rect.right().min(within.right());
    let bottom = rect.bottom().min(within.bottom());
    if right <= x || bottom <= y {
        return *rect;
    }
    RectInChart {
        x,
        y,
        width: right - x,
        height: bottom - y,
    }
}
