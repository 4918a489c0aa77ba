//! The markers a plan's headings and items open with, and the level of each heading.
//!
//! Plans number their headings (`1.` / `1.1.`, `I` / `I-1` / `II-1-(2)-ア`, `第1章` / `第1節`) and
//! their items (`(1)`, `(ア)`, `①`, `・`), and name a few chapters without a number (はじめに,
//! おわりに, 参考, 付録, 別添…). Running heads repeat the chapter and section in force (the
//! level tells which heading a new one replaces), paragraph joining starts a new paragraph at a
//! marker, and the 新旧対照表 names an item by the markers of the headings above it
//! (`1.1. (3) (イ)`). The patterns are hand-written: they are the conventions of Japanese
//! government plans, which no crate knows. The heading levels are read char by char
//! ([`heading_marker`]), not by regex: compiling their patterns cost more than reading a page
//! (measured against the regex crate, there).

use regex::Regex;
use std::sync::LazyLock;

/// Heading markers as patterns, most specific first, each with its level (1: chapter, 2:
/// section, …): what [`heading_marker`] reads by hand, and what the tests compare it with.
#[cfg(test)]
static LEVELS: LazyLock<Vec<(Regex, u8)>> = LazyLock::new(|| {
    let roman = "[IVXⅠ-Ⅻ]+";
    let digit = "[0-9０-９]";
    let dot = "[.．]";
    let dash = "[-－‐]";
    let space = "(?:[ \u{3000}]|$)";
    [
        (format!("^第{digit}+[章部編]|^第[一二三四五六七八九十百]+[章部編]"), 1),
        (format!("^第{digit}+節|^第[一二三四五六七八九十百]+節"), 2),
        (format!("^{digit}+{dot}{digit}+{dot}{digit}+{dot}?{space}"), 3),
        (format!("^{digit}+{dot}{digit}+{dot}?{space}"), 2),
        (format!("^{digit}+{dot}{space}"), 1),
        (format!("^{roman}{dash}{digit}+{dash}[(（]{digit}+[)）]{dash}[ア-ン]"), 4),
        (format!("^{roman}{dash}{digit}+{dash}[(（]{digit}+[)）]"), 3),
        (format!("^{roman}{dash}{digit}+{space}"), 2),
        (format!("^{roman}(?:{dot}|{space})"), 1),
        (format!("^(?:{})", NAMED.join("|")), 1),
        (format!("^[(（]{digit}+[)）]"), 5),
        ("^[(（][ア-ンｱ-ﾝ][)）]".to_owned(), 6),
        ("^[①-⑳]".to_owned(), 7),
    ]
    .into_iter()
    .map(|(p, l)| (Regex::new(&p).expect("heading patterns are valid"), l))
    .collect()
});

/// The heading marker `t` opens with, and its level: `第2章` and `第1節`; `1.`, `1.2.`, `1.2.3.`
/// (the last dot optional below the chapter) followed by a space or the end; `I`, `II-1`,
/// `II-1-(2)`, `II-1-(2)-ア`; a named chapter (はじめに, 参考…); `(1)`, `(ア)`, `①`. Returns the
/// level (1: chapter, 2: section, …) and the marker's length in bytes (a space after it
/// included). Read by hand, char by char, rather than by the regex crate: the thirteen patterns
/// that say the same (`LEVELS`, in the tests, which check the two agree on more than 170,000
/// lines) took a millisecond to compile, on the path of reading every document, while another
/// thread waited for them (measured on `akaji diff` of the peers bench's 1 MB of pages, `perf stat -r 60`:
/// 34.5–35.4 ms of CPU with the patterns, 32.9–33.3 ms read by hand; compiled before the files
/// were read, they added a millisecond of wall time).
fn heading_marker(t: &str) -> Option<(u8, usize)> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let dot = |c: char| matches!(c, '.' | '．');
    let dash = |c: char| matches!(c, '-' | '－' | '‐');
    let roman = |c: char| matches!(c, 'I' | 'V' | 'X' | 'Ⅰ'..='Ⅻ');
    let open = |c: char| matches!(c, '(' | '（');
    let close = |c: char| matches!(c, ')' | '）');
    let kana = |c: char| ('ア'..='ン').contains(&c);
    // The bytes of the chars `s` opens with that are `ok`: all of them, or the first one.
    let run = |s: &str, ok: &dyn Fn(char) -> bool| s.chars().take_while(|&c| ok(c)).map(char::len_utf8).sum::<usize>();
    let one = |s: &str, ok: &dyn Fn(char) -> bool| s.chars().next().filter(|&c| ok(c)).map_or(0, char::len_utf8);
    // A space after a marker, or the end of the line.
    let space = |s: &str| match s.chars().next() {
        None => Some(0),
        Some(c @ (' ' | '\u{3000}')) => Some(c.len_utf8()),
        Some(_) => None,
    };
    let first = t.chars().next()?;
    let f = first.len_utf8();
    match first {
        '第' => {
            let r = &t[f..];
            let n = match run(r, &digit) {
                0 => run(r, &|c| "一二三四五六七八九十百".contains(c)),
                n => n,
            };
            let level = match r[n..].chars().next() {
                Some('章' | '部' | '編') if n > 0 => 1,
                Some('節') if n > 0 => 2,
                _ => return None,
            };
            Some((level, f + n + '章'.len_utf8()))
        }
        c if digit(c) => {
            let a = run(t, &digit);
            let d1 = one(&t[a..], &dot);
            if d1 == 0 {
                return None;
            }
            let r1 = &t[a + d1..];
            let b = run(r1, &digit);
            if b > 0 {
                let r2 = &r1[b..];
                let d2 = one(r2, &dot);
                if d2 > 0 {
                    let r3 = &r2[d2..];
                    let c = run(r3, &digit);
                    if c > 0 {
                        let d3 = one(&r3[c..], &dot);
                        if let Some(s) = space(&r3[c + d3..]) {
                            return Some((3, a + d1 + b + d2 + c + d3 + s));
                        }
                    }
                }
                return space(&r2[d2..]).map(|s| (2, a + d1 + b + d2 + s));
            }
            space(r1).map(|s| (1, a + d1 + s))
        }
        c if roman(c) => {
            let a = run(t, &roman);
            let r = &t[a..];
            let d1 = one(r, &dash);
            let b = if d1 > 0 { run(&r[d1..], &digit) } else { 0 };
            if b > 0 {
                let r2 = &r[d1 + b..];
                let d2 = one(r2, &dash);
                let o = if d2 > 0 { one(&r2[d2..], &open) } else { 0 };
                let c = if o > 0 { run(&r2[d2 + o..], &digit) } else { 0 };
                let cl = if c > 0 { one(&r2[d2 + o + c..], &close) } else { 0 };
                if cl > 0 {
                    let base = a + d1 + b + d2 + o + c + cl;
                    let r5 = &r2[d2 + o + c + cl..];
                    let d3 = one(r5, &dash);
                    let k = if d3 > 0 { one(&r5[d3..], &kana) } else { 0 };
                    return Some(if k > 0 { (4, base + d3 + k) } else { (3, base) });
                }
                if let Some(s) = space(r2) {
                    return Some((2, a + d1 + b + s));
                }
            }
            match one(r, &dot) {
                0 => space(r).map(|s| (1, a + s)),
                d => Some((1, a + d)),
            }
        }
        c if open(c) => {
            let r = &t[f..];
            let n = run(r, &digit);
            if n > 0 {
                let cl = one(&r[n..], &close);
                return (cl > 0).then_some((5, f + n + cl));
            }
            let k = one(r, &|c| kana(c) || ('ｱ'..='ﾝ').contains(&c));
            let cl = if k > 0 { one(&r[k..], &close) } else { 0 };
            (cl > 0).then_some((6, f + k + cl))
        }
        '①'..='⑳' => Some((7, f)),
        _ => NAMED.iter().find(|n| t.starts_with(*n)).map(|n| (1, n.len())),
    }
}

/// Item, heading and caption markers a line may open with.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[\s　]*(?:",
        r"[・●○■□◆◇※〇【]",
        r"|[①-⑳㉑-㉟]",
        r"|[(（][0-9０-９a-zA-Zａ-ｚＡ-Ｚア-ンｱ-ﾝ一二三四五六七八九十ⅰ-ⅻ]{1,3}[)）]",
        r"|[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*[.．、)）](?:[^0-9０-９]|$)",
        r"|[0-9０-９]{1,3}[.．][0-9０-９]{1,3}[\s　]",
        r"|[IVXⅠ-Ⅻ]{1,4}(?:[-－‐.．][0-9０-９(（]|[　 .．])",
        r"|[ア-ン][.．)）　 ]",
        r"|第[0-9０-９一二三四五六七八九十百]+[章節款条項部編]",
        r"|図表?[0-9０-９]+|表[0-9０-９]+",
        r"|[(（](?:出典|注|備考|参考)[)）]|(?:出典|注|備考)[:：]",
        r")"
    ))
    .expect("the marker pattern is valid")
});

/// The longest heading, in chars; a longer line is body text.
const MAX_HEADING: usize = 60;

/// The level of a heading line (1: chapter, 2: section, …), or `None` for a line that is not
/// one: it opens with a heading or item marker, is at most 60 characters and does not end with
/// 「。」.
pub(crate) fn level(line: &str) -> Option<u8> {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    let first = t.chars().next()?;
    // Most lines open with a char no pattern of `LEVELS` starts with: answer them at once
    // (measured: the patterns were a tenth of reading a 10 MB plan).
    if !opens_a_level(first) {
        return None;
    }
    // A line of MAX_HEADING bytes or fewer has no more chars than that: not counted.
    let long = t.len() > MAX_HEADING && t.chars().nth(MAX_HEADING).is_some();
    if t.ends_with('。') || long {
        return None;
    }
    heading_marker(t).map(|(level, _)| level)
}

/// Whether a line opens with an item, heading or caption marker: `・`, `①`, `(1)`, `（ア）`, `1.`,
/// `1.1.`, `II-1-(2)-ア`, `第1章`, `図表2`, `（出典）`, `【課題】`…; `1.5倍` does not.
pub(crate) fn opens_with_marker(line: &str) -> bool {
    let first = line.chars().find(|c| !c.is_whitespace());
    first.is_some_and(|c| opens_a_marker(c) || opens_a_level(c)) && (MARKER.is_match(line) || level(line).is_some())
}

/// Whether a pattern of `LEVELS` can match a line whose first char (white space aside) is `c`:
/// the chars the patterns open with, and [`heading_marker`] reads (keep the three alike).
fn opens_a_level(c: char) -> bool {
    matches!(c, '第' | '0'..='9' | '０'..='９' | 'I' | 'V' | 'X' | 'Ⅰ'..='Ⅻ' | '(' | '（' | '①'..='⑳')
        || matches!(c, 'は' | 'お' | 'ま' | '結' | '序' | '参' | '付' | '別')
}

/// The chapters named without a number (`LEVELS` has them too).
const NAMED: [&str; 10] = ["はじめに", "おわりに", "まとめ", "結び", "序", "参考", "付録", "別添", "別紙", "参考資料"];

/// Whether `MARKER` can match a line whose first char that is not white space is `c` (keep the
/// two alike).
fn opens_a_marker(c: char) -> bool {
    matches!(c, '・' | '●' | '○' | '■' | '□' | '◆' | '◇' | '※' | '〇' | '【' | '①'..='⑳' | '㉑'..='㉟')
        || matches!(c, '(' | '（' | '0'..='9' | '０'..='９' | 'I' | 'V' | 'X' | 'Ⅰ'..='Ⅻ' | 'ア'..='ン')
        || matches!(c, '第' | '図' | '表' | '出' | '注' | '備')
}

/// The marker a heading or item line opens with, as written (`1.1.`, `(イ)`, `II-1-(2)-ア`,
/// `はじめに`, `【課題】`), for the heading path of an item.
pub(crate) fn marker_text(line: &str) -> Option<&str> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace());
    let m = heading_marker(t).map(|(_, len)| &t[..len]).or_else(|| ITEM.find(t).map(|m| m.as_str()))?;
    let s = m.trim_end_matches(|c: char| c.is_whitespace());
    (!s.is_empty()).then_some(s)
}

/// Item markers, as the heading path shows them.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[(（][^)）\s]{1,3}[)）]|[①-⑳㉑-㉟]|[・●○■□◆◇※〇]|【[^】]{1,12}】|[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*[.．])")
        .expect("the item pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_by_their_markers() {
        let cases = [
            ("1. 経済社会の活力の向上及び持続的発展", Some(1)),
            ("1.2. セキュリティマインドを持った企業経営の推進", Some(2)),
            ("1.2.3. 細目", Some(3)),
            ("I　現状と課題", Some(1)),
            ("II-1　地域の通信事業者", Some(2)),
            ("II-1-(2)　連携", Some(3)),
            ("II-1-(2)-ア　送信", Some(4)),
            ("第2章　施策", Some(1)),
            ("はじめに", Some(1)),
            ("別添　審議経過及び参考資料", Some(1)),
            ("(1) 現状と課題", Some(5)),
            ("(ア)　周知", Some(6)),
            ("1.5倍に増加した。インターネット", None),
            ("(ア)　経済産業省において、取り組む。", None),
            ("　近年、社会経済活動の", None),
        ];
        for (line, want) in cases {
            assert_eq!(level(line), want, "{line}");
        }
    }

    #[test]
    fn heading_markers_read_by_hand_are_the_patterns() {
        // The first pattern of LEVELS that matches (its level, the end of its match) against
        // heading_marker: on every line of one to three of these pieces, on 100,000 lines of
        // four to nine of them drawn by a fixed sequence, and on the deep markers' shapes.
        let patterns: Vec<&str> = LEVELS.iter().map(|(r, _)| r.as_str()).collect();
        let set = regex::RegexSet::new(&patterns).unwrap();
        let by_patterns = |t: &str| {
            let i = set.matches(t).into_iter().next()?;
            Some((LEVELS[i].1, LEVELS[i].0.find(t).unwrap().end()))
        };
        let pieces = [
            "1",
            "１",
            "23",
            ".",
            "．",
            "-",
            "－",
            "‐",
            " ",
            "\u{3000}",
            "I",
            "V",
            "X",
            "Ⅱ",
            "Ⅻ",
            "(",
            "（",
            ")",
            "）",
            "ア",
            "ン",
            "ｱ",
            "ﾝ",
            "①",
            "⑳",
            "第",
            "一",
            "百",
            "章",
            "節",
            "部",
            "編",
            "はじめに",
            "参考",
            "参考資料",
            "別",
            "は",
            "あ",
            "a",
            "。",
        ];
        let mut lines: Vec<String> = Vec::new();
        for a in pieces {
            lines.push(a.to_owned());
            for b in pieces {
                lines.push(format!("{a}{b}"));
                for c in pieces {
                    lines.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..100_000 {
            let len = 4 + next(6);
            lines.push((0..len).map(|_| pieces[next(pieces.len())]).collect());
        }
        // Every line of the deep markers' shapes, each alternative of each place (cut after
        // any place too), and each with one place replaced by every piece.
        let shapes: [&[&[&str]]; 3] = [
            &[
                &["I", "Ⅱ"],
                &["-", "－", "‐"],
                &["1", "１"],
                &["-", "－"],
                &["(", "（"],
                &["2", "２"],
                &[")", "）"],
                &["-", "‐"],
                &["ア", "ン", "ｱ"],
                &["", " ", "\u{3000}", "x"],
            ],
            &[
                &["1", "１２"],
                &[".", "．"],
                &["2", "２"],
                &[".", "．"],
                &["3"],
                &["", ".", "．"],
                &["", " ", "\u{3000}", "x"],
            ],
            &[&["第"], &["1", "一", "百", "x"], &["章", "節", "部", "編", "x"], &["", " "]],
        ];
        for shape in shapes {
            let mut partial: Vec<String> = vec![String::new()];
            for place in shape {
                partial = partial.iter().flat_map(|p| place.iter().map(move |a| format!("{p}{a}"))).collect();
                lines.extend(partial.iter().cloned());
            }
            let first: Vec<&str> = shape.iter().map(|place| place[0]).collect();
            for k in 0..first.len() {
                for piece in pieces {
                    let mut line = first.clone();
                    line[k] = piece;
                    lines.push(line.concat());
                }
            }
        }
        let mut headings = 0;
        for line in &lines {
            let want = by_patterns(line);
            assert_eq!(heading_marker(line), want, "{line:?}");
            headings += usize::from(want.is_some());
        }
        assert!(lines.len() > 170_000 && headings > 5_000, "{} lines, {headings} headings", lines.len());
    }

    #[test]
    fn markers_of_items_headings_and_captions() {
        for line in [
            "（ア）委託先を含めた",
            "II-1-(2)-ア　送信",
            "・周知",
            "図表２　インターネット",
            "（出典）警察庁",
            "【課題】",
            "①　経済産業省",
        ] {
            assert!(opens_with_marker(line), "{line}");
        }
        for line in ["近年、社会経済活動の", "1.5倍に増加した。", "2022年には"] {
            assert!(!opens_with_marker(line), "{line}");
        }
    }

    #[test]
    fn marker_text_is_the_marker_alone() {
        assert_eq!(marker_text("1.1. 経営層の意識改革"), Some("1.1."));
        assert_eq!(marker_text("(イ)　金融庁及び"), Some("(イ)"));
        assert_eq!(marker_text("II-1-(2)-ア　送信"), Some("II-1-(2)-ア"));
        assert_eq!(marker_text("①　経済産業省"), Some("①"));
        assert_eq!(marker_text("はじめに"), Some("はじめに"));
        assert_eq!(marker_text("本文"), None);
    }

    #[test]
    fn the_first_char_checks_pass_every_char_a_pattern_opens_with() {
        // Every char of the blocks the patterns draw on, and every char they write, followed by
        // what each pattern needs after its first char: a char the quick checks turn away is
        // matched by no pattern.
        let probes = [
            "",
            "1",
            "1)",
            "1章",
            "1節",
            ". ",
            ".",
            "-1　",
            "じめに",
            "わりに",
            "とめ",
            "び",
            "考",
            "録",
            "添",
            "紙",
            "典:",
            ":",
            "考:",
        ];
        let patterns: Vec<&str> = LEVELS.iter().map(|(r, _)| r.as_str()).collect();
        let levels = regex::RegexSet::new(&patterns).unwrap();
        let literal: Vec<char> = patterns.iter().chain([&MARKER.as_str()]).flat_map(|p| p.chars()).collect();
        let chars = ('\0'..='\u{33FF}').chain('\u{FF00}'..='\u{FFEF}').chain(literal);
        let mut checked = 0;
        for c in chars.filter(|c| !c.is_whitespace()) {
            for p in probes {
                let line = format!("{c}{p}");
                if !opens_a_level(c) {
                    assert!(!levels.is_match(&line), "{line}: a heading the quick check turns away");
                    checked += 1;
                }
                if !opens_a_marker(c) && !opens_a_level(c) {
                    assert!(!MARKER.is_match(&line), "{line}: a marker the quick check turns away");
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
        assert!(opens_with_marker("　（ア）委託先") && !opens_with_marker("本文である。"));
    }
}
