//! The drafted ledger as text, written decision by decision.
//!
//! [`Ledger::to_toml`](crate::ledger::Ledger::to_toml) builds the whole document as a TOML value
//! tree before writing it: for a ledger of a million decisions that tree alone held more than the
//! table. A drafted ledger has no title, options or dates, only decisions, so it is written one
//! `[[decision]]` at a time, each through the same serializer: the text is the same, and memory
//! holds the ledger and its text, not a third copy.
//!
//! ```
//! use akaji::import::{import, to_toml, ImportOptions};
//! let done = import("項番\t考え方\n1\t「A」を「B」に修正します。\n", &ImportOptions::default()).unwrap();
//! assert_eq!(to_toml(&done.ledger), done.ledger.to_toml());
//! ```

use crate::ledger::{Decision, Ledger};
use serde::Serialize;

#[derive(Serialize)]
struct One<'a> {
    decision: [&'a Decision; 1],
}

/// The ledger as TOML, the same text as [`Ledger::to_toml`] gives.
pub fn to_toml(ledger: &Ledger) -> String {
    let plain = ledger.title.is_none() && ledger.draft.is_none() && ledger.options == Default::default();
    if !plain || ledger.decisions.iter().any(|d| d.date.is_some()) {
        return ledger.to_toml();
    }
    let mut out = String::new();
    for (i, d) in ledger.decisions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&toml::to_string(&One { decision: [d] }).expect("a decision always serializes to TOML"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, ImportOptions};

    #[test]
    fn the_same_text_as_the_ledger_writes() {
        let table = include_str!("../../testdata/import/ict2023-public-comments.txt");
        let done = import(table, &ImportOptions::default()).unwrap();
        assert_eq!(to_toml(&done.ledger), done.ledger.to_toml());
        let phrasings = include_str!("../../testdata/import/phrasings.tsv");
        let done = import(phrasings, &ImportOptions::default()).unwrap();
        assert_eq!(to_toml(&done.ledger), done.ledger.to_toml());
        assert_eq!(to_toml(&Ledger::default()), Ledger::default().to_toml());
    }
}
