//! Without the draft: look for each edit's `old` and `new` in the published final.
//!
//! Within each edit's scope, `old` must be gone and `new` present at least `count` times (on
//! each page, with `per_page`): `applied` (more is fine: the new wording may have stood there
//! already, as 「取組」 beside the 「取り組み」 a unification replaces). `old` present and `new`
//! absent: `missing`. Anything else (both, or neither, or too few) is `unclear`, with the places
//! found. A todo that knows its new text is `applied_todo` when that text stands anywhere in the
//! final (its pages may have moved), `missing_todo` when not. An insertion is applied where its anchor and its text stand side by side. An occurrence
//! of `old` inside an occurrence of `new` (「EDSA認証」→「EDSA認証（ISASecure EDSA）」) is not
//! counted, nor the reverse. Page and line scopes name the draft's pages but can only be matched
//! against the final's, which may have shifted; the report says so.
//!
//! The steps: every edit's two patterns are folded and all are searched for at once
//! ([`sought`]); each edit's scope is found in the final ([`scope_in_final`]), the matches in it
//! counted ([`Counted`]), its status decided ([`status`]) and its places listed ([`findings`]).

use super::layout::{running_heads, View};
use super::note::VerifyNote;
use super::report::{per_decision, EditReport, Finding, Layout, Mode, Status, VerifyOptions, VerifyReport};
use super::todo::{todo_new, TodoText};
use crate::anchor::{AnchorProblem, FoldedScope, Patterns};
use crate::diagnostic::Diagnostic;
use crate::document::{one_line, Document, PageNo};
use crate::fold::{fold_text, Folded};
use crate::ledger::{Action, Count, Edit, Ledger, Side};
use std::ops::Range;

/// Most places listed for one edit.
const MAX_PLACES: usize = 12;

/// The note every report without a draft carries.
pub const SCOPE_NOTE: &str =
    "without the draft, page and line scopes are matched against the final's pages and lines, which may have shifted";

/// What one edit looks for, as numbers of patterns in the shared [`Patterns`].
struct Sought {
    /// What must be there: `new`, or anchor and new side by side (none for a deletion).
    promised: Option<usize>,
    /// What must be gone: `old`, or the bare anchor of an insertion.
    replaced: usize,
    prefix: Option<String>,
    suffix: Option<String>,
    /// The edit's `new`, on one line: what the final should hold where the draft's text stands.
    new: String,
}

/// Verify `final_doc` against `ledger` without the draft.
pub fn scan(ledger: &Ledger, final_doc: &Document, options: &VerifyOptions) -> VerifyReport<'static> {
    let width = ledger.options.match_width;
    let heads = if options.keep_layout { Vec::new() } else { running_heads(&[final_doc]) };
    let view = View::plain(final_doc, width, &heads);
    let folded = view.fold().expect("a plain view folds");
    let mut patterns = Patterns::default();
    let sought: Vec<Result<Sought, &str>> = ledger.edits().map(|(_, e)| sought(e, width, &mut patterns)).collect();
    let found = patterns.search_text(view.text());
    let decisions = per_decision(ledger, |n, at, e| {
        let report = match &sought[n] {
            Ok(s) => check(e, s, &found, view.text(), folded, final_doc),
            Err(note) => todo(note, todo_text(e, &view, final_doc, width)),
        };
        EditReport {
            edit: at.edit + 1,
            summary: crate::messages::edit_summary(e),
            summary_ja: crate::messages::edit_summary_in(e, crate::Lang::Ja),
            ..report
        }
    });
    let layout = Layout { kept: options.keep_layout, running_heads: heads };
    let mut report = VerifyReport::new(Mode::WithoutDraft, decisions, Vec::new(), layout);
    report.notes.push(SCOPE_NOTE.to_owned());
    report
}

/// The patterns an edit looks for, added to `patterns`; a todo's note for a todo.
fn sought<'e>(e: &'e Edit, width: bool, patterns: &mut Patterns) -> Result<Sought, &'e str> {
    let fold = |s: &str| folded(s, width);
    let (promised, replaced, new) = match e.action() {
        Action::Replace { old, new } => {
            let folded = fold(new);
            let promised = (!folded.is_empty()).then(|| patterns.add(folded));
            (promised, patterns.add(fold(old)), one_line(new))
        }
        Action::Insert { anchor, side, new } => {
            let (a, n) = (fold(anchor), fold(new));
            let both = match side {
                Side::After => format!("{a}{n}"),
                Side::Before => format!("{n}{a}"),
            };
            (Some(patterns.add(both)), patterns.add(a), one_line(new))
        }
        Action::Todo(t) => return Err(&t.note),
    };
    let around = |s: &Option<String>| s.as_deref().map(fold).filter(|s| !s.is_empty());
    Ok(Sought { promised, replaced, prefix: around(&e.scope().prefix), suffix: around(&e.scope().suffix), new })
}

/// Text folded as a plain view folds it.
fn folded(s: &str, width: bool) -> String {
    fold_text(s, width)
}

/// The finding of a todo edit that knows its new text: where it stands in the final, if it does.
pub(super) fn todo_text(e: &Edit, view: &View, doc: &Document, width: bool) -> Option<Finding> {
    let new = todo_new(e)?;
    let found = TodoText::new(&folded(new, width), false).find(view.text(), 0..view.text().len());
    let place = found.first().map(|m| view.doc_range(m.clone()));
    Some(Finding {
        status: if place.is_some() { Status::AppliedTodo } else { Status::MissingTodo },
        draft: None,
        in_final: place.clone().map(|r| doc.place(r)),
        expected: one_line(new),
        found: None,
        draft_range: None,
        final_range: place.map(|r| [doc.char_offset(r.start), doc.char_offset(r.end)]),
        note: None,
    })
}

/// The report of a todo edit: nothing to check yet, or whether its known new text stands.
pub(super) fn todo(note: &str, text: Option<Finding>) -> EditReport {
    let message = Some(Diagnostic::new(AnchorProblem::Todo { note: note.to_owned() }));
    let status = text.as_ref().map_or(Status::Todo, |f| f.status);
    EditReport {
        edit: 0,
        summary: String::new(),
        summary_ja: String::new(),
        status,
        message,
        findings: text.into_iter().collect(),
    }
}

/// An unclear report saying why.
pub(super) fn unclear(note: VerifyNote) -> EditReport {
    let message = Some(Diagnostic::new(note));
    EditReport {
        edit: 0,
        summary: String::new(),
        summary_ja: String::new(),
        status: Status::Unclear,
        message,
        findings: Vec::new(),
    }
}

/// The edit's scope in the final, or the note saying the final lacks its page or line.
fn scope_in_final(e: &Edit, doc: &Document, folded: &Folded) -> Result<FoldedScope, VerifyNote> {
    FoldedScope::of(e.scope(), doc, folded).map_err(|p| match p {
        AnchorProblem::NoSuchLine { page, line, .. } => VerifyNote::FinalLacksLine { page, line },
        AnchorProblem::NoSuchPage { page, pages } => {
            VerifyNote::FinalLacksPage { page, last: pages.last().copied().unwrap_or(PageNo::Number(0)) }
        }
        _ => VerifyNote::DidNotResolve,
    })
}

/// The matches of an edit's two patterns in its scope, each not inside a match of the other.
struct Counted {
    promised: Vec<Range<usize>>,
    replaced: Vec<Range<usize>>,
    /// Whether the edit promises text at all (a deletion does not).
    promises: bool,
}

impl Counted {
    fn new(s: &Sought, found: &[Vec<Range<usize>>], text: &str, scope: &FoldedScope) -> Counted {
        let fits = |m: &&Range<usize>| {
            scope.contains(m)
                && s.prefix.as_deref().is_none_or(|p| text[..m.start].ends_with(p))
                && s.suffix.as_deref().is_none_or(|x| text[m.end..].starts_with(x))
        };
        let promised: Vec<Range<usize>> =
            s.promised.map_or_else(Vec::new, |w| found[w].iter().filter(fits).cloned().collect());
        let replaced: Vec<Range<usize>> = found[s.replaced].iter().filter(fits).cloned().collect();
        let inside = |m: &Range<usize>, of: &[Range<usize>]| of.iter().any(|o| o.start <= m.start && m.end <= o.end);
        let promises = s.promised.is_some();
        Counted {
            promised: promised.iter().filter(|m| !inside(m, &replaced) || !promises).cloned().collect(),
            replaced: replaced.iter().filter(|m| !inside(m, &promised)).cloned().collect(),
            promises,
        }
    }
}

/// The status the counts give, and the note that says why when it needs one: on each page of
/// the scope with `per_page`, else in the whole scope.
fn status(c: &Counted, count: Count, scope: &FoldedScope, per_page: bool) -> (Status, Option<VerifyNote>) {
    if !c.promises {
        // A deletion: applied when the old text is gone.
        return match c.replaced.is_empty() {
            true => (Status::Applied, Some(VerifyNote::DeletedTextGone)),
            false => (Status::Missing, None),
        };
    }
    let unclear =
        |page, promised, replaced| (Status::Unclear, Some(VerifyNote::Unclear { page, promised, count, replaced }));
    let (promised, replaced) = (c.promised.len(), c.replaced.len());
    // The new text may have stood in scope already: at least `count` of it, and none of the old.
    let enough = |n: usize| match count {
        Count::Exactly(k) => n >= k,
        Count::All => n >= 1,
    };
    let more = |n: usize| matches!(count, Count::Exactly(k) if n > k);
    if replaced == 0 && !per_page && enough(promised) {
        let note = more(promised).then_some(VerifyNote::MorePromised { page: None, promised, count });
        return (Status::Applied, note);
    }
    if replaced == 0 && per_page {
        let on = |page: PageNo| c.promised.iter().filter(|m| scope.page_of(m) == Some(page)).count();
        return match scope.pages().into_iter().find(|&p| !enough(on(p))) {
            None => (Status::Applied, None),
            Some(page) => unclear(Some(page), on(page), 0),
        };
    }
    if promised == 0 && replaced > 0 {
        return (Status::Missing, None);
    }
    unclear(None, promised, replaced)
}

/// The places found: the promised text, then the draft's text, in the final's order.
fn findings(s: &Sought, c: &Counted, folded: &Folded, doc: &Document) -> Vec<Finding> {
    let finding = |m: &Range<usize>, status: Status| {
        let r = folded.doc_range(m);
        let p = doc.place(r.clone());
        let (expected, found) = match status {
            Status::Applied => (p.text.clone(), None),
            _ => (s.new.clone(), Some(p.text.clone())),
        };
        let final_range = Some([doc.char_offset(r.start), doc.char_offset(r.end)]);
        Finding { status, draft: None, in_final: Some(p), expected, found, draft_range: None, final_range, note: None }
    };
    let mut findings: Vec<Finding> = Vec::new();
    for m in c.promised.iter().take(MAX_PLACES) {
        findings.push(finding(m, Status::Applied));
    }
    for m in c.replaced.iter().take(MAX_PLACES) {
        findings.push(finding(m, Status::Missing));
    }
    findings.sort_by_key(|f| f.in_final.as_ref().map(|p| (p.page, p.line, p.column)));
    findings
}

/// Check one edit against the matches found.
fn check(e: &Edit, s: &Sought, found: &[Vec<Range<usize>>], text: &str, folded: &Folded, doc: &Document) -> EditReport {
    let scope = match scope_in_final(e, doc, folded) {
        Ok(scope) => scope,
        Err(note) => return unclear(note),
    };
    let counted = Counted::new(s, found, text, &scope);
    let (status, note) = status(&counted, e.count(), &scope, e.scope().per_page());
    let message = note.map(Diagnostic::new);
    EditReport {
        edit: 0,
        summary: String::new(),
        summary_ja: String::new(),
        status,
        message,
        findings: findings(s, &counted, folded, doc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn run(ledger: &str, final_text: &str) -> Vec<Status> {
        let ledger = Ledger::from_toml(ledger).unwrap();
        let f = Document::new(final_text, &PageMarker::default());
        scan(&ledger, &f, &VerifyOptions::default()).decisions.iter().map(|d| d.status).collect()
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
    fn per_page_needs_the_promised_text_on_each_page() {
        let l = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\npages = [1, 2]\ncount = \"all\"\nper_page = true\n";
        assert_eq!(run(l, "開催\n- 1 -\n開催する\n- 2 -\n"), vec![Status::Applied]);
        assert_eq!(run(l, "開催と開催\n- 1 -\n別の文\n- 2 -\n"), vec![Status::Unclear]);
    }

    #[test]
    fn a_page_the_final_lacks_is_unclear_and_says_so() {
        let ledger = Ledger::from_toml(REPLACE.replace("page = 1", "page = 7").as_str()).unwrap();
        let f = Document::new("開催\n- 1 -\n", &PageMarker::default());
        let r = scan(&ledger, &f, &VerifyOptions::default());
        assert_eq!(r.decisions[0].status, Status::Unclear);
        let message = r.decisions[0].edits[0].message.as_ref().map(crate::messages::body).unwrap();
        assert!(message.contains("page 7"), "{message}");
        assert_eq!(r.notes, vec![SCOPE_NOTE.to_owned()]);
    }
}
