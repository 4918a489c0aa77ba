//! From a match of a quote to the draft bytes that change and the text that goes there.

use super::pending::{quote_of, Change, PendingEdit};
use super::resolved::Resolved;
use super::trim::{changed_part, ChangedPart};
use super::whole::between_characters;
use crate::document::{whole_lines, Document, Put};
use crate::fold::{Folded, QuoteChar};
use crate::ledger::Side;
use std::borrow::Cow;
use std::ops::Range;

/// A match (folded range `m`) of `edit`'s quote turned into the draft bytes that change and the
/// text that goes there; an edit about whole paragraphs takes whole lines
/// ([`whole_lines`]). `part` is [`PendingEdit::changed_part`], found once for all the edit's
/// matches.
pub(super) fn resolved(
    edit: &PendingEdit,
    part: Option<ChangedPart>,
    doc: &Document,
    folded: &Folded,
    m: Range<usize>,
) -> Resolved {
    let anchor = folded.doc_range(&m);
    let (old, replacement, put) = match &edit.change {
        Change::Insert { side: Side::After, new } => (anchor.end..anchor.end, (*new).to_owned(), Put::After),
        Change::Insert { side: Side::Before, new } => (anchor.start..anchor.start, (*new).to_owned(), Put::Before),
        Change::Replace { new } => {
            let part = part.unwrap_or_else(|| changed_part(&quote_of(&edit.quote_chars), new));
            let (old, replacement) = replace(&edit.quote_chars, part, doc.text(), folded, m, new);
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
fn replace(
    chars: &[QuoteChar],
    part: ChangedPart,
    draft: &str,
    folded: &Folded,
    m: Range<usize>,
    new: &str,
) -> (Range<usize>, String) {
    let part = whole_characters(part, chars, draft, folded, &m, new);
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

/// The changed part widened, inside the match, until both its ends lie between whole
/// characters of the draft (see [`super::whole`]): 「file」→「fxle」 on 「ﬁle」 (with
/// `match_width`) replaces all of 「ﬁ」 by 「fx」, and a change never leaves a combining mark
/// or half an emoji sequence behind. The kept ends are what `old` and `new` share, so the
/// widened replacement is `new`'s own characters there.
fn whole_characters<'a>(
    part: ChangedPart<'a>,
    chars: &[QuoteChar],
    draft: &str,
    folded: &Folded,
    m: &Range<usize>,
    new: &'a str,
) -> ChangedPart<'a> {
    let (mut k, mut j) = (part.kept_prefix, part.kept_suffix);
    let head = |k: usize| m.start + chars[..k].iter().map(|c| c.folded_len).sum::<usize>();
    let tail = |j: usize| m.end - chars[chars.len() - j..].iter().map(|c| c.folded_len).sum::<usize>();
    while k > 0 && !between_characters(draft, folded, head(k)) {
        k -= 1;
    }
    while j > 0 && !between_characters(draft, folded, tail(j)) {
        j -= 1;
    }
    if (k, j) == (part.kept_prefix, part.kept_suffix) {
        return part;
    }
    let start = new.char_indices().nth(k).map_or(new.len(), |(i, _)| i);
    let end = if j == 0 { new.len() } else { new.char_indices().rev().nth(j - 1).map_or(0, |(i, _)| i) };
    ChangedPart { kept_prefix: k, kept_suffix: j, replacement: &new[start..end.max(start)], ..part }
}

/// `new` less the white space that it shares with `old` at their ends (their common prefix and
/// suffix, white space included): a line break that both write where the draft breaks is the
/// draft's, kept once where the draft has it, not written a second time. `old = "設置\nする"`,
/// `new = "開催\nする"` changes 「設置」 and keeps the draft's break.
pub(super) fn without_shared_layout<'a>(old: &str, new: &'a str) -> Cow<'a, str> {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let room = o.len().min(n.len()) - prefix;
    let suffix = o.iter().rev().zip(n.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    let shared = |i: usize| i < prefix || i >= n.len() - suffix;
    if !n.iter().enumerate().any(|(i, c)| shared(i) && c.is_whitespace()) {
        return Cow::Borrowed(new);
    }
    Cow::Owned(n.iter().enumerate().filter(|&(i, c)| !(shared(i) && c.is_whitespace())).map(|(_, c)| c).collect())
}

/// The new text for a changed part, with the draft's line breaks (and any page-marker line) kept
/// where they fall between characters that `old` and `new` share: widening 「に\nあたっては」 to
/// whole words must not join the two lines. Breaks inside the truly changed characters go, but
/// never a page: furniture (a footer, a running head) and a form feed (the page break of text
/// extracted from PDF) inside them stay.
fn with_layout(draft: &str, folded: &Folded, chars: &[QuoteChar], start: usize, part: &ChangedPart) -> String {
    let m = chars.len();
    let new: Vec<char> = part.replacement.chars().collect();
    let mut out = String::with_capacity(part.replacement.len() + 8);
    let mut at = start + chars[..part.kept_prefix].iter().map(|c| c.folded_len).sum::<usize>();
    let mut taken = 0;
    // Gap before quote character i, for every i inside the changed part.
    for i in part.kept_prefix + 1..m - part.kept_suffix {
        at += chars[i - 1].folded_len;
        // Inside one draft character that folded to several (㈱ as (株)) there is no gap.
        let (gap_start, gap_end) = (folded.doc_end(at), folded.doc_start(at));
        if gap_start >= gap_end {
            continue;
        }
        let gap = &draft[gap_start..gap_end];
        let furniture = gap.chars().any(|c| !c.is_whitespace() || c == '\u{c}');
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
