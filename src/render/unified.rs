//! The `unified` redline format.

use super::RenderOptions;
use crate::redline::Redline;
use std::io::{self, Write};

/// Render `redline` as unified.
pub fn render(_redline: &Redline, _options: &RenderOptions, _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "the unified format is not written yet"))
}
