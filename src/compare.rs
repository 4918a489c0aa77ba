//! Content changes between two documents: what differs once layout is left out.
//!
//! A final extracted from a new PDF is laid out again: lines wrap at other places, pages break
//! at other lines, the running heads and page numbers stand elsewhere, a producer may write ⾏
//! for 行. None of that is a change of wording. Three commands ask what changed in wording:
//! `akaji diff` (two documents with pages, by default), `verify` with the draft (the final the
//! ledger promises against the published one) and `reconcile` (the draft against the published
//! final, to find every change and the answer behind it). All three see the two documents
//! through the same views (`verify/layout.rs`'s `View`: white space and page furniture out as
//! the document model sets it apart, [`Document::role`], radicals folded, a break after each
//! 「。」 so the engine aligns sentence by sentence) and align them with the diff engine.
//!
//! [`compare`] is what verify and reconcile call: word units, and hunks that a few equal
//! characters of one sentence separate joined, so that a reworded phrase is one change however
//! finely the engine cut it; its hunks are offsets of the two views. [`diff_content`] is what
//! `akaji diff` shows (issue 11 part 6): every change mapped back to each document's own bytes.
//! Between two changes the contents are equal but the bytes may not be: those differences
//! become layout hunks ([`Hunk::layout`]), found exactly by walking both views' equal
//! characters side by side, so that both texts remain the equal runs plus the hunks (every
//! format that reconstructs both texts still can), while renderers show layout apart or not at
//! all.
//!
//! ```
//! use akaji::diff::DiffOptions;
//! use akaji::{Document, PageMarker};
//! let m = PageMarker::default();
//! let old = Document::new("計画（案）\n分科会を設置し、検討\nした。\n- 1 -\n計画（案）\n次。\n- 2 -\n計画（案）\n終。\n- 3 -\n", &m);
//! let new = Document::new("計画（案）\n分科会を開催し、\n検討した。\n- 1 -\n計画（案）\n次。\n- 2 -\n計画（案）\n終。\n- 3 -\n", &m);
//! let d = akaji::diff_content(&old, &new, &DiffOptions::default());
//! let content: Vec<_> = d.hunks.iter().filter(|h| !h.layout).collect();
//! assert_eq!(content.len(), 1);
//! assert_eq!((&old.text()[content[0].old.clone()], &new.text()[content[0].new.clone()]), ("設置", "開催"));
//! assert!(d.hunks.iter().any(|h| h.layout), "the moved line break is layout");
//! ```

use crate::diff::{diff, DiffOptions, DiffResult, Furniture, Granularity};
use crate::document::Document;
use crate::redline::Hunk;
use crate::verify::{running_heads, View};
use std::ops::Range;
use std::time::Duration;

/// How to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompareOptions {
    /// Full- and half-width forms are the same content (the ledger's `match_width`).
    pub width: bool,
    /// Count layout (line breaks, spaces, page furniture) as content.
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
    /// Whether the diff engine stopped refining at its deadline (the hunks are coarser).
    pub deadline_hit: bool,
}

/// The content changes from `old` to `new`, as verify and reconcile weigh them.
pub(crate) fn compare(old: &Document, new: &Document, options: &CompareOptions) -> Comparison {
    let (heads, old_view, new_view) =
        if options.keep_layout { (Vec::new(), View::raw(old), View::raw(new)) } else { views(old, new, options.width) };
    let diff_options = DiffOptions {
        granularity: Granularity::Word,
        detect_moves: false,
        min_move_chars: 20,
        timeout: options.timeout,
    };
    let found = diff(old_view.text(), new_view.text(), &diff_options);
    let hunks = coalesce(found.hunks, old_view.text());
    Comparison { heads, old: old_view, new: new_view, hunks, deadline_hit: found.deadline_hit }
}

/// The running heads of both documents (as their furniture sets them apart) and the two folded
/// views that leave them, and every other piece of layout, out.
fn views(old: &Document, new: &Document, width: bool) -> (Vec<String>, View, View) {
    let heads = running_heads(&[old, new]);
    let (ov, nv) = (View::folded(old, width, &heads), View::folded(new, width, &heads));
    (heads, ov, nv)
}

/// Chars of equal text between two hunks of one sentence below which they count as one change.
pub(crate) const JOIN_GAP: usize = 3;

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

/// The changes of content from `old` to `new` (hunks in each document's bytes), with the
/// differences of layout between them as layout hunks. `options.granularity` and the deadline
/// apply to the content; moved passages (`options.detect_moves`) are linked among the content
/// hunks, on the documents' bytes.
pub fn diff_content(old: &Document, new: &Document, options: &DiffOptions) -> DiffResult {
    let (_, ov, nv) = views(old, new, false);
    let mut content = diff(ov.text(), nv.text(), &DiffOptions { detect_moves: false, ..options.clone() });
    for h in &mut content.hunks {
        settle(h, ov.text(), nv.text());
    }
    let mut hunks = Vec::with_capacity(content.hunks.len() * 2);
    let (mut o, mut n) = (0, 0);
    // Where the last hunk pushed ends in each document.
    let (mut od, mut nd) = (0, 0);
    for h in &content.hunks {
        layout_between(old, new, &ov, &nv, o..h.old.start, n..h.new.start, (&mut od, &mut nd), &mut hunks);
        let (a, b) = (ov.doc_range(h.old.clone()), nv.doc_range(h.new.clone()));
        let (a, b) = (a.start.max(od)..a.end.max(od), b.start.max(nd)..b.end.max(nd));
        // An empty side stands where the other side's layout before it matches best: after the
        // gap that precedes the next character (「、⏎【必要に応じて、】支援」 deletes no line break).
        let (ot, nt) = (old.text(), new.text());
        let a = match a.is_empty().then(|| ov.doc_start(h.old.end)) {
            Some(next) if next >= a.start && ot[od..next] == nt[nd..b.start] => next..next,
            _ => a,
        };
        let b = match b.is_empty().then(|| nv.doc_start(h.new.end)) {
            Some(next) if next >= b.start && nt[nd..next] == ot[od..a.start] => next..next,
            _ => b,
        };
        // The gap between the last equal character and the change, when it differs.
        push_layout(old.text(), new.text(), od..a.start, nd..b.start, &mut hunks);
        if !(a.is_empty() && b.is_empty()) {
            hunks.push(Hunk::new(a.clone(), b.clone()));
        }
        (od, nd) = (a.end, b.end);
        (o, n) = (h.old.end, h.new.end);
    }
    let (oe, ne) = (ov.text().len(), nv.text().len());
    layout_between(old, new, &ov, &nv, o..oe, n..ne, (&mut od, &mut nd), &mut hunks);
    // What follows the last equal character (a trailing footer, a final line break).
    let (ot, nt) = (old.text(), new.text());
    if ot[od..] != nt[nd..] {
        push_layout(ot, nt, od..ot.len(), nd..nt.len(), &mut hunks);
    }
    if options.detect_moves {
        // On the documents' own bytes: a moved item's two ends, re-wrapped or not, and the
        // changes between them (line breaks included) as the literal diff shows them.
        // The furniture a moved passage carries across a page break is layout inside it.
        let furniture = Furniture { old: furniture_bytes(old), new: furniture_bytes(new) };
        crate::diff::link_moves(ot, nt, &mut hunks, options, (content.deadline_hit, &furniture));
    }
    DiffResult { hunks, deadline_hit: content.deadline_hit }
}

/// The bytes of `doc`'s furniture lines (running heads, footers, page numbers), in order.
fn furniture_bytes(doc: &Document) -> Vec<Range<usize>> {
    (0..doc.line_count()).filter(|&l| doc.is_furniture(l)).map(|l| doc.line_range(l)).collect()
}

/// Slide a pure insertion or deletion of the views (text equal on both sides of it can be
/// written on either end) so that it ends where a sentence ends: 「。【また、…。】」 rather than
/// 「【。また、…】。」, as a reader writes it.
fn settle(h: &mut Hunk, old: &str, new: &str) {
    let side = match (h.old.is_empty(), h.new.is_empty()) {
        (true, false) => new,
        (false, true) => old,
        _ => return,
    };
    let range = if h.old.is_empty() { h.new.clone() } else { h.old.clone() };
    let mut r = range.clone();
    // Slide right while the changed text's first char is the char after it.
    for _ in 0..64 {
        if side[r.clone()].ends_with('\n') {
            break;
        }
        let Some(first) = side[r.clone()].chars().next() else { return };
        if !side[r.end..].starts_with(first) {
            return;
        }
        r = r.start + first.len_utf8()..r.end + first.len_utf8();
    }
    if !side[r.clone()].ends_with('\n') || r == range {
        return;
    }
    let moved = r.start - range.start;
    if h.old.is_empty() {
        (h.old, h.new) = (h.old.start + moved..h.old.start + moved, r);
    } else {
        (h.old, h.new) = (r, h.new.start + moved..h.new.start + moved);
    }
}

/// The layout hunks between two equal stretches of the views (`ov[o]` = `nv[n]`, char for
/// char), from the documents' bytes `at` on (moved to the end of the last character walked):
/// every gap between equal characters (white space, furniture) and every character written
/// differently (⾏ for 行) that is not the same bytes on both sides.
#[allow(clippy::too_many_arguments, reason = "two documents, their views, two ranges and the walk's place")]
fn layout_between(
    old: &Document,
    new: &Document,
    ov: &View,
    nv: &View,
    o: Range<usize>,
    n: Range<usize>,
    at: (&mut usize, &mut usize),
    hunks: &mut Vec<Hunk>,
) {
    let (ot, nt) = (old.text(), new.text());
    let (ovt, nvt) = (ov.text(), nv.text());
    let (mut i, mut j) = (o.start, n.start);
    // Where the stretch of differing bytes being walked started, if one is.
    let mut dirty: Option<(usize, usize)> = None;
    // Where a run whose bytes matched but whose characters did not map one to one ends: walked
    // character by character (a fold or furniture that happens to read alike), tried once.
    let mut slow_until = 0;
    while i < o.end && j < n.end {
        // Where both documents go on with the view's own bytes, from the end of the last
        // character walked, every character there is written alike with no gap before it:
        // nothing to record, so the walk skips the run whole (a line of the document at a time,
        // two lookups instead of two per character; profiled at 48% of `akaji diff` on 10 MB).
        if dirty.is_none() && i >= slow_until {
            let run = same_bytes(&ot[*at.0..], &ovt[i..o.end]).min(same_bytes(&nt[*at.1..], &nvt[j..n.end]));
            if run > 0
                && ov.doc_range(i..i + run) == (*at.0..*at.0 + run)
                && nv.doc_range(j..j + run) == (*at.1..*at.1 + run)
            {
                (i, j) = (i + run, j + run);
                (*at.0, *at.1) = (*at.0 + run, *at.1 + run);
                continue;
            }
            slow_until = i + run;
        }
        let (Some(a), Some(b)) = (ovt[i..].chars().next(), nvt[j..].chars().next()) else { break };
        let (ai, bj) = (i, j);
        i += a.len_utf8();
        j += b.len_utf8();
        if a == '\n' && b == '\n' {
            continue; // a break the views put after 「。」
        }
        let (ar, br) = (ov.doc_range(ai..i), nv.doc_range(bj..j));
        let same_gap = ot[*at.0..ar.start] == nt[*at.1..br.start];
        let same_char = ot[ar.clone()] == nt[br.clone()];
        match (dirty, same_gap, same_char) {
            (None, true, true) => {}
            (Some((s, t)), true, true) => {
                push_layout(ot, nt, s..*at.0, t..*at.1, hunks);
                dirty = None;
            }
            // Only the gap differs: a stretch of its own, ending before the character.
            (_, false, true) => {
                let (s, t) = dirty.take().unwrap_or((*at.0, *at.1));
                push_layout(ot, nt, s..ar.start, t..br.start, hunks);
            }
            // The character is written differently: the stretch goes on through it.
            (None, _, false) => dirty = Some((*at.0, *at.1)),
            (Some(_), _, false) => {}
        }
        (*at.0, *at.1) = (ar.end, br.end);
    }
    if let Some((s, t)) = dirty {
        push_layout(ot, nt, s..*at.0, t..*at.1, hunks);
    }
}

/// How many bytes at the start of `doc` are those of `view` (whole characters), up to the
/// view's first line break (a break the view put after 「。」 stands for no document byte).
fn same_bytes(doc: &str, view: &str) -> usize {
    let view = memchr::memchr(b'\n', view.as_bytes()).map_or(view, |k| &view[..k]);
    let mut k = doc.bytes().zip(view.bytes()).take_while(|(a, b)| a == b).count();
    while !view.is_char_boundary(k) {
        k -= 1;
    }
    k
}

/// A layout hunk for `ot[a]` → `nt[b]`, less what the two share at their ends.
fn push_layout(ot: &str, nt: &str, a: Range<usize>, b: Range<usize>, hunks: &mut Vec<Hunk>) {
    let (x, y) = (&ot[a.clone()], &nt[b.clone()]);
    let pre = common_prefix(x, y);
    let suf = common_suffix(&x[pre..], &y[pre..]);
    let (a, b) = (a.start + pre..a.end - suf, b.start + pre..b.end - suf);
    if a.is_empty() && b.is_empty() {
        return;
    }
    hunks.push(Hunk::of_layout(a, b));
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).take_while(|((_, x), y)| x == y).last().map_or(0, |((i, c), _)| i + c.len_utf8())
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(c, _)| c.len_utf8()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;
    use crate::redline::Redline;

    type Pairs = Vec<(String, String)>;

    fn content_and_layout(old: &str, new: &str) -> (Pairs, Pairs) {
        let m = PageMarker::default();
        let (a, b) = (Document::new(old, &m), Document::new(new, &m));
        let d = diff_content(&a, &b, &DiffOptions::default());
        let r = Redline::new(&a, &b, d.hunks.clone());
        assert_eq!(r.check(), Ok(()), "{:?}", d.hunks);
        let pair = |h: &Hunk| (a.text()[h.old.clone()].to_owned(), b.text()[h.new.clone()].to_owned());
        (
            d.hunks.iter().filter(|h| !h.layout).map(pair).collect(),
            d.hunks.iter().filter(|h| h.layout).map(pair).collect(),
        )
    }

    #[test]
    fn a_rewrap_and_a_moved_page_break_are_layout() {
        let old = "I　現状\n分科会を設置し、検討を行っ\nた。本年度は\n- 3 -\nI　現状\n重点を置いた。\n- 4 -\n";
        let new = "I　現状\n分科会を開催し、検討を\n行った。\n- 3 -\nI　現状\n本年度は重点を置いた。\n- 4 -\n";
        let (content, layout) = content_and_layout(old, new);
        assert_eq!(content, [("設置".to_owned(), "開催".to_owned())]);
        assert!(!layout.is_empty());
        assert!(
            layout.iter().all(|(a, b)| crate::fold::fold_text(a, false) == crate::fold::fold_text(b, false)
                || a.contains("- 3 -")
                || b.contains("- 3 -")),
            "{layout:?}"
        );
    }

    #[test]
    fn a_radical_is_layout_and_identical_texts_have_no_hunks() {
        let (content, layout) = content_and_layout("⾏政の手続。\n", "行政の手続。\n");
        assert!(content.is_empty());
        assert_eq!(layout, [("⾏".to_owned(), "行".to_owned())]);
        assert_eq!(content_and_layout("同じ。\n", "同じ。\n"), (vec![], vec![]));
    }

    #[test]
    fn layout_inside_long_equal_runs_is_found_char_by_char() {
        // The walk skips runs both documents write as the view does; a radical and moved line
        // breaks in between are still found where they are.
        let old = "計画の本文である。行政の手続は\n適正に行うこととする。\n";
        let new = "計画の本文である。⾏政の手続は適正\nに行うこととする。\n";
        let (content, layout) = content_and_layout(old, new);
        assert!(content.is_empty(), "{content:?}");
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(layout, [pair("行", "⾏"), pair("\n", ""), pair("", "\n")]);
    }

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
        // The document model tells a chapter's head from the heading it repeats: the heading is
        // content, the head and the section head over page 2 are furniture.
        assert_eq!(c.old.content(0..c.old.text().len()), "第1章1.1節本文一。1.2節本文二。第2章本文三。");
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
