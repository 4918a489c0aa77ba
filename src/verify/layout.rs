//! Layout is not content: what verify leaves out before it compares a draft with a final.
//!
//! A published final is extracted from a new PDF. Once text is inserted, lines wrap at other
//! places and pages break at other lines, so the footer `- 3 -` and the running heads of page 4
//! stand one line earlier or later. None of that is a change of wording. A [`View`] of a document
//! is its folded text ([`crate::fold`]: white space and page-marker lines out) with its page
//! furniture left out too, the radicals a PDF extraction writes for some ideographs (⾏ for 行)
//! read as those ideographs, and a line break put back after every 「。」, so that the diff
//! engine aligns sentence by sentence whatever the wrapping. Every view offset maps back to the
//! document's own bytes.
//!
//! **Furniture** is whatever sits between a page's body and the next page's body: the footer
//! (the page marker), and the running heads at the top of a page, however many pages a head
//! opens. One function decides it for one document ([`page_furniture`]: the document model's
//! seam), one for a draft and a final together ([`furniture_lines`]). A running head repeats a
//! heading of the document (the chapter or section it names is printed in the body, and in the
//! contents), so a line at the top of a page whose text stands elsewhere in the document as a
//! whole line is a head, and so is the line under it when it too repeats a line and is not the
//! same heading again (a chapter that opens a page prints its head, then its heading). A
//! document has running heads only when most of its pages open with one: in a document without
//! them, a page that happens to open with a repeated line (「(2) 今後の取組」) is not furniture.
//! Across a draft and its final, the first line of page N is furniture in both when it stands
//! atop page N in both while the two break their pages at other places.
//!
//! Measured against the old rule (a line heading at least three pages): on testdata/verify-set,
//! that rule misses every head that opens one or two pages (plan-b's 1.2, 2.2, 3.2) and every
//! page's second head; this one finds every running head of the 36 finals and the four drafts,
//! and no body line, except page 1's head after the front matter, which stands the same in a
//! draft and its finals.

use crate::document::{Document, Page};
use crate::fold::Folded;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Lines at the top of a page that may be a running head (a chapter, then a section).
const TOP_LINES: usize = 2;
/// The longest running head, in chars: longer lines are body text.
const MAX_HEAD_CHARS: usize = 80;

/// The radicals PDF producers write for ideographs, and the ideographs (each 3 bytes in UTF-8,
/// so a view can read one as the other without moving any offset). NFKC folds the first four
/// (with `match_width`), not ⺠ and ⻑.
const RADICALS: [(char, char); 6] =
    [('⾏', '行'), ('⽤', '用'), ('⽣', '生'), ('⽅', '方'), ('⺠', '民'), ('⻑', '長')];

/// A line's text as compared for running heads: white space left out.
fn key(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first `n` non-blank lines of a page, as (document line, key).
fn top(doc: &Document, page: &Page, n: usize) -> Vec<(usize, String)> {
    page.lines.clone().map(|l| (l, key(doc.line_text(l)))).filter(|(_, k)| !k.is_empty()).take(n).collect()
}

/// The page furniture of one document other than its page markers: the running heads at the
/// top of its pages (document lines, 0-based, sorted).
///
/// This is the seam of the document model: a document that knows its furniture (a reader that
/// saw it in the geometry of a PDF, or this function's answer given back through
/// [`Document::with_furniture`]) is taken at its word; only a document that knows none has its
/// running heads guessed from its text.
///
/// ```
/// use akaji::{Document, PageMarker};
/// use akaji::verify::page_furniture;
/// let text = "1. 第一章\n1. 第一章\n本文。\n- 1 -\n1. 第一章\n1.1. 節\n1.1. 節\n本文。\n- 2 -\n2. 第二章\n2. 第二章\n本文。\n- 3 -\n";
/// let d = Document::new(text, &PageMarker::default());
/// // Each page's head (the chapter, and under it the section), not the heading under it.
/// assert_eq!(page_furniture(&d), vec![0, 4, 5, 9]);
/// ```
pub fn page_furniture(doc: &Document) -> Vec<usize> {
    let known = doc.furniture();
    if !known.is_empty() {
        return known;
    }
    let pages = doc.pages();
    let tops: Vec<Vec<(usize, String)>> = pages.iter().map(|p| top(doc, p, TOP_LINES)).collect();
    let head_like = |k: &str| (2..=MAX_HEAD_CHARS).contains(&k.chars().count());
    // How often each candidate stands as a whole line anywhere in the document.
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for t in &tops {
        for (_, k) in t.iter().filter(|(_, k)| head_like(k)) {
            seen.insert(k.as_str(), 0);
        }
    }
    let longest = MAX_HEAD_CHARS * 4 + 64;
    for l in 0..doc.line_count() {
        let text = doc.line_text(l);
        if text.len() <= longest && !doc.is_marker_line(l) {
            if let Some(n) = seen.get_mut(key(text).as_str()) {
                *n += 1;
            }
        }
    }
    let repeats = |k: &str| head_like(k) && seen.get(k).is_some_and(|&n| n >= 2);
    let mut heads: Vec<usize> = Vec::new();
    let mut pages_with_heads = 0;
    for t in &tops {
        let Some((first, k1)) = t.first().filter(|(_, k)| repeats(k)) else { continue };
        pages_with_heads += 1;
        heads.push(*first);
        if let Some((second, k2)) = t.get(1) {
            if k2 != k1 && repeats(k2) {
                heads.push(*second);
            }
        }
    }
    // A document has running heads when most of its pages open with one.
    if pages.len() >= 2 && pages_with_heads * 2 >= pages.len() {
        heads.sort_unstable();
        heads.dedup();
        heads
    } else {
        Vec::new()
    }
}

/// The furniture of a draft (or the draft with the ledger applied) and of a final, decided
/// together: each document's own ([`page_furniture`]), and the first line of page N when it
/// is the same in both (compared without white space) while the line under it is not and the
/// pages before end differently (the two break pages at other places, and that line stayed
/// atop page N: a head). Sorted document lines of each.
pub(super) fn furniture_lines(draft: &Document, final_doc: &Document) -> (Vec<usize>, Vec<usize>) {
    let (mut a, mut b) = (page_furniture(draft), page_furniture(final_doc));
    let last_line = |d: &Document, page: &Page| {
        page.lines.clone().rev().map(|l| key(d.line_text(l))).find(|k| !k.is_empty()).unwrap_or_default()
    };
    for (pair, p) in draft.pages().windows(2).map(|w| (w, &w[1])) {
        let Some(qi) = final_doc.pages().iter().position(|q| q.number == p.number) else { continue };
        let Some(prev) = qi.checked_sub(1).map(|i| &final_doc.pages()[i]) else { continue };
        if last_line(draft, &pair[0]) == last_line(final_doc, prev) {
            // The page breaks at the same place in both: its top says nothing of furniture.
            continue;
        }
        let q = &final_doc.pages()[qi];
        // The first line, equal atop both pages, when the body under it differs.
        let (ta, tb) = (top(draft, p, 2), top(final_doc, q, 2));
        if let ([(la, ka), ra @ ..], [(lb, kb), rb @ ..]) = (&ta[..], &tb[..]) {
            if ka == kb && ra.first().map(|x| &x.1) != rb.first().map(|x| &x.1) {
                a.push(*la);
                b.push(*lb);
            }
        }
    }
    for v in [&mut a, &mut b] {
        v.sort_unstable();
        v.dedup();
    }
    (a, b)
}

/// The distinct texts of some furniture lines (white space left out), sorted: what the report
/// lists as left out.
pub(super) fn furniture_texts(docs: &[(&Document, &[usize])]) -> Vec<String> {
    let mut out: Vec<String> = docs.iter().flat_map(|(d, lines)| lines.iter().map(|&l| key(d.line_text(l)))).collect();
    out.retain(|k| !k.is_empty());
    out.sort();
    out.dedup();
    out
}

/// `text` with every radical read as its ideograph, in place (no offset moves).
pub(crate) fn fold_radicals(text: &mut String) {
    if !text.chars().any(|c| RADICALS.iter().any(|(r, _)| *r == c)) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(RADICALS.iter().find(|(r, _)| *r == c).map_or(c, |(_, u)| *u));
    }
    *text = out;
}

/// A document as the comparison sees it, and the way back to its bytes.
#[derive(Debug, Clone)]
pub(crate) struct View {
    text: String,
    /// `None`: the view is the document's text itself (`--keep-layout`).
    folded: Option<Folded>,
    /// Folded offsets after which a line break was put into the view (after each 「。」).
    breaks: Vec<usize>,
}

impl View {
    /// The folded view: white space, page markers and the `furniture` lines (sorted) left out,
    /// radicals read as ideographs, a line break after each 「。」.
    pub fn folded(doc: &Document, width: bool, furniture: &[usize]) -> View {
        let folded = Folded::skipping(doc, width, furniture);
        let f = folded.text();
        let mut text = String::with_capacity(f.len() + f.len() / 40);
        let mut breaks = Vec::new();
        let mut at = 0;
        for (i, _) in f.match_indices('。') {
            let end = i + '。'.len_utf8();
            text.push_str(&f[at..end]);
            text.push('\n');
            breaks.push(end);
            at = end;
        }
        text.push_str(&f[at..]);
        fold_radicals(&mut text);
        View { text, folded: Some(folded), breaks }
    }

    /// Like [`View::folded`], without the line breaks: the content as one string, for looking
    /// text up in it.
    pub fn plain(doc: &Document, width: bool, furniture: &[usize]) -> View {
        let folded = Folded::skipping(doc, width, furniture);
        let mut text = folded.text().to_owned();
        fold_radicals(&mut text);
        View { text, folded: Some(folded), breaks: Vec::new() }
    }

    /// The document's text as it is: layout counts.
    pub fn raw(doc: &Document) -> View {
        View { text: doc.text().to_owned(), folded: None, breaks: Vec::new() }
    }

    /// The text compared.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The fold behind a folded view (its offsets are the view's for a [`View::plain`] view).
    pub fn fold(&self) -> Option<&Folded> {
        self.folded.as_ref()
    }

    /// Whether this view leaves layout out.
    pub fn is_folded(&self) -> bool {
        self.folded.is_some()
    }

    /// `v` moved back to a char boundary of the view, within it (a guard against a diff engine
    /// that reports offsets off the text).
    fn floor(&self, v: usize) -> usize {
        let mut v = v.min(self.text.len());
        while !self.text.is_char_boundary(v) {
            v -= 1;
        }
        v
    }

    /// The view's text of `range` without the line breaks the view put in.
    pub fn content(&self, range: Range<usize>) -> String {
        let (start, end) = (self.floor(range.start), self.floor(range.end));
        let s = &self.text[start..end.max(start)];
        if self.is_folded() {
            s.replace('\n', "")
        } else {
            s.to_owned()
        }
    }

    /// The folded offset of view offset `v`.
    fn to_folded(&self, v: usize) -> usize {
        let v = self.floor(v);
        // The i-th break stands at view offset breaks[i] + i.
        v - partition(&self.breaks, |i, b| b + i < v)
    }

    /// The document byte where the view character at `v` begins.
    pub fn doc_start(&self, v: usize) -> usize {
        match &self.folded {
            Some(f) => f.doc_start(self.to_folded(v)),
            None => self.floor(v),
        }
    }

    /// The document byte right after the view character that ends at `v`.
    pub fn doc_end(&self, v: usize) -> usize {
        match &self.folded {
            Some(f) => f.doc_end(self.to_folded(v)),
            None => self.floor(v),
        }
    }

    /// The view offset of document byte `doc`: the first view character at or after it.
    pub fn view_of(&self, doc: usize) -> usize {
        match &self.folded {
            Some(f) => {
                let n = f.folded_at(doc);
                n + self.breaks.partition_point(|&b| b <= n)
            }
            None => doc,
        }
    }

    /// The view offset right after the last view character before document byte `doc`: where a
    /// range of the document that ends at `doc` ends in the view (before any line break the
    /// view put after it).
    pub fn view_end_of(&self, doc: usize) -> usize {
        match &self.folded {
            Some(f) => {
                let n = f.folded_at(doc);
                n + self.breaks.partition_point(|&b| b < n)
            }
            None => doc,
        }
    }

    /// The document byte range of view range `r`; for an empty range, the point right after the
    /// preceding character.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        if r.end <= r.start {
            let at = self.doc_end(r.start);
            at..at
        } else {
            let start = self.doc_start(r.start);
            start..self.doc_end(r.end).max(start)
        }
    }
}

/// How many leading items of `v` satisfy `pred(index, item)` (which must be monotone).
fn partition(v: &[usize], pred: impl Fn(usize, usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if pred(mid, v[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn doc(s: &str) -> Document {
        Document::new(s, &PageMarker::default())
    }

    #[test]
    fn running_heads_and_line_breaks_are_left_out() {
        let pages = "計画（案）\n一文目。\n- 1 -\n計画（案）\n二文目。\n- 2 -\n計画（案）\n三文\n目。\n- 3 -\n";
        let d = doc(pages);
        let heads = page_furniture(&d);
        assert_eq!(heads, vec![0, 3, 6]);
        assert_eq!(View::folded(&d, false, &heads).text(), "一文目。\n二文目。\n三文目。\n");
    }

    #[test]
    fn a_document_that_knows_its_furniture_is_taken_at_its_word() {
        let d = doc("1. 章\n1. 章\n1.1. 節\n本文。\n- 1 -\n1. 章\n1.1. 節\n続き。\n- 2 -\n");
        let heads = page_furniture(&d);
        assert_eq!(heads, vec![0, 5, 6]);
        assert_eq!(page_furniture(&d.with_furniture(&heads)), heads, "asked again, the same answer");
    }

    #[test]
    fn a_head_that_opens_one_page_is_a_running_head() {
        // 「1.2. 節」 heads page 2 only; it repeats the section's heading on page 1.
        let d = doc("1. 章\n1. 章\n1.2. 節\n本文。\n- 1 -\n1. 章\n1.2. 節\n続き。\n- 2 -\n");
        assert_eq!(page_furniture(&d), vec![0, 5, 6]);
    }

    #[test]
    fn a_document_without_heads_keeps_a_repeated_line_that_opens_a_page() {
        let d = doc("甲。\n(2) 今後の取組\n- 1 -\n乙。\n- 2 -\n(2) 今後の取組\n丙。\n- 3 -\n丁。\n- 4 -\n");
        assert!(page_furniture(&d).is_empty());
        let body = doc("甲\n繰り返す行\n- 1 -\n乙\n繰り返す行\n- 2 -\n丙\n繰り返す行\n- 3 -\n");
        assert!(page_furniture(&body).is_empty());
    }

    #[test]
    fn a_line_atop_the_same_page_of_both_documents_is_furniture_in_both() {
        let a = doc("前文一。\n- 1 -\n別添\n本文二。\n- 2 -\n");
        let b = doc("前文一。前文\n二。\n- 1 -\n別添\n本文三。\n- 2 -\n");
        assert_eq!(furniture_lines(&a, &b), (vec![2], vec![3]));
        // Where both break the page after the same line, the line atop the next says nothing.
        assert_eq!(furniture_lines(&a, &a), (vec![], vec![]));
    }

    #[test]
    fn radicals_read_as_ideographs_in_a_view() {
        let d = doc("⾏政と⺠間の⻑期\n");
        let v = View::folded(&d, false, &[]);
        assert_eq!(v.text(), "行政と民間の長期");
        assert_eq!(&d.text()[v.doc_range(0..v.text().find('と').unwrap())], "⾏政");
    }

    #[test]
    fn offsets_map_back_through_breaks_and_gaps() {
        let d = doc("一文。\n二\n文。\n三");
        let v = View::folded(&d, false, &[]);
        assert_eq!(v.text(), "一文。\n二文。\n三");
        let at = v.text().find('二').unwrap();
        assert_eq!(v.doc_start(at), d.text().find('二').unwrap());
        assert_eq!(v.view_of(d.text().find('二').unwrap()), at);
        let end = v.text().find("文。\n三").unwrap() + "文。".len();
        assert_eq!(&d.text()[v.doc_range(at..end)], "二\n文。");
        assert_eq!(v.view_end_of(d.text().find("\n三").unwrap()), end);
        let three = v.text().find('三').unwrap();
        assert_eq!(v.view_of(d.text().find('三').unwrap()), three);
        assert_eq!(v.content(0..v.text().len()), "一文。二文。三");
        assert_eq!(View::plain(&d, false, &[]).text(), "一文。二文。三");
    }

    #[test]
    fn raw_views_are_the_text_itself() {
        let d = doc("一\n- 1 -\n二");
        let v = View::raw(&d);
        assert_eq!(v.text(), d.text());
        assert_eq!((v.doc_start(3), v.view_of(3)), (3, 3));
    }
}
