//! Issue 12, one behaviour at a time, from the command line on the finals of
//! testdata/verify-set (whose truth files say what each must be) and on small texts made here.

use crate::util::{akaji_in, root, Run};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn plan(name: &str) -> PathBuf {
    root().join("testdata/verify-set").join(name)
}

/// `akaji ARGS` in `dir`, with the report as JSON.
fn json_in(dir: &Path, args: &[&str]) -> (Run, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = akaji_in(dir, &all);
    let v = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    (run, v)
}

fn edit<'a>(r: &'a Value, id: &str) -> &'a Value {
    let d = r["decisions"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap();
    &d["edits"][0]
}

fn status(r: &Value, id: &str) -> String {
    edit(r, id)["status"].as_str().unwrap().to_owned()
}

/// The (draft, final) texts of each unexplained change.
fn unexplained(r: &Value) -> Vec<(String, String)> {
    let text = |v: &Value| v["text"].as_str().unwrap().replace('⏎', "");
    r["unexplained"].as_array().unwrap().iter().map(|u| (text(&u["draft"]), text(&u["final"]))).collect()
}

/// A copy of a plan of the set in a temporary folder (for the lock written beside its ledger).
fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(plan(name)).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn running_heads_that_open_one_page_and_a_re_paginated_final_are_layout() {
    // plan-b final-07: the final breaks pages elsewhere, its heads 「1.3. …」 and 「3.2. …」 open
    // one page each, and the inserted sentence of decision 8 crosses a page break with the
    // footer and two running heads in its middle.
    let (_, r) =
        json_in(&plan("plan-b"), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final-07.txt"]);
    assert_eq!(status(&r, "8"), "applied");
    assert_eq!(status(&r, "5"), "missing", "line 16 of page 6 resolves: body lines are counted, not its two heads");
    // Only the changes of the truth: one the unanchored edit 15 would make, one nobody
    // recorded, one beside an edit's quote.
    let mut changes = unexplained(&r);
    changes.sort();
    let want = [("y", "ies"), ("定期的", "四半期ごと"), ("層", "者")];
    assert_eq!(changes, want.map(|(a, b)| (a.to_owned(), b.to_owned())), "{:#}", r["unexplained"]);
    let heads: Vec<&str> =
        r["layout"]["running_heads"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert!(heads.contains(&"1.3.サプライチェーン等の信頼性確保に向けた基盤づくり"), "{heads:?}");
}

#[test]
fn a_place_changed_to_something_else_is_different_not_missing() {
    // plan-c final-03: 「（アラート）」 was to follow 「早期警戒情報」; the final reads 「早期の警戒情報」.
    let (_, r) =
        json_in(&plan("plan-c"), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final-03.txt"]);
    assert_eq!(status(&r, "9"), "different");
    let f = &edit(&r, "9")["findings"][0];
    assert_eq!(f["found"], "早期の警戒情報");
    assert_eq!(f["expected"], "早期警戒情報（アラート）");
    // sample final-03: 「メーカーの利用する」 for 「メーカーが利用する」, a character the edit keeps.
    let (_, r) =
        json_in(&plan("sample"), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final-03.txt"]);
    assert_eq!(status(&r, "28"), "different");
}

#[test]
fn a_deletion_between_repeated_lines_reads_as_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("draft.txt"), "工程表\n年度\n2015\n(案)\n2015\n作成する。\n- 1 -\n").unwrap();
    fs::write(d.join("ledger.toml"), "[[decision]]\nid = \"4\"\n[[decision.edit]]\nold = \"(案)\"\nnew = \"\"\n")
        .unwrap();
    fs::write(d.join("missing.txt"), "工程表\n年度\n2015\n(案)\n2015\n作成する。\n- 1 -\n").unwrap();
    fs::write(d.join("different.txt"), "工程表\n年度\n2015\n(案\n2015\n作成する。\n- 1 -\n").unwrap();
    let run = akaji_in(d, &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "missing.txt"]);
    // The final's place is the quote itself, not the lines around it.
    assert!(
        run.stdout.contains("final  P1 L4:1  …表⏎年度⏎2015⏎【(案)】⏎2015⏎作成する…  (expected 「」)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("【2015"), "{}", run.stdout);
    let html =
        akaji_in(d, &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "different.txt", "--format", "html"]);
    // Only 「)」 was deleted: that is what is struck, and no 2015 is struck or inserted again.
    assert!(
        html.stdout.contains("2015\n(案<del class=\"problem\">)</del><ins class=\"problem\"></ins>"),
        "{}",
        html.stdout
    );
    assert!(!html.stdout.contains("<del class=\"problem\">2015"), "{}", html.stdout);
}

#[test]
fn an_unanchored_edit_says_which_rule_rules_out_each_place() {
    // plan-d decision 5: its prefix 「少なくとも」 is not before any 「定期的に」 on page 3.
    let (_, r) =
        json_in(&plan("plan-d"), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final-01.txt"]);
    let message = edit(&r, "5")["message"].as_str().unwrap();
    assert_eq!(message.matches("ruled out by the prefix (`prefix`): P3").count(), 3, "{message}");
}

#[test]
fn the_lock_is_written_beside_the_ledger_and_verify_reads_it() {
    let dir = copy_of("plan-d");
    let d = dir.path();
    // The ledger holds a todo and an unanchored edit: apply refuses it, but locks what resolves.
    let run = akaji_in(d, &["apply", "draft.txt", "ledger.toml", "--lock", "-o", "final.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!d.join("final.txt").exists());
    assert!(run.stderr.contains("wrote ledger.toml.lock: 8 edit(s) at "), "{}", run.stderr);
    let lock = fs::read_to_string(d.join("ledger.toml.lock")).unwrap();
    assert!(lock.starts_with("# Written by `akaji apply DRAFT LEDGER --lock`"), "{lock}");
    // Issue 12.5: the deletion 「とともに、その確認を適時確認していく」 made as 「…その状況を適時確認していく」.
    let (run, r) = json_in(d, &["verify", "ledger.toml", "--final", "final-03.txt", "--without-draft"]);
    assert!(run.stderr.contains("from the lock ledger.toml.lock"), "{}", run.stderr);
    assert_eq!(r["files"]["lock"], "ledger.toml.lock");
    assert_eq!(status(&r, "1"), "different");
    let f = &edit(&r, "1")["findings"][0];
    assert_eq!(f["note"], "the draft's text around the quote stands, with other text between (lock)");
    assert_eq!(f["found"].as_str().unwrap().replace('⏎', ""), "とともに、その状況を適時確認していく", "{f:#}");
    // Its unanchored edit is not in the lock.
    assert_eq!(status(&r, "5"), "unclear");
    assert!(edit(&r, "5")["message"].as_str().unwrap().starts_with("not in the lock"));
    // Without the lock, the old text is gone: the scan says applied, which is wrong.
    fs::remove_file(d.join("ledger.toml.lock")).unwrap();
    let (_, r) = json_in(d, &["verify", "ledger.toml", "--final", "final-03.txt", "--without-draft"]);
    assert_eq!(status(&r, "1"), "applied");
}

#[test]
fn a_lock_older_than_its_ledger_is_not_trusted() {
    let dir = copy_of("plan-b");
    let d = dir.path();
    assert_eq!(akaji_in(d, &["apply", "draft.txt", "ledger.toml", "--lock", "-o", "final.txt"]).code, 2);
    let ledger = fs::read_to_string(d.join("ledger.toml")).unwrap();
    fs::write(d.join("ledger.toml"), ledger.replace("new = \"当たって\"", "new = \"当って\"")).unwrap();
    let (_, r) = json_in(d, &["verify", "ledger.toml", "--final", "final-01.txt", "--without-draft"]);
    assert_eq!(status(&r, "5"), "unclear");
    assert!(edit(&r, "5")["message"].as_str().unwrap().contains("changed in the ledger since the lock was written"));
    assert_eq!(status(&r, "7"), "applied", "the other edits still check");
    let notes: Vec<&str> = r["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(notes.iter().any(|n| n.starts_with("the ledger changed since the lock was written")), "{notes:?}");
}

#[test]
fn the_lock_is_never_written_over_an_input() {
    let dir = copy_of("sample");
    let d = dir.path();
    fs::rename(d.join("draft.txt"), d.join("ledger.toml.lock")).unwrap();
    let run = akaji_in(d, &["apply", "ledger.toml.lock", "ledger.toml", "--lock"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("refusing to write the output over the input ledger.toml.lock"), "{}", run.stderr);
    assert!(fs::read_to_string(d.join("ledger.toml.lock")).unwrap().starts_with("情報通信"));
}

#[test]
fn a_unification_whose_new_word_existed_is_applied() {
    // plan-b decision 3: 「取り組み」→「取組」 on five pages; 7 「取組」 stood there already.
    let dir = copy_of("plan-b");
    let d = dir.path();
    let (_, r) = json_in(d, &["verify", "ledger.toml", "--final", "final-01.txt", "--without-draft"]);
    assert_eq!(status(&r, "3"), "applied");
    assert!(edit(&r, "3")["message"].as_str().unwrap().contains("found 12 time(s) (count is 5)"));
    // Its places are occurrences, not five verdicts of 「applied」.
    let text = akaji_in(d, &["verify", "ledger.toml", "--final", "final-03.txt", "--without-draft"]);
    assert!(!text.stdout.contains("    applied:\n"), "{}", text.stdout);
    assert!(text.stdout.contains("    promised text found:\n"), "{}", text.stdout);
    // With the lock, each place is checked, and the lock says how many stood there already.
    akaji_in(d, &["apply", "draft.txt", "ledger.toml", "--lock", "-o", "final.txt"]);
    let (_, r) = json_in(d, &["verify", "ledger.toml", "--final", "final-01.txt", "--without-draft"]);
    assert_eq!(status(&r, "3"), "applied");
    assert!(edit(&r, "3")["message"].as_str().unwrap().starts_with("7 of the promised text stood"));
}

#[test]
fn a_todo_that_knows_its_text_is_checked_and_the_instruction_said_once() {
    let dir = plan("plan-b");
    for args in [&["--draft", "draft.txt"][..], &["--without-draft"]] {
        let mut all = vec!["verify", "ledger.toml", "--final", "final-01.txt"];
        all.extend(args);
        let (_, r) = json_in(&dir, &all);
        assert_eq!(status(&r, "11"), "applied_todo", "{args:?}");
        assert_eq!(status(&r, "9"), "todo");
        assert_eq!(r["summary"]["applied_todo"], 1);
        let mut all = vec!["verify", "ledger.toml", "--final", "final-02.txt"];
        all.extend(args);
        assert_eq!(status(&json_in(&dir, &all).1, "11"), "missing_todo", "{args:?}");
    }
    let text = akaji_in(&dir, &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final-01.txt"]);
    assert_eq!(text.stdout.matches("complete each with `old`/`new`").count(), 1, "{}", text.stdout);
    assert!(text.stdout.contains("\n2 edit(s) are marked todo"), "{}", text.stdout);
    assert!(!text.stdout.contains("complete it with"), "{}", text.stdout);
}
