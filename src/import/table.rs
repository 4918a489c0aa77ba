//! Reading a published comment table: TSV or CSV, columns found by their Japanese headers.
//!
//! The tables are usually text extracted from PDF. Lines before the header row (title, dates,
//! the list of commenters) are skipped; the header row (項番 意見提出者 該当箇所 御意見の詳細
//! 御意見に対する考え方) repeats at every page break and is skipped again; a line whose 項番 is
//! empty continues the row before it, cell by cell (a cell broken across a page); a line without
//! a tab right after a row continues that row's last cell, while one after a blank line is page
//! furniture (a repeated title) and is skipped. TSV is split at tabs, quotes and all; CSV is read
//! with its quoting (cells may hold commas and line breaks). HTML in cells becomes plain text.
//!
//! A title, a blank line, the header, one row and a line continuing its request cell give one
//! row whose request is 「意見です⏎続き」 (tests below).

use super::cell_html;
use super::columns::{header, normalize, ColumnMap, Columns};
use super::problem::TableProblem;
use super::role::Role;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// How a table's cells are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Tab-separated, one row a line, no quoting.
    Tsv,
    /// Comma-separated with quoting (RFC 4180).
    Csv,
}

impl TableFormat {
    /// The format a file name implies: `.csv` is CSV, `.tsv`/`.tab` TSV; otherwise unknown.
    pub fn from_path(path: &Path) -> Option<TableFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(TableFormat::Csv),
            "tsv" | "tab" => Some(TableFormat::Tsv),
            _ => None,
        }
    }

    /// Guess from the content: TSV when any line holds a tab, CSV otherwise.
    pub fn sniff(text: &str) -> TableFormat {
        if text.contains('\t') {
            TableFormat::Tsv
        } else {
            TableFormat::Csv
        }
    }
}

/// One comment and its answer, cells merged across lines and turned into plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The line of the table where the row starts (1-based).
    pub line: usize,
    /// 項番, with full-width digits made half-width.
    pub id: String,
    /// 意見提出者.
    pub by: Option<String>,
    /// 該当箇所.
    pub at: Option<String>,
    /// 御意見.
    pub request: Option<String>,
    /// 考え方.
    pub response: Option<String>,
}

/// A table, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Which cell holds what.
    pub columns: ColumnMap,
    /// The line of the (first) header row.
    pub header_line: usize,
    /// The rows, in table order.
    pub rows: Vec<Row>,
    /// Header rows found again inside the table (page breaks of the original), skipped.
    pub repeated_headers: usize,
    /// Lines that continued the row before them.
    pub continuations: usize,
    /// Lines inside the table that belong to no row (repeated titles), skipped.
    pub skipped: Vec<usize>,
}

/// One line (TSV) or record (CSV) of the file.
struct Record {
    line: usize,
    cells: Vec<String>,
    /// Whether a blank line (or the start of the file) comes right before.
    blank_before: bool,
}

/// Read a table.
pub(super) fn read(text: &str, format: TableFormat, columns: &Columns) -> Result<Table, TableProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = match format {
        TableFormat::Tsv => tsv(text),
        TableFormat::Csv => csv(text)?,
    };
    let Some((start, map)) = records.iter().enumerate().find_map(|(i, r)| header(&r.cells, columns).map(|m| (i, m)))
    else {
        for (role, name) in &columns.names {
            let norm = normalize(name);
            if !records.iter().any(|r| r.cells.iter().any(|c| normalize(c) == norm)) {
                return Err(TableProblem::NoSuchColumn { role: *role, header: name.clone() });
            }
        }
        let (given_id, given_response) = (columns.given(Role::Id), columns.given(Role::Response));
        return Err(TableProblem::NoHeader {
            given_id: given_id.map(str::to_owned),
            given_response: given_response.map(str::to_owned),
        });
    };
    let width = records[start].cells.len();
    let mut table = Table {
        columns: map,
        header_line: records[start].line,
        rows: Vec::new(),
        repeated_headers: 0,
        continuations: 0,
        skipped: Vec::new(),
    };
    // Raw rows: (line, cells), and the cell the last line of the row ended in.
    let mut raw: Vec<(usize, Vec<String>)> = Vec::new();
    let mut last_cell = 0;
    for r in &records[start + 1..] {
        if header(&r.cells, columns).is_some() {
            table.repeated_headers += 1;
            continue;
        }
        let id = r.cells.get(map.id).map_or("", |c| c.trim());
        if r.cells.len() == 1 && width > 1 {
            match raw.last_mut() {
                Some((_, cells)) if !r.blank_before => {
                    append(&mut cells[last_cell], &r.cells[0]);
                    table.continuations += 1;
                }
                _ => table.skipped.push(r.line),
            }
        } else if !id.is_empty() {
            let mut cells = r.cells.clone();
            cells.resize(width.max(cells.len()), String::new());
            last_cell = r.cells.len() - 1;
            raw.push((r.line, cells));
        } else if let Some((_, cells)) = raw.last_mut() {
            for (j, cell) in r.cells.iter().enumerate().filter(|(_, c)| !c.trim().is_empty()) {
                if j >= cells.len() {
                    cells.resize(j + 1, String::new());
                }
                append(&mut cells[j], cell);
                last_cell = j;
            }
            table.continuations += 1;
        } else {
            table.skipped.push(r.line);
        }
    }
    table.rows = raw.into_iter().map(|(line, cells)| row(line, &cells, &map)).collect();
    Ok(table)
}

fn append(cell: &mut String, more: &str) {
    if !cell.trim().is_empty() {
        cell.push('\n');
    }
    cell.push_str(more);
}

fn row(line: usize, cells: &[String], map: &ColumnMap) -> Row {
    let get = |i: Option<usize>| {
        let text = cell_html::to_text(i.and_then(|i| cells.get(i)).map_or("", String::as_str)).trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    Row {
        line,
        id: cells[map.id].trim().nfkc().collect(),
        by: get(map.by),
        at: get(map.at),
        request: get(map.request),
        response: get(Some(map.response)),
    }
}

fn tsv(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut blank = true;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        out.push(Record { line: n + 1, cells: line.split('\t').map(str::to_owned).collect(), blank_before: blank });
        blank = false;
    }
    out
}

fn csv(text: &str) -> Result<Vec<Record>, TableProblem> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for result in reader.records() {
        let record = result
            .map_err(|e| TableProblem::Csv { line: e.position().map_or(0, |p| p.line()), detail: e.to_string() })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        // CSV cells continue through their quotes, so a lone cell is never a continuation.
        out.push(Record { line, cells: record.iter().map(str::to_owned).collect(), blank_before: true });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "項番\t意見提出者\t該当箇所\t御意見の詳細\t御意見に対する考え方\n";

    #[test]
    fn a_title_is_skipped_and_a_continued_cell_joined() {
        let text = "表題\n\n項番\t意見提出者\t御意見\t考え方\n1\t個人A\t意見です\t承ります。\n\t\t続き\t\n";
        let table = read(text, TableFormat::Tsv, &Columns::default()).unwrap();
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].request.as_deref(), Some("意見です\n続き"));
    }

    #[test]
    fn preamble_repeated_headers_and_continued_cells() {
        let text = format!(
            "表題\n\n\t意見提出者\n1\t渋谷区\n\n{HEAD}1\t個人A\tI-2\t意見一\t承ります。\n\n{HEAD}\t\t\t<p>意見一の続き</p>\t\n2\t個人B\t全体\t意見二\t修正\n続きの行\n\n表題の繰り返し\n\n{HEAD}3\t個人C\t\t意見三\t答え\n"
        );
        let t = read(&text, TableFormat::Tsv, &Columns::default()).unwrap();
        assert_eq!(t.header_line, 6);
        let ids: Vec<&str> = t.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(t.rows[0].request.as_deref(), Some("意見一\n意見一の続き"));
        assert_eq!(t.rows[0].response.as_deref(), Some("承ります。"));
        assert_eq!(t.rows[1].response.as_deref(), Some("修正\n続きの行"));
        assert_eq!(t.rows[2].at, None);
        assert_eq!((t.repeated_headers, t.continuations, t.skipped.clone()), (2, 2, vec![14]));
    }

    #[test]
    fn headers_of_the_other_style_and_full_width_ids() {
        let text = "通しNo\t該当箇所\t御意見の要旨\t御意見に対する主な考え方及び修正\n１２\t総論\t意見\t承ります\n";
        let t = read(text, TableFormat::Tsv, &Columns::default()).unwrap();
        assert_eq!(t.columns, ColumnMap { id: 0, by: None, at: Some(1), request: Some(2), response: 3 });
        assert_eq!(t.rows[0].id, "12");
    }

    #[test]
    fn columns_named_by_the_user() {
        let text = "番号\t名前\t本文\t回答する内容\n1\tA\tB\tC\n";
        let err = crate::Diagnostic::new(read(text, TableFormat::Tsv, &Columns::default()).unwrap_err());
        assert!(err.to_string().contains("no header row found"), "{err}");
        let cols = Columns::parse(&["response=回答する内容", "by=名前,request=本文"]).unwrap();
        let t = read(text, TableFormat::Tsv, &cols).unwrap();
        assert_eq!(t.rows[0].by.as_deref(), Some("A"));
        assert_eq!(t.rows[0].response.as_deref(), Some("C"));
        let cols = Columns::parse(&["response=回答"]).unwrap();
        let err = read(text, TableFormat::Tsv, &cols).unwrap_err();
        assert_eq!(err, TableProblem::NoSuchColumn { role: Role::Response, header: "回答".into() });
    }

    #[test]
    fn csv_with_quotes_commas_and_line_breaks() {
        let text = "\u{feff}項番,意見提出者,御意見,考え方\n1,\"株式会社A, 東京\",\"一行目\n二行目\",\"<p>「A」を「B」に修正いたします。</p>\"\n";
        let t = read(text, TableFormat::Csv, &Columns::default()).unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].by.as_deref(), Some("株式会社A, 東京"));
        assert_eq!(t.rows[0].request.as_deref(), Some("一行目\n二行目"));
        assert_eq!(t.rows[0].response.as_deref(), Some("「A」を「B」に修正いたします。"));
    }

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(TableFormat::from_path(Path::new("a.CSV")), Some(TableFormat::Csv));
        assert_eq!(TableFormat::from_path(Path::new("a.txt")), None);
        assert_eq!(TableFormat::sniff("a\tb"), TableFormat::Tsv);
        assert_eq!(TableFormat::sniff("a,b"), TableFormat::Csv);
    }
}
