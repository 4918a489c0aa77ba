//! Content changes between two documents: what differs once layout is left out.
//!
//! Two commands ask the same question of two texts. `verify` (with the draft) compares the final
//! the ledger promises with the published one; `reconcile` compares the draft with the published
//! final to find every change and the answer behind it. Both see the texts through a `View`
//! (`verify/layout.rs`: white space, page-marker lines and running heads left out, a line break
//! after each 「。」), align the two views with the diff engine by word units, and join hunks
//! that a few equal characters of one sentence separate, so that a reworded phrase is one change
//! however finely the engine cut it. [`compare`] is that one function; its hunks are offsets of
//! the two views, which map back to each document's bytes.
//!
//! What counts as layout is the views' business: when the document model knows a page's
//! furniture (running heads, front matter), both commands see it through this one seam.

use crate::diff::{diff, DiffOptions, Granularity};
use crate::document::Document;
use crate::redline::Hunk;
use crate::verify::layout::{running_heads, View};
use std::time::Duration;

/// How to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompareOptions {
    /// Full- and half-width forms are the same content (the ledger's `match_width`).
    pub width: bool,
    /// Count layout (line breaks, spaces, page markers, running heads) as content.
    pub keep_layout: bool,
    /// Give the diff engine this long before it settles for a coarser alignment.
    pub timeout: Option<Duration>,
}

/// Two documents as compared, and their content changes.
#[derive(Debug, Clone)]
pub(crate) struct Comparison {
    /// The running heads left out of both views (sorted).
    pub heads: Vec<String>,
    /// The old document as compared.
    pub old: View,
    /// The new document as compared.
    pub new: View,
    /// The changes, as ranges of the two views: sorted, not overlapping, a reworded phrase one
    /// hunk.
    pub hunks: Vec<Hunk>,
}

/// The content changes from `old` to `new`.
pub(crate) fn compare(old: &Document, new: &Document, options: &CompareOptions) -> Comparison {
    let (heads, old_view, new_view) = if options.keep_layout {
        (Vec::new(), View::raw(old), View::raw(new))
    } else {
        let heads = running_heads(&[old, new]);
        let old_view = View::folded(old, options.width, &heads);
        let new_view = View::folded(new, options.width, &heads);
        (heads, old_view, new_view)
    };
    let diff_options = DiffOptions {
        granularity: Granularity::Word,
        detect_moves: false,
        min_move_chars: 20,
        timeout: options.timeout,
    };
    let hunks = coalesce(diff(old_view.text(), new_view.text(), &diff_options).hunks, old_view.text());
    Comparison { heads, old: old_view, new: new_view, hunks }
}

/// Chars of equal text between two hunks of one sentence below which they count as one change.
const JOIN_GAP: usize = 3;

/// Join hunks separated by a few equal chars within one line of the view, so that a reworded
/// phrase is one change however finely the diff engine cut it.
fn coalesce(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::with_capacity(hunks.len());
    for h in hunks {
        if let Some(last) = out.last_mut() {
            // Overlapping hunks (which a diff engine should not give) are joined too.
            let touching = h.old.start <= last.old.end || h.new.start <= last.new.end;
            if touching || {
                let gap = &old[last.old.end..h.old.start];
                !gap.contains('\n') && gap.chars().count() < JOIN_GAP
            } {
                let o = last.old.start..h.old.end.max(last.old.end);
                let n = last.new.start..h.new.end.max(last.new.end);
                *last = Hunk::new(o, n);
                continue;
            }
        }
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn options() -> CompareOptions {
        CompareOptions { width: false, keep_layout: false, timeout: None }
    }

    fn changes(old: &str, new: &str, options: &CompareOptions) -> Vec<(String, String)> {
        let m = PageMarker::default();
        let (a, b) = (Document::new(old, &m), Document::new(new, &m));
        let c = compare(&a, &b, options);
        c.hunks.iter().map(|h| (c.old.content(h.old.clone()), c.new.content(h.new.clone()))).collect()
    }

    #[test]
    fn re_wrapped_and_re_paginated_texts_have_no_changes() {
        let old = "計画\n一文目の本文で\nある。\n- 1 -\n計画\n二文目。\n- 2 -\n計画\n三文目。\n- 3 -\n";
        let new = "計画\n一文目の本文である。二\n- 1 -\n計画\n文目。三文\n- 2 -\n計画\n目。\n- 3 -\n";
        assert!(changes(old, new, &options()).is_empty());
        let kept = CompareOptions { keep_layout: true, ..options() };
        assert!(!changes(old, new, &kept).is_empty(), "with layout kept, the line breaks count");
    }

    #[test]
    fn a_reworded_phrase_is_one_change() {
        let c = changes("検討を進めることが期待される。\n", "検討を進めることが適当である。\n", &options());
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].0.contains("期待") && c[0].1.contains("適当"), "{c:?}");
    }

    #[test]
    fn widths_are_content_unless_folded() {
        let (old, new) = ("（Ｐ５図表１参照）\n", "（P5図表1参照）\n");
        assert_eq!(changes(old, new, &options()).len(), 1);
        assert!(changes(old, new, &CompareOptions { width: true, ..options() }).is_empty());
    }
}
