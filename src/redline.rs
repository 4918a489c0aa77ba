//! The one representation every redline format is drawn from: two texts and their hunks.
//!
//! A [`Redline`] holds the old and the new text as [`Document`]s (so pages and lines are known on
//! both sides), the [`Hunk`]s that turn one into the other, and the decisions that caused them.
//! It comes either from a ledger ([`Applied::redline`](crate::Applied::redline): every hunk is a
//! resolved edit, attributed to its decision by [`EditRef`]) or from the diff engine (two texts,
//! no ledger). Like similar's `TextDiff<'old, 'new>`, it borrows what it shows: the two documents
//! and the decisions (or owns them, for a redline made from two strings), so that rendering a
//! ledger's redline copies neither the draft nor a decision. Renderers find a hunk's decision by
//! index ([`Redline::decision`]), never by searching.
//!
//! Invariant: hunks are sorted and do not overlap on either side, and the text between two hunks
//! is the same in old and new. So the old text is the equal runs plus every hunk's old side, and
//! the new text the equal runs plus every hunk's new side; renderers rely on it, and
//! [`Redline::check`] verifies it.
//!
//! ```
//! use akaji::{Hunk, HunkKind, Redline};
//! let r = Redline::from_texts("設置する", "開催する", vec![Hunk::new(0..6, 0..6)]);
//! assert_eq!(r.hunks[0].kind, HunkKind::Replace);
//! assert!(r.check().is_ok());
//! ```

use crate::document::{Document, PageMarker};
use crate::ledger::{Decision, EditRef};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// What a hunk does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HunkKind {
    /// Text only in new.
    Insert,
    /// Text only in old.
    Delete,
    /// Old text replaced by new text.
    Replace,
    /// One end of a moved passage: deleted here and inserted elsewhere (or the reverse); the
    /// two ends share a `move_id`. A passage edited on the way carries the changes between its
    /// two ends in `inner_changes`.
    Move,
}

/// A change inside a passage that was moved and edited: its byte range in the old text (inside
/// the range of the move's old end) and in the new text (inside the range of its new end). The
/// old end's text with every inner change made is the new end's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InnerChange {
    /// Byte range in the old text (empty for an inner insertion).
    pub old: Range<usize>,
    /// Byte range in the new text (empty for an inner deletion).
    pub new: Range<usize>,
    /// Line breaks only, placed differently (a passage wrapped again on the way): not a change
    /// of wording, kept so that both ends are still the equal runs and the inner changes.
    pub layout: bool,
}

/// One change: a byte range of the old text and the byte range of the new text that replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// Byte range in the old text (empty for an insertion).
    pub old: Range<usize>,
    /// Byte range in the new text (empty for a deletion).
    pub new: Range<usize>,
    /// What the hunk does.
    pub kind: HunkKind,
    /// The edit that caused it (its decision is [`Redline::decision`]), when known.
    pub edit: Option<EditRef>,
    /// Links the two ends of a move.
    pub move_id: Option<usize>,
    /// For the two ends of a move whose passage was edited on the way: the changes between
    /// them, in order (the same list on both ends). Empty for every other hunk.
    pub inner_changes: Vec<InnerChange>,
    /// The two sides differ in layout only (line breaks, spaces inside Japanese text, page
    /// furniture, a radical for its ideograph): not a change of content. A comparison of
    /// content ([`crate::diff_content`]) keeps such differences as layout hunks, so that both
    /// texts are still the equal runs and the hunks; the renderers show them apart or not at
    /// all.
    pub layout: bool,
}

impl Hunk {
    /// A hunk whose kind follows from which sides are empty.
    pub fn new(old: Range<usize>, new: Range<usize>) -> Hunk {
        let kind = match (old.is_empty(), new.is_empty()) {
            (true, _) => HunkKind::Insert,
            (false, true) => HunkKind::Delete,
            (false, false) => HunkKind::Replace,
        };
        Hunk { old, new, kind, edit: None, move_id: None, inner_changes: Vec::new(), layout: false }
    }

    /// A layout hunk (see [`Hunk::layout`]).
    pub fn of_layout(old: Range<usize>, new: Range<usize>) -> Hunk {
        Hunk { layout: true, ..Hunk::new(old, new) }
    }

    /// The same hunk attributed to an edit (of the decisions of the redline it goes into).
    pub fn attributed(mut self, edit: EditRef) -> Hunk {
        self.edit = Some(edit);
        self
    }

    /// The old side of this hunk cut at its inner changes of wording (layout ones left in
    /// the pieces around them): byte ranges in order, each with whether an inner change covers
    /// it. A hunk without inner changes is one piece.
    ///
    /// ```
    /// use akaji::{Hunk, HunkKind, InnerChange};
    /// let mut from = Hunk::new(0..12, 9..9);
    /// (from.kind, from.move_id) = (HunkKind::Move, Some(0));
    /// from.inner_changes = vec![InnerChange { old: 3..6, new: 12..15, layout: false }, InnerChange { old: 9..9, new: 18..21, layout: false }];
    /// assert_eq!(from.old_pieces(), [(0..3, false), (3..6, true), (6..12, false)]);
    /// ```
    pub fn old_pieces(&self) -> Vec<(Range<usize>, bool)> {
        pieces(self.old.clone(), self.inner_changes.iter().filter(|c| !c.layout).map(|c| c.old.clone()))
    }

    /// The new side of this hunk cut at its inner changes (as [`Hunk::old_pieces`]).
    pub fn new_pieces(&self) -> Vec<(Range<usize>, bool)> {
        pieces(self.new.clone(), self.inner_changes.iter().filter(|c| !c.layout).map(|c| c.new.clone()))
    }
}

/// `whole` cut at `inner` (ranges inside it, in order), empty pieces left out; at least one.
fn pieces(whole: Range<usize>, inner: impl Iterator<Item = Range<usize>>) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut at = whole.start;
    for r in inner.filter(|r| !r.is_empty()) {
        if r.start > at {
            out.push((at..r.start, false));
        }
        at = r.end;
        out.push((r, true));
    }
    if at < whole.end || out.is_empty() {
        out.push((at..whole.end, false));
    }
    out
}

/// Two texts, their changes, and the decisions behind them.
#[derive(Debug, Clone)]
pub struct Redline<'a> {
    /// The old text (the draft).
    pub old: Cow<'a, Document>,
    /// The new text (the final).
    pub new: Cow<'a, Document>,
    /// The changes, sorted, not overlapping.
    pub hunks: Vec<Hunk>,
    /// The decisions hunks refer to, by index (empty for a plain diff).
    pub decisions: Cow<'a, [Decision]>,
    /// A title for the whole, if known.
    pub title: Option<Cow<'a, str>>,
    /// Set when the diff engine gave up refining before it was done: the hunks are correct but
    /// coarser than they could be. Renderers say so.
    pub deadline_hit: bool,
}

impl Redline<'static> {
    /// A redline of two plain texts with default pagination (it owns the documents it makes).
    pub fn from_texts(old: &str, new: &str, hunks: Vec<Hunk>) -> Redline<'static> {
        let marker = PageMarker::default();
        Redline::owned(Document::new(old, &marker), Document::new(new, &marker), hunks)
    }

    /// A redline that owns its two documents.
    pub fn owned(old: Document, new: Document, hunks: Vec<Hunk>) -> Redline<'static> {
        Redline::from_parts(Cow::Owned(old), Cow::Owned(new), hunks)
    }
}

impl<'a> Redline<'a> {
    /// A redline of two documents it borrows.
    pub fn new(old: &'a Document, new: &'a Document, hunks: Vec<Hunk>) -> Redline<'a> {
        Redline::from_parts(Cow::Borrowed(old), Cow::Borrowed(new), hunks)
    }

    fn from_parts(old: Cow<'a, Document>, new: Cow<'a, Document>, hunks: Vec<Hunk>) -> Redline<'a> {
        Redline { old, new, hunks, decisions: Cow::Borrowed(&[]), title: None, deadline_hit: false }
    }

    /// The same redline with the decisions its hunks' edits refer to.
    pub fn with_decisions(mut self, decisions: impl Into<Cow<'a, [Decision]>>) -> Redline<'a> {
        self.decisions = decisions.into();
        self
    }

    /// The same redline with a title.
    pub fn with_title(mut self, title: Option<&'a str>) -> Redline<'a> {
        self.title = title.map(Cow::Borrowed);
        self
    }

    /// The decision a hunk is attributed to.
    pub fn decision(&self, hunk: &Hunk) -> Option<&Decision> {
        self.decisions.get(hunk.edit?.decision.0)
    }

    /// The old text of a hunk.
    pub fn old_text(&self, hunk: &Hunk) -> &str {
        &self.old.text()[hunk.old.clone()]
    }

    /// The new text of a hunk.
    pub fn new_text(&self, hunk: &Hunk) -> &str {
        &self.new.text()[hunk.new.clone()]
    }

    /// Walk the redline in order: equal runs and hunks, each with its old and new byte ranges.
    pub fn segments(&self) -> Vec<Segment<'_>> {
        let mut out = Vec::with_capacity(self.hunks.len() * 2 + 1);
        let (mut o, mut n) = (0, 0);
        for h in &self.hunks {
            if h.old.start > o {
                out.push(Segment::Equal { old: o..h.old.start, new: n..h.new.start });
            }
            out.push(Segment::Change(h));
            o = h.old.end;
            n = h.new.end;
        }
        if o < self.old.text().len() {
            out.push(Segment::Equal { old: o..self.old.text().len(), new: n..self.new.text().len() });
        }
        out
    }

    /// Verify the invariant: sorted, non-overlapping hunks on char boundaries, equal text between
    /// them, kinds that agree with their sides. Returns what is wrong first.
    pub fn check(&self) -> Result<(), String> {
        let (old, new) = (self.old.text(), self.new.text());
        let (mut o, mut n) = (0, 0);
        for (i, h) in self.hunks.iter().enumerate() {
            if h.old.start < o || h.new.start < n || h.old.end < h.old.start || h.new.end < h.new.start {
                return Err(format!("hunk {i} is out of order or inverted: {h:?}"));
            }
            if h.old.end > old.len() || h.new.end > new.len() {
                return Err(format!("hunk {i} reaches past the end of a text: {h:?}"));
            }
            for (t, at) in [(old, h.old.start), (old, h.old.end), (new, h.new.start), (new, h.new.end)] {
                if !t.is_char_boundary(at) {
                    return Err(format!("hunk {i} splits a character: {h:?}"));
                }
            }
            if old[o..h.old.start] != new[n..h.new.start] {
                return Err(format!("the text before hunk {i} differs between old and new"));
            }
            if h.old.is_empty() && h.new.is_empty() {
                return Err(format!("hunk {i} is empty"));
            }
            if let Some(e) = h.edit {
                if e.decision.0 >= self.decisions.len() {
                    return Err(format!("hunk {i} is attributed to a decision the redline does not hold: {e:?}"));
                }
            }
            o = h.old.end;
            n = h.new.end;
        }
        if old[o..] != new[n..] {
            return Err("the text after the last hunk differs between old and new".into());
        }
        self.check_inner_changes()
    }

    /// The two ends of every move that carries inner changes: one-sided, the same list on
    /// both, each change inside its end's range and in order, and the old end's text with the
    /// changes made equal to the new end's text.
    fn check_inner_changes(&self) -> Result<(), String> {
        let (old, new) = (self.old.text(), self.new.text());
        let mut ends: BTreeMap<usize, [Option<usize>; 2]> = BTreeMap::new();
        for (i, h) in self.hunks.iter().enumerate().filter(|(_, h)| !h.inner_changes.is_empty()) {
            let Some(m) = h.move_id.filter(|_| h.kind == HunkKind::Move) else {
                return Err(format!("hunk {i} has inner changes but is not the end of a move"));
            };
            if !h.old.is_empty() && !h.new.is_empty() {
                return Err(format!("hunk {i}, an end of move {m} with inner changes, has text on both sides"));
            }
            if ends.entry(m).or_default()[usize::from(h.old.is_empty())].replace(i).is_some() {
                return Err(format!("move {m} has two ends on one side"));
            }
        }
        for (m, pair) in ends {
            let [Some(a), Some(b)] = pair else {
                return Err(format!("move {m} has inner changes on one end only"));
            };
            let (from, to) = (&self.hunks[a], &self.hunks[b]);
            if from.inner_changes != to.inner_changes {
                return Err(format!("the two ends of move {m} carry different inner changes"));
            }
            let (mut o, mut n) = (from.old.start, to.new.start);
            for (k, c) in from.inner_changes.iter().enumerate() {
                let inside = o <= c.old.start
                    && c.old.start <= c.old.end
                    && c.old.end <= from.old.end
                    && n <= c.new.start
                    && c.new.start <= c.new.end
                    && c.new.end <= to.new.end;
                if !inside {
                    return Err(format!("inner change {k} of move {m} is out of order or outside its ends: {c:?}"));
                }
                let bounds = [(old, c.old.start), (old, c.old.end), (new, c.new.start), (new, c.new.end)];
                if bounds.iter().any(|(t, at)| !t.is_char_boundary(*at)) {
                    return Err(format!("inner change {k} of move {m} splits a character: {c:?}"));
                }
                if c.old.is_empty() && c.new.is_empty() {
                    return Err(format!("inner change {k} of move {m} is empty"));
                }
                if old[o..c.old.start] != new[n..c.new.start] {
                    return Err(format!("the text before inner change {k} of move {m} differs between its ends"));
                }
                (o, n) = (c.old.end, c.new.end);
            }
            if old[o..from.old.end] != new[n..to.new.end] {
                return Err(format!("the text after the last inner change of move {m} differs between its ends"));
            }
        }
        Ok(())
    }
}

/// A piece of a redline in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text the same in both.
    Equal {
        /// Its byte range in the old text.
        old: Range<usize>,
        /// Its byte range in the new text.
        new: Range<usize>,
    },
    /// A change.
    Change(&'a Hunk),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_sides() {
        assert_eq!(Hunk::new(0..0, 0..3).kind, HunkKind::Insert);
        assert_eq!(Hunk::new(0..3, 0..0).kind, HunkKind::Delete);
        assert_eq!(Hunk::new(0..3, 0..3).kind, HunkKind::Replace);
    }

    #[test]
    fn check_finds_a_broken_invariant() {
        let good = Redline::from_texts("abc", "aXc", vec![Hunk::new(1..2, 1..2)]);
        assert!(good.check().is_ok());
        let bad = Redline::from_texts("abc", "aXd", vec![Hunk::new(1..2, 1..2)]);
        assert!(bad.check().unwrap_err().contains("after the last hunk"));
        let split = Redline::from_texts("あ", "い", vec![Hunk::new(0..1, 0..3)]);
        assert!(split.check().unwrap_err().contains("splits a character"));
    }

    #[test]
    fn attributions_must_name_a_decision_of_the_redline() {
        use crate::ledger::DecisionIx;
        let edit = EditRef { decision: DecisionIx(0), edit: 0 };
        let r = Redline::from_texts("a", "b", vec![Hunk::new(0..1, 0..1).attributed(edit)]);
        assert!(r.check().unwrap_err().contains("a decision the redline does not hold"));
        let decisions = vec![Decision { id: "32".into(), ..Decision::default() }];
        let r = r.with_decisions(decisions);
        assert!(r.check().is_ok());
        assert_eq!(r.decision(&r.hunks[0]).map(|d| d.id.as_str()), Some("32"));
    }

    /// 「関係機関との連携を強化する。」 moved from the start to the end, 強化→拡充 on the way.
    fn moved_and_edited() -> Redline<'static> {
        let (old, new) = ("関係機関との連携を強化する。\n一。\n", "一。\n関係機関との連携を拡充する。\n");
        let strong = old.find("強化").unwrap();
        let inner = vec![InnerChange { old: strong..strong + 6, new: 7 + strong..7 + strong + 6, layout: false }];
        let mut from = Hunk::new(0..old.find("一").unwrap(), 0..0);
        let mut to = Hunk::new(old.len()..old.len(), 7..new.len());
        for h in [&mut from, &mut to] {
            h.kind = HunkKind::Move;
            h.move_id = Some(0);
            h.inner_changes = inner.clone();
        }
        Redline::from_texts(old, new, vec![from, to])
    }

    #[test]
    fn the_ends_of_an_edited_move_must_agree() {
        let good = moved_and_edited();
        assert_eq!(good.check(), Ok(()));
        let mut one_end = good.clone();
        one_end.hunks[1].inner_changes.clear();
        assert!(one_end.check().unwrap_err().contains("on one end only"));
        let mut wrong = good.clone();
        for h in &mut wrong.hunks {
            h.inner_changes[0].new.start -= 3;
        }
        assert!(wrong.check().unwrap_err().contains("differs between its ends"), "{:?}", wrong.check());
        let mut outside = good.clone();
        for h in &mut outside.hunks {
            h.inner_changes[0].old.end = 200;
        }
        assert!(outside.check().unwrap_err().contains("outside its ends"));
        let mut not_a_move = good;
        not_a_move.hunks[0].kind = HunkKind::Delete;
        assert!(not_a_move.check().unwrap_err().contains("not the end of a move"));
    }

    #[test]
    fn segments_alternate_equal_and_change() {
        let r = Redline::from_texts("abcd", "aXcd", vec![Hunk::new(1..2, 1..2)]);
        let s = r.segments();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], Segment::Equal { old: 0..1, new: 0..1 });
        assert_eq!(s[2], Segment::Equal { old: 2..4, new: 2..4 });
    }
}
