//! `.xlsx` comment tables, read with the `calamine` crate.
//!
//! Ministries also publish their tables as spreadsheets. Each sheet is turned into rows of cells
//! and read by [`grid::table`], so an `.xlsx` table follows the same rules as
//! TSV: a title before the header row, the header repeated, a row whose 項番 is empty continuing
//! the row above. What a spreadsheet adds is handled here: numbers are written as numbers
//! (項番 1.0 is `1`), cells keep their line breaks, and a merged cell holds its value in its top
//! left cell only, so a value merged down over several comments (one 該当箇所 or one answer
//! for Nos. 3 to 5) is given to each row that has its own 項番, while rows without one continue
//! the row above as usual. Every sheet holding a header row is read, in order.
//!
//! calamine reads xlsx, xls and ods without a spreadsheet program, streams the sheet XML and
//! reports merged regions; writing the same by hand over `zip` and `quick-xml` (both already
//! here) would mean shared strings, number formats and inline strings for no gain.

use super::columns::{header, Columns};
use super::grid;
use super::problem::TableProblem;
use super::table::{no_header, Table};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// A workbook's table, and which sheets it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workbook {
    /// The rows of every sheet that holds a header row, in order.
    pub table: Table,
    /// The sheets read.
    pub sheets: Vec<String>,
    /// The sheets without a header row, not read.
    pub skipped_sheets: Vec<String>,
}

/// Read the comment table of an `.xlsx` workbook.
pub fn read(bytes: &[u8], columns: &Columns) -> Result<Workbook, TableProblem> {
    let sheet_error = |e: calamine::XlsxError| TableProblem::Sheet { detail: e.to_string() };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(sheet_error)?;
    let mut found: Option<Workbook> = None;
    let mut skipped = Vec::new();
    let mut first_error = None;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(sheet_error)?;
        let merged = match book.worksheet_merge_cells(&name) {
            Some(Ok(m)) => m,
            Some(Err(e)) => return Err(sheet_error(e)),
            None => Vec::new(),
        };
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); row0 as usize];
        rows.extend(range.rows().map(|r| {
            let mut cells = vec![String::new(); col0 as usize];
            cells.extend(r.iter().map(text));
            cells
        }));
        fill_merged(&mut rows, &merged, columns);
        match grid::table(rows, columns) {
            Ok(table) => match &mut found {
                None => found = Some(Workbook { table, sheets: vec![name], skipped_sheets: Vec::new() }),
                Some(w) => {
                    w.table.rows.extend(table.rows);
                    w.table.repeated_headers += table.repeated_headers;
                    w.table.continuations += table.continuations;
                    w.table.skipped.extend(table.skipped);
                    for u in table.unread {
                        if !w.table.unread.contains(&u) {
                            w.table.unread.push(u);
                        }
                    }
                    w.sheets.push(name);
                }
            },
            Err(e @ TableProblem::NoSuchColumn { .. }) | Err(e @ TableProblem::NoHeader { .. }) => {
                first_error.get_or_insert(e);
                skipped.push(name);
            }
            Err(e) => return Err(e),
        }
    }
    match found {
        Some(mut w) => {
            w.skipped_sheets = skipped;
            Ok(w)
        }
        None => Err(first_error.unwrap_or(no_header(columns))),
    }
}

/// A cell as text: whole numbers without a fraction (項番 1.0 → 1), line breaks kept.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => e.to_string(),
    }
}

/// Give a value merged down over several rows to each row below its first that has its own id
/// (the id column as the header row names it); rows without an id continue the row above and
/// are left alone, so the value is not read twice.
fn fill_merged(rows: &mut [Vec<String>], merged: &[calamine::Dimensions], columns: &Columns) {
    let Some(id) = rows.iter().find_map(|r| header(r, columns)).map(|m| m.id) else { return };
    for region in merged.iter().filter(|m| m.end.0 > m.start.0) {
        let (r0, c0) = (region.start.0 as usize, region.start.1 as usize);
        if c0 == id {
            continue;
        }
        let Some(value) = rows.get(r0).and_then(|r| r.get(c0)).cloned() else { continue };
        for r in r0 + 1..=(region.end.0 as usize).min(rows.len().saturating_sub(1)) {
            let row = &mut rows[r];
            if row.get(id).is_some_and(|c| !c.trim().is_empty()) && row.get(c0).is_some_and(|c| c.is_empty()) {
                row[c0] = value.clone();
            }
        }
    }
}
