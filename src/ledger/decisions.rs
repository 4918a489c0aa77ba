//! The ledger's decisions, and how the rest of akaji refers to them: by index.

use super::edit::Edit;
use super::options::LedgerOptions;
use serde::Deserialize;
use std::fmt;
use std::ops::Index;

/// All decisions for one draft, checked ([`Ledger::from_toml`], [`Ledger::from_json`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    /// The document's title.
    pub title: Option<String>,
    /// The draft's path, relative to the ledger.
    pub draft: Option<String>,
    /// How the draft is paginated and matched.
    pub options: LedgerOptions,
    /// The decisions, in the ledger's order; [`DecisionIx`] counts in this order.
    pub decisions: Vec<Decision>,
}

impl Ledger {
    /// The decision with this id (ids are unique in a ledger read from a file).
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// The edit `at` refers to.
    pub fn edit(&self, at: EditRef) -> &Edit {
        &self[at.decision].edits[at.edit]
    }

    /// Every edit, with the reference that names it, in ledger order.
    pub fn edits(&self) -> impl Iterator<Item = (EditRef, &Edit)> {
        self.decisions.iter().enumerate().flat_map(|(d, decision)| {
            decision.edits.iter().enumerate().map(move |(e, edit)| (EditRef { decision: DecisionIx(d), edit: e }, edit))
        })
    }
}

impl Index<DecisionIx> for Ledger {
    type Output = Decision;

    fn index(&self, ix: DecisionIx) -> &Decision {
        &self.decisions[ix.0]
    }
}

/// A decision's position in its ledger, from 0: how resolved edits, hunks and reports name a
/// decision (its id string is looked up only when output is written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct DecisionIx(pub usize);

/// One edit of a ledger: its decision's index and its own index within the decision (from 0;
/// messages count edits from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct EditRef {
    /// The decision.
    pub decision: DecisionIx,
    /// The edit within the decision, from 0.
    pub edit: usize,
}

/// One answer that promises a change, identified by the comment's number (項番).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// Unique in the ledger; required.
    pub id: String,
    /// Who asked.
    pub by: Option<String>,
    /// Where the comment pointed, free text.
    pub at: Option<String>,
    /// The comment.
    pub request: Option<String>,
    /// The answer.
    pub response: Option<String>,
    /// When the decision was taken (a TOML date, or a string in JSON), kept as written.
    pub date: Option<Date>,
    /// No answer explains this decision's edits (`unexplained = true`): `akaji reconcile`
    /// recorded changes between draft and final that no decision claims, so that the ledger
    /// still gives the final.
    pub unexplained: bool,
    /// The edits this decision makes.
    pub edits: Vec<Edit>,
}

impl Decision {
    /// A label for the decision as people write it: 「意見32（個人E）」; a decision explained by no
    /// answer is its id alone (`unexplained-1`).
    pub fn label(&self) -> String {
        if self.unexplained {
            return self.id.clone();
        }
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

impl serde::Serialize for Date {
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
