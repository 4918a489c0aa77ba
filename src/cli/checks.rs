//! Mistakes caught before they cost: arguments in the wrong order, and an output file whose
//! name says another kind than the command writes.
//!
//! Each command asks here before it does any work. An output named `.docx`, `.html`, `.json`,
//! `.pdf`, `.toml`, `.xlsx`, `.csv` or `.tsv` says what it holds: the command writes that kind
//! when it can (the caller picks the format from the name) and is refused otherwise, so that
//! no file named `final.docx` holds UTF-8 text that Word cannot open. Any other name (`.txt`,
//! `.md`, none) takes whatever the command writes.

use super::error::{CliError, Usage, Writes};
use super::files;
use std::path::Path;

/// The extensions that name a kind of file, lower case.
const KINDS: [&str; 9] = ["docx", "html", "htm", "json", "pdf", "toml", "xlsx", "csv", "tsv"];

/// The extension of `path` when it names a kind of file (lower case): `Some("docx")`.
pub fn kind_of(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    KINDS.contains(&ext.as_str()).then_some(ext)
}

/// Refuse `path` unless its extension names nothing, or one of `fits`.
pub fn output_fits(path: Option<&Path>, fits: &[&str], writes: Writes) -> Result<(), CliError> {
    let Some(path) = path else { return Ok(()) };
    match kind_of(path) {
        Some(ext) if !fits.contains(&ext.as_str()) => {
            Err(Usage::WrongExtension { path: path.to_owned(), ext, writes }.into())
        }
        _ => Ok(()),
    }
}

/// Whether a file name says it is a ledger (`.toml`, `.json`).
pub fn ledger_name(path: &Path) -> bool {
    matches!(kind_of(path).as_deref(), Some("toml" | "json"))
}

/// `akaji apply DRAFT LEDGER` given as `akaji apply LEDGER DRAFT`: the first is named like a
/// ledger and the second is not.
pub fn order(text: &Path, ledger: &Path, usage: &'static str) -> Result<(), CliError> {
    if ledger_name(text) && !ledger_name(ledger) {
        return Err(Usage::Swapped { usage }.into());
    }
    Ok(())
}

/// The ledger at `ledger`, or, when it is not one and the text at `text` reads as a ledger, the
/// arguments are swapped.
pub fn load_ledger(ledger: &Path, text: &Path, usage: &'static str) -> Result<akaji::Ledger, CliError> {
    files::load_ledger(ledger).map_err(|e| match e {
        CliError::Ledger { .. } if looks_like_ledger(text) => Usage::Swapped { usage }.into(),
        e => e,
    })
}

/// Whether the file at `path` is a ledger with at least one decision (read only after the
/// ledger failed, so a draft is read once more at most).
fn looks_like_ledger(path: &Path) -> bool {
    let small_file = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() < 16 << 20);
    let Ok(text) = std::fs::read_to_string(path).map_err(|_| ()).and_then(|t| small_file.then_some(t).ok_or(())) else {
        return false;
    };
    akaji::Ledger::parse(&text, &path.to_string_lossy()).is_ok_and(|l| !l.decisions.is_empty())
}
