//! Reading a PDF held in memory: characters, lines, roles.

use super::page::{Page, Pdf};
use super::{extract, furniture, lines, load};
use crate::diagnostic::Diagnostic;

/// Read a PDF held in memory: its pages, lines, geometry and roles. Fails when PDFium cannot be
/// loaded (the message says how to install it) or the file is not a PDF it can open.
pub fn read(bytes: &[u8]) -> Result<Pdf, Diagnostic> {
    Ok(from_raw(extract::read(bytes, false)?))
}

/// Whether PDFium loads (it is loaded once per process, on first use); if not, the problem
/// names every place tried.
pub fn library() -> Result<(), Diagnostic> {
    load::pdfium().map(|_| ()).map_err(Diagnostic::new)
}

/// Lines and roles from the characters of each page.
pub(crate) fn from_raw(raw: Vec<extract::RawPage>) -> Pdf {
    let pages = raw
        .into_iter()
        .enumerate()
        .map(|(i, p)| Page {
            index: i + 1,
            size: p.size,
            printed: None,
            front_matter: false,
            lines: lines::group(p.chars),
        })
        .collect();
    let mut pdf = Pdf { pages };
    furniture::classify(&mut pdf);
    pdf
}
