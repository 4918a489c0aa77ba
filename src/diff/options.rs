//! How to diff: the unit of change, moves, the deadline.

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
