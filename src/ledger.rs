//! The ledger: every correction decision taken on one draft, as structured edits.
//!
//! A ledger is TOML (or the same structure as JSON when its file name ends in `.json`). Each
//! `[[decision]]` is one answer that promises a change; each `[[decision.edit]]` inside it is one
//! replace, delete or insert at an anchor. Unknown keys are errors, so a typo never silently drops
//! a scope. See DESIGN.md and the README for every key.
//!
//! ```
//! use akaji::ledger::{Ledger, Action};
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
//! assert!(matches!(edit.action().unwrap(), Action::Replace { old: "設置", new: "開催" }));
//! ```

mod edit;

pub use edit::{side_key, Action, Count, Edit, Side};

use crate::document::{PageMarker, DEFAULT_PAGE_MARKER};
use crate::error::{LedgerError, Problem};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// All decisions for one draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The draft's path, relative to the ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// How the draft is read and matched.
    #[serde(default, skip_serializing_if = "Options::is_default")]
    pub options: Options,
    /// The decisions, in the ledger's order.
    #[serde(default, rename = "decision", skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

/// How the draft is paginated and how quotes match it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// A regular expression for a line that closes a page; its first group is the page number.
    #[serde(default = "default_page_marker")]
    pub page_marker: String,
    /// Whether full- and half-width forms of a character match each other (NFKC).
    #[serde(default)]
    pub match_width: bool,
}

fn default_page_marker() -> String {
    DEFAULT_PAGE_MARKER.to_owned()
}

impl Default for Options {
    fn default() -> Self {
        Options { page_marker: default_page_marker(), match_width: false }
    }
}

impl Options {
    fn is_default(&self) -> bool {
        *self == Options::default()
    }

    /// The compiled page marker.
    pub fn page_marker(&self) -> Result<PageMarker, regex::Error> {
        PageMarker::new(&self.page_marker)
    }
}

/// One answer that promises a change, identified by the comment's number (項番).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Unique in the ledger; required (a missing id is reported by [`Ledger::validate`]).
    #[serde(default)]
    pub id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Where the comment pointed, free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// The answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// When the decision was taken (a TOML date, or a string in JSON), kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The edits this decision makes.
    #[serde(default, rename = "edit", skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
}

impl Decision {
    /// A label for the decision as people write it: 「意見32（個人E）」.
    pub fn label(&self) -> String {
        match &self.by {
            Some(by) => format!("意見{}（{}）", self.id, by),
            None => format!("意見{}", self.id),
        }
    }
}

/// A date as written in the ledger (`2023-08-25`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date(pub String);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Toml(toml::value::Datetime),
        }
        Ok(Date(match Raw::deserialize(d)? {
            Raw::Text(s) => s,
            Raw::Toml(dt) => dt.to_string(),
        }))
    }
}

impl Ledger {
    /// Parse TOML. Syntax errors carry the line and column; the structure is then validated.
    pub fn from_toml(text: &str) -> Result<Ledger, LedgerError> {
        let ledger: Ledger = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_column(text, s.start));
            LedgerError::Syntax { line, column, message: e.message().to_owned() }
        })?;
        ledger.validate()?;
        Ok(ledger)
    }

    /// Parse JSON of the same structure.
    pub fn from_json(text: &str) -> Result<Ledger, LedgerError> {
        let ledger: Ledger = serde_json::from_str(text).map_err(|e| LedgerError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        ledger.validate()?;
        Ok(ledger)
    }

    /// Parse by file name: JSON when it ends in `.json`, TOML otherwise.
    pub fn parse(text: &str, file_name: &str) -> Result<Ledger, LedgerError> {
        if file_name.to_ascii_lowercase().ends_with(".json") {
            Ledger::from_json(text)
        } else {
            Ledger::from_toml(text)
        }
    }

    /// The ledger as TOML; dates are written as TOML dates.
    pub fn to_toml(&self) -> String {
        let mut value = toml::Value::try_from(self).expect("a ledger always converts to TOML");
        let decisions = value.get_mut("decision").and_then(toml::Value::as_array_mut);
        for d in decisions.into_iter().flatten() {
            if let Some(date) = d.get_mut("date") {
                if let Some(dt) = date.as_str().and_then(|s| s.parse().ok()) {
                    *date = toml::Value::Datetime(dt);
                }
            }
        }
        toml::to_string(&value).expect("a ledger always serializes to TOML")
    }

    /// The decision with this id.
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// Check what the types cannot: ids present and unique, each edit's keys coherent, the
    /// page marker a valid regular expression. Every problem is reported, not only the first.
    pub fn validate(&self) -> Result<(), LedgerError> {
        let mut problems = Vec::new();
        if let Err(e) = self.options.page_marker() {
            problems.push(Problem::ledger(format!("options.page_marker is not a valid regular expression: {e}")));
        }
        let mut seen = HashSet::new();
        for (di, d) in self.decisions.iter().enumerate() {
            if d.id.trim().is_empty() {
                let which = ordinal(di + 1);
                problems.push(Problem::ledger(format!(
                    "the {which} [[decision]] has no `id`: give the comment's number (項番)"
                )));
            } else if !seen.insert(d.id.as_str()) {
                let message = format!("id \"{}\" is used by more than one decision: ids must be unique", d.id);
                problems.push(Problem::decision(&d.id, None, message));
            }
            for (ei, e) in d.edits.iter().enumerate() {
                let mut fail = |msg: &str| problems.push(Problem::decision(&d.id, Some(ei), msg.to_owned()));
                if let Err(msg) = e.action() {
                    fail(&msg);
                }
                if e.page.is_some() && e.pages.is_some() {
                    fail("has both `page` and `pages`: use one");
                }
                if matches!(&e.pages, Some(p) if p.is_empty()) {
                    fail("has an empty `pages` list");
                }
                if e.line.is_some() && e.scope_pages().is_none_or(|p| p.len() != 1) {
                    fail("has `line` without a single `page`: a line is counted within its page");
                }
                if e.per_page == Some(true) && e.pages.is_none() {
                    fail("has per_page = true without `pages`: it counts matches on each listed page");
                }
                if e.line == Some(0) {
                    fail("has line = 0: lines count from 1 (or from -1 at the bottom)");
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LedgerError::Invalid(problems))
        }
    }
}

/// 1st, 2nd, 3rd, 4th, …
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// 1-based line and column (in chars) of a byte offset.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(toml: &str) -> Vec<String> {
        match Ledger::from_toml(toml) {
            Err(LedgerError::Invalid(p)) => p.into_iter().map(|p| p.to_string()).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_line_and_column() {
        let err =
            Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\npgae = 3\n")
                .unwrap_err();
        match err {
            LedgerError::Syntax { line, message, .. } => {
                assert_eq!(line, 6);
                assert!(message.contains("pgae"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_id_is_an_error() {
        let err = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision]]\nby = \"x\"\n").unwrap_err();
        assert!(err.to_string().contains("the 2nd [[decision]] has no `id`"), "{err}");
    }

    #[test]
    fn duplicate_ids_and_incoherent_edits_are_all_reported() {
        let p = problems(
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
        let e = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\ncount = 0\n")
            .unwrap_err();
        assert!(e.to_string().contains("count must be 1 or more"), "{e}");
    }

    #[test]
    fn line_needs_one_page() {
        let p = problems("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\nline = 3\n");
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
    fn json_syntax_errors_carry_the_place() {
        match Ledger::from_json("{\n \"decision\": [ { \"id\": 3 } ]\n}").unwrap_err() {
            LedgerError::Syntax { line, .. } => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}
