//! Edits: one structured change inside a decision, and what its keys mean together.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How many matches an anchor must have in its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    /// Exactly this many (the default is 1).
    Exactly(usize),
    /// Any number from one up (`count = "all"`).
    #[default]
    All,
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Exactly(n) => write!(f, "{n}"),
            Count::All => f.write_str("all"),
        }
    }
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Exactly(n) => s.serialize_u64(*n as u64),
            Count::All => s.serialize_str("all"),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a whole number from 1 up, or "all""#)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                if v >= 1 {
                    Ok(Count::Exactly(v as usize))
                } else {
                    Err(E::custom(format!("count must be 1 or more, or \"all\" (found {v})")))
                }
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
                self.visit_i64(v.min(i64::MAX as u64) as i64)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Count, E> {
                if v == "all" {
                    Ok(Count::All)
                } else {
                    Err(E::custom(format!("count must be a number or \"all\" (found \"{v}\")")))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// One structured change inside a decision, as written in the ledger.
///
/// Which keys may stand together is checked by [`Edit::action`] and
/// [`Ledger::validate`](super::Ledger::validate).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    /// Marks an edit someone still has to complete; `apply` refuses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub todo: Option<String>,
    /// The draft text to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// Insert `new` right after this anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Insert `new` right before this anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The replacement or inserted text; `""` deletes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// Scope: this page only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Scope: these pages only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<u32>>,
    /// Scope: this line of the page (1-based; negative from the bottom).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<i64>,
    /// Scope: text right before the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Scope: text right after the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Matches expected in scope (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// With `pages`: `count` applies on each listed page separately (`count = "all"`: at least
    /// one on each page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<bool>,
}

/// Which side of its anchor an insertion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// `before = "…"`
    Before,
    /// `after = "…"`
    After,
}

/// What an edit does, once its keys are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    /// Replace `old` with `new` (`new` empty: delete).
    Replace { old: &'a str, new: &'a str },
    /// Insert `new` before or after `anchor`.
    Insert { anchor: &'a str, side: Side, new: &'a str },
    /// Not complete yet.
    Todo { note: &'a str },
}

impl Edit {
    /// What the edit does, or why its keys do not make one edit.
    pub fn action(&self) -> Result<Action<'_>, String> {
        if let Some(note) = &self.todo {
            return Ok(Action::Todo { note });
        }
        let new = self.new.as_deref();
        match (&self.old, &self.after, &self.before) {
            (Some(old), None, None) => {
                let new = new.ok_or("has `old` but no `new` (write new = \"\" to delete)")?;
                if old.trim().is_empty() {
                    return Err("has an empty `old`: quote the draft text to change".into());
                }
                if old == new {
                    return Err("changes nothing: `old` and `new` are the same".into());
                }
                Ok(Action::Replace { old, new })
            }
            (None, Some(anchor), None) | (None, None, Some(anchor)) => {
                let side = if self.after.is_some() { Side::After } else { Side::Before };
                let new = new.ok_or("is an insertion with no `new`: give the text to insert")?;
                if new.is_empty() {
                    return Err("is an insertion with an empty `new`: give the text to insert".into());
                }
                if anchor.trim().is_empty() {
                    return Err(format!("has an empty `{}` anchor", side_key(side)));
                }
                Ok(Action::Insert { anchor, side, new })
            }
            (None, None, None) => Err("has none of `old`, `after`, `before` or `todo`: say what to change".into()),
            _ => Err("has more than one of `old`, `after`, `before`: an edit has one anchor".into()),
        }
    }

    /// The pages the edit is scoped to, if any.
    pub fn scope_pages(&self) -> Option<Vec<u32>> {
        match (&self.page, &self.pages) {
            (Some(p), _) => Some(vec![*p]),
            (None, Some(ps)) => Some(ps.clone()),
            (None, None) => None,
        }
    }

    /// Matches expected in scope.
    pub fn count(&self) -> Count {
        self.count.unwrap_or(Count::Exactly(1))
    }

    /// A one-line summary: 「設置」→「開催」 (P4, P12).
    pub fn summary(&self) -> String {
        let mut s = match self.action() {
            Ok(Action::Replace { old, new: "" }) => format!("delete 「{old}」"),
            Ok(Action::Replace { old, new }) => format!("「{old}」→「{new}」"),
            Ok(Action::Insert { anchor, side, new }) => {
                format!("insert 「{new}」 {} 「{anchor}」", side_key(side))
            }
            Ok(Action::Todo { note }) => format!("todo: {note}"),
            Err(_) => "(invalid edit)".to_owned(),
        };
        if let Some(pages) = self.scope_pages() {
            let list: Vec<String> = pages.iter().map(|p| format!("P{p}")).collect();
            s.push_str(&format!(" ({}", list.join(", ")));
            if let Some(line) = self.line {
                s.push_str(&format!(" line {line}"));
            }
            s.push(')');
        }
        crate::document::one_line(&s)
    }
}

/// The ledger key of an insertion side.
pub fn side_key(side: Side) -> &'static str {
    match side {
        Side::Before => "before",
        Side::After => "after",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(old: Option<&str>, after: Option<&str>, new: Option<&str>) -> Edit {
        Edit { old: old.map(Into::into), after: after.map(Into::into), new: new.map(Into::into), ..Edit::default() }
    }

    #[test]
    fn actions_follow_the_keys() {
        assert_eq!(edit(Some("a"), None, Some("")).action(), Ok(Action::Replace { old: "a", new: "" }));
        assert_eq!(
            edit(None, Some("a"), Some("b")).action(),
            Ok(Action::Insert { anchor: "a", side: Side::After, new: "b" })
        );
        assert!(edit(Some("a"), None, None).action().unwrap_err().contains("no `new`"));
        assert!(edit(Some("a"), None, Some("a")).action().unwrap_err().contains("changes nothing"));
        assert!(edit(None, Some("a"), Some("")).action().unwrap_err().contains("empty `new`"));
        assert!(edit(None, None, Some("a")).action().unwrap_err().contains("none of"));
        let todo = Edit { todo: Some("P9に追記".into()), ..Edit::default() };
        assert_eq!(todo.action(), Ok(Action::Todo { note: "P9に追記" }));
    }

    #[test]
    fn summaries_read_as_people_write_them() {
        let mut e = edit(Some("設置"), None, Some("開催"));
        e.pages = Some(vec![4, 12]);
        assert_eq!(e.summary(), "「設置」→「開催」 (P4, P12)");
        assert_eq!(edit(Some("（再掲）"), None, Some("")).summary(), "delete 「（再掲）」");
    }
}
