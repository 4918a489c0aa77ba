//! Edits the answers quote: where the final made them.
//!
//! An edit whose text the answer gives (「A」を「B」に, 「A」の後に「B」を追記; or a todo that
//! already holds both texts, as import writes one for 修正の有無 = 有 in unknown wording) is
//! looked for at every place its quote stands in scope, whatever its count says: at each, the
//! final reads as the edit makes it (the changes there are the edit's), or it still reads as
//! the draft, or it reads otherwise. The places made decide:
//!
//! - all the places the edit names (its count, on its line when it cites one) → found, written
//!   as it is when it resolves so, or scoped to those places;
//! - some of them → partial: the places made are written, the rest stays a todo saying where;
//! - the edit resolves to several places but the final changed only the ones its count allows
//!   (plan-c 12, plan-d 5 of the reconcile set: the quote stands twice on the cited page) → the
//!   diff picks them, and each is written with a prefix or suffix that tells it apart;
//! - none → not found, saying whether the draft's text still stands there or something else.
//!
//! A cited line is a clue, not a filter: lines are counted as the document counts them (body
//! lines, under the running heads, unless `count_lines = "printed"`) and counting every printed
//! line, and a match on the line in either count is on it. A line is written back only when the
//! edit as written resolves, as `apply` counts, to the places made.

use super::content::Check;
use super::finding::{Finding, Search};
use super::inputs::Inputs;
use super::probe::{probe, Probe};
use super::report::Missing;
use crate::anchor::Resolved;
use crate::document::PageNo;
use crate::ledger::{Action, Clue, Confidence, Count, Edit, EditRef, Evidence, PageScope, Scope};
use std::ops::Range;

/// An edit whose texts are given, to look for.
#[derive(Debug, Clone)]
pub(super) struct Quoted<'l> {
    pub at: EditRef,
    pub edit: &'l Edit,
    /// The complete action (a todo's texts made into one).
    pub action: Action,
    /// The todo's note, when the texts come from a todo.
    pub todo: Option<&'l str>,
}

/// One match of a quote in scope and what the final has there.
struct Place {
    resolved: Resolved,
    /// The page it starts on.
    page: PageNo,
    range: Range<usize>,
    check: Check,
}

/// Look for every quoted edit in the final.
pub(super) fn search(inputs: &Inputs, quoted: &[Quoted]) -> Vec<(EditRef, Search)> {
    // Two passes: an edit's places as written and without its line would conflict in one.
    let as_written: Vec<Probe> =
        quoted.iter().map(|q| Probe { action: q.action.clone(), scope: q.edit.scope().clone() }).collect();
    let wide: Vec<Probe> =
        quoted.iter().map(|q| Probe { action: q.action.clone(), scope: without_line(q.edit.scope()) }).collect();
    let mut written_found = probe(inputs.draft(), inputs.options, &as_written).into_iter();
    let mut wide_found = probe(inputs.draft(), inputs.options, &wide).into_iter();
    let mut out = Vec::with_capacity(quoted.len());
    for q in quoted {
        let (written, wide) = (written_found.next(), wide_found.next());
        let search = match wide {
            Some(Ok(all)) => one(inputs, q, written.and_then(Result::ok).unwrap_or_default(), all),
            Some(Err(problem)) => Search::Missing(Missing::NotInDraft { problem: Box::new(problem) }),
            None => Search::Missing(Missing::NoClue),
        };
        out.push((q.at, search));
    }
    out
}

/// The scope without its line (the line's page kept).
pub(super) fn without_line(scope: &Scope) -> Scope {
    match scope.pages {
        PageScope::Line { page, .. } => {
            Scope { pages: PageScope::Pages { pages: vec![page], per_page: false }, ..scope.clone() }
        }
        _ => scope.clone(),
    }
}

/// One quoted edit: `as_written` are the places its scope gives (count aside), `all` those of
/// its scope without a line.
fn one(inputs: &Inputs, q: &Quoted, as_written: Vec<Resolved>, all: Vec<Resolved>) -> Search {
    let content = &inputs.content;
    let places: Vec<Place> = all
        .into_iter()
        .map(|resolved| {
            let range = content.draft.content_range(resolved.anchor.clone());
            let check = content.check(&range, &inputs.expected(&q.action, &range));
            let page = inputs.draft().position(resolved.anchor.start).page;
            Place { resolved, page, range, check }
        })
        .collect();
    let made: Vec<usize> = (0..places.len()).filter(|&i| matches!(places[i].check, Check::Made(_))).collect();
    let anchors: std::collections::HashSet<&Range<usize>> = as_written.iter().map(|w| &w.anchor).collect();
    let written: Vec<usize> = (0..places.len()).filter(|&i| anchors.contains(&places[i].resolved.anchor)).collect();
    let line = q.edit.scope().line_number();
    let count = q.edit.count();
    // The places on the cited line as the document counts, and counting every printed line; either
    // may be the table's count, and the one the final's changes agree with is taken.
    let (by_body, by_raw): (Vec<usize>, Vec<usize>) = match line {
        Some(l) => (
            (0..places.len()).filter(|&i| on_line_counted(inputs, &places[i].range, l).0).collect(),
            (0..places.len()).filter(|&i| on_line_counted(inputs, &places[i].range, l).1).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let on_line: Vec<usize> = (0..places.len()).filter(|i| by_body.contains(i) || by_raw.contains(i)).collect();
    if made.is_empty() {
        return Search::Missing(not_made(inputs, &places, if on_line.is_empty() { None } else { Some(&on_line) }));
    }
    let within = |set: &[usize]| !set.is_empty() && made.iter().all(|i| set.contains(i));
    let named: Option<Vec<usize>> = match line {
        Some(_) if by_body == made || by_raw == made => Some(made.clone()),
        Some(_) if within(&by_body) => Some(by_body.clone()),
        Some(_) if within(&by_raw) => Some(by_raw.clone()),
        Some(_) if !on_line.is_empty() => Some(on_line.clone()),
        Some(_) => None,
        None if accepts(q.edit, &places, &(0..places.len()).collect::<Vec<_>>()) => Some((0..places.len()).collect()),
        None => None,
    };
    let write = |set: &[usize]| written_for(inputs, q, &places, set, &written, line.is_some());
    let clue_line = line.is_some() && made.iter().all(|i| on_line.contains(i));
    match named {
        Some(named) if named == made => finding(inputs, q, &places, &made, write(&made), clue_line),
        Some(named) if made.iter().all(|i| named.contains(i)) => {
            let rest: Vec<Range<usize>> =
                named.iter().filter(|i| !made.contains(i)).map(|&i| places[i].range.clone()).collect();
            let f = finding(inputs, q, &places, &made, write(&made), clue_line);
            match f {
                Search::Found(f) => Search::Partial(f, Missing::NotEverywhere { places: inputs.places(&rest) }),
                other => other,
            }
        }
        Some(named) => {
            let inside: Vec<usize> = made.iter().copied().filter(|i| named.contains(i)).collect();
            if inside.is_empty() {
                by_count(inputs, q, &places, &made, count, &write)
            } else {
                finding(inputs, q, &places, &inside, write(&inside), clue_line)
            }
        }
        None => by_count(inputs, q, &places, &made, count, &write),
    }
}

/// The places made, when the scope names more places than the count: the count decides.
fn by_count(
    inputs: &Inputs,
    q: &Quoted,
    places: &[Place],
    made: &[usize],
    count: Count,
    write: &dyn Fn(&[usize]) -> Option<Vec<Edit>>,
) -> Search {
    match count {
        Count::Exactly(n) if made.len() > n => {
            let each = made.iter().filter_map(|&i| match finding(inputs, q, places, &[i], write(&[i]), false) {
                Search::Found(f) => Some(f),
                _ => None,
            });
            Search::Either(each.collect())
        }
        Count::Exactly(n) if made.len() < n => {
            let rest: Vec<Range<usize>> =
                (0..places.len()).filter(|i| !made.contains(i)).map(|i| places[i].range.clone()).collect();
            match finding(inputs, q, places, made, write(made), false) {
                Search::Found(f) => Search::Partial(f, Missing::NotEverywhere { places: inputs.places(&rest) }),
                other => other,
            }
        }
        _ => finding(inputs, q, places, made, write(made), false),
    }
}

/// Whether a match (draft content range `r`) touches cited line `line` of its page, in either
/// count (see [`on_line_counted`]).
pub(super) fn cited_line(inputs: &Inputs, r: &Range<usize>, line: i64) -> bool {
    let (body, raw) = on_line_counted(inputs, r, line);
    body || raw
}

/// Whether a match touches cited line `line` of its page, counting as the document counts
/// (body lines by default), and counting every printed line. A line from the bottom counts
/// the same both ways.
fn on_line_counted(inputs: &Inputs, r: &Range<usize>, line: i64) -> (bool, bool) {
    let lines = inputs.content.draft.lines(r);
    if line < 0 {
        let on = lines.iter().any(|l| l.2 == line);
        return (on, on);
    }
    (lines.iter().any(|l| l.1 == line), lines.iter().any(|l| l.0 == line))
}

/// Whether the edit's count accepts `set` of `places` (on each page, with `per_page`).
fn accepts(edit: &Edit, places: &[Place], set: &[usize]) -> bool {
    if !edit.scope().per_page() {
        return edit.count().accepts(set.len());
    }
    edit.scope().page_numbers().iter().all(|&p| {
        let on = set.iter().filter(|&&i| places[i].page == p).count();
        edit.count().accepts(on)
    })
}

/// The edits that make `set` of `places`: the edit as written when it resolves to exactly
/// them, else the edit with
/// its count when its scope without the line holds exactly them, else one edit per place.
fn written_for(
    inputs: &Inputs,
    q: &Quoted,
    places: &[Place],
    set: &[usize],
    as_written: &[usize],
    has_line: bool,
) -> Option<Vec<Edit>> {
    // The edit as written resolves (as `apply` counts lines) to exactly these places.
    if set == as_written && accepts(q.edit, places, as_written) {
        return Some(vec![Edit::new(q.action.clone(), q.edit.scope().clone(), q.edit.count()).ok()?]);
    }
    if set.len() == places.len() && !has_line {
        let scope = without_line(q.edit.scope());
        let scope = Scope { pages: unpaged(scope.pages), ..scope };
        return Some(vec![Edit::new(q.action.clone(), scope, Count::Exactly(set.len())).ok()?]);
    }
    set.iter().map(|&i| inputs.pinned(&q.action, &places[i].range)).collect()
}

/// A page scope without `per_page`.
fn unpaged(pages: PageScope) -> PageScope {
    match pages {
        PageScope::Pages { pages, .. } => PageScope::Pages { pages, per_page: false },
        other => other,
    }
}

/// The finding of `set` of `places`, written as `written` (`None`: no scope tells the places
/// apart).
fn finding(
    inputs: &Inputs,
    q: &Quoted,
    places: &[Place],
    set: &[usize],
    written: Option<Vec<Edit>>,
    on_line: bool,
) -> Search {
    let ranges: Vec<Range<usize>> = set.iter().map(|&i| places[i].range.clone()).collect();
    let Some(mut written) = written else {
        return Search::Missing(Missing::Unpinnable { places: inputs.places(&ranges) });
    };
    let mut changes: Vec<usize> = set
        .iter()
        .flat_map(|&i| match &places[i].check {
            Check::Made(c) => c.clone(),
            _ => 0..0,
        })
        .collect();
    changes.sort_unstable();
    changes.dedup();
    let mut clues = vec![Clue::Quote];
    if set.len() < places.len() {
        clues.push(Clue::ChangedPlace);
    }
    if on_line {
        clues.push(Clue::Line);
    }
    let unchanged = written.len() == 1 && same(&written[0], q.edit);
    let evidence = match (q.edit.evidence(), q.todo) {
        (Some(e), _) if unchanged => Some(e.clone()),
        (_, todo) if !unchanged || todo.is_some() => {
            Some(Evidence { clues: clues.clone(), confidence: Confidence::High, todo: todo.map(str::to_owned) })
        }
        _ => None,
    };
    written = written.into_iter().map(|w| w.with_evidence(evidence.clone())).collect();
    Search::Found(Finding { changes, written, clues, confidence: Confidence::High, places: ranges })
}

/// Whether two edits do the same (their evidence aside).
fn same(a: &Edit, b: &Edit) -> bool {
    a.action() == b.action() && a.scope() == b.scope() && a.count() == b.count()
}

/// Why no place was made: the draft's text stands at each (of those on the cited line, when
/// some are), or something else does.
fn not_made(inputs: &Inputs, places: &[Place], on_line: Option<&[usize]>) -> Missing {
    let set: Vec<usize> = on_line.map_or_else(|| (0..places.len()).collect(), <[usize]>::to_vec);
    let ranges: Vec<Range<usize>> = set.iter().map(|&i| places[i].range.clone()).collect();
    let found: Vec<String> = set
        .iter()
        .filter_map(|&i| match &places[i].check {
            Check::Different(changes) => {
                let c = &inputs.content;
                let region = c.region(&places[i].range);
                debug_assert_eq!(&region.changes, changes);
                Some(c.fin.literal(region.new))
            }
            _ => None,
        })
        .collect();
    if found.is_empty() {
        Missing::Unchanged { places: inputs.places(&ranges) }
    } else {
        Missing::Different { places: inputs.places(&ranges), found }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run::one_decision;
    use crate::ledger::Clue;
    use crate::reconcile::{Missing, Reconciled, Status};

    /// Reconcile one edit of decision 1 (`edit` holds its keys).
    fn one(draft: &str, published: &str, edit: &str) -> Reconciled {
        one_decision(draft, published, &format!("[[decision.edit]]\n{edit}"))
    }

    const DRAFT: &str = "表題\n見直しを行う。なお、詳細は別途定める。\n聴いて行う。なお、詳細は別途定める。\n- 6 -\n表題\n設置した。設置する。\n- 7 -\n表題\n本文。\n- 8 -\n";

    #[test]
    fn the_diff_picks_the_place_of_a_quote_standing_twice() {
        let published = DRAFT.replacen("聴いて行う。なお、詳細は別途定める。", "聴いて行う。", 1);
        let r = one(DRAFT, &published, "old = \"なお、詳細は別途定める。\"\nnew = \"\"\npage = 6\n");
        let e = &r.report.decisions[0].edits[0];
        assert_eq!((e.status, e.clues.as_slice()), (Status::Quoted, [Clue::Quote, Clue::ChangedPlace].as_slice()));
        let written = &r.ledger.decisions[0].edits[0];
        assert_eq!(written.scope().prefix.as_deref(), Some("て行う。"), "{written:?}");
        assert!(written.evidence().is_some(), "a narrowed quote says how it was narrowed");
    }

    #[test]
    fn a_quote_made_at_some_of_its_places_is_partial() {
        let published = DRAFT.replacen("設置した", "開催した", 1);
        let r = one(DRAFT, &published, "old = \"設置\"\nnew = \"開催\"\npage = 7\ncount = 2\n");
        let e = &r.report.decisions[0].edits[0];
        assert_eq!(e.status, Status::Partial);
        assert!(matches!(&e.missing, Some(Missing::NotEverywhere { places }) if places.len() == 1), "{e:?}");
        let edits = &r.ledger.decisions[0].edits;
        assert_eq!((edits.len(), edits[0].is_todo(), edits[1].is_todo()), (2, false, true));
    }

    #[test]
    fn a_line_counted_without_running_heads_is_the_line_cited() {
        // Line 2 of page 6 counting body lines only is line 3 counting the running head.
        let published = DRAFT.replacen("聴いて行う", "聴いて実施する", 1);
        let r = one(DRAFT, &published, "old = \"行う\"\nnew = \"実施する\"\npage = 6\nline = 2\n");
        let e = &r.report.decisions[0].edits[0];
        assert_eq!(e.status, Status::Quoted, "{e:?}");
        assert!(e.clues.contains(&Clue::Line));
        let written = &r.ledger.decisions[0].edits[0];
        assert_eq!(written.scope().line_number(), Some(2), "body lines, as apply counts them");
    }

    #[test]
    fn made_otherwise_or_twice_is_not_chosen() {
        let published = DRAFT.replacen("設置した", "発足した", 1);
        let r = one(DRAFT, &published, "old = \"設置\"\nnew = \"開催\"\npage = 7\n");
        let e = &r.report.decisions[0].edits[0];
        assert!(matches!(&e.missing, Some(Missing::Different { found, .. }) if found == &["発足"]), "{e:?}");
        assert_eq!(r.report.unexplained.len(), 1, "the change made otherwise is no answer's");
        let published = DRAFT.replace("設置", "開催");
        let r = one(DRAFT, &published, "old = \"設置\"\nnew = \"開催\"\npage = 7\n");
        assert_eq!(r.report.decisions[0].status, Status::Ambiguous);
        assert!(r.report.unexplained.iter().all(|u| u.claimed_by == ["1"]), "{:?}", r.report.unexplained);
    }
}
