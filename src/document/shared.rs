//! Furniture one document takes from another: how two documents compared agree on what is
//! layout.
//!
//! A final is read afresh, so it sets apart what its own text shows: a chapter head above the
//! heading it repeats is found by the repeat, and once the ledger revises the heading the head
//! above it (the draft's, which apply keeps) repeats nothing. The document it is compared with
//! knows better: [`Document::with_furniture_of`] takes the running heads of the other's page N
//! that stand at the top of this page N, and [`Document::with_heads_of`] takes, for a head of
//! the other, as many page-top copies as this document has more of in its body than the other:
//! a re-paginated final whose section opens a page keeps that heading as body (both bodies hold
//! it once), while the head left above a revised heading becomes a head again (the other's body
//! no longer holds it).

use super::page::LineRole;
use super::text::Document;
use crate::fold::fold_text;
use rustc_hash::FxHashMap;

/// Lines at the top of a page (blank lines aside) that may be running heads.
const TOP: usize = 3;

fn key(doc: &Document, l: usize) -> String {
    fold_text(doc.line_text(l), false)
}

impl Document {
    /// The same document, with the running heads of `other` set apart here too: a line at the
    /// top of page N (among its first lines, before its body) that reads as a running head of
    /// `other`'s page N. How a final keeps its draft's furniture after a heading it repeats was
    /// revised, and how two documents compared agree on what is layout.
    pub fn with_furniture_of(self, other: &Document) -> Document {
        let mut set_apart = Vec::new();
        for page in 0..self.pages().len() {
            let number = self.pages()[page].number;
            let Some(theirs) = other.page(number) else { continue };
            let heads: Vec<String> = theirs
                .all
                .clone()
                .filter(|&l| other.role(l) == LineRole::RunningHead)
                .map(|l| fold_text(other.line_text(l), false))
                .filter(|k| !k.is_empty())
                .collect();
            if heads.is_empty() {
                continue;
            }
            let all = self.pages()[page].all.clone();
            // The lines that may be heads, in order: this page's own heads and lines equal to a head
            // of theirs.
            let mut run = Vec::new();
            for l in all.clone() {
                match self.role(l) {
                    LineRole::RunningHead => run.push((l, true)),
                    LineRole::Body if self.line_text(l).trim().is_empty() => {}
                    LineRole::Body if heads.contains(&key(&self, l)) => run.push((l, false)),
                    _ => break,
                }
            }
            // Their body may open with a heading equal to a head (はじめに above はじめに): a line
            // here that is where their body opens is body, not a copy of the head.
            let opening: Vec<String> = theirs
                .body
                .clone()
                .filter(|&l| !other.line_text(l).trim().is_empty())
                .take(1)
                .map(|l| key(other, l))
                .collect();
            let opens_body = |from: usize| {
                let here: Vec<String> = (from..all.end)
                    .filter(|&l| self.role(l) == LineRole::Body && !self.line_text(l).trim().is_empty())
                    .take(opening.len())
                    .map(|l| key(&self, l))
                    .collect();
                !opening.is_empty() && here == opening
            };
            let heads_here = (0..=run.len())
                .rev()
                .find(|&k| run[k..].iter().all(|&(_, own)| !own) && run.get(k).is_some_and(|&(l, _)| opens_body(l)))
                .unwrap_or(run.len());
            let last_head = heads_here.checked_sub(1).map(|k| run[k].0);
            if let Some(last) = last_head {
                set_apart.extend((all.start..=last).filter(|&l| self.role(l) == LineRole::Body));
            }
        }
        self.with_heads_at(&set_apart)
    }

    /// The same document, with as many copies of each running head of `other` set apart here as
    /// this body holds more of than `other`'s body: the first ones, among the first lines of a
    /// page (see the module doc).
    ///
    /// ```
    /// use akaji::{Document, Ledger, LineRole};
    /// let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"総論\"\nnew = \"総則\"\n").unwrap();
    /// let m = &ledger.options.page_marker;
    /// let draft = Document::new("第1章　総論\n第1章　総論\n本文。\n- 1 -\n", m);
    /// assert_eq!(draft.role(0), LineRole::RunningHead);
    /// // apply revises the heading and keeps the head: its final keeps the draft's roles.
    /// let expected = akaji::apply(&draft, &ledger).unwrap().final_doc;
    /// assert_eq!(expected.text(), "第1章　総論\n第1章　総則\n本文。\n- 1 -\n");
    /// // Read afresh, the head repeats nothing, so it is body; the expected final knows better.
    /// let published = Document::new(expected.text(), m);
    /// assert_eq!(published.role(0), LineRole::Body);
    /// let published = published.with_heads_of(&expected);
    /// assert_eq!((published.role(0), published.role(1)), (LineRole::RunningHead, LineRole::Body));
    /// // A final whose body holds the heading as often as the expected one keeps it as body.
    /// let moved = Document::new("本文の前。\n第1章　総論\n本文。\n- 1 -\n", m).with_heads_of(&draft);
    /// assert_eq!(moved.role(1), LineRole::Body);
    /// ```
    pub fn with_heads_of(self, other: &Document) -> Document {
        let heads = self.heads_of(other);
        self.with_heads_at(&heads)
    }

    /// The body lines [`Document::with_heads_of`] sets apart as running heads (sorted; none when
    /// it would give the document back unchanged, so that a caller holding a borrowed document
    /// need not copy it).
    pub(crate) fn heads_of(&self, other: &Document) -> Vec<usize> {
        let mut surplus: FxHashMap<String, isize> = FxHashMap::default();
        for l in (0..other.line_count()).filter(|&l| other.role(l) == LineRole::RunningHead) {
            let k = key(other, l);
            if !k.is_empty() {
                surplus.insert(k, 0);
            }
        }
        if surplus.is_empty() {
            return Vec::new();
        }
        // A line's key opens with its first char that is not white space, folded: a line whose
        // first char opens no head's key is no head, and is not folded whole to say so.
        let firsts: Vec<char> = surplus.keys().filter_map(|k| k.chars().next()).collect();
        let may_be_head = |doc: &Document, l: usize| {
            let first = doc.line_text(l).chars().find(|c| !c.is_whitespace());
            first.is_some_and(|c| firsts.contains(&crate::unified::unified(c)))
        };
        for (doc, sign) in [(self, 1), (other, -1)] {
            for l in (0..doc.line_count()).filter(|&l| doc.role(l) == LineRole::Body && may_be_head(doc, l)) {
                if let Some(n) = surplus.get_mut(&key(doc, l)) {
                    *n += sign;
                }
            }
        }
        let mut heads = Vec::new();
        for page in self.pages() {
            let top =
                page.all.clone().filter(|&l| self.role(l) == LineRole::Body && !self.line_text(l).trim().is_empty());
            for l in top.take(TOP) {
                match surplus.get_mut(&key(self, l)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        heads.push(l);
                    }
                    _ => break,
                }
            }
        }
        heads
    }

    /// The running heads of this document that stand, unchanged, where `other` has the same
    /// lines as body (the two texts aligned line by line): a final that is the expected final
    /// with a few changes keeps the expected final's body wherever its lines are the expected
    /// final's, whatever a fresh reading guesses from lines that recur at the tops of pages. Only
    /// that way (heads come from [`Document::heads_of`]). A line printed several times in a row
    /// (a head above the heading it repeats) is matched by its place in its run, when both runs
    /// hold as many copies: aligning equal lines alone cannot tell the head from the heading.
    pub(crate) fn roles_of_equal_lines(&self, other: &Document) -> Vec<(usize, LineRole)> {
        let mut out = Vec::new();
        let (mut o, mut n) = (0, 0);
        let regions = crate::diff::changed_lines(other.text(), self.text());
        let ends = regions.iter().map(|(a, b)| (a.start, b.start, a.end, b.end));
        for (o_end, n_end, o_next, n_next) in ends.chain(std::iter::once((other.text().len(), self.text().len(), 0, 0)))
        {
            if o < o_end && n < n_end && other.line_count() > 0 && self.line_count() > 0 {
                let (ol, nl) = (other.line_of(o), self.line_of(n));
                let count = self.line_of(n_end - 1) + 1 - nl;
                for k in 0..count {
                    let (mine, theirs) = (nl + k, ol + k);
                    if mine >= self.line_count()
                        || theirs >= other.line_count()
                        || self.role(mine) != LineRole::RunningHead
                    {
                        continue;
                    }
                    // In a run of one line printed several times in a row, the line alignment may
                    // pair any copy with any: the runs are matched as wholes, copy by copy, when
                    // both hold as many copies.
                    let (mr, tr) = (same_run(self, mine), same_run(other, theirs));
                    let theirs = if mr.len() == 1 && tr.len() == 1 {
                        theirs
                    } else if mr.len() == tr.len() {
                        tr.start + (mine - mr.start)
                    } else {
                        continue;
                    };
                    if other.role(theirs) == LineRole::Body {
                        out.push((mine, LineRole::Body));
                    }
                }
            }
            (o, n) = (o_next, n_next);
        }
        out
    }
}

/// The lines around line `l` of `doc` that read as it, one after another (`l..l + 1` for a line
/// printed once).
fn same_run(doc: &Document, l: usize) -> std::ops::Range<usize> {
    let k = key(doc, l);
    let mut start = l;
    while start > 0 && key(doc, start - 1) == k {
        start -= 1;
    }
    let mut end = l + 1;
    while end < doc.line_count() && key(doc, end) == k {
        end += 1;
    }
    start..end
}
