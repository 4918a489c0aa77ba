//! `akaji reconcile`: the ledger of every change between draft and final, each attributed to the
//! answer that promised it, or to none.

use super::error::{CliError, Usage, Writes};
use super::lines::LineArgs;
use super::{checks, exit, files, messages, output};
use akaji::import::{Columns, ImportOptions, TableFormat};
use akaji::reconcile::{reconcile, ReconcileOptions};
use akaji::Ledger;
use std::path::PathBuf;

const EXAMPLES: &str = "Examples:
  akaji reconcile comments.tsv --draft 案.txt --final 最終.txt -o ledger.toml
  akaji reconcile 意見及び考え方.pdf --draft 案.pdf --final 最終.pdf -o ledger.toml
  akaji redline 案.txt ledger.toml --format docx -o 変更履歴版.docx --partial
  akaji verify ledger.toml --draft 案.txt --final 最終.txt
  akaji reconcile ledger.toml --draft 案.txt --final 最終.txt -o completed.toml   # a ledger with todos
  akaji reconcile comments.xlsx --draft 案.txt --final 最終.txt --format json -o ledger.toml 2> report.json

Every todo is completed from the change its answer points at, with its evidence
([decision.edit.evidence]); a promise not found stays todo, saying why; every change no answer
explains becomes a decision `unexplained-N` (unexplained = true). The report goes to stderr.

Exit status: 0 every change attributed and every promise found; 1 something not found,
ambiguous or unexplained; 2 bad input.";

/// Complete a ledger (or a comment table's) from the change between a draft and its final.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The comment table (TSV, CSV, .xlsx or .pdf, read as `akaji import` reads it) or a ledger
    /// (.toml, .json).
    input: PathBuf,
    /// The draft the answers were given on (text, .docx or .pdf).
    #[arg(long, value_name = "DRAFT")]
    draft: PathBuf,
    /// The published final (text, .docx or .pdf).
    #[arg(long = "final", value_name = "FINAL")]
    final_path: PathBuf,
    /// Write the ledger here (JSON when the name ends in .json, TOML otherwise) instead of stdout.
    #[arg(short, long, value_name = "LEDGER")]
    output: Option<PathBuf>,
    /// The report on stderr: text, or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// For a table: name the columns when its headers differ (as `akaji import --columns`).
    #[arg(long, value_name = "ROLE=HEADER")]
    columns: Vec<String>,
    #[command(flatten)]
    lines: LineArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Run `akaji reconcile`.
pub fn run(args: Args) -> Result<u8, CliError> {
    let inputs = [args.input.as_path(), args.draft.as_path(), args.final_path.as_path()];
    output::check(args.output.as_deref(), &inputs)?;
    checks::output_fits(args.output.as_deref(), &["toml", "json"], Writes::Ledger)?;
    let ledger = read_input(&args)?;
    let marker = &ledger.options.page_marker;
    let options = Some(&ledger.options);
    let (draft, final_doc) = files::load_documents(&args.draft, &args.final_path, marker)?;
    let (draft, final_doc) = (args.lines.apply(draft, options), args.lines.apply(final_doc, options));
    let done = reconcile(&ledger, &draft, &final_doc, &ReconcileOptions::default());
    let json = args.output.as_ref().is_some_and(|o| o.to_string_lossy().to_ascii_lowercase().ends_with(".json"));
    let bytes = if json {
        let mut s = serde_json::to_string_pretty(&done.ledger).expect("a ledger always serializes to JSON");
        s.push('\n');
        s
    } else {
        format!("{}{}", messages::reconciled_header(&args.input), done.ledger.to_toml())
    };
    output::emit(args.output.as_deref(), &inputs, &[bytes.as_bytes()])?;
    let to = args.output.as_ref().map_or_else(|| "stdout".to_owned(), |o| o.display().to_string());
    match args.format {
        Format::Text => eprint!("{}", messages::reconciled(&args.input, &to, &done.report)),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&done.report).expect("a report always serializes to JSON");
            s.push('\n');
            eprint!("{s}");
        }
    }
    Ok(if done.report.all_attributed() { exit::SUCCESS } else { exit::DIFFERENCES })
}

/// The input as a ledger: read as one when named `.toml` or `.json`, else drafted from the table
/// as `akaji import --only-edits` drafts it.
fn read_input(args: &Args) -> Result<Ledger, CliError> {
    let path = &args.input;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("toml" | "json")) {
        if !args.columns.is_empty() {
            return Err(Usage::ColumnsWithLedger.into());
        }
        return files::load_ledger(path);
    }
    let columns = Columns::parse(&args.columns).map_err(Usage::Columns)?;
    let options = ImportOptions { format: TableFormat::from_path(path), columns, only_edits: true };
    Ok(super::import::read_table(path, &options)?.ledger)
}
