//! The nearest near-miss of a quote that was not found: shown, never applied.

use super::problem::NearMiss;
use crate::document::Document;
use crate::fold::Folded;
use std::ops::Range;

/// Where in `ranges` of the folded draft the quote (folded: `needle`) agrees longest with the
/// draft from one of its ends, and the first character where the two part.
pub fn near_miss(doc: &Document, folded: &Folded, needle: &str, ranges: &[Range<usize>]) -> Option<NearMiss> {
    let bounds: Vec<usize> = needle.char_indices().map(|(i, _)| i).chain([needle.len()]).collect();
    let n = bounds.len() - 1;
    let text = folded.text();
    // (characters agreeing, folded start of the window, whether the agreement is a prefix)
    let mut best: Option<(usize, usize, bool)> = None;
    for r in ranges {
        let hay = &text[r.clone()];
        let p = longest(hay, n, |l| &needle[..bounds[l]]);
        if p > 0 && best.is_none_or(|b| p > b.0) {
            let at = r.start + hay.find(&needle[..bounds[p]]).unwrap_or(0);
            best = Some((p, at, true));
        }
        let s = longest(hay, n, |l| &needle[bounds[n - l]..]);
        if s > 0 && best.is_none_or(|b| s > b.0) {
            let suffix = &needle[bounds[n - s]..];
            let end = r.start + hay.find(suffix).unwrap_or(0) + suffix.len();
            let mut at = end.saturating_sub(needle.len()).max(r.start);
            while !text.is_char_boundary(at) {
                at += 1;
            }
            best = Some((s, at, false));
        }
    }
    let (agree, at, from_start) = best?;
    let mut end = (at + needle.len()).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[at..end];
    let (index, ledger, draft) = if from_start {
        let draft = window[bounds[agree].min(window.len())..].chars().next();
        (agree, needle[bounds[agree]..].chars().next(), draft)
    } else {
        let missing = n - agree; // characters of the quote before the agreeing suffix
        let draft_before = window.len().saturating_sub(needle.len() - bounds[missing]);
        (missing - 1, needle[..bounds[missing]].chars().next_back(), window[..draft_before].chars().next_back())
    };
    Some(NearMiss {
        place: doc.place(folded.doc_range(&(at..end))),
        at: index + 1,
        quote_char: ledger.map(String::from).unwrap_or_default(),
        draft_char: draft.map(String::from).unwrap_or_default(),
    })
}

/// The most characters (fewer than `n`) for which `piece(l)` occurs in `hay`: pieces grow with
/// `l`, so a binary search finds it.
fn longest<'a>(hay: &str, n: usize, piece: impl Fn(usize) -> &'a str) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        if hay.contains(piece(mid)) {
            lo = mid;
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

    fn miss(draft: &str, quote: &str) -> Option<NearMiss> {
        let doc = Document::new(draft, &PageMarker::default());
        let folded = Folded::new(&doc, false);
        near_miss(&doc, &folded, quote, std::slice::from_ref(&(0..folded.text().len())))
    }

    #[test]
    fn a_typo_in_the_middle_is_pointed_at() {
        let n = miss("本計画の策定にあたっては、関係者の意見を聴く。", "策定にあたつては").unwrap();
        assert_eq!((n.at, n.quote_char.as_str(), n.draft_char.as_str()), (6, "つ", "っ"));
        assert!(n.place.text.starts_with("策定にあたっ"), "{:?}", n.place);
    }

    #[test]
    fn a_wrong_first_character_is_found_from_the_end() {
        let n = miss("本計画の策定にあたっては、関係者", "決定にあたっては").unwrap();
        assert_eq!((n.at, n.quote_char.as_str(), n.draft_char.as_str()), (1, "決", "策"));
        assert_eq!(n.place.text, "策定にあたっては");
    }

    #[test]
    fn nothing_alike_gives_nothing() {
        assert!(miss("あいう", "xyz").is_none());
    }
}
