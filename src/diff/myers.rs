//! Myers' diff, made near-linear on real documents the way git's diff is.
//!
//! Plans repeat their lines (wrapped boilerplate, 「以下同じ。」, an archive of yearly plans), so
//! in a changed region most lines occur many times on both sides and the few edited ones occur on
//! one side only. A plain Myers diff pays `O(N·D)` over all of them: 58% of the instructions of a
//! 10 MB diff of repeated lines went to `similar`'s Myers, with D ≈ 4,000 over 300,000 lines. This
//! module does what git's xdiff does (the ideas, not its code):
//! - **discarding**: a unit with no counterpart on the other side is changed, whatever Myers
//!   would say, so it is marked and left out before Myers runs. On repeated lines this leaves
//!   the unchanged lines alone, and D ≈ 0. (xdiff also leaves out a unit with very many
//!   counterparts when it stands among units without any; that makes the diff non-minimal,
//!   and on plans of repeated lines it reported a repeated line deleted in one place and
//!   inserted in another beside 3% of the edits, so akaji does not.)
//! - **cost limits**: the bidirectional search for the middle snake gives up an optimal split
//!   after a cost of about √(N+M) (at least 256) and takes the furthest-reaching diagonal, or, on
//!   a long common run found past 256, that run; the result is a correct diff, minimal in all
//!   but pathological inputs;
//! - **a deadline that degrades, never drops**: once the caller's deadline has passed, every
//!   search takes the furthest-reaching split at once, so the diff still pairs the equal units
//!   (a line diff stays a line diff) and finishes in near-linear time.
//!
//! The result is a mark per unit (changed or not) on each side; the unmarked units of both sides
//! are equal in order (a common subsequence), so the changes are the runs of marks between them.
//! Measured against `similar` 2.7's Myers on the same line ids (the engine's former choice):
//! equal results on ordinary edits; on 10 MB of repeated lines 0.03 s instead of 0.2 s; and no
//! out-of-order ops when a deadline passes (similar's fallback reports its insertion at the
//! start of the deleted range, which broke the span invariant and panicked the clean-up).
//!
//! ```
//! use akaji::diff::{diff, DiffOptions, Granularity};
//! // Every line repeats; one edited line has no counterpart and is all that changes.
//! let old = "同じ行\n別の行\n".repeat(1000);
//! let new = old.replacen("別の行", "直した行", 1);
//! let line = DiffOptions { granularity: Granularity::Line, ..DiffOptions::default() };
//! let d = diff(&old, &new, &line);
//! assert_eq!(d.hunks.len(), 1);
//! assert_eq!(&new[d.hunks[0].new.clone()], "直した行\n");
//! ```

use super::Deadline;
use std::ops::Range;

/// A common run this long on a diagonal makes it a good place to split (xdiff's snake count).
const SNAKE: isize = 20;
/// Past this cost the search looks for such runs instead of an optimal split.
const HEURISTIC_COST: isize = 256;
/// A far-reaching diagonal must have advanced this many times the cost to be taken early.
const K_HEURISTIC: isize = 4;
/// The least cost a search may spend before taking the furthest-reaching split.
const MIN_MAX_COST: isize = 256;

/// Reusable buffers for diffing units interned below `ids`.
#[derive(Default)]
pub(crate) struct Myers {
    /// How often each id occurs in the range being marked: all zero between calls.
    count_old: Vec<u32>,
    count_new: Vec<u32>,
    forward: Vec<isize>,
    backward: Vec<isize>,
    /// The boxes still to split.
    boxes: Vec<Box4>,
    /// [`Myers::mark`]'s own buffers, kept from one call to the next.
    scratch: Scratch,
}

/// The buffers of one [`Myers::mark`]: which units take part, where they stand, their ids and
/// their marks.
#[derive(Default)]
struct Scratch {
    keep_old: Vec<bool>,
    keep_new: Vec<bool>,
    index_old: Vec<usize>,
    index_new: Vec<usize>,
    a: Vec<u32>,
    b: Vec<u32>,
    changed_a: Vec<bool>,
    changed_b: Vec<bool>,
}

/// The most a thread keeps in [`Myers::with`]'s buffers between calls (the regions of a diff are
/// small; a whole 10 MB text compared at once is not).
const MAX_KEPT_BYTES: usize = 4 << 20;

/// A box of the divide and conquer: its two ranges, and whether it must be split minimally.
type Box4 = (isize, isize, isize, isize, bool);

impl Myers {
    /// Buffers for units whose ids are below `ids`.
    pub(crate) fn new(ids: usize) -> Myers {
        Myers { count_old: vec![0; ids], count_new: vec![0; ids], ..Myers::default() }
    }

    /// `f` given this thread's buffers, made ready for ids below `ids`. A diff of a document
    /// marks thousands of small regions, each with buffers of its own until these were kept
    /// (measured, DHAT, `akaji diff` of 1 MB of pages: 182,691 allocations, about 40,000 of
    /// them Myers' buffers; with these kept and the hiragana pieces read where they are kept
    /// (`words/kana.rs`), 121,483, and 5.6% fewer instructions). Called again while in use (it
    /// is not, but a caller could), it gives fresh buffers; a call that unwound leaves counts
    /// that are cleared before the next use.
    pub(crate) fn with<T>(ids: usize, f: impl FnOnce(&mut Myers) -> T) -> T {
        thread_local! {
            static KEPT: std::cell::RefCell<(Myers, bool)> = std::cell::RefCell::new((Myers::default(), false));
        }
        KEPT.with(|kept| {
            let Ok(mut kept) = kept.try_borrow_mut() else { return f(&mut Myers::new(ids)) };
            let (myers, in_use) = &mut *kept;
            if std::mem::replace(in_use, true) {
                // The last use unwound: its counts may not be zero.
                myers.count_old.fill(0);
                myers.count_new.fill(0);
            }
            if myers.count_old.len() < ids {
                myers.count_old.resize(ids, 0);
                myers.count_new.resize(ids, 0);
            }
            let out = f(myers);
            // Buffers grown for a large diff are not kept: a program that diffs 100 MB once
            // would hold them for as long as the thread lives.
            if myers.bytes() > MAX_KEPT_BYTES {
                *myers = Myers::default();
            }
            *in_use = false;
            out
        })
    }

    /// The bytes its buffers hold.
    fn bytes(&self) -> usize {
        let sc = &self.scratch;
        4 * (self.count_old.capacity() + self.count_new.capacity() + sc.a.capacity() + sc.b.capacity())
            + 8 * (self.forward.capacity() + self.backward.capacity())
            + 8 * (sc.index_old.capacity() + sc.index_new.capacity())
            + sc.keep_old.capacity()
            + sc.keep_new.capacity()
            + sc.changed_a.capacity()
            + sc.changed_b.capacity()
            + std::mem::size_of::<Box4>() * self.boxes.capacity()
    }

    /// Compare `old[o]` with `new[n]`, setting the marks of the units that changed.
    #[allow(clippy::too_many_arguments, reason = "two sequences, their ranges and their marks")]
    pub(crate) fn mark(
        &mut self,
        old: &[u32],
        new: &[u32],
        mut o: Range<usize>,
        mut n: Range<usize>,
        deadline: &mut Deadline,
        marks_old: &mut [bool],
        marks_new: &mut [bool],
    ) {
        while o.start < o.end && n.start < n.end && old[o.start] == new[n.start] {
            o.start += 1;
            n.start += 1;
        }
        while o.start < o.end && n.start < n.end && old[o.end - 1] == new[n.end - 1] {
            o.end -= 1;
            n.end -= 1;
        }
        if o.is_empty() || n.is_empty() {
            marks_old[o].fill(true);
            marks_new[n].fill(true);
            return;
        }
        let mut sc = std::mem::take(&mut self.scratch);
        self.discard(old, new, o.clone(), n.clone(), &mut sc.keep_old, &mut sc.keep_new);
        for (i, keep) in o.clone().zip(&sc.keep_old) {
            marks_old[i] = !keep;
        }
        for (j, keep) in n.clone().zip(&sc.keep_new) {
            marks_new[j] = !keep;
        }
        sc.index_old.clear();
        sc.index_old.extend(o.zip(&sc.keep_old).filter(|(_, k)| **k).map(|(i, _)| i));
        sc.index_new.clear();
        sc.index_new.extend(n.zip(&sc.keep_new).filter(|(_, k)| **k).map(|(j, _)| j));
        sc.a.clear();
        sc.a.extend(sc.index_old.iter().map(|&i| old[i]));
        sc.b.clear();
        sc.b.extend(sc.index_new.iter().map(|&j| new[j]));
        sc.changed_a.clear();
        sc.changed_a.resize(sc.a.len(), false);
        sc.changed_b.clear();
        sc.changed_b.resize(sc.b.len(), false);
        self.compare(&sc.a, &sc.b, deadline, &mut sc.changed_a, &mut sc.changed_b);
        for (&i, &c) in sc.index_old.iter().zip(&sc.changed_a) {
            marks_old[i] |= c;
        }
        for (&j, &c) in sc.index_new.iter().zip(&sc.changed_b) {
            marks_new[j] |= c;
        }
        self.scratch = sc;
    }

    /// Which units of each range take part in the search: those with a counterpart.
    fn discard(
        &mut self,
        old: &[u32],
        new: &[u32],
        o: Range<usize>,
        n: Range<usize>,
        keep_old: &mut Vec<bool>,
        keep_new: &mut Vec<bool>,
    ) {
        for &id in &old[o.clone()] {
            self.count_old[id as usize] += 1;
        }
        for &id in &new[n.clone()] {
            self.count_new[id as usize] += 1;
        }
        keep_old.clear();
        keep_old.extend(old[o.clone()].iter().map(|&id| self.count_new[id as usize] > 0));
        keep_new.clear();
        keep_new.extend(new[n.clone()].iter().map(|&id| self.count_old[id as usize] > 0));
        for &id in &old[o] {
            self.count_old[id as usize] = 0;
        }
        for &id in &new[n] {
            self.count_new[id as usize] = 0;
        }
    }

    /// Myers' divide and conquer over whole sequences `a` and `b`, marking changes.
    fn compare(&mut self, a: &[u32], b: &[u32], deadline: &mut Deadline, ca: &mut [bool], cb: &mut [bool]) {
        let size = a.len() + b.len() + 3;
        self.forward.clear();
        self.forward.resize(size, 0);
        self.backward.clear();
        self.backward.resize(size, 0);
        let max_cost = ((size).isqrt() as isize).max(MIN_MAX_COST);
        let mut boxes = std::mem::take(&mut self.boxes);
        boxes.clear();
        boxes.push((0, a.len() as isize, 0, b.len() as isize, false));
        while let Some((mut off1, mut lim1, mut off2, mut lim2, need_min)) = boxes.pop() {
            while off1 < lim1 && off2 < lim2 && a[off1 as usize] == b[off2 as usize] {
                off1 += 1;
                off2 += 1;
            }
            while off1 < lim1 && off2 < lim2 && a[lim1 as usize - 1] == b[lim2 as usize - 1] {
                lim1 -= 1;
                lim2 -= 1;
            }
            if off1 == lim1 || off2 == lim2 {
                ca[off1 as usize..lim1 as usize].fill(true);
                cb[off2 as usize..lim2 as usize].fill(true);
                continue;
            }
            let cost = if deadline.check() { 1 } else { max_cost };
            let base = b.len() as isize + 1;
            let s = split(a, b, (off1, lim1, off2, lim2), base, need_min, cost, &mut self.forward, &mut self.backward);
            let inside = |x: isize, lo: isize, hi: isize| lo <= x && x <= hi;
            let progress = (s.i1, s.i2) != (off1, off2) && (s.i1, s.i2) != (lim1, lim2);
            if !(progress && inside(s.i1, off1, lim1) && inside(s.i2, off2, lim2)) {
                // Not expected; a box that cannot be split is all changed, which is still true.
                ca[off1 as usize..lim1 as usize].fill(true);
                cb[off2 as usize..lim2 as usize].fill(true);
                continue;
            }
            boxes.push((s.i1, lim1, s.i2, lim2, s.min_hi));
            boxes.push((off1, s.i1, off2, s.i2, s.min_lo));
        }
        self.boxes = boxes;
    }
}

/// Where to split a box, and whether each half must be compared minimally.
struct Split {
    i1: isize,
    i2: isize,
    min_lo: bool,
    min_hi: bool,
}

/// The middle snake of the box `(off1, lim1, off2, lim2)`, searched from both corners at once;
/// past `max_cost` (unless `need_min`) a good or the furthest-reaching diagonal instead.
/// Diagonal `d = i1 - i2` is stored at index `d + base` of `vf` and `vb`.
#[allow(clippy::too_many_arguments, reason = "the state of one search")]
fn split(
    a: &[u32],
    b: &[u32],
    (off1, lim1, off2, lim2): (isize, isize, isize, isize),
    base: isize,
    need_min: bool,
    max_cost: isize,
    vf: &mut [isize],
    vb: &mut [isize],
) -> Split {
    let at = |d: isize| (d + base) as usize;
    let same = |i: isize, j: isize| a[i as usize] == b[j as usize];
    let (dmin, dmax) = (off1 - lim2, lim1 - off2);
    let (fmid, bmid) = (off1 - off2, lim1 - lim2);
    let odd = (fmid - bmid) & 1 != 0;
    let (mut fmin, mut fmax, mut bmin, mut bmax) = (fmid, fmid, bmid, bmid);
    vf[at(fmid)] = off1;
    vb[at(bmid)] = lim1;
    let mut cost = 0;
    loop {
        cost += 1;
        let mut got_snake = false;
        // Forward: extend the diagonals by one step, sentinels outside.
        if fmin > dmin {
            fmin -= 1;
            vf[at(fmin - 1)] = -1;
        } else {
            fmin += 1;
        }
        if fmax < dmax {
            fmax += 1;
            vf[at(fmax + 1)] = -1;
        } else {
            fmax -= 1;
        }
        let mut d = fmax;
        while d >= fmin {
            let mut i1 = if vf[at(d - 1)] >= vf[at(d + 1)] { vf[at(d - 1)] + 1 } else { vf[at(d + 1)] };
            let start = i1;
            let mut i2 = i1 - d;
            while i1 < lim1 && i2 < lim2 && same(i1, i2) {
                i1 += 1;
                i2 += 1;
            }
            got_snake |= i1 - start > SNAKE;
            vf[at(d)] = i1;
            if odd && bmin <= d && d <= bmax && vb[at(d)] <= i1 {
                return Split { i1, i2, min_lo: true, min_hi: true };
            }
            d -= 2;
        }
        // Backward.
        if bmin > dmin {
            bmin -= 1;
            vb[at(bmin - 1)] = isize::MAX;
        } else {
            bmin += 1;
        }
        if bmax < dmax {
            bmax += 1;
            vb[at(bmax + 1)] = isize::MAX;
        } else {
            bmax -= 1;
        }
        let mut d = bmax;
        while d >= bmin {
            let mut i1 = if vb[at(d - 1)] < vb[at(d + 1)] { vb[at(d - 1)] } else { vb[at(d + 1)] - 1 };
            let start = i1;
            let mut i2 = i1 - d;
            while i1 > off1 && i2 > off2 && same(i1 - 1, i2 - 1) {
                i1 -= 1;
                i2 -= 1;
            }
            got_snake |= start - i1 > SNAKE;
            vb[at(d)] = i1;
            if !odd && fmin <= d && d <= fmax && i1 <= vf[at(d)] {
                return Split { i1, i2, min_lo: true, min_hi: true };
            }
            d -= 2;
        }
        if need_min && max_cost > 1 {
            continue;
        }
        // A diagonal that reached far, ending in a long common run, is a good split.
        if got_snake && cost > HEURISTIC_COST {
            let mut best = 0;
            let mut found = None;
            let mut d = fmax;
            while d >= fmin {
                let (i1, dd) = (vf[at(d)], (d - fmid).abs());
                let i2 = i1 - d;
                let v = (i1 - off1) + (i2 - off2) - dd;
                if v > K_HEURISTIC * cost
                    && v > best
                    && off1 + SNAKE <= i1
                    && i1 < lim1
                    && off2 + SNAKE <= i2
                    && i2 < lim2
                    && (1..=SNAKE).all(|k| same(i1 - k, i2 - k))
                {
                    best = v;
                    found = Some((i1, i2));
                }
                d -= 2;
            }
            if let Some((i1, i2)) = found {
                return Split { i1, i2, min_lo: true, min_hi: false };
            }
            let mut d = bmax;
            while d >= bmin {
                let (i1, dd) = (vb[at(d)], (d - bmid).abs());
                let i2 = i1 - d;
                let v = (lim1 - i1) + (lim2 - i2) - dd;
                if v > K_HEURISTIC * cost
                    && v > best
                    && off1 < i1
                    && i1 <= lim1 - SNAKE
                    && off2 < i2
                    && i2 <= lim2 - SNAKE
                    && (0..SNAKE).all(|k| same(i1 + k, i2 + k))
                {
                    best = v;
                    found = Some((i1, i2));
                }
                d -= 2;
            }
            if let Some((i1, i2)) = found {
                return Split { i1, i2, min_lo: false, min_hi: true };
            }
        }
        if cost >= max_cost {
            return furthest(vf, vb, at, (off1, lim1, off2, lim2), (fmin, fmax, bmin, bmax));
        }
    }
}

/// The furthest-reaching point of either search: where to split when the cost runs out.
fn furthest(
    vf: &[isize],
    vb: &[isize],
    at: impl Fn(isize) -> usize,
    (off1, lim1, off2, lim2): (isize, isize, isize, isize),
    (fmin, fmax, bmin, bmax): (isize, isize, isize, isize),
) -> Split {
    let (mut fbest, mut fbest1) = (-1, -1);
    let mut d = fmax;
    while d >= fmin {
        let mut i1 = vf[at(d)].min(lim1);
        let mut i2 = i1 - d;
        if lim2 < i2 {
            i1 = lim2 + d;
            i2 = lim2;
        }
        if fbest < i1 + i2 {
            fbest = i1 + i2;
            fbest1 = i1;
        }
        d -= 2;
    }
    let (mut bbest, mut bbest1) = (isize::MAX, isize::MAX);
    let mut d = bmax;
    while d >= bmin {
        let mut i1 = vb[at(d)].max(off1);
        let mut i2 = i1 - d;
        if i2 < off2 {
            i1 = off2 + d;
            i2 = off2;
        }
        if i1 + i2 < bbest {
            bbest = i1 + i2;
            bbest1 = i1;
        }
        d -= 2;
    }
    if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
        Split { i1: fbest1, i2: fbest - fbest1, min_lo: true, min_hi: false }
    } else {
        Split { i1: bbest1, i2: bbest - bbest1, min_lo: false, min_hi: true }
    }
}

/// The changed runs between unmarked units, as ranges of unit indices of each side.
pub(crate) fn runs(marks_old: &[bool], marks_new: &[bool]) -> Vec<(Range<usize>, Range<usize>)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    let (no, nn) = (marks_old.len(), marks_new.len());
    while i < no || j < nn {
        if i < no && j < nn && !marks_old[i] && !marks_new[j] {
            i += 1;
            j += 1;
            continue;
        }
        let (si, sj) = (i, j);
        while i < no && marks_old[i] {
            i += 1;
        }
        while j < nn && marks_new[j] {
            j += 1;
        }
        if (i, j) == (si, sj) {
            // Unmarked units left on one side only: not a common subsequence. Not expected;
            // calling the rest changed is still true.
            (i, j) = (no, nn);
        }
        out.push((si..i, sj..j));
    }
    out
}

/// Two changes with equal units between them become one when a deletion or an insertion of
/// them can slide over the equal units (as git's compaction does): in repeated lines, old
/// `L L` and new `L L'` may come back as [delete L] L [insert L'] instead of L [L → L'], which
/// hides the edit of L from the refinement of the region. Runs further apart than `MAX_SLIDE`
/// units are left alone.
pub(crate) fn join_opposite(old: &[u32], new: &[u32], runs: &mut Vec<(Range<usize>, Range<usize>)>) {
    const MAX_SLIDE: usize = 64;
    // Whether the run of `len` units at `from` can slide `by` units down: each unit it passes
    // equals the one `len` before it.
    let slides = |v: &[u32], from: usize, len: usize, by: usize| (0..by).all(|k| v[from + k] == v[from + len + k]);
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(runs.len());
    for (o, n) in runs.drain(..) {
        if let Some((lo, ln)) = out.last_mut() {
            let gap = o.start - lo.end;
            if gap > 0 && gap <= MAX_SLIDE && n.start - ln.end == gap {
                let joined = if ln.start == ln.end && slides(old, lo.start, lo.len(), gap) {
                    // A deletion slides down over the equal units to meet the next change.
                    Some((lo.start + gap..o.end, n.clone()))
                } else if lo.start == lo.end && slides(new, ln.start, ln.len(), gap) {
                    Some((o.clone(), ln.start + gap..n.end))
                } else if n.start == n.end && slides_back(old, o.clone(), gap) {
                    // A deletion slides up to meet the change before.
                    Some((lo.start..lo.end + o.len(), ln.clone()))
                } else if o.start == o.end && slides_back(new, n.clone(), gap) {
                    Some((lo.clone(), ln.start..ln.end + n.len()))
                } else {
                    None
                };
                if let Some(j) = joined {
                    (*lo, *ln) = j;
                    continue;
                }
            }
        }
        out.push((o, n));
    }
    *runs = out;
}

/// Whether the run `r` of `v` can slide `by` units up: each of its units equals the one `by`
/// before it, from the end.
fn slides_back(v: &[u32], r: Range<usize>, by: usize) -> bool {
    r.start >= by && (0..by).all(|k| v[r.end - 1 - k] == v[r.start - 1 - k])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// The changed runs of a diff of `a` and `b`, checked to be a valid edit script.
    fn diff(a: &[u32], b: &[u32], deadline: &mut Deadline) -> Vec<(Range<usize>, Range<usize>)> {
        let ids = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
        let (mut ma, mut mb) = (vec![false; a.len()], vec![false; b.len()]);
        Myers::new(ids).mark(a, b, 0..a.len(), 0..b.len(), deadline, &mut ma, &mut mb);
        let kept_a: Vec<u32> = a.iter().zip(&ma).filter(|(_, m)| !**m).map(|(x, _)| *x).collect();
        let kept_b: Vec<u32> = b.iter().zip(&mb).filter(|(_, m)| !**m).map(|(x, _)| *x).collect();
        assert_eq!(kept_a, kept_b, "the unmarked units are a common subsequence");
        runs(&ma, &mb)
    }

    fn cost(r: &[(Range<usize>, Range<usize>)]) -> usize {
        r.iter().map(|(a, b)| a.len() + b.len()).sum()
    }

    /// The marks of each side.
    type Marks = (Vec<bool>, Vec<bool>);

    /// The marks of `a` against `b` on this thread's kept buffers, and on fresh ones.
    fn kept_and_fresh(a: &[u32], b: &[u32]) -> (Marks, Marks) {
        let ids = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
        let run = |m: &mut Myers| {
            let (mut ma, mut mb) = (vec![false; a.len()], vec![false; b.len()]);
            m.mark(a, b, 0..a.len(), 0..b.len(), &mut Deadline::new(None), &mut ma, &mut mb);
            (ma, mb)
        };
        (Myers::with(ids, run), run(&mut Myers::new(ids)))
    }

    #[test]
    fn kept_buffers_mark_as_fresh_ones_whatever_came_before() {
        // Pairs of every size up and down, ids many and few: what one call leaves (longer
        // buffers, boxes, counts) changes nothing for the next.
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % m) as u32
        };
        for round in 0..200 {
            let (len, ids) = ([3, 300, 40, 1, 900][round % 5], [2, 50, 7, 1000][round % 4]);
            let a: Vec<u32> = (0..len).map(|_| next(ids)).collect();
            let b: Vec<u32> = (0..len + round % 7).map(|_| next(ids)).collect();
            let (kept, fresh) = kept_and_fresh(&a, &b);
            assert_eq!(kept, fresh, "round {round}");
        }
    }

    #[test]
    fn buffers_grown_for_a_large_diff_are_not_kept() {
        let a: Vec<u32> = (0..400_000).map(|i| i % 1000).collect();
        let b: Vec<u32> = a.iter().map(|&x| (x + 1) % 1000).collect();
        let (kept, fresh) = kept_and_fresh(&a, &b);
        assert_eq!(kept, fresh);
        Myers::with(1, |m| assert!(m.bytes() <= MAX_KEPT_BYTES, "{} bytes kept", m.bytes()));
        // A small diff keeps its buffers for the next.
        kept_and_fresh(&[1, 2, 3], &[1, 3, 2]);
        Myers::with(1, |m| assert!(m.bytes() > 0));
    }

    #[test]
    fn a_use_that_unwound_leaves_no_counts_behind() {
        let caught = std::panic::catch_unwind(|| {
            Myers::with(10, |m| {
                m.count_old[3] = 5;
                m.count_new[4] = 1;
                panic!("unwinding in the middle of a diff");
            })
        });
        assert!(caught.is_err());
        Myers::with(10, |m| {
            assert!(m.count_old.iter().chain(&m.count_new).all(|&c| c == 0), "counts cleared");
        });
        let (kept, fresh) = kept_and_fresh(&[1, 3, 4, 3], &[3, 4, 1, 3]);
        assert_eq!(kept, fresh);
    }

    #[test]
    fn a_change_split_by_repeated_units_is_joined() {
        // old L L, new L L': Myers may delete the first L and insert L' after the second.
        for (a, b) in [(vec![1, 1], vec![1, 2]), (vec![1, 1], vec![2, 1]), (vec![5, 1, 1, 6], vec![5, 1, 2, 6])] {
            let mut r = vec![(0..1, 0..0), (2..2, 1..2)];
            if a == [5, 1, 1, 6] {
                r = vec![(1..2, 1..1), (3..3, 2..3)];
            }
            if b == [2, 1] {
                r = vec![(0..0, 0..1), (1..2, 2..2)];
            }
            join_opposite(&a, &b, &mut r);
            assert_eq!(r.len(), 1, "{a:?} {b:?} {r:?}");
            let (o, n) = &r[0];
            let mut rebuilt = a[..o.start].to_vec();
            rebuilt.extend(&b[n.clone()]);
            rebuilt.extend(&a[o.end..]);
            assert_eq!(rebuilt, b, "{r:?}");
        }
    }

    #[test]
    fn small_diffs_are_minimal() {
        let mut d = Deadline::new(None);
        assert_eq!(diff(&[1, 2, 3], &[1, 4, 3], &mut d), [(1..2, 1..2)]);
        assert_eq!(diff(&[1, 2, 3], &[1, 2, 3, 4], &mut d), [(3..3, 3..4)]);
        assert!(diff(&[], &[], &mut d).is_empty());
        // abcabba → cbabac: the classic example has D = 5.
        let (a, b) = ([0, 1, 2, 0, 1, 1, 0], [2, 1, 0, 1, 0, 2]);
        assert_eq!(cost(&diff(&a, &b, &mut d)), 5);
    }

    #[test]
    fn lines_without_counterpart_leave_the_repeated_ones_equal() {
        // 30,000 units that all repeat; 300 replaced by units found nowhere else.
        let a: Vec<u32> = (0..30_000).map(|i| i % 7).collect();
        let mut b = a.clone();
        for k in 0..300 {
            b[k * 100 + 50] = 1000 + k as u32;
        }
        let r = diff(&a, &b, &mut Deadline::new(None));
        assert_eq!(r.len(), 300);
        assert_eq!(cost(&r), 600);
    }

    #[test]
    fn a_passed_deadline_still_pairs_equal_units() {
        let a: Vec<u32> = (0..20_000).map(|i| (i * 7919 % 5003) as u32).collect();
        let mut b: Vec<u32> = a.iter().rev().copied().collect();
        b.extend(&a[..5000]);
        let mut passed = Deadline::new(Some(Duration::ZERO));
        let r = diff(&a, &b, &mut passed);
        assert!(passed.hit);
        assert!(cost(&r) < a.len() + b.len(), "some equal units stay paired");
    }

    #[test]
    fn long_random_diffs_stay_valid() {
        let mut seed = 1u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for _ in 0..20 {
            let a: Vec<u32> = (0..2000).map(|_| next() % 40).collect();
            let b: Vec<u32> = a.iter().filter_map(|&x| (x % 5 != 0).then_some(x + (next() % 3 == 0) as u32)).collect();
            diff(&a, &b, &mut Deadline::new(None));
        }
    }
}
