//! A generated plan-like Japanese document with known edits, for benchmarks.
//!
//! Pages of a size set by the document's length and the number of edits: lines of 38 characters wrapped mid-phrase, a `- N -` footer, and on every
//! page four places a decision changes: a scoped kanji word (分科会を設置し → 開催), a unique file
//! name, an insertion after a sentence, and a deleted clause.

use akaji::{Count, Decision, Edit, Ledger, Scope, Side};

pub const POOL: [&str; 8] = [
    "我が国全体として、地域や業種、事業規模を問わず、サイバー攻撃のリスクは引き続き高い状況にあると言える。",
    "関係府省庁や地方公共団体及び民間企業等と連携し、情報通信ネットワークの安全性・信頼性の確保に取り組む。",
    "IoT機器の脆弱性対策については、製造事業者とインターネットサービスプロバイダとの協力が不可欠である。",
    "計画の策定にあたっては、国際的な動向も踏まえつつ、必要な見直しを機動的に行うこととする。",
    "人材育成の観点からは、実践的なサイバー演習の機会を地域にも拡大していくことが求められる。",
    "クラウドサービスの利用拡大に伴い、サプライチェーン全体を通じた対策の重要性が増している。",
    "更に、研究開発の成果を社会実装につなげるため、産学官の連携による取組を推進する。",
    "また、国民一人一人のリテラシー向上に向けて、普及啓発活動を継続的に実施する。",
];

/// A generated draft and the ledger of its edits.
pub struct Plan {
    pub draft: String,
    pub ledger: Ledger,
}

/// A document of about `bytes` bytes holding `edits` edits, four per page.
pub fn plan(bytes: usize, edits: usize) -> Plan {
    let pages = (edits / 4).max(1) as u32;
    // Body bytes per page: the rest goes to line breaks (one per 38 chars) and the footer.
    let body_bytes = (bytes / pages as usize).saturating_sub(bytes / pages as usize / 114 + 10);
    let mut draft = String::with_capacity(bytes + 8192);
    let mut decisions = Vec::new();
    let mut seed = 7usize;
    for page in 1..=pages {
        let mut body = String::new();
        body.push_str(&format!("第{page}節の検討のため、対策分科会を設置し、議論を行った。"));
        while body.len() < body_bytes {
            seed = seed.wrapping_mul(1103515245).wrapping_add(12345) % 2147483648;
            body.push_str(POOL[seed % POOL.len()]);
            if body.len() > body_bytes / 3 && !body.contains("資料") {
                body.push_str(&format!("詳細は資料{page}-1.pdfを参照。検討状況{page}を報告する。（再掲{page}）"));
            }
        }
        let chars: Vec<char> = body.chars().collect();
        for line in chars.chunks(38) {
            draft.extend(line);
            draft.push('\n');
        }
        draft.push_str(&format!("- {page} -\n"));
        let replace = |old: String, new: String| Edit::replace(old, new).expect("the generated edits make sense");
        let scoped = replace("分科会を設置し".into(), "分科会を開催し".into())
            .with_scope(Scope::pages(vec![page]))
            .with_count(Count::Exactly(1));
        let insert =
            Edit::insert(Side::After, format!("検討状況{page}を報告する。"), format!("また、追記{page}を行う。"))
                .expect("the generated edits make sense");
        decisions.push(Decision {
            id: format!("{page}"),
            edits: vec![
                scoped,
                replace(format!("資料{page}-1.pdf"), format!("資料{page}-2.pdf")),
                insert,
                replace(format!("（再掲{page}）"), String::new()),
            ],
            ..Decision::default()
        });
    }
    Plan { draft, ledger: Ledger { decisions, ..Ledger::default() } }
}

/// A plan of about `bytes` bytes in which each of `decisions` decisions makes one edit (the
/// four edits of each page of [`plan`] split into four decisions).
#[allow(dead_code, reason = "each bench uses the generators it needs")]
pub fn one_edit_per_decision(bytes: usize, decisions: usize) -> Plan {
    let mut p = plan(bytes, decisions);
    let mut split = Vec::with_capacity(decisions);
    for d in p.ledger.decisions.drain(..) {
        for (i, e) in d.edits.into_iter().enumerate() {
            split.push(Decision { id: format!("{}-{}", d.id, i + 1), edits: vec![e], ..Decision::default() });
        }
    }
    p.ledger.decisions = split;
    p
}
