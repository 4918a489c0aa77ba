//! Errors: what went wrong, with what a user needs to fix it.
//!
//! Every variant carries the decision, the edit, and the places in the draft that matter, so the
//! command line can print a message that names them. Nothing here prints; [`crate::exit`] maps
//! errors to exit statuses.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// A place in a document, with a little context on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Page number.
    pub page: u32,
    /// Line within the page, 1-based (0 on a page-marker line).
    pub line: usize,
    /// Column, 1-based, in chars.
    pub column: usize,
    /// Up to ten characters before.
    pub before: String,
    /// The text at the place.
    pub text: String,
    /// Up to ten characters after.
    pub after: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P{} L{}:{}  …{}【{}】{}…", self.page, self.line, self.column, self.before, self.text, self.after)
    }
}

/// What is wrong with one edit (or the ledger as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// The ledger's structure is wrong; the message says how.
    Invalid { message: String },
    /// The anchor is not in its scope. `near_miss` is the closest text found there, and
    /// `elsewhere` lists matches the scope (page, line, prefix, suffix) rules out.
    NoMatch { quote: String, near_miss: Option<NearMiss>, elsewhere: Vec<Place> },
    /// The anchor matched a number of places other than `count`.
    CountMismatch { quote: String, expected: String, places: Vec<Place> },
    /// Two edits change the same characters.
    Conflict { other_decision: String, other_edit: usize, place: Place },
    /// The scope names a page the draft does not have.
    NoSuchPage { page: u32, pages: Vec<u32> },
    /// The scope names a line the page does not have.
    NoSuchLine { page: u32, line: i64, lines: usize },
    /// The edit is marked `todo`.
    Todo { note: String },
}

/// The closest text to a quote that was not found, and where the two part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NearMiss {
    /// Where the near-miss is.
    pub place: Place,
    /// The first character (1-based, white space not counted) where the quote and the draft
    /// part, reading from the side that agrees longest.
    pub at: usize,
    /// The quote's character there.
    pub ledger: String,
    /// The draft's character there (empty at the end of the scope).
    pub draft: String,
}

/// One problem, attributed to a decision and an edit where it has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The decision's id.
    pub decision: Option<String>,
    /// The edit's index within the decision, 0-based.
    pub edit: Option<usize>,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem with the ledger as a whole.
    pub fn ledger(message: String) -> Problem {
        Problem { decision: None, edit: None, kind: ProblemKind::Invalid { message } }
    }

    /// A structural problem of one decision (and edit).
    pub fn decision(id: &str, edit: Option<usize>, message: String) -> Problem {
        Problem { decision: Some(id.to_owned()), edit, kind: ProblemKind::Invalid { message } }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.decision, self.edit, &self.kind) {
            (Some(d), Some(e), _) => write!(f, "decision {d}, edit {}: ", e + 1)?,
            (Some(d), None, _) => write!(f, "decision {d}: ")?,
            (None, ..) => {}
        }
        match &self.kind {
            ProblemKind::Invalid { message } => f.write_str(message),
            ProblemKind::NoMatch { quote, near_miss, elsewhere } => {
                write!(f, "「{quote}」 is not in the draft within the edit's scope")?;
                if !elsewhere.is_empty() {
                    write!(f, "\n  it is found, but where the edit's scope (page, line, prefix, suffix) rules it out:")?;
                    for p in elsewhere {
                        write!(f, "\n    {p}")?;
                    }
                    write!(f, "\n  fix the edit's scope, or check the draft")?;
                } else if let Some(n) = near_miss {
                    write!(f, "\n  nearest text in scope: {}", n.place)?;
                    let draft = if n.draft.is_empty() { "nothing".to_owned() } else { format!("「{}」", n.draft) };
                    write!(
                        f,
                        "\n  the quote differs at its character {}: the ledger has 「{}」 where the draft has {draft}; fix the quote in the ledger",
                        n.at, n.ledger
                    )?;
                } else {
                    write!(f, "\n  nothing like it was found; check the quote and the scope")?;
                }
                Ok(())
            }
            ProblemKind::CountMismatch { quote, expected, places } => {
                write!(f, "「{quote}」 matches {} place(s) in scope, but count is {expected}:", places.len())?;
                for p in places {
                    write!(f, "\n    {p}")?;
                }
                write!(f, "\n  narrow the anchor with `prefix`, `suffix`, `page` or `line`, or set `count` to {} (or \"all\")", places.len())
            }
            ProblemKind::Conflict { other_decision, other_edit, place } => write!(
                f,
                "changes the same characters as decision {other_decision}, edit {}, at {place}\n  merge the two edits, or narrow one of them",
                other_edit + 1
            ),
            ProblemKind::NoSuchPage { page, pages } => {
                let (first, last) = (pages.first().copied().unwrap_or(0), pages.last().copied().unwrap_or(0));
                write!(f, "page {page} is not in the draft, which has {} page(s) (numbered {first}–{last}); check `page`/`pages` and the page marker", pages.len())
            }
            ProblemKind::NoSuchLine { page, line, lines } => write!(
                f,
                "line {line} is not on page {page}, which has {lines} line(s) (the page marker line is not counted)"
            ),
            ProblemKind::Todo { note } => write!(
                f,
                "is marked todo (「{note}」): complete it with `old`/`new` (or `after`/`before` and `new`) and remove `todo`"
            ),
        }
    }
}

/// The ledger could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerError {
    /// Not valid TOML/JSON, or not the ledger's structure (an unknown key, a missing `id`, …).
    Syntax { line: usize, column: usize, message: String },
    /// Well-formed, but decisions or edits are incoherent.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::Syntax { line, column, message } => {
                write!(f, "line {line}, column {column}: {}", message.trim_end())
            }
            LedgerError::Invalid(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LedgerError {}

/// Anything that stops a command.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    Io { path: PathBuf, action: &'static str, source: std::io::Error },
    /// A file is not what it should be (not UTF-8, not a table, …).
    Input { path: PathBuf, message: String },
    /// The ledger could not be read.
    Ledger { path: PathBuf, source: LedgerError },
    /// The ledger's edits do not resolve against the draft: every problem found.
    Resolve { ledger: PathBuf, draft: PathBuf, problems: Vec<Problem> },
    /// A command was used wrongly (an output over an input, …).
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, action, source } => write!(f, "{}: cannot {action}: {source}", path.display()),
            Error::Input { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Ledger { path, source } => match source {
                LedgerError::Syntax { .. } => write!(f, "{}: {source}", path.display()),
                LedgerError::Invalid(problems) => {
                    write!(f, "{}: {} problem(s) in the ledger", path.display(), problems.len())?;
                    for p in problems {
                        write!(f, "\n{}: {}", path.display(), indent(&p.to_string()))?;
                    }
                    Ok(())
                }
            },
            Error::Resolve { ledger, draft, problems } => {
                write!(f, "{}: {} edit(s) do not apply to {}", ledger.display(), problems.len(), draft.display())?;
                for p in problems {
                    write!(f, "\n{}: {}", ledger.display(), indent(&p.to_string()))?;
                }
                Ok(())
            }
            Error::Usage(m) => f.write_str(m),
        }
    }
}

fn indent(s: &str) -> String {
    s.replace('\n', "\n  ")
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Ledger { source, .. } => Some(source),
            _ => None,
        }
    }
}
