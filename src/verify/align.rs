//! Two views aligned character by character: the changes between what was promised and what was
//! published, and the way to carry an offset of one into the other.
//!
//! The diff engine aligns the two views ([`crate::compare`]: word units, a reworded phrase one
//! hunk; hunks a few characters apart on one line joined), then each hunk is cut into its changed characters
//! ([`super::chars`]). What verify decides rests on those characters only, so that it does not
//! depend on where the engine cut: an edit is touched by the changes that overlap its promised
//! text, or that insert at its ends, however far the engine's hunk reached.
//!
//! A deletion or insertion of repeated text can be written at several places (「。また、…。」
//! inserted after 「。」 can stand one 「。」 earlier): [`Alignment::reach`] gives every place a
//! change could be written, so that a change that could be the edit's is the edit's.

use super::chars;
use crate::compare::Comparison;
use std::ops::Range;

/// The most chars a change is slid over when looking where else it could be written.
const MAX_SLIDE: usize = 256;

/// One changed run: bytes `old` of the first view became bytes `new` of the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// The changes between two texts, in order, and where each offset goes.
#[derive(Debug, Clone)]
pub(super) struct Alignment {
    pub changes: Vec<Change>,
    /// Growth of the second text over the first before change i.
    shift: Vec<isize>,
    /// Whether the diff engine stopped refining at its deadline.
    pub deadline_hit: bool,
}

impl Alignment {
    /// The changed characters of a comparison's two views.
    pub fn new(c: &Comparison) -> Alignment {
        let (old, new) = (c.old.text(), c.new.text());
        let mut changes = Vec::with_capacity(c.hunks.len());
        for h in &c.hunks {
            let (o, n) =
                (floor(old, h.old.start)..floor(old, h.old.end), floor(new, h.new.start)..floor(new, h.new.end));
            refine(&old[o.clone()], &new[n.clone()], o.start, n.start, &mut changes);
        }
        let mut shift = Vec::with_capacity(changes.len() + 1);
        shift.push(0);
        for c in &changes {
            shift.push(shift.last().copied().unwrap_or(0) + c.new.len() as isize - c.old.len() as isize);
        }
        Alignment { changes, shift, deadline_hit: c.deadline_hit }
    }

    /// The offset of the second text for offset `x` of the first, before anything inserted at
    /// `x`.
    pub fn left(&self, x: usize) -> usize {
        let k = self.changes.partition_point(|c| c.old.end < x || (c.old.end == x && c.old.start < x));
        self.at(x, k)
    }

    /// The offset of the second text for offset `x` of the first, after anything inserted at
    /// `x`.
    pub fn right(&self, x: usize) -> usize {
        let k = self.changes.partition_point(|c| c.old.end <= x);
        self.at(x, k)
    }

    fn at(&self, x: usize, k: usize) -> usize {
        // Inside a change (never asked for a bound of one): its start in the second text.
        if let Some(c) = self.changes.get(k).filter(|c| c.old.start < x && x < c.old.end) {
            return c.new.start;
        }
        (x as isize + self.shift[k]).max(0) as usize
    }

    /// The changes whose old range starts before `end` and ends at or after `start` (sorted):
    /// candidates for touching `start..end`.
    pub fn near(&self, start: usize, end: usize) -> Range<usize> {
        // A change slides at most MAX_SLIDE chars of at most 4 bytes.
        let margin = MAX_SLIDE * 4;
        let from = self.changes.partition_point(|c| c.old.end + margin < start);
        let to = self.changes.partition_point(|c| c.old.start <= end + margin);
        from..to.max(from)
    }

    /// Every place of the first text change `i` could be written at, as the hull of its old
    /// ranges: an insertion slides while the text beside it repeats its ends, a deletion while
    /// the text after it repeats its start.
    pub fn reach(&self, i: usize, old: &str, new: &str) -> Range<usize> {
        let c = &self.changes[i];
        if !c.old.is_empty() && !c.new.is_empty() {
            return c.old.clone();
        }
        let mut moved: Vec<char> =
            if c.old.is_empty() { new[c.new.clone()].chars().collect() } else { old[c.old.clone()].chars().collect() };
        if moved.is_empty() {
            return c.old.clone();
        }
        let (mut lo, mut hi) = (c.old.start, c.old.end);
        // Left: the char before equals the moved text's last.
        let mut turn = moved.clone();
        for _ in 0..MAX_SLIDE {
            match old[..lo].chars().next_back() {
                Some(ch) if Some(&ch) == turn.last() => {
                    lo -= ch.len_utf8();
                    turn.rotate_right(1);
                }
                _ => break,
            }
        }
        // Right: the char after equals the moved text's first.
        for _ in 0..MAX_SLIDE {
            match old[hi..].chars().next() {
                Some(ch) if Some(&ch) == moved.first() => {
                    hi += ch.len_utf8();
                    moved.rotate_left(1);
                }
                _ => break,
            }
        }
        lo..hi
    }
}

/// `v` moved back to a char boundary of `s`, within it (a guard against offsets off the text).
fn floor(s: &str, v: usize) -> usize {
    let mut v = v.min(s.len());
    while !s.is_char_boundary(v) {
        v -= 1;
    }
    v
}

/// The changed characters of one hunk (`old` at `o`, `new` at `n`), pushed as changes.
fn refine(old: &str, new: &str, o: usize, n: usize, out: &mut Vec<Change>) {
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    // Byte offset of every char boundary, for turning char ranges back into bytes.
    let bytes = |s: &str| -> Vec<usize> { s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect() };
    let (ba, bb) = (bytes(old), bytes(new));
    for (x, y) in chars::changes(&a, &b) {
        out.push(Change { old: o + ba[x.start]..o + ba[x.end], new: n + bb[y.start]..n + bb[y.end] });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, CompareOptions};
    use crate::document::{Document, PageMarker};

    /// The alignment of two texts as they are (layout kept, so view offsets are text offsets).
    fn align(old: &str, new: &str) -> Alignment {
        let m = PageMarker::default();
        let options = CompareOptions { width: false, keep_layout: true, timeout: None };
        Alignment::new(&compare(&Document::new(old, &m), &Document::new(new, &m), &options))
    }

    fn texts<'a>(a: &Alignment, old: &'a str, new: &'a str) -> Vec<(&'a str, &'a str)> {
        a.changes.iter().map(|c| (&old[c.old.clone()], &new[c.new.clone()])).collect()
    }

    #[test]
    fn hunks_are_cut_into_changed_characters() {
        let (old, new) = ("分科会の数は約97万件となった。", "分科会の数は約96万件となった。");
        let a = align(old, new);
        assert_eq!(texts(&a, old, new), [("7", "6")]);
    }

    #[test]
    fn offsets_carry_over_before_or_after_an_insertion() {
        let (old, new) = ("甲乙丙", "甲乙X丙");
        let a = align(old, new);
        let at = old.find('丙').unwrap();
        assert_eq!((a.left(at), a.right(at)), (at, at + 1));
        assert_eq!(a.left(old.len()), new.len());
    }

    #[test]
    fn an_insertion_of_repeated_text_reaches_every_place_it_could_stand() {
        let (old, new) = ("した。次。", "した。また。次。");
        let a = align(old, new);
        assert_eq!(a.changes.len(), 1);
        let r = a.reach(0, old, new);
        // 「また。」 after 「した。」, 「。また」 after 「した」, or 「た。ま」 after 「し」.
        assert_eq!((&old[..r.start], &old[r.end..]), ("し", "次。"));
    }
}
