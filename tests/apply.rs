//! `akaji apply`: the final text, its JSON report, and every kind of bad input.

use crate::util::{akaji, akaji_in, testdata};
use std::fs;

#[test]
fn every_error_kind_names_the_decision_and_the_place() {
    insta::glob!("../testdata/apply-errors", "*.toml", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        if name == "ok.toml" {
            return;
        }
        let ledger = format!("apply-errors/{name}");
        let run = akaji(&["apply", "apply-errors/draft.txt", &ledger]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{name}: nothing may be written on failure");
        assert!(run.stderr.contains(&ledger), "{name}: the message names the ledger: {}", run.stderr);
        insta::assert_snapshot!(run.stderr);
    });
}

#[test]
fn messages_point_at_decisions_and_pages() {
    let cases = [
        ("count-mismatch", vec!["decision 32, edit 1", "P1 L3", "P2 L3", "count is 1"]),
        ("no-match-near-miss", vec!["decision 29, edit 1", "P1 L3", "character 6", "「つ」", "「っ」"]),
        (
            "no-match-outside-scope",
            vec!["decision 29, edit 1", "scope (page, line, prefix, suffix) rules it out", "P3 L2"],
        ),
        ("conflict", vec!["decision 6, edit 1", "decision 5, edit 1", "P2 L3"]),
        ("no-such-page", vec!["decision 1, edit 1", "page 9", "3 page(s)"]),
        ("no-such-line", vec!["decision 29, edit 1", "line 5", "page 3", "2 line(s)"]),
        ("todo", vec!["decision 1, edit 1", "todo", "P3に追記"]),
        ("unknown-key", vec!["line 7", "pgae"]),
        ("missing-id", vec!["1st [[decision]] has no `id`"]),
        ("duplicate-id", vec!["decision 32", "more than one decision"]),
        ("old-and-after", vec!["decision 7, edit 1: has more than one of"]),
        ("insertion-without-new", vec!["decision 1, edit 1: is an insertion with no `new`"]),
    ];
    for (name, wants) in cases {
        let run = akaji(&["apply", "apply-errors/draft.txt", &format!("apply-errors/{name}.toml")]);
        assert_eq!(run.code, 2, "{name}");
        for want in wants {
            assert!(run.stderr.contains(want), "{name}: «{want}» missing from:\n{}", run.stderr);
        }
    }
}

#[test]
fn ok_ledger_applies_every_shape() {
    let run = akaji(&["apply", "apply-errors/draft.txt", "apply-errors/ok.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = fs::read_to_string(testdata("apply-errors/draft.txt")).unwrap();
    let expected = draft
        .replace("１月に設置された", "１月に開催された")
        .replace("更に、地域", "さらに、地域")
        .replace("計画の策定に\nあたっては", "計画の策定に\n当たっては")
        .replace("人材育成を推進する。詳細は別途定める。", "人材育成を推進する。また、大学等との連携を強化する。")
        .replace("令和５年１月", "令和５年2月");
    assert_eq!(run.stdout, expected);
}

#[test]
fn output_is_written_whole_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["draft.txt", "ok.toml"] {
        fs::copy(testdata(&format!("apply-errors/{f}")), dir.path().join(f)).unwrap();
    }
    let before = fs::read(dir.path().join("draft.txt")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ok.toml", "-o", "draft.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("refusing to write the output over the input draft.txt"), "{}", run.stderr);
    assert_eq!(fs::read(dir.path().join("draft.txt")).unwrap(), before);
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ok.toml", "-o", "ok.toml"]);
    assert_eq!(run.code, 2);

    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ok.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("6 edit(s) from 6 decision(s)"), "{}", run.stderr);
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names.len(), 3, "no temporary file is left behind: {names:?}");

    // A failing apply leaves an existing output untouched.
    fs::write(dir.path().join("bad.toml"), fs::read(testdata("apply-errors/conflict.toml")).unwrap()).unwrap();
    let kept = fs::read(dir.path().join("final.txt")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "bad.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 2);
    assert_eq!(fs::read(dir.path().join("final.txt")).unwrap(), kept);
}

#[test]
fn crlf_bom_and_widths_outside_edits_survive_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let draft = fs::read_to_string(testdata("apply-errors/draft.txt")).unwrap();
    let crlf = format!("\u{feff}{}", draft.replace('\n', "\r\n"));
    fs::write(dir.path().join("draft.txt"), &crlf).unwrap();
    fs::copy(testdata("apply-errors/ok.toml"), dir.path().join("ok.toml")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ok.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lf = akaji(&["apply", "apply-errors/draft.txt", "apply-errors/ok.toml"]).stdout;
    assert_eq!(run.stdout, format!("\u{feff}{}", lf.replace('\n', "\r\n")));
}

#[test]
fn json_reports_where_each_edit_landed() {
    let run = akaji(&["apply", "apply-errors/draft.txt", "apply-errors/ok.toml", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let edits = v["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 6);
    let draft: Vec<char> = fs::read_to_string(testdata("apply-errors/draft.txt")).unwrap().chars().collect();
    let fin: Vec<char> = akaji(&["apply", "apply-errors/draft.txt", "apply-errors/ok.toml"]).stdout.chars().collect();
    for e in edits {
        let span = |v: &serde_json::Value| (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
        let (os, oe) = span(&e["old"]);
        let (ns, ne) = span(&e["new"]);
        assert_eq!(draft[os..oe].iter().collect::<String>(), e["old_text"].as_str().unwrap());
        assert_eq!(fin[ns..ne].iter().collect::<String>(), e["new_text"].as_str().unwrap());
    }
    let d32 = edits.iter().find(|e| e["decision"] == "32").unwrap();
    assert_eq!((d32["page"].as_u64(), d32["line"].as_u64(), d32["edit"].as_u64()), (Some(1), Some(3), Some(1)));
    let d29 = edits.iter().find(|e| e["decision"] == "29").unwrap();
    assert_eq!((d29["page"].as_u64(), d29["line"].as_u64()), (Some(3), Some(2)));
}

#[test]
fn bad_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sjis.txt"), b"\x82\xa0\x82\xa2").unwrap();
    fs::copy(testdata("apply-errors/ok.toml"), dir.path().join("ok.toml")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "sjis.txt", "ok.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("sjis.txt") && run.stderr.contains("not UTF-8"), "{}", run.stderr);
    let run = akaji_in(dir.path(), &["apply", "missing.txt", "ok.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.txt: cannot read it"), "{}", run.stderr);
}

#[test]
fn help_shows_an_example() {
    let run = akaji(&["apply", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("akaji apply draft.txt ledger.toml -o final.txt"), "{}", run.stdout);
}

#[test]
fn the_sample_ledger_gives_the_hand_made_final() {
    let run = akaji(&["apply", "sample/draft.txt", "sample/ledger.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = fs::read_to_string(testdata("sample/final.txt")).unwrap();
    assert_eq!(run.stdout, expected, "apply must give the final made by hand, byte for byte");
}

#[test]
fn the_sample_lands_on_the_pages_and_lines_the_decisions_cite() {
    let run = akaji(&["apply", "sample/draft.txt", "sample/ledger.toml", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let at = |id: &str| -> Vec<(u64, u64)> {
        v["edits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["decision"] == id)
            .map(|e| (e["page"].as_u64().unwrap(), e["line"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(at("32"), vec![(4, 5), (10, 6), (12, 8), (13, 9)], "設置→開催 on the four cited pages only");
    assert_eq!(at("29"), vec![(6, 5), (12, 17)], "the two line citations");
    assert_eq!(at("28"), vec![(5, 10)]);
    assert_eq!(at("1"), vec![(9, 17)]);
}

#[test]
fn a_json_ledger_of_the_same_structure_applies_alike() {
    let toml = fs::read_to_string(testdata("sample/ledger.toml")).unwrap();
    let ledger = akaji::Ledger::from_toml(&toml).unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::copy(testdata("sample/draft.txt"), dir.path().join("draft.txt")).unwrap();
    fs::write(dir.path().join("ledger.json"), serde_json::to_string_pretty(&ledger).unwrap()).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, fs::read_to_string(testdata("sample/final.txt")).unwrap());

    fs::write(dir.path().join("bad.json"), "{\"decision\": [{\"id\": \"1\", \"edits\": []}]}").unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "bad.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad.json: line 1") && run.stderr.contains("unknown field `edits`"), "{}", run.stderr);
}

/// `per_page = true`: `count` holds on each listed page ("all": at least one on each), the rule
/// `akaji import` writes for 「P4、P11、P19の「取り組み」を「取組」に」.
#[test]
fn per_page_counts_on_each_listed_page() {
    use akaji::Ledger;
    let draft = "取り組みと取り組み。\n取り組み。\n- 4 -\n取り組み。\n- 11 -\n取り組み。\n- 12 -\n取り組み。\n- 19 -\n";
    let ledger = |pages: &str| {
        Ledger::from_toml(&format!(
            "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"取り組み\"\nnew = \"取組\"\npages = {pages}\ncount = \"all\"\nper_page = true\n"
        ))
        .unwrap()
    };
    let done = akaji::apply_text(draft, &ledger("[4, 11, 19]")).unwrap();
    assert_eq!(done, "取組と取組。\n取組。\n- 4 -\n取組。\n- 11 -\n取り組み。\n- 12 -\n取組。\n- 19 -\n");
    let draft_without_p11 = draft.replace("取り組み。\n- 11 -", "取組。\n- 11 -");
    let problems = akaji::apply_text(&draft_without_p11, &ledger("[4, 11, 19]")).unwrap_err();
    let msg = problems[0].to_string();
    assert!(msg.contains("matches 0 place(s) on page 11, but count is all on each page"), "{msg}");

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("l.toml"), ledger("[4, 11, 19]").to_toml()).unwrap();
    fs::write(dir.path().join("final.txt"), &done).unwrap();
    let run = akaji_in(dir.path(), &["verify", "l.toml", "--final", "final.txt"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let half = done.replace("取組。\n- 19 -", "取り組み。\n- 19 -");
    fs::write(dir.path().join("final.txt"), half).unwrap();
    let run = akaji_in(dir.path(), &["verify", "l.toml", "--final", "final.txt"]);
    assert_eq!(run.code, 1, "P19 not changed: {}{}", run.stdout, run.stderr);
}
