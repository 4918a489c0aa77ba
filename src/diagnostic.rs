//! One error vocabulary: every problem akaji reports is a [`Diagnostic`], as data.
//!
//! A diagnostic says what is wrong ([`Kind`]: a kind with the fields a message needs, grouped by
//! where it was found: the ledger, the anchors, an input file, a `.docx`, a `.pdf`, a comment table, a
//! redline output read back, a final checked without its draft) and which decision and edit it
//! is about ([`Subject`]). It holds no sentence: the words are written by one module,
//! [`crate::messages`], which turns a diagnostic into a [`Message`](crate::messages::Message)
//! whose message, places and help are separate (as miette's `Diagnostic` separates message,
//! labels and help), so that another language can be added there alone. `Display` writes the
//! English message.
//!
//! ```
//! use akaji::{AnchorProblem, Document, Kind, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let draft = Document::new("設置し、設置する。\n", &PageMarker::default());
//! let problems = akaji::apply(&draft, &ledger).unwrap_err();
//! let d = &problems[0];
//! assert_eq!(d.subject.as_ref().map(|s| (s.id.as_str(), s.edit)), Some(("32", Some(0))));
//! assert!(matches!(&d.kind, Kind::Anchor(AnchorProblem::CountMismatch { places, .. }) if places.len() == 2));
//! let m = akaji::messages::message(d);
//! assert_eq!(m.message, "「設置」 matches 2 place(s) in scope, but count is 1:");
//! assert_eq!(m.places().count(), 2);
//! assert!(m.help.unwrap().starts_with("narrow the anchor"));
//! ```

use crate::anchor::AnchorProblem;
use crate::docx::{DocxProblem, StandIn};
use crate::import::TableProblem;
use crate::input::InputProblem;
use crate::ledger::{DecisionIx, EditRef, Ledger, LedgerProblem};
use crate::lock::LockProblem;
use crate::pdf::PdfProblem;
use crate::roundtrip::ParseProblem;
use crate::verify::VerifyNote;
use serde::Serialize;

/// One problem, with the decision and edit it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The decision (and edit) it is about, when it is about one (boxed, to keep a `Result`
    /// small).
    pub subject: Option<Box<Subject>>,
    /// What is wrong.
    pub kind: Kind,
}

/// The decision, and the edit within it, that a diagnostic is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Subject {
    /// The decision's position in the ledger.
    pub decision: DecisionIx,
    /// The decision's id, as messages name it (empty for a decision without one).
    pub id: String,
    /// The edit's index within the decision, from 0, when the problem is one edit's.
    pub edit: Option<usize>,
}

/// The kinds, each with its area's problem type: the enum, and `From` each problem type into a
/// kind and into a diagnostic about no decision in particular.
macro_rules! kinds {
    ($($(#[doc = $doc:expr])* $variant:ident($problem:ty),)*) => {
        /// What is wrong, by where it was found.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "area", rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Kind {
            $($(#[doc = $doc])* $variant($problem),)*
        }
        $(
            impl From<$problem> for Kind {
                fn from(p: $problem) -> Kind {
                    Kind::$variant(p)
                }
            }
            impl From<$problem> for Diagnostic {
                fn from(p: $problem) -> Diagnostic {
                    Diagnostic::new(p)
                }
            }
        )*
    };
}

kinds! {
    /// The ledger file: its syntax, options, decisions or edits.
    Ledger(LedgerProblem),
    /// An edit that does not resolve against the draft.
    Anchor(AnchorProblem),
    /// An input that cannot be read as a text.
    Input(InputProblem),
    /// A `.docx` that cannot be read.
    Docx(DocxProblem),
    /// A `.pdf` that cannot be read (or PDFium, which reads it, cannot be loaded).
    Pdf(PdfProblem),
    /// A character a Word document cannot hold, written as a stand-in (a warning).
    StandIn(StandIn),
    /// A comment table that cannot be read.
    Table(TableProblem),
    /// A redline output that is not what the renderer writes.
    Parse(ParseProblem),
    /// What a check of a final found about one edit, beyond its status.
    Verify(VerifyNote),
    /// A lock file that cannot be used.
    Lock(LockProblem),
}

impl Diagnostic {
    /// A diagnostic about no decision in particular.
    pub fn new(kind: impl Into<Kind>) -> Diagnostic {
        Diagnostic { subject: None, kind: kind.into() }
    }

    /// A diagnostic about `subject`.
    pub fn about(subject: Subject, kind: impl Into<Kind>) -> Diagnostic {
        Diagnostic { subject: Some(Box::new(subject)), kind: kind.into() }
    }
}

impl Subject {
    /// The subject that names edit `at` of `ledger`.
    pub fn of_edit(ledger: &Ledger, at: EditRef) -> Subject {
        Subject { decision: at.decision, id: ledger[at.decision].id.clone(), edit: Some(at.edit) }
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem a run found (a ledger's, the edits that do not resolve), in ledger order: never
/// empty when returned as an error. It is a slice of [`Diagnostic`]s, and an error whose
/// `Display` writes each on its own line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];

    fn deref(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(v: Vec<Diagnostic>) -> Diagnostics {
        Diagnostics(v)
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_small_enough_to_return() {
        // Clippy's `result_large_err` starts at 128 bytes: large payloads are boxed.
        assert!(std::mem::size_of::<Diagnostic>() < 128, "{}", std::mem::size_of::<Diagnostic>());
    }
}
