//! The terminal output of `redline` and `diff` as a terminal shows it: every line numbered,
//! colours on a terminal (auto) and none with NO_COLOR or `--color never`. Run in a real
//! terminal, tmux, and read back with `capture-pane` (skipped, saying so, without tmux).

use crate::util::{akaji_in, testdata};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What a tmux pane 120 columns wide shows after running `command` (with escapes when
/// `escapes`), or None without tmux.
fn in_tmux(command: &str, escapes: bool) -> Option<String> {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let socket = format!("akaji-test-{}-{}", std::process::id(), RUNS.fetch_add(1, Ordering::Relaxed));
    let tmux = |args: &[&str]| Command::new("tmux").arg("-L").arg(&socket).args(args).output();
    let started = tmux(&["new-session", "-d", "-x", "120", "-y", "40", &format!("{command}; sleep 30")]);
    if !started.is_ok_and(|o| o.status.success()) {
        eprintln!("tmux is not available: the terminal test is skipped");
        return None;
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut shown = String::new();
    while Instant::now() < deadline {
        let mut args = vec!["capture-pane", "-p", "-t", "0"];
        if escapes {
            args.push("-e");
        }
        shown = String::from_utf8_lossy(&tmux(&args).expect("tmux runs").stdout).into_owned();
        if shown.contains("change(s)") || shown.contains("no changes") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = tmux(&["kill-server"]);
    Some(shown)
}

#[test]
fn a_terminal_shows_colour_and_a_number_on_every_line_with_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, "一行目\n二行目の文\n三行目の文\n").unwrap();
    std::fs::write(&new, "一行目\n挿入した二行目の文\n三行目\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_akaji");
    let base = format!("{bin} diff {} {}", old.display(), new.display());
    let run = format!("env -u NO_COLOR LANG=C {base}");
    let Some(coloured) = in_tmux(&run, true) else { return };
    // Deleted text red and struck through, inserted green and underlined (tmux writes each
    // attribute as its own escape).
    let before = |text: &str| {
        let head: Vec<char> = coloured.split(text).next().unwrap_or_default().chars().collect();
        Some(head[head.len().saturating_sub(16)..].iter().collect::<String>())
    };
    let del = coloured.split("三行目").nth(1).and_then(|s| s.split("の文").next()).unwrap_or_default().to_owned();
    let ins = before("挿入した").unwrap_or_default();
    assert!(del.contains("31m") && del.contains("9m"), "{coloured:?}");
    assert!(ins.contains("32m") && ins.contains("4m"), "{coloured:?}");
    let plain = in_tmux(&run, false).expect("tmux ran once");
    let lines: Vec<&str> = plain.lines().filter(|l| l.contains('│')).collect();
    assert_eq!(
        lines,
        // Line 2 begins with inserted text but holds old text: it is numbered (it was `+`).
        ["   1 │ 一行目", "   2 │ 挿入した二行目の文", "   3 │ 三行目の文"].map(str::to_owned),
        "{plain}"
    );
    for quiet in [format!("env NO_COLOR=1 LANG=C {base}"), format!("{run} --color never")] {
        let shown = in_tmux(&quiet, true).expect("tmux ran once");
        assert!(!shown.contains("31m") && !shown.contains("32m"), "{quiet}: {shown:?}");
        assert!(
            shown.contains("   2 │ {+挿入した+}二行目の文") && shown.contains("三行目[-の文-]"),
            "{quiet}: {shown}"
        );
    }
}

#[test]
fn redline_context_lines_after_an_insertion_keep_their_numbers() {
    let r = akaji_in(&testdata("sample"), &["redline", "draft.txt", "ledger.toml", "--color", "never"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines().filter(|l| l.contains(" │ ")) {
        let (gutter, text) = line.split_once(" │ ").unwrap();
        let gutter = gutter.trim();
        // A line numbered "+" is inserted text only: no old text on it.
        if gutter == "+" {
            assert!(text.starts_with("{+") && text.ends_with("+}") || text.ends_with("⟩"), "{line}");
        } else {
            assert!(gutter == "-" || gutter.parse::<usize>().is_ok(), "{line}");
        }
    }
}
