//! Todos: which change of the final each one points at, by the text it gives.
//!
//! A todo is completed by one way of looking, chosen by what it gives ([`way`]), never by
//! trying one after another until something fits (a weaker clue must not take over when a
//! stronger one finds nothing: that is a promise not kept):
//!
//! | the todo gives | looked for as | tier |
//! | --- | --- | --- |
//! | a new wording (「…」に修正, 以下のとおり追記「…」) | the changes the wording covers in the final | text |
//! | nothing, and the request asks 「A」は「B」 (貴見のとおり) | 「A」 made 「B」 in scope | text |
//! | URL, and the request names two files | a change inside a URL from one name to the other | text |
//! | URL | the one change inside a URL in scope | place |
//! | 追記 / 削除 with a page | the one insertion (deletion) on the page | place |
//! | nothing else, and the request quotes a passage | the one change inside the passage | place |
//!
//! The ways by place are in `by_place`; what every way shares is in `pending`.

use super::by_place;
use super::content::Check;
use super::finding::{Owner, Search, Tier};
use super::hints::{Hints, Kind};
use super::inputs::Inputs;
use super::pending::{completed, on_pages, pages_scope, settle, Pending};
use super::probe::{probe, Probe};
use super::report::{Missing, Sought};
use crate::ledger::{Action, Clue, Confidence, Count, Edit, EditRef};
use std::ops::Range;

/// How a todo is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    NewText,
    Pairs,
    NamedUrl,
    Url,
    Kind,
    RequestQuote,
    Nothing,
}

/// The way `hints` are looked for, and its tier.
pub(super) fn way(h: &Hints) -> (Way, Tier) {
    if h.new.is_some() {
        (Way::NewText, Tier::Text)
    } else if h.url && h.names.len() >= 2 {
        (Way::NamedUrl, Tier::Text)
    } else if h.url {
        (Way::Url, Tier::Place)
    } else if h.kind != Kind::Replacement {
        (Way::Kind, Tier::Place)
    } else if !h.pairs.is_empty() {
        (Way::Pairs, Tier::Text)
    } else if !h.quotes.is_empty() {
        (Way::RequestQuote, Tier::Place)
    } else {
        (Way::Nothing, Tier::Place)
    }
}

/// Look for the todos of `tier` among the changes no stronger clue took.
pub(super) fn search(inputs: &Inputs, pending: &[Pending], tier: Tier, owners: &[Owner]) -> Vec<(EditRef, Search)> {
    let free = |c: usize| owners[c] == Owner::Free;
    let mine: Vec<&Pending> = pending.iter().filter(|p| way(&p.hints).1 == tier).collect();
    let mut pairs = by_pairs(inputs, &mine, &free).into_iter();
    let mut out = Vec::with_capacity(mine.len());
    for p in mine {
        let search = match way(&p.hints).0 {
            Way::NewText => by_new_text(inputs, p, &free),
            Way::Pairs => pairs.next().unwrap_or(Search::Missing(Missing::NoClue)),
            Way::NamedUrl | Way::Url => by_place::url(inputs, p, &free),
            Way::Kind => by_place::kind(inputs, p, &free),
            Way::RequestQuote => by_place::request_quote(inputs, p, &free),
            Way::Nothing => Search::Missing(Missing::NoClue),
        };
        out.push((p.at, search));
    }
    out
}

/// The todos that give nothing but the request's 「A」は「B」: each pair where the final made it,
/// in scope (「図表１…図表２も同様」: every place made is the pair's). All the places made are
/// the finding.
fn by_pairs(inputs: &Inputs, mine: &[&Pending], free: &dyn Fn(usize) -> bool) -> Vec<Search> {
    let asking: Vec<&&Pending> = mine.iter().filter(|p| way(&p.hints).0 == Way::Pairs).collect();
    let mut probes = Vec::new();
    for p in &asking {
        for (old, new) in &p.hints.pairs {
            let action = Action::Replace { old: old.clone(), new: new.clone() };
            probes.push(Probe { action, scope: pages_scope(&p.hints) });
        }
    }
    let mut found = probe(inputs.draft(), inputs.options, &probes).into_iter();
    let mut out = Vec::with_capacity(asking.len());
    for p in asking {
        let (mut changes, mut written, mut places) = (Vec::new(), Vec::new(), Vec::new());
        let mut unpinned = false;
        for (old, new) in &p.hints.pairs {
            let Some(Ok(matches)) = found.next() else { continue };
            let action = Action::Replace { old: old.clone(), new: new.clone() };
            let ranges: Vec<Range<usize>> =
                matches.iter().map(|m| inputs.content.draft.content_range(m.anchor.clone())).collect();
            let made: Vec<(Range<usize>, Range<usize>)> = ranges
                .iter()
                .filter_map(|r| match inputs.content.check(r, &inputs.expected(&action, r)) {
                    Check::Made(c) if c.clone().all(free) => Some((r.clone(), c)),
                    _ => None,
                })
                .collect();
            if made.is_empty() {
                continue;
            }
            if made.len() == ranges.len() {
                let edit = Edit::new(action.clone(), pages_scope(&p.hints), Count::Exactly(made.len())).ok();
                written.extend(edit);
            } else {
                for (r, _) in &made {
                    match inputs.pinned(&action, r) {
                        Some(e) => written.push(e),
                        None => unpinned = true,
                    }
                }
            }
            for (r, c) in made {
                changes.extend(c);
                places.push(r);
            }
        }
        let (old, new) = p.hints.pairs[0].clone();
        let search = if unpinned {
            Search::Missing(Missing::Unpinnable { places: inputs.places(&places) })
        } else if written.is_empty() {
            Search::Missing(Missing::NoChange { sought: Sought::Pair { old, new }, pages: p.hints.pages.clone() })
        } else {
            changes.sort_unstable();
            Search::Found(completed(p, changes, written, vec![Clue::RequestPair], Confidence::High, places))
        };
        out.push(search);
    }
    out
}

/// A todo that gives the new wording: every place the final has it where it changed (the
/// changes inside it, none reaching out of it), on the pages cited; an insertion when the
/// answer says 追記.
fn by_new_text(inputs: &Inputs, p: &Pending, free: &dyn Fn(usize) -> bool) -> Search {
    let new = p.hints.new.clone().unwrap_or_default();
    let needle = inputs.fold(&new);
    let sought = Missing::NoChange { sought: Sought::NewText { text: new }, pages: p.hints.pages.clone() };
    if needle.is_empty() {
        return Search::Missing(sought);
    }
    let c = &inputs.content;
    let mut found = Vec::new();
    for (at, _) in c.fin.text().match_indices(&needle) {
        let o = at..at + needle.len();
        let region = c.region_in_final(&o);
        if region.changes.is_empty() || !region.changes.clone().all(free) {
            continue;
        }
        let insertion = region.changes.clone().all(|i| c.changes[i].old.is_empty());
        if p.hints.kind == Kind::Insertion && !insertion {
            continue;
        }
        let (old, new_range) = if region.new == o {
            (region.old.clone(), o.clone())
        } else if let Some(point) = slid(inputs, &region, &o) {
            (point..point, o.clone())
        } else {
            continue;
        };
        if !on_pages(inputs, &p.hints, &old) {
            continue;
        }
        let edit = if old.is_empty() {
            inputs.insertion(old.start, c.fin.literal(new_range))
        } else {
            let replace = Action::Replace { old: c.draft.literal(old.clone()), new: c.fin.literal(new_range) };
            inputs.pinned(&replace, &old)
        };
        let Some(edit) = edit else { continue };
        let mut clues = vec![Clue::NewText];
        if p.hints.kind == Kind::Insertion {
            clues.push(Clue::Kind);
        }
        let draft_text = c.draft.content(old.clone());
        if !draft_text.is_empty() && p.hints.quotes.iter().any(|q| inputs.fold(q).contains(draft_text)) {
            clues.push(Clue::RequestQuote);
        }
        found.push(completed(p, region.changes.collect(), vec![edit], clues, Confidence::High, vec![old]));
    }
    settle(found, sought)
}

/// For a wording `o` of the final that one insertion covers only in part (the diff put the
/// same insertion a few chars away): the draft point where inserting `o`'s text makes the
/// same final, if there is one. Before the insertion `t` at draft point `x`, the final is the
/// draft; so inserting at `x - b` gives the final when the `b` chars before `t` are the last `b`
/// of the insertion (and after it, symmetrically).
fn slid(inputs: &Inputs, region: &super::content::Region, o: &Range<usize>) -> Option<usize> {
    let c = &inputs.content;
    if region.changes.len() != 1 {
        return None;
    }
    let ch = &c.changes[region.changes.start];
    if !ch.old.is_empty() || ch.new.len() != o.len() {
        return None;
    }
    let (d, f, x, t) = (c.draft.text(), c.fin.text(), ch.old.start, ch.new.start);
    if o.start < t {
        let point = x.checked_sub(t - o.start)?;
        (d.get(point..x)? == f.get(o.end..ch.new.end)?).then_some(point)
    } else {
        let a = o.start - t;
        (d.get(x..x + a)? == f.get(t..o.start)?).then_some(x + a)
    }
}

#[cfg(test)]
mod tests {
    use super::super::run::one_decision as one;
    use crate::ledger::Clue;
    use crate::reconcile::Status;

    #[test]
    fn new_wording_inserted_wherever_the_diff_puts_it() {
        let r = one(
            "甲乙丙の件。\n- 1 -\n",
            "甲乙丙乙丙の件。\n- 1 -\n",
            "response = \"以下のとおり追記いたします。「丙乙」\"\n[[decision.edit]]\ntodo = \"insert\"\nnew = \"丙乙\"\n",
        );
        let e = &r.report.decisions[0].edits[0];
        assert_eq!(e.status, Status::Completed, "{e:?}");
        assert_eq!(e.clues, [Clue::NewText, Clue::Kind]);
        let written = &r.ledger.decisions[0].edits[0];
        assert!(crate::messages::edit_summary(written).starts_with("insert 「丙乙」 after"), "{written:?}");
    }

    #[test]
    fn the_pair_the_request_asks_for() {
        let draft = "国際情報の緊迫化と、情報の共有。\n- 3 -\n";
        let r = one(
            draft,
            &draft.replacen("国際情報", "国際情勢", 1),
            "request = \"P3の「国際情報」の「情報」は「情勢」の誤植では。\"\nresponse = \"貴見のとおり修正いたします。\"\n\
             [[decision.edit]]\ntodo = \"replace: the answer gives no text\"\npage = 3\n",
        );
        let e = &r.report.decisions[0].edits[0];
        assert_eq!((e.status, e.clues.as_slice()), (Status::Completed, [Clue::RequestPair, Clue::Page].as_slice()));
        let written = &r.ledger.decisions[0].edits[0];
        assert!(written.scope().prefix.is_some() || written.scope().suffix.is_some(), "情報 stands twice: {written:?}");
    }

    #[test]
    fn two_insertions_on_the_page_cited_are_not_chosen() {
        let r = one(
            "一文目。二文目。\n- 5 -\n",
            "一文目。追加甲。二文目。追加乙。\n- 5 -\n",
            "response = \"P5に追記をいたします。\"\n[[decision.edit]]\ntodo = \"P5に追記\"\npage = 5\n",
        );
        assert_eq!(r.report.decisions[0].status, Status::Ambiguous);
        assert!(r.ledger.decisions[0].edits[0].is_todo());
        assert_eq!(r.report.unexplained.len(), 2);
        assert!(r.report.unexplained.iter().all(|u| u.claimed_by == ["1"]));
    }

    #[test]
    fn a_todo_no_change_fits_stays_todo_saying_why() {
        let r = one(
            "一文目。\n- 5 -\n",
            "一行目。\n- 5 -\n",
            "response = \"P5に追記をいたします。\"\n[[decision.edit]]\ntodo = \"P5に追記\"\npage = 5\n",
        );
        assert_eq!(r.report.decisions[0].status, Status::NotFound);
        let note = &r.ledger.decisions[0].edits[0].as_todo().unwrap().note;
        assert_eq!(note, "reconcile: not found in the final: no insertion on P5; the todo said: P5に追記");
    }
}
