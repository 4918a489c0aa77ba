//! The edits import drafts, and the one place they become ledger edits.
//!
//! Import reads an answer into its own [`Drafted`] edits (quotes and a [`Citation`]) and meets the
//! ledger's edit type only in [`Drafted::into_edit`]. That constructor also keeps import's
//! promise that it never writes a ledger that does not validate: a drafted edit whose quotes make
//! no edit (an empty `old`, an insertion with nothing to insert, the same text twice) or whose
//! citation cannot be written as a scope (a page past the ledger's range) becomes a `todo` that
//! says why, keeping the quotes as hints. Nothing is dropped and nothing is invented.
//!
//! 「P4、P11の「設置」を「開催」に」 becomes `pages = [4, 11]`, `count = "all"`, `per_page = true`;
//! 「「」を「開催」に」 a todo saying the quote is empty (tests below).

use super::citation::{Citation, Pages};
use crate::document::PageNo;
use crate::ledger::{Count, Edit, PageScope, Scope, Side, Todo};

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
    pub scope: Citation,
    /// Whether the scope was taken from the request (the answer cites none).
    pub scope_from_request: bool,
}

impl Drafted {
    /// 「old」→「new」 within `scope`.
    pub fn replace(old: &str, new: &str, scope: Citation) -> Drafted {
        Drafted { old: Some(old.to_owned()), new: Some(new.to_owned()), scope, ..Drafted::default() }
    }

    /// Insert `new` after (`after = true`) or before `anchor`.
    pub fn insert(anchor: &str, after: bool, new: &str, scope: Citation) -> Drafted {
        let anchor = Some(anchor.to_owned());
        let (after, before) = if after { (anchor, None) } else { (None, anchor) };
        Drafted { after, before, new: Some(new.to_owned()), scope, ..Drafted::default() }
    }

    /// A todo edit with this note.
    pub fn todo(note: String, scope: Citation) -> Drafted {
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
    /// complete edit is a todo saying why, carrying the quotes.
    pub fn into_edit(self) -> Edit {
        let note = match (self.problem(), self.todo) {
            (Some(p), Some(t)) => Some(format!("{t}; {p}")),
            (p, t) => p.or(t),
        };
        let (scope, count) = match (&self.scope.trouble, self.scope.pages) {
            (Some(_), _) | (None, Pages::None) => (Scope::default(), Count::default()),
            (None, Pages::One(page)) => {
                let line = self.scope.line.and_then(|l| Scope::line(page, l));
                (line.unwrap_or_else(|| Scope::pages(vec![page])), Count::default())
            }
            (None, Pages::Each(pages)) => (
                Scope {
                    pages: PageScope::Pages { pages: pages.into_iter().map(PageNo::Number).collect(), per_page: true },
                    ..Scope::default()
                },
                Count::All,
            ),
            (None, Pages::Within(pages)) => (Scope::pages(pages), Count::default()),
        };
        let todo = |note: String, old, after, before, new| Edit::todo(Todo { note, old, after, before, new });
        let edit = match (note, self.old, self.after, self.before) {
            (Some(note), old, after, before) => todo(note, old, after, before, self.new),
            (None, Some(old), None, None) => Edit::replace(old, self.new.unwrap_or_default())
                .unwrap_or_else(|p| Edit::todo(Todo::note(format!("the answer's quotes make no edit ({p:?})")))),
            (None, None, Some(anchor), None) => insert(Side::After, anchor, self.new),
            (None, None, None, Some(anchor)) => insert(Side::Before, anchor, self.new),
            (None, old, after, before) => todo("the answer's quotes make no edit".into(), old, after, before, self.new),
        };
        edit.with_scope(scope).with_count(count)
    }
}

/// An insertion, or a todo carrying its text when it makes none (never, after `problem`).
fn insert(side: Side, anchor: String, new: Option<String>) -> Edit {
    Edit::insert(side, anchor.clone(), new.clone().unwrap_or_default()).unwrap_or_else(|_| {
        let (after, before) = if side == Side::After { (Some(anchor), None) } else { (None, Some(anchor)) };
        Edit::todo(Todo { note: "the answer's quotes make no insertion".into(), after, before, new, old: None })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::citation::cited_before;
    use crate::ledger::Action;

    #[test]
    fn citations_become_ledger_scopes() {
        let e = Drafted::replace("取り組み", "取組", cited_before("P4、P11、P19の")).into_edit();
        assert_eq!(
            e.scope().pages,
            PageScope::Pages { pages: [4, 11, 19].map(PageNo::Number).to_vec(), per_page: true }
        );
        assert_eq!(e.count(), Count::All);
        let e = Drafted::replace("a", "b", cited_before("(P27-28)")).into_edit();
        assert_eq!((e.scope(), e.count()), (&Scope::pages(vec![27, 28]), Count::Exactly(1)), "a range holds one place");
        let e = Drafted::replace("a", "b", cited_before("P6の5行目の")).into_edit();
        assert_eq!(e.scope(), &Scope::line(6, 5).unwrap());
        let e = Drafted::insert("a", false, "b", cited_before("(P4)")).into_edit();
        assert_eq!(
            (e.action(), e.scope()),
            (&Action::Insert { anchor: "a".into(), side: Side::Before, new: "b".into() }, &Scope::pages(vec![4]))
        );
    }

    #[test]
    fn what_would_not_validate_is_todo_with_the_reason() {
        let none = Citation::default();
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
            let todo = e.as_todo().unwrap_or_else(|| panic!("{d:?} is todo"));
            assert!(todo.note.contains(why), "{}", todo.note);
            assert_eq!(e.scope(), &Scope::default(), "no scope from a troubled citation");
            assert_eq!((&todo.old, &todo.new), (&d.old, &d.new), "the quotes are kept as hints");
        }
        let e = Drafted::replace("A", "", Citation::default()).into_edit();
        assert_eq!(e.action(), &Action::Replace { old: "A".into(), new: String::new() }, "a deletion is complete");
    }
}
