//! A proposal for joining a PDF's printed lines into paragraphs and items, from the geometry
//! signs of [`super::furniture`] (issue 11 part 4, PDF side). The document model decides how
//! paragraphs are used; this gives them as data, each with the printed lines it came from.
//!
//! Body lines are read in order across pages (running heads, footers and page numbers are not
//! body). A line starts a new paragraph when
//!
//! - the line before it ends short of the usual right edge (a paragraph's last line, a heading,
//!   a contents line), or
//! - it opens with an item or heading marker (`(ア)`, `(1)`, `・`, `II-1`, …), or
//! - it is indented where the paragraph's own lines are not: a first-line indent after a full
//!   line. The lines of an item that hang under its text (indented deeper than its first line)
//!   continue it, at the indent its second line sets.
//!
//! A paragraph whose last line on a page is full goes on at the top of the next page, under
//! the running heads. Texts are joined without a break (with a space between two Latin letters
//! or digits); the indent of continuation lines is left out.
//!
//! ```
//! use akaji::pdf::{Line, Page, Pdf, Role, Signs};
//! let line = |text: &str, ends_short, indent, item_marker| Line {
//!     text: text.into(), bbox: [0.0; 4], baseline: 0.0, size: 10.5, role: Role::Body,
//!     signs: Signs { ends_short, indent, item_marker }, chars: Vec::new(),
//! };
//! let page = Page { index: 1, size: (595.0, 842.0), printed: Some(1), front_matter: false, lines: vec![
//!     line("　近年、社会経済活動のデジタル化が", false, 1.0, false),
//!     line("進展している。", true, 0.0, false),
//!     line("(ア)　委託先を含めたサプライチェーン", false, 0.0, true),
//!     line("　　全体でのリスクの把握", true, 2.0, false),
//! ]};
//! let got: Vec<String> = Pdf { pages: vec![page] }.paragraphs().into_iter().map(|p| p.text).collect();
//! assert_eq!(got, ["　近年、社会経済活動のデジタル化が進展している。", "(ア)　委託先を含めたサプライチェーン全体でのリスクの把握"]);
//! ```

use super::page::{Pdf, Role};
use serde::Serialize;

/// One paragraph or item, and where its lines are printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Its text: the lines joined (see the module docs).
    pub text: String,
    /// Its printed lines: (page index from 0, line index within the page's lines).
    pub lines: Vec<(usize, usize)>,
}

impl Pdf {
    /// The body's paragraphs and items, joined from the lines' [`Signs`](super::Signs) (see
    /// [`Paragraph`]).
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        join(self)
    }
}

/// The body's paragraphs and items, in reading order.
fn join(pdf: &Pdf) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    // The current paragraph's first-line indent, whether it is an item, and the indent of its
    // continuation lines once its second line has set it.
    let mut first: Option<(f32, bool)> = None;
    let mut hang: Option<f32> = None;
    let mut prev_short = true;
    for (p, page) in pdf.pages.iter().enumerate() {
        for (l, line) in page.lines.iter().enumerate().filter(|(_, l)| l.role == Role::Body) {
            let s = line.signs;
            let continues = match (first, hang) {
                _ if prev_short || s.item_marker => false,
                (None, _) => false,
                (Some(_), Some(h)) => (s.indent - h).abs() < 0.3,
                (Some((indent, item)), None) => s.indent < 0.3 || (item && s.indent > indent + 0.3 && s.indent < 6.0),
            };
            match out.last_mut() {
                Some(par) if continues => {
                    let text = line.text.trim_start();
                    let joins_words = par.text.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
                        && text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                    if joins_words {
                        par.text.push(' ');
                    }
                    par.text.push_str(text);
                    par.lines.push((p, l));
                    hang.get_or_insert(s.indent);
                }
                _ => {
                    out.push(Paragraph { text: line.text.clone(), lines: vec![(p, l)] });
                    first = Some((s.indent, s.item_marker));
                    hang = None;
                }
            }
            prev_short = s.ends_short;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::page::{Line, Page, Signs};

    fn line(text: &str, role: Role, ends_short: bool, indent: f32) -> Line {
        let signs = Signs { ends_short, indent, item_marker: crate::pdf::furniture::item_marker(text) };
        Line { text: text.into(), bbox: [0.0; 4], baseline: 0.0, size: 10.5, role, signs, chars: Vec::new() }
    }

    fn page(lines: Vec<Line>) -> Page {
        Page { index: 1, size: (595.0, 842.0), printed: Some(1), front_matter: false, lines }
    }

    #[test]
    fn a_paragraph_goes_on_over_the_page_break_under_the_heads() {
        use Role::*;
        let pdf = Pdf {
            pages: vec![
                page(vec![
                    line("　攻撃の早期の検知と被害の局所化のためには、平時から", Body, false, 1.0),
                    line("共有し、異常を検知した際に迅速に連携できる体制を整え", Body, false, 0.0),
                    line("- 6 -", PageNumber, true, 0.0),
                ]),
                page(vec![
                    line("I　現状と課題", RunningHead, true, 0.0),
                    line("ておくことが重要である。", Body, true, 0.0),
                    line("図表１　ランサムウェア被害の報告件数の推移", Body, true, 0.0),
                    line(
                        "（出典）警察庁「令和４年におけるサイバー空間をめぐる脅威の情報等について」",
                        Body,
                        false,
                        0.0,
                    ),
                    line("図表２　インターネットバンキングに係る不正送金事犯", Body, true, 0.0),
                ]),
            ],
        };
        let got = join(&pdf);
        let texts: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "　攻撃の早期の検知と被害の局所化のためには、平時から共有し、異常を検知した際に迅速に連携できる体制を整えておくことが重要である。",
                "図表１　ランサムウェア被害の報告件数の推移",
                "（出典）警察庁「令和４年におけるサイバー空間をめぐる脅威の情報等について」",
                "図表２　インターネットバンキングに係る不正送金事犯",
            ]
        );
        assert_eq!(got[0].lines, [(0, 0), (0, 1), (1, 1)]);
    }

    #[test]
    fn latin_words_wrapped_get_their_space_back() {
        let pdf = Pdf {
            pages: vec![page(vec![line("see the", Role::Body, false, 0.0), line("report", Role::Body, true, 0.0)])],
        };
        assert_eq!(join(&pdf)[0].text, "see the report");
    }
}
