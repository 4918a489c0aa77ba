//! The promise invariant: after apply, every edit's promised text stands in the final where its
//! quote was.
//!
//! An edit promises its `new` with the unchanged rest of its quote around it (a replacement), or
//! its quote beside the inserted text (an insertion). The conflict check makes sure no other
//! edit reaches into a quote; [`check`] proves it on the final that was built, before anything
//! is written, from the final ranges [`crate::apply`] recorded: the final there is the draft's
//! quote with this edit's change alone (byte for byte), and, read as the matcher reads (white
//! space and page furniture out, widths folded when asked), it is what the ledger promised. A
//! failure is a bug in akaji, reported as one ([`AnchorProblem::PromiseBroken`]), never a
//! written file.
//!
//! ```
//! use akaji::{Document, Ledger};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置する\"\nnew = \"開催する\"\n").unwrap();
//! let draft = Document::new("本部を設置する。\n", &ledger.options.page_marker);
//! let applied = akaji::apply(&draft, &ledger).unwrap(); // the check passed
//! assert_eq!(applied.final_doc.text(), "本部を開催する。\n");
//! ```

use crate::anchor::AnchorProblem;
use crate::diagnostic::{Diagnostic, Subject};
use crate::document::Document;
use crate::fold::{fold_range, fold_text};
use crate::ledger::{Action, EditRef, Ledger, Side};
use std::ops::Range;

/// One edit as it stands in the draft and in the final (what [`crate::apply`] records).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'a> {
    /// The edit.
    pub edit: EditRef,
    /// Its whole quote in the draft.
    pub anchor: &'a Range<usize>,
    /// The draft bytes it changed.
    pub old: &'a Range<usize>,
    /// The final bytes that replace them.
    pub new: &'a Range<usize>,
}

/// Every edit of `edits` whose promised text does not stand in `final_doc`, as a bug report.
pub(crate) fn check<'a>(
    draft: &Document,
    final_doc: &Document,
    ledger: &Ledger,
    edits: impl IntoIterator<Item = Placed<'a>>,
) -> Vec<Diagnostic> {
    let width = ledger.options.match_width;
    let mut problems = Vec::new();
    for e in edits {
        if let Err(found) = stands(draft, final_doc, ledger, &e) {
            let expected = promised(ledger, &e, width).unwrap_or_default();
            let place = final_doc.place(found.clone());
            let broken = AnchorProblem::PromiseBroken { expected, place: Box::new(place) };
            problems.push(Diagnostic::about(Subject::of_edit(ledger, e.edit), broken));
        }
    }
    problems
}

/// What edit `e` promises, folded as quotes are: `new`, or the quote beside the inserted text.
fn promised(ledger: &Ledger, e: &Placed, width: bool) -> Option<String> {
    Some(match ledger.edit(e.edit).action() {
        Action::Replace { new, .. } => fold_text(new, width),
        Action::Insert { anchor, side: Side::After, new } => fold_text(anchor, width) + &fold_text(new, width),
        Action::Insert { anchor, side: Side::Before, new } => fold_text(new, width) + &fold_text(anchor, width),
        Action::Todo(_) => return None,
    })
}

/// Whether `e`'s promise stands in the final; if not, the final range where it should.
fn stands(draft: &Document, final_doc: &Document, ledger: &Ledger, e: &Placed) -> Result<(), Range<usize>> {
    let (d, f) = (draft.text(), final_doc.text());
    let before = e.old.start - e.anchor.start;
    let after = e.anchor.end - e.old.end;
    let Some(start) = e.new.start.checked_sub(before) else { return Err(e.new.clone()) };
    let end = e.new.end + after;
    let region = start..end.min(f.len());
    // The quote's unchanged rest stands around the change, byte for byte.
    if end > f.len()
        || f[start..e.new.start] != d[e.anchor.start..e.old.start]
        || f[e.new.end..end] != d[e.old.end..e.anchor.end]
    {
        return Err(region);
    }
    // Read as the matcher reads, it is the promised text. (Text put in that the final reads as
    // furniture, a page number or a running head, is not read; the bytes above are checked.)
    let Some(promise) = promised(ledger, e, ledger.options.match_width) else { return Ok(()) };
    let lines = final_doc.line_of(e.new.start)..=final_doc.line_of(e.new.end);
    if !e.new.is_empty() && lines.into_iter().any(|l| final_doc.is_furniture(l)) {
        return Ok(());
    }
    if fold_range(final_doc, start..end, ledger.options.match_width) == promise {
        Ok(())
    } else {
        Err(region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    const LEDGER: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置する\"\nnew = \"開催する\"\n";

    /// Read as the matcher reads: a line break or a page's furniture inside the promised text
    /// does not break it.
    #[test]
    fn layout_inside_the_promise_keeps_it() {
        let ledger = Ledger::from_toml(LEDGER).unwrap();
        let draft = Document::new("本部を設置\n- 1 -\nする。\n", &PageMarker::default());
        let (anchor, old, new) = (9..28, 9..15, 9..15);
        assert_eq!(&draft.text()[anchor.clone()], "設置\n- 1 -\nする");
        let placed = Placed { edit: ledger.edits().next().unwrap().0, anchor: &anchor, old: &old, new: &new };
        let fin = Document::new("本部を開催\n- 1 -\nする。\n", &PageMarker::default());
        assert!(check(&draft, &fin, &ledger, [placed]).is_empty());
    }
}
