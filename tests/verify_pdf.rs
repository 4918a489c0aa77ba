//! `akaji verify` on PDF finals made by LibreOffice (testdata/pdf/make.py: testdata/verify's
//! draft and finals line for line, the plan's title atop every page set as the page's real
//! header, `- N -` as its footer): a PDF final reads as its text does, with the draft (a PDF or
//! the text) and without it by the lock `apply --lock` wrote from the PDF draft.

use crate::pdf::set;
use crate::util::{akaji_in, testdata};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// `akaji verify ARGS --format json` in `dir`: the exit status and the report.
fn verify_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["verify"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = akaji_in(dir, &all);
    let v = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    (run.code, v)
}

/// Two texts and a place's page and line.
type Verdict = (String, String, Value, Value);

/// Each decision's (id, status, page and line of its first place in the final), and each
/// unexplained change's (draft text, final text, final page, line).
fn verdicts(r: &Value) -> (Vec<Verdict>, Vec<Verdict>) {
    let decisions = r["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let place = &d["edits"][0]["findings"][0]["final"];
            (
                d["id"].as_str().unwrap().into(),
                d["status"].as_str().unwrap().into(),
                place["page"].clone(),
                place["line"].clone(),
            )
        })
        .collect();
    let changes = r["unexplained"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let text = |v: &Value| v["text"].as_str().unwrap().to_owned();
            (text(&u["draft"]), text(&u["final"]), u["final"]["page"].clone(), u["final"]["line"].clone())
        })
        .collect();
    (decisions, changes)
}

/// Each decision's (id, status).
fn statuses(decisions: &[Verdict]) -> Vec<(&str, &str)> {
    decisions.iter().map(|(id, s, _, _)| (id.as_str(), s.as_str())).collect()
}

/// The statuses of final-broken's decisions (8 forgotten, 15 made differently), decision 27's
/// as given.
fn broken(d27: &'static str) -> [(&'static str, &'static str); 7] {
    let a = "applied";
    [("3", a), ("8", "missing"), ("12", a), ("15", "different"), ("21", a), ("27", d27), ("30", a)]
}

/// testdata/verify copied into a temporary folder with the PDFs beside the texts, so that a
/// lock can be written beside a ledger.
fn work(pdfs: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(testdata("verify")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    for name in ["verify-draft", "verify-final-broken", "verify-final-fixed"] {
        fs::copy(pdfs.join(format!("{name}.pdf")), dir.path().join(format!("{name}.pdf"))).unwrap();
    }
    dir
}

#[test]
fn a_pdf_final_is_verified_as_its_text_with_the_draft() {
    let Some(pdfs) = set() else { return };
    let dir = work(pdfs);
    let d = dir.path();
    let text = verify_in(d, &["ledger-broken.toml", "--draft", "draft.txt", "--final", "final-broken.txt"]);
    assert_eq!(text.0, 1);
    let (decisions, changes) = verdicts(&text.1);
    // The text's verdicts, the truth of tests/verify.rs: 8 missing, 15 different, 27 unanchored,
    // two unexplained changes, the rest applied.
    assert_eq!(statuses(&decisions), broken("unanchored"));
    assert_eq!(changes.len(), 2, "{changes:?}");
    for draft in ["draft.txt", "verify-draft.pdf"] {
        let pdf = verify_in(d, &["ledger-broken.toml", "--draft", draft, "--final", "verify-final-broken.pdf"]);
        assert_eq!(pdf.0, 1, "{draft}");
        // The same verdicts at the same pages and body lines: the PDF's header is a running
        // head, its footer the page number, neither a line nor a change.
        assert_eq!(verdicts(&pdf.1), (decisions.clone(), changes.clone()), "draft {draft}");
        assert_eq!(pdf.1["layout"]["running_heads"][0], "地域サイバーセキュリティ推進計画2024（案）");
    }
    let (code, r) = verify_in(d, &["ledger.toml", "--draft", "verify-draft.pdf", "--final", "verify-final-fixed.pdf"]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["summary"]["applied"], 7);
    assert_eq!(r["summary"]["unexplained"], 0);
}

#[test]
fn a_pdf_final_is_verified_by_the_lock_of_a_pdf_draft() {
    let Some(pdfs) = set() else { return };
    let dir = work(pdfs);
    let d = dir.path();
    let run = akaji_in(d, &["apply", "verify-draft.pdf", "ledger.toml", "--lock", "-o", "out.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lock = fs::read_to_string(d.join("ledger.toml.lock")).unwrap();
    // Decision 3 on page 1, body line 6: the header above it is not counted.
    assert!(lock.contains("decision = \"3\"\nedit = 1\n") && lock.contains("page = 1\nline = 6\n"), "{lock}");
    let (code, r) = verify_in(d, &["ledger.toml", "--without-draft", "--final", "verify-final-fixed.pdf"]);
    assert_eq!((code, &r["summary"]["applied"]), (0, &Value::from(7)), "{r}");
    let (code, r) = verify_in(d, &["ledger.toml", "--without-draft", "--final", "verify-final-broken.pdf"]);
    assert_eq!(code, 1);
    let (decisions, _) = verdicts(&r);
    // 27 is made in the final, where ledger.toml (not the broken ledger) anchors it.
    assert_eq!(statuses(&decisions), broken("applied"));
    assert_eq!((&decisions[1].2, &decisions[1].3), (&Value::from(2), &Value::from(5)), "8 stands at P2 L5");
    assert_eq!(r["files"]["lock"], "ledger.toml.lock");
}
