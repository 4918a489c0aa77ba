//! Conflicts: two edits that change the same characters.

use super::place;
use crate::apply::Resolved;
use crate::document::Document;
use crate::error::{Problem, ProblemKind};
use crate::ledger::Ledger;

/// Sort resolved edits by place and report every pair that touches the same characters: two
/// overlapping replacements, an insertion strictly inside a replacement, or two insertions at one
/// point (whose order would be a guess). Conflicting edits are dropped from `edits`.
pub fn check(doc: &Document, ledger: &Ledger, edits: &mut Vec<Resolved>) -> Vec<Problem> {
    edits.sort_by_key(|e| (e.range.start, e.range.end, e.decision, e.edit));
    let mut problems = Vec::new();
    let mut keep = Vec::with_capacity(edits.len());
    // The kept edit reaching furthest so far.
    let mut reach: Option<usize> = None;
    for (i, e) in edits.iter().enumerate() {
        let clash = reach.map(|r| &edits[r]).filter(|a| {
            let overlap = e.range.start < a.range.end;
            let same_point = a.range.is_empty() && e.range.is_empty() && a.range.start == e.range.start;
            overlap || same_point
        });
        if let Some(a) = clash {
            let d = &ledger.decisions[e.decision];
            let at = e.range.start..e.range.end.max(a.range.end.min(e.range.end));
            problems.push(Problem {
                decision: Some(d.id.clone()),
                edit: Some(e.edit),
                kind: ProblemKind::Conflict {
                    other_decision: ledger.decisions[a.decision].id.clone(),
                    other_edit: a.edit,
                    place: place(doc, at),
                },
            });
            continue;
        }
        if reach.is_none_or(|r| e.range.end >= edits[r].range.end) {
            reach = Some(i);
        }
        keep.push(i);
    }
    if keep.len() != edits.len() {
        let mut kept = keep.into_iter().peekable();
        let mut index = 0;
        edits.retain(|_| {
            let k = kept.peek() == Some(&index);
            if k {
                kept.next();
            }
            index += 1;
            k
        });
    }
    problems
}
