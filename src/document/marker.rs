//! Page markers: the line that closes a page and prints its number.

use regex::Regex;
use std::sync::LazyLock;

/// The default page marker: a footer line such as `- 12 -`.
pub const DEFAULT_PAGE_MARKER: &str = r"^\s*-\s*(\d+)\s*-\s*$";

/// The default marker, compiled once per process.
static DEFAULT: LazyLock<PageMarker> =
    LazyLock::new(|| PageMarker::new(DEFAULT_PAGE_MARKER).expect("the default page marker is a valid regex"));

/// How a line that closes a page is recognised: a compiled regular expression. Compiled once
/// (when a ledger's options are read, or once per process for the default) and shared by every
/// document read with it; two markers are equal when their patterns are.
#[derive(Debug, Clone)]
pub struct PageMarker {
    regex: Regex,
    /// Whether the pattern is [`DEFAULT_PAGE_MARKER`], whose lines open with `-` (white space
    /// aside): a line that does not is answered without the regex.
    default: bool,
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
        Ok(PageMarker { regex: Regex::new(pattern)?, default: pattern == DEFAULT_PAGE_MARKER })
    }

    /// The regular expression, as written.
    pub fn pattern(&self) -> &str {
        self.regex.as_str()
    }

    /// The page number a line carries, if the line is a marker. A marker without a numeric
    /// group yields `Some(None)`.
    pub(crate) fn matches(&self, line: &str) -> Option<Option<u32>> {
        // Most lines are not markers, and telling so is far cheaper than capturing; with the
        // default marker, cheaper still from the first char (measured: the regex on every line
        // was 3.5% of `akaji diff` of 10 MB of pages). `\s` and `char::is_whitespace` are both
        // Unicode's White_Space.
        if self.default && !line.trim_start().starts_with('-') {
            return None;
        }
        if !self.regex.is_match(line) {
            return None;
        }
        let caps = self.regex.captures(line)?;
        Some(caps.get(1).and_then(|m| super::numerals::digits(m.as_str())))
    }
}

impl Default for PageMarker {
    /// [`DEFAULT_PAGE_MARKER`], compiled once per process.
    fn default() -> Self {
        DEFAULT.clone()
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
