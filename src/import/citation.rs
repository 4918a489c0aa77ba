//! Page and line citations in an answer: where in the draft an edit applies.
//!
//! Answers cite pages in every form the published tables use: P4, Ｐ４, p.13, (P4), (P 17),
//! 【P5】, 6ページ, 5頁, P2において, lists (P4、P12、P46、P63の; (P16、P22)), and ranges
//! ((P27-28), 21-23ページ, P27～P28). Lines are 5行目, 5行 or 第5行, and from the bottom 最下行
//! (the last line), 最下行の6行上 (six lines above the last line) or 下から3行目 (the third line
//! from the bottom). Full-width and half-width forms are read alike (NFKC). In the ledger a line
//! counts from 1 at the top of its page and from -1 at the bottom, so:
//!
//! | answer says   | line |
//! | ---           | ---  |
//! | 5行目, 5行    | 5    |
//! | 最下行        | -1   |
//! | 下から3行目   | -3   |
//! | 最下行の6行上 | -7   |
//!
//! A list of pages means the quote on each of them (every occurrence there, at least one on each
//! page: [`Pages::Each`]); a range means the place lies somewhere in it, once ([`Pages::Within`]).
//! A citation that cannot be written as a ledger scope (a page past the ledger's range, page 0,
//! line 0, a range written backwards) is never dropped: the scope carries the reason
//! ([`Citation::trouble`]) and the edit becomes a todo that says it.
//!
//! 「P6の5行目の」 cites page 6, line 5; 「（Ｐ１５）最下行の6行上の」 page 15, line -7;
//! 「P4、P11、P19の」 each of three pages; 「(P27-28)」 a place somewhere on two; and
//! 「P4294967296の」 nothing that can be written, with the reason (tests below).

use super::quote::outside_quotes;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The pages cited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Pages {
    /// None.
    #[default]
    None,
    /// One page (P4, 6ページ).
    One(u32),
    /// A list (P4、P11、P19): the quote on each of these pages, every occurrence, at least one on
    /// each.
    Each(Vec<u32>),
    /// A range (P27-28, 21-23ページ): the place lies somewhere on these pages.
    Within(Vec<u32>),
}

/// Where an edit applies, as an answer (or its request) cites it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Citation {
    /// The pages cited.
    pub pages: Pages,
    /// The line within the page, when exactly one page is cited (negative: from the bottom).
    pub line: Option<i64>,
    /// Why the citation cannot be written as a scope, when it cannot.
    pub trouble: Option<String>,
}

impl Citation {
    /// Whether nothing is cited (and nothing is wrong with what is).
    pub fn is_empty(&self) -> bool {
        self.pages == Pages::None && self.trouble.is_none()
    }
}

/// The longest page range read as a scope; a longer one is a typo or a run of digits.
pub const MAX_RANGE: u32 = 1000;

const SEP: &str = r"\s*(?:、|,|・|及び|および|並びに|ならびに|と)\s*";
const DASH: &str = r"\s*[-~〜–—‐−]\s*";
/// One page or range with a P: P4, p.13, P 17, P27-28, P27～P28, pp.5-6.
const ITEM_P: &str = r"[Pp]{1,2}\.?\s*[0-9]+(?:\s*[-~〜–—‐−]\s*(?:[Pp]\.?\s*)?[0-9]+)?";
/// One page or range in ページ: 6ページ, 21-23ページ, 5頁.
const ITEM_J: &str = r"[0-9]+(?:\s*[-~〜–—‐−]\s*[0-9]+)?\s*(?:ページ|頁)目?";
const LINE: &str = r"最下行(?:の|から)\s*[0-9]+\s*行上|最下行|下から\s*(?:第\s*)?[0-9]+\s*行目?|第?\s*[0-9]+\s*行目?";
/// What may stand between a citation and the quote: の, に, において, では, 、 …
const LINK: &str = r"(?:において|における|にある|の中の|中の|では|にて|の|に|で|、|,)?";

/// What may stand between a page and the quote to say where on the page: (ア)の, ②の, 工程表の,
/// II-1-(2)-イの — a short run without punctuation or quotes, ending in の.
const QUALIFIER: &str = r"[^。、,，「」『』\n]{1,20}?の\s*";

static LIST: LazyLock<String> = LazyLock::new(|| format!("(?:{ITEM_P}(?:{SEP}{ITEM_P})*|{ITEM_J}(?:{SEP}{ITEM_J})*)"));

/// A citation right before a quote: pages (perhaps in brackets), then perhaps a line.
static CITED_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let list = &*LIST;
    regex::Regex::new(&format!(
        r"(?:^|[^A-Za-z0-9])(?:[(\[【〔]\s*(?P<a>{list})\s*[)\]】〕]|(?P<b>{list}))\s*{LINK}\s*(?:(?P<line>{LINE})\s*{LINK}\s*)?(?:{QUALIFIER})?$"
    ))
    .expect("the citation pattern is valid")
});

/// Citations anywhere in a text, each with the line attached to it, if any; `more` catches
/// 等, など, ほか, 以降 (P4等: P4 and other pages, no scope).
static CITED_ANYWHERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let list = &*LIST;
    regex::Regex::new(&format!(
        r"(?:^|[^A-Za-z0-9])(?P<list>{list})(?:\s*の?\s*(?P<line>{LINE}))?(?P<more>\s*(?:等|など|ほか|以降|以下|から|～|~))?"
    ))
    .expect("the citation pattern is valid")
});

static NUMBER: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("[0-9]+").expect("the number pattern is valid"));
static RANGE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(r"([0-9]+){DASH}(?:[Pp]\.?\s*)?([0-9]+)")).expect("the range pattern is valid")
});

/// The citation that ends `context`, the text right before a quote ("P4、P12の", "(P4)",
/// "P6の5行目の", "P2において"). Nothing is cited when the text before the quote ends otherwise.
pub fn cited_before(context: &str) -> Citation {
    let Some(text) = with_digits(context) else { return Citation::default() };
    let Some(caps) = CITED_BEFORE.captures(&text) else {
        return Citation::default();
    };
    let list = caps.name("a").or_else(|| caps.name("b")).map_or("", |m| m.as_str());
    scope(list, caps.name("line").map(|m| m.as_str()))
}

/// The citations anywhere in `text`, in the order written, each with its attached line. A
/// citation followed by 等 (P4等: "P4 and others") is left out: it names no scope.
pub fn citations(text: &str) -> Vec<Citation> {
    let Some(text) = with_digits(text) else { return Vec::new() };
    CITED_ANYWHERE
        .captures_iter(&text)
        .filter(|c| c.name("more").is_none())
        .map(|c| scope(&c["list"], c.name("line").map(|m| m.as_str())))
        .collect()
}

/// `text` after NFKC (borrowed when it is so already), or `None` when it holds no digit and so
/// cites nothing: most of an answer's text, read fast.
fn with_digits(text: &str) -> Option<Cow<'_, str>> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || ('①'..='⑳').contains(&c);
    if !text.chars().any(digit) {
        return None;
    }
    Some(match is_nfkc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfkc().collect()),
    })
}

/// Every page cited anywhere in `text` outside its quotes, as one scope: for answers that promise
/// an edit without quoting it (「P9に追記をいたします」, 「P5の3行目に追記します」). Several
/// citations make a list of pages (no line, unless they all cite one page and one line); a
/// citation out of range makes the whole scope troubled.
pub fn pages_in(text: &str) -> Citation {
    merged(citations(&outside_quotes(text)))
}

/// Several citations as one scope: one page keeps its line; more pages make a list.
pub fn merged(cites: Vec<Citation>) -> Citation {
    if let Some(trouble) = cites.iter().find_map(|s| s.trouble.clone()) {
        return Citation { trouble: Some(trouble), ..Citation::default() };
    }
    let mut pages: Vec<u32> = Vec::new();
    for s in &cites {
        for p in s.pages.list() {
            if !pages.contains(&p) {
                pages.push(p);
            }
        }
    }
    match (pages.as_slice(), cites.as_slice()) {
        ([], _) => Citation::default(),
        ([page], _) => {
            let mut lines: Vec<i64> = cites.iter().filter_map(|s| s.line).collect();
            lines.dedup();
            let line = if let [line] = lines.as_slice() { Some(*line) } else { None };
            Citation { pages: Pages::One(*page), line, trouble: None }
        }
        _ => Citation { pages: Pages::Each(pages), line: None, trouble: None },
    }
}

impl Pages {
    /// The pages, in the order cited.
    pub fn list(&self) -> Vec<u32> {
        match self {
            Pages::None => Vec::new(),
            Pages::One(p) => vec![*p],
            Pages::Each(ps) | Pages::Within(ps) => ps.clone(),
        }
    }
}

/// The scope of a list of page items and a line citation, or why it cannot be one.
fn scope(list: &str, line: Option<&str>) -> Citation {
    let trouble = |why: String| Citation { trouble: Some(why), ..Citation::default() };
    let mut pages = Vec::new();
    let mut ranged = false;
    let items: Vec<&str> = NUMBER_OR_RANGE.find_iter(list).map(|m| m.as_str()).collect();
    for item in &items {
        match page_item(item) {
            Ok(ps) => {
                ranged |= ps.len() > 1 || RANGE.is_match(item);
                for p in ps {
                    if !pages.contains(&p) {
                        pages.push(p);
                    }
                }
            }
            Err(why) => return trouble(why),
        }
    }
    let line = match line.map(line_number) {
        Some(Err(why)) => return trouble(why),
        Some(Ok(l)) => Some(l),
        None => None,
    };
    let pages = match pages.as_slice() {
        [] => return Citation::default(),
        [page] => Pages::One(*page),
        _ if ranged && items.len() == 1 => Pages::Within(pages),
        _ if ranged => {
            return trouble(format!("「{}」 mixes page ranges and a list: write the pages out", list.trim()))
        }
        _ => Pages::Each(pages),
    };
    let line = if matches!(pages, Pages::One(_)) { line } else { None };
    Citation { pages, line, trouble: None }
}

static NUMBER_OR_RANGE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!(r"[0-9]+(?:{DASH}(?:[Pp]\.?\s*)?[0-9]+)?")).expect("the item pattern is valid")
});

/// One page, or the pages of a range (27-28 → 27, 28).
fn page_item(item: &str) -> Result<Vec<u32>, String> {
    if let Some(c) = RANGE.captures(item) {
        let (from, to) = (page_number(&c[1])?, page_number(&c[2])?);
        if to < from {
            return Err(format!("the page range {from}-{to} runs backwards: check the citation"));
        }
        if to - from >= MAX_RANGE {
            return Err(format!("the page range {from}-{to} spans more than {MAX_RANGE} pages: check the citation"));
        }
        return Ok((from..=to).collect());
    }
    Ok(vec![page_number(item)?])
}

fn page_number(digits: &str) -> Result<u32, String> {
    match digits.trim().parse::<u32>() {
        Ok(0) => Err("the answer cites page 0: pages count from 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => {
            Err(format!("the answer cites page {}, past the ledger's page range (1 to {})", digits.trim(), u32::MAX))
        }
    }
}

/// The ledger's line for a citation: 5行目 → 5, 最下行 → -1, 下から3行目 → -3, 最下行の6行上 → -7.
fn line_number(cite: &str) -> Result<i64, String> {
    let digits = NUMBER.find(cite).map(|m| m.as_str());
    let n = match digits.map(str::parse::<i64>) {
        None => None,
        Some(Ok(n)) if n < i64::MAX / 2 => Some(n),
        Some(_) => return Err(format!("the answer cites line {}, past the ledger's range", digits.unwrap_or(""))),
    };
    let line = if cite.starts_with("最下行") {
        -(n.unwrap_or(0) + 1)
    } else if cite.starts_with("下から") {
        -(n.unwrap_or(0))
    } else {
        n.unwrap_or(0)
    };
    if line == 0 {
        return Err(format!("the answer cites 「{cite}」: lines count from 1 (or from the last line up)"));
    }
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(s: &str) -> (Pages, Option<i64>) {
        let s = cited_before(s);
        assert_eq!(s.trouble, None);
        (s.pages, s.line)
    }

    fn each(p: &[u32]) -> Pages {
        Pages::Each(p.to_vec())
    }

    #[test]
    fn page_lists_and_lines() {
        assert_eq!(cite("御指摘を踏まえ、P4、P12、P46、P63の"), (each(&[4, 12, 46, 63]), None));
        assert_eq!(cite("に、P12の17行目の"), (Pages::One(12), Some(17)));
        assert_eq!(cite("・(P4)"), (Pages::One(4), None));
        assert_eq!(cite("p.73及びp.79の"), (each(&[73, 79]), None));
        assert_eq!(cite("6ページの5行"), (Pages::One(6), Some(5)));
        assert_eq!(cite("15ページの最下行の"), (Pages::One(15), Some(-1)));
        assert_eq!(cite("P15の下から3行目の"), (Pages::One(15), Some(-3)));
        assert_eq!(cite("P15の最下行から9行上の"), (Pages::One(15), Some(-10)));
    }

    #[test]
    fn the_citation_forms_of_the_published_tables() {
        assert_eq!(cite("御指摘を踏まえ、P2において"), (Pages::One(2), None));
        assert_eq!(cite("P5の3行目"), (Pages::One(5), Some(3)));
        assert_eq!(cite("5ページ"), (Pages::One(5), None));
        assert_eq!(cite("(P 17)"), (Pages::One(17), None));
        assert_eq!(cite("(P27-28)"), (Pages::Within(vec![27, 28]), None));
        assert_eq!(cite("21-23ページの"), (Pages::Within(vec![21, 22, 23]), None));
        assert_eq!(cite("（P16、P22）"), (each(&[16, 22]), None));
        assert_eq!(cite("P27～P28の"), (Pages::Within(vec![27, 28]), None));
        assert_eq!(cite("【P5】"), (Pages::One(5), None));
        assert_eq!(cite("P7の第3行の"), (Pages::One(7), Some(3)));
        assert_eq!(cite("P4、P11、P19の"), (each(&[4, 11, 19]), None));
        assert_eq!(cite("P2の(ア)の"), (Pages::One(2), None));
        assert_eq!(cite("P3の②の"), (Pages::One(3), None));
        assert_eq!(cite("P6 II-1-(2)-イの"), (Pages::One(6), None));
        assert_eq!(cite("P5の工程表の"), (Pages::One(5), None));
        assert_eq!(cite("P3の御指摘について、"), (Pages::None, None));
    }

    #[test]
    fn full_width_forms_read_alike() {
        assert_eq!(cite("Ｐ４、Ｐ１２の"), (each(&[4, 12]), None));
        assert_eq!(cite("（Ｐ４）"), (Pages::One(4), None));
        assert_eq!(cite("Ｐ６の５行目の"), (Pages::One(6), Some(5)));
        assert_eq!(cite("（Ｐ２７－２８）"), (Pages::Within(vec![27, 28]), None));
    }

    #[test]
    fn no_citation_unless_it_ends_the_context() {
        assert_eq!(cite("P4に記述したとおり、"), (Pages::None, None));
        assert_eq!(cite("御意見を踏まえ、"), (Pages::None, None));
        assert_eq!(cite("JP24では、"), (Pages::None, None));
        assert_eq!(cite("JP24の"), (Pages::None, None));
        assert_eq!(cite("第5回の議事内容欄の2行"), (Pages::None, None));
    }

    #[test]
    fn a_line_needs_one_page() {
        assert_eq!(cite("P4、P5の3行目の"), (each(&[4, 5]), None));
    }

    #[test]
    fn citations_out_of_range_carry_the_reason() {
        let t = |s: &str| cited_before(s).trouble.unwrap_or_else(|| panic!("{s}: no trouble"));
        assert!(t("P4294967296の").contains("page 4294967296, past the ledger's page range"));
        assert!(t("P0の").contains("page 0"));
        assert!(t("P5の0行目の").contains("lines count from 1"));
        assert!(t("(P28-27)").contains("runs backwards"));
        assert!(t("P1-99999の").contains("more than 1000 pages"));
        assert!(t("P3の99999999999999999999行目の").contains("past the ledger's range"));
        assert!(pages_in("P4294967296に追記します。").trouble.is_some());
        assert_eq!(cite("P4294967295の"), (Pages::One(u32::MAX), None));
    }

    #[test]
    fn pages_anywhere() {
        assert_eq!(
            pages_in("P7 下の図表の出典に関する御指摘について、貴見のとおり修正いたします。").pages,
            Pages::One(7)
        );
        assert_eq!(pages_in("Ｐ９に追記をいたします。").pages, Pages::One(9));
        assert_eq!(pages_in("JP24とURLを修正").pages, Pages::None);
        let s = pages_in("P5の3行目に追記します。");
        assert_eq!((s.pages, s.line), (Pages::One(5), Some(3)));
        assert_eq!(pages_in("P4とP9に追記します。").pages, each(&[4, 9]));
        assert_eq!(pages_in("本案P4等において").pages, Pages::None, "P4等 is P4 and other pages");
        assert_eq!(pages_in("「（Ｐ５図表１参照）」を削除します。").pages, Pages::None, "a quote cites nothing");
        let s = pages_in("P4の18行目に「P5図表1参照」とあるが、図表１はP4に掲載されている。");
        assert_eq!((s.pages, s.line), (Pages::One(4), Some(18)));
    }

    #[test]
    fn citations_in_order_with_their_lines() {
        let c = citations("・6ページの5行「あたって」と、15ページの最下行の6行上「当たって」");
        let got: Vec<(Pages, Option<i64>)> = c.into_iter().map(|s| (s.pages, s.line)).collect();
        assert_eq!(got, [(Pages::One(6), Some(5)), (Pages::One(15), Some(-7))]);
        let c = citations("92ページの第5回の議事内容欄の2行");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].pages.clone(), c[0].line), (Pages::One(92), None), "the 2行 counts in a table cell");
    }
}
