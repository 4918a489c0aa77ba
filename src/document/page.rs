//! Pages as a reader sees them: a page's number (printed, or a front-matter page), the role of
//! each of its lines, and which lines count.

use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// A page's number: the number printed on it (`- 12 -`), or, for a front-matter page that
/// carries no number (a cover, a table of contents, before page 1), its place among the front
/// pages, written in lower-case Roman numerals: the cover is `i`, the contents page `ii`.
///
/// A ledger writes a numbered page as a number (`page = 12`) and a front page as its numeral
/// (`page = "ii"`); messages and reports show `P12` and `Pii`; JSON writes `12` and `"ii"`.
///
/// ```
/// use akaji::PageNo;
/// assert_eq!(PageNo::parse("ii"), Some(PageNo::Front(2)));
/// assert_eq!(PageNo::parse("12"), Some(PageNo::Number(12)));
/// assert_eq!(PageNo::Front(4).to_string(), "iv");
/// assert!(PageNo::Front(9) < PageNo::Number(1), "front matter comes first");
/// assert!(PageNo::Number(3) == 3 && PageNo::Front(3) != 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageNo {
    /// A front-matter page without a printed number: its place among the front pages, from 1.
    Front(u32),
    /// The number printed on the page (or, in a text without page markers, its place from 1).
    Number(u32),
}

impl PageNo {
    /// The printed number, `None` for a front page.
    pub fn number(self) -> Option<u32> {
        match self {
            PageNo::Number(n) => Some(n),
            PageNo::Front(_) => None,
        }
    }

    /// A page as a ledger or a person writes it: digits (full-width too) for a numbered page,
    /// a Roman numeral (`i`, `ii`, `IV`, `ⅱ`) for a front page.
    pub fn parse(s: &str) -> Option<PageNo> {
        let s = s.trim();
        if let Some(n) = super::numerals::digits(s) {
            return Some(PageNo::Number(n));
        }
        super::numerals::roman(s).map(PageNo::Front)
    }
}

impl From<u32> for PageNo {
    fn from(n: u32) -> PageNo {
        PageNo::Number(n)
    }
}

impl PartialEq<u32> for PageNo {
    /// A numbered page equals its number; a front page equals no number.
    fn eq(&self, n: &u32) -> bool {
        *self == PageNo::Number(*n)
    }
}

impl fmt::Display for PageNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageNo::Number(n) => write!(f, "{n}"),
            PageNo::Front(n) => f.write_str(&super::numerals::to_roman(*n)),
        }
    }
}

impl Serialize for PageNo {
    /// A number for a numbered page, its numeral (a string) for a front page.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PageNo::Number(n) => s.serialize_u32(*n),
            PageNo::Front(_) => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for PageNo {
    /// A number, or a numeral or number written as a string (see [`PageNo::parse`]).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PageNo, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(u32),
            Text(String),
        }
        match Written::deserialize(d)? {
            Written::Number(n) => Ok(PageNo::Number(n)),
            Written::Text(s) => PageNo::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a page: {s:?}"))),
        }
    }
}

/// What a line is on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineRole {
    /// The text of the page.
    #[default]
    Body,
    /// A running head: a chapter or section head (or a title) repeated at the top of the page.
    RunningHead,
    /// A line repeated at the foot of the pages that is not the page number.
    Footer,
    /// The page number (`- 12 -`): the line that closes a page.
    PageNumber,
}

impl LineRole {
    /// Whether the line is page furniture (everything but the body): never part of a quote, never
    /// a change.
    pub fn is_furniture(self) -> bool {
        self != LineRole::Body
    }
}

/// How the lines of a page are counted for `line = N` and in every place akaji reports
/// (`options.count_lines`, `--count-lines`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineCount {
    /// Body lines, as a reader counts them: `line = 1` is the first line under the running
    /// heads, `-1` the last above the footer. The default.
    #[default]
    Body,
    /// Every printed line but the page number: running heads and footers count.
    Printed,
}

/// One page: its number and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The page's number as printed (from its marker), its ordinal without markers, or its
    /// place among the front pages.
    pub number: PageNo,
    /// Indices (0-based, into the document's lines) of the page's counted lines: its body lines
    /// ([`LineCount::Body`], the default), or every line but the page number
    /// ([`LineCount::Printed`]).
    pub lines: Range<usize>,
    /// Its body lines: everything but the running heads above and the footer below.
    pub body: Range<usize>,
    /// Every line of the page, furniture included.
    pub all: Range<usize>,
    /// Index of the page's marker line (its page number), if it has one.
    pub marker: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_serialize_as_numbers_or_numerals() {
        let json = serde_json::to_string(&[PageNo::Number(4), PageNo::Front(2)]).unwrap();
        assert_eq!(json, r#"[4,"ii"]"#);
    }
}
