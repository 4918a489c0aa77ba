//! Real readers: pandoc accepts and rejects the changes; LibreOffice opens, converts and
//! accepts them. Skipped when a tool is missing, unless CI is set.

use super::{content, docx, have, sample, thousand_edits};
use akaji::Redline;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

pub fn pandoc(file: &Path, mode: &str) -> String {
    let out = Command::new("pandoc")
        .args([&format!("--track-changes={mode}"), "-f", "docx", "-t", "plain", "--wrap=none"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "pandoc failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// pandoc's accept-all is the final and its reject-all the draft, up to layout: every
/// character of the body, white space aside (a paragraph's wraps are gone, its furniture is in
/// the header and footer), and there are fewer paragraphs than the draft has lines.
pub fn check_with_pandoc(r: &Redline) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("変更履歴版.docx");
    std::fs::write(&file, docx(r)).unwrap();
    let (accepted, rejected) = (pandoc(&file, "accept"), pandoc(&file, "reject"));
    assert!(content(&accepted) == content(r.new.text()), "accept all must give the final");
    assert!(content(&rejected) == content(r.old.text()), "reject all must give the draft");
    let paragraphs = rejected.lines().filter(|l| !l.trim().is_empty()).count();
    let lines = r.old.text().lines().filter(|l| !l.trim().is_empty()).count();
    assert!(paragraphs <= lines, "{paragraphs} paragraphs for {lines} lines");
}

#[test]
fn pandoc_accept_gives_the_final_and_reject_the_draft() {
    if !have("pandoc", "pandoc") {
        return;
    }
    check_with_pandoc(&sample());
}

#[test]
fn pandoc_round_trips_a_thousand_edits() {
    if !have("pandoc", "pandoc") {
        return;
    }
    check_with_pandoc(&thousand_edits());
}

/// Convert `file` with LibreOffice headless into `dir`; returns the output's path.
pub fn soffice(profile: &Path, file: &Path, to: &str, dir: &Path) -> std::path::PathBuf {
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    let ext = to.split(':').next().unwrap();
    let path = dir.join(file.with_extension(ext).file_name().unwrap());
    assert!(
        out.status.success() && path.exists(),
        "soffice --convert-to {to} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// The body text of an ODF document as LibreOffice saved it: tracked deletions live apart in
/// `text:tracked-changes`, so the body is the text with every change accepted. Also counts the
/// tracked changes by author.
pub fn odt_accepted(odt: &Path) -> (String, BTreeMap<String, usize>) {
    let file = std::fs::File::open(odt).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut xml).unwrap();
    let mut reader = Reader::from_str(&xml);
    let (mut text, mut authors) = (String::new(), BTreeMap::new());
    let (mut skip, mut in_creator, mut in_changes) = (0usize, false, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                b"text:tracked-changes" => in_changes = true,
                b"office:annotation" | b"text:sequence-decls" => skip += 1,
                b"dc:creator" if in_changes => in_creator = true,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"text:tracked-changes" => in_changes = false,
                b"office:annotation" | b"text:sequence-decls" => skip -= 1,
                b"dc:creator" => in_creator = false,
                b"text:p" | b"text:h" if !in_changes && skip == 0 => text.push('\n'),
                _ => {}
            },
            Event::Empty(e) if !in_changes && skip == 0 => match e.name().as_ref() {
                b"text:tab" => text.push('\t'),
                b"text:s" => text.push(' '),
                b"text:line-break" => text.push('\n'),
                b"text:p" | b"text:h" => text.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_creator => *authors.entry(t.unescape().unwrap().into_owned()).or_insert(0) += 1,
            Event::Text(t) if !in_changes && skip == 0 => text.push_str(&t.unescape().unwrap()),
            _ => {}
        }
    }
    (text, authors)
}

#[test]
fn libreoffice_opens_converts_and_accepts_to_the_final() {
    if !have("soffice", "libreoffice-writer") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let r = sample();
    let file = dir.path().join("sample.docx");
    std::fs::write(&file, docx(&r)).unwrap();

    let pdf = soffice(&profile, &file, "pdf", dir.path());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // Plain text shows tracked changes, not applied: both sides of every change are there.
    let txt = std::fs::read_to_string(soffice(&profile, &file, "txt:Text", dir.path())).unwrap();
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for h in &r.hunks {
        for side in [r.old_text(h), r.new_text(h)] {
            assert!(squeeze(&txt).contains(&squeeze(side)), "LibreOffice's text lacks 「{side}」:\n{txt}");
        }
    }

    let (accepted, authors) = odt_accepted(&soffice(&profile, &file, "odt", dir.path()));
    assert!(content(&accepted) == content(r.new.text()), "LibreOffice's accept-all is the final: {accepted}");
    // Every change is a tracked change by its decision: a replacement is two (deletion and
    // insertion), a deletion or insertion one; the unattributed move is akaji's.
    let expected: BTreeMap<String, usize> = [
        ("意見32（個人E）", 2),
        ("意見7（一般社団法人A）", 2),
        ("意見15", 1),
        ("意見12（個人B）", 2),
        ("意見40", 2),
        ("意見51（個人C）", 2),
        ("意見9（個人D）", 1),
        ("akaji", 2),
    ]
    .into_iter()
    .map(|(a, n)| (a.to_owned(), n))
    .collect();
    assert_eq!(authors, expected);

    let big = dir.path().join("thousand.docx");
    let r = thousand_edits();
    std::fs::write(&big, docx(&r)).unwrap();
    let (accepted, authors) = odt_accepted(&soffice(&profile, &big, "odt", dir.path()));
    assert!(content(&accepted) == content(r.new.text()), "LibreOffice's accept-all of a thousand edits is the final");
    assert_eq!(authors.len(), 97, "every decision's changes are tracked under its name");
}
