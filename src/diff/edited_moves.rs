//! Moved passages edited on the way: a deletion and an insertion that say nearly the same thing.
//!
//! A plan's revision often moves an item and rewords it too. Word's compare and the legal
//! comparison tools show that as a move whose two ends carry the changes made inside it, not as
//! an unrelated deletion and insertion; so does akaji. The rule:
//!
//! - a deletion and an insertion (hunks no decision is attributed to; a replacement whose short
//!   side starts or ends its long one counts as the deletion or insertion of the rest, since
//!   the word units widen a deleted paragraph to the word wrapped after it), each of at least
//!   `min_move_chars` characters that are not all white space, are a candidate pair;
//! - their **similarity** is the share of equal characters in the diff of the two passages by
//!   word units (the engine's own diff, clean-up included), their line breaks left out (a
//!   reworded paragraph of a PDF is wrapped again), counted against the longer one:
//!   `equal / max(len_old, len_new)`;
//! - the inner changes are that diff's changes, and, where the line breaks between two equal
//!   characters stand differently, layout changes ([`InnerChange::layout`]), so that the old end
//!   with every inner change made is the new end, byte for byte;
//! - a pair whose similarity is at least [`MOVE_SIMILARITY`] percent is a move; pairs are taken
//!   best first (the highest similarity, then the earliest deletion, then the earliest
//!   insertion), each hunk in at most one move.
//!
//! Comparing every deletion with every insertion would cost their product, so the pairs are
//! found through the character bigrams the two passages share (white space left out, so that a
//! passage re-wrapped on the way still matches): each insertion is indexed by its bigrams, a
//! deletion looks up its bigrams that at most [`MAX_POSTINGS`] insertions hold (or its rarest
//! few, when all are common), and only the [`CANDIDATES`] insertions sharing the most bigrams,
//! whose bigram overlap (Dice's coefficient) is at least [`MIN_DICE`] percent, are diffed. On
//! the generated plans of `benches/moves.rs` no pair the rule accepts falls below that
//! pre-filter (their lowest overlap is reported there).
//!
//! ```
//! use akaji::diff::{diff, DiffOptions};
//! use akaji::HunkKind;
//! let (two, three) = ("（２）人材の育成を進めるとともに、地域の相談体制を整備する。\n", "（３）普及啓発を推進し、中小企業の対策を支援する。\n");
//! let old = format!("（１）関係機関との連携体制の強化を図ることとする。\n{two}{three}");
//! let new = format!("{two}{three}（１）関係機関との連携体制の拡充を図ることとする。\n");
//! let (old, new) = (old.as_str(), new.as_str());
//! let d = diff(old, new, &DiffOptions::default());
//! let moves: Vec<_> = d.hunks.iter().filter(|h| h.kind == HunkKind::Move).collect();
//! assert_eq!(moves.len(), 2);
//! let inner = &moves[0].inner_changes;
//! assert_eq!((&old[inner[0].old.clone()], &new[inner[0].new.clone()]), ("強化", "拡充"));
//! ```

use super::options::{DiffOptions, Granularity};
use crate::redline::{Hunk, HunkKind, InnerChange};
use crate::words::is_grapheme_boundary;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The least similarity (percent of equal characters, against the longer passage) of a
/// deletion and an insertion reported as one passage moved and edited.
pub const MOVE_SIMILARITY: usize = 60;

/// A bigram held by more insertions than this does not tell passages apart and is not looked up.
pub(crate) const MAX_POSTINGS: usize = 64;

/// How many of a deletion's rarest bigrams are looked up when every one of them is common.
const RAREST: usize = 4;

/// How many insertions, those sharing the most bigrams with a deletion, are diffed against it.
pub(crate) const CANDIDATES: usize = 8;

/// The least bigram overlap (Dice's coefficient, percent) of a pair worth diffing.
pub(crate) const MIN_DICE: usize = 30;

/// The similarity of two passages as the move rule measures it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Similarity {
    /// Characters left unchanged by the word diff of the two passages.
    pub equal: usize,
    /// Characters of the longer passage.
    pub longer: usize,
}

impl Similarity {
    /// The share of equal characters, in percent (0 for two empty passages).
    pub fn percent(&self) -> f64 {
        if self.longer == 0 {
            return 0.0;
        }
        100.0 * self.equal as f64 / self.longer as f64
    }

    /// Whether the two passages are similar enough to be one passage moved and edited.
    pub fn is_move(&self) -> bool {
        self.longer > 0 && self.equal * 100 >= MOVE_SIMILARITY * self.longer
    }
}

/// The bytes of the two texts that are page furniture (running heads, footers, page numbers, as
/// the document model sets them apart): inside a moved passage they are layout, like its line
/// breaks, never a change of wording. A passage moved across a page break carries the break's
/// footer and running head with it; compared with the furniture left out, its ends differ only
/// where the reviser changed words, and the furniture is a layout inner change. Each list
/// sorted, not overlapping; empty for plain texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Furniture {
    /// Furniture of the old text.
    pub old: Vec<Range<usize>>,
    /// Furniture of the new text.
    pub new: Vec<Range<usize>>,
}

/// The parts of `furniture` (sorted ranges of a whole text) inside `r`, from `r.start` on.
fn within(furniture: &[Range<usize>], r: &Range<usize>) -> Vec<Range<usize>> {
    let first = furniture.partition_point(|f| f.end <= r.start);
    furniture[first..]
        .iter()
        .take_while(|f| f.start < r.end)
        .map(|f| f.start.max(r.start) - r.start..f.end.min(r.end) - r.start)
        .filter(|f| !f.is_empty())
        .collect()
}

/// The engine's diff of two passages (no moves), by the units of `Granularity`: given by the
/// caller, so that this module and the engine do not import each other.
pub(crate) type PassageDiff = fn(&str, &str, Granularity) -> Vec<Hunk>;

/// The similarity of `old` and `new` by the rule of moves (see the module docs), with `diff`.
pub(crate) fn similarity_by(old: &str, new: &str, diff: PassageDiff) -> Similarity {
    inner_diff((old, &[]), (new, &[]), Granularity::Word, diff).0
}

/// `text` without its line breaks and its `furniture` (sorted byte ranges of `text`), and for
/// each byte of that the byte of `text` it was.
fn unwrapped(text: &str, furniture: &[Range<usize>]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    let mut f = furniture.iter().peekable();
    for (i, c) in text.char_indices() {
        while f.next_if(|r| r.end <= i).is_some() {}
        if matches!(c, '\n' | '\r') || f.peek().is_some_and(|r| r.start <= i) {
            continue;
        }
        out.push(c);
        at.extend(i..i + c.len_utf8());
    }
    (out, at)
}

/// The changes from passage `old` to passage `new` (byte ranges from each one's start) and
/// their similarity. The two are compared with their line breaks and their furniture (each
/// passage's second member, byte ranges of it) left out, so that a passage wrapped again, or
/// across another page break, shows only its changes of wording; where the line breaks or the
/// furniture stand differently between two equal characters, that is a layout change
/// (`layout: true`). The old passage with every change made is the new one.
fn inner_diff(
    (old, old_furniture): (&str, &[Range<usize>]),
    (new, new_furniture): (&str, &[Range<usize>]),
    granularity: Granularity,
    diff: PassageDiff,
) -> (Similarity, Vec<InnerChange>) {
    let ((a, at_a), (b, at_b)) = (unwrapped(old, old_furniture), unwrapped(new, new_furniture));
    let hunks = diff(&a, &b, granularity);
    let changed: usize = hunks.iter().map(|h| a[h.old.clone()].chars().count()).sum();
    let (o, n) = (a.chars().count(), b.chars().count());
    let similarity = Similarity { equal: o - changed, longer: o.max(n) };
    let mut out = Vec::with_capacity(hunks.len());
    // Where the walk stands in each passage: after the last character taken.
    let (mut ca, mut cb) = (0, 0);
    let (mut i, mut j) = (0, 0);
    // The byte after character `k` (a byte offset of the unwrapped text) of a passage.
    let after = |at: &[usize], text: &str, k: usize| at[k] + text[at[k]..].chars().next().map_or(0, char::len_utf8);
    let push = |out: &mut Vec<InnerChange>, x: std::ops::Range<usize>, y: std::ops::Range<usize>, layout: bool| {
        let (p, q) = (&old[x.clone()], &new[y.clone()]);
        // Line breaks both sides hold at an end of the change are not part of it.
        let same = |(c, d): &(char, char)| c == d && matches!(c, '\n' | '\r');
        let pre: usize = p.chars().zip(q.chars()).take_while(same).map(|(c, _)| c.len_utf8()).sum();
        let suf: usize =
            p[pre..].chars().rev().zip(q[pre..].chars().rev()).take_while(same).map(|(c, _)| c.len_utf8()).sum();
        let (x, y) = (x.start + pre..x.end - suf, y.start + pre..y.end - suf);
        if !(x.is_empty() && y.is_empty()) {
            out.push(InnerChange { old: x, new: y, layout });
        }
    };
    for h in hunks.iter().chain(std::iter::once(&Hunk::new(a.len()..a.len(), b.len()..b.len()))) {
        // The equal characters before the hunk, side by side: compare the gaps before each.
        let (mut x, mut y) = (i, j);
        while x < h.old.start {
            let (ga, gb) = (ca..at_a[x], cb..at_b[y]);
            if old[ga.clone()] != new[gb.clone()] {
                push(&mut out, ga, gb, true);
            }
            (ca, cb) = (after(&at_a, old, x), after(&at_b, new, y));
            let len = a[x..].chars().next().map_or(1, char::len_utf8);
            (x, y) = (x + len, y + len);
        }
        if h.old.is_empty() && h.new.is_empty() {
            break;
        }
        // What stands between the last equal character and the change's first (a line break,
        // a page's furniture) is layout, not part of the change.
        let (sa, sb) =
            (at_a.get(h.old.start).filter(|_| !h.old.is_empty()), at_b.get(h.new.start).filter(|_| !h.new.is_empty()));
        let (sa, sb) = (sa.copied().unwrap_or(ca), sb.copied().unwrap_or(cb));
        if old[ca..sa] != new[cb..sb] {
            push(&mut out, ca..sa, cb..sb, true);
        }
        (ca, cb) = (sa, sb);
        let ea = if h.old.is_empty() { ca } else { after(&at_a, old, a[..h.old.end].char_indices().last().unwrap().0) };
        let eb = if h.new.is_empty() { cb } else { after(&at_b, new, b[..h.new.end].char_indices().last().unwrap().0) };
        push(&mut out, ca..ea, cb..eb, false);
        (ca, cb) = (ea, eb);
        (i, j) = (h.old.end, h.new.end);
    }
    if old[ca..] != new[cb..] {
        push(&mut out, ca..old.len(), cb..new.len(), true);
    }
    (similarity, out)
}

/// A deletion or an insertion that may be one end of an edited move.
struct Candidate<'a> {
    hunk: usize,
    /// The hunk as this end of a move: itself, or a replacement narrowed to its one side (see
    /// [`one_sided`]).
    ends: (Range<usize>, Range<usize>),
    /// For an insertion, the other places it can stand (see [`slides`]).
    slides: Vec<(Range<usize>, Range<usize>)>,
    text: &'a str,
    /// The furniture inside `text` (byte ranges from its start).
    furniture: Vec<Range<usize>>,
    /// Characters of its content (line breaks and furniture left out).
    chars: usize,
    /// Distinct bigrams of its characters other than white space, sorted.
    grams: Vec<u64>,
}

/// A replacement one side of which is the other's start and end (「…ＩｏＴ機⏎器」→「器」,
/// 「況⏎…遅⏎れ」→「況⏎れ」: a deleted paragraph that the word units widened to the words
/// around it) as the one-sided hunk it widens: the deletion or insertion of what lies between,
/// the shared words equal.
fn one_sided(old: &str, new: &str, h: &Hunk) -> Option<(Range<usize>, Range<usize>)> {
    let (o, n) = (&old[h.old.clone()], &new[h.new.clone()]);
    let (long, short) = if o.len() > n.len() { (o, n) } else { (n, o) };
    // The short side is the long one's start and end: what lies between is the one-sided hunk.
    let pre: usize = long.chars().zip(short.chars()).take_while(|(a, b)| a == b).map(|(c, _)| c.len_utf8()).sum();
    let suf: usize = long[pre..]
        .chars()
        .rev()
        .zip(short[pre..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(c, _)| c.len_utf8())
        .sum();
    if pre + suf != short.len() || short.is_empty() {
        return None;
    }
    let cut = pre..long.len() - suf;
    let ends = if o.len() > n.len() {
        (h.old.start + cut.start..h.old.start + cut.end, h.new.start + pre..h.new.start + pre)
    } else {
        (h.old.start + pre..h.old.start + pre, h.new.start + cut.start..h.new.start + cut.end)
    };
    // Both sides on clusters of the whole texts: the short side's place too (「…pdf⏎…pdf」 +
    // U+0301 → 「…pdf」 + U+0301 would put the deletion between f and its accent; found by
    // `hunks_rebuild_both_texts`).
    (on_clusters(old, &ends.0) && on_clusters(new, &ends.1)).then_some(ends)
}

fn candidate<'a>(
    hunk: usize,
    ends: (Range<usize>, Range<usize>),
    text: &'a str,
    furniture: Vec<Range<usize>>,
    min_chars: usize,
) -> Option<Candidate<'a>> {
    let (content, _) = unwrapped(text, &furniture);
    let chars = content.chars().count();
    if chars < min_chars.max(1) || content.trim().is_empty() {
        return None;
    }
    let mut grams: Vec<u64> = Vec::with_capacity(chars);
    let mut prev: Option<char> = None;
    for c in content.chars().filter(|c| !c.is_whitespace()) {
        if let Some(p) = prev {
            grams.push((u64::from(p as u32) << 32) | u64::from(c as u32));
        }
        prev = Some(c);
    }
    grams.sort_unstable();
    grams.dedup();
    Some(Candidate { hunk, ends, slides: Vec::new(), text, furniture, chars, grams })
}

/// Bigrams two sorted, distinct lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A pair the rule accepts: its similarity, the two candidates, the inner changes (relative).
struct Pair {
    similarity: Similarity,
    del: usize,
    ins: usize,
    /// The insertion's ends, slid to line up with the deletion's text.
    ins_ends: (Range<usize>, Range<usize>),
    inner: Vec<InnerChange>,
}

/// Whether `r` starts and ends between grapheme clusters of `text` (a hunk never splits one).
fn on_clusters(text: &str, r: &Range<usize>) -> bool {
    is_grapheme_boundary(text, r.start) && is_grapheme_boundary(text, r.end)
}

/// How far an insertion slides: at most this many characters either way.
const SLIDE: usize = 8;

/// The places a pure insertion `h` (hunk `i` of `hunks`) can stand with the same effect: slid
/// left or right over equal text (its last character is the one before it, or its first the
/// one after), up to [`SLIDE`] characters, not into the hunks beside it. Itself first.
fn slides(new: &str, hunks: &[Hunk], i: usize) -> Vec<(Range<usize>, Range<usize>)> {
    let h = &hunks[i];
    let mut out = vec![(h.old.clone(), h.new.clone())];
    if !h.old.is_empty() || h.new.is_empty() {
        return out;
    }
    let (lo, hi) = (i.checked_sub(1).map_or((0, 0), |p| (hunks[p].old.end, hunks[p].new.end)), hunks.get(i + 1));
    let (mut p, mut r) = (h.old.start, h.new.clone());
    for _ in 0..SLIDE {
        let Some(c) = new[..r.start].chars().next_back().filter(|&c| new[r.clone()].ends_with(c)) else { break };
        let w = c.len_utf8();
        if r.start < lo.1 + w || p < lo.0 + w {
            break;
        }
        (p, r) = (p - w, r.start - w..r.end - w);
        if on_clusters(new, &r) {
            out.push((p..p, r.clone()));
        }
    }
    let (mut p, mut r) = (h.old.start, h.new.clone());
    for _ in 0..SLIDE {
        let Some(c) = new[r.end..].chars().next().filter(|&c| new[r.clone()].starts_with(c)) else { break };
        let w = c.len_utf8();
        if hi.is_some_and(|n| r.end + w > n.new.start || p + w > n.old.start) {
            break;
        }
        (p, r) = (p + w, r.start + w..r.end + w);
        if on_clusters(new, &r) {
            out.push((p..p, r.clone()));
        }
    }
    out
}

/// How many characters `a` and `b` share at their starts and at their ends.
fn shared_ends(a: &str, b: &str) -> usize {
    let pre = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let suf = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count();
    pre + suf
}

/// Pair the deletions and insertions of `hunks` that are one passage moved and edited (see the
/// module docs): each pair becomes two [`HunkKind::Move`] hunks with a fresh `move_id` from
/// `next_id` on, carrying their inner changes, where `furniture` is layout. Hunks already
/// moves, attributed to an edit, or layout are left alone, and replacements too unless one side
/// is a word the other widened to.
pub(crate) fn detect(
    (old, new): (&str, &str),
    hunks: &mut [Hunk],
    options: &DiffOptions,
    next_id: &mut usize,
    diff: PassageDiff,
    furniture: &Furniture,
) {
    if options.granularity == Granularity::Line {
        return;
    }
    let (mut dels, mut inss) = (Vec::new(), Vec::new());
    for (i, h) in hunks.iter().enumerate() {
        if h.layout || h.edit.is_some() || h.move_id.is_some() {
            continue;
        }
        let ends = match h.kind {
            HunkKind::Delete | HunkKind::Insert => Some((h.old.clone(), h.new.clone())),
            HunkKind::Replace => one_sided(old, new, h),
            HunkKind::Move => None,
        };
        let Some((o, n)) = ends else { continue };
        if n.is_empty() {
            let f = within(&furniture.old, &o);
            dels.extend(candidate(i, (o.clone(), n), &old[o], f, options.min_move_chars));
        } else if o.is_empty() {
            let slid = if h.kind == HunkKind::Insert { slides(new, hunks, i) } else { Vec::new() };
            inss.extend(
                candidate(i, (o, n.clone()), &new[n.clone()], within(&furniture.new, &n), options.min_move_chars)
                    .map(|c| Candidate { slides: slid, ..c }),
            );
        }
    }
    if dels.is_empty() || inss.is_empty() {
        return;
    }
    let pairs = pairs(new, &dels, &inss, options.granularity, (diff, &furniture.new));
    let (mut del_taken, mut ins_taken) = (vec![false; dels.len()], vec![false; inss.len()]);
    for p in pairs {
        if del_taken[p.del] || ins_taken[p.ins] {
            continue;
        }
        del_taken[p.del] = true;
        ins_taken[p.ins] = true;
        let (from, to) = (dels[p.del].hunk, inss[p.ins].hunk);
        (hunks[from].old, hunks[from].new) = dels[p.del].ends.clone();
        (hunks[to].old, hunks[to].new) = p.ins_ends.clone();
        let (o, n) = (hunks[from].old.start, hunks[to].new.start);
        let inner: Vec<InnerChange> = p
            .inner
            .into_iter()
            .map(|c| InnerChange { old: o + c.old.start..o + c.old.end, new: n + c.new.start..n + c.new.end, ..c })
            .collect();
        for k in [from, to] {
            hunks[k].kind = HunkKind::Move;
            hunks[k].move_id = Some(*next_id);
            hunks[k].inner_changes = inner.clone();
        }
        *next_id += 1;
    }
}

/// Every pair the rule accepts, best first.
fn pairs(
    new: &str,
    dels: &[Candidate],
    inss: &[Candidate],
    granularity: Granularity,
    (diff, new_furniture): (PassageDiff, &[Range<usize>]),
) -> Vec<Pair> {
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, c) in inss.iter().enumerate() {
        for &g in &c.grams {
            postings.entry(g).or_default().push(i as u32);
        }
    }
    let mut tally = vec![0u32; inss.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (d, del) in dels.iter().enumerate() {
        let mut lists: Vec<&[u32]> = del.grams.iter().filter_map(|g| postings.get(g).map(Vec::as_slice)).collect();
        if lists.iter().all(|l| l.len() > MAX_POSTINGS) {
            lists.sort_by_key(|l| l.len());
            lists.truncate(RAREST);
        } else {
            lists.retain(|l| l.len() <= MAX_POSTINGS);
        }
        for list in lists {
            for &i in list {
                if tally[i as usize] == 0 {
                    touched.push(i);
                }
                tally[i as usize] += 1;
            }
        }
        touched.sort_by_key(|&i| (std::cmp::Reverse(tally[i as usize]), i));
        for &i in touched.iter().take(CANDIDATES) {
            let ins = &inss[i as usize];
            // Equal characters are at most the shorter passage: a pair of very different lengths
            // cannot reach the threshold.
            if del.chars.min(ins.chars) * 100 < MOVE_SIMILARITY * del.chars.max(ins.chars) {
                continue;
            }
            let dice = 2 * shared(&del.grams, &ins.grams) * 100;
            if dice < MIN_DICE * (del.grams.len() + ins.grams.len()) {
                continue;
            }
            // Where the insertion could stand as well, the place whose text lines up best with
            // the deletion's (「　A…。⏎」 against 「A…。⏎　」).
            let ins_ends = ins
                .slides
                .iter()
                .max_by_key(|(_, r)| {
                    (shared_ends(del.text, &new[r.clone()]), std::cmp::Reverse(r.start.abs_diff(ins.ends.1.start)))
                })
                .map_or_else(|| ins.ends.clone(), Clone::clone);
            let slid =
                if ins_ends.1 == ins.ends.1 { ins.furniture.clone() } else { within(new_furniture, &ins_ends.1) };
            let (similarity, inner) =
                inner_diff((del.text, &del.furniture), (&new[ins_ends.1.clone()], &slid), granularity, diff);
            if similarity.is_move() {
                out.push(Pair { similarity, del: d, ins: i as usize, ins_ends, inner });
            }
        }
        for i in touched.drain(..) {
            tally[i as usize] = 0;
        }
    }
    // Best first: a higher share of equal characters (compared exactly, as fractions), then the
    // earlier deletion, then the earlier insertion.
    out.sort_by(|a, b| {
        let (x, y) = (a.similarity, b.similarity);
        (y.equal * x.longer).cmp(&(x.equal * y.longer)).then(a.del.cmp(&b.del)).then(a.ins.cmp(&b.ins))
    });
    out
}
