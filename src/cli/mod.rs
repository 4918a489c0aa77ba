//! The command line: clap definitions, the file policy (`files`, `output`), the exit statuses
//! (`exit`), its own errors (`error`) and every sentence it writes (`messages`). Each command
//! has its own file; the work itself is done by the library.

mod apply;
mod checks;
mod diff;
mod error;
mod exit;
mod files;
mod help_ja;
mod import;
mod lang;
mod lines;
mod malloc;
mod messages;
mod output;
mod pipe;
mod reconcile;
mod redline;
mod rendering;
mod special;
mod verify;

use akaji::Lang;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

/// Turn correction decisions (修正) on a draft into edits, apply them, show and verify them.
#[derive(Debug, Parser)]
#[command(name = "akaji", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and reports: en or ja (default: the ledger's options.lang, else
    /// the locale: LC_ALL, LC_MESSAGES or LANG starting with `ja` gives Japanese).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

/// A language, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    /// English.
    En,
    /// 日本語.
    Ja,
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

/// Parse `args` with the help in `lang`: clap's English doc comments, or their Japanese
/// (`help_ja`) when the run's language is Japanese (`--lang ja` among them, else the locale).
fn parse(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
    let command = match lang {
        Lang::Ja => help_ja::command(Cli::command()),
        Lang::En => Cli::command(),
    };
    command.try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m))
}

/// Parse the arguments, run the command, and turn its outcome into an exit status.
pub fn run() -> ExitCode {
    // A setting refused leaves glibc's default: slower, never wrong.
    let _ = malloc::keep_freed_memory();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = lang::from_args(args.iter().cloned()).unwrap_or_else(Lang::from_env);
    let cli = match parse(&args, asked) {
        Ok(cli) => cli,
        Err(e) => {
            match (e.use_stderr(), asked) {
                (true, Lang::Ja) => eprint!("{}", messages::usage_error(&e, Lang::Ja)),
                _ => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(if e.use_stderr() { exit::BAD_INPUT } else { exit::SUCCESS });
        }
    };
    lang::start(cli.lang.map(|l| match l {
        LangArg::En => Lang::En,
        LangArg::Ja => Lang::Ja,
    }));
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
            eprintln!("{}{}", messages::error_lead(), messages::error(&e));
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}
