//! What the catalogue's two languages share: a message's parts ([`Message`], [`Label`]) and
//! the helpers that write numbers and quotes alike in both.

use crate::document::{PageNo, Place};

/// A diagnostic in words, its parts apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message itself, without the decision and edit it is about.
    pub message: String,
    /// What is shown under it, in order: notes and places.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

/// One thing shown under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A line of text (`it is found, but where …`).
    Note(String),
    /// A place in a document.
    Place(Place),
    /// A place with a name (`nearest text in scope: P1 L3:27 …`).
    Named(String, Place),
}

impl Message {
    pub(super) fn new(message: impl Into<String>) -> Message {
        Message { message: message.into(), labels: Vec::new(), help: None }
    }

    pub(super) fn help(mut self, help: impl Into<String>) -> Message {
        self.help = Some(help.into());
        self
    }

    /// The places among the labels.
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        self.labels.iter().filter_map(|l| match l {
            Label::Place(p) | Label::Named(_, p) => Some(p),
            Label::Note(_) => None,
        })
    }
}

/// The pages of a document, as ranges: `i–ii, 1–14`.
pub(super) fn page_span(pages: &[PageNo]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(PageNo, PageNo)> = None;
    let next = |p: PageNo| match p {
        PageNo::Front(n) => PageNo::Front(n + 1),
        PageNo::Number(n) => PageNo::Number(n + 1),
    };
    for &p in pages {
        run = match run {
            Some((a, b)) if next(b) == p => Some((a, p)),
            Some((a, b)) => {
                parts.push(if a == b { a.to_string() } else { format!("{a}–{b}") });
                Some((p, p))
            }
            None => Some((p, p)),
        };
    }
    if let Some((a, b)) = run {
        parts.push(if a == b { a.to_string() } else { format!("{a}–{b}") });
    }
    parts.join(", ")
}

pub(super) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().nth(20).is_some() {
        out.push('…');
    }
    out
}

pub(super) fn page_or_none(p: Option<PageNo>) -> String {
    p.map_or_else(|| "?".to_owned(), |p| p.to_string())
}
