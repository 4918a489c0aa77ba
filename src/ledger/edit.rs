//! Edits: one structured change inside a decision, checked once when the ledger is read.
//!
//! An [`Edit`] is what its keys mean together: an [`Action`] (replace, insert or todo), a
//! [`Scope`] (pages or a line, prefix, suffix) and a [`Count`]. The rules that make an edit
//! ([`Edit::new`]: no empty quote, a replacement that changes something, an insertion that inserts
//! something) are checked when it is made, so everything downstream takes an edit as it is: no
//! error arms, no re-checking. Keys that do not make one edit (two anchors, `line` without one
//! page) cannot even be written down in these types.

use super::evidence::Evidence;
use super::problem::LedgerProblem;
use super::side::Side;
use crate::document::PageNo;
use std::fmt;
use std::num::NonZeroI64;

/// How many matches an anchor must have in its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Exactly this many (the default is 1).
    Exactly(usize),
    /// Any number from one up (`count = "all"`).
    All,
}

impl Default for Count {
    /// One match, as the ledger's `count` defaults to.
    fn default() -> Self {
        Count::Exactly(1)
    }
}

impl Count {
    /// Whether `found` matches satisfy this count.
    pub fn accepts(self, found: usize) -> bool {
        match self {
            Count::Exactly(n) => found == n,
            Count::All => found >= 1,
        }
    }
}

impl fmt::Display for Count {
    /// As the ledger writes it: `4`, `all`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Exactly(n) => write!(f, "{n}"),
            Count::All => f.write_str("all"),
        }
    }
}

/// What an edit does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Replace the draft text `old` with `new` (`new` empty: delete `old`).
    Replace {
        /// The draft text to change, as the ledger quotes it.
        old: String,
        /// What replaces it.
        new: String,
    },
    /// Insert `new` on one side of `anchor`.
    Insert {
        /// The draft text the insertion is anchored to, as the ledger quotes it.
        anchor: String,
        /// Which side of the anchor `new` goes.
        side: Side,
        /// The text to insert.
        new: String,
    },
    /// An edit someone still has to complete (`todo = "…"`); `apply` refuses it and `verify`
    /// reports it.
    Todo(Todo),
}

/// An edit still to be completed: its note, and whatever text is already known (an import writes
/// what the answer gives), kept so that the ledger is written back as it was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Todo {
    /// What remains to be done (`todo = "…"`).
    pub note: String,
    /// `old`, if given.
    pub old: Option<String>,
    /// `after`, if given.
    pub after: Option<String>,
    /// `before`, if given.
    pub before: Option<String>,
    /// `new`, if given.
    pub new: Option<String>,
}

impl Todo {
    /// A todo with nothing but its note.
    pub fn note(note: impl Into<String>) -> Todo {
        Todo { note: note.into(), ..Todo::default() }
    }
}

impl Action {
    /// The same text as an edit still to be completed, carrying `note`.
    pub fn into_todo(self, note: impl Into<String>) -> Todo {
        let note = note.into();
        match self {
            Action::Replace { old, new } => Todo { note, old: Some(old), new: Some(new), ..Todo::default() },
            Action::Insert { anchor, side: Side::After, new } => {
                Todo { note, after: Some(anchor), new: Some(new), ..Todo::default() }
            }
            Action::Insert { anchor, side: Side::Before, new } => {
                Todo { note, before: Some(anchor), new: Some(new), ..Todo::default() }
            }
            Action::Todo(todo) => Todo { note, ..todo },
        }
    }

    /// The text the edit quotes from the draft: `old`, or the anchor of an insertion (`None` for
    /// a todo).
    pub fn quote(&self) -> Option<&str> {
        match self {
            Action::Replace { old, .. } => Some(old),
            Action::Insert { anchor, .. } => Some(anchor),
            Action::Todo(_) => None,
        }
    }

    /// Whether the action makes one edit: a quote that is not blank, a replacement that changes
    /// something, an insertion that inserts something. A todo always does.
    pub fn check(&self) -> Result<(), LedgerProblem> {
        match self {
            Action::Replace { old, .. } if old.trim().is_empty() => Err(LedgerProblem::EmptyOld),
            Action::Replace { old, new } if old == new => Err(LedgerProblem::NothingChanges),
            Action::Insert { new, .. } if new.is_empty() => Err(LedgerProblem::EmptyInsertion),
            Action::Insert { anchor, side, .. } if anchor.trim().is_empty() => {
                Err(LedgerProblem::EmptyAnchor { side: *side })
            }
            _ => Ok(()),
        }
    }
}

/// Where an edit may match: its pages or line, and the text right around the quote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// The pages (or the line of one page) a match must start on (or touch).
    pub pages: PageScope,
    /// Text right before the quote (white space and widths folded as for the quote).
    pub prefix: Option<String>,
    /// Text right after the quote.
    pub suffix: Option<String>,
}

/// The pages an edit is scoped to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PageScope {
    /// Anywhere in the draft.
    #[default]
    Anywhere,
    /// A match must start on one of these pages (`page = 9`, `pages = [4, 12]`), numbered as the
    /// page markers print them. An empty list matches nowhere (the ledger file cannot hold one).
    Pages {
        /// The page numbers, in the order written.
        pages: Vec<PageNo>,
        /// `per_page = true`: the count applies on each page separately, rather than to the
        /// matches of all the pages together.
        per_page: bool,
    },
    /// A match must touch this line of this page (`page = 6`, `line = 5`); negative lines count
    /// from the bottom (-1 is the last).
    Line {
        /// The page's number.
        page: PageNo,
        /// The line within the page, from 1 at the top or -1 at the bottom.
        line: NonZeroI64,
    },
}

impl Scope {
    /// Anywhere on these pages (`pages = [...]`; one page: `page = ...`).
    pub fn pages(pages: Vec<u32>) -> Scope {
        Scope::on_pages(pages.into_iter().map(PageNo::Number).collect())
    }

    /// Anywhere on these pages, front pages among them (`page = "ii"`).
    pub fn on_pages(pages: Vec<PageNo>) -> Scope {
        Scope { pages: PageScope::Pages { pages, per_page: false }, ..Scope::default() }
    }

    /// This line of this page; `None` for line 0 (lines count from 1, or from -1 at the bottom).
    pub fn line(page: impl Into<PageNo>, line: i64) -> Option<Scope> {
        let (page, line) = (page.into(), NonZeroI64::new(line)?);
        Some(Scope { pages: PageScope::Line { page, line }, ..Scope::default() })
    }

    /// The page numbers the scope names (one for a line scope, none for anywhere).
    pub fn page_numbers(&self) -> &[PageNo] {
        match &self.pages {
            PageScope::Anywhere => &[],
            PageScope::Pages { pages, .. } => pages,
            PageScope::Line { page, .. } => std::slice::from_ref(page),
        }
    }

    /// The line of a line scope.
    pub fn line_number(&self) -> Option<i64> {
        match self.pages {
            PageScope::Line { line, .. } => Some(line.get()),
            _ => None,
        }
    }

    /// Whether the count applies on each page separately (`per_page = true`).
    pub fn per_page(&self) -> bool {
        matches!(self.pages, PageScope::Pages { per_page: true, .. })
    }
}

/// One structured change inside a decision: what it does, where, and how many times.
///
/// ```
/// use akaji::{Action, Count, Edit, Scope};
/// let edit = Edit::replace("設置", "開催").unwrap().with_scope(Scope::pages(vec![4, 12])).with_count(Count::Exactly(2));
/// assert!(matches!(edit.action(), Action::Replace { old, .. } if old == "設置"));
/// assert_eq!(edit.scope().page_numbers(), [4, 12]);
/// assert!(Edit::replace("設置", "設置").is_err(), "a replacement must change something");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    action: Action,
    scope: Scope,
    count: Count,
    /// How the edit was found, when a tool wrote it (`[decision.edit.evidence]`).
    evidence: Option<Box<Evidence>>,
}

impl Edit {
    /// An edit, if `action` makes one ([`Action::check`]).
    pub fn new(action: Action, scope: Scope, count: Count) -> Result<Edit, LedgerProblem> {
        action.check()?;
        Ok(Edit { action, scope, count, evidence: None })
    }

    /// Replace `old` with `new`, anywhere, once.
    pub fn replace(old: impl Into<String>, new: impl Into<String>) -> Result<Edit, LedgerProblem> {
        Edit::new(Action::Replace { old: old.into(), new: new.into() }, Scope::default(), Count::default())
    }

    /// Insert `new` on `side` of `anchor`, anywhere, once.
    pub fn insert(side: Side, anchor: impl Into<String>, new: impl Into<String>) -> Result<Edit, LedgerProblem> {
        Edit::new(Action::Insert { anchor: anchor.into(), side, new: new.into() }, Scope::default(), Count::default())
    }

    /// An edit still to be completed, anywhere, once.
    pub fn todo(todo: Todo) -> Edit {
        Edit { action: Action::Todo(todo), scope: Scope::default(), count: Count::default(), evidence: None }
    }

    /// The same edit with another scope.
    pub fn with_scope(mut self, scope: Scope) -> Edit {
        self.scope = scope;
        self
    }

    /// The same edit with another count.
    pub fn with_count(mut self, count: Count) -> Edit {
        self.count = count;
        self
    }

    /// The same edit with the evidence of how it was found (`None`: none).
    pub fn with_evidence(mut self, evidence: Option<Evidence>) -> Edit {
        self.evidence = evidence.map(Box::new);
        self
    }

    /// The same edit with its action turned into a todo carrying `note`, keeping its text (how
    /// an import marks an edit it cannot make exact).
    pub fn into_todo(self, note: impl Into<String>) -> Edit {
        Edit { action: Action::Todo(self.action.into_todo(note)), ..self }
    }

    /// What the edit does.
    pub fn action(&self) -> &Action {
        &self.action
    }

    /// Where it may match.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// How many matches its scope must hold.
    pub fn count(&self) -> Count {
        self.count
    }

    /// How it was found, when a tool wrote it; `apply` and `verify` do not read it.
    pub fn evidence(&self) -> Option<&Evidence> {
        self.evidence.as_deref()
    }

    /// Whether it is still to be completed.
    pub fn is_todo(&self) -> bool {
        matches!(self.action, Action::Todo(_))
    }

    /// What remains to be done, for an edit still to be completed.
    pub fn as_todo(&self) -> Option<&Todo> {
        match &self.action {
            Action::Todo(t) => Some(t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_checked_when_made() {
        assert!(Edit::replace("a", "").is_ok(), "a deletion");
        assert_eq!(Edit::replace(" ", "x"), Err(LedgerProblem::EmptyOld));
        assert_eq!(Edit::replace("a", "a"), Err(LedgerProblem::NothingChanges));
        assert_eq!(Edit::insert(Side::After, "a", ""), Err(LedgerProblem::EmptyInsertion));
        assert_eq!(Edit::insert(Side::Before, "", "b"), Err(LedgerProblem::EmptyAnchor { side: Side::Before }));
        assert!(Edit::todo(Todo::note("P9に追記")).is_todo());
    }

    #[test]
    fn count_defaults_to_one() {
        assert_eq!(Count::default(), Count::Exactly(1));
        assert_eq!(Edit::replace("a", "b").unwrap().count(), Count::Exactly(1));
        assert!(Count::All.accepts(3) && !Count::All.accepts(0) && !Count::Exactly(2).accepts(3));
    }

    #[test]
    fn a_todo_keeps_the_text_it_was_given() {
        let e = Edit::insert(Side::After, "a", "b").unwrap().with_scope(Scope::pages(vec![9])).into_todo("check");
        let Action::Todo(t) = e.action() else { panic!("{e:?}") };
        assert_eq!(
            (t.note.as_str(), t.after.as_deref(), t.new.as_deref(), &t.old),
            ("check", Some("a"), Some("b"), &None)
        );
        assert_eq!(e.scope().page_numbers(), [9]);
    }

    #[test]
    fn scopes_name_their_pages() {
        assert_eq!(Scope::line(6, 5).unwrap().page_numbers(), [6]);
        assert_eq!(Scope::line(6, -1).unwrap().line_number(), Some(-1));
        assert!(Scope::line(6, 0).is_none());
        assert!(Scope::default().page_numbers().is_empty());
    }
}
