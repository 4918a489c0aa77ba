//! From the phrasings answers really use to edits.
//!
//! Each sentence that promises a change (see `classify`) is read for the
//! patterns ministries write:
//!
//! - 「A」を「B」に修正 (or と修正, へ修正; several pairs: 「A」を「B」に、「C」を「D」に修正)
//! - 「A」→「B」, which is itself a promise even without a verb
//! - 「A」を削除; 「A」の後に「B」を追記 (or の前に)
//! - a page or line cited right before the first quote: P4、P12の…, P6の5行目の…, (P4)…
//!   (see `citation`)
//!
//! What the answer does not spell out becomes an edit marked `todo` that carries what is known:
//! 「B」に修正 gives `new` only; 「P9に追記をいたします」 gives the page only; a quote that
//! omits words (…, ・・・, 中略) cannot be matched as written. A promise that points ahead
//! (以下のように修正させていただきます) takes the quotes that follow as new wording. Import never
//! invents text: every `old` and `new` is a quote of the answer, character for character.
//!
//! Every edit made is a valid one: when the quotes do not make an edit (the same text twice, an
//! empty quote), it is a `todo` carrying them, so the ledger written always reads back.
//! 「御指摘を踏まえ、P4、P12の「設置」を「開催」に修正いたします。」 gives `old = "設置"`,
//! `new = "開催"`, `pages = [4, 12]`, `count = 2` (tests below).

use super::citation::{cited_before, pages_in, Citation};
use super::classify::{promise_in_text, Kind};
use super::quote::{fragments, sentences, Fragment};
use crate::ledger::{Action, Count, Edit, LedgerProblem, Scope, Side, Todo};

/// The edits an answer promises, in the order written; empty when it promises none.
/// `request`, the comment answered, is only read to suggest (in a todo note) what the answer
/// leaves out.
pub(super) fn edits(response: &str, request: Option<&str>) -> Vec<Edit> {
    let all = fragments(response);
    let mut out = Vec::new();
    // A promise that points ahead (以下のように修正します): its kind, its sentence, and whether
    // the sentences after it have given any text yet.
    let mut ahead: Option<(Kind, String, bool)> = None;
    for sentence in sentences(&all) {
        let verb_at = sentence.iter().position(|p| p.text().and_then(promise_in_text).is_some());
        let kind = verb_at.and_then(|i| sentence[i].text().and_then(promise_in_text));
        let bare_from = match (kind, &ahead) {
            (_, Some(_)) => Some(0),
            (Some(_), None) if points_ahead(&sentence) => verb_at.map(|i| i + 1),
            _ => None,
        };
        let kind_here = kind.or(ahead.as_ref().map(|a| a.0));
        let found = patterns(&sentence, kind_here.unwrap_or(Kind::Replace), bare_from, request);
        let arrows = found.iter().any(|f| f.arrow);
        if !found.is_empty() && (kind_here.is_some() || arrows) {
            out.extend(found.into_iter().map(|f| f.edit));
            if let Some(a) = &mut ahead {
                a.2 = true;
            }
            continue;
        }
        if let Some((kind, text, false)) = ahead.take() {
            out.push(untold_text(kind, &text));
        }
        if let Some(kind) = kind {
            if points_ahead(&sentence) {
                ahead = Some((kind, joined(&sentence), false));
            } else {
                out.push(untold(kind, &sentence, request));
            }
        }
    }
    if let Some((kind, text, false)) = ahead {
        out.push(untold_text(kind, &text));
    }
    out
}

/// An edit found in a sentence, and whether it was written with an arrow.
struct Found {
    edit: Edit,
    arrow: bool,
}

const ARROWS: [&str; 5] = ["→", "⇒", "->", "=>", "➡"];

/// Read one sentence for pairs and quotes. Quotes from index `bare_from` on that fit no pattern
/// are new wording (the sentence, or one before it, points ahead to them).
fn patterns(s: &[Fragment], kind: Kind, bare_from: Option<usize>, request: Option<&str>) -> Vec<Found> {
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
        if let (Some(b), true) = (next, ARROWS.contains(&between)) {
            out.push(Found { edit: replace(a, b, &scope), arrow: true });
            i += 3;
        } else if let (Some(b), "を" | "を、", true) = (next, between, tail.starts_with(['に', 'と', 'へ'])) {
            out.push(Found { edit: replace(a, b, &scope), arrow: false });
            i += 3;
        } else if let (Some(b), Some(side), true) = (next, insert_side(between), starts_with_insert(tail)) {
            let insert = Action::Insert { anchor: a.to_owned(), side, new: b.to_owned() };
            out.push(Found { edit: checked(insert, &scope), arrow: false });
            i += 3;
        } else if between.starts_with("を削除") {
            out.push(Found { edit: replace(a, "", &scope), arrow: false });
            i += 2;
        } else if ["に", "と", "へ"].iter().any(|p| {
            between.strip_prefix(p).is_some_and(|v| ["修正", "訂正", "変更", "改め"].iter().any(|w| v.starts_with(w)))
        }) {
            out.push(Found { edit: new_only(Kind::Replace, a, &scope, request), arrow: false });
            i += 2;
        } else if starts_with_insert(between) {
            out.push(Found { edit: new_only(Kind::Insert, a, &scope, request), arrow: false });
            i += 2;
        } else if bare_from.is_some_and(|from| i >= from) {
            out.push(Found { edit: new_only(kind, a, &scope, request), arrow: false });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// の後に → after, の前に → before.
fn insert_side(between: &str) -> Option<Side> {
    match between {
        "の後に" | "のあとに" | "の次に" | "の直後に" | "に続けて" => Some(Side::After),
        "の前に" | "の直前に" => Some(Side::Before),
        _ => None,
    }
}

fn starts_with_insert(text: &str) -> bool {
    ["を追記", "を追加", "を加筆", "を挿入", "を加え"].iter().any(|p| text.starts_with(p))
}

/// Whether a sentence points ahead to the wording (以下のように, 次のとおり, 下記のとおり).
fn points_ahead(sentence: &[Fragment]) -> bool {
    sentence
        .iter()
        .filter_map(Fragment::text)
        .any(|t| ["以下", "下記", "次のとおり", "次のように"].iter().any(|w| t.contains(w)))
}

/// 「A」→「B」: exact, unless a quote omits words or changes nothing.
fn replace(old: &str, new: &str, citation: &Citation) -> Edit {
    checked(Action::Replace { old: old.to_owned(), new: new.to_owned() }, citation)
}

/// The edit, scoped as cited; a todo carrying its quotes when they cannot be matched as written
/// or do not make an edit.
fn checked(action: Action, citation: &Citation) -> Edit {
    let quotes = match &action {
        Action::Replace { old, new } => [old.as_str(), new.as_str()],
        Action::Insert { anchor, new, .. } => [anchor.as_str(), new.as_str()],
        Action::Todo(_) => ["", ""],
    };
    let edit = if quotes.iter().any(|q| omits(q)) {
        Edit::todo(action.into_todo("a quote omits words (…): write out the text in full"))
    } else {
        match action.check() {
            Ok(()) => Edit::new(action, Scope::default(), Count::default()).expect("the action was checked"),
            Err(LedgerProblem::NothingChanges) => {
                Edit::todo(action.into_todo("the answer gives the same text twice: check the draft"))
            }
            Err(_) => Edit::todo(action.into_todo("a quote of the answer is empty: check the draft")),
        }
    };
    citation.apply_to(edit)
}

/// Whether a quote leaves words out.
fn omits(quote: &str) -> bool {
    ["…", "‥", "・・・", "...", "中略", "（略）", "(略)"].iter().any(|m| quote.contains(m))
}

/// A todo edit carrying the only wording the answer gives.
fn new_only(kind: Kind, new: &str, citation: &Citation, request: Option<&str>) -> Edit {
    let mut note = match kind {
        Kind::Insert => "insert: the answer gives the text to insert but not where".to_owned(),
        _ => "replace: the answer gives only the new text; `old` is not given".to_owned(),
    };
    if omits(new) {
        note.push_str("; the new text omits words (…)");
    }
    if let Some(old) = request.and_then(|r| suggested_old(r, new)) {
        note.push_str(&format!(" (the request suggests old = 「{old}」)"));
    }
    citation.apply_to(Edit::todo(Todo { note, new: Some(new.to_owned()), ..Todo::default() }))
}

/// In a request, 「X」は「Y」… or 「X」を「Y」… or 「X」→「Y」: the changes the commenter asks for.
fn requested(request: &str) -> Vec<(&str, &str)> {
    let p = fragments(request);
    p.windows(3)
        .filter_map(|w| match w {
            [Fragment::Quote(x), Fragment::Text(t), Fragment::Quote(y)] if x != y => {
                let t = t.trim();
                (t == "は" || t == "を" || ARROWS.contains(&t)).then_some((*x, *y))
            }
            _ => None,
        })
        .collect()
}

/// The X of a requested 「X」→「NEW」.
fn suggested_old<'a>(request: &'a str, new: &str) -> Option<&'a str> {
    requested(request).into_iter().find(|(_, y)| *y == new).map(|(x, _)| x)
}

/// A todo edit for a promise whose text the answer does not give: the pages it cites, and the
/// sentence itself as the note, with the changes the request asks for as suggestions.
fn untold(kind: Kind, sentence: &[Fragment], request: Option<&str>) -> Edit {
    let text = joined(sentence);
    let mut note = untold_note(kind, &text);
    let asked: Vec<String> =
        request.map(requested).unwrap_or_default().iter().map(|(x, y)| format!("「{x}」→「{y}」")).collect();
    if !asked.is_empty() {
        note.push_str(&format!("; the request suggests {}", asked.join(", ")));
    }
    pages_in(&text).apply_to(Edit::todo(Todo::note(note)))
}

fn untold_text(kind: Kind, sentence: &str) -> Edit {
    Edit::todo(Todo::note(untold_note(kind, sentence)))
}

fn untold_note(kind: Kind, sentence: &str) -> String {
    format!("{kind}: the answer gives no text ({})", sentence.trim())
}

/// A sentence as written, quotes in their brackets.
fn joined(sentence: &[Fragment]) -> String {
    sentence
        .iter()
        .map(|p| match p {
            Fragment::Text(t) => (*t).to_owned(),
            Fragment::Quote(q) => format!("「{q}」"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(old: &str, new: &str) -> Edit {
        Edit::replace(old, new).unwrap()
    }

    fn on_page(e: Edit, page: u32) -> Edit {
        e.with_scope(Scope::pages(vec![page]))
    }

    fn on_line(e: Edit, page: u32, line: i64) -> Edit {
        e.with_scope(Scope::line(page, line).unwrap())
    }

    fn todo(e: &Edit) -> &Todo {
        e.as_todo().unwrap_or_else(|| panic!("not a todo: {e:?}"))
    }

    fn page(e: &Edit) -> Option<u32> {
        e.scope().page_numbers().first().and_then(|p| p.number())
    }

    #[test]
    fn a_pair_with_its_pages() {
        let e = edits("御指摘を踏まえ、P4、P12の「設置」を「開催」に修正いたします。", None);
        assert_eq!(e, [edit("設置", "開催").with_scope(Scope::pages(vec![4, 12])).with_count(Count::Exactly(2))]);
    }

    #[test]
    fn quotes_that_make_no_edit_are_todo() {
        let e = edits("「設置」を「設置」に修正いたします。", None);
        assert_eq!(todo(&e[0]).note, "the answer gives the same text twice: check the draft");
        assert_eq!((todo(&e[0]).old.as_deref(), todo(&e[0]).new.as_deref()), (Some("設置"), Some("設置")));
        let e = edits("「」を「開催」に修正いたします。", None);
        assert_eq!(todo(&e[0]).note, "a quote of the answer is empty: check the draft");
    }

    #[test]
    fn a_pair_with_to_and_he() {
        assert_eq!(edits("「A」を「B」と修正します。", None), [edit("A", "B")]);
        assert_eq!(edits("「A」を「B」へ修正いたします。", None), [edit("A", "B")]);
        assert_eq!(
            edits("御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を「大手自動車メーカーが利用するクラウドサービス」に修正いたします。", None),
            [edit("大手自動車メーカーが利用するSaaSサービス", "大手自動車メーカーが利用するクラウドサービス")]
        );
    }

    #[test]
    fn several_pairs_with_pages_and_lines() {
        let e = edits("御指摘を踏まえ、P6の5行目の「あたって」を「当たって」に、P12の17行目の「更に、」を「さらに、」に修正いたします。", None);
        let first = on_line(edit("あたって", "当たって"), 6, 5);
        let second = on_line(edit("更に、", "さらに、"), 12, 17);
        assert_eq!(e, [first, second]);
        let e = edits("「A」を「B」に、「C」を「D」に修正いたします。", None);
        assert_eq!(e, [edit("A", "B"), edit("C", "D")]);
    }

    #[test]
    fn page_lists_count_one_match_per_page() {
        let e = edits("御指摘を踏まえ、P4、P12、P46、P63の「設置」を「開催」に修正いたします。", None);
        assert_eq!(
            e,
            [edit("設置", "開催").with_scope(Scope::pages(vec![4, 12, 46, 63])).with_count(Count::Exactly(4))]
        );
    }

    #[test]
    fn full_width_citations_and_arrows() {
        let e = edits("（Ｐ４）「AI化」→「AI（人工知能）化」", None);
        assert_eq!(e, [on_page(edit("AI化", "AI（人工知能）化"), 4)]);
        let e = edits("Ｐ１５の最下行の６行上の「当たって」を「あたって」に修正します。", None);
        assert_eq!(e, [on_line(edit("当たって", "あたって"), 15, -7)]);
    }

    #[test]
    fn delete_and_insert() {
        assert_eq!(edits("P3の「なお、」を削除いたします。", None), [on_page(edit("なお、", ""), 3)]);
        let e = edits("「高い状況にある。」の後に「また、」を追記します。", None);
        assert_eq!(e, [Edit::insert(Side::After, "高い状況にある。", "また、").unwrap()]);
    }

    #[test]
    fn promises_without_text_are_todo_with_what_is_known() {
        let e = edits("御指摘を踏まえ、P9に追記をいたします。", None);
        assert_eq!(e.len(), 1);
        assert_eq!(page(&e[0]), Some(9));
        assert_eq!(todo(&e[0]).note, "insert: the answer gives no text (御指摘を踏まえ、P9に追記をいたします。)");
        let e = edits("P7 下の図表の出典に関する御指摘について、貴見のとおり修正いたします。", Some("P7 下のグラフ 「令和4年における…情報等について」と記載されていますが「情報」は「情勢」の誤植かと思われます。"));
        assert_eq!(page(&e[0]), Some(7));
        assert!(todo(&e[0]).note.ends_with("修正いたします。); the request suggests 「情報」→「情勢」"), "{e:?}");
        let e = edits("御意見を踏まえ、URLを修正いたします。", None);
        assert_eq!((e.len(), page(&e[0]), todo(&e[0]).old.is_none()), (1, None, true));
        assert!(todo(&e[0]).note.starts_with("replace: the answer gives no text"), "{e:?}");
    }

    #[test]
    fn only_the_new_text_is_todo_carrying_new() {
        let e = edits(
            "御意見を踏まえ、「とりまとめ骨子（案）について」に修正いたします。",
            Some("2行「取りまとめ骨子（案）について」は「とりまとめ骨子（案）について」の誤記か？"),
        );
        assert_eq!(e.len(), 1);
        assert_eq!(
            (todo(&e[0]).old.as_deref(), todo(&e[0]).new.as_deref()),
            (None, Some("とりまとめ骨子（案）について"))
        );
        let note = &todo(&e[0]).note;
        assert!(note.contains("the request suggests old = 「取りまとめ骨子（案）について」"), "{note}");
    }

    #[test]
    fn thanks_then_a_promise_pointing_ahead() {
        let e = edits("賛同の御意見として承ります。なお、以下のように修正させていただきます。「…関係府省庁や地方公共団体及び民間企業等と連携し…」", None);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(todo(&e[0]).new.as_deref(), Some("…関係府省庁や地方公共団体及び民間企業等と連携し…"));
        assert!(todo(&e[0]).note.contains("omits words"), "{e:?}");
        let e = edits("以下のとおり修正いたします。\n(P4)「AI化」→「AI（人工知能）化」\n(P5)「IoT」→「IoT機器」", None);
        assert_eq!(e, [on_page(edit("AI化", "AI（人工知能）化"), 4), on_page(edit("IoT", "IoT機器"), 5)]);
    }

    #[test]
    fn an_ellipsis_in_a_pair_keeps_both_quotes_as_todo() {
        let e = edits(
            "御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を「…クラウドサービス」に修正いたします。",
            None,
        );
        assert_eq!(todo(&e[0]).old.as_deref(), Some("大手自動車メーカーが利用するSaaSサービス"));
        assert_eq!(todo(&e[0]).new.as_deref(), Some("…クラウドサービス"));
    }

    #[test]
    fn quotes_in_answers_that_promise_nothing_are_not_edits() {
        assert!(edits(
            "御意見については、参考として承ります。なお、P23に記述したとおり、「引き続き…」としており",
            None
        )
        .is_empty());
        assert!(edits("「A」を「B」に修正すべきとの御意見ですが、原案のとおりとします。", None).is_empty());
    }
}
