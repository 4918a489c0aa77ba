//! Documents built from real public Japanese prose (`benches/corpus/`), with known edits.
//!
//! The sentences of a ministry's comment table and of a task force's minutes are arranged in
//! one of three shapes, then edited at random places by seven kinds of edit, each recorded as
//! the byte ranges it changed in the old and the new text:
//! - [`Shape::Prose`]: paragraphs of 3–6 sentences, one a line;
//! - [`Shape::Pdf`]: the same wrapped at 35 characters as text extracted from PDF, pages of 36
//!   lines with a running head (the title, or the chapter) on top and a `- N -` footer;
//! - [`Shape::Repeated`]: pages drawn from a pool of 48 wrapped lines, so that every line occurs
//!   thousands of times (an archive of plans, a plan with appended boilerplate).

use std::ops::Range;

const SOURCES: [&str; 2] =
    [include_str!("../corpus/ict2023-public-comments.txt"), include_str!("../corpus/taskforce44-minutes.txt")];

/// How a document is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Prose,
    Pdf,
    Repeated,
}

impl Shape {
    pub const ALL: [Shape; 3] = [Shape::Prose, Shape::Pdf, Shape::Repeated];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Prose => "prose",
            Shape::Pdf => "pdf",
            Shape::Repeated => "repeated",
        }
    }
}

/// The kinds of edit made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A kanji word replaced by another (設置→開催).
    KanjiWord,
    /// A word in kana given its kanji (ため→為, あたって→当たって, など→等).
    KanaToKanji,
    /// A word in kanji written in kana (更に→さらに, 及び→および, 等→など).
    KanjiToKana,
    /// An ASCII token or file name changed (44-2→44-3, v1.0.pdf→v1.1.pdf).
    Ascii,
    /// A sentence inserted after a full stop.
    SentenceInserted,
    /// A clause deleted with its comma.
    ClauseDeleted,
    /// Full-width forms made half-width or the reverse (（→(, ２０２３→2023).
    Width,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::KanjiWord,
        Kind::KanaToKanji,
        Kind::KanjiToKana,
        Kind::Ascii,
        Kind::SentenceInserted,
        Kind::ClauseDeleted,
        Kind::Width,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::KanjiWord => "kanji word",
            Kind::KanaToKanji => "kana→kanji",
            Kind::KanjiToKana => "kanji→kana",
            Kind::Ascii => "ASCII token",
            Kind::SentenceInserted => "sentence inserted",
            Kind::ClauseDeleted => "clause deleted",
            Kind::Width => "full/half width",
        }
    }
}

/// One known edit: byte ranges of the old and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub kind: Kind,
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

/// A deterministic pseudo-random sequence (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The sentences of the corpus: cells of the tables and lines of the minutes cut after 。,
/// those of 12 to 120 characters that are mostly Japanese.
pub fn sentences() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for source in SOURCES {
        for cell in source.split(['\t', '\n']) {
            let mut rest = cell.trim();
            while !rest.is_empty() {
                let end = rest.find('。').map_or(rest.len(), |i| i + '。'.len_utf8());
                let s = rest[..end].trim();
                rest = &rest[end..];
                let n = s.chars().count();
                let japanese = s.chars().filter(|c| *c as u32 >= 0x3000).count();
                if (12..=120).contains(&n) && japanese * 10 >= n * 7 && s.ends_with('。') && balanced(s) {
                    out.push(s.to_owned());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether every bracket of `s` is closed in it, in order (a sentence cut out of a quote is not).
fn balanced(s: &str) -> bool {
    let mut open = Vec::new();
    for c in s.chars() {
        match c {
            '「' | '（' | '『' | '(' | '【' => open.push(c),
            '」' | '）' | '』' | ')' | '】' => {
                let want = match c {
                    '」' => '「',
                    '）' => '（',
                    '』' => '『',
                    ')' => '(',
                    _ => '【',
                };
                if open.pop() != Some(want) {
                    return false;
                }
            }
            _ => {}
        }
    }
    open.is_empty()
}

const TITLE: &str = "ICTサイバーセキュリティ総合対策2023（案）";
const CHAPTERS: [&str; 4] =
    ["第１章　サイバーセキュリティの現状", "第２章　今後の取組の方向性", "第３章　具体的な施策", "第４章　推進体制"];
const WRAP: usize = 35;
const PAGE_LINES: usize = 36;

/// A document of at least `bytes` bytes in `shape`.
pub fn base(shape: Shape, bytes: usize, seed: u64) -> String {
    let pool = sentences();
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 4096);
    let paragraph = |rng: &mut Rng| -> String {
        let mut p = String::from("　");
        for _ in 0..3 + rng.below(4) {
            p.push_str(&pool[rng.below(pool.len())]);
        }
        p
    };
    match shape {
        Shape::Prose => {
            while out.len() < bytes {
                out.push_str(&paragraph(&mut rng));
                out.push('\n');
            }
        }
        Shape::Pdf | Shape::Repeated => {
            let lines_of = |p: &str| -> Vec<String> {
                let chars: Vec<char> = p.chars().collect();
                chars.chunks(WRAP).map(|c| c.iter().collect()).collect()
            };
            // The pool of repeated lines holds sentences with ASCII tokens and parentheses too, so
            // that every kind of edit finds places in it.
            let with = |f: fn(&str) -> bool| -> Vec<&String> { pool.iter().filter(|s| f(s)).collect() };
            let ascii = with(|s| s.bytes().filter(u8::is_ascii_alphanumeric).count() >= 4);
            let parens = with(|s| s.contains(['（', '(']));
            // Its lines are cut where a word may end (the script changes, or after a mark), not in
            // mid-word: shuffled, a line would otherwise start with the tail of a word whose head
            // ended another line (大|変重要), which no document holds.
            let word_lines = |p: &str| -> Vec<String> {
                let chars: Vec<char> = p.chars().collect();
                let mut out = Vec::new();
                let mut start = 0;
                while start < chars.len() {
                    let mut end = (start + WRAP).min(chars.len());
                    if end < chars.len() {
                        let cut = (start + WRAP / 2..end)
                            .rev()
                            .find(|&k| class(chars[k - 1]) != class(chars[k]) || "、。）」".contains(chars[k - 1]));
                        end = cut.unwrap_or(end);
                    }
                    out.push(chars[start..end].iter().collect());
                    start = end;
                }
                out
            };
            let repeated: Vec<String> = (0..8)
                .flat_map(|_| {
                    let mut p = paragraph(&mut rng);
                    p.push_str(ascii[rng.below(ascii.len())]);
                    p.push_str(parens[rng.below(parens.len())]);
                    word_lines(&p)
                })
                .take(48)
                .collect();
            let mut page = 1;
            let mut queue: Vec<String> = Vec::new();
            while out.len() < bytes {
                let head = if page % 2 == 1 { TITLE } else { CHAPTERS[(page / 20) % CHAPTERS.len()] };
                out.push_str(head);
                out.push('\n');
                for _ in 0..PAGE_LINES {
                    let line = if shape == Shape::Repeated {
                        repeated[rng.below(repeated.len())].clone()
                    } else {
                        if queue.is_empty() {
                            queue = lines_of(&paragraph(&mut rng));
                            queue.reverse();
                        }
                        queue.pop().unwrap_or_default()
                    };
                    out.push_str(&line);
                    out.push('\n');
                }
                out.push_str(&format!("- {page} -\n"));
                page += 1;
            }
        }
    }
    out
}

const KANJI_WORDS: &[(&str, &str)] = &[
    ("対策", "施策"),
    ("検討", "議論"),
    ("推進", "促進"),
    ("強化", "拡充"),
    ("把握", "確認"),
    ("整備", "構築"),
    ("重要", "肝要"),
    ("必要", "不可欠"),
    ("情報", "情勢"),
    ("事業者", "企業"),
];
const KANA_TO_KANJI: &[(&str, &str)] = &[
    ("ため", "為"),
    ("こと", "事"),
    ("など", "等"),
    ("よう", "様"),
    ("ところ", "所"),
    ("もの", "物"),
    ("あたって", "当たって"),
    ("さらに", "更に"),
    ("いたします", "致します"),
    ("とき", "時"),
    ("わたって", "亘って"),
];
const KANJI_TO_KANA: &[(&str, &str)] = &[
    ("及び", "および"),
    ("更に", "さらに"),
    ("当たって", "あたって"),
    ("全て", "すべて"),
    ("行う", "おこなう"),
    ("係る", "かかる"),
    ("我が国", "わが国"),
    ("様々", "さまざま"),
    ("等", "など"),
    ("事", "こと"),
];
const WIDTH: &[(&str, &str)] = &[("（", "("), ("）", ")"), ("(", "（"), (")", "）"), ("：", ":"), ("％", "%")];

/// A rough class of a character, as a reader sees runs: kanji, hiragana, katakana, letters and
/// digits, white space, or a mark (each mark a class of its own).
pub fn class(c: char) -> u32 {
    match c {
        '々' | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => 0,
        '\u{3041}'..='\u{309f}' => 1,
        '\u{30a0}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}' => 2,
        c if c.is_alphanumeric() => 3,
        c if c.is_whitespace() => 4,
        c => 5 + c as u32,
    }
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '々')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}')
}

/// Whether replacing `word` at `at` edits a word of its own, not a piece of a longer one: a
/// single kanji (等, 事) must stand after kana or kanji and before kana or punctuation; a kana
/// word must not be glued to more kana of the same word (こと of ことば).
fn stands_alone(text: &str, at: usize, word: &str) -> bool {
    let before = text[..at].chars().next_back().unwrap_or('\n');
    let after = text[at + word.len()..].chars().next().unwrap_or('\n');
    let first = word.chars().next().unwrap_or(' ');
    if word.chars().count() == 1 && is_kanji(first) {
        return match word {
            "等" => is_kanji(before) && !is_kanji(after),
            _ => is_hiragana(before) && !is_kanji(after) && !is_kanji(before),
        };
    }
    if is_hiragana(first) {
        // A short kana word stands before a particle or a mark (とき of ときに, not of と + きちんと).
        let short = word.chars().count() <= 3;
        let before_ok = !is_hiragana(before) || matches!(before, 'の' | 'に' | 'を' | 'は' | 'が' | 'る' | 'た' | 'な');
        return before_ok && (!short || "がはをにのでもと、。だな".contains(after));
    }
    !is_kanji(before) && !is_kanji(after) || word.chars().count() >= 2
}

/// Candidate edits of one kind in `text`: (old range, replacement).
pub fn sites(kind: Kind, text: &str, pool: &[String]) -> Vec<(Range<usize>, String)> {
    let pairs = |list: &[(&str, &str)]| -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        for (o, n) in list {
            for (i, _) in text.match_indices(o) {
                if stands_alone(text, i, o) {
                    out.push((i..i + o.len(), (*n).to_owned()));
                }
            }
        }
        out
    };
    match kind {
        Kind::KanjiWord => pairs(KANJI_WORDS),
        Kind::KanaToKanji => pairs(KANA_TO_KANJI),
        Kind::KanjiToKana => pairs(KANJI_TO_KANA),
        Kind::Width => {
            let mut out = pairs(WIDTH);
            // Runs of full-width digits made half-width, and half-width ones full.
            let b = text.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
                    let end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    if end < b.len() && !b[end].is_ascii_alphanumeric() && b[end] != b'.' && b[end] != b'-' {
                        let full: String =
                            text[i..end].chars().map(|c| char::from_u32(c as u32 - 0x30 + 0xff10).unwrap()).collect();
                        out.push((i..end, full));
                    }
                    i = end;
                } else {
                    i += 1;
                }
            }
            out
        }
        Kind::Ascii => {
            // ASCII tokens of 3 or more: letters and digits, joined by . - _ / (44-2, v1.0.pdf, ICT).
            let b = text.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                let tok = |c: u8| c.is_ascii_alphanumeric() || b"._-/".contains(&c);
                if b[i].is_ascii_alphanumeric() && (i == 0 || !tok(b[i - 1])) {
                    let mut end = i + b[i..].iter().take_while(|&&c| tok(c)).count();
                    while end > i && !b[end - 1].is_ascii_alphanumeric() {
                        end -= 1;
                    }
                    let t = &text[i..end];
                    if t.len() >= 3 && t.bytes().any(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'.') {
                        // Change the last letter or digit before any extension.
                        let stem_end = t.rfind('.').filter(|&d| d > 0).unwrap_or(t.len());
                        let k = t[..stem_end].rfind(|c: char| c.is_ascii_alphanumeric()).unwrap_or(0);
                        let c = t.as_bytes()[k];
                        let r = match c {
                            b'0'..=b'8' => c + 1,
                            b'9' => b'0',
                            b'a'..=b'y' | b'A'..=b'Y' => c + 1,
                            _ => b'A',
                        };
                        let new = format!("{}{}{}", &t[..k], r as char, &t[k + 1..]);
                        out.push((i..end, new));
                    }
                    i = end.max(i + 1);
                } else {
                    i += 1;
                }
            }
            out
        }
        // A sentence that is neither the one before nor the one after (the insertion would be
        // ambiguous: any tool may show it one sentence off).
        Kind::SentenceInserted => text
            .match_indices('。')
            .enumerate()
            .filter_map(|(k, (i, _))| {
                let at = i + '。'.len_utf8();
                let s = &pool[(k * 7919) % pool.len()];
                (!text[at..].starts_with(s.as_str()) && !text[..at].ends_with(s.as_str())).then(|| (at..at, s.clone()))
            })
            .collect(),
        Kind::ClauseDeleted => {
            // From after a 、 to the next 、 (included), 4 to 20 characters without a line break.
            let commas: Vec<usize> = text.match_indices('、').map(|(i, _)| i).collect();
            commas
                .windows(2)
                .filter_map(|w| {
                    let (a, b) = (w[0] + '、'.len_utf8(), w[1] + '、'.len_utf8());
                    let clause = &text[a..b];
                    let n = clause.chars().count();
                    ((5..=21).contains(&n) && !clause.contains(['\n', '。']) && balanced(clause))
                        .then(|| (a..b, String::new()))
                })
                .collect()
        }
    }
}

/// Whether byte `at` of `text` stands on a line of page furniture: the running head (the title
/// or a chapter) or the `- N -` footer. The edits are made in the body: a revision that changes
/// the running head changes layout, which akaji reports apart from the content.
fn furniture(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..text[at..].find('\n').map_or(text.len(), |i| at + i)];
    line == TITLE || CHAPTERS.contains(&line) || (line.starts_with("- ") && line.ends_with(" -"))
}

/// A document of about `bytes` bytes in `shape` with `edits` known edits, spread evenly over the
/// kinds, at least 64 bytes apart, none across a line break, none on a line of page furniture.
pub fn sample(shape: Shape, bytes: usize, edits: usize, seed: u64) -> Sample {
    let old = base(shape, bytes, seed);
    let pool = sentences();
    let mut rng = Rng(seed ^ 0x5eed);
    let all: Vec<Vec<(Range<usize>, String)>> = Kind::ALL.iter().map(|&k| sites(k, &old, &pool)).collect();
    let mut chosen: Vec<(Range<usize>, String, Kind)> = Vec::with_capacity(edits);
    let mut taken = std::collections::BTreeMap::new();
    let mut tries = 0;
    while chosen.len() < edits && tries < edits * 200 {
        tries += 1;
        let k = tries % Kind::ALL.len();
        let Some((r, n)) = all[k].get(rng.below(all[k].len())).cloned() else { continue };
        let lo = r.start.saturating_sub(64);
        if old[r.clone()].contains('\n')
            || furniture(&old, r.start)
            || taken.range(lo..r.end + 64).next().is_some()
            || taken.range(..lo).next_back().is_some_and(|(_, &e): (&usize, &usize)| e + 64 > r.start)
        {
            continue;
        }
        taken.insert(r.start, r.end);
        chosen.push((r, n, Kind::ALL[k]));
    }
    chosen.sort_by_key(|c| c.0.start);
    let mut new = String::with_capacity(old.len() + edits * 64);
    let mut out = Vec::with_capacity(chosen.len());
    let mut at = 0;
    for (r, n, kind) in chosen {
        new.push_str(&old[at..r.start]);
        let start = new.len();
        new.push_str(&n);
        out.push(Edit { kind, old: r.clone(), new: start..new.len() });
        at = r.end;
    }
    new.push_str(&old[at..]);
    Sample { old, new, edits: out }
}
