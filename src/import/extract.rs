//! From the phrasings answers really use to edits.
//!
//! Each sentence that promises a change (see [`classify`](super::classify)) is read for the
//! patterns ministries write:
//!
//! - 「A」を「B」に修正 (or と修正, へ修正; several pairs: 「A」を「B」に、「C」を「D」に修正)
//! - 「A」は「B」に修正しました (also 「A」については「B」に, 「A」とあるのを「B」に)
//! - 「A」→「B」, which is itself a promise even without a verb
//! - 【修正前】「A」【修正後】「B」 and 修正前：/修正後： on lines (see [`pairs`](super::pairs)),
//!   promises by themselves too
//! - 「A」を削除; 「A」の後に「B」を追記 (or の前に)
//! - a page or line cited right before the first quote: P4、P12の…, P6の5行目の…, (P4)…,
//!   P2において…, (P27-28)… (see [`scope`](super::scope))
//!
//! What the answer does not spell out becomes an edit marked `todo` that carries what is known:
//! 「B」に修正 gives `new` only; 「P9に追記をいたします」 gives the page only; a quote that
//! omits words (…, ・・・, 中略) cannot be matched as written. A promise that points ahead
//! (以下のように修正させていただきます) takes the quotes that follow as new wording. When the
//! answer cites no page at all, the page (and line) the request ties to the edit is taken
//! (see [`request`](super::request)). Import never invents text: every `old` and `new` is a
//! quote of the answer, character for character.
//!
//! 「御指摘を踏まえ、P4、P12の「設置」を「開催」に修正いたします。」 gives `old = "設置"`,
//! `new = "開催"` on each of pages 4 and 12 (tests below).

use super::citation::{cited_before, pages_in, Citation};
use super::classify::{promise_in_text, Kind};
use super::drafted::Drafted;
use super::pairs::{split, Unit};
use super::quote::{fragments, sentences, Fragment};
use super::request::Request;
use super::sentence::{patterns, replace};

/// The edits an answer promises, in the order written; empty when it promises none.
/// `request`, the comment answered, is read only for what the answer leaves out: the old text
/// it suggests (in a todo's note) and the page it cites when the answer cites none.
pub fn edits(response: &str, request: Option<&str>) -> Vec<Drafted> {
    read(response, request, false)
}

/// The edits an answer states when the table marks it as changing the draft (修正の有無 = 有)
/// but import reads no promise in it (「「A」を「B」といたしました」): its quoted pairs, read as
/// if it had a verb of editing, each left todo (with `old`, `new` and the scope as found) for a
/// person to confirm; or, when it quotes none, one todo with the pages it cites.
pub fn marked(response: &str, request: Option<&str>) -> Vec<Drafted> {
    let mut found = read(response, request, true);
    let why = "the table marks 修正の有無 = 有, but the answer's wording is not one import reads";
    for d in &mut found {
        d.todo = Some(match d.todo.take() {
            Some(t) => format!("{why}; {t}"),
            None => format!("{why}: check this edit, then remove the todo"),
        });
    }
    if found.is_empty() {
        found.push(marked_untold(response, request));
    }
    found
}

fn read(response: &str, request: Option<&str>, assume: bool) -> Vec<Drafted> {
    let request = request.map(Request::new).unwrap_or_default();
    let mut reader = Reader { request: &request, out: Vec::new(), ahead: None, assume };
    for unit in split(response) {
        match unit {
            Unit::Text(text) => {
                let all = fragments(text);
                for sentence in sentences(&all) {
                    reader.sentence(&sentence);
                }
            }
            Unit::Pair { old, new, context, multiline_new } => reader.pair(old, new, context, multiline_new),
        }
    }
    let mut out = reader.finish();
    if pages_in(response).is_empty() {
        for d in out.iter_mut().filter(|d| d.scope.is_empty()) {
            let mut quotes: Vec<&str> =
                [&d.old, &d.new, &d.after, &d.before].into_iter().flatten().map(String::as_str).collect();
            if let Some(old) = d.new.as_deref().and_then(|n| request.suggested_old(n)) {
                quotes.push(old);
            }
            if let Some(scope) = request.cited_for(&quotes) {
                d.scope = scope;
                d.scope_from_request = true;
            }
        }
    }
    out
}

/// The todo edit for an answer the table marks as changing the draft (修正の有無 = 有) although
/// import reads no promise nor quote in it: the pages the answer cites, or the page the request
/// cites.
fn marked_untold(response: &str, request: Option<&str>) -> Drafted {
    let note = format!(
        "the table marks 修正の有無 = 有, but import does not read the edit in the answer: find it ({})",
        crate::document::one_line(response.trim())
    );
    let mut edit = Drafted::todo(note, pages_in(response));
    if edit.scope.is_empty() {
        if let Some(scope) = request.and_then(|r| Request::new(r).cited_for(&[])) {
            edit.scope = scope;
            edit.scope_from_request = true;
        }
    }
    edit
}

/// A promise that points ahead (以下のように修正します): its kind, its sentence, the pages it
/// cites, and whether the text after it has given any wording yet.
struct Ahead {
    kind: Kind,
    text: String,
    scope: Citation,
    given: bool,
}

/// The state of reading one answer.
struct Reader<'r> {
    request: &'r Request<'r>,
    out: Vec<Drafted>,
    ahead: Option<Ahead>,
    /// Read every sentence as if it had a verb of editing, taking only its quoted edits.
    assume: bool,
}

impl Reader<'_> {
    fn sentence(&mut self, sentence: &[Fragment]) {
        let verb = sentence.iter().find_map(|p| p.text().and_then(promise_in_text));
        if self.assume && verb.is_none() {
            let found = patterns(sentence, Kind::Replace, None, self.request);
            self.out.extend(found.into_iter().map(|f| f.edit));
            return;
        }
        let kind = verb;
        let verb_at = sentence.iter().position(|p| p.text().and_then(promise_in_text).is_some());
        let bare_from = match (kind, &self.ahead) {
            (_, Some(_)) => Some(0),
            (Some(_), None) if points_ahead(sentence) => verb_at.map(|i| i + 1),
            _ => None,
        };
        let kind_here = kind.or(self.ahead.as_ref().map(|a| a.kind));
        let found = patterns(sentence, kind_here.unwrap_or(Kind::Replace), bare_from, self.request);
        let arrows = found.iter().any(|f| f.arrow);
        if !found.is_empty() && (kind_here.is_some() || arrows) {
            self.out.extend(found.into_iter().map(|f| f.edit));
            if let Some(a) = &mut self.ahead {
                a.given = true;
            }
            return;
        }
        self.close_ahead();
        if let Some(kind) = kind {
            if points_ahead(sentence) {
                let text = joined(sentence);
                self.ahead = Some(Ahead { kind, scope: pages_in(&text), text, given: false });
            } else {
                self.out.push(untold(kind, sentence, self.request));
            }
        }
    }

    /// A before/after block: its edit, scoped by the citation before it or else by the pages
    /// of the sentence pointing ahead to it.
    fn pair(&mut self, old: &str, new: &str, context: &str, multiline_new: bool) {
        let mut scope = cited_before(context);
        if scope.is_empty() {
            if let Some(a) = &self.ahead {
                scope = a.scope.clone();
            }
        }
        let mut edit = replace(old, new, &scope);
        if multiline_new && edit.todo.is_none() {
            edit.todo = Some(
                "the new text runs over several lines of the table's cell: check where its line breaks belong".into(),
            );
        }
        self.out.push(edit);
        if let Some(a) = &mut self.ahead {
            a.given = true;
        }
    }

    /// A promise pointing ahead that no wording followed: a todo of its own.
    fn close_ahead(&mut self) {
        if let Some(Ahead { kind, text, scope, given: false }) = self.ahead.take() {
            self.out.push(untold_text(kind, &text, scope));
        }
    }

    fn finish(mut self) -> Vec<Drafted> {
        self.close_ahead();
        self.out
    }
}

/// Whether a sentence points ahead to the wording (以下のように, 次のとおり, 下記のとおり).
fn points_ahead(sentence: &[Fragment]) -> bool {
    sentence
        .iter()
        .filter_map(Fragment::text)
        .any(|t| ["以下", "下記", "次のとおり", "次のように"].iter().any(|w| t.contains(w)))
}

/// A todo edit for a promise whose text the answer does not give: the pages (and line) it
/// cites, and the sentence itself as the note, with the changes the request asks for as
/// suggestions.
fn untold(kind: Kind, sentence: &[Fragment], request: &Request) -> Drafted {
    let text = joined(sentence);
    let mut edit = untold_text(kind, &text, pages_in(&text));
    if let (Some(note), false) = (&mut edit.todo, request.asked.is_empty()) {
        note.push_str("; the request suggests ");
        note.push_str(&request.asked_note);
    }
    edit
}

fn untold_text(kind: Kind, sentence: &str, scope: Citation) -> Drafted {
    Drafted::todo(format!("{kind}: the answer gives no text ({})", sentence.trim()), scope)
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
    use crate::import::citation::Pages;

    fn edit(old: &str, new: &str) -> Drafted {
        Drafted::replace(old, new, Citation::default())
    }

    fn on(pages: Pages, line: Option<i64>, d: Drafted) -> Drafted {
        Drafted { scope: Citation { pages, line, trouble: None }, ..d }
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
    fn the_old_text_named_first_with_wa() {
        assert_eq!(edits("「A」は「B」に修正しました。", None), [edit("A", "B")]);
        assert_eq!(edits("御指摘を踏まえ、「設置」については「開催」に改めます。", None), [edit("設置", "開催")]);
        assert_eq!(
            edits("P5の「設置する」とあるのを「開催する」に修正いたします。", None),
            [on(Pages::One(5), None, edit("設置する", "開催する"))]
        );
        assert_eq!(edits("「A」は「B」に、「C」は「D」に修正しました。", None), [edit("A", "B"), edit("C", "D")]);
        let e = edits("「A」は「B」と同義であるため、「C」を「D」に修正します。", None);
        assert_eq!(e, [edit("C", "D")], "「A」は「B」と同義 states no edit");
        let e = edits("P5で「A」は「B」と記載されていますが、「C」を「D」に修正します。", None);
        assert_eq!(e, [edit("C", "D")], "「A」は「B」と記載されています describes the draft");
        assert_eq!(edits("「A」は「B」と記載を改めます。", None), [edit("A", "B")]);
    }

    #[test]
    fn before_and_after_blocks() {
        let e = edits(
            "御指摘を踏まえ、以下のとおり修正いたします。【修正前】「分科会を設置し」【修正後】「分科会を開催し」",
            None,
        );
        assert_eq!(e, [edit("分科会を設置し", "分科会を開催し")]);
        let e = edits(
            "御指摘を踏まえ、P12を以下のとおり修正します。\n修正前：分科会を設置し、\n修正後：分科会を開催し、",
            None,
        );
        assert_eq!(e, [on(Pages::One(12), None, edit("分科会を設置し、", "分科会を開催し、"))]);
        let e = edits("(P 17)【修正前】「A」【修正後】「B」", None);
        assert_eq!(e, [on(Pages::One(17), None, edit("A", "B"))], "a block is a promise by itself");
        let e = edits("以下のとおり修正します。\n【修正前】\n古い一行目\n【修正後】\n新しい一行目\n新しい二行目", None);
        assert_eq!(
            (e[0].old.as_deref(), e[0].new.as_deref()),
            (Some("古い一行目"), Some("新しい一行目\n新しい二行目"))
        );
        assert!(e[0].todo.as_deref().unwrap().contains("several lines"), "{e:?}");
    }

    #[test]
    fn several_pairs_with_pages_and_lines() {
        let e = edits("御指摘を踏まえ、P6の5行目の「あたって」を「当たって」に、P12の17行目の「更に、」を「さらに、」に修正いたします。", None);
        assert_eq!(
            e,
            [
                on(Pages::One(6), Some(5), edit("あたって", "当たって")),
                on(Pages::One(12), Some(17), edit("更に、", "さらに、"))
            ]
        );
        let e = edits("「A」を「B」に、「C」を「D」に修正いたします。", None);
        assert_eq!(e, [edit("A", "B"), edit("C", "D")]);
    }

    #[test]
    fn page_lists_mean_every_occurrence_on_each_page() {
        let e = edits("御指摘を踏まえ、P4、P11、P19の「取り組み」を「取組」に修正いたします。", None);
        assert_eq!(e, [on(Pages::Each(vec![4, 11, 19]), None, edit("取り組み", "取組"))]);
        let e = edits("御指摘を踏まえ、(P27-28)の「A」を「B」に修正いたします。", None);
        assert_eq!(e, [on(Pages::Within(vec![27, 28]), None, edit("A", "B"))]);
        let e = edits("21-23ページの「A」を「B」に修正いたします。（P16、P22）「C」→「D」", None);
        assert_eq!(
            e,
            [
                on(Pages::Within(vec![21, 22, 23]), None, edit("A", "B")),
                on(Pages::Each(vec![16, 22]), None, edit("C", "D"))
            ]
        );
        let e = edits("P2において「A」を「B」に修正いたします。", None);
        assert_eq!(e, [on(Pages::One(2), None, edit("A", "B"))]);
    }

    #[test]
    fn full_width_citations_and_arrows() {
        let e = edits("（Ｐ４）「AI化」→「AI（人工知能）化」", None);
        assert_eq!(e, [on(Pages::One(4), None, edit("AI化", "AI（人工知能）化"))]);
        let e = edits("Ｐ１５の最下行の６行上の「当たって」を「あたって」に修正します。", None);
        assert_eq!(e, [on(Pages::One(15), Some(-7), edit("当たって", "あたって"))]);
    }

    #[test]
    fn delete_and_insert() {
        assert_eq!(edits("P3の「なお、」を削除いたします。", None), [on(Pages::One(3), None, edit("なお、", ""))]);
        let e = edits("「高い状況にある。」の後に「また、」を追記します。", None);
        assert_eq!(e, [Drafted::insert("高い状況にある。", true, "また、", Citation::default())]);
    }

    #[test]
    fn promises_without_text_are_todo_with_what_is_known() {
        let e = edits("御指摘を踏まえ、P9に追記をいたします。", None);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].scope.pages, Pages::One(9));
        assert_eq!(
            e[0].todo.as_deref(),
            Some("insert: the answer gives no text (御指摘を踏まえ、P9に追記をいたします。)")
        );
        let e = edits("御指摘を踏まえ、P5の3行目に追記をいたします。", None);
        assert_eq!((e[0].scope.pages.clone(), e[0].scope.line), (Pages::One(5), Some(3)));
        let e = edits("P7 下の図表の出典に関する御指摘について、貴見のとおり修正いたします。", Some("P7 下のグラフ 「令和4年における…情報等について」と記載されていますが「情報」は「情勢」の誤植かと思われます。"));
        assert_eq!(e[0].scope.pages, Pages::One(7));
        assert!(
            e[0].todo.as_deref().unwrap().ends_with("修正いたします。); the request suggests 「情報」→「情勢」"),
            "{e:?}"
        );
        let e = edits("御意見を踏まえ、URLを修正いたします。", None);
        assert_eq!((e.len(), &e[0].scope, e[0].old.is_none()), (1, &Citation::default(), true));
        assert!(e[0].todo.as_deref().unwrap().starts_with("replace: the answer gives no text"), "{e:?}");
    }

    #[test]
    fn the_page_the_request_cites_when_the_answer_cites_none() {
        let e = edits(
            "御意見を踏まえ、「とりまとめ骨子（案）について」に修正いたします。",
            Some("92ページの第5回の議事内容欄の2行「取りまとめ骨子（案）について」は「とりまとめ骨子（案）について」の誤記か？"),
        );
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].old.as_deref(), e[0].new.as_deref()), (None, Some("とりまとめ骨子（案）について")));
        assert_eq!((e[0].scope.pages.clone(), e[0].scope.line, e[0].scope_from_request), (Pages::One(92), None, true));
        let note = e[0].todo.as_deref().unwrap();
        assert!(note.contains("the request suggests old = 「取りまとめ骨子（案）について」"), "{note}");
        let e = edits(
            "御意見を踏まえ、URLを修正いたします。",
            Some("P59 記載されているURLとリンクされているURLとが異なる。"),
        );
        assert_eq!((e[0].scope.pages.clone(), e[0].scope_from_request), (Pages::One(59), true));
        let e = edits("P3の「A」を「B」に修正いたします。", Some("P59 の「A」"));
        assert_eq!(
            (e[0].scope.pages.clone(), e[0].scope_from_request),
            (Pages::One(3), false),
            "the answer's citation wins"
        );
    }

    #[test]
    fn a_marked_answer_gives_its_quoted_pairs_as_todo() {
        let e = marked("御指摘を踏まえ、P2の最下行の3行上の「中心であり」を「中心となっており」といたしました。", None);
        assert_eq!(
            (e.len(), e[0].old.as_deref(), e[0].new.as_deref()),
            (1, Some("中心であり"), Some("中心となっており"))
        );
        assert_eq!((e[0].scope.pages.clone(), e[0].scope.line), (Pages::One(2), Some(-4)));
        assert!(e[0].todo.as_deref().unwrap().contains("修正の有無 = 有"), "{e:?}");
        let e = marked("御指摘の箇所を適正化します。", Some("P5の誤字"));
        assert_eq!((e.len(), e[0].old.as_deref(), e[0].scope.pages.clone()), (1, None, Pages::One(5)));
    }

    #[test]
    fn thanks_then_a_promise_pointing_ahead() {
        let e = edits("賛同の御意見として承ります。なお、以下のように修正させていただきます。「…関係府省庁や地方公共団体及び民間企業等と連携し…」", None);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].new.as_deref(), Some("…関係府省庁や地方公共団体及び民間企業等と連携し…"));
        assert!(e[0].todo.as_deref().unwrap().contains("omits words"), "{e:?}");
        let e = edits("以下のとおり修正いたします。\n(P4)「AI化」→「AI（人工知能）化」\n(P5)「IoT」→「IoT機器」", None);
        assert_eq!(
            e,
            [
                on(Pages::One(4), None, edit("AI化", "AI（人工知能）化")),
                on(Pages::One(5), None, edit("IoT", "IoT機器"))
            ]
        );
    }

    #[test]
    fn an_ellipsis_in_a_pair_keeps_both_quotes_as_todo() {
        let e = edits(
            "御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を「…クラウドサービス」に修正いたします。",
            None,
        );
        assert_eq!(e[0].old.as_deref(), Some("大手自動車メーカーが利用するSaaSサービス"));
        assert_eq!(e[0].new.as_deref(), Some("…クラウドサービス"));
        assert!(e[0].todo.is_some());
    }

    #[test]
    fn quotes_in_answers_that_promise_nothing_are_not_edits() {
        assert!(edits(
            "御意見については、参考として承ります。なお、P23に記述したとおり、「引き続き…」としており",
            None
        )
        .is_empty());
        assert!(edits("「A」を「B」に修正すべきとの御意見ですが、原案のとおりとします。", None).is_empty());
        assert!(edits("「A」は「B」に修正すべきとの御意見ですが、原案のとおりとします。", None).is_empty());
    }
}
