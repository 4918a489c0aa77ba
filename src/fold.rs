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
//! [`Folded`] keeps the way back: every folded byte offset maps to a byte offset of the draft, so
//! a match is reported — and an edit applied — on the draft's own characters.
//!
//! ```
//! use akaji::document::{Document, PageMarker};
//! use akaji::fold::Folded;
//! let doc = Document::new("認証制度である\nＥＤＳＡ認証\n", &PageMarker::default());
//! let folded = Folded::new(&doc, true);
//! assert_eq!(folded.text(), "認証制度であるEDSA認証");
//! let at = folded.text().find("EDSA").unwrap();
//! assert_eq!(&doc.text()[folded.orig_start(at)..], "ＥＤＳＡ認証\n");
//! ```

use crate::document::Document;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The largest text the fold can map (offsets are 32-bit); files are refused past it when read.
pub const MAX_TEXT: usize = u32::MAX as usize / 2;

/// A stretch of folded text and the stretch of the original it came from. In a plain run the
/// bytes are the same on both sides; an atomic run is one original character whose folded form
/// differs, and maps as a whole.
///
/// Offsets are stored as `u32` (a draft is far below 4 GiB; [`Folded::new`] checks) so that the
/// map stays small: a run ends at every line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    norm: u32,
    orig: u32,
    norm_len: u32,
    orig_len: u32,
    atomic: bool,
}

impl Run {
    fn norm(&self) -> usize {
        self.norm as usize
    }
    fn orig(&self) -> usize {
        self.orig as usize
    }
    fn norm_end(&self) -> usize {
        (self.norm + self.norm_len) as usize
    }
    fn orig_end(&self) -> usize {
        (self.orig + self.orig_len) as usize
    }
}

/// The folded text of a document and the map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    runs: Vec<Run>,
}

/// Fold one character into `out`: nothing for white space; a radical as its unified ideograph
/// (⾏ → 行, always: [`crate::unified`]); with `width`, the confused pairs as one (〜 ～) and
/// then its NFKC form.
pub fn fold_char(c: char, width: bool, out: &mut String) {
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

/// Fold a quote: white space dropped, widths folded when asked. Returns the folded text and, for
/// each character kept from `s` (white space excluded), the folded bytes it became.
pub fn fold_quote(s: &str, width: bool) -> (String, Vec<(char, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut pieces = Vec::with_capacity(s.len() / 2);
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let before = out.len();
        fold_char(c, width, &mut out);
        pieces.push((c, out.len() - before));
    }
    (out, pieces)
}

impl Folded {
    /// Fold a document: white space and page-marker lines out, widths folded if `width`.
    ///
    /// # Panics
    /// On a text of 4 GiB or more (offsets are kept in 32 bits); [`crate::files`] refuses such
    /// files before they get here.
    pub fn new(doc: &Document, width: bool) -> Folded {
        Folded::skipping(doc, width, &[])
    }

    /// Like [`Folded::new`], also leaving out the lines (0-based, sorted) in `skip`: page
    /// furniture such as running heads, which verify does not count as content.
    pub fn skipping(doc: &Document, width: bool, skip: &[usize]) -> Folded {
        let text = doc.text();
        assert!(text.len() < MAX_TEXT, "texts of 4 GiB or more are refused when read");
        let mut f = Folded { text: String::with_capacity(text.len()), runs: Vec::new() };
        let mut buf = String::new();
        for line in 0..doc.line_count() {
            if doc.is_marker_line(line) || skip.binary_search(&line).is_ok() {
                continue;
            }
            let range = doc.line_range(line);
            for (i, c) in text[range.clone()].char_indices() {
                let orig = range.start + i;
                if c.is_whitespace() {
                    continue;
                }
                buf.clear();
                fold_char(c, width, &mut buf);
                let same = buf.len() == c.len_utf8() && buf.starts_with(c);
                f.push(orig, c.len_utf8(), &buf, !same);
            }
        }
        f
    }

    fn push(&mut self, orig: usize, orig_len: usize, folded: &str, atomic: bool) {
        let norm = self.text.len();
        self.text.push_str(folded);
        if let Some(last) = self.runs.last_mut() {
            if !atomic && !last.atomic && last.orig_end() == orig && last.norm_end() == norm {
                last.orig_len += orig_len as u32;
                last.norm_len += folded.len() as u32;
                return;
            }
        }
        let run = Run {
            norm: norm as u32,
            orig: orig as u32,
            norm_len: folded.len() as u32,
            orig_len: orig_len as u32,
            atomic,
        };
        self.runs.push(run);
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The run holding folded byte `norm` (the last run for the end of the text).
    fn run_at(&self, norm: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.norm() <= norm);
        self.runs.get(i.checked_sub(1)?)
    }

    /// The original byte offset where the folded character starting at `norm` begins; the end of
    /// the last character for `norm` at the end of the folded text.
    pub fn orig_start(&self, norm: usize) -> usize {
        match self.run_at(norm) {
            None => 0,
            Some(r) if norm >= r.norm_end() => r.orig_end(),
            Some(r) if r.atomic => r.orig(),
            Some(r) => r.orig() + (norm - r.norm()),
        }
    }

    /// The original byte offset right after the folded character that ends at `norm`.
    pub fn orig_end(&self, norm: usize) -> usize {
        if norm == 0 {
            return self.runs.first().map_or(0, Run::orig);
        }
        match self.run_at(norm - 1) {
            None => 0,
            Some(r) if r.atomic => r.orig_end(),
            Some(r) => r.orig() + (norm - r.norm()).min(r.norm_len as usize),
        }
    }

    /// The folded offset of original byte `orig`: the first folded character at or after it.
    pub fn norm_of(&self, orig: usize) -> usize {
        let i = self.runs.partition_point(|r| r.orig() <= orig);
        let Some(r) = i.checked_sub(1).map(|i| &self.runs[i]) else { return 0 };
        if orig >= r.orig_end() || (r.atomic && orig > r.orig()) {
            r.norm_end()
        } else if r.atomic {
            r.norm()
        } else {
            r.norm() + (orig - r.orig())
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
    fn white_space_and_markers_are_left_out() {
        let (_, f) = fold("分科会を設\n置し、\n- 4 -\n　検討\r\n", false);
        assert_eq!(f.text(), "分科会を設置し、検討");
    }

    #[test]
    fn offsets_map_back_across_gaps() {
        let (d, f) = fold("設置\nし た", false);
        let at = f.text().find("置し").unwrap();
        let (s, e) = (f.orig_start(at), f.orig_end(at + "置し".len()));
        assert_eq!(&d.text()[s..e], "置\nし");
        assert_eq!(f.orig_end(f.text().len()), d.text().len());
        assert_eq!(f.norm_of(d.text().find('し').unwrap()), at + "置".len());
        assert_eq!(f.norm_of(d.text().find('\n').unwrap()), at + "置".len());
    }

    #[test]
    fn widths_fold_but_map_to_the_drafts_characters() {
        let (d, f) = fold("ＡＩ化（人工）", true);
        assert_eq!(f.text(), "AI化(人工)");
        let i = f.text().find('化').unwrap();
        assert_eq!(&d.text()[f.orig_start(i)..f.orig_end(i + '化'.len_utf8())], "化");
        assert_eq!(&d.text()[f.orig_start(0)..f.orig_end(2)], "ＡＩ");
        assert_eq!(f.norm_of(d.text().find('化').unwrap()), i);
    }

    #[test]
    fn widths_stay_apart_unless_asked() {
        let (_, f) = fold("ＡＩ化", false);
        assert_eq!(f.text(), "ＡＩ化");
    }

    #[test]
    fn radicals_always_fold_and_map_back_to_the_drafts_characters() {
        for width in [false, true] {
            let (d, f) = fold("⾏政サービスの⽤途\n", width);
            assert_eq!(f.text(), "行政サービスの用途");
            let at = f.text().find("用途").unwrap();
            assert_eq!(&d.text()[f.orig_start(at)..f.orig_end(at + "用途".len())], "⽤途");
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
        let (text, pieces) = fold_quote("AI （人工\n知能）", true);
        assert_eq!(text, "AI(人工知能)");
        assert_eq!(pieces.len(), 8);
        assert_eq!(pieces[2], ('（', 1));
    }
}
