//! One edit waiting for its matches: what resolving it needs to know, folded once.

use super::problem::ScopeRule;
use super::scope::FoldedScope;
use super::trim::{changed_part, ChangedPart};
use crate::fold::QuoteChar;
use crate::ledger::{Count, EditRef, Side};
use std::borrow::Cow;
use std::ops::Range;

/// What a resolved edit puts in: the two actions that anchor on a quote (a todo never gets here).
#[derive(Debug, Clone)]
pub(super) enum Change<'l> {
    /// The quote is replaced by `new` (less the white space `old` and `new` share at their
    /// ends: that layout is the draft's, kept as the draft has it).
    Replace { new: Cow<'l, str> },
    /// `new` goes on `side` of the quote.
    Insert { side: Side, new: &'l str },
}

/// One edit waiting for its matches.
pub(super) struct PendingEdit<'l> {
    pub at: EditRef,
    pub change: Change<'l>,
    /// The quote's characters (white space dropped) and the folded bytes each became.
    pub quote_chars: Vec<QuoteChar>,
    /// The folded quote's number in the shared `Patterns`.
    pub pattern: usize,
    /// The folded prefix and suffix, if any.
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// The scope in the folded draft.
    pub scope: FoldedScope,
    pub count: Count,
    /// Whether the count applies on each page (`per_page`).
    pub per_page: bool,
}

impl PendingEdit<'_> {
    /// What a replacement keeps of its quote and puts in (it depends on the quote and `new`
    /// only, so it is found once for all the edit's matches); `None` for an insertion.
    pub fn changed_part(&self) -> Option<ChangedPart<'_>> {
        match &self.change {
            Change::Replace { new } => Some(changed_part(&quote_of(&self.quote_chars), new)),
            Change::Insert { .. } => None,
        }
    }

    /// Whether a match of the quote (folded range `m`) lies in scope, prefix and suffix included.
    pub fn fits(&self, text: &str, m: &Range<usize>) -> bool {
        self.scope.contains(m)
            && self.prefix.as_deref().is_none_or(|p| text[..m.start].ends_with(p))
            && self.suffix.as_deref().is_none_or(|s| text[m.end..].starts_with(s))
    }

    /// The scope rules that rule a match out (none for a match that fits).
    pub fn ruled_out_by(&self, text: &str, m: &Range<usize>) -> Vec<ScopeRule> {
        let mut rules = Vec::new();
        if !self.scope.contains(m) {
            rules.push(if matches!(self.scope, FoldedScope::Line(_)) { ScopeRule::Line } else { ScopeRule::Page });
        }
        if self.prefix.as_deref().is_some_and(|p| !text[..m.start].ends_with(p)) {
            rules.push(ScopeRule::Prefix);
        }
        if self.suffix.as_deref().is_some_and(|s| !text[m.end..].starts_with(s)) {
            rules.push(ScopeRule::Suffix);
        }
        rules
    }
}

/// The quote's characters, white space left out.
pub(super) fn quote_of(chars: &[QuoteChar]) -> Vec<char> {
    chars.iter().map(|c| c.ch).collect()
}
