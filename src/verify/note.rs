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
    /// With the draft: the edit found no place and reported no problem.
    DidNotResolve,
}
