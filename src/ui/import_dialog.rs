//! File ▸ Import…, a view of the editor's import preview: the file's first rows in a
//! grid with a drop-down above each column saying what it holds, the encoding (text
//! files) or sheet (workbooks), the header row, how managers are named, a live count and
//! the problems, before anything is imported.

use egui::{RichText, Ui};

use crate::editor::{Action, Editor, ImportChange, ImportPreview, Window};
use crate::format::hr::{Encoding, Import, ManagerKey, Mapping, Meaning, Table};

/// How many data rows the grid shows.
const GRID_ROWS: usize = 8;
/// How many problems are listed.
const PROBLEMS_SHOWN: usize = 60;

/// Draws the import preview while the editor has one; returns what the user changed.
pub fn import_window(ctx: &egui::Context, editor: &Editor) -> Vec<Action> {
    let Some(preview) = editor.import_preview() else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new("Import a roster")
        .open(&mut open)
        .default_width(900.0)
        .default_height(620.0)
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(RichText::new(preview.path.display().to_string()).weak());
            match &preview.table {
                Ok(table) => body(ui, preview, table, &mut actions),
                Err(error) => {
                    ui.label(RichText::new(error.to_string()).color(ui.visuals().error_fg_color));
                    reading(ui, preview, None, &mut actions);
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ready = matches!(preview.result, Some(Ok(_)));
                if ui
                    .add_enabled(ready, egui::Button::new("Import"))
                    .on_hover_text("Open the roster as a new chart, not saved yet")
                    .clicked()
                {
                    actions.push(Action::ImportNow);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseWindow(Window::Import));
                }
            });
        });
    if !open {
        actions.push(Action::CloseWindow(Window::Import));
    }
    actions
}

fn body(ui: &mut Ui, preview: &ImportPreview, table: &Table, actions: &mut Vec<Action>) {
    let Some(mapping) = &preview.mapping else {
        return;
    };
    reading(ui, preview, Some(table), actions);
    header_and_managers(ui, table, mapping, actions);
    ui.add_space(6.0);
    egui::ScrollArea::horizontal()
        .id_salt("organigram-import-grid")
        .show(ui, |ui| grid(ui, table, mapping, actions));
    ui.add_space(6.0);
    if let Some(result) = &preview.result {
        outcome(ui, result);
    }
}

/// The encoding (text) or sheet (workbook) the file is read with.
fn reading(ui: &mut Ui, preview: &ImportPreview, table: Option<&Table>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let sheets = table.map_or(&[][..], |t| &t.sheets[..]);
        if sheets.is_empty() {
            let chosen = preview.choices.read.encoding;
            let detected = table.and_then(|t| t.encoding);
            let shown = match (chosen, detected) {
                (Some(encoding), _) => encoding.name().to_owned(),
                (None, Some(found)) => format!("{} (detected)", found.name()),
                (None, None) => "detect".to_owned(),
            };
            egui::ComboBox::from_label("Encoding")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(chosen.is_none(), "detect").clicked() {
                        actions.push(Action::Import(ImportChange::Encoding(None)));
                    }
                    for encoding in Encoding::ALL {
                        if ui
                            .selectable_label(chosen == Some(encoding), encoding.name())
                            .clicked()
                        {
                            actions.push(Action::Import(ImportChange::Encoding(Some(encoding))));
                        }
                    }
                });
        } else {
            let current = table.and_then(|t| t.sheet.clone()).unwrap_or_default();
            egui::ComboBox::from_label("Sheet")
                .selected_text(current.as_str())
                .show_ui(ui, |ui| {
                    for sheet in sheets {
                        if ui.selectable_label(*sheet == current, sheet).clicked() {
                            actions.push(Action::Import(ImportChange::Sheet(sheet.clone())));
                        }
                    }
                });
        }
    });
}

/// The header row, how managers are named, and whether departments become units.
fn header_and_managers(ui: &mut Ui, table: &Table, mapping: &Mapping, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let line_of = |row: usize| table.rows.get(row).map_or(0, |r| r.line);
        egui::ComboBox::from_label("Header row")
            .selected_text(format!("line {}", line_of(mapping.header)))
            .show_ui(ui, |ui| {
                for row in 0..table.rows.len().min(30) {
                    let cells = table.rows[row].cells().collect::<Vec<_>>().join(" | ");
                    let text = format!(
                        "line {}: {}",
                        line_of(row),
                        cells.chars().take(60).collect::<String>()
                    );
                    if ui.selectable_label(row == mapping.header, text).clicked() {
                        actions.push(Action::Import(ImportChange::Header(row)));
                    }
                }
            });
        ui.separator();
        egui::ComboBox::from_label("Managers named by")
            .selected_text(manager_key_name(mapping.manager_key))
            .show_ui(ui, |ui| {
                for key in [
                    ManagerKey::Id,
                    ManagerKey::Name,
                    ManagerKey::LastFirst,
                    ManagerKey::Email,
                ] {
                    if ui
                        .selectable_label(key == mapping.manager_key, manager_key_name(key))
                        .clicked()
                    {
                        actions.push(Action::Import(ImportChange::ManagerKey(key)));
                    }
                }
            });
        ui.separator();
        let mut units = mapping.units;
        if ui
            .checkbox(&mut units, "Departments become unit cards")
            .changed()
        {
            actions.push(Action::Import(ImportChange::Units(units)));
        }
    });
}

fn manager_key_name(key: ManagerKey) -> &'static str {
    match key {
        ManagerKey::Id => "id",
        ManagerKey::Name => "name",
        ManagerKey::LastFirst => "Last, First",
        ManagerKey::Email => "email",
    }
}

/// The header and first data rows, with a drop-down above each column.
fn grid(ui: &mut Ui, table: &Table, mapping: &Mapping, actions: &mut Vec<Action>) {
    let header = &table.rows[mapping.header];
    let data = mapping.data(table);
    let width = data
        .iter()
        .take(GRID_ROWS)
        .map(|row| row.len())
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    egui::Grid::new("organigram-import-columns")
        .striped(true)
        .min_col_width(90.0)
        .show(ui, |ui| {
            ui.label("");
            for column in 0..width {
                let meaning = mapping
                    .columns
                    .get(column)
                    .copied()
                    .unwrap_or(Meaning::Ignore);
                let name = header.cell(column);
                egui::ComboBox::from_id_salt(("organigram-import-column", column))
                    .selected_text(meaning_name(meaning))
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for choice in Meaning::ALL {
                            if ui
                                .selectable_label(choice == meaning, meaning_name(choice))
                                .clicked()
                            {
                                actions.push(Action::Import(ImportChange::Column(column, choice)));
                            }
                        }
                    })
                    .response
                    .on_hover_text(format!("What column {} ({name}) holds", column + 1))
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::WidgetType::ComboBox,
                            true,
                            format!("Column {} ({name})", column + 1),
                        )
                    });
            }
            ui.end_row();
            for row in
                std::iter::once(&table.rows[mapping.header]).chain(data.iter().take(GRID_ROWS))
            {
                ui.label(RichText::new(row.line.to_string()).weak());
                for column in 0..width {
                    let text = row.cell(column);
                    let shown: String = text.chars().take(24).collect();
                    ui.label(shown).on_hover_text(text);
                }
                ui.end_row();
            }
        });
    if data.len() > GRID_ROWS {
        ui.label(RichText::new(format!("… and {} more rows", data.len() - GRID_ROWS)).weak());
    }
}

/// What a column's meaning is called in the drop-down.
fn meaning_name(meaning: Meaning) -> &'static str {
    match meaning {
        Meaning::Ignore => "(not used)",
        Meaning::Id => "Id",
        Meaning::Reference => "HR reference",
        Meaning::Manager => "Manager",
        Meaning::Name => "Holder's name",
        Meaning::FirstName => "First name",
        Meaning::LastName => "Last name",
        Meaning::Title => "Title",
        Meaning::Unit => "Department",
        Meaning::Kind => "Kind (assistant)",
        Meaning::Email => "Email",
        Meaning::Headcount => "Headcount",
        Meaning::Status => "Status",
        Meaning::Duties => "Duties",
        Meaning::Notes => "Notes",
        Meaning::Dotted => "Dotted-line managers",
    }
}

/// The live count and the problems, or why no chart can be made.
fn outcome(ui: &mut Ui, result: &Result<Import, crate::format::hr::ImportError>) {
    match result {
        Ok(import) => {
            ui.label(RichText::new(import.summary()).strong());
            if import.left_out > 0 {
                ui.label(format!(
                    "{} left out: their status says they have left",
                    crate::format::hr::count(import.left_out, "row", "rows")
                ));
            }
            if !import.problems.is_empty() {
                egui::ScrollArea::vertical()
                    .id_salt("organigram-import-problems")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for problem in import.problems.iter().take(PROBLEMS_SHOWN) {
                            ui.label(format!("line {}: {}", problem.line, problem.kind));
                        }
                        if import.problems.len() > PROBLEMS_SHOWN {
                            ui.label(format!(
                                "… and {} more",
                                import.problems.len() - PROBLEMS_SHOWN
                            ));
                        }
                    });
            }
        }
        Err(error) => {
            ui.label(RichText::new(error.to_string()).color(ui.visuals().error_fg_color));
        }
    }
}
