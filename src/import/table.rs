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
use crate::keyed::Set;
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
    /// The line of the table where the row starts (1-based; the row number for a grid).
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
    /// 修正の有無, as written (有, 無, ○, …).
    pub changed: Option<String>,
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
    /// The headers of the columns import does not read (備考, …), as written.
    pub unread: Vec<String>,
}

/// One line (TSV), record (CSV) or grid row of the table, cells apart.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub(super) line: usize,
    pub(super) cells: Vec<String>,
    /// Whether a blank line (or the start of the file) comes right before.
    pub(super) blank_before: bool,
}

/// Where the records come from: lines of text, where a line without a tab may continue the cell
/// above, or a grid, whose rows always hold their cells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Text,
    Grid,
}

/// Read a table.
pub(super) fn read(text: &str, format: TableFormat, columns: &Columns) -> Result<Table, TableProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        TableFormat::Tsv => assemble(tsv(text).map(Ok), columns, Source::Text),
        TableFormat::Csv => assemble(csv(text), columns, Source::Text),
    }
}

/// The rows of a table from its records, read one at a time: lines before the header row are
/// skipped, repeated header rows dropped, continued rows merged. Only the row being built and
/// the finished rows are held, never the records.
pub(super) fn assemble<I>(records: I, columns: &Columns, source: Source) -> Result<Table, TableProblem>
where
    I: Iterator<Item = Result<Record, TableProblem>>,
{
    let mut records = records.peekable();
    // Before the header: remember only which given column names were seen, for the message.
    let mut seen: Vec<bool> = vec![false; columns.names.len()];
    // Lines of one cell before the header (titles), which a PDF repeats on every page.
    let mut titles: Set<String> = Set::default();
    let (head, map) = loop {
        let Some(r) = records.next().transpose()? else {
            if let Some(((role, name), _)) = columns.names.iter().zip(&seen).find(|(_, s)| !**s) {
                return Err(TableProblem::NoSuchColumn { role: *role, header: name.clone() });
            }
            return Err(no_header(columns));
        };
        if let Some(map) = header(&r.cells, columns) {
            break (r, map);
        }
        if let Some(title) = lone_cell(&r.cells) {
            titles.insert(title.to_owned());
        }
        for ((_, name), s) in columns.names.iter().zip(seen.iter_mut()) {
            let norm = normalize(name);
            *s |= r.cells.iter().any(|c| normalize(c) == norm);
        }
    };
    let width = head.cells.len();
    let head_id = normalize(&head.cells[map.id]);
    let unread = head
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !map.reads(*i) && !c.trim().is_empty())
        .map(|(_, c)| c.trim().to_owned())
        .collect();
    let mut table = Table {
        columns: map,
        header_line: head.line,
        rows: Vec::new(),
        repeated_headers: 0,
        continuations: 0,
        skipped: Vec::new(),
        unread,
    };
    // The row being built: its line, its cells, and the cell its last line ended in.
    let mut open: Option<(usize, Vec<String>)> = None;
    let mut last_cell = 0;
    for r in records {
        let mut r = r?;
        let id = r.cells.get(map.id).map_or("", |c| c.trim());
        if normalize(id) == head_id && header(&r.cells, columns).is_some() {
            table.repeated_headers += 1;
            continue;
        }
        let lone = lone_cell(&r.cells);
        let furniture = source == Source::Grid
            && lone.is_some_and(|c| titles.contains(c) || (c == id && !id.nfkc().all(|c| c.is_ascii_digit())));
        if furniture {
            // A title repeated on each page of a PDF table, or a heading in the id column alone.
            table.skipped.push(r.line);
        } else if source == Source::Text && r.cells.len() == 1 && width > 1 {
            match &mut open {
                Some((_, cells)) if !r.blank_before => {
                    append(&mut cells[last_cell], &r.cells[0]);
                    table.continuations += 1;
                }
                _ => table.skipped.push(r.line),
            }
        } else if !id.is_empty() {
            if let Some((line, cells)) = open.take() {
                table.rows.push(row(line, &cells, &map));
            }
            last_cell = r.cells.len() - 1;
            r.cells.resize(width.max(r.cells.len()), String::new());
            open = Some((r.line, r.cells));
        } else if let Some((_, cells)) = &mut open {
            for (j, cell) in r.cells.iter().enumerate().filter(|(_, c)| !c.trim().is_empty()) {
                if j >= cells.len() {
                    cells.resize(j + 1, String::new());
                }
                append_broken(&mut cells[j], cell);
                last_cell = j;
            }
            table.continuations += 1;
        } else {
            table.skipped.push(r.line);
        }
    }
    if let Some((line, cells)) = open {
        table.rows.push(row(line, &cells, &map));
    }
    Ok(table)
}

/// No header row: which id and answer headers were looked for.
pub(super) fn no_header(columns: &Columns) -> TableProblem {
    let given = |role| columns.given(role).map(str::to_owned);
    TableProblem::NoHeader { given_id: given(Role::Id), given_response: given(Role::Response) }
}

/// The text of the only non-empty cell of a row, if it has one.
fn lone_cell(cells: &[String]) -> Option<&str> {
    let mut filled = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let first = filled.next()?;
    filled.next().is_none().then_some(first)
}

fn append(cell: &mut String, more: &str) {
    if !cell.trim().is_empty() {
        cell.push('\n');
    }
    cell.push_str(more);
}

/// Join the part of a cell the next page continues (a row whose 項番 is empty): a page that
/// broke the cell mid-sentence broke a line, not a paragraph, so the halves join as a wrapped
/// line does (with a space between two Latin letters or digits, as the PDF table reader joins
/// a cell's lines); after a sentence's end they stay apart, on two lines. Without this, a word
/// cut at the page (「修」/「正いたします」) hides the answer's verb.
fn append_broken(cell: &mut String, more: &str) {
    let (end, start) = (cell.trim_end().chars().next_back(), more.trim_start().chars().next());
    match (end, start) {
        (Some(e), Some(_)) if "。．！？!?」』）)".contains(e) => append(cell, more),
        (Some(e), Some(b)) => {
            let trimmed = cell.trim_end().len();
            cell.truncate(trimmed);
            if e.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
                cell.push(' ');
            }
            cell.push_str(more.trim_start());
        }
        _ => append(cell, more),
    }
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
        changed: get(map.changed),
    }
}

fn tsv(text: &str) -> impl Iterator<Item = Record> + '_ {
    let mut blank = true;
    text.lines().enumerate().filter_map(move |(n, line)| {
        if line.trim().is_empty() {
            blank = true;
            return None;
        }
        let r = Record { line: n + 1, cells: line.split('\t').map(str::to_owned).collect(), blank_before: blank };
        blank = false;
        Some(r)
    })
}

fn csv(text: &str) -> impl Iterator<Item = Result<Record, TableProblem>> + '_ {
    let reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.into_records().filter_map(|result| {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Some(Err(TableProblem::Csv { line, detail: e.to_string() }));
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        // CSV cells continue through their quotes, so a lone cell is never a continuation.
        Some(Ok(Record { line, cells: record.iter().map(str::to_owned).collect(), blank_before: true }))
    })
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
        assert_eq!(table.rows[0].request.as_deref(), Some("意見です続き"), "broken mid-sentence: one line");
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
        assert_eq!(t.columns, ColumnMap { id: 0, by: None, at: Some(1), request: Some(2), response: 3, changed: None });
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
