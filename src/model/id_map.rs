//! A map keyed by [`NodeId`] that is a plain vector while ids are dense (as they are in
//! charts Organigram makes) and falls back to a hash map for ids far beyond the count
//! (as in hand-written files or HR exports that use employee numbers).
//!
//! Lookups on the dense part are an index, not a hash: the layout walks every node, and
//! this is what keeps a million-node layout within its time budget.

use rustc_hash::FxHashMap;

use super::node::NodeId;

/// A map from node ids to `T`.
#[derive(Clone, Debug)]
pub struct IdMap<T> {
    dense: Vec<Option<T>>,
    sparse: FxHashMap<NodeId, T>,
    len: usize,
}

impl<T> Default for IdMap<T> {
    fn default() -> IdMap<T> {
        IdMap {
            dense: Vec::new(),
            sparse: FxHashMap::default(),
            len: 0,
        }
    }
}

impl<T> IdMap<T> {
    /// An empty map with room for ids below `capacity`.
    pub fn with_capacity(capacity: usize) -> IdMap<T> {
        IdMap {
            dense: Vec::with_capacity(capacity),
            sparse: FxHashMap::default(),
            len: 0,
        }
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
        if let Some(Some(value)) = self.dense.get(id.0 as usize) {
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
        let at = id.0 as usize;
        if self.dense.get(at).is_some_and(Option::is_some) {
            return self.dense[at].as_mut();
        }
        self.sparse.get_mut(&id)
    }

    /// True when `id` has an entry.
    pub fn contains(&self, id: NodeId) -> bool {
        self.get(id).is_some()
    }

    /// Sets the entry for `id`, returning the old one.
    pub fn insert(&mut self, id: NodeId, value: T) -> Option<T> {
        let at = id.0 as usize;
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

    /// Removes the entry for `id`.
    pub fn remove(&mut self, id: NodeId) -> Option<T> {
        let at = id.0 as usize;
        let old = match self.dense.get_mut(at).and_then(Option::take) {
            Some(value) => Some(value),
            None => self.sparse.remove(&id),
        };
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    /// Removes every entry, keeping the storage.
    pub fn clear(&mut self) {
        self.dense.iter_mut().for_each(|slot| *slot = None);
        self.sparse.clear();
        self.len = 0;
    }

    /// Every entry, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, &T)> {
        self.dense
            .iter()
            .enumerate()
            .filter_map(|(at, slot)| slot.as_ref().map(|value| (NodeId(at as u32), value)))
            .chain(self.sparse.iter().map(|(&id, value)| (id, value)))
    }

    /// Every id, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.iter().map(|(id, _)| id)
    }

    /// The largest id the dense part may grow to: a few times the entry count, so a
    /// handful of huge ids cannot make it allocate gigabytes.
    fn dense_limit(&self) -> usize {
        (4 * (self.len + 1)).max(1 << 16)
    }
}
