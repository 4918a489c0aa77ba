//! What the catalogue's two languages share: a message's parts ([`Message`], [`Label`]) and
//! the helpers that write numbers and quotes alike in both.

use crate::anchor::NearMiss;
use crate::document::{PageNo, Place};
use std::borrow::Cow;

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

    /// The message as text: the message, then its labels and help on lines of their own (notes
    /// and help indented by two spaces, places by four).
    pub(super) fn lay_out(&self, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        // Every piece goes through `visible`: a ledger's strings and a document's text are
        // untrusted, and an escape sequence in them must not reach a terminal.
        out.write_str(&visible(&self.message))?;
        for label in &self.labels {
            match label {
                Label::Note(n) => write!(out, "\n  {}", visible(n))?,
                Label::Place(p) => write!(out, "\n    {p}")?,
                Label::Named(name, p) => write!(out, "\n  {}: {p}", visible(name))?,
            }
        }
        if let Some(h) = &self.help {
            write!(out, "\n  {}", visible(h))?;
        }
        Ok(())
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

/// What a 「not in the draft within the edit's scope」 message says, in one language.
pub(super) struct NoMatchWords<'a> {
    /// The message itself.
    pub message: String,
    /// The note above the places the scope rules out.
    pub ruled_out: &'a str,
    /// The help under them.
    pub fix_scope: &'a str,
    /// The name of the nearest text in scope.
    pub nearest: &'a str,
    /// The help when nothing like the quote was found.
    pub nothing: &'a str,
}

/// The shape of a 「not in scope」 message, alike in every language: the places the scope rules
/// out, else the nearest text in scope with how it differs (`near_help`), else that nothing like
/// it was found.
pub(super) fn no_match(
    w: NoMatchWords,
    near_miss: Option<&NearMiss>,
    elsewhere: Vec<Label>,
    near_help: impl Fn(&NearMiss) -> String,
) -> Message {
    let mut m = Message::new(w.message);
    if !elsewhere.is_empty() {
        m.labels.push(Label::Note(w.ruled_out.to_owned()));
        m.labels.extend(elsewhere);
        m.help(w.fix_scope)
    } else if let Some(n) = near_miss {
        m.labels.push(Label::Named(w.nearest.to_owned(), n.place.clone()));
        m.help(near_help(n))
    } else {
        m.help(w.nothing)
    }
}

/// The places a scope rules out, each named by the rules that rule it out (`named`) when known.
pub(super) fn ruled_out(
    elsewhere: &[Place],
    excluded_by: &[Vec<crate::anchor::ScopeRule>],
    named: impl Fn(&[crate::anchor::ScopeRule]) -> String,
) -> Vec<Label> {
    elsewhere
        .iter()
        .enumerate()
        .map(|(i, place)| match excluded_by.get(i).filter(|r| !r.is_empty()) {
            Some(rules) => Label::Named(named(rules), place.clone()),
            None => Label::Place(place.clone()),
        })
        .collect()
}

/// A message, the places it lists, and its help.
pub(super) fn listing(message: String, places: &[Place], help: String) -> Message {
    let mut m = Message::new(message);
    m.labels.extend(places.iter().cloned().map(Label::Place));
    m.help(help)
}

/// `s` with every character that a terminal would act on, or that a reader could not see, shown
/// visibly: line breaks as `⏎` (a CRLF as one), a tab as `⇥`, a form feed as `␌`, any other
/// control character (C0, DEL, C1: ESC and BEL among them) and the invisible format characters
/// (zero-width space, bidirectional controls, word joiner, byte order mark, soft hyphen, …) as
/// `<U+XXXX>`. Ledger strings and document text are untrusted: everything akaji writes to a
/// terminal or a text report goes through this. The zero-width joiner and non-joiner stay, as
/// they join visible characters (emoji sequences, scripts that need them).
///
/// ```
/// use akaji::messages::visible;
/// assert_eq!(visible("設置"), "設置");
/// assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a<U+001B>]0;x<U+0007>b");
/// assert_eq!(visible("設\u{200b}置\r\nする"), "設<U+200B>置⏎する");
/// ```
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || invisible(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                out.push('⏎');
            }
            '\n' | '\r' => out.push('⏎'),
            '\t' => out.push('⇥'),
            '\u{c}' => out.push('␌'),
            c if c.is_control() || invisible(c) => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Format characters a reader does not see (and that may reorder what they see).
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}
