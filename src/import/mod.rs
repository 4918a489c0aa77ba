//! Import: draft a ledger from a published comment/answer table.
//!
//! Ministries publish every comment beside its answer (項番, 意見提出者, 該当箇所, 御意見,
//! 考え方). [`table`] reads such a table (TSV or CSV, headers found by name: [`columns`]) and
//! [`grid`] one whose cells are already apart (an `.xlsx` sheet through [`xlsx`], or the rows a
//! PDF table reader rebuilds); [`classify`] tells the answers that promise a change; [`extract`]
//! turns their phrasings into edits ([`drafted`]), scoped by the pages and lines they cite
//! ([`scope`]) or that the request ties to them ([`request`]), quoting only what the answer
//! quotes ([`quote`], [`pairs`], [`sentence`]); what an answer leaves out becomes a `todo` edit. [`convert`]
//! puts it together and [`report`] counts.

pub mod classify;
pub mod columns;
pub mod convert;
pub mod drafted;
pub mod extract;
pub mod grid;
pub mod html;
pub mod mark;
pub mod pairs;
pub mod quote;
pub mod report;
pub mod request;
pub mod scope;
pub mod sentence;
pub mod table;
pub mod write;
pub mod xlsx;

pub use convert::{import, import_grid, import_xlsx, ImportOptions, Imported};
