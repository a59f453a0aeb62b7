//! The outline panel: the tree as an indented, collapsible list, drawn as virtual rows
//! so a huge chart costs only what is on screen.

use egui::{RichText, Ui};
use rustc_hash::FxHashMap;

use super::actions::Action;
use super::app::OrganigramApp;
use crate::model::{Chart, NodeId, NodeKind};

/// One visible row.
#[derive(Clone, Copy, Debug)]
struct Row {
    id: NodeId,
    depth: u16,
    has_children: bool,
    collapsed: bool,
}

/// The outline's rows and names, rebuilt when the chart changes.
#[derive(Default)]
pub struct OutlineCache {
    revision: Option<u64>,
    rows: Vec<Row>,
    names: FxHashMap<NodeId, String>,
}

impl OutlineCache {
    fn refresh(&mut self, chart: &Chart, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.names = unique_names(chart);
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
    /// when other nodes share the title.
    pub fn name(&self, id: NodeId) -> &str {
        self.names.get(&id).map_or("", String::as_str)
    }
}

/// Titles made unique: "销售主管" stays as it is while it is the only one; two become
/// "销售主管 · 销售部" and "销售主管 · 工程示范中心"; the id is added if that is not enough.
pub fn unique_names(chart: &Chart) -> FxHashMap<NodeId, String> {
    let mut by_title: FxHashMap<&str, Vec<NodeId>> = FxHashMap::default();
    for id in chart.tree_order() {
        if let Some(node) = chart.node(id) {
            by_title.entry(node.title.as_str()).or_default().push(id);
        }
    }
    let mut names = FxHashMap::default();
    for (title, ids) in by_title {
        let shown = if title.is_empty() {
            "(untitled)"
        } else {
            title
        };
        if ids.len() == 1 {
            names.insert(ids[0], shown.to_owned());
            continue;
        }
        let with_unit: Vec<String> = ids
            .iter()
            .map(|&id| match chart.unit_of(id).and_then(|u| chart.node(u)) {
                Some(unit) => format!("{shown} · {}", unit.title),
                None => shown.to_owned(),
            })
            .collect();
        for (&id, name) in ids.iter().zip(&with_unit) {
            let clashes = with_unit.iter().filter(|other| *other == name).count() > 1;
            names.insert(
                id,
                if clashes {
                    format!("{name} #{}", id.0)
                } else {
                    name.clone()
                },
            );
        }
    }
    names
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
                    let name = self.outline_cache.name(row.id).to_owned();
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
