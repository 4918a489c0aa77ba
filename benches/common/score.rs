//! Scoring a diff's hunks against known edits, the same way for every tool.
//!
//! For each edit, the hunks touching it (overlapping it, or at its edge) are looked at:
//! - **detected**: on each side the edit changes (old and new without the ends they share), some
//!   touching hunk marks something: git's `[-ASEA-]{+F+}N{+TRJQ+}` detects ASEAN→FNTRJQ;
//! - **exact**: it is detected by exactly one hunk, and that hunk lies within the edited word on
//!   both sides (no character outside the edit is marked): [ため→為] in 促す[ため→為]の is exact,
//!   [すため→す為] is not, and neither is [ASEA→F]N[→TRJQ]. A word wrapped at a line end is one
//!   word ([`wrapped_word`]): with NOTIC→NOTID in 「NOTIC⏎E」, [NOTIC⏎E→NOTID⏎E] is exact, as
//!   [C→D] is; the word is widened alike on both sides ([`edited_words`]);
//! - the hunks per edit, and the characters marked outside every edit (in percent of the edits'
//!   characters) measure the noise.

use super::corpus::{class, Edit, Kind, Sample};
use std::collections::BTreeMap;
use std::ops::Range;

/// A hunk: byte ranges of the old and the new text.
pub type Pair = (Range<usize>, Range<usize>);

/// How well a tool found a set of edits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Quality {
    pub edits: usize,
    pub hunks: usize,
    pub detected: usize,
    pub exact: usize,
    pub edit_chars: usize,
    pub outside_chars: usize,
}

impl Quality {
    pub fn exact_percent(&self) -> f64 {
        100.0 * self.exact as f64 / self.edits.max(1) as f64
    }

    pub fn detected_percent(&self) -> f64 {
        100.0 * self.detected as f64 / self.edits.max(1) as f64
    }

    pub fn hunks_per_edit(&self) -> f64 {
        self.hunks as f64 / self.edits.max(1) as f64
    }

    pub fn outside_percent(&self) -> f64 {
        100.0 * self.outside_chars as f64 / self.edit_chars.max(1) as f64
    }

    fn add(&mut self, o: &Quality) {
        self.edits += o.edits;
        self.hunks += o.hunks;
        self.detected += o.detected;
        self.exact += o.exact;
        self.edit_chars += o.edit_chars;
        self.outside_chars += o.outside_chars;
    }
}

/// Score `hunks` (sorted) against the sample's edits: the whole, and per kind of edit.
pub fn score(sample: &Sample, hunks: &[Pair]) -> (Quality, BTreeMap<Kind, Quality>) {
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
    let mut per: BTreeMap<Kind, Quality> = BTreeMap::new();
    let mut outside = 0;
    for (hi, (ho, hn)) in hunks.iter().enumerate() {
        let first = edits.partition_point(|e| e.old.end < ho.start);
        let mut inside = 0;
        let mut owner = None;
        for (ei, e) in edits.iter().enumerate().skip(first).take_while(|(_, e)| e.old.start <= ho.end) {
            touching[ei].push(hi);
            inside += overlap(old, ho, &e.old) + overlap(new, hn, &e.new);
            owner.get_or_insert(e.kind);
        }
        let out = chars(old, ho) + chars(new, hn) - inside;
        outside += out;
        // Hunks and noise are charged to the kind of the edit they touch (noise far from any
        // edit to no kind; it counts in the whole).
        if let Some(k) = owner {
            let q = per.entry(k).or_default();
            q.hunks += 1;
            q.outside_chars += out;
        }
    }
    for (e, ts) in edits.iter().zip(&touching) {
        let q = per.entry(e.kind).or_default();
        q.edits += 1;
        q.edit_chars += chars(old, &e.old) + chars(new, &e.new);
        let (mo, mn) = minimal(old, new, e);
        let marks = |side: fn(&Pair) -> &Range<usize>, want: &Range<usize>| {
            want.is_empty() || ts.iter().any(|&i| !side(&hunks[i]).is_empty())
        };
        if marks(|h| &h.0, &mo) && marks(|h| &h.1, &mn) {
            q.detected += 1;
            q.exact += usize::from(ts.len() == 1 && within(old, new, e, &hunks[ts[0]]));
        }
    }
    let mut all = Quality::default();
    for q in per.values() {
        all.add(q);
    }
    all.hunks = hunks.len();
    all.outside_chars = outside;
    (all, per)
}

/// `r` of `t` in brackets, with about `margin` bytes either side, line breaks shown as ⏎: a
/// place to print.
#[allow(dead_code, reason = "the peers and moves benches print places; the diff bench does not")]
pub fn around(t: &str, r: &Range<usize>, margin: usize) -> String {
    let mut s = r.start.saturating_sub(margin);
    while !t.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (r.end + margin).min(t.len());
    while !t.is_char_boundary(e) {
        e += 1;
    }
    format!("{}[{}]{}", &t[s..r.start], &t[r.clone()], &t[r.end..e]).replace('\n', "⏎")
}

/// The first `limit` edits that `hunks` do not show as one exact hunk, each with the text around
/// it and the hunks touching it: what to look at when exactness falls
/// (`AKAJI_BENCH_MISSES=N cargo bench --bench peers`).
#[allow(dead_code, reason = "only the peers bench reports misses")]
pub fn misses(sample: &Sample, hunks: &[Pair], limit: usize) -> Vec<String> {
    let (old, new) = (&sample.old, &sample.new);
    let around = |t: &str, r: &Range<usize>| around(t, r, 24);
    let mut out = Vec::new();
    for e in &sample.edits {
        // The hunks touching the edit, as `score` finds them (hunks are sorted and do not overlap).
        let first = hunks.partition_point(|(ho, _)| ho.end < e.old.start);
        let touching: Vec<&Pair> = hunks[first..].iter().take_while(|(ho, _)| ho.start <= e.old.end).collect();
        if touching.len() == 1 && within(old, new, e, touching[0]) {
            continue;
        }
        let shown: Vec<String> =
            touching.iter().map(|(ho, hn)| format!("{} → {}", around(old, ho), around(new, hn))).collect();
        out.push(format!(
            "{:?}: {} → {}\n    hunks: {}",
            e.kind,
            around(old, &e.old),
            around(new, &e.new),
            shown.join(" | ")
        ));
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Whether hunk `h` lies within the word edit `e` edits, on both sides.
fn within(old: &str, new: &str, e: &Edit, h: &Pair) -> bool {
    let (wo, wn) = edited_words(old, new, e);
    wo.start <= h.0.start && h.0.end <= wo.end && wn.start <= h.1.start && h.1.end <= wn.end
}

/// The word `e` edits on each side ([`wrapped_word`]), the two widened alike: the text around an
/// edit is the same in old and new, so the word a reader sees runs as far on both sides. With
/// 「資料4⏎4-1」→「資料４⏎4-1」 (a PDF wrapped 「44-1」), the old side's ASCII token runs on into
/// 「4-1」 and the new side's full-width 「４」 does not; the edited word is 「4⏎4-1」→「４⏎4-1」.
fn edited_words(old: &str, new: &str, e: &Edit) -> (Range<usize>, Range<usize>) {
    let (mut wo, mut wn) = (wrapped_word(old, &e.old), wrapped_word(new, &e.new));
    let before = (e.old.start - wo.start).max(e.new.start - wn.start);
    let after = (wo.end - e.old.end).max(wn.end - e.new.end);
    // Widened as far as the other side only where the text there is the same on both.
    let same = |a: Option<&str>, b: Option<&str>| a.is_some() && a == b;
    let start_ok = e.old.start >= before
        && e.new.start >= before
        && same(old.get(e.old.start - before..e.old.start), new.get(e.new.start - before..e.new.start));
    let end_ok = same(old.get(e.old.end..e.old.end + after), new.get(e.new.end..e.new.end + after));
    if start_ok {
        (wo.start, wn.start) = (e.old.start - before, e.new.start - before);
    }
    if end_ok {
        (wo.end, wn.end) = (e.old.end + after, e.new.end + after);
    }
    (wo, wn)
}

/// `r` (an edit, which never spans a line break) widened across the line break it touches when
/// a word runs on across it: the rest of the word on the other line, as a reader sees a word
/// that a PDF wrapped (「NOTIC⏎E」 is NOTICE, 「201⏎5年」 holds 2015). The edited word is what a
/// tool may mark; git's character diff, never wider than the edit, is exact either way.
pub fn wrapped_word(text: &str, r: &Range<usize>) -> Range<usize> {
    // An ASCII token goes on with its joiners, as the edits of ASCII tokens cut them
    // (`corpus::sites`): 「Co-Ne⏎xus」, 「Society⏎5.0」.
    let same = |a: char, b: char| {
        let token = |c: char| c.is_ascii_alphanumeric() || "._-/".contains(c);
        if a.is_ascii_alphanumeric() {
            token(b)
        } else {
            class(a) == class(b)
        }
    };
    // The joiners an ASCII token's edit leaves out at a line end or start: the generator cuts
    // 「Society5.⏎0」 (Society5.0 wrapped after its full stop) as 「Society5」, whose word runs on
    // across 「.⏎」.
    let joiners = |c: Option<char>, side: &str, rev: bool| -> usize {
        if !c.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return 0;
        }
        let j = |c: &char| "._-/".contains(*c);
        if rev {
            side.chars().rev().take_while(j).count()
        } else {
            side.chars().take_while(j).count()
        }
    };
    let mut w = r.clone();
    let (first, last) = (text[r.clone()].chars().next(), text[r.clone()].chars().next_back());
    let lead = joiners(first, &text[..r.start], true);
    if let (Some(first), true) = (first, text[..r.start - lead].ends_with('\n')) {
        let before = &text[..r.start - lead - 1];
        let run: usize = before.chars().rev().take_while(|&c| same(first, c)).map(char::len_utf8).sum();
        if run > 0 {
            w.start = r.start - lead - 1 - run;
        }
    }
    let trail = joiners(last, &text[r.end..], false);
    if let (Some(last), true) = (last, text[r.end + trail..].starts_with('\n')) {
        let after = &text[r.end + trail + 1..];
        let run: usize = after.chars().take_while(|&c| same(last, c)).map(char::len_utf8).sum();
        if run > 0 {
            w.end = r.end + trail + 1 + run;
        }
    }
    w
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
