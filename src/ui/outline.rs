//! The outline panel: the tree as an indented, collapsible list, drawn as virtual rows
//! so a huge chart costs only what is on screen.

use egui::{RichText, Ui};
use rustc_hash::FxHashMap;

use super::actions::Action;
use super::app::OrganigramApp;
use crate::model::{Chart, IdMap, NodeId, NodeKind};

/// One visible row.
#[derive(Clone, Copy, Debug)]
struct Row {
    id: NodeId,
    depth: u16,
    has_children: bool,
    collapsed: bool,
}

/// The outline's rows, rebuilt when the chart changes, and what makes names unique.
#[derive(Default)]
pub struct OutlineCache {
    revision: Option<u64>,
    rows: Vec<Row>,
    /// How many nodes share each title (by hash), and each (title, unit) pair.
    title_counts: FxHashMap<u64, u32>,
    pair_counts: FxHashMap<u64, u32>,
    units: IdMap<Option<NodeId>>,
}

fn key<T: std::hash::Hash>(value: T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

impl OutlineCache {
    fn refresh(&mut self, chart: &Chart, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.title_counts.clear();
        self.pair_counts.clear();
        self.units.clear();
        // One pass over every node, carrying each node's unit down the tree.
        for id in chart.tree_order() {
            let Some(node) = chart.node(id) else { continue };
            let unit = chart.parent(id).and_then(|p| {
                let parent_is_unit = chart.node(p).is_some_and(|n| n.kind == NodeKind::Unit);
                if parent_is_unit {
                    Some(p)
                } else {
                    self.units.get(p).copied().flatten()
                }
            });
            self.units.insert(id, unit);
            *self.title_counts.entry(key(&node.title)).or_insert(0) += 1;
            *self
                .pair_counts
                .entry(key((&node.title, unit)))
                .or_insert(0) += 1;
        }
        self.rows.clear();
        let mut stack: Vec<(NodeId, u16)> = chart.roots().iter().rev().map(|&id| (id, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            let Some(node) = chart.node(id) else { continue };
            let children = chart.children(id);
            self.rows.push(Row {
                id,
                depth,
                has_children: !children.is_empty(),
                collapsed: node.collapsed,
            });
            if !node.collapsed {
                stack.extend(children.iter().rev().map(|&c| (c, depth.saturating_add(1))));
            }
        }
    }

    /// The name the outline shows for `id`: its title, made unique with its unit (and id)
    /// when other nodes share the title. Computed only for the rows on screen.
    pub fn name(&self, chart: &Chart, id: NodeId) -> String {
        let Some(node) = chart.node(id) else {
            return String::new();
        };
        let shown = if node.title.is_empty() {
            "(untitled)"
        } else {
            node.title.as_str()
        };
        if self
            .title_counts
            .get(&key(&node.title))
            .copied()
            .unwrap_or(1)
            <= 1
        {
            return shown.to_owned();
        }
        let unit = self.units.get(id).copied().flatten();
        let mut name = match unit.and_then(|u| chart.node(u)) {
            Some(unit) => format!("{shown} · {}", unit.title),
            None => shown.to_owned(),
        };
        if self
            .pair_counts
            .get(&key((&node.title, unit)))
            .copied()
            .unwrap_or(1)
            > 1
        {
            name.push_str(&format!(" #{}", id.0));
        }
        name
    }
}

/// Every node's outline name, for tests.
#[cfg(test)]
fn unique_names(chart: &Chart) -> FxHashMap<NodeId, String> {
    let mut cache = OutlineCache::default();
    cache.refresh(chart, 0);
    chart
        .tree_order()
        .map(|id| (id, cache.name(chart, id)))
        .collect()
}

impl OrganigramApp {
    pub(super) fn outline(&mut self, ui: &mut Ui) {
        ui.heading("Outline");
        self.outline_cache
            .refresh(self.doc.chart(), self.doc.revision());
        let row_height = ui.spacing().interact_size.y;
        let total = self.outline_cache.rows.len();
        let selected: Vec<NodeId> = self.selection.clone();
        let mut actions = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, total, |ui, range| {
                for row in &self.outline_cache.rows[range] {
                    let name = self.outline_cache.name(self.doc.chart(), row.id);
                    ui.horizontal(|ui| {
                        ui.add_space(f32::from(row.depth) * 14.0);
                        if row.has_children {
                            let (arrow, verb) = if row.collapsed {
                                ("⏵", "Expand")
                            } else {
                                ("⏷", "Collapse")
                            };
                            let toggle = ui
                                .add(egui::Button::new(arrow).frame(false))
                                .on_hover_text(format!("{verb} {name}"));
                            let label = format!("{verb} {name}");
                            toggle.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &label)
                            });
                            if toggle.clicked() {
                                actions.push(Action::ToggleCollapse(row.id));
                            }
                        } else {
                            ui.add_space(ui.spacing().interact_size.y * 0.6);
                        }
                        let kind = self.doc.chart().node(row.id).map(|n| n.kind);
                        let text = match kind {
                            Some(NodeKind::Unit) => RichText::new(&name).strong(),
                            Some(NodeKind::Assistant) => RichText::new(&name).italics(),
                            _ => RichText::new(&name),
                        };
                        let response = ui.selectable_label(selected.contains(&row.id), text);
                        if response.clicked() {
                            actions.push(Action::Reveal(row.id));
                        }
                        if response.double_clicked() {
                            actions.push(Action::StartRename(row.id));
                        }
                    });
                }
            });
        self.queue.extend(actions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_titles_get_their_unit() {
        let chart = crate::samples::find("seed-marketing-zh")
            .and_then(|s| s.load().ok())
            .unwrap_or_default();
        let names = unique_names(&chart);
        let mut all: Vec<&String> = names.values().collect();
        all.sort();
        let count = all.len();
        all.dedup();
        assert_eq!(all.len(), count, "names must be unique");
        assert!(names.values().any(|n| n == "销售主管 · 销售部"));
        assert!(names.values().any(|n| n == "大区销售经理"));
    }
}
