//! Paragraphs and items: the printed lines of the body joined as a reader reads them (issue 11
//! part 4). Printed lines stay the unit of page and line citations; paragraphs are the unit of
//! what a reader sees: a 新旧対照表 row, a Word paragraph, a reflowed HTML paragraph.
//!
//! Every body line has [`Signs`]: whether it ends short of the usual right edge, its indent
//! in characters, and whether it opens with an item or heading marker. A PDF gives them from
//! geometry ([`crate::pdf`]); a text gives them by the same signs read from the characters:
//!
//! - **Width.** A line's width counts a full-width character as 1 and a half-width one as ½.
//!   The usual width is the widest width that at least a fifth as many lines have as the most
//!   common one (lines of 10 or more). A line ends short when it is more than one character
//!   narrower, unless the next line opens with a Latin word (after an opening bracket) too
//!   wide for the room left: a word processor moves such a word down whole.
//! - **Indent.** Leading 　 count 1, spaces ½.
//! - **Markers.** `(ア)`, `(1)`, `①`, `・`, `1.1.`, `II-1-(2)-ア`, `第1章`, `【課題】`, はじめに…
//!   (`headings.rs`); a `・` right after a full line that does not end a sentence joins two
//!   words (購入\n・契約) and is no marker.
//!
//! A line starts a new paragraph when the line before it ends short (or is blank), when it
//! opens with a marker, or when it is indented where the paragraph's own lines are not (a
//! first-line indent after a full line); the lines of an item that hang under its text
//! (indented deeper than its first line) continue it, at the indent its second line sets. A
//! paragraph goes on across a page break, under the next page's running heads.
//!
//! Measured on the verify set (40 documents; 3,566 paragraphs, items, headings and verbatim
//! lines of the generator's truth, testdata/gen/lines.py; tests/document.rs): 3,537 right. The
//! 29 others are the cover's wrapped notes (「※本文書は、…今後、内容が変更される場合がある。」),
//! which the generator keeps as one block per printed line and a reader reads as one paragraph,
//! and one hand-made break of the sample draft (「…国際的な認証制度である⏎EDSA認証の…」, a short
//! line inside a paragraph). On the PDF of the plan (tests/pdf.rs), the 111 paragraphs of its
//! source come back exactly, from geometry.

use super::headings::{level, marker_text, opens_with_marker};
use super::page::PageNo;
use serde::Serialize;
use std::ops::Range;

/// What the layout of a printed body line says about where paragraphs break.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Signs {
    /// The line ends short of the page's usual right edge (by more than one character): the
    /// last line of a paragraph, a heading, an item that fits one line.
    pub ends_short: bool,
    /// How far the line starts right of the usual left edge, in characters, to a tenth: 1.0 for
    /// a paragraph's indented first line.
    pub indent: f32,
    /// The line opens with an item, heading or caption marker: `・`, `①`, `(1)`, `（ア）`, `1.`,
    /// `1.1.`, `II-1-(2)-ア`, `第1章`, `図表2`, `（出典）`, ….
    pub item_marker: bool,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// A heading: a short line that opens with a heading marker (`1.1. 経営層の意識改革`, `(1)
    /// 現状と課題`, `はじめに`), with its level (1: chapter, 2: section, …).
    Heading(u8),
    /// An item: it opens with an item marker (`(ア)`, `①`, `・`).
    Item,
    /// Running text.
    Text,
}

/// One paragraph, item or heading of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The document lines (0-based) from its first to its last: a paragraph that goes on over a
    /// page break holds that page's furniture lines in between, which are not part of it.
    pub lines: Range<usize>,
    /// Heading, item or text.
    pub kind: ParagraphKind,
    /// The markers of the headings it stands under and its own (`1.1. (3) (イ)`), as printed;
    /// empty before the first heading.
    pub path: String,
}

/// A line's width: a full-width character counts 1, a half-width one (ASCII, half-width kana) ½.
/// Hand-written rather than unicode-width's: that crate counts East Asian ambiguous characters
/// (○, ※, Greek) as narrow unless asked otherwise, and the two classes here are all a plan has.
fn width(s: &str) -> f32 {
    s.trim_end().chars().map(|c| if c.is_ascii() || ('\u{ff61}'..='\u{ff9f}').contains(&c) { 0.5 } else { 1.0 }).sum()
}

fn indent(s: &str) -> f32 {
    let mut n = 0.0;
    for c in s.chars() {
        match c {
            '\u{3000}' => n += 1.0,
            ' ' | '\t' => n += 0.5,
            _ => break,
        }
    }
    n
}

/// The usual width of `lines` (see the module docs).
fn usual_width<'a>(lines: impl Iterator<Item = &'a str>) -> f32 {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for w in lines.map(width).filter(|w| *w >= 10.0) {
        let key = (w * 2.0) as u32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1)),
        }
    }
    let Some(&(_, most)) = counts.iter().max_by_key(|(k, n)| (*n, *k)) else { return 40.0 };
    counts.iter().filter(|(_, n)| *n * 5 >= most).map(|(k, _)| *k).max().map_or(40.0, |k| k as f32 / 2.0)
}

/// The Latin word a line opens with (after an opening bracket), as wide as it prints.
fn opening_word(s: &str) -> f32 {
    let t = s.trim_start_matches(['（', '(', '「', '『']);
    let bracket = width(&s[..s.len() - t.len()]);
    let word: String = t.chars().take_while(|c| c.is_ascii_graphic()).collect();
    if word.is_empty() {
        0.0
    } else {
        bracket + width(&word)
    }
}

/// The signs of each of `body` (the body lines' texts, in reading order).
pub(super) fn text_signs(body: &[&str]) -> Vec<Signs> {
    let usual = usual_width(body.iter().copied());
    let full = |s: &str| width(s) >= usual - 1.0;
    (0..body.len())
        .map(|i| {
            let line = body[i];
            let w = width(line);
            let word_moved_down = body.get(i + 1).is_some_and(|next| {
                let word = opening_word(next);
                word > 0.0 && w + word > usual
            });
            let ends_short = (w < usual - 1.0 && !word_moved_down) || line.trim().is_empty();
            let joins_words = line.trim_start().starts_with('・')
                && i > 0
                && full(body[i - 1])
                && !body[i - 1].trim_end().ends_with(['。', '：', ':']);
            // A form feed opens a page, and so a paragraph.
            let new_page = line.starts_with('\u{c}');
            Signs {
                ends_short,
                indent: indent(line),
                item_marker: (opens_with_marker(line) && !joins_words) || new_page,
            }
        })
        .collect()
}

/// The signs of a line an edit wrote: its own indent and marker, and `ends_short` as given.
pub(super) fn line_signs_of(line: &str, ends_short: bool) -> Signs {
    Signs { ends_short, indent: indent(line), item_marker: opens_with_marker(line) }
}

/// The paragraphs of the body lines `body` (document line indices, in order), with their
/// texts and signs, and the page of each line: a front page's text never runs on to another
/// page.
pub(super) fn join(body: &[usize], texts: &[&str], signs: &[Signs], page: impl Fn(usize) -> PageNo) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut first: Option<(f32, bool)> = None;
    let mut hang: Option<f32> = None;
    let mut prev_short = true;
    let mut prev_page = None;
    for (k, &l) in body.iter().enumerate() {
        let (text, s) = (texts[k], signs[k]);
        let on = page(l);
        if prev_page.is_some_and(|p| p != on && (matches!(p, PageNo::Front(_)) || matches!(on, PageNo::Front(_)))) {
            prev_short = true;
        }
        prev_page = Some(on);
        if text.trim().is_empty() {
            prev_short = true;
            first = None;
            continue;
        }
        let continues = match (first, hang) {
            _ if prev_short || s.item_marker => false,
            (None, _) => false,
            (Some(_), Some(h)) => (s.indent - h).abs() < 0.3,
            (Some((indent, item)), None) => s.indent < 0.3 || (item && s.indent > indent + 0.3 && s.indent < 6.0),
        };
        match out.last_mut() {
            Some(p) if continues => {
                p.lines.end = l + 1;
                hang.get_or_insert(s.indent);
            }
            _ => {
                out.push(Paragraph { lines: l..l + 1, kind: ParagraphKind::Text, path: String::new() });
                first = Some((s.indent, s.item_marker));
                hang = None;
            }
        }
        prev_short = s.ends_short;
    }
    out
}

/// The text of a paragraph from its lines: joined without a break, the continuation lines'
/// indent left out, a space put back between two Latin letters or digits that a wrap split.
pub(super) fn joined<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        let line = line.trim_end_matches(['\n', '\r']);
        let line = if i == 0 { line } else { line.trim_start() };
        let split_word = out.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
            && line.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if split_word {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Each paragraph's kind and heading path, from its first line.
pub(super) fn classify(paragraphs: &mut [Paragraph], first_line: impl Fn(usize) -> String) {
    // The markers in force, by level (index level - 1).
    let mut path: Vec<Option<String>> = Vec::new();
    for p in paragraphs {
        let line = first_line(p.lines.start);
        let marker = marker_text(&line).map(str::to_owned);
        p.kind = match (level(&line), &marker) {
            (Some(l), _) if p.lines.len() == 1 => ParagraphKind::Heading(l),
            (_, Some(_)) if opens_with_marker(&line) => ParagraphKind::Item,
            _ => ParagraphKind::Text,
        };
        let own = match p.kind {
            ParagraphKind::Heading(l) => Some(usize::from(l)),
            // An item's level is its marker's, as if it were a heading.
            ParagraphKind::Item => marker_level(&line),
            ParagraphKind::Text => None,
        };
        if let Some(l) = own {
            path.truncate(l - 1);
            path.resize(l - 1, None);
            path.push(marker.clone());
        }
        let mut markers: Vec<&str> = path.iter().flatten().map(String::as_str).collect();
        if p.kind == ParagraphKind::Item && own.is_none() {
            markers.extend(marker.as_deref());
        }
        p.path = path_text(&markers);
        if p.kind == ParagraphKind::Item {
            // An item is not a heading: what follows it does not stand under it.
            if let Some(l) = own {
                path.truncate(l - 1);
            }
        }
    }
}

/// The heading path as printed: the numbering markers, each once: a parent whose number the
/// child repeats (`1.` under `1.1.`, `II-1` under `II-1-(2)-ア`) is left out, and so are the
/// bullets (`・`, `※`) and captions (`（出典）`, `図表2`) that number nothing.
fn path_text(markers: &[&str]) -> String {
    let caption = |m: &str| ["出典", "注", "備考", "参考"].iter().any(|w| m.contains(w)) || m.starts_with(['図', '表']);
    let numbering: Vec<&str> = markers
        .iter()
        .copied()
        .filter(|m| !m.starts_with(['・', '●', '○', '■', '□', '◆', '◇', '※', '〇', '【']) && !caption(m))
        .collect();
    let kept: Vec<&str> = numbering
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            numbering.get(i + 1).is_none_or(|next| {
                let rest = next.strip_prefix(**m);
                !rest.is_some_and(|r| r.starts_with(['-', '－', '.', '．']) || m.ends_with(['.', '．']))
            })
        })
        .map(|(_, m)| *m)
        .collect();
    kept.join(" ")
}

/// The level a marker has as a heading's (an item `(ア)…。` has `(ア)`'s level, 6).
fn marker_level(line: &str) -> Option<usize> {
    let marker = marker_text(line)?;
    level(marker).map(usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<(String, ParagraphKind, String)> {
        let lines: Vec<&str> = text.lines().collect();
        let body: Vec<usize> = (0..lines.len()).collect();
        let signs = text_signs(&lines);
        let mut ps = join(&body, &lines, &signs, |_| PageNo::Number(1));
        classify(&mut ps, |l| lines[l].to_owned());
        ps.into_iter()
            .map(|p| (joined(lines[p.lines.clone()].iter().copied()).trim_start().to_owned(), p.kind, p.path))
            .collect()
    }

    const PLAN: &str = "\
1.1. 経営層の意識改革
(1) 現状と課題
　経済産業省及び独立行政法人情報処理推進機構（IPA）が令和４年度に実施した調
査によれば、サイバーセキュリティに関する方針を取締役会で定期的に審議している
企業の割合は約６割である。
(2) 今後の取組
(ア)　経済産業省において、「サイバーセキュリティ経営ガイドライン」の普及を図
るとともに、経営層向けのセミナーを開催する。
(イ)　金融庁において、開示を促す。
　また、ソフトウェアの開発においては、外部のオープンソースソフトウェアを部品
として利用することが一般的となっており、その脆弱性が多数の製品に影響を及ぼす
事例も見られる。ソフトウェアの構成要素を一覧化したSBOM（Software Bill of
Materials）の活用は、こうしたリスクへの対処の手段として注目されている。
";

    #[test]
    fn wrapped_lines_join_into_paragraphs_items_and_headings() {
        use ParagraphKind::*;
        let got = paragraphs(PLAN);
        let want = [
            ("1.1. 経営層の意識改革", Heading(2), "1.1."),
            ("(1) 現状と課題", Heading(5), "1.1. (1)"),
            ("経済産業省及び独立行政法人情報処理推進機構（IPA）が令和４年度に実施した調査によれば、サイバーセキュリティに関する方針を取締役会で定期的に審議している企業の割合は約６割である。", Text, "1.1. (1)"),
            ("(2) 今後の取組", Heading(5), "1.1. (2)"),
            ("(ア)　経済産業省において、「サイバーセキュリティ経営ガイドライン」の普及を図るとともに、経営層向けのセミナーを開催する。", Item, "1.1. (2) (ア)"),
            ("(イ)　金融庁において、開示を促す。", Item, "1.1. (2) (イ)"),
            ("また、ソフトウェアの開発においては、外部のオープンソースソフトウェアを部品として利用することが一般的となっており、その脆弱性が多数の製品に影響を及ぼす事例も見られる。ソフトウェアの構成要素を一覧化したSBOM（Software Bill of Materials）の活用は、こうしたリスクへの対処の手段として注目されている。", Text, "1.1. (2)"),
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1, g.2.as_str()), w);
        }
    }

    #[test]
    fn a_middle_dot_after_a_full_line_joins_two_words() {
        let text = "　周知啓発に当たっては、機器の買換えやファームウェアの更新を促すだけでなく、\n販売店や通信事業者の窓口等、利用者が機器を購入する場面で働きかけを行う購入\n・契約する場面を捉えた働きかけを行うことが効果的である。\n・次の項目\n";
        let got = paragraphs(text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[1].0, "・次の項目");
    }

    #[test]
    fn heading_paths_name_each_number_once() {
        assert_eq!(path_text(&["1.", "1.1.", "(3)", "(イ)"]), "1.1. (3) (イ)");
        assert_eq!(path_text(&["II", "II-1", "II-1-(2)", "II-1-(2)-イ"]), "II-1-(2)-イ");
        assert_eq!(path_text(&["付録", "・"]), "付録");
        assert_eq!(path_text(&["1.", "10."]), "1. 10.", "10. does not repeat 1.");
    }

    #[test]
    fn widths_count_full_width_as_one() {
        assert_eq!(width("ＡＢ12"), 3.0);
        assert_eq!(
            usual_width(["あ".repeat(20).as_str(), "い".repeat(20).as_str(), "う".repeat(5).as_str()].into_iter()),
            20.0
        );
    }
}
