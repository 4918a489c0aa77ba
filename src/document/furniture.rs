//! Page furniture in a text: the running heads at the top of each page and the footers above
//! its page number, told from the body by what a reader sees (issue 11 part 3).
//!
//! A plan prints the chapter and the section in force at the top of each page (`1. 経済社会の…`
//! / `1.2. セキュリティマインド…`). A section head may open a single page, so repetition alone
//! misses it; a chapter head printed above the same heading that opens the body is a copy of
//! it. Page by page, in order, the first lines of a page (at most three, blank lines aside)
//! are running heads while each
//!
//! 1. is a heading (it opens with a heading marker, see `headings.rs`) printed twice in a row,
//!    or one of a block of headings printed again in the same order right under it (the
//!    chapter and section heads above the same two headings opening the body, on the page a
//!    section starts): the first copies are the heads, the second open the body; or
//! 2. equals a heading in force: the last heading of its level read so far in the body (a
//!    heading replaces those of its level and below), so a section head that opens one page
//!    is found as surely as a chapter head on every page; or
//! 3. stands at the top of at least three pages, each within three pages of another it tops
//!    (a title tops every page or every other page, not three pages scattered through three
//!    thousand), more often there than anywhere else, and is a label, not a sentence (it does not
//!    end with 「。」): a document title repeated on every page.
//!
//! Lines are compared without white space and with radicals folded (⾏ as 行). A footer is a
//! label (no 「。」 at its end) right above the page number that stands there, the very same, on
//! at least three pages and on half of them. Blank lines above the first head or body line and below the last body
//! line are furniture too: a reader does not count them.
//!
//! Measured on the verify set (testdata/verify-set: 4 drafts and 36 re-wrapped, re-paginated
//! finals, 7,236 lines, each line's role known from the generator, testdata/gen/lines.py), every
//! line gets its role right (tests/document.rs). A PDF's furniture comes from position instead ([`crate::pdf`]); two
//! documents compared add what stands at the top of the same page in both
//! ([`super::Document::with_furniture_of`]).

use super::headings::level;
use super::page::{LineRole, PageNo};
use super::paginate::Span;
use crate::fold::{fold_hash, fold_text, folded_chars, folds_to};
use rustc_hash::{FxHashMap, FxHashSet};

/// Lines at the top of a page that may be running heads.
const TOP: usize = 3;
/// The longest running head, in chars.
const MAX_HEAD: usize = 80;
/// Pages a line must head, at least, to be a running head by repetition alone.
const MIN_PAGES: usize = 3;
/// How far apart (in pages) two pages a line heads may stand for both to count towards
/// `MIN_PAGES`: a title heads every page or every other one. A line of the body that a long
/// document repeats tops a page now and then by chance (measured on the peers bench's 10 MB of
/// pages, 3,010 pages: a wrapped line printed 5 times stood at the top of pages 579, 2416 and
/// 2540, and was taken for a head, so that an edit in it was shown as layout).
const NEAR_PAGES: usize = 3;

fn key(line: &str) -> String {
    fold_text(line, false)
}

fn blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// The first non-blank lines of a span, at most `TOP`, before its page number.
fn window(lines: &[&str], span: &Span, roles: &[LineRole]) -> Vec<usize> {
    span.all.clone().filter(|&i| roles[i] == LineRole::Body && !blank(lines[i])).take(TOP).collect()
}

/// Mark the running heads, footers and blank edges of every numbered page in `roles`.
pub(super) fn mark(lines: &[&str], spans: &[Span], roles: &mut [LineRole]) {
    let windows: Vec<Vec<usize>> = spans.iter().map(|s| window(lines, s, roles)).collect();
    let keys: FxHashMap<usize, String> = windows.iter().flatten().map(|&i| (i, key(lines[i]))).collect();
    let repeated = repeated_tops(lines, spans, &windows, &keys);
    // Each line's heading level, read once (measured: read again where each rule asks, it was a
    // third of marking the furniture of 100 MB of pages).
    let levels: Vec<Option<u8>> = lines.iter().map(|l| level(l)).collect();
    let mut in_force: Vec<Option<String>> = Vec::new();
    for (span, top) in spans.iter().zip(&windows) {
        if matches!(span.number, PageNo::Front(_)) {
            continue;
        }
        let block = repeated_block(lines, &levels, span, roles, top);
        let mut heads = block;
        while block == 0 && heads < top.len() {
            let (i, k) = (top[heads], &keys[&top[heads]]);
            let next =
                span.all.clone().skip_while(|&l| l <= i).find(|&l| !blank(lines[l]) && roles[l] == LineRole::Body);
            if levels[i].is_some() && next.is_some_and(|n| key(lines[n]) == *k) {
                heads += 1;
                break;
            }
            let forced = in_force.iter().flatten().any(|h| h == k);
            if forced || repeated.contains_key(k.as_str()) {
                heads += 1;
                continue;
            }
            break;
        }
        let body_start = match heads {
            0 => span.all.start,
            h => top[h - 1] + 1,
        };
        roles[span.all.start..body_start].fill(LineRole::RunningHead);
        for l in body_start..span.all.end {
            if roles[l] != LineRole::Body || blank(lines[l]) {
                continue;
            }
            if let Some(level) = levels[l] {
                let level = usize::from(level);
                in_force.resize(level, None);
                in_force[level - 1] = Some(key(lines[l]));
            }
        }
    }
    footers(lines, spans, roles);
    blank_edges(lines, spans, roles);
}

/// How many of a page's opening lines are headings printed again, in the same order, right
/// under them: the chapter and section heads above the same headings opening the body
/// (`I　現状と課題` / `I-1　…` / `I　現状と課題` / `I-1　…`, where the section head opens this page
/// only). 0 when there is no such block.
fn repeated_block(lines: &[&str], levels: &[Option<u8>], span: &Span, roles: &[LineRole], top: &[usize]) -> usize {
    let Some(&first) = top.first() else { return 0 };
    let body: Vec<usize> = span
        .all
        .clone()
        .skip_while(|&l| l < first)
        .filter(|&l| !blank(lines[l]) && roles[l] == LineRole::Body)
        .take(2 * top.len())
        .collect();
    (1..=top.len())
        .rev()
        .find(|&h| {
            body.len() >= 2 * h
                && body[..h].iter().all(|&l| levels[l].is_some())
                && (0..h).all(|j| key(lines[body[j]]) == key(lines[body[h + j]]))
        })
        .unwrap_or(0)
}

/// Whether a line (its key) reads as a label rather than a sentence: furniture is a title, a
/// heading, an organisation's name; a line that ends with 「。」 is body, however often it
/// repeats.
fn label(key: &str) -> bool {
    !key.ends_with('。')
}

/// The pages a key stands at the top of, as [`repeated_tops`] counts them.
#[derive(Default)]
struct Tops {
    /// Pages it tops.
    pages: usize,
    /// Of those, the pages within `NEAR_PAGES` of another it tops.
    near: usize,
    /// The last page it topped (index of its span), and whether that one is counted in `near`.
    last: Option<(usize, bool)>,
}

impl Tops {
    fn add(&mut self, page: usize) {
        self.pages += 1;
        let near = match self.last {
            Some((last, counted)) if page - last <= NEAR_PAGES => {
                // This page counts, and the last one too if it did not yet.
                self.near += 1 + usize::from(!counted);
                true
            }
            _ => false,
        };
        self.last = Some((page, near));
    }
}

/// Keys standing in the top window of at least `MIN_PAGES` pages near one another
/// (`NEAR_PAGES`), more often there than elsewhere; each with the number of pages it tops.
fn repeated_tops<'k>(
    lines: &[&str],
    spans: &[Span],
    windows: &[Vec<usize>],
    keys: &'k FxHashMap<usize, String>,
) -> FxHashMap<&'k str, usize> {
    let mut tops: FxHashMap<&str, Tops> = FxHashMap::default();
    for (page, (span, top)) in spans.iter().zip(windows).enumerate() {
        if matches!(span.number, PageNo::Front(_)) {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for i in top {
            let k = keys[i].as_str();
            if !seen.contains(&k) && (2..=MAX_HEAD).contains(&k.chars().count()) && label(k) {
                seen.push(k);
                tops.entry(k).or_default().add(page);
            }
        }
    }
    let mut pages: FxHashMap<&str, usize> =
        tops.into_iter().filter(|(_, t)| t.near >= MIN_PAGES).map(|(k, t)| (k, t.pages)).collect();
    if pages.is_empty() {
        return pages;
    }
    let mut everywhere: FxHashMap<&str, usize> = FxHashMap::default();
    // A line is looked up only when its first two folded characters and its last two are those
    // of a candidate (a candidate has two at least). Its fold is then hashed as it is read,
    // without building it, and compared with the candidates of that hash only. A line is folded
    // once however often it recurs: the lines that pass are counted as they stand first.
    // Measured on 100 MB of pages (`akaji diff`), where thousands of wrapped lines recur at page
    // tops: with the opening two characters alone, 185,000 distinct lines of 1.1 million got
    // through (5,300 with both ends), and repeated_tops took 2.7 times as long (234 ms against
    // 85 ms a document); folding each line as it came, not once a distinct line, was a
    // sixth of `akaji diff` of 10 MB of pages whose lines recur; comparing each with every
    // candidate that opens alike, a fifth of `akaji diff` at 100 MB.
    let ends = |s: &str| {
        let mut cs = folded_chars(s);
        let (a, b) = (cs.next()?, cs.next()?);
        let mut back = folded_chars(s).rev();
        Some([a, b, back.next()?, back.next()?])
    };
    let wanted: FxHashSet<[char; 4]> = pages.keys().filter_map(|k| ends(k)).collect();
    // Most lines open with a char no candidate opens with: told at the first folded char
    // (measured, callgrind, 1 MB of pages: the four ends of every line were 6.1 million
    // instructions; with this first look, 4.7 million fewer in all).
    let firsts: FxHashSet<char> = wanted.iter().map(|e| e[0]).collect();
    let mut by_hash: FxHashMap<u64, Vec<&'k str>> = FxHashMap::default();
    for k in pages.keys() {
        by_hash.entry(fold_hash(k)).or_default().push(k);
    }
    let mut alike: FxHashMap<&str, usize> = FxHashMap::default();
    for line in lines {
        let opens = folded_chars(line).next().is_some_and(|c| firsts.contains(&c));
        if opens && ends(line).is_some_and(|e| wanted.contains(&e)) {
            *alike.entry(line).or_default() += 1;
        }
    }
    for (line, n) in alike {
        let cand = by_hash.get(&fold_hash(line)).and_then(|cands| cands.iter().find(|k| folds_to(line, k)).copied());
        if let Some(cand) = cand {
            *everywhere.entry(cand).or_default() += n;
        }
    }
    pages.retain(|k, n| *n * 2 > everywhere.get(k).copied().unwrap_or(0));
    pages
}

/// A footer: the line right above the page number, the same on at least three pages and on half
/// of them, and a label (it does not end with 「。」). Only the very same text: a body line that ends
/// many pages with another number in it (「報告書39を作成する。」, 「報告書79を…」) is body.
fn footers(lines: &[&str], spans: &[Span], roles: &mut [LineRole]) {
    let above: Vec<Option<(usize, String)>> = spans
        .iter()
        .map(|s| {
            let m = s.marker?;
            let l = (s.all.start..m).rev().find(|&l| !blank(lines[l]))?;
            (roles[l] == LineRole::Body).then(|| (l, key(lines[l])))
        })
        .collect();
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, k) in above.iter().flatten() {
        *count.entry(k.as_str()).or_default() += 1;
    }
    let numbered = spans.iter().filter(|s| s.marker.is_some()).count();
    let lines_above: Vec<usize> = above
        .iter()
        .flatten()
        .filter(|(_, k)| label(k) && count.get(k.as_str()).is_some_and(|&n| n >= MIN_PAGES && n * 2 >= numbered))
        .map(|(l, _)| *l)
        .collect();
    for l in lines_above {
        roles[l] = LineRole::Footer;
    }
}

/// Blank lines above a page's first line that is not blank, and below its last body line.
fn blank_edges(lines: &[&str], spans: &[Span], roles: &mut [LineRole]) {
    for span in spans {
        for l in span.all.clone().take_while(|&l| blank(lines[l])) {
            roles[l] = LineRole::RunningHead;
        }
        let end = span.marker.unwrap_or(span.all.end);
        let last_body = (span.all.start..end).rev().find(|&l| roles[l] == LineRole::Body && !blank(lines[l]));
        if let Some(last) = last_body {
            for role in roles[last + 1..end].iter_mut().filter(|r| **r == LineRole::Body) {
                *role = LineRole::Footer;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::marker::PageMarker;
    use super::super::paginate::paginate;
    use super::*;

    fn roles(text: &str) -> Vec<(String, LineRole)> {
        let lines: Vec<&str> = text.lines().collect();
        let (spans, mut roles) = paginate(&lines, &PageMarker::default());
        mark(&lines, &spans, &mut roles);
        lines.iter().zip(roles).filter(|(_, r)| *r != LineRole::Body).map(|(l, r)| (l.to_string(), r)).collect()
    }

    use LineRole::*;

    #[test]
    fn a_section_head_that_opens_one_page_is_a_head() {
        let text = "1. 総論\n1. 総論\n本文。\n1.1. 現状\n本文。\n- 1 -\n1. 総論\n1.1. 現状\n本文の続き。\n1.2. 課題\n- 2 -\n1. 総論\n1.2. 課題\n1.2. 課題\n本文。\n- 3 -\n";
        let heads: Vec<(String, LineRole)> = roles(text).into_iter().filter(|(_, r)| *r == RunningHead).collect();
        let want: Vec<(String, LineRole)> = ["1. 総論", "1. 総論", "1.1. 現状", "1. 総論", "1.2. 課題"]
            .iter()
            .map(|s| (s.to_string(), RunningHead))
            .collect();
        assert_eq!(heads, want);
    }

    #[test]
    fn chapter_and_section_heads_above_the_same_headings_are_heads() {
        // Page 2 opens a section: the heads are printed above the same two headings, which no
        // page before had in force (as LibreOffice prints a plan whose header repeats them).
        let text = "I　現状\nI　現状\n本文。\n- 1 -\nI　現状\nI-1　動向\nI　現状\nI-1　動向\n本文。\n- 2 -\n";
        let heads: Vec<String> = roles(text).into_iter().filter(|(_, r)| *r == RunningHead).map(|(l, _)| l).collect();
        assert_eq!(heads, ["I　現状", "I　現状", "I-1　動向"]);
        let doc = crate::document::Document::new(text, &PageMarker::default());
        let at = doc.position(text.rfind("I-1").unwrap());
        assert_eq!((at.page, at.line), (PageNo::Number(2), 2), "the body's I-1 is its second line");
    }

    #[test]
    fn a_repeated_body_heading_is_not_a_head_unless_in_force() {
        // 「(2) 今後の取組」 opens page 2's body, but the heading in force at level 5 is 「(1) 現状」.
        let text = "(1) 現状\n本文。\n- 1 -\n(2) 今後の取組\n本文。\n- 2 -\n";
        assert!(roles(text).iter().all(|(_, r)| *r == PageNumber));
    }

    #[test]
    fn a_title_on_every_page_and_a_footer_above_every_number() {
        let page = |n: u32| format!("計画（案）\n本文{n}。\n総務省\n- {n} -\n");
        let text: String = (1..=4).map(page).collect();
        let found = roles(&text);
        assert_eq!(found.iter().filter(|(l, r)| l == "計画（案）" && *r == RunningHead).count(), 4);
        assert_eq!(found.iter().filter(|(l, r)| l == "総務省" && *r == Footer).count(), 4);
        assert!(!found.iter().any(|(l, _)| l.starts_with("本文")));
    }

    #[test]
    fn radicals_compare_as_ideographs() {
        let text = "II　行政\nII　⾏政\n本文。\n- 1 -\nII　行政\n続き。\n- 2 -\n";
        assert_eq!(roles(text).iter().filter(|(_, r)| *r == RunningHead).count(), 2);
    }

    #[test]
    fn a_line_that_tops_pages_far_apart_is_body() {
        // A wrapped line of the body (no 「。」 at its end) that the text repeats tops pages 3,
        // 20 and 40 of 45 by chance: no head. The same line on pages 3, 5 and 8 (each within
        // three pages of another) is one, as a title on every other page is.
        let line = "は医療関係のデバイス、IoT のデバイスも含めて、そこに存在する脆弱性";
        let text = |tops: &[u32]| -> String {
            (1..=45)
                .map(|n| {
                    let top = if tops.contains(&n) { format!("{line}\n") } else { String::new() };
                    format!("{top}本文{n}の一行目。\n本文{n}の二行目。\n- {n} -\n")
                })
                .collect()
        };
        let heads = |text: &str| roles(text).iter().filter(|(l, r)| l == line && *r == RunningHead).count();
        assert_eq!(heads(&text(&[3, 20, 40])), 0);
        assert_eq!(heads(&text(&[3, 5, 8])), 3);
        assert_eq!(heads(&text(&[3, 20, 22, 40])), 0, "two near pages are not three");
        let odd: Vec<u32> = (1..=45).filter(|n| n % 2 == 1).collect();
        assert_eq!(heads(&text(&odd)), 23);
    }

    #[test]
    fn a_label_at_page_tops_is_a_head_unless_it_stands_more_often_in_the_body() {
        // 「計画の概要」 opens pages 1 to 4. In page 5's body it stands with a space (the same once
        // folded) three times, and 「計画案の概要」 (the same first and last characters, another
        // line) ten times: fewer than twice at the tops, so a head; with two more copies as
        // printed at the tops, 4 + 5 lines in all, it is body. Each copy counts, however often
        // the same line recurs.
        let tops: String = (1..=4).map(|n| format!("計画の概要\n本文{n}。\n- {n} -\n")).collect();
        let body = "本文。\n本文。\n本文。\n".to_string() + &"計画案の概要\n".repeat(10) + &"計画 の概要\n".repeat(3);
        let heads = |text: &str| roles(text).iter().filter(|(l, r)| l == "計画の概要" && *r == RunningHead).count();
        assert_eq!(heads(&format!("{tops}{body}- 5 -\n")), 4);
        assert_eq!(heads(&format!("{tops}{body}計画の概要\n計画の概要\n- 5 -\n")), 0);
    }
}
