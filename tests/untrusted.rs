//! Issue 10.8: a ledger is untrusted. Its `draft` key may not lead out of the ledger's folder,
//! and nothing it holds (nor any text of a document) reaches the terminal as an escape
//! sequence.

use crate::util::akaji_in;
use std::fs;

fn folder_with(ledger: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("plan")).unwrap();
    fs::write(dir.path().join("plan/ledger.toml"), ledger).unwrap();
    fs::write(dir.path().join("plan/draft.txt"), "本部を設置する。\n").unwrap();
    fs::write(dir.path().join("plan/final.txt"), "本部を開催する。\n").unwrap();
    fs::write(dir.path().join("secret.txt"), "本部を設置する。秘密\n").unwrap();
    dir
}

const EDIT: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n";

/// `draft = "../secret.txt"`, an absolute path, or a symbolic link out: refused unless the user
/// names the file with `--draft` (main read it and embedded it in the report).
#[test]
fn a_draft_outside_the_ledger_folder_needs_the_users_word() {
    for draft in ["../secret.txt", "/etc/passwd", "sub/../../secret.txt"] {
        let dir = folder_with(&format!("draft = \"{draft}\"\n{EDIT}"));
        let run =
            akaji_in(dir.path(), &["verify", "plan/ledger.toml", "--final", "plan/final.txt", "--format", "json"]);
        assert_eq!(run.code, 2, "{draft}: {}", run.stderr);
        assert!(run.stderr.contains("which is outside the ledger's folder"), "{}", run.stderr);
        assert!(run.stderr.contains(&format!("--draft {draft}")), "{}", run.stderr);
        assert!(!run.stdout.contains("秘密") && !run.stdout.contains("root:"), "{}", run.stdout);
    }
    let dir = folder_with(&format!("draft = \"link.txt\"\n{EDIT}"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../secret.txt", dir.path().join("plan/link.txt")).unwrap();
        let run = akaji_in(dir.path(), &["verify", "plan/ledger.toml", "--final", "plan/final.txt"]);
        assert_eq!(run.code, 2, "a link out: {}", run.stderr);
    }
    // Beside the ledger it is used; elsewhere, with --draft, too.
    let dir = folder_with(&format!("draft = \"draft.txt\"\n{EDIT}"));
    let run = akaji_in(dir.path(), &["verify", "plan/ledger.toml", "--final", "plan/final.txt"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run =
        akaji_in(dir.path(), &["verify", "plan/ledger.toml", "--final", "plan/final.txt", "--draft", "secret.txt"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
}

/// Escape sequences in a ledger's id and quote, and in the draft's text, are shown as
/// `<U+001B>` in messages (main printed them raw: OSC sequences worked).
#[test]
fn control_characters_reach_the_terminal_only_visibly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), "本部を\u{1b}]0;pwned\u{7}設置する。\n").unwrap();
    let ledger = "[[decision]]\nid = \"1\\u001b[31m\"\n[[decision.edit]]\nold = \"設置\\u0007\"\nnew = \"開催\"\n";
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("decision 1<U+001B>[31m, edit 1"), "{}", run.stderr);
    assert!(run.stderr.contains("<U+001B>]0;pwned<U+0007>"), "the draft's text: {}", run.stderr);
    // A file name with an escape sequence, too.
    let name = "d\u{1b}[2J.txt";
    fs::write(dir.path().join(name), "x").unwrap();
    let run = akaji_in(dir.path(), &["apply", name, "missing.toml"]);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}

/// The same in the verify text report and the ansi redline's summary (main printed the
/// decision's id raw there).
#[test]
fn reports_show_control_characters_visibly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), "本部を\u{1b}]0;x\u{7}設置する。\n").unwrap();
    fs::write(dir.path().join("final.txt"), "本部を\u{1b}]0;x\u{7}開催した。\n").unwrap();
    let ledger = "[[decision]]\nid = \"1\\u001b[31m\"\nby = \"b\\u001b[2J\"\n[[decision.edit]]\nold = \"設置する\"\nnew = \"開催する\"\n";
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    for args in [
        &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final.txt"][..],
        &["verify", "ledger.toml", "--without-draft", "--final", "final.txt"],
        &["redline", "draft.txt", "ledger.toml", "--format", "ansi"],
    ] {
        let run = akaji_in(dir.path(), args);
        assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{args:?}: {:?}", run.stdout);
        assert!(!run.stdout.is_empty(), "{args:?}: {}", run.stderr);
    }
    let run = akaji_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final.txt"]);
    assert!(run.stdout.contains("different   1<U+001B>[31m  by b<U+001B>[2J"), "{}", run.stdout);
}
