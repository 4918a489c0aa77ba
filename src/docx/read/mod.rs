//! Reading a `.docx` draft as text, and refusing archives that are broken or hostile.
//!
//! The text is the body's paragraphs, one line each (runs joined; a tab is `\t`, a line break
//! `<w:br/>` a line feed, a page break `<w:br w:type="page"/>` a form feed, so that pages of a
//! draft without page-marker lines are the document's pages). Tracked changes are not merged
//! silently: the text is the one with every change accepted, and every change is listed in
//! [`DocxText::changes`] so that a caller can refuse the file or tell the user.
//!
//! A hostile archive is refused with a [`DocxProblem`] before it can cost much: see [`Limits`]
//! and `unzip` for the checks. A part holding a DTD is refused (a Word part never has one, and a
//! DTD is how entity-expansion bombs are built). This module owns the limits and the problems;
//! `unzip` (the archive) and `wordml` (the main part's XML) work within them.

mod content;
mod limits;
mod problem;
mod unzip;
mod wordml;

pub use content::{ChangeKind, DocxText, TrackedChange};
pub use limits::Limits;
pub use problem::{DocxProblem, UnsafeName};

use crate::diagnostic::Diagnostic;
use quick_xml::events::Event;
use quick_xml::NsReader;
use unzip::{resolve, Package};

const OFFICE_DOCUMENT: &str = "/officeDocument";

/// Read the text of a `.docx` with the default [`Limits`].
pub fn read(bytes: &[u8]) -> Result<DocxText, Diagnostic> {
    read_with(bytes, &Limits::default())
}

/// Read the text of a `.docx` within `limits`.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<DocxText, Diagnostic> {
    read_parts(bytes, limits).map_err(Diagnostic::new)
}

fn read_parts(bytes: &[u8], limits: &Limits) -> Result<DocxText, DocxProblem> {
    let mut pkg = Package::open(bytes, limits)?;
    let main = main_part(&mut pkg, limits)?;
    let xml = pkg.part(&main)?;
    wordml::text(&xml, &main, limits)
}

/// The main document part, from the package relationships (`word/document.xml` by default).
fn main_part(pkg: &mut Package, limits: &Limits) -> Result<String, DocxProblem> {
    const RELS: &str = "_rels/.rels";
    const DEFAULT: &str = "word/document.xml";
    if !pkg.has(RELS) {
        return Ok(DEFAULT.into());
    }
    let xml = pkg.part(RELS)?;
    let mut reader = NsReader::from_reader(&xml[..]);
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let err = |detail: String| DocxProblem::Xml { part: RELS.into(), position: pos, detail };
        match reader.read_event().map_err(|e| err(e.to_string()))? {
            Event::DocType(_) => return Err(DocxProblem::Dtd { part: RELS.into() }),
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |key: &[u8]| -> Option<String> {
                    let a = e.try_get_attribute(key).ok()??;
                    a.unescape_value().ok().map(|v| v.into_owned())
                };
                let (Some(ty), Some(target)) = (attr(b"Type"), attr(b"Target")) else { continue };
                if ty.ends_with(OFFICE_DOCUMENT) {
                    let resolved = resolve("", &target);
                    return resolved
                        .ok_or(DocxProblem::UnsafeEntry { name: target, reason: UnsafeName::MainTargetOutside });
                }
            }
            Event::Eof => return Ok(DEFAULT.into()),
            _ => {}
        }
        if depth > limits.max_depth {
            return Err(DocxProblem::TooDeep { part: RELS.into(), limit: limits.max_depth });
        }
    }
}
