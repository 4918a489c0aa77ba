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
    let mut keep = vec![true; edits.len()];
    // The kept edit reaching furthest so far.
    let mut reach: Option<usize> = None;
    for (i, e) in edits.iter().enumerate() {
        let clash = reach.map(|r| &edits[r]).filter(|a| {
            let overlap = e.range.start < a.range.end;
            let same_point = a.range.is_empty() && e.range.is_empty() && a.range.start == e.range.start;
            overlap || same_point
        });
        if let Some(a) = clash {
            problems.push(Problem {
                decision: Some(ledger.decisions[e.decision].id.clone()),
                edit: Some(e.edit),
                kind: ProblemKind::Conflict {
                    other_decision: ledger.decisions[a.decision].id.clone(),
                    other_edit: a.edit,
                    place: place(doc, e.range.clone()),
                },
            });
            keep[i] = false;
            continue;
        }
        if reach.is_none_or(|r| e.range.end >= edits[r].range.end) {
            reach = Some(i);
        }
    }
    let mut kept = keep.into_iter();
    edits.retain(|_| kept.next().unwrap_or(true));
    problems
}
