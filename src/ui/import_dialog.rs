//! File ▸ Import…, a view of the editor's import preview: the file's first rows in a
//! grid with a drop-down above each column saying what it holds, the encoding (text
//! files) or sheet (workbooks), the header row, how managers are named, a live count and
//! the problems, before anything is imported.

use egui::{Id, RichText, Ui};

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
    egui::Window::new(crate::t!("import-title"))
        .id(Id::new("organigram-import-window"))
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
                    .add_enabled(ready, egui::Button::new(crate::t!("import-go")))
                    .on_hover_text(crate::t!("import-go-tip"))
                    .clicked()
                {
                    actions.push(Action::ImportNow);
                }
                if ui.button(crate::t!("dialog-cancel")).clicked() {
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
                (None, Some(found)) => {
                    crate::t!("import-encoding-detected", encoding = found.name())
                }
                (None, None) => crate::t!("import-encoding-detect"),
            };
            egui::ComboBox::new("organigram-import-encoding", crate::t!("import-encoding"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(chosen.is_none(), crate::t!("import-encoding-detect"))
                        .clicked()
                    {
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
            egui::ComboBox::new("organigram-import-sheet", crate::t!("import-sheet"))
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
        egui::ComboBox::new("organigram-import-header", crate::t!("import-header-row"))
            .selected_text(crate::t!("import-line", line = line_of(mapping.header)))
            .show_ui(ui, |ui| {
                for row in 0..table.rows.len().min(30) {
                    let cells = table.rows[row].cells().collect::<Vec<_>>().join(" | ");
                    let text = crate::t!(
                        "import-line-cells",
                        line = line_of(row),
                        cells = cells.chars().take(60).collect::<String>()
                    );
                    if ui.selectable_label(row == mapping.header, text).clicked() {
                        actions.push(Action::Import(ImportChange::Header(row)));
                    }
                }
            });
        ui.separator();
        egui::ComboBox::new(
            "organigram-import-managers",
            crate::t!("import-managers-by"),
        )
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
        if ui.checkbox(&mut units, crate::t!("import-units")).changed() {
            actions.push(Action::Import(ImportChange::Units(units)));
        }
    });
}

fn manager_key_name(key: ManagerKey) -> String {
    crate::t!(match key {
        ManagerKey::Id => "import-key-id",
        ManagerKey::Name => "import-key-name",
        ManagerKey::LastFirst => "import-key-last-first",
        ManagerKey::Email => "import-key-email",
    })
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
                    .on_hover_text(crate::t!(
                        "import-column-tip",
                        number = column + 1,
                        name = name
                    ))
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::WidgetType::ComboBox,
                            true,
                            crate::t!("import-column", number = column + 1, name = name),
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
        let more = data.len() - GRID_ROWS;
        ui.label(RichText::new(crate::t!("import-more-rows", count = more)).weak());
    }
}

/// What a column's meaning is called in the drop-down.
fn meaning_name(meaning: Meaning) -> String {
    crate::t!(match meaning {
        Meaning::Ignore => "import-meaning-ignore",
        Meaning::Id => "import-meaning-id",
        Meaning::Reference => "import-meaning-reference",
        Meaning::Manager => "import-meaning-manager",
        Meaning::Name => "import-meaning-name",
        Meaning::FirstName => "import-meaning-first-name",
        Meaning::LastName => "import-meaning-last-name",
        Meaning::Title => "import-meaning-title",
        Meaning::Unit => "import-meaning-unit",
        Meaning::Kind => "import-meaning-kind",
        Meaning::Email => "import-meaning-email",
        Meaning::Headcount => "import-meaning-headcount",
        Meaning::Status => "import-meaning-status",
        Meaning::Duties => "import-meaning-duties",
        Meaning::Notes => "import-meaning-notes",
        Meaning::Dotted => "import-meaning-dotted",
    })
}

/// The live count and the problems, or why no chart can be made.
fn outcome(ui: &mut Ui, result: &Result<Import, crate::format::hr::ImportError>) {
    match result {
        Ok(import) => {
            ui.label(RichText::new(summary(import)).strong());
            if import.left_out > 0 {
                ui.label(crate::t!(
                    "import-left-out",
                    count = import.left_out,
                    shown = grouped(import.left_out)
                ));
            }
            if !import.problems.is_empty() {
                egui::ScrollArea::vertical()
                    .id_salt("organigram-import-problems")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for problem in import.problems.iter().take(PROBLEMS_SHOWN) {
                            ui.label(crate::t!(
                                "import-problem",
                                line = problem.line,
                                problem = problem.kind.to_string()
                            ));
                        }
                        if import.problems.len() > PROBLEMS_SHOWN {
                            let more = import.problems.len() - PROBLEMS_SHOWN;
                            ui.label(crate::t!("dialog-and-more", count = more));
                        }
                    });
            }
        }
        Err(error) => {
            ui.label(RichText::new(error.to_string()).color(ui.visuals().error_fg_color));
        }
    }
}

/// The live count in one line: "1,516 posts · 1 top post · depth 10 · 3 units · 2 problems".
fn summary(import: &Import) -> String {
    let count = |id: &str, n: usize| crate::t!(id, count = n, shown = grouped(n));
    [
        count("import-summary-posts", import.posts),
        count("import-summary-top-posts", import.top_posts),
        crate::t!("import-summary-depth", depth = import.depth),
        count("import-summary-units", import.units),
        count("import-summary-problems", import.problems.len()),
    ]
    .join(" · ")
}

/// `n` with its thousands separated by commas: "1,516".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::grouped;
    use crate::i18n::{tr, tr_args, Lang};

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1516), "1,516");
        assert_eq!(grouped(100_000), "100,000");
        assert_eq!(grouped(1_000_000), "1,000,000");
    }

    #[test]
    fn the_words_of_the_windows_and_panels_in_both_languages() {
        let posts = |lang, n: usize| {
            tr_args(
                lang,
                "import-summary-posts",
                &[("count", n.into()), ("shown", grouped(n).into())],
            )
        };
        assert_eq!(posts(Lang::English, 1), "1 post");
        assert_eq!(posts(Lang::English, 1516), "1,516 posts");
        assert_eq!(posts(Lang::Chinese, 1516), "1,516 个岗位");
        let left = |lang, n: usize| {
            tr_args(
                lang,
                "import-left-out",
                &[("count", n.into()), ("shown", grouped(n).into())],
            )
        };
        assert_eq!(
            left(Lang::English, 2),
            "2 rows left out: their status says they have left"
        );
        assert_eq!(left(Lang::Chinese, 1), "1 行未导入：状态显示已离职");
        let apply = |lang, n: usize| tr_args(lang, "update-apply", &[("count", n.into())]);
        assert_eq!(apply(Lang::English, 0), "Apply 0 changes");
        assert_eq!(apply(Lang::English, 1), "Apply 1 change");
        assert_eq!(apply(Lang::Chinese, 3), "应用 3 项变更");
        assert_eq!(tr(Lang::English, "dialog-shortcut-or"), "  or  ");
        assert_eq!(tr(Lang::English, "dialog-list-separator"), ", ");
        assert_eq!(tr(Lang::Chinese, "dialog-list-separator"), "、");
        assert_eq!(tr(Lang::Chinese, "dialog-dont-save"), "不保存");
        let compared = |lang| {
            tr_args(
                lang,
                "changes-compared-with",
                &[
                    ("base", "as-is.ron".into()),
                    ("matched", tr(lang, "compare-matched-by-id").into()),
                ],
            )
        };
        assert_eq!(
            compared(Lang::English),
            "Compared with as-is.ron · matched by id"
        );
        assert_eq!(compared(Lang::Chinese), "对比基准：as-is.ron · 按 ID 匹配");
    }
}
