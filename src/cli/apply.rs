//! `akaji apply`: write the final text, or (with `--format json`) where each edit landed; with
//! `--lock`, the lock beside the ledger (`LEDGER.lock`) that `verify` uses without the draft.
//!
//! The lock records every edit that resolves, so it is written even when `apply` refuses the
//! ledger (a todo, an unanchored edit): the final is then not written and the exit status is
//! still 2, but the edits that do resolve can be checked without the draft.

use super::error::{CliError, Writes};
use super::lines::LineArgs;
use super::{checks, exit, files, messages, output};
use akaji::lock::Lock;
use akaji::Applied;
use serde::Serialize;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Apply a ledger's decisions to a draft and write the final text.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  akaji apply draft.txt ledger.toml -o final.txt\n  akaji apply draft.docx ledger.toml -o final.docx   # a Word final (no tracked changes)\n  akaji apply draft.txt ledger.toml --format json   # where each edit landed"
)]
pub struct Args {
    /// The draft (UTF-8 text, .docx or .pdf).
    draft: PathBuf,
    /// The ledger (TOML, or JSON when it ends in .json).
    ledger: PathBuf,
    /// Write the output here (whole or not at all) instead of stdout; a name ending in .docx
    /// gets the final as a Word document, .json the resolved edits.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `text`: the final text (default); `json`: the resolved edits (decision, page, line, char
    /// offsets); `docx`: the final as a Word document.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Also write LEDGER.lock beside the ledger: each edit's place and the draft's text around
    /// it, for `akaji verify` without the draft (written even when some edits do not resolve).
    #[arg(long)]
    lock: bool,
    /// Apply the edits that are complete while todos remain (exit status 1, the todos named).
    #[arg(long)]
    partial: bool,
    #[command(flatten)]
    lines: LineArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Docx,
}

const USAGE: &str = "akaji apply DRAFT LEDGER";

/// The format asked for, else the one -o's name says (.docx, .json), else text; an -o whose
/// name says another kind is refused.
fn format(args: &Args) -> Result<Format, CliError> {
    let out = args.output.as_deref();
    let named = out.and_then(checks::kind_of);
    let format = args.format.unwrap_or(match named.as_deref() {
        Some("docx") => Format::Docx,
        Some("json") => Format::Json,
        _ => Format::Text,
    });
    let (fits, writes): (&[&str], _) = match format {
        Format::Text => (&[], Writes::Text),
        Format::Json => (&["json"], Writes::Json),
        Format::Docx => (&["docx"], Writes::Redline(akaji::render::Format::Docx)),
    };
    checks::output_fits(out, fits, writes)?;
    if format == Format::Docx && out.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(super::error::Usage::BinaryToTerminal { format: akaji::render::Format::Docx }.into());
    }
    Ok(format)
}

/// Run `akaji apply`.
pub fn run(args: Args) -> Result<u8, CliError> {
    let out = args.output.as_deref();
    let inputs = [args.draft.as_path(), args.ledger.as_path()];
    checks::order(&args.draft, &args.ledger, USAGE)?;
    output::check(out, &inputs)?;
    let format = format(&args)?;
    let lock_path = args.lock.then(|| lock_path(&args.ledger));
    if let Some(l) = &lock_path {
        let mut all = inputs.to_vec();
        all.extend(out);
        output::check(Some(l), &all)?;
    }
    let ledger = checks::load_ledger(&args.ledger, &args.draft, USAGE)?;
    let draft =
        args.lines.apply(files::load_document(&args.draft, &ledger.options.page_marker)?, Some(&ledger.options));
    let lock = lock_path
        .as_ref()
        .map(|_| Lock { draft: Some(args.draft.display().to_string()), ..Lock::new(&draft, &ledger) });
    let applied = super::redline::applied(&args.draft, &args.ledger, &draft, &ledger, args.partial);
    let (applied, todos) = match (applied, &lock_path, &lock) {
        (Ok(a), _, _) => a,
        (Err(e), Some(path), Some(lock)) => {
            // The edits that resolve are locked all the same; the final is not written.
            write_lock(path, lock, &inputs)?;
            return Err(e);
        }
        (Err(e), _, _) => return Err(e),
    };
    let final_doc = &applied.final_doc;
    match format {
        Format::Docx => {
            let clean = akaji::Redline::new(final_doc, final_doc, Vec::new());
            output::stream(out, &inputs, |w| akaji::docx::write(&clean, w).map(drop))?
        }
        Format::Text => output::emit(out, &inputs, &[final_doc.bom().as_bytes(), final_doc.text().as_bytes()])?,
        Format::Json => {
            let report = PlacedReport { edits: placed(&applied) };
            output::stream(out, &inputs, |w| {
                serde_json::to_writer_pretty(&mut *w, &report)?;
                w.write_all(b"\n")
            })?;
        }
    }
    if let Some(path) = out {
        let decisions = ledger.decisions.iter().filter(|d| !d.edits.is_empty()).count();
        eprintln!("{}", messages::applied(applied.edits.len(), decisions, path));
    }
    if let (Some(path), Some(lock)) = (&lock_path, &lock) {
        write_lock(path, lock, &inputs)?;
    }
    if todos.is_empty() {
        return Ok(exit::SUCCESS);
    }
    eprintln!("{}", messages::todos_left_out(&ledger, &todos));
    Ok(exit::DIFFERENCES)
}

/// Where `--lock` writes: beside the ledger, its name with `.lock` added (ledger.toml.lock).
pub fn lock_path(ledger: &Path) -> PathBuf {
    let mut name: OsString = ledger.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Write the lock whole (never over an input), and say what it holds.
fn write_lock(path: &Path, lock: &Lock, inputs: &[&Path]) -> Result<(), CliError> {
    output::emit(Some(path), inputs, &[lock.to_toml().as_bytes()])?;
    let places: usize = lock.edits.iter().map(|e| e.places.len()).sum();
    let unresolved = lock.edits.iter().filter(|e| e.unresolved.is_some()).count();
    eprintln!("{}", messages::locked(path, lock.edits.len() - unresolved, places, unresolved));
    Ok(())
}

/// A resolved edit as `akaji apply --format json` writes it: where it is in the draft and in
/// the final, in chars (Unicode scalar values), with page and line in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Placed {
    /// The decision's id.
    decision: String,
    /// The edit's number within its decision, 1-based as in messages.
    edit: usize,
    /// Page of the change in the draft.
    page: akaji::PageNo,
    /// Line within that page, 1-based.
    line: usize,
    /// Column, 1-based, in chars.
    column: usize,
    /// Half-open char range of the changed text in the draft.
    old: [usize; 2],
    /// Half-open char range of the text that replaces it in the final.
    new: [usize; 2],
    /// The draft's text there.
    old_text: String,
    /// The final's text there.
    new_text: String,
    /// Half-open char range of the whole anchor matched in the draft.
    anchor: [usize; 2],
}

/// What `akaji apply --format json` writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct PlacedReport {
    /// Every resolved edit, in draft order.
    edits: Vec<Placed>,
}

/// Where every edit of `applied` landed, in the draft and in the final (recorded when the
/// final was built).
fn placed(applied: &Applied) -> Vec<Placed> {
    let (draft, final_doc) = (applied.draft, &applied.final_doc);
    applied
        .edits
        .iter()
        .map(|e| {
            let at = draft.position(e.old.start);
            Placed {
                decision: applied.ledger[e.edit.decision].id.clone(),
                edit: e.edit.edit + 1,
                page: at.page,
                line: at.line,
                column: at.column,
                old: [at.offset, draft.char_offset(e.old.end)],
                new: [final_doc.char_offset(e.new.start), final_doc.char_offset(e.new.end)],
                old_text: draft.text()[e.old.clone()].to_owned(),
                new_text: final_doc.text()[e.new.clone()].to_owned(),
                anchor: [draft.char_offset(e.anchor.start), draft.char_offset(e.anchor.end)],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use akaji::{Document, Ledger};

    #[test]
    fn placed_edits_count_chars_in_both_texts() {
        let l = Ledger::from_toml("[[decision]]\nid=\"28\"\n[[decision.edit]]\nold=\"検討\"\nnew=\"審議等\"\n[[decision.edit]]\nold=\"装置\"\nnew=\"機器\"\n").unwrap();
        let text = "本計画は、分科会を設置し、\n検討を行った。装置を設置する。\n- 4 -\n";
        let draft = Document::new(text, &l.options.page_marker);
        let applied = akaji::apply(&draft, &l).unwrap();
        let p = placed(&applied);
        let fin: Vec<char> = applied.final_doc.text().chars().collect();
        let old: Vec<char> = text.chars().collect();
        for e in &p {
            assert_eq!(old[e.old[0]..e.old[1]].iter().collect::<String>(), e.old_text);
            assert_eq!(fin[e.new[0]..e.new[1]].iter().collect::<String>(), e.new_text);
        }
        assert_eq!((p[1].page, p[1].line, p[1].edit), (akaji::PageNo::Number(4), 2, 2));
    }
}
