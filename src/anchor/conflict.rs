//! Conflicts: two edits that change the same characters.

use super::problem::AnchorProblem;
use super::resolved::Resolved;
use crate::diagnostic::{Diagnostic, Subject};
use crate::document::Document;
use crate::ledger::Ledger;

/// Sort resolved edits by place and report every pair that touches the same characters: two
/// overlapping replacements, an insertion strictly inside a replacement, or two insertions at one
/// point (whose order would be a guess). Conflicting edits are dropped from `edits`.
pub(super) fn check(doc: &Document, ledger: &Ledger, edits: &mut Vec<Resolved>) -> Vec<Diagnostic> {
    edits.sort_by_key(|e| (e.old.start, e.old.end, e.edit));
    let mut problems = Vec::new();
    let mut keep = vec![true; edits.len()];
    // The kept edit reaching furthest so far.
    let mut reach: Option<usize> = None;
    for (i, e) in edits.iter().enumerate() {
        let clash = reach.map(|r| &edits[r]).filter(|a| {
            let overlap = e.old.start < a.old.end;
            let same_point = a.old.is_empty() && e.old.is_empty() && a.old.start == e.old.start;
            overlap || same_point
        });
        if let Some(a) = clash {
            let conflict = AnchorProblem::Conflict {
                other_id: ledger[a.edit.decision].id.clone(),
                other: a.edit,
                place: Box::new(doc.place(e.old.clone())),
            };
            problems.push(Diagnostic::about(Subject::of_edit(ledger, e.edit), conflict));
            keep[i] = false;
            continue;
        }
        if reach.is_none_or(|r| e.old.end >= edits[r].old.end) {
            reach = Some(i);
        }
    }
    let mut kept = keep.into_iter();
    edits.retain(|_| kept.next().unwrap_or(true));
    problems
}
