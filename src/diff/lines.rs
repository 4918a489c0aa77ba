//! Diffing sequences of units, lines first.
//!
//! A 10 MB plan has some 100,000 lines and a few thousand changed ones, so the texts are first
//! compared line by line (each line interned to a number, then a patience diff whose gaps go to
//! Myers' algorithm from `similar`); only the changed regions found there are refined further (the
//! private `refine` module, which compares word units as they are), which keeps large documents
//! fast and small in memory. Lines are interned with rustc's hash (`rustc-hash`): hashing
//! 200,000 lines with std's SipHash costs more than diffing them.

use super::deadline::{small_enough, Deadline};
use super::patience;
use super::span::Span;
use rustc_hash::FxHashMap;
use similar::algorithms::{myers, Capture};
use similar::DiffTag;
use std::ops::Range;

/// Byte offsets where the lines of `text` start; a line includes its terminator (`\n` or `\r\n`).
fn line_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    if !text.is_empty() {
        out.push(0);
    }
    out.extend(memchr::memchr_iter(b'\n', text.as_bytes()).filter(|&i| i + 1 < text.len()).map(|i| i + 1));
    out
}

/// The regions of whole lines that differ between `old` and `new`, as byte ranges.
pub(crate) fn changed_regions(old: &str, new: &str, deadline: &mut Deadline) -> Vec<Span> {
    let (os, ns) = (line_starts(old), line_starts(new));
    diff_units(old, &os, new, &ns, Algorithm::Patience, deadline)
}

/// How two sequences of units are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Algorithm {
    /// Myers' minimal diff: for words and characters.
    Myers,
    /// Patience diff (the `patience` module): lines found once in each text anchor the
    /// comparison, and Myers' runs between them. Lines of plans repeat (「以下同じ。」) but page
    /// footers and headings do not, so this cuts a 10 MB comparison into many small ones.
    Patience,
}

/// Diff two texts cut into units at `old_starts` and `new_starts` (each unit runs to the next
/// start or the end of its text). Returns the changed spans as byte ranges, sorted, with equal
/// text between them.
pub(crate) fn diff_units(
    old: &str,
    old_starts: &[usize],
    new: &str,
    new_starts: &[usize],
    algorithm: Algorithm,
    deadline: &mut Deadline,
) -> Vec<Span> {
    // Myers' ops straight from the algorithm: similar's `Compact` post-pass (used by its
    // `capture_diff*` helpers) can return ops out of order, which the invariant cannot afford.
    let mut hook = Capture::new();
    match algorithm {
        Algorithm::Myers => {
            // Word and char units are few and short: compared as they are, not interned.
            let (o, n) = (slices(old, old_starts), slices(new, new_starts));
            let at = small_enough(o.len() + n.len(), deadline.at);
            let Ok(()) = myers::diff_deadline(&mut hook, &o, 0..o.len(), &n, 0..n.len(), at);
        }
        Algorithm::Patience => {
            let mut ids: Interner = FxHashMap::default();
            let (o, n) = (intern(&mut ids, old, old_starts), intern(&mut ids, new, new_starts));
            let distinct = ids.len();
            drop(ids);
            patience::diff(&o, &n, distinct, deadline.at, &mut hook);
        }
    }
    let ops = hook.into_ops();
    deadline.check();
    let byte = |starts: &[usize], len: usize, r: Range<usize>| -> Range<usize> {
        let at = |i: usize| starts.get(i).copied().unwrap_or(len);
        at(r.start)..at(r.end)
    };
    let mut out: Vec<Span> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        let span = Span { old: byte(old_starts, old.len(), o), new: byte(new_starts, new.len(), n) };
        match out.last_mut() {
            Some(last) if last.old.end == span.old.start && last.new.end == span.new.start => {
                last.old.end = span.old.end;
                last.new.end = span.new.end;
            }
            _ => out.push(span),
        }
    }
    out
}

type Interner<'t> = FxHashMap<&'t str, u32>;

/// The units of `text` cut at `starts`.
fn slices<'t>(text: &'t str, starts: &[usize]) -> Vec<&'t str> {
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(text.len()));
    starts.iter().zip(ends).map(|(&a, b)| &text[a..b]).collect()
}

/// The units of `text` as numbers, equal units getting equal numbers.
fn intern<'t>(ids: &mut Interner<'t>, text: &'t str, starts: &[usize]) -> Vec<u32> {
    (0..starts.len())
        .map(|i| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let next = ids.len() as u32;
            *ids.entry(&text[starts[i]..end]).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_terminators() {
        assert_eq!(line_starts("a\r\nb\nc"), [0, 3, 5]);
        assert_eq!(line_starts(""), Vec::<usize>::new());
        assert_eq!(line_starts("a\n"), [0]);
        assert_eq!(line_starts("a\n\nb"), [0, 2, 3]);
    }

    #[test]
    fn only_changed_lines_form_regions() {
        let old = "一行目\n二行目\n三行目\n四行目\n";
        let new = "一行目\n二行目を直す\n三行目\n四行目\n五行目\n";
        let r = changed_regions(old, new, &mut Deadline::new(None));
        assert_eq!(r.len(), 2);
        assert_eq!(&old[r[0].old.clone()], "二行目\n");
        assert_eq!(&new[r[0].new.clone()], "二行目を直す\n");
        assert_eq!(&new[r[1].new.clone()], "五行目\n");
        assert!(r[1].old.is_empty() && r[1].old.start == old.len());
    }

    #[test]
    fn a_missing_final_newline_is_a_change() {
        let r = changed_regions("a\nb", "a\nb\n", &mut Deadline::new(None));
        assert_eq!(r, [Span { old: 2..3, new: 2..4 }]);
    }
}
