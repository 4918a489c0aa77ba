//! Unknown keys, named with their decision and the nearest known key (`pgae` → `page`).
//!
//! serde's `deny_unknown_fields` refuses an unknown key with a line and column and the list of
//! every field; a ledger with a hundred decisions needs the decision, the edit and the key meant.
//! When a ledger does not deserialize, its text is read once more as a plain tree and each table
//! is checked against the keys it may hold. The nearest key is the one fewest edits away
//! (insertions, deletions, substitutions, swaps of neighbours), at most two and fewer than the
//! key's length; hand-written, as a crate for twenty short words would add more than it saves.
//!
//! ```
//! use akaji::{Ledger, Kind, LedgerProblem};
//! let err = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\npgae = 4\n").unwrap_err();
//! assert_eq!(err.to_string(), "decision 32, edit 1: unknown key `pgae` (line 6): did you mean `page`?");
//! ```

use super::decisions::DecisionIx;
use super::problem::{KeyTable, LedgerProblem};
use crate::diagnostic::{Diagnostic, Subject};
use serde_json::Value;

/// The keys each table may hold, in the order the ledger format lists them: the fields of
/// raw.rs's `RawLedger`, `RawOptions`, `RawDecision`, `RawEdit` (a key added there is added here;
/// the test below compares the two lists with serde's own).
pub(crate) fn keys(table: KeyTable) -> &'static [&'static str] {
    match table {
        KeyTable::Ledger => &["title", "draft", "options", "decision"],
        KeyTable::Options => &["page_marker", "match_width", "count_lines", "kind", "lang"],
        KeyTable::Decision => &["id", "by", "at", "request", "response", "date", "unexplained", "edit"],
        KeyTable::Edit => &[
            "todo", "old", "after", "before", "new", "page", "pages", "line", "prefix", "suffix", "count", "per_page",
            "evidence",
        ],
    }
}

/// Every unknown key of a ledger read as a tree, each about its decision and edit.
pub(super) fn unknown_keys(tree: &Value) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let Some(top) = tree.as_object() else { return found };
    let mut check = |table: KeyTable, map: &serde_json::Map<String, Value>, subject: Option<Subject>| {
        for key in map.keys().filter(|k| !keys(table).contains(&k.as_str())) {
            let problem =
                LedgerProblem::UnknownKey { key: key.clone(), table, nearest: nearest(key, keys(table)), line: None };
            found.push(match &subject {
                Some(s) => Diagnostic::about(s.clone(), problem),
                None => Diagnostic::new(problem),
            });
        }
    };
    check(KeyTable::Ledger, top, None);
    if let Some(options) = top.get("options").and_then(Value::as_object) {
        check(KeyTable::Options, options, None);
    }
    let decisions = top.get("decision").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    for (i, d) in decisions.iter().enumerate() {
        let Some(d) = d.as_object() else { continue };
        let id = d.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        let about = |edit| Subject { decision: DecisionIx(i), id: id.clone(), edit };
        check(KeyTable::Decision, d, Some(about(None)));
        let edits = d.get("edit").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        for (e, edit) in edits.iter().enumerate() {
            if let Some(edit) = edit.as_object() {
                check(KeyTable::Edit, edit, Some(about(Some(e))));
            }
        }
    }
    found
}

/// `found` with `line` given to the unknown key the parser's own account (`detail`) names.
pub(super) fn with_line(mut found: Vec<Diagnostic>, detail: &str, at: usize) -> Vec<Diagnostic> {
    for d in &mut found {
        if let crate::diagnostic::Kind::Ledger(LedgerProblem::UnknownKey { key, line, .. }) = &mut d.kind {
            if detail.contains(&format!("`{key}`")) {
                *line = Some(at);
                break;
            }
        }
    }
    found
}

/// The known key nearest `key`: at most two edits away and fewer than its length.
fn nearest(key: &str, known: &[&'static str]) -> Option<String> {
    let limit = 2.min(key.chars().count().saturating_sub(1));
    known
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_owned())
}

/// Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours
/// (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.to_lowercase().chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's message for an unknown key lists the fields it knows: they are these keys.
    #[test]
    fn the_keys_are_the_fields_of_the_ledger_structs() {
        let tables = [
            (KeyTable::Ledger, "zzz = 1\n"),
            (KeyTable::Options, "[options]\nzzz = 1\n"),
            (KeyTable::Decision, "[[decision]]\nid = \"1\"\nzzz = 1\n"),
            (KeyTable::Edit, "[[decision]]\nid = \"1\"\n[[decision.edit]]\nzzz = 1\n"),
        ];
        for (table, text) in tables {
            let serde_says = super::super::raw::serde_fields(text);
            let ours: Vec<String> = keys(table).iter().map(|k| format!("`{k}`")).collect();
            assert_eq!(serde_says, ours.join(", "), "{table:?}");
        }
    }

    #[test]
    fn the_nearest_key_is_a_few_edits_away_or_none() {
        let edit = keys(KeyTable::Edit);
        assert_eq!(nearest("pgae", edit).as_deref(), Some("page"));
        assert_eq!(nearest("prefx", edit).as_deref(), Some("prefix"));
        assert_eq!(nearest("Old", edit).as_deref(), Some("old"));
        assert_eq!(nearest("scope", edit), None);
        assert_eq!(nearest("x", edit), None);
    }
}
