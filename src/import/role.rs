//! What a column of a comment table holds, and the headers it goes by.

use serde::Serialize;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// 項番: the comment's number, the decision's id.
    Id,
    /// 意見提出者: who commented.
    By,
    /// 該当箇所: where the comment points.
    At,
    /// 御意見: the comment.
    Request,
    /// 考え方: the answer.
    Response,
    /// 修正の有無: whether the answer changes the draft (有/無).
    Changed,
}

impl Role {
    /// Every role, in table order.
    pub const ALL: [Role; 6] = [Role::Id, Role::By, Role::At, Role::Request, Role::Response, Role::Changed];

    /// The name used in `--columns` and in the ledger.
    pub fn key(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::By => "by",
            Role::At => "at",
            Role::Request => "request",
            Role::Response => "response",
            Role::Changed => "changed",
        }
    }

    /// The headers recognised for this role, as published.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Role::Id => &["項番", "通しNo", "通し番号", "番号", "No", "意見番号", "整理番号"],
            Role::By => &["意見提出者", "提出者", "意見提出者名"],
            Role::At => &["該当箇所", "該当部分", "該当ページ", "該当項目"],
            Role::Request => &[
                "御意見の詳細",
                "御意見の要旨",
                "御意見の概要",
                "御意見の内容",
                "御意見",
                "ご意見",
                "意見",
                "意見の概要",
                "意見の要旨",
                "意見内容",
                "提出意見",
                "提出された意見",
                "意見の内容",
            ],
            Role::Response => &[
                "考え方",
                "御意見に対する考え方",
                "ご意見に対する考え方",
                "意見に対する考え方",
                "御意見に対する主な考え方及び修正",
                "御意見に対する考え方及び修正",
                "回答",
            ],
            Role::Changed => &["修正の有無", "修正有無", "案の修正の有無", "修正の有無等", "反映の有無"],
        }
    }
}
