//! What the html page marks in a document's text so that a reader sees the printed page's
//! paragraphs, not its lines: page and line numbers, soft line breaks, furniture.
//!
//! - A line break inside a paragraph (the printed page's wrap) is a soft break: the 見え消し view
//!   hides it, so the paragraph reflows to the window's width and an insertion does not leave
//!   one character on a line of its own (between two Latin letters it shows as a space).
//! - Page furniture (running heads, footers, page numbers) is hidden in the 見え消し view (the
//!   page number stands in the margin where the page begins) and dimmed in the 修正前 and
//!   修正後 views, which show each text exactly, line for line.
//! - Each paragraph's first printed line has its page and line in the margin (`P4`, `5`); the
//!   printed lines inside a paragraph have their number as a small mark where they begin, so
//!   that a citation 「P4の7行目」 is found at a glance.
//!
//! Every mark is a `<span>` holding either nothing or the document's own characters, so the page
//! still holds the exact text ([`crate::roundtrip`] reads it back).

use super::super::markup::escape;
use crate::document::{Document, PageNo};
use std::ops::Range;

/// Something the page marks at a byte of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A page begins (its number in the margin).
    Page(PageNo),
    /// A paragraph's first printed line begins (its line number in the margin).
    Line(usize),
    /// A printed line inside a paragraph begins (a small mark).
    Inline(usize),
}

/// A document's marks, its soft breaks (the byte ranges of the line breaks, `\r\n` or `\n`,
/// with whether the break is between two Latin letters) and its furniture (line ranges).
#[derive(Debug, Clone, Default)]
pub(super) struct Marks {
    marks: Vec<(usize, Mark)>,
    soft: Vec<(Range<usize>, bool)>,
    furniture: Vec<Range<usize>>,
}

impl Marks {
    /// The marks of `doc`; `numbers`: with page and line numbers (the old text's), else only
    /// soft breaks and furniture (the new text's inserted parts).
    pub fn of(doc: &Document, numbers: bool) -> Marks {
        let text = doc.text();
        let mut m = Marks::default();
        if numbers {
            for p in doc.pages() {
                if p.all.start < doc.line_count() {
                    m.marks.push((doc.line_range(p.all.start).start, Mark::Page(p.number)));
                } else if doc.line_count() == 0 {
                    m.marks.push((0, Mark::Page(p.number)));
                }
            }
        }
        for par in doc.paragraphs() {
            let lines: Vec<usize> = par.lines.clone().filter(|&l| !doc.is_furniture(l)).collect();
            for (i, &l) in lines.iter().enumerate() {
                let start = doc.line_range(l).start;
                if numbers {
                    let line = doc.position(start).line;
                    if line > 0 {
                        m.marks.push((start, if i == 0 { Mark::Line(line) } else { Mark::Inline(line) }));
                    }
                }
                if i + 1 < lines.len() {
                    let end = doc.line_range(l).end;
                    let body = start + doc.line_text(l).len();
                    let latin = text[..body].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                        && doc
                            .line_text(lines[i + 1])
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric());
                    m.soft.push((body..end, latin));
                }
            }
        }
        m.marks.sort_by_key(|(at, mark)| (*at, matches!(mark, Mark::Line(_) | Mark::Inline(_))));
        let mut l = 0;
        while l < doc.line_count() {
            if doc.is_furniture(l) {
                let start = doc.line_range(l).start;
                while l < doc.line_count() && doc.is_furniture(l) {
                    l += 1;
                }
                m.furniture.push(start..doc.line_range(l - 1).end);
            } else {
                l += 1;
            }
        }
        m
    }

    /// `text[range]` of the document, escaped, with its marks.
    pub fn write(&self, out: &mut String, text: &str, range: Range<usize>) {
        // Every byte where something opens, closes or is marked, in order.
        let mut cuts: Vec<usize> = vec![range.start, range.end];
        let from = self.marks.partition_point(|(at, _)| *at < range.start);
        let marks: Vec<&(usize, Mark)> = self.marks[from..].iter().take_while(|(at, _)| *at < range.end).collect();
        cuts.extend(marks.iter().map(|(at, _)| *at));
        let soft_from = self.soft.partition_point(|(r, _)| r.end <= range.start);
        let soft: Vec<&(Range<usize>, bool)> =
            self.soft[soft_from..].iter().take_while(|(r, _)| r.start < range.end).collect();
        for (r, _) in &soft {
            cuts.extend([r.start.max(range.start), r.end.min(range.end)]);
        }
        let furn_from = self.furniture.partition_point(|r| r.end <= range.start);
        let furniture: Vec<&Range<usize>> =
            self.furniture[furn_from..].iter().take_while(|r| r.start < range.end).collect();
        for r in &furniture {
            cuts.extend([r.start.max(range.start), r.end.min(range.end)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let (mut m, mut s, mut f) = (0, 0, 0);
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            while m < marks.len() && marks[m].0 == a {
                out.push_str(&mark_html(marks[m].1));
                m += 1;
            }
            while s < soft.len() && soft[s].0.end <= a {
                s += 1;
            }
            while f < furniture.len() && furniture[f].end <= a {
                f += 1;
            }
            let piece = escape(&text[a..b]);
            if f < furniture.len() && furniture[f].start <= a {
                out.push_str(&format!("<span class=\"furn\">{piece}</span>"));
            } else if s < soft.len() && soft[s].0.start <= a {
                let class = if soft[s].1 { "soft sp" } else { "soft" };
                out.push_str(&format!("<span class=\"{class}\">{piece}</span>"));
            } else {
                out.push_str(&piece);
            }
        }
        while m < marks.len() {
            out.push_str(&mark_html(marks[m].1));
            m += 1;
        }
    }
}

fn mark_html(mark: Mark) -> String {
    match mark {
        Mark::Page(n) => format!("<span class=\"pno\" data-page=\"{n}\"></span>"),
        Mark::Line(n) => format!("<span class=\"lno\" data-line=\"{n}\"></span>"),
        Mark::Inline(n) => format!("<span class=\"lno in\" data-line=\"{n}\"></span>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;

    #[test]
    fn wraps_are_soft_furniture_is_hidden_and_lines_are_numbered() {
        let text = "計画（案）\n　本計画は、地域におけるサイバーセキュリティの確保に向けて、国及\nび地方公共団体が取り組む施策をまとめた。\n- 1 -\n計画（案）\n続き。\n- 2 -\n計画（案）\n終。\n- 3 -\n";
        let doc = Document::new(text, &PageMarker::default());
        let m = Marks::of(&doc, true);
        let mut out = String::new();
        m.write(&mut out, text, 0..text.len());
        assert!(out.starts_with("<span class=\"pno\" data-page=\"1\"></span><span class=\"furn\">計画（案）\n</span><span class=\"lno\" data-line=\"1\"></span>　本計画は、地域におけるサイバーセキュリティの確保に向けて、国及<span class=\"soft\">\n</span><span class=\"lno in\" data-line=\"2\"></span>び地方公共団体が取り組む施策をまとめた。\n<span class=\"furn\">- 1 -\n</span>"), "{out}");
        // Cut anywhere, the pieces still hold the text and close every span they open.
        let mut pieces = String::new();
        let cut = text.find("国及").unwrap() + "国".len();
        m.write(&mut pieces, text, 0..cut);
        m.write(&mut pieces, text, cut..text.len());
        assert_eq!(pieces.matches("<span").count(), pieces.matches("</span>").count());
        let stripped: String = {
            let mut s = String::new();
            let mut tag = false;
            for c in pieces.chars() {
                match c {
                    '<' => tag = true,
                    '>' => tag = false,
                    c if !tag => s.push(c),
                    _ => {}
                }
            }
            s
        };
        assert_eq!(stripped, text);
    }
}
