//! Where a command's output goes: a file written whole (never over an input), or stdout.

use super::error::{CliError, IoAction};
use super::files;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Write `parts`, one after the other, to `output` (atomically, refusing to replace any of
/// `inputs`) or to stdout. A closed pipe on stdout is not an error.
pub fn emit(output: Option<&Path>, inputs: &[&Path], parts: &[&[u8]]) -> Result<(), CliError> {
    match output {
        Some(path) => {
            files::check_output(path, inputs)?;
            files::write_output(path, parts)
        }
        None => {
            let mut stdout = io::stdout().lock();
            let written = parts.iter().try_for_each(|p| stdout.write_all(p)).and_then(|()| stdout.flush());
            match written {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(CliError::Io { path: PathBuf::from("<stdout>"), action: IoAction::Write, source: e })
                }
                _ => Ok(()),
            }
        }
    }
}

/// Refuse an output path that is an input, before any work is done.
pub fn check(output: Option<&Path>, inputs: &[&Path]) -> Result<(), CliError> {
    match output {
        Some(path) => files::check_output(path, inputs),
        None => Ok(()),
    }
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to `output` (None: stdout).
    pub fn enabled(self, output: Option<&Path>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                output.is_none()
                    && io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
