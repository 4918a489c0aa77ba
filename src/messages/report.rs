//! The words of the reports and redlines, in both languages: every function matches on the
//! [`Lang`] with an arm for each, so neither language can lack a word.
//!
//! The statuses in Japanese: 反映済み (applied: the final holds what was promised), 未反映
//! (missing: the draft's text is still there), 異なる修正 (different: that place changed, to
//! something else), 箇所不明 (unanchored: the ledger's quote is not in the draft, so the place is
//! not known), 要確認 (unclear: without the draft, both or neither text found; a person must
//! look), 未記入 (todo: the ledger has not written the edit yet). JSON keeps the English names.
//!
//! ```
//! use akaji::messages::{report, Lang};
//! use akaji::verify::Status;
//! assert_eq!(report::status(Status::Missing, Lang::Ja), "未反映");
//! assert_eq!(report::status(Status::Missing, Lang::En), "missing");
//! assert_eq!(report::changes(15, Lang::Ja), "変更 15 か所");
//! ```

use crate::verify::{Status, Summary};
use crate::Lang;

/// A status as a report names it.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => s.name(),
        Lang::Ja => match s {
            Status::Applied => "反映済み",
            Status::AppliedTodo => "反映済み（台帳は未記入）",
            Status::MissingTodo => "未反映（台帳は未記入）",
            Status::Unclear => "要確認",
            Status::Todo => "未記入",
            Status::Different => "異なる修正",
            Status::Missing => "未反映",
            Status::Unanchored => "箇所不明",
        },
    }
}

/// The first line of a verify report: what was checked against what.
pub fn verify_title(final_text: &str, ledger: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("verify {final_text} against {ledger}"),
        Lang::Ja => format!("{final_text} を {ledger} で検証"),
    }
}

/// ` (draft: d)` / ` (no draft; lock: l)` / ` (no draft)` after the title.
pub fn draft_note(draft: Option<&str>, lock: Option<&str>, lang: Lang) -> String {
    match (lang, draft, lock) {
        (Lang::En, Some(d), _) => format!(" (draft: {d})"),
        (Lang::En, None, Some(l)) => format!(" (no draft; lock: {l})"),
        (Lang::En, None, None) => " (no draft)".to_owned(),
        (Lang::Ja, Some(d), _) => format!("（案: {d}）"),
        (Lang::Ja, None, Some(l)) => format!("（案なし、ロック: {l}）"),
        (Lang::Ja, None, None) => "（案なし）".to_owned(),
    }
}

/// `  by 個人A` / `  提出者 個人A`, `  at II-1` / `  該当箇所 II-1`.
pub fn by_at(by: Option<&str>, at: Option<&str>, lang: Lang) -> String {
    let (b, a) = match lang {
        Lang::En => ("by", "at"),
        Lang::Ja => ("提出者", "該当箇所"),
    };
    let mut s = String::new();
    if let Some(by) = by {
        s.push_str(&format!("  {b} {by}"));
    }
    if let Some(at) = at {
        s.push_str(&format!("  {a} {at}"));
    }
    s
}

/// `edit 2` / `修正2`.
pub fn edit_no(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("edit {n}"),
        Lang::Ja => format!("修正{n}"),
    }
}

/// The label of a place in the draft (`draft`) and in the final (`final`), padded alike.
pub fn sides(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("draft ", "final "),
        Lang::Ja => ("案　　", "修正後"),
    }
}

/// `(expected 「開催」)`.
pub fn expected(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("(expected 「{text}」)"),
        Lang::Ja => format!("（約束は「{text}」）"),
    }
}

/// A remark in parentheses: `(…)` / `（…）`.
pub fn aside(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("({text})"),
        Lang::Ja => format!("（{text}）"),
    }
}

/// The heading of the changes no decision explains.
pub fn unexplained_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "unexplained changes (no decision records them)",
        Lang::Ja => "説明のない変更（どの意見にも記録がないもの）",
    }
}

/// What was left out as layout, with the running heads found (each already quoted).
pub fn layout_left_out(heads: &[String], lang: Lang) -> String {
    match lang {
        Lang::En => {
            let mut s = "layout left out: line breaks, spaces, page markers".to_owned();
            if !heads.is_empty() {
                s.push_str(&format!(", running heads {}", heads.join(" ")));
            }
            s + " (--keep-layout counts them)"
        }
        Lang::Ja => {
            let mut s = "レイアウトは比べていません: 改行、空白、ページ番号の行".to_owned();
            if !heads.is_empty() {
                s.push_str(&format!("、柱 {}", heads.join(" ")));
            }
            s + "（--keep-layout で比べます）"
        }
    }
}

/// A note of the report, with its lead (`note: …` / `注: …`); the note without a draft, that
/// scopes are matched on the final's pages, in the reader's language.
pub fn note(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("note: {text}"),
        Lang::Ja if text == crate::messages::lock_note() => {
            "注: ロック（`akaji apply --lock` が書いた、各引用の前後の案の文）で検証しました: 案なしではほかの箇所の変更はわかりません".to_owned()
        }
        Lang::Ja if text == crate::messages::stale_lock_note() => {
            "注: ロックを書いた後に台帳が変わりました: その後に変わった修正は要確認です。`akaji apply DRAFT LEDGER --lock` で書き直してください".to_owned()
        }
        Lang::Ja if text == crate::messages::verify_deadline_note() => {
            "注: 差分は時間切れ（--timeout）で詳細化を打ち切りました: 変更が本来より粗く示される場合があります".to_owned()
        }
        Lang::Ja if text == crate::verify::SCOPE_NOTE => {
            "注: 案なしで検証したため、ページと行の範囲は修正後の文書のページと行で照合しています（ずれている場合があります）"
                .to_owned()
        }
        Lang::Ja => format!("注: {text}"),
    }
}

/// "N decisions, N applied, N missing, N different, N unanchored, N unexplained changes" (with
/// todo and unclear counts when there are any); `unexplained` is `None` without a draft.
pub fn summary_line(s: &Summary, with_draft: bool, lang: Lang) -> String {
    let item = |n: usize, st: Status| match lang {
        Lang::En => format!("{n} {}", status(st, lang)),
        Lang::Ja => format!("{}{n}", status(st, lang)),
    };
    let mut items = vec![
        item(s.applied, Status::Applied),
        item(s.missing, Status::Missing),
        item(s.different, Status::Different),
        item(s.unanchored, Status::Unanchored),
    ];
    if s.todo > 0 {
        items.push(item(s.todo, Status::Todo));
    }
    if s.applied_todo > 0 {
        items.push(item(s.applied_todo, Status::AppliedTodo));
    }
    if s.missing_todo > 0 {
        items.push(item(s.missing_todo, Status::MissingTodo));
    }
    if s.unclear > 0 {
        items.push(item(s.unclear, Status::Unclear));
    }
    items.push(match (lang, with_draft) {
        (Lang::En, true) => format!("{} unexplained changes", s.unexplained),
        (Lang::En, false) => "unexplained changes not checked (no draft)".to_owned(),
        (Lang::Ja, true) => format!("説明のない変更{}か所", s.unexplained),
        (Lang::Ja, false) => "説明のない変更は未確認（案なし）".to_owned(),
    });
    match lang {
        Lang::En => format!("{} decisions, {}", s.decisions, items.join(", ")),
        Lang::Ja => format!("意見{}件: {}", s.decisions, items.join("、")),
    }
}

/// The column heads of the verify report's table: status, decision, by, at, edits.
pub fn verify_columns(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["status", "decision", "by", "at", "edits"],
        Lang::Ja => ["結果", "意見番号", "提出者", "該当箇所", "修正"],
    }
}

/// The headings of the html verify report: unexplained changes, the redline of the draft.
pub fn verify_headings(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Unexplained changes", "Redline of the draft"),
        Lang::Ja => ("説明のない変更", "案の見え消し"),
    }
}

/// The word for a change no decision explains, on a mark of the html report.
pub fn unexplained_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "unexplained",
        Lang::Ja => "説明なし",
    }
}

/// The mark of a missing edit: `missing: promised 「開催」`.
pub fn promised(new: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("missing: promised 「{new}」"),
        Lang::Ja => format!("未反映: 約束は「{new}」"),
    }
}

/// `15 change(s)` / `変更 15 か所`.
pub fn changes(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{n} change(s)"),
        Lang::Ja => format!("変更 {n} か所"),
    }
}

/// The last line of a terminal redline: `15 change(s) from decision(s) 1, 32`.
pub fn changes_from(n: usize, ids: &[&str], lang: Lang) -> String {
    match (lang, ids.is_empty()) {
        (Lang::En, true) => format!("{n} change(s)"),
        (Lang::En, false) => format!("{n} change(s) from decision(s) {}", ids.join(", ")),
        (Lang::Ja, true) => format!("変更 {n} か所"),
        (Lang::Ja, false) => format!("変更 {n} か所（意見 {}）", ids.join("、")),
    }
}

/// A terminal redline without changes.
pub fn no_changes(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no changes",
        Lang::Ja => "変更はありません",
    }
}

/// When only the old text starts with a byte order mark.
pub fn bom_removed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the byte order mark (U+FEFF) at the start of the old text is removed",
        Lang::Ja => "旧の文の先頭のバイト順マーク（U+FEFF）がなくなります",
    }
}

/// When only the new text starts with a byte order mark.
pub fn bom_added(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "a byte order mark (U+FEFF) is added at the start of the new text",
        Lang::Ja => "新の文の先頭にバイト順マーク（U+FEFF）が加わります",
    }
}

/// When the diff stopped refining at its deadline.
pub fn deadline(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The diff stopped refining at its deadline: every change is shown, but coarser than it could be.",
        Lang::Ja => "差分は時間切れで詳細化を打ち切りました: 変更はすべて示していますが、本来より粗い単位です。",
    }
}

/// The legend of the html redline: deleted, inserted, moved, decision, page.
pub fn legend(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["deleted", "inserted", "moved", "decision (意見番号)", "page (margin)"],
        Lang::Ja => ["削除した部分", "追加した部分", "移動した部分", "意見番号", "ページ（余白）"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_has_its_own_word_in_each_language() {
        for lang in Lang::ALL {
            let words: Vec<&str> = Status::ALL.iter().map(|s| status(*s, lang)).collect();
            let mut unique = words.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), words.len(), "{lang:?}: {words:?}");
        }
        // Japanese words are Japanese, the English ones the JSON names.
        for s in Status::ALL {
            assert_eq!(status(s, Lang::En), s.name());
            assert!(status(s, Lang::Ja).chars().all(|c| !c.is_ascii()), "{s:?}");
        }
    }

    #[test]
    fn the_summary_counts_alike_in_both_languages() {
        let s = Summary {
            decisions: 4,
            applied: 1,
            missing: 1,
            different: 1,
            unanchored: 1,
            unexplained: 2,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&s, true, Lang::En),
            "4 decisions, 1 applied, 1 missing, 1 different, 1 unanchored, 2 unexplained changes"
        );
        assert_eq!(
            summary_line(&s, true, Lang::Ja),
            "意見4件: 反映済み1、未反映1、異なる修正1、箇所不明1、説明のない変更2か所"
        );
        assert_eq!(
            summary_line(&s, false, Lang::Ja),
            "意見4件: 反映済み1、未反映1、異なる修正1、箇所不明1、説明のない変更は未確認（案なし）"
        );
    }
}
