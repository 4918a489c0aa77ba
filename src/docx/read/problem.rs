//! Why a `.docx` could not be read.

use serde::Serialize;

/// Why a `.docx` could not be read, as data; the words (each saying what to do) are in
/// [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocxProblem {
    /// Not a zip archive at all.
    NotZip {
        /// What the zip reader says.
        detail: String,
    },
    /// An entry whose name is a path trick.
    UnsafeEntry {
        /// The entry's name.
        name: String,
        /// What is wrong with it.
        reason: UnsafeName,
    },
    /// An encrypted entry.
    Encrypted {
        /// The entry's name.
        name: String,
    },
    /// More entries than [`Limits::max_entries`](super::Limits::max_entries).
    TooManyEntries {
        /// How many there are.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// More bytes than a limit allows.
    TooLarge {
        /// The part (or `the archive`).
        part: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A part that expands more than [`Limits::max_ratio`](super::Limits::max_ratio) times.
    Bomb {
        /// The part being read when the archive's expansion passed the limit.
        part: String,
        /// The whole archive's size (bytes).
        compressed: u64,
        /// The ratio allowed.
        ratio: u64,
    },
    /// A part that cannot be decompressed, or whose CRC is wrong.
    Corrupt {
        /// The part.
        part: String,
        /// What the zip reader says.
        detail: String,
    },
    /// A part the document needs is not in the archive.
    Missing {
        /// The part.
        part: String,
    },
    /// A part is not well-formed XML.
    Xml {
        /// The part.
        part: String,
        /// The byte of the part where reading stopped.
        position: u64,
        /// What the XML reader says.
        detail: String,
    },
    /// A part holds a DTD.
    Dtd {
        /// The part.
        part: String,
    },
    /// Elements nested deeper than [`Limits::max_depth`](super::Limits::max_depth).
    TooDeep {
        /// The part.
        part: String,
        /// The depth allowed.
        limit: usize,
    },
}

/// How an archive entry's name (or a relationship's target) is a path trick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnsafeName {
    /// The name is empty.
    Empty,
    /// It starts with `/`.
    Absolute,
    /// It holds a backslash (a Windows path).
    Backslash,
    /// It holds a colon (a drive or a stream).
    Colon,
    /// It holds a control character.
    Control,
    /// It holds `..`.
    ClimbsOut,
    /// It appears twice.
    Duplicate,
    /// It is the main document's target and points outside the archive.
    MainTargetOutside,
}
