//! `akaji verify`: was every promised edit made; what changed that no decision explains.

use super::output::{self, ColorChoice};
use akaji::error::Error;
use akaji::verify::exact::{self, Exact};
use akaji::verify::report::{Files, Options, Report};
use akaji::verify::{audit, html, json, scan, text};
use akaji::{exit, files};
use std::path::{Path, PathBuf};

/// Check a published final against the ledger's promises.
#[derive(Debug, clap::Args)]
#[command(after_help = "Exit status: 0 every promised edit is made (and, with --strict, nothing is unexplained); \
1 problems found; 2 bad input.\n\nExamples:\n  \
akaji verify ledger.toml --draft draft.txt --final final.txt\n  \
akaji verify ledger.toml --final published.txt --without-draft\n  \
akaji verify ledger.toml --final final.txt --format html -o report.html\n  \
akaji verify ledger.toml --draft draft.txt --final final.txt --exact")]
pub struct Args {
    /// The ledger (TOML, or JSON when it ends in .json).
    ledger: PathBuf,
    /// The published final text to check.
    #[arg(long = "final", value_name = "FINAL")]
    final_path: PathBuf,
    /// The draft the decisions were taken on (default: the ledger's `draft`, if it names one).
    #[arg(long, value_name = "DRAFT")]
    draft: Option<PathBuf>,
    /// Check without a draft even if the ledger names one: look for each edit's old and new text.
    #[arg(long, conflicts_with = "draft")]
    without_draft: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Html,
}

/// Run `akaji verify`.
pub fn run(args: Args) -> Result<u8, Error> {
    let out = args.output.as_deref();
    let ledger = files::load_ledger(&args.ledger)?;
    let draft_path = match (&args.draft, args.without_draft) {
        (Some(d), _) => Some(d.clone()),
        (None, false) => files::ledger_draft_path(&args.ledger, &ledger),
        (None, true) => None,
    };
    let mut inputs: Vec<&Path> = vec![&args.ledger, &args.final_path];
    if let Some(d) = &draft_path {
        inputs.push(d);
    }
    output::check(out, &inputs)?;
    if args.draft.is_none() {
        if let Some(d) = &draft_path {
            eprintln!("akaji: using the draft named in the ledger: {}", d.display());
        }
    }
    let final_doc = files::load_document(&args.final_path, &ledger.options)?;
    let draft = draft_path.as_deref().map(|p| files::load_document(p, &ledger.options)).transpose()?;

    if args.exact {
        let Some(draft) = &draft else {
            return Err(Error::Usage(
                "--exact needs the draft: pass --draft DRAFT (or name it in the ledger's `draft` key)".into(),
            ));
        };
        let final_text = final_doc.restore(final_doc.text().to_owned());
        return match exact::exact(&ledger, draft, &final_text) {
            Exact::Same { edits } => {
                let msg = format!(
                    "{} is exactly {} with the {edits} edit(s) of {} applied\n",
                    args.final_path.display(),
                    draft_path.as_deref().unwrap_or(Path::new("")).display(),
                    args.ledger.display()
                );
                output::emit(out, &inputs, msg.as_bytes())?;
                Ok(exit::SUCCESS)
            }
            Exact::Differs(redline) => {
                let mut buf = format!(
                    "{} is not exactly the draft with the ledger applied; the differences (expected → final):\n",
                    args.final_path.display()
                )
                .into_bytes();
                exact::render_redline(&redline, args.color.enabled(out), &mut buf)
                    .map_err(|e| Error::Usage(format!("cannot render the redline: {e}")))?;
                output::emit(out, &inputs, &buf)?;
                Ok(exit::DIFFERENCES)
            }
            Exact::Unresolved(problems) => {
                Err(Error::Resolve { ledger: args.ledger.clone(), draft: draft_path.unwrap_or_default(), problems })
            }
            _ => Err(Error::Usage("unknown outcome of the exact comparison".into())),
        };
    }

    let options = Options { keep_layout: args.keep_layout, ..Options::default() };
    let mut report: Report = match &draft {
        Some(d) => audit::audit(&ledger, d, &final_doc, &options),
        None => scan::scan(&ledger, &final_doc, &options),
    };
    report.files = Files {
        ledger: args.ledger.display().to_string(),
        draft: draft_path.as_ref().map(|p| p.display().to_string()),
        final_text: args.final_path.display().to_string(),
    };
    let mut buf = Vec::new();
    let written = match args.format {
        Format::Text => text::render(&report, &mut buf),
        Format::Json => json::render(&report, &mut buf),
        Format::Html => html::render(&report, &mut buf),
    };
    written.map_err(|e| Error::Usage(format!("cannot render the report: {e}")))?;
    output::emit(out, &inputs, &buf)?;
    if out.is_some() || args.format != Format::Text {
        eprintln!("akaji: {}", text::summary_line(&report));
    }
    Ok(report.exit_code(args.strict))
}
