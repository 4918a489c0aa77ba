//! A plan whose decisions quote short phrases of prose that recurs on every page, each scoped to
//! its page: the shape that made resolving grow faster than the draft (issue 14.3).
//!
//! Pages of the plan's sentences (`plan::POOL`, in a pseudo-random order), wrapped at 38
//! characters with a `- N -` footer. Each page has four edits, each quoting 4–8 characters taken
//! from the page at a random place (so the same phrase stands on most other pages too), scoped
//! to that page, `count = "all"`, and replacing it with the phrase and 「（改）」. Edits that
//! clash on their page are left out, so the ledger applies.

use super::plan::POOL;
use akaji::{Count, Decision, Edit, Ledger, Scope};

/// A generated draft and its ledger.
pub struct Recurring {
    pub draft: String,
    pub ledger: Ledger,
}

/// A draft of about `bytes` bytes with about `edits` edits, four per page.
pub fn recurring(bytes: usize, edits: usize) -> Recurring {
    let pages = (edits / 4).max(1);
    let page_bytes = bytes / pages;
    let mut seed = 12345u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut draft = String::with_capacity(bytes + 4096);
    let mut decisions = Vec::with_capacity(pages);
    for page in 1..=pages {
        let mut body: Vec<char> = Vec::with_capacity(page_bytes / 3 + 64);
        while body.len() * 3 < page_bytes {
            body.extend(POOL[next() % POOL.len()].chars());
        }
        let mut page_edits = Vec::new();
        for quarter in 0..4 {
            let len = 4 + next() % 5;
            let span = body.len() / 4;
            let at = quarter * span + next() % span.saturating_sub(len).max(1);
            let quote: String = body[at..(at + len).min(body.len())].iter().collect();
            let edit = Edit::replace(quote.clone(), format!("{quote}（改）")).expect("a quote and a new text");
            page_edits.push(edit.with_scope(Scope::pages(vec![page as u32])).with_count(Count::All));
        }
        for line in body.chunks(38) {
            draft.extend(line);
            draft.push('\n');
        }
        draft.push_str(&format!("- {page} -\n"));
        decisions.push(Decision { id: page.to_string(), edits: page_edits, ..Decision::default() });
    }
    let mut ledger = Ledger { decisions, ..Ledger::default() };
    // Leave out the edits that clash on their page (two quotes of one passage).
    let doc = akaji::Document::new(&draft, &ledger.options.page_marker);
    let mut bad: Vec<(usize, usize)> = akaji::resolve(&doc, &ledger)
        .problems
        .iter()
        .filter_map(|p| p.subject.as_ref().map(|s| (s.decision.0, s.edit.unwrap_or(0))))
        .collect();
    bad.sort_unstable();
    bad.dedup();
    for &(d, e) in bad.iter().rev() {
        ledger.decisions[d].edits.remove(e);
    }
    ledger.decisions.retain(|d| !d.edits.is_empty());
    Recurring { draft, ledger }
}
