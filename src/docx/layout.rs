//! What the Word document takes from each text's page layout: its paragraphs, not its printed
//! lines (issue 11 part 6).
//!
//! - A line break inside a paragraph (the printed page's wrap) is left out, with the indent of
//!   the line after it, so that a paragraph is one Word paragraph and reflows: accepting every
//!   change gives text a word processor can set again. Between two Latin letters it becomes a
//!   space (「Bill of⏎Materials」).
//! - Page furniture (running heads, footers, page numbers) is left out of the body; Word's
//!   header repeats the current chapter and section (`STYLEREF` fields on the heading styles)
//!   and its footer prints `- N -` (a `PAGE` field).
//! - A heading (`1.1. …`, `(1) …`) is a Word heading of its level (`Heading 1` …).

use crate::document::{Document, LineRole, ParagraphKind};
use std::ops::Range;

/// One text's layout, as the Word document uses it.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    /// Byte offsets of the line breaks (`\n`) inside paragraphs, sorted; with whether the break
    /// stands between two Latin letters.
    soft: Vec<(usize, bool)>,
    /// Byte ranges left out: furniture lines, and the indent of a paragraph's continuation
    /// lines (a hanging indent does not survive reflowing); sorted.
    dropped: Vec<Range<usize>>,
    /// For each paragraph, its start byte and its heading level.
    headings: Vec<(usize, Option<u8>)>,
}

impl Layout {
    pub fn of(doc: &Document) -> Layout {
        let text = doc.text();
        let mut soft = Vec::new();
        let mut headings = Vec::new();
        let mut dropped: Vec<Range<usize>> =
            (0..doc.line_count()).filter(|&l| doc.is_furniture(l)).map(|l| doc.line_range(l)).collect();
        for p in doc.paragraphs() {
            let level = match p.kind {
                ParagraphKind::Heading(l) => Some(l.min(6)),
                _ => None,
            };
            headings.push((doc.line_range(p.lines.start).start, level));
            let lines: Vec<usize> = p.lines.clone().filter(|&l| !doc.is_furniture(l)).collect();
            for w in lines.windows(2) {
                let end = doc.line_range(w[0]).start + doc.line_text(w[0]).len();
                let Some(nl) = text[end..doc.line_range(w[0]).end].find('\n') else { continue };
                let latin = text[..end].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                    && doc.line_text(w[1]).trim_start().chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                soft.push((end + nl, latin));
                let next = doc.line_range(w[1]).start;
                let indent = doc.line_text(w[1]).len() - doc.line_text(w[1]).trim_start().len();
                if indent > 0 {
                    dropped.push(next..next + indent);
                }
            }
        }
        dropped.sort_by_key(|r| r.start);
        Layout { soft, dropped, headings }
    }

    /// Whether the line break at `at` is a paragraph's own wrap: `Some(latin)` (between two
    /// Latin letters), `None` for a break that ends a paragraph.
    pub fn soft(&self, at: usize) -> Option<bool> {
        self.soft.binary_search_by_key(&at, |(b, _)| *b).ok().map(|i| self.soft[i].1)
    }

    /// Whether byte `at` is left out: it lies on a furniture line or in a continuation
    /// line's indent.
    pub fn dropped(&self, at: usize) -> bool {
        let i = self.dropped.partition_point(|r| r.end <= at);
        self.dropped.get(i).is_some_and(|r| r.start <= at)
    }

    /// The heading level of the paragraph holding byte `at`, if it is a heading.
    pub fn heading(&self, at: usize) -> Option<u8> {
        let i = self.headings.partition_point(|(start, _)| *start <= at);
        i.checked_sub(1).and_then(|i| self.headings[i].1)
    }
}

/// Whether `doc` prints running heads, and page numbers: the header and footer the Word
/// document gets.
pub(super) fn furniture_kinds(doc: &Document) -> (bool, bool) {
    let has = |role| (0..doc.line_count()).any(|l| doc.role(l) == role && !doc.line_text(l).trim().is_empty());
    (has(LineRole::RunningHead), has(LineRole::PageNumber))
}
