//! `akaji verify`: was every promised edit made; what changed that no decision explains.

use super::error::{CliError, IoAction, Usage, Writes};
use super::lines::LineArgs;
use super::output::{self, ColorChoice};
use super::{checks, exit, files, messages};
use akaji::lock::Lock;
use akaji::render::{render, Format as RedlineFormat, RenderOptions};
use akaji::verify::{self, Exact, Files, VerifyOptions, VerifyReport};
use akaji::{Diagnostic, Document, Ledger};
use std::io;
use std::path::{Path, PathBuf};

/// Check a published final against the ledger's promises.
#[derive(Debug, clap::Args)]
#[command(after_help = "Exit status: 0 every promised edit is made (and, with --strict, nothing is unexplained); \
1 problems found; 2 bad input.\n\nExamples:\n  \
akaji verify ledger.toml --draft draft.txt --final final.txt\n  \
akaji verify ledger.toml --final published.txt --without-draft   # with ledger.toml.lock when it is there\n  \
akaji verify ledger.toml --final final.txt --format html -o report.html\n  \
akaji verify ledger.toml --draft draft.txt --final final.txt --exact")]
pub struct Args {
    /// The ledger (TOML, or JSON when it ends in .json).
    ledger: PathBuf,
    /// The published final text to check (required).
    #[arg(long = "final", value_name = "FINAL")]
    final_path: Option<PathBuf>,
    /// A second file without --final: caught to say so.
    #[arg(hide = true, value_name = "FINAL")]
    stray: Option<PathBuf>,
    /// The draft the decisions were taken on (default: the ledger's `draft`, if it names one).
    #[arg(long, value_name = "DRAFT")]
    draft: Option<PathBuf>,
    /// Check without a draft even if the ledger names one: by the lock (LEDGER.lock, written by
    /// `akaji apply --lock`) when there is one, else by each edit's old and new text.
    #[arg(long, conflicts_with = "draft")]
    without_draft: bool,
    /// Without a draft, the lock to check by (default: LEDGER.lock, when it exists).
    #[arg(long, value_name = "LOCK", conflicts_with = "draft")]
    lock: Option<PathBuf>,
    /// Report format: text (default), json, html; default from -o's name (.html, .json).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The final must be exactly the draft with the ledger applied, byte for byte; otherwise
    /// show the redline of the difference.
    #[arg(long)]
    exact: bool,
    /// Also fail (exit 1) when a change no decision explains is found.
    #[arg(long)]
    strict: bool,
    /// Count layout (line breaks, spaces, page markers, running heads) as content.
    #[arg(long)]
    keep_layout: bool,
    /// Colour the --exact redline.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Write the report here (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    lines: LineArgs,
}

impl Args {
    /// The final, once [`final_path`] has checked it is given.
    fn final_path(&self) -> &Path {
        self.final_path.as_deref().unwrap_or(Path::new(""))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Html,
}

/// The final named with --final; a second positional file is the final given without it.
fn final_path(args: &Args) -> Result<PathBuf, CliError> {
    match (&args.final_path, &args.stray) {
        (Some(f), None) => Ok(f.clone()),
        (_, Some(stray)) if !checks::ledger_name(&args.ledger) && checks::ledger_name(stray) => {
            Err(Usage::Swapped { usage: "akaji verify LEDGER --final FINAL [--draft DRAFT]" }.into())
        }
        (_, Some(stray)) => Err(Usage::FinalNotFlagged { path: stray.clone() }.into()),
        (None, None) => Err(Usage::FinalMissing.into()),
    }
}

/// The report format asked for, else the one -o's name says, else text; an -o whose name says
/// another kind is refused.
fn format(args: &Args) -> Result<Format, CliError> {
    let out = args.output.as_deref();
    let format = args.format.unwrap_or(match out.and_then(checks::kind_of).as_deref() {
        Some("html" | "htm") => Format::Html,
        Some("json") => Format::Json,
        _ => Format::Text,
    });
    let (fits, writes): (&[&str], _) = match format {
        Format::Text => (&[], Writes::Text),
        Format::Json => (&["json"], Writes::Json),
        Format::Html => (&["html", "htm"], Writes::Html),
    };
    checks::output_fits(out, fits, writes)?;
    Ok(format)
}

/// Run `akaji verify`: read the inputs, then check exactly or report.
pub fn run(mut args: Args) -> Result<u8, CliError> {
    args.final_path = Some(final_path(&args)?);
    output::check(args.output.as_deref(), &[&args.ledger, args.final_path()])?;
    checks::order(args.final_path(), &args.ledger, "akaji verify LEDGER --final FINAL [--draft DRAFT]")?;
    args.format = Some(format(&args)?);
    let ledger = files::load_ledger(&args.ledger)?;
    let draft_path = draft_path(&args, &ledger)?;
    let mut inputs: Vec<&Path> = vec![&args.ledger, &args.final_path()];
    inputs.extend(draft_path.as_deref());
    output::check(args.output.as_deref(), &inputs)?;
    if let (None, Some(d)) = (&args.draft, &draft_path) {
        eprintln!("{}", messages::draft_from_ledger(d));
    }
    let marker = &ledger.options.page_marker;
    let (final_doc, draft) = match draft_path.as_deref() {
        Some(draft) => files::load_documents(args.final_path(), draft, marker).map(|(f, d)| (f, Some(d)))?,
        None => (files::load_document(args.final_path(), marker)?, None),
    };
    let counted = |d| args.lines.apply(d, Some(&ledger.options));
    let (final_doc, draft) = (counted(final_doc), draft.map(counted));
    let lock = match draft {
        Some(_) => None,
        None => load_lock(&args)?,
    };
    let checked = Checked { args: &args, ledger: &ledger, draft_path: draft_path.as_deref(), inputs: &inputs, lock };
    match (&draft, args.exact) {
        (Some(draft), true) => checked.exact(draft, &final_doc),
        (None, true) => Err(Usage::ExactNeedsDraft.into()),
        (draft, false) => checked.report(draft.as_ref(), &final_doc),
    }
}

/// The draft to check against: `--draft`, else the ledger's `draft` (unless `--without-draft`;
/// refused when it leads out of the ledger's folder).
fn draft_path(args: &Args, ledger: &Ledger) -> Result<Option<PathBuf>, CliError> {
    match (&args.draft, args.without_draft) {
        (Some(d), _) => Ok(Some(d.clone())),
        (None, false) => files::ledger_draft_path(&args.ledger, ledger),
        (None, true) => Ok(None),
    }
}

/// The lock to check by without a draft: `--lock`, else LEDGER.lock when it exists.
fn load_lock(args: &Args) -> Result<Option<(PathBuf, Lock)>, CliError> {
    let path = match &args.lock {
        Some(p) => p.clone(),
        None => {
            let p = super::apply::lock_path(&args.ledger);
            if !p.is_file() {
                return Ok(None);
            }
            p
        }
    };
    let text = files::read_text(&path)?;
    let lock =
        Lock::from_toml(&text).map_err(|p| CliError::Input { path: path.clone(), problem: Diagnostic::new(p) })?;
    eprintln!("{}", messages::using_lock(&path));
    Ok(Some((path, lock)))
}

/// What a check works from, once its inputs are read.
struct Checked<'a> {
    args: &'a Args,
    ledger: &'a Ledger,
    draft_path: Option<&'a Path>,
    inputs: &'a [&'a Path],
    /// Without a draft: the lock, and where it was read.
    lock: Option<(PathBuf, Lock)>,
}

impl Checked<'_> {
    fn out(&self) -> Option<&Path> {
        self.args.output.as_deref()
    }

    /// `--exact`: the final is the draft with the ledger applied, byte for byte, or the redline
    /// of the difference is shown.
    fn exact(&self, draft: &Document, final_doc: &Document) -> Result<u8, CliError> {
        let args = self.args;
        match verify::exact(self.ledger, draft, final_doc) {
            Exact::Same { edits } => {
                let draft_path = self.draft_path.unwrap_or(Path::new(""));
                let msg = messages::exact_same(args.final_path(), draft_path, edits, &args.ledger);
                output::emit(self.out(), self.inputs, &[msg.as_bytes()])?;
                Ok(exit::SUCCESS)
            }
            Exact::Differs(d) => {
                let mut buf = messages::exact_differs(args.final_path()).into_bytes();
                let options = RenderOptions {
                    color: args.color.enabled(self.out()),
                    lang: super::lang::lang(),
                    ..RenderOptions::default()
                };
                render(&d.redline(), RedlineFormat::Ansi, &options, &mut buf).map_err(|e| self.render_error(e))?;
                output::emit(self.out(), self.inputs, &[&buf])?;
                Ok(exit::DIFFERENCES)
            }
            Exact::Unresolved(problems) => Err(CliError::Resolve {
                ledger: args.ledger.clone(),
                draft: self.draft_path.map(Path::to_path_buf).unwrap_or_default(),
                problems,
            }),
        }
    }

    /// The report of every promise: with the draft an audit, without it a scan of the final.
    fn report(&self, draft: Option<&Document>, final_doc: &Document) -> Result<u8, CliError> {
        let args = self.args;
        let options = VerifyOptions { keep_layout: args.keep_layout, ..VerifyOptions::default() };
        let mut report: VerifyReport = match (draft, &self.lock) {
            (Some(d), _) => verify::audit(self.ledger, d, final_doc, &options),
            (None, Some((_, lock))) => verify::locked(self.ledger, lock, final_doc, &options),
            (None, None) => verify::scan(self.ledger, final_doc, &options),
        };
        report.lang = super::lang::lang();
        report.files = Files {
            ledger: args.ledger.display().to_string(),
            draft: self.draft_path.map(|p| p.display().to_string()),
            final_text: args.final_path().display().to_string(),
            lock: self.lock.as_ref().map(|(p, _)| p.display().to_string()),
        };
        output::stream(self.out(), self.inputs, |out| match args.format.unwrap_or(Format::Text) {
            Format::Text => verify::render_text(&report, out),
            Format::Json => verify::render_json(&report, out),
            Format::Html => verify::render_html(&report, out),
        })?;
        if self.out().is_some() || args.format != Some(Format::Text) {
            eprintln!("akaji: {}", verify::summary_line(&report));
        }
        Ok(if report.passed(args.strict) { exit::SUCCESS } else { exit::DIFFERENCES })
    }

    fn render_error(&self, source: io::Error) -> CliError {
        let path = self.out().unwrap_or(Path::new("<stdout>")).to_owned();
        CliError::Io { path, action: IoAction::Render, source }
    }
}
