//! Layout is not content: what verify leaves out before it compares a draft with a final.
//!
//! A published final is extracted from a new PDF. Once text is inserted, lines wrap at other
//! places and pages break at other lines, so the footer `- 3 -` and the running heads of page 4
//! stand one line earlier or later. None of that is a change of wording. A [`View`] of a document
//! is its folded text ([`crate::fold`]: white space and page-marker lines out) with the running
//! heads left out too, and a line break put back after every 「。」, so that the diff engine
//! aligns sentence by sentence whatever the wrapping. Every view offset maps back to the
//! document's own bytes.

use crate::document::{Document, Page};
use crate::fold::Folded;
use std::collections::HashMap;

/// Lines at the top of a page that may be a running head (a title, then a chapter).
const TOP_LINES: usize = 2;
/// Pages a line must head, at least, to count as a running head.
const MIN_PAGES: usize = 3;
/// The longest running head, in chars: longer lines are body text.
const MAX_HEAD_CHARS: usize = 80;

/// A line's text as compared for running heads: white space left out.
pub(crate) fn key(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first `n` non-blank lines of a page, as (document line, key).
pub(crate) fn top(doc: &Document, page: &Page, n: usize) -> Vec<(usize, String)> {
    page.lines.clone().map(|l| (l, key(doc.line_text(l)))).filter(|(_, k)| !k.is_empty()).take(n).collect()
}

/// Running heads: lines (compared without white space) that open at least three pages of one of
/// `docs` and stand mostly there; the second line of a page counts only below a running head.
/// Sorted.
pub(crate) fn running_heads(docs: &[&Document]) -> Vec<String> {
    let mut heads: Vec<String> = Vec::new();
    for doc in docs {
        let tops: Vec<Vec<(usize, String)>> = doc.pages().iter().map(|p| top(doc, p, TOP_LINES)).collect();
        // How often each line stands anywhere: a running head stands mostly at page tops.
        let mut anywhere: HashMap<String, usize> = HashMap::new();
        for l in 0..doc.line_count() {
            if !doc.is_marker_line(l) {
                *anywhere.entry(key(doc.line_text(l))).or_default() += 1;
            }
        }
        let mut found: Vec<String> = Vec::new();
        for depth in 0..TOP_LINES {
            let mut pages: HashMap<&str, usize> = HashMap::new();
            for t in &tops {
                // A line this deep counts only when every line above it is a running head.
                if t.len() > depth && t[..depth].iter().all(|(_, k)| found.contains(k)) {
                    *pages.entry(t[depth].1.as_str()).or_default() += 1;
                }
            }
            let mut new: Vec<String> = pages
                .into_iter()
                .filter(|(k, n)| {
                    let everywhere = anywhere.get(*k).copied().unwrap_or(0);
                    *n >= MIN_PAGES && *n * 2 > everywhere && (2..=MAX_HEAD_CHARS).contains(&k.chars().count())
                })
                .map(|(k, _)| k.to_owned())
                .collect();
            if new.is_empty() {
                break;
            }
            found.append(&mut new);
        }
        heads.extend(found);
    }
    heads.sort();
    heads.dedup();
    heads
}

/// The document lines (0-based, sorted) that hold a running head at the top of their page: the
/// first lines of a page, as long as they are running heads.
pub(crate) fn head_lines(doc: &Document, heads: &[String]) -> Vec<usize> {
    if heads.is_empty() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for p in doc.pages() {
        for (l, k) in top(doc, p, TOP_LINES) {
            if heads.binary_search(&k).is_err() {
                break;
            }
            lines.push(l);
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
        let folded = Folded::skipping(doc, width, &head_lines(doc, heads));
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

    /// The document's text as it is: layout counts.
    pub fn raw(doc: &Document) -> View {
        View { text: doc.text().to_owned(), folded: None, breaks: Vec::new() }
    }

    /// The text compared.
    pub fn text(&self) -> &str {
        &self.text
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
    pub fn content(&self, range: std::ops::Range<usize>) -> String {
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

    /// The document byte range of view range `r`; for an empty range, the point right after the
    /// preceding character.
    pub fn doc_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
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
    fn a_line_heading_two_pages_is_not_a_running_head() {
        let d = doc("見出し\n本文。\n- 1 -\n見出し\n本文。\n- 2 -\n別\n- 3 -\n");
        assert!(running_heads(&[&d]).is_empty());
    }

    #[test]
    fn second_lines_count_only_under_a_running_head() {
        let two = doc("表題\n第1章\n本文。\n- 1 -\n表題\n第1章\n本文。\n- 2 -\n表題\n第1章\n本文。\n- 3 -\n");
        assert_eq!(running_heads(&[&two]), vec!["第1章".to_string(), "表題".to_string()]);
        let body = doc("甲\n繰り返す行\n- 1 -\n乙\n繰り返す行\n- 2 -\n丙\n繰り返す行\n- 3 -\n");
        assert!(running_heads(&[&body]).is_empty());
        let common = doc("表題\n同じ行\n同じ行\n同じ行\n- 1 -\n表題\n同じ行\n- 2 -\n表題\n同じ行\n同じ行\n- 3 -\n");
        assert_eq!(running_heads(&[&common]), vec!["表題".to_string()]);
    }

    #[test]
    fn heads_are_found_in_either_document_and_left_out_at_page_tops_only() {
        let a = doc("表題\n本文一。\n- 1 -\n表題\n本文二。\n- 2 -\n表題\n本文三。表題\n- 3 -\n");
        let heads = running_heads(&[&doc("x"), &a]);
        assert_eq!(heads, vec!["表題".to_string()]);
        let v = View::folded(&a, false, &heads);
        assert_eq!(v.text(), "本文一。\n本文二。\n本文三。\n表題");
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
        assert_eq!(v.content(0..v.text().len()), "一文。二文。三");
    }

    #[test]
    fn raw_views_are_the_text_itself() {
        let d = doc("一\n- 1 -\n二");
        let v = View::raw(&d);
        assert_eq!(v.text(), d.text());
        assert_eq!((v.doc_start(3), v.view_of(3)), (3, 3));
    }
}
