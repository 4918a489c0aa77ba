//! The draft and the final as reconcile reads them: their content (layout out) and its changes.
//!
//! [`crate::compare::compare`] gives the changes between two views (white space, page markers
//! and running heads out, a line break after each 「。」). Reconcile works one step further in:
//! on the content itself, the views without the line breaks they put in, so that an inserted
//! sentence is an insertion right after the 「。」 before it, and every offset here counts bytes of
//! that content. Each side maps content back to its document's bytes, pages and lines.
//!
//! The one question asked of the changes is [`Content::check`]: if an edit replaced this stretch
//! of the draft's content by that text, would the final read so there? The changes around the
//! stretch form its region; the edit explains them when the region's draft content, with the
//! edit made, is the region's final content.

use crate::compare::{compare, CompareOptions};
use crate::document::{Document, PageNo, Place};
use crate::verify::layout::{head_lines, View};
use std::ops::Range;
use std::time::Duration;

/// One document as compared: its content and the way back to its bytes.
#[derive(Debug)]
pub(super) struct Side<'d> {
    pub doc: &'d Document,
    view: View,
    /// The view without the line breaks it put in: the content.
    text: String,
    /// For each line break of the view, how many content bytes stand before it.
    breaks: Vec<usize>,
    /// The document lines (0-based, sorted) holding running heads.
    heads: Vec<usize>,
}

impl<'d> Side<'d> {
    fn new(doc: &'d Document, view: View, heads: &[String]) -> Side<'d> {
        let mut text = String::with_capacity(view.text().len());
        let mut breaks = Vec::new();
        for piece in view.text().split_inclusive('\n') {
            match piece.strip_suffix('\n') {
                Some(p) => {
                    text.push_str(p);
                    breaks.push(text.len());
                }
                None => text.push_str(piece),
            }
        }
        Side { doc, view, text, breaks, heads: head_lines(doc, heads) }
    }

    /// The content.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The content of a range.
    pub fn content(&self, r: Range<usize>) -> &str {
        &self.text[r]
    }

    fn content_of_view(&self, v: usize) -> usize {
        // The i-th break stands at view offset breaks[i] + i, increasing with i.
        let (mut lo, mut hi) = (0, self.breaks.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.breaks[mid] + mid < v {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        v - lo
    }

    /// The view offset of the content char at `c`.
    fn start_view(&self, c: usize) -> usize {
        c + self.breaks.partition_point(|&k| k <= c)
    }

    /// The view offset right after the content char that ends at `c`.
    fn end_view(&self, c: usize) -> usize {
        c + self.breaks.partition_point(|&k| k < c)
    }

    /// The document bytes of content range `r`; for an empty range, the point right after the
    /// char before it.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.view.doc_end(self.end_view(r.start));
            return at..at;
        }
        let start = self.view.doc_start(self.start_view(r.start));
        start..self.view.doc_end(self.end_view(r.end)).max(start)
    }

    /// The content offset of document byte `d`: the first content char at or after it.
    pub fn content_at(&self, d: usize) -> usize {
        self.content_of_view(self.view.view_of(d))
    }

    /// The content range of document range `r`.
    pub fn content_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.content_at(r.start);
        start..self.content_at(r.end).max(start)
    }

    /// The document's own text of content range `r` with its layout out: the lines it covers
    /// (page markers and running heads skipped), each trimmed, joined.
    pub fn literal(&self, r: Range<usize>) -> String {
        let bytes = self.doc_range(r);
        if bytes.is_empty() {
            return String::new();
        }
        let (first, last) = (self.doc.line_of(bytes.start), self.doc.line_of(bytes.end - 1));
        let mut out = String::with_capacity(bytes.len());
        for l in first..=last {
            if self.doc.is_marker_line(l) || self.doc.is_furniture(l) || self.heads.binary_search(&l).is_ok() {
                continue;
            }
            let line = self.doc.line_range(l);
            let part = &self.doc.text()[line.start.max(bytes.start)..line.end.min(bytes.end)];
            out.push_str(part.trim());
        }
        out
    }

    /// The page holding content char `c` (for an empty range, the char before it, or after
    /// it at the very start).
    pub fn page_at(&self, r: &Range<usize>) -> PageNo {
        self.doc.position(self.point(r)).page
    }

    /// The document byte that stands for content range `r` when placing it: its first char, or
    /// the last char before an empty range.
    fn point(&self, r: &Range<usize>) -> usize {
        let bytes = self.doc_range(r.clone());
        if bytes.is_empty() && bytes.start > 0 {
            let before = self.doc.text()[..bytes.start].chars().next_back().map_or(1, char::len_utf8);
            bytes.start - before
        } else {
            bytes.start
        }
    }

    /// The pages an empty range (an insertion point) may be cited by: the page of the char
    /// before it and of the char after it.
    pub fn pages_around(&self, r: &Range<usize>) -> Vec<PageNo> {
        let mut pages = vec![self.page_at(r)];
        if r.is_empty() && r.start < self.text.len() {
            let after = self.view.doc_start(self.start_view(r.start));
            pages.push(self.doc.position(after).page);
        }
        pages.dedup();
        pages
    }

    /// The lines of its page content range `r` touches, each as (line counting every printed
    /// line: running heads and footers too, line as the document counts them: body lines by
    /// default, which `line = N` means to `apply`, line from the bottom in that count).
    pub fn lines(&self, r: &Range<usize>) -> Vec<(i64, i64, i64)> {
        let bytes = self.doc_range(r.clone());
        let first = self.doc.line_of(self.point(r));
        let last = if bytes.is_empty() { first } else { self.doc.line_of(bytes.end - 1) };
        let page = self.doc.position(self.point(r)).page;
        let Some(p) = self.doc.page(page) else { return Vec::new() };
        (first..=last)
            .filter(|l| p.lines.contains(l))
            .map(|l| {
                let counted = (l - p.lines.start) as i64 + 1;
                ((l - p.all.start) as i64 + 1, counted, counted - p.lines.len() as i64 - 1)
            })
            .collect()
    }

    /// A place for reports: page, line, the text and its context.
    pub fn place(&self, r: Range<usize>) -> Place {
        self.doc.place(self.doc_range(r))
    }

    /// The content range of the body of page `number` (running heads and marker out).
    pub fn page_content(&self, number: PageNo) -> Option<Range<usize>> {
        let page = self.doc.page(number)?;
        Some(self.content_range(self.doc.page_range(page)))
    }
}

/// One change between draft and final: content ranges of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change {
    /// The draft's content it replaces (empty: an insertion).
    pub old: Range<usize>,
    /// The final's content in its place (empty: a deletion).
    pub new: Range<usize>,
}

/// What the final holds where an edit would change the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Check {
    /// The final reads as the edit makes it; these changes (indices) are the edit's.
    Made(Range<usize>),
    /// No change touches the place: the draft's text stands in the final.
    Unchanged,
    /// The place changed, to something else: these changes touch it.
    Different(Range<usize>),
}

/// The changes around a stretch of the draft, and the stretch of each text they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    /// Indices of the changes.
    pub changes: Range<usize>,
    /// The draft content covered.
    pub old: Range<usize>,
    /// The final content covered.
    pub new: Range<usize>,
}

/// The draft, the final, and the changes from one to the other.
#[derive(Debug)]
pub(super) struct Content<'d> {
    /// The running heads left out of both (sorted).
    pub heads: Vec<String>,
    pub draft: Side<'d>,
    pub fin: Side<'d>,
    pub changes: Vec<Change>,
    /// Growth of the final over the draft before change i.
    shift: Vec<isize>,
}

impl<'d> Content<'d> {
    /// Compare `draft` and `final_doc`, layout out (widths folded when `width`).
    pub fn new(draft: &'d Document, final_doc: &'d Document, width: bool, timeout: Option<Duration>) -> Content<'d> {
        let c = compare(draft, final_doc, &CompareOptions { width, keep_layout: false, timeout });
        let draft = Side::new(draft, c.old, &c.heads);
        let fin = Side::new(final_doc, c.new, &c.heads);
        let mut changes: Vec<Change> = Vec::with_capacity(c.hunks.len());
        for h in &c.hunks {
            let old = draft.content_of_view(h.old.start)..draft.content_of_view(h.old.end);
            let new = fin.content_of_view(h.new.start)..fin.content_of_view(h.new.end);
            if draft.content(old.clone()) == fin.content(new.clone()) {
                continue; // a line break of the view moved, nothing else
            }
            let (old, new) = insertion_or_deletion(draft.text(), fin.text(), old, new);
            match changes.last_mut() {
                Some(last) if last.old.end == old.start && last.new.end == new.start => {
                    last.old.end = old.end;
                    last.new.end = new.end;
                }
                _ => changes.push(Change { old, new }),
            }
        }
        let mut shift = Vec::with_capacity(changes.len() + 1);
        shift.push(0);
        for ch in &changes {
            shift.push(shift.last().copied().unwrap_or(0) + ch.new.len() as isize - ch.old.len() as isize);
        }
        Content { heads: c.heads, draft, fin, changes, shift }
    }

    /// The final offset of draft offset `d`, which no change covers (the start or end of one
    /// is covered by it: see [`Content::region`]).
    fn to_final(&self, d: usize, before: usize) -> usize {
        (d as isize + self.shift[before]).max(0) as usize
    }

    /// The changes that overlap draft range `r`, or touch it (an insertion at either end, or a
    /// change around an empty `r`), and the stretch of each text they cover with `r`.
    pub fn region(&self, r: &Range<usize>) -> Region {
        let hit = |c: &Change| {
            let overlaps = c.old.start < r.end && r.start < c.old.end;
            overlaps || (c.old.is_empty() || r.is_empty()) && c.old.start <= r.end && r.start <= c.old.end
        };
        let from = self.changes.partition_point(|c| c.old.end < r.start);
        let window = self.changes[from..].iter().take_while(|c| c.old.start <= r.end);
        self.region_of(r, hits(from, window, hit))
    }

    fn region_of(&self, r: &Range<usize>, changes: Range<usize>) -> Region {
        if changes.is_empty() {
            let before = self.changes.partition_point(|c| c.old.end <= r.start);
            let new = self.to_final(r.start, before)..self.to_final(r.end, before);
            return Region { changes, old: r.clone(), new };
        }
        let (first, last) = (&self.changes[changes.start], &self.changes[changes.end - 1]);
        let old = r.start.min(first.old.start)..r.end.max(last.old.end);
        let start =
            if old.start == first.old.start { first.new.start } else { self.to_final(old.start, changes.start) };
        let end = if old.end == last.old.end { last.new.end } else { self.to_final(old.end, changes.end) };
        Region { changes, old, new: start..end.max(start) }
    }

    /// Whether the final reads `expected` in place of draft range `r` (content, folded as the
    /// draft is): the changes around `r` are then what replacing it makes.
    pub fn check(&self, r: &Range<usize>, expected: &str) -> Check {
        let region = self.region(r);
        if region.changes.is_empty() {
            return Check::Unchanged;
        }
        let d = self.draft.text();
        let made = format!("{}{expected}{}", &d[region.old.start..r.start], &d[r.end..region.old.end]);
        if made == self.fin.content(region.new.clone()) {
            Check::Made(region.changes)
        } else {
            Check::Different(region.changes)
        }
    }

    /// The draft range of final range `f`, with the changes it covers: the changes that overlap
    /// it (or lie inside it), and the stretch of each text they cover with it.
    pub fn region_in_final(&self, f: &Range<usize>) -> Region {
        let hit = |c: &Change| {
            c.new.start < f.end && f.start < c.new.end
                || c.new.is_empty() && f.start < c.new.start && c.new.start < f.end
        };
        let from = self.changes.partition_point(|c| c.new.end < f.start);
        let window = self.changes[from..].iter().take_while(|c| c.new.start <= f.end);
        let changes = hits(from, window, hit);
        let to_draft = |x: usize, before: usize| (x as isize - self.shift[before]).max(0) as usize;
        if changes.is_empty() {
            let before = self.changes.partition_point(|c| c.new.end <= f.start);
            return Region { changes, old: to_draft(f.start, before)..to_draft(f.end, before), new: f.clone() };
        }
        let (first, last) = (&self.changes[changes.start], &self.changes[changes.end - 1]);
        let new = f.start.min(first.new.start)..f.end.max(last.new.end);
        let start = if new.start == first.new.start { first.old.start } else { to_draft(new.start, changes.start) };
        let end = if new.end == last.new.end { last.old.end } else { to_draft(new.end, changes.end) };
        Region { changes, old: start..end.max(start), new }
    }
}

/// A change as the pure insertion (deletion) it is when one side holds the other at its start
/// or end: the diff replaces a whole word unit (「甲乙丙」→「甲乙丙乙丙」) where text went in.
fn insertion_or_deletion(d: &str, f: &str, old: Range<usize>, new: Range<usize>) -> (Range<usize>, Range<usize>) {
    let (a, b) = (&d[old.clone()], &f[new.clone()]);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let cut = if long.starts_with(short) {
        Some((short.len(), 0))
    } else if long.ends_with(short) {
        Some((0, short.len()))
    } else {
        None
    };
    match cut {
        Some((head, tail)) => (old.start + head..old.end - tail, new.start + head..new.end - tail),
        None => (old, new),
    }
}

/// The indices (from `from`) of the changes in `window` that `hit` accepts: they stand together,
/// the changes beside a stretch that do not touch it being at the window's ends.
fn hits<'c>(from: usize, window: impl Iterator<Item = &'c Change>, hit: impl Fn(&Change) -> bool) -> Range<usize> {
    let mut found: Option<Range<usize>> = None;
    for (i, c) in window.enumerate() {
        if hit(c) {
            let i = from + i;
            found = Some(found.map_or(i..i + 1, |f| f.start..i + 1));
        }
    }
    found.unwrap_or(from..from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn docs(a: &str, b: &str) -> (Document, Document) {
        let m = PageMarker::default();
        (Document::new(a, &m), Document::new(b, &m))
    }

    #[test]
    fn changes_are_content_ranges_without_the_views_line_breaks() {
        let (a, b) = docs("一文目。\n二文\n目。\n- 1 -\n", "一文目。挿入した文。二文目。\n- 1 -\n");
        let c = Content::new(&a, &b, false, None);
        assert_eq!(c.draft.text(), "一文目。二文目。");
        assert_eq!(c.changes.len(), 1, "{:?}", c.changes);
        let ch = &c.changes[0];
        assert_eq!((c.draft.content(ch.old.clone()), c.fin.content(ch.new.clone())), ("", "挿入した文。"));
        assert_eq!(ch.old.start, "一文目。".len(), "right after the 。 before it");
        // The draft's own bytes and text, with its layout left out.
        let two = c.draft.text().find("二文目").unwrap();
        let r = two..two + "二文目".len();
        assert_eq!(&a.text()[c.draft.doc_range(r.clone())], "二文\n目");
        assert_eq!(c.draft.literal(r.clone()), "二文目");
        assert_eq!(c.draft.content_range(c.draft.doc_range(r.clone())), r);
    }

    #[test]
    fn an_edit_is_checked_against_the_changes_around_it() {
        let (a, b) = docs("分科会を設置し、装置を設置した。\n- 1 -\n", "分科会を開催し、装置を設置した。\n- 1 -\n");
        let c = Content::new(&a, &b, false, None);
        let at = |s: &str, nth: usize| {
            let i = c.draft.text().match_indices(s).nth(nth).unwrap().0;
            i..i + s.len()
        };
        assert_eq!(c.check(&at("設置", 0), "開催"), Check::Made(0..1));
        assert_eq!(c.check(&at("設置", 1), "開催"), Check::Unchanged);
        assert_eq!(c.check(&at("設置", 0), "発足"), Check::Different(0..1));
        assert_eq!(c.check(&at("分科会を設置", 0), "分科会を開催"), Check::Made(0..1));
        let f = c.fin.text().find("開催").unwrap();
        let region = c.region_in_final(&(f..f + "開催".len()));
        assert_eq!(c.draft.content(region.old), "設置");
    }

    #[test]
    fn pages_and_lines_count_running_heads_apart() {
        let draft = "表題\n本文一。\n- 1 -\n表題\n本文二、\n本文三。\n- 2 -\n表題\n本文四。\n- 3 -\n";
        let (a, b) = docs(draft, draft);
        let c = Content::new(&a, &b, false, None);
        let three = c.draft.text().find("本文三").unwrap();
        let r = three..three + "本文三".len();
        assert_eq!(c.draft.page_at(&r), 2);
        assert_eq!(c.draft.lines(&r), [(3, 2, -1)]);
        assert_eq!(c.draft.literal(c.draft.page_content(PageNo::Number(2)).unwrap()), "本文二、本文三。");
    }
}
