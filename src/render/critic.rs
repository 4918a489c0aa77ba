//! CriticMarkup: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}`, `{>>comment<<}`.
//!
//! Every attributed change is followed by a comment naming its decision and the decision's
//! response: `{~~設置~>開催~~}{>>32: 御指摘を踏まえ…<<}`; the two ends of a move carry `move N`,
//! and those of a move edited on the way name its inner changes too: `{>>move 0 (強化→拡充)<<}`
//! (CriticMarkup does not nest, so the ends hold the old and the new passage whole).
//!
//! ## Escapes
//!
//! A document may itself contain CriticMarkup delimiters. So that both texts can be read back
//! exactly ([`roundtrip::read`](crate::roundtrip::read)), a backslash escapes the character after it when that
//! character is one of `\ { } >`; any other backslash is an ordinary character. The writer puts a
//! backslash before:
//! - a `{` that the text follows with `--`, `++`, `~~`, `>>` or `==` (an opener);
//! - a `}` that the text precedes with `--`, `++`, `~~`, `<<` or `==` (a closer);
//! - a `>` that the text precedes with `~` (the `~>` of a substitution);
//! - a `\` that the text follows with one of `\ { } >`, or that ends a piece of text.
//!
//! Text without such sequences (almost every document) is written unchanged.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("a{--b", "a{--c", vec![Hunk::new(4..5, 4..5)]);
//! let mut out = Vec::new();
//! render(&r, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), r"a\{--{~~b~>c~~}");
//! ```

use super::format::RenderOptions;
use super::moved::move_label;
use crate::redline::{Hunk, Redline, Segment};
use std::io::{self, Write};

/// The characters a backslash escapes.
pub(crate) const ESCAPABLE: [char; 4] = ['\\', '{', '}', '>'];
const OPENERS: [&str; 5] = ["--", "++", "~~", ">>", "=="];
const CLOSERS: [&str; 5] = ["--", "++", "~~", "<<", "=="];

/// `text` with CriticMarkup delimiters escaped (see the module's documentation).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let (before, after) = (&text[..i], &text[i + c.len_utf8()..]);
        let escape = match c {
            '\\' => after.is_empty() || after.starts_with(ESCAPABLE),
            '{' => OPENERS.iter().any(|o| after.starts_with(o)),
            '}' => CLOSERS.iter().any(|o| before.ends_with(o)),
            '>' => before.ends_with('~'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The comment that follows a change: its decision, its move, and the decision's response.
fn comment(redline: &Redline, h: &Hunk) -> Option<String> {
    let mut label: Vec<String> = Vec::new();
    let decision = redline.decision(h);
    if let Some(d) = decision {
        label.push(d.id.clone());
    }
    if let Some(m) = h.move_id {
        label.push(move_label(redline, h, m));
    }
    if label.is_empty() {
        return None;
    }
    let mut text = label.join(", ");
    if let Some(response) = decision.and_then(|d| d.response.as_deref()) {
        text.push_str(": ");
        text.push_str(&response.replace(['\r', '\n'], " "));
    }
    Some(text)
}

/// Render `redline` as CriticMarkup.
pub fn render(redline: &Redline, _options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    for seg in redline.segments() {
        match seg {
            Segment::Equal { old, .. } => out.write_all(escape(&redline.old.text()[old]).as_bytes())?,
            Segment::Change(h) => {
                let (o, n) = (escape(redline.old_text(h)), escape(redline.new_text(h)));
                match (o.is_empty(), n.is_empty()) {
                    (true, _) => write!(out, "{{++{n}++}}")?,
                    (_, true) => write!(out, "{{--{o}--}}")?,
                    _ => write!(out, "{{~~{o}~>{n}~~}}")?,
                }
                if h.layout {
                    write!(out, "{{>>layout<<}}")?;
                } else if let Some(c) = comment(redline, h) {
                    write!(out, "{{>>{}<<}}", escape(&c))?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(escape("設置する C:\\dir a->b {x}"), "設置する C:\\dir a->b {x}");
    }

    #[test]
    fn delimiters_are_escaped() {
        assert_eq!(escape("{++x++}"), r"\{++x++\}");
        assert_eq!(escape("a~>b"), r"a~\>b");
        assert_eq!(escape(r"end\"), r"end\\");
        assert_eq!(escape(r"\{"), r"\\{");
    }
}
