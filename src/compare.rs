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
use crate::verify::layout::{key, running_heads, top, View};
use std::collections::{HashMap, HashSet};
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
        let heads = furniture([old, new]);
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

/// The longest running head, in chars: longer lines are body text.
const MAX_HEAD_CHARS: usize = 80;

/// The running heads of two documents (sorted, compared without white space): the heads found
/// over both (`running_heads`: lines opening three pages or more), and the heads of a chapter or
/// section that opens fewer pages: a page's first line when the heading it repeats follows it
/// (はじめに over はじめに) or when it opens another page too; under such a head, a second line
/// that heads a page in both documents (or two pages in one) and stands elsewhere in its
/// document, as a section's heading does. The views leave them out at the tops of pages
/// (`head_lines`; the document model will set each line's role instead).
fn furniture(docs: [&Document; 2]) -> Vec<String> {
    let found = running_heads(&docs);
    let short = |k: &str| (2..=MAX_HEAD_CHARS).contains(&k.chars().count());
    let mut heads: HashSet<String> = found.iter().cloned().collect();
    let mut seconds: [HashMap<String, usize>; 2] = [HashMap::new(), HashMap::new()];
    let mut counts: [HashMap<String, usize>; 2] = [HashMap::new(), HashMap::new()];
    for (d, doc) in docs.iter().enumerate() {
        for l in (0..doc.line_count()).filter(|&l| !doc.is_marker_line(l)) {
            *counts[d].entry(key(doc.line_text(l))).or_default() += 1;
        }
        let tops: Vec<Vec<(usize, String)>> = doc.pages().iter().map(|p| top(doc, p, 2)).collect();
        let mut opens: HashMap<&str, usize> = HashMap::new();
        for t in &tops {
            if let Some((_, k)) = t.first() {
                *opens.entry(k.as_str()).or_default() += 1;
            }
        }
        for t in &tops {
            let Some((_, k0)) = t.first() else { continue };
            let repeated = t.get(1).is_some_and(|(_, k1)| k1 == k0);
            if found.binary_search(k0).is_err() && !(short(k0) && (repeated || opens[k0.as_str()] >= 2)) {
                continue;
            }
            heads.insert(k0.clone());
            if let Some((_, k1)) = t.get(1).filter(|(_, k1)| k1 != k0 && short(k1)) {
                *seconds[d].entry(k1.clone()).or_default() += 1;
            }
        }
    }
    for d in 0..2 {
        for (k, &n) in &seconds[d] {
            let both = seconds[1 - d].contains_key(k) || n >= 2;
            if both && counts[d].get(k).is_some_and(|&all| all > n) {
                heads.insert(k.clone());
            }
        }
    }
    let mut heads: Vec<String> = heads.into_iter().collect();
    heads.sort();
    heads
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
    fn a_section_heading_a_page_or_two_is_a_running_head() {
        // The chapter opens pages 1 and 3 (its head over its heading), 1.2 heads page 2 in both.
        let old = "第1章\n第1章\n1.1 節\n本文一。\n1.2 節\n本文\n- 1 -\n第1章\n1.2 節\n二。\n- 2 -\n第2章\n第2章\n本文三。\n- 3 -\n";
        let new = "第1章\n第1章\n1.1 節\n本文一。\n1.2 節\n- 1 -\n第1章\n1.2 節\n本文二。\n- 2 -\n第2章\n第2章\n本文三。\n- 3 -\n";
        assert!(changes(old, new, &options()).is_empty(), "{:?}", changes(old, new, &options()));
        let m = PageMarker::default();
        let c = compare(&Document::new(old, &m), &Document::new(new, &m), &options());
        // A chapter's heading under its head goes with it, in both texts alike, until the
        // document model tells the two apart; a section's heading stays content.
        assert_eq!(c.old.content(0..c.old.text().len()), "1.1節本文一。1.2節本文二。本文三。");
        // A body line that happens to open a page in one text only is content.
        let moved = "第1章\n第1章\n本文一。\n- 1 -\n第1章\n(1) 現状\n本文二。\n- 2 -\n";
        let kept = "第1章\n第1章\n本文一。(1)\n- 1 -\n第1章\n現状\n本文二。\n- 2 -\n";
        assert!(changes(moved, kept, &options()).is_empty());
    }

    #[test]
    fn widths_are_content_unless_folded() {
        let (old, new) = ("（Ｐ５図表１参照）\n", "（P5図表1参照）\n");
        assert_eq!(changes(old, new, &options()).len(), 1);
        assert!(changes(old, new, &CompareOptions { width: true, ..options() }).is_empty());
    }
}
