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
//! Operations stand at least two items apart, so that each is its own change.

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

/// An item of 40 to 200 characters: ○ and whole sentences of the pool, none already used (until
/// most of the pool is: then the sentences start over).
fn item(pool: &[String], rng: &mut Rng, used: &mut HashSet<usize>, around: Option<usize>) -> String {
    // A large plan uses up the corpus: its sentences then recur (as a long plan's do), far apart.
    if used.len() * 10 >= pool.len() * 6 {
        used.clear();
    }
    loop {
        let target = around.map_or(40 + rng.below(161), |n| n * (85 + rng.below(31)) / 100);
        let mut text = String::from("○");
        let mut picked = Vec::new();
        for _ in 0..20 {
            let k = rng.below(pool.len());
            let n = text.chars().count() + pool[k].chars().count();
            if used.contains(&k) || picked.contains(&k) || n > 200 {
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
            used.extend(picked);
            return text;
        }
    }
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
    let mut used = HashSet::new();
    let common: Vec<String> = (0..12).map(|_| item(&pool, &mut rng, &mut used, None)).collect();
    let items: Vec<String> = (0..r.items)
        .map(|k| if layout.recurs(k) { common[k % 12].clone() } else { item(&pool, &mut rng, &mut used, None) })
        .collect();
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
    let mut before: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
    let mut gone = vec![false; r.items];
    let mut in_place: BTreeMap<usize, String> = BTreeMap::new();
    for m in 0..r.moves {
        let from = take(&mut rng, &mut taken, None);
        let to = take(&mut rng, &mut taken, Some(from));
        // A quarter of the moves are unchanged; the others carry 1, 2 or 3 word edits.
        let want = if m % 4 == 0 { 0 } else { 1 + m % 3 };
        let (text, edits) = reworded(&items[from], want, &mut rng, &pool);
        gone[from] = true;
        before.entry(to).or_default().push(Entry::Moved(from, text, edits));
    }
    for _ in 0..r.decoys {
        let from = take(&mut rng, &mut taken, None);
        let to = take(&mut rng, &mut taken, Some(from));
        let text = item(&pool, &mut rng, &mut used, Some(items[from].chars().count()));
        gone[from] = true;
        before.entry(to).or_default().push(Entry::Decoy(from, text));
    }
    for _ in 0..r.in_place {
        let k = take(&mut rng, &mut taken, None);
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
}

impl MoveScore {
    pub fn recall(&self, edits: Option<usize>) -> f64 {
        let (f, k) = match edits {
            Some(e) => (self.found[e], self.known[e]),
            None => (self.found.iter().sum(), self.known.iter().sum()),
        };
        100.0 * f as f64 / k.max(1) as f64
    }

    pub fn precision(&self) -> f64 {
        let found: usize = self.found.iter().sum();
        if self.reported == 0 {
            return 100.0;
        }
        100.0 * found as f64 / self.reported as f64
    }

    pub fn add(&mut self, o: &MoveScore) {
        for e in 0..4 {
            self.known[e] += o.known[e];
            self.found[e] += o.found[e];
        }
        self.reported += o.reported;
        self.decoys_paired += o.decoys_paired;
    }
}

/// Whether `got` covers at least half of `want` (both byte ranges of one text).
fn covers(got: &Range<usize>, want: &Range<usize>) -> bool {
    let overlap = got.end.min(want.end).saturating_sub(got.start.max(want.start));
    2 * overlap >= want.len()
}

/// Score the moves among `hunks` (a diff of the sample's texts).
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
    s
}
