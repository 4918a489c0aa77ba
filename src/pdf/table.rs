//! Comment tables from PDF: the cells of a 意見及び考え方 table, from character positions.
//!
//! A published comment table (項番 / 意見提出者 / 該当箇所 / 御意見 / 考え方 / 修正の有無 …) is a
//! grid whose cells wrap their text over many lines and whose rows continue across pages under a
//! repeated header row. Text extraction (`pdftotext`, or PDFium's own text) interleaves the
//! columns line by line; here the grid is rebuilt from where each character sits:
//!
//! - **Where the table starts**: the first body line holding two header words (項番, 番号, No,
//!   提出者, 該当, 意見, 考え方, 修正 …); lines above it (the title) are not cells. Footers and
//!   page numbers ([`super::furniture`]) are left out on every page.
//! - **Columns**: the table's vertical rules when it has at least two; otherwise the gutters,
//!   x ranges at least 3 pt wide that no character of the table covers on any page (a column's
//!   wrapped text fills its width, so a gutter is found between every two columns).
//! - **Rows**: the horizontal rules that span most of the table's width, page by page;
//!   without rules, a row starts at every line whose first column holds text.
//! - **Cells**: the characters of a row in a column, as lines, joined without a break (with a
//!   space between two Latin letters or digits only where the line broke between words, not
//!   inside a word or a number: see `cell_text`).
//!
//! Rows come out as the PDF prints them: the header row on every page, and a row that continues
//! on the next page as a row of its own whose first cell is empty. `akaji import` drops repeated
//! headers and merges continuations, as it does for text tables.

use super::page::{Char, Role};
use super::problem::PdfProblem;
use super::read::from_raw;
use super::{extract, lines};
use crate::diagnostic::Diagnostic;

/// Read a comment table from a PDF held in memory: its rows of cells as printed (see the module
/// docs: the header row on every page, a row continued on the next page as a row whose first
/// cell is empty), for [`crate::import`] to drop and merge.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, Diagnostic> {
    let raw = extract::read(bytes, true)?;
    cells(raw).ok_or_else(|| Diagnostic::new(PdfProblem::NoTable))
}

const HEADER_WORDS: &[&str] = &["項番", "番号", "No", "提出者", "該当", "意見", "考え方", "修正"];

/// One page of the table: its characters and rules below the table's start.
struct Region {
    chars: Vec<Char>,
    hrules: Vec<[f32; 4]>,
    vrules: Vec<[f32; 4]>,
    /// The last characters of lines that end with a drawn space: (right edge, baseline).
    word_ends: Vec<(f32, f32)>,
}

/// The grid of the table in `raw`'s pages, or `None` when no header row is found.
pub(crate) fn cells(raw: Vec<extract::RawPage>) -> Option<Vec<Vec<String>>> {
    let rules: Vec<Vec<[f32; 4]>> = raw.iter().map(|p| p.rules.clone()).collect();
    let pdf = from_raw(raw);
    let header = pdf.pages.iter().enumerate().find_map(|(i, p)| {
        let line = p.lines.iter().find(|l| is_cell(l.role) && is_header(&l.text))?;
        Some((i, line.bbox[1]))
    })?;
    let mut regions = Vec::new();
    for (i, page) in pdf.pages.iter().enumerate().skip(header.0) {
        let top = if i == header.0 { header.1 - 1.0 } else { f32::NEG_INFINITY };
        let body = page.lines.iter().filter(|l| is_cell(l.role) && l.bbox[1] >= top);
        let body: Vec<_> = body.collect();
        let chars: Vec<Char> =
            body.iter().flat_map(|l| l.chars.iter().copied()).filter(|c| !c.c.is_whitespace()).collect();
        // A line that ends with a drawn space ends a word there.
        let word_ends = body
            .iter()
            .filter(|l| l.chars.last().is_some_and(|c| c.c.is_whitespace()))
            .filter_map(|l| l.chars.iter().rev().find(|c| !c.c.is_whitespace()).map(|c| (c.x1, c.baseline)))
            .collect();
        if chars.is_empty() {
            continue;
        }
        let below = |r: &&[f32; 4]| r[3] >= top - 3.0;
        let hrules = rules[i].iter().filter(below).filter(|r| r[2] - r[0] > r[3] - r[1]).copied().collect();
        let vrules = rules[i].iter().filter(below).filter(|r| r[2] - r[0] <= r[3] - r[1]).copied().collect();
        regions.push(Region { chars, hrules, vrules, word_ends });
    }
    let bounds = columns(&regions);
    // Where each column's text ends: its longest lines reach it.
    let mut rights = vec![f32::NEG_INFINITY; bounds.len() + 1];
    for c in regions.iter().flat_map(|r| &r.chars) {
        let col = column_of(&bounds, c);
        rights[col] = rights[col].max(c.x1);
    }
    let mut rows = Vec::new();
    for region in &regions {
        rows.extend(page_rows(region, &bounds, &rights));
    }
    Some(rows)
}

/// A table's header row repeated at the top of every page is found as a running head: it is
/// part of the table all the same.
fn is_cell(role: Role) -> bool {
    matches!(role, Role::Body | Role::RunningHead)
}

/// A header row: two cells apart (the line's text has a gap between them) that each name a
/// column. A title that only mentions 意見 and 考え方 is one run of text.
fn is_header(text: &str) -> bool {
    let names = |cell: &&str| HEADER_WORDS.iter().any(|w| cell.contains(w));
    text.split(char::is_whitespace).filter(names).count() >= 2
}

/// Column boundaries: x positions between columns (sorted), from rules or gutters.
fn columns(regions: &[Region]) -> Vec<f32> {
    let (left, right) = regions
        .iter()
        .flat_map(|r| r.chars.iter())
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), c| (l.min(c.x0), r.max(c.x1)));
    let mut xs: Vec<f32> = regions
        .iter()
        .flat_map(|r| r.vrules.iter())
        .map(|r| (r[0] + r[2]) / 2.0)
        .filter(|x| *x > left + 1.0 && *x < right - 1.0)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|b, a| (*a - *b).abs() < 2.0);
    if !xs.is_empty() {
        return xs;
    }
    let mut spans: Vec<(f32, f32)> = regions.iter().flat_map(|r| r.chars.iter()).map(|c| (c.x0, c.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (x0, x1) in spans {
        if reach.is_finite() && x0 - reach >= 3.0 {
            out.push((reach + x0) / 2.0);
        }
        reach = reach.max(x1);
    }
    out
}

fn column_of(bounds: &[f32], c: &Char) -> usize {
    let mid = (c.x0 + c.x1) / 2.0;
    bounds.partition_point(|b| *b < mid)
}

fn page_rows(region: &Region, bounds: &[f32], rights: &[f32]) -> Vec<Vec<String>> {
    let width = {
        let l = region.chars.iter().map(|c| c.x0).fold(f32::INFINITY, f32::min);
        let r = region.chars.iter().map(|c| c.x1).fold(f32::NEG_INFINITY, f32::max);
        r - l
    };
    let mut ys: Vec<f32> =
        region.hrules.iter().filter(|r| r[2] - r[0] >= width * 0.5).map(|r| (r[1] + r[3]) / 2.0).collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|b, a| (*a - *b).abs() < 2.0);
    let ncols = bounds.len() + 1;
    let mut bands: Vec<Vec<Vec<Char>>> = Vec::new();
    if ys.len() >= 2 {
        bands = vec![vec![Vec::new(); ncols]; ys.len() + 1];
        for c in &region.chars {
            let mid = (c.y0 + c.y1) / 2.0;
            bands[ys.partition_point(|y| *y < mid)][column_of(bounds, c)].push(*c);
        }
    } else {
        // No rules: a row starts at each line whose first column holds text.
        for line in lines::group(region.chars.clone()) {
            let mut cols = vec![Vec::new(); ncols];
            for c in line.chars {
                cols[column_of(bounds, &c)].push(c);
            }
            match bands.last_mut() {
                Some(row) if cols[0].is_empty() => row.iter_mut().zip(cols).for_each(|(cell, more)| cell.extend(more)),
                _ => bands.push(cols),
            }
        }
    }
    bands
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(rights)
                .map(|(cell, &right)| cell_text(cell, right, &region.word_ends))
                .collect::<Vec<String>>()
        })
        .filter(|row| row.iter().any(|c| !c.is_empty()))
        .collect()
}

/// A cell's characters as text: its lines joined, with a space only where a line of Latin
/// letters or digits broke between words. Japanese layout breaks a Latin word or a number
/// anywhere (「202」⏎「3年」, 「D」⏎「KIM」), filling the line to the column's edge; a word wrap
/// leaves a drawn space at the end of the line (`word_ends`, 「Top10 」⏎「2023」), or room there
/// at least for the next line's first character, which would otherwise have been set there.
/// `right` is where the column's text ends.
///
/// Measured on the two comment tables LibreOffice sets in tests/pdf.rs: of 11 lines that wrap
/// between two Latin letters or digits, 10 break inside a word or number; joining every such
/// wrap with a space gave those 10 false spaces (「202 3年」, 「D KIM」, 「J C3」, 「1 02件」,
/// 「SP F」); this rule gives none and keeps the one word space (「Top10 2023」).
fn cell_text(chars: Vec<Char>, right: f32, word_ends: &[(f32, f32)]) -> String {
    let mut out = String::new();
    let mut last: Option<Char> = None;
    for line in lines::group(chars) {
        let first = line.chars.iter().find(|c| !c.c.is_whitespace()).copied();
        if let (Some(p), Some(n)) = (last, first) {
            let latin = p.c.is_ascii_alphanumeric() && n.c.is_ascii_alphanumeric();
            let ends_word = word_ends.iter().any(|&(x, y)| x == p.x1 && y == p.baseline);
            if latin && (ends_word || right - p.x1 >= n.x1 - n.x0) {
                out.push(' ');
            }
        }
        out.push_str(&line.text);
        last = line.chars.iter().rev().find(|c| !c.c.is_whitespace()).copied().or(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, x: f32, y: f32) -> Vec<Char> {
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                let x0 = x + i as f32 * 9.0;
                Char { c, x0, y0: y - 8.0, x1: x0 + 9.0, y1: y + 1.0, x: x0, baseline: y, size: 9.0 }
            })
            .collect()
    }

    fn page(parts: &[(&str, f32, f32)], rules: Vec<[f32; 4]>) -> extract::RawPage {
        extract::RawPage {
            size: (842.0, 595.0),
            chars: parts.iter().flat_map(|(s, x, y)| text(s, *x, *y)).collect(),
            rules,
        }
    }

    #[test]
    fn gutters_make_columns_and_first_cells_start_rows() {
        let p = page(
            &[
                ("意見募集の結果", 100.0, 40.0),
                ("項番", 50.0, 80.0),
                ("御意見", 100.0, 80.0),
                ("考え方", 300.0, 80.0),
                ("1", 50.0, 100.0),
                ("設置を開催に", 100.0, 100.0),
                ("修正します。", 300.0, 100.0),
                ("すべき。", 100.0, 112.0),
                ("2", 50.0, 130.0),
                ("賛成です。", 100.0, 130.0),
                ("承ります。", 300.0, 130.0),
            ],
            Vec::new(),
        );
        let rows = cells(vec![p]).unwrap();
        assert_eq!(
            rows,
            [
                vec!["項番", "御意見", "考え方"],
                vec!["1", "設置を開催にすべき。", "修正します。"],
                vec!["2", "賛成です。", "承ります。"]
            ]
        );
    }

    #[test]
    fn rules_make_rows_even_when_the_number_sits_low_in_its_cell() {
        let h = |y: f32| [40.0, y, 500.0, y + 0.5];
        let v = |x: f32| [x, 70.0, x + 0.5, 150.0];
        let p = page(
            &[
                ("項番", 50.0, 80.0),
                ("意見", 100.0, 80.0),
                ("長い意見の", 100.0, 100.0),
                ("1", 50.0, 112.0),
                ("続き", 100.0, 112.0),
            ],
            vec![h(70.0), h(90.0), h(150.0), v(40.0), v(90.0), v(500.0)],
        );
        assert_eq!(cells(vec![p]).unwrap(), [vec!["項番", "意見"], vec!["1", "長い意見の続き"]]);
    }

    #[test]
    fn no_header_no_table() {
        assert!(cells(vec![page(&[("本文です", 50.0, 80.0)], Vec::new())]).is_none());
    }
}
