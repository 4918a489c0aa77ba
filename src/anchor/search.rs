//! Every edit's quote searched for where its scope lets it match, and nowhere else.
//!
//! A plan's decisions quote short phrases (4–8 characters) of prose that recurs on every page,
//! and scope each to a page or two. One automaton over the whole draft found every overlapping
//! match of every quote, 50 million at 50 MB, to keep a few thousand (issue 14: 15.8 s and
//! 731 MB). Here the draft is searched region by region: each page (or line, or the whole text)
//! that some edit's scope names is scanned once, by an automaton of the quotes scoped to it
//! alone, so the work grows with the draft plus the matches in scope, and only those are kept.
//! The matches outside a scope are looked for only for an edit that found none in it (its
//! message lists where the quote is), in one more pass for those quotes alone.

use super::patterns::Patterns;
use super::pending::PendingEdit;
use super::scope::FoldedScope;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Most quotes in one region searched for one by one rather than by an automaton (building one
/// costs more than a few substring searches of a page: measured on a 10 MB plan, four quotes a
/// page, the automata took a seventh of resolving).
const FEW: usize = 8;

/// A stretch of the folded text where matches may start.
type Region = (usize, usize);

/// For each pending edit, the matches of its quote that start in a region its scope names,
/// sorted by start, overlapping ones included.
pub(super) fn in_scopes(pending: &[PendingEdit], patterns: &Patterns, text: &str) -> Vec<Vec<Range<usize>>> {
    let mut regions: FxHashMap<Region, Vec<usize>> = FxHashMap::default();
    let mut edit_regions: Vec<Vec<Region>> = Vec::with_capacity(pending.len());
    for e in pending {
        let len = patterns.get(e.pattern).len();
        let starts: Vec<Region> = match &e.scope {
            FoldedScope::All => vec![(0, text.len())],
            FoldedScope::Pages(pages) => pages.iter().map(|(_, r)| (r.start, r.end)).collect(),
            // A match overlapping the line may start before it.
            FoldedScope::Line(r) => {
                let mut start = r.start.saturating_sub(len.saturating_sub(1));
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                vec![(start, r.end)]
            }
        };
        for &r in &starts {
            regions.entry(r).or_default().push(e.pattern);
        }
        edit_regions.push(starts);
    }
    let mut found: FxHashMap<(Region, usize), Vec<Range<usize>>> = FxHashMap::default();
    for (region, mut ids) in regions {
        ids.sort_unstable();
        ids.dedup();
        ids.retain(|&p| !patterns.get(p).is_empty());
        if ids.is_empty() {
            continue;
        }
        let longest = ids.iter().map(|&p| patterns.get(p).len()).max().unwrap_or(0);
        let mut end = (region.1 + longest).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let hay = &text[region.0..end];
        if ids.len() <= FEW {
            // A few quotes: each found by memchr's substring search, every occurrence (UTF-8
            // never matches inside a character, so stepping one byte on is safe).
            for &p in &ids {
                let quote = patterns.get(p);
                let finder = memchr::memmem::Finder::new(quote.as_bytes());
                let mut from = 0;
                while let Some(i) = finder.find(&hay.as_bytes()[from..]) {
                    let start = region.0 + from + i;
                    if start >= region.1 {
                        break;
                    }
                    found.entry((region, p)).or_default().push(start..start + quote.len());
                    from += i + 1;
                }
            }
            continue;
        }
        let ac = automaton(ids.iter().map(|&p| patterns.get(p)));
        for m in ac.find_overlapping_iter(hay) {
            let start = region.0 + m.start();
            if start < region.1 {
                found.entry((region, ids[m.pattern().as_usize()])).or_default().push(start..region.0 + m.end());
            }
        }
    }
    pending
        .iter()
        .zip(edit_regions)
        .map(|(e, regions)| {
            let mut all: Vec<Range<usize>> = Vec::new();
            for r in regions {
                if let Some(v) = found.get(&(r, e.pattern)) {
                    all.extend(v.iter().cloned());
                }
            }
            all.sort_by_key(|m| (m.start, m.end));
            all.dedup();
            all
        })
        .collect()
}

/// The first `most` matches in the whole text of each pattern in `ids` (overlapping ones
/// included), in one pass that stops once every pattern has them.
pub(super) fn first_anywhere(
    ids: &[usize],
    patterns: &Patterns,
    text: &str,
    most: usize,
) -> FxHashMap<usize, Vec<Range<usize>>> {
    let mut ids: Vec<usize> = ids.iter().copied().filter(|&p| !patterns.get(p).is_empty()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out: FxHashMap<usize, Vec<Range<usize>>> = FxHashMap::default();
    if ids.is_empty() {
        return out;
    }
    let ac = automaton(ids.iter().map(|&p| patterns.get(p)));
    let mut full = 0;
    for m in ac.find_overlapping_iter(text) {
        let v = out.entry(ids[m.pattern().as_usize()]).or_default();
        if v.len() < most {
            v.push(m.range());
            if v.len() == most {
                full += 1;
                if full == ids.len() {
                    break;
                }
            }
        }
    }
    for v in out.values_mut() {
        v.sort_by_key(|m| m.start);
    }
    out
}

/// An automaton that reports every (overlapping) match of `patterns`. A region is a page or
/// a line with a few quotes, searched once: a DFA would take longer to build than to use, so
/// the automaton is a contiguous NFA (measured: building DFAs for the pages of a 10 MB plan
/// took a third of resolving it).
fn automaton<'a>(patterns: impl Iterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .expect("quotes are short enough for the automaton")
}
