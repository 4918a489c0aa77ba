//! One reconcile, step by step: compare, look for every edit tier by tier, give out the changes,
//! write the ledger, and check that it gives the final.

use super::complete;
use super::content::Content;
use super::finding::{claim, Owner, Tier};
use super::hints::Hints;
use super::inputs::Inputs;
use super::pending::Pending;
use super::quoted::{self, Quoted};
use super::report::{ReconcileReport, SelfCheck};
use super::write::{assemble, Outcomes};
use crate::anchor::{resolve, AnchorProblem};
use crate::apply::build;
use crate::diagnostic::Kind;
use crate::document::Document;
use crate::ledger::{Action, Ledger, Side, Todo};
use std::time::Duration;

/// How to reconcile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileOptions {
    /// Give the diff engine this long before it settles for a coarser alignment.
    pub timeout: Option<Duration>,
}

impl Default for ReconcileOptions {
    fn default() -> Self {
        ReconcileOptions { timeout: Some(Duration::from_secs(10)) }
    }
}

/// The ledger reconcile wrote, and what it found.
#[derive(Debug, Clone)]
pub struct Reconciled {
    /// The ledger: the input's decisions with every edit found (or left todo, saying why), and
    /// a decision marked `unexplained` for every change no answer explains.
    pub ledger: Ledger,
    /// What was found, per decision and edit.
    pub report: ReconcileReport,
}

/// Complete `ledger` from the change between `draft` and `final_doc`.
pub fn reconcile(ledger: &Ledger, draft: &Document, final_doc: &Document, options: &ReconcileOptions) -> Reconciled {
    let inputs = Inputs::new(draft, final_doc, &ledger.options, options.timeout);
    let mut quoted = Vec::new();
    let mut pending = Vec::new();
    for (at, edit) in ledger.edits().filter(|(at, _)| !ledger[at.decision].unexplained) {
        match edit.action() {
            Action::Todo(todo) => match complete_action(todo) {
                Some(action) => quoted.push(Quoted { at, edit, action, todo: Some(&todo.note) }),
                None => {
                    let decision = &ledger[at.decision];
                    pending.push(Pending { at, todo, hints: Hints::of(decision, todo, edit.scope()) });
                }
            },
            action => quoted.push(Quoted { at, edit, action: action.clone(), todo: None }),
        }
    }
    let mut owners = vec![Owner::Free; inputs.content.changes.len()];
    let mut outcomes = Outcomes::new();
    let found = quoted::search(&inputs, &quoted);
    outcomes.extend(claim(found, &mut owners).into_iter().map(|(at, s)| (at, (Tier::Quote, s))));
    for tier in [Tier::Text, Tier::Place] {
        let found = complete::search(&inputs, &pending, tier, &owners);
        outcomes.extend(claim(found, &mut owners).into_iter().map(|(at, s)| (at, (tier, s))));
    }
    let (written, mut report) = assemble(ledger, &inputs, &outcomes, &owners);
    report.check = check(&written, draft, final_doc, options);
    Reconciled { ledger: written, report }
}

/// The action a todo's texts make, when it holds all of one (old and new, or anchor and new).
fn complete_action(t: &Todo) -> Option<Action> {
    let new = t.new.clone()?;
    let action = match (&t.old, &t.after, &t.before) {
        (Some(old), None, None) => Action::Replace { old: old.clone(), new },
        (None, Some(a), None) => Action::Insert { anchor: a.clone(), side: Side::After, new },
        (None, None, Some(b)) => Action::Insert { anchor: b.clone(), side: Side::Before, new },
        _ => return None,
    };
    action.check().ok().map(|()| action)
}

/// Whether the ledger written, applied to the draft (its todos left out), gives the final:
/// every edit resolves, and no change is left between the two, layout out.
fn check(written: &Ledger, draft: &Document, final_doc: &Document, options: &ReconcileOptions) -> SelfCheck {
    let resolution = resolve(draft, written);
    let problems: Vec<_> = resolution
        .problems
        .into_iter()
        .filter(|p| !matches!(p.kind, Kind::Anchor(AnchorProblem::Todo { .. })))
        .collect();
    let built = build(draft, &resolution.edits, &written.options.page_marker);
    let left = Content::new(&built.final_doc, final_doc, written.options.match_width, options.timeout);
    let left = left.changes.iter().map(|c| left.fin.place(c.new.clone())).collect();
    SelfCheck { problems, left }
}

/// Reconcile decision 1 (`decision` holds its keys after the id) of a one-decision ledger, and
/// check that the ledger written gives the final: for the tests of the steps.
#[cfg(test)]
pub(super) fn one_decision(draft: &str, published: &str, decision: &str) -> Reconciled {
    let ledger = Ledger::from_toml(&format!("[[decision]]\nid = \"1\"\n{decision}")).unwrap();
    let m = crate::document::PageMarker::default();
    let r = reconcile(&ledger, &Document::new(draft, &m), &Document::new(published, &m), &ReconcileOptions::default());
    assert!(r.report.check.problems.is_empty() && r.report.check.left.is_empty(), "{:?}", r.report.check);
    r
}
