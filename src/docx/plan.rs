//! From a [`Redline`] to the paragraphs of a Word document: the paragraph mapping.
//!
//! The mapping is documented in [`crate::docx`]: one Word paragraph per paragraph of the text
//! (its printed lines joined, page furniture left out: `layout.rs`), line breaks between
//! paragraphs inside hunks as tracked paragraph marks, headings as Word headings.

use super::layout::{furniture_kinds, Layout};
use super::text::{stand_in, Source, StandIn};
use crate::redline::{Hunk, HunkKind, Redline, Segment};

/// A revision's author and date: its index in [`Plan::revisions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RevisionIx(pub usize);

/// The revision state of a run or a paragraph mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rev {
    Same,
    Ins(RevisionIx),
    Del(RevisionIx),
    MoveFrom(RevisionIx),
    MoveTo(RevisionIx),
}

/// Who made a change and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Revision {
    pub author: String,
    /// ISO 8601 (`2023-08-25T00:00:00Z`), when the ledger gives a date.
    pub date: Option<String>,
}

/// One thing inside a paragraph, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Text in one revision state; may hold tabs and form feeds, never a line break.
    Text { rev: Rev, text: String },
    /// Start of the range a comment covers.
    CommentStart(usize),
    /// End of the range a comment covers, and the comment's reference mark.
    CommentEnd(usize),
    /// Start of one end of a move (`from` true: where the text was).
    MoveStart { name: usize, from: bool, who: RevisionIx },
    /// End of one end of a move.
    MoveEnd { name: usize, from: bool },
}

/// One paragraph: what it holds and the state of its mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    /// The heading level, for a heading (`Heading 1` …).
    pub heading: Option<u8>,
    pub mark: Rev,
    pub inlines: Vec<Inline>,
}

impl Para {
    fn new() -> Para {
        Para { heading: None, mark: Rev::Same, inlines: Vec::new() }
    }
}

/// A comment: on an attributed change, the decision's response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub who: RevisionIx,
    pub initials: String,
    pub text: String,
}

/// The whole document, ready to be written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub paras: Vec<Para>,
    pub revisions: Vec<Revision>,
    pub comments: Vec<Comment>,
    pub stand_ins: Vec<StandIn>,
    /// The old text prints running heads: the document's header repeats the current chapter
    /// and section.
    pub header: bool,
    /// The old text prints page numbers: the document's footer prints `- N -`.
    pub footer: bool,
}

/// The author of changes no decision explains (a plain diff).
pub const UNATTRIBUTED: &str = "akaji";

/// Lay out `redline` as paragraphs.
pub(crate) fn plan(redline: &Redline) -> Plan {
    let (header, footer) = furniture_kinds(&redline.old);
    let mut b = Builder {
        redline,
        plan: Plan { header, footer, ..Plan::default() },
        cur: Para::new(),
        layouts: [Layout::of(&redline.old), Layout::of(&redline.new)],
        revision_of: vec![None; redline.decisions.len() + 1],
    };
    for seg in redline.segments() {
        match seg {
            Segment::Equal { old, .. } => b.emit(old.start, &redline.old.text()[old], Source::Old, Rev::Same),
            Segment::Change(h) => b.change(h),
        }
    }
    b.finish()
}

struct Builder<'a> {
    redline: &'a Redline<'a>,
    plan: Plan,
    cur: Para,
    /// The old and the new text's layout.
    layouts: [Layout; 2],
    /// The revision of each decision once made, by decision index (the last slot: changes no
    /// decision explains).
    revision_of: Vec<Option<RevisionIx>>,
}

impl Builder<'_> {
    fn change(&mut self, h: &Hunk) {
        let who = self.who(h);
        let comment = self.comment(h, who);
        if let Some(c) = comment {
            self.cur.inlines.push(Inline::CommentStart(c));
        }
        let (old, new) = (self.redline.old_text(h), self.redline.new_text(h));
        let is_move = h.kind == HunkKind::Move && h.move_id.is_some();
        let name = h.move_id.unwrap_or(0);
        if !old.is_empty() {
            let (rev, from) = if is_move { (Rev::MoveFrom(who), true) } else { (Rev::Del(who), false) };
            self.moved(is_move, Inline::MoveStart { name, from, who });
            // A move edited on the way: what the passage loses is deleted inside the moved-from
            // range, what it gains inserted inside the moved-to range, so that accepting every
            // change gives the new text and rejecting every one the old.
            for (piece, inner) in h.old_pieces() {
                let rev = if inner { Rev::Del(who) } else { rev };
                self.emit(piece.start, &self.redline.old.text()[piece], Source::Old, rev);
            }
            self.moved(is_move, Inline::MoveEnd { name, from });
        }
        if !new.is_empty() {
            let rev = if is_move { Rev::MoveTo(who) } else { Rev::Ins(who) };
            self.moved(is_move, Inline::MoveStart { name, from: false, who });
            for (piece, inner) in h.new_pieces() {
                let rev = if inner { Rev::Ins(who) } else { rev };
                self.emit(piece.start, &self.redline.new.text()[piece], Source::New, rev);
            }
            self.moved(is_move, Inline::MoveEnd { name, from: false });
        }
        if let Some(c) = comment {
            // The comment's reference is a run; placed before a changed paragraph mark it would
            // split the change in two for LibreOffice, so it follows the mark.
            self.cur.inlines.push(Inline::CommentEnd(c));
        }
    }

    fn moved(&mut self, is_move: bool, inline: Inline) {
        match inline {
            _ if !is_move => {}
            Inline::MoveEnd { .. } => self.push_end(inline),
            _ => self.cur.inlines.push(inline),
        }
    }

    /// The end of a move range: when the moved text ended with a line break, the range ends in
    /// the paragraph that break closed, not at the start of the next one.
    fn push_end(&mut self, inline: Inline) {
        let no_text_yet = !self.cur.inlines.iter().any(|p| matches!(p, Inline::Text { .. }));
        match self.plan.paras.last_mut() {
            Some(last) if no_text_yet => last.inlines.push(inline),
            _ => self.cur.inlines.push(inline),
        }
    }

    /// The revision (author and date) of a hunk, shared by every hunk of one decision (found
    /// by the decision's index, not by comparing revisions, so a ledger of 100,000 decisions
    /// costs no more per hunk than one of ten).
    fn who(&mut self, h: &Hunk) -> RevisionIx {
        let decision = self.redline.decision(h);
        let slot = match (h.edit, decision) {
            (Some(e), Some(_)) => e.decision.0,
            _ => self.revision_of.len() - 1,
        };
        if let Some(ix) = self.revision_of[slot] {
            return ix;
        }
        let rev = match decision {
            Some(d) => Revision { author: d.label(), date: d.date.as_ref().and_then(|d| iso_date(&d.0)) },
            None => Revision { author: UNATTRIBUTED.into(), date: None },
        };
        self.plan.revisions.push(rev);
        let ix = RevisionIx(self.plan.revisions.len() - 1);
        self.revision_of[slot] = Some(ix);
        ix
    }

    /// A comment carrying the decision's response, when the hunk's decision has one.
    fn comment(&mut self, h: &Hunk, who: RevisionIx) -> Option<usize> {
        let d = self.redline.decision(h)?;
        let response = d.response.as_deref().filter(|r| !r.trim().is_empty())?;
        let mut text = String::with_capacity(response.len());
        for (i, c) in response.chars().enumerate() {
            match stand_in(c).or((c == '\u{c}').then_some('␌')) {
                Some(s) => {
                    text.push(s);
                    self.plan.stand_ins.push(StandIn {
                        source: Source::Response { decision: d.id.clone() },
                        page: None,
                        line: 0,
                        column: i + 1,
                        code_point: c as u32,
                        written_as: s,
                    });
                }
                None => text.push(c),
            }
        }
        self.plan.comments.push(Comment { who, initials: d.id.clone(), text });
        Some(self.plan.comments.len() - 1)
    }

    /// Add `text` (starting at byte `base` of its side) in state `rev`: line breaks between
    /// paragraphs close paragraphs, a paragraph's own wraps and its page furniture are left out
    /// (`layout.rs`), forbidden characters become stand-ins.
    fn emit(&mut self, base: usize, text: &str, source: Source, rev: Rev) {
        let side = usize::from(source != Source::Old);
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if self.layouts[side].dropped(base + i) {
                self.push_text_at(rev, &text[start..i], side, base + start);
                start = i + c.len_utf8();
                continue;
            }
            let stand = match c {
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                    self.push_text_at(rev, &text[start..i], side, base + start);
                    start = i + 1;
                    continue;
                }
                '\r' => Some('␍'),
                '\n' => {
                    self.push_text_at(rev, &text[start..i], side, base + start);
                    start = i + 1;
                    match self.layouts[side].soft(base + i) {
                        Some(true) => self.push_text(rev, " "),
                        Some(false) => {}
                        None => self.end_para(rev),
                    }
                    continue;
                }
                c => stand_in(c),
            };
            if let Some(s) = stand {
                self.push_text_at(rev, &text[start..i], side, base + start);
                self.push_text(rev, s.encode_utf8(&mut [0; 4]));
                start = i + c.len_utf8();
                self.warn(&source, base + i, c, s);
            }
        }
        self.push_text_at(rev, &text[start..], side, base + start);
    }

    /// [`Builder::push_text`] of text at byte `at` of side `side`: a paragraph's first text
    /// makes it a heading when the text's paragraph is one.
    fn push_text_at(&mut self, rev: Rev, text: &str, side: usize, at: usize) {
        if text.is_empty() {
            return;
        }
        if !self.cur.inlines.iter().any(|p| matches!(p, Inline::Text { .. })) {
            self.cur.heading = self.layouts[side].heading(at);
        }
        self.push_text(rev, text);
    }

    fn warn(&mut self, source: &Source, at: usize, c: char, s: char) {
        let doc = if *source == Source::Old { &self.redline.old } else { &self.redline.new };
        let p = doc.position(at);
        self.plan.stand_ins.push(StandIn {
            source: source.clone(),
            page: Some(p.page),
            line: p.line,
            column: p.column,
            code_point: c as u32,
            written_as: s,
        });
    }

    fn push_text(&mut self, rev: Rev, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Inline::Text { rev: last, text: t }) = self.cur.inlines.last_mut() {
            if *last == rev {
                t.push_str(text);
                return;
            }
        }
        self.cur.inlines.push(Inline::Text { rev, text: text.to_owned() });
    }

    fn end_para(&mut self, mark: Rev) {
        let mut done = std::mem::replace(&mut self.cur, Para::new());
        done.mark = mark;
        self.plan.paras.push(done);
    }

    fn finish(mut self) -> Plan {
        let only_marks = self.cur.inlines.iter().all(|p| !matches!(p, Inline::Text { .. }));
        if let (true, Some(last)) = (only_marks, self.plan.paras.last_mut()) {
            // Range ends after the final line break belong to the last paragraph.
            last.inlines.append(&mut self.cur.inlines);
        }
        if !self.cur.inlines.is_empty() || self.plan.paras.is_empty() {
            self.plan.paras.push(self.cur);
        }
        self.plan
    }
}

/// A ledger date as an ISO 8601 date-time for `w:date`: `2023-08-25` → `2023-08-25T00:00:00Z`;
/// a date-time is kept (a space before the time becomes `T`, a missing zone becomes `Z`).
/// Anything else gives `None` (the revision then has no date).
pub fn iso_date(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10)) {
        return None;
    }
    if b.len() == 10 {
        return Some(format!("{date}T00:00:00Z"));
    }
    let time_ok = matches!(b[10], b'T' | b't' | b' ')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19);
    if !time_ok {
        return None;
    }
    let rest = &date[19..];
    let zone_ok = rest.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '+' | '-' | 'Z' | 'z'));
    if !zone_ok {
        return None;
    }
    let zone = if rest.ends_with(['Z', 'z']) || rest.contains(['+', '-']) { "" } else { "Z" };
    Some(format!("{}T{}{rest}{zone}", &date[..10], &date[11..19]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Para) -> Vec<(Rev, &str)> {
        p.inlines
            .iter()
            .filter_map(|x| match x {
                Inline::Text { rev, text } => Some((*rev, text.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn line_breaks_in_hunks_are_tracked_paragraph_marks() {
        // "a\nb\nc\n" → "a\nB\nX\nc\n": b replaced by B, a line X inserted.
        let r = Redline::from_texts("a\nb\nc\n", "a\nB\nX\nc\n", vec![Hunk::new(2..3, 2..5)]);
        let p = plan(&r);
        assert_eq!(p.paras.len(), 4, "{:?}", p.paras);
        let who = RevisionIx(0);
        assert_eq!(texts(&p.paras[1]), vec![(Rev::Del(who), "b"), (Rev::Ins(who), "B")]);
        assert_eq!(p.paras[1].mark, Rev::Ins(who));
        assert_eq!(texts(&p.paras[2]), vec![(Rev::Ins(who), "X")]);
        assert_eq!(p.paras[2].mark, Rev::Same);
        assert_eq!(p.revisions[0].author, UNATTRIBUTED);
    }

    #[test]
    fn page_numbers_go_to_the_footer_and_crlf_is_one_break() {
        let r = Redline::from_texts("a\r\n- 4 -\r\nb\r\n", "a\r\n- 4 -\r\nb\r\n", vec![]);
        let p = plan(&r);
        assert_eq!(p.paras.len(), 2);
        assert_eq!((texts(&p.paras[0]), texts(&p.paras[1])), (vec![(Rev::Same, "a")], vec![(Rev::Same, "b")]));
        assert!(p.footer && !p.header);
    }

    #[test]
    fn a_wrapped_paragraph_is_one_word_paragraph_and_a_heading_a_heading() {
        let text = "1.1. 経営層の意識改革\n　経済産業省及び独立行政法人情報処理推進機構（IPA）が令和４年度に実施した調\n査によれば、方針を審議している企業の割合は約６割である。\n";
        let r = Redline::from_texts(text, text, vec![]);
        let p = plan(&r);
        assert_eq!(p.paras.len(), 2, "{:?}", p.paras);
        assert_eq!(p.paras[0].heading, Some(2));
        assert_eq!(
            texts(&p.paras[1]),
            vec![(Rev::Same, "　経済産業省及び独立行政法人情報処理推進機構（IPA）が令和４年度に実施した調査によれば、方針を審議している企業の割合は約６割である。")]
        );
    }

    #[test]
    fn forbidden_characters_are_replaced_and_reported() {
        let r = Redline::from_texts("a\u{7}b\n", "a\u{7}b\n", vec![]);
        let p = plan(&r);
        assert_eq!(texts(&p.paras[0]), vec![(Rev::Same, "a␇b")]);
        assert_eq!(p.stand_ins.len(), 1);
        assert_eq!((p.stand_ins[0].line, p.stand_ins[0].column, p.stand_ins[0].code_point), (1, 2, 7));
    }

    #[test]
    fn dates_become_iso_date_times() {
        assert_eq!(iso_date("2023-08-25").as_deref(), Some("2023-08-25T00:00:00Z"));
        assert_eq!(iso_date("2023-08-25 10:30:00").as_deref(), Some("2023-08-25T10:30:00Z"));
        assert_eq!(iso_date("2023-08-25T10:30:00+09:00").as_deref(), Some("2023-08-25T10:30:00+09:00"));
        assert_eq!(iso_date("令和5年8月25日"), None);
        assert_eq!(iso_date("2023-08-25T10"), None);
    }
}
