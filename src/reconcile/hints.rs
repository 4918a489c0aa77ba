//! What a `todo` points at: the text, the kind of change and the place its answer (or the
//! request) gives, read as clues for finding the change in the final.
//!
//! An answer that gives no text still says something: 「P5に追記をいたします」 is an insertion on
//! page 5; 「URLを修正いたします」 a change inside a URL, and the request often names the file
//! shown and the one meant (「(表示)～912345.pdf (リンク)～912354.pdf」); 「貴見のとおり修正いたし
//! ます」 is what the request asked (「「情報」は「情勢」の誤植」); 「「…の報告」に修正いたします」 gives
//! the new wording alone. The kind is read from the todo's note first (import writes the
//! answer's sentence there), then from the answer; the request's quotes and pairs are read as
//! import reads them.

use crate::document::PageNo;
use crate::import::{fragments, Fragment, Request};
use crate::ledger::{Decision, Scope, Todo};
use regex::Regex;
use std::sync::LazyLock;

/// Words that make an answer an insertion.
const INSERT_WORDS: [&str; 5] = ["追記", "追加", "加筆", "挿入", "書き加え"];
/// Words that make it a deletion.
const DELETE_WORDS: [&str; 2] = ["削除", "削る"];
/// Words that make it a change of a URL.
const URL_WORDS: [&str; 4] = ["URL", "ＵＲＬ", "url", "リンク"];

/// A file name as requests write them: 912345.pdf, 000690267.pdf.
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[0-9a-z_\-]+\.(?:pdf|html?|xlsx?|docx?|pptx?|csv|zip|txt)\b").expect("a valid pattern")
});

/// The kind of change a todo's words name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// 追記, 追加…: text goes in.
    Insertion,
    /// 削除: text goes out.
    Deletion,
    /// Anything else (修正, 変更, 貴見のとおり): text is replaced.
    Replacement,
}

/// Everything a todo and its decision give to look for.
#[derive(Debug, Clone)]
pub(super) struct Hints {
    pub kind: Kind,
    /// The answer says URL.
    pub url: bool,
    /// The new wording the answer gives.
    pub new: Option<String>,
    /// The changes the request asks for (「A」は「B」, 「A」→「B」).
    pub pairs: Vec<(String, String)>,
    /// The request's quotes.
    pub quotes: Vec<String>,
    /// The file names the request gives, in order.
    pub names: Vec<String>,
    /// The pages cited (the todo's scope; its line apart).
    pub pages: Vec<PageNo>,
    /// The line cited, when one page is.
    pub line: Option<i64>,
}

impl Hints {
    /// The hints of `todo` (with `scope`), an edit of `decision`.
    pub fn of(decision: &Decision, todo: &Todo, scope: &Scope) -> Hints {
        let words = [todo.note.as_str(), decision.response.as_deref().unwrap_or("")];
        let says = |list: &[&str]| {
            // The note's words first: an answer may hold other sentences with other verbs.
            let in_note = list.iter().any(|w| words[0].contains(w));
            in_note || (!any_kind(words[0]) && list.iter().any(|w| words[1].contains(w)))
        };
        let kind = if todo.after.is_some() || todo.before.is_some() || says(&INSERT_WORDS) {
            Kind::Insertion
        } else if says(&DELETE_WORDS) {
            Kind::Deletion
        } else {
            Kind::Replacement
        };
        let request = decision.request.as_deref().unwrap_or("");
        let asked = Request::new(request).asked;
        let quotes = fragments(request)
            .into_iter()
            .filter_map(|f| match f {
                Fragment::Quote(q) if !q.trim().is_empty() => Some(q.to_owned()),
                _ => None,
            })
            .collect();
        Hints {
            kind,
            url: says(&URL_WORDS),
            new: todo.new.clone().filter(|n| !n.trim().is_empty()),
            pairs: asked.into_iter().map(|(a, b)| (a.to_owned(), b.to_owned())).collect(),
            quotes,
            names: FILE_NAME.find_iter(request).map(|m| m.as_str().to_owned()).collect(),
            pages: scope.page_numbers().to_vec(),
            line: scope.line_number(),
        }
    }
}

/// Whether a text names any kind of change.
fn any_kind(s: &str) -> bool {
    INSERT_WORDS.iter().chain(&DELETE_WORDS).chain(&URL_WORDS).any(|w| s.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(request: &str, response: &str, note: &str) -> Hints {
        let d = Decision { request: Some(request.into()), response: Some(response.into()), ..Decision::default() };
        Hints::of(&d, &Todo::note(note), &Scope::pages(vec![3]))
    }

    #[test]
    fn the_ict2023_answers_that_give_no_text() {
        let h = hints(
            "",
            "御指摘を踏まえ、P9に追記をいたします。",
            "insert: the answer gives no text (御指摘を踏まえ、P9に追記をいたします。)",
        );
        assert_eq!((h.kind, h.url, h.pages.as_slice()), (Kind::Insertion, false, [PageNo::Number(3)].as_slice()));
        let h = hints(
            "参考資料の1つめのURLの記載が適切でない。 (表示)～867112.pdf (リンク)～000690267.pdf",
            "御意見を踏まえ、URLを修正いたします。",
            "replace: the answer gives no text (御意見を踏まえ、URLを修正いたします。)",
        );
        assert!(h.url && h.kind == Kind::Replacement);
        assert_eq!(h.names, ["867112.pdf", "000690267.pdf"]);
        let h = hints(
            "P3に「最近の国際情報の緊迫化」とありますが、「情報」は「情勢」の誤植かと思われます。",
            "P3の御指摘について、貴見のとおり修正いたします。",
            "",
        );
        assert_eq!(h.pairs, [("情報".to_owned(), "情勢".to_owned())]);
        assert_eq!(h.quotes, ["最近の国際情報の緊迫化", "情報", "情勢"]);
    }

    #[test]
    fn the_note_names_the_kind_before_the_answer() {
        let h = hints(
            "",
            "「A」を削除いたします。また、P5に追記をいたします。",
            "insert: the answer gives no text (また、P5に追記をいたします。)",
        );
        assert_eq!(h.kind, Kind::Insertion);
        let h = hints(
            "",
            "御指摘を踏まえ、以下のとおり追記いたします。「B」",
            "insert: the answer gives the text to insert but not where",
        );
        assert_eq!(h.kind, Kind::Insertion, "the note gives no sentence: the answer decides");
    }
}
