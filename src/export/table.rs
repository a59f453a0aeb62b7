//! The chart as a table for Excel and HR systems: one row per node, units included, in
//! tree order. CSV is UTF-8 with a byte-order mark (so Excel shows Chinese); the .xlsx
//! has a bold, frozen header, an autofilter and column widths. Importing either back
//! gives the same chart (see `format::hr`). While comparing, the same two formats hold
//! the change list instead.

use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use super::ExportError;
use crate::compare::report::TABLE_COLUMNS;
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
    csv_of(&COLUMNS, rows(chart).iter().map(TableRow::texts))
}

/// The chart as an .xlsx workbook.
pub fn xlsx_bytes(chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let rows = rows(chart);
    let sheet = Sheet {
        name: "Organigram",
        columns: &COLUMNS,
        widths: &WIDTHS,
        numbers: &[0, 5, 7],
        wrapped_from: 9,
    };
    xlsx_of(&sheet, rows.iter().map(TableRow::texts), |at| {
        rows.get(at)
            .map_or_else(String::new, |row| chart.label(row.id))
    })
}

/// A comparison's change list (see [`crate::compare::report::table_rows`]) as CSV.
pub fn changes_csv_bytes(rows: &[[String; 9]]) -> Result<Vec<u8>, ExportError> {
    csv_of(&TABLE_COLUMNS, rows.iter().cloned())
}

/// The same change list as an .xlsx workbook.
pub fn changes_xlsx_bytes(rows: &[[String; 9]]) -> Result<Vec<u8>, ExportError> {
    let sheet = Sheet {
        name: "Changes",
        columns: &TABLE_COLUMNS,
        widths: &[10.0, 8.0, 26.0, 14.0, 24.0, 24.0, 11.0, 40.0, 40.0],
        numbers: &[1],
        wrapped_from: 7,
    };
    xlsx_of(&sheet, rows.iter().cloned(), |at| {
        format!("change {}", at + 1)
    })
}

/// Rows as CSV: UTF-8 with a byte-order mark, the header first.
fn csv_of<const N: usize>(
    columns: &[&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<Vec<u8>, ExportError> {
    let render = |error: csv::Error| ExportError::Render(error.to_string());
    let mut writer = csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(columns).map_err(render)?;
    for row in rows {
        writer.write_record(row).map_err(render)?;
    }
    writer
        .into_inner()
        .map_err(|error| ExportError::Render(error.to_string()))
}

/// How a table looks in Excel.
pub(crate) struct Sheet<'a, const N: usize> {
    /// The sheet's name.
    pub(crate) name: &'a str,
    /// The header row.
    pub(crate) columns: &'a [&'a str; N],
    /// In Excel's character units.
    pub(crate) widths: &'a [f64; N],
    /// Columns written as numbers when they parse as one.
    pub(crate) numbers: &'a [usize],
    /// Columns from this one on wrap their text.
    pub(crate) wrapped_from: usize,
}

/// Rows as a workbook of one sheet; see [`add_sheet`].
fn xlsx_of<const N: usize>(
    sheet_look: &Sheet<N>,
    rows: impl Iterator<Item = [String; N]>,
    row_name: impl Fn(usize) -> String,
) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    add_sheet(&mut book, sheet_look, rows, row_name)?;
    book.save_to_buffer().map_err(render)
}

fn render(error: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Render(error.to_string())
}

/// Adds rows as a sheet with a bold, frozen header, an autofilter and column widths;
/// `row_name` names a row for the error about a cell too long for Excel.
pub(crate) fn add_sheet<const N: usize>(
    book: &mut Workbook,
    sheet_look: &Sheet<N>,
    rows: impl Iterator<Item = [String; N]>,
    row_name: impl Fn(usize) -> String,
) -> Result<(), ExportError> {
    let bold = Format::new().set_bold();
    let text = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_look.name).map_err(render)?;
    for (column, (name, width)) in sheet_look.columns.iter().zip(sheet_look.widths).enumerate() {
        sheet
            .write_string_with_format(0, column as u16, *name, &bold)
            .map_err(render)?;
        sheet
            .set_column_width(column as u16, *width)
            .map_err(render)?;
    }
    let mut count = 0u32;
    for (at, row) in rows.enumerate() {
        let line = at as u32 + 1;
        count = line;
        for (column, value) in row.iter().enumerate() {
            if value.chars().count() > EXCEL_CELL_LIMIT {
                return Err(ExportError::Render(format!(
                    "the {} of {} has {} characters, more than the {EXCEL_CELL_LIMIT} an Excel cell holds; export CSV instead",
                    sheet_look.columns[column],
                    row_name(at),
                    value.chars().count()
                )));
            }
            let number = sheet_look
                .numbers
                .contains(&column)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            let format = if column >= sheet_look.wrapped_from {
                &wrapped
            } else {
                &text
            };
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
        .autofilter(0, 0, count, N as u16 - 1)
        .map_err(render)?;
    Ok(())
}
