//! Exact mode: the final must be, byte for byte, the draft with the ledger applied.
//!
//! For documents kept as text under version control, where nothing re-wraps the final, anything
//! but the exact bytes is a problem. When they differ, the redline of `expected → final` shows
//! where.
//!
//! ```
//! use akaji::document::{Document, PageMarker};
//! use akaji::ledger::Ledger;
//! use akaji::verify::exact::{exact, Exact};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let draft = Document::new("会を設置する。\n", &PageMarker::default());
//! assert!(matches!(exact(&ledger, &draft, "会を開催する。\n"), Exact::Same { edits: 1 }));
//! assert!(matches!(exact(&ledger, &draft, "会を開催する。"), Exact::Differs(_)));
//! ```

use crate::apply;
use crate::diff::{self, DiffOptions};
use crate::document::Document;
use crate::error::Problem;
use crate::ledger::Ledger;
use crate::redline::Redline;
use crate::render::{self, Format, RenderOptions};
use std::io::{self, Write};

/// The outcome of an exact comparison.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Exact {
    /// The final is exactly the draft with the ledger's `edits` applied.
    Same { edits: usize },
    /// It is not: the redline from the expected final to the published one.
    Differs(Box<Redline>),
    /// The ledger does not apply to the draft, so there is no expected final.
    Unresolved(Vec<Problem>),
}

/// Compare `final_text` (as read, byte order mark included) with apply(draft, ledger).
pub fn exact(ledger: &Ledger, draft: &Document, final_text: &str) -> Exact {
    let applied = match apply::apply(draft, ledger) {
        Ok(a) => a,
        Err(problems) => return Exact::Unresolved(problems),
    };
    if applied.text == final_text {
        return Exact::Same { edits: applied.edits.len() };
    }
    let marker = ledger.options.page_marker().unwrap_or_default();
    let expected = Document::from_string(applied.text, &marker);
    let published = Document::new(final_text, &marker);
    let found = diff::diff(expected.text(), published.text(), &DiffOptions::default());
    let mut r = Redline::new(expected, published, found.hunks);
    r.deadline_hit = found.deadline_hit;
    r.title = ledger.title.clone();
    Exact::Differs(Box::new(r))
}

/// Render the redline of an exact comparison for a reader: the `ansi` format, coloured when
/// `color`.
pub fn render_redline(redline: &Redline, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let options = RenderOptions {
        color,
        old_label: "expected (draft + ledger)".into(),
        new_label: "final".into(),
        ..RenderOptions::default()
    };
    render::render(redline, Format::Ansi, &options, out)
}
