//! What stops a command: the command line's own errors, and the library's diagnostics with the
//! file they are about. Every one maps to [`super::exit::BAD_INPUT`]; the words are in
//! [`super::messages`].

use super::special::SpecialKind;
use akaji::render::Format;
use akaji::{Diagnostic, Diagnostics};
use std::path::PathBuf;

/// Anything that stops a command.
#[derive(Debug)]
pub enum CliError {
    /// A file could not be read or written.
    Io { path: PathBuf, action: IoAction, source: std::io::Error },
    /// A file is not what it should be (not UTF-8, not a table, a `.docx` with tracked changes).
    Input { path: PathBuf, problem: Diagnostic },
    /// The ledger could not be read: every problem found.
    Ledger { path: PathBuf, problems: Diagnostics },
    /// The ledger's edits do not resolve against the draft: every problem found.
    Resolve { ledger: PathBuf, draft: PathBuf, problems: Diagnostics },
    /// The command was used wrongly.
    Usage(Usage),
}

/// What was being done with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    /// Reading an input.
    Read,
    /// Writing an output.
    Write,
    /// Rendering into an output.
    Render,
}

/// A command used wrongly.
#[derive(Debug)]
pub enum Usage {
    /// `-o` names one of the inputs.
    OutputOverInput { input: PathBuf },
    /// A binary format asked for on a terminal.
    BinaryToTerminal { format: Format },
    /// `--timeout` is not a number of seconds.
    BadTimeout { value: f64 },
    /// `--exact` without a draft.
    ExactNeedsDraft,
    /// A format the renderer cannot write (what it says).
    Unsupported { detail: String },
    /// `--columns` does not name columns.
    Columns(Diagnostic),
    /// The ledger stands where the text should and the text where the ledger should.
    Swapped { usage: &'static str },
    /// `akaji verify LEDGER FINAL`: the final given without `--final`.
    FinalNotFlagged { path: PathBuf },
    /// `akaji verify LEDGER` without `--final`.
    FinalMissing,
    /// `-o` names a file whose extension says another kind than the command writes.
    WrongExtension { path: PathBuf, ext: String, writes: Writes },
    /// The ledger's `draft` key leads out of the ledger's folder.
    DraftOutsideLedger { ledger: PathBuf, draft: String },
    /// An input or output path that is a special file akaji will not read or write.
    SpecialFile { path: PathBuf, kind: SpecialKind, output: bool },
    /// `--columns` given with a ledger (it names a table's columns).
    ColumnsWithLedger,
}

/// What a command writes to its output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// Plain UTF-8 text (a final, a text report).
    Text,
    /// JSON.
    Json,
    /// A ledger (TOML, or JSON when the name ends in .json).
    Ledger,
    /// An HTML page.
    Html,
    /// A redline in this format.
    Redline(Format),
}

impl Writes {
    /// The file name ending that says this kind.
    pub fn suggested(self) -> &'static str {
        match self {
            Writes::Text | Writes::Redline(Format::Ansi) => ".txt",
            Writes::Json | Writes::Redline(Format::Json) => ".json",
            Writes::Ledger => ".toml",
            Writes::Html | Writes::Redline(Format::Html | Format::Table) => ".html",
            Writes::Redline(Format::Docx) => ".docx",
            Writes::Redline(Format::Unified) => ".diff",
            Writes::Redline(_) => ".md",
        }
    }
}

impl From<Usage> for CliError {
    fn from(u: Usage) -> CliError {
        CliError::Usage(u)
    }
}
