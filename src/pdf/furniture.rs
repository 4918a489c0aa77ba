//! Page furniture from position: running heads, footers, printed page numbers, front matter,
//! and the geometry signs of body lines.
//!
//! A plan's pages carry, besides the body, a footer with the page number (`- 12 -`) and running
//! heads (the chapter and section, `1. 経済社会の活力の向上…` / `1.2. セキュリティマインド…`) at the
//! top. Repetition of text alone misses a section head that opens only one page, so the bands
//! are found by position:
//!
//! - **Page number**: the lowest line in the bottom fifth of the page that reads as a number
//!   (`- 12 -`, `12`, `－１２－`, `(12)`, `12/40`), at the height above the bottom edge most page
//!   numbers share (portrait and landscape pages alike).
//! - **Head slots**: a line in the top fifth, among the lines that open a page, whose text, font
//!   size and baseline repeat on another page makes its (baseline, size) a head slot; so does a
//!   line right under such a head whose (baseline, size) repeats on two pages or more, whatever
//!   its text (section heads that change every page). On every page, the opening lines that sit
//!   in a head slot (baseline within 2 pt, size within 0.5 pt) are running heads: a head that
//!   opens only one page counts too. A cover title in the head band but set in another size is
//!   not a head.
//! - **Footers**: other lines in the bottom fifth whose text (digits aside), size and height
//!   above the bottom edge repeat on another page.
//! - **Front matter**: pages before the first page with a printed number, when some page has one.
//!
//! Body lines then get their [`Signs`]: whether they end short of the usual right
//! edge, their indent from the usual left edge (both the most common among the body lines of
//! pages of the same width), and whether they open with an item or heading marker.

use super::lines::mode;
use super::page::{Line, Pdf, Role, Signs};
use crate::document::opens_with_marker;
use regex::Regex;
use std::sync::LazyLock;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s　]*(?:[-－‐−–—ー]\s*([0-9０-９]{1,5})\s*[-－‐−–—ー]|[(（]\s*([0-9０-９]{1,5})\s*[)）]|([0-9０-９]{1,5})(?:\s*[/／]\s*[0-9０-９]{1,5})?|[PpＰｐ][.．]?\s*([0-9０-９]{1,5}))[\s　]*$")
        .expect("the page-number pattern is valid")
});

/// The page number a footer line prints, if it reads as one (`- 12 -`, `－１２－`, `3 / 40`;
/// not `第12回`: see the tests).
pub(crate) fn page_number(text: &str) -> Option<u32> {
    let caps = PAGE_NUMBER.captures(text)?;
    let digits = (1..=4).find_map(|i| caps.get(i))?.as_str();
    let ascii: String = digits
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
        .collect();
    ascii.parse().ok()
}

/// Bands as fractions of the page height.
const TOP_BAND: f32 = 0.2;
const BOTTOM_BAND: f32 = 0.8;

/// Set every line's role, every page's printed number and front-matter flag, and the body
/// lines' signs.
pub(crate) fn classify(pdf: &mut Pdf) {
    page_numbers(pdf);
    running_heads(pdf);
    footers(pdf);
    let first_numbered = pdf.pages.iter().position(|p| p.printed.is_some());
    for (i, page) in pdf.pages.iter_mut().enumerate() {
        page.front_matter = first_numbered.is_some_and(|f| i < f);
    }
    signs(pdf);
}

fn near(a: f32, b: f32, tolerance: f32) -> bool {
    (a - b).abs() <= tolerance
}

fn page_numbers(pdf: &mut Pdf) {
    // Each page's candidate: its lowest number-like line in the bottom band.
    let candidates: Vec<Option<(usize, u32, f32)>> = pdf
        .pages
        .iter()
        .map(|p| {
            let (i, line) = p.lines.iter().enumerate().rev().find(|(_, l)| l.bbox[1] >= p.size.1 * BOTTOM_BAND)?;
            // From the bottom edge, so that portrait and landscape pages agree.
            page_number(&line.text).map(|n| (i, n, p.size.1 - line.baseline))
        })
        .collect();
    let found: Vec<f32> = candidates.iter().flatten().map(|c| c.2).collect();
    if found.is_empty() {
        return;
    }
    let usual = mode(found.iter().copied());
    let agree = found.iter().filter(|b| near(**b, usual, 3.0)).count();
    for (page, cand) in pdf.pages.iter_mut().zip(candidates) {
        let Some((i, n, from_bottom)) = cand else { continue };
        // With several candidates, a number off the usual place is body text (a year, a count).
        if found.len() == 1 || agree < 2 || near(from_bottom, usual, 3.0) {
            page.printed = Some(n);
            page.lines[i].role = Role::PageNumber;
        }
    }
}

/// The lines that open a page and lie in the top band (indices).
fn opening(lines: &[Line], height: f32) -> usize {
    lines.iter().take_while(|l| l.bbox[3] <= height * TOP_BAND).count()
}

fn running_heads(pdf: &mut Pdf) {
    let same = |a: &Line, b: &Line| near(a.baseline, b.baseline, 2.0) && near(a.size, b.size, 0.5);
    let tops: Vec<&[Line]> = pdf.pages.iter().map(|p| &p.lines[..opening(&p.lines, p.size.1)]).collect();
    // Slots anchored by text: the same line at the same place on two pages.
    let mut slots: Vec<(f32, f32)> = Vec::new();
    for (i, top) in tops.iter().enumerate() {
        for line in top.iter() {
            let repeated = tops
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.iter().any(|o| o.text == line.text && same(o, line)));
            if repeated && !slots.iter().any(|s| near(s.0, line.baseline, 2.0) && near(s.1, line.size, 0.5)) {
                slots.push((line.baseline, line.size));
            }
        }
    }
    if slots.is_empty() {
        return;
    }
    let in_slot =
        |slots: &[(f32, f32)], l: &Line| slots.iter().any(|s| near(s.0, l.baseline, 2.0) && near(s.1, l.size, 0.5));
    // Slots by position: a line right under a head, set like it (same size, within two sizes
    // of it), at a place that repeats on two pages. The body's first line also sits at one
    // place on every page; its size or its distance tells it apart.
    let mut under: Vec<&Line> = Vec::new();
    for top in &tops {
        let heads = top.iter().take_while(|l| in_slot(&slots, l)).count();
        if let (Some(head), Some(next)) = (heads.checked_sub(1).map(|h| &top[h]), top.get(heads)) {
            if near(next.size, head.size, 0.5) && next.baseline - head.baseline <= 2.0 * head.size {
                under.push(next);
            }
        }
    }
    for (i, l) in under.iter().enumerate() {
        let repeats = under.iter().enumerate().any(|(j, o)| j != i && same(o, l));
        if repeats && !in_slot(&slots, l) {
            slots.push((l.baseline, l.size));
        }
    }
    for page in &mut pdf.pages {
        let n = opening(&page.lines, page.size.1);
        for line in page.lines[..n].iter_mut() {
            if !in_slot(&slots, line) {
                break;
            }
            line.role = Role::RunningHead;
        }
    }
}

fn footers(pdf: &mut Pdf) {
    let key = |l: &Line| l.text.chars().map(|c| if c.is_numeric() { '#' } else { c }).collect::<String>();
    let bottoms: Vec<Vec<(String, f32, f32)>> = pdf
        .pages
        .iter()
        .map(|p| {
            let band = p.lines.iter().filter(|l| l.bbox[1] >= p.size.1 * BOTTOM_BAND && l.role == Role::Body);
            band.map(|l| (key(l), p.size.1 - l.baseline, l.size)).collect()
        })
        .collect();
    for (i, page) in pdf.pages.iter_mut().enumerate() {
        let height = page.size.1;
        for line in page.lines.iter_mut().filter(|l| l.bbox[1] >= height * BOTTOM_BAND && l.role == Role::Body) {
            let k = key(line);
            let repeated = bottoms.iter().enumerate().any(|(j, other)| {
                j != i
                    && other
                        .iter()
                        .any(|(t, b, s)| *t == k && near(*b, height - line.baseline, 2.0) && near(*s, line.size, 0.5))
            });
            if repeated {
                line.role = Role::Footer;
            }
        }
    }
}

fn signs(pdf: &mut Pdf) {
    // The usual edges, for pages of each width apart (a landscape page has its own margins).
    let widths: Vec<i32> = pdf.pages.iter().map(|p| p.size.0.round() as i32).collect();
    let mut edges: Vec<(i32, f32, f32)> = Vec::new();
    for &w in &widths {
        if edges.iter().any(|e| e.0 == w) {
            continue;
        }
        let pages = pdf.pages.iter().filter(|p| p.size.0.round() as i32 == w);
        let body: Vec<&Line> = pages.flat_map(|p| p.lines.iter()).filter(|l| l.role == Role::Body).collect();
        let left = mode(body.iter().map(|l| l.bbox[0].round()));
        let right = mode(body.iter().filter(|l| l.chars.len() >= 10).map(|l| l.bbox[2].round()));
        edges.push((w, left, right));
    }
    for (page, w) in pdf.pages.iter_mut().zip(widths) {
        let &(_, left, right) = edges.iter().find(|e| e.0 == w).expect("every width has its edges");
        for line in page.lines.iter_mut().filter(|l| l.role == Role::Body) {
            let size = if line.size > 0.0 { line.size } else { 10.0 };
            let indent = (((line.bbox[0] - left) / size).max(0.0) * 10.0).round() / 10.0;
            line.signs =
                Signs { ends_short: right - line.bbox[2] > size, indent, item_marker: opens_with_marker(&line.text) };
            // An indent of whole characters that no drawn space accounts for (producers often
            // move the pen instead of drawing the 　 of a paragraph's first line) reads as 　.
            let whole = indent.round();
            let starts_bare = !line.text.starts_with(char::is_whitespace);
            if (1.0..=3.0).contains(&whole) && (indent - whole).abs() <= 0.15 && starts_bare {
                line.text.insert_str(0, &"\u{3000}".repeat(whole as usize));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::page::{Char, Page};

    fn line(text: &str, x: f32, baseline: f32, size: f32) -> Line {
        let chars: Vec<Char> = text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let x0 = x + i as f32 * size;
                Char {
                    c,
                    x0,
                    y0: baseline - size * 0.88,
                    x1: x0 + size,
                    y1: baseline + size * 0.12,
                    x: x0,
                    baseline,
                    size,
                }
            })
            .collect();
        crate::pdf::lines::group(chars).remove(0)
    }

    fn page(lines: Vec<Line>) -> Page {
        Page { index: 0, size: (595.0, 842.0), printed: None, front_matter: false, lines }
    }

    /// A cover with its title high up, then pages with a chapter head, a section head that
    /// changes on every page, body lines and `- N -`.
    fn plan() -> Pdf {
        let full = |n: usize| format!("{}{}", ["あ", "か", "さ"][n - 1], "あ".repeat(39));
        let mut pages =
            vec![page(vec![line("推進プラン（案）", 100.0, 60.0, 16.0), line("令和５年７月", 200.0, 400.0, 10.5)])];
        for n in 1..=3 {
            pages.push(page(vec![
                line("I　現状と課題", 70.0, 55.0, 9.0),
                line(&format!("I-{n}　節の見出し{n}"), 70.0, 68.0, 9.0),
                line(&full(n), 70.0, 100.0, 10.5),
                line(&format!("（ア）　項目{n}"), 70.0, 117.0, 10.5),
                line(&format!("　{}", "い".repeat(20)), 70.0, 134.0, 10.5),
                line(&format!("- {n} -"), 280.0, 800.0, 10.5),
            ]));
        }
        let mut pdf = Pdf { pages };
        classify(&mut pdf);
        pdf
    }

    #[test]
    fn page_numbers_read_as_printed() {
        assert_eq!(page_number("- 12 -"), Some(12));
        assert_eq!(page_number("－１２－"), Some(12));
        assert_eq!(page_number("3 / 40"), Some(3));
        assert_eq!(page_number("第12回"), None);
    }

    #[test]
    fn heads_numbers_and_front_matter() {
        let pdf = plan();
        assert_eq!(pdf.pages[0].printed, None);
        assert!(pdf.pages[0].front_matter);
        assert!(pdf.pages[0].lines.iter().all(|l| l.role == Role::Body), "the cover title is not a head");
        for (i, p) in pdf.pages[1..].iter().enumerate() {
            assert_eq!(p.printed, Some(i as u32 + 1));
            assert!(!p.front_matter);
            let roles: Vec<Role> = p.lines.iter().map(|l| l.role).collect();
            use Role::*;
            assert_eq!(roles, [RunningHead, RunningHead, Body, Body, Body, PageNumber], "page {}", i + 1);
        }
    }

    #[test]
    fn body_lines_carry_their_signs() {
        let pdf = plan();
        let lines = &pdf.pages[1].lines;
        assert_eq!(lines[2].signs, Signs { ends_short: false, indent: 0.0, item_marker: false });
        assert_eq!(lines[3].signs, Signs { ends_short: true, indent: 0.0, item_marker: true });
        assert!(lines[4].signs.ends_short && !lines[4].signs.item_marker);
    }

    #[test]
    fn a_number_in_the_body_is_not_a_page_number() {
        let mut pdf = plan();
        // Page 2 prints no number; a year stands low in its body.
        pdf.pages[2].lines[5] = line("2022", 70.0, 700.0, 10.5);
        for page in &mut pdf.pages {
            page.printed = None;
            page.lines.iter_mut().for_each(|l| l.role = Role::Body);
        }
        classify(&mut pdf);
        assert_eq!(pdf.pages[1].printed, Some(1));
        assert_eq!(pdf.pages[2].printed, None);
        assert_eq!(pdf.pages[2].lines[5].role, Role::Body);
    }
}
