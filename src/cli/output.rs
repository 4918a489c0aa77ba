//! Where a command's output goes: a file written whole (never over an input), or stdout.

use super::error::{CliError, IoAction, Usage};
use super::files;
use super::pipe::{Failed, WriteSend};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Write `parts`, one after the other, to `output` (atomically, refusing to replace any of
/// `inputs`) or to stdout. A closed pipe on stdout is not an error.
pub fn emit(output: Option<&Path>, inputs: &[&Path], parts: &[&[u8]]) -> Result<(), CliError> {
    put(output, inputs, |w| parts.iter().try_for_each(|p| w.write_all(p)).map_err(Failed::Write))
}

/// Draw an output with `render` straight into `output` (a file written whole or not at all,
/// never one of `inputs`) or stdout, the writing done on a thread of its own as the drawing goes
/// ([`super::pipe`]): a large redline is never held whole in memory. A closed pipe on stdout is
/// not an error; a drawing that fails leaves no file.
pub fn stream(
    output: Option<&Path>,
    inputs: &[&Path],
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CliError> {
    put(output, inputs, move |sink| super::pipe::pipe(sink, render))
}

/// Run `fill` on the sink `output` names: a temporary file renamed over it when `fill`
/// succeeds, the stream it is, or stdout.
fn put<F>(output: Option<&Path>, inputs: &[&Path], fill: F) -> Result<(), CliError>
where
    F: FnOnce(&mut (dyn WriteSend + '_)) -> Result<(), Failed>,
{
    match output {
        Some(path) => {
            files::check_output(path, inputs)?;
            files::write_output(path, |sink| fill(sink).map_err(|f| failure(path, f)))
        }
        None => match fill(&mut io::stdout()).and_then(|()| io::stdout().flush().map_err(Failed::Write)) {
            Err(Failed::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(f) => Err(failure(Path::new("<stdout>"), f)),
            Ok(()) => Ok(()),
        },
    }
}

/// The error of an output that could not be produced at `path`.
fn failure(path: &Path, failed: Failed) -> CliError {
    let (action, source) = match failed {
        Failed::Write(e) => (IoAction::Write, e),
        Failed::Render(e) if e.kind() == io::ErrorKind::Unsupported => {
            return Usage::Unsupported { detail: e.to_string() }.into();
        }
        Failed::Render(e) => (IoAction::Render, e),
    };
    CliError::Io { path: path.to_owned(), action, source }
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
