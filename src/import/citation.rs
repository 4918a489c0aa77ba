//! Page and line citations in an answer: where in the draft an edit applies.
//!
//! Answers cite pages as P4, Ｐ４, p.13, (P4), 6ページ, and lists of them (P4、P12、P46、P63の);
//! lines as 5行目 or 17行, and from the bottom as 最下行 (the last line), 最下行の6行上 (six lines
//! above the last line) or 下から3行目 (the third line from the bottom). Full-width and half-width
//! forms are read alike (NFKC). In the ledger a line counts from 1 at the top of its page and from
//! -1 at the bottom, so:
//!
//! | answer says   | line |
//! | ---           | ---  |
//! | 5行目, 5行    | 5    |
//! | 最下行        | -1   |
//! | 下から3行目   | -3   |
//! | 最下行の6行上 | -7   |
//!
//! 「御指摘を踏まえ、P6の5行目の」 cites page 6, line 5; 「（Ｐ１５）最下行の6行上の」 page 15,
//! line -7 (tests below).

use crate::ledger::{Count, Edit, Scope};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The pages (and the line, when one page is cited) an answer cites for an edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Citation {
    /// Pages cited, in the order written.
    pub pages: Vec<u32>,
    /// The line within the page, when exactly one page is cited (negative: from the bottom).
    pub line: Option<i64>,
}

impl Citation {
    /// The edit scoped as cited: `page` (and `line`) for one page, `pages` and `count` (one match
    /// per page) for several.
    pub fn apply_to(&self, edit: Edit) -> Edit {
        match self.pages.as_slice() {
            [] => edit,
            [page] => match self.line.and_then(|line| Scope::line(*page, line)) {
                Some(scope) => edit.with_scope(scope),
                None => edit.with_scope(Scope::pages(vec![*page])),
            },
            pages => edit.with_scope(Scope::pages(pages.to_vec())).with_count(Count::Exactly(pages.len())),
        }
    }
}

const SEP: &str = r"\s*(?:、|,|・|及び|および|並びに|ならびに|と)\s*";
const PAGE_P: &str = r"P\.?\s*[0-9]+";
const PAGE_J: &str = r"[0-9]+\s*(?:ページ|頁)目?";
const LINE: &str = r"最下行(?:の|から)\s*[0-9]+\s*行上|最下行|下から\s*[0-9]+\s*行目?|[0-9]+\s*行目?";

/// A citation right before a quote: pages, then perhaps a line, then の or に.
static CITED_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let p_list = format!("{PAGE_P}(?:{SEP}{PAGE_P})*");
    let j_list = format!("{PAGE_J}(?:{SEP}{PAGE_J})*");
    regex::Regex::new(&format!(
        r"(?i)(?:^|[^A-Za-z0-9])(?:\(\s*(?P<a>{p_list})\s*\)|(?P<b>{p_list})|(?P<c>{j_list}))\s*[のに、,]?\s*(?:(?P<line>{LINE})\s*[のに、,]?\s*)?$"
    ))
    .expect("the citation pattern is valid")
});

/// A page anywhere in a text.
static PAGE_ANYWHERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?:^|[^A-Za-z0-9])P\.?\s*([0-9]+)|([0-9]+)\s*(?:ページ|頁)")
        .expect("the page pattern is valid")
});

static NUMBER: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("[0-9]+").expect("the number pattern is valid"));

/// The citation that ends `context`, the text right before a quote ("P4、P12の", "(P4)",
/// "P6の5行目の"). Nothing is cited when the text before the quote ends otherwise.
pub(super) fn cited_before(context: &str) -> Citation {
    let text: String = context.nfkc().collect();
    let Some(caps) = CITED_BEFORE.captures(&text) else {
        return Citation::default();
    };
    let list = caps.name("a").or_else(|| caps.name("b")).or_else(|| caps.name("c")).map_or("", |m| m.as_str());
    let pages = numbers(list);
    let line = if pages.len() == 1 { caps.name("line").and_then(|m| line_number(m.as_str())) } else { None };
    Citation { pages, line }
}

/// Every page cited anywhere in `text` (no line), without repeats: for answers that promise an
/// edit without quoting it (「P9に追記をいたします」).
pub(super) fn pages_in(text: &str) -> Citation {
    let text: String = text.nfkc().collect();
    let mut pages = Vec::new();
    for caps in PAGE_ANYWHERE.captures_iter(&text) {
        let n = caps.get(1).or_else(|| caps.get(2)).and_then(|m| m.as_str().parse::<u32>().ok());
        if let Some(n) = n.filter(|n| *n > 0 && !pages.contains(n)) {
            pages.push(n);
        }
    }
    Citation { pages, line: None }
}

fn numbers(list: &str) -> Vec<u32> {
    let mut pages = Vec::new();
    for m in NUMBER.find_iter(list) {
        if let Some(n) = m.as_str().parse::<u32>().ok().filter(|n| *n > 0 && !pages.contains(n)) {
            pages.push(n);
        }
    }
    pages
}

/// The ledger's line for a citation: 5行目 → 5, 最下行 → -1, 下から3行目 → -3, 最下行の6行上 → -7.
fn line_number(cite: &str) -> Option<i64> {
    let n = NUMBER.find(cite).and_then(|m| m.as_str().parse::<i64>().ok());
    let line = if cite.starts_with("最下行") {
        -(n.unwrap_or(0) + 1)
    } else if cite.starts_with("下から") {
        -(n?)
    } else {
        n?
    };
    (line != 0).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(s: &str) -> (Vec<u32>, Option<i64>) {
        let s = cited_before(s);
        (s.pages, s.line)
    }

    #[test]
    fn citations_right_before_a_quote() {
        assert_eq!(cite("御指摘を踏まえ、P6の5行目の"), (vec![6], Some(5)));
        assert_eq!(cite("（Ｐ１５）最下行の6行上の"), (vec![15], Some(-7)));
    }

    #[test]
    fn page_lists_and_lines() {
        assert_eq!(cite("御指摘を踏まえ、P4、P12、P46、P63の"), (vec![4, 12, 46, 63], None));
        assert_eq!(cite("に、P12の17行目の"), (vec![12], Some(17)));
        assert_eq!(cite("・(P4)"), (vec![4], None));
        assert_eq!(cite("p.73及びp.79の"), (vec![73, 79], None));
        assert_eq!(cite("6ページの5行"), (vec![6], Some(5)));
        assert_eq!(cite("15ページの最下行の"), (vec![15], Some(-1)));
        assert_eq!(cite("P15の下から3行目の"), (vec![15], Some(-3)));
        assert_eq!(cite("P15の最下行から9行上の"), (vec![15], Some(-10)));
    }

    #[test]
    fn full_width_forms_read_alike() {
        assert_eq!(cite("Ｐ４、Ｐ１２の"), (vec![4, 12], None));
        assert_eq!(cite("（Ｐ４）"), (vec![4], None));
        assert_eq!(cite("Ｐ６の５行目の"), (vec![6], Some(5)));
    }

    #[test]
    fn no_citation_unless_it_ends_the_context() {
        assert_eq!(cite("P4に記述したとおり、"), (vec![], None));
        assert_eq!(cite("御意見を踏まえ、"), (vec![], None));
        assert_eq!(cite("JP24では、"), (vec![], None));
        assert_eq!(cite("JP24の"), (vec![], None));
        assert_eq!(cite("第5回の議事内容欄の2行"), (vec![], None));
    }

    #[test]
    fn a_line_needs_one_page() {
        assert_eq!(cite("P4、P5の3行目の"), (vec![4, 5], None));
    }

    #[test]
    fn pages_anywhere() {
        assert_eq!(pages_in("P7 下の図表の出典に関する御指摘について、貴見のとおり修正いたします。").pages, [7]);
        assert_eq!(pages_in("Ｐ９に追記をいたします。").pages, [9]);
        assert_eq!(pages_in("JP24とURLを修正").pages, Vec::<u32>::new());
    }

    #[test]
    fn scope_on_an_edit() {
        let edit = Edit::replace("a", "b").unwrap();
        let e = Citation { pages: vec![4, 12], line: None }.apply_to(edit.clone());
        assert_eq!((e.scope(), e.count()), (&Scope::pages(vec![4, 12]), Count::Exactly(2)));
        let e = Citation { pages: vec![6], line: Some(5) }.apply_to(edit);
        assert_eq!((e.scope(), e.count()), (&Scope::line(6, 5).unwrap(), Count::Exactly(1)));
    }
}
