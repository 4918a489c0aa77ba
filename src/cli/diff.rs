//! `akaji diff`: a redline of two texts, no ledger.

use super::error::{CliError, Usage};
use super::lines::LineArgs;
use super::rendering::RenderArgs;
use super::{exit, files, messages, output};
use akaji::diff::{self, DiffOptions, Granularity};
use akaji::render::Format;
use akaji::{PageMarker, Redline};
use std::path::PathBuf;
use std::time::Duration;

/// Show what changed between two texts, in units a reader of Japanese sees.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 the texts are the same (by content, for documents with pages), 1 they differ, 2 bad input.\n\nExamples:\n  akaji diff old.txt new.txt\n  akaji diff old.txt new.txt --format critic\n  akaji diff old.txt new.txt --format json -o changes.json\n  akaji diff old.txt new.txt --granularity char\n  akaji diff 案.pdf 最終.pdf                 # content: re-wrapped lines, moved heads are layout\n  akaji diff 案.pdf 最終.pdf --keep-layout   # the literal texts"
)]
pub struct Args {
    /// The old text.
    old: PathBuf,
    /// The new text.
    new: PathBuf,
    #[command(flatten)]
    render: RenderArgs,
    /// The unit of change: word (runs of one script, URLs, file names), char, or line (the
    /// printed lines: compares the literal texts).
    #[arg(long, value_enum, default_value_t = GranularityArg::Word)]
    granularity: GranularityArg,
    /// Stop refining after this many seconds; the result stays correct, only coarser, and a
    /// warning says so. 0: no limit.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    timeout: f64,
    /// Compare the literal texts: line breaks, spaces, page furniture and radicals count as
    /// changes. By default documents with pages are compared by content (layout is shown apart
    /// or not at all); `unified` is always literal, so that `patch` applies it.
    #[arg(long)]
    keep_layout: bool,
    #[command(flatten)]
    lines: LineArgs,
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
    let (old, new) = files::load_documents(&args.old, &args.new, &marker)?;
    let (old, new) = (args.lines.apply(old, None), args.lines.apply(new, None));
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
    let paged = |d: &akaji::Document| d.pages().len() > 1 || (0..d.line_count()).any(|l| d.is_furniture(l));
    // Printed lines are layout: comparing them is comparing the literal texts.
    let literal = args.keep_layout
        || args.render.format() == Format::Unified
        || args.granularity == GranularityArg::Line
        || !(paged(&old) || paged(&new));
    let result = if literal {
        diff::diff(old.text(), new.text(), &diff_options)
    } else {
        akaji::diff_content(&old, &new, &diff_options)
    };
    if result.deadline_hit {
        eprintln!("{}", messages::diff_deadline(args.timeout));
    }
    let differ = result.hunks.iter().any(|h| !h.layout) || old.has_bom() != new.has_bom();
    let mut redline = Redline::new(&old, &new, result.hunks);
    redline.deadline_hit = result.deadline_hit;
    let label = |p: &std::path::Path| match args.render.format() {
        Format::Unified => RenderArgs::patch_label(p),
        _ => p.display().to_string(),
    };
    args.render.write(&redline, (label(&args.old), label(&args.new)), None, &inputs)?;
    Ok(if differ { exit::DIFFERENCES } else { exit::SUCCESS })
}
