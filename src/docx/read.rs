//! Reading a `.docx` draft as text, and refusing archives that are broken or hostile.
//!
//! The text is the body's paragraphs, one line each (runs joined; a tab is `\t`, a line break
//! `<w:br/>` a line feed, a page break `<w:br w:type="page"/>` a form feed, so that pages of a
//! draft without page-marker lines are the document's pages). Tracked changes are not merged
//! silently: the text is the one with every change accepted, and every change is listed in
//! [`DocxText::changes`] so that a caller can refuse the file or tell the user.
//!
//! A hostile archive is refused with a [`ReadError`] before it can cost much: see
//! [`Limits`] and the module `unzip` for the checks. A part holding a DTD is refused (a Word
//! part never has one, and a DTD is how entity-expansion bombs are built).

use super::unzip::{resolve, Package};
use super::xml::W_NS;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use serde::Serialize;
use std::fmt;

const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const OFFICE_DOCUMENT: &str = "/officeDocument";

/// Bounds on what reading a `.docx` may cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest archive read (bytes).
    pub max_archive: u64,
    /// Most entries in the archive.
    pub max_entries: usize,
    /// Largest uncompressed part read (bytes), whatever its header says.
    pub max_part: u64,
    /// Largest sum of the entries' declared uncompressed sizes.
    pub max_total: u64,
    /// Largest expansion of a part (uncompressed / compressed), checked past its first MiB.
    pub max_ratio: u64,
    /// Deepest nesting of XML elements.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_archive: 256 << 20,
            max_entries: 10_000,
            max_part: 64 << 20,
            max_total: 1 << 30,
            max_ratio: 200,
            max_depth: 256,
        }
    }
}

/// Why a `.docx` could not be read. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// Not a zip archive at all.
    NotZip(String),
    /// An entry whose name is a path trick.
    UnsafeEntry { name: String, reason: &'static str },
    /// An encrypted entry.
    Encrypted { name: String },
    /// More entries than [`Limits::max_entries`].
    TooManyEntries { count: usize, limit: usize },
    /// More bytes than a limit allows.
    TooLarge { part: String, limit: u64 },
    /// A part that expands more than [`Limits::max_ratio`] times.
    Bomb { part: String, compressed: u64, ratio: u64 },
    /// A part that cannot be decompressed, or whose CRC is wrong.
    Corrupt { part: String, message: String },
    /// A part the document needs is not in the archive.
    Missing { part: String },
    /// A part is not well-formed XML.
    Xml { part: String, position: u64, message: String },
    /// A part holds a DTD.
    Dtd { part: String },
    /// Elements nested deeper than [`Limits::max_depth`].
    TooDeep { part: String, limit: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redo = "save the document again from a word processor, or export it as UTF-8 text";
        match self {
            ReadError::NotZip(m) => write!(f, "is not a Word document (not a readable zip archive: {m}); {redo}"),
            ReadError::UnsafeEntry { name, reason } => {
                write!(f, "refused: the archive entry {name:?} {reason}, which no Word document does; {redo}")
            }
            ReadError::Encrypted { name } => {
                write!(f, "the archive entry {name:?} is encrypted; remove the password in the word processor first")
            }
            ReadError::TooManyEntries { count, limit } => {
                write!(f, "refused: the archive has {count} entries (at most {limit} are read); {redo}")
            }
            ReadError::TooLarge { part, limit } => {
                write!(f, "refused: {part} is larger than {} MiB uncompressed; {redo}", limit >> 20)
            }
            ReadError::Bomb { part, compressed, ratio } => write!(
                f,
                "refused as a zip bomb: {part} ({compressed} bytes compressed) expands more than {ratio} times; {redo}"
            ),
            ReadError::Corrupt { part, message } => write!(f, "{part} is damaged ({message}); {redo}"),
            ReadError::Missing { part } => write!(f, "is not a Word document: it has no {part}; {redo}"),
            ReadError::Xml { part, position, message } => {
                write!(f, "{part} is not well-formed XML at byte {position} ({message}); {redo}")
            }
            ReadError::Dtd { part } => write!(f, "refused: {part} holds a DTD, which no Word document does; {redo}"),
            ReadError::TooDeep { part, limit } => {
                write!(f, "refused: {part} nests elements more than {limit} deep; {redo}")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// What a tracked change in an input does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// `w:ins`
    Inserted,
    /// `w:del`
    Deleted,
    /// `w:moveFrom`
    MovedFrom,
    /// `w:moveTo`
    MovedTo,
}

/// One tracked change found in an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackedChange {
    /// What it does.
    pub kind: ChangeKind,
    /// Whether it is a paragraph mark (a line break) rather than text.
    pub paragraph_mark: bool,
    /// `w:author`, when given.
    pub author: Option<String>,
    /// `w:date`, when given.
    pub date: Option<String>,
    /// The paragraph it is in, 1-based.
    pub paragraph: usize,
    /// The text it inserts or deletes.
    pub text: String,
}

/// The text of a `.docx`, and the tracked changes it holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxText {
    /// The paragraphs, each ended by a line feed, with every tracked change accepted.
    pub text: String,
    /// Every tracked change, in document order.
    pub changes: Vec<TrackedChange>,
}

impl DocxText {
    /// A one-line summary of the tracked changes: how many, by whom, and the first.
    pub fn describe_changes(&self) -> Option<String> {
        let first = self.changes.first()?;
        let mut authors: Vec<&str> = Vec::new();
        for c in &self.changes {
            let a = c.author.as_deref().unwrap_or("an unnamed author");
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
        let what = match (first.kind, first.paragraph_mark) {
            (ChangeKind::Inserted | ChangeKind::MovedTo, false) => format!("inserts 「{}」", clip(&first.text)),
            (ChangeKind::Deleted | ChangeKind::MovedFrom, false) => format!("deletes 「{}」", clip(&first.text)),
            (ChangeKind::Inserted | ChangeKind::MovedTo, true) => "inserts a paragraph break".into(),
            (ChangeKind::Deleted | ChangeKind::MovedFrom, true) => "deletes a paragraph break".into(),
        };
        Some(format!(
            "{} tracked change(s) by {}; the first, in paragraph {}, {what}",
            self.changes.len(),
            authors.join(", "),
            first.paragraph
        ))
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().nth(20).is_some() {
        out.push('…');
    }
    out
}

/// Read the text of a `.docx` with the default [`Limits`].
pub fn read(bytes: &[u8]) -> Result<DocxText, ReadError> {
    read_with(bytes, &Limits::default())
}

/// Read the text of a `.docx` within `limits`.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<DocxText, ReadError> {
    let mut pkg = Package::open(bytes, limits)?;
    let main = main_part(&mut pkg, limits)?;
    let xml = pkg.part(&main)?;
    super::wordml::text(&xml, &main, limits)
}

/// The main document part, from the package relationships (`word/document.xml` by default).
fn main_part(pkg: &mut Package, limits: &Limits) -> Result<String, ReadError> {
    const RELS: &str = "_rels/.rels";
    const DEFAULT: &str = "word/document.xml";
    if !pkg.has(RELS) {
        return Ok(DEFAULT.into());
    }
    let xml = pkg.part(RELS)?;
    let mut reader = NsReader::from_reader(&xml[..]);
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let err = |message: String| ReadError::Xml { part: RELS.into(), position: pos, message };
        match reader.read_event().map_err(|e| err(e.to_string()))? {
            Event::DocType(_) => return Err(ReadError::Dtd { part: RELS.into() }),
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |key: &[u8]| -> Option<String> {
                    let a = e.try_get_attribute(key).ok()??;
                    a.unescape_value().ok().map(|v| v.into_owned())
                };
                let (Some(ty), Some(target)) = (attr(b"Type"), attr(b"Target")) else { continue };
                if ty.ends_with(OFFICE_DOCUMENT) {
                    let resolved = resolve("", &target);
                    return resolved.ok_or(ReadError::UnsafeEntry {
                        name: target,
                        reason: "is the main document's target and points outside the archive",
                    });
                }
            }
            Event::Eof => return Ok(DEFAULT.into()),
            _ => {}
        }
        if depth > limits.max_depth {
            return Err(ReadError::TooDeep { part: RELS.into(), limit: limits.max_depth });
        }
    }
}

/// Whether a resolved namespace is WordprocessingML (transitional or strict).
pub(crate) fn is_w(ns: &ResolveResult) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == W_NS.as_bytes() || *n == W_STRICT)
}

/// Whether a resolved namespace is markup compatibility.
pub(crate) fn is_mc(ns: &ResolveResult) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == MC_NS)
}
