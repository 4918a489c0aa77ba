//! Anchoring: finding each edit's quote in the draft, within its scope.
//!
//! The quotes are searched for in the folded draft (the `fold` module: white space and page
//! markers out, widths folded when asked) with many-pattern automata (aho-corasick), each region
//! a scope names (a page, a line, the whole text) scanned once for the quotes scoped to it
//! (`search`), so ten thousand edits cost about one scan of the draft, and only matches in scope
//! are kept. Each edit then keeps the matches inside its scope (`page`/`pages`, `line`, `prefix`, `suffix`) and must have
//! exactly `count` of them (on each page, with `per_page`). Matching is never fuzzy: a quote
//! matches as written, modulo white space and (when asked) width, or the edit fails with a
//! message that shows the nearest near-miss or the matches outside the scope. Edits that change
//! the same characters are a conflict naming both decisions. What comes out is a [`Resolution`]:
//! every edit that resolved, as the draft bytes it changes ([`Resolved`]), and every problem.
//!
//! ```
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"29\"\n[[decision.edit]]\nold = \"あたって\"\nnew = \"当たって\"\npage = 6\nline = 2\n").unwrap();
//! let draft = Document::new("策定にあたっては、\n実施にあたっては、\n- 6 -\n", &PageMarker::default());
//! let found = akaji::resolve(&draft, &ledger);
//! assert!(found.problems.is_empty());
//! assert_eq!(draft.position(found.edits[0].old.start).line, 2);
//! ```

mod conflict;
mod near;
mod patterns;
mod pending;
mod problem;
mod replacement;
mod resolve;
mod resolved;
mod scope;
mod search;
mod trim;
mod whole;

pub(crate) use patterns::Patterns;
pub use problem::{AnchorProblem, ConflictKind, NearMiss, ScopeRule};
pub use resolve::resolve;
pub use resolved::{Resolution, Resolved};
pub(crate) use scope::FoldedScope;
