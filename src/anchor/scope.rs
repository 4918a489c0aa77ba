//! An edit's scope, as ranges of a folded text (the draft, or a final checked without it).

use crate::document::Document;
use crate::error::ProblemKind;
use crate::fold::Folded;
use crate::ledger::{Count, Edit};
use std::ops::Range;

/// Where an edit may match, in folded byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere.
    All,
    /// A match must start inside one of these page ranges.
    Pages(Vec<Range<usize>>),
    /// A match must overlap this line.
    Line(Range<usize>),
}

impl Scope {
    /// The edit's scope in `doc`, or what is wrong with it: a page or line `doc` does not have
    /// ([`ProblemKind::NoSuchPage`], [`ProblemKind::NoSuchLine`]).
    pub fn of(edit: &Edit, doc: &Document, folded: &Folded) -> Result<Scope, Box<ProblemKind>> {
        let Some(pages) = edit.scope_pages() else { return Ok(Scope::All) };
        let problem = Box::new;
        let mut ranges = Vec::with_capacity(pages.len());
        for number in pages {
            let Some(page) = doc.page(number) else {
                let pages = doc.pages().iter().map(|p| p.number).collect();
                return Err(problem(ProblemKind::NoSuchPage { page: number, pages }));
            };
            if let Some(line) = edit.line {
                let Some(l) = doc.page_line(page, line) else {
                    return Err(problem(ProblemKind::NoSuchLine { page: number, line, lines: page.lines.len() }));
                };
                let r = doc.line_range(l);
                return Ok(Scope::Line(folded.norm_of(r.start)..folded.norm_of(r.end)));
            }
            let r = doc.page_range(page);
            ranges.push(folded.norm_of(r.start)..folded.norm_of(r.end));
        }
        ranges.sort_by_key(|r| r.start);
        ranges.dedup();
        Ok(Scope::Pages(ranges))
    }

    /// Whether a match at folded range `m` lies in scope.
    pub fn contains(&self, m: &Range<usize>) -> bool {
        match self {
            Scope::All => true,
            Scope::Pages(ranges) => ranges.iter().any(|r| r.contains(&m.start)),
            Scope::Line(r) => m.start < r.end && m.end > r.start,
        }
    }

    /// For `per_page`: the page ranges (by their start) on which the matches starting there are
    /// not `count` many. Empty when every listed page holds its count.
    pub fn pages_short_of(&self, matches: &[Range<usize>], count: Count) -> Vec<usize> {
        let Scope::Pages(ranges) = self else { return Vec::new() };
        let on = |r: &Range<usize>| matches.iter().filter(|m| r.contains(&m.start)).count();
        ranges.iter().filter(|r| !count.accepts(on(r))).map(|r| r.start).collect()
    }

    /// The folded ranges, in order, that a match in scope touches.
    #[allow(clippy::single_range_in_vec_init, reason = "a list holding one range, not a range of values")]
    pub fn ranges(&self, folded_len: usize) -> Vec<Range<usize>> {
        match self {
            Scope::All => vec![0..folded_len],
            Scope::Pages(r) => r.clone(),
            Scope::Line(r) => vec![r.clone()],
        }
    }
}
