//! Folding: the draft as the matcher sees it.
//!
//! Drafts extracted from PDF break lines in mid-phrase and end every page with a footer, so a
//! quote in a decision may span a line break or even a page break. The matcher therefore searches
//! a folded copy of the draft: white space (line breaks, spaces, ideographic spaces, form feeds) and
//! page-marker lines are left out; radicals that PDF producers put for ideographs (⾏ for 行)
//! become those ideographs ([`crate::unified`]); and, when the ledger asks for `match_width`,
//! every character is replaced by its NFKC form so that full- and half-width forms ((, （; P, Ｐ;
//! 1, １) meet, as do the pairs converters confuse (〜 ～, − －).
//!
//! [`Folded`] keeps the way back: every folded byte offset maps to a byte offset of the document
//! (`doc_start`, `doc_end`; `folded_at` the other way), so a match is reported — and an edit
//! applied — on the draft's own characters: 「認証制度である⏎ＥＤＳＡ認証」 folds to
//! 「認証制度であるEDSA認証」, and 「EDSA」 found there maps back to 「ＥＤＳＡ」 (tests below).

use crate::document::Document;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The largest text the fold can map (2 GiB: offsets are 32-bit, and folding by NFKC can make a
/// text longer); files are refused from this size on when read.
pub(crate) const MAX_TEXT: usize = u32::MAX as usize / 2;

/// A stretch of folded text and the stretch of the document it came from. In a plain run the
/// bytes are the same on both sides; an atomic run is one document character whose folded form
/// differs, and maps as a whole.
///
/// Offsets are stored as `u32` (a draft is below [`MAX_TEXT`]; [`Folded::new`] checks) so that
/// the map stays small: a run ends at every line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    folded: u32,
    doc: u32,
    folded_len: u32,
    doc_len: u32,
    atomic: bool,
}

impl Run {
    fn folded(&self) -> usize {
        self.folded as usize
    }
    fn doc(&self) -> usize {
        self.doc as usize
    }
    fn folded_end(&self) -> usize {
        (self.folded + self.folded_len) as usize
    }
    fn doc_end(&self) -> usize {
        (self.doc + self.doc_len) as usize
    }
}

/// The folded text of a document and the map back to the document.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    text: String,
    runs: Vec<Run>,
}

/// One character of a quote (white space is not one) and how many folded bytes it became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteChar {
    /// The character as the quote writes it.
    pub ch: char,
    /// Its length in the folded text (0 or more bytes: NFKC may drop or expand it).
    pub folded_len: usize,
}

/// Fold one character into `out`: nothing for white space; a radical as its unified ideograph
/// (⾏ → 行, always: [`crate::unified`]); with `width`, the confused pairs as one (〜 ～) and
/// then its NFKC form.
fn fold_char(c: char, width: bool, out: &mut String) {
    if c.is_whitespace() {
        return;
    }
    let c = crate::unified::unified(c);
    let c = if width { crate::unified::confusable(c) } else { c };
    if !width || c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        out.push(c);
    } else {
        out.extend(std::iter::once(c).nfkc().filter(|c| !c.is_whitespace()));
    }
}

/// Whether [`fold_char`] gives `c` back unchanged (what the fold of a document copies a stretch
/// at a time); keep the two alike.
fn folds_to_itself(c: char, width: bool) -> bool {
    if c.is_whitespace() || crate::unified::unified(c) != c {
        return false;
    }
    !width
        || c.is_ascii()
        || (crate::unified::confusable(c) == c && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Fold a quote: white space dropped, widths folded when asked. Returns the folded text and
/// each character kept from `s` (white space excluded) with the folded bytes it became.
pub(crate) fn fold_quote(s: &str, width: bool) -> (String, Vec<QuoteChar>) {
    let mut out = String::with_capacity(s.len());
    let mut chars = Vec::with_capacity(s.len() / 2);
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let before = out.len();
        fold_char(c, width, &mut out);
        chars.push(QuoteChar { ch: c, folded_len: out.len() - before });
    }
    (out, chars)
}

/// A text folded as a quote is: white space dropped, widths folded when asked.
pub(crate) fn fold_text(s: &str, width: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, width, &mut out);
    }
    out
}

/// The characters of `s` as [`fold_text`] folds it without widths (white space out, radicals
/// unified), read one at a time without building the fold.
pub(crate) fn folded_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace()).map(crate::unified::unified)
}

/// Whether `s` folds (as [`fold_text`] folds it, without widths) to `key`: compared a character
/// at a time, so that a line that differs is turned away at its first differing character.
pub(crate) fn folds_to(s: &str, key: &str) -> bool {
    folded_chars(s).eq(key.chars())
}

/// A hash of `s` as it folds without widths, equal for a text and its fold:
/// `fold_hash(s) == fold_hash(&fold_text(s, false))`.
pub(crate) fn fold_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in folded_chars(s) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// The folded text of `range` of `doc`, as [`Folded::new`] folds the whole document (white
/// space and page furniture out, widths folded if `width`), for reading a small part of a
/// document without folding all of it. (Keep the two alike: what one leaves out, so must the
/// other.)
pub(crate) fn fold_range(doc: &Document, range: std::ops::Range<usize>, width: bool) -> String {
    let text = doc.text();
    let mut out = String::with_capacity(range.len());
    if range.is_empty() {
        return out;
    }
    for line in doc.line_of(range.start)..=doc.line_of(range.end - 1) {
        if doc.is_furniture(line) {
            continue;
        }
        let r = doc.line_range(line);
        for c in text[r.start.max(range.start)..r.end.min(range.end)].chars() {
            fold_char(c, width, &mut out);
        }
    }
    out
}

impl Folded {
    /// Fold a document: white space and page furniture (page numbers, running heads, footers)
    /// out, widths folded if `width`.
    ///
    /// # Panics
    /// On a text of [`MAX_TEXT`] (2 GiB) or more (offsets are kept in 32 bits); reading an
    /// input refuses such texts before they get here.
    pub fn new(doc: &Document, width: bool) -> Folded {
        Folded::skipping(doc, width, &[])
    }

    /// Like [`Folded::new`], also leaving out the lines (0-based, sorted) in `skip`.
    pub fn skipping(doc: &Document, width: bool, skip: &[usize]) -> Folded {
        Folded::skipping_within(doc, width, skip, 0..doc.line_count())
    }

    /// Like [`Folded::skipping`], of the document's `lines` only (offsets stay the document's):
    /// the part of a document a comparison needs where the rest is equal byte for byte.
    pub fn skipping_within(doc: &Document, width: bool, skip: &[usize], lines: std::ops::Range<usize>) -> Folded {
        let text = doc.text();
        assert!(text.len() < MAX_TEXT, "texts of 2 GiB or more are refused when read");
        let bytes = match (lines.start < lines.end).then(|| doc.line_range(lines.start).start) {
            Some(start) => doc.line_range(lines.end - 1).end - start,
            None => 0,
        };
        let mut f = Folded { text: String::with_capacity(bytes), runs: Vec::new() };
        let mut buf = String::new();
        for line in lines {
            if doc.is_furniture(line) || skip.binary_search(&line).is_ok() {
                continue;
            }
            let range = doc.line_range(line);
            // Characters that fold to themselves are copied a stretch at a time (measured: a
            // third faster than one push per character on a 10 MB plan).
            let mut plain = range.start;
            for (i, c) in text[range.clone()].char_indices() {
                let at = range.start + i;
                if folds_to_itself(c, width) {
                    continue;
                }
                if plain < at {
                    f.push(plain, at - plain, &text[plain..at], false);
                }
                plain = at + c.len_utf8();
                if c.is_whitespace() {
                    continue;
                }
                buf.clear();
                fold_char(c, width, &mut buf);
                let same = buf.len() == c.len_utf8() && buf.starts_with(c);
                f.push(at, c.len_utf8(), &buf, !same);
            }
            if plain < range.end {
                f.push(plain, range.end - plain, &text[plain..range.end], false);
            }
        }
        f
    }

    fn push(&mut self, doc: usize, doc_len: usize, folded: &str, atomic: bool) {
        let at = self.text.len();
        self.text.push_str(folded);
        if let Some(last) = self.runs.last_mut() {
            if !atomic && !last.atomic && last.doc_end() == doc && last.folded_end() == at {
                last.doc_len += doc_len as u32;
                last.folded_len += folded.len() as u32;
                return;
            }
        }
        let run = Run {
            folded: at as u32,
            doc: doc as u32,
            folded_len: folded.len() as u32,
            doc_len: doc_len as u32,
            atomic,
        };
        self.runs.push(run);
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The run holding folded byte `f` (the last run for the end of the text).
    fn run_at(&self, f: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.folded() <= f);
        self.runs.get(i.checked_sub(1)?)
    }

    /// The document byte where the folded character starting at folded byte `f` begins; the
    /// end of the last character for `f` at the end of the folded text.
    pub fn doc_start(&self, f: usize) -> usize {
        match self.run_at(f) {
            None => 0,
            Some(r) if f >= r.folded_end() => r.doc_end(),
            Some(r) if r.atomic => r.doc(),
            Some(r) => r.doc() + (f - r.folded()),
        }
    }

    /// The document byte right after the folded character that ends at folded byte `f`.
    pub fn doc_end(&self, f: usize) -> usize {
        if f == 0 {
            return self.runs.first().map_or(0, Run::doc);
        }
        match self.run_at(f - 1) {
            None => 0,
            Some(r) if r.atomic => r.doc_end(),
            Some(r) => r.doc() + (f - r.folded()).min(r.folded_len as usize),
        }
    }

    /// Whether folded offset `f` lies strictly inside one document character that folded to
    /// several (㈱ to (株) with `match_width`): a match or a change may not start or end there.
    pub fn splits_char(&self, f: usize) -> bool {
        self.run_at(f).is_some_and(|r| r.atomic && f > r.folded() && f < r.folded_end())
    }

    /// The document range of folded range `f`.
    pub fn doc_range(&self, f: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.doc_start(f.start)..self.doc_end(f.end)
    }

    /// The folded offset of document byte `d`: the first folded character at or after it.
    pub fn folded_at(&self, d: usize) -> usize {
        let i = self.runs.partition_point(|r| r.doc() <= d);
        let Some(r) = i.checked_sub(1).map(|i| &self.runs[i]) else { return 0 };
        if d >= r.doc_end() || (r.atomic && d > r.doc()) {
            r.folded_end()
        } else if r.atomic {
            r.folded()
        } else {
            r.folded() + (d - r.doc())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    fn fold(s: &str, width: bool) -> (Document, Folded) {
        let d = Document::new(s, &PageMarker::default());
        let f = Folded::new(&d, width);
        (d, f)
    }

    #[test]
    fn line_breaks_and_widths_fold_and_map_back() {
        let (doc, folded) = fold("認証制度である\nＥＤＳＡ認証\n", true);
        assert_eq!(folded.text(), "認証制度であるEDSA認証");
        let at = folded.text().find("EDSA").unwrap();
        assert_eq!(&doc.text()[folded.doc_start(at)..], "ＥＤＳＡ認証\n");
    }

    #[test]
    fn a_line_folds_to_a_key_compared_char_by_char() {
        assert!(folds_to("II　⾏政 ", "II行政"));
        assert_eq!(fold_text("II　⾏政 ", false), "II行政", "as fold_text folds");
        assert!(!folds_to("II　行政改革", "II行政"));
        assert!(!folds_to("II", "II行政"));
        assert!(folds_to(" ", ""));
        for line in ["II　⾏政 ", "計画（案）", "  第１章　現状", ""] {
            assert_eq!(fold_hash(line), fold_hash(&fold_text(line, false)), "{line}");
        }
        assert_ne!(fold_hash("計画（案）"), fold_hash("計画（素案）"));
    }

    #[test]
    fn white_space_and_markers_are_left_out() {
        let (_, f) = fold("分科会を設\n置し、\n- 4 -\n　検討\r\n", false);
        assert_eq!(f.text(), "分科会を設置し、検討");
    }

    #[test]
    fn offsets_map_back_across_gaps() {
        let (d, f) = fold("設置\nし た", false);
        let at = f.text().find("置し").unwrap();
        let (s, e) = (f.doc_start(at), f.doc_end(at + "置し".len()));
        assert_eq!(&d.text()[s..e], "置\nし");
        assert_eq!(f.doc_end(f.text().len()), d.text().len());
        assert_eq!(f.folded_at(d.text().find('し').unwrap()), at + "置".len());
        assert_eq!(f.folded_at(d.text().find('\n').unwrap()), at + "置".len());
    }

    #[test]
    fn widths_fold_but_map_to_the_drafts_characters() {
        let (d, f) = fold("ＡＩ化（人工）", true);
        assert_eq!(f.text(), "AI化(人工)");
        let i = f.text().find('化').unwrap();
        assert_eq!(&d.text()[f.doc_start(i)..f.doc_end(i + '化'.len_utf8())], "化");
        assert_eq!(&d.text()[f.doc_start(0)..f.doc_end(2)], "ＡＩ");
        assert_eq!(f.folded_at(d.text().find('化').unwrap()), i);
    }

    #[test]
    fn widths_stay_apart_unless_asked() {
        let (_, f) = fold("ＡＩ化", false);
        assert_eq!(f.text(), "ＡＩ化");
    }

    #[test]
    fn a_range_folds_as_the_whole_does() {
        let text = "ＡＩ化\n- 4 -\n認証 制度\r\nです";
        let (d, f) = fold(text, true);
        for (start, _) in text.char_indices() {
            for end in (start..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let whole = &f.text()[f.folded_at(start)..f.folded_at(end)];
                assert_eq!(fold_range(&d, start..end, true), whole, "{start}..{end}");
            }
        }
    }

    #[test]
    fn radicals_always_fold_and_map_back_to_the_drafts_characters() {
        for width in [false, true] {
            let (d, f) = fold("⾏政サービスの⽤途\n", width);
            assert_eq!(f.text(), "行政サービスの用途");
            let at = f.text().find("用途").unwrap();
            assert_eq!(&d.text()[f.doc_start(at)..f.doc_end(at + "用途".len())], "⽤途");
        }
        assert_eq!(fold_quote("⺠間", false).0, "民間");
    }

    #[test]
    fn wave_dash_and_minus_meet_their_full_width_twins_only_with_match_width() {
        assert_eq!(fold_quote("7月〜9月 −1", true).0, fold_quote("7月～9月－1", true).0);
        assert_ne!(fold_quote("7月〜9月", false).0, fold_quote("7月～9月", false).0);
    }

    #[test]
    fn quotes_fold_like_the_draft() {
        let (text, chars) = fold_quote("AI （人工\n知能）", true);
        assert_eq!(text, "AI(人工知能)");
        assert_eq!(chars.len(), 8);
        assert_eq!(chars[2], QuoteChar { ch: '（', folded_len: 1 });
        assert_eq!(fold_text("AI （人工\n知能）", true), text);
    }
}
