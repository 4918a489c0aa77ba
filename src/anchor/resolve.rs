//! Resolving a whole ledger against a draft in one pass, in four steps: every edit's quote is
//! folded and its scope found ([`prepare`]); all quotes are searched for at once; each edit keeps
//! the matches in its scope and its count is checked ([`in_scope`], [`check_count`]); the matches
//! become the draft bytes that change (`replacement`). Conflicts are looked for last.

use super::conflict;
use super::near::near_miss;
use super::patterns::Patterns;
use super::pending::{Change, PendingEdit};
use super::problem::AnchorProblem;
use super::replacement::{resolved, without_shared_layout};
use super::resolved::Resolution;
use super::scope::{FoldedScope, PageIndex};
use super::search;
use super::whole::between_characters;
use crate::diagnostic::{Diagnostic, Subject};
use crate::document::{Document, PageNo};
use crate::fold::{fold_quote, fold_text, Folded};
use crate::ledger::{Action, Ledger};
use std::ops::Range;

/// Most places listed for one edit in a message.
const MAX_PLACES: usize = 12;

/// Resolve every edit of `ledger` against `draft`. Never fails: every problem is collected.
pub fn resolve(draft: &Document, ledger: &Ledger) -> Resolution {
    let lines = draft.line_count();
    if lines > 1 && (0..lines).all(|l| draft.is_marker_line(l)) {
        let pattern = ledger.options.page_marker.pattern().to_owned();
        return Resolution {
            edits: Vec::new(),
            problems: vec![Diagnostic::new(AnchorProblem::MarkerMatchesEveryLine { pattern, lines })],
        };
    }
    let folded = Folded::new(draft, ledger.options.match_width);
    let mut problems = Vec::new();
    let mut patterns = Patterns::default();
    let pending = prepare(draft, ledger, &folded, &mut patterns, &mut problems);
    let text = folded.text();
    let scoped: Vec<InScope> = search::in_scopes(&pending, &patterns, text)
        .into_iter()
        .zip(&pending)
        .map(|(all, edit)| in_scope(edit, &all, draft.text(), &folded))
        .collect();
    // Where the quotes that matched nowhere in scope are found instead, for their messages.
    let missing: Vec<usize> = pending
        .iter()
        .zip(&scoped)
        .filter(|(_, f)| f.matches.is_empty() && f.split.is_empty())
        .map(|(e, _)| e.pattern)
        .collect();
    let anywhere = search::first_anywhere(&missing, &patterns, text, MAX_PLACES);
    let mut edits = Vec::with_capacity(scoped.iter().map(|f| f.matches.len()).sum());
    for (edit, found) in pending.iter().zip(scoped) {
        let elsewhere = anywhere.get(&edit.pattern).map_or(&[][..], Vec::as_slice);
        match check_count(edit, &found, elsewhere, draft, &folded, &patterns) {
            Ok(()) => {
                let part = edit.changed_part();
                let places: Vec<_> =
                    found.matches.into_iter().map(|m| resolved(edit, part, draft, &folded, m)).collect();
                // Old and new that differ only in white space, which a quote does not match,
                // change nothing: say so rather than apply nothing.
                match places.iter().find(|r| r.old.is_empty() && r.replacement.is_empty()) {
                    Some(r) => {
                        let place = Box::new(draft.place(r.anchor.clone()));
                        problems.push(Diagnostic::about(
                            Subject::of_edit(ledger, edit.at),
                            AnchorProblem::ChangesNothing { place },
                        ));
                    }
                    None => edits.extend(places),
                }
            }
            Err(found) => {
                problems.extend(found.into_iter().map(|p| Diagnostic::about(Subject::of_edit(ledger, edit.at), p)))
            }
        }
    }
    problems.extend(conflict::check(draft, ledger, &mut edits));
    problems.sort_by_key(|p| p.subject.as_ref().map(|s| (s.decision, s.edit)));
    Resolution { edits, problems }
}

/// Every edit that anchors on a quote, folded, with its scope in the folded draft; a todo, or a
/// scope the draft does not have, is a problem instead.
fn prepare<'l>(
    draft: &Document,
    ledger: &'l Ledger,
    folded: &Folded,
    patterns: &mut Patterns,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PendingEdit<'l>> {
    let width = ledger.options.match_width;
    let index = PageIndex::new(draft);
    let mut pending = Vec::new();
    for (at, edit) in ledger.edits() {
        let problem = |p: AnchorProblem| Diagnostic::about(Subject::of_edit(ledger, at), p);
        let (quote, change) = match edit.action() {
            Action::Replace { old, new } => (old, Change::Replace { new: without_shared_layout(old, new) }),
            Action::Insert { anchor, side, new } => (anchor, Change::Insert { side: *side, new }),
            Action::Todo(t) => {
                problems.push(problem(AnchorProblem::Todo { note: t.note.clone() }));
                continue;
            }
        };
        let scope = match FoldedScope::indexed(edit.scope(), draft, folded, &index) {
            Ok(s) => s,
            Err(p) => {
                problems.push(problem(p));
                continue;
            }
        };
        let (needle, quote_chars) = fold_quote(quote, width);
        let fold = |s: &Option<String>| s.as_deref().map(|s| fold_text(s, width));
        pending.push(PendingEdit {
            at,
            change,
            quote_chars,
            pattern: patterns.add(needle),
            prefix: fold(&edit.scope().prefix),
            suffix: fold(&edit.scope().suffix),
            scope,
            count: edit.count(),
            per_page: edit.scope().per_page(),
        });
    }
    pending
}

/// The matches of an edit in its scope, and those in scope that would cut a character in two.
#[derive(Debug, Default)]
struct InScope {
    /// Matches in scope, on whole characters, without overlaps.
    matches: Vec<Range<usize>>,
    /// Matches in scope that start or end inside a character (see [`super::whole`]).
    split: Vec<Range<usize>>,
}

/// The matches of `edit` (from `all`, its quote's matches in the regions of its scope, sorted by
/// start) that lie in its scope, without overlaps; a match that would cut a character of the draft in two is no match.
fn in_scope(edit: &PendingEdit, all: &[Range<usize>], draft: &str, folded: &Folded) -> InScope {
    let text = folded.text();
    let mut found = InScope::default();
    for r in edit.scope.ranges(text.len()) {
        // Matches are sorted by start: look only at those that can lie in this range.
        let from = all.partition_point(|m| m.end <= r.start);
        for m in all[from..].iter().take_while(|m| m.start < r.end).filter(|m| edit.fits(text, m)) {
            if !(between_characters(draft, folded, m.start) && between_characters(draft, folded, m.end)) {
                found.split.push(m.clone());
            } else if found.matches.last().is_none_or(|last| m.start >= last.end) {
                found.matches.push(m.clone());
            }
        }
    }
    found
}

/// Whether the matches are what the edit's count asks (on each page, with `per_page`); if not,
/// why: no match at all (with the nearest near-miss, or the matches the scope rules out, from
/// `elsewhere`: the quote's first matches anywhere), or another number of them.
fn check_count(
    edit: &PendingEdit,
    found: &InScope,
    elsewhere: &[Range<usize>],
    draft: &Document,
    folded: &Folded,
    patterns: &Patterns,
) -> Result<(), Vec<AnchorProblem>> {
    let to_place = |m: &Range<usize>| draft.place(folded.doc_range(m));
    let quote: String = edit.quote_chars.iter().map(|c| c.ch).collect();
    let matches = &found.matches;
    if matches.is_empty() && !found.split.is_empty() {
        let places = found.split.iter().take(MAX_PLACES).map(to_place).collect();
        return Err(vec![AnchorProblem::PartOfCharacter { quote, places }]);
    }
    let text = folded.text();
    if matches.is_empty() {
        let out: Vec<&Range<usize>> = elsewhere.iter().filter(|m| !edit.fits(text, m)).take(MAX_PLACES).collect();
        let excluded_by = out.iter().map(|m| edit.ruled_out_by(text, m)).collect();
        let elsewhere: Vec<_> = out.into_iter().map(to_place).collect();
        let near_miss = if elsewhere.is_empty() {
            near_miss(draft, folded, patterns.get(edit.pattern), &edit.scope.ranges(text.len())).map(Box::new)
        } else {
            None
        };
        return Err(vec![AnchorProblem::NoMatch { quote, near_miss, elsewhere, excluded_by }]);
    }
    let mismatch = |page: Option<PageNo>, on: Vec<&Range<usize>>| AnchorProblem::CountMismatch {
        quote: quote.clone(),
        expected: edit.count,
        found: on.len(),
        places: on.into_iter().take(MAX_PLACES).map(to_place).collect(),
        page,
    };
    if !edit.per_page {
        return match edit.count.accepts(matches.len()) {
            true => Ok(()),
            false => Err(vec![mismatch(None, matches.iter().collect())]),
        };
    }
    let problems: Vec<AnchorProblem> = edit
        .scope
        .pages()
        .into_iter()
        .filter_map(|page| {
            let on: Vec<&Range<usize>> = matches.iter().filter(|m| edit.scope.page_of(m) == Some(page)).collect();
            (!edit.count.accepts(on.len())).then(|| mismatch(Some(page), on))
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
