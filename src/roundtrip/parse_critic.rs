//! CriticMarkup back to both texts, honouring the escapes of the `critic` format.
//!
//! Deletions go to the old text, insertions to the new, substitutions to both sides, highlights
//! (`{==…==}`) to both, comments nowhere.

use super::texts::{ParseKind, ParseProblem, Texts};
use crate::render::ESCAPABLE;

/// The text from `from` up to `closer`, unescaped, and the offset after the closer.
fn until(s: &str, from: usize, closer: &str, opened: usize) -> Result<(String, usize), ParseProblem> {
    let mut out = String::new();
    let mut i = from;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with(closer) {
            return Ok((out, i + closer.len()));
        }
        let (c, used) = next_char(rest);
        out.push(c);
        i += used;
    }
    Err(ParseProblem::at_byte(opened, ParseKind::NeverClosed { closer: closer.to_owned() }))
}

/// The next character of `rest`, resolving a backslash escape; and how many bytes it took.
fn next_char(rest: &str) -> (char, usize) {
    let mut chars = rest.chars();
    let c = chars.next().expect("rest is not empty");
    if c == '\\' {
        if let Some(e) = chars.next().filter(|e| ESCAPABLE.contains(e)) {
            return (e, 1 + e.len_utf8());
        }
    }
    (c, c.len_utf8())
}

/// Both texts of a CriticMarkup document.
pub(super) fn parse(s: &str) -> Result<Texts, ParseProblem> {
    let mut t = Texts::default();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let opener = ["{--", "{++", "{~~", "{>>", "{=="].into_iter().find(|o| rest.starts_with(o));
        match opener {
            Some("{--") => {
                let (x, next) = until(s, i + 3, "--}", i)?;
                t.old.push_str(&x);
                i = next;
            }
            Some("{++") => {
                let (x, next) = until(s, i + 3, "++}", i)?;
                t.new.push_str(&x);
                i = next;
            }
            Some("{~~") => {
                let (o, mid) = until(s, i + 3, "~>", i)?;
                let (n, next) = until(s, mid, "~~}", i)?;
                t.old.push_str(&o);
                t.new.push_str(&n);
                i = next;
            }
            Some("{>>") => i = until(s, i + 3, "<<}", i)?.1,
            Some(_) => {
                let (x, next) = until(s, i + 3, "==}", i)?;
                t.old.push_str(&x);
                t.new.push_str(&x);
                i = next;
            }
            None => {
                let (c, used) = next_char(rest);
                t.old.push(c);
                t.new.push(c);
                i += used;
            }
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_deletion_is_an_error() {
        let e = parse("ab{--cd").unwrap_err();
        assert_eq!(e.at, super::super::texts::Offset::Byte(2));
        assert_eq!(e.kind, ParseKind::NeverClosed { closer: "--}".into() });
    }

    #[test]
    fn lone_backslashes_are_text() {
        let t = parse(r"C:\dir{++\\++}").unwrap();
        assert_eq!((t.old.as_str(), t.new.as_str()), (r"C:\dir", r"C:\dir\"));
    }
}
