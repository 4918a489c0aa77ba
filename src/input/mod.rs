//! Inputs: the bytes of a draft, a final, an old or a new text, read as a [`Document`].
//!
//! A text is UTF-8 (a byte order mark is set aside); a `.docx` is read as the text of its
//! paragraphs (see [`crate::docx`]), and refused when it holds tracked changes, since akaji will
//! not guess which version is meant; a `.pdf` is read through PDFium as its pages' lines (see
//! [`crate::pdf`]), and refused when it has no text layer. Reading files, and naming them in messages, is the
//! caller's: the command line reads the bytes, this module says what they hold.
//!
//! ```
//! use akaji::{read_document, InputKind, PageMarker};
//! let doc = read_document("一\n- 4 -\n".as_bytes().to_vec(), InputKind::Text, &PageMarker::default()).unwrap();
//! assert_eq!(doc.pages()[0].number, 4);
//! let err = read_document(vec![0x82, 0xa0], InputKind::Text, &PageMarker::default()).unwrap_err();
//! assert!(err.to_string().starts_with("is not UTF-8 text (invalid byte at offset 0)"));
//! ```

mod kind;
mod problem;
mod read;

pub use kind::InputKind;
pub use problem::InputProblem;
pub use read::{decode_text, read_document, MAX_INPUT};
