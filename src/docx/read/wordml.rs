//! The text of a WordprocessingML main document part, streamed with quick-xml: one line per
//! paragraph, tracked changes accepted and listed. Memory is the part and the text drawn from it.

use super::content::{ChangeKind, DocxText, TrackedChange};
use super::limits::Limits;
use super::problem::DocxProblem;
use crate::docx::xml::W_NS;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;

const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Where the reader is.
#[derive(Default)]
struct State {
    depth: usize,
    /// Depth of the `mc:Fallback` being skipped (its `mc:Choice` twin was read).
    skip: Option<usize>,
    runs: usize,
    in_text: bool,
    in_del_text: bool,
    in_ppr: usize,
    /// Open change elements: (depth, index into `changes`).
    open: Vec<(usize, usize)>,
    /// Deleted or moved-from content being read (it is not part of the accepted text).
    deleted: usize,
    paragraph: usize,
    mark_deleted: bool,
}

/// Read the text of `xml` (the part named `part`).
pub(super) fn text(xml: &[u8], part: &str, limits: &Limits) -> Result<DocxText, DocxProblem> {
    let mut reader = NsReader::from_reader(xml);
    let mut out = DocxText::default();
    let mut s = State { paragraph: 1, ..State::default() };
    loop {
        let pos = reader.buffer_position();
        let err = |detail: String| DocxProblem::Xml { part: part.into(), position: pos, detail };
        let (ns, event) = reader.read_resolved_event().map_err(|e| err(e.to_string()))?;
        match event {
            Event::DocType(_) => return Err(DocxProblem::Dtd { part: part.into() }),
            Event::Eof => {
                if s.depth != 0 {
                    return Err(err("the document ends inside an element".into()));
                }
                return Ok(out);
            }
            Event::Start(e) => {
                s.depth += 1;
                if s.depth > limits.max_depth {
                    return Err(DocxProblem::TooDeep { part: part.into(), limit: limits.max_depth });
                }
                if s.skip.is_none() {
                    if is_mc(&ns) && e.local_name().as_ref() == b"Fallback" {
                        s.skip = Some(s.depth);
                    } else if is_w(&ns) {
                        start(&mut s, &mut out, &e, false);
                    }
                }
            }
            Event::Empty(e) if s.skip.is_none() && is_w(&ns) => {
                s.depth += 1;
                start(&mut s, &mut out, &e, true);
                end(&mut s, &mut out, e.local_name().as_ref());
                s.depth -= 1;
            }
            Event::End(e) => {
                if s.skip == Some(s.depth) {
                    s.skip = None;
                } else if s.skip.is_none() && is_w(&ns) {
                    end(&mut s, &mut out, e.local_name().as_ref());
                }
                s.depth = s.depth.saturating_sub(1);
            }
            Event::Text(t) if s.skip.is_none() && (s.in_text || s.in_del_text) => {
                let t = t.unescape().map_err(|e| err(e.to_string()))?;
                push(&mut s, &mut out, &t);
            }
            Event::CData(t) if s.skip.is_none() && (s.in_text || s.in_del_text) => {
                let t = t.decode().map_err(|e| err(e.to_string()))?;
                push(&mut s, &mut out, &t);
            }
            _ => {}
        }
    }
}

fn start(s: &mut State, out: &mut DocxText, e: &BytesStart, empty: bool) {
    let kind = match e.local_name().as_ref() {
        b"p" => {
            s.mark_deleted = false;
            return;
        }
        b"pPr" => {
            s.in_ppr = s.depth;
            return;
        }
        b"r" => {
            s.runs += 1;
            return;
        }
        b"t" => {
            s.in_text = !empty && s.runs > 0;
            return;
        }
        b"delText" => {
            s.in_del_text = !empty && s.runs > 0;
            return;
        }
        b"tab" if s.runs > 0 => return push(s, out, "\t"),
        b"cr" if s.runs > 0 => return push(s, out, "\n"),
        b"br" if s.runs > 0 => {
            let page = e.try_get_attribute("w:type").ok().flatten().is_some_and(|a| a.value.as_ref() == b"page");
            return push(s, out, if page { "\u{c}" } else { "\n" });
        }
        b"ins" => ChangeKind::Inserted,
        b"del" => ChangeKind::Deleted,
        b"moveFrom" => ChangeKind::MovedFrom,
        b"moveTo" => ChangeKind::MovedTo,
        _ => return,
    };
    let attr = |key: &str| -> Option<String> {
        let a = e.try_get_attribute(key).ok()??;
        a.unescape_value().ok().map(|v| v.into_owned())
    };
    let paragraph_mark = s.in_ppr > 0;
    out.changes.push(TrackedChange {
        kind,
        paragraph_mark,
        author: attr("w:author"),
        date: attr("w:date"),
        paragraph: s.paragraph,
        text: String::new(),
    });
    let deletes = matches!(kind, ChangeKind::Deleted | ChangeKind::MovedFrom);
    if paragraph_mark {
        s.mark_deleted |= deletes;
    } else {
        s.open.push((s.depth, out.changes.len() - 1));
        s.deleted += usize::from(deletes);
    }
}

fn end(s: &mut State, out: &mut DocxText, name: &[u8]) {
    match name {
        b"p" => {
            if !s.mark_deleted {
                out.text.push('\n');
            }
            s.paragraph += 1;
            s.mark_deleted = false;
        }
        b"pPr" if s.in_ppr == s.depth => s.in_ppr = 0,
        b"r" => s.runs = s.runs.saturating_sub(1),
        b"t" => s.in_text = false,
        b"delText" => s.in_del_text = false,
        b"ins" | b"del" | b"moveFrom" | b"moveTo" => {
            if let Some(&(depth, i)) = s.open.last() {
                if depth == s.depth {
                    s.open.pop();
                    if matches!(out.changes[i].kind, ChangeKind::Deleted | ChangeKind::MovedFrom) {
                        s.deleted -= 1;
                    }
                }
            }
        }
        _ => {}
    }
}

/// Text read inside a run: into the accepted text unless deleted, and into the open change.
fn push(s: &mut State, out: &mut DocxText, t: &str) {
    if s.deleted == 0 {
        out.text.push_str(t);
    }
    if let Some(&(_, i)) = s.open.last() {
        out.changes[i].text.push_str(t);
    }
}

/// Whether a resolved namespace is WordprocessingML (transitional or strict).
fn is_w(ns: &ResolveResult) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == W_NS.as_bytes() || *n == W_STRICT)
}

/// Whether a resolved namespace is markup compatibility.
fn is_mc(ns: &ResolveResult) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == MC_NS)
}
