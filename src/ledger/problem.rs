//! What can be wrong with a ledger file, as data; the words are in [`crate::messages`].

use super::side::Side;
use serde::Serialize;

/// A problem of a ledger file: its syntax, its options, a decision or an edit. Which decision
/// and edit is said by the [`Diagnostic`](crate::Diagnostic)'s subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LedgerProblem {
    /// Not valid TOML or JSON, or not the ledger's structure (an unknown key, a value of the
    /// wrong type). `detail` is the parser's own account.
    Syntax {
        /// 1-based line of the file.
        line: usize,
        /// 1-based column, in chars.
        column: usize,
        /// What the parser says.
        detail: String,
    },
    /// `options.page_marker` is not a valid regular expression.
    PageMarker {
        /// What the regular expression engine says.
        detail: String,
    },
    /// `options.page_marker` has no group to capture the page's number.
    PageMarkerWithoutNumber {
        /// The pattern, as written.
        pattern: String,
    },
    /// A decision without an `id` (the subject's decision says which, by position).
    MissingId,
    /// Two decisions with one id.
    DuplicateId,
    /// `old` without `new`.
    OldWithoutNew,
    /// `after` or `before` without `new`.
    InsertionWithoutNew,
    /// None of `old`, `after`, `before`, `todo`.
    NoAnchor,
    /// More than one of `old`, `after`, `before`.
    SeveralAnchors,
    /// `old` is empty or white space.
    EmptyOld,
    /// `old` and `new` are the same.
    NothingChanges,
    /// An insertion whose `new` is empty.
    EmptyInsertion,
    /// An insertion whose anchor is empty or white space.
    EmptyAnchor {
        /// Which key holds it.
        side: Side,
    },
    /// Both `page` and `pages`.
    PageAndPages,
    /// `pages = []`.
    EmptyPages,
    /// `line` without exactly one page.
    LineWithoutOnePage,
    /// `line = 0`.
    LineZero,
    /// `per_page` without `page` or `pages`.
    PerPageWithoutPages,
    /// `per_page` with `line`.
    PerPageWithLine,
    /// A page written neither as a number nor as a front page's numeral (`page = "ii"`).
    BadPage {
        /// As written.
        written: String,
    },
}
