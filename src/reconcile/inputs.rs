//! What one reconcile works from: the draft and the final compared, the draft as the matcher
//! sees it, and the ledger's options; and the ways of writing an edit that makes a change found
//! (its quote from the draft, its new text from the final, its scope pinned to the place).

use super::content::{Content, Region};
use super::pin::Pinner;
use crate::document::{Document, Place};
use crate::fold::fold_text;
use crate::ledger::{Action, Count, Edit, LedgerOptions, Side};
use crate::verify::layout::head_lines;
use std::ops::Range;
use std::time::Duration;

/// The most chars an insertion's anchor takes from the draft before (or after) the insertion
/// point: back to the clause's start (after a 「、」 or 「。」) when one is that near.
const ANCHOR_CHARS: usize = 30;
/// The chars it takes when no clause starts that near.
const SHORT_ANCHOR_CHARS: usize = 12;

/// Whether a char ends a clause.
fn ends_clause(c: char) -> bool {
    matches!(c, '、' | '。' | '，' | '．')
}

/// The texts and options of one reconcile.
#[derive(Debug)]
pub(super) struct Inputs<'d> {
    pub content: Content<'d>,
    pub pinner: Pinner<'d>,
    pub options: &'d LedgerOptions,
}

impl<'d> Inputs<'d> {
    /// Compare `draft` and `final_doc` as `options` match them.
    pub fn new(
        draft: &'d Document,
        final_doc: &'d Document,
        options: &'d LedgerOptions,
        timeout: Option<Duration>,
    ) -> Inputs<'d> {
        let content = Content::new(draft, final_doc, options.match_width, timeout);
        let heads = head_lines(draft, &content.heads);
        let pinner = Pinner::new(draft, options.match_width, heads);
        Inputs { content, pinner, options }
    }

    /// The draft.
    pub fn draft(&self) -> &'d Document {
        self.content.draft.doc
    }

    /// A text folded as the draft's content is.
    pub fn fold(&self, s: &str) -> String {
        fold_text(s, self.options.match_width)
    }

    /// What the final should read in place of the anchor (draft content range `r`) when
    /// `action` is made there.
    pub fn expected(&self, action: &Action, r: &Range<usize>) -> String {
        let anchor = self.content.draft.content(r.clone());
        match action {
            Action::Replace { new, .. } => self.fold(new),
            Action::Insert { side: Side::After, new, .. } => format!("{anchor}{}", self.fold(new)),
            Action::Insert { side: Side::Before, new, .. } => format!("{}{anchor}", self.fold(new)),
            Action::Todo(_) => anchor.to_owned(),
        }
    }

    /// The draft places of content ranges.
    pub fn places(&self, ranges: &[Range<usize>]) -> Vec<Place> {
        ranges.iter().map(|r| self.content.draft.place(r.clone())).collect()
    }

    /// `action` (whose quote stands at draft content range `r`) scoped to that place alone.
    pub fn pinned(&self, action: &Action, r: &Range<usize>) -> Option<Edit> {
        let quote = action.quote()?;
        let scope = self.pinner.pin(quote, &self.content.draft.doc_range(r.clone()))?;
        Edit::new(action.clone(), scope, Count::default()).ok()
    }

    /// The edit that turns the draft's content of `region.old` into the final's of
    /// `region.new`: a replacement (its old text the draft's, its new text the final's), or an
    /// insertion anchored on the draft's text beside the point; scoped to the place alone.
    pub fn making(&self, region: &Region) -> Option<Edit> {
        let new = self.content.fin.literal(region.new.clone());
        if region.old.is_empty() {
            return self.insertion(region.old.start, new);
        }
        let old = self.content.draft.literal(region.old.clone());
        self.pinned(&Action::Replace { old, new }, &region.old)
    }

    /// Insert `new` at draft content offset `at`, anchored on the text before it in the page's
    /// body (after the change before it), or else after it.
    pub fn insertion(&self, at: usize, new: String) -> Option<Edit> {
        let draft = &self.content.draft;
        let changes = &self.content.changes;
        let page = draft.page_at(&(at..at));
        let body = draft.page_content(page)?;
        // The changes beside the point (not the insertion at it) must not be quoted. Changes are
        // sorted and do not overlap: the one before ends at or before the point.
        let own = |c: &super::content::Change| c.old.is_empty() && c.old.start == at;
        let i = changes.partition_point(|c| c.old.end <= at && !own(c));
        let after_change = i.checked_sub(1).map_or(0, |j| changes[j].old.end);
        let before_change =
            changes[i..].iter().find(|c| !own(c) && c.old.start >= at).map_or(usize::MAX, |c| c.old.start);
        let text = draft.text();
        let from = body.start.max(after_change).min(at);
        let before: Vec<(usize, char)> = text[from..at].char_indices().map(|(i, c)| (from + i, c)).collect();
        // From the char after the clause mark before the point (not the one ending the anchor).
        let near = &before[before.len().saturating_sub(ANCHOR_CHARS)..];
        let clause = near.iter().rev().skip(1).position(|&(_, c)| ends_clause(c)).map(|k| near.len() - 1 - k);
        let first = clause.map_or(before.len().saturating_sub(SHORT_ANCHOR_CHARS), |k| before.len() - near.len() + k);
        if let Some(&(start, _)) = before.get(first) {
            let r = start..at;
            let action = Action::Insert { anchor: draft.literal(r.clone()), side: Side::After, new: new.clone() };
            if let Some(edit) = self.pinned(&action, &r) {
                return Some(edit);
            }
        }
        let to = body.end.min(before_change).max(at);
        let after: Vec<(usize, char)> = text[at..to].char_indices().map(|(i, c)| (at + i + c.len_utf8(), c)).collect();
        let near = &after[..after.len().min(ANCHOR_CHARS)];
        let end = match near.iter().position(|&(_, c)| ends_clause(c)) {
            Some(k) => near[k].0,
            None => after.get(after.len().min(SHORT_ANCHOR_CHARS).checked_sub(1)?)?.0,
        };
        let r = at..end;
        self.pinned(&Action::Insert { anchor: draft.literal(r.clone()), side: Side::Before, new }, &r)
    }
}
