//! What a check of a final says about an edit beyond its status, as data; the words are in
//! [`crate::messages`].

use crate::document::PageNo;
use serde::Serialize;

/// A note on one edit's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
#[non_exhaustive]
pub enum VerifyNote {
    /// Without the draft: the edit's page is not in the final.
    FinalLacksPage {
        /// The page the edit names.
        page: PageNo,
        /// The final's last page.
        last: PageNo,
    },
    /// Without the draft: the edit's line is not on that page of the final.
    FinalLacksLine {
        /// The page.
        page: PageNo,
        /// The line the edit names.
        line: i64,
    },
    /// Without the draft: the promised text and the draft's text were found in numbers that
    /// tell neither applied nor missing.
    Unclear {
        /// The page, when the count applies on each page (`per_page`).
        page: Option<PageNo>,
        /// How often the promised text was found.
        promised: usize,
        /// The count the ledger asks.
        count: crate::ledger::Count,
        /// How often the draft's text was found.
        replaced: usize,
    },
    /// Without the draft: a deletion is applied because its text is gone.
    DeletedTextGone,
    /// Without the draft: the draft's text is gone and the promised text was found more often
    /// than `count` (it may have stood in scope already, as 「取組」 beside 「取り組み」).
    MorePromised {
        /// The page, when the count applies on each page (`per_page`).
        page: Option<u32>,
        /// How often the promised text was found.
        promised: usize,
        /// The count the ledger asks.
        count: crate::ledger::Count,
    },
    /// With the lock: the promised text stands between the draft's text around the quote.
    PromisedInContext,
    /// With the lock: the quote still stands between the draft's text around it.
    QuoteInContext,
    /// With the lock: the draft's text around the quote stands, with other text between.
    OtherInContext,
    /// With the lock: the draft's text around the quote is not in the final (it changed too).
    ContextGone,
    /// With the lock: the edit is not in the lock (it did not resolve against the draft when
    /// the lock was written).
    NotInLock,
    /// With the lock: the edit changed in the ledger since the lock was written.
    LockStale,
    /// With the lock: so many times the promised text stood in the edit's scope of the draft
    /// already (a unification whose new word existed).
    AlreadyInDraft {
        /// How often.
        count: usize,
    },
    /// With the draft: the edit found no place and reported no problem.
    DidNotResolve,
}
