//! The options every command that draws a redline shares: format, output file, context, colour.

use super::error::{CliError, IoAction, Usage};
use super::messages;
use super::output::ColorChoice;
use akaji::render::{self, Context, Format, RenderOptions};
use akaji::Redline;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// How and where to draw a redline.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// ansi, html, table (新旧対照表), critic, json, unified or docx; default: from -o's extension,
    /// else ansi.
    #[arg(long, short = 'f', value_parser = parse_format)]
    pub format: Option<Format>,
    /// Write here (whole or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Unchanged lines shown around each change (ansi, unified), or `all`.
    #[arg(long, default_value = "2", value_parser = parse_context)]
    pub context: Context,
    /// Colour the ansi format: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl RenderArgs {
    /// The output file, if any.
    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }

    /// The format asked for, else the one -o's extension suggests, else ansi.
    pub fn format(&self) -> Format {
        self.format.or_else(|| self.output().and_then(Format::from_path)).unwrap_or(Format::Ansi)
    }

    /// Refuse binary output to a terminal, before any work is done.
    pub fn check(&self) -> Result<(), CliError> {
        let format = self.format();
        if format.is_binary() && self.output.is_none() && io::stdout().is_terminal() {
            return Err(Usage::BinaryToTerminal { format }.into());
        }
        Ok(())
    }

    /// Render `redline` to bytes, naming the two texts `old_label` and `new_label`.
    pub fn render(&self, redline: &Redline, old_label: String, new_label: String) -> Result<Vec<u8>, CliError> {
        self.check()?;
        let format = self.format();
        let options = RenderOptions {
            color: format == Format::Ansi && self.color.enabled(self.output()),
            context: self.context,
            old_label,
            new_label,
        };
        let mut bytes = Vec::new();
        let rendered = if format == Format::Docx {
            // Word cannot hold some characters; the document shows a stand-in, and we say where.
            akaji::docx::write(redline, &mut bytes).map(|stand_ins| {
                for w in stand_ins {
                    eprintln!("{}", messages::stand_in(&w));
                }
            })
        } else {
            render::render(redline, format, &options, &mut bytes)
        };
        rendered.map_err(|e| match e.kind() {
            io::ErrorKind::Unsupported => Usage::Unsupported { detail: e.to_string() }.into(),
            _ => CliError::Io {
                path: self.output().unwrap_or(Path::new("<stdout>")).to_owned(),
                action: IoAction::Render,
                source: e,
            },
        })?;
        Ok(bytes)
    }
}

/// A format named on the command line.
fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        messages::unknown_format(name, &names)
    })
}

/// A number of context lines, or `all`.
fn parse_context(value: &str) -> Result<Context, String> {
    if value == "all" {
        return Ok(Context::All);
    }
    value.parse().map(Context::Lines).map_err(|_| messages::bad_context(value))
}
