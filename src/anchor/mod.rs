//! Anchoring: finding each edit's quote in the draft, within its scope.
//!
//! All quotes are searched for in one pass over the folded draft ([`crate::fold`]) with a
//! many-pattern automaton (aho-corasick), so ten thousand edits cost one scan, not ten thousand.
//! Each edit then keeps the matches inside its scope (`page`/`pages`, `line`, `prefix`,
//! `suffix`) and must have exactly `count` of them. Matching is never fuzzy: a quote matches as
//! written, modulo white space and (when asked) width, or the edit fails with a message that
//! shows the nearest near-miss or the matches outside the scope. Edits that change the same
//! characters are a conflict naming both decisions.
//!
//! ```
//! use akaji::document::{Document, PageMarker};
//! use akaji::ledger::Ledger;
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"29\"\n[[decision.edit]]\nold = \"あたって\"\nnew = \"当たって\"\npage = 6\nline = 2\n").unwrap();
//! let draft = Document::new("策定にあたっては、\n実施にあたっては、\n- 6 -\n", &PageMarker::default());
//! let found = akaji::anchor::resolve(&draft, &ledger);
//! assert!(found.problems.is_empty());
//! assert_eq!(draft.position(found.edits[0].range.start).line, 2);
//! ```

mod conflict;
mod near;
mod patterns;
mod resolve;
mod scope;
mod trim;

pub use patterns::Patterns;
pub use resolve::resolve;
pub use scope::Scope;

use crate::document::{one_line, Document};
use crate::error::Place;
use std::ops::Range;

/// Characters of context shown on each side of a place.
const CONTEXT_CHARS: usize = 10;

/// A place in the draft, for messages: page, line, column, the text and ten characters around.
pub fn place(doc: &Document, range: Range<usize>) -> Place {
    let at = doc.position(range.start);
    let (before, after) = doc.context(range.clone(), CONTEXT_CHARS);
    Place { page: at.page, line: at.line, column: at.column, before, text: one_line(&doc.text()[range]), after }
}
