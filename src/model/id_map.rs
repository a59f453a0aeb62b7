//! A map keyed by [`NodeId`] that is a plain vector while ids are dense (as they are in
//! charts Organigram makes) and falls back to a hash map for ids far beyond the count
//! (as in hand-written files or HR exports that use employee numbers).
//!
//! The vector starts at the first id put in, so a map of one subtree (a PDF page's cut of
//! the chart) is as long as the subtree, not as long as the chart's largest id: with one
//! such map per page, the other way cost gigabytes for a 10,000-position chart.
//!
//! Lookups on the dense part are an index, not a hash: the layout walks every node, and
//! this is what keeps a million-node layout within its time budget.

use rustc_hash::FxHashMap;

use super::node::NodeId;

/// A map from node ids to `T`.
#[derive(Clone, Debug)]
pub struct IdMap<T> {
    /// The entries for ids from `base` on.
    dense: Vec<Option<T>>,
    /// The id of `dense[0]`: the first id put in an empty map.
    base: u32,
    sparse: FxHashMap<NodeId, T>,
    len: usize,
    /// How many entries the map is expected to hold: the dense part may grow to a few
    /// times this.
    expected: usize,
}

/// The fewest ids the dense part may always cover.
const DENSE_FLOOR: usize = 1024;

impl<T> Default for IdMap<T> {
    fn default() -> IdMap<T> {
        IdMap {
            dense: Vec::new(),
            base: 0,
            sparse: FxHashMap::default(),
            len: 0,
            expected: 0,
        }
    }
}

impl<T> IdMap<T> {
    /// An empty map expected to hold `capacity` entries, with room for as many.
    pub fn with_capacity(capacity: usize) -> IdMap<T> {
        IdMap {
            dense: Vec::with_capacity(capacity),
            expected: capacity,
            ..IdMap::default()
        }
    }

    /// Tells the map it will hold about `count` entries, so ids up to a few times that
    /// past the first stay in the dense part.
    pub fn expect(&mut self, count: usize) {
        self.expected = count;
    }

    /// Readies an empty map for ids from `first` to `last`: the dense part starts at
    /// `first` and, if that span is within its limit, is allocated once, exactly, for all
    /// of it. Does nothing to a map that holds entries.
    pub fn reserve_ids(&mut self, first: NodeId, last: NodeId) {
        if !self.dense.is_empty() || !self.sparse.is_empty() || last.0 < first.0 {
            return;
        }
        let span = (last.0 - first.0) as usize + 1;
        if span <= self.dense_limit() {
            self.base = first.0;
            self.dense.reserve_exact(span);
            self.dense.resize_with(span, || None);
        }
    }

    /// Where `id` is in the dense part, if it can be there.
    #[inline]
    fn slot(&self, id: NodeId) -> Option<usize> {
        id.0.checked_sub(self.base).map(|at| at as usize)
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entry for `id`.
    #[inline]
    pub fn get(&self, id: NodeId) -> Option<&T> {
        if let Some(Some(value)) = self.slot(id).and_then(|at| self.dense.get(at)) {
            return Some(value);
        }
        if self.sparse.is_empty() {
            None
        } else {
            self.sparse.get(&id)
        }
    }

    /// The entry for `id`, to change.
    #[inline]
    pub fn get_mut(&mut self, id: NodeId) -> Option<&mut T> {
        if let Some(at) = self.slot(id) {
            if self.dense.get(at).is_some_and(Option::is_some) {
                return self.dense[at].as_mut();
            }
        }
        self.sparse.get_mut(&id)
    }

    /// True when `id` has an entry.
    pub fn contains(&self, id: NodeId) -> bool {
        self.get(id).is_some()
    }

    /// Sets the entry for `id`, returning the old one.
    pub fn insert(&mut self, id: NodeId, value: T) -> Option<T> {
        if self.dense.is_empty() && self.sparse.is_empty() {
            self.base = id.0;
        }
        let Some(at) = self.slot(id) else {
            return self.insert_sparse(id, value);
        };
        let old = if self.sparse.contains_key(&id) {
            self.sparse.insert(id, value)
        } else if at < self.dense.len() {
            self.dense[at].replace(value)
        } else if at <= self.dense_limit() {
            self.dense.resize_with(at + 1, || None);
            self.dense[at] = Some(value);
            None
        } else {
            self.sparse.insert(id, value)
        };
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Sets the entry for `id` in the hash map (an id below the dense part's first).
    fn insert_sparse(&mut self, id: NodeId, value: T) -> Option<T> {
        let old = self.sparse.insert(id, value);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Removes the entry for `id`.
    pub fn remove(&mut self, id: NodeId) -> Option<T> {
        let in_dense = self
            .slot(id)
            .and_then(|at| self.dense.get_mut(at))
            .and_then(Option::take);
        let old = match in_dense {
            Some(value) => Some(value),
            None => self.sparse.remove(&id),
        };
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    /// Removes every entry, keeping the storage (the next id put in becomes the dense
    /// part's first).
    pub fn clear(&mut self) {
        self.dense.clear();
        self.sparse.clear();
        self.len = 0;
    }

    /// Every entry, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, &T)> {
        self.dense
            .iter()
            .enumerate()
            .filter_map(|(at, slot)| {
                slot.as_ref()
                    .map(|value| (NodeId(self.base + at as u32), value))
            })
            .chain(self.sparse.iter().map(|(&id, value)| (id, value)))
    }

    /// Every id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.iter().map(|(id, _)| id)
    }

    /// How far past its first id the dense part may grow: a few times the entry count
    /// (or the count expected), so a handful of huge ids cannot make it allocate
    /// gigabytes.
    fn dense_limit(&self) -> usize {
        (4 * (self.len.max(self.expected) + 1)).max(DENSE_FLOOR)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    #[derive(Clone, Debug)]
    enum Op {
        Insert(u32, u8),
        Remove(u32),
        Clear,
        Reserve(u32, u32),
    }

    fn op() -> impl Strategy<Value = Op> {
        // Ids near one another, far apart, and below the first one put in.
        let id = prop_oneof![0u32..64, 1_000u32..1_100, 100_000u32..100_010, any::<u32>()];
        prop_oneof![
            8 => (id.clone(), any::<u8>()).prop_map(|(id, v)| Op::Insert(id, v)),
            3 => id.clone().prop_map(Op::Remove),
            1 => Just(Op::Clear),
            1 => (id.clone(), id.clone()).prop_map(|(a, b)| Op::Reserve(a, b)),
        ]
    }

    proptest! {
        /// The map behaves as a hash map, whatever ids come in whatever order.
        #[test]
        fn it_is_a_map(ops in proptest::collection::vec(op(), 0..200)) {
            let mut map = IdMap::default();
            let mut model: HashMap<u32, u8> = HashMap::new();
            for op in ops {
                match op {
                    Op::Insert(id, v) => {
                        prop_assert_eq!(map.insert(NodeId(id), v), model.insert(id, v));
                    }
                    Op::Remove(id) => {
                        prop_assert_eq!(map.remove(NodeId(id)), model.remove(&id));
                    }
                    Op::Reserve(first, last) => {
                        map.reserve_ids(NodeId(first), NodeId(last));
                    }
                    Op::Clear => {
                        map.clear();
                        model.clear();
                    }
                }
                prop_assert_eq!(map.len(), model.len());
            }
            for (&id, value) in &model {
                prop_assert_eq!(map.get(NodeId(id)), Some(value));
            }
            let mut listed: Vec<(u32, u8)> = map.iter().map(|(id, &v)| (id.0, v)).collect();
            let mut expected: Vec<(u32, u8)> = model.into_iter().collect();
            listed.sort_unstable();
            expected.sort_unstable();
            prop_assert_eq!(listed, expected);
        }
    }

    #[test]
    fn a_subtree_with_high_ids_keeps_a_short_dense_part() {
        let mut map = IdMap::with_capacity(100);
        for id in 90_000..90_100 {
            map.insert(NodeId(id), id);
        }
        assert_eq!(map.dense.len(), 100);
        assert!(map.sparse.is_empty());
        assert_eq!(map.get(NodeId(90_050)), Some(&90_050));
        // An id below the first goes to the hash map, and is found there.
        map.insert(NodeId(5), 5);
        assert_eq!(map.get(NodeId(5)), Some(&5));
        assert_eq!(map.len(), 101);
    }
}
