//! Verify: was every promised 修正 made, and did anything change that no decision explains?
//!
//! With the draft ([`audit`]), each edit gets a status (`applied`, `missing`, `different`,
//! `unanchored`, `todo`) and every other change between draft and final is listed as
//! unexplained; layout ([`layout`]: line breaks, spaces, page markers, running heads) is not
//! content. Without the draft ([`scan`]), each edit's `old` and `new` are looked for in the
//! final. [`exact`] checks a final byte for byte. The [`report`] is plain data, rendered by
//! [`text`], [`json`] and [`html`].
//!
//! ```
//! use akaji::document::{Document, PageMarker};
//! use akaji::ledger::Ledger;
//! use akaji::verify::{audit::audit, report::{Options, Status}};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let m = PageMarker::default();
//! let draft = Document::new("分科会を設置し、\n検討した。\n- 4 -\n", &m);
//! let published = Document::new("分科会を開催し、検討\nした。\n- 4 -\n", &m);
//! let report = audit(&ledger, &draft, &published, &Options::default());
//! assert_eq!(report.decisions[0].status, Status::Applied);
//! assert!(report.unexplained.is_empty() && report.passed(true));
//! ```

pub mod audit;
pub mod exact;
pub mod html;
pub mod json;
pub mod layout;
pub mod report;
pub mod scan;
pub mod text;
