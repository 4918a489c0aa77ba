//! Reconcile: the change-history ledger from the three published files.
//!
//! What anyone can get of a revised plan is the draft (案), the final and the table of comments
//! and answers (意見及び考え方). [`reconcile`] takes the table's ledger (as `import` drafts it)
//! or any ledger, the draft and the final, and writes a ledger in which every change between
//! draft and final is attributed to the answer that promised it, or to none:
//!
//! 1. every edit the answers quote is looked for where it resolves (`quoted`): made, made at
//!    some of its places, or not made (the draft's text still there, or something else);
//! 2. every `todo` is completed from the change its answer points at (`complete`, `by_place`):
//!    the new wording it gives, the pair the request asks for, a URL, an insertion on the page
//!    cited…, read as clues (`hints`); each completed edit carries its evidence
//!    (`[decision.edit.evidence]`: the clues, a confidence), and a todo no change fits stays
//!    todo, saying why: that is a promise not kept;
//! 3. every other change is recorded as an edit of a decision marked `unexplained = true`, so
//!    that the ledger applied to the draft gives the final, up to layout (`write`).
//!
//! Nothing is invented: every quote written is the draft's text, every new text the final's
//! (or the answer's, where the final has it). A change is given to an edit only on a clue, the
//! strongest clues first (`finding`: the answers' quotes, then texts, then places and kinds),
//! and a change two edits could claim goes to neither: reconcile says so instead of choosing.
//! Every edit written resolves to its place alone (`pin`: the page, and a prefix or suffix of
//! the draft's own text when the quote stands more than once). Last, the ledger is applied and
//! compared with the final ([`SelfCheck`]).
//!
//! The changes come from the crate's `compare` module, the one comparison verify uses too (`content`:
//! offsets of the content, layout out: the document model's furniture, [`crate::Document::role`]).
//! Line citations are clues, counted as the document counts (body lines) and counting every
//! printed line.
//!
//! ```
//! use akaji::reconcile::{reconcile, ReconcileOptions, Status};
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml(r#"
//! [[decision]]
//! id = "9"
//! response = "御指摘を踏まえ、P1に追記をいたします。"
//! [[decision.edit]]
//! todo = "P1に追記"
//! page = 1
//! "#).unwrap();
//! let m = PageMarker::default();
//! let draft = Document::new("観測を続ける。\n演習を行う。\n- 1 -\n", &m);
//! let published = Document::new("観測を続ける。結果を公表する。\n演習を行う。\n- 1 -\n", &m);
//! let done = reconcile(&ledger, &draft, &published, &ReconcileOptions::default());
//! assert_eq!(done.report.decisions[0].status, Status::Completed);
//! let edit = &done.ledger.decisions[0].edits[0];
//! assert_eq!(akaji::messages::edit_summary(edit), "insert 「結果を公表する。」 after 「観測を続ける。」 (P1)");
//! assert!(edit.evidence().is_some() && done.report.unexplained.is_empty());
//! assert!(done.report.check.left.is_empty());
//! ```

mod by_place;
mod complete;
mod content;
mod finding;
mod hints;
mod inputs;
mod pending;
mod pin;
mod probe;
mod quoted;
mod report;
mod run;
mod write;

pub use report::{
    DecisionOutcome, EditOutcome, Missing, ReconcileReport, SelfCheck, Sought, Status, Summary, UnexplainedChange,
};
pub use run::{reconcile, ReconcileOptions, Reconciled};
