//! Shared duties: duties that are the same, or nearly the same, on different posts; and
//! similar posts, whose duties overlap by half or more.
//!
//! Duties are normalised, identical texts counted once, and each distinct text cut into
//! tokens. Texts are then grouped around leaders: a text joins the most similar leader
//! whose Jaccard similarity with it is at least the threshold, or leads a group of its
//! own. So every member of a group is that similar to its leader, and a chain of small
//! steps cannot join unrelated duties. Candidate leaders come from an inverted index of
//! the leaders' rarest tokens (prefix filtering): two texts that similar must share one
//! of them, so no pair of texts is ever compared blindly.

use rustc_hash::{FxHashMap, FxHashSet};

use super::duty_text::{jaccard, normalise, tokens};
use crate::model::{Chart, IdMap, NodeId};

/// The similarity two duties need to be grouped, by default.
pub const DEFAULT_THRESHOLD: f64 = 0.7;
/// Posts are similar when this share of the smaller one's duties is shared.
pub const SIMILAR_POSTS: f64 = 0.5;
/// Similar posts share at least this many duties.
pub const SIMILAR_MIN_SHARED: usize = 2;
/// A duty shared by more kinds of post than this is generic ("other tasks as assigned")
/// and does not make posts similar; it keeps the similar-post count linear.
pub const GENERIC_DUTY_KINDS: usize = 2_000;

/// One post's duty in a group, as the post has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyUse {
    /// The post.
    pub post: NodeId,
    /// The duty's place in its list.
    pub index: usize,
    /// The duty, as written.
    pub text: String,
}

/// Duties that are the same or nearly the same, on two or more posts.
#[derive(Clone, Debug, PartialEq)]
pub struct DutyGroup {
    /// 1 when every duty is the same after normalising; else the lowest similarity of a
    /// duty to the group's first.
    pub similarity: f64,
    /// Each post's duty, in tree order.
    pub uses: Vec<DutyUse>,
}

impl DutyGroup {
    /// The distinct posts in the group, in order.
    pub fn posts(&self) -> Vec<NodeId> {
        let mut seen = FxHashSet::default();
        self.uses
            .iter()
            .map(|u| u.post)
            .filter(|p| seen.insert(*p))
            .collect()
    }
}

/// Posts whose duty sets overlap by half or more.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarPosts {
    /// Shared duties over the smaller post's duties.
    pub similarity: f64,
    /// How many duties they share.
    pub shared: usize,
    /// The posts: two, or more when several have the very same duty set.
    pub posts: Vec<NodeId>,
}

/// A distinct normalised duty text and where it is used.
struct Text {
    ranks: Vec<u32>,
    uses: Vec<(NodeId, usize)>,
}

/// The shared duties of `chart`'s posts at `threshold`, identical groups first.
pub fn duty_groups(chart: &Chart, posts: &[NodeId], threshold: f64) -> Vec<DutyGroup> {
    let texts = distinct_texts(chart, posts);
    let leaders = lead(&texts, threshold);
    // Each post's place in tree order, to list a group's duties in it.
    let mut order: IdMap<u32> = IdMap::with_capacity(chart.len() + 1);
    for (at, &post) in posts.iter().enumerate() {
        order.insert(post, at as u32);
    }
    let mut groups: FxHashMap<usize, (f64, Vec<usize>)> = FxHashMap::default();
    for (at, &(leader, similarity)) in leaders.iter().enumerate() {
        let entry = groups.entry(leader).or_insert((1.0, Vec::new()));
        entry.0 = entry.0.min(similarity);
        entry.1.push(at);
    }
    let mut out: Vec<(usize, DutyGroup)> = groups
        .into_iter()
        .filter_map(|(leader, (similarity, members))| {
            let mut uses: Vec<(NodeId, usize)> = members
                .iter()
                .flat_map(|&t| texts[t].uses.iter().copied())
                .collect();
            let distinct: FxHashSet<NodeId> = uses.iter().map(|u| u.0).collect();
            if distinct.len() < 2 {
                return None;
            }
            uses.sort_unstable_by_key(|&(post, index)| {
                (order.get(post).copied().unwrap_or(u32::MAX), index)
            });
            let uses = uses
                .into_iter()
                .filter_map(|(post, index)| {
                    let text = chart.node(post)?.duties.get(index)?.clone();
                    Some(DutyUse { post, index, text })
                })
                .collect();
            Some((leader, DutyGroup { similarity, uses }))
        })
        .collect();
    out.sort_by(|(a_leader, a), (b_leader, b)| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(b.uses.len().cmp(&a.uses.len()))
            .then(a_leader.cmp(b_leader))
    });
    out.into_iter().map(|(_, group)| group).collect()
}

/// A post's duty by its place in the post's list.
type DutyAt = (NodeId, usize);

/// A post's kind for similar posts: the shared-duty groups it draws on, and its number
/// of distinct duties.
type DutyKind = (Vec<u32>, usize);

/// Every distinct normalised duty text of the posts, with its tokens ranked rarest first
/// and where it is used; most used first.
fn distinct_texts(chart: &Chart, posts: &[NodeId]) -> Vec<Text> {
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // Duties are mostly copies (one job description, many posts): each distinct wording
    // is normalised once.
    let mut as_written: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    let mut texts: Vec<(Vec<u64>, Vec<DutyAt>)> = Vec::new();
    for &post in posts {
        let Some(node) = chart.node(post) else {
            continue;
        };
        for (at, duty) in node.duties.iter().enumerate() {
            let slot = *as_written.entry(duty.as_str()).or_insert_with(|| {
                let normal = normalise(duty);
                if normal.is_empty() {
                    return None;
                }
                let next = texts.len();
                let slot = *index.entry(normal).or_insert(next);
                if slot == next {
                    texts.push((Vec::new(), Vec::new()));
                }
                Some(slot)
            });
            if let Some(slot) = slot {
                texts[slot].1.push((post, at));
            }
        }
    }
    for (normal, &slot) in &index {
        texts[slot].0 = tokens(normal);
    }
    let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
    for (tokens, _) in &texts {
        for &token in tokens {
            *frequency.entry(token).or_default() += 1;
        }
    }
    let mut order: Vec<(u32, u64)> = frequency.iter().map(|(&t, &f)| (f, t)).collect();
    order.sort_unstable();
    let rank: FxHashMap<u64, u32> = order
        .iter()
        .enumerate()
        .map(|(at, &(_, token))| (token, at as u32))
        .collect();
    let mut out: Vec<Text> = texts
        .into_iter()
        .map(|(tokens, uses)| {
            let mut ranks: Vec<u32> = tokens.iter().filter_map(|t| rank.get(t).copied()).collect();
            ranks.sort_unstable();
            Text { ranks, uses }
        })
        .collect();
    // The most used text of a family leads it; ties keep file order (a stable sort).
    out.sort_by_key(|text| std::cmp::Reverse(text.uses.len()));
    out
}

/// For each text, its group's leader (an index into `texts`) and its similarity to it.
///
/// A text probes the leaders sharing one of its rarest tokens. Each candidate's overlap
/// is counted as it is met, and a candidate is dropped as soon as the tokens left on
/// either side could no longer reach the overlap the threshold needs (the positional
/// filter of PPJoin); only the rest are compared in full.
fn lead(texts: &[Text], threshold: f64) -> Vec<(usize, f64)> {
    const DROPPED: u32 = u32::MAX;
    // Each token's leaders, with the token's place in the leader's list.
    let mut index: FxHashMap<u32, Vec<(u32, u32)>> = FxHashMap::default();
    let mut overlap = vec![0u32; texts.len()];
    let mut met = vec![usize::MAX; texts.len()];
    let mut candidates: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(texts.len());
    let share = threshold / (1.0 + threshold);
    for (at, text) in texts.iter().enumerate() {
        let size = text.ranks.len();
        let prefix = prefix_len(size, threshold);
        candidates.clear();
        for (i, token) in text.ranks[..prefix].iter().enumerate() {
            for &(leader, j) in index.get(token).map_or(&[][..], Vec::as_slice) {
                let slot = leader as usize;
                if met[slot] != at {
                    met[slot] = at;
                    overlap[slot] = 0;
                    let other = texts[slot].ranks.len() as f64;
                    if (size as f64) < threshold * other || other < threshold * size as f64 {
                        overlap[slot] = DROPPED;
                        continue;
                    }
                    candidates.push(leader);
                }
                if overlap[slot] == DROPPED {
                    continue;
                }
                let other = texts[slot].ranks.len();
                let needed = (share * (size + other) as f64 - 1e-9).ceil() as u32;
                let left = (size - i - 1).min(other - j as usize - 1) as u32;
                if overlap[slot] + 1 + left >= needed {
                    overlap[slot] += 1;
                } else {
                    overlap[slot] = DROPPED;
                }
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for &leader in &candidates {
            let slot = leader as usize;
            if overlap[slot] == DROPPED {
                continue;
            }
            let similarity = jaccard(&text.ranks, &texts[slot].ranks);
            if similarity >= threshold && best.is_none_or(|(_, s)| similarity > s) {
                best = Some((slot, similarity));
            }
        }
        match best {
            Some(found) => out.push(found),
            None => {
                for (j, &token) in text.ranks[..prefix].iter().enumerate() {
                    index.entry(token).or_default().push((at as u32, j as u32));
                }
                out.push((at, 1.0));
            }
        }
    }
    out
}

/// How many of a set's rarest tokens two sets at least `threshold` similar must share
/// one of: `size - ceil(threshold * size) + 1`.
fn prefix_len(size: usize, threshold: f64) -> usize {
    if size == 0 {
        return 0;
    }
    let needed = (threshold * size as f64 - 1e-9).ceil().max(1.0) as usize;
    (size - needed.min(size) + 1).min(size)
}

/// Similar posts: each post's duties as the groups they fall in (a duty in no group is
/// its own), posts with the same duties taken together, then pairs sharing groups.
pub fn similar_posts(chart: &Chart, posts: &[NodeId], groups: &[DutyGroup]) -> Vec<SimilarPosts> {
    let mut group_of: FxHashMap<(NodeId, usize), u32> = FxHashMap::default();
    for (at, group) in groups.iter().enumerate() {
        for duty in &group.uses {
            group_of.insert((duty.post, duty.index), at as u32);
        }
    }
    // Each post's shared groups and its number of distinct duties: its kind.
    let mut kinds: FxHashMap<(Vec<u32>, usize), Vec<NodeId>> = FxHashMap::default();
    for &post in posts {
        let Some(node) = chart.node(post) else {
            continue;
        };
        let mut shared: Vec<u32> = Vec::new();
        let mut own = FxHashSet::default();
        for (index, duty) in node.duties.iter().enumerate() {
            match group_of.get(&(post, index)) {
                Some(&group) => shared.push(group),
                None => {
                    own.insert(normalise(duty));
                }
            }
        }
        shared.sort_unstable();
        shared.dedup();
        if shared.len() < SIMILAR_MIN_SHARED {
            continue;
        }
        let size = shared.len() + own.len();
        kinds.entry((shared, size)).or_default().push(post);
    }
    let kinds: Vec<(DutyKind, Vec<NodeId>)> = kinds.into_iter().collect();
    let mut out = Vec::new();
    let mut in_group: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (at, ((shared, size), members)) in kinds.iter().enumerate() {
        let similarity = shared.len() as f64 / *size as f64;
        if members.len() >= 2 && similarity >= SIMILAR_POSTS {
            out.push(SimilarPosts {
                similarity,
                shared: shared.len(),
                posts: members.clone(),
            });
        }
        for &group in shared {
            in_group.entry(group).or_default().push(at);
        }
    }
    // For each kind, how many groups it shares with each later kind: counted in a dense
    // array, so the work is the sum over groups of the kinds in each, squared, halved.
    let mut shared_with = vec![0u32; kinds.len()];
    let mut touched = Vec::new();
    for (a, ((shared, size_a), members_a)) in kinds.iter().enumerate() {
        for group in shared {
            let Some(kinds_here) = in_group.get(group) else {
                continue;
            };
            if kinds_here.len() > GENERIC_DUTY_KINDS {
                continue;
            }
            for &b in kinds_here.iter().filter(|&&b| b > a) {
                if shared_with[b] == 0 {
                    touched.push(b);
                }
                shared_with[b] += 1;
            }
        }
        for b in touched.drain(..) {
            let count = std::mem::take(&mut shared_with[b]) as usize;
            let ((_, size_b), members_b) = &kinds[b];
            let similarity = count as f64 / (*size_a).min(*size_b) as f64;
            if count >= SIMILAR_MIN_SHARED && similarity >= SIMILAR_POSTS {
                let mut posts = members_a.clone();
                posts.extend(members_b);
                out.push(SimilarPosts {
                    similarity,
                    shared: count,
                    posts,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(b.shared.cmp(&a.shared))
            .then(a.posts.cmp(&b.posts))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same grouping, comparing each text with every leader.
    fn lead_naive(texts: &[Text], threshold: f64) -> Vec<(usize, f64)> {
        let mut leaders: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (at, text) in texts.iter().enumerate() {
            let mut best: Option<(usize, f64)> = None;
            for &leader in &leaders {
                let similarity = jaccard(&text.ranks, &texts[leader].ranks);
                if similarity >= threshold && best.is_none_or(|(_, s)| similarity > s) {
                    best = Some((leader, similarity));
                }
            }
            match best {
                Some(found) => out.push(found),
                None => {
                    leaders.push(at);
                    out.push((at, 1.0));
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// The index and its filters never miss a leader that comparing with every
        /// leader finds (ties between leaders aside, which both break the same way).
        #[test]
        fn filtering_finds_what_comparing_everything_finds(
            sets in proptest::collection::vec(
                proptest::collection::btree_set(0u32..40, 1..12), 1..60),
            threshold in 0.3f64..1.0,
        ) {
            let texts: Vec<Text> = sets
                .into_iter()
                .map(|set| Text { ranks: set.into_iter().collect(), uses: Vec::new() })
                .collect();
            let fast = lead(&texts, threshold);
            let naive = lead_naive(&texts, threshold);
            for (at, (f, n)) in fast.iter().zip(&naive).enumerate() {
                proptest::prop_assert!((f.1 - n.1).abs() < 1e-12, "text {at}: {f:?} vs {n:?}");
                proptest::prop_assert_eq!(f.0 == at, n.0 == at, "text {} leads in one only", at);
            }
        }
    }

    #[test]
    fn the_prefix_is_long_enough_for_the_threshold() {
        assert_eq!(prefix_len(10, 0.7), 4);
        assert_eq!(prefix_len(1, 0.7), 1);
        assert_eq!(prefix_len(3, 1.0), 1);
        assert_eq!(prefix_len(0, 0.7), 0);
    }
}
