//! Issue 10.7: unified diffs that `patch` applies as they are: a draft with a byte order mark,
//! texts that differ only in that mark, and file names that hold line breaks.

use crate::util::akaji_in;
use std::fs;
use std::path::Path;
use std::process::Command;

const LEDGER: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n";

/// `patch -p1` run in `dir` with `diff` on its standard input; its output.
fn patch(dir: &Path, diff: &str) -> std::process::Output {
    let mut child = Command::new("patch")
        .args(["-p1", "--batch", "--forward"])
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("GNU patch is installed (.ci/run installs it)");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), diff.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// A draft with a byte order mark: the diff's first line carries the mark, as the file does,
/// so `patch` applies it (main wrote the line without it, and patch rejected the hunk).
#[test]
fn a_draft_with_a_byte_order_mark_patches() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), "\u{feff}本部を設置する。\n二行目\n").unwrap();
    fs::write(dir.path().join("ledger.toml"), LEDGER).unwrap();
    let run = akaji_in(dir.path(), &["redline", "draft.txt", "ledger.toml", "--format", "unified"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\n-\u{feff}本部を設置する。\n+\u{feff}本部を開催する。\n"), "{}", run.stdout);
    let out = patch(dir.path(), &run.stdout);
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read_to_string(dir.path().join("draft.txt")).unwrap(), "\u{feff}本部を開催する。\n二行目\n");
}

/// Texts that differ only in the byte order mark: `diff` says so (main said "no changes" and
/// exited 1), and its unified diff turns one file into the other.
#[test]
fn a_difference_of_the_byte_order_mark_alone_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a")).unwrap();
    fs::write(dir.path().join("a/t.txt"), "\u{feff}本文\n").unwrap();
    fs::write(dir.path().join("b.txt"), "本文\n").unwrap();
    let run = akaji_in(dir.path(), &["diff", "a/t.txt", "b.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stdout.contains("no changes"), "{}", run.stdout);
    assert!(run.stdout.contains("byte order mark (U+FEFF) at the start of the old text is removed"), "{}", run.stdout);
    let run = akaji_in(dir.path(), &["diff", "a/t.txt", "b.txt", "--format", "unified"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "--- a/a/t.txt\n+++ b/b.txt\n@@ -1,1 +1,1 @@\n-\u{feff}本文\n+本文\n");
    let out = patch(&dir.path().join("a"), &run.stdout.replace("a/a/t.txt", "a/t.txt").replace("b/b.txt", "b/t.txt"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(fs::read(dir.path().join("a/t.txt")).unwrap(), "本文\n".as_bytes());
}

/// A file name holding a line break is quoted in the headers as git quotes it: main wrote it
/// raw, and a crafted name added a hunk of its own to the patch.
#[test]
fn a_file_name_with_a_line_break_cannot_write_into_the_patch() {
    let dir = tempfile::tempdir().unwrap();
    let name = "d.txt\n+++ evil.txt\n@@ -0,0 +1 @@\n+pwned";
    fs::write(dir.path().join(name), "本部を設置する。\n").unwrap();
    fs::write(dir.path().join("ledger.toml"), LEDGER).unwrap();
    let run = akaji_in(dir.path(), &["redline", name, "ledger.toml", "--format", "unified"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header: Vec<&str> = run.stdout.lines().take(3).collect();
    assert_eq!(
        header,
        [
            "--- \"a/d.txt\\n+++ evil.txt\\n@@ -0,0 +1 @@\\n+pwned\"",
            "+++ \"b/d.txt\\n+++ evil.txt\\n@@ -0,0 +1 @@\\n+pwned\"",
            "@@ -1,1 +1,1 @@"
        ]
    );
    let out = patch(dir.path(), &run.stdout);
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read_to_string(dir.path().join(name)).unwrap(), "本部を開催する。\n");
    assert!(!dir.path().join("evil.txt").exists(), "no other file is touched");
}
