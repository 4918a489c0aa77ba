//! The three published files to a change-history version and a verified final, from the command
//! line: `akaji reconcile`, then `akaji redline --format docx`, then `akaji verify`.

use super::set;
use crate::docx::{have, part};
use crate::util::akaji_in;
use akaji::Ledger;
use std::fs;
use std::path::Path;
use std::process::Command;

/// A folder holding plan-b's three files under the names a user gives them.
fn plan_b() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [("draft.txt", "案.txt"), ("final.txt", "最終.txt"), ("comments.tsv", "comments.tsv")] {
        fs::copy(set::path("plan-b", from), dir.path().join(to)).unwrap();
    }
    dir
}

fn ledger(dir: &Path, name: &str) -> Ledger {
    Ledger::from_toml(&fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

/// Word's "accept all" of a change-history version (pandoc's `--track-changes=accept`) is the
/// published final's content: its body, the running heads (in the Word header) and footers
/// left out of both. Nothing is checked without pandoc.
pub(super) fn accept_all_gives(docx: &Path, published: &Path) {
    if !have("pandoc", "pandoc") {
        return;
    }
    let accepted = Command::new("pandoc")
        .args(["--track-changes=accept", "-t", "plain", "--wrap=none"])
        .arg(docx)
        .output()
        .unwrap();
    let accepted = String::from_utf8(accepted.stdout).unwrap();
    let truth = set::truth("plan-b");
    let heads: Vec<String> = truth["layout"]["final"]["running_heads"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["heads"].as_array().unwrap().iter().map(|s| set::fold(s.as_str().unwrap())))
        .collect();
    let content = |s: &str| {
        let mut s = set::fold(&s.lines().filter(|l| set::footer(l).is_none()).collect::<String>());
        for h in &heads {
            s = s.replace(h.as_str(), "");
        }
        s
    };
    let published = fs::read_to_string(published).unwrap();
    assert_eq!(content(&accepted), content(&published), "accept all gives the final");
}

#[test]
fn the_three_file_workflow_shows_every_change_and_the_promise_not_kept() {
    let dir = plan_b();
    let d = dir.path();
    let run =
        akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "-o", "ledger.toml"]);
    assert_eq!(run.code, 1, "a promise not kept and two changes no answer explains: {}", run.stderr);
    assert!(run.stderr.starts_with("akaji reconcile: comments.tsv → ledger.toml\n"), "{}", run.stderr);
    assert!(run.stderr.contains("\n  not found    16  insert 「製造事業者を含む」 before 「供給者のセキュリティ対策」 (P4); not made: the draft's text still stands in the final at P4 L7\n"), "{}", run.stderr);
    assert!(run.stderr.contains("\n  completed     9  insert 「あわせて、送信ドメイン認証技術の導入の手順を示した資料を作成し、中小規模の事業者への普及を図る。」 after 「導入状況を定期的に公表する。」 (P5) at P5 L19; clues: page, kind, only_change (low)\n"), "{}", run.stderr);
    assert!(run.stderr.contains("14 of 16 changes attributed, 2 no answer explains (P5, P8)\n"), "{}", run.stderr);
    let written = ledger(d, "ledger.toml");
    let unexplained: Vec<&str> = written.decisions.iter().filter(|d| d.unexplained).map(|d| d.id.as_str()).collect();
    assert_eq!(unexplained, ["unexplained-1", "unexplained-2"]);
    let url = written.decision("12").unwrap();
    assert!(!url.edits[0].is_todo() && url.edits[0].evidence().is_some(), "{url:?}");
    assert!(written.decision("16").unwrap().edits[0].is_todo(), "the promise not kept stays todo");

    // The change-history version: the todo left out on purpose (`--partial`).
    let run = akaji_in(d, &["redline", "案.txt", "ledger.toml", "--format", "docx", "-o", "変更履歴版.docx"]);
    assert_eq!(run.code, 2, "without --partial the todo stops it: {}", run.stderr);
    assert!(run.stderr.contains("decision 16, edit 1: is marked todo"), "{}", run.stderr);
    let run =
        akaji_in(d, &["redline", "案.txt", "ledger.toml", "--format", "docx", "-o", "変更履歴版.docx", "--partial"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("1 todo edit(s) left out (decision 16)"), "{}", run.stderr);
    let docx = fs::read(d.join("変更履歴版.docx")).unwrap();
    let body = part(&docx, "word/document.xml");
    for author in ["意見8（株式会社C）", "意見12（個人E）", "unexplained-2"] {
        assert!(body.contains(&format!("w:author=\"{author}\"")), "{author} is a revision's author");
    }
    // Word's "accept all" gives the final the ledger makes: the published one, up to layout.
    accept_all_gives(&d.join("変更履歴版.docx"), &d.join("最終.txt"));

    // The final verified against the ledger: every edit made, nothing else; the todo knows its
    // new text (the promise), which the final lacks: missing_todo (issue 12.7).
    let run = akaji_in(d, &["verify", "ledger.toml", "--draft", "案.txt", "--final", "最終.txt"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("\nmissing_todo  16  by 株式会社C"), "{}", run.stdout);
    assert!(run.stdout.contains(", 1 missing_todo, 0 unexplained changes\n"), "{}", run.stdout);
}

#[test]
fn a_ledger_with_todos_is_completed_as_the_table_is() {
    let dir = plan_b();
    let d = dir.path();
    let run = akaji_in(d, &["import", "comments.tsv", "--only-edits", "-o", "drafted.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let from_table =
        akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "-o", "a.toml"]);
    let from_ledger =
        akaji_in(d, &["reconcile", "drafted.toml", "--draft", "案.txt", "--final", "最終.txt", "-o", "b.toml"]);
    assert_eq!((from_table.code, from_ledger.code), (1, 1));
    assert_eq!(ledger(d, "a.toml"), ledger(d, "b.toml"));
    // Its own output again: the unexplained decisions found anew, the rest as written.
    let again = akaji_in(d, &["reconcile", "b.toml", "--draft", "案.txt", "--final", "最終.txt", "-o", "c.toml"]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert_eq!(ledger(d, "b.toml"), ledger(d, "c.toml"), "reconciling twice changes nothing");
}

#[test]
fn the_json_report_names_the_clues_and_the_unexplained_pages() {
    let dir = plan_b();
    let d = dir.path();
    let run = akaji_in(
        d,
        &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "--format", "json", "-o", "l.json"],
    );
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(report["summary"]["unexplained_pages"], serde_json::json!([5, 8]));
    assert_eq!((report["summary"]["completed"].as_u64(), report["summary"]["not_found"].as_u64()), (Some(4), Some(1)));
    let url = report["decisions"].as_array().unwrap().iter().find(|x| x["id"] == "12").unwrap();
    assert_eq!(url["edits"][0]["clues"], serde_json::json!(["url", "file_names"]));
    assert_eq!(url["edits"][0]["confidence"], "high");
    let sixteen = report["decisions"].as_array().unwrap().iter().find(|x| x["id"] == "16").unwrap();
    assert_eq!(sixteen["edits"][0]["missing"]["reason"], "unchanged");
    assert!(Ledger::from_json(&fs::read_to_string(d.join("l.json")).unwrap()).is_ok(), "-o *.json writes JSON");
}

/// A plan whose final keeps every promise and changes nothing else.
const DRAFT: &str = "計画（案）\n　本計画は、関係機関と連携して施策を推進するものである。\n参考資料：https://www.example.go.jp/content/000111222.pdf\n- 1 -\n計画（案）\n　演習を毎年度実施し、結果を公表する。\n- 2 -\n";
const FINAL: &str = "計画（案）\n　本計画は、関係機関と連携して施策を推進するもので\nある。\n参考資料：https://www.example.go.jp/content/000111223.pdf\n- 1 -\n計画（案）\n　演習を年２回実施し、結果を公表する。演習には地域の事業者\nも参加する。\n- 2 -\n";
const TABLE: &str = "項番\t意見提出者\t該当箇所\t御意見の詳細\t御意見に対する考え方
1\t個人A\t2\t「毎年度」では少ない。\t御指摘を踏まえ、P2の「毎年度」を「年２回」に修正いたします。
2\t個人B\t参考資料\tP1のURLが誤っている。 (表示)～111222.pdf (リンク)～111223.pdf\t御意見を踏まえ、URLを修正いたします。
3\t個人C\t2\tP2において、演習の対象を示すべきである。\t御指摘を踏まえ、P2に追記をいたします。
4\t個人D\t全体\t賛成です。\t賛同の御意見として承ります。
";

#[test]
fn a_final_that_keeps_every_promise_passes_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in [("案.txt", DRAFT), ("最終.txt", FINAL), ("comments.tsv", TABLE)] {
        fs::write(d.join(name), text).unwrap();
    }
    let run =
        akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "-o", "ledger.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("3 decisions: 1 quoted, 2 completed, 0 partial, 0 ambiguous, 0 not found; 3 of 3 changes attributed, 0 no answer explains\n"), "{}", run.stderr);
    let written = ledger(d, "ledger.toml");
    let insert = &written.decision("3").unwrap().edits[0];
    assert_eq!(
        akaji::messages::edit_summary(insert),
        "insert 「演習には地域の事業者も参加する。」 after 「結果を公表する。」 (P2)"
    );
    let run = akaji_in(d, &["redline", "案.txt", "ledger.toml", "--format", "docx", "-o", "変更履歴版.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = akaji_in(d, &["verify", "ledger.toml", "--draft", "案.txt", "--final", "最終.txt", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn bad_input_is_refused_with_the_file_named() {
    let dir = plan_b();
    let d = dir.path();
    let run = akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "無い.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("無い.txt: cannot read it"), "{}", run.stderr);
    let run = akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "-o", "案.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("refusing to write the output over the input"), "{}", run.stderr);
    fs::write(d.join("l.toml"), "[[decision]]\nid = \"1\"\n").unwrap();
    let run = akaji_in(d, &["reconcile", "l.toml", "--draft", "案.txt", "--final", "最終.txt", "--columns", "id=番号"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--columns names a table's columns"), "{}", run.stderr);
}
