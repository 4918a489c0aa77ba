//! The ledger reconcile writes, and the report beside it.
//!
//! Every decision of the input keeps its place and its words; each of its edits becomes what was
//! found: the edits that make it (scoped to their places, with their evidence when a finding
//! wrote them), or the same edit as a todo whose note says why it was not found (its texts and
//! scope kept, so a person sees what was promised). Every change no answer explains becomes a
//! decision of its own, `unexplained-1`, `unexplained-2`…, marked `unexplained = true`, with
//! the edit that makes it; so the ledger applied to the draft gives the final, up to layout.

use super::content::Region;
use super::finding::{Owner, Settled, Tier};
use super::inputs::Inputs;
use super::report::{DecisionOutcome, EditOutcome, ReconcileReport, SelfCheck, Status, Summary, UnexplainedChange};
use crate::document::PageNo;
use crate::ledger::{Decision, Edit, EditRef, Ledger};
use crate::messages;
use std::collections::{HashMap, HashSet};

/// What became of each edit of the input, with the tier that found it.
pub(super) type Outcomes = HashMap<EditRef, (Tier, Settled)>;

/// The ledger written from `input` and what was found, and the report (its check left empty).
pub(super) fn assemble(
    input: &Ledger,
    inputs: &Inputs,
    outcomes: &Outcomes,
    owners: &[Owner],
) -> (Ledger, ReconcileReport) {
    let mut out = Ledger {
        title: input.title.clone(),
        draft: input.draft.clone(),
        options: input.options.clone(),
        decisions: Vec::new(),
    };
    let mut report = Vec::new();
    for (d, decision) in input.decisions.iter().enumerate().filter(|(_, d)| !d.unexplained) {
        let mut edits = Vec::with_capacity(decision.edits.len());
        let mut outcomes_of = Vec::with_capacity(decision.edits.len());
        for (e, edit) in decision.edits.iter().enumerate() {
            let at = EditRef { decision: crate::ledger::DecisionIx(d), edit: e };
            let Some((tier, settled)) = outcomes.get(&at) else {
                edits.push(edit.clone());
                continue;
            };
            let outcome = edit_outcome(input, inputs, edit, e, *tier, settled);
            match settled {
                Settled::Made(f) => edits.extend(f.written.iter().cloned()),
                Settled::Partial(f, m) => {
                    edits.extend(f.written.iter().cloned());
                    edits.push(as_todo(edit, &messages::reconcile_missing(m, note(edit))));
                }
                Settled::Ambiguous { with, places } => {
                    let ids = ids(input, with);
                    let note = messages::reconcile_ambiguous(&ids, &inputs.places(places), note(edit));
                    edits.push(as_todo(edit, &note));
                }
                Settled::Missing(m) => edits.push(as_todo(edit, &messages::reconcile_missing(m, note(edit)))),
            }
            outcomes_of.push(outcome);
        }
        if !outcomes_of.is_empty() {
            let status = outcomes_of.iter().map(|o| o.status).max().unwrap_or(Status::Quoted);
            report.push(DecisionOutcome { id: decision.id.clone(), status, edits: outcomes_of });
        }
        out.decisions.push(Decision { edits, unexplained: false, ..decision.clone() });
    }
    let unexplained = unexplained(input, inputs, owners, &mut out);
    let summary = summary(&report, &unexplained, inputs, owners);
    (out, ReconcileReport { decisions: report, unexplained, summary, check: SelfCheck::default() })
}

/// The changes nobody's: a decision each, marked unexplained.
fn unexplained(input: &Ledger, inputs: &Inputs, owners: &[Owner], out: &mut Ledger) -> Vec<UnexplainedChange> {
    let c = &inputs.content;
    let mut taken: HashSet<String> = out.decisions.iter().map(|d| d.id.clone()).collect();
    let mut list = Vec::new();
    let mut n = 0;
    for (i, ch) in c.changes.iter().enumerate() {
        let claimed_by = match &owners[i] {
            Owner::Edit(_) => continue,
            Owner::Free => Vec::new(),
            Owner::Contested(by) => ids(input, by),
        };
        let id = loop {
            n += 1;
            let id = format!("unexplained-{n}");
            if taken.insert(id.clone()) {
                break id;
            }
        };
        let region = Region { changes: i..i + 1, old: ch.old.clone(), new: ch.new.clone() };
        let edits: Vec<Edit> = inputs.making(&region).into_iter().collect();
        out.decisions.push(Decision { id: id.clone(), unexplained: true, edits, ..Decision::default() });
        list.push(UnexplainedChange {
            id,
            draft: c.draft.place(ch.old.clone()),
            in_final: c.fin.place(ch.new.clone()),
            claimed_by,
        });
    }
    list
}

/// The decision ids of edits, each once, in ledger order.
fn ids(input: &Ledger, edits: &[EditRef]) -> Vec<String> {
    let mut ds: Vec<usize> = edits.iter().map(|e| e.decision.0).collect();
    ds.sort_unstable();
    ds.dedup();
    ds.into_iter().map(|d| input.decisions[d].id.clone()).collect()
}

/// The note of a todo edit (empty for a complete one).
fn note(edit: &Edit) -> &str {
    edit.as_todo().map_or("", |t| t.note.as_str())
}

/// `edit` as a todo saying `note`, its texts and scope kept, evidence dropped.
fn as_todo(edit: &Edit, note: &str) -> Edit {
    edit.clone().into_todo(note).with_evidence(None)
}

/// The report of one input edit.
fn edit_outcome(input: &Ledger, inputs: &Inputs, edit: &Edit, e: usize, tier: Tier, settled: &Settled) -> EditOutcome {
    let mut o = EditOutcome {
        edit: e + 1,
        summary: messages::edit_summary(edit),
        summary_ja: messages::edit_summary_in(edit, crate::Lang::Ja),
        status: Status::NotFound,
        clues: Vec::new(),
        confidence: None,
        places: Vec::new(),
        written: Vec::new(),
        written_ja: Vec::new(),
        missing: None,
        ambiguous_with: Vec::new(),
    };
    match settled {
        Settled::Made(f) | Settled::Partial(f, _) => {
            let quoted = tier == Tier::Quote && edit.evidence().is_none();
            o.status = match settled {
                Settled::Partial(..) => Status::Partial,
                _ if quoted => Status::Quoted,
                _ => Status::Completed,
            };
            o.clues = f.clues.clone();
            o.confidence = f.written.iter().any(|w| w.evidence().is_some()).then_some(f.confidence);
            o.places = inputs.places(&f.places);
            o.written = f.written.iter().map(messages::edit_summary).collect();
            o.written_ja = f.written.iter().map(|e| messages::edit_summary_in(e, crate::Lang::Ja)).collect();
            if let Settled::Partial(_, m) = settled {
                o.missing = Some(m.clone());
            }
        }
        Settled::Ambiguous { with, places } => {
            o.status = Status::Ambiguous;
            o.places = inputs.places(places);
            o.ambiguous_with = ids(input, with);
        }
        Settled::Missing(m) => o.missing = Some(m.clone()),
    }
    o
}

fn summary(
    report: &[DecisionOutcome],
    unexplained: &[UnexplainedChange],
    inputs: &Inputs,
    owners: &[Owner],
) -> Summary {
    let count = |s: Status| report.iter().filter(|d| d.status == s).count();
    let mut pages: Vec<PageNo> = unexplained.iter().map(|u| u.draft.page).collect();
    pages.sort_unstable();
    pages.dedup();
    Summary {
        decisions: report.len(),
        quoted: count(Status::Quoted),
        completed: count(Status::Completed),
        partial: count(Status::Partial),
        ambiguous: count(Status::Ambiguous),
        not_found: count(Status::NotFound),
        changes: inputs.content.changes.len(),
        attributed: owners.iter().filter(|o| matches!(o, Owner::Edit(_))).count(),
        unexplained: unexplained.len(),
        unexplained_pages: pages,
    }
}
