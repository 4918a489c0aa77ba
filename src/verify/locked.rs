//! Without the draft, with its lock: each place checked by the draft's text around it.
//!
//! The lock ([`crate::lock`]) records, for every place an edit resolved to, the draft's text
//! right before its quote (**B**), the quote (**Q**), the promised text (**P**) and the draft's
//! text right after (**A**). In the final's content (white space and page furniture left out,
//! widths folded under `match_width`, radicals read as ideographs), a place is:
//!
//! - `applied` when B + P + A stands there;
//! - `missing` when B + Q + A does (the quote stands in its context);
//! - `different` when B stands and A after it, within |P| + |Q| + 32 chars: something else is
//!   between (the report says what);
//! - `unclear` when the context is gone (the text around the edit changed too).
//!
//! An edit the lock does not hold (it did not resolve when the lock was written), or whose
//! fingerprint no longer matches the ledger's edit, is `unclear`, saying why; a todo is checked
//! as without the draft (its new text, anywhere in the final). What the lock cannot tell: a
//! change anywhere else (unexplained changes need the draft), and a place whose context the
//! final rewrote.
//!
//! ```
//! use akaji::lock::Lock;
//! use akaji::verify::{locked, Status, VerifyOptions};
//! use akaji::{Document, Ledger};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"とともに、その確認を適時確認していく\"\nnew = \"\"\n").unwrap();
//! let m = &ledger.options.page_marker;
//! let lock = Lock::new(&Document::new("状況を把握するとともに、その確認を適時確認していく。\n", m), &ledger);
//! let check = |text| locked(&ledger, &lock, &Document::new(text, m), &VerifyOptions::default()).decisions[0].status;
//! assert_eq!(check("状況を把握する。\n"), Status::Applied);
//! // Without the lock, 「…その状況を適時確認していく」 looks applied: the deleted text is gone.
//! assert_eq!(check("状況を把握するとともに、その状況を適時確認していく。\n"), Status::Different);
//! ```

use super::layout::{running_heads, View};
use super::note::VerifyNote;
use super::report::{per_decision, worst, EditReport, Finding, Layout, Mode, Status, VerifyOptions, VerifyReport};
use super::scan::{todo, todo_text, unclear};
use crate::anchor::Patterns;
use crate::diagnostic::Diagnostic;
use crate::document::{one_line, Document};
use crate::fold::fold_text;
use crate::ledger::{Action, Ledger};
use crate::lock::{edit_fingerprint, ledger_fingerprint, Lock, LockedPlace, CONTEXT};
use crate::messages::edit_summary;
use std::ops::Range;

/// The texts one place looks for, as numbers of patterns (an empty context is no pattern).
struct Sought {
    promised: usize,
    quote: usize,
    before: Option<usize>,
    after: Option<usize>,
    /// Bytes of the context on each side.
    before_len: usize,
    after_len: usize,
    /// The most chars that may stand between before and after for `different`.
    reach: usize,
}

/// Verify `final_doc` against `ledger` with the `lock` written from its draft.
pub fn locked(ledger: &Ledger, lock: &Lock, final_doc: &Document, options: &VerifyOptions) -> VerifyReport<'static> {
    let width = ledger.options.match_width;
    let heads = if options.keep_layout { Vec::new() } else { running_heads(&[final_doc]) };
    let view = View::plain(final_doc, width, &heads);
    let fold = |s: &str| fold_text(s, width);
    // Every place's four texts, all searched for in one pass.
    let mut patterns = Patterns::default();
    let mut sought = |p: &LockedPlace| {
        let (b, q, n, a) = (fold(&p.before), fold(&p.quote), fold(&p.promised), fold(&p.after));
        let reach = n.chars().count() + q.chars().count() + CONTEXT;
        let (before_len, after_len) = (b.len(), a.len());
        Sought {
            promised: patterns.add(format!("{b}{n}{a}")),
            quote: patterns.add(format!("{b}{q}{a}")),
            before: (!b.is_empty()).then(|| patterns.add(b)),
            after: (!a.is_empty()).then(|| patterns.add(a)),
            before_len,
            after_len,
            reach,
        }
    };
    let entries: Vec<_> = ledger
        .edits()
        .map(|(at, e)| {
            let entry = lock.edit(&ledger[at.decision].id, at.edit + 1);
            let fresh = entry.filter(|l| l.fingerprint == edit_fingerprint(e, width));
            let places: Vec<Sought> = fresh.map(|l| l.places.iter().map(&mut sought).collect()).unwrap_or_default();
            (entry, fresh, places)
        })
        .collect();
    let found = patterns.search_text(view.text());
    let decisions = per_decision(ledger, |n, at, e| {
        let summary = edit_summary(e);
        let (entry, fresh, places) = &entries[n];
        let report = if let Action::Todo(t) = e.action() {
            todo(&t.note, todo_text(e, &view, final_doc, width))
        } else if entry.is_some() && fresh.is_none() {
            unclear(VerifyNote::LockStale)
        } else if let Some(l) = fresh.filter(|l| !l.places.is_empty()) {
            let findings: Vec<Finding> =
                places.iter().zip(&l.places).map(|(s, p)| check(s, p, &found, &view, final_doc)).collect();
            let status = worst(findings.iter().map(|f| f.status));
            let message =
                (l.new_in_scope > 0).then(|| Diagnostic::new(VerifyNote::AlreadyInDraft { count: l.new_in_scope }));
            EditReport { edit: 0, summary: String::new(), summary_ja: String::new(), status, message, findings }
        } else {
            unclear(VerifyNote::NotInLock)
        };
        EditReport { edit: at.edit + 1, summary, ..report }
    });
    let layout = Layout { kept: options.keep_layout, running_heads: heads };
    let mut report = VerifyReport::new(Mode::WithoutDraft, decisions, Vec::new(), layout);
    report.notes.push(crate::messages::lock_note());
    if lock.ledger != ledger_fingerprint(ledger) {
        report.notes.push(crate::messages::stale_lock_note());
    }
    report
}

/// The finding of one place: which of its texts stand in the final's view.
fn check(s: &Sought, p: &LockedPlace, found: &[Vec<Range<usize>>], view: &View, doc: &Document) -> Finding {
    let text = view.text();
    let middle = |m: &Range<usize>| m.start + s.before_len..(m.end - s.after_len).max(m.start + s.before_len);
    // An empty context stands at the start (before) or the end (after) of the text.
    let (start, end) = (0..0, text.len()..text.len());
    let (at_start, at_end) = (std::slice::from_ref(&start), std::slice::from_ref(&end));
    let befores = s.before.map_or(at_start, |b| &found[b][..]);
    let afters = s.after.map_or(at_end, |a| &found[a][..]);
    let (status, region, note) = if let Some(m) = found[s.promised].first() {
        (Status::Applied, Some(middle(m)), VerifyNote::PromisedInContext)
    } else if let Some(m) = found[s.quote].first() {
        (Status::Missing, Some(middle(m)), VerifyNote::QuoteInContext)
    } else if let Some(between) = between(befores, afters, text, s.reach) {
        (Status::Different, Some(between), VerifyNote::OtherInContext)
    } else {
        (Status::Unclear, None, VerifyNote::ContextGone)
    };
    let region = region.map(|r| view.doc_range(r));
    Finding {
        status,
        draft: None,
        in_final: region.clone().map(|r| doc.place(r)),
        expected: one_line(&p.promised),
        found: match status {
            Status::Applied | Status::Unclear => None,
            _ => region.clone().map(|r| one_line(&doc.text()[r])),
        },
        draft_range: Some(p.offset),
        final_range: region.map(|r| [doc.char_offset(r.start), doc.char_offset(r.end)]),
        note: Some(note),
    }
}

/// The text between the first `before` and an `after` that starts within `reach` chars of it.
fn between(before: &[Range<usize>], after: &[Range<usize>], text: &str, reach: usize) -> Option<Range<usize>> {
    before.iter().find_map(|b| {
        let from = after.partition_point(|a| a.start < b.end);
        after.get(from).filter(|a| text[b.end..a.start].chars().count() <= reach).map(|a| b.end..a.start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEDGER: &str =
        "[[decision]]\nid = \"9\"\n[[decision.edit]]\nafter = \"早期警戒情報\"\nnew = \"（アラート）\"\n";
    const DRAFT: &str = "各事業者は、収集した早期警戒情報として\n共有する。\n- 1 -\n";

    fn statuses(ledger: &str, lock_ledger: &str, final_text: &str) -> (Status, Option<String>) {
        let ledger = Ledger::from_toml(ledger).unwrap();
        let lock_ledger = Ledger::from_toml(lock_ledger).unwrap();
        let m = &ledger.options.page_marker;
        let lock = Lock::new(&Document::new(DRAFT, m), &lock_ledger);
        let r = locked(&ledger, &lock, &Document::new(final_text, m), &VerifyOptions::default());
        let e = &r.decisions[0].edits[0];
        (e.status, e.findings.first().and_then(|f| f.found.clone()))
    }

    #[test]
    fn each_status_by_the_context() {
        let s = |f| statuses(LEDGER, LEDGER, f);
        assert_eq!(s("各事業者は、収集した早期警戒情報（アラート）として共有する。\n- 1 -\n").0, Status::Applied);
        assert_eq!(s("各事業者は、収集した早期警戒\n情報として共有する。\n").0, Status::Missing);
        assert_eq!(
            s("各事業者は、収集した早期の警戒情報として共有する。\n"),
            (Status::Different, Some("早期の警戒情報".into()))
        );
        assert_eq!(s("全く別の文。\n").0, Status::Unclear);
    }

    #[test]
    fn a_lock_of_another_ledger_is_not_trusted() {
        let changed = LEDGER.replace("（アラート）", "（警報）");
        let (status, _) = statuses(&changed, LEDGER, "各事業者は、収集した早期警戒情報（警報）として共有する。\n");
        assert_eq!(status, Status::Unclear);
    }
}
