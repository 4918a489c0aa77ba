//! akaji (赤字): correction decisions on a draft, as structured edits.
//!
//! When a ministry revises a draft plan after public comment, its answers promise edits:
//! 「P4、P12、P46、P63の「設置」を「開催」に修正いたします」. akaji records each promise as a decision
//! in a [`ledger`], resolves every edit against the draft ([`anchor`]), builds the final text
//! ([`apply`]), renders a redline in which every change names its decision ([`render`]), and
//! checks that a published text keeps every promise ([`verify`]). Two texts without a ledger
//! are compared by a diff engine made for Japanese ([`diff`]); Word documents with tracked
//! changes are written and read by [`docx`]; a published comment table becomes a ledger draft
//! with [`import`]; and every text format can be read back into both texts ([`roundtrip`]).
//!
//! ```
//! use akaji::{apply, ledger::Ledger};
//! let ledger = Ledger::from_toml(r#"
//! [[decision]]
//! id = "32"
//! [[decision.edit]]
//! old = "設置"
//! new = "開催"
//! page = 4
//! "#).unwrap();
//! let draft = "分科会を設置し、\n検討した。\n- 4 -\n装置を設置した。\n- 5 -\n";
//! let done = apply::apply_text(draft, &ledger).unwrap();
//! assert_eq!(done.text, "分科会を開催し、\n検討した。\n- 4 -\n装置を設置した。\n- 5 -\n");
//!
//! // The same decisions as a redline, every change naming its decision.
//! use akaji::document::Document;
//! use akaji::render::{render, Format, RenderOptions};
//! let doc = Document::new(draft, &ledger.options.page_marker().unwrap());
//! let redline = apply::redline(&doc, &ledger).unwrap();
//! let mut out = Vec::new();
//! render(&redline, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("分科会を{~~設置~>開催~~}"));
//! ```

pub mod anchor;
pub mod apply;
pub mod diff;
pub mod document;
pub mod docx;
pub mod error;
pub mod exit;
pub mod files;
pub mod fold;
pub mod import;
pub mod ledger;
pub mod redline;
pub mod render;
pub mod roundtrip;
pub mod script;
pub mod verify;
pub mod words;

pub use error::Error;
