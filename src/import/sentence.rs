//! One sentence of an answer read for its edits: the pairs of quotes and the words between them.
//!
//! [`extract`](super::extract) cuts an answer into sentences and tells which promise a change;
//! here each sentence's quotes are matched against the phrasings ministries write: 「A」を「B」に
//! (and 「A」は「B」に, 「A」とあるのを「B」に), 「A」→「B」, 「A」を削除, 「A」の後に「B」を追記,
//! 「B」に修正 (the new text alone, a todo), each scoped by the citation right before its first
//! quote.
//!
//! 「「A」とあるのを「B」に修正いたします。」 gives `old = "A"`, `new = "B"` (tests in `extract`).

use super::citation::{cited_before, Citation};
use super::classify::Kind;
use super::drafted::Drafted;
use super::quote::Fragment;
use super::request::Request;
use std::sync::LazyLock;

/// An edit found in a sentence, and whether it was written with an arrow.
pub(super) struct Found {
    pub(super) edit: Drafted,
    pub(super) arrow: bool,
}

const ARROWS: [&str; 5] = ["→", "⇒", "->", "=>", "➡"];

/// What may join 「A」 and 「B」 in 「A」を「B」に修正: を, and the forms that name the old
/// text first (は, については, とあるのを, との記載を).
const JOINS: [&str; 14] = [
    "を",
    "を、",
    "は",
    "は、",
    "については",
    "については、",
    "について",
    "とあるのを",
    "とあるところを",
    "とある部分を",
    "との記載を",
    "という記載を",
    "の記載を",
    "の表現を",
];

/// After 「A」は「B」: に/と/へ and a verb of editing, or に、 before the next pair.
static TO_VERB: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:に|と|へ)(?:、|，|,)?\s*(?:それぞれ)?(?:修正|訂正|変更|改め|置き換え|置換|書き換え|書き改め|統一|直し|記載を改め|記述を改め|表記を改め)")
        .expect("the verb pattern is valid")
});

/// Read one sentence for pairs and quotes. Quotes from index `bare_from` on that fit no pattern
/// are new wording (the sentence, or one before it, points ahead to them).
pub(super) fn patterns(s: &[Fragment], kind: Kind, bare_from: Option<usize>, request: &Request) -> Vec<Found> {
    let text = |i: usize| s.get(i).and_then(Fragment::text).unwrap_or("");
    let quote = |i: usize| s.get(i).and_then(Fragment::quote);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(a) = quote(i) else {
            i += 1;
            continue;
        };
        let scope = cited_before(if i > 0 { text(i - 1) } else { "" });
        let between = text(i + 1).trim();
        let next = quote(i + 2);
        let tail = text(i + 3).trim_start();
        let joined_by_wo = matches!(between, "を" | "を、");
        let next_pair = quote(i + 4).is_some() && ["に、", "と、", "へ、", "に,"].contains(&tail.trim());
        let names_old = JOINS.contains(&between) && (joined_by_wo || TO_VERB.is_match(tail) || next_pair);
        if let (Some(b), true) = (next, ARROWS.contains(&between)) {
            out.push(Found { edit: replace(a, b, &scope), arrow: true });
            i += 3;
        } else if let (Some(b), true, true) = (next, names_old, tail.starts_with(['に', 'と', 'へ'])) {
            out.push(Found { edit: replace(a, b, &scope), arrow: false });
            i += 3;
        } else if let (Some(b), Some(after), true) = (next, insert_side(between), starts_with_insert(tail)) {
            out.push(Found { edit: checked(Drafted::insert(a, after, b, scope)), arrow: false });
            i += 3;
        } else if between.starts_with("を削除") {
            out.push(Found { edit: replace(a, "", &scope), arrow: false });
            i += 2;
        } else if ["に", "と", "へ"].iter().any(|p| {
            between.strip_prefix(p).is_some_and(|v| ["修正", "訂正", "変更", "改め"].iter().any(|w| v.starts_with(w)))
        }) {
            out.push(Found { edit: new_only(Kind::Replace, a, scope, request), arrow: false });
            i += 2;
        } else if starts_with_insert(between) {
            out.push(Found { edit: new_only(Kind::Insert, a, scope, request), arrow: false });
            i += 2;
        } else if bare_from.is_some_and(|from| i >= from) {
            out.push(Found { edit: new_only(kind, a, scope, request), arrow: false });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// の後に → after (true), の前に → before (false).
fn insert_side(between: &str) -> Option<bool> {
    match between {
        "の後に" | "のあとに" | "の次に" | "の直後に" | "に続けて" => Some(true),
        "の前に" | "の直前に" => Some(false),
        _ => None,
    }
}

fn starts_with_insert(text: &str) -> bool {
    ["を追記", "を追加", "を加筆", "を挿入", "を加え"].iter().any(|p| text.starts_with(p))
}

/// 「A」→「B」, marked todo when a quote omits words.
pub(super) fn replace(old: &str, new: &str, scope: &Citation) -> Drafted {
    checked(Drafted::replace(old, new, scope.clone()))
}

/// Mark the edit todo when its quotes cannot be matched as written.
fn checked(mut edit: Drafted) -> Drafted {
    let quotes = [&edit.old, &edit.new, &edit.after, &edit.before];
    if quotes.iter().any(|q| q.as_deref().is_some_and(omits)) {
        edit.todo = Some("a quote omits words (…): write out the text in full".into());
    }
    edit
}

/// Whether a quote leaves words out.
fn omits(quote: &str) -> bool {
    ["…", "‥", "・・・", "...", "中略", "（略）", "(略)"].iter().any(|m| quote.contains(m))
}

/// A todo edit carrying the only wording the answer gives.
fn new_only(kind: Kind, new: &str, scope: Citation, request: &Request) -> Drafted {
    let mut note = match kind {
        Kind::Insert => "insert: the answer gives the text to insert but not where".to_owned(),
        _ => "replace: the answer gives only the new text; `old` is not given".to_owned(),
    };
    if omits(new) {
        note.push_str("; the new text omits words (…)");
    }
    if let Some(old) = request.suggested_old(new) {
        note.push_str(&format!(" (the request suggests old = 「{old}」)"));
    }
    Drafted { new: Some(new.to_owned()), ..Drafted::todo(note, scope) }
}
