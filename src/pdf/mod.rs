//! PDF input: the pages of a PDF as a reader sees them, through PDFium.
//!
//! Ministries publish drafts, finals and comment tables as PDF. This module reads a PDF directly
//! (no `pdftotext` step) with PDFium through the `pdfium-render` crate, and gives, per page:
//! its size, its lines in reading order (top to bottom; horizontal text in one column, as plans
//! are set), each line with its geometry (box, baseline, font size) and its characters with their
//! positions, and each line's [`Role`]: body, running head, footer or page number (found from
//! position: `furniture.rs`), with the [`Signs`] that paragraph joining needs.
//! [`read_table`] rebuilds the cells of a comment table from the same characters.
//!
//! PDFium is loaded at run time (`load.rs`, from the file [`LIBRARY_ENV`] names or the usual
//! places); a PDF read without it is refused with a message that says how to install it. PDFium
//! was chosen after measuring the alternatives on Japanese test PDFs (issue 11): it alone read
//! both an embedded-font PDF and a non-embedded CID-font PDF (HeiseiMin, UniJIS-UCS2-H, no
//! ToUnicode) at 100% of characters; `pdftotext` (poppler) needs the poppler-data CMaps for the
//! latter and reads nothing without them.
//!
//! [`Pdf::text`] is the text the rest of akaji reads: each page's lines in order and the page's
//! footer as printed (`- 12 -`), so that the page markers number the pages as printed.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let pdf = akaji::pdf::read(&std::fs::read("案.pdf")?)?;
//! for page in &pdf.pages {
//!     println!("page {:?}: {} lines", page.printed, page.lines.len());
//! }
//! print!("{}", pdf.text());
//! # Ok(())
//! # }
//! ```

mod extract;
mod furniture;
mod lines;
mod load;
mod page;
mod problem;
mod read;
mod table;

pub use load::ENV as LIBRARY_ENV;
pub use page::{Char, Line, Page, Pdf, Role, Signs};
pub use problem::{LibraryFailure, LibraryTry, PdfProblem};
pub use read::{library, read};
pub use table::read as read_table;

pub(crate) use load::{BUILD, PYPDFIUM};
