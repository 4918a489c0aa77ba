//! Layout is not content: what verify leaves out before it compares a draft with a final.
//!
//! A published final is extracted from a new PDF. Once text is inserted, lines wrap at other
//! places and pages break at other lines, so the footer `- 3 -` and the running heads of page 4
//! stand one line earlier or later. None of that is a change of wording. A [`View`] of a document
//! is its folded text ([`crate::fold`]: white space and the document's page furniture out, its
//! running heads, footers and page numbers as [`Document::role`] says) with the running heads
//! of the other document left out too where they stand at the top of a page, and a line break
//! put back after every 「。」, so that the diff engine aligns sentence by sentence whatever the
//! wrapping. Every view offset maps back to the document's own bytes.

use crate::document::{opens_with_marker, Document, LineRole};
use crate::fold::{fold_text, folded_chars, Folded};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// Lines at the top of a page that may be a running head the document's own furniture missed.
const TOP_LINES: usize = 3;

/// A line's text as compared for running heads: white space left out, radicals folded.
fn key(line: &str) -> String {
    fold_text(line, false)
}

/// The running heads of `docs`, as the documents set them apart (see [`Document::role`]; a
/// text's by its headings and repetition, a PDF's by position), compared without white
/// space. Sorted, each once: what the report lists as left out.
pub(crate) fn running_heads(docs: &[&Document]) -> Vec<String> {
    // Each distinct line folded once: a head recurs on every page (measured: folding every
    // head line was 139 ms of `akaji diff` of 100 MB of pages, 80,000 pages a document).
    let lines: FxHashSet<&str> = docs
        .iter()
        .flat_map(|doc| {
            (0..doc.line_count()).filter(|&l| doc.role(l) == LineRole::RunningHead).map(|l| doc.line_text(l))
        })
        .collect();
    let mut heads: Vec<String> = lines.into_iter().map(key).filter(|k| !k.is_empty()).collect();
    heads.sort();
    heads.dedup();
    heads
}

/// The lines (0-based, sorted) of `doc` that read as one of `heads` (the running heads of both
/// documents compared) at the top of a page whose own furniture has no running head: what the
/// other document prints as a running head is layout here too. A line printed twice in a row
/// is a head above the heading it repeats: the copy is body. A heading's first appearance in
/// the document is the heading itself, not a head repeating it, unless its copy follows on the
/// page (a final without heads has 「はじめに」 once, where the draft prints the head above it).
pub(crate) fn head_lines(doc: &Document, heads: &[String]) -> Vec<usize> {
    if heads.is_empty() {
        return Vec::new();
    }
    let mut first: FxHashMap<String, usize> = FxHashMap::default();
    // A line whose first folded char opens no head is none (measured, callgrind, 1 MB of
    // pages: the heading markers of every body line were 6.1 million instructions; with this
    // first look, 3.2 million fewer in all).
    let firsts: FxHashSet<char> = heads.iter().filter_map(|h| h.chars().next()).collect();
    let may_be_head = |l: usize| folded_chars(doc.line_text(l)).next().is_some_and(|c| firsts.contains(&c));
    let candidates = (0..doc.line_count())
        .filter(|&l| doc.role(l) == LineRole::Body && may_be_head(l) && opens_with_marker(doc.line_text(l)));
    for l in candidates {
        let k = key(doc.line_text(l));
        if heads.binary_search(&k).is_ok() {
            first.entry(k).or_insert(l);
        }
    }
    let mut lines = Vec::new();
    // Whether a line prints anything: not all white space, which folds to nothing.
    let printed = |l: usize| doc.line_text(l).chars().any(|c| !c.is_whitespace());
    for p in doc.pages() {
        // Blank lines among the furniture are no running head.
        if p.all.clone().any(|l| doc.role(l) == LineRole::RunningHead && printed(l)) {
            continue;
        }
        let top: Vec<(usize, String)> =
            p.body.clone().map(|l| (l, key(doc.line_text(l)))).filter(|(_, k)| !k.is_empty()).take(TOP_LINES).collect();
        for (i, (l, k)) in top.iter().enumerate() {
            if heads.binary_search(k).is_err() {
                break;
            }
            let copy_follows = top[i + 1..].iter().any(|(_, next)| next == k);
            if first.get(k) == Some(l) && !copy_follows {
                break;
            }
            lines.push(*l);
            if top.get(i + 1).is_some_and(|(_, next)| next == k) {
                break;
            }
        }
    }
    lines
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
    /// The folded view: white space, page markers and `heads` at the tops of pages left out, a
    /// line break after each 「。」.
    pub fn folded(doc: &Document, width: bool, heads: &[String]) -> View {
        View::folded_within(doc, width, &head_lines(doc, heads), 0..doc.line_count())
    }

    /// Like [`View::folded`], of the document's `lines` only, with the lines `skip` (sorted:
    /// [`head_lines`] of the heads compared) left out: the part of a document a comparison needs
    /// where the rest is equal byte for byte. Offsets map back to the whole document.
    pub fn folded_within(doc: &Document, width: bool, skip: &[usize], lines: Range<usize>) -> View {
        let folded = Folded::skipping_within(doc, width, skip, lines);
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
        View { text, folded: Some(folded), breaks }
    }

    /// Like [`View::folded`], without the line breaks: the content as one string, for looking
    /// text up in it.
    pub fn plain(doc: &Document, width: bool, heads: &[String]) -> View {
        let folded = Folded::skipping(doc, width, &head_lines(doc, heads));
        View { text: folded.text().to_owned(), folded: Some(folded), breaks: Vec::new() }
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

    /// The view of document byte range `r`: from its first view character to right after its
    /// last (an empty range for a range that holds only layout).
    pub fn view_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.view_of(r.start);
        start..self.view_end_of(r.end).max(start)
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
        let heads = running_heads(&[&d]);
        assert_eq!(heads, vec!["計画（案）".to_string()]);
        assert_eq!(View::folded(&d, false, &heads).text(), "一文目。\n二文目。\n三文目。\n");
    }

    #[test]
    fn a_section_head_that_opens_one_page_is_left_out() {
        // Issue 12.1: 「1.2. 課題」 heads page 2 only; it is the section in force.
        let d = doc("1. 総論\n1. 総論\n1.2. 課題\n本文一。\n- 1 -\n1. 総論\n1.2. 課題\n本文二。\n- 2 -\n");
        assert_eq!(running_heads(&[&d]), vec!["1.2.課題".to_string(), "1.総論".to_string()]);
        assert_eq!(View::folded(&d, false, &[]).text(), "1.総論1.2.課題本文一。\n本文二。\n");
    }

    #[test]
    fn the_other_documents_heads_are_left_out_at_page_tops_only() {
        let a = doc("表題\n本文一。\n- 1 -\n表題\n本文二。\n- 2 -\n表題\n本文三。表題\n- 3 -\n");
        let b = doc("表題\n本文一。\n- 1 -\n本文二。\n- 2 -\n");
        let heads = running_heads(&[&a, &b]);
        assert_eq!(heads, vec!["表題".to_string()]);
        assert_eq!(View::folded(&a, false, &heads).text(), "本文一。\n本文二。\n本文三。\n表題");
        assert_eq!(View::folded(&b, false, &heads).text(), "本文一。\n本文二。\n", "b's own rule would keep it");
    }

    #[test]
    fn a_head_printed_above_its_heading_leaves_the_heading_in() {
        // An unnumbered heading: the document's own rule does not see the head.
        let heads = vec!["課題".to_string()];
        let d = doc("本文。\n- 1 -\n課題\n課題\n本文。\n- 2 -\n");
        assert_eq!(head_lines(&d, &heads), [2]);
        assert!(View::folded(&d, false, &heads).text().ends_with("課題本文。\n"));
    }

    #[test]
    fn a_headings_first_appearance_is_the_heading() {
        // The draft (a PDF) prints 「はじめに」 as the head of pages 1 and 2; a final without
        // heads has the heading opening page 1 (page 2's head is its own, the heading in force).
        let heads = vec!["はじめに".to_string()];
        let d = doc("はじめに\n本文。\n- 1 -\nはじめに\n続き。\n- 2 -\n");
        assert_eq!(head_lines(&d, &heads), [] as [usize; 0], "line 0 is the heading, not a head");
        assert_eq!(View::folded(&d, false, &heads).text(), "はじめに本文。\n続き。\n");
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
        let three = v.text().find('三').unwrap();
        assert_eq!(v.view_of(d.text().find('三').unwrap()), three);
        assert_eq!(v.view_end_of(d.text().find("\n三").unwrap()), end, "before the break put after 「。」");
        assert_eq!(v.view_range(d.text().find('二').unwrap()..d.text().find("\n三").unwrap()), at..end);
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
