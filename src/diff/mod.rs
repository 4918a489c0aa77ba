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

pub use edited_moves::{similarity, Similarity, MOVE_SIMILARITY};
pub use options::{DiffOptions, Granularity};

use crate::redline::Hunk;
use deadline::Deadline;

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
    let mut deadline = Deadline::new(options.timeout);
    let regions = lines::changed_regions(old, new, &mut deadline);
    let spans = match options.granularity {
        Granularity::Line => regions,
        g => {
            let regions = lines::join_near(old, regions);
            let regions = lines::with_wrapped_words(old, new, regions);
            let mut spans = Vec::with_capacity(regions.len() * 2);
            for r in &regions {
                refine::region(old, new, r, g, &mut deadline, &mut spans);
            }
            spans
        }
    };
    let mut hunks: Vec<Hunk> = spans.into_iter().map(|s| Hunk::new(s.old, s.new)).collect();
    if options.detect_moves {
        moves::prefer_long_moves(old, new, &mut hunks, options.min_move_chars);
        link_moves(old, new, &mut hunks, options, deadline.hit);
    }
    DiffResult { hunks, deadline_hit: deadline.hit }
}

/// Link the ends of moved passages among `hunks` (of `old` → `new`): those moved unchanged,
/// then, unless the result is already `coarse` (past the deadline, where pairing would cost more
/// diffs), those edited on the way. Layout hunks take no part.
pub(crate) fn link_moves(old: &str, new: &str, hunks: &mut [Hunk], options: &DiffOptions, coarse: bool) {
    let mut moves = 0;
    moves::detect(old, new, hunks, options.min_move_chars, &mut moves);
    if !coarse {
        edited_moves::detect(old, new, hunks, options, &mut moves);
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
