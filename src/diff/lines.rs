//! Diffing sequences of units, lines first.
//!
//! A 10 MB plan has some 100,000 lines and a few thousand changed ones, so the texts are first
//! compared line by line (each line interned to a number, then a patience diff whose gaps go to
//! Myers' algorithm with git's discarding and cost limits, the private `myers` module); only the changed regions found there are refined further (the
//! private `refine` module, which compares word units as they are), which keeps large documents
//! fast and small in memory.
//!
//! ```
//! use akaji::diff::lines::line_starts;
//! assert_eq!(line_starts("a\r\nb\nc"), [0, 3, 5]);
//! ```

use super::myers::{join_opposite, runs, Myers};
use super::patience;
use super::{Deadline, Span};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Byte offsets where the lines of `text` start; a line includes its terminator (`\n` or `\r\n`).
pub fn line_starts(text: &str) -> Vec<usize> {
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

/// Lines of equal text between two regions that are refined as one when either is a pure
/// insertion or deletion.
const NEAR_LINES: usize = 3;

/// Join a region that only inserts or only deletes lines with its neighbour when at most
/// [`NEAR_LINES`] equal lines stand between them, for the refinement to compare as one. In
/// repeated lines, old `D Y D Z` and new `D' Y' D Z'` (three lines edited) come back from the
/// line diff as [insert D' Y'] D [Y D Z → Z'], as minimal as the edits in place; only a word
/// diff of the whole finds the three small changes.
pub(crate) fn join_near(old: &str, regions: Vec<Span>) -> Vec<Span> {
    let pure = |s: &Span| s.old.is_empty() || s.new.is_empty();
    let mut out: Vec<Span> = Vec::with_capacity(regions.len());
    for r in regions {
        if let Some(last) = out.last_mut() {
            let gap = &old.as_bytes()[last.old.end..r.old.start];
            if (pure(last) || pure(&r)) && memchr::memchr_iter(b'\n', gap).count() <= NEAR_LINES {
                last.old.end = r.old.end;
                last.new.end = r.new.end;
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// How two sequences of units are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Algorithm {
    /// Myers' diff (minimal but for pathological inputs): for words and characters.
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
    let mut ids: Interner =
        HashMap::with_capacity_and_hasher(old_starts.len().max(new_starts.len()), Default::default());
    let (o, n) = (intern(&mut ids, old, old_starts), intern(&mut ids, new, new_starts));
    let distinct = ids.len();
    drop(ids);
    let (mut marks_old, mut marks_new) = (vec![false; o.len()], vec![false; n.len()]);
    match algorithm {
        Algorithm::Myers => {
            Myers::new(distinct).mark(&o, &n, 0..o.len(), 0..n.len(), deadline, &mut marks_old, &mut marks_new)
        }
        Algorithm::Patience => patience::diff(&o, &n, distinct, deadline, &mut marks_old, &mut marks_new),
    }
    deadline.check();
    let byte = |starts: &[usize], len: usize, r: Range<usize>| -> Range<usize> {
        let at = |i: usize| starts.get(i).copied().unwrap_or(len);
        at(r.start)..at(r.end)
    };
    let mut changes = runs(&marks_old, &marks_new);
    join_opposite(&o, &n, &mut changes);
    changes
        .into_iter()
        .map(|(a, b)| Span { old: byte(old_starts, old.len(), a), new: byte(new_starts, new.len(), b) })
        .collect()
}

type Interner<'t> = HashMap<&'t str, u32, BuildHasherDefault<FxHasher>>;

/// The hash of rustc (Fx): hashing 200,000 lines with SipHash costs more than diffing them.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
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
