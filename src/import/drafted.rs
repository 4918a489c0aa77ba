//! The edits import drafts, and the one place they become ledger edits.
//!
//! Import reads an answer into its own [`Drafted`] edits (quotes and a [`Scope`]) and meets the
//! ledger's edit type only in [`Drafted::into_edit`]. That constructor also keeps import's
//! promise that it never writes a ledger that does not validate: a drafted edit whose quotes make
//! no edit (an empty `old`, an insertion with nothing to insert, the same text twice) or whose
//! citation cannot be written as a scope (a page past the ledger's range) becomes a `todo` that
//! says why, keeping the quotes as hints. Nothing is dropped and nothing is invented.
//!
//! ```
//! use akaji::import::drafted::Drafted;
//! use akaji::import::scope::cited_before;
//! let d = Drafted::replace("設置", "開催", cited_before("P4、P11の"));
//! let toml = toml::to_string(&d.into_edit()).unwrap();
//! assert!(toml.contains("pages = [4, 11]") && toml.contains("count = \"all\"") && toml.contains("per_page = true"), "{toml}");
//! let empty = Drafted::replace("", "開催", cited_before("")).into_edit();
//! assert!(empty.todo.unwrap().contains("empty"));
//! ```

use super::scope::{Pages, Scope};
use crate::ledger::{Count, Edit};

/// An edit as import reads it from an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drafted {
    /// Why the edit is not complete, when it is not.
    pub todo: Option<String>,
    /// The quoted text to change.
    pub old: Option<String>,
    /// Insert after this quote.
    pub after: Option<String>,
    /// Insert before this quote.
    pub before: Option<String>,
    /// The quoted new text.
    pub new: Option<String>,
    /// Where it applies.
    pub scope: Scope,
    /// Whether the scope was taken from the request (the answer cites none).
    pub scope_from_request: bool,
}

impl Drafted {
    /// 「old」→「new」 within `scope`.
    pub fn replace(old: &str, new: &str, scope: Scope) -> Drafted {
        Drafted { old: Some(old.to_owned()), new: Some(new.to_owned()), scope, ..Drafted::default() }
    }

    /// Insert `new` after (`after = true`) or before `anchor`.
    pub fn insert(anchor: &str, after: bool, new: &str, scope: Scope) -> Drafted {
        let anchor = Some(anchor.to_owned());
        let (after, before) = if after { (anchor, None) } else { (None, anchor) };
        Drafted { after, before, new: Some(new.to_owned()), scope, ..Drafted::default() }
    }

    /// A todo edit with this note.
    pub fn todo(note: String, scope: Scope) -> Drafted {
        Drafted { todo: Some(note), scope, ..Drafted::default() }
    }

    /// Whether the edit is complete (not todo) once made a ledger edit.
    pub fn is_complete(&self) -> bool {
        self.problem().is_none() && self.todo.is_none()
    }

    /// Why this edit cannot be written as a complete ledger edit, if it cannot.
    fn problem(&self) -> Option<String> {
        if let Some(trouble) = &self.scope.trouble {
            return Some(format!("{trouble}; the edit is kept without a scope"));
        }
        if self.todo.is_some() {
            return None;
        }
        let blank = |q: &Option<String>| q.as_deref().is_some_and(|q| q.trim().is_empty());
        let new = self.new.as_deref();
        if self.old.is_some() {
            if blank(&self.old) {
                return Some("the answer quotes an empty old text 「」: quote the draft text to change".into());
            }
            if self.old.as_deref() == new {
                return Some("the answer gives the same text twice: check the draft".into());
            }
            if new.is_none() {
                return Some("the answer gives no new text".into());
            }
        } else if self.after.is_some() || self.before.is_some() {
            if blank(&self.after) || blank(&self.before) {
                return Some("the answer quotes an empty place to insert at 「」".into());
            }
            if new.is_none_or(|n| n.trim().is_empty()) {
                return Some("the answer gives no text to insert".into());
            }
        } else {
            return Some("the answer gives no text".into());
        }
        None
    }

    /// The ledger edit: the only place import builds one. Always valid: what cannot be a
    /// complete edit is a todo saying why.
    pub fn into_edit(self) -> Edit {
        let todo = match (self.problem(), self.todo.clone()) {
            (Some(p), Some(t)) => Some(format!("{t}; {p}")),
            (p, t) => p.or(t),
        };
        let mut edit =
            Edit { todo, old: self.old, after: self.after, before: self.before, new: self.new, ..Edit::default() };
        if self.scope.trouble.is_none() {
            match self.scope.pages {
                Pages::None => {}
                Pages::One(page) => {
                    edit.page = Some(page);
                    edit.line = self.scope.line;
                }
                Pages::Each(pages) => {
                    edit.pages = Some(pages);
                    edit.count = Some(Count::All);
                    edit.per_page = Some(true);
                }
                Pages::Within(pages) => edit.pages = Some(pages),
            }
        }
        edit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::scope::cited_before;

    #[test]
    fn scopes_become_ledger_keys() {
        let e = Drafted::replace("取り組み", "取組", cited_before("P4、P11、P19の")).into_edit();
        assert_eq!((e.pages, e.count, e.per_page, e.page), (Some(vec![4, 11, 19]), Some(Count::All), Some(true), None));
        let e = Drafted::replace("a", "b", cited_before("(P27-28)")).into_edit();
        assert_eq!((e.pages, e.count, e.per_page), (Some(vec![27, 28]), None, None), "a range holds one place");
        let e = Drafted::replace("a", "b", cited_before("P6の5行目の")).into_edit();
        assert_eq!((e.page, e.line), (Some(6), Some(5)));
    }

    #[test]
    fn what_would_not_validate_is_todo_with_the_reason() {
        let none = Scope::default();
        let cases = [
            (Drafted::replace("", "B", none.clone()), "empty old text"),
            (Drafted::replace(" ", "B", none.clone()), "empty old text"),
            (Drafted::replace("A", "A", none.clone()), "same text twice"),
            (Drafted::insert("A", true, "", none.clone()), "no text to insert"),
            (Drafted::insert("", false, "B", none.clone()), "empty place to insert"),
            (Drafted::replace("A", "B", cited_before("P4294967296の")), "past the ledger's page range"),
        ];
        for (d, why) in cases {
            let e = d.clone().into_edit();
            let note = e.todo.clone().unwrap_or_else(|| panic!("{d:?} is todo"));
            assert!(note.contains(why), "{note}");
            assert_eq!((e.page, e.pages.clone()), (None, None), "no scope from a troubled citation");
            assert_eq!(e.action().map(|_| ()), Ok(()), "{e:?}");
        }
        let e = Drafted::replace("A", "", Scope::default()).into_edit();
        assert_eq!((e.todo, e.new.as_deref()), (None, Some("")), "a deletion is complete");
    }
}
