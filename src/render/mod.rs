//! Redline formats: one file per format, all drawn from one [`Redline`].
//!
//! Every renderer writes to the writer it is given, never prints, never probes the terminal, and
//! takes colour as an option, so each can be tested as a plain string (or bytes, for docx). The
//! formats are [`Format::ALL`]; each has its file (`ansi.rs`, `html/`, `table.rs`, `critic.rs`,
//! `json.rs`, `unified.rs`, `docx.rs`), with `lines.rs` (hunks widened to lines, for ansi,
//! unified and table) and `markup.rs` (what html and table share) beside them.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("設置する", "開催する", vec![Hunk::new(0..6, 0..6)]);
//! let mut out = Vec::new();
//! render(&r, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "{~~設置~>開催~~}する");
//! ```

mod ansi;
mod critic;
mod docx;
mod format;
mod html;
mod json;
mod lines;
mod markup;
mod moved;
mod passages;
mod table;
mod unified;

pub(crate) use critic::ESCAPABLE;
pub use format::{Context, Format, RenderOptions};
pub use json::{JsonDecision, JsonHunk, JsonInnerChange, JsonRedline};
pub(crate) use markup::{escape, head};

use crate::redline::Redline;
use std::io::{self, Write};

/// Render `redline` in `format` to `out`.
///
/// Layout hunks ([`Hunk::layout`](crate::Hunk::layout), from a comparison of content) are not
/// changes of wording: `ansi` leaves them out (the old text's layout is shown), `table` shows
/// no row for them, `html` keeps them in the page hidden (so the page still holds both texts),
/// `critic` marks them `{>>layout<<}`, and `json` says `"layout": true`.
pub fn render(redline: &Redline, format: Format, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Ansi if redline.hunks.iter().any(|h| h.layout) => {
            // ansi reads the old text between changes: the content changes alone draw it.
            let mut content = redline.clone();
            content.hunks.retain(|h| !h.layout);
            ansi::render(&content, options, out)
        }
        Format::Ansi => ansi::render(redline, options, out),
        Format::Html => html::render(redline, options, out),
        Format::Table => table::render(redline, options, out),
        Format::Critic => critic::render(redline, options, out),
        Format::Json => json::render(redline, options, out),
        Format::Unified => unified::render(redline, options, out),
        Format::Docx => docx::render(redline, options, out),
    }
}
