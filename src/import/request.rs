//! What the comment (the request) says, for the edits whose answer leaves something out.
//!
//! The answer is the ministry's promise; the request is the commenter's words. Import takes from
//! the request only what the answer does not say and the request ties to it: the changes it asks
//! for (「X」は「Y」の誤記, as a suggestion in a todo's note), and the page (and line) it cites
//! when the answer cites none (ICT2023 No. 34: 「92ページの第5回の議事内容欄の2行「取りまとめ…」」
//! puts the edit on page 92). A citation is tied to an edit when it stands in the clause of a
//! request quote that the edit also quotes; failing that, when it is the only page the request
//! cites. P4等 (P4 and others) names no scope. A line is taken only when it is the page's line
//! (6ページの5行); 「92ページの第5回の議事内容欄の2行」 counts lines in a table cell, so only the
//! page is taken.
//!
//! For No. 34, whose answer gives only 「とりまとめ骨子（案）について」, the request ties page 92 to
//! that quote (tests below).

use super::citation::{citations, merged, Citation, Pages};
use super::quote::{fragments, outside_quotes, Fragment};
use crate::keyed::Map;

const ARROWS: [&str; 5] = ["→", "⇒", "->", "=>", "➡"];

/// What one request offers, read once (a row's edits all look it up, so a long request is not
/// read again for each of them).
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// The changes the commenter asks for: 「X」は「Y」, 「X」を「Y」, 「X」→「Y」.
    pub asked: Vec<(&'a str, &'a str)>,
    /// The same, as a todo's note writes them: 「X」→「Y」, 「Z」→「W」.
    pub asked_note: String,
    /// For each quote of the request, the last citation in its clause.
    tied: Map<&'a str, Citation>,
    /// The request's only page, when it cites exactly one.
    only: Option<Citation>,
}

impl<'a> Request<'a> {
    /// Read a request.
    pub fn new(request: &'a str) -> Request<'a> {
        let p = fragments(request);
        let asked: Vec<(&str, &str)> = p
            .windows(3)
            .filter_map(|w| match w {
                [Fragment::Quote(x), Fragment::Text(t), Fragment::Quote(y)] if x != y => {
                    let t = t.trim();
                    (t == "は" || t == "を" || ARROWS.contains(&t)).then_some((*x, *y))
                }
                _ => None,
            })
            .collect();
        let mut tied = Map::default();
        let mut clause = String::new();
        for piece in &p {
            match piece {
                Fragment::Text(t) => {
                    let start =
                        t.rfind(['。', '・', '\n']).map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
                    if start > 0 {
                        clause.clear();
                    }
                    clause.push_str(&t[start..]);
                }
                Fragment::Quote(q) => {
                    if !tied.contains_key(q) {
                        if let Some(s) = citations(&clause).pop().filter(|s| s.trouble.is_none()) {
                            tied.insert(*q, s);
                        }
                    }
                    clause.push_str("「」");
                }
            }
        }
        let all = merged(citations(&outside_quotes(request)));
        let only = (matches!(all.pages, Pages::One(_)) && all.trouble.is_none()).then_some(all);
        let asked_note = asked.iter().map(|(x, y)| format!("「{x}」→「{y}」")).collect::<Vec<_>>().join(", ");
        Request { asked, asked_note, tied, only }
    }

    /// The X of a requested 「X」→「NEW」.
    pub fn suggested_old(&self, new: &str) -> Option<&'a str> {
        self.asked.iter().find(|(_, y)| *y == new).map(|(x, _)| *x)
    }

    /// The scope the request cites for an edit quoting `quotes`: the last citation in the clause
    /// of a request quote equal to one of them, or else the request's only page. `None` when the
    /// request ties no page to the edit (or cites one that cannot be a scope).
    pub fn cited_for(&self, quotes: &[&str]) -> Option<Citation> {
        quotes.iter().find_map(|q| self.tied.get(q)).or(self.only.as_ref()).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The changes a request asks for (see [`Request::asked`]).
    fn requested(request: &str) -> Vec<(&str, &str)> {
        Request::new(request).asked
    }

    /// The scope `request` cites for an edit quoting `quotes` (see [`Request::cited_for`]).
    fn cited_for(request: &str, quotes: &[&str]) -> Option<Citation> {
        Request::new(request).cited_for(quotes)
    }

    #[test]
    fn a_citation_in_the_clause_of_the_quote() {
        let r = "・6ページの5行「あたって」と、15ページの最下行の6行上「当たって」とは、どちらかに字句を統一したほうがよい。 ・12ページの17行「更に、」";
        let s = cited_for(r, &["当たって"]).unwrap();
        assert_eq!((s.pages, s.line), (Pages::One(15), Some(-7)));
        let s = cited_for(r, &["あたって"]).unwrap();
        assert_eq!((s.pages, s.line), (Pages::One(6), Some(5)));
        let s = cited_for(r, &["更に、"]).unwrap();
        assert_eq!((s.pages, s.line), (Pages::One(12), Some(17)));
        assert_eq!(cited_for(r, &["無関係"]), None, "three pages and no tie: no choice");
    }

    #[test]
    fn the_only_page_of_the_request() {
        let r = "3つめ、4つめのURLの記載が適切でなく、クリックしても適切なファイルが開かない。 P59 記載されているURLとリンクされているURLとが異なる。 (表示)～867112.pdf (リンク)～000690267.pdf";
        assert_eq!(cited_for(r, &[]).map(|s| s.pages), Some(Pages::One(59)));
        assert_eq!(cited_for("本案P4等において「設置し」た旨が記載されている", &[]), None, "P4等 is no scope");
        assert_eq!(cited_for("P4294967296の「A」", &["A"]), None, "a citation out of range is no scope");
    }

    #[test]
    fn changes_the_commenter_asks_for() {
        let r = "「情報」は「情勢」の誤植かと思われます。「A」→「B」";
        assert_eq!(requested(r), [("情報", "情勢"), ("A", "B")]);
        assert_eq!(Request::new(r).suggested_old("情勢"), Some("情報"));
    }
}
