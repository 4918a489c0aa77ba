//! What an import found, in numbers, for the person who completes the drafted ledger (the
//! command line writes them out).

use serde::Serialize;

/// Counts of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Rows (comments) read from the table, after merging continued cells.
    pub rows: usize,
    /// Header rows found again inside the table, skipped.
    pub repeated_headers: usize,
    /// Lines that continued the row before them.
    pub continuations: usize,
    /// Lines inside the table that belong to no row, skipped.
    pub skipped_lines: Vec<usize>,
    /// Decisions written to the ledger.
    pub decisions: usize,
    /// Answers that promise an edit.
    pub promising: usize,
    /// Edits extracted complete (old/new or an insertion, quoted from the answer).
    pub extracted: usize,
    /// Edits marked `todo`: the answer does not give all of their text.
    pub todo: usize,
    /// The decisions holding todo edits.
    pub todo_decisions: Vec<String>,
    /// Ids that were used twice in the table, renamed: (as written, as in the ledger).
    pub renamed: Vec<(String, String)>,
    /// The headers of the table's columns that import does not read.
    pub columns_not_read: Vec<String>,
    /// The sheets of a workbook read (empty for text tables).
    pub sheets: Vec<String>,
    /// The sheets of a workbook without a header row, not read.
    pub skipped_sheets: Vec<String>,
    /// Decisions whose edits are scoped by the page the request cites (the answer cites none).
    pub scopes_from_request: Vec<String>,
    /// Decisions with a citation that cannot be a ledger scope (a page out of range): those
    /// edits are todo, saying why.
    pub scopes_not_written: Vec<String>,
    /// Decisions marked 修正の有無 = 有 whose answer import does not read as a promise: a todo
    /// edit each.
    pub marked_only: Vec<String>,
    /// Decisions marked 修正の有無 = 無 whose answer reads as a promise: no edits written.
    pub marked_none: Vec<String>,
    /// 修正の有無 cells that say neither 有 nor 無: (decision, cell).
    pub unknown_marks: Vec<(String, String)>,
}
