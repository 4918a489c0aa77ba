//! With the draft: align the final with what the ledger promised, and account for every change.
//!
//! Every edit is resolved against the draft (an edit that does not resolve is `unanchored`, or
//! `todo`), and the resolved edits are applied to give `expected`, the final as promised (by the
//! same `build` as `apply`, which records where each edit's new text stands in it). Both
//! `expected` and the published final are seen through a `View` that leaves layout out (line
//! breaks, spaces, page furniture: `layout`), and the two are aligned character by character
//! (`align`). For each edit, with **Q** its quote in the draft, **P** its promised text (`new` with
//! the unchanged rest of the quote, or the anchor beside the inserted text) and **R** what the
//! final holds where Q stood, with what was inserted at its ends:
//!
//! - `applied` when R is P: no change touches P;
//! - `missing` when R is Q: the whole quote stands unchanged;
//! - `different` otherwise: some character of the quote or of the promise differs there.
//!
//! A todo edit that knows its new text is `applied_todo` when that text stands in the final,
//! within the part of it that holds the todo's pages, and `missing_todo` when not. Every change
//! no edit accounts for is unexplained, as the characters that change (「97」→「96」 is 「7」→「6」).
//!
//! ```
//! use akaji::verify::{audit, Status, VerifyOptions};
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"9\"\n[[decision.edit]]\nafter = \"早期警戒情報\"\nnew = \"（アラート）\"\n").unwrap();
//! let m = PageMarker::default();
//! let draft = Document::new("早期警戒情報として共有する。\n", &m);
//! let r = |text| audit(&ledger, &draft, &Document::new(text, &m), &VerifyOptions::default()).decisions[0].status;
//! assert_eq!(r("早期警戒情報（アラート）として\n共有する。\n"), Status::Applied);
//! assert_eq!(r("早期警戒情報として共有する。\n"), Status::Missing);
//! // The place changed, to something else: not missing.
//! assert_eq!(r("早期の警戒情報として共有する。\n"), Status::Different);
//! ```

use super::align::Alignment;
use super::layout::View;
use super::note::VerifyNote;
use super::report::{
    per_decision, worst, DecisionReport, EditReport, Finding, Layout, Mark, Marked, Mode, Status, Unexplained,
    VerifyOptions, VerifyReport,
};
use super::todo::{todo_new, TodoText};
use crate::anchor::{resolve, AnchorProblem, Resolution};
use crate::apply::{build, AppliedEdit, Built};
use crate::compare::{compare, CompareOptions, Comparison};
use crate::diagnostic::{Diagnostic, Kind, Subject};
use crate::document::{one_line, Document};
use crate::fold::fold_text;
use crate::ledger::{Action, EditRef, Ledger, PageScope};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// Verify `final_doc` against the promises of `ledger` on `draft`.
pub fn audit<'a>(
    ledger: &Ledger,
    draft: &'a Document,
    final_doc: &Document,
    options: &VerifyOptions,
) -> VerifyReport<'a> {
    let audit = Audit::new(ledger, draft, final_doc, options);
    let mut claimed = vec![false; audit.align.changes.len()];
    let first_edit = first_edit_index(ledger);
    let mut findings: Vec<Vec<Finding>> = vec![Vec::new(); ledger.decisions.iter().map(|d| d.edits.len()).sum()];
    let mut marks = Vec::with_capacity(audit.expected.edits.len());
    for e in &audit.expected.edits {
        let checked = audit.check_edit(e);
        for &i in &checked.touched {
            claimed[i] = true;
        }
        findings[first_edit[e.edit.decision.0] + e.edit.edit].push(checked.finding);
        marks.push(checked.mark);
    }
    for (n, (at, _)) in ledger.edits().enumerate() {
        if let Some(finding) = audit.check_todo(at, &mut claimed) {
            findings[n].push(finding);
        }
    }
    let unexplained = audit.unexplained(&claimed, &mut marks);
    let decisions = edit_reports(ledger, &first_edit, findings, &audit.resolution.problems);
    let layout = Layout { kept: options.keep_layout, running_heads: audit.heads.clone() };
    let mut report = VerifyReport::new(Mode::WithDraft, decisions, unexplained, layout);
    report.marked = Some(Marked { draft: draft.text(), marks: without_overlaps(marks) });
    if audit.align.deadline_hit {
        report.notes.push(crate::messages::verify_deadline_note());
    }
    report
}

/// Everything one audit works from.
struct Audit<'l> {
    ledger: &'l Ledger,
    draft: &'l Document,
    /// The published final, with the running heads the expected final has set apart here too
    /// ([`Document::with_heads_of`]): a head above a heading the ledger revised is still a head.
    /// Borrowed when that changes nothing, copied only when a line's role changes, and `None`
    /// when the two texts are the same: then it is the expected final itself ([`Audit::final_doc`]).
    published: Option<Cow<'l, Document>>,
    resolution: Resolution,
    /// The final as promised, and where each resolved edit stands in it.
    expected: Built,
    /// The running heads left out of both views (see [`running_heads`]).
    heads: Vec<String>,
    expected_view: View,
    final_view: View,
    /// The draft as the views see it, made when a mark needs it.
    draft_view: OnceCell<View>,
    /// The two views aligned.
    align: Alignment,
}

/// What checking one resolved edit gives.
struct Checked {
    finding: Finding,
    mark: Mark,
    /// The changes of the alignment that are this edit's.
    touched: Vec<usize>,
}

impl<'l> Audit<'l> {
    /// Resolve, build the expected final, see both texts without their layout, align them.
    fn new(ledger: &'l Ledger, draft: &'l Document, final_doc: &'l Document, options: &VerifyOptions) -> Audit<'l> {
        let resolution = resolve(draft, ledger);
        // The expected final keeps the draft's furniture (its lines take their draft lines' roles).
        let expected = build(draft, &resolution.edits, &ledger.options.page_marker);
        let compare_options = CompareOptions {
            width: ledger.options.match_width,
            keep_layout: options.keep_layout,
            timeout: options.timeout,
        };
        // The same text is the same document: what the expected final sets apart as layout is
        // layout in it, whatever a fresh reading of it guesses (and nothing is copied).
        let published = if final_doc.text() == expected.final_doc.text() {
            None
        } else {
            let roles = final_doc.roles_of_equal_lines(&expected.final_doc);
            let doc = if roles.is_empty() {
                Cow::Borrowed(final_doc)
            } else {
                Cow::Owned(final_doc.clone().with_roles(&roles))
            };
            let heads = doc.heads_of(&expected.final_doc);
            Some(if heads.is_empty() { doc } else { Cow::Owned(doc.into_owned().with_heads_at(&heads)) })
        };
        let final_doc = published.as_deref().unwrap_or(&expected.final_doc);
        let comparison = compare(&expected.final_doc, final_doc, &compare_options);
        let align = Alignment::new(&comparison);
        let Comparison { heads, old: expected_view, new: final_view, .. } = comparison;
        Audit {
            ledger,
            draft,
            published,
            resolution,
            expected,
            heads,
            expected_view,
            final_view,
            draft_view: OnceCell::new(),
            align,
        }
    }

    /// The published final, as compared.
    fn final_doc(&self) -> &Document {
        self.published.as_deref().unwrap_or(&self.expected.final_doc)
    }

    /// The draft as the views see it.
    fn draft_view(&self) -> &View {
        self.draft_view.get_or_init(|| {
            if self.expected_view.is_folded() {
                View::folded(self.draft, self.ledger.options.match_width, &self.heads)
            } else {
                View::raw(self.draft)
            }
        })
    }

    /// Text as the views hold it: folded (widths when asked, radicals), unless layout is kept.
    fn fold(&self, s: &str) -> String {
        if self.expected_view.is_folded() {
            fold_text(s, self.ledger.options.match_width)
        } else {
            s.to_owned()
        }
    }

    /// Whether change `i` of the alignment touches `p` (a range of the expected view): it
    /// overlaps it, or inserts at its ends, wherever the change could be written.
    fn touches(&self, i: usize, p: &Range<usize>) -> bool {
        let c = &self.align.changes[i];
        let reach = self.align.reach(i, self.expected_view.text(), self.final_view.text());
        if c.old.is_empty() {
            reach.start <= p.end && p.start <= reach.end
        } else if p.is_empty() {
            reach.start < p.start && p.start < reach.end
        } else {
            reach.start < p.end && p.start < reach.end
        }
    }

    /// The draft byte of expected byte `x` (the start of an edit's draft range when `x` falls
    /// inside its new text).
    fn to_draft(&self, x: usize) -> usize {
        let edits = &self.expected.edits;
        let k = edits.partition_point(|e| e.new.end <= x);
        if k < edits.len() && edits[k].new.start < x {
            return edits[k].old.start;
        }
        match k.checked_sub(1) {
            Some(last) => x - edits[last].new.end + edits[last].old.end,
            None => x,
        }
    }

    /// The expected byte of draft byte `x` (outside every edit's changed part).
    fn in_expected(&self, x: usize) -> usize {
        let edits = &self.expected.edits;
        let k = edits.partition_point(|e| e.old.end <= x && !(e.old.is_empty() && e.old.start == x));
        match k.checked_sub(1) {
            Some(last) => x - edits[last].old.end + edits[last].new.end,
            None => x,
        }
    }

    /// The char range of a byte range of a document.
    fn chars(doc: &Document, r: &Range<usize>) -> [usize; 2] {
        [doc.char_offset(r.start), doc.char_offset(r.end)]
    }

    /// The finding, the mark and the changes of resolved edit `e`.
    fn check_edit(&self, e: &AppliedEdit) -> Checked {
        let (ev, fv, al) = (&self.expected_view, &self.final_view, &self.align);
        // Q in the draft, P in the expected final, both as bytes.
        let q = e.anchor.start.min(e.old.start)..e.anchor.end.max(e.old.end);
        let p = e.new.start - (e.old.start - q.start)..e.new.end + (q.end - e.old.end);
        let pv = ev.view_range(p.clone());
        let touched: Vec<usize> = al.near(pv.start, pv.end).filter(|&i| self.touches(i, &pv)).collect();
        // The stretch the edit and its changes cover, in both views.
        let (mut es, mut ee) = (pv.start, pv.end);
        for &i in &touched {
            es = es.min(al.changes[i].old.start);
            ee = ee.max(al.changes[i].old.end);
        }
        let (fs, fe) = (al.left(es), al.right(ee).max(al.left(es)));
        let promised_text = ev.content(es..ee);
        let found_text = fv.content(fs..fe);
        let quote = self.fold(&self.draft.text()[q.clone()]);
        let reverted = format!("{}{quote}{}", ev.content(es..pv.start), ev.content(pv.end..ee));
        let status = if touched.is_empty() || found_text == promised_text {
            Status::Applied
        } else if found_text == reverted {
            Status::Missing
        } else {
            Status::Different
        };
        let region = fv.doc_range(fs..fe);
        let expected = ev.doc_range(es..ee);
        let subject = Some(Subject::of_edit(self.ledger, e.edit));
        let new_part = &self.expected.final_doc.text()[e.new.clone()];
        let mark = match status {
            Status::Different => {
                // The characters of the draft that differ from the final there.
                let dv = self.draft_view();
                // The quote, and what the changes touch beyond it.
                let start = if es < pv.start { self.to_draft(expected.start).min(q.start) } else { q.start };
                let end = if ee > pv.end { self.to_draft(expected.end).max(q.end) } else { q.end };
                let d = start..end.max(start);
                let window = dv.view_range(d);
                let (o, n) = trimmed(dv, fv, window, fs..fe);
                let (o, n) = (dv.doc_range(o), fv.doc_range(n));
                Mark { range: o, new: self.final_doc().text()[n].to_owned(), status: Some(status), edit: subject }
            }
            _ => Mark { range: e.old.clone(), new: new_part.to_owned(), status: Some(status), edit: subject },
        };
        let finding = Finding {
            status,
            draft: Some(self.draft.place(q.clone())),
            in_final: Some(self.final_doc().place(region.clone())),
            expected: one_line(&self.expected.final_doc.text()[expected]),
            found: (status != Status::Applied).then(|| one_line(&self.final_doc().text()[region.clone()])),
            draft_range: Some(Self::chars(self.draft, &q)),
            final_range: Some(Self::chars(self.final_doc(), &region)),
            note: None,
        };
        Checked { finding, mark, touched }
    }

    /// The finding of a todo edit that knows its new text (`None` for any other edit): is the
    /// text in the part of the final that holds the todo's pages? The changes inside the text
    /// found are the todo's.
    fn check_todo(&self, at: EditRef, claimed: &mut [bool]) -> Option<Finding> {
        let edit = self.ledger.edit(at);
        let new = todo_new(edit)?;
        let sought = TodoText::new(&self.fold(new), self.expected_view.is_folded());
        let (ev, fv, al) = (&self.expected_view, &self.final_view, &self.align);
        let mut in_final = Vec::new();
        let mut before = 0;
        for r in self.scope_ranges(&edit.scope().pages) {
            let (s, e) = (self.in_expected(r.start), self.in_expected(r.end));
            let v = ev.view_range(s..e);
            before += sought.find(ev.text(), v.clone()).len();
            in_final.extend(sought.find(fv.text(), al.left(v.start)..al.right(v.end)));
        }
        // Text that stood there in the draft already proves nothing.
        let status = if in_final.len() > before { Status::AppliedTodo } else { Status::MissingTodo };
        let place = in_final.first().filter(|_| status == Status::AppliedTodo).map(|f| {
            for (i, c) in al.changes.iter().enumerate() {
                if (c.new.start < f.end && f.start < c.new.end)
                    || (c.new.is_empty() && f.start < c.new.start && c.new.start < f.end)
                {
                    claimed[i] = true;
                }
            }
            fv.doc_range(f.clone())
        });
        Some(Finding {
            status,
            draft: None,
            in_final: place.clone().map(|r| self.final_doc().place(r)),
            expected: one_line(new),
            found: None,
            draft_range: None,
            final_range: place.map(|r| Self::chars(self.final_doc(), &r)),
            note: None,
        })
    }

    /// The byte ranges of the draft a page scope names (the whole draft for none, or for a
    /// page the draft lacks).
    fn scope_ranges(&self, scope: &PageScope) -> Vec<Range<usize>> {
        let d = self.draft;
        let whole = 0..d.text().len();
        let all = vec![whole];
        match scope {
            PageScope::Anywhere => all,
            PageScope::Pages { pages, .. } => {
                let r: Vec<Range<usize>> = pages.iter().filter_map(|&n| d.page(n)).map(|p| d.page_range(p)).collect();
                if r.is_empty() {
                    all
                } else {
                    r
                }
            }
            PageScope::Line { page, line } => {
                match d.page(*page).and_then(|p| d.page_line(p, line.get())).map(|l| d.line_range(l)) {
                    Some(r) => vec![r],
                    None => all,
                }
            }
        }
    }

    /// Every change no edit claimed, as unexplained changes (and marks): changes a few equal
    /// characters apart on one line make one.
    fn unexplained(&self, claimed: &[bool], marks: &mut Vec<Mark>) -> Vec<Unexplained> {
        let (ev, fv) = (&self.expected_view, &self.final_view);
        let mut groups: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for (c, _) in self.align.changes.iter().zip(claimed).filter(|(_, done)| !**done) {
            if let Some((o, n)) = groups.last_mut() {
                let gap = ev.text().get(o.end..c.old.start).unwrap_or("\n");
                if !gap.contains('\n') && gap.chars().count() < crate::compare::JOIN_GAP {
                    o.end = c.old.end;
                    n.end = c.new.end;
                    continue;
                }
            }
            groups.push((c.old.clone(), c.new.clone()));
        }
        let mut out = Vec::with_capacity(groups.len());
        for (o, n) in groups {
            let expected = ev.doc_range(o);
            let start = self.to_draft(expected.start);
            let in_draft = start..self.to_draft(expected.end).max(start);
            let in_final = fv.doc_range(n);
            let new = self.final_doc().text()[in_final.clone()].to_owned();
            marks.push(Mark { range: in_draft.clone(), new, status: None, edit: None });
            let (draft_range, final_range) =
                (Self::chars(self.draft, &in_draft), Self::chars(self.final_doc(), &in_final));
            let (draft, in_final) = (self.draft.place(in_draft), self.final_doc().place(in_final));
            let maybe = self.would_explain(&draft.text, &in_final.text);
            out.push(Unexplained { draft, in_final, maybe, draft_range, final_range });
        }
        out
    }

    /// The first unanchored edit whose `old` holds `old` and whose `new` holds `new` (folded): it
    /// would explain a change from `old` to `new`.
    fn would_explain(&self, old: &str, new: &str) -> Option<Subject> {
        let (old, new) = (self.fold(&old.replace('⏎', "")), self.fold(&new.replace('⏎', "")));
        if old.is_empty() && new.is_empty() {
            return None;
        }
        let unanchored = self.resolution.problems.iter().filter(|p| !is_todo(p));
        unanchored.filter_map(|p| p.subject.as_deref().cloned()).find(|s| {
            let Some(edit) = s.edit else { return false };
            let (o, n) = match self.ledger.edit(EditRef { decision: s.decision, edit }).action() {
                Action::Replace { old, new } => (old.as_str(), new.as_str()),
                Action::Insert { new, .. } => ("", new.as_str()),
                Action::Todo(_) => return false,
            };
            self.fold(o).contains(&old) && self.fold(n).contains(&new)
        })
    }
}

/// The two view ranges without what their texts share at their ends.
fn trimmed(a: &View, b: &View, ra: Range<usize>, rb: Range<usize>) -> (Range<usize>, Range<usize>) {
    let (ta, tb) = (&a.text()[ra.clone()], &b.text()[rb.clone()]);
    let pre: usize = ta.chars().zip(tb.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let suf: usize = ta[pre..]
        .chars()
        .rev()
        .zip(tb[pre..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (ra.start + pre..ra.end - suf, rb.start + pre..rb.end - suf)
}

/// Whether a resolve problem is a todo (which makes an edit `todo`, not `unanchored`).
fn is_todo(p: &Diagnostic) -> bool {
    matches!(p.kind, Kind::Anchor(AnchorProblem::Todo { .. }))
}

/// For each decision, the index of its first edit among all the ledger's edits.
fn first_edit_index(ledger: &Ledger) -> Vec<usize> {
    let mut at = 0;
    ledger
        .decisions
        .iter()
        .map(|d| {
            at += d.edits.len();
            at - d.edits.len()
        })
        .collect()
}

/// Marks sorted by place, a mark inside an earlier one dropped.
fn without_overlaps(mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.sort_by_key(|m| (m.range.start, m.range.end));
    let mut reach = 0;
    marks.retain(|m| {
        let keep = m.range.start >= reach;
        if keep {
            reach = m.range.end.max(m.range.start);
        }
        keep
    });
    marks
}

/// One report per decision, in the ledger's order, from the findings of resolved edits (by the
/// edit's index among all edits) and the problems of the others.
fn edit_reports(
    ledger: &Ledger,
    first_edit: &[usize],
    mut findings: Vec<Vec<Finding>>,
    problems: &[Diagnostic],
) -> Vec<DecisionReport> {
    let mut problem_of: Vec<Option<&Diagnostic>> = vec![None; findings.len()];
    for p in problems {
        if let Some((decision, Some(edit))) = p.subject.as_ref().map(|s| (s.decision, s.edit)) {
            problem_of[first_edit[decision.0] + edit].get_or_insert(p);
        }
    }
    per_decision(ledger, |n, at, edit| {
        let found = std::mem::take(&mut findings[n]);
        let (status, message) = match problem_of[n] {
            Some(p) if is_todo(p) => (found.first().map_or(Status::Todo, |f| f.status), Some(p.clone())),
            Some(p) => (Status::Unanchored, Some(p.clone())),
            None if found.is_empty() => (Status::Unanchored, Some(Diagnostic::new(VerifyNote::DidNotResolve))),
            None => (worst(found.iter().map(|f| f.status)), None),
        };
        EditReport {
            edit: at.edit + 1,
            summary: crate::messages::edit_summary(edit),
            summary_ja: crate::messages::edit_summary_in(edit, crate::Lang::Ja),
            status,
            message,
            findings: found,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    const DRAFT: &str = "分科会を設置し、検討を行った。\n装置を設置する。\n- 1 -\n計画の策定にあたっては、\n国際的な認証を参考とした。\n- 2 -\n";
    const LEDGER: &str =
        "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"分科会を設置\"\nnew = \"分科会を開催\"\n\
        [[decision]]\nid = \"2\"\n[[decision.edit]]\nold = \"あたって\"\nnew = \"当たって\"\npage = 2\n";

    fn run(final_text: &str) -> Vec<(Status, Vec<Finding>, Vec<Unexplained>)> {
        let ledger = Ledger::from_toml(LEDGER).unwrap();
        let m = PageMarker::default();
        let draft = Document::new(DRAFT, &m);
        let r = audit(&ledger, &draft, &Document::new(final_text, &m), &VerifyOptions::default());
        r.decisions.iter().map(|d| (d.status, d.edits[0].findings.clone(), r.unexplained.clone())).collect()
    }

    fn statuses(r: &[(Status, Vec<Finding>, Vec<Unexplained>)]) -> Vec<Status> {
        r.iter().map(|d| d.0).collect()
    }

    #[test]
    fn a_faithful_final_re_wrapped_passes() {
        let r = run("分科会を開催し、検討を\n行った。装置を設置する。\n- 1 -\n計画の策定に当たっては、国際的な\n認証を参考とした。\n- 2 -\n");
        assert_eq!(statuses(&r), vec![Status::Applied, Status::Applied]);
        assert!(r[0].2.is_empty(), "{:?}", r[0].2);
        let f = r[1].1[0].in_final.clone().unwrap();
        assert_eq!((f.page.to_string(), f.line, f.text.as_str()), ("2".into(), 1, "当たって"));
    }

    #[test]
    fn missing_different_and_unexplained() {
        let r = run("分科会を設置し、検討を行った。\n装置を置く。\n- 1 -\n計画の策定に際しては、\n国際的な認証を参考とした。\n- 2 -\n");
        assert_eq!(statuses(&r), vec![Status::Missing, Status::Different]);
        let f = &r[1].1[0];
        assert!(f.found.as_deref().unwrap().contains("際し"), "{f:?}");
        let unexplained = &r[0].2;
        assert_eq!(unexplained.len(), 1);
        let c = &unexplained[0];
        assert_eq!(
            (c.draft.page.number(), c.draft.line, c.in_final.page.number(), c.in_final.line),
            (Some(1), 2, Some(1), 2)
        );
        // The characters that changed: 「設置」→「置く」 is 「設」 out, 「く」 in, one change.
        assert_eq!((c.draft.text.as_str(), c.in_final.text.as_str()), ("設置する", "置く"));
    }

    #[test]
    fn a_change_of_a_quoted_character_the_edit_keeps_is_different() {
        // 「分科会を設置」→「分科会を開催」 made, but 「分科会の」: the promised text is not there.
        let r = run("分科会の開催し、検討を行った。\n装置を設置する。\n- 1 -\n計画の策定に当たっては、\n国際的な認証を参考とした。\n- 2 -\n");
        assert_eq!(statuses(&r), vec![Status::Different, Status::Applied]);
        assert!(r[0].2.is_empty(), "the change is the edit's: {:?}", r[0].2);
    }

    #[test]
    fn unanchored_edits_carry_the_resolve_message() {
        let ledger =
            Ledger::from_toml("[[decision]]\nid = \"9\"\n[[decision.edit]]\nold = \"存在しない\"\nnew = \"x\"\n")
                .unwrap();
        let m = PageMarker::default();
        let d = Document::new(DRAFT, &m);
        let r = audit(&ledger, &d, &d, &VerifyOptions::default());
        assert_eq!(r.decisions[0].status, Status::Unanchored);
        let message = r.decisions[0].edits[0].message.as_ref().map(crate::messages::body).unwrap();
        assert!(message.contains("存在しない"), "{message}");
        assert!(!message.starts_with("decision"), "the report shows the decision already: {message}");
    }
}
