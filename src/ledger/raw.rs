//! Reading a ledger file: the keys as written, checked once into [`Ledger`].
//!
//! The file is deserialized into private structs that mirror its keys (every key optional, so
//! that every problem can be found), then [`check`] turns them into the checked types, reporting
//! every problem of the file in one run: the page marker, missing and duplicated ids, and for
//! each edit the keys that do not make one edit.

use super::decisions::{Date, Decision, DecisionIx, Ledger};
use super::edit::{Action, Count, Edit, PageScope, Scope, Todo};
use super::evidence::Evidence;
use super::options::LedgerOptions;
use super::pieces;
use super::problem::LedgerProblem;
use super::side::Side;
use super::unknown::{unknown_keys, with_line};
use crate::diagnostic::{Diagnostic, Diagnostics, Subject};
use crate::document::{DocumentKind, LineCount, PageMarker, PageNo, DEFAULT_PAGE_MARKER};
use crate::keyed::Set;
use serde::Deserialize;
use std::fmt;
use std::num::NonZeroI64;

/// A ledger file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLedger {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    draft: Option<String>,
    #[serde(default)]
    options: RawOptions,
    #[serde(default, rename = "decision")]
    decisions: Vec<RawDecision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOptions {
    #[serde(default = "default_page_marker")]
    page_marker: String,
    #[serde(default)]
    match_width: bool,
    #[serde(default)]
    count_lines: LineCount,
    #[serde(default)]
    kind: DocumentKind,
    #[serde(default)]
    lang: Option<crate::Lang>,
}

impl Default for RawOptions {
    fn default() -> Self {
        RawOptions {
            page_marker: default_page_marker(),
            match_width: false,
            count_lines: LineCount::default(),
            kind: DocumentKind::default(),
            lang: None,
        }
    }
}

/// A page as a ledger writes it: a number (`page = 12`) or a front page's numeral (`"ii"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawPage {
    Number(u32),
    Written(String),
}

impl RawPage {
    fn check(&self, problems: &mut Vec<LedgerProblem>) -> Option<PageNo> {
        match self {
            RawPage::Number(n) => Some(PageNo::Number(*n)),
            RawPage::Written(s) => {
                let page = PageNo::parse(s);
                if page.is_none() {
                    problems.push(LedgerProblem::BadPage { written: s.clone() });
                }
                page
            }
        }
    }
}

fn default_page_marker() -> String {
    DEFAULT_PAGE_MARKER.to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    #[serde(default)]
    id: String,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    request: Option<String>,
    #[serde(default)]
    response: Option<String>,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    unexplained: bool,
    #[serde(default, rename = "edit")]
    edits: Vec<RawEdit>,
}

/// An edit's keys, in the order an unknown-key message lists them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdit {
    #[serde(default)]
    todo: Option<String>,
    #[serde(default)]
    old: Option<String>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    new: Option<String>,
    #[serde(default)]
    page: Option<RawPage>,
    #[serde(default)]
    pages: Option<Vec<RawPage>>,
    #[serde(default)]
    line: Option<i64>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    suffix: Option<String>,
    #[serde(default)]
    count: Option<Count>,
    #[serde(default)]
    per_page: Option<bool>,
    #[serde(default)]
    evidence: Option<Evidence>,
}

/// The fields serde's unknown-field message lists for `text` (for the test that the unknown-key
/// check knows the same keys).
#[cfg(test)]
pub(super) fn serde_fields(text: &str) -> String {
    let e = toml::from_str::<RawLedger>(text).expect_err("an unknown key");
    let m = e.message();
    m.split("expected one of ").nth(1).or_else(|| m.split("expected ").nth(1)).unwrap_or(m).trim().to_owned()
}

impl Ledger {
    /// Parse TOML. Syntax errors carry the line and column; then every edit is checked, and
    /// every problem is reported.
    pub fn from_toml(text: &str) -> Result<Ledger, Diagnostics> {
        // A long ledger a few decisions at a time; a short one, or one that has a problem, whole.
        let parsed = from_toml_pieces(text, pieces::PIECE).map_or_else(|| toml::from_str(text), Ok);
        let raw: RawLedger = parsed.map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_column(text, s.start));
            if let Some(unknown) = toml::from_str(text).ok().map(|t| unknown_keys(&t)).filter(|u| !u.is_empty()) {
                return Diagnostics(with_line(unknown, e.message(), line));
            }
            Diagnostic::new(LedgerProblem::Syntax { line, column, detail: e.message().trim_end().to_owned() }).into()
        })?;
        check(raw)
    }

    /// The ledger as read in pieces of `piece` bytes (see `ledger/pieces.rs`), or `None` when
    /// the file is not read in pieces or a piece does not parse: the check that pieces mean what
    /// the whole file means, for the fuzzer and the tests.
    #[doc(hidden)]
    pub fn from_toml_in_pieces(text: &str, piece: usize) -> Option<Result<Ledger, Diagnostics>> {
        from_toml_pieces(text, piece).map(check)
    }

    /// Parse JSON of the same structure.
    pub fn from_json(text: &str) -> Result<Ledger, Diagnostics> {
        // A byte order mark is accepted, as TOML accepts it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawLedger = serde_json::from_str(text).map_err(|e| {
            if let Some(unknown) = serde_json::from_str(text).ok().map(|t| unknown_keys(&t)).filter(|u| !u.is_empty()) {
                return Diagnostics(with_line(unknown, &e.to_string(), e.line()));
            }
            // serde_json ends its message with the place, which the problem carries already.
            let detail = e.to_string();
            let detail = match detail.rsplit_once(" at line ") {
                Some((message, _)) => message.to_owned(),
                None => detail,
            };
            Diagnostic::new(LedgerProblem::Syntax { line: e.line(), column: e.column(), detail }).into()
        })?;
        check(raw)
    }

    /// Parse by file name: JSON when it ends in `.json`, TOML otherwise.
    pub fn parse(text: &str, file_name: &str) -> Result<Ledger, Diagnostics> {
        if file_name.to_ascii_lowercase().ends_with(".json") {
            Ledger::from_json(text)
        } else {
            Ledger::from_toml(text)
        }
    }
}

/// `text` read in pieces of `piece` bytes, each a run of whole decisions, the first with the top
/// of the file; `None` when it is not split or a piece does not parse (the whole file is parsed
/// then, and its problem reported as `toml` finds it).
fn from_toml_pieces(text: &str, piece: usize) -> Option<RawLedger> {
    let bounds = pieces::split(text, piece)?;
    let ends = bounds.iter().skip(1).copied().chain([text.len()]);
    let mut read = bounds.iter().zip(ends).map(|(&start, end)| toml::from_str::<RawLedger>(&text[start..end]).ok());
    let mut ledger = read.next()??;
    for more in read {
        ledger.decisions.extend(more?.decisions);
    }
    Some(ledger)
}

/// The checked ledger, or every problem found.
fn check(raw: RawLedger) -> Result<Ledger, Diagnostics> {
    let mut problems = Vec::new();
    let page_marker = PageMarker::new(&raw.options.page_marker).unwrap_or_else(|e| {
        problems.push(Diagnostic::new(LedgerProblem::PageMarker { detail: e.to_string() }));
        PageMarker::default()
    });
    // Without a group, every page would be numbered silently one after the last.
    if regex::Regex::new(&raw.options.page_marker).is_ok_and(|r| r.captures_len() < 2) {
        problems
            .push(Diagnostic::new(LedgerProblem::PageMarkerWithoutNumber { pattern: raw.options.page_marker.clone() }));
    }
    let mut seen = Set::default();
    let mut decisions = Vec::with_capacity(raw.decisions.len());
    for (i, d) in raw.decisions.into_iter().enumerate() {
        let about = |edit| Subject { decision: DecisionIx(i), id: d.id.clone(), edit };
        if d.id.trim().is_empty() {
            problems.push(Diagnostic::about(about(None), LedgerProblem::MissingId));
        } else if !seen.insert(d.id.clone()) {
            problems.push(Diagnostic::about(about(None), LedgerProblem::DuplicateId));
        }
        let mut edits = Vec::with_capacity(d.edits.len());
        for (e, raw_edit) in d.edits.into_iter().enumerate() {
            match raw_edit.check() {
                Ok(edit) => edits.push(edit),
                Err(found) => problems.extend(found.into_iter().map(|p| Diagnostic::about(about(Some(e)), p))),
            }
        }
        let RawDecision { id, by, at, request, response, date, unexplained, .. } = d;
        decisions.push(Decision { id, by, at, request, response, date, unexplained, edits });
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    let RawOptions { match_width, count_lines, kind, lang, .. } = raw.options;
    let options = LedgerOptions { page_marker, match_width, count_lines, kind, lang };
    Ok(Ledger { title: raw.title, draft: raw.draft, options, decisions })
}

impl RawEdit {
    /// The edit these keys make, or every reason they do not (its action first, then its
    /// scope).
    fn check(self) -> Result<Edit, Vec<LedgerProblem>> {
        let mut problems = Vec::new();
        let count = self.count.unwrap_or_default();
        let scope = self.scope(&mut problems);
        let action = self.action().and_then(|a| a.check().map(|()| a));
        match (action, scope) {
            (Ok(action), Some(scope)) if problems.is_empty() => {
                Ok(Edit::new(action, scope, count).expect("the action was checked").with_evidence(self.evidence))
            }
            (action, _) => {
                if let Err(p) = action {
                    problems.insert(0, p);
                }
                Err(problems)
            }
        }
    }

    /// What the keys `todo`, `old`, `after`, `before` and `new` say the edit does.
    fn action(&self) -> Result<Action, LedgerProblem> {
        if let Some(note) = &self.todo {
            return Ok(Action::Todo(Todo {
                note: note.clone(),
                old: self.old.clone(),
                after: self.after.clone(),
                before: self.before.clone(),
                new: self.new.clone(),
            }));
        }
        let new = self.new.clone();
        match (&self.old, &self.after, &self.before) {
            (Some(old), None, None) => {
                Ok(Action::Replace { old: old.clone(), new: new.ok_or(LedgerProblem::OldWithoutNew)? })
            }
            (None, Some(anchor), None) | (None, None, Some(anchor)) => {
                let side = if self.after.is_some() { Side::After } else { Side::Before };
                Ok(Action::Insert { anchor: anchor.clone(), side, new: new.ok_or(LedgerProblem::InsertionWithoutNew)? })
            }
            (None, None, None) => Err(LedgerProblem::NoAnchor),
            _ => Err(LedgerProblem::SeveralAnchors),
        }
    }

    /// What the keys `page`, `pages`, `line`, `per_page`, `prefix` and `suffix` say; `None` when
    /// they do not make a scope (the reasons pushed on `problems`).
    fn scope(&self, problems: &mut Vec<LedgerProblem>) -> Option<Scope> {
        let before = problems.len();
        if self.page.is_some() && self.pages.is_some() {
            problems.push(LedgerProblem::PageAndPages);
        }
        if matches!(&self.pages, Some(p) if p.is_empty()) {
            problems.push(LedgerProblem::EmptyPages);
        }
        let written: Option<Vec<RawPage>> = self.page.clone().map(|p| vec![p]).or_else(|| self.pages.clone());
        let pages: Option<Vec<PageNo>> = written.map(|w| w.iter().filter_map(|p| p.check(problems)).collect());
        if self.line.is_some() && pages.as_ref().is_none_or(|p| p.len() != 1) {
            problems.push(LedgerProblem::LineWithoutOnePage);
        }
        if self.line == Some(0) {
            problems.push(LedgerProblem::LineZero);
        }
        let per_page = self.per_page.unwrap_or(false);
        if per_page && pages.is_none() {
            problems.push(LedgerProblem::PerPageWithoutPages);
        }
        if per_page && self.line.is_some() {
            problems.push(LedgerProblem::PerPageWithLine);
        }
        if problems.len() > before {
            return None;
        }
        let pages = match (pages, self.line.and_then(NonZeroI64::new)) {
            (None, _) => PageScope::Anywhere,
            (Some(pages), Some(line)) => PageScope::Line { page: pages[0], line },
            (Some(pages), None) => PageScope::Pages { pages, per_page },
        };
        Some(Scope { pages, prefix: self.prefix.clone(), suffix: self.suffix.clone() })
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a whole number from 1 up, or "all""#)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                if v > MAX_COUNT {
                    Err(E::custom(too_many(&v.to_string())))
                } else if v >= 1 {
                    Ok(Count::Exactly(v as usize))
                } else {
                    Err(E::custom(format!("count must be 1 or more, or \"all\" (found {v})")))
                }
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
                match i64::try_from(v) {
                    Ok(v) if v <= MAX_COUNT => self.visit_i64(v),
                    _ => Err(E::custom(too_many(&v.to_string()))),
                }
            }
            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Count, E> {
                match i64::try_from(v) {
                    Ok(v) => self.visit_i64(v),
                    Err(_) if v < 0 => Err(E::custom(format!("count must be 1 or more, or \"all\" (found {v})"))),
                    Err(_) => Err(E::custom(too_many(&v.to_string()))),
                }
            }
            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Count, E> {
                Err(E::custom(too_many(&v.to_string())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Count, E> {
                if v.fract() == 0.0 && v >= 1.0 && v <= MAX_COUNT as f64 {
                    self.visit_i64(v as i64)
                } else if v.fract() == 0.0 && v > MAX_COUNT as f64 {
                    Err(E::custom(too_many(&v.to_string())))
                } else {
                    Err(E::custom(format!("count must be a whole number from 1 up, or \"all\" (found {v})")))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Count, E> {
                if v == "all" {
                    Ok(Count::All)
                } else {
                    Err(E::custom(format!("count must be a number or \"all\" (found \"{v}\")")))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// The largest `count`: more matches than a draft under 2 GiB can hold is a typo.
const MAX_COUNT: i64 = crate::fold::MAX_TEXT as i64;

/// The message for a `count` past [`MAX_COUNT`] (or past the integer range).
fn too_many(v: &str) -> String {
    format!(
        "count {v} is more than any draft can hold (at most {MAX_COUNT}); write the number of matches expected, or \"all\" for any number from 1"
    )
}

/// 1-based line and column (in chars) of a byte offset.
fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;

    fn problems(toml: &str) -> Vec<LedgerProblem> {
        match Ledger::from_toml(toml) {
            Err(p) => p
                .into_iter()
                .map(|d| match d.kind {
                    Kind::Ledger(p) => p,
                    other => panic!("{other:?}"),
                })
                .collect(),
            Ok(l) => panic!("expected problems, got {l:?}"),
        }
    }

    const EDIT: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\n";

    /// A ledger with what a long one holds: the top of the file, comments, a multi-line string
    /// holding a header, evidence tables, inline tables and arrays over several lines.
    fn long_ledger(decisions: usize) -> String {
        let mut text = String::from("title = \"計画\"  # 表題\n[options]\nmatch_width = true\n\n");
        for i in 0..decisions {
            text.push_str(&format!(
                "[[decision]] # 第{i}\nid = \"{i}\"\nresponse = \"\"\"\n[[decision]]\nご意見を踏まえ修正いたします。\"\"\"\n\
                 [[decision.edit]]\nold = \"設置{i}\"\nnew = \"開催\"\npages = [\n  4,\n  12,\n]\ncount = \"all\"\n\
                 [decision.edit.evidence]\nclues = [\"quote\", \"page\"]\nconfidence = \"high\"\n\
                 [[decision.edit]]\nafter = '{i}の'\nnew = \"（注）\"\n\n"
            ));
        }
        text
    }

    #[test]
    fn a_ledger_read_in_pieces_is_the_ledger_read_whole() {
        let text = long_ledger(40);
        let whole = check(toml::from_str(&text).unwrap()).unwrap();
        assert_eq!(whole.decisions.len(), 40);
        assert_eq!(whole.decisions[39].edits.len(), 2);
        for piece in [1, 300, 5_000] {
            assert_eq!(Ledger::from_toml_in_pieces(&text, piece), Some(Ok(whole.clone())), "{piece}");
        }
        // As `from_toml` reads a ledger past the piece size.
        let text = long_ledger(pieces::PIECE / 100);
        assert!(text.len() > 2 * pieces::PIECE);
        assert_eq!(Ledger::from_toml(&text), Ok(check(toml::from_str(&text).unwrap()).unwrap()));
    }

    #[test]
    fn a_problem_in_a_later_piece_is_reported_at_its_line_in_the_file() {
        let mut text = long_ledger(pieces::PIECE / 100);
        text.push_str("[[decision]]\nid = \"last\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\nmore = 1\n");
        let line = text.lines().count() - 1;
        assert!(Ledger::from_toml_in_pieces(&text, pieces::PIECE).is_none());
        match problems(&text).as_slice() {
            [LedgerProblem::Syntax { line: l, .. }] => assert_eq!(*l, line, "{text}"),
            other => panic!("{other:?}"),
        }
        // A key that is a problem in a later piece is reported with its line, as read whole.
        let mut text = long_ledger(pieces::PIECE / 100);
        text.push_str("[[decision]]\nid = \"last\"\n[[decision.edit]]\nold = \"a\"\nnew = \"b\"\npage = \"p?\"\n");
        assert_eq!(Ledger::from_toml(&text), check(toml::from_str(&text).unwrap()));
        assert!(Ledger::from_toml(&text).is_err());
    }

    #[test]
    fn every_key_combination_is_checked() {
        let cases: [(&str, &[LedgerProblem]); 9] = [
            ("old = \"a\"\n", &[LedgerProblem::OldWithoutNew]),
            ("after = \"a\"\n", &[LedgerProblem::InsertionWithoutNew]),
            ("new = \"a\"\n", &[LedgerProblem::NoAnchor]),
            ("old = \"a\"\nbefore = \"b\"\nnew = \"c\"\n", &[LedgerProblem::SeveralAnchors]),
            ("old = \"a\"\nnew = \"b\"\npage = 1\npages = [2]\n", &[LedgerProblem::PageAndPages]),
            (
                "old = \"a\"\nnew = \"b\"\npages = []\nline = 0\n",
                &[LedgerProblem::EmptyPages, LedgerProblem::LineWithoutOnePage, LedgerProblem::LineZero],
            ),
            (
                "old = \"a\"\nnew = \"a\"\nline = 3\n",
                &[LedgerProblem::NothingChanges, LedgerProblem::LineWithoutOnePage],
            ),
            ("old = \"a\"\nnew = \"b\"\nper_page = true\n", &[LedgerProblem::PerPageWithoutPages]),
            ("old = \"a\"\nnew = \"b\"\npage = 2\nline = 1\nper_page = true\n", &[LedgerProblem::PerPageWithLine]),
        ];
        for (keys, want) in cases {
            assert_eq!(problems(&format!("{EDIT}{keys}")), want, "{keys}");
        }
    }

    #[test]
    fn scopes_are_read_as_written() {
        let l = Ledger::from_toml(&format!(
            "{EDIT}old = \"a\"\nnew = \"b\"\npages = [4, 11]\ncount = \"all\"\nper_page = true\nprefix = \"x\"\n"
        ))
        .unwrap();
        let e = &l.decisions[0].edits[0];
        assert_eq!(
            e.scope().pages,
            PageScope::Pages { pages: vec![PageNo::Number(4), PageNo::Number(11)], per_page: true }
        );
        assert_eq!((e.count(), e.scope().prefix.as_deref()), (Count::All, Some("x")));
        let l = Ledger::from_toml(&format!("{EDIT}old = \"a\"\nnew = \"b\"\npages = [6]\nline = -2\n")).unwrap();
        assert_eq!(l.decisions[0].edits[0].scope(), &Scope::line(6, -2).unwrap());
    }

    #[test]
    fn a_todo_keeps_its_text() {
        let l = Ledger::from_toml(&format!("{EDIT}todo = \"check\"\nnew = \"b\"\npage = 9\n")).unwrap();
        let e = &l.decisions[0].edits[0];
        assert_eq!(e.action(), &Action::Todo(Todo { new: Some("b".into()), ..Todo::note("check") }));
        assert_eq!(e.scope(), &Scope::pages(vec![9]));
    }

    #[test]
    fn a_bad_page_marker_is_reported_with_the_rest() {
        let p = problems(&format!("[options]\npage_marker = \"(\"\n{EDIT}after = \"x\"\n"));
        assert!(matches!(p[0], LedgerProblem::PageMarker { .. }), "{p:?}");
        assert_eq!(p[1], LedgerProblem::InsertionWithoutNew);
    }

    #[test]
    fn line_and_column_count_chars() {
        assert_eq!(line_column("ab\nあいx", 3 + 6), (2, 3));
    }
}
