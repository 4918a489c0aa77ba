//! Issue 10: an edit's promise is never broken by another edit, never by half a character,
//! never by a line break written twice; and nothing a user writes makes apply panic.

use crate::util::akaji_in;
use akaji::{AnchorProblem, ConflictKind, Diagnostics, Document, Kind, Ledger};
use std::fs;

fn ledger(toml: &str) -> Ledger {
    Ledger::from_toml(toml).unwrap()
}

fn apply(draft: &str, toml: &str) -> Result<String, Diagnostics> {
    akaji::apply_text(draft, &ledger(toml))
}

fn anchor_problems(d: &Diagnostics) -> Vec<&AnchorProblem> {
    d.iter()
        .map(|p| match &p.kind {
            Kind::Anchor(a) => a,
            other => panic!("{other:?}"),
        })
        .collect()
}

/// Run `akaji apply` on a draft and a ledger written to a fresh folder.
fn cli_apply(draft: &str, toml: &str) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), draft).unwrap();
    fs::write(dir.path().join("ledger.toml"), toml).unwrap();
    akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"])
}

/// A run refused (exit 2) for a conflict whose message holds `named` (both decisions) and
/// `shared` (the text both quote).
fn assert_conflict(run: &crate::util::Run, named: &str, shared: &str) {
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(named), "both decisions named: {}", run.stderr);
    assert!(run.stderr.contains(shared), "the shared span: {}", run.stderr);
}

const TWO_REPLACEMENTS: &str = "[[decision]]\nid = \"B\"\n[[decision.edit]]\nold = \"甲、乙\"\nnew = \"丙、乙\"\n\
    [[decision]]\nid = \"A\"\n[[decision.edit]]\nold = \"乙\"\nnew = \"丁\"\n";

/// Issue 10.1, first example: B's promise 「丙、乙」 would be broken by A (today 「丙、丁」, exit 0).
#[test]
fn a_change_inside_another_quote_is_a_conflict() {
    let run = cli_apply("甲、乙\n", TWO_REPLACEMENTS);
    assert_conflict(
        &run,
        "decision A, edit 1: changes text that decision B, edit 1 quotes",
        "both quote: P1 L1:3  …甲、【乙】",
    );
    assert!(run.stderr.contains("merge the two edits into one"), "what to do: {}", run.stderr);
}

/// Issue 10.1, second example: 「設置」→「新設置」 and 「設置」→「開催」 gave 「新開催」.
#[test]
fn an_insertion_and_a_replacement_of_one_quote_conflict() {
    let p = apply(
        "本部を設置する。\n",
        "[[decision]]\nid = \"A\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"新設置\"\n\
         [[decision]]\nid = \"B\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n",
    )
    .unwrap_err();
    assert!(
        matches!(anchor_problems(&p)[..], [AnchorProblem::Conflict { how: ConflictKind::ChangesOtherQuote, .. }]),
        "{p:?}"
    );
}

/// Issue 10.1, third example: `before = "ねり。"` inserts inside `after = "しねり。"`'s quote
/// (gave 「しYねり。X」).
#[test]
fn an_insertion_inside_another_quote_is_a_conflict() {
    let run = cli_apply(
        "しねり。\n",
        "[[decision]]\nid = \"A\"\n[[decision.edit]]\nafter = \"しねり。\"\nnew = \"X\"\n\
         [[decision]]\nid = \"B\"\n[[decision.edit]]\nbefore = \"ねり。\"\nnew = \"Y\"\n",
    );
    assert_conflict(&run, "decision B, edit 1: inserts inside text that decision A, edit 1 quotes", "…し【ねり。】");
}

/// Quotes that overlap while each change stays outside the other's quote are compatible: both
/// promised texts stand.
#[test]
fn overlapping_quotes_with_changes_apart_both_stand() {
    // Both quote 「の」: one changes 「設置」, the other inserts 「案」 after 「の」.
    let two = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置の\"\nnew = \"開催の\"\n\
               [[decision]]\nid = \"2\"\n[[decision.edit]]\nold = \"の件\"\nnew = \"の案件\"\n";
    let out = apply("設置の件\n", two).unwrap();
    assert_eq!(out, "開催の案件\n");
    assert!(out.contains("開催の") && out.contains("の案件"));
    // A third edit inserting right after 「の」 would be inside the second quote: a conflict.
    let three = format!("{two}[[decision]]\nid = \"3\"\n[[decision.edit]]\nafter = \"設置の\"\nnew = \"、\"\n");
    let p = apply("設置の件\n", &three).unwrap_err();
    assert!(matches!(anchor_problems(&p)[..], [AnchorProblem::Conflict { .. }]), "{p:?}");
}

/// Issue 10.3: a typo whose near-miss search sliced inside 「章」 (exit 101).
#[test]
fn a_near_miss_across_wide_characters_does_not_panic() {
    let run =
        cli_apply("5章の設置\n", "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"第5章\"\nnew = \"第6章\"\n");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("nearest text in scope: P1 L1:1  …【5章】の設置"), "{}", run.stderr);
    assert!(run.stderr.contains("differs at its character 1: the ledger has 「第」"), "{}", run.stderr);
}

const WIDTH: &str = "[options]\nmatch_width = true\n[[decision]]\nid = \"1\"\n[[decision.edit]]\n";

/// Issue 10.3 and 10.4: characters whose NFKC form is several characters, with match_width.
/// Part of one is no match (「ﬁle」 with i→I gave 「Ile」; 「㈱ABC社」 with (株→(有 gave
/// 「有ABC社」), and the message says why; a quote of the whole character works.
#[test]
fn part_of_an_expanding_character_is_no_match() {
    for (draft, old, new) in
        [("ﬁle\n", "i", "I"), ("㈱ABC社\n", "(株", "(有"), ("㍿ABC\n", "株式", "合同"), ("㍿ABC\n", "会社A", "X")]
    {
        let p = apply(draft, &format!("{WIDTH}old = \"{old}\"\nnew = \"{new}\"\n")).unwrap_err();
        assert!(matches!(anchor_problems(&p)[..], [AnchorProblem::PartOfCharacter { .. }]), "{draft} {old}: {p:?}");
        let text = p[0].to_string();
        assert!(text.contains("only as part of a character") && text.contains("quote the whole character"), "{text}");
    }
    assert_eq!(apply("㈱ABC社\n", &format!("{WIDTH}old = \"(株)ABC\"\nnew = \"(有)ABC\"\n")).unwrap(), "(有)ABC社\n");
    // A change inside the quote that would cut 「ﬁ」 takes the whole character (here the whole
    // Latin word, a unit of its own).
    assert_eq!(apply("ﬁle\n", &format!("{WIDTH}old = \"file\"\nnew = \"fxle\"\n")).unwrap(), "fxle\n");
    assert_eq!(apply("㍿ABC\n", &format!("{WIDTH}old = \"株式会社\"\nnew = \"合同会社\"\n")).unwrap(), "合同会社ABC\n");
}

/// Issue 10.4: an edit never splits a grapheme cluster: 「cafe」 + U+0301 is 「café」, and
/// `old = "cafe"` must not leave the accent on 「bar」; an insertion never goes inside a ZWJ
/// emoji sequence.
#[test]
fn an_edit_never_splits_a_grapheme_cluster() {
    let p =
        apply("cafe\u{301} au lait\n", "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"cafe\"\nnew = \"bar\"\n")
            .unwrap_err();
    assert!(matches!(anchor_problems(&p)[..], [AnchorProblem::PartOfCharacter { .. }]), "{p:?}");
    let family = "👨\u{200d}👩\u{200d}👧";
    for side in ["after", "before"] {
        let p = apply(
            &format!("家族{family}です\n"),
            &format!("[[decision]]\nid = \"1\"\n[[decision.edit]]\n{side} = \"👩\"\nnew = \"X\"\n"),
        )
        .unwrap_err();
        assert!(matches!(anchor_problems(&p)[..], [AnchorProblem::PartOfCharacter { .. }]), "{side}: {p:?}");
    }
    let out = apply(
        &format!("家族{family}です\n"),
        &format!("[[decision]]\nid = \"1\"\n[[decision.edit]]\nafter = \"{family}\"\nnew = \"X\"\n"),
    )
    .unwrap();
    assert_eq!(out, format!("家族{family}Xです\n"));
    // Replacing the accented letter's base alone would leave a bare U+0301: the change takes
    // the whole cluster.
    let out = apply(
        "cafe\u{301}s\n",
        "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"cafe\u{301}s\"\nnew = \"cafes\"\n",
    )
    .unwrap();
    assert_eq!(out, "cafes\n");
}

/// Issue 10.5: a line break that `old` and `new` both write where the draft breaks is the
/// draft's, kept once (it gave a blank line).
#[test]
fn a_shared_line_break_is_written_once() {
    let toml = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\\nする\"\nnew = \"開催\\nする\"\n";
    assert_eq!(apply("本部を設置\nする。\n", toml).unwrap(), "本部を開催\nする。\n");
    assert_eq!(apply("本部を設置\r\nする。\r\n", toml).unwrap(), "本部を開催\r\nする。\r\n", "the draft's CRLF");
    let trailing = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\\n\"\nnew = \"開催\\n\"\n";
    assert_eq!(apply("本部を設置\nする。\n", trailing).unwrap(), "本部を開催\nする。\n");
    // A break `new` adds where `old` has none is new text.
    let added = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置する\"\nnew = \"開催し、\\nする\"\n";
    assert_eq!(apply("本部を設置する。\n", added).unwrap(), "本部を開催し、\nする。\n");
}

/// Issue 10.2: the promise is checked in apply itself; a final that passed holds every promise.
#[test]
fn every_applied_edit_keeps_its_promise() {
    let l = ledger(
        "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"SaaSサービス\"\nnew = \"クラウドサービス\"\n\
         [[decision.edit]]\nafter = \"検討する。\"\nnew = \"追記。\"\n",
    );
    let draft = Document::new("SaaS\nサービスを検討する。\n", &l.options.page_marker);
    let applied = akaji::apply(&draft, &l).unwrap();
    assert_eq!(applied.final_doc.text(), "クラウド\nサービスを検討する。追記。\n");
}

/// Found by the fuzzer: `old` and `new` that differ only in white space resolved to an empty
/// change (the redline held an empty hunk, and apply "succeeded" changing nothing).
#[test]
fn an_edit_that_changes_only_white_space_says_it_changes_nothing() {
    let p = apply("cafe\tbar\n", "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"cafe   \"\nnew = \"cafe\"\n")
        .unwrap_err();
    assert!(matches!(anchor_problems(&p)[..], [AnchorProblem::ChangesNothing { .. }]), "{p:?}");
    assert!(p[0].to_string().contains("changes nothing in the draft"), "{}", p[0]);
}

/// A draft whose sentences cross a page break, under running heads, as PDF extractions give it.
const PAGES: &str = "\
1. 現状と課題
　攻撃者は、対策が手薄な取引先を足掛かりとして本来の標的に侵入する手口を多
- 1 -
1. 現状と課題
用している。人材が不足している。
- 2 -
";

fn decision(id: &str, keys: &str) -> String {
    format!("[[decision]]\nid = \"{id}\"\n[[decision.edit]]\n{keys}")
}

/// The conflict rule holds for a quote that crosses a page break (over the footer and the
/// running head): a change before the break inside a quote whose own change is after it.
#[test]
fn a_change_inside_a_quote_across_a_page_break_is_a_conflict() {
    let ledger = decision("B", "old = \"手口を多用している\"\nnew = \"手口を多用していた\"\n")
        + &decision("A", "old = \"手口を\"\nnew = \"手法を\"\n");
    let run = cli_apply(PAGES, &ledger);
    assert_conflict(
        &run,
        "decision B, edit 1: quotes text that decision A, edit 1 changes",
        "both quote: P1 L2:34  …本来の標的に侵入する【手口を】多⏎- 1 -",
    );
}

/// Quotes that overlap across a page break, each change outside the other's quote: both
/// promises stand, and the break, the footer and the running head stay where they were.
#[test]
fn overlapping_quotes_across_a_page_break_both_stand() {
    let ledger = decision("A", "old = \"侵入する手口\"\nnew = \"侵攻する手口\"\n")
        + &decision("B", "old = \"手口を多用している\"\nnew = \"手口を用いている\"\n");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), PAGES).unwrap();
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fin = run.stdout;
    assert!(fin.contains("標的に侵攻する手口を用\n- 1 -\n1. 現状と課題\nいている。"), "{fin}");
}

/// A whole-item deletion and an edit inside the deleted item: the second promise could not
/// stand, so the two conflict (the whole item is the deletion's quote).
#[test]
fn an_edit_inside_a_deleted_item_is_a_conflict() {
    let draft = "(ア)　周知を図る。\n(イ)　訓練を行う。\n";
    let ledger = decision("1", "old = \"(ア)　周知を図る。\"\nnew = \"\"\n")
        + &decision("2", "old = \"周知\"\nnew = \"広報\"\n");
    let run = cli_apply(draft, &ledger);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("decision 1") && run.stderr.contains("decision 2"), "{}", run.stderr);
}

/// Issue 10.2, verify's side: a final that changed a character of the quote outside the
/// edit's changed part does not keep the promise (「開催する」 is not there): `different`, exit 1
/// (main reported it applied, exit 0, and the change as unexplained).
#[test]
fn verify_reports_a_changed_quote_as_different() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), "本部を設置する。\n次の文。\n").unwrap();
    fs::write(dir.path().join("final.txt"), "本部を開催した。\n次の新しい文。\n").unwrap();
    fs::write(dir.path().join("kept.txt"), "本部を開催する！\n次の新しい文。\n").unwrap();
    let mut ledger = decision("1", "old = \"設置する\"\nnew = \"開催する\"\n");
    ledger += &decision("2", "after = \"次の\"\nnew = \"新しい\"\n");
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    fs::write(dir.path().join("final2.txt"), "本部を開催する。\n次に新しい文。\n").unwrap();
    let verify = |fin: &str| akaji_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", fin]);
    let r = verify("final.txt");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("edit 1 「設置する」→「開催する」: different"), "{}", r.stdout);
    // The anchor of an insertion is part of its promise too.
    let r = verify("final2.txt");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("different"), "{}", r.stdout);
    // A change beside the quote, outside it, leaves the promise standing: unexplained.
    let r = verify("kept.txt");
    assert!(
        r.stdout.contains("2 applied, 0 missing, 0 different, 0 unanchored, 1 unexplained changes"),
        "{}",
        r.stdout
    );
}

/// The fuzzer's find, in a plan's shape: the chapter head above the chapter heading the ledger
/// revises stays the draft's (apply keeps furniture), so the final, read afresh, no longer
/// repeats the heading under it. verify with the draft called the kept promise `different`
/// (exit 1) on apply's own final; the expected final's heads are set apart in the final too.
#[test]
fn a_revised_heading_under_its_running_head_verifies_applied() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "第1章　総論\n第1章　総論\n本計画は、国際的な動向を踏まえ、\n施策の方向性を示すものである。\n- 1 -\n\
        第2章　計画の推進\n第2章　計画の推進\n推進体制を整備し、関係機関と連携\nして取り組む。\n- 2 -\n";
    fs::write(dir.path().join("draft.txt"), draft).unwrap();
    fs::write(dir.path().join("ledger.toml"), decision("1", "old = \"総論\"\nnew = \"総則\"\npage = 1\n")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fin = fs::read_to_string(dir.path().join("final.txt")).unwrap();
    assert!(fin.starts_with("第1章　総論\n第1章　総則\n"), "{fin}");
    let run = akaji_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("1 decisions, 1 applied, 0 missing, 0 different, 0 unanchored, 0 unexplained changes"),
        "{}",
        run.stdout
    );
}

/// A final that would open with U+FEFF (the draft has no byte order mark) reads back without
/// it: refused, exit 2, the decision named, nothing written.
#[test]
fn a_final_opening_with_u_feff_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), "本計画は、施策の方向性を示す。\n").unwrap();
    fs::write(dir.path().join("ledger.toml"), decision("7", "before = \"本計画\"\nnew = \"\\uFEFF（案）\"\n")).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("decision 7, edit 1"), "{}", run.stderr);
    assert!(run.stderr.contains("would make the final open with U+FEFF"), "{}", run.stderr);
    assert!(!dir.path().join("final.txt").exists());
}

/// A page break is layout, never part of what an edit changes: text extracted from PDF breaks
/// pages with a form feed, and a quote that runs over one (white space, which quotes skip) kept
/// the break only when a footer stood there. With none, 「連携を⏎\f推進する」→「協力を促進する」
/// joined the two pages into one, and deleting an item over a page break took the break with it.
#[test]
fn a_page_break_inside_a_changed_quote_stays() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "本計画は、国際的な動向を踏まえ、施策の方向性を示すとともに関係機関の連携を\n\u{c}推進するための体制を示すものである。\n\u{c}(ア)　一つ目の項目は\n\u{c}長い。\n(イ)　二つ目。\n\u{c}(ウ)　三つ目。\n";
    fs::write(dir.path().join("draft.txt"), draft).unwrap();
    let mut ledger = decision("1", "old = \"連携を推進する\"\nnew = \"協力を促進する\"\n");
    ledger += &decision("2", "old = \"(ア)　一つ目の項目は長い。\"\nnew = \"\"\n");
    fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fin = fs::read_to_string(dir.path().join("final.txt")).unwrap();
    assert_eq!(
        fin,
        "本計画は、国際的な動向を踏まえ、施策の方向性を示すとともに関係機関の協力を\n\u{c}促進するための体制を示すものである。\n\u{c}\u{c}(イ)　二つ目。\n\u{c}(ウ)　三つ目。\n"
    );
    // The page whose only text was deleted stays, empty: (ウ) is on page 5 in both.
    let page_of = |text: &str| {
        let doc = Document::new(text, &Default::default());
        doc.position(text.find("(ウ)").unwrap()).page.to_string()
    };
    assert_eq!((page_of(draft), page_of(&fin)), ("5".into(), "5".into()));
    let run = akaji_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// apply's own final with one character changed, on a plan whose prose recurs on every page
/// (benches/common/recurring.rs, 10 MB, 2,500 pages): a fresh reading of the final takes lines
/// at the tops of pages for running heads that the draft's (and so the expected final's)
/// reading left in the body, and verify reported 21 decisions `different` and 68 unexplained
/// changes for the one character changed. The lines the final shares with the expected final
/// keep its body; a line printed three times in a row at a page top is matched by its place in
/// the run (aligning single lines left 1 `different` there).
#[test]
fn a_final_of_recurring_prose_with_one_change_has_one_unexplained_change() {
    let r = crate::recurring::recurring(10 << 20, 10000);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), &r.draft).unwrap();
    fs::write(dir.path().join("ledger.toml"), r.ledger.to_toml()).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fin = fs::read_to_string(dir.path().join("final.txt")).unwrap();
    let half = (fin.len() / 2..).find(|&i| fin.is_char_boundary(i)).unwrap();
    let at = fin[half..].find('。').unwrap() + half;
    fs::write(dir.path().join("changed.txt"), format!("{}！{}", &fin[..at], &fin[at + '。'.len_utf8()..])).unwrap();
    let run = akaji_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "changed.txt"]);
    let decisions = r.ledger.decisions.len();
    assert!(
        run.stdout.contains(&format!(
            "{decisions} decisions, {decisions} applied, 0 missing, 0 different, 0 unanchored, 1 unexplained changes"
        )),
        "{}",
        run.stdout.lines().last().unwrap_or_default()
    );
    assert!(run.stdout.contains("【！】"), "the one change: {}", run.stdout);
}
