//! Pages as a reader sees them, from the command line: running heads and footers are furniture
//! (never part of a quote, never counted), lines are counted under the running heads unless
//! asked otherwise, and the front matter before page 1 is addressable as pages i, ii, ….

use crate::util::akaji_in;
use std::path::Path;

/// A plan's text as a PDF extraction gives it: a cover and contents before page 1 with no
/// number, chapter and section heads at the top of every page, a section head that opens one
/// page only, `- N -` footers.
const DRAFT: &str = "\
サイバーセキュリティ推進計画（案）
令和５年７月
目　次
はじめに
1. 現状と課題
　1.1. 攻撃の動向
　1.2. 人材の不足
はじめに
はじめに
　本計画は、地域におけるサイバーセキュリティの確保に向けて、関係者が連携して取り組むべき
施策を取りまとめたものである。本年度は、人材の育成に重点を置いて検討を行った。
- 1 -
1. 現状と課題
1. 現状と課題
1.1. 攻撃の動向
　ランサムウェアによる被害は引き続き高い水準で推移しており、中小企業や医療機関にも被害が
広がっている。攻撃者は、対策が手薄な取引先を足掛かりとして本来の標的に侵入する手口を多
- 2 -
1. 現状と課題
1.1. 攻撃の動向
用している。
1.2. 人材の不足
　地域の事業者においては、セキュリティを担う人材が不足しており、外部の専門家に相談できる
体制も十分ではない。
- 3 -
";

fn run(ledger: &str, args: &[&str]) -> crate::util::Run {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("draft.txt"), DRAFT).unwrap();
    std::fs::write(work.path().join("ledger.toml"), ledger).unwrap();
    let mut all = vec!["apply", "draft.txt", "ledger.toml"];
    all.extend_from_slice(args);
    akaji_in(work.path(), &all)
}

fn edit(keys: &str) -> String {
    format!("[[decision]]\nid = \"1\"\n  [[decision.edit]]\n{keys}")
}

#[test]
fn a_quote_across_a_page_break_skips_the_footer_and_the_running_heads() {
    // 「…手口を多⏎- 2 -⏎1. 現状と課題⏎1.1. 攻撃の動向⏎用している。」
    let r = run(&edit("old = \"手口を多用している\"\nnew = \"手口を用いている\"\n"), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("本来の標的に侵入する手口を用\n- 2 -\n1. 現状と課題\n1.1. 攻撃の動向\nいている。"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_quote_in_a_running_head_is_not_found_there() {
    // On pages 2 and 3, 「1.1. 攻撃の動向」 stands twice: as the heading that opens the section
    // (body) and as a running head at the top of page 3 (furniture). The quote matches the
    // heading alone.
    let r = run(&edit("old = \"攻撃の動向\"\nnew = \"攻撃の状況\"\npages = [2, 3]\n"), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("1. 現状と課題\n1.1. 攻撃の状況\n　ランサムウェア"), "{}", r.stdout);
    assert!(
        r.stdout.contains("- 2 -\n1. 現状と課題\n1.1. 攻撃の動向\n用している。"),
        "the head is not edited: {}",
        r.stdout
    );
}

#[test]
fn lines_count_under_the_running_heads_and_from_the_bottom_above_the_footer() {
    // P2: head 「1. 現状と課題」, then line 1 「1. 現状と課題」 (the heading), line 2 「1.1. 攻撃の動向」.
    let ok = run(&edit("old = \"攻撃の動向\"\nnew = \"攻撃の状況\"\npage = 2\nline = 2\n"), &[]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    // P3's last body line is 「体制も十分ではない。」: line -1.
    let last = run(&edit("old = \"十分ではない\"\nnew = \"十分とは言えない\"\npage = 3\nline = -1\n"), &[]);
    assert_eq!(last.code, 0, "{}", last.stderr);
    // Counting printed lines, line 2 of P2 is the heading 「1. 現状と課題」 (the head is line 1).
    let printed =
        run(&edit("old = \"攻撃の動向\"\nnew = \"攻撃の状況\"\npage = 2\nline = 3\n"), &["--count-lines", "printed"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    let wrong = run(&edit("old = \"攻撃の動向\"\nnew = \"攻撃の状況\"\npage = 2\nline = 3\n"), &[]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("P2 L2:6"), "the place is given as a reader counts it: {}", wrong.stderr);
    // The ledger's option does the same.
    let opt = run(
        &format!(
            "[options]\ncount_lines = \"printed\"\n{}",
            edit("old = \"攻撃の動向\"\nnew = \"攻撃の状況\"\npage = 2\nline = 3\n")
        ),
        &[],
    );
    assert_eq!(opt.code, 0, "{}", opt.stderr);
}

#[test]
fn the_front_matter_is_page_i_and_page_1_starts_under_its_head() {
    // The contents list 「はじめに」 too; page = "i" scopes to the front matter.
    let front = run(&edit("old = \"はじめに\"\nnew = \"序\"\npage = \"i\"\n"), &["--format", "json"]);
    assert_eq!(front.code, 0, "{}", front.stderr);
    assert!(front.stdout.contains("\"page\": \"i\""), "{}", front.stdout);
    assert!(front.stdout.contains("\"line\": 4"), "the contents' 「はじめに」 is line 4 of page i: {}", front.stdout);
    // On page 1, line 1 is the heading 「はじめに」 under its running head.
    let body = run(&edit("old = \"はじめに\"\nnew = \"序\"\npage = 1\nline = 1\n"), &[]);
    assert_eq!(body.code, 0, "{}", body.stderr);
    assert!(body.stdout.contains("はじめに\n序\n　本計画は"), "{}", body.stdout);
    // A page that is neither a number nor a numeral is refused, saying how to write one.
    let bad = run(&edit("old = \"はじめに\"\nnew = \"序\"\npage = \"表紙\"\n"), &[]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("has page \"表紙\"") && bad.stderr.contains("(page = \"ii\")"), "{}", bad.stderr);
    // A front page the draft does not have is named as the pages it has.
    let none = run(&edit("old = \"はじめに\"\nnew = \"序\"\npage = \"ii\"\n"), &[]);
    assert_eq!(none.code, 2);
    assert!(
        none.stderr.contains("page ii is not in the draft, which has 4 page(s) (numbered i, 1–3)"),
        "{}",
        none.stderr
    );
}

#[test]
fn verify_of_a_repaginated_final_reports_only_the_content_change() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    std::fs::write(dir.join("draft.txt"), DRAFT).unwrap();
    std::fs::write(dir.join("ledger.toml"), edit("old = \"手口を多用している\"\nnew = \"手口を用いている\"\n"))
        .unwrap();
    // The final re-wraps page 2 and moves the page break: 「用いている。」 now ends page 2, and
    // page 3's heads are printed again above 「1.2. 人材の不足」.
    let fin = DRAFT.replace(
        "広がっている。攻撃者は、対策が手薄な取引先を足掛かりとして本来の標的に侵入する手口を多\n- 2 -\n1. 現状と課題\n1.1. 攻撃の動向\n用している。\n",
        "広がっている。攻撃者は、対策が手薄な取引先を足掛かり\nとして本来の標的に侵入する手口を用いている。\n- 2 -\n1. 現状と課題\n1.1. 攻撃の動向\n",
    );
    assert_ne!(fin, DRAFT);
    std::fs::write(dir.join("final.txt"), &fin).unwrap();
    let r = verify(dir, &["--draft", "draft.txt", "--final", "final.txt", "--strict"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

fn verify(dir: &Path, args: &[&str]) -> crate::util::Run {
    let mut all = vec!["verify", "ledger.toml"];
    all.extend_from_slice(args);
    akaji_in(dir, &all)
}

/// Whole-item edits (issue 11 part 5): deleting a whole item deletes its lines, a new item
/// inserted after an item starts its own line, and an insertion that continues a paragraph
/// stays in it; verify finds every promise kept in the final apply wrote.
#[test]
fn whole_items_are_deleted_and_inserted_as_lines() {
    let draft = "\
(2) 今後の取組
(ア)　経済産業省において、経営層向けのセミナーや演習を全国で開催し、経営層自ら
がリスクを判断する機会を拡大する。
(イ)　金融庁において、開示を促す。
(ウ)　内閣官房において、手引を作成する。
- 1 -
";
    let ledger = "\
[[decision]]
id = \"1\"
  [[decision.edit]]
  old = \"(イ)　金融庁において、開示を促す。\"
  new = \"\"
[[decision]]
id = \"2\"
  [[decision.edit]]
  after = \"手引を作成する。\"
  new = \"(エ)　総務省において、演習を行う。\"
[[decision]]
id = \"3\"
  [[decision.edit]]
  after = \"機会を拡大する。\"
  new = \"なお、詳細は別途定める。\"
";
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("draft.txt"), draft).unwrap();
    std::fs::write(work.path().join("ledger.toml"), ledger).unwrap();
    let r = akaji_in(work.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fin = std::fs::read_to_string(work.path().join("final.txt")).unwrap();
    assert_eq!(
        fin,
        "\
(2) 今後の取組
(ア)　経済産業省において、経営層向けのセミナーや演習を全国で開催し、経営層自ら
がリスクを判断する機会を拡大する。なお、詳細は別途定める。
(ウ)　内閣官房において、手引を作成する。
(エ)　総務省において、演習を行う。
- 1 -
"
    );
    let v = verify(work.path(), &["--draft", "draft.txt", "--final", "final.txt", "--strict"]);
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
}
