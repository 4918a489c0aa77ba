//! Word units of Japanese text: what the diff compares, and where a change may begin or end,
//! for the diff and for the ledger's widening alike.
//!
//! Japanese has no spaces, so a whitespace word diff replaces whole sentences and a character
//! diff shreds words. The units here are runs of kanji with their okurigana (当たって, 促す),
//! the words of a hiragana run (particles, auxiliaries and formal nouns apart: に|あたって|は,
//! する|こと|に|より; see [`kana`]), runs of katakana, Latin words and numbers, URLs and file
//! names (`867112.pdf`) whole, white space runs, and each punctuation mark alone. A grapheme
//! cluster (an emoji with its modifiers, a kanji with its variation selector, `e` + combining
//! accent) is never split.
//!
//! The diff (`akaji::diff`) compares these units and widens every change to their
//! [`boundaries`]; `apply` widens the changed part of a replacement with [`widen_change`], on
//! the same boundaries, so a redline of a ledger and a diff of its draft and final show the same
//! replacement: 「あたって」→「当たって」 is [あたって→当たって] and 「更に」→「さらに」 is
//! [更に→さらに] in both.
//!
//! [`fine_boundaries`] adds the places inside a unit where a change may still stop without
//! cutting a word: between kanji or katakana of a compound when at least two remain on each side
//! (設置|場所, SaaS|サービス → クラウド|サービス) or, in a three-kanji word, a common prefix or suffix
//! stands apart (再|設置, 検討|会), and after each `/` of a URL or path (so a changed file name is
//! shown as that name). Weaker ("soft") places, between two other kanji of a run, count where
//! the other text has a full boundary (事業者[など→等]).
//!
//! ```
//! use akaji::words::{units, fine_boundaries};
//! let t = "推進にあたってはASEANの867112.pdfを参照するための";
//! let u: Vec<&str> = units(t).iter().map(|r| &t[r.clone()]).collect();
//! assert_eq!(u, ["推進", "に", "あたって", "は", "ASEAN", "の", "867112.pdf", "を", "参照", "する", "ため", "の"]);
//! assert_eq!(units("促す為の").len(), 3);
//! let b = fine_boundaries("にあたっては");
//! assert!(b.contains(&3) && b.contains(&15) && !b.contains(&6));
//! ```

mod clusters;
pub mod kana;

use clusters::graphemes;
pub use clusters::{grapheme_starts, is_grapheme_boundary};
pub(crate) use clusters::{quick_boundary, text_after, text_before};

use crate::char_class::{class_of, CharClass};
use std::ops::Range;

/// Kanji that often end a compound as a suffix (検討|会, 利用|者): a change may stop before them.
const KANJI_SUFFIXES: &str =
    "会者的性化等用上内外中型式率法省庁局課部版案書表類別後前時間向費額数点面策番号回件名個枚章節条項";

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
    /// Where the okurigana of a kanji unit begins.
    okurigana: Option<usize>,
    /// Whether the unit is (or ends in) hiragana that [`kana::split`] does not list.
    unlisted: bool,
}

/// The word units of `text`, in order, covering it without gaps.
pub fn units(text: &str) -> Vec<Range<usize>> {
    scan(text).into_iter().map(|u| u.range).collect()
}

/// Byte offsets where the word units of `text` start.
pub fn unit_starts(text: &str) -> Vec<usize> {
    scan(text).into_iter().map(|u| u.range.start).collect()
}

/// Every place in `text` where a change may begin or end: the unit boundaries and the finer
/// places inside units described in the module docs. Sorted, with 0 and `text.len()`.
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
        // Okurigana belong to their kanji: no place between them (「取りまとめ」→「とりまとめ」
        // is one replacement, not [取→と]りまとめ).
        let body = &text[u.range.start..u.okurigana.unwrap_or(u.range.end)];
        if u.unlisted {
            // Inside unlisted kana (okurigana included, not where they meet their kanji) a
            // change may stop where the other text has a unit boundary: 含めて[様々→さまざま]な,
            // where 「めてさまざま」 is one stretch to the rules.
            let kana = u.okurigana.unwrap_or(u.range.start);
            soft.extend(graphemes(&text[kana..u.range.end]).into_iter().skip(1).map(|(i, _)| kana + i));
        }
        match u.kind {
            Kind::Run(script @ (CharClass::Kanji | CharClass::Katakana)) => {
                // A line break inside (a wrapped word) is not counted as a kanji.
                let gs: Vec<(usize, &str)> = graphemes(body).into_iter().filter(|g| !g.1.ends_with('\n')).collect();
                let n = gs.len();
                let first = |j: usize| gs[j].1.chars().next().unwrap_or(' ');
                // Kanji with okurigana end in a verb or adjective of one kanji: 情報|漏えい.
                let verb = u.okurigana.is_some();
                for (j, &(at, _)) in gs.iter().enumerate().skip(1) {
                    // In a run of three or more, a common suffix stands apart at the end (検討|会,
                    // 導入検討|中), and a common prefix, or a suffix ending the word before, at
                    // the start (再|設置, 別|対策).
                    let affix = script == CharClass::Kanji
                        && n >= 3
                        && ((j == n - 1 && (KANJI_SUFFIXES.contains(first(j)) || verb))
                            || (j == 1 && (KANJI_PREFIXES.contains(first(0)) || KANJI_SUFFIXES.contains(first(0)))));
                    // Where a line break stands between the two kanji, on both sides of it.
                    let before = gs[j - 1].0 + gs[j - 1].1.len();
                    let places = [u.range.start + before, u.range.start + at];
                    let places = &places[usize::from(before == at)..];
                    // A line break a word was wrapped at is a place to stop too (例⏎[情報→情勢]).
                    if (j >= 2 && n - j >= 2) || affix || (verb && j == n - 1) || before != at {
                        places.iter().for_each(|&p| push(&mut out, p));
                    } else if script == CharClass::Kanji {
                        soft.extend(places);
                    }
                }
            }
            Kind::Url | Kind::Run(CharClass::Latin) => {
                for (i, _) in body.match_indices('/') {
                    push(&mut out, u.range.start + i + 1);
                }
                // Around the other marks that join a token, where the other text cuts it
                // (「p.79」→「p.７９」 is p.[79→７９]; 867112.pdf→000690267.pdf stays whole).
                for (i, c) in body.char_indices().filter(|(_, c)| c.is_ascii_punctuation() && *c != '/') {
                    soft.extend([u.range.start + i, u.range.start + i + c.len_utf8()]);
                }
            }
            _ => {}
        }
    }
    push(&mut out, text.len());
    soft.sort_unstable();
    Boundaries { hard: out, soft }
}

/// Whether a change may begin or end at `o` in the old text and `n` in the new: a hard boundary
/// on both sides, or a hard on one and a soft on the other.
pub fn agree(old: &Boundaries, new: &Boundaries, o: usize, n: usize) -> bool {
    let at = |v: &[usize], x: usize| v.binary_search(&x).is_ok();
    let (oh, nh) = (at(&old.hard, o), at(&new.hard, n));
    (oh && (nh || at(&new.soft, n))) || (nh && at(&old.soft, o))
}

/// Widen the one change of `old` into `new` that keeps `prefix` bytes at their start and
/// `suffix` bytes at their end (the same in both) until both its ends fall where the texts
/// [`agree`]; returns the widened `(prefix, suffix)`. This is how `apply` reads a replacement
/// whose `old` and `new` share their ends, and how the diff widens each change.
///
/// ```
/// use akaji::words::widen_change;
/// assert_eq!(widen_change("あたって", "当たって", 0, "たって".len()), (0, 0));
/// assert_eq!(widen_change("更に、", "さらに、", 0, "に、".len()), (0, "、".len()));
/// assert_eq!(widen_change("設置場所", "開催場所", 0, "場所".len()), (0, "場所".len()));
/// ```
pub fn widen_change(old: &str, new: &str, mut prefix: usize, mut suffix: usize) -> (usize, usize) {
    let (ob, nb) = (boundaries(old), boundaries(new));
    while prefix > 0 && !agree(&ob, &nb, prefix, prefix) {
        prefix -= text_before(old, prefix);
    }
    while suffix > 0 && !agree(&ob, &nb, old.len() - suffix, new.len() - suffix) {
        suffix -= text_after(old, old.len() - suffix);
    }
    (prefix, suffix)
}

fn push(out: &mut Vec<usize>, at: usize) {
    if out.last() != Some(&at) {
        out.push(at);
    }
}

fn scan(text: &str) -> Vec<Unit> {
    let gs = graphemes(text);
    // Each cluster's class once (the loops below read most of them two or three times).
    let classes: Vec<CharClass> = gs.iter().map(|g| g.1.chars().next().map_or(CharClass::Punct, class_of)).collect();
    let ascii_alnum = |g: &str| g.len() == 1 && g.as_bytes()[0].is_ascii_alphanumeric();
    let mut out = Vec::with_capacity(gs.len() / 2 + 1);
    let mut i = 0;
    while i < gs.len() {
        let start = gs[i].0;
        // Only a Latin letter may open a URL's scheme.
        if let Some(len) = (classes[i] == CharClass::Latin).then(|| url_len(&text[start..])).flatten() {
            let end = start + len;
            while i < gs.len() && gs[i].0 < end {
                i += 1;
            }
            out.push(Unit { range: start..end, kind: Kind::Url, okurigana: None, unlisted: false });
            continue;
        }
        let s = classes[i];
        i += 1;
        let kind = match s {
            CharClass::Punct => Kind::Single,
            CharClass::Latin => {
                loop {
                    if i < gs.len() && classes[i] == CharClass::Latin {
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
                // A kanji word wrapped at a line break (大⏎変重要, as text extracted from PDF
                // has it) is one run with the break inside.
                let wrapped = |i: usize| {
                    s == CharClass::Kanji
                        && matches!(gs[i].1, "\n" | "\r\n")
                        && classes.get(i + 1) == Some(&CharClass::Kanji)
                };
                while i < gs.len() && (classes[i] == s || wrapped(i)) {
                    i += 1;
                }
                Kind::Run(s)
            }
        };
        let end = gs.get(i).map_or(text.len(), |g| g.0);
        if kind == Kind::Run(CharClass::Hiragana) {
            hiragana(&mut out, text, start..end);
        } else {
            out.push(Unit { range: start..end, kind, okurigana: None, unlisted: false });
        }
    }
    out
}

/// Push the words of the hiragana run at `run`: an unlisted stretch right after kanji joins
/// them as okurigana.
fn hiragana(out: &mut Vec<Unit>, text: &str, run: Range<usize>) {
    let mut first = true;
    kana::each_piece(&text[run.clone()], |piece| {
        let opens_run = std::mem::replace(&mut first, false);
        let range = piece.range.start + run.start..piece.range.end + run.start;
        if let Some(last) = out.last_mut().filter(|u| {
            opens_run && !piece.listed && u.kind == Kind::Run(CharClass::Kanji) && u.range.end == range.start
        }) {
            last.okurigana = Some(range.start);
            last.range.end = range.end;
            last.unlisted = true;
            return;
        }
        out.push(Unit { range, kind: Kind::Run(CharClass::Hiragana), okurigana: None, unlisted: !piece.listed });
    });
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

    fn split(t: &str) -> Vec<&str> {
        units(t).iter().map(|r| &t[r.clone()]).collect()
    }

    #[test]
    fn runs_of_one_script() {
        assert_eq!(
            split("分科会を設置し、クラウドサービスを"),
            ["分科会", "を", "設置", "し", "、", "クラウドサービス", "を"]
        );
        assert_eq!(split("当たって"), ["当たって"]);
        assert_eq!(split("促すための"), ["促す", "ため", "の"]);
        assert_eq!(split("推進する事により"), ["推進", "する", "事", "に", "より"]);
        assert_eq!(split("ＰＣと２０２３年"), ["ＰＣ", "と", "２０２３", "年"]);
        // A kanji word wrapped at a line break stays one run, counted without the break.
        assert_eq!(split("大\n変重要だ"), ["大\n変重要", "だ"]);
        assert_eq!(fine_boundaries("大\n変重要"), [0, 3, 4, 7, 13]);
        assert_eq!(fine_boundaries("必要\n該当"), [0, 6, 7, 13], "the break stays out of a change");
        assert_eq!(split("。\n変更"), ["。", "\n", "変更"]);
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
        // A kanji with okurigana is a word of its own after a compound: 育成|及び.
        assert_eq!(boundaries("育成及び"), Boundaries { hard: vec![0, 6, 12], soft: vec![3] });
        assert_eq!(fine_boundaries("情報漏えい"), [0, 6, 15]);
        assert_eq!(fine_boundaries("別対策"), [0, 3, 6, 9], "策 a suffix, 別 ends the word before");
        // Around the marks inside a token, softly: p.[79→７９], 867112.pdf whole.
        assert_eq!(boundaries("p.79").soft, [1, 2]);
    }
}
