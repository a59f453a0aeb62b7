//! Folding many subtrees at once: "show the top N levels" and "expand all", the usual way
//! to get an overview of a chart with thousands of cards.

use super::chart::Chart;
use super::edit::{Edit, Field};
use super::node::NodeId;

/// The edit that shows the top `levels` levels of `chart` (top nodes are level 1) and
/// folds the rest: nodes above the last level unfold, nodes on it with subordinates fold,
/// and deeper nodes keep their state (they are hidden). `None` shows every level.
///
/// Returns `None` when the chart already looks like that.
pub fn show_levels(chart: &Chart, levels: Option<usize>) -> Option<Edit> {
    let mut edits = Vec::new();
    let mut set = |id: NodeId, folded: bool| {
        if chart.node(id).is_some_and(|n| n.collapsed != folded) {
            edits.push(Edit::SetField {
                id,
                field: Field::Collapsed(folded),
            });
        }
    };
    // Depth-first with an explicit stack; a node's level is its depth plus one.
    let mut stack: Vec<(NodeId, usize)> = chart.roots().iter().rev().map(|&r| (r, 1)).collect();
    while let Some((id, level)) = stack.pop() {
        let children = chart.children(id);
        if children.is_empty() {
            continue;
        }
        match levels {
            Some(last) if level >= last => set(id, true),
            _ => {
                set(id, false);
                stack.extend(children.iter().rev().map(|&c| (c, level + 1)));
            }
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    /// A chain 1 → 2 → 3 → 4 with a leaf 5 under 2.
    fn chain() -> Chart {
        let mut chart = Chart::new("t", "o");
        let mut add = |id: u32, parent: Option<u32>| {
            let index = parent.map_or(0, |p| chart.children(NodeId(p)).len());
            chart
                .apply(Edit::AddNode {
                    id: NodeId(id),
                    parent: parent.map(NodeId),
                    index,
                    node: Box::new(Node::new(NodeKind::Position, format!("n{id}"))),
                })
                .map(|_| ())
        };
        let added = [
            (1, None),
            (2, Some(1)),
            (3, Some(2)),
            (4, Some(3)),
            (5, Some(2)),
        ]
        .into_iter()
        .map(|(id, parent)| add(id, parent))
        .collect::<Result<Vec<()>, _>>();
        assert!(added.is_ok(), "{added:?}");
        chart
    }

    fn folded(chart: &Chart) -> Vec<u32> {
        let mut ids: Vec<u32> = chart
            .tree_order()
            .filter(|&id| chart.node(id).is_some_and(|n| n.collapsed))
            .map(|id| id.0)
            .collect();
        ids.sort_unstable();
        ids
    }

    #[test]
    fn shows_the_top_levels_and_expands_all_again() {
        let mut chart = chain();
        let two = show_levels(&chart, Some(2)).map(|edit| chart.apply(edit));
        assert!(matches!(two, Some(Ok(_))));
        // Level 2 is node 2: folded; leaves are never folded.
        assert_eq!(folded(&chart), vec![2]);
        assert_eq!(show_levels(&chart, Some(2)), None, "nothing left to change");

        let one = show_levels(&chart, Some(1)).map(|edit| chart.apply(edit));
        assert!(matches!(one, Some(Ok(_))));
        // Node 2 is hidden now and keeps its fold.
        assert_eq!(folded(&chart), vec![1, 2]);

        let three = show_levels(&chart, Some(3)).map(|edit| chart.apply(edit));
        assert!(matches!(three, Some(Ok(_))));
        assert_eq!(folded(&chart), vec![3]);

        let all = show_levels(&chart, None).map(|edit| chart.apply(edit));
        assert!(matches!(all, Some(Ok(_))));
        assert!(folded(&chart).is_empty());
        assert_eq!(show_levels(&chart, None), None);
    }
}
