//! Moved text: a passage deleted in one place and inserted in another.
//!
//! Word's compare and the legal comparison tools show such a passage as a move with both ends
//! linked, not as an unrelated deletion and insertion; so does akaji, for passages of at least
//! `min_move_chars` characters (20 by default). Both ends become [`HunkKind::Move`] hunks that
//! share a `move_id`; the old end deletes, the new end inserts, and the redline invariant holds
//! as before. Passages moved unchanged are paired here first (by their text); then passages
//! moved and edited on the way (the `edited_moves` module: similar enough, and carrying the
//! changes between their ends); ids count from 0 in the order of the old ends.
//!
//! ```
//! use akaji::diff::{diff, DiffOptions};
//! use akaji::HunkKind;
//! let old = "第一段落の文。\n移動する長い段落の文章はここにあるものとする。\n第三段落。\n";
//! let new = "第一段落の文。\n第三段落。\n移動する長い段落の文章はここにあるものとする。\n";
//! let d = diff(old, new, &DiffOptions::default());
//! assert_eq!(d.hunks.len(), 2);
//! assert!(d.hunks.iter().all(|h| h.kind == HunkKind::Move && h.move_id == Some(0)));
//! ```

use crate::keyed::Map;
use crate::redline::{Hunk, HunkKind};

/// Where a short passage X and a long one Y swapped places, Myers' minimal diff moves the short
/// one (`{+X+}Y{-X-}`); a reader sees Y moved. Rewrite such a pair as `{-Y-}X{+Y+}` when Y is
/// at least `min_chars` long and longer than X. Y stays where it was when the swap is a paragraph
/// wrapped again: an X of white space alone (a line break that moved), or an X that crossed a line
/// break at either end (`署[-名-]⏎{+名+}Y署[-名-]⏎{+名+}`: each 名 moved across a break, not Y
/// across 名).
pub(crate) fn prefer_long_moves(old: &str, new: &str, hunks: &mut [Hunk], min_chars: usize) {
    let count = |s: &str| s.chars().count();
    for i in 1..hunks.len() {
        let (a, b) = (&hunks[i - 1], &hunks[i]);
        let y_old = a.old.end..b.old.start;
        let (x, y) = match (a.kind, b.kind) {
            (HunkKind::Insert, HunkKind::Delete) if new[a.new.clone()] == old[b.old.clone()] => {
                (&new[a.new.clone()], &old[y_old.clone()])
            }
            (HunkKind::Delete, HunkKind::Insert) if old[a.old.clone()] == new[b.new.clone()] => {
                (&old[a.old.clone()], &old[y_old.clone()])
            }
            _ => continue,
        };
        let (nx, ny) = (count(x), count(y));
        if ny < min_chars.max(1)
            || ny <= nx
            || x.trim().is_empty()
            || crossed_a_break(old, new, hunks, i - 1)
            || crossed_a_break(old, new, hunks, i)
        {
            continue;
        }
        let (xl, yl) = (x.len(), y.len());
        let (o, n) = (a.old.start, a.new.start);
        let (first, second) = if a.kind == HunkKind::Insert {
            // old = P Y X S, new = P X Y S
            (Hunk::new(o..o + yl, n..n), Hunk::new(o + yl + xl..o + yl + xl, n + xl..n + xl + yl))
        } else {
            // old = P X Y S, new = P Y X S
            (Hunk::new(o..o, n..n + yl), Hunk::new(o + xl..o + xl + yl, n + yl + xl..n + yl + xl))
        };
        hunks[i - 1] = first;
        hunks[i] = second;
    }
}

/// Whether `hunks[k]`, a deletion or an insertion, is one half of a text moved across white space
/// alone: a neighbour does the opposite with the same text, and only white space is between them.
fn crossed_a_break(old: &str, new: &str, hunks: &[Hunk], k: usize) -> bool {
    let text = |h: &Hunk| match h.kind {
        HunkKind::Insert => Some(&new[h.new.clone()]),
        HunkKind::Delete => Some(&old[h.old.clone()]),
        _ => None,
    };
    let twins = |a: &Hunk, b: &Hunk| {
        a.kind != b.kind && text(a).is_some() && text(a) == text(b) && old[a.old.end..b.old.start].trim().is_empty()
    };
    (k > 0 && twins(&hunks[k - 1], &hunks[k])) || hunks.get(k + 1).is_some_and(|next| twins(&hunks[k], next))
}

/// Mark pairs of a deletion and an insertion of the same text (at least `min_chars` chars) as
/// the two ends of a move. Each hunk takes part in at most one move; ids count from `next_id`.
pub(crate) fn detect(old: &str, new: &str, hunks: &mut [Hunk], min_chars: usize, next_id: &mut usize) {
    let long = |s: &str| s.chars().nth(min_chars.max(1) - 1).is_some() && !s.trim().is_empty();
    let mut inserted: Map<&str, Vec<usize>> = Map::default();
    for (i, h) in hunks.iter().enumerate().rev() {
        let text = &new[h.new.clone()];
        if h.kind == HunkKind::Insert && !h.layout && long(text) {
            inserted.entry(text).or_default().push(i);
        }
    }
    for i in 0..hunks.len() {
        if hunks[i].kind != HunkKind::Delete || hunks[i].layout {
            continue;
        }
        let text = &old[hunks[i].old.clone()];
        if !long(text) {
            continue;
        }
        let Some(j) = inserted.get_mut(text).and_then(Vec::pop) else { continue };
        for k in [i, j] {
            hunks[k].kind = HunkKind::Move;
            hunks[k].move_id = Some(*next_id);
        }
        *next_id += 1;
    }
}

/// Number the moves from 0 in the order of their old ends.
pub(crate) fn renumber(hunks: &mut [Hunk], count: usize) {
    let mut ids = vec![None; count];
    let mut next = 0;
    for h in hunks.iter().filter(|h| !h.old.is_empty()) {
        if let Some(m) = h.move_id {
            ids[m] = Some(next);
            next += 1;
        }
    }
    for h in hunks.iter_mut() {
        h.move_id = h.move_id.and_then(|m| ids[m]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_changed_passages_are_not_moves() {
        let old = "ABCDEFGHIJKLMNOPQRSTUVWXYZx";
        let new = "xABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let hunks = || vec![Hunk::new(0..26, 0..0), Hunk::new(27..27, 1..27)];
        let mut h = hunks();
        detect(old, new, &mut h, 20, &mut 0);
        assert_eq!(h[0].kind, HunkKind::Move);
        assert_eq!((h[0].move_id, h[1].move_id), (Some(0), Some(0)));
        let mut h = hunks();
        detect(old, new, &mut h, 30, &mut 0);
        assert_eq!(h[0].kind, HunkKind::Delete);
        let changed = "xABCDEFGHIJKLMNOPQRSTUVWXYz";
        let mut h = hunks();
        detect(old, changed, &mut h, 20, &mut 0);
        assert_eq!(h[1].kind, HunkKind::Insert);
    }
}
