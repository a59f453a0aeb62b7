//! A page's own chart: the subtrees of the page's top nodes, with the cards that link
//! to other pages folded, so laying it out gives the page alone, with no holes.

use rustc_hash::FxHashSet;

use crate::export::ExportError;
use crate::model::{Chart, NodeId, NodeRecord};

/// The chart holding `roots` and everything below them, `links` folded (their subtrees
/// kept, hidden, so a folded card still counts what it hides; a root that is a link, to
/// the page it continues, stays open). With `only` (a post and some of its reports),
/// that post keeps just those reports, and stays open. Each root keeps the colour it is drawn in, even when that came from a
/// unit above it; dotted lines to nodes outside are dropped.
pub fn cut(
    chart: &Chart,
    roots: &[NodeId],
    links: &[NodeId],
    only: Option<(NodeId, &[NodeId])>,
) -> Result<Chart, ExportError> {
    let reports = |id: NodeId| -> Vec<NodeId> {
        match only {
            Some((owner, kept)) if owner == id => chart
                .children(id)
                .iter()
                .copied()
                .filter(|child| kept.contains(child))
                .collect(),
            _ => chart.children(id).to_vec(),
        }
    };
    let mut ids: Vec<NodeId> = Vec::new();
    let mut stack: Vec<NodeId> = roots.iter().rev().copied().collect();
    while let Some(id) = stack.pop() {
        ids.push(id);
        stack.extend(reports(id).into_iter().rev());
    }
    let inside: FxHashSet<NodeId> = ids.iter().copied().collect();
    let links: FxHashSet<NodeId> = links.iter().copied().collect();
    let records = ids
        .iter()
        .filter_map(|&id| {
            let mut node = chart.node(id)?.clone();
            if roots.contains(&id) && node.colour.is_none() {
                node.colour = chart.colour_of(id);
            }
            let open = roots.contains(&id) || only.is_some_and(|(owner, _)| owner == id);
            if links.contains(&id) && !open {
                node.collapsed = true;
            }
            node.dotted.retain(|to| inside.contains(to));
            Some(NodeRecord {
                id,
                node: Box::new(node),
                reports: reports(id),
            })
        })
        .collect();
    Chart::from_records(
        chart.title().to_owned(),
        chart.organisation().to_owned(),
        roots.to_vec(),
        records,
    )
    .map_err(|errors| {
        let first = errors.first().map_or_else(String::new, |e| e.to_string());
        ExportError::Render(format!("a page could not be cut from the chart: {first}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Chart {
        crate::samples::find("seed-marketing-zh")
            .and_then(|s| s.load().ok())
            .expect("seed")
    }

    fn titled(chart: &Chart, title: &str) -> NodeId {
        chart
            .tree_order()
            .find(|&id| chart.node(id).is_some_and(|n| n.title == title))
            .expect("node")
    }

    #[test]
    fn a_cut_holds_the_subtree_with_links_folded_and_colours_kept() {
        let chart = seed();
        let sales = titled(&chart, "销售部");
        let manager = titled(&chart, "大区销售经理");
        let page = cut(&chart, &[sales], &[manager], None).expect("cut");
        assert_eq!(page.roots(), &[sales]);
        assert_eq!(page.len(), chart.subtree(sales).count());
        assert!(page.node(manager).is_some_and(|n| n.collapsed));
        assert_eq!(page.colour_of(manager), chart.colour_of(manager));
        let top = titled(&chart, "营销总监");
        let head = cut(&chart, &[top], &[], None).expect("cut");
        let reports = chart.children(top);
        let some = cut(&chart, &[top], &[top], Some((top, &reports[..1]))).expect("cut");
        assert!(some.node(top).is_some_and(|n| !n.collapsed));
        assert_eq!(some.children(top), &reports[..1]);
        assert_eq!(head.colour_of(top), chart.colour_of(top));
        assert!(head.node(chart.roots()[0]).is_none());
    }
}
