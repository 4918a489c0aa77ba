//! Words inside a run of hiragana: the particles and auxiliaries apart, okurigana found.
//!
//! A run of hiragana in Japanese is not a word: 「促すための」 is 促す|ため|の: okurigana, a
//! formal noun and a particle. Taking the whole run as the unit showed ため→為 as [すため→す為].
//! The function words of Japanese are a closed class, so a short list finds them: particles
//! (の に は を が で と も へ や から まで より …), auxiliaries and formal nouns (する ます ため こと
//! よう など ほか もの ところ …), and the adverbs and conjunctions a plan writes in either form
//! (さらに/更に, および/及び, すべて/全て). A run is cut where the most of its characters are
//! covered by listed words, each stretch of unlisted characters costing as much as two listed
//! ones: 「すための」 is す|ため|の, while 「りまとめ」 (of 取りまとめ) stays whole rather than
//! become りま|と|め. An unlisted stretch that opens a run right after kanji is its okurigana.
//!
//! A morphological segmenter was measured against these rules on the peer benchmark's edits
//! (`cargo bench --bench units`; MeCab with IPADIC, the model and dictionary lindera embeds):
//! as units alone MeCab is exact on more edits (97.9% against 86.5%, since it cuts kanji
//! compounds), but the diff cuts compounds at its finer boundaries anyway, and with the rules
//! the engine shows 99.7–100% of every kind of edit as one exact hunk (README.md, Benchmarks).
//! The rules cut 10 MB of prose 9 times faster than MeCab, add no dictionary to the binary
//! (IPADIC is 52 MB) and build offline: lindera-ipadic downloads its dictionary when built (this
//! project's CI reaches only package registries) and needs Rust 1.88.
//!
//! ```
//! use akaji::words::kana::split;
//! let pieces = |run: &str| -> Vec<String> { split(run).into_iter().map(|p| run[p.range].to_owned()).collect() };
//! assert_eq!(pieces("すための"), ["す", "ため", "の"]);
//! assert_eq!(pieces("することにより"), ["する", "こと", "に", "より"]);
//! assert_eq!(pieces("にあたっては"), ["に", "あたって", "は"]);
//! assert_eq!(pieces("りまとめ"), ["りまとめ"]);
//! assert!(!split("すための")[0].listed && split("すための")[1].listed);
//! ```

use super::clusters::quick_boundary;
use std::ops::Range;
use std::sync::OnceLock;

/// The listed words, blank-separated: particles, auxiliaries and their forms, formal nouns,
/// and the adverbs, conjunctions, demonstratives and common verbs written in hiragana.
const LISTED: &str = "
    の に は を が で と も へ や か な から まで より ので のに けど けれども ながら ずつ だけ のみ ほど
    くらい ばかり しか こそ ても でも とも
    する し した して します しました しない せず される され させる させ させて できる でき できない
    れる られる られ ます ました ません です でした だ である であり であった ある あり あった ない なく
    なかった いる いた いて おり おる なる なり なった いく いき くる たい べき すべき よい よく ください
    いただく いただき いただける みる おく
    ため こと よう など ほか もの とき ところ うえ つき たび まま
    また および ならびに または もしくは かつ さらに なお ただし しかし すべて あるいは ともに その この
    それ これ あの どの いずれ ついて おいて よって わたって あたり おける よる
";

/// A piece of a hiragana run: a listed word, or a stretch of other characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range within the run.
    pub range: Range<usize>,
    /// Whether it is a listed word.
    pub listed: bool,
}

/// The listed words by their first character, longest first.
fn by_first() -> &'static [Vec<(&'static str, usize)>] {
    static TABLE: OnceLock<Vec<Vec<(&'static str, usize)>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![Vec::new(); 0x60];
        for w in LISTED.split_whitespace() {
            if let Some(i) = w.chars().next().and_then(slot) {
                t[i].push((w, w.chars().count()));
            }
        }
        for v in &mut t {
            v.sort_by_key(|w| std::cmp::Reverse(w.1));
            v.dedup();
        }
        t
    })
}

/// Whether a word at `start..end` of `run` would leave grapheme clusters whole (a combining
/// voiced mark or a variation selector after it joins it to the next char).
fn edges(run: &str, start: usize, end: usize) -> bool {
    quick_boundary(run, start) && quick_boundary(run, end)
}

fn slot(c: char) -> Option<usize> {
    (c as usize).checked_sub(0x3040).filter(|&i| i < 0x60)
}

/// Score of a character covered by a listed word.
const COVERED: i32 = 8;
/// Whether `word` is listed.
fn is_listed(word: &str) -> bool {
    word.chars().next().and_then(slot).is_some_and(|k| by_first()[k].iter().any(|w| w.0 == word))
}

/// What a stretch of unlisted characters costs: as much as two covered characters.
const STRETCH_COST: i32 = 2 * COVERED;
/// What every piece costs, so that of two cuts covering as much the one with fewer pieces wins
/// (いた|します, not いた|し|ます).
const PIECE_COST: i32 = 1;

/// Cut a run of hiragana (or any text: characters outside hiragana are never listed) into
/// pieces, as the module docs say. The pieces cover the run in order.
pub fn split(run: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    each_piece(run, |p| pieces.push(p.clone()));
    pieces
}

/// [`split`], each piece given to `f` in order rather than gathered: a run already cut is
/// read from where it is kept, not copied (measured, DHAT, `akaji diff` of 1 MB of pages: the
/// copies were 10,900 of 182,700 allocations).
pub(crate) fn each_piece(run: &str, mut f: impl FnMut(&Piece)) {
    thread_local! {
        // The search's buffers, kept between calls: a plan has a hiragana run every few chars.
        static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
        // The runs already cut: a plan says 「することにより」 and 「については」 thousands of times
        // (the search was 6% of `akaji diff` on 10 MB; a lookup is several times cheaper).
        static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Vec<Piece>>> = Default::default();
    }
    // The buffers are held only while `search` runs, never while `f` does.
    let cut = |run: &str| BUFFERS.with(|b| search(run, &mut b.borrow_mut()));
    if run.chars().nth(1).is_none() {
        if !run.is_empty() {
            f(&Piece { range: 0..run.len(), listed: is_listed(run) });
        }
        return;
    }
    if run.len() > MAX_SEEN_LEN {
        cut(run).iter().for_each(f);
        return;
    }
    SEEN.with(|seen| {
        // Held while `f` runs; an `f` that cut another run would find it held, and search.
        let Ok(mut seen) = seen.try_borrow_mut() else { return cut(run).iter().for_each(&mut f) };
        if let Some(pieces) = seen.get(run) {
            return pieces.iter().for_each(&mut f);
        }
        let pieces = cut(run);
        if seen.len() >= MAX_SEEN {
            seen.clear();
        }
        pieces.iter().for_each(&mut f);
        seen.insert(run.into(), pieces);
    })
}

/// How many runs [`split`] remembers before it starts afresh, and the longest it remembers
/// (runs of a plan are a few characters; a few MB at most).
const MAX_SEEN: usize = 1 << 16;
const MAX_SEEN_LEN: usize = 64;

#[derive(Default)]
struct Buffers {
    chars: Vec<(usize, char)>,
    best: Vec<[i32; 2]>,
    from: Vec<[(usize, usize, bool); 2]>,
}

fn search(run: &str, b: &mut Buffers) -> Vec<Piece> {
    let Buffers { chars, best, from } = b;
    chars.clear();
    chars.extend(run.char_indices());
    let n = chars.len();
    let table = by_first();
    // best[i][s]: the best score of the first i chars, s = 1 when the last piece is unlisted;
    // from[i][s]: (previous i, previous s, listed) of that best.
    const NONE: i32 = i32::MIN / 2;
    best.clear();
    best.resize(n + 1, [NONE, NONE]);
    from.clear();
    from.resize(n + 1, [(0usize, 0usize, false); 2]);
    best[0][0] = 0;
    for i in 0..n {
        for s in 0..2 {
            let score = best[i][s];
            if score == NONE {
                continue;
            }
            let at = chars[i].0;
            if let Some(words) = slot(chars[i].1).map(|k| &table[k]) {
                for &(w, len) in words {
                    if run[at..].starts_with(w) && edges(run, at, at + w.len()) {
                        let v = score + COVERED * len as i32 - PIECE_COST;
                        // On a tie the later start wins: the longer word first (など|の, not な|どの).
                        if v >= best[i + len][0] {
                            best[i + len][0] = v;
                            from[i + len][0] = (i, s, true);
                        }
                    }
                }
            }
            let v = score - if s == 1 { 0 } else { STRETCH_COST + PIECE_COST };
            if v > best[i + 1][1] {
                best[i + 1][1] = v;
                from[i + 1][1] = (i, s, false);
            }
        }
    }
    let byte = |i: usize| chars.get(i).map_or(run.len(), |c| c.0);
    let mut pieces: Vec<Piece> = Vec::new();
    let (mut i, mut s) = (n, if best[n][0] >= best[n][1] { 0 } else { 1 });
    while i > 0 {
        let (pi, ps, listed) = from[i][s];
        match pieces.last_mut() {
            // Unlisted characters in a row form one piece.
            Some(p) if !listed && !p.listed => p.range.start = byte(pi),
            _ => pieces.push(Piece { range: byte(pi)..byte(i), listed }),
        }
        (i, s) = (pi, ps);
    }
    pieces.reverse();
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(run: &str) -> Vec<&str> {
        split(run).into_iter().map(|p| &run[p.range]).collect()
    }

    #[test]
    fn a_remembered_run_is_cut_as_searched() {
        let fresh = |run: &str| search(run, &mut Buffers::default());
        for run in ["することにより", "することにより", "りまとめ", "りまとめ"] {
            assert_eq!(split(run), fresh(run), "{run}");
        }
        // Past the longest run remembered, and after the memory starts afresh.
        let long = "することにより".repeat(4);
        assert!(long.len() > MAX_SEEN_LEN);
        assert_eq!(split(&long), fresh(&long));
        for k in 0..=MAX_SEEN {
            // k in binary, の for 0 and は for 1 after a leading と: every run distinct.
            let run: String =
                std::iter::once('と').chain((0..17).map(|b| if (k >> b) & 1 == 1 { 'は' } else { 'の' })).collect();
            assert!(run.len() <= MAX_SEEN_LEN);
            split(&run);
        }
        assert_eq!(cut("することにより"), ["する", "こと", "に", "より"]);
    }

    #[test]
    fn function_words_stand_apart() {
        assert_eq!(cut("このような"), ["この", "よう", "な"]);
        assert_eq!(cut("そのほか"), ["その", "ほか"]);
        assert_eq!(cut("につき"), ["に", "つき"]);
        assert_eq!(cut("など"), ["など"]);
        assert_eq!(cut("などの"), ["など", "の"]);
        assert_eq!(cut("さらに"), ["さらに"]);
        assert_eq!(cut("いたします"), ["いた", "します"]);
    }

    #[test]
    fn words_that_are_not_listed_stay_whole() {
        assert_eq!(cut("おこなう"), ["おこなう"]);
        assert_eq!(cut("すべて"), ["すべて"]);
        assert_eq!(cut("たって"), ["たって"]);
        assert_eq!(cut(""), Vec::<&str>::new());
        // か + a combining voiced mark is が, not the particle か.
        assert_eq!(cut("か\u{3099}き"), ["か\u{3099}き"]);
    }

    #[test]
    fn pieces_cover_the_run_in_order() {
        let run = "ことあいうえおのためにすることによりそのほか".repeat(100);
        let p = split(&run);
        assert!(p.windows(2).all(|w| w[0].range.end == w[1].range.start));
        assert_eq!((p[0].range.start, p.last().unwrap().range.end), (0, run.len()));
        assert!(p.windows(2).all(|w| w[0].listed || w[1].listed), "unlisted stretches are joined");
    }
}
