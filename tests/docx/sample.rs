//! The project's sample (testdata/sample) end to end: `akaji redline … --format docx`, read back
//! by pandoc, LibreOffice and akaji; and a draft saved as .docx by LibreOffice, applied.

use super::readers::{check_with_pandoc, odt_accepted, soffice};
use super::write::pretty;
use super::{content, docx, have, part};
use crate::util::{akaji_in, testdata};
use akaji::docx::read;
use akaji::{Document, Ledger, Redline};
use std::collections::BTreeSet;

fn load_ledger() -> Ledger {
    Ledger::from_toml(&std::fs::read_to_string(testdata("sample/ledger.toml")).unwrap()).unwrap()
}

/// `f` of the sample's redline (which borrows the draft and the ledger read here).
fn with_sample_redline<T>(f: impl FnOnce(&Redline) -> T) -> T {
    let ledger = load_ledger();
    let text = std::fs::read_to_string(testdata("sample/draft.txt")).unwrap();
    let draft = Document::new(&text, &ledger.options.page_marker);
    f(&akaji::apply(&draft, &ledger).unwrap().redline())
}

/// The `word/document.xml` of the sample's redline.
fn sample_document_xml() -> String {
    with_sample_redline(|r| part(&docx(r), "word/document.xml"))
}

fn final_text() -> String {
    std::fs::read_to_string(testdata("sample/final.txt")).unwrap()
}

/// `akaji redline` writes the docx; returns its bytes.
fn redline_with_the_cli(dir: &std::path::Path) -> Vec<u8> {
    let out = dir.join("変更履歴版.docx");
    let (draft, ledger) = (testdata("sample/draft.txt"), testdata("sample/ledger.toml"));
    let args = [draft.to_str().unwrap(), ledger.to_str().unwrap(), "--format", "docx", "-o", out.to_str().unwrap()];
    let run = akaji_in(dir, &[&["redline"], &args[..]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read(out).unwrap()
}

#[test]
fn the_cli_writes_the_samples_change_history() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = redline_with_the_cli(dir.path());
    let back = read(&bytes).unwrap();
    assert!(content(&back.text) == content(&final_text()), "every change accepted gives final.txt, up to layout");
    let authors: BTreeSet<&str> = back.changes.iter().filter_map(|c| c.author.as_deref()).collect();
    let ledger = load_ledger();
    let labels: BTreeSet<String> = ledger.decisions.iter().filter(|d| !d.edits.is_empty()).map(|d| d.label()).collect();
    assert_eq!(authors, labels.iter().map(String::as_str).collect(), "every change is by its decision");
    assert!(back.changes.iter().all(|c| c.date.as_deref() == Some("2023-08-25T00:00:00Z")));
}

/// The paragraphs of the sample's document.xml that hold a change, numbered (the others are
/// the draft's lines as they are).
#[test]
fn the_samples_changed_paragraphs() {
    let xml = pretty(&sample_document_xml());
    let mut out = String::new();
    let mut para = (0, String::new());
    for line in xml.lines() {
        if line == "  <w:p>" {
            para = (para.0 + 1, String::new());
        }
        para.1.push_str(line);
        para.1.push('\n');
        if line == "  </w:p>" && (para.1.contains("<w:ins ") || para.1.contains("<w:del ")) {
            out.push_str(&format!("paragraph {}:\n{}", para.0, para.1));
        }
    }
    // One Word paragraph per paragraph of draft.txt (no decision of the sample adds or removes
    // one), the page numbers in the footer, Word's own pagination.
    let draft = Document::new(&std::fs::read_to_string(testdata("sample/draft.txt")).unwrap(), &Default::default());
    assert_eq!(xml.matches("<w:p>").count(), draft.paragraphs().len(), "one Word paragraph per paragraph");
    assert!(draft.paragraphs().len() < draft.line_count() - 14, "fewer paragraphs than lines");
    assert_eq!(xml.matches("<w:pageBreakBefore/>").count(), 0);
    assert!(xml.contains("<w:footerReference"), "the page numbers are a footer");
    insta::assert_snapshot!("sample_changed_paragraphs", out);
}

#[test]
fn pandoc_accepts_the_sample_to_final_txt_and_rejects_it_to_draft_txt() {
    if have("pandoc", "pandoc") {
        with_sample_redline(check_with_pandoc);
    }
}

#[test]
fn libreoffice_accepts_the_sample_and_a_draft_it_saved_applies() {
    if !have("soffice", "libreoffice-writer") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let file = dir.path().join("sample.docx");
    std::fs::write(&file, redline_with_the_cli(dir.path())).unwrap();
    let (accepted, authors) = odt_accepted(&soffice(&profile, &file, "odt", dir.path()));
    assert!(content(&accepted) == content(&final_text()), "LibreOffice's accept-all is final.txt: {accepted}");
    assert_eq!(authors.len(), 9, "nine decisions make changes: {authors:?}");

    // A .docx draft written by a word processor (not by akaji) is read as its text.
    let txt = dir.path().join("draft.txt");
    std::fs::copy(testdata("sample/draft.txt"), &txt).unwrap();
    let docx = soffice(&profile, &txt, "docx:MS Word 2007 XML", dir.path());
    std::fs::copy(testdata("sample/ledger.toml"), dir.path().join("ledger.toml")).unwrap();
    let run = akaji_in(dir.path(), &["apply", docx.to_str().unwrap(), "ledger.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("final.txt")).unwrap(), final_text());
}

#[test]
fn akaji_diff_writes_a_docx_that_pandoc_accepts_to_the_new_text() {
    if !have("pandoc", "pandoc") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("changes.docx");
    let (old, new) = (testdata("sample/draft.txt"), testdata("sample/final.txt"));
    let run =
        akaji_in(dir.path(), &["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "the texts differ: {}", run.stderr);
    let accepted = super::readers::pandoc(&out, "accept");
    let rejected = super::readers::pandoc(&out, "reject");
    assert!(content(&accepted) == content(&final_text()), "pandoc's accept-all is final.txt");
    let draft = std::fs::read_to_string(&old).unwrap();
    assert!(content(&rejected) == content(&draft), "pandoc's reject-all is draft.txt");
    let back = read(&std::fs::read(&out).unwrap()).unwrap();
    assert!(back.changes.iter().all(|c| c.author.as_deref() == Some("akaji")), "a plain diff names no decision");
}
