//! The formats a redline is rendered in, and the options every renderer may be asked.

use crate::document::DocumentKind;
use std::fmt;

/// A redline format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Colour (or plain) text for a terminal: 見え消し with context lines.
    Ansi,
    /// One self-contained HTML page: 見え消し with a decisions table.
    Html,
    /// 新旧対照表 as HTML: the new text (修正後) on the left, the old (修正前) on the right.
    Table,
    /// CriticMarkup.
    Critic,
    /// Machine-readable hunks with char offsets.
    Json,
    /// A unified diff that `patch` and `git apply` accept.
    Unified,
    /// A Word document with tracked changes.
    Docx,
}

impl Format {
    /// Every format, for loops in tests and help texts.
    pub const ALL: [Format; 7] =
        [Format::Ansi, Format::Html, Format::Table, Format::Critic, Format::Json, Format::Unified, Format::Docx];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ansi => "ansi",
            Format::Html => "html",
            Format::Table => "table",
            Format::Critic => "critic",
            Format::Json => "json",
            Format::Unified => "unified",
            Format::Docx => "docx",
        }
    }

    /// The format named on the command line.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format an output file name suggests (`.html`, `.docx`, `.json`, `.diff`, `.patch`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "json" => Some(Format::Json),
            "diff" | "patch" => Some(Format::Unified),
            "md" | "critic" => Some(Format::Critic),
            _ => None,
        }
    }

    /// Whether the output is bytes that are not text (must not go to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much unchanged text is shown around changes (ansi and unified).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// This many lines before and after each change.
    Lines(usize),
    /// The whole document.
    All,
}

/// What every renderer may be asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Colour escape codes (ansi only).
    pub color: bool,
    /// Unchanged text around changes.
    pub context: Context,
    /// The old text's name (unified headers, titles).
    pub old_label: String,
    /// The new text's name.
    pub new_label: String,
    /// What kind of document it is: the 新旧対照表's column heads (修正後/修正前 for a plan).
    pub kind: DocumentKind,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            context: Context::Lines(2),
            old_label: "old".into(),
            new_label: "new".into(),
            kind: DocumentKind::default(),
        }
    }
}
