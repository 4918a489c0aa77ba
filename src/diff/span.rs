//! A changed stretch of two texts, the engine's own form of a hunk.

use std::ops::Range;

/// A changed stretch: byte ranges of old and new (internal form of a hunk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub old: Range<usize>,
    pub new: Range<usize>,
}
