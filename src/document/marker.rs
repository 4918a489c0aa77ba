//! Page markers: the line that closes a page and prints its number.

use regex::Regex;
use std::sync::LazyLock;

/// The default page marker: a footer line such as `- 12 -`.
pub const DEFAULT_PAGE_MARKER: &str = r"^\s*-\s*(\d+)\s*-\s*$";

/// The default marker's regex, compiled only for a line the quick look cannot answer (digits
/// other than ASCII and full-width ones): compiling it was 4% of `akaji diff` of 1 MB of pages,
/// on the one thread that runs before the documents are read.
static DEFAULT_REGEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DEFAULT_PAGE_MARKER).expect("the default page marker is a valid regex"));

/// How a line that closes a page is recognised: a regular expression, compiled when a ledger's
/// options are read and shared by every document read with it; the default is told by hand
/// (below). Two markers are equal when their patterns are.
#[derive(Debug, Clone)]
pub struct PageMarker {
    /// None for [`DEFAULT_PAGE_MARKER`].
    regex: Option<Regex>,
}

impl PartialEq for PageMarker {
    fn eq(&self, other: &PageMarker) -> bool {
        self.pattern() == other.pattern()
    }
}

impl Eq for PageMarker {}

impl PageMarker {
    /// A marker from a regular expression; its first capture group, when present and numeric,
    /// is the page's number.
    pub fn new(pattern: &str) -> Result<PageMarker, regex::Error> {
        if pattern == DEFAULT_PAGE_MARKER {
            return Ok(PageMarker { regex: None });
        }
        Ok(PageMarker { regex: Some(Regex::new(pattern)?) })
    }

    /// The regular expression, as written.
    pub fn pattern(&self) -> &str {
        self.regex.as_ref().map_or(DEFAULT_PAGE_MARKER, Regex::as_str)
    }

    /// The page number a line carries, if the line is a marker. A marker without a numeric
    /// group yields `Some(None)`.
    pub(crate) fn matches(&self, line: &str) -> Option<Option<u32>> {
        let Some(regex) = &self.regex else { return default_matches(line) };
        // Most lines are not markers, and telling so is far cheaper than capturing (measured:
        // the regex on every line was 3.5% of `akaji diff` of 10 MB of pages).
        if !regex.is_match(line) {
            return None;
        }
        number(regex, line)
    }
}

/// The page number `regex` captures in `line` (its first group, when numeric), if it matches.
fn number(regex: &Regex, line: &str) -> Option<Option<u32>> {
    let caps = regex.captures(line)?;
    Some(caps.get(1).and_then(|m| super::numerals::digits(m.as_str())))
}

/// [`DEFAULT_PAGE_MARKER`], `^\s*-\s*(\d+)\s*-\s*$`, told by hand: white space (`\s` and
/// `char::is_whitespace` are both Unicode's White_Space), `-`, digits, `-`. Digits other than
/// ASCII and full-width ones (`\d` is any decimal digit of Unicode) go to the regex itself.
fn default_matches(line: &str) -> Option<Option<u32>> {
    let t = line.trim_matches(char::is_whitespace);
    let inner = t.strip_prefix('-')?.strip_suffix('-')?.trim_matches(char::is_whitespace);
    if inner.is_empty() {
        return None;
    }
    if inner.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return Some(super::numerals::digits(inner));
    }
    if inner.chars().any(|c| c.is_whitespace() || (c.is_ascii() && !c.is_ascii_digit())) {
        return None; // not one run of digits: no decimal digit is white space or ASCII but 0–9
    }
    number(&DEFAULT_REGEX, line)
}

impl Default for PageMarker {
    /// [`DEFAULT_PAGE_MARKER`].
    fn default() -> Self {
        PageMarker { regex: None }
    }
}

/// The page number of a front-matter page, printed in Roman numerals as a footer (`- i -`,
/// `－ⅱ－`): such a line closes a front page as a page marker closes a numbered one.
pub(crate) fn front_marker(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    let Some(inner) = t.strip_prefix(['-', '－']).and_then(|t| t.strip_suffix(['-', '－'])) else {
        return false;
    };
    super::numerals::roman(inner.trim()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_compare_by_pattern() {
        assert_eq!(PageMarker::default(), PageMarker::new(DEFAULT_PAGE_MARKER).unwrap());
        assert_ne!(PageMarker::default(), PageMarker::new("^x$").unwrap());
    }

    #[test]
    fn roman_footers_close_front_pages() {
        assert!(front_marker("- i -") && front_marker("－ⅱ－") && front_marker(" - iv - "));
        assert!(!front_marker("- 1 -") && !front_marker("- ix") && !front_marker("i"));
    }

    /// The default marker told by hand says what its regex says, on lines made of the pieces
    /// a marker is made of and of what stands beside them in real footers and bodies.
    #[test]
    fn the_default_marker_by_hand_is_its_regex() {
        let regex = Regex::new(DEFAULT_PAGE_MARKER).unwrap();
        let by_regex = |line: &str| {
            regex.captures(line).map(|c| c.get(1).and_then(|m| super::super::numerals::digits(m.as_str())))
        };
        let pieces = ["", " ", "\u{3000}", "\t", "\r", "-", "－", "1", "12", "１２", "٣", "x", "-1", "1-", "ⅱ", "頁"];
        let mut lines = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let line = format!("{a}{b}{c}{d}");
                        assert_eq!(default_matches(&line), by_regex(&line), "{line:?}");
                        lines += 1;
                    }
                }
            }
        }
        assert_eq!(lines, 16 * 16 * 16 * 16);
        for line in ["- 12 -", " - 3 - ", "-\u{3000}４\u{3000}-", "- ٣ -", "- 1 2 -", "--1--", "- 1 - -", "-1-\n"] {
            assert_eq!(default_matches(line), by_regex(line), "{line:?}");
        }
    }

    #[test]
    fn the_default_marker_is_told_from_its_first_char_and_any_other_by_its_regex() {
        let m = PageMarker::default();
        assert_eq!(m.matches("- 12 -"), Some(Some(12)));
        // Ideographic space is white space to `\s` and to the quick look alike.
        assert_eq!(m.matches("\u{3000} - 3 - "), Some(Some(3)));
        assert_eq!(m.matches("x - 1 -"), None);
        assert_eq!(m.matches("－1－"), None);
        let other = PageMarker::new(r"^p\.(\d+)$").unwrap();
        assert_eq!(other.matches("p.7"), Some(Some(7)));
        assert_eq!(other.matches("- 7 -"), None);
    }
}
