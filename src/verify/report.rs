//! The verification report as data: what every renderer (text, json, html) draws from.
//!
//! The field names are part of the `--format json` contract and stay stable; they are
//! `snake_case`. A [`VerifyReport`] holds one [`DecisionReport`] per decision of the ledger (in
//! the ledger's order), each with one [`EditReport`] per edit, each with the [`Finding`]s that back
//! its status; then the changes no decision explains ([`Unexplained`]), and a [`Summary`] of
//! counts. Messages are kept as data ([`Diagnostic`]) and written in words only when serialized.
//!
//! ```
//! use akaji::verify::Status;
//! // A decision's status is the worst of its edits' statuses.
//! assert_eq!([Status::Applied, Status::Missing, Status::Different].into_iter().max(), Some(Status::Missing));
//! assert_eq!(Status::Unanchored.name(), "unanchored");
//! ```

use super::note::VerifyNote;
use crate::diagnostic::{Diagnostic, Subject};
use crate::document::Place;
use crate::ledger::{Edit, EditRef, Ledger};
use crate::messages::{body, explains};
use serde::{Serialize, Serializer};
use std::ops::Range;
use std::time::Duration;

/// What became of a promised edit, from best to worst (so `max()` is the worst).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// The final has `new` where the draft had `old`.
    Applied,
    /// A todo edit that knows its new text (`new`), and the final holds it: the ledger still
    /// has to be completed, but the promised wording stands.
    AppliedTodo,
    /// Without a draft: `old` and `new` were both found in scope, or neither, or not `count` times.
    Unclear,
    /// The edit is marked `todo` in the ledger: there is nothing to check yet.
    Todo,
    /// A todo edit that knows its new text (`new`), and the final does not hold it.
    MissingTodo,
    /// That place changed, but not to what was promised.
    Different,
    /// The draft's text is still there.
    Missing,
    /// The edit's anchor is not in the draft (or conflicts with another): the ledger is wrong.
    Unanchored,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 8] = [
        Status::Applied,
        Status::AppliedTodo,
        Status::Unclear,
        Status::Todo,
        Status::MissingTodo,
        Status::Different,
        Status::Missing,
        Status::Unanchored,
    ];

    /// The name used in every report.
    pub fn name(self) -> &'static str {
        match self {
            Status::Applied => "applied",
            Status::AppliedTodo => "applied_todo",
            Status::Unclear => "unclear",
            Status::Todo => "todo",
            Status::MissingTodo => "missing_todo",
            Status::Different => "different",
            Status::Missing => "missing",
            Status::Unanchored => "unanchored",
        }
    }
}

/// How the final was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Draft and final aligned by the diff engine.
    WithDraft,
    /// Only the final: each edit's `old` and `new` looked for in its scope.
    WithoutDraft,
}

/// Options of a verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Count layout (line breaks, spaces, page markers, running heads) as content.
    pub keep_layout: bool,
    /// Give the diff engine this long before it settles for a coarser alignment.
    pub timeout: Option<Duration>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions { keep_layout: false, timeout: Some(Duration::from_secs(10)) }
    }
}

/// The whole verification (borrowing the draft, for the redline of the html report).
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport<'a> {
    /// With or without the draft.
    pub mode: Mode,
    /// The files compared, as named on the command line (filled in by the caller).
    pub files: Files,
    /// One entry per decision, in the ledger's order.
    pub decisions: Vec<DecisionReport>,
    /// Changes between draft and final that no edit explains (with the draft only).
    pub unexplained: Vec<Unexplained>,
    /// Counts.
    pub summary: Summary,
    /// What was treated as layout rather than content.
    pub layout: Layout,
    /// Things the reader must know to read the report right (e.g. scopes matched on the final's
    /// pages).
    pub notes: Vec<String>,
    /// The draft with every problem marked, for the html report (not serialized).
    #[serde(skip)]
    pub marked: Option<Marked<'a>>,
}

/// The files a report is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Files {
    /// The ledger.
    pub ledger: String,
    /// The draft, when one was used.
    pub draft: Option<String>,
    /// The final that was checked.
    #[serde(rename = "final")]
    pub final_text: String,
    /// The lock checked by, without a draft.
    pub lock: Option<String>,
}

/// What verify left out of the comparison as layout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// Whether layout was counted as content (`--keep-layout`).
    pub kept: bool,
    /// The running heads found (lines repeated at the top of many pages), left out.
    pub running_heads: Vec<String>,
}

/// One decision and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionReport {
    /// The decision's id (項番).
    pub id: String,
    /// Who asked.
    pub by: Option<String>,
    /// Where the comment pointed.
    pub at: Option<String>,
    /// The worst status of its edits (`applied` for a decision without edits).
    pub status: Status,
    /// Its edits.
    pub edits: Vec<EditReport>,
}

/// One edit and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditReport {
    /// The edit's number within its decision, 1-based.
    pub edit: usize,
    /// The edit in one line: 「設置」→「開催」 (P4).
    pub summary: String,
    /// The worst status of its findings.
    pub status: Status,
    /// Why, when there is no place to show: the resolve problem of an unanchored edit, the note
    /// of a todo, why an edit is unclear (written in words, without its subject, in JSON).
    #[serde(serialize_with = "words")]
    pub message: Option<Diagnostic>,
    /// Each place the edit was checked at (one per match, for `count` > 1).
    pub findings: Vec<Finding>,
}

/// One place where an edit was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What was found there.
    pub status: Status,
    /// The place in the draft (with the draft only).
    pub draft: Option<Place>,
    /// The place in the final.
    #[serde(rename = "final")]
    pub in_final: Option<Place>,
    /// What the final should hold there.
    pub expected: String,
    /// What the final holds there, when it is not what was expected.
    pub found: Option<String>,
    /// The place in the draft as a half-open range of chars (Unicode scalar values) of the
    /// draft's text, when known.
    pub draft_range: Option<[usize; 2]>,
    /// The place in the final as a half-open range of chars of the final's text, when known.
    pub final_range: Option<[usize; 2]>,
    /// How the status was told, when it needs saying (without the draft: what the lock's
    /// context shows; a count of new text already in the draft), in words in JSON.
    #[serde(serialize_with = "note_words")]
    pub note: Option<VerifyNote>,
}

/// A change between draft and final that no edit explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unexplained {
    /// Where it is in the draft; `text` is the draft's text there (empty: an insertion).
    pub draft: Place,
    /// Where it is in the final; `text` is the final's text there (empty: a deletion).
    #[serde(rename = "final")]
    pub in_final: Place,
    /// An unanchored edit that would explain this change, if one would: its anchor is wrong in
    /// the ledger, but the final made it (a sentence in JSON).
    #[serde(serialize_with = "would_explain")]
    pub maybe: Option<Subject>,
    /// The change in the draft as a half-open range of chars of the draft's text.
    pub draft_range: [usize; 2],
    /// The change in the final as a half-open range of chars of the final's text.
    pub final_range: [usize; 2],
}

fn words<S: Serializer>(d: &Option<Diagnostic>, s: S) -> Result<S::Ok, S::Error> {
    d.as_ref().map(body).serialize(s)
}

fn note_words<S: Serializer>(n: &Option<VerifyNote>, s: S) -> Result<S::Ok, S::Error> {
    n.as_ref().map(crate::messages::verify_note).serialize(s)
}

fn would_explain<S: Serializer>(edit: &Option<Subject>, s: S) -> Result<S::Ok, S::Error> {
    edit.as_ref().map(explains).serialize(s)
}

/// Counts of decisions by status, and of unexplained changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Decisions in the ledger.
    pub decisions: usize,
    /// Decisions whose every edit is applied.
    pub applied: usize,
    /// Decisions with an edit missing (and none unanchored).
    pub missing: usize,
    /// Decisions with an edit made differently (and none worse).
    pub different: usize,
    /// Decisions with an edit that does not resolve against the draft.
    pub unanchored: usize,
    /// Decisions with an edit still marked todo (and none worse).
    pub todo: usize,
    /// Decisions whose edits could not be told applied or missing (without a draft).
    pub unclear: usize,
    /// Decisions whose todo edit's new text stands in the final (and none worse).
    pub applied_todo: usize,
    /// Decisions whose todo edit's new text is not in the final (and none worse).
    pub missing_todo: usize,
    /// Changes no edit explains.
    pub unexplained: usize,
}

impl Summary {
    fn count(&mut self, status: Status) {
        let slot = match status {
            Status::Applied => &mut self.applied,
            Status::AppliedTodo => &mut self.applied_todo,
            Status::Unclear => &mut self.unclear,
            Status::Todo => &mut self.todo,
            Status::MissingTodo => &mut self.missing_todo,
            Status::Different => &mut self.different,
            Status::Missing => &mut self.missing,
            Status::Unanchored => &mut self.unanchored,
        };
        *slot += 1;
    }
}

/// The draft with its marks, for a redline in which problems stand out.
#[derive(Debug, Clone, Default)]
pub struct Marked<'a> {
    /// The draft's text.
    pub draft: &'a str,
    /// Marks sorted by `range`, not overlapping.
    pub marks: Vec<Mark>,
}

/// One marked stretch of the draft: `range` (bytes of the draft) became `new` in the final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Bytes of the draft.
    pub range: Range<usize>,
    /// What the final has instead (for `missing`: what was promised).
    pub new: String,
    /// The status the mark shows; `None` for an unexplained change.
    pub status: Option<Status>,
    /// The edit behind it; `None` for an unexplained change.
    pub edit: Option<Subject>,
}

impl<'a> VerifyReport<'a> {
    /// A report with its summary counted from its decisions and changes.
    pub fn new(
        mode: Mode,
        decisions: Vec<DecisionReport>,
        unexplained: Vec<Unexplained>,
        layout: Layout,
    ) -> VerifyReport<'a> {
        let mut summary = Summary { decisions: decisions.len(), unexplained: unexplained.len(), ..Summary::default() };
        for d in &decisions {
            summary.count(d.status);
        }
        VerifyReport {
            mode,
            files: Files::default(),
            decisions,
            unexplained,
            summary,
            layout,
            notes: Vec::new(),
            marked: None,
        }
    }

    /// Whether every promise is kept (and, when `strict`, nothing is unexplained).
    pub fn passed(&self, strict: bool) -> bool {
        self.decisions.iter().all(|d| d.status == Status::Applied) && (!strict || self.unexplained.is_empty())
    }
}

/// The worst of some statuses, `applied` when there are none.
pub fn worst(statuses: impl IntoIterator<Item = Status>) -> Status {
    statuses.into_iter().max().unwrap_or(Status::Applied)
}

/// One report per decision, in the ledger's order, from one report per edit: `edit` is given
/// the edit's number among all the ledger's edits (in ledger order), its reference and the edit.
/// A decision's status is the worst of its edits'.
pub(super) fn per_decision(
    ledger: &Ledger,
    mut edit: impl FnMut(usize, EditRef, &Edit) -> EditReport,
) -> Vec<DecisionReport> {
    let mut reports: Vec<DecisionReport> = ledger
        .decisions
        .iter()
        .map(|d| DecisionReport {
            id: d.id.clone(),
            by: d.by.clone(),
            at: d.at.clone(),
            status: Status::Applied,
            edits: Vec::with_capacity(d.edits.len()),
        })
        .collect();
    for (n, (at, e)) in ledger.edits().enumerate() {
        reports[at.decision.0].edits.push(edit(n, at, e));
    }
    for r in &mut reports {
        r.status = worst(r.edits.iter().map(|e| e.status));
    }
    reports
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(id: &str, status: Status) -> DecisionReport {
        DecisionReport { id: id.into(), by: None, at: None, status, edits: Vec::new() }
    }

    #[test]
    fn summary_counts_decisions_by_status() {
        let r = VerifyReport::new(
            Mode::WithDraft,
            vec![decision("1", Status::Applied), decision("2", Status::Missing), decision("3", Status::Missing)],
            Vec::new(),
            Layout::default(),
        );
        assert_eq!((r.summary.decisions, r.summary.applied, r.summary.missing), (3, 1, 2));
        assert!(!r.passed(false));
    }

    #[test]
    fn worst_is_the_most_severe() {
        assert_eq!(worst([]), Status::Applied);
        assert_eq!(worst([Status::Todo, Status::Unanchored, Status::Applied]), Status::Unanchored);
        assert_eq!(worst([Status::Unclear, Status::Applied]), Status::Unclear);
    }

    #[test]
    fn statuses_serialize_as_their_names() {
        for s in Status::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), serde_json::Value::String(s.name().into()));
        }
    }
}
