//! The `docx` redline format: a Word document with tracked changes (see [`crate::docx`]).
//!
//! Characters a Word document cannot hold are written as visible stand-ins; a caller that wants
//! to report them gets them from [`crate::docx::write`] (or [`crate::docx::warnings`]).

use super::format::RenderOptions;
use crate::redline::Redline;
use std::io::{self, Write};

/// Render `redline` as a `.docx` (bytes, not text).
pub fn render(redline: &Redline, _options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    crate::docx::write(redline, out).map(drop)
}
