//! Verify: was every promised 修正 made, and did anything change that no decision explains?
//!
//! With the draft ([`audit`]), each edit gets a status (`applied`, `missing`, `different`,
//! `unanchored`, `todo`) and every other change between draft and final is listed as
//! unexplained; layout (the `layout` module: line breaks, spaces, page markers, running heads) is
//! not content. Without the draft ([`scan`]), each edit's `old` and `new` are looked for in the
//! final. [`exact`] checks a final byte for byte. The report ([`VerifyReport`]) is plain data,
//! rendered by [`render_text`], [`render_json`] and [`render_html`].
//!
//! ```
//! use akaji::verify::{audit, Status, VerifyOptions};
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let m = PageMarker::default();
//! let draft = Document::new("分科会を設置し、\n検討した。\n- 4 -\n", &m);
//! let published = Document::new("分科会を開催し、検討\nした。\n- 4 -\n", &m);
//! let report = audit(&ledger, &draft, &published, &VerifyOptions::default());
//! assert_eq!(report.decisions[0].status, Status::Applied);
//! assert!(report.unexplained.is_empty() && report.passed(true));
//! ```

mod align;
mod audit;
mod chars;
mod exact;
pub(crate) mod layout;
mod locked;
mod note;
mod report;
mod report_html;
mod report_json;
mod report_text;
mod scan;
mod todo;

pub use audit::audit;
pub use exact::{exact, Exact, ExactDiff};
pub(crate) use layout::{head_lines, running_heads, View};
pub use locked::locked;
pub use note::VerifyNote;
pub use report::{
    worst, DecisionReport, EditReport, Files, Finding, Layout, Mark, Marked, Mode, Status, Summary, Unexplained,
    VerifyOptions, VerifyReport,
};
pub use report_html::render as render_html;
pub use report_json::render as render_json;
pub use report_text::{render as render_text, summary_line};
pub use scan::{scan, SCOPE_NOTE};
