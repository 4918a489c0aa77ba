//! Writing a lock: every edit resolved against the draft, and the draft's text around each
//! place.
//!
//! The context of a place is the draft's content right before and after its quote, as the W3C
//! Web Annotation TextQuoteSelector records it (`prefix`, `exact`, `suffix`) and Hypothesis
//! anchors annotations with: [`CONTEXT`] chars on each side, more (up to [`MAX_CONTEXT`]) where
//! that context and the quote would stand twice in the draft, and less where another edit
//! changes text nearer (so that one edit's outcome never breaks another's context). Content is
//! the draft without its layout: white space, page markers and running heads left out (the
//! `verify` views), widths folded under `match_width`.

use super::fingerprint::{edit_fingerprint, ledger_fingerprint};
use super::format::{Lock, LockedEdit, LockedPlace, LOCK_VERSION};
use crate::anchor::{resolve, FoldedScope, Patterns, Resolved};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::ledger::{Action, EditRef, Ledger};
use crate::messages::{body, edit_summary};
use crate::verify::View;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Chars of context taken on each side of a quote.
pub const CONTEXT: usize = 32;
/// The most chars of context taken on a side, to make a place's context stand once.
pub const MAX_CONTEXT: usize = 128;

impl Lock {
    /// The lock of `ledger` on `draft`: every edit, with its places where it resolves and why
    /// not where it does not.
    ///
    /// ```
    /// use akaji::lock::Lock;
    /// use akaji::{Document, Ledger};
    /// let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
    /// let draft = Document::new("本部会の下に分科会を設置し、\n検討した。\n- 4 -\n", &ledger.options.page_marker);
    /// let lock = Lock::new(&draft, &ledger);
    /// let p = &lock.edits[0].places[0];
    /// assert_eq!((p.page.number(), p.line, p.before.as_str(), p.quote.as_str(), p.promised.as_str()), (Some(4), 1, "本部会の下に分科会を", "設置", "開催"));
    /// assert_eq!(p.after, "し、検討した。");
    /// ```
    pub fn new(draft: &Document, ledger: &Ledger) -> Lock {
        let width = ledger.options.match_width;
        let resolution = resolve(draft, ledger);
        let view = View::plain(draft, width, &[]);
        let text = view.text();
        // Each resolved place: its quote and its changed part, as view ranges.
        let quote_of = |r: &Resolved| r.anchor.start.min(r.old.start)..r.anchor.end.max(r.old.end);
        let in_view = |r: Range<usize>| view.view_range(r);
        let quotes: Vec<Range<usize>> = resolution.edits.iter().map(|r| in_view(quote_of(r))).collect();
        let changed: Vec<Range<usize>> = resolution.edits.iter().map(|r| in_view(r.old.clone())).collect();
        let contexts = contexts(text, &quotes, &changed);
        let new_in_scope = new_in_scope(ledger, draft, &view);
        // The places of each edit, in the resolution's order.
        let mut places_of: FxHashMap<EditRef, Vec<usize>> = FxHashMap::default();
        for (i, r) in resolution.edits.iter().enumerate() {
            places_of.entry(r.edit).or_default().push(i);
        }
        let mut edits = Vec::new();
        for (n, (at, edit)) in ledger.edits().enumerate() {
            let mut entry = LockedEdit {
                decision: ledger[at.decision].id.clone(),
                edit: at.edit + 1,
                summary: edit_summary(edit),
                fingerprint: edit_fingerprint(edit, width),
                unresolved: problem_of(&resolution.problems, at).map(body),
                new_in_scope: 0,
                places: Vec::new(),
            };
            if entry.unresolved.is_none() {
                for &i in places_of.get(&at).map_or(&[][..], Vec::as_slice) {
                    let r = &resolution.edits[i];
                    let q = quote_of(r);
                    let (qv, cv) = (&quotes[i], &changed[i]);
                    let mut promised = text[qv.start..cv.start.max(qv.start)].to_owned();
                    promised.push_str(&crate::fold::fold_text(&r.replacement, width));
                    promised.push_str(&text[cv.end.min(qv.end)..qv.end]);
                    let at = draft.position(q.start);
                    entry.places.push(LockedPlace {
                        page: at.page,
                        line: at.line,
                        column: at.column,
                        offset: [at.offset, draft.char_offset(q.end)],
                        before: text[contexts[i].0.clone()].to_owned(),
                        quote: text[qv.clone()].to_owned(),
                        promised,
                        after: text[contexts[i].1.clone()].to_owned(),
                    });
                }
                entry.new_in_scope = new_in_scope[n];
            }
            edits.push(entry);
        }
        Lock { version: LOCK_VERSION, draft: None, ledger: ledger_fingerprint(ledger), context: CONTEXT, edits }
    }
}

/// The problem that keeps edit `at` from resolving, if any.
fn problem_of(problems: &[Diagnostic], at: EditRef) -> Option<&Diagnostic> {
    problems.iter().find(|p| p.subject.as_ref().is_some_and(|s| s.decision == at.decision && s.edit == Some(at.edit)))
}

/// For every edit of the ledger, in order, how often its new text stands in its scope of the
/// draft (0 for an edit without one): every new text sought in one pass over the view.
fn new_in_scope(ledger: &Ledger, draft: &Document, view: &View) -> Vec<usize> {
    let Some(folded) = view.fold() else { return vec![0; ledger.edits().count()] };
    let mut patterns = Patterns::default();
    let sought: Vec<Option<usize>> = ledger
        .edits()
        .map(|(_, edit)| match edit.action() {
            Action::Replace { new, .. } => {
                let new = crate::fold::fold_text(new, ledger.options.match_width);
                (!new.is_empty()).then(|| patterns.add(new))
            }
            _ => None,
        })
        .collect();
    let found = patterns.search_text(view.text());
    ledger
        .edits()
        .zip(&sought)
        .map(|((_, edit), id)| {
            let Some(id) = id else { return 0 };
            let Ok(scope) = FoldedScope::of(edit.scope(), draft, folded) else { return 0 };
            found[*id].iter().filter(|m| scope.contains(m)).count()
        })
        .collect()
}

/// The context (before, after) of each quote: [`CONTEXT`] chars a side, not reaching into
/// another place's changed part, widened by 16 chars at a time (up to [`MAX_CONTEXT`]) while
/// context and quote stand more than once in `text`.
fn contexts(text: &str, quotes: &[Range<usize>], changed: &[Range<usize>]) -> Vec<(Range<usize>, Range<usize>)> {
    // How far each context may reach: the nearest other changed part on each side, found in
    // the changed parts sorted by end and by start.
    let mut ends: Vec<(usize, usize)> = changed.iter().enumerate().map(|(j, c)| (c.end, j)).collect();
    let mut starts: Vec<(usize, usize)> = changed.iter().enumerate().map(|(j, c)| (c.start, j)).collect();
    ends.sort_unstable();
    starts.sort_unstable();
    let limits: Vec<(usize, usize)> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let k = ends.partition_point(|&(e, _)| e <= q.start);
            let lo = ends[..k].iter().rev().find(|&&(_, j)| j != i).map_or(0, |&(e, _)| e);
            let k = starts.partition_point(|&(s, _)| s < q.end);
            let hi = starts[k..].iter().find(|&&(_, j)| j != i).map_or(text.len(), |&(s, _)| s);
            (lo, hi)
        })
        .collect();
    let take = |q: &Range<usize>, (lo, hi): (usize, usize), n: usize| {
        let before = text[lo..q.start].char_indices().rev().nth(n - 1).map_or(lo, |(i, _)| lo + i);
        let after = text[q.end..hi].char_indices().nth(n).map_or(hi, |(i, _)| q.end + i);
        (before..q.start, q.end..after)
    };
    let mut sizes = vec![CONTEXT; quotes.len()];
    let mut out: Vec<(Range<usize>, Range<usize>)> =
        quotes.iter().zip(&limits).map(|(q, l)| take(q, *l, CONTEXT)).collect();
    // Widen the contexts that stand twice, all found in one pass each round.
    let mut open: Vec<usize> = (0..quotes.len()).collect();
    while !open.is_empty() {
        let mut patterns = Patterns::default();
        let ids: Vec<usize> =
            open.iter().map(|&i| patterns.add(text[out[i].0.start..out[i].1.end].to_owned())).collect();
        let found = patterns.search_text(text);
        let mut next = Vec::new();
        for (&i, &id) in open.iter().zip(&ids) {
            if found[id].len() > 1 && sizes[i] < MAX_CONTEXT {
                sizes[i] = (sizes[i] + 16).min(MAX_CONTEXT);
                let wider = take(&quotes[i], limits[i], sizes[i]);
                if wider != out[i] {
                    out[i] = wider;
                    next.push(i);
                }
            }
        }
        open = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock(draft: &str, ledger: &str) -> Lock {
        let ledger = Ledger::from_toml(ledger).unwrap();
        Lock::new(&Document::new(draft, &ledger.options.page_marker), &ledger)
    }

    #[test]
    fn contexts_leave_layout_out_and_stop_at_another_edit() {
        let l = lock(
            "計画\n本文の設置\nと開催。\n- 1 -\n計画\n次の文。\n- 2 -\n計画\n三の文。\n- 3 -\n",
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開設\"\n[[decision]]\nid = \"2\"\n[[decision.edit]]\nold = \"開催\"\nnew = \"実施\"\n",
        );
        let (a, b) = (&l.edits[0].places[0], &l.edits[1].places[0]);
        assert_eq!((a.before.as_str(), a.quote.as_str(), a.after.as_str()), ("本文の", "設置", "と"));
        assert_eq!((b.before.as_str(), b.after.as_str()), ("と", "。次の文。三の文。"));
        assert_eq!((a.page.number(), a.line), (Some(1), 1), "the running head 「計画」 is not a line");
    }

    #[test]
    fn contexts_widen_until_they_stand_once() {
        let row = "年度ごとに計画を見直す。";
        let draft = format!("{}二〇二四{}\n- 1 -\n", row.repeat(4), row.repeat(4));
        let l = lock(&draft, "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"二〇二四\"\nnew = \"二〇二五\"\n");
        let p = &l.edits[0].places[0];
        assert_eq!(draft.matches(&format!("{}{}{}", p.before, p.quote, p.after)).count(), 1);
    }

    #[test]
    fn edits_that_do_not_resolve_say_why_and_todos_are_kept() {
        let l = lock(
            "本文。\n- 1 -\n",
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"ない\"\nnew = \"x\"\n[[decision]]\nid = \"2\"\n[[decision.edit]]\ntodo = \"P1に追記\"\n",
        );
        assert!(l.edits[0].unresolved.as_deref().unwrap().contains("「ない」"));
        assert!(l.edits[1].unresolved.as_deref().unwrap().contains("todo"));
        assert!(l.edits.iter().all(|e| e.places.is_empty()));
    }

    #[test]
    fn the_new_text_already_in_scope_is_counted() {
        let l = lock(
            "取組と取り組み\n- 1 -\n取組\n- 2 -\n",
            "[[decision]]\nid = \"3\"\n[[decision.edit]]\nold = \"取り組み\"\nnew = \"取組\"\npage = 1\n",
        );
        assert_eq!(l.edits[0].new_in_scope, 1);
    }
}
