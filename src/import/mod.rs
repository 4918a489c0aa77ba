//! Import: draft a ledger from a published comment/answer table.
//!
//! Ministries publish every comment beside its answer (項番, 意見提出者, 該当箇所, 御意見,
//! 考え方). [`table`] reads such a table (TSV or CSV, headers found by name: [`columns`]); [`classify`] tells
//! the answers that promise a change; [`extract`] turns their phrasings into edits, scoped by the
//! pages and lines they cite ([`scope`]), quoting only what the answer quotes ([`quote`]); what
//! an answer leaves out becomes a `todo` edit. [`convert`] puts it together and [`report`] counts.

pub mod classify;
pub mod columns;
pub mod convert;
pub mod extract;
pub mod html;
pub mod quote;
pub mod report;
pub mod scope;
pub mod table;

pub use convert::{import, ImportOptions, Imported};
