//! What reconcile found, as data: per decision and edit, how it was found in the final (or why
//! not), and every change no answer explains. The words are written by the command line
//! (`cli/messages.rs`) and, for the notes a ledger's todos carry, by [`crate::messages`]; the
//! JSON (`akaji reconcile --format json`) is this structure as serde writes it.

use crate::diagnostic::Diagnostic;
use crate::document::{PageNo, Place};
use crate::ledger::{Clue, Confidence};
use serde::Serialize;

/// What became of one edit of the ledger (or of the table's ledger).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The answer quotes the edit, and the final makes it where it resolves.
    Quoted,
    /// A todo, completed from the change the answer points at (with evidence).
    Completed,
    /// Made at some of the places the answer names, not at the others.
    Partial,
    /// More than one change fits, or another decision could claim the change: not chosen.
    Ambiguous,
    /// Not found in the final: the promise was not kept (or the ledger is wrong).
    NotFound,
}

impl Status {
    /// Whether the edit needs a person: everything but quoted and completed.
    pub fn is_problem(self) -> bool {
        self > Status::Completed
    }
}

/// Why an edit was not found made in the final.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Missing {
    /// The quote is not in the draft within the edit's scope (the ledger is wrong there).
    NotInDraft {
        /// Why it does not resolve.
        problem: Box<Diagnostic>,
    },
    /// The draft's text still stands in the final at each place.
    Unchanged {
        /// The places, in the draft.
        places: Vec<Place>,
    },
    /// The places changed, to something else than the edit makes.
    Different {
        /// The places, in the draft.
        places: Vec<Place>,
        /// What the final has at each.
        found: Vec<String>,
    },
    /// The edit was made at some places; not at these.
    NotEverywhere {
        /// The places not made, in the draft.
        places: Vec<Place>,
    },
    /// More places changed the way the edit says than its count: which are the answer's?
    TooMany {
        /// How many the edit names.
        count: usize,
        /// The places changed, in the draft.
        places: Vec<Place>,
    },
    /// The final made the edit here, but no page, prefix and suffix of the draft's text tell
    /// the place apart from the quote's other places: the ledger cannot pin it.
    Unpinnable {
        /// The places, in the draft.
        places: Vec<Place>,
    },
    /// No change of the final fits what the answer points at.
    NoChange {
        /// What was looked for.
        sought: Sought,
        /// On these pages (empty: anywhere).
        pages: Vec<PageNo>,
    },
    /// The answer gives nothing to look for: no text, no kind of change, no page.
    NoClue,
}

/// What a todo was looked for as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Sought {
    /// The answer's new wording, in the final where it changed.
    NewText {
        /// The wording.
        text: String,
    },
    /// A change the request asks for.
    Pair {
        /// The requested old text.
        old: String,
        /// The requested new text.
        new: String,
    },
    /// A change inside a URL (from one file name to another, when the request names them).
    Url {
        /// The file names the request gives.
        names: Vec<String>,
    },
    /// An insertion.
    Insertion,
    /// A deletion.
    Deletion,
    /// A change inside a passage the request quotes.
    RequestQuote {
        /// The quotes.
        quotes: Vec<String>,
    },
}

/// One edit of the input, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditOutcome {
    /// The edit's number in its decision, from 1, as the input has it.
    pub edit: usize,
    /// What the input says (`「A」→「B」 (P4)`, `todo: …`).
    pub summary: String,
    /// The same in Japanese (`「A」→「B」（P4）`, `未記入: …`).
    pub summary_ja: String,
    /// What became of it.
    pub status: Status,
    /// The clues that matched (for quoted and completed edits), strongest first.
    pub clues: Vec<Clue>,
    /// How sure the finding is (for completed edits and quotes narrowed by the diff).
    pub confidence: Option<Confidence>,
    /// Where it was found made, in the draft (for ambiguous edits: the places that fit).
    pub places: Vec<Place>,
    /// The ledger edits written for it, as summaries (`insert 「…」 after 「…」 (P3)`).
    pub written: Vec<String>,
    /// The same in Japanese (`「…」の後に「…」を追加（P3）`).
    pub written_ja: Vec<String>,
    /// Why it was not found, or what is missing (partial).
    pub missing: Option<Missing>,
    /// The decisions that could claim the same change (ambiguous).
    pub ambiguous_with: Vec<String>,
}

impl EditOutcome {
    /// What the input says, in `lang`.
    pub fn summary_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En => &self.summary,
            crate::Lang::Ja => &self.summary_ja,
        }
    }

    /// The edits written for it, in `lang`.
    pub fn written_in(&self, lang: crate::Lang) -> &[String] {
        match lang {
            crate::Lang::En => &self.written,
            crate::Lang::Ja => &self.written_ja,
        }
    }
}

/// One decision and its edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionOutcome {
    /// The decision's id.
    pub id: String,
    /// The worst status of its edits.
    pub status: Status,
    /// Its edits.
    pub edits: Vec<EditOutcome>,
}

/// A change between draft and final that no answer explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnexplainedChange {
    /// The decision reconcile wrote for it (`unexplained-1`, …).
    pub id: String,
    /// Where it is in the draft (its text is the draft's).
    pub draft: Place,
    /// Where it is in the final (its text is the final's).
    #[serde(rename = "final")]
    pub in_final: Place,
    /// Decisions that could each have made it (reconcile did not choose).
    pub claimed_by: Vec<String>,
}

/// The check of the ledger written: applied to the draft, does it give the final?
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SelfCheck {
    /// Edits of the written ledger that do not resolve (a bug in reconcile: there should be none).
    pub problems: Vec<Diagnostic>,
    /// Changes left between the draft with the ledger applied and the final, layout out (there
    /// should be none), as places in the final.
    pub left: Vec<Place>,
}

/// Everything reconcile found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReconcileReport {
    /// The decisions of the input that promise edits, in order.
    pub decisions: Vec<DecisionOutcome>,
    /// The changes no answer explains, in draft order.
    pub unexplained: Vec<UnexplainedChange>,
    /// Counts.
    pub summary: Summary,
    /// Whether the ledger written gives the final.
    pub check: SelfCheck,
}

/// The counts of a reconcile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Decisions, by status.
    pub decisions: usize,
    /// Of them quoted (every edit quoted and found).
    pub quoted: usize,
    /// Completed (at least one edit completed, none worse).
    pub completed: usize,
    /// Partial.
    pub partial: usize,
    /// Ambiguous.
    pub ambiguous: usize,
    /// Not found.
    pub not_found: usize,
    /// Changes between draft and final.
    pub changes: usize,
    /// Of them attributed to a decision.
    pub attributed: usize,
    /// Of them no answer explains.
    pub unexplained: usize,
    /// The draft pages of the unexplained changes.
    pub unexplained_pages: Vec<PageNo>,
}

impl ReconcileReport {
    /// Whether every change is attributed and every promise found: exit status 0.
    pub fn all_attributed(&self) -> bool {
        self.unexplained.is_empty()
            && self.decisions.iter().all(|d| !d.status.is_problem())
            && self.check.problems.is_empty()
            && self.check.left.is_empty()
    }
}
