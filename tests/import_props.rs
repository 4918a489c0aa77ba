//! Import never writes a ledger that does not validate (issue 10): for random answers built
//! from the real phrasings (the ICT2023 table's answers and requests, testdata/import/, and
//! every form README lists) with hostile pieces mixed in (empty quotes, pages past the range,
//! unbalanced brackets, before/after blocks without their other half), the drafted ledger
//! validates, its TOML and JSON parse back to it, and every quoted text comes from the answer.
//! Run more cases with `PROPTEST_CASES=5000 cargo test import_props`.

use akaji::import::import_grid;
use akaji::import::{import, ImportOptions};
use akaji::Ledger;
use proptest::prelude::*;

const LEADS: [&str; 6] = [
    "御指摘を踏まえ、",
    "御意見を踏まえ、",
    "賛同の御意見として承ります。なお、",
    "",
    "御指摘の趣旨を踏まえ、",
    "以下のとおり修正いたします。\n",
];
const CITES: [&str; 18] = [
    "",
    "P4、P12、P46、P63の",
    "P6の5行目の",
    "(P 17)",
    "(P27-28)の",
    "21-23ページの",
    "(P16、P22)",
    "P2において",
    "5ページの",
    "P4294967296の",
    "P0の",
    "P5の0行目の",
    "(P28-27)",
    "Ｐ１５の最下行の６行上の",
    "P1-99999の",
    "P3の99999999999999999999行目の",
    "p.73及びp.79の",
    "P4、P5の3行目の",
];
const QUOTES: [&str; 16] = [
    "設置",
    "開催",
    "あたって",
    "当たって",
    "更に、",
    "さらに、",
    "",
    " ",
    "…クラウドサービス",
    "取り組み",
    "取組",
    "「設置」を",
    "大手自動車メーカーが利用するSaaSサービス",
    "とりまとめ骨子（案）について",
    "AI（人工知能）化",
    "\n",
];
const JOINS: [&str; 10] = ["を", "は", "→", "については", "とあるのを", "の後に", "の前に", "を削除", "", "、"];
const VERBS: [&str; 10] = [
    "に修正いたします。",
    "に修正しました。",
    "を追記します。",
    "に改めます。",
    "に、",
    "を削除いたします。",
    "",
    "修正いたしません。",
    "に追記をいたします。",
    "と修正させていただきます。",
];
const RAW: [&str; 12] = [
    "「",
    "」",
    "『",
    "【修正前】",
    "【修正後】",
    "修正前：",
    "\n修正後：",
    "。",
    "\n",
    "P",
    "9",
    "URLを修正いたします。",
];

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

/// One piece of an answer: a sentence in a real phrasing, a before/after block, or raw marks.
fn piece() -> impl Strategy<Value = String> {
    let quote = || pick(&QUOTES);
    prop_oneof![
        4 => (pick(&LEADS), pick(&CITES), quote(), pick(&JOINS), quote(), pick(&VERBS))
            .prop_map(|(l, c, a, j, b, v)| format!("{l}{c}「{a}」{j}「{b}」{v}")),
        2 => (pick(&CITES), quote(), quote()).prop_map(|(c, a, b)| format!("{c}【修正前】「{a}」【修正後】「{b}」")),
        1 => (quote(), quote()).prop_map(|(a, b)| format!("\n修正前：{a}\n修正後：{b}\n")),
        1 => (pick(&LEADS), pick(&CITES), pick(&VERBS)).prop_map(|(l, c, v)| format!("{l}{c}{v}")),
        2 => proptest::collection::vec(pick(&RAW), 1..6).prop_map(|v| v.concat()),
    ]
}

fn answer() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 1..6).prop_map(|v| v.concat())
}

fn request() -> impl Strategy<Value = String> {
    let corpus = include_str!("../testdata/import/ict2023-public-comments.txt");
    let requests: Vec<String> =
        corpus.lines().filter_map(|l| l.split('\t').nth(3)).map(str::to_owned).take(40).collect();
    (proptest::sample::select(requests), pick(&CITES), pick(&QUOTES))
        .prop_map(|(r, c, q)| format!("{r} {c}「{q}」は「{q}」の誤記か"))
}

/// The drafted ledger validates, reads back from its TOML and JSON, and quotes only its answers.
fn check(ledger: &Ledger) {
    let toml = akaji::import::to_toml(ledger);
    let back = Ledger::from_toml(&toml).unwrap_or_else(|e| panic!("{e}\n{toml}"));
    assert_eq!(&back, ledger);
    let json = serde_json::to_string(ledger).unwrap();
    assert_eq!(&Ledger::from_json(&json).unwrap(), ledger);
    crate::import::assert_quotes_from_answers(ledger);
}

proptest! {
    #![proptest_config(crate::util::cases(256))]
    #[test]
    fn import_never_writes_an_invalid_ledger(answers in proptest::collection::vec((answer(), request()), 1..4)) {
        let mut rows = vec![vec!["項番".to_owned(), "御意見".to_owned(), "考え方".to_owned()]];
        for (i, (a, r)) in answers.iter().enumerate() {
            rows.push(vec![(i + 1).to_string(), r.clone(), a.clone()]);
        }
        let done = import_grid(rows, &ImportOptions::default()).expect("a table with a header imports");
        prop_assert_eq!(done.ledger.decisions.len(), answers.len());
        check(&done.ledger);
        // The same answers as TSV (one line a row; line breaks continue the answer's cell).
        let mut tsv = String::from("項番\t御意見\t考え方\n");
        for (i, (a, r)) in answers.iter().enumerate() {
            tsv.push_str(&format!("{}\t{}\t{}\n", i + 1, r.replace('\n', " "), a));
        }
        check(&import(&tsv, &ImportOptions::default()).expect("the TSV imports").ledger);
    }
}
