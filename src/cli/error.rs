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
    /// The ledger's `draft` key leads out of the ledger's folder.
    DraftOutsideLedger { ledger: PathBuf, draft: String },
    /// An input or output path that is a special file akaji will not read or write.
    SpecialFile { path: PathBuf, kind: SpecialKind, output: bool },
    /// `--columns` given with a ledger (it names a table's columns).
    ColumnsWithLedger,
}

impl From<Usage> for CliError {
    fn from(u: Usage) -> CliError {
        CliError::Usage(u)
    }
}
