//! CriticMarkup: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}`, `{>>comment<<}`.

use super::RenderOptions;
use crate::redline::{Redline, Segment};
use std::io::{self, Write};

/// Render `redline` as CriticMarkup (first draft; the renderer's owner completes it).
pub fn render(redline: &Redline, _options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    for seg in redline.segments() {
        match seg {
            Segment::Equal { old, .. } => out.write_all(redline.old.text()[old].as_bytes())?,
            Segment::Change(h) => {
                let (o, n) = (redline.old_text(h), redline.new_text(h));
                match (o.is_empty(), n.is_empty()) {
                    (true, _) => write!(out, "{{++{n}++}}")?,
                    (_, true) => write!(out, "{{--{o}--}}")?,
                    _ => write!(out, "{{~~{o}~>{n}~~}}")?,
                }
            }
        }
    }
    Ok(())
}
