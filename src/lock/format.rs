//! The lock as data, and as the TOML file `akaji apply --lock` writes beside the ledger.

use super::problem::LockProblem;
use crate::document::PageNo;
use serde::{Deserialize, Serialize};

/// The lock format's version; a lock of another version is refused.
pub const LOCK_VERSION: u32 = 1;

/// What the first lines of a lock file say to a reader.
const HEADER: &str = "# Written by `akaji apply DRAFT LEDGER --lock`: where each edit of the ledger stands in its\n\
# draft (page, line, and the draft's text right before and after its quote), so that\n\
# `akaji verify LEDGER --final FINAL` can check a final without the draft. Do not edit it:\n\
# write it again when the ledger or the draft changes.\n";

/// Every edit of a ledger as its draft pinned it down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// The format's version ([`LOCK_VERSION`]).
    pub version: u32,
    /// The draft the lock was written from, as the command line named it (for readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// The fingerprint of the ledger's edits ([`super::ledger_fingerprint`]).
    pub ledger: String,
    /// How many chars of context were taken on each side of a quote (more where the context
    /// would stand twice in the draft, less where another edit changes text nearer).
    pub context: usize,
    /// Every edit of the ledger, in the ledger's order.
    #[serde(rename = "edit")]
    pub edits: Vec<LockedEdit>,
}

/// One edit of the ledger in the lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedEdit {
    /// Its decision's id.
    pub decision: String,
    /// Its number within the decision, from 1.
    pub edit: usize,
    /// The edit in one line, for readers: 「設置」→「開催」 (P4).
    pub summary: String,
    /// The fingerprint of the edit ([`super::edit_fingerprint`]).
    pub fingerprint: String,
    /// Why the edit has no places: it did not resolve against the draft (a todo, an unanchored
    /// edit), in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    /// How often the edit's new text stood in its scope of the draft already (a unification
    /// whose new word existed).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub new_in_scope: usize,
    /// Each place it resolved to, in draft order.
    #[serde(default, rename = "place", skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<LockedPlace>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One place of an edit: where its quote stood and what stood around it, as content (white
/// space and page furniture left out, radicals read as their ideographs; widths as the draft
/// writes them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedPlace {
    /// The page of the quote in the draft (a number, or a front page's numeral: `"ii"`).
    pub page: PageNo,
    /// Its line within the page (body lines, 1-based).
    pub line: usize,
    /// Its column (chars, 1-based).
    pub column: usize,
    /// The quote as a half-open range of chars of the draft's text.
    pub offset: [usize; 2],
    /// The draft's text right before the quote (a TextQuoteSelector's `prefix`).
    pub before: String,
    /// The quote (`exact`).
    pub quote: String,
    /// What the final must hold in its place: `new` with the rest of the quote, or the anchor
    /// beside the inserted text.
    pub promised: String,
    /// The draft's text right after the quote (`suffix`).
    pub after: String,
}

impl Lock {
    /// The lock as the TOML file holds it, with a header saying what it is.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("a lock is plain strings and numbers");
        format!("{HEADER}\n{body}")
    }

    /// A lock read back from its file's text.
    ///
    /// ```
    /// use akaji::lock::Lock;
    /// use akaji::{Document, Ledger};
    /// let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
    /// let draft = Document::new("分科会を設置し、\n検討した。\n- 4 -\n", &ledger.options.page_marker);
    /// let lock = Lock::new(&draft, &ledger);
    /// assert_eq!(Lock::from_toml(&lock.to_toml()).unwrap(), lock);
    /// assert!(Lock::from_toml("version = 9\nledger = \"\"\ncontext = 32\nedit = []\n").is_err());
    /// ```
    pub fn from_toml(text: &str) -> Result<Lock, LockProblem> {
        let lock: Lock = toml::from_str(text).map_err(|e| LockProblem::Syntax { message: e.message().to_owned() })?;
        if lock.version != LOCK_VERSION {
            return Err(LockProblem::Version { found: lock.version, supported: LOCK_VERSION });
        }
        Ok(lock)
    }

    /// The entry of edit `edit` (1-based) of decision `decision`.
    pub fn edit(&self, decision: &str, edit: usize) -> Option<&LockedEdit> {
        self.edits.iter().find(|e| e.decision == decision && e.edit == edit)
    }
}
