//! The diff engine: what changed between two texts, in units a reader of Japanese sees.
//!
//! (API fixed here; the engine's owner fills it in: tokenizer, line-then-inline diff with
//! `similar`, semantic clean-up, moves, deadline.)

use crate::redline::Hunk;
use std::time::Duration;

/// The unit changes are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Granularity {
    /// Single characters (grapheme clusters).
    Char,
    /// Runs of one script (kanji, hiragana, katakana, Latin words), URLs and file names,
    /// punctuation: the default.
    #[default]
    Word,
    /// Whole lines.
    Line,
}

/// How to diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// The unit of change.
    pub granularity: Granularity,
    /// Report moved passages of at least `min_move_chars` characters as moves.
    pub detect_moves: bool,
    /// The shortest passage reported as a move.
    pub min_move_chars: usize,
    /// Give up refining after this long (the result stays correct, only coarser).
    pub timeout: Option<Duration>,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions { granularity: Granularity::Word, detect_moves: true, min_move_chars: 20, timeout: None }
    }
}

/// The changes between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffResult {
    /// Sorted, non-overlapping hunks (byte offsets), as [`crate::redline::Redline`] requires.
    pub hunks: Vec<Hunk>,
    /// Whether the timeout cut refinement short.
    pub deadline_hit: bool,
}

/// Diff two texts.
pub fn diff(old: &str, new: &str, options: &DiffOptions) -> DiffResult {
    let _ = options;
    let ops = similar::TextDiff::configure().diff_chars(old, new);
    let mut hunks = Vec::new();
    for op in ops.ops() {
        let (o, n) = (op.old_range(), op.new_range());
        if op.tag() != similar::DiffTag::Equal {
            let ob = byte_range(old, o);
            let nb = byte_range(new, n);
            hunks.push(Hunk::new(ob, nb));
        }
    }
    DiffResult { hunks, deadline_hit: false }
}

fn byte_range(s: &str, chars: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut it = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len()));
    let start = it.nth(chars.start).unwrap_or(s.len());
    let end = if chars.is_empty() { start } else { it.nth(chars.len() - 1).unwrap_or(s.len()) };
    start..end
}
