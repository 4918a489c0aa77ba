//! The options every command that draws a redline shares: format, output file, context, colour.

use super::error::{CliError, IoAction, Usage};
use super::messages;
use super::output::ColorChoice;
use akaji::render::{self, Context, Format, RenderOptions};
use akaji::{DocumentKind, Redline};
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
    /// The kind of document, naming the 新旧対照表's columns: plan (修正後/修正前; the default,
    /// or the ledger's options.kind), law (改正後/改正前) or plain (新/旧).
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,
}

/// A kind of document, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// 修正後 / 修正前.
    Plan,
    /// 改正後 / 改正前 (a law, an ordinance, a rule).
    Law,
    /// 新 / 旧.
    Plain,
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

    /// Render `redline` to bytes, naming the two texts `old_label` and `new_label`; `kind` is
    /// the ledger's, when there is one (`--kind` wins).
    pub fn render(
        &self,
        redline: &Redline,
        old_label: String,
        new_label: String,
        kind: Option<DocumentKind>,
    ) -> Result<Vec<u8>, CliError> {
        self.check()?;
        let format = self.format();
        let options = RenderOptions {
            color: format == Format::Ansi && self.color.enabled(self.output()),
            context: self.context,
            old_label,
            new_label,
            kind: match self.kind {
                Some(KindArg::Plan) => DocumentKind::Plan,
                Some(KindArg::Law) => DocumentKind::Law,
                Some(KindArg::Plain) => DocumentKind::Plain,
                None => kind.unwrap_or_default(),
            },
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
