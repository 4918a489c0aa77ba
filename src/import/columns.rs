//! Which column holds what: the Japanese headers recognised, and those named with `--columns`.
//!
//! Ministries head the same columns differently: 項番 or 通しNo, 御意見の詳細 or 御意見の要旨,
//! 御意見に対する考え方 or 御意見に対する主な考え方及び修正. A header row is one that names an id
//! column and an answer column; headers are compared after NFKC, without white space, a trailing
//! period or (案). When a table heads them otherwise, `--columns id=番号,response=回答` names them.
//!
//! ```
//! use akaji::import::columns::{Columns, Role};
//! let c = Columns::parse(&["id=連番,response=返答"]).unwrap();
//! assert_eq!(c.names, [(Role::Id, "連番".to_owned()), (Role::Response, "返答".to_owned())]);
//! ```

use unicode_normalization::UnicodeNormalization;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Header names given with `--columns` (role=header), overriding the recognised ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// (role, header) pairs.
    pub names: Vec<(Role, String)>,
}

impl Columns {
    /// Parse `id=番号`, `response=回答`, … (each item may also hold several, comma-separated).
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Result<Columns, String> {
        let mut names = Vec::new();
        for item in items.iter().flat_map(|i| i.as_ref().split(',')).filter(|i| !i.trim().is_empty()) {
            let (key, header) = item
                .split_once('=')
                .ok_or_else(|| format!("--columns {item}: write ROLE=HEADER, e.g. --columns id=番号,response=回答"))?;
            let role = Role::ALL.into_iter().find(|r| r.key() == key.trim()).ok_or_else(|| {
                format!(
                    "--columns {item}: unknown role `{}`; the roles are id, by, at, request, response, changed",
                    key.trim()
                )
            })?;
            if header.trim().is_empty() {
                return Err(format!("--columns {item}: give the header text after `=`"));
            }
            names.push((role, header.trim().to_owned()));
        }
        Ok(Columns { names })
    }

    pub(super) fn given(&self, role: Role) -> Option<&str> {
        self.names.iter().rev().find(|(r, _)| *r == role).map(|(_, h)| h.as_str())
    }
}

/// Which cell holds what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnMap {
    /// 項番.
    pub id: usize,
    /// 意見提出者.
    pub by: Option<usize>,
    /// 該当箇所.
    pub at: Option<usize>,
    /// 御意見.
    pub request: Option<usize>,
    /// 考え方.
    pub response: usize,
    /// 修正の有無.
    pub changed: Option<usize>,
}

impl ColumnMap {
    /// Whether column `i` is read.
    pub fn reads(&self, i: usize) -> bool {
        i == self.id || i == self.response || [self.by, self.at, self.request, self.changed].contains(&Some(i))
    }
}

/// The column map, if `cells` is a header row: it names an id and an answer column.
pub(super) fn header(cells: &[String], columns: &Columns) -> Option<ColumnMap> {
    let names: Vec<String> = cells.iter().map(|c| normalize(c)).collect();
    let find = |role: Role| match columns.given(role) {
        Some(h) => {
            let h = normalize(h);
            names.iter().position(|n| *n == h)
        }
        None => names.iter().position(|n| role.headers().iter().any(|h| normalize(h) == *n)),
    };
    Some(ColumnMap {
        id: find(Role::Id)?,
        by: find(Role::By),
        at: find(Role::At),
        request: find(Role::Request),
        response: find(Role::Response)?,
        changed: find(Role::Changed),
    })
}

/// A header as compared: NFKC, no white space, no trailing period or (案).
pub(super) fn normalize(s: &str) -> String {
    let s: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
    let s = s.strip_suffix("(案)").unwrap_or(&s);
    s.trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_recognised_after_normalizing() {
        let cells: Vec<String> =
            ["項番", "意見提出者", "該当箇所", "御意見の詳細", "御意見に対する考え方（案）"].map(String::from).to_vec();
        let map = header(&cells, &Columns::default()).unwrap();
        assert_eq!(map, ColumnMap { id: 0, by: Some(1), at: Some(2), request: Some(3), response: 4, changed: None });
        let cells: Vec<String> =
            ["番号", "提出意見", "意見に対する考え方", "修正の有無", "備考"].map(String::from).to_vec();
        let map = header(&cells, &Columns::default()).unwrap();
        assert_eq!((map.request, map.changed), (Some(1), Some(3)));
        assert_eq!((0..5).filter(|&i| !map.reads(i)).collect::<Vec<_>>(), [4]);
        let cells: Vec<String> = ["", "意見提出者"].map(String::from).to_vec();
        assert_eq!(header(&cells, &Columns::default()), None, "the list of commenters is no header");
        assert_eq!(normalize(" 通し Ｎｏ. "), "通しNo");
    }

    #[test]
    fn parse_errors_say_what_to_write() {
        assert!(Columns::parse(&["answer=回答"]).unwrap_err().contains("unknown role `answer`"));
        assert!(Columns::parse(&["回答"]).unwrap_err().contains("ROLE=HEADER"));
        assert!(Columns::parse(&["id="]).unwrap_err().contains("give the header text"));
    }
}
