//! What reading an output back gives (both texts), and why it can fail.

use crate::render::Format;
use serde::Serialize;

/// The two texts a redline was made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Texts {
    /// The old text (the draft).
    pub old: String,
    /// The new text (the final).
    pub new: String,
}

/// An output that is not what the renderer writes: where, and what is wrong (the words are in
/// [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseProblem {
    /// Where in the output.
    pub at: Offset,
    /// What is wrong there.
    pub kind: ParseKind,
}

/// A place in an output, in the unit its format counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Offset {
    /// A byte offset (critic, json, html).
    Byte(usize),
    /// A line of a patch, 1-based (unified).
    Line(usize),
}

/// What is wrong with an output read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseKind {
    /// CriticMarkup opened and never closed.
    NeverClosed {
        /// The closer looked for.
        closer: String,
    },
    /// Not JSON of the redline's shape.
    NotJson {
        /// What the JSON reader says.
        detail: String,
    },
    /// A JSON hunk whose old range is out of order or past the end.
    OldRange {
        /// The hunk's index.
        hunk: usize,
    },
    /// A JSON hunk whose new range does not follow from the text before it.
    NewRange {
        /// The hunk's index.
        hunk: usize,
    },
    /// A JSON hunk whose `old_text` is not the old document's text there.
    OldText {
        /// The hunk's index.
        hunk: usize,
    },
    /// An `&` without its `;`.
    UnterminatedReference,
    /// A character reference that names no character.
    UnknownReference {
        /// The name between `&` and `;`.
        name: String,
    },
    /// No redline element in the page.
    NoRedlineElement,
    /// The redline element is not closed.
    RedlineNotClosed,
    /// A tag without its `>`.
    TagNotClosed,
    /// A tag where it cannot stand.
    UnexpectedTag {
        /// The tag.
        tag: String,
    },
    /// A tag the renderer never writes inside the redline.
    ForeignTag {
        /// The tag.
        tag: String,
    },
    /// An `<a>` without its `</a>`.
    LinkNotClosed,
    /// An `<s>` (the old words inside a move's new end) without its `</s>`.
    StruckNotClosed,
    /// A `<del>` or `<ins>` not closed.
    ChangeNotClosed,
    /// A line that should be a hunk header.
    NotHunkHeader,
    /// A hunk out of order or past the end.
    HunkOutOfOrder {
        /// The old line its header names.
        old_line: usize,
    },
    /// `\ No newline at end of file` before any line.
    NoNewlineFirst,
    /// `\ No newline at end of file` after a line without one.
    NoNewlineTwice,
    /// A line that is not ` `, `-`, `+` or `\`.
    NotHunkLine {
        /// The line.
        line: String,
    },
    /// A hunk shorter than its header says.
    HunkTooShort,
    /// A context or removed line that is not the old text's.
    OldLineDiffers {
        /// The old line, 1-based.
        old_line: usize,
        /// What the patch says it is.
        expected: String,
    },
    /// A unified diff read back without the old text.
    NeedsOld,
    /// A format that is not read back.
    NotReadBack {
        /// The format.
        #[serde(skip)]
        format: Format,
    },
}

impl ParseProblem {
    /// A problem at byte `at`.
    pub(super) fn at_byte(at: usize, kind: ParseKind) -> ParseProblem {
        ParseProblem { at: Offset::Byte(at), kind }
    }
}
