//! Documents as a reader sees them: the text of a draft or final, its pages and lines, the
//! role of each line on its page, and the body's paragraphs.
//!
//! Drafts are usually text extracted from PDF: every page ends with a footer such as `- 12 -`,
//! opens with running heads (the chapter and section in force), and the cover and table of
//! contents before page 1 carry no number; decisions cite places as 「P6の5行目」 or 「最下行の
//! 6行上」. A [`Document`] keeps the text exactly as read (a byte order mark is set aside and
//! restored, CRLF and LF are left alone) and knows, for every line, its page and its
//! [`LineRole`] (body, running head, footer, page number), and for any byte offset, its page,
//! line and column. Furniture (everything but the body) is never part of a quote and never a
//! change; lines are counted as a reader counts them, the body lines from the top
//! ([`LineCount`]).
//!
//! - Pages and front matter: `paginate.rs` ([`PageNo`] numbers them).
//! - Running heads and footers of a text: `furniture.rs`; a PDF's come from position.
//! - Paragraphs, items and headings: `paragraphs.rs` ([`Paragraph`]), from the markers of
//!   `headings.rs`.
//!
//! ```
//! use akaji::{Document, LineRole, PageMarker, PageNo};
//! // A chapter head above the heading it repeats, then the heading alone on the next page.
//! let text = "1. 総論\n1. 総論\n一行目\n二行目\n- 4 -\n1. 総論\n次の頁\n- 5 -\n";
//! let doc = Document::new(text, &PageMarker::default());
//! assert_eq!((doc.role(0), doc.role(1), doc.role(5)), (LineRole::RunningHead, LineRole::Body, LineRole::RunningHead));
//! let at = doc.position(doc.text().find("二").unwrap());
//! assert_eq!((at.page, at.line), (PageNo::Number(4), 3), "line 1 is the heading under the head");
//! let next = doc.position(doc.text().find("次").unwrap());
//! assert_eq!((next.page, next.line), (PageNo::Number(5), 1));
//! ```

mod edits;
mod furniture;
mod headings;
mod kind;
mod marker;
mod numerals;
mod page;
mod paginate;
mod paragraphs;
mod shared;
mod text;

pub use kind::DocumentKind;
pub use marker::{PageMarker, DEFAULT_PAGE_MARKER};
pub use page::{LineCount, LineRole, Page, PageNo};
pub use paragraphs::{Paragraph, ParagraphKind, Signs};
pub use text::{Document, Place, Position};

pub(crate) use edits::{whole_lines, Put};
pub(crate) use headings::opens_with_marker;
pub(crate) use text::{line_starts, one_line};
