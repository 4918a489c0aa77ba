//! The edits of an `apply` input: one edit a line, `KIND<TAB>QUOTE<TAB>NEW[<TAB>PAGE[<TAB>COUNT]]`,
//! KIND `r` (replace), `a` (insert after) or `b` (insert before), COUNT a number or `*` (all); a
//! first line `w` turns match_width on; lines that make no edit are skipped. The `apply` target
//! reads its input with it, and so does `cargo test` (tests/properties.rs), which replays the
//! seeds and the fuzzer's finds: one reader, so that a find means the same in both.

use akaji::{Count, Decision, Edit, Ledger, Scope, Side};

/// The ledger the lines of `spec` describe (no decision when no line makes an edit).
pub fn ledger(spec: &str) -> Ledger {
    let mut ledger = Ledger::default();
    for (i, line) in spec.lines().enumerate() {
        if i == 0 && line == "w" {
            ledger.options.match_width = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let edit = match f.as_slice() {
            ["r", quote, new, ..] => Edit::replace(*quote, *new),
            ["a", quote, new, ..] => Edit::insert(Side::After, *quote, *new),
            ["b", quote, new, ..] => Edit::insert(Side::Before, *quote, *new),
            _ => continue,
        };
        let Ok(mut edit) = edit else { continue };
        if let Some(page) = f.get(3).and_then(|p| p.parse().ok()) {
            edit = edit.with_scope(Scope::pages(vec![page]));
        }
        match f.get(4) {
            Some(&"*") => edit = edit.with_count(Count::All),
            Some(n) => {
                if let Some(n) = n.parse::<usize>().ok().filter(|&n| n > 0) {
                    edit = edit.with_count(Count::Exactly(n));
                }
            }
            None => {}
        }
        ledger.decisions.push(Decision { id: format!("{i}"), edits: vec![edit], ..Decision::default() });
    }
    ledger
}
