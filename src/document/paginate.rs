//! A text's lines into pages: page markers close numbered pages, and the front matter before
//! page 1 (a cover, a table of contents) becomes pages of its own.
//!
//! - **Numbered pages.** When some line matches the page marker (`- 12 -` by default), every
//!   marker line closes a page and gives it its number (a marker without a number takes the
//!   next one); the text after the last marker is one more page, numbered one higher. Without
//!   any marker line, form feeds end pages numbered 1, 2, … and there is no front matter.
//! - **Front matter.** Before the first marker, what precedes page 1's own text is front matter,
//!   when the text says where it ends: a form feed (a PDF page without a printed number, or a
//!   `pdftotext` page break) ends a front page; so does a footer that prints a Roman numeral
//!   (`- i -`); and without either, a table of contents does: a run of at least three lines
//!   each of which (leaders and page numbers aside) stands again later in the document, in the
//!   same order, under a 「目次」 line or mostly headings. Front pages are numbered `i`, `ii`, …
//!   in file order ([`PageNo::Front`]); a cover and contents with printed numbers are ordinary
//!   pages 1 and 2.

use super::marker::{front_marker, PageMarker};
use super::page::{LineRole, PageNo};
use crate::fold::fold_text;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// One page as the markers cut it: its number, its lines (the marker included), the marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    pub number: PageNo,
    pub all: Range<usize>,
    pub marker: Option<usize>,
}

/// The pages of `lines` (each without its terminator), and the lines that are page numbers.
pub(super) fn paginate(lines: &[&str], marker: &PageMarker) -> (Vec<Span>, Vec<LineRole>) {
    let n = lines.len();
    let mut roles = vec![LineRole::Body; n];
    let numbers: Vec<Option<Option<u32>>> = lines.iter().map(|l| marker.matches(l)).collect();
    let mut spans = Vec::new();
    if !numbers.iter().any(Option::is_some) {
        // Form feeds end pages. A line that starts with a form feed begins the next page; with
        // several, the pages between are empty (a blank page: pdftotext writes `\f\f`), and the
        // pages after keep their numbers.
        let (mut start, mut number) = (0, 1);
        for (i, line) in lines.iter().enumerate() {
            if i > start && line.starts_with('\u{c}') {
                spans.push(Span { number: PageNo::Number(number), all: start..i, marker: None });
                number += line.chars().take_while(|&c| c == '\u{c}').count() as u32;
                start = i;
            }
        }
        spans.push(Span { number: PageNo::Number(number), all: start..n, marker: None });
        return (spans, roles);
    }
    let (mut start, mut last) = (0, 0);
    for (i, m) in numbers.iter().enumerate() {
        let Some(number) = m else { continue };
        let number = number.unwrap_or(last + 1);
        roles[i] = LineRole::PageNumber;
        if spans.is_empty() {
            start = front_pages(lines, start..i, &mut spans, &mut roles);
        }
        spans.push(Span { number: PageNo::Number(number), all: start..i + 1, marker: Some(i) });
        last = number;
        start = i + 1;
    }
    if start < n {
        spans.push(Span { number: PageNo::Number(last + 1), all: start..n, marker: None });
    }
    (spans, roles)
}

/// The front pages at the start of `region` (the lines before the first marker), pushed to
/// `spans`; returns where page 1's own lines start.
fn front_pages(lines: &[&str], region: Range<usize>, spans: &mut Vec<Span>, roles: &mut [LineRole]) -> usize {
    let mut start = region.start;
    let mut front = 0;
    let mut close = |spans: &mut Vec<Span>, end: usize, marker: Option<usize>, start: &mut usize| {
        front += 1;
        spans.push(Span { number: PageNo::Front(front), all: *start..end, marker });
        *start = end;
    };
    for i in region.clone() {
        if i > start && lines[i].starts_with('\u{c}') {
            close(spans, i, None, &mut start);
        }
        if front_marker(lines[i]) {
            roles[i] = LineRole::PageNumber;
            close(spans, i + 1, Some(i), &mut start);
        }
    }
    if start == region.start {
        if let Some(end) = contents_end(lines, region.clone()) {
            close(spans, end, None, &mut start);
        }
    }
    start
}

/// Leaders and a page number at the end of a contents line (`はじめに・・・・1`, `I 現状 …… 3`).
static LEADERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[.…・‥·]{2,}|[\s　]+)[.…・‥·\s　]*[0-9０-９ivxIVX]*[\s　]*$|[.…・‥·]{2,}$")
        .expect("the leaders pattern is valid")
});

/// The end of a table of contents that opens `region` (see the module docs), if one does and
/// something follows it in the region.
fn contents_end(lines: &[&str], region: Range<usize>) -> Option<usize> {
    let is_title = |l: &str| matches!(fold_text(l, false).as_str(), "目次" | "Contents" | "CONTENTS");
    let headings = lines[region.clone()].iter().filter(|l| super::headings::level(l).is_some()).count();
    if headings < 3 && !lines[region.clone()].iter().any(|l| is_title(l)) {
        return None; // the usual first page: no contents to look for
    }
    let key = |s: &str| fold_text(&LEADERS.replace(s, ""), false);
    let mut later: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, line) in lines.iter().enumerate().skip(region.start) {
        let k = fold_text(line, false);
        if !k.is_empty() {
            later.entry(k).or_default().push(i);
        }
    }
    let mut i = region.start;
    while i < region.end {
        let (mut j, mut last, mut first_later) = (i, 0, usize::MAX);
        while j < region.end && !lines[j].trim_end().ends_with('。') {
            let k = key(lines[j]);
            let next = later.get(&k).and_then(|at| at.iter().find(|&&x| x > last.max(j)));
            match next {
                Some(&at) if !k.is_empty() => {
                    last = at;
                    first_later = first_later.min(at);
                }
                _ => break,
            }
            j += 1;
        }
        // The entries stand again after the contents, not among them.
        if first_later < j {
            i += 1;
            continue;
        }
        let titled = i > region.start && is_title(lines[i - 1]);
        let headings = (i..j).filter(|&l| super::headings::level(lines[l]).is_some()).count();
        if j - i >= 3 && j < region.end && (titled || headings * 3 >= (j - i) * 2) {
            return Some(j);
        }
        i = j.max(i + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(text: &str) -> Vec<(String, Range<usize>)> {
        let lines: Vec<&str> = text.lines().collect();
        paginate(&lines, &PageMarker::default()).0.into_iter().map(|s| (s.number.to_string(), s.all)).collect()
    }

    #[test]
    fn markers_number_pages_and_form_feeds_make_front_pages() {
        assert_eq!(
            pages("表紙\n\u{c}目次\n\u{c}本文\n- 1 -\n次\n- 2 -\n"),
            [("i".into(), 0..1), ("ii".into(), 1..2), ("1".into(), 2..4), ("2".into(), 4..6)]
        );
        assert_eq!(pages("一\n\u{c}二\n"), [("1".into(), 0..1), ("2".into(), 1..2)], "no markers, no front matter");
        assert_eq!(pages("一\n\u{c}\u{c}三\n"), [("1".into(), 0..1), ("3".into(), 1..2)], "a blank page between");
    }

    #[test]
    fn a_roman_footer_closes_a_front_page() {
        assert_eq!(pages("表紙\n目次\n- i -\n本文\n- 1 -\n"), [("i".into(), 0..3), ("1".into(), 3..5)]);
    }

    #[test]
    fn a_table_of_contents_ends_the_front_matter() {
        let text = "計画（案）\n目　次\nはじめに\n1. 現状\n2. 取組・・・・3\nはじめに\nはじめに\n本文。\n- 1 -\n1. 現状\n本文。\n2. 取組\n- 2 -\n";
        assert_eq!(pages(text), [("i".into(), 0..5), ("1".into(), 5..9), ("2".into(), 9..13)]);
        // Three lines that stand again later but under no 目次 and not headings: body.
        let text = "甲の行\n乙の行\n丙の行\n本文\n- 1 -\n甲の行\n乙の行\n丙の行\n- 2 -\n";
        assert_eq!(pages(text)[0], ("1".into(), 0..5));
    }
}
