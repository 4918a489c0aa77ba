//! Why an edit does not resolve against the draft, as data; the words are in
//! [`crate::messages`].

use crate::document::{LineCount, PageNo, Place};
use crate::ledger::{Count, EditRef};
use serde::Serialize;

/// Why an edit does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnchorProblem {
    /// The quote is not in the edit's scope.
    NoMatch {
        /// The quote, white space left out.
        quote: String,
        /// The closest text found in scope, when nothing rules matches out.
        near_miss: Option<Box<NearMiss>>,
        /// Matches the scope (page, line, prefix, suffix) rules out.
        elsewhere: Vec<Place>,
        /// For each of `elsewhere`, the scope rules that rule it out.
        excluded_by: Vec<Vec<ScopeRule>>,
    },
    /// The quote matched a number of places other than `count` (on one page, with `per_page`).
    CountMismatch {
        /// The quote, white space left out.
        quote: String,
        /// What the ledger asks.
        expected: Count,
        /// How many matches there are.
        found: usize,
        /// Where they are (the first twelve).
        places: Vec<Place>,
        /// The page, when the count applies on each page (`per_page`).
        page: Option<PageNo>,
    },
    /// The edit changes characters another edit changes (or inserts where it inserts).
    Conflict {
        /// The other edit's decision id.
        other_id: String,
        /// The other edit.
        other: EditRef,
        /// Where they meet.
        place: Box<Place>,
    },
    /// The scope names a page the draft does not have.
    NoSuchPage {
        /// The page asked for.
        page: PageNo,
        /// The pages the draft has.
        pages: Vec<PageNo>,
    },
    /// The scope names a line the page does not have.
    NoSuchLine {
        /// The page.
        page: PageNo,
        /// The line asked for.
        line: i64,
        /// How many lines the page has.
        lines: usize,
        /// How lines are counted.
        count: LineCount,
    },
    /// The edit is marked `todo`.
    Todo {
        /// Its note.
        note: String,
    },
}

/// The closest text to a quote that was not found, and where the two part: shown, never applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NearMiss {
    /// Where the near-miss is.
    pub place: Place,
    /// The first character (1-based, white space not counted) where the quote and the draft
    /// part, reading from the side that agrees longest.
    pub at: usize,
    /// The quote's character there.
    pub quote_char: String,
    /// The draft's character there (empty at the end of the scope).
    pub draft_char: String,
}

/// One rule of an edit's scope, as the ledger writes it: what rules a match of the quote out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeRule {
    /// `page` or `pages`: the match is on another page.
    Page,
    /// `line`: the match is not on that line.
    Line,
    /// `prefix`: the text before the match is not the prefix.
    Prefix,
    /// `suffix`: the text after the match is not the suffix.
    Suffix,
}
