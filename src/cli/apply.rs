//! `akaji apply`: write the final text.

use super::output;
use akaji::error::Error;
use akaji::{apply, exit, files};
use std::path::PathBuf;

/// Apply a ledger's decisions to a draft and write the final text.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  akaji apply draft.txt ledger.toml -o final.txt\n  akaji apply draft.txt ledger.toml --format json   # where each edit landed"
)]
pub struct Args {
    /// The draft (UTF-8 text).
    draft: PathBuf,
    /// The ledger (TOML, or JSON when it ends in .json).
    ledger: PathBuf,
    /// Write the output here (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `text`: the final text; `json`: the resolved edits (decision, page, line, char offsets).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Run `akaji apply`.
pub fn run(args: Args) -> Result<u8, Error> {
    let out = args.output.as_deref();
    output::check(out, &[&args.draft, &args.ledger])?;
    let ledger = files::load_ledger(&args.ledger)?;
    let draft = files::load_document(&args.draft, &ledger.options)?;
    let applied = apply::apply(&draft, &ledger).map_err(|problems| Error::Resolve {
        ledger: args.ledger.clone(),
        draft: args.draft.clone(),
        problems,
    })?;
    let json;
    let bytes = match args.format {
        Format::Text => applied.text.as_bytes(),
        Format::Json => {
            let report = apply::PlacedReport { edits: apply::placed(&draft, &ledger, &applied) };
            let mut v = serde_json::to_vec_pretty(&report).expect("placed edits always serialize");
            v.push(b'\n');
            json = v;
            json.as_slice()
        }
    };
    output::emit(out, &[&args.draft, &args.ledger], bytes)?;
    if let Some(path) = out {
        let decisions = ledger.decisions.iter().filter(|d| !d.edits.is_empty()).count();
        eprintln!(
            "akaji: {} edit(s) from {decisions} decision(s) applied; wrote {}",
            applied.edits.len(),
            path.display()
        );
    }
    Ok(exit::SUCCESS)
}
