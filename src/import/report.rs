//! What an import found, in numbers, for the person who completes the drafted ledger.
//!
//! ```
//! use akaji::import::report::Report;
//! let r = Report { rows: 38, decisions: 38, promising: 7, extracted: 4, todo: 4,
//!                  todo_decisions: vec!["1".into(), "2".into()], ..Report::default() };
//! let text = r.to_string();
//! assert!(text.contains("\n  answers promising edits    7\n"), "{text}");
//! assert!(text.contains("\n  edits left todo            4  (decisions 1, 2;"), "{text}");
//! ```

use serde::Serialize;
use std::fmt;

/// Counts of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
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

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, label: &str, n: usize| write!(f, "  {label:<24}{n:>4}");
        line(f, "rows read", self.rows)?;
        if self.repeated_headers + self.continuations > 0 {
            write!(
                f,
                "  ({} repeated header row(s) skipped, {} continued line(s) merged)",
                self.repeated_headers, self.continuations
            )?;
        }
        writeln!(f)?;
        if !self.skipped_lines.is_empty() {
            let lines: Vec<String> = self.skipped_lines.iter().map(|l| l.to_string()).collect();
            line(f, "lines skipped", lines.len())?;
            writeln!(f, "  (lines {}: in the table but in no row)", lines.join(", "))?;
        }
        line(f, "decisions", self.decisions)?;
        writeln!(f)?;
        line(f, "answers promising edits", self.promising)?;
        writeln!(f)?;
        line(f, "edits extracted", self.extracted)?;
        writeln!(f)?;
        line(f, "edits left todo", self.todo)?;
        if !self.todo_decisions.is_empty() {
            write!(f, "  (decisions {}; complete them before `akaji apply`)", self.todo_decisions.join(", "))?;
        }
        writeln!(f)?;
        let list = |ids: &[String]| ids.join(", ");
        if !self.sheets.is_empty() {
            write!(
                f,
                "  sheets read: {}",
                self.sheets.iter().map(|s| format!("「{s}」")).collect::<Vec<_>>().join(", ")
            )?;
            if !self.skipped_sheets.is_empty() {
                let names: Vec<String> = self.skipped_sheets.iter().map(|s| format!("「{s}」")).collect();
                write!(f, " (without a header row, not read: {})", names.join(", "))?;
            }
            writeln!(f)?;
        }
        if !self.columns_not_read.is_empty() {
            let names: Vec<String> = self.columns_not_read.iter().map(|c| format!("「{c}」")).collect();
            writeln!(
                f,
                "  note: columns not read: {} (name one with --columns ROLE=HEADER if it holds what a role needs)",
                names.join(", ")
            )?;
        }
        let notes = [
            (&self.scopes_from_request, "the page comes from the request, the answer citing none", ""),
            (&self.scopes_not_written, "a cited page or line cannot be a scope (its edit is todo, saying why)", ""),
            (&self.marked_only, "修正の有無 = 有 but the answer's wording is not recognised (a todo each)", ""),
            (&self.marked_none, "修正の有無 = 無 although the answer reads as a promise", " (no edits written)"),
        ];
        for (ids, what, after) in notes.into_iter().filter(|n| !n.0.is_empty()) {
            writeln!(f, "  note: {what}: decision {}{after}", list(ids))?;
        }
        for (id, cell) in &self.unknown_marks {
            writeln!(
                f,
                "  note: decision {id}: 修正の有無 「{cell}」 is neither 有 nor 無; the answer's wording decides"
            )?;
        }
        for (was, now) in &self.renamed {
            writeln!(f, "  note: 項番 {was} appears more than once; the later row is decision \"{now}\"")?;
        }
        Ok(())
    }
}
