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
    /// The quote is found in scope only where it would cut a character of the draft in two: a
    /// part of a character whose folded form is several (ﬁ, ㈱ with `match_width`), or of a
    /// grapheme cluster (a letter and its combining marks, a joined emoji sequence).
    PartOfCharacter {
        /// The quote, white space left out.
        quote: String,
        /// Where (the first twelve), the whole character shown.
        places: Vec<Place>,
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
    /// The edit and another one meet: one changes what the other quotes (or both insert at
    /// one point), so one promise could not be kept.
    Conflict {
        /// The other edit's decision id.
        other_id: String,
        /// The other edit.
        other: EditRef,
        /// How they meet.
        how: ConflictKind,
        /// What both quote (or the point where both insert).
        place: Box<Place>,
    },
    /// The scope names a page the draft does not have.
    NoSuchPage {
        /// The page asked for.
        page: PageNo,
        /// The pages the draft has.
        pages: Vec<PageNo>,
    },
    /// The scope names a page number that more than one page of the draft has (two markers
    /// print it): the pages after the first cannot be addressed.
    DuplicatePage {
        /// The page asked for.
        page: PageNo,
        /// The lines of the draft (1-based) of the markers that print it (0: a page without one).
        marker_lines: Vec<usize>,
    },
    /// Every line of the draft matches the page marker, so no text is left to match.
    MarkerMatchesEveryLine {
        /// The page marker, as written.
        pattern: String,
        /// How many lines the draft has.
        lines: usize,
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
    /// The edit changes nothing in the draft: `old` and `new` differ only in white space, which a
    /// quote does not match.
    ChangesNothing {
        /// Where the quote is.
        place: Box<Place>,
    },
    /// The final would open with U+FEFF while the draft has no byte order mark: every reader
    /// (akaji too) takes it for one and drops it, so the file would not read back as written.
    OpensWithByteOrderMark {
        /// Where the final opens.
        place: Box<Place>,
    },
    /// After apply, the edit's promised text does not stand in the final where its quote was: a
    /// bug in akaji (the final is not written).
    PromiseBroken {
        /// What the edit promised, folded as quotes are (white space out).
        expected: String,
        /// Where it should stand in the final, and what stands there.
        place: Box<Place>,
    },
    /// The edit is marked `todo`.
    Todo {
        /// Its note.
        note: String,
    },
}

/// How two edits meet, seen from the edit a [`AnchorProblem::Conflict`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both change the same characters.
    SameCharacters,
    /// This edit changes text the other one quotes.
    ChangesOtherQuote,
    /// The other edit changes text this one quotes.
    QuoteChangedByOther,
    /// This edit inserts inside the text the other one quotes.
    InsertsIntoOtherQuote,
    /// The other edit inserts inside the text this one quotes.
    OtherInsertsIntoQuote,
    /// Both insert at one point: their order would be a guess.
    SamePoint,
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
