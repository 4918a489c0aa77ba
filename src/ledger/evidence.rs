//! Evidence: how an edit was found, when a tool rather than a person wrote it.
//!
//! `akaji reconcile` completes a `todo` from the change between draft and final that the answer
//! points at, and narrows a quote that stands several times to the place the final changed. Such
//! an edit is a finding, not a quotation, so it carries its evidence for the person who reviews
//! it, as ledger data (`[decision.edit.evidence]`): which clues matched (the answer's words, the
//! request's, the cited page…), how sure the finding is, and the todo note it completes. The
//! names are fixed (a typo is an error, like an unknown key); what each means is in the README.
//! Evidence never changes what an edit does: `apply` and `verify` read past it.
//!
//! ```
//! use akaji::{Clue, Confidence, Ledger};
//! let ledger = Ledger::from_toml(r#"
//! [[decision]]
//! id = "2"
//! [[decision.edit]]
//! old = "国際情報"
//! new = "国際情勢"
//! page = 3
//! [decision.edit.evidence]
//! clues = ["page", "request_pair"]
//! confidence = "high"
//! todo = "貴見のとおり修正"
//! "#).unwrap();
//! let evidence = ledger.decisions[0].edits[0].evidence().unwrap();
//! assert_eq!(evidence.clues, [Clue::Page, Clue::RequestPair]);
//! assert_eq!(evidence.confidence, Confidence::High);
//! assert!(ledger.to_toml().contains("[decision.edit.evidence]"));
//! ```

use serde::{Deserialize, Serialize};

/// How an edit was found: the clues that matched, how sure the finding is, and the todo it
/// completes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The clues that matched, strongest first.
    pub clues: Vec<Clue>,
    /// How sure the finding is.
    pub confidence: Confidence,
    /// The note of the todo this edit completes, as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub todo: Option<String>,
}

/// One clue that tied an edit to the change it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Clue {
    /// The answer quotes the text (old and new, or anchor and new) and the change makes it.
    Quote,
    /// The quote stands at several places in scope; the final changed only this one.
    ChangedPlace,
    /// The change is on the page the answer (or the request) cites.
    Page,
    /// The change is on the line cited (body lines: running heads not counted).
    Line,
    /// The answer's new wording stands in the final where the change is.
    NewText,
    /// The request quotes the draft text the change replaces, or the passage it is in.
    RequestQuote,
    /// The request asks 「A」→「B」 and the change makes it.
    RequestPair,
    /// The answer says URL and the change is inside a URL.
    Url,
    /// The request names the file the URL shows and the one it should link to, and the change
    /// goes from one to the other.
    FileNames,
    /// The change is of the kind the answer names (追記: an insertion; 削除: a deletion).
    Kind,
    /// It is the only change of that kind in the scope cited.
    OnlyChange,
}

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Only the page and the kind of change point at it: review it.
    Low,
    /// The place and a quote of the request point at it.
    Medium,
    /// Text the answer or the request gives is what the final has there.
    High,
}

impl Clue {
    /// The clue's name as the ledger and JSON write it (`request_pair`).
    pub fn key(self) -> &'static str {
        match self {
            Clue::Quote => "quote",
            Clue::ChangedPlace => "changed_place",
            Clue::Page => "page",
            Clue::Line => "line",
            Clue::NewText => "new_text",
            Clue::RequestQuote => "request_quote",
            Clue::RequestPair => "request_pair",
            Clue::Url => "url",
            Clue::FileNames => "file_names",
            Clue::Kind => "kind",
            Clue::OnlyChange => "only_change",
        }
    }
}

impl Confidence {
    /// The name as the ledger and JSON write it (`high`).
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_serde_names() {
        for c in [Clue::Quote, Clue::ChangedPlace, Clue::RequestPair, Clue::FileNames, Clue::OnlyChange] {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.key()));
        }
        for c in [Confidence::Low, Confidence::Medium, Confidence::High] {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.key()));
        }
        assert!(Confidence::High > Confidence::Low);
    }
}
