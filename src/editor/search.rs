//! Search (Ctrl+F): titles, holders, notes and duties, in any language, with next and
//! previous. The matches are derived from the query and the chart's revision.

use crate::model::{Chart, NodeId};

/// The search bar's state.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The bar is showing.
    pub open: bool,
    /// The query as typed.
    pub query: String,
    /// How many times Find asked for the search field's focus; the bar focuses its
    /// field when this changes.
    pub focus_requests: u64,
    /// The matches, in tree order, and what they were found for.
    hits: Vec<NodeId>,
    found_for: Option<(String, u64)>,
    /// The current match.
    current: Option<usize>,
}

impl Search {
    /// The matches while the bar is open.
    pub fn hits(&self) -> &[NodeId] {
        if self.open {
            &self.hits
        } else {
            &[]
        }
    }

    /// Which match is current (0-based), if one is.
    pub fn current_index(&self) -> Option<usize> {
        self.current.filter(|_| self.open)
    }

    /// The current match.
    pub fn current(&self) -> Option<NodeId> {
        self.current_index()
            .and_then(|at| self.hits.get(at).copied())
    }

    /// Moves to the next (`+1`) or previous (`-1`) match and returns it.
    pub fn step(&mut self, direction: i32) -> Option<NodeId> {
        if self.hits.is_empty() {
            return None;
        }
        let count = self.hits.len() as i64;
        let next = match self.current {
            None if direction >= 0 => 0,
            None => count - 1,
            Some(at) => (at as i64 + i64::from(direction)).rem_euclid(count),
        };
        self.current = Some(next as usize);
        self.hits.get(next as usize).copied()
    }

    /// Sets the query; the first match becomes current.
    pub fn set_query(&mut self, query: String, chart: &Chart, revision: u64) {
        self.query = query;
        self.current = None;
        self.refresh(chart, revision);
    }

    /// Finds the matches again if the query or the chart changed, keeping the current
    /// match where it still matches.
    pub fn refresh(&mut self, chart: &Chart, revision: u64) {
        let key = (self.query.clone(), revision);
        if self.found_for.as_ref() == Some(&key) {
            return;
        }
        let previous = self.current.and_then(|at| self.hits.get(at).copied());
        self.hits = find(chart, &self.query);
        self.current = previous.and_then(|id| self.hits.iter().position(|&h| h == id));
        self.found_for = Some(key);
    }
}

/// Every node whose title, holder, notes or duties contain `query` (ignoring case), in
/// tree order. An empty query matches nothing.
pub fn find(chart: &Chart, query: &str) -> Vec<NodeId> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let contains = |text: &str| text.to_lowercase().contains(&needle);
    chart
        .tree_order()
        .filter(|&id| {
            chart.node(id).is_some_and(|node| {
                contains(&node.title)
                    || node.holder.as_deref().is_some_and(contains)
                    || contains(&node.notes)
                    || node.duties.iter().any(|duty| contains(duty))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_chinese_and_english_in_titles_holders_and_duties() {
        let zh = crate::samples::seed();
        assert_eq!(find(&zh, "销售主管").len(), 2);
        assert!(
            !find(&zh, "贴牌").is_empty(),
            "unit responsibilities are searched"
        );
        assert!(find(&zh, "催收").len() == 1, "duties are searched");
        let en = crate::samples::find("midsize-northwind")
            .and_then(|s| s.load().ok())
            .unwrap_or_default();
        assert!(!find(&en, "carmen").is_empty(), "holders, ignoring case");
        assert!(find(&en, "   ").is_empty());
    }
}
