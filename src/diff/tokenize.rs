//! Units a reader of Japanese sees: what the diff compares, and where a change may begin or end.
//!
//! Japanese has no spaces, so a whitespace word diff replaces whole sentences and a character
//! diff shreds words. The word units here are runs of one script (kanji, hiragana, katakana,
//! Latin letters and digits), URLs and file names (`867112.pdf`) as one unit, white space runs,
//! and each punctuation mark or symbol alone. A grapheme cluster (an emoji with its modifiers, a
//! kanji with its variation selector, `e` + combining accent) is never split.
//!
//! [`fine_boundaries`] adds the places inside a unit where a change may still stop without
//! cutting a word: between kanji or katakana of a compound when at least two remain on each side
//! (設置|場所, SaaS|サービス → クラウド|サービス) or, in a three-kanji word, a common prefix or suffix
//! stands apart (再|設置, 検討|会), around particles in a hiragana run (に|あたって|は),
//! and after each `/` of a URL or path (so a changed file name is shown as that name).
//!
//! 「推進にあたってはASEANの867112.pdfを参照。」 is the units 推進 / にあたっては / ASEAN / の /
//! 867112.pdf / を / 参照 / 。 (tests below).

use crate::char_class::{class_of, CharClass};
use std::ops::Range;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// Hiragana that usually stand as particles: a change may begin or end beside them.
const PARTICLES: &[char] = &['は', 'が', 'を', 'に', 'の', 'で', 'と', 'も', 'へ', 'や'];

/// Kanji that often end a compound as a suffix (検討|会, 利用|者): a change may stop before them.
const KANJI_SUFFIXES: &str = "会者的性化等用上内外中型式率法省庁局課部版案書表類別後前時間向費額数点面策";

/// Kanji that often open a compound as a prefix (再|設置, 各|事業者): a change may start after them.
const KANJI_PREFIXES: &str = "再各新全非未不無総諸当本同旧現次副準超第約計毎";

/// ASCII marks that join letters and digits into one unit when they stand between two of them
/// (`867112.pdf`, `www.soumu.go.jp`, `II-1`, `10:30`).
const CONNECTORS: &[u8] = b"._-/:~%?=&#+@";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Run(CharClass),
    Url,
    Single,
}

#[derive(Debug, Clone)]
struct Unit {
    range: Range<usize>,
    kind: Kind,
}

/// The word units of `text`, in order, covering it without gaps.
#[cfg(test)]
pub fn units(text: &str) -> Vec<Range<usize>> {
    scan(text).into_iter().map(|u| u.range).collect()
}

/// Byte offsets where the word units of `text` start.
pub fn unit_starts(text: &str) -> Vec<usize> {
    scan(text).into_iter().map(|u| u.range.start).collect()
}

/// Byte offsets where the grapheme clusters of `text` start.
pub fn grapheme_starts(text: &str) -> Vec<usize> {
    if text.chars().all(stands_alone) {
        text.char_indices().map(|(i, _)| i).collect()
    } else {
        text.grapheme_indices(true).map(|(i, _)| i).collect()
    }
}

/// The grapheme clusters of `text` with their offsets. Plans are written in characters that
/// always stand alone; for such a text the clusters are its chars, found without the Unicode
/// segmentation tables (several times faster).
fn graphemes(text: &str) -> Vec<(usize, &str)> {
    if text.chars().all(stands_alone) {
        text.char_indices().map(|(i, c)| (i, &text[i..i + c.len_utf8()])).collect()
    } else {
        text.grapheme_indices(true).collect()
    }
}

/// Whether `c` is a grapheme cluster of its own next to any other such char: ASCII, kana, kanji,
/// CJK, full-width and general punctuation, circled numbers, shapes (Grapheme_Cluster_Break
/// `Other`, `Control` or `LF`; no extenders, joiners, prepended marks, CR or Hangul).
fn stands_alone(c: char) -> bool {
    matches!(c,
        '\n' | '\t' | ' '..='~'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303f}' // CJK marks; 302A-302F extend
        | '\u{3041}'..='\u{3096}' | '\u{309b}'..='\u{30ff}' // kana; 3099-309A extend
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff5e}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{2460}'..='\u{24ff}' | '\u{25a0}'..='\u{25ff}')
}

/// Every place in `text` where a change may begin or end: the unit boundaries and the finer
/// places inside units described in the module docs. Sorted, with 0 and `text.len()`.
#[cfg(test)]
pub fn fine_boundaries(text: &str) -> Vec<usize> {
    boundaries(text).hard
}

/// The places where a change may begin or end, in two strengths.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Boundaries {
    /// Unit boundaries and the finer places of [`fine_boundaries`]: sorted, with 0 and the end.
    pub hard: Vec<usize>,
    /// The other places between two kanji of a run: a change may stop there when the other text
    /// has a hard boundary at the same place (「育成および」→「育成及び」 is 育成[および→及び]).
    pub soft: Vec<usize>,
}

/// The [`Boundaries`] of `text`.
pub fn boundaries(text: &str) -> Boundaries {
    let mut out = vec![0];
    let mut soft = Vec::new();
    for u in scan(text) {
        push(&mut out, u.range.start);
        let body = &text[u.range.clone()];
        match u.kind {
            Kind::Run(script @ (CharClass::Kanji | CharClass::Katakana)) => {
                let gs = graphemes(body);
                let n = gs.len();
                let first = |j: usize| gs[j].1.chars().next().unwrap_or(' ');
                for (j, &(at, _)) in gs.iter().enumerate().skip(1) {
                    let affix = script == CharClass::Kanji
                        && n == 3
                        && ((j == 2 && KANJI_SUFFIXES.contains(first(2)))
                            || (j == 1 && KANJI_PREFIXES.contains(first(0))));
                    if (j >= 2 && n - j >= 2) || affix {
                        push(&mut out, u.range.start + at);
                    } else if script == CharClass::Kanji {
                        soft.push(u.range.start + at);
                    }
                }
            }
            Kind::Run(CharClass::Hiragana) => {
                for (i, g) in graphemes(body) {
                    if g.chars().next().is_some_and(|c| PARTICLES.contains(&c)) {
                        push(&mut out, u.range.start + i);
                        push(&mut out, u.range.start + i + g.len());
                    }
                }
            }
            Kind::Url | Kind::Run(CharClass::Latin) => {
                for (i, _) in body.match_indices('/') {
                    push(&mut out, u.range.start + i + 1);
                }
            }
            _ => {}
        }
    }
    push(&mut out, text.len());
    Boundaries { hard: out, soft }
}

fn push(out: &mut Vec<usize>, at: usize) {
    if out.last() != Some(&at) {
        out.push(at);
    }
}

/// Whether `at` falls between two grapheme clusters of `text`.
pub fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true).is_boundary(text, 0).unwrap_or(true)
}

fn scan(text: &str) -> Vec<Unit> {
    let gs = graphemes(text);
    let script = |g: &str| g.chars().next().map_or(CharClass::Punct, class_of);
    let ascii_alnum = |g: &str| g.len() == 1 && g.as_bytes()[0].is_ascii_alphanumeric();
    let mut out = Vec::with_capacity(gs.len() / 2 + 1);
    let mut i = 0;
    while i < gs.len() {
        let start = gs[i].0;
        if let Some(len) = url_len(&text[start..]) {
            let end = start + len;
            while i < gs.len() && gs[i].0 < end {
                i += 1;
            }
            out.push(Unit { range: start..end, kind: Kind::Url });
            continue;
        }
        let s = script(gs[i].1);
        i += 1;
        let kind = match s {
            CharClass::Punct => Kind::Single,
            CharClass::Latin => {
                loop {
                    if i < gs.len() && script(gs[i].1) == CharClass::Latin {
                        i += 1;
                    } else if i + 1 < gs.len()
                        && joins(gs[i].1, gs[i - 1].1, gs[i + 1].1)
                        && ascii_alnum(gs[i - 1].1)
                        && ascii_alnum(gs[i + 1].1)
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                Kind::Run(CharClass::Latin)
            }
            _ => {
                while i < gs.len() && script(gs[i].1) == s {
                    i += 1;
                }
                Kind::Run(s)
            }
        };
        let end = gs.get(i).map_or(text.len(), |g| g.0);
        out.push(Unit { range: start..end, kind });
    }
    out
}

/// Whether the one-character grapheme `g` joins the ASCII letters or digits around it.
fn joins(g: &str, before: &str, after: &str) -> bool {
    let b = g.as_bytes();
    if b.len() != 1 {
        return false;
    }
    let digits = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
    CONNECTORS.contains(&b[0]) || (b[0] == b',' && digits(before) && digits(after))
}

/// The length of a URL at the start of `s`, if one starts there.
fn url_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let scheme = ["https://", "http://", "ftp://"]
        .into_iter()
        .find(|p| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?;
    let ok = |c: u8| c.is_ascii_alphanumeric() || b"-._~:/?#@!$&*+,;=%".contains(&c);
    let mut end = scheme.len() + b[scheme.len()..].iter().take_while(|&&c| ok(c)).count();
    while end > scheme.len() && b".,;:!?".contains(&b[end - 1]) {
        end -= 1;
    }
    (end > scheme.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_of_a_sentence() {
        let t = "推進にあたってはASEANの867112.pdfを参照。";
        let u: Vec<&str> = units(t).iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(u, ["推進", "にあたっては", "ASEAN", "の", "867112.pdf", "を", "参照", "。"]);
        let b = fine_boundaries("にあたっては");
        assert!(b.contains(&3) && b.contains(&15) && !b.contains(&6));
    }

    fn split(t: &str) -> Vec<&str> {
        units(t).iter().map(|r| &t[r.clone()]).collect()
    }

    #[test]
    fn runs_of_one_script() {
        assert_eq!(
            split("分科会を設置し、クラウドサービスを"),
            ["分科会", "を", "設置", "し", "、", "クラウドサービス", "を"]
        );
        assert_eq!(split("当たって"), ["当", "たって"]);
        assert_eq!(split("ＰＣと２０２３年"), ["ＰＣ", "と", "２０２３", "年"]);
    }

    #[test]
    fn file_names_urls_and_numbers_stay_whole() {
        assert_eq!(split("~867112.pdf）"), ["~", "867112.pdf", "）"]);
        assert_eq!(
            split("（https://www.soumu.go.jp/main_content/000867112.pdf）参照"),
            ["（", "https://www.soumu.go.jp/main_content/000867112.pdf", "）", "参照"]
        );
        assert_eq!(split("3,000件、II-1-(2)"), ["3,000", "件", "、", "II-1", "-", "(", "2", ")"]);
        assert_eq!(split("end. next"), ["end", ".", " ", "next"]);
    }

    #[test]
    fn grapheme_clusters_are_never_split() {
        let t = "👩‍💻e\u{301}葛\u{e0100}";
        assert_eq!(split(t), ["👩‍💻", "e\u{301}", "葛\u{e0100}"]);
        assert_eq!(grapheme_starts(t).len(), 3);
        assert!(!is_grapheme_boundary(t, 4));
    }

    #[test]
    fn fine_boundaries_inside_compounds_particles_and_urls() {
        let b = fine_boundaries("設置場所");
        assert_eq!(b, [0, 6, 12]);
        assert_eq!(fine_boundaries("会議"), [0, 6]);
        assert_eq!(fine_boundaries("検討会"), [0, 6, 9]);
        assert_eq!(fine_boundaries("再設置"), [0, 3, 9]);
        assert_eq!(fine_boundaries("SaaSサービス"), [0, 4, 10, 16]);
        let url = "https://a.jp/x/867112.pdf";
        assert_eq!(fine_boundaries(url), [0, 7, 8, 13, 15, url.len()]);
        assert_eq!(fine_boundaries(""), [0]);
        assert_eq!(fine_boundaries("ntent/867112.pdf"), [0, 6, 16]);
        assert_eq!(boundaries("育成及び").soft, [3, 6]);
    }

    #[test]
    fn chars_said_to_stand_alone_do() {
        let alone: Vec<char> = (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| stands_alone(c)).collect();
        assert!(alone.len() > 28_000, "{}", alone.len());
        for c in alone {
            for t in [format!("a{c}"), format!("{c}a"), format!("{c}{c}"), format!("\n{c}"), format!("{c}\n")] {
                assert_eq!(t.graphemes(true).count(), 2, "{:?}", c);
            }
        }
        // Texts with other chars take the full segmentation.
        assert_eq!(grapheme_starts("か\u{3099}き"), [0, 6]);
        assert_eq!(graphemes("\r\n。").len(), 2);
    }
}
