//! Workbooks: .xlsx (read cell by cell, with caps), .xls and .ods (through calamine).
//! A zip-based workbook's entries are sized before it is opened, so a zip bomb is refused
//! without unpacking it.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Xls, Xlsx};

use super::{FileKind, ImportError, ReadOptions, Row, Table, MAX_COLUMNS, MAX_ROWS};

/// The most a zip-based workbook may unpack to (512 MiB).
const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// The most entries a zip-based workbook may have.
const MAX_ENTRIES: usize = 10_000;
/// The most cells a sheet may have.
const MAX_CELLS: usize = 50_000_000;

/// Reads the chosen (or first) sheet of a workbook.
pub(super) fn read(
    bytes: &[u8],
    source: &str,
    kind: FileKind,
    options: &ReadOptions,
) -> Result<Table, ImportError> {
    if matches!(kind, FileKind::Xlsx | FileKind::Ods) {
        check_zip_budget(bytes, source)?;
    }
    let broken = |error: &dyn std::fmt::Display| {
        ImportError::unreadable(
            source,
            format!("this workbook cannot be read ({error}); save it again from Excel or LibreOffice, or export it as CSV"),
        )
    };
    let (sheets, sheet, rows) = match kind {
        FileKind::Xlsx => {
            let mut book: Xlsx<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| broken(&e))?;
            let (sheets, sheet) = choose_sheet(book.sheet_names(), options, source)?;
            let rows = xlsx_rows(&mut book, &sheet, source).map_err(|e| match e {
                SheetError::Limit(error) => error,
                SheetError::Broken(message) => broken(&message),
            })?;
            (sheets, sheet, rows)
        }
        FileKind::Xls => {
            let mut book: Xls<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| broken(&e))?;
            let (sheets, sheet) = choose_sheet(book.sheet_names(), options, source)?;
            let range = book.worksheet_range(&sheet).map_err(|e| broken(&e))?;
            (sheets, sheet, range_rows(&range, source)?)
        }
        FileKind::Ods | FileKind::Text => {
            let mut book: Ods<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| broken(&e))?;
            let (sheets, sheet) = choose_sheet(book.sheet_names(), options, source)?;
            let range = book.worksheet_range(&sheet).map_err(|e| broken(&e))?;
            (sheets, sheet, range_rows(&range, source)?)
        }
    };
    Ok(Table {
        source: source.to_owned(),
        rows,
        encoding: None,
        delimiter: None,
        sheets,
        sheet: Some(sheet),
    })
}

/// Refuses a zip whose entries would unpack to more than [`MAX_UNPACKED_BYTES`], as
/// their sizes in the zip's directory say (the zip reader holds each entry to that size).
fn check_zip_budget(bytes: &[u8], source: &str) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        ImportError::unreadable(
            source,
            format!(
                "this is not a workbook Organigram can open (the zip inside is damaged: {error})"
            ),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::unreadable(
            source,
            format!(
                "this workbook has {} parts; a workbook has a few dozen, so it is damaged or not a workbook",
                archive.len()
            ),
        ));
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|error| {
            ImportError::unreadable(source, format!("the zip inside is damaged: {error}"))
        })?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(ImportError::TooLarge {
            source_name: source.to_owned(),
            bytes: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    Ok(())
}

/// The sheet asked for (by name, ignoring case), or the first.
fn choose_sheet(
    sheets: Vec<String>,
    options: &ReadOptions,
    source: &str,
) -> Result<(Vec<String>, String), ImportError> {
    let chosen = match &options.sheet {
        Some(wanted) => sheets
            .iter()
            .find(|name| name.eq_ignore_ascii_case(wanted) || *name == wanted)
            .cloned()
            .ok_or_else(|| {
                ImportError::unreadable(
                    source,
                    format!(
                        "there is no sheet called \"{wanted}\"; the sheets are {}",
                        sheets.join(", ")
                    ),
                )
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| ImportError::unreadable(source, "this workbook has no sheets"))?,
    };
    Ok((sheets, chosen))
}

enum SheetError {
    Limit(ImportError),
    Broken(String),
}

/// An .xlsx sheet's rows, read cell by cell so a sheet claiming a million columns never
/// allocates them.
fn xlsx_rows(
    book: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    source: &str,
) -> Result<Vec<Row>, SheetError> {
    let mut reader = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| SheetError::Broken(e.to_string()))?;
    let mut by_row: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let mut cells = 0usize;
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| SheetError::Broken(e.to_string()))?
    {
        let (row, column) = cell.get_position();
        let line = row as usize + 1;
        if column as usize >= MAX_COLUMNS {
            return Err(SheetError::Limit(ImportError::at(
                source,
                line,
                format!("this row has a cell in column {}; Organigram reads rosters of up to {MAX_COLUMNS} columns", column + 1),
            )));
        }
        if row as usize >= MAX_ROWS || cells >= MAX_CELLS {
            return Err(SheetError::Limit(ImportError::at(
                source,
                line,
                "the sheet is larger than Organigram reads (a million rows, fifty million cells)",
            )));
        }
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if !text.is_empty() {
            cells += 1;
            by_row.entry(row).or_default().push((column, text));
        }
    }
    Ok(by_row
        .into_iter()
        .map(|(row, cells)| dense_row(row as usize + 1, cells))
        .collect())
}

/// A row from its non-empty cells and their columns.
fn dense_row(line: usize, cells: Vec<(u32, String)>) -> Row {
    let width = cells
        .iter()
        .map(|(c, _)| *c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut dense = vec![String::new(); width];
    for (column, text) in cells {
        dense[column as usize] = text;
    }
    Row::new(line, dense.iter().map(String::as_str))
}

/// The rows of an .xls or .ods range, each with its sheet row.
fn range_rows(range: &calamine::Range<Data>, source: &str) -> Result<Vec<Row>, ImportError> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    if range.width() + first_column as usize > MAX_COLUMNS {
        return Err(ImportError::unreadable(
            source,
            format!(
                "the sheet has {} columns; Organigram reads rosters of up to {MAX_COLUMNS} columns",
                range.width()
            ),
        ));
    }
    let mut rows = Vec::new();
    for (offset, row) in range.rows().enumerate() {
        let cells: Vec<(u32, String)> = row
            .iter()
            .enumerate()
            .map(|(column, value)| (first_column + column as u32, cell_text(value)))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        if !cells.is_empty() {
            rows.push(dense_row(first_row as usize + offset + 1, cells));
        }
    }
    Ok(rows)
}

/// A cell as text: numbers without a trailing `.0` (an employee number 1001 stays
/// "1001"), dates as ISO dates, text trimmed.
fn cell_text(value: &Data) -> String {
    match value {
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::String(text) => text.trim().to_owned(),
        Data::Bool(true) => "true".to_owned(),
        Data::Bool(false) => "false".to_owned(),
        Data::DateTime(date) => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
        Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_lose_their_decimal_point() {
        assert_eq!(cell_text(&Data::Float(1001.0)), "1001");
        assert_eq!(cell_text(&Data::Float(0.5)), "0.5");
        assert_eq!(cell_text(&Data::String("  00100 ".into())), "00100");
        assert_eq!(cell_text(&Data::Int(7)), "7");
    }
}
