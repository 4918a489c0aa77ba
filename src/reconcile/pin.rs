//! A scope that picks one place: the page, and as much of the draft's text right around the quote
//! as tells it apart.
//!
//! A written edit must resolve to the place the final changed and nowhere else. Its page is
//! always given (a reader checks it there); when the quote stands more than once on the page, a
//! `suffix`, a `prefix` or both are added, a character at a time, from the draft's own text in
//! the page's body (never across a page break or into the page's furniture, which the document
//! model leaves out of matching). The count follows the anchor module's rules: matches are found
//! in the draft folded as `apply` folds it, those in scope kept left to right without overlaps.
//! `line` is not written: a prefix or suffix says the same whichever way a reader counts lines.

use crate::document::Document;
use crate::fold::{fold_text, Folded};
use crate::ledger::Scope;
use std::ops::Range;

/// The longest prefix or suffix tried, in chars.
const MAX_CONTEXT: usize = 40;

/// The draft folded as the matcher sees it, and where each page's body starts.
#[derive(Debug)]
pub(super) struct Pinner<'d> {
    draft: &'d Document,
    folded: Folded,
    width: bool,
    /// The document lines (0-based, sorted) holding running heads.
    heads: Vec<usize>,
}

impl<'d> Pinner<'d> {
    /// The draft as `apply` matches it (widths folded when `width`), with its running-head lines.
    pub fn new(draft: &'d Document, width: bool, heads: Vec<usize>) -> Pinner<'d> {
        Pinner { draft, folded: Folded::new(draft, width), width, heads }
    }

    /// A scope in which `quote` matches once, at draft bytes `at` (where it stands), or `None`
    /// when no prefix and suffix of the page's text tell the place apart.
    pub fn pin(&self, quote: &str, at: &Range<usize>) -> Option<Scope> {
        let needle = fold_text(quote, self.width);
        let text = self.folded.text();
        let m = self.folded.folded_at(at.start);
        if needle.is_empty() || !text[m..].starts_with(&needle) {
            return None;
        }
        let page_number = self.draft.position(at.start).page;
        let page = self.draft.page(page_number)?;
        let range = self.draft.page_range(page);
        let body_line = page.body.clone().find(|l| self.heads.binary_search(l).is_err()).unwrap_or(page.body.start);
        let body = self.folded.folded_at(self.draft.line_range(body_line).start.max(range.start));
        let (page_start, page_end) = (self.folded.folded_at(range.start), self.folded.folded_at(range.end));
        let end = m + needle.len();
        let before: Vec<usize> = text[body.min(m)..m].char_indices().map(|(i, _)| body.min(m) + i).rev().collect();
        let after: Vec<usize> =
            text[end..page_end.max(end)].char_indices().map(|(i, c)| end + i + c.len_utf8()).collect();
        let scope = |p: usize, s: usize| {
            let prefix = (p > 0).then(|| self.draft_text(before[p - 1]..m));
            let suffix = (s > 0).then(|| self.draft_text(end..after[s - 1]));
            Scope { prefix, suffix, ..Scope::on_pages(vec![page_number]) }
        };
        let fits = |p: usize, s: usize| {
            let (pre, suf) =
                (if p > 0 { &text[before[p - 1]..m] } else { "" }, if s > 0 { &text[end..after[s - 1]] } else { "" });
            matches_in(text, &needle, pre, suf, page_start..page_end) == [m]
        };
        if fits(0, 0) {
            return Some(scope(0, 0));
        }
        for k in 1..=MAX_CONTEXT {
            let (p, s) = (k.min(before.len()), k.min(after.len()));
            for (p, s) in [(0, s), (p, 0), (p, s)] {
                if (p, s) != (0, 0) && fits(p, s) {
                    return Some(scope(p, s));
                }
            }
        }
        None
    }

    /// The draft's own characters of folded range `f`, white space out.
    fn draft_text(&self, f: Range<usize>) -> String {
        let r = self.folded.doc_range(&f);
        self.draft.text()[r].chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// The starts of the matches of `needle` preceded by `prefix` and followed by `suffix`, starting
/// in `scope`, kept left to right without overlaps (as the anchor module keeps them).
fn matches_in(text: &str, needle: &str, prefix: &str, suffix: &str, scope: Range<usize>) -> Vec<usize> {
    let mut found = Vec::new();
    let mut reach = 0;
    let mut from = scope.start;
    while from < scope.end.min(text.len()) {
        let Some(i) = text[from..].find(needle).map(|i| from + i) else { break };
        if i >= scope.end {
            break;
        }
        if i >= reach && text[..i].ends_with(prefix) && text[i + needle.len()..].starts_with(suffix) {
            found.push(i);
            reach = i + needle.len();
        }
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{PageMarker, PageNo};
    use crate::ledger::{Edit, Ledger};

    const DRAFT: &str = "表題\n見直しを行う。\nなお、詳細は別途定める。\n聴いて行う。なお、詳細は別途定める。\n- 6 -\n表題\nなお、詳細は別途定める。\n- 7 -\n";

    fn resolves_once(quote: &str, scope: Scope, at: usize) {
        let edit = Edit::replace(quote, "").unwrap().with_scope(scope);
        let mut ledger = Ledger::default();
        ledger.decisions.push(crate::ledger::Decision { id: "1".into(), edits: vec![edit], ..Default::default() });
        let draft = Document::new(DRAFT, &PageMarker::default());
        let r = crate::anchor::resolve(&draft, &ledger);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.edits.iter().map(|e| e.anchor.start).collect::<Vec<_>>(), [at]);
    }

    #[test]
    fn a_quote_standing_twice_on_its_page_gets_a_prefix_or_suffix() {
        let draft = Document::new(DRAFT, &PageMarker::default());
        let p = Pinner::new(&draft, false, vec![0, 5]);
        let q = "なお、詳細は別途定める。";
        let second = DRAFT.match_indices(q).nth(1).unwrap().0;
        let scope = p.pin(q, &(second..second + q.len())).unwrap();
        assert_eq!(scope.page_numbers(), [6]);
        assert_eq!(scope.prefix.as_deref(), Some("て行う。"), "as few chars before it as tell it apart");
        resolves_once(q, scope, second);
        let third = DRAFT.match_indices(q).nth(2).unwrap().0;
        let scope = p.pin(q, &(third..third + q.len())).unwrap();
        assert_eq!(
            (scope.page_numbers(), scope.prefix.as_deref(), scope.suffix.as_deref()),
            ([PageNo::Number(7)].as_slice(), None, None)
        );
        resolves_once(q, scope, third);
    }

    #[test]
    fn the_context_stays_in_the_pages_body() {
        let draft = Document::new(DRAFT, &PageMarker::default());
        let p = Pinner::new(&draft, false, vec![0, 5]);
        let first = DRAFT.find("なお").unwrap();
        let scope = p.pin("なお、詳細は別途定める。", &(first..first + "なお、詳細は別途定める。".len())).unwrap();
        assert!(scope.prefix.as_deref().is_none_or(|p| !p.contains("表題")), "{scope:?}");
        resolves_once("なお、詳細は別途定める。", scope, first);
        assert!(p.pin("別の文", &(first..first + 6)).is_none(), "the quote must stand where it is pinned");
    }
}
