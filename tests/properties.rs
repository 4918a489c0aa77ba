//! Properties of apply on random drafts and random valid ledgers drawn from them (issue 10):
//! no panic; apply succeeds or names a problem; when it succeeds every promise stands in the
//! final, `verify --exact` passes, `verify` with the draft reports every decision applied, the
//! order of decisions does not matter, every redline format reads back both texts, and the
//! unified diff applies with `patch`.
//!
//! A few hundred cases each in `cargo test`; `PROPTEST_CASES=5000 cargo test properties`
//! runs more (README: "Proving it stays fixed").

use crate::util::cases;
use akaji::render::{render, Format, RenderOptions};
use akaji::verify::{self, Exact, Status, VerifyOptions};
use akaji::{Action, AnchorProblem, Count, Decision, Document, Edit, Kind, Ledger, Scope, Side};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// What drafts are made of: kanji, kana, Latin, full- and half-width forms, characters NFKC
/// expands, combining marks, emoji sequences, `- N -` footers, CRLF, lone CR, spaces.
const PIECES: &[&str] = &[
    "設置",
    "開催",
    "あたって",
    "当たって",
    "する",
    "に",
    "。",
    "、",
    "SaaS",
    "クラウド",
    "サービス",
    "ＡＩ",
    "AI",
    "（",
    "）",
    "(",
    "１２",
    "e\u{301}",
    "cafe",
    "👨\u{200d}👩\u{200d}👧",
    "🇯🇵",
    "👍🏽",
    "㈱",
    "ﬁ",
    "㍿",
    "ｶﾀｶﾅ",
    "⾏",
    "\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\n- 2 -\n",
    "\n- 3 -\n",
    "\t",
];

/// What new texts are made of.
const NEW: &[&str] =
    &["開催", "当", "さらに", "クラウド", "X", "（改）", "\n", "、", "AI", "ＡＩ", "e\u{301}", "㈱", "設置"];

fn draft() -> impl Strategy<Value = String> {
    (any::<bool>(), proptest::collection::vec(proptest::sample::select(PIECES), 1..40))
        .prop_map(|(bom, pieces)| format!("{}{}", if bom { "\u{feff}" } else { "" }, pieces.concat()))
}

/// One edit drawn from the draft: where its quote starts and ends (in pieces of the draft's
/// characters), what it does, its new text, whether it is scoped to the quote's page, its count.
#[derive(Debug, Clone)]
struct Drawn {
    start: usize,
    len: usize,
    kind: u8,
    new: Vec<&'static str>,
    scoped: bool,
    all: bool,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    (
        any::<usize>(),
        1usize..8,
        0u8..3,
        proptest::collection::vec(proptest::sample::select(NEW), 0..3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(start, len, kind, new, scoped, all)| Drawn { start, len, kind, new, scoped, all })
}

/// A valid ledger of edits whose quotes are taken from `text` (as it is read: without a byte
/// order mark); edits that the ledger itself would refuse are left out.
fn ledger_of(text: &str, width: bool, drawn: &[Drawn]) -> Ledger {
    let doc = Document::new(text, &akaji::PageMarker::default());
    let body = doc.text();
    let chars: Vec<usize> = body.char_indices().map(|(i, _)| i).chain([body.len()]).collect();
    let mut ledger = Ledger::default();
    ledger.options.match_width = width;
    for (i, d) in drawn.iter().enumerate() {
        if chars.len() < 2 {
            break;
        }
        let start = d.start % (chars.len() - 1);
        let end = (start + d.len).min(chars.len() - 1);
        let quote = &body[chars[start]..chars[end]];
        let new = d.new.concat();
        let edit = match d.kind {
            0 => Edit::replace(quote, new),
            1 => Edit::insert(Side::After, quote, new),
            _ => Edit::insert(Side::Before, quote, new),
        };
        let Ok(mut edit) = edit else { continue };
        if d.scoped {
            edit = edit.with_scope(Scope::on_pages(vec![doc.position(chars[start]).page]));
        }
        if d.all {
            edit = edit.with_count(Count::All);
        }
        ledger.decisions.push(Decision { id: format!("d{i}"), edits: vec![edit], ..Decision::default() });
    }
    ledger
}

/// The text of `range` of `doc` as the matcher reads it: white space and furniture lines out,
/// each character NFKC-folded when `width`.
fn read_as_matcher(doc: &Document, range: std::ops::Range<usize>, width: bool) -> String {
    let text = doc.text();
    let mut out = String::new();
    for (i, c) in text[range.clone()].char_indices() {
        if c.is_whitespace() || doc.is_furniture(doc.line_of(range.start + i)) {
            continue;
        }
        if width {
            out.extend(std::iter::once(c).nfkc().filter(|c| !c.is_whitespace()));
        } else {
            out.push(c);
        }
    }
    out
}

fn fold(s: &str, width: bool) -> String {
    let doc = Document::new(s, &akaji::PageMarker::new("^\u{0}never$").unwrap());
    read_as_matcher(&doc, 0..doc.text().len(), width)
}

/// Every property of one successful apply; `Err` says which failed.
fn check_success(text: &str, ledger: &Ledger) -> Result<(), TestCaseError> {
    let doc = Document::new(text, &ledger.options.page_marker);
    let Ok(applied) = akaji::apply(&doc, ledger) else { return Ok(()) };
    let fin = &applied.final_doc;
    let width = ledger.options.match_width;
    // The promise invariant, read independently: each edit's promised text stands where its
    // quote was.
    for e in &applied.edits {
        let before = e.old.start - e.anchor.start;
        let region = e.new.start - before..e.new.end + (e.anchor.end - e.old.end);
        let expected = match ledger.edit(e.edit).action() {
            Action::Replace { new, .. } => fold(new, width),
            Action::Insert { anchor, side: Side::After, new } => fold(anchor, width) + &fold(new, width),
            Action::Insert { anchor, side: Side::Before, new } => fold(new, width) + &fold(anchor, width),
            Action::Todo(_) => unreachable!("apply refuses todos"),
        };
        let lines = fin.line_of(e.new.start)..=fin.line_of(e.new.end);
        if lines.into_iter().any(|l| fin.is_furniture(l)) {
            continue;
        }
        prop_assert_eq!(read_as_matcher(fin, region, width), expected, "edit {:?}", e.edit);
    }
    // Order of decisions.
    let mut reversed = ledger.clone();
    reversed.decisions.reverse();
    let again = akaji::apply(&doc, &reversed).map(|a| a.final_doc.text().to_owned());
    prop_assert_eq!(again.as_deref().ok(), Some(fin.text()), "reversed decisions");
    // verify --exact, and verify with the draft.
    let published = Document::new(&format!("{}{}", fin.bom(), fin.text()), &ledger.options.page_marker);
    prop_assert!(matches!(verify::exact(ledger, &doc, &published), Exact::Same { .. }), "verify --exact");
    let report = verify::audit(ledger, &doc, &published, &VerifyOptions::default());
    for d in &report.decisions {
        prop_assert_eq!(d.status, Status::Applied, "verify with the draft: decision {} {:?}", &d.id, &d.edits);
    }
    // Every redline format reads back both texts.
    let redline = applied.redline();
    prop_assert_eq!(redline.check(), Ok(()));
    for format in [Format::Critic, Format::Json, Format::Html] {
        let mut out = Vec::new();
        render(&redline, format, &RenderOptions::default(), &mut out).unwrap();
        let back = akaji::roundtrip::read(format, &String::from_utf8(out).unwrap(), None)
            .map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
        prop_assert_eq!(&back.old, doc.text(), "{}: old", format);
        prop_assert_eq!(&back.new, fin.text(), "{}: new", format);
    }
    let mut out = Vec::new();
    render(&redline, Format::Unified, &RenderOptions::default(), &mut out).unwrap();
    let patched = akaji::roundtrip::apply_unified(text, &String::from_utf8(out).unwrap())
        .map_err(|e| TestCaseError::fail(format!("unified: {e}")))?;
    prop_assert_eq!(patched, format!("{}{}", fin.bom(), fin.text()), "unified");
    Ok(())
}

proptest! {
    #![proptest_config(cases(300))]

    /// Apply never panics, names a problem for every failure, and keeps every promise of a
    /// success, whatever the draft and however the edits overlap.
    #[test]
    fn apply_keeps_every_promise_or_names_a_problem(
        text in draft(),
        width in any::<bool>(),
        edits in proptest::collection::vec(drawn(), 1..5),
    ) {
        let ledger = ledger_of(&text, width, &edits);
        let doc = Document::new(&text, &ledger.options.page_marker);
        match akaji::apply(&doc, &ledger) {
            Ok(_) => check_success(&text, &ledger)?,
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in problems.iter() {
                    prop_assert!(!p.to_string().is_empty());
                    prop_assert!(!p.to_string().contains("this is a bug in akaji"), "{}", p);
                }
            }
        }
    }

    /// A ledger read a decision at a time, as a long ledger is read, is the ledger read whole.
    #[test]
    fn a_ledger_read_in_pieces_is_the_ledger_read_whole(
        text in draft(),
        width in any::<bool>(),
        edits in proptest::collection::vec(drawn(), 2..6),
    ) {
        let ledger = ledger_of(&text, width, &edits);
        prop_assume!(ledger.decisions.len() > 1);
        let toml = ledger.to_toml();
        prop_assert_eq!(Ledger::from_toml_in_pieces(&toml, 1), Some(Ok(ledger.clone())), "{}", toml);
        prop_assert_eq!(Ledger::from_toml(&toml), Ok(ledger));
    }

    /// One edit at a time: the property above, on ledgers that mostly succeed.
    #[test]
    fn a_single_edit_keeps_its_promise(text in draft(), width in any::<bool>(), edit in drawn()) {
        let ledger = ledger_of(&text, width, &[Drawn { all: true, ..edit }]);
        check_success(&text, &ledger)?;
    }
}

proptest! {
    #![proptest_config(cases(60))]

    /// The unified diff of a successful apply patches the draft file into the final with GNU
    /// patch (each case runs the program, so fewer cases).
    #[test]
    fn the_unified_diff_applies_with_patch(text in draft(), width in any::<bool>(), edit in drawn()) {
        let ledger = ledger_of(&text, width, &[Drawn { all: true, ..edit }]);
        let doc = Document::new(&text, &ledger.options.page_marker);
        let Ok(applied) = akaji::apply(&doc, &ledger) else { return Ok(()) };
        if applied.edits.is_empty() {
            return Ok(());
        }
        let mut out = Vec::new();
        render(&applied.redline(), Format::Unified, &RenderOptions { old_label: "t.txt".into(), new_label: "t.txt".into(), ..RenderOptions::default() }, &mut out).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.txt"), &text).unwrap();
        let mut child = std::process::Command::new("patch")
            .args(["-p1", "--batch", "--forward", "--quiet"])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("GNU patch is installed");
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), &out).unwrap();
        let status = child.wait_with_output().unwrap();
        prop_assert!(status.status.success(), "{}\n{}", String::from_utf8_lossy(&out), String::from_utf8_lossy(&status.stdout));
        let fin = applied.final_doc;
        prop_assert_eq!(std::fs::read(dir.path().join("t.txt")).unwrap(), format!("{}{}", fin.bom(), fin.text()).into_bytes());
    }
}

/// The generators give ledgers that apply often enough for the properties above to test
/// successes, not only refusals (a generator that only made broken ledgers would pass them
/// all): over a fixed run of cases, at least a third of single edits apply somewhere.
#[test]
fn the_generated_ledgers_mostly_apply() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = (draft(), any::<bool>(), drawn());
    let (mut applied, mut edits, total) = (0, 0, 500);
    for _ in 0..total {
        let (text, width, edit) = strategy.new_tree(&mut runner).unwrap().current();
        let ledger = ledger_of(&text, width, &[Drawn { all: true, ..edit }]);
        let doc = Document::new(&text, &ledger.options.page_marker);
        if let Ok(a) = akaji::apply(&doc, &ledger) {
            applied += usize::from(!a.edits.is_empty());
            edits += a.edits.len();
        }
    }
    eprintln!("{applied} of {total} ledgers applied one edit or more, {edits} edits in all");
    assert!(applied * 3 >= total, "only {applied} of {total} applied");
}

/// A ledger of one-edit decisions, each `(old, new)` a replacement found anywhere once.
fn replacements(edits: &[(&str, &str)]) -> Ledger {
    let mut ledger = Ledger::default();
    for (i, (old, new)) in edits.iter().enumerate() {
        let edit = Edit::replace(*old, *new).unwrap();
        ledger.decisions.push(Decision { id: format!("{i}"), edits: vec![edit], ..Default::default() });
    }
    ledger
}

/// What the apply fuzz target found (fuzz/seeds/apply/verify-disagrees-*), each a failure of the
/// properties above on main: verify with the draft called a kept promise `different` where the
/// final, read afresh, no longer set apart a running head the expected final kept from the
/// draft (a head above the heading the edit revised; a page whose furniture holds blank lines
/// only), and apply wrote a final opening with U+FEFF, which reads back as a byte order mark.
#[test]
fn the_fuzzers_finds_keep_their_promises() {
    let cases: [(&str, &[(&str, &str)]); 3] = [
        ("\tI\nI\n\u{11}\n\ti\u{fffd}JJJ\u{fffd} ", &[("I", "\u{fffd}\0r"), ("i", "\u{fffd}\0r")]),
        (
            "\u{feff}cc\u{19}i\tI\n\n\n\n\n\n\u{fffd}\u{fffd}\u{7f}\u{fffd}\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\u{b}\n\n\u{3}\u{fffd}\n\u{fffd}\n\n\u{c}\n\n\n\n\n\u{3}\u{fffd}\n\n\n第\u{fffd}\u{fffd}3\u{fffd}\u{a0}\t\u{fffd}\u{fffd},\u{fffd}\u{fffd}\u{fffd}'株\t(\u{fffd}\n置\u{fffd}\u{7f}\u{fffd}\u{fffd}\n\n\u{c}\n\n\n\n\n\u{3}\u{fffd}\n\n\n\u{fffd}\u{7f}\n\n\u{c}\n\n\n\n\n\u{3}\t新\nr\tにあた\u{fffd}r\u{fffd}て",
            &[("i", "\u{fffd}\0r"), ("\u{fffd}\u{3}\u{fffd}", "x")],
        ),
        (
            "\u{feff}cc\u{19}i\tI\n\n\n\n\n\n\u{fffd}\u{fffd}\u{7f}\u{fffd}\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\u{b}\n\n\u{3}\u{fffd}\n\n\n\u{c}\n\n\n\n\n\u{3}\u{fffd}\n\n\u{1f}\u{fffd}栠\t(\u{fffd}\n\u{fffd}ぬ\u{fffd}\u{7f}\u{fffd}\n-\n\n@\u{fffd}'\u{fffd}3\u{fffd}\u{a0}\t\u{fffd},\u{fffd}'株\t(\u{fffd}\n置\u{8}\u{11}\u{7f}\u{fffd}\n\n\u{c}\n\n\n\n\n\u{3}\u{fffd}\n\n\n\u{fffd}\u{7f}\n\n\u{c}\n\n\n\n\n\u{3}\t新\n\u{fffd}r@",
            &[("\u{fffd}\u{3}\u{fffd}", "x")],
        ),
    ];
    for (text, edits) in cases {
        let ledger = replacements(edits);
        let doc = Document::new(text, &ledger.options.page_marker);
        assert!(akaji::apply(&doc, &ledger).is_ok(), "{text:?}");
        check_success(text, &ledger).unwrap();
    }
    // An insertion that would open the final with U+FEFF is refused, naming why.
    let mut ledger = Ledger::default();
    let edit = Edit::insert(Side::Before, "ua", "\u{feff}ca").unwrap();
    ledger.decisions.push(Decision { id: "1".into(), edits: vec![edit], ..Default::default() });
    let doc = Document::new("ua\ti\tI\n", &ledger.options.page_marker);
    let problems = akaji::apply(&doc, &ledger).map(|_| ()).unwrap_err();
    assert!(
        matches!(
            problems.iter().next().map(|p| &p.kind),
            Some(Kind::Anchor(AnchorProblem::OpensWithByteOrderMark { .. }))
        ),
        "{problems:?}"
    );
    assert!(problems.to_string().contains("byte order mark"), "{problems}");
}

/// The reader of the `apply` fuzz target's inputs, shared with it.
#[path = "../fuzz/src/edit_lines.rs"]
mod edit_lines;

/// Every seed of the `apply` fuzz target, the inputs it found among them, holds the properties
/// above: a fuzzer's find stays fixed in `cargo test`, not only in the fuzzer.
#[test]
fn every_seed_of_the_apply_fuzzer_keeps_its_promises() {
    let dir = crate::util::root().join("fuzz/seeds/apply");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let found = seeds.iter().filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("found-")).count();
    assert!(found >= 12, "the inputs the fuzzer found are kept as seeds: {found}");
    for seed in &seeds {
        let bytes = std::fs::read(seed).unwrap();
        let (draft, spec) = match bytes.iter().position(|&b| b == 0) {
            Some(i) => (&bytes[..i], &bytes[i + 1..]),
            None => (&bytes[..], &[][..]),
        };
        let (draft, spec) = (String::from_utf8_lossy(draft), String::from_utf8_lossy(spec));
        let ledger = edit_lines::ledger(&spec);
        if ledger.decisions.is_empty() {
            continue;
        }
        check_success(&draft, &ledger).unwrap_or_else(|e| panic!("{}: {e}", seed.display()));
    }
}
