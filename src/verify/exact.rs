//! Exact mode: the final must be, byte for byte, the draft with the ledger applied.
//!
//! For documents kept as text under version control, where nothing re-wraps the final, anything
//! but the exact bytes is a problem. When they differ, the redline of `expected → final` shows
//! where. The final is compared as the [`Document`] it was read as (text and byte order mark),
//! never written out and read back.
//!
//! ```
//! use akaji::verify::{exact, Exact};
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let m = PageMarker::default();
//! let draft = Document::new("会を設置する。\n", &m);
//! assert!(matches!(exact(&ledger, &draft, &Document::new("会を開催する。\n", &m)), Exact::Same { edits: 1 }));
//! let published = Document::new("会を開催する。", &m);
//! let Exact::Differs(d) = exact(&ledger, &draft, &published) else { panic!() };
//! assert_eq!(d.redline().hunks.len(), 1);
//! ```

use crate::apply::{apply, Applied};
use crate::diagnostic::Diagnostics;
use crate::diff::{diff, DiffOptions};
use crate::document::Document;
use crate::ledger::Ledger;
use crate::redline::{Hunk, Redline};

/// The outcome of an exact comparison.
#[derive(Debug, Clone)]
pub enum Exact<'a> {
    /// The final is exactly the draft with the ledger's `edits` applied.
    Same {
        /// How many edits were applied.
        edits: usize,
    },
    /// It is not: how the published final differs from the expected one.
    Differs(Box<ExactDiff<'a>>),
    /// The ledger does not apply to the draft, so there is no expected final.
    Unresolved(Diagnostics),
}

/// How a published final differs from the expected one.
#[derive(Debug, Clone)]
pub struct ExactDiff<'a> {
    /// The expected final: the draft with the ledger applied.
    pub expected: Applied<'a>,
    /// The final as published.
    pub published: &'a Document,
    /// The changes from the expected final to the published one.
    pub hunks: Vec<Hunk>,
    /// Whether the diff engine stopped refining at its deadline.
    pub deadline_hit: bool,
}

impl ExactDiff<'_> {
    /// The redline `expected → published`, with the ledger's title.
    pub fn redline(&self) -> Redline<'_> {
        let mut r = Redline::new(&self.expected.final_doc, self.published, self.hunks.clone())
            .with_title(self.expected.ledger.title.as_deref());
        r.deadline_hit = self.deadline_hit;
        r
    }
}

/// Compare `published` (byte order mark included) with apply(draft, ledger).
pub fn exact<'a>(ledger: &'a Ledger, draft: &'a Document, published: &'a Document) -> Exact<'a> {
    let expected = match apply(draft, ledger) {
        Ok(a) => a,
        Err(problems) => return Exact::Unresolved(problems),
    };
    let same_text = expected.final_doc.text() == published.text();
    if same_text && expected.final_doc.has_bom() == published.has_bom() {
        return Exact::Same { edits: expected.edits.len() };
    }
    let found = diff(expected.final_doc.text(), published.text(), &DiffOptions::default());
    Exact::Differs(Box::new(ExactDiff { expected, published, hunks: found.hunks, deadline_hit: found.deadline_hit }))
}
