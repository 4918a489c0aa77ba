//! Apply: resolve every edit against the draft, then build the final in one pass.
//!
//! Every edit is resolved against the draft, never against the result of another edit, so the
//! order of decisions does not matter and the result is deterministic. Nothing outside the edited
//! spans changes, byte for byte: not a line ending, not a width, not a byte order mark.

use crate::anchor;
use crate::document::Document;
use crate::error::Problem;
use crate::ledger::Ledger;
use crate::redline::{Hunk, Redline};
use serde::Serialize;
use std::ops::Range;

/// One edit (one match of it, for `count` > 1) resolved to a place in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Index of the decision in the ledger.
    pub decision: usize,
    /// Index of the edit within its decision.
    pub edit: usize,
    /// The whole anchor the edit matched (byte range of the draft).
    pub anchor: Range<usize>,
    /// The bytes of the draft that change (empty for an insertion): the anchor less the common
    /// prefix and suffix of `old` and `new`, widened to whole words.
    pub range: Range<usize>,
    /// What goes in place of `range`.
    pub new: String,
}

/// Every edit of a ledger resolved against one draft: the places found, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Resolved edits, sorted by `range` (insertions before a replacement at the same place).
    pub edits: Vec<Resolved>,
    /// Edits that did not resolve, and conflicts between edits.
    pub problems: Vec<Problem>,
}

/// The final text and how it was made.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The final text, byte order mark restored if the draft had one.
    pub text: String,
    /// The resolved edits.
    pub edits: Vec<Resolved>,
}

/// Resolve every edit of `ledger` against `draft`. Never fails: problems are collected.
pub fn resolve(draft: &Document, ledger: &Ledger) -> Resolution {
    anchor::resolve(draft, ledger)
}

/// Apply `ledger` to `draft`, or return every problem found.
pub fn apply(draft: &Document, ledger: &Ledger) -> Result<Applied, Vec<Problem>> {
    let resolution = resolve(draft, ledger);
    if !resolution.problems.is_empty() {
        return Err(resolution.problems);
    }
    let text = draft.restore(build(draft.text(), &resolution.edits));
    Ok(Applied { text, edits: resolution.edits })
}

/// Apply `ledger` to a draft given as text, paginated by the ledger's options.
pub fn apply_text(draft: &str, ledger: &Ledger) -> Result<Applied, Vec<Problem>> {
    let marker = ledger.options.page_marker().map_err(|e| vec![Problem::ledger(e.to_string())])?;
    apply(&Document::new(draft, &marker), ledger)
}

/// The final text: the draft with every resolved edit put in, in one pass.
pub fn build(draft: &str, edits: &[Resolved]) -> String {
    let grow: usize = edits.iter().map(|e| e.new.len()).sum();
    let mut out = String::with_capacity(draft.len() + grow);
    let mut at = 0;
    for e in edits {
        out.push_str(&draft[at..e.range.start]);
        out.push_str(&e.new);
        at = e.range.end;
    }
    out.push_str(&draft[at..]);
    out
}

/// The redline of a ledger: every hunk is a resolved edit, attributed to its decision.
pub fn redline(draft: &Document, ledger: &Ledger) -> Result<Redline, Vec<Problem>> {
    let marker = ledger.options.page_marker().map_err(|e| vec![Problem::ledger(e.to_string())])?;
    let applied = apply(draft, ledger)?;
    let mut hunks = Vec::with_capacity(applied.edits.len());
    let mut shift: isize = 0;
    for e in &applied.edits {
        let start = (e.range.start as isize + shift) as usize;
        let d = &ledger.decisions[e.decision];
        hunks.push(Hunk::new(e.range.clone(), start..start + e.new.len()).attributed(&d.id, e.edit));
        shift += e.new.len() as isize - e.range.len() as isize;
    }
    let final_doc = Document::from_string(applied.text, &marker);
    let mut r = Redline::new(draft.clone(), final_doc, hunks);
    r.decisions = ledger.decisions.clone();
    r.title = ledger.title.clone();
    Ok(r)
}
