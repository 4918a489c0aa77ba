//! With the draft: align the final with what the ledger promised, and account for every change.
//!
//! Every edit is resolved against the draft (an edit that does not resolve is `unanchored`, or
//! `todo`), and the resolved edits are applied to give `expected`, the final as promised. Both
//! `expected` and the published final are seen through a [`View`] that leaves layout out, and the
//! diff engine aligns the two. Every difference is a discrepancy: one that touches an edit's new
//! text makes that edit `missing` (the final still has the draft's text there) or `different`
//! (something else is there); edits no difference touches are `applied`; differences that touch
//! no edit are changes no decision explains.

use super::layout::{running_heads, View};
use super::report::{
    per_decision, worst, Change, DecisionReport, EditReport, Finding, Layout, Mark, Marked, Mode, Options, Report,
    Status,
};
use crate::anchor::place;
use crate::apply::{self, Resolved};
use crate::diff::{self, DiffOptions, Granularity};
use crate::document::{one_line, Document};
use crate::error::{Problem, ProblemKind};
use crate::fold::fold_quote;
use crate::ledger::{Action, Ledger};
use crate::redline::Hunk;
use std::collections::HashMap;
use std::ops::Range;

/// The expected final and where each resolved edit stands in it.
struct Expected {
    doc: Document,
    /// For each resolved edit, its new text's byte range in `doc`.
    spans: Vec<Range<usize>>,
}

impl Expected {
    fn build(draft: &Document, ledger: &Ledger, edits: &[Resolved]) -> Expected {
        let marker = ledger.options.page_marker().unwrap_or_default();
        let mut spans = Vec::with_capacity(edits.len());
        let mut shift: isize = 0;
        for e in edits {
            let start = (e.range.start as isize + shift) as usize;
            spans.push(start..start + e.new.len());
            shift += e.new.len() as isize - e.range.len() as isize;
        }
        let doc = Document::from_string(apply::build(draft.text(), edits), &marker);
        Expected { doc, spans }
    }

    /// The draft byte of expected byte `x` (the start of an edit's draft range when `x` falls
    /// inside its new text).
    fn to_draft(&self, edits: &[Resolved], x: usize) -> usize {
        let k = self.spans.partition_point(|s| s.end <= x);
        if k < self.spans.len() && self.spans[k].start < x {
            return edits[k].range.start;
        }
        match k.checked_sub(1) {
            Some(last) => x - self.spans[last].end + edits[last].range.end,
            None => x,
        }
    }
}

/// Where the diff put a position of `expected`'s view in the final's view.
struct Aligned<'a> {
    hunks: &'a [Hunk],
    /// Growth of the final over `expected` before hunk i.
    shift: Vec<isize>,
}

impl<'a> Aligned<'a> {
    fn new(hunks: &'a [Hunk]) -> Aligned<'a> {
        let mut shift = Vec::with_capacity(hunks.len() + 1);
        let mut s = 0isize;
        shift.push(0);
        for h in hunks {
            s += h.new.len() as isize - h.old.len() as isize;
            shift.push(s);
        }
        Aligned { hunks, shift }
    }

    /// The final view offset of an expected view offset that no hunk touches.
    fn map(&self, p: usize) -> usize {
        let k = self.hunks.partition_point(|h| h.old.end <= p);
        (p as isize + self.shift[k]).max(0) as usize
    }
}

/// Verify `final_doc` against the promises of `ledger` on `draft`.
pub fn audit(ledger: &Ledger, draft: &Document, final_doc: &Document, options: &Options) -> Report {
    let width = ledger.options.match_width;
    let resolution = apply::resolve(draft, ledger);
    let edits = &resolution.edits;
    let expected = Expected::build(draft, ledger, edits);
    let (heads, ve, vf) = if options.keep_layout {
        (Vec::new(), View::raw(&expected.doc), View::raw(final_doc))
    } else {
        let heads = running_heads(&[&expected.doc, final_doc]);
        let ve = View::folded(&expected.doc, width, &heads);
        let vf = View::folded(final_doc, width, &heads);
        (heads, ve, vf)
    };
    let diff_options = DiffOptions {
        granularity: Granularity::Word,
        detect_moves: false,
        min_move_chars: 20,
        timeout: options.timeout,
    };
    let hunks = coalesce(diff::diff(ve.text(), vf.text(), &diff_options).hunks, ve.text());
    let views: Vec<Range<usize>> = expected.spans.iter().map(|s| ve.view_of(s.start)..ve.view_of(s.end)).collect();

    // Which hunks touch which edits.
    let mut touched: Vec<Vec<usize>> = vec![Vec::new(); edits.len()];
    let mut explained = vec![false; hunks.len()];
    for (hi, h) in hunks.iter().enumerate() {
        let mut i = views.partition_point(|v| v.end < h.old.start);
        while i < views.len() && views[i].start <= h.old.end {
            let v = &views[i];
            if v.is_empty() || h.old.is_empty() || (h.old.start < v.end && v.start < h.old.end) {
                touched[i].push(hi);
                explained[hi] = true;
            }
            i += 1;
        }
    }

    let aligned = Aligned::new(&hunks);
    let mut findings: HashMap<(usize, usize), Vec<Finding>> = HashMap::new();
    let mut marks = Vec::with_capacity(edits.len());
    for (i, e) in edits.iter().enumerate() {
        let v = views[i].clone();
        let label = format!("{} edit {}", ledger.decisions[e.decision].id, e.edit + 1);
        let finding = if touched[i].is_empty() {
            let fin = vf.orig_range(aligned.map(v.start)..aligned.map(v.end));
            marks.push(Mark { range: e.range.clone(), new: e.new.clone(), status: Some(Status::Applied), label });
            Finding {
                status: Status::Applied,
                draft: Some(place(draft, e.range.clone())),
                in_final: Some(place(final_doc, fin)),
                expected: one_line(&e.new),
                found: None,
            }
        } else {
            let (h0, hl) = (&hunks[touched[i][0]], &hunks[*touched[i].last().unwrap_or(&0)]);
            let (rs, re) = (v.start.min(h0.old.start), v.end.max(hl.old.end));
            let fs = h0.new.start.saturating_sub(h0.old.start - rs);
            let fe = hl.new.end + (re - hl.old.end);
            let old = &draft.text()[e.range.clone()];
            let old = if ve.is_folded() { fold_quote(old, width).0 } else { old.to_owned() };
            let reverted = format!("{}{old}{}", ve.content(rs..v.start), ve.content(v.end..re));
            let status = if vf.content(fs..fe) == reverted { Status::Missing } else { Status::Different };
            let (exp, fin) = (ve.orig_range(rs..re), vf.orig_range(fs..fe));
            let found = final_doc.text()[fin.clone()].to_owned();
            let region = expected.to_draft(edits, exp.start)..expected.to_draft(edits, exp.end);
            let region = region.start.min(e.range.start)..region.end.max(e.range.end);
            let new = if status == Status::Missing { e.new.clone() } else { found.clone() };
            marks.push(Mark { range: region, new, status: Some(status), label });
            Finding {
                status,
                draft: Some(place(draft, e.range.clone())),
                in_final: Some(place(final_doc, fin)),
                expected: one_line(&expected.doc.text()[exp]),
                found: Some(one_line(&found)),
            }
        };
        findings.entry((e.decision, e.edit)).or_default().push(finding);
    }

    let mut unexplained = Vec::new();
    for (h, _) in hunks.iter().zip(&explained).filter(|(_, done)| !**done) {
        let exp = ve.orig_range(h.old.clone());
        let d = expected.to_draft(edits, exp.start)
            ..expected.to_draft(edits, exp.end).max(expected.to_draft(edits, exp.start));
        let fin = vf.orig_range(h.new.clone());
        marks.push(Mark {
            range: d.clone(),
            new: final_doc.text()[fin.clone()].to_owned(),
            status: None,
            label: "unexplained".into(),
        });
        let (draft_place, final_place) = (place(draft, d), place(final_doc, fin));
        let maybe = maybe_unanchored(ledger, &resolution.problems, &draft_place.text, &final_place.text);
        unexplained.push(Change { draft: draft_place, in_final: final_place, maybe });
    }

    let decisions = decisions(ledger, findings, &resolution.problems);
    let layout = Layout { kept: options.keep_layout, running_heads: heads };
    let mut report = Report::new(Mode::WithDraft, decisions, unexplained, layout);
    marks.sort_by_key(|m| (m.range.start, m.range.end));
    let mut reach = 0;
    marks.retain(|m| {
        let keep = m.range.start >= reach;
        if keep {
            reach = m.range.end.max(m.range.start);
        }
        keep
    });
    report.marked = Some(Marked { draft: draft.text().to_owned(), marks });
    report
}

/// Chars of equal text between two hunks of one sentence below which they count as one change.
const JOIN_GAP: usize = 3;

/// Join hunks separated by a few equal chars within one line of the view, so that a reworded
/// phrase is one change however finely the diff engine cut it.
fn coalesce(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::with_capacity(hunks.len());
    for h in hunks {
        if let Some(last) = out.last_mut() {
            // Overlapping hunks (which a diff engine should not give) are joined too.
            let touching = h.old.start <= last.old.end || h.new.start <= last.new.end;
            if touching || {
                let gap = &old[last.old.end..h.old.start];
                !gap.contains('\n') && gap.chars().count() < JOIN_GAP
            } {
                let o = last.old.start..h.old.end.max(last.old.end);
                let n = last.new.start..h.new.end.max(last.new.end);
                *last = Hunk::new(o, n);
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// One report per decision, in the ledger's order, from the findings of resolved edits and the
/// problems of the others.
fn decisions(
    ledger: &Ledger,
    mut findings: HashMap<(usize, usize), Vec<Finding>>,
    problems: &[Problem],
) -> Vec<DecisionReport> {
    let mut by_edit: HashMap<(&str, usize), &Problem> = HashMap::new();
    for p in problems {
        if let (Some(d), Some(e)) = (&p.decision, p.edit) {
            by_edit.entry((d.as_str(), e)).or_insert(p);
        }
    }
    per_decision(ledger, |di, ei, edit| {
        let found = findings.remove(&(di, ei)).unwrap_or_default();
        let id = ledger.decisions[di].id.as_str();
        let (status, message) = match by_edit.get(&(id, ei)) {
            Some(p) => (problem_status(p), Some(problem_message(p))),
            None if found.is_empty() => (Status::Unanchored, Some("did not resolve".to_owned())),
            None => (worst(found.iter().map(|f| f.status)), None),
        };
        EditReport { edit: ei + 1, summary: edit.summary(), status, message, findings: found }
    })
}

/// The first unanchored edit whose `old` holds `old` and whose `new` holds `new` (folded): it
/// would explain a change from `old` to `new`.
fn maybe_unanchored(ledger: &Ledger, problems: &[Problem], old: &str, new: &str) -> Option<String> {
    let width = ledger.options.match_width;
    let (old, new) = (fold_quote(old, width).0, fold_quote(new, width).0);
    if old.is_empty() && new.is_empty() {
        return None;
    }
    problems.iter().filter(|p| problem_status(p) == Status::Unanchored).find_map(|p| {
        let id = p.decision.as_deref()?;
        let index = p.edit?;
        let e = ledger.decision(id)?.edits.get(index)?;
        let (o, n) = match e.action().ok()? {
            Action::Replace { old, new } => (old, new),
            Action::Insert { new, .. } => ("", new),
            Action::Todo { .. } => return None,
        };
        let (o, n) = (fold_quote(o, width).0, fold_quote(n, width).0);
        (o.contains(&old) && n.contains(&new))
            .then(|| format!("decision {id}, edit {} would explain it, but its anchor is wrong", index + 1))
    })
}

/// The status an edit with this resolve problem gets.
pub fn problem_status(p: &Problem) -> Status {
    match p.kind {
        ProblemKind::Todo { .. } => Status::Todo,
        _ => Status::Unanchored,
    }
}

/// A problem's message without the decision and edit it names (the report shows them).
pub fn problem_message(p: &Problem) -> String {
    Problem { decision: None, edit: None, kind: p.kind.clone() }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    const DRAFT: &str = "分科会を設置し、検討を行った。\n装置を設置する。\n- 1 -\n計画の策定にあたっては、\n国際的な認証を参考とした。\n- 2 -\n";
    const LEDGER: &str =
        "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"分科会を設置\"\nnew = \"分科会を開催\"\n\
        [[decision]]\nid = \"2\"\n[[decision.edit]]\nold = \"あたって\"\nnew = \"当たって\"\npage = 2\n";

    fn run(final_text: &str) -> Report {
        let ledger = Ledger::from_toml(LEDGER).unwrap();
        let m = PageMarker::default();
        audit(&ledger, &Document::new(DRAFT, &m), &Document::new(final_text, &m), &Options::default())
    }

    fn statuses(r: &Report) -> Vec<Status> {
        r.decisions.iter().map(|d| d.status).collect()
    }

    #[test]
    fn a_faithful_final_re_wrapped_passes() {
        let r = run("分科会を開催し、検討を\n行った。装置を設置する。\n- 1 -\n計画の策定に当たっては、国際的な\n認証を参考とした。\n- 2 -\n");
        assert_eq!(statuses(&r), vec![Status::Applied, Status::Applied]);
        assert!(r.unexplained.is_empty(), "{:?}", r.unexplained);
        let f = r.decisions[1].edits[0].findings[0].in_final.clone().unwrap();
        assert_eq!((f.page, f.line, f.text.as_str()), (2, 1, "当たって"));
    }

    #[test]
    fn missing_different_and_unexplained() {
        let r = run("分科会を設置し、検討を行った。\n装置を置く。\n- 1 -\n計画の策定に際しては、\n国際的な認証を参考とした。\n- 2 -\n");
        assert_eq!(statuses(&r), vec![Status::Missing, Status::Different]);
        let f = &r.decisions[1].edits[0].findings[0];
        assert!(f.found.as_deref().unwrap().contains("際し"), "{f:?}");
        assert_eq!(r.unexplained.len(), 1);
        let c = &r.unexplained[0];
        assert_eq!((c.draft.page, c.draft.line, c.in_final.page, c.in_final.line), (1, 2, 1, 2));
        assert!(c.draft.text.contains("設置") && c.in_final.text.contains("置く"), "{c:?}");
    }

    #[test]
    fn unanchored_edits_carry_the_resolve_message() {
        let ledger =
            Ledger::from_toml("[[decision]]\nid = \"9\"\n[[decision.edit]]\nold = \"存在しない\"\nnew = \"x\"\n")
                .unwrap();
        let m = PageMarker::default();
        let d = Document::new(DRAFT, &m);
        let r = audit(&ledger, &d, &d, &Options::default());
        assert_eq!(statuses(&r), vec![Status::Unanchored]);
        assert!(r.decisions[0].edits[0].message.as_deref().unwrap().contains("存在しない"));
    }
}
