//! A table's rows into a drafted ledger, and the report of what was found.
//!
//! Each row becomes a decision (id, by, at, request, response). The edits of an answer that
//! promises a change are extracted; answers that promise none are kept as decisions without
//! edits, or left out when only edits are wanted. The ledger is a draft: a person completes its
//! `todo` edits and checks it against the draft before applying it.

use super::columns::Columns;
use super::extract;
use super::report::ImportReport;
use super::table::{self, TableFormat};
use crate::diagnostic::Diagnostic;
use crate::ledger::{Decision, Ledger};
use std::collections::HashSet;

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

/// Read a comment table and draft its ledger.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, Diagnostic> {
    let format = options.format.unwrap_or_else(|| TableFormat::sniff(text));
    let table = table::read(text, format, &options.columns).map_err(Diagnostic::new)?;
    let mut report = ImportReport {
        rows: table.rows.len(),
        repeated_headers: table.repeated_headers,
        continuations: table.continuations,
        skipped_lines: table.skipped.clone(),
        ..ImportReport::default()
    };
    let mut ledger = Ledger::default();
    let mut ids = HashSet::new();
    for row in table.rows {
        let edits = row.response.as_deref().map(|r| extract::edits(r, row.request.as_deref())).unwrap_or_default();
        let id = unique(&row.id, &mut ids);
        if id != row.id {
            report.renamed.push((row.id.clone(), id.clone()));
        }
        if !edits.is_empty() {
            report.promising += 1;
            let todo = edits.iter().filter(|e| e.is_todo()).count();
            report.todo += todo;
            report.extracted += edits.len() - todo;
            if todo > 0 {
                report.todo_decisions.push(id.clone());
            }
        } else if options.only_edits {
            continue;
        }
        ledger.decisions.push(Decision {
            id,
            by: row.by,
            at: row.at,
            request: row.request,
            response: row.response,
            date: None,
            edits,
        });
    }
    report.decisions = ledger.decisions.len();
    Ok(Imported { ledger, report })
}

/// `id`, or `id-2`, `id-3`, … when it is taken.
fn unique(id: &str, taken: &mut HashSet<String>) -> String {
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
    fn only_edits_leaves_out_answers_without_promises() {
        let options = ImportOptions { only_edits: true, ..ImportOptions::default() };
        let done = import(TABLE, &options).unwrap();
        assert_eq!(done.ledger.decisions.len(), 2);
        assert_eq!((done.report.rows, done.report.decisions, done.report.promising), (3, 2, 2));
    }
}
