//! `akaji redline`: the redline of a ledger's edits on a draft, every change attributed.

use super::output;
use super::rendering::RenderArgs;
use akaji::error::Error;
use akaji::{apply, exit, files};
use std::path::PathBuf;

/// Draw the redline of a ledger's edits on a draft, every change attributed to its decision.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  akaji redline draft.txt ledger.toml                      # colour, in the terminal\n  akaji redline draft.txt ledger.toml -o redline.html\n  akaji redline draft.txt ledger.toml --format table -o 新旧対照表.html\n  akaji redline draft.txt ledger.toml --format docx -o 変更履歴版.docx"
)]
pub struct Args {
    /// The draft the ledger's decisions were made against.
    pub draft: PathBuf,
    /// The ledger (TOML, or JSON when it ends in .json).
    pub ledger: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
}

/// Run `akaji redline`.
pub fn run(args: Args) -> Result<u8, Error> {
    let output = args.render.output();
    output::check(output, &[&args.draft, &args.ledger])?;
    args.render.check()?;
    let ledger = files::load_ledger(&args.ledger)?;
    let draft = files::load_document(&args.draft, &ledger.options)?;
    let redline = apply::redline(&draft, &ledger).map_err(|problems| Error::Resolve {
        ledger: args.ledger.clone(),
        draft: args.draft.clone(),
        problems,
    })?;
    let label = args.draft.display().to_string();
    let bytes = args.render.render(&redline, label.clone(), label)?;
    output::emit(output, &[&args.draft, &args.ledger], &bytes)?;
    Ok(exit::SUCCESS)
}
