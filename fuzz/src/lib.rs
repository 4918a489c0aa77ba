//! What the fuzz targets share: splitting one input into the pieces a target needs.
//!
//! A fuzzer mutates one byte string. Targets that need two texts (a draft and its edits, an old
//! and a new text) split it at the first NUL byte, which no text akaji reads holds.

pub mod edit_lines;

/// The input split at its first NUL byte: (before, after); the whole input and "" without one.
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// `bytes` as UTF-8 with invalid sequences replaced, so that every input reaches the code.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
