//! Plans in which known items are moved and reworded, to measure how moves are found.
//!
//! A plan is a list of items (○ and one to three sentences of the corpus, 40–200 characters)
//! under section headings, one item a line ([`Layout::Lines`]) or wrapped at 35 characters as
//! text extracted from PDF ([`Layout::Wrapped`]; a reworded item is wrapped again), or wrapped
//! with a third of the items recurring all through the plan ([`Layout::Repeated`]). The revision:
//! - moves some items elsewhere, each with 0–3 word edits inside (the word kinds of
//!   `corpus.rs`: kanji words, kana↔kanji, ASCII tokens, widths, and a word inserted after a
//!   comma), recorded with the item's byte ranges in both texts;
//! - deletes other items and inserts, elsewhere, passages of the corpus of about the same length
//!   (decoys: a deletion and an insertion that must not pair);
//! - edits other items in place.
//!
//! Operations stand at least two items apart, so that each is its own change. The passages the
//! revision deletes or inserts are made of sentences no other item uses (the corpus's ~300
//! sentences allow about 32 moves and 32 decoys a plan); the other items recur (see
//! `Sentences`), so a large plan is mostly repeated text around distinct moves.

use super::corpus::{self, Kind, Rng};
use akaji::{Hunk, HunkKind};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// How items are laid out in lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One item a line.
    Lines,
    /// Items wrapped at 35 characters.
    Wrapped,
    /// Wrapped at 35, every third item one of twelve that recur all through the plan (items
    /// 「再掲」 under several headings): every line of those is repeated hundreds of times.
    Repeated,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Lines, Layout::Wrapped, Layout::Repeated];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Lines => "one item a line",
            Layout::Wrapped => "wrapped at 35",
            Layout::Repeated => "wrapped, repeated items",
        }
    }

    /// Whether item `k` is one of the recurring ones (never moved, deleted or edited).
    fn recurs(self, k: usize) -> bool {
        self == Layout::Repeated && k % 3 == 2
    }
}

/// A known move: the item's bytes in the old text and in the new, and how many word edits were
/// made inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub edits: usize,
}

/// A deleted item and the unrelated passage inserted elsewhere: must not pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoy {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// Two plans and what the revision did.
#[derive(Debug, Clone)]
pub struct MovedSample {
    pub old: String,
    pub new: String,
    pub moves: Vec<Move>,
    pub decoys: Vec<Decoy>,
}

/// How many operations of each kind a revision makes.
#[derive(Debug, Clone, Copy)]
pub struct Revision {
    pub items: usize,
    pub moves: usize,
    pub decoys: usize,
    pub in_place: usize,
}

const WRAP: usize = 35;
const WORDS: [&str; 5] = ["早急に", "着実に", "引き続き", "一層", "積極的に"];
const WORD_KINDS: [Kind; 5] = [Kind::KanjiWord, Kind::KanaToKanji, Kind::KanjiToKana, Kind::Ascii, Kind::Width];

/// Where items take their sentences from. The corpus holds about 300 sentences, and a plan of
/// thousands of items must repeat them; but a passage the revision deletes or inserts (a moved
/// item's two ends, a decoy's deletion and its insertion) is made of sentences no other such
/// passage and no other item uses ([`Sentences::fresh`]), so that any move reported between two
/// of them other than the known ones is a real false positive, not two passages that the
/// generator happened to make alike. Every other item draws from the rest, which recur far
/// apart once used up (as a long plan's boilerplate does).
struct Sentences {
    /// Sentences taken by the passages the revision deletes or inserts: never used again.
    reserved: HashSet<usize>,
    /// Sentences the other items used since the rest last started over.
    used: HashSet<usize>,
}

impl Sentences {
    fn new() -> Sentences {
        Sentences { reserved: HashSet::new(), used: HashSet::new() }
    }

    /// An item of sentences no item has used (see above); panics when the corpus has too few.
    fn fresh(&mut self, pool: &[String], rng: &mut Rng, around: Option<usize>) -> String {
        let taken = self.reserved.clone();
        let (text, picked) = item(pool, rng, &taken, around)
            .expect("the corpus holds too few distinct sentences for this many moves and decoys");
        self.reserved.extend(picked);
        text
    }

    /// An item of the sentences not reserved, recurring once most of them have been used.
    fn filler(&mut self, pool: &[String], rng: &mut Rng) -> String {
        if (self.used.len() + self.reserved.len()) * 10 >= pool.len() * 8 {
            self.used.clear();
        }
        let taken: HashSet<usize> = self.used.union(&self.reserved).copied().collect();
        let (text, picked) = item(pool, rng, &taken, None).expect("the sentences not reserved make items");
        self.used.extend(picked);
        text
    }
}

/// An item of 40 to 200 characters (or 80–120% of `around`): ○ and whole sentences of the pool
/// not in `taken`, with the sentences it took; `None` when a thousand tries find none.
fn item(pool: &[String], rng: &mut Rng, taken: &HashSet<usize>, around: Option<usize>) -> Option<(String, Vec<usize>)> {
    let free: Vec<usize> = (0..pool.len()).filter(|k| !taken.contains(k)).collect();
    for _ in 0..1000 {
        let target = around.map_or(40 + rng.below(161), |n| n * (85 + rng.below(31)) / 100);
        let mut text = String::from("○");
        let mut picked = Vec::new();
        for _ in 0..40 {
            let Some(&k) = free.get(rng.below(free.len())) else { break };
            let n = text.chars().count() + pool[k].chars().count();
            if picked.contains(&k) || n > 200 {
                continue;
            }
            text.push_str(&pool[k]);
            picked.push(k);
            if n >= target.max(40) {
                break;
            }
        }
        let n = text.chars().count();
        if (40..=200).contains(&n) && around.is_none_or(|a| n * 100 >= a * 80 && n * 100 <= a * 120) {
            return Some((text, picked));
        }
    }
    None
}

/// `text` with up to `edits` word edits at distinct places; returns the text and the edits made.
fn reworded(text: &str, edits: usize, rng: &mut Rng, pool: &[String]) -> (String, usize) {
    let mut sites: Vec<(Range<usize>, String)> =
        WORD_KINDS.iter().flat_map(|&k| corpus::sites(k, text, pool)).collect();
    for (i, _) in text.match_indices('、') {
        let at = i + '、'.len_utf8();
        sites.push((at..at, WORDS[rng.below(WORDS.len())].to_owned()));
    }
    let mut chosen: Vec<(Range<usize>, String)> = Vec::new();
    for _ in 0..sites.len() * 4 {
        if chosen.len() == edits || sites.is_empty() {
            break;
        }
        let (r, n) = sites[rng.below(sites.len())].clone();
        if chosen.iter().all(|(c, _)| r.start >= c.end + 12 || r.end + 12 <= c.start) {
            chosen.push((r, n));
        }
    }
    chosen.sort_by_key(|c| c.0.start);
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for (r, n) in &chosen {
        out.push_str(&text[at..r.start]);
        out.push_str(n);
        at = r.end;
    }
    out.push_str(&text[at..]);
    (out, chosen.len())
}

/// The lines of an item as laid out.
fn lay_out(text: &str, layout: Layout) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    match layout {
        Layout::Lines => out.push_str(text),
        Layout::Wrapped | Layout::Repeated => {
            let chars: Vec<char> = text.chars().collect();
            for (i, line) in chars.chunks(WRAP).enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.extend(line);
            }
        }
    }
    out.push('\n');
    out
}

/// What stands at one place of the new plan.
enum Entry {
    /// An old item, as it was, or edited in place.
    Old(String),
    /// A moved item (its old index) with its new text and edits.
    Moved(usize, String, usize),
    /// An unrelated passage (a decoy's insertion, pairing the decoy of that old item).
    Decoy(usize, String),
}

/// A plan of `r.items` items and its revision.
pub fn sample(layout: Layout, r: Revision, seed: u64) -> MovedSample {
    let pool = corpus::sentences();
    let mut rng = Rng(seed);
    // Places taken by an operation (items, and gaps before items), two apart from each other.
    let mut taken = vec![false; r.items + 1];
    assert!(3 * (2 * r.moves + 2 * r.decoys + r.in_place) <= r.items, "too many operations for the items");
    let take = |rng: &mut Rng, taken: &mut Vec<bool>, avoid: Option<usize>| -> usize {
        loop {
            let k = 1 + rng.below(r.items - 2);
            let near = (k.saturating_sub(2)..=(k + 2).min(r.items)).any(|j| taken[j]);
            if !near && !layout.recurs(k) && avoid.is_none_or(|a| k.abs_diff(a) >= 3) {
                taken[k] = true;
                return k;
            }
        }
    };
    let mut pair = |rng: &mut Rng| {
        let from = take(rng, &mut taken, None);
        (from, take(rng, &mut taken, Some(from)))
    };
    let moved: Vec<(usize, usize)> = (0..r.moves).map(|_| pair(&mut rng)).collect();
    let decoyed: Vec<(usize, usize)> = (0..r.decoys).map(|_| pair(&mut rng)).collect();
    let edited: Vec<usize> = (0..r.in_place).map(|_| take(&mut rng, &mut taken, None)).collect();
    // The passages the revision deletes or inserts first, of sentences of their own; then the rest.
    let mut sentences = Sentences::new();
    let mut texts: BTreeMap<usize, String> = BTreeMap::new();
    for &(from, _) in moved.iter().chain(&decoyed) {
        texts.insert(from, sentences.fresh(&pool, &mut rng, None));
    }
    let decoy_texts: Vec<String> =
        decoyed.iter().map(|(from, _)| sentences.fresh(&pool, &mut rng, Some(texts[from].chars().count()))).collect();
    let common: Vec<String> = (0..12).map(|_| sentences.filler(&pool, &mut rng)).collect();
    let items: Vec<String> = (0..r.items)
        .map(|k| match texts.remove(&k) {
            Some(t) => t,
            None if layout.recurs(k) => common[k % 12].clone(),
            None => sentences.filler(&pool, &mut rng),
        })
        .collect();
    let mut before: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
    let mut gone = vec![false; r.items];
    let mut in_place: BTreeMap<usize, String> = BTreeMap::new();
    for (m, &(from, to)) in moved.iter().enumerate() {
        // A quarter of the moves are unchanged; the others carry 1, 2 or 3 word edits.
        let want = if m % 4 == 0 { 0 } else { 1 + m % 3 };
        let (text, edits) = reworded(&items[from], want, &mut rng, &pool);
        gone[from] = true;
        before.entry(to).or_default().push(Entry::Moved(from, text, edits));
    }
    for (&(from, to), text) in decoyed.iter().zip(decoy_texts) {
        gone[from] = true;
        before.entry(to).or_default().push(Entry::Decoy(from, text));
    }
    for k in edited {
        let (text, _) = reworded(&items[k], 1 + rng.below(3), &mut rng, &pool);
        in_place.insert(k, text);
    }
    let heading = |k: usize| (k % 8 == 0).then(|| format!("第{}節　取組の方向性\n", k / 8 + 1));
    // The old plan, and where each item lies in it.
    let mut old = String::new();
    let mut old_at = Vec::with_capacity(r.items);
    for (k, text) in items.iter().enumerate() {
        old.extend(heading(k));
        let start = old.len();
        old.push_str(&lay_out(text, layout));
        old_at.push(start..old.len());
    }
    let mut new = String::new();
    let (mut moves, mut decoys) = (Vec::new(), Vec::new());
    for k in 0..=r.items {
        if k < r.items {
            new.extend(heading(k));
        }
        let mut entries = before.remove(&k).unwrap_or_default();
        if k < r.items && !gone[k] {
            entries.push(Entry::Old(in_place.get(&k).unwrap_or(&items[k]).clone()));
        }
        for e in entries {
            let start = new.len();
            match e {
                Entry::Old(text) => new.push_str(&lay_out(&text, layout)),
                Entry::Moved(from, text, edits) => {
                    new.push_str(&lay_out(&text, layout));
                    moves.push(Move { old: old_at[from].clone(), new: start..new.len(), edits });
                }
                Entry::Decoy(from, text) => {
                    new.push_str(&lay_out(&text, layout));
                    decoys.push(Decoy { old: old_at[from].clone(), new: start..new.len() });
                }
            }
        }
    }
    moves.sort_by_key(|m| m.old.start);
    MovedSample { old, new, moves, decoys }
}

/// How the moves a diff reports compare with the known ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MoveScore {
    /// Known moves, by number of word edits inside (0 to 3).
    pub known: [usize; 4],
    /// Known moves reported as one move whose ends cover most of the item on each side.
    pub found: [usize; 4],
    /// Moves reported.
    pub reported: usize,
    /// Reported moves that pair a decoy's deletion with its insertion.
    pub decoys_paired: usize,
    /// Reported moves that are no known move, whose two ends are the same text (line breaks
    /// left out): a recurring item deleted in one place whose copy is inserted in another.
    /// Until 2026-12-02 most were pieces of an item edited in place and wrapped again, which the
    /// swap rule of `prefer_long_moves` made a move across a line break (`AKAJI_MOVES_SHOW`
    /// prints them). Counted apart from `false_pairs`, and against strict precision.
    pub identical: usize,
    /// Reported moves that are no known move and pair two different texts: false positives.
    pub false_pairs: usize,
}

impl MoveScore {
    pub fn recall(&self, edits: Option<usize>) -> f64 {
        let (f, k) = match edits {
            Some(e) => (self.found[e], self.known[e]),
            None => (self.found.iter().sum(), self.known.iter().sum()),
        };
        100.0 * f as f64 / k.max(1) as f64
    }

    /// Share of the reported moves that are no false pair of two different texts (a known move,
    /// or the same text; see `identical`).
    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            return 100.0;
        }
        100.0 * (self.reported - self.false_pairs) as f64 / self.reported as f64
    }

    /// Share of the reported moves that are known moves.
    pub fn strict_precision(&self) -> f64 {
        if self.reported == 0 {
            return 100.0;
        }
        100.0 * (self.reported - self.false_pairs - self.identical) as f64 / self.reported as f64
    }

    pub fn add(&mut self, o: &MoveScore) {
        for e in 0..4 {
            self.known[e] += o.known[e];
            self.found[e] += o.found[e];
        }
        self.reported += o.reported;
        self.decoys_paired += o.decoys_paired;
        self.identical += o.identical;
        self.false_pairs += o.false_pairs;
    }
}

/// Whether `got` covers at least half of `want` (both byte ranges of one text).
fn covers(got: &Range<usize>, want: &Range<usize>) -> bool {
    let overlap = got.end.min(want.end).saturating_sub(got.start.max(want.start));
    2 * overlap >= want.len()
}

/// Score the moves among `hunks` (a diff of the sample's texts).
/// How many of the identical moves `score` prints (`AKAJI_MOVES_SHOW=N`, to see what they are).
fn show_identical() -> usize {
    std::env::var("AKAJI_MOVES_SHOW").ok().and_then(|n| n.parse().ok()).unwrap_or(0)
}

pub fn score(sample: &MovedSample, hunks: &[Hunk]) -> MoveScore {
    type Ends = (Option<Range<usize>>, Option<Range<usize>>);
    let mut ends: BTreeMap<usize, Ends> = BTreeMap::new();
    for h in hunks.iter().filter(|h| h.kind == HunkKind::Move) {
        let e = ends.entry(h.move_id.expect("a move has an id")).or_default();
        if h.old.is_empty() {
            e.1 = Some(h.new.clone());
        } else {
            e.0 = Some(h.old.clone());
        }
    }
    let pairs: Vec<(Range<usize>, Range<usize>)> = ends.into_values().filter_map(|(o, n)| Some((o?, n?))).collect();
    let mut s = MoveScore { reported: pairs.len(), ..MoveScore::default() };
    for m in &sample.moves {
        s.known[m.edits] += 1;
        if pairs.iter().any(|(o, n)| covers(o, &m.old) && covers(n, &m.new)) {
            s.found[m.edits] += 1;
        }
    }
    s.decoys_paired =
        sample.decoys.iter().filter(|d| pairs.iter().any(|(o, n)| covers(o, &d.old) && covers(n, &d.new))).count();
    let unwrapped = |t: &str| t.replace(['\n', '\r'], "");
    for (o, n) in &pairs {
        if sample.moves.iter().any(|m| covers(o, &m.old) && covers(n, &m.new)) {
            continue;
        }
        if unwrapped(&sample.old[o.clone()]) == unwrapped(&sample.new[n.clone()]) {
            s.identical += 1;
            if s.identical <= show_identical() {
                let (o, n) = (super::score::around(&sample.old, o, 60), super::score::around(&sample.new, n, 60));
                eprintln!("identical move:\n  old {o}\n  new {n}");
            }
        } else {
            s.false_pairs += 1;
        }
    }
    s
}
