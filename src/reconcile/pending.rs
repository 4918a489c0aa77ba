//! A todo to complete, and how a completion is written: scoped to its place, with the clues that
//! found it as its evidence, and settled as one finding, several, or none.

use super::finding::{Finding, Search};
use super::hints::Hints;
use super::inputs::Inputs;
use super::report::Missing;
use crate::ledger::{Clue, Confidence, Edit, EditRef, Evidence, Scope, Todo};
use std::ops::Range;

/// A todo to complete.
#[derive(Debug, Clone)]
pub(super) struct Pending<'l> {
    pub at: EditRef,
    pub todo: &'l Todo,
    pub hints: Hints,
}

/// The scope of a todo's pages (its line apart), or anywhere.
pub(super) fn pages_scope(h: &Hints) -> Scope {
    if h.pages.is_empty() {
        Scope::default()
    } else {
        Scope::on_pages(h.pages.clone())
    }
}

/// Whether draft content range `r` is on one of the pages cited (any, when none is).
pub(super) fn on_pages(inputs: &Inputs, h: &Hints, r: &Range<usize>) -> bool {
    h.pages.is_empty() || inputs.content.draft.pages_around(r).iter().any(|p| h.pages.contains(p))
}

/// A finding for a todo: `written` scoped to its place, with the evidence.
pub(super) fn completed(
    p: &Pending,
    changes: Vec<usize>,
    written: Vec<Edit>,
    mut clues: Vec<Clue>,
    confidence: Confidence,
    places: Vec<Range<usize>>,
) -> Finding {
    if !p.hints.pages.is_empty() && !clues.contains(&Clue::Page) {
        clues.push(Clue::Page);
    }
    let evidence = Evidence { clues: clues.clone(), confidence, todo: Some(p.todo.note.clone()) };
    let written = written.into_iter().map(|e| e.with_evidence(Some(evidence.clone()))).collect();
    Finding { changes, written, clues, confidence, places }
}

/// One finding, several (nothing tells them apart), or the reason there is none.
pub(super) fn settle(mut found: Vec<Finding>, missing: Missing) -> Search {
    found.sort_by(|a, b| a.changes.cmp(&b.changes));
    found.dedup_by(|a, b| a.changes == b.changes);
    match found.len() {
        0 => Search::Missing(missing),
        1 => Search::Found(found.remove(0)),
        _ => Search::Either(found),
    }
}
