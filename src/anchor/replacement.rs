//! From a match of a quote to the draft bytes that change and the text that goes there.

use super::pending::{Change, PendingEdit};
use super::resolved::Resolved;
use super::trim::{changed_part, ChangedPart};
use crate::document::{whole_lines, Document, Put};
use crate::fold::{Folded, QuoteChar};
use crate::ledger::Side;
use std::ops::Range;

/// A match (folded range `m`) of `edit`'s quote turned into the draft bytes that change and the
/// text that goes there; an edit about whole paragraphs takes whole lines
/// ([`whole_lines`]).
pub(super) fn resolved(edit: &PendingEdit, doc: &Document, folded: &Folded, m: Range<usize>) -> Resolved {
    let anchor = folded.doc_range(&m);
    let (old, replacement, put) = match edit.change {
        Change::Insert { side: Side::After, new } => (anchor.end..anchor.end, new.to_owned(), Put::After),
        Change::Insert { side: Side::Before, new } => (anchor.start..anchor.start, new.to_owned(), Put::Before),
        Change::Replace { new } => {
            let (old, replacement) = replace(&edit.quote_chars, doc.text(), folded, m, new);
            (old, replacement, Put::Instead)
        }
    };
    let (old, replacement) = whole_lines(doc, old, replacement, put);
    // Whole lines reach past the quote only over white space: the anchor takes it in.
    let anchor = anchor.start.min(old.start)..anchor.end.max(old.end);
    Resolved { edit: edit.at, anchor, old, replacement }
}

/// The changed part of a replacement: the quote less what `old` and `new` share at their ends
/// (widened to whole units), with the draft's layout kept inside it.
fn replace(chars: &[QuoteChar], draft: &str, folded: &Folded, m: Range<usize>, new: &str) -> (Range<usize>, String) {
    let quote: Vec<char> = chars.iter().map(|c| c.ch).collect();
    let part = changed_part(&quote, new);
    let head: usize = chars[..part.kept_prefix].iter().map(|c| c.folded_len).sum();
    let tail: usize = chars[chars.len() - part.kept_suffix..].iter().map(|c| c.folded_len).sum();
    let (start, end) = (m.start + head, m.end - tail);
    if start < end {
        (folded.doc_range(&(start..end)), with_layout(draft, folded, chars, m.start, &part))
    } else {
        let at = if part.kept_prefix > 0 { folded.doc_end(start) } else { folded.doc_start(start) };
        (at..at, part.replacement.to_owned())
    }
}

/// The new text for a changed part, with the draft's line breaks (and any page-marker line) kept
/// where they fall between characters that `old` and `new` share: widening 「に\nあたっては」 to
/// whole words must not join the two lines. Breaks inside the truly changed characters go.
fn with_layout(draft: &str, folded: &Folded, chars: &[QuoteChar], start: usize, part: &ChangedPart) -> String {
    let m = chars.len();
    let new: Vec<char> = part.replacement.chars().collect();
    let mut out = String::with_capacity(part.replacement.len() + 8);
    let mut at = start + chars[..part.kept_prefix].iter().map(|c| c.folded_len).sum::<usize>();
    let mut taken = 0;
    // Gap before quote character i, for every i inside the changed part.
    for i in part.kept_prefix + 1..m - part.kept_suffix {
        at += chars[i - 1].folded_len;
        let gap = &draft[folded.doc_end(at)..folded.doc_start(at)];
        if gap.is_empty() {
            continue;
        }
        let furniture = !gap.chars().all(char::is_whitespace);
        let place = if i <= part.same_prefix {
            Some(i - part.kept_prefix)
        } else if i >= m - part.same_suffix {
            new.len().checked_sub(m - part.kept_suffix - i)
        } else if furniture {
            Some((i - part.kept_prefix).min(new.len()))
        } else {
            None
        };
        if let Some(place) = place.filter(|&p| p >= taken && p <= new.len()) {
            out.extend(&new[taken..place]);
            out.push_str(gap);
            taken = place;
        }
    }
    out.extend(&new[taken..]);
    out
}
