//! The ledger: every correction decision taken on one draft, as structured edits.
//!
//! A ledger is TOML (or the same structure as JSON when its file name ends in `.json`). Each
//! `[[decision]]` is one answer that promises a change; each `[[decision.edit]]` inside it is one
//! replace, delete or insert at an anchor. The file is read once into checked types (`raw`): an
//! [`Edit`] is an [`Action`], a [`Scope`] and a [`Count`], so nothing downstream re-checks keys.
//! Unknown keys are errors, so a typo never silently drops a scope; every problem of a file is
//! reported in one run. The README's "The ledger" section lists every key.
//!
//! ```
//! use akaji::{Action, Ledger};
//! let ledger = Ledger::from_toml(r#"
//! [[decision]]
//! id = "32"
//! [[decision.edit]]
//! old = "設置"
//! new = "開催"
//! pages = [4, 12]
//! count = 2
//! "#).unwrap();
//! let edit = &ledger.decisions[0].edits[0];
//! assert_eq!(edit.action(), &Action::Replace { old: "設置".into(), new: "開催".into() });
//! assert_eq!(edit.scope().page_numbers(), [4, 12]);
//! ```

mod decisions;
mod edit;
mod evidence;
mod keys;
mod options;
mod pieces;
mod problem;
mod raw;
mod side;
mod unknown;

pub use decisions::{Date, Decision, DecisionIx, EditRef, Ledger};
pub use edit::{Action, Count, Edit, PageScope, Scope, Todo};
pub use evidence::{Clue, Confidence, Evidence};
pub use options::LedgerOptions;
pub use problem::{KeyTable, LedgerProblem};
pub use side::Side;
pub(crate) use unknown::keys as keys_of;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;

    fn messages(toml: &str) -> Vec<String> {
        Ledger::from_toml(toml).unwrap_err().iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn unknown_keys_are_errors_with_line_and_column() {
        let err =
            Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\npgae = 3\n")
                .unwrap_err();
        match &err[0].kind {
            Kind::Ledger(LedgerProblem::UnknownKey { key, line, nearest, .. }) => {
                assert_eq!((key.as_str(), *line, nearest.as_deref()), ("pgae", Some(6), Some("page")));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(err[0].subject.as_ref().map(|s| (s.id.as_str(), s.edit)), Some(("1", Some(0))));
    }

    #[test]
    fn missing_id_is_an_error() {
        let m = messages("[[decision]]\nid = \"1\"\n[[decision]]\nby = \"x\"\n");
        assert!(m[0].contains("the 2nd [[decision]] has no `id`"), "{m:?}");
    }

    #[test]
    fn duplicate_ids_and_incoherent_edits_are_all_reported() {
        let p = messages(
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nafter = \"b\"\nnew = \"c\"\n\
             [[decision]]\nid = \"1\"\n[[decision.edit]]\nafter = \"x\"\n",
        );
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("decision 1, edit 1: has more than one of"), "{p:?}");
        assert!(p[1].contains("more than one decision"), "{p:?}");
        assert!(p[2].contains("insertion with no `new`"), "{p:?}");
    }

    #[test]
    fn count_accepts_numbers_and_all() {
        let l = Ledger::from_toml(
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\ncount = \"all\"\n",
        )
        .unwrap();
        assert_eq!(l.decisions[0].edits[0].count(), Count::All);
        let e = messages("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\ncount = 0\n");
        assert!(e[0].contains("count must be 1 or more"), "{e:?}");
    }

    #[test]
    fn line_needs_one_page() {
        let p = messages("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\nline = 3\n");
        assert!(p[0].contains("`line` without a single `page`"), "{p:?}");
    }

    #[test]
    fn toml_and_json_round_trip_with_dates() {
        let text = "title = \"t\"\n[[decision]]\nid = \"32\"\ndate = 2023-08-25\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\npages = [4, 12]\ncount = 2\n";
        let l = Ledger::from_toml(text).unwrap();
        assert_eq!(l.decisions[0].date, Some(Date("2023-08-25".into())));
        let again = Ledger::from_toml(&l.to_toml()).unwrap();
        assert_eq!(again, l);
        assert!(l.to_toml().contains("date = 2023-08-25"), "{}", l.to_toml());
        let json = serde_json::to_string(&l).unwrap();
        assert!(json.contains("\"date\":\"2023-08-25\""), "{json}");
        assert_eq!(Ledger::from_json(&json).unwrap(), l);
    }

    #[test]
    fn every_shape_of_edit_is_written_back_as_read() {
        let text = "[options]\npage_marker = '^- (\\d+) -$'\nmatch_width = true\n\n[[decision]]\nid = \"1\"\n\n\
            [[decision.edit]]\nafter = \"a\"\nnew = \"b\"\npage = 3\nline = -2\n\n\
            [[decision.edit]]\nbefore = \"c\"\nnew = \"d\"\npages = [4, 11, 19]\ncount = \"all\"\nper_page = true\n\n\
            [[decision.edit]]\ntodo = \"check\"\nold = \"e\"\nnew = \"f\"\nprefix = \"g\"\nsuffix = \"h\"\n";
        let l = Ledger::from_toml(text).unwrap();
        assert_eq!(Ledger::from_toml(&l.to_toml()).unwrap(), l, "{}", l.to_toml());
        assert_eq!(Ledger::from_json(&serde_json::to_string(&l).unwrap()).unwrap(), l);
        assert!(l.to_toml().contains("per_page = true"), "{}", l.to_toml());
        assert_eq!(l.options.page_marker.pattern(), "^- (\\d+) -$");
    }

    #[test]
    fn evidence_and_the_unexplained_mark_are_read_and_written_back() {
        let text = "[[decision]]\nid = \"2\"\n\n[[decision.edit]]\nold = \"国際情報\"\nnew = \"国際情勢\"\npage = 3\n\n\
            [decision.edit.evidence]\nclues = [\"page\", \"request_pair\"]\nconfidence = \"high\"\ntodo = \"貴見のとおり\"\n\n\
            [[decision]]\nid = \"unexplained-1\"\nunexplained = true\n\n[[decision.edit]]\nold = \"7\"\nnew = \"6\"\npage = 5\n";
        let l = Ledger::from_toml(text).unwrap();
        let e = l.decisions[0].edits[0].evidence().unwrap();
        assert_eq!((e.clues.as_slice(), e.confidence), ([Clue::Page, Clue::RequestPair].as_slice(), Confidence::High));
        assert_eq!(e.todo.as_deref(), Some("貴見のとおり"));
        assert!(!l.decisions[0].unexplained && l.decisions[1].unexplained);
        assert!(l.decisions[1].edits[0].evidence().is_none());
        assert_eq!(l.to_toml(), text);
        assert_eq!(Ledger::from_json(&serde_json::to_string(&l).unwrap()).unwrap(), l);
    }

    #[test]
    fn an_unknown_clue_or_evidence_key_is_an_error() {
        let edit = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\n[decision.edit.evidence]\n";
        for bad in [
            "clues = [\"pgae\"]\nconfidence = \"high\"\n",
            "clues = []\nconfidence = \"sure\"\n",
            "clues = []\nconfidence = \"low\"\nwhy = 1\n",
        ] {
            let m = messages(&format!("{edit}{bad}"));
            assert!(m[0].contains("line"), "{m:?}");
        }
        let m = messages(&format!("{edit}confidence = \"low\"\n"));
        assert!(m[0].contains("clues"), "{m:?}");
    }

    #[test]
    fn json_syntax_errors_carry_the_place() {
        let err = Ledger::from_json("{\n \"decision\": [ { \"id\": 3 } ]\n}").unwrap_err();
        assert!(matches!(err[0].kind, Kind::Ledger(LedgerProblem::Syntax { line: 2, .. })), "{err:?}");
    }
}
