//! Issue 13 on PDFs: the three published files as PDFs made by LibreOffice (testdata/pdf/make.py:
//! plan-b's draft and final line for line with their running heads in a real header and `- N -`
//! as a page-number footer, and its comment table, landscape, the header row repeated on every
//! page), through `akaji reconcile`, `redline --format docx` and `verify`; and the ICT2023 comment
//! table's PDF imported as its text is. Skipped (SKIPPED printed) without LibreOffice, reportlab
//! or PDFium, unless `CI` is set, as tests/pdf.rs is.

use super::set;
use crate::docx::part;
use crate::util::akaji_in;
use akaji::{Decision, Ledger};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn ledger(dir: &Path, name: &str) -> Ledger {
    Ledger::from_toml(&fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

/// A text as compared here: white space out (the PDF table reader joins a cell's lines, and
/// puts a space between two digits a line break separated).
fn squeeze(s: Option<&str>) -> String {
    s.unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect()
}

/// Two ledgers drafted from the same table, one from its text and one from its PDF: the same
/// decisions with the same edits, their texts the same up to white space.
fn same_decisions(from_text: &[Decision], from_pdf: &[Decision]) {
    assert_eq!(from_text.len(), from_pdf.len());
    for (t, p) in from_text.iter().zip(from_pdf) {
        assert_eq!((&t.id, &t.by, t.unexplained), (&p.id, &p.by, p.unexplained));
        for (a, b) in [(&t.at, &p.at), (&t.request, &p.request), (&t.response, &p.response)] {
            assert_eq!(squeeze(a.as_deref()), squeeze(b.as_deref()), "decision {}", t.id);
        }
        assert_eq!(t.edits, p.edits, "decision {}: the same edits", t.id);
    }
}

#[test]
fn the_three_file_workflow_on_pdfs_gives_the_ledger_of_the_texts() {
    let Some(pdfs) = crate::pdf::set() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (from, to) in [
        ("plan-b-draft.pdf", "案.pdf"),
        ("plan-b-final.pdf", "最終.pdf"),
        ("plan-b-comments.pdf", "意見及び考え方.pdf"),
    ] {
        fs::copy(pdfs.join(from), d.join(to)).unwrap();
    }
    for (from, to) in [("draft.txt", "案.txt"), ("final.txt", "最終.txt"), ("comments.tsv", "comments.tsv")] {
        fs::copy(set::path("plan-b", from), d.join(to)).unwrap();
    }
    let texts =
        akaji_in(d, &["reconcile", "comments.tsv", "--draft", "案.txt", "--final", "最終.txt", "-o", "texts.toml"]);
    let run = akaji_in(
        d,
        &["reconcile", "意見及び考え方.pdf", "--draft", "案.pdf", "--final", "最終.pdf", "-o", "ledger.toml"],
    );
    assert_eq!((texts.code, run.code), (1, 1), "a promise not kept, two changes no answer explains: {}", run.stderr);
    // The report is the texts' report line for line: the same pages and body lines, clues and
    // confidences (the first line names the files).
    let body = |s: &str| s.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(body(&run.stderr), body(&texts.stderr), "{}", run.stderr);
    assert!(run.stderr.contains("\n  not found    16  insert 「製造事業者を含む」 before 「供給者のセキュリティ対策」 (P4); not made: the draft's text still stands in the final at P4 L7\n"), "{}", run.stderr);
    assert!(run.stderr.contains("14 of 16 changes attributed, 2 no answer explains (P5, P8)\n"), "{}", run.stderr);
    same_decisions(&ledger(d, "texts.toml").decisions, &ledger(d, "ledger.toml").decisions);

    // The change-history version of the PDF draft, the promise not kept left out on purpose.
    let run =
        akaji_in(d, &["redline", "案.pdf", "ledger.toml", "--format", "docx", "-o", "変更履歴版.docx", "--partial"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("1 todo edit(s) left out (decision 16)"), "{}", run.stderr);
    let docx = fs::read(d.join("変更履歴版.docx")).unwrap();
    let document = part(&docx, "word/document.xml");
    for author in ["意見8（株式会社C）", "意見12（個人E）", "unexplained-1", "unexplained-2"] {
        assert!(document.contains(&format!("w:author=\"{author}\"")), "{author} is a revision's author");
    }
    // Word's "accept all" gives the published final's body (its heads are in the header).
    super::workflow::accept_all_gives(&d.join("変更履歴版.docx"), &d.join("最終.txt"));

    // The published final PDF verified against the ledger: every edit made; the todo knows its
    // new text, which the final lacks: missing_todo (issue 12.7).
    let run = akaji_in(d, &["verify", "ledger.toml", "--draft", "案.pdf", "--final", "最終.pdf"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("\nmissing_todo  16  by 株式会社C"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("12 applied, 0 missing, 0 different, 0 unanchored, 1 missing_todo, 0 unexplained changes\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_pdf_comment_table_imports_as_its_text_does() {
    let Some(pdfs) = crate::pdf::set() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The rows the PDF was made from, as a TSV.
    let truth: Value = serde_json::from_str(&fs::read_to_string(pdfs.join("comments.truth.json")).unwrap()).unwrap();
    let rows: Vec<String> = truth["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect::<Vec<_>>().join("\t"))
        .collect();
    fs::write(d.join("comments.tsv"), rows.join("\n") + "\n").unwrap();
    fs::copy(pdfs.join("comments.pdf"), d.join("comments.pdf")).unwrap();
    let text = akaji_in(d, &["import", "comments.tsv", "-o", "text.toml"]);
    let pdf = akaji_in(d, &["import", "comments.pdf", "-o", "pdf.toml"]);
    assert_eq!((text.code, pdf.code), (0, 0), "{}", pdf.stderr);
    assert!(pdf.stderr.contains("repeated header row(s) skipped"), "the header on every page: {}", pdf.stderr);
    let (text, pdf) = (ledger(d, "text.toml"), ledger(d, "pdf.toml"));
    assert_eq!(pdf.decisions.len(), rows.len() - 1, "one decision per row");
    same_decisions(&text.decisions, &pdf.decisions);
    let todo: Vec<&str> =
        pdf.decisions.iter().filter(|d| d.edits.iter().any(|e| e.is_todo())).map(|d| d.id.as_str()).collect();
    assert_eq!(todo, ["1", "2"], "ICT2023 Nos. 1 and 2 promise without giving text");
}
