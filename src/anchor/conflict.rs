//! Conflicts: two edits whose changes meet, so that one of them could not keep its promise.
//!
//! Every edit promises that its text stands in the final where its quote was (its `new`, with
//! the unchanged rest of the quote around it, or the quote beside the inserted text). Two edits
//! therefore conflict when either changes what the other quotes: its changed range overlaps the
//! other's quote, or its insertion point lies strictly inside it. Draft 「甲、乙」 with
//! 「甲、乙」→「丙、乙」 and 「乙」→「丁」 would give 「丙、丁」, keeping neither promise. Two
//! insertions at one point conflict too, since their order would be a guess. Quotes may overlap
//! as long as each change stays outside the other's quote: both promised texts then stand.

use super::problem::{AnchorProblem, ConflictKind};
use super::resolved::Resolved;
use crate::diagnostic::{Diagnostic, Subject};
use crate::document::Document;
use crate::ledger::Ledger;
use std::ops::Range;

/// Report every edit that clashes with one met before it (by the start of its quote), and drop
/// it from `edits`, which come back sorted by the range they change (insertions before a
/// replacement at the same place).
pub(super) fn check(doc: &Document, ledger: &Ledger, edits: &mut Vec<Resolved>) -> Vec<Diagnostic> {
    // Unstable sorts (which need no scratch copy of the edits): no two edits share a key, since
    // one edit's matches do not overlap and, once conflicts are dropped, no two changes start
    // and end alike.
    edits.sort_unstable_by(|a, b| {
        (a.anchor.start, a.anchor.end, a.old.start, a.old.end, a.edit).cmp(&(
            b.anchor.start,
            b.anchor.end,
            b.old.start,
            b.old.end,
            b.edit,
        ))
    });
    let mut problems = Vec::new();
    let mut keep = vec![true; edits.len()];
    // Kept edits whose quote may still meet a later one (it ends at or after its start).
    let mut active: Vec<usize> = Vec::new();
    for (i, e) in edits.iter().enumerate() {
        active.retain(|&a| edits[a].anchor.end >= e.anchor.start);
        let clash = active.iter().find_map(|&a| clash(e, &edits[a]).map(|how| (a, how)));
        match clash {
            Some((a, how)) => {
                let other = &edits[a];
                let conflict = AnchorProblem::Conflict {
                    other_id: ledger[other.edit.decision].id.clone(),
                    other: other.edit,
                    how,
                    place: Box::new(doc.place(shared(e, other))),
                };
                problems.push(Diagnostic::about(Subject::of_edit(ledger, e.edit), conflict));
                keep[i] = false;
            }
            None => active.push(i),
        }
    }
    let mut kept = keep.into_iter();
    edits.retain(|_| kept.next().unwrap_or(true));
    edits.sort_unstable_by_key(|e| (e.old.start, e.old.end, e.edit));
    problems
}

/// How `e` clashes with `other`, seen from `e`, if it does.
fn clash(e: &Resolved, other: &Resolved) -> Option<ConflictKind> {
    if e.old.is_empty() && other.old.is_empty() && e.old.start == other.old.start {
        return Some(ConflictKind::SamePoint);
    }
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    if !e.old.is_empty() && !other.old.is_empty() && overlap(&e.old, &other.old) {
        return Some(ConflictKind::SameCharacters);
    }
    if changes_quote(e, other) {
        Some(if e.old.is_empty() { ConflictKind::InsertsIntoOtherQuote } else { ConflictKind::ChangesOtherQuote })
    } else if changes_quote(other, e) {
        Some(if other.old.is_empty() { ConflictKind::OtherInsertsIntoQuote } else { ConflictKind::QuoteChangedByOther })
    } else {
        None
    }
}

/// Whether `x` changes what `y` quotes: its changed range overlaps `y`'s quote, or its
/// insertion point lies strictly inside it.
fn changes_quote(x: &Resolved, y: &Resolved) -> bool {
    let (c, q) = (&x.old, &y.anchor);
    if c.is_empty() {
        q.start < c.start && c.start < q.end
    } else {
        c.start < q.end && q.start < c.end
    }
}

/// The draft the two edits share: what both quote, or the point where they meet.
fn shared(a: &Resolved, b: &Resolved) -> Range<usize> {
    let (start, end) = (a.anchor.start.max(b.anchor.start), a.anchor.end.min(b.anchor.end));
    if start < end {
        start..end
    } else {
        let at = a.old.start.max(b.old.start);
        at..at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{DecisionIx, EditRef};

    fn edit(d: usize, anchor: Range<usize>, old: Range<usize>) -> Resolved {
        Resolved { edit: EditRef { decision: DecisionIx(d), edit: 0 }, anchor, old, replacement: String::new() }
    }

    #[test]
    fn a_change_inside_another_quote_clashes() {
        // 甲、乙: B changes 甲 within its quote 甲、乙; A changes 乙, inside B's quote.
        let b = edit(0, 0..9, 0..3);
        let a = edit(1, 6..9, 6..9);
        assert_eq!(clash(&a, &b), Some(ConflictKind::ChangesOtherQuote));
        assert_eq!(clash(&b, &a), Some(ConflictKind::QuoteChangedByOther));
    }

    #[test]
    fn an_insertion_strictly_inside_a_quote_clashes_but_not_at_its_ends() {
        let quote = edit(0, 0..12, 12..12); // しねり。, insertion after it
        assert_eq!(clash(&edit(1, 3..12, 3..3), &quote), Some(ConflictKind::InsertsIntoOtherQuote));
        assert_eq!(clash(&edit(1, 12..15, 12..15), &quote), None, "a change right after the quote");
        assert_eq!(clash(&edit(1, 12..15, 12..12), &quote), Some(ConflictKind::SamePoint));
    }

    #[test]
    fn overlapping_quotes_with_changes_outside_each_other_stand_together() {
        // 甲乙丁: 「甲乙」→「丙乙」 changes 甲, 「乙丁」→「乙戊」 changes 丁; both quote 乙.
        assert_eq!(clash(&edit(1, 3..9, 6..9), &edit(0, 0..6, 0..3)), None);
    }
}
