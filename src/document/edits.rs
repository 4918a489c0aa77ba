//! Whole-paragraph edits: what an edit means to the printed lines (issue 11 part 5).
//!
//! An edit changes bytes of the draft, but a reader sees paragraphs and items. Two edits are
//! about whole ones, and the lines follow them:
//!
//! - **Deleting a whole paragraph or item** (its quote runs from the first character of a line
//!   to the last of a line, `new = ""`) deletes its lines, line breaks included: no empty line
//!   is left. Furniture lines inside it (a page break) stay, whole.
//! - **Inserting a paragraph or item** (a `new` that opens with an item or heading marker, a
//!   full-width space, or a line break) after the last words of a paragraph puts it on a line
//!   of its own after that paragraph's last line; before the first words of a paragraph, on a
//!   line of its own before it. Text that is not a paragraph of its own (「また、…」 after
//!   「…と言える。」) joins the paragraph as before.
//!
//! The line break written is the draft's own at that place (CRLF stays CRLF).
//!
//! ```
//! use akaji::{Document, Ledger, PageMarker};
//! let draft = Document::new("(ア)　周知を図る。\n(イ)　訓練を行う。\n", &PageMarker::default());
//! let ledger = Ledger::from_toml(concat!(
//!     "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"(ア)　周知を図る。\"\nnew = \"\"\n",
//!     "[[decision]]\nid = \"2\"\n[[decision.edit]]\nafter = \"訓練を行う。\"\nnew = \"(ウ)　演習を行う。\"\n",
//! )).unwrap();
//! let applied = akaji::apply(&draft, &ledger).unwrap();
//! assert_eq!(applied.final_doc.text(), "(イ)　訓練を行う。\n(ウ)　演習を行う。\n");
//! ```

use super::headings::opens_with_marker;
use super::text::Document;
use std::ops::Range;

/// Where an insertion goes, relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Put {
    /// A replacement or deletion of `old`.
    Instead,
    /// After the anchor.
    After,
    /// Before the anchor.
    Before,
}

/// `old` and `replacement` (the draft bytes an edit changes and what goes there; for an
/// insertion, the empty range at the anchor's end or start) as whole lines, when the edit is
/// about whole paragraphs (see the module docs); unchanged otherwise.
pub(crate) fn whole_lines(doc: &Document, old: Range<usize>, replacement: String, put: Put) -> (Range<usize>, String) {
    let text = doc.text();
    if doc.line_count() == 0 {
        return (old, replacement);
    }
    match put {
        Put::Instead if !old.is_empty() => {
            let first = doc.line_of(old.start);
            let last = doc.line_of(old.end - 1);
            let from = doc.line_range(first).start;
            let to = doc.line_range(last).end;
            let blank = |s: &str| s.chars().all(char::is_whitespace);
            let whole = blank(&text[from..old.start]) && blank(&text[old.end..to]);
            // What stays of the replacement is furniture kept from inside the range, if anything,
            // and the page breaks (form feeds) that open body lines there.
            let kept: String = (first..=last)
                .flat_map(|l| {
                    let line = &text[doc.line_range(l)];
                    if doc.is_furniture(l) {
                        line
                    } else {
                        &line[..line.len() - line.trim_start_matches('\u{c}').len()]
                    }
                    .chars()
                })
                .collect();
            if !whole || !blank(&without_lines(&replacement, &kept)) || to > text.len() {
                return (old, replacement);
            }
            (from..to, kept)
        }
        Put::After if old.is_empty() && is_paragraph(&replacement) => {
            let line = doc.line_of(old.start.saturating_sub(1));
            let range = doc.line_range(line);
            let content_end = range.start + doc.line_text(line).trim_end().len();
            let at_paragraph_end = doc.paragraph_of(line).is_some_and(|p| doc.paragraphs()[p].lines.end == line + 1);
            if old.start != content_end || !at_paragraph_end {
                return (old, replacement);
            }
            let end = range.start + doc.line_text(line).len();
            let terminator = line_break(&text[end..range.end]);
            (end..end, format!("{terminator}{}", replacement.trim_start_matches(['\r', '\n'])))
        }
        Put::Before if old.is_empty() && is_paragraph(&replacement) => {
            let line = doc.line_of(old.start);
            let range = doc.line_range(line);
            let at_paragraph_start = doc.paragraph_of(line).is_some_and(|p| doc.paragraphs()[p].lines.start == line);
            if !text[range.start..old.start].chars().all(char::is_whitespace) || !at_paragraph_start {
                return (old, replacement);
            }
            let terminator = line_break(&text[range.start + doc.line_text(line).len()..range.end]);
            (range.start..range.start, format!("{}{terminator}", replacement.trim_end_matches(['\r', '\n'])))
        }
        _ => (old, replacement),
    }
}

/// Whether inserted text is a paragraph or item of its own.
fn is_paragraph(new: &str) -> bool {
    new.starts_with(['\n', '\r', '\u{3000}']) || opens_with_marker(new)
}

/// The line break that ends a line (`\n`, `\r\n`), or `\n` for the last line without one.
fn line_break(terminator: &str) -> &str {
    if terminator.is_empty() {
        "\n"
    } else {
        terminator
    }
}

/// `s` with the lines of `kept` taken out (what the replacement holds besides kept furniture).
fn without_lines(s: &str, kept: &str) -> String {
    let mut rest = s.to_owned();
    for line in kept.split_inclusive('\n') {
        let l = line.trim_end_matches(['\r', '\n']);
        if !l.is_empty() {
            rest = rest.replacen(l, "", 1);
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn doc(s: &str) -> Document {
        Document::new(s, &PageMarker::default())
    }

    #[test]
    fn a_whole_item_deleted_takes_its_lines_and_keeps_a_page_break_inside() {
        let d = doc("(ア)　一つ目の項目は\n長い。\n(イ)　二つ目。\n");
        let from = d.text().find("(ア)").unwrap();
        let to = d.text().find("長い。").unwrap() + "長い。".len();
        assert_eq!(
            whole_lines(&d, from..to, String::new(), Put::Instead),
            (0..d.text().find("(イ)").unwrap(), String::new())
        );
        // Part of a line only: unchanged.
        let part = from + "(ア)".len();
        assert_eq!(whole_lines(&d, from..part, String::new(), Put::Instead), (from..part, String::new()));
        let d = doc("(ア)　一つ目の項目は\n- 4 -\n長い。\n(イ)　二つ目。\n- 5 -\n");
        let to = d.text().find("長い。").unwrap() + "長い。".len();
        let (range, kept) = whole_lines(&d, 0..to, "\n- 4 -\n".to_owned(), Put::Instead);
        assert_eq!((&d.text()[range], kept.as_str()), ("(ア)　一つ目の項目は\n- 4 -\n長い。\n", "- 4 -\n"));
    }

    #[test]
    fn an_item_inserted_after_an_item_starts_its_own_line() {
        let d = doc("(ア)　周知を図る。\r\n(イ)　訓練を行う。\r\n");
        let at = d.text().find("\r\n(イ)").unwrap();
        assert_eq!(whole_lines(&d, at..at, "(ウ)　演習。".into(), Put::After), (at..at, "\r\n(ウ)　演習。".into()));
        // Text that continues the paragraph stays on its line.
        assert_eq!(whole_lines(&d, at..at, "また、演習。".into(), Put::After), (at..at, "また、演習。".into()));
        // Before an item: its own line before it.
        let at = d.text().find("(イ)").unwrap();
        assert_eq!(whole_lines(&d, at..at, "(イ)　新設。".into(), Put::Before), (at..at, "(イ)　新設。\r\n".into()));
    }
}
