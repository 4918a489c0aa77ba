//! The diff engine: what changed between two texts, in units a reader of Japanese sees.
//!
//! Japanese has no spaces, so a whitespace word diff replaces whole sentences and a character
//! diff shreds words (git's `--word-diff-regex=.` shows 「ASEAN」→「FNTRJQ」 as
//! `[-ASEA-]{+F+}N{+TRJQ+}`). akaji diffs line by line first (`lines`), refines each changed
//! region by word units (`crate::words`, `refine`), cleans the result up so a changed word is one
//! replacement (`cleanup`), and links moved passages, unchanged (`moves`) or edited on the way
//! (`edited_moves`).
//!
//! ```
//! use akaji::diff::{diff, DiffOptions, Granularity};
//! let (old, new) = ("分科会を設置し、推進にあたっては", "分科会を開催し、推進に当たっては");
//! let d = diff(old, new, &DiffOptions::default());
//! let pairs: Vec<(&str, &str)> = d.hunks.iter().map(|h| (&old[h.old.clone()], &new[h.new.clone()])).collect();
//! assert_eq!(pairs, [("設置", "開催"), ("あたって", "当たって")]);
//! let chars = DiffOptions { granularity: Granularity::Char, ..DiffOptions::default() };
//! let d = diff(old, new, &chars);
//! assert_eq!(&new[d.hunks[1].new.clone()], "当");
//! ```

mod cleanup;
mod deadline;
mod edited_moves;
mod lines;
mod moves;
mod myers;
mod options;
mod patience;
mod refine;
mod span;

pub(crate) use edited_moves::Furniture;
pub use edited_moves::{Similarity, MOVE_SIMILARITY};
pub use options::{DiffOptions, Granularity};

use crate::redline::Hunk;
pub(crate) use deadline::Deadline;

/// The changes between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffResult {
    /// Sorted, non-overlapping hunks (byte offsets), as [`crate::redline::Redline`] requires.
    pub hunks: Vec<Hunk>,
    /// Whether the timeout cut refinement short.
    pub deadline_hit: bool,
}

/// Diff two texts. The hunks' ranges are byte offsets into `old` and `new`.
pub fn diff(old: &str, new: &str, options: &DiffOptions) -> DiffResult {
    diff_by(old, new, options, &mut Deadline::new(options.timeout))
}

/// [`diff`] within a `deadline` shared with other diffs (`options.timeout` is not read): what
/// diffs a document part by part ([`crate::compare`]) gives every part.
pub(crate) fn diff_by(old: &str, new: &str, options: &DiffOptions, deadline: &mut Deadline) -> DiffResult {
    let regions = lines::changed_regions(old, new, deadline);
    let spans = match options.granularity {
        Granularity::Line => regions,
        g => {
            let regions = lines::join_near(old, regions);
            let regions = lines::with_wrapped_words(old, new, regions);
            let mut spans = Vec::with_capacity(regions.len() * 2);
            for r in &regions {
                refine::region(old, new, r, g, deadline, &mut spans);
            }
            spans
        }
    };
    let mut hunks: Vec<Hunk> = spans.into_iter().map(|s| Hunk::new(s.old, s.new)).collect();
    if options.detect_moves {
        moves::prefer_long_moves(old, new, &mut hunks, options.min_move_chars);
        link_moves(old, new, &mut hunks, options, (deadline.hit, &Furniture::default()));
    }
    DiffResult { hunks, deadline_hit: deadline.hit }
}

/// The similarity of `old` and `new` by the rule of moves (see the module docs).
///
/// ```
/// use akaji::diff::similarity;
/// let s = similarity("関係機関との連携体制の強化を図る。", "関係機関との連携体制の拡充を図る。");
/// assert_eq!((s.equal, s.longer), (15, 17));
/// assert!(s.is_move());
/// assert_eq!(similarity("連携体制の強化\nを図る。", "連携体制の強化を\n図る。").percent(), 100.0);
/// assert!(!similarity("関係機関との連携体制の強化を図る。", "人材育成の機会を地域に拡大していく。").is_move());
/// ```
pub fn similarity(old: &str, new: &str) -> Similarity {
    edited_moves::similarity_by(old, new, passage_diff)
}

/// The regions of whole lines that differ between `old` and `new` (byte ranges, in order): the
/// line pass alone, without a deadline. Between them the two texts are equal line for line.
pub(crate) fn changed_lines(old: &str, new: &str) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    lines::changed_regions(old, new, &mut deadline::Deadline::new(None)).into_iter().map(|s| (s.old, s.new)).collect()
}

/// The regions of whole lines that differ between `old` and `new` (byte ranges, in order), as
/// [`diff`] finds them before it refines them: the line pass within `deadline`, a region that
/// only inserts or deletes lines joined to a neighbour a few equal lines away. Between them the
/// two texts are equal line for line. Each text comes with its line starts (a document's,
/// found when it was read).
pub(crate) fn changed_line_regions(
    old: (&str, &[usize]),
    new: (&str, &[usize]),
    deadline: &mut Deadline,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let regions = lines::join_near(old.0, lines::changed_regions_at(old, new, deadline));
    regions.into_iter().map(|s| (s.old, s.new)).collect()
}

/// The diff of two passages, without moves, by `granularity`'s units (what moves compare).
pub(crate) fn passage_diff(old: &str, new: &str, granularity: Granularity) -> Vec<Hunk> {
    diff(old, new, &DiffOptions { detect_moves: false, granularity, ..DiffOptions::default() }).hunks
}

/// Link the ends of moved passages among `hunks` (of `old` → `new`): those moved unchanged,
/// then, unless the result is already `coarse` (past the deadline, where pairing would cost more
/// diffs), those edited on the way, with `furniture` as layout inside them. Layout hunks take no
/// part.
pub(crate) fn link_moves(
    old: &str,
    new: &str,
    hunks: &mut [Hunk],
    options: &DiffOptions,
    (coarse, furniture): (bool, &Furniture),
) {
    let mut moves = 0;
    moves::detect(old, new, hunks, options.min_move_chars, &mut moves);
    if !coarse {
        edited_moves::detect((old, new), hunks, options, &mut moves, passage_diff, furniture);
    }
    moves::renumber(hunks, moves);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::{HunkKind, Redline};
    use std::time::Duration;

    fn texts<'a>(old: &'a str, new: &'a str, d: &DiffResult) -> Vec<(&'a str, &'a str)> {
        d.hunks.iter().map(|h| (&old[h.old.clone()], &new[h.new.clone()])).collect()
    }

    #[test]
    fn the_examples_of_the_issue() {
        let o = DiffOptions::default();
        let d = diff("「設置」", "「開催」", &o);
        assert_eq!(d.hunks.len(), 1);
        assert_eq!(d.hunks[0].kind, HunkKind::Replace);
        let d = diff("あたって", "当たって", &o);
        assert_eq!(texts("あたって", "当たって", &d), [("あたって", "当たって")]);
        let d = diff("ASEAN", "FNTRJQ", &o);
        assert_eq!(d.hunks.len(), 1);
        let (a, b) = ("~867112.pdf", "~000690267.pdf");
        assert_eq!(texts(a, b, &diff(a, b, &o)), [("867112.pdf", "000690267.pdf")]);
    }

    #[test]
    fn line_granularity_marks_whole_lines() {
        let o = DiffOptions { granularity: Granularity::Line, ..DiffOptions::default() };
        let (a, b) = ("一\n設置する\n三\n", "一\n開催する\n三\n");
        assert_eq!(texts(a, b, &diff(a, b, &o)), [("設置する\n", "開催する\n")]);
    }

    #[test]
    fn same_texts_have_no_hunks() {
        assert!(diff("同じ\r\n", "同じ\r\n", &DiffOptions::default()).hunks.is_empty());
        assert!(diff("", "", &DiffOptions::default()).hunks.is_empty());
    }

    #[test]
    fn a_line_break_moved_across_a_passage_is_a_re_wrap_not_a_move() {
        // No move, and the passage (`inside` it) in no hunk.
        let stays = |old: &str, new: &str, inside: &str| {
            let d = diff(old, new, &DiffOptions::default());
            let pairs = texts(old, new, &d);
            assert!(d.hunks.iter().all(|h| h.kind != HunkKind::Move), "{pairs:?}");
            assert!(pairs.iter().all(|(a, b)| !a.contains(inside) && !b.contains(inside)), "{pairs:?}");
            assert!(Redline::from_texts(old, new, d.hunks).check().is_ok());
        };
        // An item edited in place and wrapped again: the break before 「ーバル…ない」 is after it.
        stays(
            "御指摘のとおりグロ\nーバル IP アドレスを対象としているので、中は見ていないという状況で\nある。\n",
            "御指摘\nのとおりグローバル IP アドレスを対象としているので、中は見ていない\nという状況である。\n",
            "IP",
        );
        // Each 名 crossed a line break; the passage between them did not move.
        stays(
            "はデジタル署名\nの技術をベースにしていると思うが、デジタル庁等で進めているデジタル署名\n全体の技術\n",
            "はデジタル署\n名の技術をベースにしていると思うが、デジタル庁等で進めているデジタル署\n名全体の技術\n",
            "ベース",
        );
        // A passage that swaps places with a short one is still the one shown moved.
        let (old, new) = (
            "前文。短い語。移動する長い段落の文章はここにあるものとする。後文。",
            "前文。移動する長い段落の文章はここにあるものとする。短い語。後文。",
        );
        let d = diff(old, new, &DiffOptions::default());
        let moved: Vec<_> = d.hunks.iter().filter(|h| h.kind == HunkKind::Move).map(|h| &old[h.old.clone()]).collect();
        assert!(moved.contains(&"移動する長い段落の文章はここにあるものとする。"), "{:?}", texts(old, new, &d));
    }

    #[test]
    fn a_passed_deadline_keeps_a_correct_coarse_result() {
        let old = "一行目の設置\n二行目\n".repeat(50);
        let new = old.replace("設置", "開催");
        let o = DiffOptions { timeout: Some(Duration::ZERO), ..DiffOptions::default() };
        let d = diff(&old, &new, &o);
        assert!(d.deadline_hit);
        assert!(Redline::from_texts(&old, &new, d.hunks).check().is_ok());
        let d = diff(&old, &new, &DiffOptions::default());
        assert!(!d.deadline_hit);
        assert_eq!(d.hunks.len(), 50);
    }
}

/// The unit tests of `edited_moves`, here so that it need not name this module (it is given the
/// engine's diff as a function).
#[cfg(test)]
mod edited_moves_tests {
    use super::edited_moves::{detect, Furniture, MAX_POSTINGS};
    use super::options::{DiffOptions, Granularity};
    use super::passage_diff;
    use crate::redline::{Hunk, HunkKind};

    fn run(old: &str, new: &str, hunks: &mut [Hunk]) {
        detect((old, new), hunks, &DiffOptions::default(), &mut 0, passage_diff, &Furniture::default());
    }

    #[test]
    fn a_reworded_passage_is_paired_and_an_unrelated_one_is_not() {
        let (a, b) = ("関係機関との連携体制の強化を図ることとする。", "関係機関との連携体制の拡充を図ることとする。");
        let c = "人材育成の観点から実践的な演習の機会を拡大する。";
        let old = format!("{a}一{c}");
        let new = format!("一{b}");
        // a deleted, b inserted after 一, c deleted.
        let mut hunks = vec![
            Hunk::new(0..a.len(), 0..0),
            Hunk::new(a.len() + 3..old.len(), 3..3),
            Hunk::new(old.len()..old.len(), 3..new.len()),
        ];
        // The hunks above are not a valid redline's order; detect only reads their texts.
        hunks.swap(1, 2);
        run(&old, &new, &mut hunks);
        assert_eq!(hunks[0].kind, HunkKind::Move);
        assert_eq!(hunks[1].kind, HunkKind::Move);
        assert_eq!(hunks[2].kind, HunkKind::Delete, "the unrelated passage stays a deletion");
        let inner = &hunks[0].inner_changes;
        assert_eq!(inner, &hunks[1].inner_changes);
        assert_eq!(inner.len(), 1);
        assert_eq!((&old[inner[0].old.clone()], &new[inner[0].new.clone()]), ("強化", "拡充"));
    }

    #[test]
    fn the_best_pair_wins_and_each_hunk_is_in_one_move() {
        let a = "関係機関との連携体制の強化を図ることとする。";
        let close = "関係機関との連携体制の拡充を図ることとする。";
        let far = "関係機関との連携体制の拡充を早急に図ることとする。";
        // One deletion, two insertions that both resemble it: the closer one is its other end.
        let old = format!("{a}X");
        let new = format!("X{far}Y{close}");
        let (f, c) = (1..1 + far.len(), 2 + far.len()..new.len());
        let mut hunks =
            vec![Hunk::new(0..a.len(), 0..0), Hunk::new(old.len()..old.len(), f), Hunk::new(old.len()..old.len(), c)];
        assert!(super::similarity(a, far).is_move(), "{:?}", super::similarity(a, far));
        run(&old, &new, &mut hunks);
        assert_eq!(hunks[0].move_id, Some(0));
        assert_eq!(hunks[2].move_id, Some(0));
        assert_eq!(hunks[1].kind, HunkKind::Insert);
    }

    #[test]
    fn short_attributed_or_white_passages_are_left_alone() {
        let a = "関係機関との連携体制の強化を図る。";
        let b = "関係機関との連携体制の拡充を図る。";
        let old = format!("{a}X");
        let new = format!("X{b}");
        let hunks = || vec![Hunk::new(0..a.len(), 0..0), Hunk::new(old.len()..old.len(), 1..new.len())];
        let mut h = hunks();
        detect(
            (&old, &new),
            &mut h,
            &DiffOptions { min_move_chars: 30, ..DiffOptions::default() },
            &mut 0,
            passage_diff,
            &Furniture::default(),
        );
        assert_eq!(h[0].kind, HunkKind::Delete, "shorter than min_move_chars");
        let mut h = hunks();
        h[0] = h[0].clone().attributed(crate::ledger::EditRef { decision: crate::ledger::DecisionIx(0), edit: 0 });
        run(&old, &new, &mut h);
        assert_eq!(h[1].kind, HunkKind::Insert, "a ledger's edit is never half of a move");
        let mut h = hunks();
        let line = DiffOptions { granularity: Granularity::Line, ..DiffOptions::default() };
        detect((&old, &new), &mut h, &line, &mut 0, passage_diff, &Furniture::default());
        assert_eq!(h[0].kind, HunkKind::Delete, "whole lines are not reworded");
        let (w, v) = (" ".repeat(30), "\n".repeat(30));
        let mut h = vec![Hunk::new(0..30, 0..0), Hunk::new(30..30, 0..30)];
        detect((&w, &v), &mut h, &DiffOptions::default(), &mut 0, passage_diff, &Furniture::default());
        assert_eq!(h[0].kind, HunkKind::Delete);
    }

    #[test]
    fn common_bigrams_alone_still_find_the_pair() {
        // Every bigram of these passages is held by more than MAX_POSTINGS insertions.
        let common = "のののののののののののののののののののののののの";
        let a = format!("{common}あ");
        let b = format!("{common}い");
        let mut old = a.clone();
        let mut new = String::new();
        let mut hunks = vec![Hunk::new(0..a.len(), 0..0)];
        for _ in 0..MAX_POSTINGS + 1 {
            let s = new.len();
            new.push_str(&format!("{common}う"));
            hunks.push(Hunk::new(old.len()..old.len(), s..new.len()));
        }
        let s = new.len();
        new.push_str(&b);
        hunks.push(Hunk::new(old.len()..old.len(), s..new.len()));
        old.push('\n');
        run(&old, &new, &mut hunks);
        assert_eq!(hunks[0].kind, HunkKind::Move);
        assert_eq!(hunks.iter().filter(|h| h.kind == HunkKind::Move).count(), 2);
    }
}
