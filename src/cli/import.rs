//! `akaji import`.

use super::error::{CliError, Usage};
use super::{exit, files, messages, output};
use akaji::import::{import, Columns, ImportOptions, TableFormat};
use std::path::PathBuf;

/// Draft a ledger from a published comment/answer table (TSV or CSV).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The table: TSV (text extracted from PDF, tabs between columns) or CSV (.csv).
    table: PathBuf,
    /// Write the ledger here (JSON when the name ends in .json, TOML otherwise) instead of stdout.
    #[arg(short, long, value_name = "LEDGER")]
    output: Option<PathBuf>,
    /// Keep only the decisions whose answers promise an edit.
    #[arg(long)]
    only_edits: bool,
    /// Name the columns when the table's headers differ: ROLE=HEADER, comma-separated; roles are
    /// id, by, at, request, response (e.g. --columns id=番号,response=回答).
    #[arg(long, value_name = "ROLE=HEADER")]
    columns: Vec<String>,
}

/// Run `akaji import`.
pub fn run(args: Args) -> Result<u8, CliError> {
    output::check(args.output.as_deref(), &[&args.table])?;
    let columns = Columns::parse(&args.columns).map_err(Usage::Columns)?;
    let text = files::read_text(&args.table)?;
    let options = ImportOptions { format: TableFormat::from_path(&args.table), columns, only_edits: args.only_edits };
    let done = import(&text, &options).map_err(|problem| CliError::Input { path: args.table.clone(), problem })?;
    let json = args.output.as_ref().is_some_and(|o| o.to_string_lossy().to_ascii_lowercase().ends_with(".json"));
    let bytes = if json {
        let mut s = serde_json::to_string_pretty(&done.ledger).expect("a ledger always serializes to JSON");
        s.push('\n');
        s
    } else {
        let name =
            args.table.file_name().map_or_else(|| args.table.display().to_string(), |n| n.to_string_lossy().into());
        format!("{}{}", messages::drafted_from(&name), done.ledger.to_toml())
    };
    output::emit(args.output.as_deref(), &[&args.table], &[bytes.as_bytes()])?;
    let to = args.output.as_ref().map_or_else(|| "stdout".to_owned(), |o| o.display().to_string());
    eprint!("{}", messages::imported(&args.table, &to, &done.report));
    Ok(exit::SUCCESS)
}
