//! Paginating a chart too big for one page or slide: an overview of the top levels, then
//! one page per unit, split deeper where a unit does not fit, every page at one scale.
//! The PowerPoint deck and the PDF's `--per-unit` pages share this plan.
//!
//! A page that hands part of its tree to another page keeps the card at the cut as a
//! *link*: folded, standing for the page its subtree continues on. Each page is laid out
//! on its own (a [cut](super::cut) of the chart), so a page holds no holes where the
//! parts on other pages would have been.

use rustc_hash::FxHashSet;

use crate::layout::{
    card_size, dotted_requests_into, layout_chart_with_sizes, CardStyle, ChartLayout,
    LayoutOptions, RectInChart,
};
use crate::model::{Chart, NodeId, NodeKind};

use super::cut::cut;
use super::{drawing, top_level_units, whole, Drawing};
use crate::export::{ExportError, ExportOptions, Scope};

/// Between crumbs of a breadcrumb: `营销部 › 销售部`. The bundled font, Arial and
/// Microsoft YaHei all have the character.
pub const CRUMB_SEPARATOR: &str = " › ";

/// The smallest text a page may have, in points.
pub const READABLE_PT: f32 = 9.0;

/// The smallest card text in `style`, in chart units: titles, holders and the headcount
/// badge, and duties when the cards show them; with `fold_badge`, the "+N" of a folded
/// card too.
pub fn smallest_card_text(style: &CardStyle, fold_badge: bool) -> f32 {
    let mut smallest = style.title_px.min(style.unit_title_px).min(style.holder_px);
    if style.show_duties {
        smallest = smallest.min(style.duty_px);
    }
    if fold_badge {
        smallest = smallest.min(crate::layout::CARD_SPEC.fold_badge_px);
    }
    smallest
}

/// How pages are sized and when a page fits.
pub struct PlanRules<'a> {
    /// The fewest points per chart unit: the scale at which the smallest card text is
    /// still 9 pt. Pages are split until they fit at this scale.
    pub min_scale: f32,
    /// The most points per chart unit: small charts are not blown up past this.
    pub max_scale: f32,
    /// Split into an overview and unit pages even when the whole chart fits (the PDF's
    /// `--per-unit`); otherwise split only when it does not fit (the deck).
    pub always_split: bool,
    /// The largest scale (points per chart unit) at which a drawing fits its page, across
    /// and down: `[across, down]`.
    pub fit: &'a dyn Fn(&Drawing) -> [f32; 2],
    /// Card sizes and texts.
    pub style: &'a CardStyle,
    /// Spacing and orientation.
    pub layout: &'a LayoutOptions,
    /// Extra height a link card gets, for the line that names its page (the deck's
    /// "→ slide 5"); 0 where links look like ordinary folded cards (the PDF).
    pub link_extra_height: f32,
    /// The narrowest a link card is, for that line.
    pub link_min_width: f32,
    /// The breadcrumb heading's text size and the most room it may take across, in
    /// chart units: crumbs in the middle give way to "…" to keep within it.
    pub heading: HeadingRoom,
}

/// How big a page's breadcrumb heading is and how wide it may be, in chart units.
#[derive(Clone, Copy, Debug)]
pub struct HeadingRoom {
    /// Its text size.
    pub font_px: f32,
    /// Its widest.
    pub width: f32,
}

/// `crumbs` joined by [`CRUMB_SEPARATOR`], the middle ones left out (as "…") until the
/// line fits `room`; the first and last crumbs stay while they can.
pub fn heading_within(crumbs: &[String], room: HeadingRoom) -> String {
    let width = |text: &str| crate::fonts::text_width(text, room.font_px);
    let full = crumbs.join(CRUMB_SEPARATOR);
    if crumbs.len() < 3 || width(&full) <= room.width {
        return full;
    }
    let last = crumbs.len() - 1;
    for dropped in 1..last {
        let mut kept: Vec<&str> = vec![crumbs[0].as_str(), "…"];
        kept.extend(crumbs[1 + dropped..].iter().map(String::as_str));
        let line = kept.join(CRUMB_SEPARATOR);
        if width(&line) <= room.width {
            return line;
        }
    }
    ["…", crumbs[last].as_str()].join(CRUMB_SEPARATOR)
}

/// What a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The whole chart (or the chosen subtree) on one page.
    Whole,
    /// The top levels, down to the first units.
    Overview,
    /// One unit (or post) and what is below it, down to the links to deeper pages.
    Part(NodeId),
    /// Several small branches cut off one page (`None`: the overview; `Some`: the part
    /// page of that node), side by side: that page, continued.
    Group(Option<NodeId>),
    /// More of the team of a post too big for one page; the post is a link back to its
    /// own page.
    Continued(NodeId),
}

/// One planned page.
#[derive(Debug)]
pub struct PlannedPage {
    /// What the page shows.
    pub kind: PageKind,
    /// The nodes at the page's top: what links to it.
    pub roots: Vec<NodeId>,
    /// The chart cut down to this page (links folded), or `None` for the chart itself.
    pub cut: Option<Chart>,
    /// The layout of [`PlannedPage::cut`], or `None` for the chart's own layout.
    pub cut_layout: Option<ChartLayout>,
    /// The cards and lines drawn; the heading is the breadcrumb, for part pages.
    pub drawing: Drawing,
    /// The path to the page's subject: the units above it from the top, then itself.
    pub breadcrumb: Vec<String>,
    /// Cards that stand for other pages: each with the index of its page in the plan.
    pub links: Vec<(NodeId, usize)>,
    /// Points per chart unit on this page: the plan's scale, or less on a page that
    /// could not be split small enough (one post with very many direct reports).
    pub scale: f32,
}

impl PlannedPage {
    /// The chart this page draws from: its cut, or `whole`.
    pub fn chart<'a>(&'a self, whole: &'a Chart) -> &'a Chart {
        self.cut.as_ref().unwrap_or(whole)
    }

    /// The layout this page draws from: its cut's, or `whole`.
    pub fn layout<'a>(&'a self, whole: &'a ChartLayout) -> &'a ChartLayout {
        self.cut_layout.as_ref().unwrap_or(whole)
    }

    /// The page a card on this page links to, if it is a link.
    pub fn link_of(&self, id: NodeId) -> Option<usize> {
        self.links
            .iter()
            .find(|(link, _)| *link == id)
            .map(|&(_, page)| page)
    }
}

/// The pages of a paginated export and their common scale.
#[derive(Debug)]
pub struct PagePlan {
    /// The pages in reading order: the overview, then each part followed by the parts
    /// it links to.
    pub pages: Vec<PlannedPage>,
    /// Points per chart unit shared by every page that fits at it.
    pub scale: f32,
}

/// Where a link back to the first page of a team split over several pages points until
/// that page's place is known.
const BACK: usize = usize::MAX - 1;

/// A page being planned: the nodes at its top, the cards cut off as links, and what it
/// is.
struct Task {
    kind: PageKind,
    roots: Vec<NodeId>,
    links: Vec<NodeId>,
    /// A small branch whose page may take in the branches after it.
    packable: bool,
}

/// Plans the pages for `chart` laid out as `layout` (the export's scope in `options`).
pub fn plan(
    chart: &Chart,
    layout: &ChartLayout,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
) -> Result<PagePlan, ExportError> {
    let whole_drawing = whole(chart, layout, options)?;
    let [across, down] = (rules.fit)(&whole_drawing);
    let roots: Vec<NodeId> = match options.scope {
        Scope::Whole => chart
            .roots()
            .iter()
            .copied()
            .filter(|&root| layout.get(root).is_some())
            .collect(),
        Scope::Subtree(root) => vec![root],
    };
    let splittable = roots
        .iter()
        .any(|&root| has_visible_children(chart, layout, root));
    let fits = across.min(down) >= rules.min_scale;
    if !splittable || (fits && !rules.always_split) {
        let scale = across.min(down).min(rules.max_scale);
        return Ok(PagePlan {
            pages: vec![PlannedPage {
                kind: PageKind::Whole,
                roots: Vec::new(),
                cut: None,
                cut_layout: None,
                drawing: whole_drawing,
                breadcrumb: Vec::new(),
                links: Vec::new(),
                scale,
            }],
            scale,
        });
    }
    let first_links = first_links(chart, layout, options.scope, &roots);
    let mut stack = vec![Task {
        kind: PageKind::Overview,
        roots,
        links: first_links,
        packable: false,
    }];
    let mut pages: Vec<PlannedPage> = Vec::new();
    let mut linked: Vec<(usize, NodeId)> = Vec::new();
    while let Some(task) = stack.pop() {
        let given = task.links.clone();
        let mut built = build_page(chart, options, rules, task)?;
        // Deeper pages follow in tree order: pushed last to first.
        let mut next = Vec::new();
        for page in &built {
            next.extend(next_tasks(chart, options, rules, page, &given)?);
        }
        stack.extend(next.into_iter().rev());
        let first_at = pages.len();
        for page in &mut built {
            for entry in &mut page.links {
                if entry.1 == BACK {
                    entry.1 = first_at;
                }
            }
        }
        for page in built {
            let at = pages.len();
            linked.extend(page.links.iter().map(|&(link, _)| (at, link)));
            pages.push(page);
        }
    }
    resolve_links(&mut pages, &linked);
    Ok(with_scale(pages, rules))
}

/// The pages a page's links lead to, in order. A link cut off above the links the page
/// was given (the first units) hands those on to its page. Branches the page cut off
/// itself that are small enough share a page, side by side, as many as fit.
fn next_tasks(
    chart: &Chart,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
    page: &PlannedPage,
    given: &[NodeId],
) -> Result<Vec<Task>, ExportError> {
    let parent = match page.kind {
        PageKind::Part(subject) | PageKind::Continued(subject) => Some(subject),
        PageKind::Whole | PageKind::Overview | PageKind::Group(_) => None,
    };
    let group_heading =
        parent.map(|subject| heading_within(&breadcrumb(chart, subject), rules.heading));
    let fits_alone = |roots: &[NodeId], heading: Option<String>| {
        lay_out_page(chart, options, rules, (roots, &[]), heading).map(|laid| laid.fits(rules))
    };
    let mut tasks: Vec<Task> = Vec::new();
    // A page continuing a post's team links back to the post's page: not a new page.
    for &(link, _) in page.links.iter().filter(|(_, to)| *to != BACK) {
        let handed_on: Vec<NodeId> = given
            .iter()
            .copied()
            .filter(|&unit| unit != link && chart.is_in_subtree(unit, link))
            .collect();
        let packable = handed_on.is_empty() && !given.contains(&link);
        if packable {
            if let Some(last) = tasks.last_mut().filter(|t| t.packable) {
                let mut roots = last.roots.clone();
                roots.push(link);
                if fits_alone(&roots, group_heading.clone())? {
                    last.roots = roots;
                    last.kind = PageKind::Group(parent);
                    continue;
                }
            }
        }
        let crumbs = heading_within(&breadcrumb(chart, link), rules.heading);
        let packable = packable && fits_alone(&[link], Some(crumbs))?;
        tasks.push(Task {
            kind: PageKind::Part(link),
            roots: vec![link],
            links: handed_on,
            packable,
        });
    }
    Ok(tasks)
}

/// Points each link at the page it leads to.
fn resolve_links(pages: &mut [PlannedPage], linked: &[(usize, NodeId)]) {
    let subjects: rustc_hash::FxHashMap<NodeId, usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, page)| matches!(page.kind, PageKind::Part(_) | PageKind::Group(_)))
        .flat_map(|(at, page)| page.roots.iter().map(move |&root| (root, at)))
        .collect();
    for &(at, link) in linked {
        let Some(page) = pages.get_mut(at) else {
            continue;
        };
        if let Some(&target) = subjects.get(&link) {
            for entry in &mut page.links {
                if entry.0 == link && entry.1 == usize::MAX {
                    entry.1 = target;
                }
            }
        }
    }
}

/// Gives every page the common scale: the largest at which every page that can fit
/// does, between the rules' bounds. A page that could not be split small enough keeps
/// its own, smaller scale.
fn with_scale(mut pages: Vec<PlannedPage>, rules: &PlanRules<'_>) -> PagePlan {
    let fit_of = |page: &PlannedPage| {
        let [across, down] = (rules.fit)(&page.drawing);
        across.min(down)
    };
    let scale = pages
        .iter()
        .map(fit_of)
        .filter(|&fit| fit >= rules.min_scale)
        .fold(rules.max_scale, f32::min)
        .max(rules.min_scale);
    for page in &mut pages {
        page.scale = fit_of(page).min(scale);
    }
    PagePlan { pages, scale }
}

/// The cards the overview links from: the first units below the top (or below the
/// chosen subtree's root), else the subtree root's reports that have reports.
fn first_links(chart: &Chart, layout: &ChartLayout, scope: Scope, roots: &[NodeId]) -> Vec<NodeId> {
    let visible = |id: &NodeId| layout.get(*id).is_some() && !roots.contains(id);
    match scope {
        Scope::Whole => top_level_units(chart).into_iter().filter(visible).collect(),
        Scope::Subtree(root) => {
            let units = units_below(chart, root);
            if units.is_empty() {
                chart
                    .children(root)
                    .iter()
                    .copied()
                    .filter(|&child| has_visible_children(chart, layout, child))
                    .collect()
            } else {
                units.into_iter().filter(visible).collect()
            }
        }
    }
}

/// The nearest units below `root` (not `root` itself).
fn units_below(chart: &Chart, root: NodeId) -> Vec<NodeId> {
    let mut found = Vec::new();
    let mut stack: Vec<NodeId> = chart.children(root).iter().rev().copied().collect();
    while let Some(id) = stack.pop() {
        if chart.node(id).is_some_and(|n| n.kind == NodeKind::Unit) {
            found.push(id);
        } else {
            stack.extend(chart.children(id).iter().rev());
        }
    }
    found
}

fn has_visible_children(chart: &Chart, layout: &ChartLayout, id: NodeId) -> bool {
    chart
        .children(id)
        .iter()
        .any(|&child| layout.get(child).is_some())
}

/// The path to `subject`: the units above it from the top, then itself.
pub fn breadcrumb(chart: &Chart, subject: NodeId) -> Vec<String> {
    let mut path: Vec<String> = chart
        .ancestors(subject)
        .filter_map(|id| chart.node(id))
        .filter(|node| node.kind == NodeKind::Unit)
        .map(|node| node.title.clone())
        .collect();
    path.reverse();
    if let Some(node) = chart.node(subject) {
        path.push(node.title.clone());
    }
    path
}

/// A page laid out: its cut of the chart, the cut's layout, what is drawn and the
/// scale it fits at, across and down.
struct Laid {
    cut: Chart,
    layout: ChartLayout,
    drawing: Drawing,
    fit: [f32; 2],
}

impl Laid {
    fn fits(&self, rules: &PlanRules<'_>) -> bool {
        self.fit[0].min(self.fit[1]) >= rules.min_scale
    }
}

/// Lays out the page of `roots` with `links` folded.
fn lay_out_page(
    chart: &Chart,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
    (roots, links): (&[NodeId], &[NodeId]),
    heading: Option<String>,
) -> Result<Laid, ExportError> {
    lay_out_part(chart, options, rules, (roots, links, None), heading)
}

/// What a page shows: its top nodes, the cards that link elsewhere, and a post that
/// keeps only some of its reports.
type PagePart<'a> = (&'a [NodeId], &'a [NodeId], Option<(NodeId, &'a [NodeId])>);

/// Lays out the page of `roots` with `links` folded, a post keeping only some of its
/// reports (`only`), if given.
fn lay_out_part(
    chart: &Chart,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
    (roots, links, only): PagePart<'_>,
    heading: Option<String>,
) -> Result<Laid, ExportError> {
    let page_chart = cut(chart, roots, links, only)?;
    let page_layout = layout_chart_with_sizes(&page_chart, rules.layout, |id| {
        page_chart.node(id).map_or([0.0, 0.0], |node| {
            let [width, height] = card_size(node, rules.style);
            if links.contains(&id) {
                [
                    width.max(rules.link_min_width),
                    height + rules.link_extra_height,
                ]
            } else {
                [width, height]
            }
        })
    });
    let ghosts = super::ghost_places(&page_chart, &page_layout, options);
    let cards = page_layout.cards.iter().map(|c| c.id).collect();
    let page_drawing = drawing(&page_chart, &page_layout, cards, heading, &ghosts);
    let fit = (rules.fit)(&page_drawing);
    Ok(Laid {
        cut: page_chart,
        layout: page_layout,
        drawing: page_drawing,
        fit,
    })
}

/// Lays a page out, cutting off the largest branch as a link until the page fits (or
/// nothing is left to cut); then gives back, smallest last cut first, every branch the
/// page has room for after all.
fn build_page(
    chart: &Chart,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
    task: Task,
) -> Result<Vec<PlannedPage>, ExportError> {
    let breadcrumb = match task.kind {
        PageKind::Part(subject) | PageKind::Group(Some(subject)) | PageKind::Continued(subject) => {
            breadcrumb(chart, subject)
        }
        PageKind::Whole | PageKind::Overview | PageKind::Group(None) => Vec::new(),
    };
    let heading = (!breadcrumb.is_empty()).then(|| heading_within(&breadcrumb, rules.heading));
    let roots = task.roots.as_slice();
    let mut links = task.links;
    let given = links.len();
    let mut laid = lay_out_page(chart, options, rules, (roots, &links), heading.clone())?;
    while !laid.fits(rules) {
        let axis = if laid.fit[0] <= laid.fit[1] {
            Axis::Across
        } else {
            Axis::Down
        };
        let link_set: FxHashSet<NodeId> = links.iter().copied().collect();
        let Some(branch) = largest_branch(&laid.cut, &laid.layout, roots, &link_set, axis) else {
            break;
        };
        links.push(branch);
        laid = lay_out_page(chart, options, rules, (roots, &links), heading.clone())?;
    }
    if laid.fits(rules) {
        let mut at = links.len();
        while at > given {
            at -= 1;
            let mut fewer = links.clone();
            fewer.remove(at);
            let tried = lay_out_page(chart, options, rules, (roots, &fewer), heading.clone())?;
            if tried.fits(rules) {
                links = fewer;
                laid = tried;
            }
        }
    }
    if !laid.fits(rules) {
        if let [root] = roots {
            let part = (*root, links.as_slice());
            return team_pages(
                chart,
                options,
                rules,
                part,
                (task.kind, breadcrumb, heading),
            );
        }
    }
    Ok(vec![finish(
        chart, task.kind, task.roots, laid, &links, breadcrumb,
    )])
}

/// A planned page of what `laid` (cut from `whole`) laid out, showing `links` as links.
fn finish(
    whole: &Chart,
    kind: PageKind,
    roots: Vec<NodeId>,
    laid: Laid,
    links: &[NodeId],
    breadcrumb: Vec<String>,
) -> PlannedPage {
    // The links the page shows (one inside another's fold is not), in tree order, so
    // their pages follow in that order.
    let link_set: FxHashSet<NodeId> = links.iter().copied().collect();
    let links = laid
        .cut
        .tree_order()
        .filter(|&id| link_set.contains(&id) && laid.layout.get(id).is_some())
        .map(|id| (id, usize::MAX))
        .collect();
    // The dotted lines into the cards that are cards here (a link shows its own on its
    // page), from the whole chart, so a manager on another page is named by a stub.
    let own_cards = laid
        .layout
        .cards
        .iter()
        .map(|c| c.id)
        .filter(|id| !link_set.contains(id));
    let mut drawing = laid.drawing;
    drawing.dotted = Some(dotted_requests_into(whole, own_cards));
    PlannedPage {
        kind,
        roots,
        cut: Some(laid.cut),
        cut_layout: Some(laid.layout),
        drawing,
        breadcrumb,
        links,
        scale: 0.0,
    }
}

/// A post whose team is too big for one page even with every branch cut off (many
/// direct reports): its team split over several pages, as many reports on each as fit.
/// The first page has the post's card and its assistants; each next one, continuing
/// it, has the post as a link back to the first.
fn team_pages(
    chart: &Chart,
    options: &ExportOptions,
    rules: &PlanRules<'_>,
    (root, links): (NodeId, &[NodeId]),
    (kind, breadcrumb, heading): (PageKind, Vec<String>, Option<String>),
) -> Result<Vec<PlannedPage>, ExportError> {
    // The team is the root's, or its head's when the root is a unit with one head.
    let mut owner = root;
    if chart.node(root).is_some_and(|n| n.kind == NodeKind::Unit) {
        let mut heads = chart
            .children(root)
            .iter()
            .filter(|&&c| chart.node(c).is_some_and(|n| n.kind != NodeKind::Assistant));
        if let (Some(&head), None) = (heads.next(), heads.next()) {
            owner = head;
        }
    }
    let (side, team): (Vec<NodeId>, Vec<NodeId>) =
        chart.children(owner).iter().partition(|&&child| {
            chart
                .node(child)
                .is_some_and(|n| n.kind == NodeKind::Assistant)
        });
    if team.len() < 2 {
        // Nothing to share out: the page stays as it is, at a smaller scale.
        let laid = lay_out_page(chart, options, rules, (&[root], links), heading)?;
        return Ok(vec![finish(
            chart,
            kind,
            vec![root],
            laid,
            links,
            breadcrumb,
        )]);
    }
    let mut pages = Vec::new();
    let mut from = 0;
    while from < team.len() {
        let first = from == 0;
        let lay = |to: usize| {
            let mut only = if first { side.clone() } else { Vec::new() };
            only.extend_from_slice(&team[from..to]);
            // Every link: those outside this part of the team are not in its cut.
            let mut shown: Vec<NodeId> = links.to_vec();
            if !first {
                shown.push(root);
                shown.push(owner);
            }
            let laid = lay_out_part(
                chart,
                options,
                rules,
                (&[root], &shown, Some((owner, &only))),
                heading.clone(),
            )?;
            Ok::<_, ExportError>((laid, shown))
        };
        let mut to = from + 1;
        let mut best = lay(to)?;
        while to < team.len() {
            let next = lay(to + 1)?;
            if !next.0.fits(rules) {
                break;
            }
            best = next;
            to += 1;
        }
        let page_kind = if first {
            kind
        } else {
            PageKind::Continued(root)
        };
        let mut page = finish(
            chart,
            page_kind,
            vec![root],
            best.0,
            &best.1,
            breadcrumb.clone(),
        );
        if !first {
            for entry in &mut page.links {
                if entry.0 == root || entry.0 == owner {
                    entry.1 = BACK;
                }
            }
        }
        pages.push(page);
        from = to;
    }
    Ok(pages)
}

/// Which way a page is too big.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    Across,
    Down,
}

/// The branch of the page whose cutting off helps most: the one reaching furthest
/// `axis`-wise, units before posts of the same reach, the highest first. The page's top
/// (its roots, a root unit's head) is never cut, nor are assistants, leaves and
/// branches already cut.
fn largest_branch(
    page: &Chart,
    layout: &ChartLayout,
    roots: &[NodeId],
    links: &FxHashSet<NodeId>,
    axis: Axis,
) -> Option<NodeId> {
    let order: Vec<NodeId> = page
        .tree_order()
        .filter(|&id| layout.get(id).is_some())
        .collect();
    let mut boxes: rustc_hash::FxHashMap<NodeId, RectInChart> = order
        .iter()
        .filter_map(|&id| layout.rect(id).map(|rect| (id, rect)))
        .collect();
    for &id in order.iter().rev() {
        if let (Some(parent), Some(&rect)) = (page.parent(id), boxes.get(&id)) {
            if let Some(above) = boxes.get_mut(&parent) {
                *above = above.union(&rect);
            }
        }
    }
    let chain = top_chain(page, layout, roots);
    let mut best: Option<(NodeId, f32, bool)> = None;
    for &id in &order {
        let Some(node) = page.node(id) else { continue };
        if chain.contains(&id)
            || links.contains(&id)
            || node.kind == NodeKind::Assistant
            || !has_visible_children(page, layout, id)
        {
            continue;
        }
        let Some(rect) = boxes.get(&id) else { continue };
        let reach = match axis {
            Axis::Across => rect.width,
            Axis::Down => rect.height,
        };
        let unit = node.kind == NodeKind::Unit;
        let better = best.is_none_or(|(_, best_reach, best_unit)| {
            reach > best_reach + 1.0 || (reach > best_reach - 1.0 && unit && !best_unit)
        });
        if better {
            best = Some((id, reach, unit));
        }
    }
    best.map(|(id, _, _)| id)
}

/// The page's roots, and the head of a unit at the root: cutting either off would
/// leave nothing on the page but a link.
fn top_chain(page: &Chart, layout: &ChartLayout, roots: &[NodeId]) -> FxHashSet<NodeId> {
    let mut chain = FxHashSet::default();
    for &root in roots {
        chain.insert(root);
        if page.node(root).is_some_and(|n| n.kind != NodeKind::Unit) {
            continue;
        }
        let mut in_tree = page.children(root).iter().copied().filter(|&child| {
            layout.get(child).is_some()
                && page
                    .node(child)
                    .is_some_and(|n| n.kind != NodeKind::Assistant)
        });
        if let (Some(head), None) = (in_tree.next(), in_tree.next()) {
            chain.insert(head);
        }
    }
    chain
}
