//! The command line: clap definitions, the file policy (`files`, `output`), the exit statuses
//! (`exit`), its own errors (`error`) and every sentence it writes (`messages`). Each command
//! has its own file; the work itself is done by the library.

mod apply;
mod diff;
mod error;
mod exit;
mod files;
mod import;
mod lines;
mod messages;
mod output;
mod reconcile;
mod redline;
mod rendering;
mod special;
mod verify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turn correction decisions (修正) on a draft into edits, apply them, show and verify them.
#[derive(Debug, Parser)]
#[command(name = "akaji", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Apply(apply::Args),
    Redline(redline::Args),
    Diff(diff::Args),
    Verify(verify::Args),
    Import(import::Args),
    Reconcile(reconcile::Args),
}

/// Parse the arguments, run the command, and turn its outcome into an exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::BAD_INPUT } else { exit::SUCCESS });
        }
    };
    let outcome = match cli.command {
        Command::Apply(a) => apply::run(a),
        Command::Redline(a) => redline::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Import(a) => import::run(a),
        Command::Reconcile(a) => reconcile::run(a),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("akaji: error: {}", messages::error(&e));
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}
