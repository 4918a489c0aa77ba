//! README's guides run as written: every command in the `## Guides` section is run from a
//! folder that looks like the top of the repository (`testdata/`, an empty `out/`), with the
//! akaji under test on the PATH, and exits as its comment says (`# exit 1`; 0 otherwise).

use crate::util::root;
use std::fs;
use std::process::Command;

/// The shell commands of the section titled `title`: each line of its ```sh blocks.
fn commands(readme: &str, title: &str) -> Vec<String> {
    let start = readme.find(&format!("\n## {title}\n")).expect("the section is in README.md");
    let rest = &readme[start + 1..];
    let section = &rest[..rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3)];
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in section.lines() {
        match line.trim() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            l if in_sh && !l.is_empty() && !l.starts_with('#') => out.push(l.to_owned()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_guide_command_runs_as_written() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let commands = commands(&readme, "Guides");
    assert!(commands.len() >= 12, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root().join("testdata"), dir.path().join("testdata")).unwrap();
    fs::create_dir(dir.path().join("out")).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_akaji")).parent().unwrap().to_owned();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for command in &commands {
        let expected = command.split("# exit ").nth(1).map_or(0, |n| n.trim().parse::<i32>().unwrap());
        let out = Command::new("bash")
            .args(["-c", &format!("{command} > /dev/null")])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(expected), "{command}\n{}", String::from_utf8_lossy(&out.stderr));
    }
    // What the guides promise is there: the Word versions, the two HTML pages, the ledger.
    for made in [
        "final.txt",
        "見え消し.html",
        "新旧対照表.html",
        "変更履歴版.docx",
        "final.docx",
        "ict2023-ledger.toml",
        "verify.html",
        "diff.html",
        "plan.critic.md",
    ] {
        assert!(dir.path().join("out").join(made).is_file(), "out/{made}");
    }
    assert_eq!(
        fs::read(dir.path().join("out/final.txt")).unwrap(),
        fs::read(root().join("testdata/sample/final.txt")).unwrap()
    );
}

#[test]
fn the_quick_start_writes_only_where_git_ignores() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let ignored = fs::read_to_string(root().join(".gitignore")).unwrap();
    for command in commands(&readme, "Quick start").iter().chain(&commands(&readme, "Guides")) {
        if let Some(out) = command.split(" -o ").nth(1) {
            assert!(out.starts_with("out/"), "{command}");
        }
    }
    assert!(ignored.lines().any(|l| l == "/out"), "out/ is not ignored");
}
