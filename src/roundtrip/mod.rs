//! Reading redline outputs back: both texts, exactly, from what a renderer wrote.
//!
//! A redline that cannot give back the draft and the final it was made from is a picture, not a
//! record. Each text format keeps enough to rebuild both texts byte for byte (a byte order mark
//! aside): CriticMarkup through its escapes ([`from_critic`]), JSON through `old_document` and the
//! hunks ([`from_json`]), HTML through the structure of its document element ([`from_html`]); a
//! unified diff holds only changed lines and their context, so [`apply_unified`] rebuilds the new
//! text from the old. Property tests render random redlines and read them back.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{roundtrip, Hunk, Redline};
//! let r = Redline::from_texts("設置{--する", "開催{--する", vec![Hunk::new(0..6, 0..6)]);
//! let mut out = Vec::new();
//! render(&r, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
//! let back = roundtrip::from_critic(std::str::from_utf8(&out).unwrap()).unwrap();
//! assert_eq!((back.old.as_str(), back.new.as_str()), ("設置{--する", "開催{--する"));
//! ```

mod parse_critic;
mod parse_html;
mod parse_json;
mod patch;
mod read_back;
mod texts;

pub use read_back::{apply_unified, from_critic, from_html, from_json, read};
pub use texts::{Offset, ParseKind, ParseProblem, Texts};
