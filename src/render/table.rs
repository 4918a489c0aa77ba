//! The `table` redline format.

use super::RenderOptions;
use crate::redline::Redline;
use std::io::{self, Write};

/// Render `redline` as table.
pub fn render(_redline: &Redline, _options: &RenderOptions, _out: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "the table format is not written yet"))
}
