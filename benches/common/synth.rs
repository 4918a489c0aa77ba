//! Plan-like Japanese texts with known edits, and how well a diff finds them.
//!
//! Shared by the benchmark (`benches/diff.rs`, which compares akaji with git's character word
//! diff on 1 MB and 10 MB) and the tests (`tests/diff.rs`), each of which includes this file as
//! a module (`#[path = "../benches/common/synth.rs"]`): a test and benchmark helper, not part of
//! the library. The base text is this project's own writing in the style of a ministry's draft
//! plan, wrapped as text extracted from PDF (short lines, `- N -` page footers). The edits are of
//! the five kinds people make to such plans.

#![allow(dead_code, reason = "the benchmark and the tests each use a part of this helper")]

use std::ops::Range;

/// The kinds of edit generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// A kanji word replaced (設置→開催).
    KanjiWord,
    /// A hiragana word given its kanji form (あたって→当たって).
    KanjiForm,
    /// An ASCII token or file name changed (867112.pdf→000690267.pdf).
    AsciiToken,
    /// A sentence inserted after 。.
    SentenceInserted,
    /// A clause deleted.
    ClauseDeleted,
}

/// One known edit: byte ranges of the old and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub kind: EditKind,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// Two texts and the edits that turn one into the other, sorted.
#[derive(Debug, Clone)]
pub struct Sample {
    pub old: String,
    pub new: String,
    pub edits: Vec<Edit>,
}

const SENTENCES: &[&str] = &[
    "近年、サイバー攻撃は複雑化・巧妙化しており、重要インフラ事業者等に対する脅威は引き続き高い状況にあると言える。",
    "このため、総務省は関係機関と連携しつつ、ICTサイバーセキュリティに関する施策を総合的に推進する。",
    "具体的には、有識者による検討会を設置し、IoT機器のセキュリティ対策の在り方について検討をおこなう。",
    "施策の推進にあたっては、国際的な動向を踏まえ、ASEAN各国との連携を強化することが重要である。",
    "地域におけるセキュリティ人材の育成および普及啓発についても、必要に応じて、支援を強化する。",
    "詳細は総務省の資料（https://www.soumu.go.jp/main_content/867112.pdf）を参照されたい。",
    "さらに、通信事業者が講じる対策の実施状況を定期的に把握し、その結果を公表する。",
    "政府は、すべての関係者が情報を共有できる体制を整備し、インシデント発生時の対応を迅速化する。",
    "本対策の進捗については、毎年度評価をおこない、その結果を踏まえて必要な見直しをいたします。",
    "電波利用環境の保護にあたっては、不正な電波の発射源を特定する技術の研究開発を推進する。",
    "クラウドサービスの利用拡大に伴い、設定不備に起因する情報漏えいが多発していることから、利用者向けのガイドラインを整備する。",
    "また、v1.2として公表した手引書の改定を検討し、中小企業における対策の底上げを図る。",
];

const HEADINGS: &[&str] = &[
    "情報通信ネットワークの安全性・信頼性の確保",
    "サイバー攻撃への自律的な対処能力の向上",
    "国際連携の推進",
    "普及啓発の推進",
];

const KANJI_WORDS: &[(&str, &str)] =
    &[("設置", "開催"), ("検討", "議論"), ("推進", "促進"), ("強化", "拡充"), ("把握", "確認"), ("整備", "構築")];
const KANJI_FORMS: &[(&str, &str)] = &[
    ("あたって", "当たって"),
    ("おこなう", "行う"),
    ("および", "及び"),
    ("すべて", "全て"),
    ("いたします", "致します"),
    ("さらに", "更に"),
];
const ASCII_TOKENS: &[(&str, &str)] =
    &[("867112.pdf", "000690267.pdf"), ("ASEAN", "FNTRJQ"), ("IoT", "ICT"), ("v1.2", "v2.0")];
const NEW_SENTENCES: &[&str] = &[
    "また、2023年7月には大規模な攻撃が観測された。",
    "この取組は令和6年度から段階的に実施する。",
    "なお、具体的な手順は別途定める。",
    "加えて、事業者間の情報共有を促す。",
];
const CLAUSES: &[&str] = &["関係機関と連携しつつ、", "必要に応じて、", "国際的な動向を踏まえ、", "定期的に"];

/// Width of a line, in chars, as in text extracted from PDF.
const LINE_CHARS: usize = 38;
/// Lines per page.
const PAGE_LINES: usize = 36;

/// A deterministic pseudo-random sequence (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The plan-like base text, at least `bytes` long.
pub fn base_text(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 4096);
    let (mut page, mut line_on_page, mut section) = (1, 0, 0);
    let mut emit_line = |out: &mut String, line: &str| {
        out.push_str(line);
        out.push('\n');
        line_on_page += 1;
        if line_on_page == PAGE_LINES {
            out.push_str(&format!("- {page} -\n"));
            page += 1;
            line_on_page = 0;
        }
    };
    while out.len() < bytes {
        section += 1;
        let ka = ["ア", "イ", "ウ", "エ"][section % 4];
        let heading =
            format!("II-{}-({})-{ka}　{}", section / 16 + 1, section % 16 + 1, HEADINGS[section % HEADINGS.len()]);
        emit_line(&mut out, &heading);
        for _ in 0..3 {
            let mut para = String::from("　");
            for _ in 0..3 + rng.below(3) {
                para.push_str(SENTENCES[rng.below(SENTENCES.len())]);
            }
            let chars: Vec<char> = para.chars().collect();
            for chunk in chars.chunks(LINE_CHARS) {
                emit_line(&mut out, &chunk.iter().collect::<String>());
            }
        }
    }
    out
}

/// Generate a sample of about `bytes` bytes with `edits` known edits, spread evenly over the five
/// kinds and at least 64 bytes apart.
pub fn generate(bytes: usize, edits: usize, seed: u64) -> Sample {
    let old = base_text(bytes, seed);
    let mut rng = Rng(seed ^ 0x5eed);
    // Candidate sites per kind: (old range, replacement).
    let mut sites: Vec<Vec<(Range<usize>, &str)>> = vec![Vec::new(); 5];
    let pairs = |list: &'static [(&'static str, &'static str)], out: &mut Vec<(Range<usize>, &'static str)>| {
        for (o, n) in list {
            out.extend(old.match_indices(o).map(|(i, _)| (i..i + o.len(), *n)));
        }
    };
    pairs(KANJI_WORDS, &mut sites[0]);
    pairs(KANJI_FORMS, &mut sites[1]);
    pairs(ASCII_TOKENS, &mut sites[2]);
    for (i, (at, _)) in old.match_indices('。').enumerate() {
        let end = at + '。'.len_utf8();
        sites[3].push((end..end, NEW_SENTENCES[i % NEW_SENTENCES.len()]));
    }
    for c in CLAUSES {
        sites[4].extend(old.match_indices(c).map(|(i, _)| (i..i + c.len(), "")));
    }
    let kinds = [
        EditKind::KanjiWord,
        EditKind::KanjiForm,
        EditKind::AsciiToken,
        EditKind::SentenceInserted,
        EditKind::ClauseDeleted,
    ];
    let mut chosen: Vec<(Range<usize>, &str, EditKind)> = Vec::with_capacity(edits);
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut tries = 0;
    while chosen.len() < edits && tries < edits * 100 {
        tries += 1;
        let k = chosen.len() % 5;
        let Some((r, n)) = sites[k].get(rng.below(sites[k].len())).cloned() else { continue };
        let lo = r.start.saturating_sub(64);
        if taken.range(lo..r.end + 64).next().is_some()
            || taken.range(..lo).next_back().is_some_and(|(_, &e)| e + 64 > r.start)
        {
            continue;
        }
        taken.insert(r.start, r.end);
        chosen.push((r, n, kinds[k]));
    }
    chosen.sort_by_key(|c| c.0.start);
    let mut new = String::with_capacity(old.len() + edits * 32);
    let mut out = Vec::with_capacity(chosen.len());
    let mut at = 0;
    for (r, n, kind) in chosen {
        new.push_str(&old[at..r.start]);
        let start = new.len();
        new.push_str(n);
        out.push(Edit { kind, old: r.clone(), new: start..new.len() });
        at = r.end;
    }
    new.push_str(&old[at..]);
    Sample { old, new, edits: out }
}

/// How well a diff found a sample's edits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quality {
    /// Known edits.
    pub edits: usize,
    /// Hunks reported.
    pub hunks: usize,
    /// Edits shown: on each side the edit changes (after trimming what old and new have in common
    /// at both ends), a hunk touching the edit marks something.
    pub covered: usize,
    /// Edits shown as exactly one hunk that covers the edit and marks nothing outside it.
    pub clean: usize,
    /// Chars of all edits (old and new sides).
    pub changed_chars: usize,
    /// Chars marked by hunks outside every edit (old and new sides).
    pub outside_chars: usize,
}

impl Quality {
    /// Hunks per known edit.
    pub fn hunks_per_edit(&self) -> f64 {
        self.hunks as f64 / self.edits.max(1) as f64
    }

    /// Share of edits shown as one clean hunk, in percent.
    pub fn clean_percent(&self) -> f64 {
        100.0 * self.clean as f64 / self.edits.max(1) as f64
    }

    /// Chars marked outside the edits, in percent of the changed chars.
    pub fn outside_percent(&self) -> f64 {
        100.0 * self.outside_chars as f64 / self.changed_chars.max(1) as f64
    }
}

/// A hunk as byte ranges of old and new.
pub type Pair = (Range<usize>, Range<usize>);

/// Score `hunks` (byte ranges of old and new, sorted) against the sample's known edits.
pub fn evaluate(sample: &Sample, hunks: &[Pair]) -> Quality {
    let (old, new, edits) = (&sample.old, &sample.new, &sample.edits);
    let chars = |t: &str, r: &Range<usize>| t[r.clone()].chars().count();
    let overlap = |t: &str, a: &Range<usize>, b: &Range<usize>| {
        let (s, e) = (a.start.max(b.start), a.end.min(b.end));
        if s < e {
            chars(t, &(s..e))
        } else {
            0
        }
    };
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); edits.len()];
    let mut q = Quality { edits: edits.len(), hunks: hunks.len(), ..Quality::default() };
    for (hi, (ho, hn)) in hunks.iter().enumerate() {
        let first = edits.partition_point(|e| e.old.end < ho.start);
        let mut inside = 0;
        for (ei, e) in edits.iter().enumerate().skip(first).take_while(|(_, e)| e.old.start <= ho.end) {
            touching[ei].push(hi);
            inside += overlap(old, ho, &e.old) + overlap(new, hn, &e.new);
        }
        q.outside_chars += chars(old, ho) + chars(new, hn) - inside;
    }
    for (e, ts) in edits.iter().zip(&touching) {
        q.changed_chars += chars(old, &e.old) + chars(new, &e.new);
        let (mo, mn) = minimal(old, new, e);
        // An edit is covered when each side it changes has marked chars near it: git's
        // `[-ASEA-]{+F+}N{+TRJQ+}` covers ASEAN→FNTRJQ, though not cleanly.
        let marks = |side: fn(&Pair) -> &Range<usize>, want: &Range<usize>| {
            want.is_empty() || ts.iter().any(|&i| !side(&hunks[i]).is_empty())
        };
        let covered = marks(|h| &h.0, &mo) && marks(|h| &h.1, &mn);
        if covered {
            q.covered += 1;
            let one = ts.len() == 1 && {
                let (ho, hn) = &hunks[ts[0]];
                e.old.start <= ho.start && ho.end <= e.old.end && e.new.start <= hn.start && hn.end <= e.new.end
            };
            q.clean += usize::from(one);
        }
    }
    q
}

/// The edit's ranges without what old and new have in common at their ends.
fn minimal(old: &str, new: &str, e: &Edit) -> (Range<usize>, Range<usize>) {
    let (a, b) = (&old[e.old.clone()], &new[e.new.clone()]);
    let pre: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let (a2, b2) = (&a[pre..], &b[pre..]);
    let suf: usize =
        a2.chars().rev().zip(b2.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    (e.old.start + pre..e.old.end - suf, e.new.start + pre..e.new.end - suf)
}
