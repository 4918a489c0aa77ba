//! `akaji import`.

use super::error::{CliError, Usage};
use super::{exit, files, messages, output};
use akaji::import::{import, import_grid, import_xlsx, to_toml, Columns, ImportOptions, Imported, TableFormat};
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "Examples:
  akaji import comments.xlsx -o ledger.toml
  akaji import comments.tsv --only-edits -o ledger.json
  akaji import comments.csv --columns id=番号,response=回答,changed=修正の有無
  akaji import 意見及び考え方.pdf --only-edits -o ledger.toml

An answer such as 「御指摘を踏まえ、P4、P11の「取り組み」を「取組」に修正いたします。」 becomes
  old = \"取り組み\", new = \"取組\", pages = [4, 11], count = \"all\", per_page = true
Answers that give no text become `todo` edits; the report on stderr lists them, and names the
table's columns import does not read.";

/// Draft a ledger from a published comment/answer table (TSV, CSV, .xlsx or .pdf).
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The table: TSV (text extracted from PDF, tabs between columns), CSV (.csv), a workbook
    /// (.xlsx; every sheet with a header row) or the published PDF itself (.pdf; cells from the
    /// table's rules or gutters).
    table: PathBuf,
    /// Write the ledger here (JSON when the name ends in .json, TOML otherwise) instead of stdout.
    #[arg(short, long, value_name = "LEDGER")]
    output: Option<PathBuf>,
    /// Keep only the decisions whose answers promise an edit.
    #[arg(long)]
    only_edits: bool,
    /// Name the columns when the table's headers differ: ROLE=HEADER, comma-separated; roles are
    /// id, by, at, request, response, changed (修正の有無) (e.g. --columns id=番号,response=回答).
    #[arg(long, value_name = "ROLE=HEADER")]
    columns: Vec<String>,
}

/// Run `akaji import`.
pub fn run(args: Args) -> Result<u8, CliError> {
    output::check(args.output.as_deref(), &[&args.table])?;
    let columns = Columns::parse(&args.columns).map_err(Usage::Columns)?;
    let options = ImportOptions { format: TableFormat::from_path(&args.table), columns, only_edits: args.only_edits };
    let done = read_table(&args.table, &options)?;
    let json = args.output.as_ref().is_some_and(|o| o.to_string_lossy().to_ascii_lowercase().ends_with(".json"));
    let bytes = if json {
        let mut s = serde_json::to_string_pretty(&done.ledger).expect("a ledger always serializes to JSON");
        s.push('\n');
        s
    } else {
        let name =
            args.table.file_name().map_or_else(|| args.table.display().to_string(), |n| n.to_string_lossy().into());
        format!("{}{}", messages::drafted_from(&name), to_toml(&done.ledger))
    };
    output::emit(args.output.as_deref(), &[&args.table], &[bytes.as_bytes()])?;
    let to = args.output.as_ref().map_or_else(|| "stdout".to_owned(), |o| o.display().to_string());
    eprint!("{}", messages::imported(&args.table, &to, &done.report));
    Ok(exit::SUCCESS)
}

/// Draft a ledger from the table at `path`, by its kind: a workbook, a PDF (its cells read by
/// `akaji::pdf::read_table`), or text (TSV, CSV).
pub fn read_table(path: &Path, options: &ImportOptions) -> Result<Imported, CliError> {
    let done = if is_workbook(path) {
        import_xlsx(&files::read_bytes(path)?, options)
    } else if is_pdf(path) {
        akaji::pdf::read_table(&files::read_bytes(path)?).and_then(|rows| import_grid(rows, options))
    } else {
        import(&files::read_text(path)?, options)
    };
    done.map_err(|problem| CliError::Input { path: path.to_owned(), problem })
}

/// Whether the table is a PDF: named .pdf, or `%PDF` by its first bytes.
fn is_pdf(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if ext.as_deref() == Some("pdf") {
        return true;
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && magic == *b"%PDF"
}

/// Whether the table is a spreadsheet: named .xlsx (or .xlsm), or a zip archive by its first bytes.
fn is_workbook(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("xlsx" | "xlsm")) {
        return true;
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && magic == *b"PK\x03\x04"
}
