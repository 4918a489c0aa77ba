//! The `json` format: hunks with char offsets, for programs.
//!
//! One object, with stable `snake_case` names (documented in README.md):
//! `old_label`, `new_label`, `title`, `deadline_hit`, `old_document` (the whole old text, so that
//! the new text can be rebuilt from this file alone), `hunks` and `decisions`. Each hunk holds
//! `kind` (`insert`, `delete`, `replace`, `move`), `old` and `new` as half-open `[start, end]`
//! offsets counted in Unicode scalar values (chars), `old_text`, `new_text`, `old_page`,
//! `old_line`, `new_page`, `new_line`, `decision`, `edit` and `move_id` (null when unknown), and
//! `layout`; the two ends of a move edited on the way also hold `inner_changes`, the changes
//! between them (each `old`, `new`, `old_text`, `new_text`, ranges in chars of the whole texts, and
//! `layout` for line breaks placed differently).
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("設置する", "開催する", vec![Hunk::new(0..6, 0..6)]);
//! let mut out = Vec::new();
//! render(&r, Format::Json, &RenderOptions::default(), &mut out).unwrap();
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v["hunks"][0]["old"], serde_json::json!([0, 2]));
//! assert_eq!(v["hunks"][0]["kind"], "replace");
//! ```

use super::format::RenderOptions;
use crate::document::PageNo;
use crate::ledger::Decision;
use crate::redline::{Hunk, HunkKind, Redline};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// The whole output (what [`render`](super::render) writes, to read it back with serde).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonRedline {
    /// Name of the old text.
    pub old_label: String,
    /// Name of the new text.
    pub new_label: String,
    /// The title, if known.
    pub title: Option<String>,
    /// Whether the diff engine gave up refining (hunks correct but coarser).
    pub deadline_hit: bool,
    /// The whole old text (without a byte order mark).
    pub old_document: String,
    /// The changes, in order.
    pub hunks: Vec<JsonHunk>,
    /// The ledger's decisions (empty for a plain diff).
    pub decisions: Vec<JsonDecision>,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonHunk {
    /// `insert`, `delete`, `replace` or `move`.
    pub kind: String,
    /// Half-open char range in the old text.
    pub old: [usize; 2],
    /// Half-open char range in the new text.
    pub new: [usize; 2],
    /// The old side's text.
    pub old_text: String,
    /// The new side's text.
    pub new_text: String,
    /// Page of the old side's start.
    pub old_page: PageNo,
    /// Line within that page (1-based; 0 on a page-marker line).
    pub old_line: usize,
    /// Page of the new side's start.
    pub new_page: PageNo,
    /// Line within that page.
    pub new_line: usize,
    /// The decision, when known.
    pub decision: Option<String>,
    /// The edit's number within the decision, from 1 as in messages, when known.
    pub edit: Option<usize>,
    /// Links the two ends of a move.
    pub move_id: Option<usize>,
    /// The sides differ in layout only (a comparison of content keeps such differences so that
    /// both texts can be rebuilt; they are not changes of wording).
    #[serde(default)]
    pub layout: bool,
    /// On both ends of a move edited on the way: the changes between its two ends, in order
    /// (left out of the file when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inner_changes: Vec<JsonInnerChange>,
}

/// A change inside a move edited on the way: char ranges in the old text (inside the move's old
/// end) and in the new text (inside its new end), and their texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonInnerChange {
    /// Half-open char range in the old text (empty for an inner insertion).
    pub old: [usize; 2],
    /// Half-open char range in the new text (empty for an inner deletion).
    pub new: [usize; 2],
    /// The old text of the change.
    pub old_text: String,
    /// The new text of the change.
    pub new_text: String,
    /// Line breaks only, placed differently: not a change of wording.
    #[serde(default)]
    pub layout: bool,
}

/// A decision, as much as a reader of the redline needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDecision {
    /// The decision's id.
    pub id: String,
    /// Who asked.
    pub by: Option<String>,
    /// Where the comment pointed.
    pub at: Option<String>,
    /// The comment.
    pub request: Option<String>,
    /// The answer.
    pub response: Option<String>,
    /// When it was decided.
    pub date: Option<String>,
}

impl From<&Decision> for JsonDecision {
    fn from(d: &Decision) -> Self {
        JsonDecision {
            id: d.id.clone(),
            by: d.by.clone(),
            at: d.at.clone(),
            request: d.request.clone(),
            response: d.response.clone(),
            date: d.date.as_ref().map(|x| x.0.clone()),
        }
    }
}

/// The name of a kind as written in JSON.
fn kind_name(kind: HunkKind) -> &'static str {
    match kind {
        HunkKind::Insert => "insert",
        HunkKind::Delete => "delete",
        HunkKind::Replace => "replace",
        HunkKind::Move => "move",
    }
}

impl JsonHunk {
    /// The JSON form of hunk `h` of `redline`.
    fn new(redline: &Redline, h: &Hunk) -> JsonHunk {
        let (op, np) = (redline.old.position(h.old.start), redline.new.position(h.new.start));
        let (old_text, new_text) = (redline.old_text(h), redline.new_text(h));
        JsonHunk {
            kind: kind_name(h.kind).to_owned(),
            old: [op.offset, op.offset + old_text.chars().count()],
            new: [np.offset, np.offset + new_text.chars().count()],
            old_text: old_text.to_owned(),
            new_text: new_text.to_owned(),
            old_page: op.page,
            old_line: op.line,
            new_page: np.page,
            new_line: np.line,
            decision: redline.decision(h).map(|d| d.id.clone()),
            edit: h.edit.map(|e| e.edit + 1),
            move_id: h.move_id,
            layout: h.layout,
            inner_changes: h
                .inner_changes
                .iter()
                .map(|c| {
                    let (o, n) = (redline.old.char_offset(c.old.start), redline.new.char_offset(c.new.start));
                    let (ot, nt) = (&redline.old.text()[c.old.clone()], &redline.new.text()[c.new.clone()]);
                    JsonInnerChange {
                        old: [o, o + ot.chars().count()],
                        new: [n, n + nt.chars().count()],
                        old_text: ot.to_owned(),
                        new_text: nt.to_owned(),
                        layout: c.layout,
                    }
                })
                .collect(),
        }
    }
}

impl JsonRedline {
    /// The JSON form of `redline`.
    pub fn new(redline: &Redline, options: &RenderOptions) -> JsonRedline {
        JsonRedline {
            old_label: options.old_label.clone(),
            new_label: options.new_label.clone(),
            title: redline.title.as_deref().map(str::to_owned),
            deadline_hit: redline.deadline_hit,
            old_document: redline.old.text().to_owned(),
            hunks: redline.hunks.iter().map(|h| JsonHunk::new(redline, h)).collect(),
            decisions: redline.decisions.iter().map(JsonDecision::from).collect(),
        }
    }
}

/// Render `redline` as JSON: the top level one key a line, each hunk and decision on one line.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    writeln!(w, "{{")?;
    writeln!(w, "  \"old_label\": {},", compact(&options.old_label)?)?;
    writeln!(w, "  \"new_label\": {},", compact(&options.new_label)?)?;
    writeln!(w, "  \"title\": {},", compact(&redline.title.as_deref())?)?;
    writeln!(w, "  \"deadline_hit\": {},", redline.deadline_hit)?;
    // Straight to the writer: the text is as large as the document.
    write!(w, "  \"old_document\": ")?;
    write_str(&mut w, redline.old.text())?;
    writeln!(w, ",")?;
    // Each hunk made and written in turn (measured on `akaji diff` of 100 MB of pages: made all
    // first, then each to a string and written, the hunks held 43 MB more, 541 MB peak against
    // 498 MB, and the diff took 3% longer).
    list(&mut w, "hunks", redline.hunks.iter().map(|h| JsonHunk::new(redline, h)), ",")?;
    list(&mut w, "decisions", redline.decisions.iter().map(JsonDecision::from), "")?;
    writeln!(w, "}}")?;
    w.flush()
}

/// `"key": [ … ]` with one item a line, each written as it comes.
fn list<T: Serialize>(
    w: &mut dyn Write,
    key: &str,
    items: impl ExactSizeIterator<Item = T>,
    after: &str,
) -> io::Result<()> {
    let n = items.len();
    if n == 0 {
        return writeln!(w, "  \"{key}\": []{after}");
    }
    writeln!(w, "  \"{key}\": [")?;
    // Each item serialised into one buffer, then written at once: serde_json writing through
    // `dyn Write` made a call per key and bracket (measured, callgrind, the 2,002 hunks of 1 MB
    // of pages: 18.4 million instructions for the list, 12.8 million so).
    let mut line = Vec::new();
    for (i, item) in items.enumerate() {
        line.clear();
        line.extend_from_slice(b"    ");
        serde_json::to_writer(&mut line, &item)?;
        line.extend_from_slice(if i + 1 < n { b",\n" } else { b"\n" });
        w.write_all(&line)?;
    }
    writeln!(w, "  ]{after}")
}

/// `text` as a JSON string, byte for byte what serde_json writes: `"` and `\\` escaped, the
/// control characters below U+0020 as `\\b \\f \\n \\r \\t` or `\\u00XX`. Eight bytes are looked
/// at a time and written on in runs between the bytes to escape (measured, callgrind, `akaji
/// diff` of 1 MB of pages: the whole old text took serde_json 10.3 million instructions, about
/// ten a byte, and this 4.8 million, most of them at its 30,000 line breaks).
fn write_str(w: &mut impl Write, text: &str) -> io::Result<()> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each byte of `x` below `n` (n at most 0x80): exact from the lowest byte
    // so flagged, the bytes above it may be flagged wrongly (a borrow), which only costs a look.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    // The bytes of eight to escape: below 0x20, a quote, a backslash.
    let special =
        |x: u64| below(x, 0x20) | below(x ^ (ONES * u64::from(b'"')), 1) | below(x ^ (ONES * u64::from(b'\\')), 1);
    let bytes = text.as_bytes();
    w.write_all(b"\"")?;
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(eight) = bytes.get(i..i + 8).and_then(|e| <[u8; 8]>::try_from(e).ok()) {
            match special(u64::from_le_bytes(eight)) {
                0 => {
                    i += 8;
                    continue;
                }
                // The lowest byte flagged is one to escape.
                mask => i += mask.trailing_zeros() as usize / 8,
            }
        }
        let b = bytes[i];
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        w.write_all(&bytes[run..i])?;
        if escaped.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            w.write_all(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])?;
        } else {
            w.write_all(escaped)?;
        }
        i += 1;
        run = i;
    }
    w.write_all(&bytes[run..])?;
    w.write_all(b"\"")
}

fn compact<T: Serialize>(value: &T) -> io::Result<String> {
    Ok(serde_json::to_string(value)?)
}

#[cfg(test)]
mod tests {
    use super::write_str;
    use proptest::prelude::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_byte_to_escape_is_escaped_as_serde_json_escapes_it() {
        // Each control character, the quote and the backslash, at every place within a run of
        // eight and next to text of one, two, three and four bytes a character.
        let specials: String = (0u8..0x20).map(char::from).chain(['"', '\\', '\u{7f}']).collect();
        for lead in ["", "a", "ab", "abcdefg", "設置", "ｱ", "😀"] {
            for c in specials.chars() {
                for pad in 0..9 {
                    let text = format!("{lead}{}{c}{}開催", "x".repeat(pad), "y".repeat(8 - pad));
                    assert_eq!(written(&text), serde_json::to_string(&text).unwrap(), "{text:?}");
                }
            }
        }
        assert_eq!(written(&specials), serde_json::to_string(&specials).unwrap());
        assert_eq!(written(""), "\"\"");
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_json_writes_it(text in "(?s).{0,64}", bytes in proptest::collection::vec(0u8..0x80, 0..64)) {
            prop_assert_eq!(written(&text), serde_json::to_string(&text).unwrap());
            let ascii = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(written(&ascii), serde_json::to_string(&ascii).unwrap());
        }
    }
}
