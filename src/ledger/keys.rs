//! Writing a ledger: the checked types back to the keys of the file format (TOML or JSON).
//!
//! What is written reads back as the same [`Ledger`]: a scope of one page is written `page = N`,
//! of several `pages = [...]`; `count` and `[options]` are left out when they are the defaults.

use super::decisions::{Date, Decision, Ledger};
use super::edit::{Action, Count, Edit, PageScope};
use super::evidence::Evidence;
use super::options::LedgerOptions;
use super::side::Side;
use crate::document::{DocumentKind, LineCount, PageNo};
use serde::{Serialize, Serializer};

#[derive(Serialize)]
struct LedgerKeys<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    draft: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<OptionsKeys<'a>>,
    #[serde(rename = "decision", skip_serializing_if = "<[_]>::is_empty")]
    decisions: &'a [Decision],
}

#[derive(Serialize)]
struct OptionsKeys<'a> {
    page_marker: &'a str,
    match_width: bool,
    #[serde(skip_serializing_if = "is_body")]
    count_lines: LineCount,
    #[serde(skip_serializing_if = "is_plan")]
    kind: DocumentKind,
}

fn is_plan(k: &DocumentKind) -> bool {
    *k == DocumentKind::Plan
}

fn is_body(c: &LineCount) -> bool {
    *c == LineCount::Body
}

#[derive(Serialize)]
struct DecisionKeys<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unexplained: Option<bool>,
    #[serde(rename = "edit", skip_serializing_if = "<[_]>::is_empty")]
    edits: &'a [Edit],
}

/// An edit's keys, in the order the file format lists them.
#[derive(Serialize, Default)]
struct EditKeys<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    todo: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<PageNo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<&'a [PageNo]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<Count>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_page: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a Evidence>,
}

impl Serialize for Ledger {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let options = (!self.options.is_default()).then_some(&self.options).map(|o: &LedgerOptions| OptionsKeys {
            page_marker: o.page_marker.pattern(),
            match_width: o.match_width,
            count_lines: o.count_lines,
            kind: o.kind,
        });
        LedgerKeys { title: self.title.as_deref(), draft: self.draft.as_deref(), options, decisions: &self.decisions }
            .serialize(s)
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DecisionKeys {
            id: &self.id,
            by: self.by.as_deref(),
            at: self.at.as_deref(),
            request: self.request.as_deref(),
            response: self.response.as_deref(),
            date: self.date.as_ref(),
            unexplained: self.unexplained.then_some(true),
            edits: &self.edits,
        }
        .serialize(s)
    }
}

impl Serialize for Edit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut k = EditKeys::default();
        match self.action() {
            Action::Replace { old, new } => (k.old, k.new) = (Some(old.as_str()), Some(new.as_str())),
            Action::Insert { anchor, side: Side::After, new } => {
                (k.after, k.new) = (Some(anchor.as_str()), Some(new.as_str()));
            }
            Action::Insert { anchor, side: Side::Before, new } => {
                (k.before, k.new) = (Some(anchor.as_str()), Some(new.as_str()));
            }
            Action::Todo(t) => {
                k.todo = Some(&t.note);
                k.old = t.old.as_deref();
                k.after = t.after.as_deref();
                k.before = t.before.as_deref();
                k.new = t.new.as_deref();
            }
        }
        let scope = self.scope();
        match &scope.pages {
            PageScope::Anywhere => {}
            PageScope::Pages { pages, per_page } => {
                match pages.as_slice() {
                    [one] => k.page = Some(*one),
                    many => k.pages = Some(many),
                }
                k.per_page = per_page.then_some(true);
            }
            PageScope::Line { page, line } => (k.page, k.line) = (Some(*page), Some(line.get())),
        }
        k.prefix = scope.prefix.as_deref();
        k.suffix = scope.suffix.as_deref();
        k.count = (self.count() != Count::default()).then_some(self.count());
        k.evidence = self.evidence();
        k.serialize(s)
    }
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Exactly(n) => s.serialize_u64(*n as u64),
            Count::All => s.serialize_str("all"),
        }
    }
}

impl Ledger {
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
}
