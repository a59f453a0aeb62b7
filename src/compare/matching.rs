//! Which node of the old chart is which node of the new one.
//!
//! - **By id**: one chart was edited from the other, so a node keeps its id.
//! - **By ref**: posts carry the id they have in the HR system. Unit cards, which an HR
//!   file makes from departments and which carry no ref, are matched by title: under the
//!   same (matched) parent first, then anywhere.
//! - **By path**: the chain of titles and holders from the top, units included, for two
//!   charts with nothing else in common. What is left is matched top-down by title under
//!   the same matched manager, so a new holder is a changed holder, not a new post.

use rustc_hash::FxHashMap;

use super::side::Side;
use crate::model::{Chart, IdMap, NodeId, NodeKind};

/// How nodes are matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatchBy {
    /// By node id (one chart was edited from the other).
    #[default]
    Id,
    /// By HR reference (`ref`).
    Ref,
    /// By the chain of titles and holders from the top.
    Path,
}

impl MatchBy {
    /// Every way, for help texts and menus.
    pub const ALL: [MatchBy; 3] = [MatchBy::Id, MatchBy::Ref, MatchBy::Path];

    /// The way's name: `id`, `ref`, `path`.
    pub fn name(self) -> &'static str {
        match self {
            MatchBy::Id => "id",
            MatchBy::Ref => "ref",
            MatchBy::Path => "path",
        }
    }
}

/// The pairs of matched nodes, both ways.
#[derive(Clone, Debug, Default)]
pub struct Pairing {
    old_to_new: IdMap<NodeId>,
    new_to_old: IdMap<NodeId>,
}

impl Pairing {
    /// The new node `old` is matched with.
    pub fn new_of(&self, old: NodeId) -> Option<NodeId> {
        self.old_to_new.get(old).copied()
    }

    /// The old node `new` is matched with.
    pub fn old_of(&self, new: NodeId) -> Option<NodeId> {
        self.new_to_old.get(new).copied()
    }

    /// How many pairs.
    pub fn len(&self) -> usize {
        self.old_to_new.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.old_to_new.is_empty()
    }

    fn pair(&mut self, old: NodeId, new: NodeId) {
        self.old_to_new.insert(old, new);
        self.new_to_old.insert(new, old);
    }

    fn with_capacity(len: usize) -> Pairing {
        Pairing {
            old_to_new: IdMap::with_capacity(len + 1),
            new_to_old: IdMap::with_capacity(len + 1),
        }
    }
}

/// True when unit cards take part in the comparison (both sides carry them).
pub(super) fn units_compared(old: &Side, new: &Side) -> bool {
    old.carries.units && new.carries.units
}

/// Matches the nodes of `old` and `new` `by` the way asked.
pub fn pair(old: &Side, new: &Side, by: MatchBy) -> Pairing {
    let units = units_compared(old, new);
    match by {
        MatchBy::Id => by_id(old.chart, new.chart, units),
        MatchBy::Ref => by_ref(old.chart, new.chart, units),
        MatchBy::Path => by_path(old.chart, new.chart, units),
    }
}

/// The way to match two sides when the user did not say, and its pairing.
///
/// By ref when one side is an HR file or both carry refs on most posts; by id when both
/// are of one lineage (most ids they share name the same title or holder); else by path.
/// When the preferred way pairs fewer than half the posts, the way that pairs the most.
pub fn choose(old: &Side, new: &Side) -> (MatchBy, Pairing) {
    let prefer_ref = old.hr_file
        || new.hr_file
        || (mostly_referenced(old.chart) && mostly_referenced(new.chart));
    let order = if prefer_ref {
        [MatchBy::Ref, MatchBy::Id, MatchBy::Path]
    } else {
        [MatchBy::Id, MatchBy::Ref, MatchBy::Path]
    };
    let posts = posts(old.chart).min(posts(new.chart)).max(1);
    let mut best: Option<(MatchBy, Pairing, usize)> = None;
    for by in order {
        let pairing = pair(old, new, by);
        let quality = match by {
            MatchBy::Id => agreeing(old.chart, new.chart, &pairing),
            MatchBy::Ref | MatchBy::Path => paired_posts(new.chart, &pairing),
        };
        if quality * 2 >= posts {
            return (by, pairing);
        }
        if best.as_ref().is_none_or(|(_, _, q)| quality > *q) {
            best = Some((by, pairing, quality));
        }
    }
    match best {
        Some((by, pairing, _)) => (by, pairing),
        None => (MatchBy::Id, Pairing::default()),
    }
}

fn posts(chart: &Chart) -> usize {
    chart
        .tree_order()
        .filter(|&id| chart.node(id).is_some_and(|n| n.kind.is_post()))
        .count()
}

/// True when at least half the posts carry a ref.
fn mostly_referenced(chart: &Chart) -> bool {
    let (mut posts, mut referenced) = (0usize, 0usize);
    for id in chart.tree_order() {
        if let Some(node) = chart.node(id).filter(|n| n.kind.is_post()) {
            posts += 1;
            referenced += usize::from(node.reference.as_deref().is_some_and(|r| !r.is_empty()));
        }
    }
    posts > 0 && referenced * 2 >= posts
}

/// Paired posts whose title or holder is the same on both sides: a measure of lineage.
fn agreeing(old: &Chart, new: &Chart, pairing: &Pairing) -> usize {
    new.tree_order()
        .filter(|&id| {
            let (Some(theirs), Some(ours)) =
                (pairing.old_of(id).and_then(|o| old.node(o)), new.node(id))
            else {
                return false;
            };
            ours.kind.is_post()
                && theirs.kind == ours.kind
                && (theirs.title == ours.title
                    || (ours.holder.is_some() && theirs.holder == ours.holder))
        })
        .count()
}

fn paired_posts(new: &Chart, pairing: &Pairing) -> usize {
    new.tree_order()
        .filter(|&id| {
            pairing.old_of(id).is_some() && new.node(id).is_some_and(|n| n.kind.is_post())
        })
        .count()
}

fn is_unit(chart: &Chart, id: NodeId) -> bool {
    chart.node(id).is_some_and(|n| n.kind == NodeKind::Unit)
}

fn by_id(old: &Chart, new: &Chart, units: bool) -> Pairing {
    let mut pairing = Pairing::with_capacity(new.len());
    for id in new.tree_order() {
        if old.contains(id) && (units || (!is_unit(old, id) && !is_unit(new, id))) {
            pairing.pair(id, id);
        }
    }
    pairing
}

fn by_ref(old: &Chart, new: &Chart, units: bool) -> Pairing {
    let mut pairing = Pairing::with_capacity(new.len());
    // Each ref's old nodes, in tree order, reversed so the first pops first.
    let mut with_ref: FxHashMap<&str, Vec<NodeId>> = FxHashMap::default();
    for id in old.tree_order() {
        if let Some(reference) = referenced(old, id, units) {
            with_ref.entry(reference).or_default().push(id);
        }
    }
    for list in with_ref.values_mut() {
        list.reverse();
    }
    for id in new.tree_order() {
        if let Some(reference) = referenced(new, id, units) {
            if let Some(old_id) = with_ref.get_mut(reference).and_then(Vec::pop) {
                pairing.pair(old_id, id);
            }
        }
    }
    if units {
        pair_by_title(old, new, &mut pairing, ByTitle::Units);
    }
    pairing
}

/// The ref of `id`, when it has one and takes part (units only when compared).
fn referenced(chart: &Chart, id: NodeId, units: bool) -> Option<&str> {
    let node = chart.node(id)?;
    if node.kind == NodeKind::Unit && !units {
        return None;
    }
    node.reference.as_deref().filter(|r| !r.is_empty())
}

/// Where a node hangs, as a key both sides share: the top, or an old node.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Under {
    Top,
    Old(NodeId),
}

/// Which nodes a pass by title may pair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByTitle {
    /// Unit cards only, under the same matched parent first, then anywhere.
    Units,
    /// Any node taking part, under the same matched parent only.
    All {
        /// Unit cards take part.
        units: bool,
    },
}

impl ByTitle {
    fn takes(self, chart: &Chart, id: NodeId) -> bool {
        match self {
            ByTitle::Units => is_unit(chart, id),
            ByTitle::All { units } => units || !is_unit(chart, id),
        }
    }
}

/// Matches nodes still unmatched by title, top-down: a node pairs with the first
/// unmatched old node of its title under the old match of its parent (its nearest
/// ancestor taking part). For units, then with one of its title anywhere (a moved unit).
fn pair_by_title(old: &Chart, new: &Chart, pairing: &mut Pairing, which: ByTitle) {
    let under = |chart: &Chart, id: NodeId| chart.ancestors(id).find(|&a| which.takes(chart, a));
    let mut by_place: FxHashMap<(Under, &str), Vec<NodeId>> = FxHashMap::default();
    let mut by_title: FxHashMap<&str, Vec<NodeId>> = FxHashMap::default();
    let unmatched_old: Vec<NodeId> = old
        .tree_order()
        .filter(|&id| which.takes(old, id) && pairing.new_of(id).is_none())
        .collect();
    for &id in unmatched_old.iter().rev() {
        let Some(node) = old.node(id) else { continue };
        let place = under(old, id).map_or(Under::Top, Under::Old);
        by_place.entry((place, &node.title)).or_default().push(id);
        if which == ByTitle::Units {
            by_title.entry(&node.title).or_default().push(id);
        }
    }
    let mut taken: rustc_hash::FxHashSet<NodeId> = rustc_hash::FxHashSet::default();
    let mut left = Vec::new();
    for id in new.tree_order() {
        if !which.takes(new, id) || pairing.old_of(id).is_some() {
            continue;
        }
        let Some(node) = new.node(id) else { continue };
        let place = match under(new, id) {
            None => Some(Under::Top),
            Some(parent) => pairing.old_of(parent).map(Under::Old),
        };
        let found = place.and_then(|place| by_place.get_mut(&(place, node.title.as_str()))?.pop());
        match found {
            Some(old_id) => {
                taken.insert(old_id);
                pairing.pair(old_id, id);
            }
            None => left.push(id),
        }
    }
    for id in left {
        let Some(node) = new.node(id) else { continue };
        let Some(list) = by_title.get_mut(node.title.as_str()) else {
            continue;
        };
        while let Some(old_id) = list.pop() {
            if taken.insert(old_id) {
                pairing.pair(old_id, id);
                break;
            }
        }
    }
}

/// A node's place in its chart as a number both charts share: equal numbers, equal
/// chains of (title, holder, is a unit) from the top.
struct Paths<'a> {
    ids: FxHashMap<(u32, &'a str, Option<&'a str>, bool), u32>,
}

impl<'a> Paths<'a> {
    /// The path number of every node of `chart` taking part, in tree order.
    fn of(&mut self, chart: &'a Chart, units: bool) -> Vec<(NodeId, u32)> {
        const TOP: u32 = u32::MAX;
        let mut path_of: IdMap<u32> = IdMap::with_capacity(chart.len() + 1);
        let mut out = Vec::with_capacity(chart.len());
        for id in chart.tree_order() {
            let Some(node) = chart.node(id) else { continue };
            let unit = node.kind == NodeKind::Unit;
            let above = chart
                .parent(id)
                .and_then(|p| path_of.get(p).copied())
                .unwrap_or(TOP);
            if unit && !units {
                // Looked through: its subordinates hang where it hangs.
                path_of.insert(id, above);
                continue;
            }
            let next = self.ids.len() as u32;
            let key = (above, node.title.as_str(), node.holder.as_deref(), unit);
            let path = *self.ids.entry(key).or_insert(next);
            path_of.insert(id, path);
            out.push((id, path));
        }
        out
    }
}

fn by_path(old: &Chart, new: &Chart, units: bool) -> Pairing {
    let mut paths = Paths {
        ids: FxHashMap::default(),
    };
    let mut at_path: FxHashMap<u32, Vec<NodeId>> = FxHashMap::default();
    for (id, path) in paths.of(old, units).into_iter().rev() {
        at_path.entry(path).or_default().push(id);
    }
    let mut pairing = Pairing::with_capacity(new.len());
    for (id, path) in paths.of(new, units) {
        if let Some(old_id) = at_path.get_mut(&path).and_then(Vec::pop) {
            pairing.pair(old_id, id);
        }
    }
    // A holder who changed, and everything below: the same title under the same manager.
    pair_by_title(old, new, &mut pairing, ByTitle::All { units });
    pairing
}
