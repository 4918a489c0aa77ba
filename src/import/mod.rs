//! Import: draft a ledger from a published comment/answer table.
//!
//! Ministries publish every comment beside its answer (項番, 意見提出者, 該当箇所, 御意見,
//! 考え方, sometimes 修正の有無). `table` reads such a table from text (TSV or CSV, headers found
//! by name: `columns`, `role`; HTML in cells made plain: `cell_html`) and `grid` from rows of
//! cells already apart (an `.xlsx` sheet through `xlsx`, or the rows a PDF table reader
//! rebuilds: [`import_grid`]); `classify` tells the answers that promise a change and `mark`
//! reads the 修正の有無 column; `extract` reads an answer sentence by sentence (`sentence`,
//! before/after blocks: `pairs`) into drafted edits (`drafted`), scoped by the pages and lines
//! they cite (`citation`) or that the request ties to them (`request`), quoting only what the
//! answer quotes (`quote`); what an answer leaves out becomes a `todo` edit. `convert` puts it
//! together ([`import`], [`import_xlsx`], [`import_grid`]), counts what it found
//! ([`ImportReport`]), and `write` writes the drafted ledger decision by decision.
//!
//! ```
//! use akaji::import::{import, ImportOptions};
//! let table = "項番\t御意見\t考え方\n1\t誤字です。\t御指摘を踏まえ、P6の「あたって」を「当たって」に修正いたします。\n2\t賛成です。\t賛同の御意見として承ります。\n";
//! let done = import(table, &ImportOptions::default()).unwrap();
//! assert_eq!(done.ledger.decisions.len(), 2);
//! assert_eq!(akaji::messages::edit_summary(&done.ledger.decisions[0].edits[0]), "「あたって」→「当たって」 (P6)");
//! assert_eq!((done.report.promising, done.report.extracted, done.report.todo), (1, 1, 0));
//! ```

mod cell_html;
mod citation;
mod classify;
mod columns;
mod convert;
mod drafted;
mod extract;
mod grid;
mod mark;
mod pairs;
mod problem;
mod quote;
mod report;
mod request;
mod role;
mod sentence;
mod table;
mod write;
mod xlsx;

pub use columns::Columns;
pub use convert::{import, import_grid, import_xlsx, ImportOptions, Imported};
pub use problem::TableProblem;
pub use report::ImportReport;
pub use role::Role;
pub use table::TableFormat;
pub use write::to_toml;

// What reconcile reads of a decision's request and answer, read as import reads it.
pub(crate) use quote::{fragments, Fragment};
pub(crate) use request::Request;
