//! The pages of a PDF as read: lines with their geometry, characters, roles.

use crate::document::{Document, PageMarker};
pub use crate::document::{LineRole as Role, Signs};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(crate::document::DEFAULT_PAGE_MARKER).expect("the default page marker is valid"));

/// One character drawn on a page. Positions are in points from the page's top-left corner, y
/// growing downwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Char {
    /// The character as the PDF maps it (radical code points are kept: see `crate::unified`).
    pub c: char,
    /// Left edge of the character's loose box (the font's em box).
    pub x0: f32,
    /// Top edge of the loose box.
    pub y0: f32,
    /// Right edge of the loose box.
    pub x1: f32,
    /// Bottom edge of the loose box.
    pub y1: f32,
    /// x of the glyph's origin.
    pub x: f32,
    /// y of the baseline.
    pub baseline: f32,
    /// Font size in points, scaled by the text matrix.
    pub size: f32,
}

/// One printed line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// The line's text: its characters left to right, a space where a gap of at least a quarter
    /// of the font size separates two characters that are not spaces, and, on a body line
    /// indented by one to three whole characters without a drawn space, that many 　 in front.
    pub text: String,
    /// The line's box: left, top, right, bottom.
    pub bbox: [f32; 4],
    /// The baseline's y (the most common one among its characters).
    pub baseline: f32,
    /// The most common font size among its characters.
    pub size: f32,
    /// Body, running head, footer or page number.
    pub role: Role,
    /// Signs for paragraph joining (meaningful on body lines).
    pub signs: Signs,
    /// The characters, left to right (spaces that were drawn included; inserted ones not).
    pub chars: Vec<Char>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// The page's place in the file, from 1.
    pub index: usize,
    /// Width and height in points.
    pub size: (f32, f32),
    /// The page number as printed on the page (`- 12 -`, `12`, `１２`), if any.
    pub printed: Option<u32>,
    /// A page before the first numbered page that carries no number: a cover, a contents page.
    pub front_matter: bool,
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
}

/// A PDF read: its pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pdf {
    /// The pages in file order.
    pub pages: Vec<Page>,
}

impl Pdf {
    /// The text akaji reads for this PDF: every page's lines in order (running heads included),
    /// its page-number footer last, as printed (`- 12 -`; a number printed another way, `12` or
    /// `－１２－`, as `- 12 -`), so that the page markers close the pages and number them as
    /// printed. A page without a printed number (a cover, a contents
    /// page) ends with a form feed instead: without any numbered page the form feeds number the
    /// pages 1, 2, …; with numbered pages, the default page marker puts the front matter on the
    /// first numbered page, as a text extracted by `pdftotext` would (the document model will
    /// set it apart).
    pub fn text(&self) -> String {
        self.printed().0
    }

    /// The document akaji revises and compares: [`Pdf::text`], each line with the role and
    /// signs its position gave.
    pub(crate) fn document(&self) -> Document {
        let (text, roles, signs) = self.printed();
        Document::printed(text, &PageMarker::default(), roles, signs)
    }

    /// The text, and each of its lines' role and signs.
    fn printed(&self) -> (String, Vec<Role>, Vec<Signs>) {
        let mut out = String::new();
        let (mut roles, mut signs) = (Vec::new(), Vec::new());
        for page in &self.pages {
            let mut footer = Vec::new();
            for line in &page.lines {
                if line.role == Role::PageNumber {
                    footer.push(line);
                    continue;
                }
                out.push_str(&line.text);
                out.push('\n');
                roles.push(line.role);
                signs.push(line.signs);
            }
            for line in &footer {
                // A number printed otherwise (`12`, `－１２－`) is written as `- 12 -`, so that the
                // default page marker reads it.
                match page.printed {
                    Some(n) if !MARKER.is_match(&line.text) => out.push_str(&format!("- {n} -")),
                    _ => out.push_str(&line.text),
                }
                out.push('\n');
                roles.push(Role::PageNumber);
                signs.push(Signs::default());
            }
            if footer.is_empty() {
                out.push('\u{c}');
            }
        }
        if out.ends_with('\u{c}') && !roles.is_empty() {
            // The form feed closing the last page is a line of its own, and holds nothing.
            roles.push(Role::Body);
            signs.push(Signs { ends_short: true, ..Signs::default() });
        }
        (out, roles, signs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{extract, read::from_raw};

    fn page(lines: &[(&str, f32)], printed_at_bottom: &str) -> extract::RawPage {
        let mut chars = Vec::new();
        let mut push = |text: &str, x: f32, y: f32| {
            for (i, c) in text.chars().enumerate() {
                let x0 = x + i as f32 * 10.5;
                chars.push(Char { c, x0, y0: y - 9.2, x1: x0 + 10.5, y1: y + 1.3, x: x0, baseline: y, size: 10.5 });
            }
        };
        for (text, y) in lines {
            push(text, 70.0, *y);
        }
        if !printed_at_bottom.is_empty() {
            push(printed_at_bottom, 290.0, 800.0);
        }
        extract::RawPage { size: (595.0, 842.0), chars, rules: Vec::new() }
    }

    #[test]
    fn text_closes_each_page_with_its_number_as_a_marker() {
        let pdf = from_raw(vec![
            page(&[("表紙", 300.0)], ""),
            page(&[("本文の一行目", 100.0), ("二行目", 117.0)], "１"),
            page(&[("次の頁", 100.0)], "- 2 -"),
        ]);
        assert_eq!(pdf.text(), "表紙\n\u{c}本文の一行目\n二行目\n- 1 -\n次の頁\n- 2 -\n");
        let numbers: Vec<String> = pdf.document().pages().iter().map(|p| p.number.to_string()).collect();
        assert_eq!(numbers, ["i", "1", "2"], "the cover is a front page");
        assert!(pdf.pages[0].front_matter);
    }
}
