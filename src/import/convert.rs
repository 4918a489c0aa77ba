//! A table's rows into a drafted ledger, and the report of what was found.
//!
//! Each row becomes a decision (id, by, at, request, response). The edits of an answer that
//! promises a change are extracted; answers that promise none are kept as decisions without
//! edits, or left out when only edits are wanted. The ledger is a draft: a person completes its
//! `todo` edits and checks it against the draft before applying it.

use super::columns::Columns;
use super::drafted::Drafted;
use super::extract;
use super::grid;
use super::mark::{mark, Mark};
use super::report::ImportReport;
use super::table::{self, Row, Table, TableFormat};
use super::xlsx;
use crate::diagnostic::Diagnostic;
use crate::keyed::Set;
use crate::ledger::{Decision, Ledger};

/// How to read the table and what to keep.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// TSV or CSV; guessed from the content when `None`.
    pub format: Option<TableFormat>,
    /// Header names that differ from the recognised ones.
    pub columns: Columns,
    /// Keep only the decisions whose answers promise an edit.
    pub only_edits: bool,
}

/// A drafted ledger and what was found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The ledger: one decision per row (or per promising row).
    pub ledger: Ledger,
    /// The numbers.
    pub report: ImportReport,
}

/// Read a comment table (TSV or CSV text) and draft its ledger.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, Diagnostic> {
    let format = options.format.unwrap_or_else(|| TableFormat::sniff(text));
    let table = table::read(text, format, &options.columns).map_err(Diagnostic::new)?;
    Ok(from_table(table, options, ImportReport::default()))
}

/// Read an `.xlsx` workbook's comment table and draft its ledger.
pub fn import_xlsx(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Diagnostic> {
    let book = xlsx::read(bytes, &options.columns).map_err(Diagnostic::new)?;
    let report = ImportReport { sheets: book.sheets, skipped_sheets: book.skipped_sheets, ..ImportReport::default() };
    Ok(from_table(book.table, options, report))
}

/// Draft a ledger from a table given as rows of cells: a PDF table reader's rows, with the title,
/// the header row repeated on every page and continuation rows left in. Rows before the header
/// row are skipped, repeated header rows dropped, a row whose 項番 cell is empty continues the
/// row above cell by cell (joined with a line break), and a row of one cell that repeats a title
/// from before the header, or holds only a heading in the 項番 column, is skipped; cells keep
/// their line breaks. Row `i` of `rows` is line `i + 1` in the report.
pub fn import_grid<R, C>(rows: R, options: &ImportOptions) -> Result<Imported, Diagnostic>
where
    R: IntoIterator<Item = Vec<C>>,
    C: Into<String>,
{
    let table = grid::table(rows, &options.columns).map_err(Diagnostic::new)?;
    Ok(from_table(table, options, ImportReport::default()))
}

/// The decisions of a table's rows, counted in `report`.
fn from_table(table: Table, options: &ImportOptions, mut report: ImportReport) -> Imported {
    report.rows = table.rows.len();
    report.repeated_headers = table.repeated_headers;
    report.continuations = table.continuations;
    report.skipped_lines = table.skipped;
    report.columns_not_read = table.unread;
    let mut ledger = Ledger::default();
    let mut ids = Set::default();
    for row in table.rows {
        let id = unique(&row.id, &mut ids);
        if id != row.id {
            report.renamed.push((row.id.clone(), id.clone()));
        }
        let drafted = drafted(&row, &id, &mut report);
        if !drafted.is_empty() {
            report.promising += 1;
            let todo = drafted.iter().filter(|e| !e.is_complete()).count();
            report.todo += todo;
            report.extracted += drafted.len() - todo;
            if todo > 0 {
                report.todo_decisions.push(id.clone());
            }
            if drafted.iter().any(|d| d.scope_from_request) {
                report.scopes_from_request.push(id.clone());
            }
            if drafted.iter().any(|d| d.scope.trouble.is_some()) {
                report.scopes_not_written.push(id.clone());
            }
        } else if options.only_edits {
            continue;
        }
        ledger.decisions.push(decision(row, id, drafted));
    }
    report.decisions = ledger.decisions.len();
    Imported { ledger, report }
}

/// The edits of one row: what its answer promises, settled by its 修正の有無 mark if it has one.
fn drafted(row: &Row, id: &str, report: &mut ImportReport) -> Vec<Drafted> {
    let response = row.response.as_deref().unwrap_or("");
    let mut drafted = extract::edits(response, row.request.as_deref());
    match row.changed.as_deref().map(|c| (c, mark(c))) {
        Some((_, Mark::Yes)) if drafted.is_empty() => {
            drafted = extract::marked(response, row.request.as_deref());
            report.marked_only.push(id.to_owned());
        }
        Some((_, Mark::No)) if !drafted.is_empty() => {
            report.marked_none.push(id.to_owned());
            drafted.clear();
        }
        Some((cell, Mark::Unknown)) => report.unknown_marks.push((id.to_owned(), cell.to_owned())),
        _ => {}
    }
    drafted
}

/// A row as a decision: the one place import builds one.
fn decision(row: Row, id: String, drafted: Vec<Drafted>) -> Decision {
    Decision {
        id,
        by: row.by,
        at: row.at,
        request: row.request,
        response: row.response,
        date: None,
        unexplained: false,
        edits: drafted.into_iter().map(Drafted::into_edit).collect(),
    }
}

/// `id`, or `id-2`, `id-3`, … when it is taken.
fn unique(id: &str, taken: &mut Set<String>) -> String {
    let mut candidate = id.to_owned();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "項番\t御意見\t考え方\n\
        1\t誤字\t「A」を「B」に修正いたします。\n\
        1\t誤字2\tP9に追記をいたします。\n\
        2\t賛成\t賛同の御意見として承ります。\n";

    #[test]
    fn repeated_ids_are_renamed_and_reported() {
        let done = import(TABLE, &ImportOptions::default()).unwrap();
        let ids: Vec<&str> = done.ledger.decisions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["1", "1-2", "2"]);
        assert_eq!(done.report.renamed, [("1".to_owned(), "1-2".to_owned())]);
        assert_eq!(done.report.todo_decisions, ["1-2"]);
        assert_eq!(Ledger::from_toml(&done.ledger.to_toml()).unwrap(), done.ledger, "the ledger reads back");
    }

    #[test]
    fn the_change_mark_settles_what_the_wording_leaves_open() {
        let table = "番号\t提出意見\t意見に対する考え方\t修正の有無\t備考\n\
            1\tP5の誤字\t御指摘の箇所を適正化します。\t有\tx\n\
            2\t賛成\t「A」を「B」に修正いたします。\t無\t\n\
            3\t誤字\t「C」を「D」に修正いたします。\t○\t\n\
            4\t意見\t承ります。\t検討中\t\n";
        let done = import(table, &ImportOptions::default()).unwrap();
        let d = &done.ledger.decisions;
        let one = &d[0].edits;
        assert_eq!(one.len(), 1);
        assert!(one[0].as_todo().unwrap().note.contains("修正の有無 = 有"), "{one:?}");
        assert_eq!(one[0].scope().page_numbers(), [5], "the page the request cites");
        assert!(d[1].edits.is_empty(), "無 marks none");
        assert_eq!(d[2].edits.len(), 1);
        assert!(!d[2].edits[0].is_todo());
        let r = &done.report;
        assert_eq!(
            (r.marked_only.as_slice(), r.marked_none.as_slice()),
            (&["1".to_owned()][..], &["2".to_owned()][..])
        );
        assert_eq!(r.unknown_marks, [("4".to_owned(), "検討中".to_owned())]);
        assert_eq!(r.columns_not_read, ["備考"]);
    }

    #[test]
    fn only_edits_leaves_out_answers_without_promises() {
        let options = ImportOptions { only_edits: true, ..ImportOptions::default() };
        let done = import(TABLE, &options).unwrap();
        assert_eq!(done.ledger.decisions.len(), 2);
        assert_eq!((done.report.rows, done.report.decisions, done.report.promising), (3, 2, 2));
    }
}
