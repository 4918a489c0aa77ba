//! Without the draft: look for each edit's `old` and `new` in the published final.
//!
//! Within each edit's scope, `new` must be present and `old` absent (`count` times for
//! `count = N`): `applied`. `old` present and `new` absent: `missing`. Anything else (both, or
//! neither, or another number) is `unclear`, with the places found. An insertion is applied where
//! its anchor and its text stand side by side. An occurrence of `old` inside an occurrence of
//! `new` (「EDSA認証」→「EDSA認証（ISASecure EDSA）」) is not counted, nor the reverse. Page and line
//! scopes name the draft's pages but can only be matched against the final's, which may have
//! shifted; the report says so.

use super::audit::problem_message;
use super::layout::{head_lines, running_heads};
use super::report::{per_decision, EditReport, Finding, Layout, Mode, Options, Report, Status};
use crate::anchor::{place, Patterns, Scope};
use crate::document::{one_line, Document};
use crate::error::{Problem, ProblemKind};
use crate::fold::{fold_quote, Folded};
use crate::ledger::{Action, Edit, Ledger, Side};
use std::collections::HashMap;
use std::ops::Range;

/// Most places listed for one edit.
const MAX_PLACES: usize = 12;

/// The note every report without a draft carries.
pub const SCOPE_NOTE: &str =
    "without the draft, page and line scopes are matched against the final's pages and lines, which may have shifted";

/// The patterns one edit looks for, as indices into the shared pattern list.
struct Looks {
    /// What must be there: `new`, or anchor and new side by side.
    want: Option<usize>,
    /// What must be gone: `old`, or the bare anchor of an insertion.
    gone: usize,
    prefix: Option<String>,
    suffix: Option<String>,
}

/// Verify `final_doc` against `ledger` without the draft.
pub fn scan(ledger: &Ledger, final_doc: &Document, options: &Options) -> Report {
    let width = ledger.options.match_width;
    let heads = if options.keep_layout { Vec::new() } else { running_heads(&[final_doc]) };
    let folded = Folded::skipping(final_doc, width, &head_lines(final_doc, &heads));
    let mut patterns = Patterns::default();
    let mut add = |p: String| patterns.add(p);
    let fold = |s: &str| fold_quote(s, width).0;
    let mut looks: HashMap<(usize, usize), Looks> = HashMap::new();
    for (di, d) in ledger.decisions.iter().enumerate() {
        for (ei, e) in d.edits.iter().enumerate() {
            let (want, gone) = match e.action() {
                Ok(Action::Replace { old, new }) => {
                    let new = fold(new);
                    ((!new.is_empty()).then(|| add(new)), add(fold(old)))
                }
                Ok(Action::Insert { anchor, side, new }) => {
                    let (a, n) = (fold(anchor), fold(new));
                    let both = match side {
                        Side::After => format!("{a}{n}"),
                        Side::Before => format!("{n}{a}"),
                    };
                    (Some(add(both)), add(a))
                }
                _ => continue,
            };
            let opt = |s: &Option<String>| s.as_deref().map(fold).filter(|s| !s.is_empty());
            looks.insert((di, ei), Looks { want, gone, prefix: opt(&e.prefix), suffix: opt(&e.suffix) });
        }
    }
    let found = patterns.search(&folded);
    let decisions = per_decision(ledger, |di, ei, e| {
        let report = match looks.get(&(di, ei)) {
            Some(l) => check(e, l, &found, &folded, final_doc),
            None => not_checkable(e),
        };
        EditReport { edit: ei + 1, summary: e.summary(), ..report }
    });
    let layout = Layout { kept: options.keep_layout, running_heads: heads };
    let mut report = Report::new(Mode::WithoutDraft, decisions, Vec::new(), layout);
    report.notes.push(SCOPE_NOTE.to_owned());
    report
}

/// A todo edit, or one whose keys do not make an edit.
fn not_checkable(e: &Edit) -> EditReport {
    let (status, message) = match e.action() {
        Ok(Action::Todo { note }) => {
            let p = Problem { decision: None, edit: None, kind: ProblemKind::Todo { note: note.to_owned() } };
            (Status::Todo, problem_message(&p))
        }
        Err(m) => (Status::Unanchored, m),
        Ok(_) => (Status::Unclear, "was not checked".to_owned()),
    };
    EditReport { edit: 0, summary: String::new(), status, message: Some(message), findings: Vec::new() }
}

/// Check one edit against the matches found.
fn check(e: &Edit, l: &Looks, found: &[Vec<Range<usize>>], folded: &Folded, doc: &Document) -> EditReport {
    let scope = match Scope::of(e, doc, folded) {
        Ok(s) => s,
        Err(kind) => {
            let message = match *kind {
                ProblemKind::NoSuchPage { page, pages } => {
                    let last = pages.last().copied().unwrap_or(0);
                    format!("page {page} is not in the final, whose pages end at {last}")
                }
                ProblemKind::NoSuchLine { page, line, .. } => format!("line {line} is not on page {page} of the final"),
                other => Problem { decision: None, edit: None, kind: other }.to_string(),
            };
            return EditReport {
                edit: 0,
                summary: String::new(),
                status: Status::Unclear,
                message: Some(message),
                findings: Vec::new(),
            };
        }
    };
    let text = folded.text();
    let fits = |m: &&Range<usize>| {
        scope.contains(m)
            && l.prefix.as_deref().is_none_or(|p| text[..m.start].ends_with(p))
            && l.suffix.as_deref().is_none_or(|s| text[m.end..].starts_with(s))
    };
    let want: Vec<Range<usize>> = l.want.map_or_else(Vec::new, |w| found[w].iter().filter(fits).cloned().collect());
    let gone: Vec<Range<usize>> = found[l.gone].iter().filter(fits).cloned().collect();
    let inside = |m: &Range<usize>, of: &[Range<usize>]| of.iter().any(|o| o.start <= m.start && m.end <= o.end);
    let want_only: Vec<&Range<usize>> = want.iter().filter(|m| !inside(m, &gone) || l.want.is_none()).collect();
    let gone_only: Vec<&Range<usize>> = gone.iter().filter(|m| !inside(m, &want)).collect();
    let count = e.count();
    let (n_want, n_gone) = (want_only.len(), gone_only.len());
    let status = if l.want.is_none() {
        // A deletion: applied when the old text is gone.
        if n_gone == 0 {
            Status::Applied
        } else {
            Status::Missing
        }
    } else if n_gone == 0
        && if e.per_page == Some(true) {
            let want: Vec<Range<usize>> = want_only.iter().map(|m| (*m).clone()).collect();
            n_want > 0 && scope.pages_short_of(&want, count).is_empty()
        } else {
            count.accepts(n_want)
        }
    {
        Status::Applied
    } else if n_want == 0 && n_gone > 0 {
        Status::Missing
    } else {
        Status::Unclear
    };
    let message = match status {
        Status::Unclear => Some(format!(
            "found the promised text {n_want} time(s) (count is {}) and the draft's text {n_gone} time(s) in scope",
            count
        )),
        Status::Applied if l.want.is_none() => Some("the deleted text is not in scope".to_owned()),
        _ => None,
    };
    let to_place = |m: &Range<usize>| place(doc, folded.orig_start(m.start)..folded.orig_end(m.end));
    let mut findings: Vec<Finding> = Vec::new();
    for m in want_only.iter().take(MAX_PLACES) {
        let p = to_place(m);
        let expected = p.text.clone();
        findings.push(Finding { status: Status::Applied, draft: None, in_final: Some(p), expected, found: None });
    }
    for m in gone_only.iter().take(MAX_PLACES) {
        let p = to_place(m);
        let found = Some(p.text.clone());
        let expected = match e.action() {
            Ok(Action::Replace { new, .. }) => one_line(new),
            Ok(Action::Insert { new, .. }) => one_line(new),
            _ => String::new(),
        };
        findings.push(Finding { status: Status::Missing, draft: None, in_final: Some(p), expected, found });
    }
    findings.sort_by_key(|f| f.in_final.as_ref().map(|p| (p.page, p.line, p.column)));
    EditReport { edit: 0, summary: String::new(), status, message, findings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn run(ledger: &str, final_text: &str) -> Vec<Status> {
        let ledger = Ledger::from_toml(ledger).unwrap();
        let f = Document::new(final_text, &PageMarker::default());
        scan(&ledger, &f, &Options::default()).decisions.iter().map(|d| d.status).collect()
    }

    const REPLACE: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\npage = 1\n";

    #[test]
    fn replace_statuses() {
        assert_eq!(run(REPLACE, "会を開\n催する。\n- 1 -\n装置を設置。\n- 2 -\n"), vec![Status::Applied]);
        assert_eq!(run(REPLACE, "会を設置する。\n- 1 -\n"), vec![Status::Missing]);
        assert_eq!(run(REPLACE, "会を開催し設置する。\n- 1 -\n"), vec![Status::Unclear]);
        assert_eq!(run(REPLACE, "会を置く。\n- 1 -\n"), vec![Status::Unclear]);
    }

    #[test]
    fn old_inside_new_is_not_counted() {
        let l =
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"EDSA認証\"\nnew = \"EDSA認証（ISASecure EDSA）\"\n";
        assert_eq!(run(l, "EDSA認証（ISASecure\nEDSA）を参考"), vec![Status::Applied]);
        assert_eq!(run(l, "EDSA認証を参考"), vec![Status::Missing]);
    }

    #[test]
    fn insertions_need_anchor_and_text_side_by_side() {
        let l =
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nafter = \"高い状況にある。\"\nnew = \"また、追記した。\"\n";
        assert_eq!(run(l, "高い状況に\nある。また、追記\nした。"), vec![Status::Applied]);
        assert_eq!(run(l, "高い状況にある。次の文。"), vec![Status::Missing]);
        assert_eq!(run(l, "低い状況にある。"), vec![Status::Unclear]);
    }

    #[test]
    fn a_page_the_final_lacks_is_unclear_and_says_so() {
        let ledger = Ledger::from_toml(REPLACE.replace("page = 1", "page = 7").as_str()).unwrap();
        let f = Document::new("開催\n- 1 -\n", &PageMarker::default());
        let r = scan(&ledger, &f, &Options::default());
        assert_eq!(r.decisions[0].status, Status::Unclear);
        assert!(r.decisions[0].edits[0].message.as_deref().unwrap().contains("page 7"));
        assert_eq!(r.notes, vec![SCOPE_NOTE.to_owned()]);
    }
}
