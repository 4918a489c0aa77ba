//! Does an answer promise a change?
//!
//! Answers that change the draft say so with a verb of editing in the polite affirmative:
//! 修正いたします, 追記をいたします, 削除します, 改めます, 修正させていただきます, 修正しました.
//! Answers that do not, say 参考として承ります or 賛同の御意見として承ります, and may still use the
//! same nouns (機能追加を行いながら, 修正いたしません). Only the text outside quotes counts: a
//! quote is the draft's or the commenter's words, never the ministry's promise. An answer may
//! thank and promise in one breath; any promise counts.
//!
//! 「御指摘を踏まえ、P9に追記をいたします。」 promises an insertion; 「御意見については、参考として
//! 承ります。」 promises nothing, nor does 「「修正いたします」とは書いていません。」 (tests below).

#[cfg(test)]
use super::quote::{fragments, Fragment};
use std::fmt;
use std::sync::LazyLock;

/// What kind of change a promise names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// 修正, 訂正, 変更, 改め: words are replaced.
    Replace,
    /// 追記, 追加, 加筆, 挿入: words are added.
    Insert,
    /// 削除: words are removed.
    Delete,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Replace => "replace",
            Kind::Insert => "insert",
            Kind::Delete => "delete",
        })
    }
}

/// A verb of editing in the polite affirmative (present or past); negatives (いたしません) and
/// mere nouns (機能追加を行いながら) do not match.
static PROMISE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(修正|訂正|変更|追記|追加|加筆|挿入|削除)",
        r"を?(?:いたし|致し|し|させていただき|させて頂き|行い|することとし|することといたし)(?:ます|ました)",
        r"|(改め)(?:ます|ました|させていただきます|させていただきました|させて頂きます)",
    ))
    .expect("the promise pattern is valid")
});

/// The kind of change promised in `text` outside its quotes, if any.
/// The kind of change promised in `text` outside its quotes, if any (what `extract` asks of each
/// text fragment, here for a whole answer).
#[cfg(test)]
fn promise(text: &str) -> Option<Kind> {
    fragments(text).iter().filter_map(Fragment::text).find_map(promise_in_text)
}

/// The kind of change promised by one piece of text that holds no quotes.
pub(super) fn promise_in_text(text: &str) -> Option<Kind> {
    let caps = PROMISE.captures(text)?;
    let verb = caps.get(1).or_else(|| caps.get(2)).map_or("", |m| m.as_str());
    Some(match verb {
        "追記" | "追加" | "加筆" | "挿入" => Kind::Insert,
        "削除" => Kind::Delete,
        _ => Kind::Replace,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_outside_quotes_promises() {
        assert_eq!(promise("御指摘を踏まえ、P9に追記をいたします。"), Some(Kind::Insert));
        assert_eq!(promise("賛同の御意見として承ります。以下のように修正させていただきます。"), Some(Kind::Replace));
        assert_eq!(promise("御意見については、参考として承ります。"), None);
        assert_eq!(promise("「修正いたします」とは書いていません。"), None);
    }

    #[test]
    fn promises_of_each_kind() {
        for (text, kind) in [
            ("御指摘を踏まえ、URLを修正いたします。", Kind::Replace),
            ("P7 下の図表の出典に関する御指摘について、貴見のとおり修正いたします。他2点については、参考として承ります。", Kind::Replace),
            ("御意見を踏まえ、「とりまとめ骨子（案）について」に修正いたします。", Kind::Replace),
            ("御指摘を踏まえ修正しました。", Kind::Replace),
            ("記載を改めます。", Kind::Replace),
            ("当該記述を削除いたします。", Kind::Delete),
            ("P9に追記をいたします。", Kind::Insert),
            ("注記を追加することといたします。", Kind::Insert),
            ("表現の修正を行います。", Kind::Replace),
        ] {
            assert_eq!(promise(text), Some(kind), "{text}");
        }
    }

    #[test]
    fn no_promise_without_an_affirmative_verb() {
        for text in [
            "賛同の御意見として承ります。",
            "御意見については、参考として承ります。",
            "サイバー攻撃情報分析の機能追加を行いながら、引き続き情報提供を行う",
            "本案は修正いたしません。",
            "修正する予定はありません。",
            "ご意見を踏まえ、引き続き取り組んでまいります。",
            "改めて周知してまいります。",
            "変更履歴の公表等は実施しておりません。",
            "「当該箇所を削除いたします」との御意見ですが、原案のとおりとします。",
        ] {
            assert_eq!(promise(text), None, "{text}");
        }
    }
}
