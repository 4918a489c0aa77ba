//! `akaji redline`: the redline of a ledger's edits on a draft, every change attributed.

use super::output::{self, ColorChoice};
use akaji::error::Error;
use akaji::render::{self, Context, Format, RenderOptions};
use akaji::{apply, exit, files};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// Arguments of `akaji redline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The draft the ledger's decisions were made against.
    pub draft: PathBuf,
    /// The ledger (TOML, or JSON when it ends in .json).
    pub ledger: PathBuf,
    /// ansi, html, table (新旧対照表), critic, json, unified or docx; default: from -o's extension,
    /// else ansi.
    #[arg(long, short = 'f', value_parser = parse_format)]
    pub format: Option<Format>,
    /// Write here (whole or not at all) instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Unchanged lines shown around each change (ansi, unified), or `all`.
    #[arg(long, default_value = "2", value_parser = parse_context)]
    pub context: Context,
    /// Colour the ansi format: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// A format named on the command line.
pub fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format `{name}`; use one of {}", names.join(", "))
    })
}

/// A number of context lines, or `all`.
pub fn parse_context(value: &str) -> Result<Context, String> {
    if value == "all" {
        return Ok(Context::All);
    }
    value.parse().map(Context::Lines).map_err(|_| format!("`{value}` is neither a number of lines nor `all`"))
}

/// The format asked for, else the one -o's extension suggests, else ansi.
pub fn choose_format(format: Option<Format>, output: Option<&Path>) -> Format {
    format.or_else(|| output.and_then(Format::from_path)).unwrap_or(Format::Ansi)
}

/// Render `redline` to bytes, refusing binary output on a terminal.
pub fn render_bytes(
    redline: &akaji::redline::Redline,
    format: Format,
    options: &RenderOptions,
    output: Option<&Path>,
) -> Result<Vec<u8>, Error> {
    if format.is_binary() && output.is_none() && io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "refusing to write {format} to a terminal: use -o FILE.{format} or redirect the output"
        )));
    }
    let mut bytes = Vec::new();
    render::render(redline, format, options, &mut bytes).map_err(|e| match e.kind() {
        io::ErrorKind::Unsupported => Error::Usage(format!("{e}; choose another --format")),
        _ => Error::Io { path: output.unwrap_or(Path::new("<stdout>")).to_owned(), action: "render it", source: e },
    })?;
    Ok(bytes)
}

/// Run `akaji redline`.
pub fn run(args: Args) -> Result<u8, Error> {
    let output = args.output.as_deref();
    output::check(output, &[&args.draft, &args.ledger])?;
    let ledger = files::load_ledger(&args.ledger)?;
    let draft = files::load_document(&args.draft, &ledger.options)?;
    let redline = apply::redline(&draft, &ledger).map_err(|problems| Error::Resolve {
        ledger: args.ledger.clone(),
        draft: args.draft.clone(),
        problems,
    })?;
    let format = choose_format(args.format, output);
    let label = args.draft.display().to_string();
    let options = RenderOptions {
        color: format == Format::Ansi && args.color.enabled(output),
        context: args.context,
        old_label: label.clone(),
        new_label: label,
    };
    let bytes = render_bytes(&redline, format, &options, output)?;
    output::emit(output, &[&args.draft, &args.ledger], &bytes)?;
    Ok(exit::SUCCESS)
}
