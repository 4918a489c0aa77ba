//! Documents: the text of a draft or final, indexed by page and line.
//!
//! Drafts are usually text extracted from PDF. Every page ends with a footer such as `- 12 -`,
//! and decisions cite places as 「P6の5行目」 or 「最下行の6行上」. [`Document`] keeps the text
//! exactly as read (a byte order mark is set aside and restored, CRLF and LF are left alone) and
//! answers, for any byte offset, which page, line and column it is on.
//!
//! Pages: when at least one line matches the page marker (by default a `- N -` footer), every
//! marker line closes a page and gives it its number; text after the last marker forms one more
//! page numbered one higher. Without marker lines, form feeds end pages numbered 1, 2, …
//! Lines are counted within their page, 1-based; a page-marker line belongs to its page but is not
//! counted as a line.
//!
//! ```
//! use akaji::{Document, PageMarker};
//! let doc = Document::new("一行目\n二行目\n- 4 -\n次の頁\n", &PageMarker::default());
//! let at = doc.position(doc.text().find("二").unwrap());
//! assert_eq!((at.page, at.line, at.column), (4, 2, 1));
//! assert_eq!(doc.position(doc.text().find("次").unwrap()).page, 5);
//! ```

use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// The default page marker: a footer line such as `- 12 -`.
pub const DEFAULT_PAGE_MARKER: &str = r"^\s*-\s*(\d+)\s*-\s*$";

const BOM: char = '\u{feff}';

/// The default marker, compiled once per process.
static DEFAULT: LazyLock<PageMarker> =
    LazyLock::new(|| PageMarker::new(DEFAULT_PAGE_MARKER).expect("the default page marker is a valid regex"));

/// How a line that closes a page is recognised: a compiled regular expression. Compiled once
/// (when a ledger's options are read, or once per process for the default) and shared by every
/// document read with it; two markers are equal when their patterns are.
#[derive(Debug, Clone)]
pub struct PageMarker {
    regex: Regex,
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
        Ok(PageMarker { regex: Regex::new(pattern)? })
    }

    /// The regular expression, as written.
    pub fn pattern(&self) -> &str {
        self.regex.as_str()
    }

    /// The page number a line carries, if the line is a marker. A marker without a numeric
    /// group yields `Some(None)`.
    fn matches(&self, line: &str) -> Option<Option<u32>> {
        // Most lines are not markers, and telling so is far cheaper than capturing.
        if !self.regex.is_match(line) {
            return None;
        }
        let caps = self.regex.captures(line)?;
        Some(caps.get(1).and_then(|m| fullwidth_digits(m.as_str())))
    }
}

impl Default for PageMarker {
    /// [`DEFAULT_PAGE_MARKER`], compiled once per process.
    fn default() -> Self {
        DEFAULT.clone()
    }
}

fn fullwidth_digits(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    ascii.trim().parse().ok()
}

/// One page: its number and the lines it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The page's number as printed (from its marker), or its ordinal without markers.
    pub number: u32,
    /// Indices (0-based, into the document's lines) of the page's counted lines.
    pub lines: Range<usize>,
    /// Index of the page's marker line, if it has one.
    pub marker: Option<usize>,
}

/// Where a byte offset lies, in every unit a user or a tool may want.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// The page's number.
    pub page: u32,
    /// The line within the page, 1-based (0 on a page-marker line).
    pub line: usize,
    /// The column within the line, 1-based, in chars.
    pub column: usize,
    /// The line within the whole document, 1-based.
    pub doc_line: usize,
    /// Offset in chars (Unicode scalar values) from the start of the text (after any BOM).
    pub offset: usize,
}

/// A place in a document, for messages and reports: page, line and column, the text there, and a
/// little context on each side (line breaks shown as `⏎`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Page number.
    pub page: u32,
    /// Line within the page, 1-based (0 on a page-marker line).
    pub line: usize,
    /// Column, 1-based, in chars.
    pub column: usize,
    /// Up to ten characters before the place.
    #[serde(rename = "before")]
    pub context_before: String,
    /// The text at the place.
    pub text: String,
    /// Up to ten characters after the place.
    #[serde(rename = "after")]
    pub context_after: String,
}

/// Characters of context a [`Place`] shows on each side.
const CONTEXT_CHARS: usize = 10;

/// A text with its pages and lines indexed.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    bom: bool,
    /// Byte offset of the start of every line; a line includes its terminator.
    line_starts: Vec<usize>,
    /// For every line, the index of its page.
    line_page: Vec<u32>,
    /// For every line, whether it is a page-marker line.
    marker_lines: Vec<bool>,
    /// For every line, whether it is other page furniture (a running head), when known
    /// ([`Document::with_furniture`]); empty until then.
    furniture_lines: Vec<bool>,
    pages: Vec<Page>,
    /// Char offset at every 32nd line start, to turn byte offsets into char offsets quickly.
    char_checkpoints: Vec<usize>,
}

const CHECKPOINT_EVERY: usize = 32;

impl Document {
    /// Index `text`. A leading byte order mark is set aside ([`Document::bom`] gives it back).
    pub fn new(text: &str, marker: &PageMarker) -> Document {
        let (bom, body) = match text.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        Document::with_bom(body.to_owned(), bom, marker)
    }

    /// Like [`Document::new`], taking ownership of the text to avoid a copy.
    pub fn from_string(mut text: String, marker: &PageMarker) -> Document {
        let bom = text.starts_with(BOM);
        if bom {
            text.drain(..BOM.len_utf8());
        }
        Document::with_bom(text, bom, marker)
    }

    /// Index `text`, which holds no byte order mark, as a document that had one if `bom`: how
    /// a final is made from its draft without adding the mark and stripping it again.
    pub fn with_bom(text: String, bom: bool, marker: &PageMarker) -> Document {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).filter(|&i| i + 1 < text.len()).map(|i| i + 1));
        if text.is_empty() {
            line_starts.clear();
        }
        let mut doc = Document {
            text,
            bom,
            line_starts,
            line_page: Vec::new(),
            marker_lines: Vec::new(),
            furniture_lines: Vec::new(),
            pages: Vec::new(),
            char_checkpoints: Vec::new(),
        };
        doc.index_pages(marker);
        doc.index_chars();
        doc
    }

    fn index_pages(&mut self, marker: &PageMarker) {
        let n = self.line_starts.len();
        let markers: Vec<Option<Option<u32>>> = (0..n).map(|i| marker.matches(self.line_text(i))).collect();
        self.marker_lines = markers.iter().map(Option::is_some).collect();
        self.line_page = vec![0; n];
        if markers.iter().any(Option::is_some) {
            let mut start = 0;
            let mut last_number = 0;
            for (i, m) in markers.iter().enumerate() {
                if let Some(number) = m {
                    let number = number.unwrap_or(last_number + 1);
                    self.push_page(number, start..i, Some(i));
                    last_number = number;
                    start = i + 1;
                }
            }
            if start < n {
                self.push_page(last_number + 1, start..n, None);
            }
        } else {
            // Form feeds end pages. A line that starts with a form feed begins the next page.
            let mut start = 0;
            let mut number = 1;
            for i in 0..n {
                if i > start && self.line_text(i).starts_with('\u{c}') {
                    self.push_page(number, start..i, None);
                    number += 1;
                    start = i;
                }
            }
            if start < n || self.pages.is_empty() {
                self.push_page(number, start..n, None);
            }
        }
    }

    fn push_page(&mut self, number: u32, lines: Range<usize>, marker: Option<usize>) {
        let index = self.pages.len() as u32;
        for l in lines.clone() {
            self.line_page[l] = index;
        }
        if let Some(m) = marker {
            self.line_page[m] = index;
        }
        self.pages.push(Page { number, lines, marker });
    }

    fn index_chars(&mut self) {
        let mut chars = 0;
        let mut prev = 0;
        for (i, &start) in self.line_starts.iter().enumerate() {
            chars += self.text[prev..start].chars().count();
            prev = start;
            if i % CHECKPOINT_EVERY == 0 {
                self.char_checkpoints.push(chars);
            }
        }
    }

    /// The text, without any byte order mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the original text began with a byte order mark.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The byte order mark the original text began with (`"\u{feff}"`), or `""`: what to
    /// write before [`Document::text`] to give the text back byte for byte.
    pub fn bom(&self) -> &'static str {
        if self.bom {
            "\u{feff}"
        } else {
            ""
        }
    }

    /// The pages, in order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The page with this number, if there is one.
    pub fn page(&self, number: u32) -> Option<&Page> {
        self.pages.iter().find(|p| p.number == number)
    }

    /// Number of lines in the document (marker lines included).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of line `i` (0-based, document-wide), terminator included.
    pub fn line_range(&self, i: usize) -> Range<usize> {
        let start = self.line_starts[i];
        let end = self.line_starts.get(i + 1).copied().unwrap_or(self.text.len());
        start..end
    }

    /// The text of line `i` without its terminator.
    pub fn line_text(&self, i: usize) -> &str {
        let r = self.line_range(i);
        self.text[r].trim_end_matches(['\n', '\r'])
    }

    /// Whether line `i` is a page-marker line.
    pub fn is_marker_line(&self, i: usize) -> bool {
        self.marker_lines.get(i).copied().unwrap_or(false)
    }

    /// This document with `lines` (0-based document lines, sorted) known to be page furniture
    /// other than the page markers: running heads. Lines are then counted as a reader counts
    /// them: a page's furniture at its top or bottom is not one of its counted lines (it is on
    /// line 0, as a marker line is), and the fold leaves it out of matching.
    ///
    /// This is the seam through which a document model that knows its furniture (from a PDF's
    /// geometry, or from the text) tells the rest of akaji; today `verify::page_furniture`
    /// guesses it from the text.
    ///
    /// ```
    /// use akaji::{Document, PageMarker};
    /// let d = Document::new("第1章\n本文一\n- 1 -\n第1章\n本文二\n- 2 -\n", &PageMarker::default());
    /// let d = d.with_furniture(&[0, 3]);
    /// let at = d.position(d.text().find("本文二").unwrap());
    /// assert_eq!((at.page, at.line), (2, 1));
    /// assert!(d.is_furniture_line(3) && !d.is_furniture_line(4));
    /// ```
    pub fn with_furniture(mut self, lines: &[usize]) -> Document {
        let mut furniture = vec![false; self.line_starts.len()];
        for &l in lines {
            if let Some(f) = furniture.get_mut(l) {
                *f = true;
            }
        }
        for page in &mut self.pages {
            let mut r = page.lines.clone();
            while r.start < r.end && furniture[r.start] {
                r.start += 1;
            }
            while r.end > r.start && furniture[r.end - 1] {
                r.end -= 1;
            }
            page.lines = r;
        }
        self.furniture_lines = furniture;
        self
    }

    /// Whether line `i` is page furniture other than a page marker (see
    /// [`Document::with_furniture`]).
    pub fn is_furniture_line(&self, i: usize) -> bool {
        self.furniture_lines.get(i).copied().unwrap_or(false)
    }

    /// The lines known to be page furniture other than the page markers, sorted.
    pub fn furniture(&self) -> Vec<usize> {
        self.furniture_lines.iter().enumerate().filter(|(_, f)| **f).map(|(i, _)| i).collect()
    }

    /// The 0-based document line holding byte `offset` (the last line for the end of text).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte range of a page's counted lines.
    pub fn page_range(&self, page: &Page) -> Range<usize> {
        if page.lines.is_empty() {
            let at = page.marker.map_or(self.text.len(), |m| self.line_starts[m]);
            return at..at;
        }
        let start = self.line_starts[page.lines.start];
        let end = self.line_range(page.lines.end - 1).end;
        start..end
    }

    /// The document line (0-based) of line `line` of `page`; negative counts from the bottom.
    pub fn page_line(&self, page: &Page, line: i64) -> Option<usize> {
        let count = page.lines.len() as i64;
        let idx = if line > 0 { line - 1 } else { count + line };
        (line != 0 && (0..count).contains(&idx)).then(|| page.lines.start + idx as usize)
    }

    /// The char offset of byte offset `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.line_starts.is_empty() {
            return self.text[..byte].chars().count();
        }
        let line = self.line_of(byte);
        let cp = line / CHECKPOINT_EVERY;
        let from = self.line_starts[cp * CHECKPOINT_EVERY];
        self.char_checkpoints[cp] + self.text[from..byte].chars().count()
    }

    /// Where byte `offset` lies: page, line within page, column, document line, char offset.
    pub fn position(&self, offset: usize) -> Position {
        let char_offset = self.char_offset(offset);
        if self.line_starts.is_empty() {
            let number = self.pages.first().map_or(1, |p| p.number);
            return Position { page: number, line: 1, column: 1, doc_line: 1, offset: char_offset };
        }
        let l = self.line_of(offset);
        let page = &self.pages[self.line_page[l] as usize];
        let line = if page.lines.contains(&l) { l - page.lines.start + 1 } else { 0 };
        let column = self.text[self.line_starts[l]..offset].chars().count() + 1;
        Position { page: page.number, line, column, doc_line: l + 1, offset: char_offset }
    }

    /// Up to `chars` characters of context before and after a byte range, on one line each
    /// (line breaks shown as `⏎`).
    pub fn context(&self, range: Range<usize>, chars: usize) -> (String, String) {
        let before: String = {
            let mut v: Vec<char> = self.text[..range.start].chars().rev().take(chars).collect();
            v.reverse();
            v.into_iter().collect()
        };
        let after: String = self.text[range.end..].chars().take(chars).collect();
        (one_line(&before), one_line(&after))
    }

    /// The place of a byte range, for messages: page, line, column, the text and ten
    /// characters of context on each side.
    pub fn place(&self, range: Range<usize>) -> Place {
        let at = self.position(range.start);
        let (context_before, context_after) = self.context(range.clone(), CONTEXT_CHARS);
        Place {
            page: at.page,
            line: at.line,
            column: at.column,
            context_before,
            text: one_line(&self.text[range]),
            context_after,
        }
    }
}

/// Show line breaks and tabs as visible marks so a snippet stays on one line.
pub(crate) fn one_line(s: &str) -> String {
    s.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎").replace('\t', "⇥").replace('\u{c}', "␌")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new(s, &PageMarker::default())
    }

    #[test]
    fn markers_close_pages_and_number_them() {
        let d = doc("a\nb\n- 3 -\nc\n- 4 -\nd\n");
        let numbers: Vec<u32> = d.pages().iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![3, 4, 5]);
        assert_eq!(d.pages()[0].lines, 0..2);
        assert_eq!(d.pages()[0].marker, Some(2));
        assert_eq!(d.position(d.text().find('c').unwrap()).line, 1);
        assert_eq!(d.position(d.text().find("- 4").unwrap()).line, 0);
    }

    #[test]
    fn form_feeds_end_pages_without_markers() {
        let d = doc("a\nb\n\u{c}c\nd\n\u{c}e");
        let numbers: Vec<u32> = d.pages().iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        let p2 = d.page(2).unwrap();
        assert_eq!(d.line_text(d.page_line(p2, -1).unwrap()), "d");
        assert_eq!(d.line_text(d.page_line(p2, 1).unwrap()), "\u{c}c");
    }

    #[test]
    fn negative_lines_count_from_the_bottom() {
        let d = doc("一\n二\n三\n- 1 -\n");
        let p = d.page(1).unwrap();
        assert_eq!(d.line_text(d.page_line(p, -1).unwrap()), "三");
        assert_eq!(d.line_text(d.page_line(p, -3).unwrap()), "一");
        assert_eq!(d.page_line(p, -4), None);
        assert_eq!(d.page_line(p, 0), None);
        assert_eq!(d.page_line(p, 4), None);
    }

    #[test]
    fn bom_is_set_aside_and_restored() {
        let d = doc("\u{feff}本文\r\n");
        assert!(d.has_bom());
        assert_eq!(d.text(), "本文\r\n");
        assert_eq!(format!("{}{}", d.bom(), d.text()), "\u{feff}本文\r\n");
        assert_eq!(doc("本文").bom(), "");
    }

    #[test]
    fn places_show_context_on_one_line() {
        let d = doc("一行目の設置\n二行目\n- 3 -\n");
        let p = d.place(d.text().find("設置").unwrap()..d.text().find("設置").unwrap() + 6);
        assert_eq!((p.page, p.line, p.column, p.text.as_str()), (3, 1, 5, "設置"));
        assert_eq!((p.context_before.as_str(), p.context_after.as_str()), ("一行目の", "⏎二行目⏎- 3 -"));
    }

    #[test]
    fn markers_compare_by_pattern() {
        assert_eq!(PageMarker::default(), PageMarker::new(DEFAULT_PAGE_MARKER).unwrap());
        assert_ne!(PageMarker::default(), PageMarker::new("^x$").unwrap());
    }

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "あいう\r\nえお\n";
        let d = doc(text);
        let p = d.position(text.find('お').unwrap());
        assert_eq!((p.page, p.line, p.column, p.doc_line, p.offset), (1, 2, 2, 2, 6));
    }

    #[test]
    fn char_offsets_are_right_past_many_checkpoints() {
        let text: String = (0..2000).map(|i| format!("行{i}\n")).collect();
        let d = doc(&text);
        let byte = text.find("行1999").unwrap();
        assert_eq!(d.char_offset(byte), text[..byte].chars().count());
    }

    #[test]
    fn fullwidth_page_numbers_are_read() {
        let d = Document::new("a\n－ １２ －\n", &PageMarker::new(r"^\s*－\s*(\S+)\s*－\s*$").unwrap());
        assert_eq!(d.pages()[0].number, 12);
    }

    #[test]
    fn empty_text_has_one_empty_page() {
        let d = doc("");
        assert_eq!(d.pages().len(), 1);
        assert_eq!(d.position(0).page, 1);
    }
}
