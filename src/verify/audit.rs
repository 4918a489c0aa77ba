//! With the draft: align the final with what the ledger promised, and account for every change.
//!
//! Every edit is resolved against the draft (an edit that does not resolve is `unanchored`, or
//! `todo`), and the resolved edits are applied to give `expected`, the final as promised (by the
//! same `build` as `apply`, which records where each edit's new text stands in it). Both
//! `expected` and the published final are seen through a `View` that leaves layout out, and the
//! diff engine aligns the two. Every difference is a discrepancy: one that touches an edit's new
//! text makes that edit `missing` (the final still has the draft's text there) or `different`
//! (something else is there); edits no difference touches are `applied`; differences that touch
//! no edit are changes no decision explains.
//!
//! The steps, each a function: [`Audit::new`] (resolve, build `expected`, the two views, align
//! them), [`Audit::touched`] (which differences touch which edits), [`Audit::check_edit`] (one
//! edit's finding and mark), [`Audit::unexplained`] (the rest), [`edit_reports`] (per decision).

use super::layout::View;
use super::note::VerifyNote;
use super::report::{
    per_decision, worst, DecisionReport, EditReport, Finding, Layout, Mark, Marked, Mode, Status, Unexplained,
    VerifyOptions, VerifyReport,
};
use crate::anchor::{resolve, AnchorProblem, Resolution};
use crate::apply::{build, AppliedEdit, Built};
use crate::compare::{compare, CompareOptions, Comparison};
use crate::diagnostic::{Diagnostic, Kind, Subject};
use crate::document::{one_line, Document};
use crate::fold::fold_text;
use crate::ledger::{Action, EditRef, Ledger};
use crate::redline::Hunk;
use std::ops::Range;

/// Verify `final_doc` against the promises of `ledger` on `draft`.
pub fn audit<'a>(
    ledger: &Ledger,
    draft: &'a Document,
    final_doc: &Document,
    options: &VerifyOptions,
) -> VerifyReport<'a> {
    let audit = Audit::new(ledger, draft, final_doc, options);
    let (touched, explained) = audit.touched();
    let mut findings: Vec<Vec<Finding>> = vec![Vec::new(); ledger.decisions.iter().map(|d| d.edits.len()).sum()];
    let first_edit = first_edit_index(ledger);
    let mut marks = Vec::with_capacity(audit.expected.edits.len());
    for (i, e) in audit.expected.edits.iter().enumerate() {
        let (finding, mark) = audit.check_edit(e, i, &touched[i]);
        findings[first_edit[e.edit.decision.0] + e.edit.edit].push(finding);
        marks.push(mark);
    }
    let unexplained = audit.unexplained(&explained, &mut marks);
    let decisions = edit_reports(ledger, &first_edit, findings, &audit.resolution.problems);
    let layout = Layout { kept: options.keep_layout, running_heads: audit.heads };
    let mut report = VerifyReport::new(Mode::WithDraft, decisions, unexplained, layout);
    report.marked = Some(Marked { draft: draft.text(), marks: without_overlaps(marks) });
    report
}

/// Everything one audit works from.
struct Audit<'l> {
    ledger: &'l Ledger,
    draft: &'l Document,
    final_doc: &'l Document,
    resolution: Resolution,
    /// The final as promised, and where each resolved edit stands in it.
    expected: Built,
    /// The running heads left out of both views.
    heads: Vec<String>,
    expected_view: View,
    final_view: View,
    /// The differences between the two views, a reworded phrase one hunk.
    hunks: Vec<Hunk>,
    /// For each resolved edit, its new text as a range of the expected view.
    spans: Vec<Range<usize>>,
    /// Growth of the final's view over the expected view before hunk i.
    shift: Vec<isize>,
}

impl<'l> Audit<'l> {
    /// Resolve, build the expected final, see both texts without their layout, align them.
    fn new(ledger: &'l Ledger, draft: &'l Document, final_doc: &'l Document, options: &VerifyOptions) -> Audit<'l> {
        let resolution = resolve(draft, ledger);
        let expected = build(draft, &resolution.edits, &ledger.options.page_marker);
        let compare_options = CompareOptions {
            width: ledger.options.match_width,
            keep_layout: options.keep_layout,
            timeout: options.timeout,
        };
        let Comparison { heads, old: expected_view, new: final_view, hunks } =
            compare(&expected.final_doc, final_doc, &compare_options);
        let spans = expected
            .edits
            .iter()
            .map(|e| expected_view.view_of(e.new.start)..expected_view.view_of(e.new.end))
            .collect();
        let mut shift = Vec::with_capacity(hunks.len() + 1);
        shift.push(0);
        for h in &hunks {
            shift.push(shift.last().copied().unwrap_or(0) + h.new.len() as isize - h.old.len() as isize);
        }
        Audit { ledger, draft, final_doc, resolution, expected, heads, expected_view, final_view, hunks, spans, shift }
    }

    /// Which hunks touch each resolved edit's new text, and whether each hunk touches any.
    fn touched(&self) -> (Vec<Vec<usize>>, Vec<bool>) {
        let mut touched: Vec<Vec<usize>> = vec![Vec::new(); self.spans.len()];
        let mut explained = vec![false; self.hunks.len()];
        for (hi, h) in self.hunks.iter().enumerate() {
            let mut i = self.spans.partition_point(|v| v.end < h.old.start);
            while i < self.spans.len() && self.spans[i].start <= h.old.end {
                let v = &self.spans[i];
                if v.is_empty() || h.old.is_empty() || (h.old.start < v.end && v.start < h.old.end) {
                    touched[i].push(hi);
                    explained[hi] = true;
                }
                i += 1;
            }
        }
        (touched, explained)
    }

    /// The final view offset of an expected view offset that no hunk touches.
    fn in_final_view(&self, p: usize) -> usize {
        let k = self.hunks.partition_point(|h| h.old.end <= p);
        (p as isize + self.shift[k]).max(0) as usize
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

    /// The finding and the mark of resolved edit `e` (number `i`), touched by `touched` hunks.
    fn check_edit(&self, e: &AppliedEdit, i: usize, touched: &[usize]) -> (Finding, Mark) {
        let span = self.spans[i].clone();
        let subject = Some(Subject::of_edit(self.ledger, e.edit));
        let promised = &self.expected.final_doc.text()[e.new.clone()];
        let (Some(&first), Some(&last)) = (touched.first(), touched.last()) else {
            let in_final = self.final_view.doc_range(self.in_final_view(span.start)..self.in_final_view(span.end));
            let mark =
                Mark { range: e.old.clone(), new: promised.to_owned(), status: Some(Status::Applied), edit: subject };
            let finding = Finding {
                status: Status::Applied,
                draft: Some(self.draft.place(e.old.clone())),
                in_final: Some(self.final_doc.place(in_final)),
                expected: one_line(promised),
                found: None,
            };
            return (finding, mark);
        };
        // The stretch the touching hunks cover, in the expected view and in the final's.
        let (h0, hl) = (&self.hunks[first], &self.hunks[last]);
        let (expected_start, expected_end) = (span.start.min(h0.old.start), span.end.max(hl.old.end));
        let final_start = h0.new.start.saturating_sub(h0.old.start - expected_start);
        let final_end = hl.new.end + (expected_end - hl.old.end);
        let old = &self.draft.text()[e.old.clone()];
        let old = if self.expected_view.is_folded() {
            fold_text(old, self.ledger.options.match_width)
        } else {
            old.to_owned()
        };
        let reverted = format!(
            "{}{old}{}",
            self.expected_view.content(expected_start..span.start),
            self.expected_view.content(span.end..expected_end)
        );
        let in_final_view = self.final_view.content(final_start..final_end);
        let status = if in_final_view == reverted { Status::Missing } else { Status::Different };
        let expected = self.expected_view.doc_range(expected_start..expected_end);
        let in_final = self.final_view.doc_range(final_start..final_end);
        let found = self.final_doc.text()[in_final.clone()].to_owned();
        let region = self.to_draft(expected.start)..self.to_draft(expected.end);
        let region = region.start.min(e.old.start)..region.end.max(e.old.end);
        let new = if status == Status::Missing { promised.to_owned() } else { found.clone() };
        let mark = Mark { range: region, new, status: Some(status), edit: subject };
        let finding = Finding {
            status,
            draft: Some(self.draft.place(e.old.clone())),
            in_final: Some(self.final_doc.place(in_final)),
            expected: one_line(&self.expected.final_doc.text()[expected]),
            found: Some(one_line(&found)),
        };
        (finding, mark)
    }

    /// Every hunk no edit explains, as a change (and a mark).
    fn unexplained(&self, explained: &[bool], marks: &mut Vec<Mark>) -> Vec<Unexplained> {
        let mut out = Vec::new();
        for (h, _) in self.hunks.iter().zip(explained).filter(|(_, done)| !**done) {
            let expected = self.expected_view.doc_range(h.old.clone());
            let start = self.to_draft(expected.start);
            let in_draft = start..self.to_draft(expected.end).max(start);
            let in_final = self.final_view.doc_range(h.new.clone());
            let new = self.final_doc.text()[in_final.clone()].to_owned();
            marks.push(Mark { range: in_draft.clone(), new, status: None, edit: None });
            let (draft, in_final) = (self.draft.place(in_draft), self.final_doc.place(in_final));
            let maybe = self.would_explain(&draft.text, &in_final.text);
            out.push(Unexplained { draft, in_final, maybe });
        }
        out
    }

    /// The first unanchored edit whose `old` holds `old` and whose `new` holds `new` (folded): it
    /// would explain a change from `old` to `new`.
    fn would_explain(&self, old: &str, new: &str) -> Option<Subject> {
        let width = self.ledger.options.match_width;
        let (old, new) = (fold_text(old, width), fold_text(new, width));
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
            fold_text(o, width).contains(&old) && fold_text(n, width).contains(&new)
        })
    }
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
            Some(p) if is_todo(p) => (Status::Todo, Some(p.clone())),
            Some(p) => (Status::Unanchored, Some(p.clone())),
            None if found.is_empty() => (Status::Unanchored, Some(Diagnostic::new(VerifyNote::DidNotResolve))),
            None => (worst(found.iter().map(|f| f.status)), None),
        };
        EditReport { edit: at.edit + 1, summary: crate::messages::edit_summary(edit), status, message, findings: found }
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
        assert!(c.draft.text.contains("設置") && c.in_final.text.contains("置く"), "{c:?}");
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
