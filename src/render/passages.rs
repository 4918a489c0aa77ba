//! Hunks grouped by whole paragraphs, for the formats that show what a reader sees (the
//! 新旧対照表): every change widened to the paragraphs and items it touches, on each side, and
//! the changes that share a paragraph taken together.
//!
//! A paragraph is the document model's ([`crate::Document::paragraphs`]): wrapped printed lines
//! joined. A change is in a paragraph when it overlaps the paragraph's text; an insertion at a
//! paragraph's end whose text starts on a line of its own (a new item) is in none of the old
//! side's paragraphs, so its row reads （新設） there; a deletion of whole lines likewise reads
//! （削る） on the new side. A change in no paragraph on either side (white space between
//! paragraphs) still gets a row of its own text, so that no change goes unshown.

use crate::document::{Document, Paragraph};
use crate::redline::Redline;
use std::ops::Range;

/// One row: the paragraphs it shows on each side (indices, half-open, possibly empty) and the
/// hunks inside (layout hunks among them are not underlined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Passage {
    /// Old paragraphs.
    pub old: Range<usize>,
    /// New paragraphs.
    pub new: Range<usize>,
    /// Indices into [`Redline::hunks`].
    pub hunks: Range<usize>,
}

/// The byte range of paragraph `p`'s text: from its first line's start to its last line's
/// last character (its line break left out).
pub(super) fn span(doc: &Document, p: usize) -> Range<usize> {
    span_of(doc, &doc.paragraphs()[p])
}

/// The paragraphs of `doc` a change of `range` touches: those it overlaps, or, for an empty
/// range (the other side's text inserted or deleted here), the one it falls inside, unless the
/// other side's text is lines of its own (`lines`) at a paragraph's edge.
fn touched(doc: &Document, range: &Range<usize>, lines: bool) -> Option<Range<usize>> {
    let ps = doc.paragraphs();
    let first = ps.partition_point(|p| span_of(doc, p).end < range.start);
    let mut hit: Option<Range<usize>> = None;
    for (i, p) in ps.iter().enumerate().skip(first) {
        let s = span_of(doc, p);
        if s.start > range.end {
            break;
        }
        let inside = if range.is_empty() {
            let at = range.start;
            (s.start < at && at < s.end) || (!lines && (at == s.start || at == s.end))
        } else {
            range.start < s.end && s.start < range.end
        };
        if inside {
            hit = Some(hit.map_or(i..i + 1, |h| h.start..i + 1));
        }
    }
    hit
}

fn span_of(doc: &Document, p: &Paragraph) -> Range<usize> {
    let last = p.lines.end - 1;
    doc.line_range(p.lines.start).start..doc.line_range(last).start + doc.line_text(last).len()
}

/// Whether a hunk's text on one side is lines of their own: it starts or ends with a line break.
fn own_lines(text: &str) -> bool {
    text.starts_with(['\n', '\r']) || text.ends_with('\n')
}

/// A row's extent on both sides, in bytes, as it grows.
#[derive(Debug, Clone)]
struct Extent {
    old: Range<usize>,
    new: Range<usize>,
    /// Whether each side holds nothing but text inserted as lines of its own (or deleted so).
    old_lines: bool,
    new_lines: bool,
}

/// The rows of `r`, in order: each hunk's extent widened to the paragraphs it touches on each
/// side, each widening carried to the other side through the unchanged text (the same on both),
/// until both sides stand on paragraph boundaries; hunks whose rows meet are one row.
pub(super) fn passages(r: &Redline) -> Vec<Passage> {
    let mut rows: Vec<(Extent, Range<usize>)> = Vec::new();
    for (i, h) in r.hunks.iter().enumerate() {
        if h.layout {
            continue; // not a change of wording: no row of its own
        }
        let mut e = Extent {
            old: h.old.clone(),
            new: h.new.clone(),
            old_lines: h.old.is_empty() && own_lines(r.new_text(h)),
            new_lines: h.new.is_empty() && own_lines(r.old_text(h)),
        };
        let mut hunks = i..i + 1;
        grow(r, &mut e);
        // A row that reaches this one (a paragraph they share) joins it.
        while let Some((last, lh)) = rows.last() {
            let own = e.old_lines || e.new_lines || last.old_lines || last.new_lines;
            let meets = last.old.end > e.old.start
                || last.new.end > e.new.start
                || (!own && (last.old.end == e.old.start || last.new.end == e.new.start));
            if !meets {
                break;
            }
            e.old = union(&last.old, &e.old);
            e.new = union(&last.new, &e.new);
            e.old_lines &= last.old_lines;
            e.new_lines &= last.new_lines;
            hunks = lh.start..hunks.end;
            rows.pop();
            grow(r, &mut e);
        }
        rows.push((e, hunks));
    }
    rows.into_iter()
        .map(|(e, hunks)| Passage {
            old: inside(&r.old, &e.old, e.old_lines),
            new: inside(&r.new, &e.new, e.new_lines),
            hunks,
        })
        .collect()
}

/// Widen `e` to paragraph boundaries on both sides, carrying each side's widening to the other.
fn grow(r: &Redline, e: &mut Extent) {
    loop {
        let old = widen(&r.old, &e.old, e.old_lines);
        let new = widen(&r.new, &e.new, e.new_lines);
        let new = union(&new, &(to_new(r, old.start, true)..to_new(r, old.end, false)));
        let old = union(&old, &(to_old(r, new.start, true)..to_old(r, new.end, false)));
        if old == e.old && new == e.new {
            return;
        }
        e.old = old;
        e.new = new;
    }
}

/// `range` widened to the spans of the paragraphs it touches.
fn widen(doc: &Document, range: &Range<usize>, lines: bool) -> Range<usize> {
    match touched(doc, range, lines) {
        Some(ps) => union(range, &(span(doc, ps.start).start..span(doc, ps.end - 1).end)),
        None => range.clone(),
    }
}

/// The paragraphs of `doc` a row's extent holds.
fn inside(doc: &Document, range: &Range<usize>, lines: bool) -> Range<usize> {
    touched(doc, range, lines).unwrap_or_else(|| at(doc, range.start))
}

/// Old byte `x`, outside every hunk or at one's edge, in the new text (a point inside a hunk
/// maps to its start, or with `start == false` its end).
fn to_new(r: &Redline, x: usize, start: bool) -> usize {
    let i = r.hunks.partition_point(|h| h.old.end <= x && !(h.old.is_empty() && h.old.start == x));
    match r.hunks.get(i) {
        Some(h) if h.old.start < x || (h.old.start == x && !start) => {
            if start {
                h.new.start
            } else {
                h.new.end
            }
        }
        _ => match i.checked_sub(1).map(|p| &r.hunks[p]) {
            Some(h) => h.new.end + (x - h.old.end),
            None => x,
        },
    }
}

/// New byte `x` in the old text, as [`to_new`] the other way.
fn to_old(r: &Redline, x: usize, start: bool) -> usize {
    let i = r.hunks.partition_point(|h| h.new.end <= x && !(h.new.is_empty() && h.new.start == x));
    match r.hunks.get(i) {
        Some(h) if h.new.start < x || (h.new.start == x && !start) => {
            if start {
                h.old.start
            } else {
                h.old.end
            }
        }
        _ => match i.checked_sub(1).map(|p| &r.hunks[p]) {
            Some(h) => h.old.end + (x - h.new.end),
            None => x,
        },
    }
}

/// The empty range of paragraphs at byte `offset`: before the first paragraph that starts at or
/// after it.
fn at(doc: &Document, offset: usize) -> Range<usize> {
    let ps = doc.paragraphs();
    let i = ps.partition_point(|p| span_of(doc, p).start < offset);
    i..i
}

fn union(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::Hunk;

    fn texts(r: &Redline, p: &Passage) -> (Vec<String>, Vec<String>) {
        let side = |doc: &Document, range: &Range<usize>| {
            range.clone().map(|i| doc.paragraph_text(&doc.paragraphs()[i])).collect::<Vec<_>>()
        };
        (side(&r.old, &p.old), side(&r.new, &p.new))
    }

    #[test]
    fn a_change_is_widened_to_its_paragraph() {
        let old = "(ア)　委託先を含めたサプライチェーン全体で\nのリスクの把握\n(イ)　代替手段の確保\n";
        let new = "(ア)　委託先を含めたサプライチェーン全体で\nの危険の把握\n(イ)　代替手段の確保\n";
        let at = old.find("リスク").unwrap();
        let r = Redline::from_texts(old, new, vec![Hunk::new(at..at + "リスク".len(), at..at + "危険".len())]);
        let p = passages(&r);
        assert_eq!(
            texts(&r, &p[0]),
            (
                vec!["(ア)　委託先を含めたサプライチェーン全体でのリスクの把握".into()],
                vec!["(ア)　委託先を含めたサプライチェーン全体での危険の把握".into()]
            )
        );
    }

    #[test]
    fn a_new_item_and_a_deleted_item_stand_alone() {
        let old = "(ア)　周知を図る。\n(イ)　訓練を行う。\n";
        let new = "(ア)　周知を図る。\n(イ)　訓練を行う。\n(ウ)　演習を行う。\n";
        let at = old.find("\n(イ)").unwrap() + "\n(イ)　訓練を行う。".len();
        let r = Redline::from_texts(old, new, vec![Hunk::new(at..at, at..at + "\n(ウ)　演習を行う。".len())]);
        let p = passages(&r);
        assert_eq!(texts(&r, &p[0]), (vec![], vec!["(ウ)　演習を行う。".into()]));
        let r = Redline::from_texts(new, old, vec![Hunk::new(at..at + "\n(ウ)　演習を行う。".len(), at..at)]);
        assert_eq!(texts(&r, &passages(&r)[0]), (vec!["(ウ)　演習を行う。".into()], vec![]));
    }
}
