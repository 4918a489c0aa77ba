//! An edit's scope as ranges of a folded text (the draft, or a final checked without it).

use super::problem::AnchorProblem;
use crate::document::{Document, Page, PageNo};
use crate::fold::Folded;
use crate::ledger::{PageScope, Scope};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Where an edit may match, in folded byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FoldedScope {
    /// Anywhere.
    All,
    /// A match must start inside one of these page ranges (sorted by start), each with its
    /// page's number.
    Pages(Vec<(PageNo, Range<usize>)>),
    /// A match must overlap this line.
    Line(Range<usize>),
}

/// The pages of a document by number, built once for a whole ledger (looking a page up by its
/// number among all pages for every edit would cost pages × edits).
pub(crate) struct PageIndex<'d> {
    by_number: FxHashMap<PageNo, Vec<&'d Page>>,
}

impl<'d> PageIndex<'d> {
    /// Index the pages of `doc`.
    pub fn new(doc: &'d Document) -> PageIndex<'d> {
        let mut by_number: FxHashMap<PageNo, Vec<&'d Page>> = FxHashMap::default();
        for p in doc.pages() {
            by_number.entry(p.number).or_default().push(p);
        }
        PageIndex { by_number }
    }

    /// The page with this number, or why it cannot be named: the draft has none (or several).
    fn page(&self, doc: &Document, number: PageNo) -> Result<&'d Page, AnchorProblem> {
        match self.by_number.get(&number).map(Vec::as_slice) {
            Some([one]) => Ok(one),
            Some(several) if !several.is_empty() => Err(AnchorProblem::DuplicatePage {
                page: number,
                marker_lines: several.iter().map(|p| p.marker.map_or(0, |m| m + 1)).collect(),
            }),
            _ => Err(AnchorProblem::NoSuchPage { page: number, pages: doc.pages().iter().map(|p| p.number).collect() }),
        }
    }
}

impl FoldedScope {
    /// The scope in `doc`, or what is wrong with it: a page or line `doc` does not have
    /// ([`AnchorProblem::NoSuchPage`], [`AnchorProblem::NoSuchLine`]), or a page number two
    /// pages print ([`AnchorProblem::DuplicatePage`]).
    pub fn of(scope: &Scope, doc: &Document, folded: &Folded) -> Result<FoldedScope, AnchorProblem> {
        FoldedScope::indexed(scope, doc, folded, &PageIndex::new(doc))
    }

    /// [`FoldedScope::of`] with the document's pages indexed once for every edit.
    pub fn indexed(
        scope: &Scope,
        doc: &Document,
        folded: &Folded,
        index: &PageIndex,
    ) -> Result<FoldedScope, AnchorProblem> {
        let page = |number: PageNo| index.page(doc, number);
        let folded_range = |r: Range<usize>| folded.folded_at(r.start)..folded.folded_at(r.end);
        match &scope.pages {
            PageScope::Anywhere => Ok(FoldedScope::All),
            PageScope::Line { page: number, line } => {
                let page = page(*number)?;
                let Some(l) = doc.page_line(page, line.get()) else {
                    return Err(AnchorProblem::NoSuchLine {
                        page: *number,
                        line: line.get(),
                        lines: page.lines.len(),
                        count: doc.line_count_mode(),
                    });
                };
                Ok(FoldedScope::Line(folded_range(doc.line_range(l))))
            }
            PageScope::Pages { pages, .. } => {
                let mut ranges = Vec::with_capacity(pages.len());
                for &number in pages {
                    ranges.push((number, folded_range(doc.page_range(page(number)?))));
                }
                ranges.sort_by_key(|(_, r)| r.start);
                ranges.dedup();
                Ok(FoldedScope::Pages(ranges))
            }
        }
    }

    /// Whether a match at folded range `m` lies in scope.
    pub fn contains(&self, m: &Range<usize>) -> bool {
        match self {
            FoldedScope::All => true,
            FoldedScope::Pages(ranges) => ranges.iter().any(|(_, r)| r.contains(&m.start)),
            FoldedScope::Line(r) => m.start < r.end && m.end > r.start,
        }
    }

    /// The page a match in scope starts on (for a scope of pages).
    pub fn page_of(&self, m: &Range<usize>) -> Option<PageNo> {
        match self {
            FoldedScope::Pages(ranges) => ranges.iter().find(|(_, r)| r.contains(&m.start)).map(|(p, _)| *p),
            _ => None,
        }
    }

    /// The page numbers of a scope of pages, in the order of the text.
    pub fn pages(&self) -> Vec<PageNo> {
        match self {
            FoldedScope::Pages(ranges) => ranges.iter().map(|(p, _)| *p).collect(),
            _ => Vec::new(),
        }
    }

    /// The folded ranges, in order, that a match in scope touches.
    #[allow(clippy::single_range_in_vec_init, reason = "a list holding one range, not a range of values")]
    pub fn ranges(&self, folded_len: usize) -> Vec<Range<usize>> {
        match self {
            FoldedScope::All => vec![0..folded_len],
            FoldedScope::Pages(r) => r.iter().map(|(_, r)| r.clone()).collect(),
            FoldedScope::Line(r) => vec![r.clone()],
        }
    }
}
