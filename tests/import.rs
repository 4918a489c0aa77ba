//! `akaji import`: drafting ledgers from the published comment tables in testdata/import/.

use crate::util::{akaji_in, root, Run};
use akaji::Ledger;
use serde_json::{json, Value};
use std::path::PathBuf;

const ICT: &str = "testdata/import/ict2023-public-comments.txt";
const CS: &str = "testdata/import/cs2022-public-comments.txt";

/// Run `akaji` in the crate's folder.
fn akaji(args: &[&str]) -> Run {
    akaji_in(&root(), args)
}

/// Import `table` into a fresh folder; the ledger's text, the ledger, and the command's stderr.
fn import(table: &str, name: &str, extra: &[&str]) -> (String, Ledger, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let mut args = vec!["import", table, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = akaji(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    let ledger = Ledger::parse(&text, name).unwrap_or_else(|e| panic!("the ledger parses back: {e}\n{text}"));
    (text, ledger, run.stderr)
}

/// The edits of ICT2023 Nos. 29 and 32, whose answers quote both texts (and No. 32 every 設置
/// on each of its four pages, at least one on each).
pub fn assert_ict2023_quoted_edits(ledger: &Ledger) {
    let expected = [
        (
            "29",
            json!([
                {"old": "あたって", "new": "当たって", "page": 6, "line": 5},
                {"old": "更に、", "new": "さらに、", "page": 12, "line": 17},
            ]),
        ),
        ("32", json!([{"old": "設置", "new": "開催", "pages": [4, 12, 46, 63], "count": "all", "per_page": true}])),
    ];
    for (id, want) in expected {
        assert_eq!(edits(ledger, id), want, "decision {id}");
    }
}

/// Every `old`, `new`, `after` and `before` of the ledger is text of its decision's answer.
pub fn assert_quotes_from_answers(ledger: &Ledger) {
    for d in written(ledger)["decision"].as_array().into_iter().flatten() {
        let response = d["response"].as_str().unwrap_or("");
        for e in d["edit"].as_array().into_iter().flatten() {
            for key in ["old", "new", "after", "before"] {
                if let Some(q) = e[key].as_str() {
                    assert!(
                        response.contains(q),
                        "decision {}: {key} 「{q}」 comes from the answer 「{response}」",
                        d["id"]
                    );
                }
            }
        }
    }
}

/// The ledger as its TOML text says it, keys as in the ledger contract.
fn written(ledger: &Ledger) -> Value {
    toml::from_str(&ledger.to_toml()).expect("a ledger's TOML reads back")
}

/// A decision's edits as the ledger writes them (keys as in the ledger contract).
pub fn edits(ledger: &Ledger, id: &str) -> Value {
    let all = written(ledger);
    let d = all["decision"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["id"] == id))
        .unwrap_or_else(|| panic!("decision {id}"));
    if d["edit"].is_null() {
        json!([])
    } else {
        d["edit"].clone()
    }
}

#[test]
fn ict2023_answers_that_promise_edits_become_edits() {
    let (_, ledger, report) = import(ICT, "ledger.toml", &[]);
    assert_eq!(ledger.decisions.len(), 38);
    let ids: Vec<&str> = ledger.decisions.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<String> = (1..=38).map(|n| n.to_string()).collect();
    assert_eq!(ids, expected);

    let promising: Vec<&str> = ledger.decisions.iter().filter(|d| !d.edits.is_empty()).map(|d| d.id.as_str()).collect();
    assert_eq!(promising, ["1", "2", "28", "29", "32", "33", "34"], "no other row yields an edit");

    assert_eq!(
        edits(&ledger, "28"),
        json!([{"old": "大手自動車メーカーが利用するSaaSサービス", "new": "大手自動車メーカーが利用するクラウドサービス"}])
    );
    assert_ict2023_quoted_edits(&ledger);

    let todo = |id: &str| {
        let e = edits(&ledger, id);
        assert_eq!(e.as_array().map(Vec::len), Some(1), "decision {id}: {e}");
        let e = e[0].clone();
        assert!(e["todo"].is_string(), "decision {id} is todo: {e}");
        assert_eq!(e["old"], Value::Null, "import never invents text: {e}");
        e
    };
    let (no1, no2, no33, no34) = (todo("1"), todo("2"), todo("33"), todo("34"));
    assert_eq!((&no1["page"], &no1["new"]), (&json!(9), &Value::Null));
    assert!(no1["todo"].as_str().unwrap().starts_with("insert:"));
    assert_eq!((&no2["page"], &no2["new"]), (&json!(7), &Value::Null));
    assert!(no2["todo"].as_str().unwrap().ends_with("; the request suggests 「情報」→「情勢」"));
    assert_eq!((&no33["page"], &no33["new"]), (&json!(59), &Value::Null), "the request's only page: P59");
    assert_eq!(no34["new"], "とりまとめ骨子（案）について");
    assert_eq!(
        (&no34["page"], &no34["line"]),
        (&json!(92), &Value::Null),
        "P92 from the request; its 2行 counts in a table cell"
    );
    assert!(no34["todo"].as_str().unwrap().contains("the request suggests old = 「取りまとめ骨子（案）について」"));

    for (label, n) in [
        ("rows read", 38),
        ("decisions", 38),
        ("answers promising edits", 7),
        ("edits extracted", 4),
        ("edits left todo", 4),
    ] {
        assert!(report.contains(&format!("  {label:<24}{n:>4}")), "{label} {n} in:\n{report}");
    }
    assert!(report.contains("(decisions 1, 2, 33, 34;"), "{report}");
    assert!(report.contains("6 repeated header row(s) skipped, 2 continued line(s) merged"), "{report}");
    assert!(
        report.contains("note: the page comes from the request, the answer citing none: decision 33, 34"),
        "{report}"
    );
    assert!(!report.contains("columns not read"), "the ICT table's five columns are all read: {report}");
}

#[test]
fn ict2023_cells_continued_across_page_breaks_are_merged() {
    let (_, ledger, _) = import(ICT, "ledger.toml", &[]);
    let no5 = ledger.decision("5").unwrap().request.as_deref().unwrap();
    assert!(no5.starts_with("複雑かつ巧妙化が進むサイバー攻撃"), "{no5}");
    assert!(no5.contains("これらを使って周知を促進。\nP51 ウ. 子どもや高齢者等に向けた普及啓発"), "{no5}");
    assert!(no5.ends_with("セキュリティかるたを作成(電子通信普及財団の助成金対象)。"), "{no5}");
    let no16 = ledger.decision("16").unwrap().request.as_deref().unwrap();
    assert!(no16.contains("トラストサービスの\nモデル法を採択しています。"), "{no16}");
    let no7 = ledger.decision("7").unwrap().response.as_deref().unwrap();
    assert!(!no7.contains("<p>") && no7.starts_with("御意見については、参考として承ります。"), "{no7}");
    let no4 = ledger.decision("4").unwrap().request.as_deref().unwrap();
    assert!(no4.starts_with("<意見> IoTの真正性確保"), "angle-bracket words are not HTML: {no4}");
}

#[test]
fn ict2023_ledger_snapshot() {
    let (text, _, _) = import(ICT, "ledger.toml", &["--only-edits"]);
    insta::assert_snapshot!("ict2023_only_edits", text);
}

#[test]
fn json_when_the_output_ends_in_json() {
    let (text, ledger, _) = import(ICT, "ledger.json", &[]);
    assert!(text.starts_with('{'), "{text}");
    let (_, from_toml, _) = import(ICT, "ledger.toml", &[]);
    assert_eq!(ledger, from_toml);
}

#[test]
fn only_edits_keeps_the_promising_answers() {
    let (_, ledger, report) = import(ICT, "ledger.toml", &["--only-edits"]);
    let ids: Vec<&str> = ledger.decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "28", "29", "32", "33", "34"]);
    assert!(report.contains(&format!("  {:<24}{:>4}", "decisions", 7)), "{report}");
}

#[test]
fn cs2022_has_no_edits() {
    let (_, ledger, report) = import(CS, "ledger.toml", &[]);
    assert_eq!(ledger.decisions.len(), 37);
    assert!(ledger.decisions.iter().all(|d| d.edits.is_empty()));
    assert_eq!(ledger.decision("2").unwrap().at.as_deref(), Some("4. 1. 1 経営層の意識改革"));
    assert_eq!(ledger.decision("2").unwrap().by, None, "the table has no 意見提出者 column");
    assert!(report.contains(&format!("  {:<24}{:>4}", "edits extracted", 0)), "{report}");
    assert!(report.contains(&format!("  {:<24}{:>4}", "answers promising edits", 0)), "{report}");
    assert!(report.contains("(lines 30, 38, 47, 54, 63, 70, 78, 88:"), "repeated titles skipped: {report}");
}

#[test]
fn stdout_without_output() {
    let run = akaji(&["import", CS, "--only-edits"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout.clone();
    let ledger = Ledger::from_toml(&text).unwrap();
    assert!(ledger.decisions.is_empty(), "{text}");
    assert!(run.stderr.contains("→ stdout"));
}

#[test]
fn csv_with_quotes_line_breaks_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("comments.csv");
    std::fs::write(
        &table,
        "意見募集の結果\n\
         番号,提出者,該当箇所,意見,考え方\n\
         1,\"株式会社A, 東京\",P4,\"一行目\n二行目\",\"<p>賛同の御意見として承ります。</p>\n<p>なお、(P4)「AI化」→「AI（人工知能）化」</p>\"\n\
         2,個人,全体,\"「A」を削除すべき\",\"<p>御意見については、参考として承ります。</p>\"\n",
    )
    .unwrap();
    let out = dir.path().join("ledger.toml");
    let run = akaji(&["import", table.to_str().unwrap(), "-o", out.to_str().unwrap(), "--columns", "id=番号"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ledger = Ledger::from_toml(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let d = &ledger.decisions[0];
    assert_eq!(d.by.as_deref(), Some("株式会社A, 東京"));
    assert_eq!(d.request.as_deref(), Some("一行目\n二行目"));
    assert_eq!(d.response.as_deref(), Some("賛同の御意見として承ります。\nなお、(P4)「AI化」→「AI（人工知能）化」"));
    assert_eq!(edits(&ledger, &d.id), json!([{"old": "AI化", "new": "AI（人工知能）化", "page": 4}]));
    assert!(ledger.decisions[1].edits.is_empty());
}

fn fails(args: &[&str]) -> String {
    let run = akaji(args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    run.stderr
}

#[test]
fn bad_tables_and_columns_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.tsv");
    let msg = fails(&["import", missing.to_str().unwrap()]);
    assert!(msg.contains("missing.tsv: cannot read it"), "{msg}");

    let plain = dir.path().join("plain.tsv");
    std::fs::write(&plain, "連番\t返答\n1\t修正いたします。\n").unwrap();
    let msg = fails(&["import", plain.to_str().unwrap()]);
    assert!(msg.contains("plain.tsv: no header row found"), "{msg}");
    assert!(msg.contains("「項番」") && msg.contains("「御意見に対する考え方」") && msg.contains("--columns"), "{msg}");

    let msg = fails(&["import", plain.to_str().unwrap(), "--columns", "id=連番,response=答え"]);
    assert!(msg.contains("plain.tsv: no row has the header 「答え」 given by --columns response=答え"), "{msg}");
    let msg = fails(&["import", plain.to_str().unwrap(), "--columns", "answer=返答"]);
    assert!(msg.contains("unknown role `answer`"), "{msg}");

    let run = akaji(&["import", plain.to_str().unwrap(), "--columns", "id=連番,response=返答"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ledger = Ledger::from_toml(&run.stdout).unwrap();
    assert!(ledger.decisions[0].edits[0].is_todo());
}

#[test]
fn never_writes_over_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let table: PathBuf = dir.path().join("t.tsv");
    std::fs::copy(root().join(ICT), &table).unwrap();
    let before = std::fs::read(&table).unwrap();
    let msg = fails(&["import", table.to_str().unwrap(), "-o", table.to_str().unwrap()]);
    assert!(msg.contains("refusing to write the output over the input"), "{msg}");
    assert_eq!(std::fs::read(&table).unwrap(), before);
}

const PHRASINGS: &str = "testdata/import/phrasings.tsv";

/// Every phrasing of testdata/import/phrasings.tsv gives the edit it states (or a todo saying
/// what is missing), and every quoted text comes from the answer.
#[test]
fn realistic_rows_of_every_phrasing() {
    let (_, ledger, report) = import(PHRASINGS, "ledger.toml", &[]);
    let expected = [
        (
            "1",
            json!([{"old": "情報通信ネットワークにおけるサイバーセキュリティ対策分科会を設置し", "new": "情報通信ネットワークにおけるサイバーセキュリティ対策分科会を開催し"}]),
        ),
        (
            "2",
            json!([{"old": "地域の中小企業におけるセキュリティ対策の強化を図る。", "new": "地域の中小企業におけるサイバーセキュリティ対策の強化を図る。", "page": 21}]),
        ),
        ("3", json!([{"old": "リテラシー", "new": "リテラシー（活用能力）", "page": 33}])),
        ("4", json!([{"old": "令和5年", "new": "2023年", "page": 2}])),
        ("5", json!([{"old": "取組み", "new": "取組", "page": 5, "line": 3}])),
        ("6", json!([{"old": "IoT機器", "new": "IoT機器等", "page": 5}])),
        ("7", json!([{"old": "クラウドサービス", "new": "クラウドサービス等", "page": 17}])),
        (
            "8",
            json!([{"old": "サプライチェーン全体を通じた対策", "new": "サプライチェーン全体を通じたセキュリティ対策", "pages": [27, 28]}]),
        ),
        ("9", json!([{"old": "ICT-ISAC", "new": "一般社団法人ICT-ISAC", "pages": [21, 22, 23]}])),
        ("10", json!([{"old": "脆弱性", "new": "ぜい弱性", "pages": [16, 22], "count": "all", "per_page": true}])),
        ("11", json!([{"old": "取り組み", "new": "取組", "pages": [4, 11, 19], "count": "all", "per_page": true}])),
        ("14", json!([])),
    ];
    for (id, want) in expected {
        assert_eq!(edits(&ledger, id), want, "decision {id}");
    }
    let todo = |id: &str| {
        let e = edits(&ledger, id);
        assert_eq!(e.as_array().map(Vec::len), Some(1), "{id}: {e}");
        e[0].clone()
    };
    let no12 = todo("12");
    assert_eq!((&no12["new"], &no12["page"], &no12["line"]), (&json!("さらに"), &json!(45), &json!(10)), "{no12}");
    assert!(no12["todo"].as_str().unwrap().contains("the request suggests old = 「更に」"), "{no12}");
    let no13 = todo("13");
    assert_eq!(no13["page"], 40, "the request's page: {no13}");
    assert!(no13["todo"].as_str().unwrap().contains("修正の有無 = 有"), "{no13}");
    let no15 = todo("15");
    assert_eq!((&no15["old"], &no15["page"]), (&json!("設置"), &Value::Null), "{no15}");
    assert!(no15["todo"].as_str().unwrap().contains("page 4294967296, past the ledger's page range"), "{no15}");
    assert!(todo("16")["todo"].as_str().unwrap().contains("empty old text"));
    assert!(todo("17")["todo"].as_str().unwrap().contains("no text to insert"));

    assert_quotes_from_answers(&ledger);
    assert!(report.contains("note: columns not read: 「備考」"), "{report}");
    assert!(report.contains("the page comes from the request, the answer citing none: decision 12, 13"), "{report}");
    assert!(report.contains("cannot be a scope (its edit is todo, saying why): decision 15"), "{report}");
    assert!(
        report.contains("修正の有無 = 有 but the answer's wording is not recognised (a todo each): decision 13"),
        "{report}"
    );
    for (label, n) in
        [("rows read", 17), ("answers promising edits", 16), ("edits extracted", 11), ("edits left todo", 5)]
    {
        assert!(report.contains(&format!("  {label:<24}{n:>4}")), "{label} {n} in:\n{report}");
    }
}

#[test]
fn help_shows_an_example() {
    let run = akaji(&["import", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("akaji import comments.xlsx -o ledger.toml"), "{}", run.stdout);
    assert!(run.stdout.contains("per_page = true"), "{}", run.stdout);
}

/// The reconcile set (testdata/reconcile-set/, generated with its truth): every answer that
/// quotes both texts gives the truth's edit (its quotes and the scope the answer states), every
/// other promise a todo, and no answer that promises nothing an edit.
#[test]
fn the_reconcile_set_tables_give_the_truths_quoted_edits() {
    use unicode_normalization::UnicodeNormalization;
    let nfkc = |s: &str| s.nfkc().collect::<String>();
    let (mut quoted, mut unscoped) = (0, Vec::new());
    for plan in ["plan-b", "plan-c", "plan-d"] {
        let table = format!("testdata/reconcile-set/{plan}/comments.tsv");
        let (_, ledger, _) = import(&table, "ledger.toml", &[]);
        let truth: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(format!("testdata/reconcile-set/{plan}/truth.json"))).unwrap(),
        )
        .unwrap();
        assert_quotes_from_answers(&ledger);
        for d in truth["decisions"].as_array().unwrap() {
            let id = d["id"].as_str().unwrap();
            let got = edits(&ledger, id);
            let got = got.as_array().unwrap();
            if d["promises"] != true {
                assert!(got.is_empty(), "{plan} {id} promises nothing: {got:?}");
                continue;
            }
            assert!(!got.is_empty(), "{plan} {id} promises");
            let marked_only = d["note"].as_str().is_some_and(|n| n.contains("修正の有無 = 有"));
            for want in d["edits"].as_array().unwrap() {
                let entry = &want["entry"];
                // Any quote that makes the same change is as right as the truth's (which is
                // char-minimal): ours holds it, and the answer's width is kept (Ｐ５ for P5).
                let holds = |ours: &Value, truth: &Value| match (ours.as_str(), truth.as_str()) {
                    (Some(o), Some(t)) => o.contains(t) || nfkc(o).contains(&nfkc(t)),
                    (o, t) => o == t,
                };
                let same = |e: &&Value| ["old", "after", "before"].iter().all(|k| holds(&e[*k], &entry[*k]));
                match (d["answer"].as_str().unwrap(), marked_only) {
                    ("both", false) => {
                        let e = got.iter().find(same).unwrap_or_else(|| panic!("{plan} {id}: {entry} in {got:?}"));
                        assert_eq!(e["todo"], Value::Null, "{plan} {id}: {e}");
                        assert!(holds(&e["new"], &entry["new"]), "{plan} {id}: {e}");
                        for key in ["page", "pages", "line"] {
                            if e[key] != entry[key] {
                                unscoped.push(format!("{plan} {id}: {key} {} (truth {})", e[key], entry[key]));
                            }
                        }
                        let pages = entry["pages"].as_array().map_or(0, Vec::len);
                        if entry["count"] == "all" || entry["count"] == json!(pages) && pages > 1 {
                            assert_eq!((&e["count"], &e["per_page"]), (&json!("all"), &json!(true)), "{plan} {id}");
                        }
                        quoted += 1;
                    }
                    (_, _) => assert!(got.iter().all(|e| e["todo"].is_string()), "{plan} {id}: todo {got:?}"),
                }
            }
        }
    }
    assert_eq!(
        quoted, 21,
        "the edits of the answers quoting both texts (plan-d 10, marked 有 with a verb import does not know, is todo)"
    );
    // plan-c 13 cites its page nowhere, answer or request: only the draft can tell (reconcile).
    assert_eq!(unscoped, ["plan-c 13: page null (truth 4)"]);
}

/// The grid entry a PDF table reader uses: the ICT2023 table as rows of cells (the title and
/// the commenters' list above the header, the header on every page, No. 5's comment continued
/// on the next page in a row whose 項番 is empty) gives the ledger the TSV gives.
#[test]
fn the_ict2023_table_as_a_grid_gives_the_same_ledger() {
    use akaji::import::{import as import_text, import_grid, ImportOptions};
    let text = std::fs::read_to_string(root().join(ICT)).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let from_grid = import_grid(rows, &ImportOptions::default()).unwrap();
    let from_text = import_text(&text, &ImportOptions::default()).unwrap();
    assert_eq!(from_grid.ledger, from_text.ledger);
    let r = (&from_grid.report, &from_text.report);
    assert_eq!((r.0.rows, r.0.repeated_headers, r.0.continuations), (38, 6, 2));
    assert_eq!((r.0.extracted, r.0.todo), (r.1.extracted, r.1.todo));
}
