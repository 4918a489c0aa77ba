//! `akaji diff`: a redline of two texts, no ledger.

use super::output::{self, ColorChoice};
use akaji::diff::{self, DiffOptions, Granularity};
use akaji::error::Error;
use akaji::exit;
use akaji::files;
use akaji::ledger::Options;
use akaji::redline::Redline;
use akaji::render::{self, Context, Format, RenderOptions};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `akaji diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old text.
    old: PathBuf,
    /// The new text.
    new: PathBuf,
    /// Output format: ansi, html, table, critic, json, unified, docx (default: from -o's
    /// extension, else ansi).
    #[arg(long, short = 'f', value_parser = parse_format)]
    format: Option<Format>,
    /// Write to this file (whole or not at all) instead of stdout.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// The unit of change: word (runs of one script, URLs, file names), char, or line.
    #[arg(long, value_enum, default_value_t = GranularityArg::Word)]
    granularity: GranularityArg,
    /// Lines of unchanged text around changes (ansi, unified), or `all`.
    #[arg(long, default_value = "2", value_parser = parse_context)]
    context: Context,
    /// When to colour ansi output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Stop refining after this many seconds; the result stays correct, only coarser, and a
    /// warning says so. 0: no limit.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    timeout: f64,
}

/// The unit of change, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GranularityArg {
    Char,
    Word,
    Line,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format `{s}`; use one of {}", names.join(", "))
    })
}

fn parse_context(s: &str) -> Result<Context, String> {
    if s == "all" {
        return Ok(Context::All);
    }
    s.parse().map(Context::Lines).map_err(|_| format!("`{s}` is not a number of lines or `all`"))
}

/// Run `akaji diff`.
pub fn run(args: Args) -> Result<u8, Error> {
    let out = args.output.as_deref();
    output::check(out, &[&args.old, &args.new])?;
    let format = args.format.or_else(|| out.and_then(Format::from_path)).unwrap_or(Format::Ansi);
    if format.is_binary() && out.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "the {format} format is binary and stdout is a terminal: write it to a file with -o FILE.{format}"
        )));
    }
    if !(args.timeout >= 0.0 && args.timeout.is_finite()) {
        return Err(Error::Usage(format!("--timeout {} is not a number of seconds ≥ 0", args.timeout)));
    }
    let options = Options::default();
    let old = files::load_document(&args.old, &options)?;
    let new = files::load_document(&args.new, &options)?;
    let diff_options = DiffOptions {
        granularity: match args.granularity {
            GranularityArg::Char => Granularity::Char,
            GranularityArg::Word => Granularity::Word,
            GranularityArg::Line => Granularity::Line,
        },
        timeout: (args.timeout > 0.0).then(|| Duration::from_secs_f64(args.timeout)),
        ..DiffOptions::default()
    };
    let result = diff::diff(old.text(), new.text(), &diff_options);
    if result.deadline_hit {
        eprintln!(
            "akaji: warning: the diff took longer than --timeout {} s and was not refined to the end; the changes shown are correct but coarser (raise --timeout, or 0 for no limit)",
            args.timeout
        );
    }
    let differ = !result.hunks.is_empty() || old.has_bom() != new.has_bom();
    let mut redline = Redline::new(old, new, result.hunks);
    redline.deadline_hit = result.deadline_hit;
    let render_options = RenderOptions {
        color: format == Format::Ansi && args.color.enabled(out),
        context: args.context,
        old_label: args.old.display().to_string(),
        new_label: args.new.display().to_string(),
    };
    let mut bytes = Vec::new();
    render::render(&redline, format, &render_options, &mut bytes)
        .map_err(|e| Error::Usage(format!("cannot render the {format} format: {e}")))?;
    output::emit(out, &[&args.old, &args.new], &bytes)?;
    Ok(if differ { exit::DIFFERENCES } else { exit::SUCCESS })
}
