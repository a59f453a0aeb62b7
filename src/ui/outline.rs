//! The outline panel: the tree as an indented, collapsible list, drawn as virtual rows
//! so a huge chart costs only what is on screen.

use egui::{RichText, Ui};

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

/// The outline's rows, rebuilt when the chart changes.
#[derive(Default)]
pub struct OutlineCache {
    revision: Option<u64>,
    rows: Vec<Row>,
}

impl OutlineCache {
    fn refresh(&mut self, chart: &Chart, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.rows.clear();
        let mut stack: Vec<(NodeId, u16)> = chart.roots().iter().rev().map(|&id| (id, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            let Some((shape, children)) = chart.shape(id) else {
                continue;
            };
            self.rows.push(Row {
                id,
                depth,
                has_children: !children.is_empty(),
                collapsed: shape.collapsed,
            });
            if !shape.collapsed {
                stack.extend(children.iter().rev().map(|&c| (c, depth.saturating_add(1))));
            }
        }
    }
}

/// Every node's outline name, for tests.
#[cfg(test)]
fn unique_names(chart: &Chart) -> rustc_hash::FxHashMap<NodeId, String> {
    let names = crate::model::Tally::build(chart, crate::model::NameFacts::default());
    chart
        .tree_order()
        .map(|id| (id, names.unique_name(chart, id)))
        .collect()
}

impl OrganigramApp {
    pub(super) fn outline(&mut self, ui: &mut Ui) {
        ui.heading("Outline");
        // Long names are cut to the panel (the full name shows on hover) rather than
        // widening it: one chart with long titles must not widen the panel for good.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
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
                    let name = self.doc.names().unique_name(self.doc.chart(), row.id);
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
                        let response = ui
                            .selectable_label(selected.contains(&row.id), text)
                            .on_hover_text(&name);
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
        let chart = crate::samples::seed();
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
