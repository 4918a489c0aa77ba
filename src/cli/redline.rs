//! `akaji redline`: the redline of a ledger's edits on a draft, every change attributed.

use super::error::CliError;
use super::lines::LineArgs;
use super::rendering::RenderArgs;
use super::{checks, exit, files, messages, output};

const USAGE: &str = "akaji redline DRAFT LEDGER";
use akaji::render::Format;
use akaji::{Applied, Document, EditRef, Ledger};
use std::path::{Path, PathBuf};

/// Draw the redline of a ledger's edits on a draft, every change attributed to its decision.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  akaji redline draft.txt ledger.toml                      # colour, in the terminal\n  akaji redline draft.txt ledger.toml -o redline.html\n  akaji redline draft.txt ledger.toml --format table -o 新旧対照表.html\n  akaji redline draft.txt ledger.toml --format docx -o 変更履歴版.docx\n  akaji redline draft.txt ledger.toml --partial -o redline.html     # todos left out (exit 1)"
)]
pub struct Args {
    /// The draft the ledger's decisions were made against.
    pub draft: PathBuf,
    /// The ledger (TOML, or JSON when it ends in .json).
    pub ledger: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
    /// Draw the edits that are complete while todos remain (exit status 1, the todos named).
    #[arg(long)]
    pub partial: bool,
    #[command(flatten)]
    pub lines: LineArgs,
}

/// Run `akaji redline`.
pub fn run(args: Args) -> Result<u8, CliError> {
    let out = args.render.output();
    let inputs = [args.draft.as_path(), args.ledger.as_path()];
    checks::order(&args.draft, &args.ledger, USAGE)?;
    output::check(out, &inputs)?;
    args.render.check()?;
    let ledger = checks::load_ledger(&args.ledger, &args.draft, USAGE)?;
    let draft =
        args.lines.apply(files::load_document(&args.draft, &ledger.options.page_marker)?, Some(&ledger.options));
    let (applied, todos) = applied(&args.draft, &args.ledger, &draft, &ledger, args.partial)?;
    args.render.write(&applied.redline(), labels(&args), Some(ledger.options.kind), &inputs)?;
    if todos.is_empty() {
        return Ok(exit::SUCCESS);
    }
    eprintln!("{}", messages::todos_left_out(&ledger, &todos));
    Ok(exit::DIFFERENCES)
}

/// The ledger applied to the draft: every edit, or with `partial` the complete ones (and the
/// todos left out).
pub fn applied<'a>(
    draft_path: &Path,
    ledger_path: &Path,
    draft: &'a Document,
    ledger: &'a Ledger,
    partial: bool,
) -> Result<(Applied<'a>, Vec<EditRef>), CliError> {
    let found = if partial {
        akaji::apply_partial(draft, ledger)
    } else {
        akaji::apply(draft, ledger).map(|a| (a, Vec::new()))
    };
    found.map_err(|problems| CliError::Resolve {
        ledger: ledger_path.to_owned(),
        draft: draft_path.to_owned(),
        problems,
    })
}

/// The names of the two texts: the draft, and the final it becomes with the ledger
/// (`draft.txt + ledger.toml`). A unified diff names the file it patches on both sides, so that
/// `git apply` and `patch -p1` patch the draft in place.
fn labels(args: &Args) -> (String, String) {
    match args.render.format() {
        Format::Unified => {
            let draft = RenderArgs::patch_label(&args.draft);
            (draft.clone(), draft)
        }
        _ => {
            let draft = args.draft.display().to_string();
            let final_label = format!("{draft} + {}", args.ledger.display());
            (draft, final_label)
        }
    }
}
