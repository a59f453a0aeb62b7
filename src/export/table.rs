//! The chart as a table for Excel and HR systems: one row per node, units included, in
//! tree order. CSV is UTF-8 with a byte-order mark (so Excel shows Chinese); the .xlsx
//! has a bold, frozen header, an autofilter and column widths. Importing either back
//! gives the same chart (see `format::hr`).

use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use super::ExportError;
use crate::model::{Chart, NodeId};

/// The columns, in order.
pub const COLUMNS: [&str; 11] = [
    "id",
    "ref",
    "kind",
    "title",
    "holder",
    "manager",
    "unit",
    "headcount",
    "dotted",
    "duties",
    "notes",
];

/// Column widths in the .xlsx, in Excel's character units.
const WIDTHS: [f64; 11] = [
    8.0, 12.0, 11.0, 28.0, 16.0, 10.0, 22.0, 11.0, 12.0, 70.0, 30.0,
];

/// The most characters Excel holds in a cell.
const EXCEL_CELL_LIMIT: usize = 32_767;

/// One node as a row.
struct TableRow {
    id: NodeId,
    reference: String,
    kind: &'static str,
    title: String,
    holder: String,
    manager: Option<NodeId>,
    unit: String,
    headcount: u32,
    dotted: String,
    duties: String,
    notes: String,
}

impl TableRow {
    fn texts(&self) -> [String; 11] {
        [
            self.id.0.to_string(),
            self.reference.clone(),
            self.kind.to_owned(),
            self.title.clone(),
            self.holder.clone(),
            self.manager.map(|m| m.0.to_string()).unwrap_or_default(),
            self.unit.clone(),
            self.headcount.to_string(),
            self.dotted.clone(),
            self.duties.clone(),
            self.notes.clone(),
        ]
    }
}

/// Every node as a row, in tree order.
fn rows(chart: &Chart) -> Vec<TableRow> {
    chart
        .tree_order()
        .filter_map(|id| {
            let node = chart.node(id)?;
            let unit = chart
                .unit_of(id)
                .and_then(|u| chart.node(u))
                .map(|u| u.title.clone())
                .unwrap_or_default();
            let dotted: Vec<String> = node.dotted.iter().map(|d| d.0.to_string()).collect();
            Some(TableRow {
                id,
                reference: node.reference.clone().unwrap_or_default(),
                kind: node.kind.name(),
                title: node.title.clone(),
                holder: node.holder.clone().unwrap_or_default(),
                manager: chart.parent(id),
                unit,
                headcount: node.headcount,
                dotted: dotted.join("; "),
                duties: node.duties.join("\n"),
                notes: node.notes.clone(),
            })
        })
        .collect()
}

/// The chart as CSV: UTF-8 with a byte-order mark, comma-separated, quoted where needed.
pub fn csv_bytes(chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let render = |error: csv::Error| ExportError::Render(error.to_string());
    let mut writer = csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(COLUMNS).map_err(render)?;
    for row in rows(chart) {
        writer.write_record(row.texts()).map_err(render)?;
    }
    writer
        .into_inner()
        .map_err(|error| ExportError::Render(error.to_string()))
}

/// The chart as an .xlsx workbook.
pub fn xlsx_bytes(chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let render = |error: rust_xlsxwriter::XlsxError| ExportError::Render(error.to_string());
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet.set_name("Organigram").map_err(render)?;
    for (column, (name, width)) in COLUMNS.iter().zip(WIDTHS).enumerate() {
        sheet
            .write_string_with_format(0, column as u16, *name, &bold)
            .map_err(render)?;
        sheet
            .set_column_width(column as u16, width)
            .map_err(render)?;
    }
    let rows = rows(chart);
    for (at, row) in rows.iter().enumerate() {
        let line = at as u32 + 1;
        for (column, value) in row.texts().iter().enumerate() {
            if value.chars().count() > EXCEL_CELL_LIMIT {
                return Err(ExportError::Render(format!(
                    "the {} of {} has {} characters, more than the {EXCEL_CELL_LIMIT} an Excel cell holds; export CSV instead",
                    COLUMNS[column],
                    chart.label(row.id),
                    value.chars().count()
                )));
            }
            let number = matches!(column, 0 | 5 | 7)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            let format = if column >= 9 { &wrapped } else { &text };
            match number {
                Some(number) => sheet.write_number_with_format(line, column as u16, number, format),
                None if value.is_empty() => Ok(&mut *sheet),
                None => sheet.write_string_with_format(line, column as u16, value, format),
            }
            .map_err(render)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(render)?;
    sheet
        .autofilter(0, 0, rows.len() as u32, COLUMNS.len() as u16 - 1)
        .map_err(render)?;
    book.save_to_buffer().map_err(render)
}
