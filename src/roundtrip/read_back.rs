//! Each format read back, and the one entry point that picks the reader.

use super::texts::{Offset, ParseKind, ParseProblem, Texts};
use super::{parse_critic, parse_html, parse_json, patch};
use crate::diagnostic::Diagnostic;
use crate::render::Format;

/// Read back an output of `format`. `old` is needed for [`Format::Unified`] only.
/// Formats that cannot be read back (ansi, table, docx here) give an error.
pub fn read(format: Format, output: &str, old: Option<&str>) -> Result<Texts, Diagnostic> {
    let problem = |kind| Diagnostic::new(ParseProblem { at: Offset::Byte(0), kind });
    match (format, old) {
        (Format::Critic, _) => from_critic(output),
        (Format::Json, _) => from_json(output),
        (Format::Html, _) => from_html(output),
        (Format::Unified, Some(old)) => Ok(Texts { old: old.to_owned(), new: apply_unified(old, output)? }),
        (Format::Unified, None) => Err(problem(ParseKind::NeedsOld)),
        (format, _) => Err(problem(ParseKind::NotReadBack { format })),
    }
}

/// Both texts of a CriticMarkup document, honouring the escapes the `critic` format writes.
///
/// ```
/// let t = akaji::roundtrip::from_critic(r"a{~~b~>c~~}{>>32<<}\{--").unwrap();
/// assert_eq!((t.old.as_str(), t.new.as_str()), ("ab{--", "ac{--"));
/// ```
pub fn from_critic(output: &str) -> Result<Texts, Diagnostic> {
    parse_critic::parse(output).map_err(Diagnostic::new)
}

/// Both texts of a JSON redline: `old_document` and the hunks, each checked against it.
pub fn from_json(output: &str) -> Result<Texts, Diagnostic> {
    parse_json::parse(output).map_err(Diagnostic::new)
}

/// Both texts of an HTML redline page, from its document element (see the `html` format).
///
/// ```
/// let page = r##"<div class="doc" id="redline">a&lt;<span class="chg" id="c1"><del>b</del><ins>c</ins><a class="tag dec" href="#decision-1">32</a></span>&#13;
/// </div><!--/redline-->"##;
/// let t = akaji::roundtrip::from_html(page).unwrap();
/// assert_eq!((t.old.as_str(), t.new.as_str()), ("a<b\r\n", "a<c\r\n"));
/// ```
pub fn from_html(output: &str) -> Result<Texts, Diagnostic> {
    parse_html::parse(output).map_err(Diagnostic::new)
}

/// The new text: `old` with the unified diff `patch` applied, strictly (every hunk where its
/// header says, every context and removed line the old text's own, terminator included).
///
/// ```
/// let new = akaji::roundtrip::apply_unified("一\n設置\n", "--- a/x\n+++ b/x\n@@ -2 +2 @@\n-設置\n+開催\n").unwrap();
/// assert_eq!(new, "一\n開催\n");
/// ```
pub fn apply_unified(old: &str, patch: &str) -> Result<String, Diagnostic> {
    patch::apply(old, patch).map_err(Diagnostic::new)
}
