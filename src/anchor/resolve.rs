//! Resolving a whole ledger against a draft in one pass.

use super::patterns::Patterns;
use super::scope::Scope;
use super::trim::{changed_part, Kept};
use super::{conflict, near, place};
use crate::apply::{Resolution, Resolved};
use crate::document::Document;
use crate::error::{Problem, ProblemKind};
use crate::fold::{fold_quote, Folded};
use crate::ledger::{Action, Ledger, Side};
use std::collections::HashMap;
use std::ops::Range;

/// Most places listed for one edit in a message.
const MAX_PLACES: usize = 12;

/// One edit waiting for its matches.
struct Job<'l> {
    decision: usize,
    edit: usize,
    action: Action<'l>,
    /// The quote's characters (white space dropped) and the folded bytes each became.
    pieces: Vec<(char, usize)>,
    pattern: usize,
    prefix: Option<String>,
    suffix: Option<String>,
    scope: Scope,
}

/// Resolve every edit of `ledger` against `draft`. Never fails: every problem is collected.
pub fn resolve(draft: &Document, ledger: &Ledger) -> Resolution {
    let width = ledger.options.match_width;
    let folded = Folded::new(draft, width);
    let mut problems = Vec::new();
    let mut patterns = Patterns::default();
    let mut jobs = Vec::new();
    for (di, d) in ledger.decisions.iter().enumerate() {
        for (ei, e) in d.edits.iter().enumerate() {
            let problem = |kind| Problem { decision: Some(d.id.clone()), edit: Some(ei), kind };
            let action = match e.action() {
                Ok(Action::Todo { note }) => {
                    problems.push(problem(ProblemKind::Todo { note: note.to_owned() }));
                    continue;
                }
                Ok(a) => a,
                Err(message) => {
                    problems.push(problem(ProblemKind::Invalid { message }));
                    continue;
                }
            };
            let scope = match Scope::of(e, draft, &folded) {
                Ok(s) => s,
                Err(kind) => {
                    problems.push(problem(*kind));
                    continue;
                }
            };
            let quote = match action {
                Action::Replace { old, .. } => old,
                Action::Insert { anchor, .. } => anchor,
                Action::Todo { .. } => unreachable!("todo edits are set aside above"),
            };
            let (needle, pieces) = fold_quote(quote, width);
            let pattern = patterns.add(needle);
            let fold_opt = |s: &Option<String>| s.as_deref().map(|s| fold_quote(s, width).0);
            jobs.push(Job {
                decision: di,
                edit: ei,
                action,
                pieces,
                pattern,
                prefix: fold_opt(&e.prefix),
                suffix: fold_opt(&e.suffix),
                scope,
            });
        }
    }
    let found = patterns.search(&folded);
    let mut edits = Vec::new();
    for job in &jobs {
        let e = &ledger.decisions[job.decision].edits[job.edit];
        let id = &ledger.decisions[job.decision].id;
        let problem = |kind| Problem { decision: Some(id.clone()), edit: Some(job.edit), kind };
        let text = folded.text();
        let fits = |m: &Range<usize>| {
            job.scope.contains(m)
                && job.prefix.as_deref().is_none_or(|p| text[..m.start].ends_with(p))
                && job.suffix.as_deref().is_none_or(|s| text[m.end..].starts_with(s))
        };
        let all = &found[job.pattern];
        let mut matches: Vec<Range<usize>> = Vec::new();
        for r in job.scope.ranges(text.len()) {
            // Matches are sorted by start: look only at those that can lie in this range.
            let from = all.partition_point(|m| m.end <= r.start);
            for m in all[from..].iter().take_while(|m| m.start < r.end).filter(|m| fits(m)) {
                if matches.last().is_none_or(|last| m.start >= last.end) {
                    matches.push(m.clone());
                }
            }
        }
        let to_place = |m: &Range<usize>| place(draft, folded.orig_start(m.start)..folded.orig_end(m.end));
        let quote: String = job.pieces.iter().map(|p| p.0).collect();
        if matches.is_empty() {
            let elsewhere: Vec<_> = all.iter().filter(|m| !fits(m)).take(MAX_PLACES).map(to_place).collect();
            let near_miss = if elsewhere.is_empty() {
                near::near_miss(draft, &folded, patterns.get(job.pattern), &job.scope.ranges(text.len()))
            } else {
                None
            };
            problems.push(problem(ProblemKind::NoMatch { quote, near_miss, elsewhere }));
            continue;
        }
        let per_page = e.per_page == Some(true);
        if !per_page && !e.count().accepts(matches.len()) {
            let places = matches.iter().take(MAX_PLACES).map(to_place).collect();
            problems.push(problem(ProblemKind::CountMismatch { quote, expected: e.count().to_string(), places }));
            continue;
        }
        let short = if per_page { job.scope.pages_short_of(&matches, e.count()) } else { Vec::new() };
        if !short.is_empty() {
            let page_of = |s: usize| place(draft, folded.orig_start(s)..folded.orig_start(s)).page;
            let pages: Vec<String> = short.iter().map(|&s| format!("P{}", page_of(s))).collect();
            let expected = format!("{} on each listed page (not so on {})", e.count(), pages.join(", "));
            let places = matches.iter().take(MAX_PLACES).map(to_place).collect();
            problems.push(problem(ProblemKind::CountMismatch { quote, expected, places }));
            continue;
        }
        for m in matches {
            edits.push(resolved(job, draft.text(), &folded, m));
        }
    }
    problems.extend(conflict::check(draft, ledger, &mut edits));
    let order: HashMap<&str, usize> = ledger.decisions.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    problems.sort_by_key(|p| (p.decision.as_deref().and_then(|d| order.get(d)).copied(), p.edit));
    Resolution { edits, problems }
}

/// A match turned into the draft bytes that change and the text that goes there.
fn resolved(job: &Job, draft: &str, folded: &Folded, m: Range<usize>) -> Resolved {
    let anchor = folded.orig_start(m.start)..folded.orig_end(m.end);
    let (range, new) = match job.action {
        Action::Insert { side: Side::After, new, .. } => (anchor.end..anchor.end, new.to_owned()),
        Action::Insert { side: Side::Before, new, .. } => (anchor.start..anchor.start, new.to_owned()),
        Action::Replace { new, .. } => {
            let quote: Vec<char> = job.pieces.iter().map(|p| p.0).collect();
            let kept = changed_part(&quote, new);
            let head: usize = job.pieces[..kept.prefix].iter().map(|p| p.1).sum();
            let tail: usize = job.pieces[job.pieces.len() - kept.suffix..].iter().map(|p| p.1).sum();
            let (s, e) = (m.start + head, m.end - tail);
            if s < e {
                let range = folded.orig_start(s)..folded.orig_end(e);
                (range, with_layout(draft, folded, &job.pieces, m.start, &kept))
            } else {
                let at = if kept.prefix > 0 { folded.orig_end(s) } else { folded.orig_start(s) };
                (at..at, kept.new.to_owned())
            }
        }
        Action::Todo { .. } => unreachable!("todo edits are never resolved"),
    };
    Resolved { decision: job.decision, edit: job.edit, anchor, range, new }
}

/// The new text for a changed part, with the draft's line breaks (and any page-marker line) kept
/// where they fall between characters that `old` and `new` share: widening 「に\nあたっては」 to
/// whole words must not join the two lines. Breaks inside the truly changed characters go.
fn with_layout(draft: &str, folded: &Folded, pieces: &[(char, usize)], start: usize, kept: &Kept) -> String {
    let m = pieces.len();
    let new: Vec<char> = kept.new.chars().collect();
    let mut out = String::with_capacity(kept.new.len() + 8);
    let mut at = start + pieces[..kept.prefix].iter().map(|p| p.1).sum::<usize>();
    let mut taken = 0;
    // Gap before quote character i, for every i inside the changed part.
    for i in kept.prefix + 1..m - kept.suffix {
        at += pieces[i - 1].1;
        let gap = &draft[folded.orig_end(at)..folded.orig_start(at)];
        if gap.is_empty() {
            continue;
        }
        let furniture = !gap.chars().all(char::is_whitespace);
        let place = if i <= kept.same_prefix {
            Some(i - kept.prefix)
        } else if i >= m - kept.same_suffix {
            new.len().checked_sub(m - kept.suffix - i)
        } else if furniture {
            Some((i - kept.prefix).min(new.len()))
        } else {
            None
        };
        if let Some(place) = place.filter(|&p| p >= taken && p <= new.len()) {
            out.extend(&new[taken..place]);
            out.push_str(gap);
            taken = place;
        }
    }
    out.extend(&new[taken..]);
    out
}
