//! `--help` in Japanese: the Japanese of every command's about, examples and argument help,
//! and the rewrite of the clap command that puts it in place when the run's language is
//! Japanese.
//!
//! The English stays in the doc comments of the clap derive (clap reads it there; `--help` in
//! English is clap's own output, unchanged). The Japanese is here, in one catalogue keyed by
//! command name and argument id, and [`command`] rewrites `Cli::command()` with it before
//! parsing. clap's own words are replaced too: the headings (`Usage:` by the help template,
//! `Commands:` by `subcommand_help_heading`, `Arguments:`/`Options:` by each argument's help
//! heading), `-h/--help` and `-V/--version` (clap's flags disabled, ours with Japanese help
//! added), the `help` command's about, and `[default: …]`/`[possible values: …]` (hidden, and
//! written into the Japanese help instead). clap has no translation hook of its own (measured
//! against clap 4.6: its help strings are literals in `help_template.rs`), hence this rewrite.
//!
//! The tests walk `Cli::command()`: every command and argument has its Japanese here, and
//! nothing here names an argument that does not exist, so the two cannot drift.

mod texts;

use clap::{Arg, ArgAction, Command};
use texts::{CommandTexts, COMMANDS, GLOBAL, HELP_COMMAND, VALUES};

/// The display order of the global arguments (`--lang`, `-h`, `-V`): after every command's own.
const GLOBAL_ORDER: usize = 1000;

/// The Japanese of a command's argument `id`: its own, else a global argument's.
fn arg_text(texts: &CommandTexts, id: &str) -> Option<&'static str> {
    texts.args.iter().chain(GLOBAL).find(|(a, _)| *a == id).map(|(_, t)| *t)
}

/// The Japanese of value `value` of argument `id`.
fn value_text(id: &str, value: &str) -> Option<&'static str> {
    VALUES.iter().find(|(a, v, _)| *a == id && *v == value).map(|(_, _, t)| *t)
}

/// `cmd` (akaji's command, as clap derives it) with every text in Japanese.
///
/// ```text
/// let cmd = help_ja::command(Cli::command());
/// assert!(cmd.clone().render_help().to_string().contains("使い方: akaji"));
/// ```
pub(super) fn command(cmd: Command) -> Command {
    let top = COMMANDS.iter().find(|c| c.name.is_empty()).expect("the catalogue has the top command");
    let mut cmd = localize(cmd, top)
        .mut_arg("lang", |a| a.display_order(GLOBAL_ORDER))
        .subcommand_help_heading("コマンド")
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .display_order(GLOBAL_ORDER + 1)
                .help_heading("オプション")
                .help(texts::HELP_SHORT)
                .long_help(texts::HELP_LONG),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .global(true)
                .display_order(GLOBAL_ORDER + 2)
                .help_heading("オプション")
                .help(texts::VERSION),
        );
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        if let Some(texts) = COMMANDS.iter().find(|c| c.name == name) {
            cmd = cmd.mut_subcommand(name, |s| localize(s, texts));
        }
    }
    // The `help` command exists once clap has built the command; its words are clap's own.
    cmd.build();
    // (`build` makes it a tree: a copy of each command, with its Japanese about, and `help`.)
    cmd = cmd.mut_subcommand("help", |h| {
        h.about(HELP_COMMAND).subcommand_help_heading("コマンド").mut_subcommand("help", |h| h.about(HELP_COMMAND))
    });
    // Each page's usage line, clap's `[OPTIONS]` and `<COMMAND>` in Japanese. It is written
    // into the template, not set with `override_usage`: a usage error keeps clap's usage of
    // what was missing (`akaji apply <DRAFT> <LEDGER>`).
    let usage = template(&usage_words(&cmd.render_usage().to_string()));
    cmd = cmd.help_template(usage);
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let Some(sub) = cmd.find_subcommand_mut(&name) else { continue };
        let usage = template(&usage_words(&sub.render_usage().to_string()));
        cmd = cmd.mut_subcommand(name, |s| s.help_template(usage));
    }
    cmd
}

/// A usage line as clap writes it (`Usage: akaji [OPTIONS] <COMMAND>`), without its heading
/// and with clap's placeholders in Japanese (`akaji [オプション] <コマンド>`).
///
/// ```text
/// assert_eq!(usage_words("Usage: akaji help [COMMAND]"), "akaji help [コマンド]");
/// ```
pub(super) fn usage_words(usage: &str) -> String {
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    usage.replace("[OPTIONS]", "[オプション]").replace("<COMMAND>", "<コマンド>").replace("[COMMAND]", "[コマンド]")
}

/// The help template: clap's default with its usage heading and line in Japanese.
fn template(usage: &str) -> String {
    format!("{{before-help}}{{about-with-newline}}\n使い方: {usage}\n\n{{all-args}}{{after-help}}")
}

/// One command with its texts in Japanese (its own arguments and the global ones).
fn localize(mut cmd: Command, texts: &CommandTexts) -> Command {
    cmd = cmd.about(texts.about).long_about(None::<&str>).disable_help_flag(true).disable_version_flag(true);
    if let Some(after) = texts.after {
        cmd = cmd.after_help(after);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for (at, id) in ids.iter().enumerate() {
        // The arguments in the order they are declared, the global ones last (as in English):
        // clap sorts a help heading of our own by display order, then by name.
        cmd = cmd.mut_arg(id, |a| match a.is_global_set() {
            true => a,
            false => a.display_order(at),
        });
        if let Some(text) = arg_text(texts, id) {
            cmd = cmd.mut_arg(id, |a| localize_arg(a, text));
        }
    }
    cmd
}

/// One argument with its help in Japanese: clap's `[default: …]` and `[possible values: …]`
/// hidden and said in Japanese in the help itself.
fn localize_arg(arg: Arg, text: &str) -> Arg {
    let id = arg.get_id().to_string();
    let heading = if arg.is_positional() { "引数" } else { "オプション" };
    // A flag's values and default (true, false) are never shown.
    let takes = arg.get_action().takes_values();
    let values: Vec<_> = arg.get_possible_values().into_iter().filter(|v| takes && !v.is_hide_set()).collect();
    let defaults: Vec<String> =
        arg.get_default_values().iter().filter(|_| takes).map(|d| d.to_string_lossy().into_owned()).collect();
    let default = (!defaults.is_empty() && !arg.is_hide_default_value_set())
        .then(|| format!("［既定値: {}］", defaults.join(", ")));
    let hide_default = default.is_some();
    let shown = !values.is_empty() && !arg.is_hide_possible_values_set();
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let listed = shown.then(|| format!("［選択肢: {}］", names.join(", ")));
    // Values with help are listed one a line in the long help, as clap lists them.
    let lines = (shown && values.iter().any(|v| v.get_help().is_some())).then(|| {
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0) + 1;
        let lines: Vec<String> = values
            .iter()
            .map(|v| {
                let english = v.get_help().map(ToString::to_string).unwrap_or_default();
                let help = value_text(&id, v.get_name()).map_or(english, str::to_owned);
                format!("- {:width$} {help}", format!("{}:", v.get_name()))
            })
            .collect();
        format!("選択肢:\n{}", lines.join("\n"))
    });
    let short = [Some(text.to_owned()), default.clone(), listed.clone()].into_iter().flatten().collect::<String>();
    let notes: Vec<String> = [default, if lines.is_some() { None } else { listed }].into_iter().flatten().collect();
    let long = [Some(text.to_owned()), lines, (!notes.is_empty()).then(|| notes.join("\n"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    arg.help(short).long_help(long).help_heading(heading).hide_possible_values(shown).hide_default_value(hide_default)
}

#[cfg(test)]
mod tests;
