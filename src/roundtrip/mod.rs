//! Reading redline outputs back: both texts, exactly, from what a renderer wrote.
//!
//! A redline that cannot give back the draft and the final it was made from is a picture, not a
//! record. Each text format keeps enough to rebuild both texts byte for byte (a byte order mark
//! aside): CriticMarkup through its escapes ([`critic`]), JSON through `old_document` and the
//! hunks ([`json`]), HTML through the structure of its document element ([`html`]); a unified diff
//! holds only changed lines and their context, so [`unified`] rebuilds the new text from the old.
//! Property tests render random redlines and read them back.
//!
//! ```
//! use akaji::redline::{Hunk, Redline};
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::roundtrip;
//! let r = Redline::from_texts("設置{--する", "開催{--する", vec![Hunk::new(0..6, 0..6)]);
//! let mut out = Vec::new();
//! render(&r, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
//! let back = roundtrip::critic::parse(std::str::from_utf8(&out).unwrap()).unwrap();
//! assert_eq!((back.old.as_str(), back.new.as_str()), ("設置{--する", "開催{--する"));
//! ```

pub mod critic;
pub mod html;
pub mod json;
pub mod unified;

use crate::render::Format;
use std::fmt;

/// The two texts a redline was made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Texts {
    /// The old text (the draft).
    pub old: String,
    /// The new text (the final).
    pub new: String,
}

/// An output that is not what the renderer writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the output (or line number, for unified diffs: see `message`).
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> ParseError {
        ParseError { offset, message: message.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Read back an output of `format`. `old` is needed for [`Format::Unified`] only.
/// Formats that cannot be read back (ansi, table, docx here) give an error.
pub fn read(format: Format, output: &str, old: Option<&str>) -> Result<Texts, ParseError> {
    match (format, old) {
        (Format::Critic, _) => critic::parse(output),
        (Format::Json, _) => json::parse(output),
        (Format::Html, _) => html::parse(output),
        (Format::Unified, Some(old)) => Ok(Texts { old: old.to_owned(), new: unified::apply(old, output)? }),
        (Format::Unified, None) => Err(ParseError::new(0, "a unified diff needs the old text")),
        (f, _) => Err(ParseError::new(0, format!("the {f} format is not read back"))),
    }
}
