//! The characters of each page, with their positions, as PDFium reads them.
//!
//! PDFium's text page gives every character its Unicode value (through the font's ToUnicode map,
//! or, for a non-embedded CID font such as HeiseiMin-W3 with UniJIS-UCS2-H, through the CMap),
//! its loose box (the font's em box, the same height for every glyph of a line), its origin on
//! the baseline and its font size. PDFium also *generates* characters (a space where it guesses a
//! word gap, `\r\n` where it guesses a line end); those guesses are wrong for Japanese often
//! enough that they are dropped here, and [`super::lines`] decides lines and spaces from the
//! geometry instead. Coordinates are turned to points from the top-left corner of the page as
//! it is seen (after its `/Rotate`), y down, the way a reader reads. Text set vertically
//! (縦書き) is not handled: plans and comment tables are set horizontally.

use super::page::Char;
use super::problem::PdfProblem;
use pdfium_render::prelude::*;

/// One page as read: its size and characters (in PDFium's order, generated ones dropped).
#[derive(Debug, Clone)]
pub(crate) struct RawPage {
    /// Width and height in points.
    pub size: (f32, f32),
    /// The characters drawn on the page.
    pub chars: Vec<Char>,
    /// Thin path objects (table rules): left, top, right, bottom; only when asked for.
    pub rules: Vec<[f32; 4]>,
}

/// Read every page of a PDF held in memory; with `rules`, also the thin paths (table rules).
pub(crate) fn read(bytes: &[u8], rules: bool) -> Result<Vec<RawPage>, PdfProblem> {
    let pdfium = super::load::pdfium()?;
    let doc = pdfium.load_pdf_from_byte_slice(bytes, None).map_err(open_error)?;
    let mut out = Vec::with_capacity(doc.pages().len() as usize);
    for (i, page) in doc.pages().iter().enumerate() {
        let broken = |e: PdfiumError| PdfProblem::Page { page: i + 1, detail: format!("{e:?}") };
        let view = View::of(&page);
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
            let [x0, y0, x1, y1] = view.rect(b.left().value, b.bottom().value, b.right().value, b.top().value);
            let (ox, oy) = ch.origin().map(|(x, y)| (x.value, y.value)).unwrap_or((b.left().value, b.bottom().value));
            let (x, baseline) = view.point(ox, oy);
            // The font size times the text matrix's scale across the line (the length of its
            // y basis vector, so that text turned with the page keeps its size).
            let scale = ch.matrix().map_or(1.0, |m| m.c().hypot(m.d()));
            let size = ch.unscaled_font_size().value * if scale > 0.0 { scale } else { 1.0 };
            chars.push(Char { c, x0, y0, x1, y1, x, baseline, size: if size > 0.0 { size } else { y1 - y0 } });
        }
        let rules = if rules { thin_paths(&page, &view) } else { Vec::new() };
        out.push(RawPage { size: view.size(), chars, rules });
    }
    Ok(out)
}

/// How the page is seen: PDFium gives positions in the page's own space (origin bottom left,
/// before the page's `/Rotate`); a reader sees the page turned by it, from the top-left corner.
struct View {
    rotation: PdfPageRenderRotation,
    /// The page's width and height before turning.
    w: f32,
    h: f32,
}

impl View {
    fn of(page: &PdfPage) -> View {
        // pdfium-render's width and height are the page box's, before /Rotate (measured on a
        // reportlab page turned by 90°: 595 × 842).
        let rotation = page.rotation().unwrap_or(PdfPageRenderRotation::None);
        View { rotation, w: page.width().value, h: page.height().value }
    }

    /// Width and height as seen.
    fn size(&self) -> (f32, f32) {
        match self.rotation {
            PdfPageRenderRotation::Degrees90 | PdfPageRenderRotation::Degrees270 => (self.h, self.w),
            _ => (self.w, self.h),
        }
    }

    /// A point of the page's space as seen: x to the right, y down from the top.
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        match self.rotation {
            PdfPageRenderRotation::None => (x, self.h - y),
            PdfPageRenderRotation::Degrees90 => (y, x),
            PdfPageRenderRotation::Degrees180 => (self.w - x, y),
            PdfPageRenderRotation::Degrees270 => (self.h - y, self.w - x),
        }
    }

    /// A box (left, bottom, right, top in the page's space) as seen: left, top, right, bottom.
    fn rect(&self, l: f32, b: f32, r: f32, t: f32) -> [f32; 4] {
        let (ax, ay) = self.point(l, b);
        let (bx, by) = self.point(r, t);
        [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
    }
}

/// Horizontal paths at most 2 pt high and 20 pt long, vertical ones at most 2 pt wide and 8 pt
/// high: the rules of a table, as boxes from the page's top-left corner.
fn thin_paths(page: &PdfPage, view: &View) -> Vec<[f32; 4]> {
    let mut out = Vec::new();
    for obj in page.objects().iter() {
        if obj.object_type() != PdfPageObjectType::Path {
            continue;
        }
        let Ok(q) = obj.bounds() else { continue };
        let r = q.to_rect();
        let [l, t, right, b] = view.rect(r.left().value, r.bottom().value, r.right().value, r.top().value);
        let (w, height) = (right - l, b - t);
        if (height <= 2.0 && w >= 20.0) || (w <= 2.0 && height >= 8.0) {
            out.push([l, t, right, b]);
        }
    }
    out
}

fn open_error(e: PdfiumError) -> PdfProblem {
    match e {
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::PasswordError) => PdfProblem::Protected,
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError) => PdfProblem::NotPdf,
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::SecurityError) => PdfProblem::Security,
        other => PdfProblem::Unreadable { detail: format!("{other:?}") },
    }
}
