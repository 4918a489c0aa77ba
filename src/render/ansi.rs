//! The `ansi` redline format.

use super::RenderOptions;
use crate::redline::Redline;
use std::io::{self, Write};

/// Render `redline` as ansi.
pub fn render(_redline: &Redline, _options: &RenderOptions, _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "the ansi format is not written yet"))
}
