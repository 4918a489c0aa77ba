//! Why an input cannot be read as a text.

use crate::docx::TrackedChange;
use serde::Serialize;

/// Why an input cannot be read as a text, as data; the words are in [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputProblem {
    /// Not UTF-8.
    NotUtf8 {
        /// The first byte that is not.
        offset: usize,
    },
    /// UTF-16 text (with a UTF-16 byte order mark, or ASCII with a NUL in every other byte).
    Utf16 {
        /// Big-endian (FE FF) rather than little-endian (FF FE).
        big_endian: bool,
    },
    /// [`MAX_INPUT`](crate::MAX_INPUT) bytes or more.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// A `.docx` that holds tracked changes.
    TrackedChanges {
        /// How many.
        count: usize,
        /// By whom, each once (`None`: an unnamed author).
        authors: Vec<Option<String>>,
        /// The first.
        first: Box<TrackedChange>,
    },
}
