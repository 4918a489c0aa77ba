use super::super::Cli;
use super::*;
use clap::CommandFactory;

/// `akaji` itself and each of its commands, with its name in the catalogue.
fn commands() -> Vec<(String, Command)> {
    let top = Cli::command();
    let mut all = vec![(String::new(), top.clone())];
    all.extend(top.get_subcommands().map(|s| (s.get_name().to_owned(), s.clone())));
    all
}

fn texts(name: &str) -> &'static CommandTexts {
    COMMANDS.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no Japanese for command {name:?}"))
}

#[test]
fn every_command_and_argument_has_its_japanese() {
    for (name, cmd) in commands() {
        let texts = texts(&name);
        assert_eq!(cmd.get_after_help().is_some(), texts.after.is_some(), "after_help of {name:?}");
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            assert!(arg_text(texts, id).is_some(), "no Japanese for argument {id} of {name:?}");
            for v in arg.get_possible_values().iter().filter(|v| v.get_help().is_some()) {
                assert!(value_text(id, v.get_name()).is_some(), "no Japanese for {id}={}", v.get_name());
            }
        }
    }
}

#[test]
fn the_catalogue_names_only_commands_arguments_and_values_that_exist() {
    let all = commands();
    for texts in COMMANDS {
        let (_, cmd) = all
            .iter()
            .find(|(n, _)| n == texts.name)
            .unwrap_or_else(|| panic!("the catalogue has a command akaji lacks: {:?}", texts.name));
        for (id, _) in texts.args {
            assert!(cmd.get_arguments().any(|a| a.get_id() == id), "{:?} has no argument {id}", texts.name);
        }
        let ids: Vec<_> = texts.args.iter().map(|(id, _)| id).collect();
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "an argument of {:?} is named twice", texts.name);
    }
    let top = Cli::command();
    for (id, _) in GLOBAL {
        assert!(top.get_arguments().any(|a| a.get_id() == id && a.is_global_set()), "no global argument {id}");
    }
    for (id, value, _) in VALUES {
        let found = all.iter().flat_map(|(_, c)| c.get_arguments()).any(|a| {
            a.get_id() == id && a.get_possible_values().iter().any(|v| v.get_name() == *value && v.get_help().is_some())
        });
        assert!(found, "the catalogue has {id}={value}, which no argument has (with a help)");
    }
}

/// Every help page of the Japanese command, long and short: `akaji`, each command, `help`.
fn pages() -> Vec<(String, String)> {
    let mut cmd = command(Cli::command());
    cmd.clone().debug_assert();
    let mut pages = vec![
        ("akaji --help".to_owned(), cmd.render_long_help().to_string()),
        ("akaji -h".to_owned(), cmd.render_help().to_string()),
    ];
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let sub = cmd.find_subcommand_mut(&name).expect("listed");
        pages.push((format!("{name} --help"), sub.render_long_help().to_string()));
        pages.push((format!("{name} -h"), sub.render_help().to_string()));
    }
    pages
}

#[test]
fn no_english_of_clap_or_of_the_doc_comments_is_left() {
    let english = [
        "Usage:",
        "[OPTIONS]",
        "COMMAND",
        "Commands:",
        "Options:",
        "Arguments:",
        "Possible values",
        "possible values",
        "[default",
        "Print help",
        "Print version",
        "Print this message",
        "Examples",
        "The ledger",
        "Exit status",
    ];
    for (page, text) in pages() {
        for word in english {
            assert!(!text.contains(word), "{page} still says {word:?}:\n{text}");
        }
        assert!(text.contains("使い方: "), "{page}:\n{text}");
    }
}

#[test]
fn defaults_and_values_are_said_in_japanese() {
    let pages = pages();
    let page = |name: &str| &pages.iter().find(|(p, _)| p == name).expect("a page").1;
    let diff = page("diff --help");
    assert!(diff.contains("［既定値: word］\n          ［選択肢: char, word, line］"), "{diff}");
    assert!(diff.contains("- plan:  修正後 / 修正前"), "{diff}");
    assert!(diff.contains("［既定値: 10］"), "{diff}");
    let short = page("apply -h");
    assert!(short.contains("［選択肢: text, json, docx］"), "{short}");
    assert!(short.contains("ヘルプを表示します（詳しくは '--help'）"), "{short}");
    let top = page("akaji --help");
    assert!(top.contains("使い方: akaji [オプション] <コマンド>\n"), "{top}");
    assert!(
        page("reconcile -h").contains("使い方: akaji reconcile [オプション] --draft <DRAFT> --final <FINAL> <INPUT>\n")
    );
    assert_eq!(usage_words("Usage: akaji help [COMMAND]\n"), "akaji help [コマンド]");
    assert!(top.contains("コマンド:\n  apply"), "{top}");
    assert!(top.contains("このヘルプ、または指定したコマンドのヘルプを表示します"), "{top}");
}
