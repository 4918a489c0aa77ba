//! Characters into lines: by baseline, then left to right, with spaces from the gaps.
//!
//! PDFium's own text (`FPDFText_GetText`, pdfium-render's `PdfPageText::all`) breaks lines and
//! inserts spaces by its guesses. Measured on the sample plan exported by LibreOffice
//! (tests/pdf.rs's `sample-bare`, 262 lines), it gives 209 lines exactly as written: the rest have
//! a space inside a word of justified text or lack the 　 of an indented first line. The lines
//! rebuilt here from the characters' geometry give all 262 (both give 262 on the CID-font PDF):
//!
//! - A character drawn twice at (almost) the same place (fake bold, a shadow) counts once.
//! - Characters whose baselines lie within a third of the font size of each other form a line;
//!   lines are ordered top to bottom (one column of horizontal text, as plans are set; vertical
//!   text is not handled).
//! - Within a line, characters go left to right. A gap wider than a quarter of the font size
//!   between two characters that are not spaces becomes one space (an ideographic one when the
//!   gap is at least a full character wide): a Latin word gap, or a gap a producer drew by
//!   moving the pen instead of drawing a space.
//!
//! Characters drawn out of order on two baselines, one with a half-point wobble, come out as
//! 「本文」 and 「目　次」 (tests below).

use super::page::{Char, Line, Role, Signs};

/// Group a page's characters into lines, top to bottom.
pub(crate) fn group(mut chars: Vec<Char>) -> Vec<Line> {
    chars.retain(|c| c.x1 >= c.x0 && c.y1 >= c.y0 && c.size.is_finite());
    chars.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Char>> = Vec::new();
    for c in chars {
        match lines.last_mut() {
            Some(line) if same_line(line, &c) => line.push(c),
            _ => lines.push(vec![c]),
        }
    }
    lines.into_iter().filter_map(make_line).collect()
}

fn same_line(line: &[Char], c: &Char) -> bool {
    let last = line.last().expect("lines are never empty");
    (c.baseline - last.baseline).abs() <= last.size.max(c.size) / 3.0
}

fn make_line(mut chars: Vec<Char>) -> Option<Line> {
    chars.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    dedupe(&mut chars);
    if chars.iter().all(|c| c.c.is_whitespace()) {
        return None;
    }
    let size = mode(chars.iter().filter(|c| !c.c.is_whitespace()).map(|c| c.size));
    let baseline = mode(chars.iter().filter(|c| !c.c.is_whitespace()).map(|c| c.baseline));
    let mut text = String::with_capacity(chars.len() * 3);
    let mut prev: Option<&Char> = None;
    for c in &chars {
        if let Some(p) = prev {
            let gap = c.x0 - p.x1;
            if !p.c.is_whitespace() && !c.c.is_whitespace() && gap > size / 4.0 {
                text.push(if gap >= size * 0.9 { '\u{3000}' } else { ' ' });
            }
        }
        text.push(c.c);
        prev = Some(c);
    }
    let ink = || chars.iter().filter(|c| !c.c.is_whitespace());
    let bbox = [
        ink().map(|c| c.x0).fold(f32::INFINITY, f32::min),
        ink().map(|c| c.y0).fold(f32::INFINITY, f32::min),
        ink().map(|c| c.x1).fold(f32::NEG_INFINITY, f32::max),
        ink().map(|c| c.y1).fold(f32::NEG_INFINITY, f32::max),
    ];
    Some(Line { text, bbox, baseline, size, role: Role::Body, signs: Signs::default(), chars })
}

/// Drop a character that repeats the one before it at (almost) the same place.
fn dedupe(chars: &mut Vec<Char>) {
    chars.dedup_by(|b, a| {
        a.c == b.c && (a.x0 - b.x0).abs() < a.size * 0.2 && (a.baseline - b.baseline).abs() < a.size * 0.2
    });
}

/// The most common value, to a tenth of a point (the larger among equally common ones).
pub(crate) fn mode(values: impl Iterator<Item = f32>) -> f32 {
    let mut counts: Vec<(i32, usize, f32)> = Vec::new();
    for v in values {
        let key = (v * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.1 += 1,
            None => counts.push((key, 1, v)),
        }
    }
    counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0))).map_or(0.0, |e| e.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: char, x: f32, y: f32, size: f32) -> Char {
        Char { c, x0: x, y0: y - size * 0.88, x1: x + size, y1: y + size * 0.12, x, baseline: y, size }
    }

    fn texts(chars: Vec<Char>) -> Vec<String> {
        group(chars).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn drawn_out_of_order_on_two_baselines() {
        let ch = |c, x: f32, y: f32| ch(c, x, y, 10.0);
        let chars =
            vec![ch('目', 100.0, 120.0), ch('本', 100.0, 100.0), ch('文', 110.0, 100.5), ch('次', 130.0, 120.0)];
        assert_eq!(texts(chars), ["本文", "目　次"]);
    }

    #[test]
    fn latin_words_get_one_space_and_kanji_none() {
        let mut chars: Vec<Char> =
            "EDSA".chars().enumerate().map(|(i, c)| ch(c, 10.0 + i as f32 * 6.0, 50.0, 10.0)).collect();
        chars.iter_mut().for_each(|c| c.x1 = c.x0 + 6.0);
        chars.push(ch('認', 37.0, 50.0, 10.0));
        chars.push(ch('証', 47.0, 50.0, 10.0));
        assert_eq!(texts(chars), ["EDSA 認証"]);
    }

    #[test]
    fn drawn_twice_counts_once_and_spaces_drawn_stay() {
        let chars = vec![
            ch('太', 10.0, 50.0, 10.0),
            ch('太', 10.3, 50.0, 10.0),
            ch('　', 20.0, 50.0, 10.0),
            ch('字', 30.0, 50.0, 10.0),
        ];
        assert_eq!(texts(chars), ["太　字"]);
    }

    #[test]
    fn a_small_footnote_mark_stays_on_its_line_and_lines_keep_their_order() {
        let chars = vec![ch('注', 10.0, 80.0, 10.0), ch('１', 20.0, 77.0, 6.0), ch('下', 10.0, 97.0, 10.0)];
        let lines = group(chars);
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["注１", "下"]);
        assert_eq!(lines[0].size, 10.0);
        assert_eq!(lines[0].baseline, 80.0);
        assert_eq!(lines[0].bbox[0], 10.0);
    }
}
