//! Findings: where an edit of the ledger was made in the final, and which changes that explains.
//!
//! Each edit is looked for on its own ([`Search`]); then the changes are given out ([`claim`]):
//! a change that two edits could have made is given to neither (reconcile says so instead of
//! choosing), and an edit that could have made either of two changes gets neither. Edits are
//! looked for in tiers of evidence ([`Tier`]): the answers' quotes first, then the texts the
//! answers and requests give, then places and kinds alone. A tier sees only the changes the
//! tiers before it left, so a weak clue never takes a change an answer's own words explain.

use super::report::Missing;
use crate::ledger::{Clue, Confidence, Edit, EditRef};
use std::ops::Range;

/// How strong the clue that looks for an edit is; stronger tiers are served first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    /// The answer quotes both texts (or the anchor and the new text).
    Quote,
    /// A text the answer or request gives: the new wording, a requested pair, file names.
    Text,
    /// A place and a kind of change alone: 「P5に追記」, a URL, a passage the request quotes.
    Place,
}

/// One way an edit is made in the final.
#[derive(Debug, Clone)]
pub(super) struct Finding {
    /// The changes it explains (indices, sorted).
    pub changes: Vec<usize>,
    /// The ledger edits that make it, each resolving to its places alone.
    pub written: Vec<Edit>,
    /// The clues that matched, strongest first.
    pub clues: Vec<Clue>,
    /// How sure it is.
    pub confidence: Confidence,
    /// Where it is in the draft (content ranges).
    pub places: Vec<Range<usize>>,
}

/// What looking for one edit found.
#[derive(Debug, Clone)]
pub(super) enum Search {
    /// Made, one way.
    Found(Finding),
    /// Made at some of the places it names, not at the others.
    Partial(Finding, Missing),
    /// Made one way or another: more than one change fits and nothing tells them apart.
    Either(Vec<Finding>),
    /// Not made, and why.
    Missing(Missing),
}

/// What became of one edit once the changes were given out.
#[derive(Debug, Clone)]
pub(super) enum Settled {
    /// Its changes are its own.
    Made(Finding),
    /// Its changes at some places are its own; the rest was not made.
    Partial(Finding, Missing),
    /// More than one change fits it, or another edit could claim its change: it gets none.
    Ambiguous {
        /// The edits that could claim the same changes (empty: the edit itself fits several).
        with: Vec<EditRef>,
        /// The places that fit (draft content ranges).
        places: Vec<Range<usize>>,
    },
    /// Not made.
    Missing(Missing),
}

/// Who a change belongs to once claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Owner {
    /// Nobody yet.
    Free,
    /// This edit made it.
    Edit(EditRef),
    /// These edits could each have made it: it stays unexplained, and says so.
    Contested(Vec<EditRef>),
}

/// Give out the changes the searches of one tier found: each edit whose changes no other edit
/// of the tier claims gets them; the others are ambiguous and their changes contested.
pub(super) fn claim(searches: Vec<(EditRef, Search)>, owners: &mut [Owner]) -> Vec<(EditRef, Settled)> {
    let mut claims: Vec<Vec<EditRef>> = vec![Vec::new(); owners.len()];
    for (at, search) in &searches {
        for f in findings(search) {
            for &c in &f.changes {
                if !claims[c].contains(at) {
                    claims[c].push(*at);
                }
            }
        }
    }
    let contested = |f: &Finding| f.changes.iter().any(|&c| claims[c].len() > 1);
    let mut out = Vec::with_capacity(searches.len());
    for (at, search) in searches {
        let settled = match search {
            Search::Missing(m) => Settled::Missing(m),
            Search::Either(all) => {
                for f in &all {
                    contest(owners, &f.changes, &claims);
                }
                let with = others(&all, &claims, at);
                Settled::Ambiguous { with, places: all.into_iter().flat_map(|f| f.places).collect() }
            }
            Search::Found(f) | Search::Partial(f, _) if contested(&f) => {
                contest(owners, &f.changes, &claims);
                let with = others(std::slice::from_ref(&f), &claims, at);
                Settled::Ambiguous { with, places: f.places }
            }
            Search::Found(f) => {
                own(owners, &f.changes, at);
                Settled::Made(f)
            }
            Search::Partial(f, m) => {
                own(owners, &f.changes, at);
                Settled::Partial(f, m)
            }
        };
        out.push((at, settled));
    }
    out
}

fn findings(search: &Search) -> &[Finding] {
    match search {
        Search::Found(f) | Search::Partial(f, _) => std::slice::from_ref(f),
        Search::Either(all) => all,
        Search::Missing(_) => &[],
    }
}

fn own(owners: &mut [Owner], changes: &[usize], at: EditRef) {
    for &c in changes {
        owners[c] = Owner::Edit(at);
    }
}

fn contest(owners: &mut [Owner], changes: &[usize], claims: &[Vec<EditRef>]) {
    for &c in changes {
        owners[c] = Owner::Contested(claims[c].clone());
    }
}

/// The other edits that claim any change of `found`.
fn others(found: &[Finding], claims: &[Vec<EditRef>], at: EditRef) -> Vec<EditRef> {
    let mut with: Vec<EditRef> = found
        .iter()
        .flat_map(|f| f.changes.iter().flat_map(|&c| claims[c].iter().copied()))
        .filter(|e| *e != at)
        .collect();
    with.sort();
    with.dedup();
    with
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::DecisionIx;

    fn at(d: usize) -> EditRef {
        EditRef { decision: DecisionIx(d), edit: 0 }
    }

    fn found(changes: &[usize]) -> Finding {
        Finding {
            changes: changes.to_vec(),
            written: Vec::new(),
            clues: vec![Clue::Quote],
            confidence: Confidence::High,
            places: std::iter::once(0..1).collect(),
        }
    }

    #[test]
    fn a_change_two_edits_could_claim_goes_to_neither() {
        let mut owners = vec![Owner::Free; 3];
        let settled = claim(
            vec![
                (at(0), Search::Found(found(&[0]))),
                (at(1), Search::Found(found(&[1]))),
                (at(2), Search::Found(found(&[1, 2]))),
            ],
            &mut owners,
        );
        assert!(matches!(settled[0].1, Settled::Made(_)));
        assert!(matches!(&settled[1].1, Settled::Ambiguous { with, .. } if with == &[at(2)]));
        assert!(matches!(&settled[2].1, Settled::Ambiguous { with, .. } if with == &[at(1)]));
        assert_eq!(owners[0], Owner::Edit(at(0)));
        assert_eq!(owners[1], Owner::Contested(vec![at(1), at(2)]));
    }

    #[test]
    fn an_edit_that_fits_two_changes_gets_neither() {
        let mut owners = vec![Owner::Free; 2];
        let settled = claim(vec![(at(0), Search::Either(vec![found(&[0]), found(&[1])]))], &mut owners);
        assert!(matches!(&settled[0].1, Settled::Ambiguous { with, places } if with.is_empty() && places.len() == 2));
        assert_eq!(owners, [Owner::Contested(vec![at(0)]), Owner::Contested(vec![at(0)])]);
    }
}
