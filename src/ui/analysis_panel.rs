//! View ▸ Analysis, a panel below the chart: the headline figures, bar charts of the span
//! bands and the layers (clicking a bar, or its button, selects those posts), the units
//! (sortable) and the shared duties (clicking a group selects its posts and marks the
//! duty in the inspector).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot};

use crate::analysis::{Report, UnitRow, BANDS};
use crate::editor::{Action, Editor};

/// How the units table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortBy {
    /// Tree order.
    #[default]
    Tree,
    Title,
    Posts,
    Headcount,
    Vacancies,
    Managers,
    Depth,
    MeanSpan,
}

/// The panel's own state: how the units are sorted.
#[derive(Default)]
pub struct AnalysisPanel {
    sort: SortBy,
    descending: bool,
}

/// Height of the bar charts, in points.
const PLOT_HEIGHT: f32 = 150.0;

impl AnalysisPanel {
    /// Draws the panel; returns what the user did.
    pub fn show(&mut self, ui: &mut Ui, editor: &Editor) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(analysis) = editor.analysis() else {
            ui.label(crate::t!("analysis-building"));
            return actions;
        };
        let report = analysis.report();
        summary(ui, report);
        ui.separator();
        let width = ui.available_width();
        let column = (width / 4.0 - 8.0).max(160.0);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(column);
                spans(ui, report, &mut actions);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_width(column);
                layers(ui, report, &mut actions);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_width(column);
                self.units(ui, report, &mut actions);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_width(ui.available_width());
                shared_duties(ui, editor, report, &mut actions);
            });
        });
        actions
    }

    /// The units, in a table sorted by the header clicked last.
    fn units(&mut self, ui: &mut Ui, report: &Report, actions: &mut Vec<Action>) {
        let title = crate::t!("analysis-units", count = report.units.len());
        ui.label(RichText::new(title).strong());
        let mut rows: Vec<&UnitRow> = report.units.iter().collect();
        let key = |row: &&UnitRow| -> (u64, String) {
            match self.sort {
                SortBy::Tree | SortBy::Title => (0, row.title.clone()),
                SortBy::Posts => (row.posts as u64, String::new()),
                SortBy::Headcount => (row.headcount, String::new()),
                SortBy::Vacancies => (row.vacancies, String::new()),
                SortBy::Managers => (row.managers as u64, String::new()),
                SortBy::Depth => (u64::from(row.depth), String::new()),
                SortBy::MeanSpan => ((row.mean_span * 1000.0) as u64, String::new()),
            }
        };
        if self.sort != SortBy::Tree {
            rows.sort_by_key(key);
            if self.descending {
                rows.reverse();
            }
        }
        egui::ScrollArea::vertical()
            .id_salt("organigram-analysis-units")
            .max_height(PLOT_HEIGHT + 40.0)
            .show(ui, |ui| {
                egui::Grid::new("organigram-analysis-units-grid")
                    .striped(true)
                    .spacing([8.0, 2.0])
                    .show(ui, |ui| {
                        for (id, sort) in [
                            ("analysis-column-unit", SortBy::Title),
                            ("analysis-column-posts", SortBy::Posts),
                            ("analysis-column-headcount", SortBy::Headcount),
                            ("analysis-column-vacancies", SortBy::Vacancies),
                            ("analysis-column-managers", SortBy::Managers),
                            ("analysis-column-depth", SortBy::Depth),
                            ("analysis-column-span", SortBy::MeanSpan),
                        ] {
                            self.header(ui, &crate::t!(id), sort);
                        }
                        ui.end_row();
                        for row in rows {
                            if ui.link(&row.title).clicked() {
                                actions.push(Action::Reveal(row.id));
                            }
                            ui.label(row.posts.to_string());
                            ui.label(row.headcount.to_string());
                            ui.label(row.vacancies.to_string());
                            ui.label(row.managers.to_string());
                            ui.label(row.depth.to_string());
                            ui.label(format!("{:.1}", row.mean_span));
                            ui.end_row();
                        }
                    });
            });
    }

    /// A column header: click to sort by it, again to reverse.
    fn header(&mut self, ui: &mut Ui, label: &str, sort: SortBy) {
        let arrow = match (self.sort == sort, self.descending) {
            (true, false) => " ⏶",
            (true, true) => " ⏷",
            (false, _) => "",
        };
        if ui
            .add(
                egui::Button::new(RichText::new(format!("{}{}", label, arrow)).strong())
                    .frame(false),
            )
            .on_hover_text(crate::t!("analysis-sort-tip"))
            .clicked()
        {
            if self.sort == sort {
                self.descending = !self.descending;
            } else {
                self.sort = sort;
                self.descending = sort != SortBy::Title;
            }
        }
    }
}

/// The headline figures in one line.
fn summary(ui: &mut Ui, report: &Report) {
    let s = &report.summary;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(crate::t!("analysis-title")).strong());
        ui.label(crate::t!(
            "analysis-summary",
            posts = crate::t!("count-posts", count = s.posts),
            headcount = s.headcount,
            vacancies = s.vacancies,
            managers = s.managers,
            layers = s.layers,
            mean = format!("{:.2}", s.mean_span),
            median = format!("{:.1}", s.median_span),
            narrow = s.narrow,
            wide = s.wide,
            groups = s.duty_groups
        ));
    });
}

/// A bar chart of `values` labelled `labels`, each bar in its colour; the index of the
/// bar clicked, if any.
fn bars(
    ui: &mut Ui,
    id: &str,
    labels: &[String],
    values: &[f64],
    colours: &[Color32],
) -> Option<usize> {
    let chart_bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .map(|(at, &value)| {
            let colour = colours
                .get(at % colours.len().max(1))
                .copied()
                .unwrap_or(Color32::GRAY);
            Bar::new(at as f64, value)
                .name(&labels[at])
                .width(0.8)
                .fill(colour.gamma_multiply(0.6))
        })
        .collect();
    let names = labels.to_vec();
    let count = values.len();
    let response = Plot::new(id)
        .height(PLOT_HEIGHT)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_y(0.0)
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        // A mark under every bar, for its label.
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|at| GridMark {
                    value: at as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _range| {
            let at = mark.value.round();
            if (mark.value - at).abs() < 1e-6 && at >= 0.0 {
                names.get(at as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new(id, chart_bars)));
    if !response.response.clicked() {
        return None;
    }
    let pointer = response.response.interact_pointer_pos()?;
    let point = response.transform.value_from_position(pointer);
    let at = point.x.round();
    let value = *values.get(at as usize)?;
    (at >= 0.0 && (point.x - at).abs() <= 0.4 && point.y >= 0.0 && point.y <= value)
        .then_some(at as usize)
}

/// A row of buttons, one per bar, that do what clicking the bar does.
fn bar_buttons(ui: &mut Ui, labels: &[String], values: &[f64]) -> Option<usize> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        for (at, (label, value)) in labels.iter().zip(values).enumerate() {
            if ui
                .small_button(format!("{}: {:.0}", label, value))
                .on_hover_text(crate::t!("analysis-select-tip"))
                .clicked()
            {
                clicked = Some(at);
            }
        }
    });
    clicked
}

fn spans(ui: &mut Ui, report: &Report, actions: &mut Vec<Action>) {
    ui.label(RichText::new(crate::t!("analysis-spans")).strong());
    let labels: Vec<String> = BANDS.iter().map(|b| (*b).to_owned()).collect();
    let values: Vec<f64> = report.spans.bands.iter().map(|&n| n as f64).collect();
    let colours = band_colours();
    let clicked = bars(ui, "organigram-span-bands", &labels, &values, &colours)
        .or_else(|| bar_buttons(ui, &labels, &values));
    if let Some(band) = clicked {
        actions.push(Action::SelectAll(report.managers_in_band(band)));
    }
}

fn layers(ui: &mut Ui, report: &Report, actions: &mut Vec<Action>) {
    ui.label(RichText::new(crate::t!("analysis-layers")).strong());
    let labels: Vec<String> = report.layers.iter().map(|l| l.layer.to_string()).collect();
    let values: Vec<f64> = report.layers.iter().map(|l| l.posts as f64).collect();
    let colours = [Color32::from_rgb(0x59, 0xa1, 0x4f)];
    let clicked = bars(ui, "organigram-layers", &labels, &values, &colours)
        .or_else(|| bar_buttons(ui, &labels, &values));
    if let Some(at) = clicked {
        actions.push(Action::SelectAll(report.posts_in_layer(at as u32 + 1)));
    }
}

/// The bands' colours, as View ▸ Colour by ▸ Span band paints them.
fn band_colours() -> Vec<Color32> {
    crate::analysis::colour_by::BAND_COLOURS
        .iter()
        .map(|c| Color32::from_rgb(c.r, c.g, c.b))
        .collect()
}

/// The shared duties, one line per group, drawn only where the list is scrolled to.
fn shared_duties(ui: &mut Ui, editor: &Editor, report: &Report, actions: &mut Vec<Action>) {
    ui.label(
        RichText::new(crate::t!(
            "analysis-shared-duties",
            groups = report.duty_groups.len(),
            threshold = report.threshold.to_string()
        ))
        .strong(),
    );
    if report.duty_groups.is_empty() {
        ui.label(RichText::new(crate::t!("analysis-no-shared")).weak());
        return;
    }
    let chart = editor.chart();
    let separator = crate::t!("analysis-list-separator");
    // One line per group, cut to the panel (the whole text shows on hover).
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("organigram-analysis-duties")
        .max_height(PLOT_HEIGHT + 40.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, report.duty_groups.len(), |ui, range| {
            for group in &report.duty_groups[range] {
                let Some(first) = group.uses.first() else {
                    continue;
                };
                let posts = group.posts();
                let titles: Vec<String> = posts
                    .iter()
                    .take(3)
                    .filter_map(|&id| chart.node(id).map(|n| n.title.clone()))
                    .collect();
                let more = posts.len().saturating_sub(3);
                let who = if more > 0 {
                    crate::t!(
                        "analysis-and-more",
                        titles = titles.join(&separator),
                        more = more
                    )
                } else {
                    titles.join(&separator)
                };
                let text = format!("{:.2} · {} · {}", group.similarity, first.text, who);
                let selected = editor.duty_highlight() == Some((first.post, first.index));
                let response = ui
                    .selectable_label(selected, text)
                    .on_hover_text(hover_text(group, chart));
                if response.clicked() {
                    actions.push(Action::ShowDuty {
                        posts: posts.clone(),
                        post: first.post,
                        index: first.index,
                    });
                }
            }
        });
}

/// Each post's wording of a shared duty, for the tooltip.
fn hover_text(group: &crate::analysis::DutyGroup, chart: &crate::model::Chart) -> String {
    let lines: Vec<String> = group
        .uses
        .iter()
        .take(12)
        .map(|duty| {
            let title = chart.node(duty.post).map_or("", |n| n.title.as_str());
            format!("{} {}: {}", title, duty.post, duty.text)
        })
        .collect();
    lines.join("\n")
}
