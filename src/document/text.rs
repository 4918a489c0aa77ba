//! The document itself: its text, lines, pages and places.

use super::furniture;
use super::marker::PageMarker;
use super::page::{LineCount, LineRole, Page, PageNo};
use super::paginate::{paginate, Span};
use super::paragraphs::{self, Paragraph, Signs};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

const BOM: char = '\u{feff}';

/// Where a byte offset lies, in every unit a user or a tool may want.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// The page's number.
    pub page: PageNo,
    /// The line within the page, 1-based, as the document counts lines (by default its body
    /// lines); 0 on a line that is not counted (the page number, a running head).
    pub line: usize,
    /// The column within the line, 1-based, in chars.
    pub column: usize,
    /// The line within the whole document, 1-based.
    pub doc_line: usize,
    /// Offset in chars (Unicode scalar values) from the start of the text (after any BOM).
    pub offset: usize,
}

/// A place in a document, for messages and reports: page, line and column, the text there, and a
/// little context on each side (line breaks shown as `⏎`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Page number.
    pub page: PageNo,
    /// Line within the page, 1-based (0 on a line that is not counted: the page number, a
    /// running head).
    pub line: usize,
    /// Column, 1-based, in chars.
    pub column: usize,
    /// Up to ten characters before the place.
    #[serde(rename = "before")]
    pub context_before: String,
    /// The text at the place.
    pub text: String,
    /// Up to ten characters after the place.
    #[serde(rename = "after")]
    pub context_after: String,
}

/// Characters of context a [`Place`] shows on each side.
const CONTEXT_CHARS: usize = 10;

/// A text with its pages and lines indexed, each line with its role on its page, and the
/// body's paragraphs.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    bom: bool,
    /// Byte offset of the start of every line; a line includes its terminator.
    line_starts: Vec<usize>,
    /// For every line, the index of its page.
    line_page: Vec<u32>,
    /// For every line, what it is on its page.
    roles: Vec<LineRole>,
    /// For every line, the signs of its layout, when the input gave them (a PDF's geometry);
    /// a text's are read from its characters when paragraphs are first asked for.
    signs: Option<Vec<Signs>>,
    pages: Vec<Page>,
    count: LineCount,
    /// Char offset at every 8th line start, to turn byte offsets into char offsets quickly.
    char_checkpoints: Vec<usize>,
    paragraphs: OnceLock<Vec<Paragraph>>,
}

const CHECKPOINT_EVERY: usize = 8;

impl Document {
    /// Index `text`. A leading byte order mark is set aside ([`Document::bom`] gives it back).
    pub fn new(text: &str, marker: &PageMarker) -> Document {
        let (bom, body) = match text.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        Document::with_bom(body.to_owned(), bom, marker)
    }

    /// Like [`Document::new`], taking ownership of the text to avoid a copy.
    pub fn from_string(mut text: String, marker: &PageMarker) -> Document {
        let bom = text.starts_with(BOM);
        if bom {
            text.drain(..BOM.len_utf8());
        }
        Document::with_bom(text, bom, marker)
    }

    /// Index `text`, which holds no byte order mark, as a document that had one if `bom`: how
    /// a final is made from its draft without adding the mark and stripping it again.
    pub fn with_bom(text: String, bom: bool, marker: &PageMarker) -> Document {
        Document::index(text, bom, marker, None)
    }

    /// A document whose lines' roles and signs are known (a PDF read by position): `roles` and
    /// `signs` hold one entry per line of `text`. Pages are cut by `marker` and by form feeds
    /// before page 1, as for any text; the running heads and footers are the given ones.
    pub(crate) fn printed(text: String, marker: &PageMarker, roles: Vec<LineRole>, signs: Vec<Signs>) -> Document {
        Document::index(text, false, marker, Some((roles, Some(signs))))
    }

    /// The document `draft` becomes once `edits` (each a draft byte range and the range of the
    /// text that replaced it in `text`, in order) are put in: its lines keep the roles and
    /// signs of the draft lines they come from, so that a final keeps its draft's furniture
    /// even where a heading its running heads repeat was revised, and its paragraphs even
    /// where a deletion shortened a line. A line that starts inside a
    /// replacement is body, unless it repeats a furniture line the replaced range held (a page
    /// break kept inside a changed passage).
    ///
    /// `edits` are read through `ranges` (an edit's draft range and final range), so that a
    /// caller need not copy them into pairs.
    pub(crate) fn revised<E>(
        text: String,
        bom: bool,
        marker: &PageMarker,
        draft: &Document,
        edits: &[E],
        ranges: impl Fn(&E) -> (&Range<usize>, &Range<usize>),
    ) -> Document {
        let starts = line_starts(&text);
        let at = |k: usize| ranges(&edits[k]);
        let draft_signs = draft.line_signs();
        let mut roles = Vec::with_capacity(starts.len());
        let mut signs = Vec::with_capacity(starts.len());
        // Edits before `next` end (in the final) at or before the line start.
        let mut next = 0;
        for &f in &starts {
            while next < edits.len() && at(next).1.end <= f && !at(next).1.contains(&f) {
                next += 1;
            }
            let (role, sign) = match (next < edits.len()).then(|| at(next)).filter(|(_, new)| new.contains(&f)) {
                Some((old, _)) => {
                    let end = text[f..].find('\n').map_or(text.len(), |n| f + n);
                    let line = text[f..end].trim_end_matches('\r');
                    let first = draft.line_of(old.start);
                    let last = draft.line_of(old.end.max(old.start + 1) - 1);
                    let same = (first..=last).find(|&l| draft.is_furniture(l) && draft.line_text(l) == line);
                    // A line the edit wrote: its own indent and marker, the break of the line it
                    // came from.
                    let from = draft_signs.get(first).copied().unwrap_or_default();
                    let own = paragraphs::line_signs_of(line, from.ends_short);
                    (same.map_or(LineRole::Body, |l| draft.role(l)), own)
                }
                None => {
                    let d = match next.checked_sub(1).map(at) {
                        Some((old, new)) => old.end + (f - new.end),
                        None => f,
                    };
                    let l = draft.line_of(d.min(draft.text.len()));
                    (draft.role(l), draft_signs.get(l).copied().unwrap_or_default())
                }
            };
            roles.push(role);
            signs.push(sign);
        }
        Document::index_at(text, starts, bom, marker, Some((roles, Some(signs)))).counting(draft.count)
    }

    fn index(
        text: String,
        bom: bool,
        marker: &PageMarker,
        given: Option<(Vec<LineRole>, Option<Vec<Signs>>)>,
    ) -> Document {
        let starts = line_starts(&text);
        Document::index_at(text, starts, bom, marker, given)
    }

    /// [`Document::index`] with the line starts of `text` found already.
    fn index_at(
        text: String,
        line_starts: Vec<usize>,
        bom: bool,
        marker: &PageMarker,
        given: Option<(Vec<LineRole>, Option<Vec<Signs>>)>,
    ) -> Document {
        let mut doc = Document {
            text,
            bom,
            line_starts,
            line_page: Vec::new(),
            roles: Vec::new(),
            signs: None,
            pages: Vec::new(),
            count: LineCount::default(),
            char_checkpoints: Vec::new(),
            paragraphs: OnceLock::new(),
        };
        let spans = {
            let lines: Vec<&str> = (0..doc.line_count()).map(|i| doc.line_text(i)).collect();
            let (spans, mut roles) = paginate(&lines, marker);
            match given {
                Some((given, signs)) if given.len() == lines.len() => {
                    for (role, g) in roles.iter_mut().zip(given) {
                        if *role == LineRole::Body && g != LineRole::PageNumber {
                            *role = g;
                        }
                    }
                    doc.signs = signs.filter(|s| s.len() == lines.len());
                }
                _ => furniture::mark(&lines, &spans, &mut roles),
            }
            doc.roles = roles;
            spans
        };
        doc.set_pages(spans);
        doc.index_chars();
        doc
    }

    /// The same document, its lines counted as `count` says (by default, body lines).
    pub fn counting(mut self, count: LineCount) -> Document {
        if count != self.count {
            self.count = count;
            let spans =
                self.pages.iter().map(|p| Span { number: p.number, all: p.all.clone(), marker: p.marker }).collect();
            self.set_pages(spans);
        }
        self
    }

    /// The same document with `lines` (body lines) set apart as running heads, its pages'
    /// bodies and line counts made again ([`super::shared`]).
    pub(crate) fn with_heads_at(self, lines: &[usize]) -> Document {
        let roles: Vec<(usize, LineRole)> = lines.iter().map(|&l| (l, LineRole::RunningHead)).collect();
        self.with_roles(&roles)
    }

    /// The same document with the roles of the lines `roles` names (a body line or furniture,
    /// not a page number either way), its pages' bodies and line counts made again
    /// ([`super::shared`]).
    pub(crate) fn with_roles(mut self, roles: &[(usize, LineRole)]) -> Document {
        let mut changed = false;
        for &(l, role) in roles {
            let number = |r: LineRole| r == LineRole::PageNumber;
            if self.roles[l] != role && !number(self.roles[l]) && !number(role) {
                self.roles[l] = role;
                changed = true;
            }
        }
        if changed {
            let spans =
                self.pages.iter().map(|p| Span { number: p.number, all: p.all.clone(), marker: p.marker }).collect();
            self.set_pages(spans);
            self.paragraphs = OnceLock::new();
        }
        self
    }

    fn set_pages(&mut self, spans: Vec<Span>) {
        self.line_page = vec![0; self.line_starts.len()];
        self.pages.clear();
        for (index, span) in spans.into_iter().enumerate() {
            for l in span.all.clone() {
                self.line_page[l] = index as u32;
            }
            let is_body = |l: &usize| self.roles[*l] == LineRole::Body;
            let first = span.all.clone().find(is_body);
            let last = span.all.clone().rev().find(is_body);
            let body = match (first, last) {
                (Some(f), Some(l)) => f..l + 1,
                // A page without body: an empty range after its heads.
                _ => {
                    let at = span.all.clone().find(|&l| self.roles[l] != LineRole::RunningHead).unwrap_or(span.all.end);
                    at..at
                }
            };
            // Furniture between body lines is body (a body is one stretch of lines).
            for l in body.clone() {
                if self.roles[l] != LineRole::Body && self.roles[l] != LineRole::PageNumber {
                    self.roles[l] = LineRole::Body;
                }
            }
            let lines = match self.count {
                LineCount::Body => body.clone(),
                LineCount::Printed => span.all.start..span.marker.unwrap_or(span.all.end),
            };
            self.pages.push(Page { number: span.number, lines, body, all: span.all, marker: span.marker });
        }
    }

    fn index_chars(&mut self) {
        let mut chars = 0;
        let mut prev = 0;
        for (i, &start) in self.line_starts.iter().enumerate() {
            chars += self.text[prev..start].chars().count();
            prev = start;
            if i % CHECKPOINT_EVERY == 0 {
                self.char_checkpoints.push(chars);
            }
        }
    }

    /// The byte offset of each line's start, as [`line_starts`] finds them.
    pub(crate) fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The text, without any byte order mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the original text began with a byte order mark.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The byte order mark the original text began with (`"\u{feff}"`), or `""`: what to
    /// write before [`Document::text`] to give the text back byte for byte.
    pub fn bom(&self) -> &'static str {
        if self.bom {
            "\u{feff}"
        } else {
            ""
        }
    }

    /// The pages, in order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The page with this number, if there is one.
    pub fn page(&self, number: impl Into<PageNo>) -> Option<&Page> {
        let number = number.into();
        self.pages.iter().find(|p| p.number == number)
    }

    /// How lines are counted ([`LineCount::Body`] unless [`Document::counting`] said otherwise).
    pub fn line_count_mode(&self) -> LineCount {
        self.count
    }

    /// Number of lines in the document (furniture included).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of line `i` (0-based, document-wide), terminator included.
    pub fn line_range(&self, i: usize) -> Range<usize> {
        let start = self.line_starts[i];
        let end = self.line_starts.get(i + 1).copied().unwrap_or(self.text.len());
        start..end
    }

    /// The text of line `i` without its terminator.
    pub fn line_text(&self, i: usize) -> &str {
        let r = self.line_range(i);
        self.text[r].trim_end_matches(['\n', '\r'])
    }

    /// Whether line `i` is a page-marker line.
    pub fn is_marker_line(&self, i: usize) -> bool {
        self.role(i) == LineRole::PageNumber
    }

    /// What line `i` is on its page: body, running head, footer or page number.
    pub fn role(&self, i: usize) -> LineRole {
        self.roles.get(i).copied().unwrap_or_default()
    }

    /// Whether line `i` is page furniture (a running head, a footer, the page number): never
    /// part of a quote, never a change.
    pub fn is_furniture(&self, i: usize) -> bool {
        self.role(i).is_furniture()
    }

    /// The body's paragraphs, items and headings, in reading order (computed on first use).
    pub fn paragraphs(&self) -> &[Paragraph] {
        self.paragraphs.get_or_init(|| self.find_paragraphs())
    }

    /// The index of the paragraph holding line `i` (a body line), if any.
    pub fn paragraph_of(&self, i: usize) -> Option<usize> {
        let ps = self.paragraphs();
        let at = ps.partition_point(|p| p.lines.end <= i);
        (at < ps.len() && ps[at].lines.contains(&i) && !self.is_furniture(i)).then_some(at)
    }

    /// A paragraph's text as a reader reads it: its lines joined without the breaks of the
    /// printed page (see [`Paragraph`]).
    pub fn paragraph_text(&self, p: &Paragraph) -> String {
        paragraphs::joined(p.lines.clone().filter(|&l| !self.is_furniture(l)).map(|l| self.line_text(l)))
    }

    /// The byte range of a paragraph: from its first line's start to its last line's end (its
    /// line break included); furniture lines inside it (a page break) are in the range.
    pub fn paragraph_range(&self, p: &Paragraph) -> Range<usize> {
        self.line_range(p.lines.start).start..self.line_range(p.lines.end - 1).end
    }

    /// Every line's signs: the given ones (a PDF's geometry, a final's from its draft), or read
    /// from the body lines' characters (furniture lines get none).
    fn line_signs(&self) -> Vec<Signs> {
        if let Some(given) = &self.signs {
            return given.clone();
        }
        let body: Vec<usize> = (0..self.line_count()).filter(|&l| !self.is_furniture(l)).collect();
        let texts: Vec<&str> = body.iter().map(|&l| self.line_text(l)).collect();
        let mut all = vec![Signs::default(); self.line_count()];
        for (l, s) in body.into_iter().zip(paragraphs::text_signs(&texts)) {
            all[l] = s;
        }
        all
    }

    fn find_paragraphs(&self) -> Vec<Paragraph> {
        let body: Vec<usize> = (0..self.line_count()).filter(|&l| !self.is_furniture(l)).collect();
        let texts: Vec<&str> = body.iter().map(|&l| self.line_text(l)).collect();
        let all = self.line_signs();
        let signs: Vec<Signs> = body.iter().map(|&l| all[l]).collect();
        // A front page's text never runs on into page 1.
        let mut ps = paragraphs::join(&body, &texts, &signs, |l| self.pages[self.line_page[l] as usize].number);
        paragraphs::classify(&mut ps, |l| self.line_text(l).to_owned());
        ps
    }

    /// The 0-based document line holding byte `offset` (the last line for the end of text).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte range of a page's counted lines.
    pub fn page_range(&self, page: &Page) -> Range<usize> {
        if page.lines.is_empty() {
            let at = self.line_starts.get(page.lines.start).copied().unwrap_or(self.text.len());
            return at..at;
        }
        let start = self.line_starts[page.lines.start];
        let end = self.line_range(page.lines.end - 1).end;
        start..end
    }

    /// The document line (0-based) of line `line` of `page`; negative counts from the bottom.
    pub fn page_line(&self, page: &Page, line: i64) -> Option<usize> {
        let count = page.lines.len() as i64;
        let idx = if line > 0 { line - 1 } else { count + line };
        (line != 0 && (0..count).contains(&idx)).then(|| page.lines.start + idx as usize)
    }

    /// The char offset of byte offset `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.line_starts.is_empty() {
            return self.text[..byte].chars().count();
        }
        let line = self.line_of(byte);
        let cp = line / CHECKPOINT_EVERY;
        let from = self.line_starts[cp * CHECKPOINT_EVERY];
        self.char_checkpoints[cp] + self.text[from..byte].chars().count()
    }

    /// Where byte `offset` lies: page, line within page, column, document line, char offset.
    pub fn position(&self, offset: usize) -> Position {
        let char_offset = self.char_offset(offset);
        if self.line_starts.is_empty() {
            let number = self.pages.first().map_or(PageNo::Number(1), |p| p.number);
            return Position { page: number, line: 1, column: 1, doc_line: 1, offset: char_offset };
        }
        let l = self.line_of(offset);
        let page = &self.pages[self.line_page[l] as usize];
        let line = if page.lines.contains(&l) { l - page.lines.start + 1 } else { 0 };
        let column = self.text[self.line_starts[l]..offset].chars().count() + 1;
        Position { page: page.number, line, column, doc_line: l + 1, offset: char_offset }
    }

    /// Up to `chars` characters of context before and after a byte range, on one line each
    /// (line breaks shown as `⏎`).
    pub fn context(&self, range: Range<usize>, chars: usize) -> (String, String) {
        let start = self.text[..range.start].char_indices().rev().take(chars).last().map_or(range.start, |(i, _)| i);
        let end = self.text[range.end..].char_indices().nth(chars).map_or(self.text.len(), |(i, _)| range.end + i);
        (one_line(&self.text[start..range.start]), one_line(&self.text[range.end..end]))
    }

    /// The place of a byte range, for messages: page, line, column, the text and ten
    /// characters of context on each side.
    pub fn place(&self, range: Range<usize>) -> Place {
        let at = self.position(range.start);
        let (context_before, context_after) = self.context(range.clone(), CONTEXT_CHARS);
        Place {
            page: at.page,
            line: at.line,
            column: at.column,
            context_before,
            text: one_line(&self.text[range]),
            context_after,
        }
    }
}

/// The byte offset where each line of `text` starts (a line includes its terminator; an empty
/// text has none, and a final line break opens no line).
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).filter(|&i| i + 1 < text.len()).map(|i| i + 1));
    starts
}

/// Show line breaks and tabs as visible marks so a snippet stays on one line.
pub(crate) fn one_line(s: &str) -> String {
    // Most snippets hold none of them: one scan, one copy.
    if !s.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t' | b'\x0c')) {
        return s.to_owned();
    }
    s.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎").replace('\t', "⇥").replace('\u{c}', "␌")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new(s, &PageMarker::default())
    }

    #[test]
    fn a_final_takes_its_drafts_heads_but_not_a_heading_equal_to_one() {
        // The draft prints 「はじめに」 as the head of page 2 and as the heading opening its body;
        // a final without heads has the heading only, which stays body. A final that prints
        // the head too takes it as a head.
        let draft =
            doc("表紙\n- 1 -\nはじめに\nはじめに\n本文。\n- 2 -\nはじめに\n続き。\n- 3 -\nはじめに\n終わり。\n- 4 -\n");
        let heads = |d: &Document| (0..d.line_count()).filter(|&l| d.role(l) == LineRole::RunningHead).count();
        assert_eq!(heads(&draft), 3);
        let bare =
            doc("表紙\n- 1 -\nはじめに\n本文。\n- 2 -\n続き。\n- 3 -\n終わり。\n- 4 -\n").with_furniture_of(&draft);
        assert_eq!(heads(&bare), 0, "the heading opening page 2 is body");
        let with_heads = doc("表紙\n- 1 -\nはじめに\nはじめに\n本文を改め。\n- 2 -\nはじめに\n続き。\n- 3 -\n")
            .with_furniture_of(&draft);
        assert_eq!(heads(&with_heads), 2);
        assert_eq!(with_heads.position(with_heads.text().find("本文").unwrap()).line, 2);
    }

    #[test]
    fn markers_close_pages_and_number_them() {
        let d = doc("a\nb\n- 3 -\nc\n- 4 -\nd\n");
        let numbers: Vec<u32> = d.pages().iter().filter_map(|p| p.number.number()).collect();
        assert_eq!(numbers, vec![3, 4, 5]);
        assert_eq!(d.pages()[0].lines, 0..2);
        assert_eq!(d.pages()[0].marker, Some(2));
        assert_eq!(d.position(d.text().find('c').unwrap()).line, 1);
        assert_eq!(d.position(d.text().find("- 4").unwrap()).line, 0);
    }

    #[test]
    fn form_feeds_end_pages_without_markers() {
        let d = doc("a\nb\n\u{c}c\nd\n\u{c}e");
        let numbers: Vec<u32> = d.pages().iter().filter_map(|p| p.number.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        let p2 = d.page(2).unwrap();
        assert_eq!(d.line_text(d.page_line(p2, -1).unwrap()), "d");
        assert_eq!(d.line_text(d.page_line(p2, 1).unwrap()), "\u{c}c");
    }

    #[test]
    fn negative_lines_count_from_the_bottom() {
        let d = doc("一\n二\n三\n- 1 -\n");
        let p = d.page(1).unwrap();
        assert_eq!(d.line_text(d.page_line(p, -1).unwrap()), "三");
        assert_eq!(d.line_text(d.page_line(p, -3).unwrap()), "一");
        assert_eq!(d.page_line(p, -4), None);
        assert_eq!(d.page_line(p, 0), None);
        assert_eq!(d.page_line(p, 4), None);
    }

    #[test]
    fn bom_is_set_aside_and_restored() {
        let d = doc("\u{feff}本文\r\n");
        assert!(d.has_bom());
        assert_eq!(d.text(), "本文\r\n");
        assert_eq!(format!("{}{}", d.bom(), d.text()), "\u{feff}本文\r\n");
        assert_eq!(doc("本文").bom(), "");
    }

    #[test]
    fn places_show_context_on_one_line() {
        let d = doc("一行目の設置\n二行目\n- 3 -\n");
        let p = d.place(d.text().find("設置").unwrap()..d.text().find("設置").unwrap() + 6);
        assert_eq!((p.page, p.line, p.column, p.text.as_str()), (PageNo::Number(3), 1, 5, "設置"));
        assert_eq!((p.context_before.as_str(), p.context_after.as_str()), ("一行目の", "⏎二行目⏎- 3 -"));
    }

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "あいう\r\nえお\n";
        let d = doc(text);
        let p = d.position(text.find('お').unwrap());
        assert_eq!((p.page, p.line, p.column, p.doc_line, p.offset), (PageNo::Number(1), 2, 2, 2, 6));
    }

    #[test]
    fn char_offsets_are_right_past_many_checkpoints() {
        let text: String = (0..2000).map(|i| format!("行{i}\n")).collect();
        let d = doc(&text);
        let byte = text.find("行1999").unwrap();
        assert_eq!(d.char_offset(byte), text[..byte].chars().count());
    }

    #[test]
    fn fullwidth_page_numbers_are_read() {
        let d = Document::new("a\n－ １２ －\n", &PageMarker::new(r"^\s*－\s*(\S+)\s*－\s*$").unwrap());
        assert_eq!(d.pages()[0].number, 12);
    }

    #[test]
    fn empty_text_has_one_empty_page() {
        let d = doc("");
        assert_eq!(d.pages().len(), 1);
        assert_eq!(d.position(0).page, 1);
    }
}
