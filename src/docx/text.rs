//! Characters a Word document cannot hold, and the warnings that say where they were.
//!
//! XML 1.0 forbids most C0 control characters and U+FFFE/U+FFFF, so a draft that holds them
//! (text extracted from PDF sometimes does) cannot be written as it is. Nothing is dropped: each
//! such character is written as a visible stand-in of one character — the Unicode control
//! picture for a C0 control (U+0007 → ␇), U+FFFD for U+FFFE/U+FFFF — and reported as a
//! [`StandIn`] that names the text, page, line and code point. A lone carriage return (one not
//! followed by a line feed) is written as ␍ the same way. Tabs and line feeds are structure
//! (`<w:tab/>`, paragraphs); a form feed is a page break (`<w:br w:type="page"/>`).
//!
//! ```
//! use akaji::docx::stand_in;
//! assert_eq!(stand_in('\u{7}'), Some('␇'));
//! assert_eq!(stand_in('\u{ffff}'), Some('\u{fffd}'));
//! assert_eq!(stand_in('\t'), None);
//! assert_eq!(stand_in('設'), None);
//! ```

use crate::document::PageNo;
use serde::Serialize;

/// The visible character written in place of `c`, when XML cannot hold `c` (tab, line feed,
/// carriage return and form feed are handled as structure and return `None`).
pub fn stand_in(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{c}' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{fffe}' | '\u{ffff}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// Where a character that had to be replaced was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// The old text (the draft).
    Old,
    /// The new text (the final).
    New,
    /// A decision's response, written as a comment.
    Response {
        /// The decision's id.
        decision: String,
    },
}

/// A character the document could not hold as it is, and what was written instead (a warning;
/// its words are in [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StandIn {
    /// Which text held it.
    pub source: Source,
    /// Page number (`None` for a response).
    pub page: Option<PageNo>,
    /// Line within the page, 1-based (0 on a page-marker line or in a response).
    pub line: usize,
    /// Column, 1-based, in chars.
    pub column: usize,
    /// The character's code point.
    pub code_point: u32,
    /// The character written in its place.
    pub written_as: char,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_but_structure_gets_a_picture() {
        for c in (0u32..0x20).filter_map(char::from_u32) {
            let structure = matches!(c, '\t' | '\n' | '\r' | '\u{c}');
            assert_eq!(stand_in(c).is_none(), structure, "{:?}", c);
        }
        assert_eq!(stand_in('\u{0}'), Some('␀'));
        assert_eq!(stand_in('\u{1b}'), Some('␛'));
    }

    #[test]
    fn a_warning_names_the_place_and_the_code_point() {
        let w = StandIn {
            source: Source::New,
            page: Some(PageNo::Number(4)),
            line: 2,
            column: 7,
            code_point: 7,
            written_as: '␇',
        };
        assert_eq!(
            w.to_string(),
            "new text P4 L2:7: U+0007 cannot be stored in a Word document; written as 「␇」 (nothing else was changed)"
        );
    }
}
