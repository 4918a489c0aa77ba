//! What an input's bytes hold, as its name says.

use std::path::Path;

/// What an input's bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputKind {
    /// UTF-8 text.
    Text,
    /// A Word document.
    Docx,
    /// A PDF, read through PDFium ([`crate::pdf`]).
    Pdf,
}

impl InputKind {
    /// The kind a file name says: `.docx` is a Word document, `.pdf` a PDF, anything else text.
    pub fn from_path(path: &Path) -> InputKind {
        match path.extension() {
            Some(e) if e.eq_ignore_ascii_case("docx") => InputKind::Docx,
            Some(e) if e.eq_ignore_ascii_case("pdf") => InputKind::Pdf,
            _ => InputKind::Text,
        }
    }
}
