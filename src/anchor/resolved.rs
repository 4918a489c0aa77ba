//! What resolving a ledger gives: the draft bytes each edit changes, and the problems.

use crate::diagnostic::Diagnostic;
use crate::ledger::EditRef;
use std::ops::Range;

/// One edit (one match of it, for `count` > 1) resolved to a place in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The edit.
    pub edit: EditRef,
    /// The whole quote the edit matched (byte range of the draft).
    pub anchor: Range<usize>,
    /// The bytes of the draft that change (empty for an insertion): the anchor less the common
    /// prefix and suffix of `old` and `new`, widened to whole words.
    pub old: Range<usize>,
    /// What goes in place of `old`.
    pub replacement: String,
}

/// Every edit of a ledger resolved against one draft: the places found, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Resolved edits, sorted by `old` (insertions before a replacement at the same place).
    pub edits: Vec<Resolved>,
    /// Edits that did not resolve, and conflicts between edits, in ledger order.
    pub problems: Vec<Diagnostic>,
}
