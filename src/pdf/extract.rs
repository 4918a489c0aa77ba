//! The characters of each page, with their positions, as PDFium reads them.
//!
//! PDFium's text page gives every character its Unicode value (through the font's ToUnicode map,
//! or, for a non-embedded CID font such as HeiseiMin-W3 with UniJIS-UCS2-H, through the CMap),
//! its loose box (the font's em box, the same height for every glyph of a line), its origin on
//! the baseline and its font size. PDFium also *generates* characters (a space where it guesses a
//! word gap, `\r\n` where it guesses a line end); those guesses are wrong for Japanese often
//! enough that they are dropped here, and [`super::lines`] decides lines and spaces from the
//! geometry instead. Coordinates are turned to points from the page's top-left corner, y down,
//! the way a reader reads.

use super::{Char, PdfError};
use pdfium_render::prelude::*;

/// One page as read: its size and characters (in PDFium's order, generated ones dropped).
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Width and height in points.
    pub size: (f32, f32),
    /// The characters drawn on the page.
    pub chars: Vec<Char>,
    /// Thin path objects (table rules): left, top, right, bottom; only when asked for.
    pub rules: Vec<[f32; 4]>,
}

/// Read every page of a PDF held in memory; with `rules`, also the thin paths (table rules).
pub fn read(bytes: &[u8], rules: bool) -> Result<Vec<RawPage>, PdfError> {
    let pdfium = super::load::pdfium().map_err(PdfError::Library)?;
    let doc = pdfium.load_pdf_from_byte_slice(bytes, None).map_err(open_error)?;
    let mut out = Vec::with_capacity(doc.pages().len() as usize);
    for (i, page) in doc.pages().iter().enumerate() {
        let broken = |e: PdfiumError| PdfError::Page { page: i + 1, message: format!("{e:?}") };
        let (w, h) = (page.width().value, page.height().value);
        let text = page.text().map_err(broken)?;
        let mut chars = Vec::with_capacity(text.len().max(0) as usize);
        for ch in text.chars().iter() {
            if ch.is_generated().unwrap_or(false) {
                continue;
            }
            let Some(c) = ch.unicode_char() else { continue };
            if c.is_control() || c == '\u{fffe}' {
                continue;
            }
            let Ok(b) = ch.loose_bounds() else { continue };
            let (ox, oy) = ch.origin().map(|(x, y)| (x.value, y.value)).unwrap_or((b.left().value, b.bottom().value));
            let size = ch.scaled_font_size().value;
            chars.push(Char {
                c,
                x0: b.left().value,
                x1: b.right().value,
                y0: h - b.top().value,
                y1: h - b.bottom().value,
                x: ox,
                baseline: h - oy,
                size: if size > 0.0 { size } else { b.height().value.abs() },
            });
        }
        let rules = if rules { thin_paths(&page, h) } else { Vec::new() };
        out.push(RawPage { size: (w, h), chars, rules });
    }
    Ok(out)
}

/// Horizontal paths at most 2 pt high and 20 pt long, vertical ones at most 2 pt wide and 8 pt
/// high: the rules of a table, as boxes from the page's top-left corner.
fn thin_paths(page: &PdfPage, h: f32) -> Vec<[f32; 4]> {
    let mut out = Vec::new();
    for obj in page.objects().iter() {
        if obj.object_type() != PdfPageObjectType::Path {
            continue;
        }
        let Ok(q) = obj.bounds() else { continue };
        let r = q.to_rect();
        let (l, right, t, b) = (r.left().value, r.right().value, r.top().value, r.bottom().value);
        let (w, height) = (right - l, t - b);
        if (height <= 2.0 && w >= 20.0) || (w <= 2.0 && height >= 8.0) {
            out.push([l, h - t, right, h - b]);
        }
    }
    out
}

fn open_error(e: PdfiumError) -> PdfError {
    match e {
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::PasswordError) => {
            PdfError::Open("is protected by a password; save an unprotected copy and read that".into())
        }
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError) => {
            PdfError::Open("is not a PDF file that PDFium can read (broken or not a PDF)".into())
        }
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::SecurityError) => {
            PdfError::Open("uses a security handler PDFium does not support".into())
        }
        other => PdfError::Open(format!("could not be opened as a PDF ({other:?})")),
    }
}
