//! `akaji diff` compares documents with pages by content (issue 11 part 6): on the verify set,
//! where every final is its draft re-wrapped, re-paginated and re-headed with known changes of
//! content (testdata/verify-set/README.md), the content hunks are those changes and nothing
//! else; `--keep-layout` and `unified` stay literal.

use crate::util::{akaji, testdata};
use akaji::diff::DiffOptions;
use akaji::{Document, LineRole, PageMarker};
use serde_json::Value;

/// The content offset (chars, layout out, as the set's README counts them) of byte `at`:
/// white space, running heads and footers are layout; `- i -` (plan-d's contents page) is
/// content to the set and a page number to akaji, so it is counted.
fn content_offset(doc: &Document, at: usize) -> usize {
    let mut n = 0;
    for l in 0..doc.line_count() {
        let range = doc.line_range(l);
        if range.start >= at {
            break;
        }
        let counted =
            !doc.is_furniture(l) || (doc.role(l) == LineRole::PageNumber && doc.line_text(l).trim() == "- i -");
        if counted {
            let end = range.end.min(at);
            n += doc.text()[range.start..end].chars().filter(|c| !c.is_whitespace()).count();
        }
    }
    n
}

/// A change of the truth: its draft and final content ranges, and where it may slide.
type Change = ([usize; 2], [usize; 2], Option<[usize; 2]>);

fn overlaps(a: [usize; 2], b: [usize; 2], slide: Option<[usize; 2]>) -> bool {
    let (lo, hi) = slide.map_or((b[0], b[1]), |s| (s[0].min(b[0]), s[1].max(b[1])));
    a[0] <= hi && lo <= a[1]
}

#[test]
fn content_hunks_are_the_verify_sets_changes() {
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(testdata("verify-set/index.json")).unwrap()).unwrap();
    let m = PageMarker::default();
    let (mut finals, mut changes, mut found, mut extra) = (0, 0, 0, Vec::new());
    for f in index["finals"].as_array().unwrap() {
        let truth: Value = serde_json::from_str(
            &std::fs::read_to_string(testdata(&format!("verify-set/{}", f["truth"].as_str().unwrap()))).unwrap(),
        )
        .unwrap();
        let plan = f["plan"].as_str().unwrap();
        let read = |name: &str| std::fs::read_to_string(testdata(&format!("verify-set/{plan}/{name}"))).unwrap();
        let (draft, fin) =
            (Document::new(&read("draft.txt"), &m), Document::new(&read(truth["final"].as_str().unwrap()), &m));
        let d = akaji::diff_content(&draft, &fin, &DiffOptions::default());
        let hunks: Vec<([usize; 2], [usize; 2])> = d
            .hunks
            .iter()
            .filter(|h| !h.layout)
            .map(|h| {
                let o = [content_offset(&draft, h.old.start), content_offset(&draft, h.old.end)];
                let n = [content_offset(&fin, h.new.start), content_offset(&fin, h.new.end)];
                (o, n)
            })
            .collect();
        let truth_changes: Vec<Change> = truth["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let pair = |v: &Value| [v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize];
                let slide = c["unexplained"].as_u64().and_then(|u| {
                    let s = &truth["unexplained"][u as usize]["slide"];
                    s.is_array().then(|| pair(s))
                });
                (pair(&c["draft"]), pair(&c["final"]), slide)
            })
            .collect();
        finals += 1;
        changes += truth_changes.len();
        for (o, n, slide) in &truth_changes {
            if hunks.iter().any(|(ho, hn)| overlaps(*ho, *o, *slide) && overlaps(*hn, *n, None)) {
                found += 1;
            }
        }
        for (ho, hn) in &hunks {
            if !truth_changes.iter().any(|(o, n, slide)| overlaps(*ho, *o, *slide) && overlaps(*hn, *n, None)) {
                extra.push(format!("{}: draft {ho:?} final {hn:?}", f["final"]));
            }
        }
    }
    eprintln!(
        "verify set: {finals} finals, {found}/{changes} changes found by content hunks, {} hunk(s) beyond them",
        extra.len()
    );
    assert_eq!(found, changes);
    assert!(extra.is_empty(), "{}", extra.join("\n"));
}

#[test]
fn a_relaid_out_final_is_the_same_content_and_keep_layout_is_literal() {
    // final-02 of every plan makes no change: the draft laid out again.
    for plan in ["plan-b", "plan-c", "plan-d", "sample"] {
        let (draft, fin) = (format!("verify-set/{plan}/draft.txt"), format!("verify-set/{plan}/final-02.txt"));
        let same = akaji(&["diff", &draft, &fin, "--format", "json"]);
        assert_eq!(same.code, 0, "{plan}: {}", same.stderr);
        let json: Value = serde_json::from_str(&same.stdout).unwrap();
        let hunks = json["hunks"].as_array().unwrap();
        assert!(!hunks.is_empty() && hunks.iter().all(|h| h["layout"] == true), "{plan}: only layout");
        let literal = akaji(&["diff", &draft, &fin, "--keep-layout", "--format", "json"]);
        assert_eq!(literal.code, 1, "{plan}");
        let unified = akaji(&["diff", &draft, &fin, "--format", "unified"]);
        assert_eq!(unified.code, 1, "{plan}: unified is literal");
        let ansi = akaji(&["diff", &draft, &fin]);
        assert!(ansi.stdout.ends_with("no changes\n"), "{plan}: {}", ansi.stdout);
    }
}

/// A comparison of content keeps the layout as layout hunks, so every format that gives both
/// texts back still does, byte for byte.
#[test]
fn both_texts_come_back_from_a_comparison_of_content() {
    use akaji::render::{render, Format, RenderOptions};
    let m = PageMarker::default();
    let read = |p: &str| std::fs::read_to_string(testdata(p)).unwrap();
    for (a, b) in [
        ("verify-set/plan-b/draft.txt", "verify-set/plan-b/final-03.txt"),
        ("verify-set/plan-c/draft.txt", "verify-set/plan-c/final-05.txt"),
    ] {
        let (old, new) = (Document::new(&read(a), &m), Document::new(&read(b), &m));
        let d = akaji::diff_content(&old, &new, &DiffOptions::default());
        let r = akaji::Redline::new(&old, &new, d.hunks);
        assert_eq!(r.check(), Ok(()));
        for format in [Format::Critic, Format::Json, Format::Html] {
            let mut out = Vec::new();
            render(&r, format, &RenderOptions::default(), &mut out).unwrap();
            let back = akaji::roundtrip::read(format, std::str::from_utf8(&out).unwrap(), None).unwrap();
            assert!(back.old == old.text() && back.new == new.text(), "{format} of {b}");
        }
    }
}
