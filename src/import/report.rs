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
}
