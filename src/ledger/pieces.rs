//! A long TOML ledger read a piece at a time: where its `[[decision]]` tables begin.
//!
//! The `toml` crate parses a document whole before serde sees any of it: a vector of every token,
//! one of every parse event, then a table of spanned values. On a ledger of 9,531 edits (1.1 MB)
//! that is 37.4 MB of heap at its peak, 35 times the file (heaptrack; the same ledger as JSON
//! through serde_json: 5.8 MB). The memory is freed, but glibc keeps much of it for the process:
//! `akaji apply` of a 10 MB draft with that ledger peaked at 55.6 MB of RSS, against 50.0 MB
//! with the JSON ledger. A ledger is mostly `[[decision]]` tables, each of which stands alone, so
//! [`split`] finds where they begin with the crate's own lexer (a streaming iterator that
//! allocates nothing) and the file is given to `toml` in pieces of about [`PIECE`] bytes, each
//! opening with a `[[decision]]` header; the peak is a piece's, not the file's. Measured on the
//! same ledger and draft: see the README's `scale` table.
//!
//! Pieces are used only where they mean what the whole file means. Every header after the first
//! `[[decision]]` must be a table of a decision (`[[decision]]`, `[[decision.edit]]`,
//! `[decision.…]`), no header before it may be one, and no key at the top of the file may be
//! `decision`; otherwise (and for keys written in quotes, which would need decoding) the file is
//! parsed whole. A piece that does not parse is not reported: the caller parses the whole file,
//! so a problem reads exactly as `toml` gives it for the file, with its line and column.

use toml_parser::lexer::{Lexer, Token, TokenKind};

/// The size a piece grows to before the next `[[decision]]` begins another: 64 KiB, whose parse
/// needs about 2.4 MB.
pub(super) const PIECE: usize = 64 * 1024;

/// Where the pieces of `text` begin (the first at 0), each at least `piece` bytes long but the
/// last; `None` when the file must be parsed whole (see the module's documentation), or when it
/// would be one piece anyway.
pub(super) fn split(text: &str, piece: usize) -> Option<Vec<usize>> {
    let starts = decision_starts(text)?;
    let mut bounds = vec![0];
    for start in starts.into_iter().skip(1) {
        if start - bounds[bounds.len() - 1] >= piece.max(1) {
            bounds.push(start);
        }
    }
    (bounds.len() > 1).then_some(bounds)
}

/// What a table header says, as far as splitting needs it.
struct Header<'t> {
    /// `[[…]]` rather than `[…]`.
    array: bool,
    /// The first key of its path.
    first: &'t str,
    /// Whether the path has more keys than the first.
    dotted: bool,
}

/// The offsets of the `[[decision]]` headers of `text`, or `None` when pieces would not mean
/// what the file means.
fn decision_starts(text: &str) -> Option<Vec<usize>> {
    let mut tokens = toml_parser::Source::new(text).lex();
    let mut starts = Vec::new();
    // Open arrays and inline tables of a value: a `[` inside one is not a header.
    let mut depth = 0usize;
    let mut line_start = true;
    let mut in_root = true;
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        match kind {
            TokenKind::Eof => break,
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            _ => {}
        }
        let first_on_line = std::mem::replace(&mut line_start, false);
        match kind {
            TokenKind::LeftSquareBracket if depth == 0 && first_on_line => {
                let header = header(text, token, &mut tokens)?;
                in_root = false;
                if header.first == "decision" {
                    if header.array && !header.dotted {
                        starts.push(token.span().start());
                    } else if starts.is_empty() || !header.dotted {
                        // A decision's table before any decision, or `[decision]`.
                        return None;
                    }
                } else if !starts.is_empty() {
                    // Another table after the decisions: it would land in one piece only.
                    return None;
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.checked_sub(1)?,
            TokenKind::Atom
                if in_root
                    && depth == 0
                    && first_on_line
                    && &text[token.span().start()..token.span().end()] == "decision" =>
            {
                return None;
            }
            TokenKind::BasicString | TokenKind::LiteralString if in_root && depth == 0 && first_on_line => {
                // A quoted key at the top of the file.
                return None;
            }
            _ => {}
        }
    }
    Some(starts)
}

/// The header opened by `open` (a `[` first on its line), read up to its closing bracket; `None`
/// for anything but bare keys joined by dots, which pieces leave to the whole parse.
fn header<'t>(text: &'t str, open: Token, tokens: &mut Lexer<'_>) -> Option<Header<'t>> {
    let mut next = tokens.next()?;
    let array = next.kind() == TokenKind::LeftSquareBracket && next.span().start() == open.span().end();
    if array {
        next = tokens.next()?;
    }
    let mut first = None;
    let mut dotted = false;
    loop {
        match next.kind() {
            TokenKind::Whitespace => {}
            TokenKind::Atom if first.is_none() => first = Some(&text[next.span().start()..next.span().end()]),
            TokenKind::Atom => {}
            TokenKind::Dot if first.is_some() => dotted = true,
            TokenKind::RightSquareBracket => break,
            _ => return None,
        }
        next = tokens.next()?;
    }
    if array {
        let close = tokens.next()?;
        if close.kind() != TokenKind::RightSquareBracket || close.span().start() != next.span().end() {
            return None;
        }
    }
    Some(Header { array, first: first?, dotted })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEDGER: &str = "title = \"計画\"\n[options]\nmatch_width = true\n\n\
        [[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n\
        [[decision]]\nid = \"2\"\n[decision.evidence]\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\n";

    #[test]
    fn pieces_begin_at_every_decision_header() {
        let first = LEDGER.find("[[decision]]").unwrap();
        let second = LEDGER.rfind("[[decision]]").unwrap();
        // The first piece holds the top of the file with the first decision.
        assert_eq!(split(LEDGER, 1), Some(vec![0, second]));
        assert!(first > 0);
        // Pieces grow to their size before another begins.
        assert_eq!(split(LEDGER, LEDGER.len()), None);
    }

    #[test]
    fn a_header_inside_a_string_an_array_or_a_comment_is_not_one() {
        let text = "[[decision]]\nid = \"1\"\nresponse = \"\"\"\n[[decision]]\n\"\"\"\n\
            by = [\n[[1]]\n]\n# [[decision]]\n[[decision]]\nid = \"2\"\n";
        assert_eq!(split(text, 1), Some(vec![0, text.rfind("[[decision]]").unwrap()]));
    }

    #[test]
    fn the_whole_file_is_parsed_when_pieces_would_change_its_meaning() {
        for text in [
            // A table after the decisions would be in one piece only.
            "[[decision]]\nid = \"1\"\n[[decision]]\nid = \"2\"\n[options]\nmatch_width = true\n",
            // `decision` at the top of the file, or quoted keys there.
            "decision = []\n[[decision]]\nid = \"1\"\n[[decision]]\nid = \"2\"\n",
            "\"title\" = \"x\"\n[[decision]]\nid = \"1\"\n[[decision]]\nid = \"2\"\n",
            // `[decision]`, a decision's table before any decision, a quoted header.
            "[[decision]]\nid = \"1\"\n[decision]\n[[decision]]\nid = \"2\"\n",
            "[[decision.edit]]\n[[decision]]\nid = \"1\"\n[[decision]]\nid = \"2\"\n",
            "[[decision]]\nid = \"1\"\n[[\"decision\"]]\nid = \"2\"\n[[decision]]\nid = \"3\"\n",
            // A bracket that closes nothing.
            "[[decision]]\nby = ]\n[[decision]]\nid = \"2\"\n",
        ] {
            assert_eq!(split(text, 1), None, "{text}");
        }
    }
}
