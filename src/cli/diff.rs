//! `akaji diff`: a redline of two texts, no ledger.

use super::output;
use super::rendering::RenderArgs;
use akaji::diff::{self, DiffOptions, Granularity};
use akaji::error::Error;
use akaji::exit;
use akaji::files;
use akaji::ledger::Options;
use akaji::redline::Redline;
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
pub fn run(args: Args) -> Result<u8, Error> {
    let out = args.render.output();
    output::check(out, &[&args.old, &args.new])?;
    args.render.check()?;
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
        // A timeout too long for a Duration (1e308 s) is no limit.
        timeout: (args.timeout > 0.0).then(|| Duration::try_from_secs_f64(args.timeout).ok()).flatten(),
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
    let bytes = args.render.render(&redline, args.old.display().to_string(), args.new.display().to_string())?;
    output::emit(out, &[&args.old, &args.new], &bytes)?;
    Ok(if differ { exit::DIFFERENCES } else { exit::SUCCESS })
}
