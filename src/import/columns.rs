//! Which column holds what: the Japanese headers recognised, and those named with `--columns`.
//!
//! Ministries head the same columns differently: 項番 or 通しNo, 御意見の詳細 or 御意見の要旨,
//! 御意見に対する考え方 or 御意見に対する主な考え方及び修正. A header row is one that names an id
//! column and an answer column; headers are compared after NFKC, without white space, a trailing
//! period or (案). When a table heads them otherwise, `--columns id=番号,response=回答` names them.
//!
//! ```
//! use akaji::import::{Columns, Role};
//! let c = Columns::parse(&["id=連番,response=返答"]).unwrap();
//! assert_eq!(c.names, [(Role::Id, "連番".to_owned()), (Role::Response, "返答".to_owned())]);
//! ```

use super::problem::TableProblem;
use super::role::Role;
use crate::diagnostic::Diagnostic;
use unicode_normalization::UnicodeNormalization;

/// Header names given with `--columns` (role=header), overriding the recognised ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// (role, header) pairs.
    pub names: Vec<(Role, String)>,
}

impl Columns {
    /// Parse `id=番号`, `response=回答`, … (each item may also hold several, comma-separated).
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Result<Columns, Diagnostic> {
        let mut names = Vec::new();
        for item in items.iter().flat_map(|i| i.as_ref().split(',')).filter(|i| !i.trim().is_empty()) {
            let problem = |p: TableProblem| Diagnostic::new(p);
            let (key, header) =
                item.split_once('=').ok_or_else(|| problem(TableProblem::ColumnWithoutHeader { item: item.into() }))?;
            let role = Role::ALL
                .into_iter()
                .find(|r| r.key() == key.trim())
                .ok_or_else(|| problem(TableProblem::UnknownRole { item: item.into(), role: key.trim().into() }))?;
            if header.trim().is_empty() {
                return Err(problem(TableProblem::EmptyHeader { item: item.into() }));
            }
            names.push((role, header.trim().to_owned()));
        }
        Ok(Columns { names })
    }

    /// The header given for `role`, if one was (the last, if several).
    pub fn given(&self, role: Role) -> Option<&str> {
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
        let message = |items: &[&str]| Columns::parse(items).unwrap_err().to_string();
        assert!(message(&["answer=回答"]).contains("unknown role `answer`"));
        assert!(message(&["回答"]).contains("ROLE=HEADER"));
        assert!(message(&["id="]).contains("give the header text"));
    }
}
