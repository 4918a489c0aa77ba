//! `akaji diff`: a redline of two texts, no ledger.

use super::error::{CliError, Usage};
use super::rendering::RenderArgs;
use super::{exit, files, messages, output};
use akaji::diff::{self, DiffOptions, Granularity};
use akaji::{PageMarker, Redline};
use std::path::PathBuf;
use std::time::Duration;

/// Show what changed between two texts, in units a reader of Japanese sees.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 the texts are the same, 1 they differ, 2 bad input.\n\nExamples:\n  akaji diff old.txt new.txt\n  akaji diff old.txt new.txt --format critic\n  akaji diff old.txt new.txt --format json -o changes.json\n  akaji diff old.txt new.txt --granularity char"
)]
pub struct Args {
    /// The old text.
    old: PathBuf,
    /// The new text.
    new: PathBuf,
    #[command(flatten)]
    render: RenderArgs,
    /// The unit of change: word (runs of one script, URLs, file names), char, or line.
    #[arg(long, value_enum, default_value_t = GranularityArg::Word)]
    granularity: GranularityArg,
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

/// Run `akaji diff`.
pub fn run(args: Args) -> Result<u8, CliError> {
    let out = args.render.output();
    let inputs = [args.old.as_path(), args.new.as_path()];
    output::check(out, &inputs)?;
    args.render.check()?;
    if !(args.timeout >= 0.0 && args.timeout.is_finite()) {
        return Err(Usage::BadTimeout { value: args.timeout }.into());
    }
    let marker = PageMarker::default();
    let old = files::load_document(&args.old, &marker)?;
    let new = files::load_document(&args.new, &marker)?;
    let diff_options = DiffOptions {
        granularity: match args.granularity {
            GranularityArg::Char => Granularity::Char,
            GranularityArg::Word => Granularity::Word,
            GranularityArg::Line => Granularity::Line,
        },
        // A timeout too long for a Duration (1e308 s) is no limit.
        timeout: (args.timeout > 0.0).then(|| Duration::try_from_secs_f64(args.timeout).ok()).flatten(),
        ..DiffOptions::default()
    };
    let result = diff::diff(old.text(), new.text(), &diff_options);
    if result.deadline_hit {
        eprintln!("{}", messages::diff_deadline(args.timeout));
    }
    let differ = !result.hunks.is_empty() || old.has_bom() != new.has_bom();
    let mut redline = Redline::new(&old, &new, result.hunks);
    redline.deadline_hit = result.deadline_hit;
    let bytes = args.render.render(&redline, args.old.display().to_string(), args.new.display().to_string())?;
    output::emit(out, &inputs, &[&bytes])?;
    Ok(if differ { exit::DIFFERENCES } else { exit::SUCCESS })
}
