//! akaji (赤字): correction decisions on a draft, as structured edits.
//!
//! When a ministry revises a draft plan after public comment, its answers promise edits:
//! 「P4、P12、P46、P63の「設置」を「開催」に修正いたします」. akaji records each promise as a decision
//! in a [`Ledger`], reads the draft as a [`Document`] (pages and lines), resolves every edit
//! against it ([`resolve`]), builds the final text ([`apply`]), draws a [`Redline`] in which
//! every change names its decision and renders it in every format ([`render`]), and checks that
//! a published text keeps every promise ([`verify`]). Two texts without a ledger are compared by
//! a diff engine made for Japanese ([`diff`]); Word documents with tracked changes are written
//! and read by [`docx`]; PDFs are read by [`pdf`]; a published comment table becomes a ledger
//! draft with [`import`], and the ledger of every change between a draft and its final with
//! [`reconcile`]; and
//! every text format can be read back into both texts ([`roundtrip`]). Every problem is a
//! [`Diagnostic`], data whose words are written by [`messages`].
//!
//! The data flows one way: ledger → checked edits ([`Edit`]) → resolved anchors ([`Resolved`])
//! → final + redline ([`Applied`], [`Redline`]) → renderers / verify. ARCHITECTURE.md at the
//! top of the repository names the file that holds each step.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Document, Ledger};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let ledger = Ledger::from_toml(r#"
//! [[decision]]
//! id = "32"
//! [[decision.edit]]
//! old = "設置"
//! new = "開催"
//! page = 4
//! "#)?;
//! let draft = Document::new("分科会を設置し、\n検討した。\n- 4 -\n装置を設置した。\n- 5 -\n", &ledger.options.page_marker);
//! let applied = akaji::apply(&draft, &ledger)?;
//! assert_eq!(applied.final_doc.text(), "分科会を開催し、\n検討した。\n- 4 -\n装置を設置した。\n- 5 -\n");
//!
//! // The same decisions as a redline, every change naming its decision.
//! let mut out = Vec::new();
//! render(&applied.redline(), Format::Critic, &RenderOptions::default(), &mut out)?;
//! assert!(String::from_utf8(out)?.starts_with("分科会を{~~設置~>開催~~}{>>32<<}"));
//!
//! // Every problem is data, worded in one place.
//! let wrong = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"決算\"\nnew = \"予算\"\n")?;
//! let problems = akaji::apply(&draft, &wrong).unwrap_err();
//! assert!(problems.to_string().starts_with("decision 1, edit 1: 「決算」 is not in the draft"));
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod anchor;
mod apply;
mod char_class;
mod compare;
mod diagnostic;
mod document;
mod fold;
mod input;
mod keyed;
mod lang;
mod ledger;
mod promise;
mod redline;
mod unified;

pub mod diff;
pub mod docx;
pub mod import;
pub mod lock;
pub mod messages;
pub mod pdf;
pub mod reconcile;
pub mod render;
pub mod roundtrip;
pub mod threads;
pub mod verify;
pub mod words;

pub use anchor::{resolve, AnchorProblem, ConflictKind, NearMiss, Resolution, Resolved, ScopeRule};
pub use apply::{apply, apply_partial, apply_text, Applied, AppliedEdit};
pub use compare::diff_content;
pub use diagnostic::{Diagnostic, Diagnostics, Kind, Subject};
pub use document::{
    Document, DocumentKind, LineCount, LineRole, Page, PageMarker, PageNo, Paragraph, ParagraphKind, Place, Position,
    DEFAULT_PAGE_MARKER,
};
pub use input::{decode_text, read_document, InputKind, InputProblem, MAX_INPUT};
pub use lang::Lang;
pub use ledger::{
    Action, Clue, Confidence, Count, Date, Decision, DecisionIx, Edit, EditRef, Evidence, KeyTable, Ledger,
    LedgerOptions, LedgerProblem, PageScope, Scope, Side, Todo,
};
pub use redline::{Hunk, HunkKind, InnerChange, Redline, Segment};
