//! Reading an input's bytes: UTF-8 text, a `.docx` or a `.pdf`.

use super::kind::InputKind;
use super::problem::InputProblem;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, PageMarker};
use crate::docx;
use crate::fold::MAX_TEXT;
use crate::pdf::{self, PdfProblem};

/// The largest input read, in bytes (just under 2 GiB: offsets into a text are 32-bit).
pub const MAX_INPUT: u64 = MAX_TEXT as u64;

/// `bytes` as UTF-8 text (a byte order mark kept), or where it is not.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 >= MAX_INPUT {
        return Err(Diagnostic::new(InputProblem::TooLarge { bytes: bytes.len() as u64 }));
    }
    if let Some(big_endian) = utf16(&bytes) {
        return Err(Diagnostic::new(InputProblem::Utf16 { big_endian }));
    }
    // Validated by `simdutf8` (SIMD): on the benchmark's 1 MB of pages (Japanese, three bytes a
    // character) 0.06 ms against std's 0.92 ms, measured side by side; std names the offset of
    // a bad byte.
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        let offset = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
        return Err(Diagnostic::new(InputProblem::NotUtf8 { offset }));
    }
    // SAFETY: the bytes were just found to be UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Whether `bytes` look like UTF-16 text, and in which byte order: a UTF-16 byte order mark, or
/// (without one) a NUL in every other byte of the first ones, as ASCII written in UTF-16 has.
/// (Windows' Notepad and Excel write UTF-16 as "Unicode".)
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => return Some(false),
        [0xfe, 0xff, ..] => return Some(true),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |offset: usize| head.iter().skip(offset).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    match (zeros(0) * 10 >= half * 9, zeros(1) * 10 >= half * 9) {
        (false, true) => Some(false),
        (true, false) => Some(true),
        _ => None,
    }
}

/// The document `bytes` hold, paginated by `marker` (a PDF is paginated by its own pages: see
/// [`crate::pdf::Pdf::text`]).
pub fn read_document(bytes: Vec<u8>, kind: InputKind, marker: &PageMarker) -> Result<Document, Diagnostic> {
    match kind {
        InputKind::Text => Ok(Document::from_string(decode_text(bytes)?, marker)),
        InputKind::Docx => {
            let read = docx::read(&bytes)?;
            if let Some((count, authors, first)) = read.change_summary() {
                let first = Box::new(first.clone());
                return Err(Diagnostic::new(InputProblem::TrackedChanges { count, authors, first }));
            }
            Ok(Document::from_string(read.text, marker))
        }
        InputKind::Pdf => {
            let pdf = pdf::read(&bytes)?;
            if pdf.pages.iter().all(|p| p.lines.is_empty()) {
                // A scan: an empty text would make every quote "not found", which reads as a
                // wrong ledger rather than a missing text layer.
                return Err(Diagnostic::new(PdfProblem::NoText { pages: pdf.pages.len() }));
            }
            Ok(pdf.document())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_taken_as_it_is_and_a_bad_byte_is_named_by_its_offset() {
        assert_eq!(
            decode_text("\u{feff}分科会を設置する。\n".as_bytes().to_vec()).unwrap(),
            "\u{feff}分科会を設置する。\n"
        );
        let mut bytes = "設置".repeat(40).into_bytes();
        bytes.push(0xff);
        bytes.extend_from_slice("する".as_bytes());
        let message = decode_text(bytes).unwrap_err().to_string();
        assert!(message.contains("240"), "the offset of the bad byte (80 characters of 3 bytes): {message}");
    }
}
