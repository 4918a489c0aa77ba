//! Diffing sequences of units, lines first.
//!
//! A 10 MB plan has some 100,000 lines and a few thousand changed ones, so the texts are first
//! compared line by line (each line interned to a number, then a patience diff whose gaps go to
//! Myers' algorithm with git's discarding and cost limits, the private `myers` module); only
//! the changed regions found there are refined further (the private `refine` module, which
//! compares word units as they are), which keeps large documents fast and small in memory.
//! Lines are interned with rustc's hash (`rustc-hash`): hashing 200,000 lines with std's
//! SipHash costs more than diffing them.

use super::deadline::Deadline;
use super::myers::{join_opposite, runs, Myers};
use super::patience;
use super::span::Span;
use crate::document::line_starts;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The regions of whole lines that differ between `old` and `new`, as byte ranges.
pub(crate) fn changed_regions(old: &str, new: &str, deadline: &mut Deadline) -> Vec<Span> {
    changed_regions_at((old, &line_starts(old)), (new, &line_starts(new)), deadline)
}

/// [`changed_regions`] of two texts whose line starts are known (a document's).
pub(crate) fn changed_regions_at(
    (old, old_starts): (&str, &[usize]),
    (new, new_starts): (&str, &[usize]),
    deadline: &mut Deadline,
) -> Vec<Span> {
    diff_units(old, old_starts, new, new_starts, Algorithm::Patience, deadline)
}

/// Lines of equal text between two regions that are refined as one when either is a pure
/// insertion or deletion.
const NEAR_LINES: usize = 3;

/// Join a region that only inserts or only deletes lines with its neighbour when at most
/// [`NEAR_LINES`] equal lines stand between them, for the refinement to compare as one. In
/// repeated lines, old `D Y D Z` and new `D' Y' D Z'` (three lines edited) come back from the
/// line diff as [insert D' Y'] D [Y D Z → Z'], as minimal as the edits in place; only a word
/// diff of the whole finds the three small changes.
///
/// A region that only inserts or deletes also joins the change after it when that change
/// followed it in the line diff, whatever it was joined to before: old `X A S S B`, new
/// `X' A S' S B'` (S a sentence printed twice in a row, its first copy edited) come back as
/// [X → X'] A [insert S'] S [S B → B']; the insertion joins the change before it and the one
/// after it too, so that the word diff finds [NOTICE→NOTICF] in the first S rather than S'
/// inserted and the second S deleted. That one more join is made only for a region of two:
/// where insertions and changes alternate all along a text, the regions stay a few lines each
/// (joined without end, a 20 MB text whose every other line was changed or had one inserted
/// before it took 2.7 times as long and twice the memory, as one region).
pub(crate) fn join_near(old: &str, regions: Vec<Span>) -> Vec<Span> {
    let pure = |s: &Span| s.old.is_empty() || s.new.is_empty();
    let mut out: Vec<Span> = Vec::with_capacity(regions.len());
    // Whether the last region the line diff found (the end of `out`'s last) is pure, and how
    // many of its regions `out`'s last holds.
    let (mut last_pure, mut joined) = (false, 0);
    for r in regions {
        let r_pure = pure(&r);
        if let Some(last) = out.last_mut() {
            let gap = &old.as_bytes()[last.old.end..r.old.start];
            let near = memchr::memchr_iter(b'\n', gap).count() <= NEAR_LINES;
            if near && (pure(last) || r_pure || (last_pure && joined == 2)) {
                last.old.end = r.old.end;
                last.new.end = r.new.end;
                (last_pure, joined) = (r_pure, joined + 1);
                continue;
            }
        }
        (last_pure, joined) = (r_pure, 1);
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
        FxHashMap::with_capacity_and_hasher(old_starts.len().max(new_starts.len()), Default::default());
    let (o, n) = (intern(&mut ids, old, old_starts), intern(&mut ids, new, new_starts));
    let distinct = ids.len();
    drop(ids);
    let (mut marks_old, mut marks_new) = (vec![false; o.len()], vec![false; n.len()]);
    match algorithm {
        Algorithm::Myers => {
            Myers::with(distinct, |m| m.mark(&o, &n, 0..o.len(), 0..n.len(), deadline, &mut marks_old, &mut marks_new))
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

type Interner<'t> = FxHashMap<&'t str, u32>;

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

/// Widen each region by the line before (after) it when a kanji word runs across the line break
/// at its start (end), so that the refinement sees the whole word: in text extracted from PDF,
/// 「大変重要」 wrapped as 「大⏎変重要」 with 重要→肝要 is [重要→肝要], not [変重要→変肝要].
pub(crate) fn with_wrapped_words(old: &str, new: &str, mut regions: Vec<Span>) -> Vec<Span> {
    use crate::char_class::{class_of, CharClass};
    let kanji = |c: Option<char>| c.is_some_and(|c| class_of(c) == CharClass::Kanji);
    // Whether a kanji word runs across the line break that ends just before `at`.
    let wrapped_before = |t: &str, at: usize| {
        at > 0
            && t[..at].ends_with('\n')
            && kanji(t[..at].trim_end_matches(['\n', '\r']).chars().next_back())
            && kanji(t[at..].chars().next())
    };
    let line_start = |t: &str, at: usize| t[..at].trim_end_matches(['\n', '\r']).rfind('\n').map_or(0, |i| i + 1);
    let mut floor = (0, 0);
    for i in 0..regions.len() {
        let r = &regions[i];
        if wrapped_before(old, r.old.start) && wrapped_before(new, r.new.start) {
            let back = (r.old.start - line_start(old, r.old.start)).min(r.new.start - line_start(new, r.new.start));
            let back = back.min(r.old.start - floor.0).min(r.new.start - floor.1);
            // The line before is equal text on both sides: step back by the same bytes.
            if old[r.old.start - back..r.old.start] == new[r.new.start - back..r.new.start] {
                regions[i].old.start -= back;
                regions[i].new.start -= back;
            }
        }
        let r = &regions[i];
        let ceiling = regions.get(i + 1).map_or((old.len(), new.len()), |n| (n.old.start, n.new.start));
        if r.old.end < ceiling.0
            && r.new.end < ceiling.1
            && wrapped_before(old, r.old.end)
            && wrapped_before(new, r.new.end)
        {
            let line_end = |t: &str, at: usize| t[at..].find('\n').map_or(t.len(), |k| at + k + 1);
            let ahead = (line_end(old, r.old.end) - r.old.end).min(line_end(new, r.new.end) - r.new.end);
            let ahead = ahead.min(ceiling.0 - r.old.end).min(ceiling.1 - r.new.end);
            if old[r.old.end..r.old.end + ahead] == new[r.new.end..r.new.end + ahead] {
                regions[i].old.end += ahead;
                regions[i].new.end += ahead;
            }
        }
        floor = (regions[i].old.end, regions[i].new.end);
    }
    regions
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
    fn edits_among_repeated_lines_are_found_word_by_word() {
        use crate::diff::{diff, DiffOptions};
        // Old D Y D Z, new D' Y' D Z': the line diff may pair the first D of old with the
        // second of new; the refinement must still see three small changes.
        let (d, y, z) = ("同じ行の本文である。\n", "議題（1）について説明。\n", "その他の事項を確認。\n");
        let old = format!("{d}{y}{d}{z}").repeat(3);
        let new =
            format!("{}{}{d}{}", d.replace("本文", "本則"), y.replace("（1）", "（2）"), z.replace("確認", "検討"))
                + &format!("{d}{y}{d}{z}").repeat(2);
        let r = diff(&old, &new, &DiffOptions::default());
        let got: Vec<(&str, &str)> = r.hunks.iter().map(|h| (&old[h.old.clone()], &new[h.new.clone()])).collect();
        assert_eq!(got, [("本文", "本則"), ("1", "2"), ("確認", "検討")]);
    }

    #[test]
    fn an_edited_copy_of_a_sentence_printed_twice_is_an_edit_in_place() {
        use crate::diff::{diff, DiffOptions};
        // Old X A S S B, new X' A S' S B': the line diff inserts S' before the first S and
        // deletes the second; joined with the changes on both sides, the word diff sees the edit.
        let s = "NOTICE をいつまで延長できるのかというところが、非常に気になっている。\n";
        let (a, b) = ("御助言を頂ければと思う。\n", "皆さんのように NOTICE のステアリング。\n");
        let x = "総合対処センター、又はその先の構想、などにおいて考える。\n";
        let old = format!("{x}{a}{s}{s}{b}");
        let new = format!(
            "{}{a}{}{s}{}",
            x.replace("又はその先の構想、", ""),
            s.replace("NOTICE", "NOTICF"),
            b.replace("NOTICE", "NOTICF")
        );
        for detect_moves in [false, true] {
            let r = diff(&old, &new, &DiffOptions { detect_moves, ..DiffOptions::default() });
            let got: Vec<(&str, &str)> = r.hunks.iter().map(|h| (&old[h.old.clone()], &new[h.new.clone()])).collect();
            assert_eq!(
                got,
                [("又はその先の構想、", ""), ("NOTICE", "NOTICF"), ("NOTICE", "NOTICF")],
                "moves: {detect_moves}"
            );
            let first = old.find(s).unwrap();
            assert!(r.hunks[1].old.start < first + s.len(), "the edit is in the first copy");
        }
    }

    #[test]
    fn alternating_insertions_and_changes_join_a_few_at_a_time() {
        // Twelve regions a line apart, a change (N) and an insertion (P) in turn: each P joins
        // the N before and the N after it, the next P starts over (four a region: N P N P), so
        // that a text edited all along is not one region.
        let old = "行\n".repeat(30);
        let line = |i: usize| i * "行\n".len();
        let regions: Vec<Span> = (0..12)
            .map(|k| {
                let at = line(2 * k);
                let old = if k % 2 == 0 { at..line(2 * k + 1) } else { at..at };
                Span { old, new: 100 * k..100 * k + 10 }
            })
            .collect();
        let joined = join_near(&old, regions.clone());
        let ends: Vec<(usize, usize)> = joined.iter().map(|s| (s.old.start, s.old.end)).collect();
        assert_eq!(ends, [(line(0), line(6)), (line(8), line(14)), (line(16), line(22))]);
        // Two changes with nothing pure between stay apart; an insertion between joins all three.
        let two = join_near(&old, vec![regions[0].clone(), regions[2].clone()]);
        assert_eq!(two.len(), 2);
        assert_eq!(join_near(&old, regions[..3].to_vec()).len(), 1);
    }

    #[test]
    fn a_kanji_word_wrapped_at_a_line_break_is_seen_whole() {
        use crate::diff::{diff, DiffOptions};
        let old = "これは大\n変重要だと考える。\n次の行。\n";
        let new = "これは大\n変肝要だと考える。\n次の行。\n";
        let r = diff(old, new, &DiffOptions::default());
        let got: Vec<(&str, &str)> = r.hunks.iter().map(|h| (&old[h.old.clone()], &new[h.new.clone()])).collect();
        assert_eq!(got, [("重要", "肝要")]);
    }

    #[test]
    fn a_missing_final_newline_is_a_change() {
        let r = changed_regions("a\nb", "a\nb\n", &mut Deadline::new(None));
        assert_eq!(r, [Span { old: 2..3, new: 2..4 }]);
    }
}
