//! Word documents: a redline as a `.docx` with real tracked changes, and `.docx` drafts read as
//! text.
//!
//! One commenter on a draft plan asked for 「Wordの変更履歴版」: the plan with every change shown
//! as a tracked revision. [`write()`] gives it: every hunk of a [`Redline`] becomes a `w:ins`,
//! `w:del`, `w:moveFrom` or `w:moveTo` whose author is the decision (「意見32（個人E）」, or
//! [`UNATTRIBUTED`] for a plain diff) and whose date is the ledger's, with a Word comment
//! carrying the decision's response. Accepting every change gives the new text, rejecting every
//! change the old text. [`read()`] reads the text of a `.docx` draft, refusing hostile archives.
//!
//! # The paragraph mapping
//!
//! - Every paragraph of the text (its printed lines joined, as the document model reads it:
//!   [`crate::Paragraph`]) is one Word paragraph, so that accepting every change gives text that
//!   reflows: a line break inside a paragraph is left out (with the next line's indent; between
//!   two Latin letters it becomes a space), a line break between paragraphs is the paragraph
//!   mark. A CRLF line break is one break. An empty line is an empty paragraph.
//! - A heading (`1.1. …`, `(1) …`, `はじめに`) is a Word heading of its level (`Heading 1`, …).
//! - Page furniture is not body text: Word's header repeats the current chapter and section
//!   (`STYLEREF` fields on `heading 1` and `heading 2`) when the old text prints running heads,
//!   and its footer prints `- N -` (a `PAGE` field) when it prints page numbers; Word paginates.
//!   A form feed is a page break (`<w:br w:type="page"/>`) where it stands.
//! - A paragraph mark inside a hunk is itself a tracked change: an inserted one
//!   (`w:pPr/w:rPr/w:ins`: rejecting it joins the paragraph to the next), a deleted one
//!   (`w:pPr/w:rPr/w:del`: accepting it joins them). So a hunk that holds a line break between
//!   paragraphs spans paragraphs.
//! - A replacement is its deleted old text followed by its inserted new text.
//! - The text's final line break closes the last paragraph; no empty paragraph follows it.
//! - A tab is `<w:tab/>`. A character XML forbids is written as a visible stand-in
//!   ([`stand_in`]) and reported as a [`StandIn`]; nothing is dropped.
//!
//! Accepting every change gives the new text and rejecting every change the old, up to layout:
//! the same characters of the body, white space aside, in paragraphs. Plain-text exports drop
//! empty paragraphs, and pandoc joins the two paragraphs around an accepted deleted paragraph
//! mark with a space.
//!
//! ```
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("分科会を設置する。\n", "分科会を開催する。\n", vec![Hunk::new(12..18, 12..18)]);
//! let mut bytes = Vec::new();
//! let warnings = akaji::docx::write(&r, &mut bytes).unwrap();
//! assert!(warnings.is_empty());
//! let back = akaji::docx::read(&bytes).unwrap();
//! assert_eq!(back.text, "分科会を開催する。\n"); // the text with every change accepted
//! assert_eq!(back.changes.len(), 2); // … and the two tracked changes, reported
//! ```

mod body;
mod comments;
mod layout;
mod package;
mod plan;
mod read;
mod styles;
mod text;
mod xml;

pub use plan::{iso_date, UNATTRIBUTED};
pub use read::{read, read_with, ChangeKind, DocxProblem, DocxText, Limits, TrackedChange, UnsafeName};
pub use styles::{MINCHO, MS_MINCHO};
pub use text::{stand_in, Source, StandIn};

use crate::redline::Redline;
use std::io::{self, Write};

/// Write `redline` as a `.docx` to `out`. Returns the characters that had to be written as
/// stand-ins (see [`StandIn`]); a caller should show them.
pub fn write(redline: &Redline, out: &mut dyn Write) -> io::Result<Vec<StandIn>> {
    let plan = plan::plan(redline);
    let parts = package::parts(&plan, redline.title.as_deref())?;
    package::zip(&parts, out)?;
    Ok(plan.stand_ins)
}

/// What [`write()`] would report for `redline`, without writing anything.
pub fn warnings(redline: &Redline) -> Vec<StandIn> {
    plan::plan(redline).stand_ins
}
