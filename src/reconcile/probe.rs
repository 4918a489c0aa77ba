//! Every place a quote stands in its scope, whatever its count says.
//!
//! Whether an answer's quote was made where the final changed is asked place by place, so
//! reconcile first needs all the places: the anchor module's own resolving (the same folding,
//! scopes, prefix and suffix as `apply`), with each quote asked for with `count = "all"` and
//! without `per_page`. All quotes go through one resolve (one pass over the draft); a quote whose
//! places overlap another's is conflicted there, and asked again alone.

use crate::anchor::{resolve, AnchorProblem, Resolved};
use crate::diagnostic::{Diagnostic, Kind};
use crate::document::Document;
use crate::ledger::{Action, Count, Decision, Edit, Ledger, LedgerOptions, PageScope, Scope};

/// What a quote asks for: the action and the scope its places must lie in.
#[derive(Debug, Clone)]
pub(super) struct Probe {
    pub action: Action,
    pub scope: Scope,
}

/// Every place of one probe's quote in its scope (sorted), or why there is none.
pub(super) type Probed = Result<Vec<Resolved>, Diagnostic>;

/// The places of every probe, in order.
pub(super) fn probe(draft: &Document, options: &LedgerOptions, probes: &[Probe]) -> Vec<Probed> {
    let mut out = all_at_once(draft, options, probes);
    for (i, p) in probes.iter().enumerate() {
        if matches!(&out[i], Err(d) if matches!(d.kind, Kind::Anchor(AnchorProblem::Conflict { .. }))) {
            out[i] = all_at_once(draft, options, std::slice::from_ref(p)).remove(0);
        }
    }
    out
}

fn all_at_once(draft: &Document, options: &LedgerOptions, probes: &[Probe]) -> Vec<Probed> {
    let mut out: Vec<Probed> = Vec::with_capacity(probes.len());
    let mut ledger = Ledger { options: options.clone(), ..Ledger::default() };
    let mut of_decision = Vec::new();
    for (i, p) in probes.iter().enumerate() {
        let mut scope = p.scope.clone();
        if let PageScope::Pages { per_page, .. } = &mut scope.pages {
            *per_page = false;
        }
        match Edit::new(p.action.clone(), scope, Count::All) {
            Ok(edit) => {
                of_decision.push(i);
                ledger.decisions.push(Decision { id: i.to_string(), edits: vec![edit], ..Decision::default() });
                out.push(Ok(Vec::new()));
            }
            Err(problem) => out.push(Err(Diagnostic::new(problem))),
        }
    }
    let resolution = resolve(draft, &ledger);
    for r in resolution.edits {
        if let Ok(places) = &mut out[of_decision[r.edit.decision.0]] {
            places.push(r);
        }
    }
    for p in resolution.problems {
        if let Some(at) = p.subject.as_ref().map(|s| of_decision[s.decision.0]) {
            out[at] = Err(p);
        }
    }
    for places in out.iter_mut().flatten() {
        places.sort_by_key(|r| (r.anchor.start, r.anchor.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn replace(old: &str, scope: Scope) -> Probe {
        Probe { action: Action::Replace { old: old.into(), new: "X".into() }, scope }
    }

    #[test]
    fn every_place_in_scope_whatever_the_count() {
        let draft = Document::new("設置した。設置する。\n- 1 -\n設置。\n- 2 -\n", &PageMarker::default());
        let got = probe(
            &draft,
            &LedgerOptions::default(),
            &[
                replace("設置", Scope::pages(vec![1])),
                replace("設置し", Scope::default()),
                replace("無い", Scope::default()),
            ],
        );
        assert_eq!(got[0].as_ref().unwrap().len(), 2);
        assert_eq!(got[1].as_ref().unwrap().len(), 1, "asked again alone after the conflict with the first");
        assert!(got[2].is_err());
    }
}
