//! `word/document.xml`: the paragraphs of a [`Plan`], with tracked revisions.
//!
//! Each run sits inside the revision element of its state — `w:ins`, `w:del` (text in
//! `w:delText`), `w:moveFrom`, `w:moveTo` (text in `w:t`, as Word writes it) — carrying `w:author` and, when known, `w:date`. A
//! paragraph mark's state is written in `w:pPr/w:rPr`. Comment ranges and move ranges are
//! written at paragraph level around the runs they cover. Every `w:id` is unique in the part.

use super::plan::{Inline, Para, Plan, Rev, Revision, RevisionIx};
use super::xml::{Xml, FOOTER_ID, HEADER_ID, R_NS, W_NS};
use std::io;

/// Write `word/document.xml` for `plan`.
pub(crate) fn document_xml(plan: &Plan) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)])?;
    x.open("w:body", &[])?;
    // Comment ids are 0..n; revision ids follow them.
    let mut ids = Ids { next: plan.comments.len() };
    for para in &plan.paras {
        paragraph(&mut x, plan, para, &mut ids)?;
    }
    section(&mut x, plan)?;
    x.close("w:body")?;
    x.close("w:document")?;
    Ok(x.finish())
}

struct Ids {
    next: usize,
}

impl Ids {
    fn take(&mut self) -> String {
        self.next += 1;
        (self.next - 1).to_string()
    }
}

/// The attributes of a revision: id, author and date.
fn rev_attrs<'a>(id: &'a str, r: &'a Revision) -> Vec<(&'a str, &'a str)> {
    let mut a = vec![("w:id", id), ("w:author", r.author.as_str())];
    if let Some(d) = &r.date {
        a.push(("w:date", d.as_str()));
    }
    a
}

fn paragraph(x: &mut Xml, plan: &Plan, para: &Para, ids: &mut Ids) -> io::Result<()> {
    x.open("w:p", &[])?;
    if para.heading.is_some() || para.mark != Rev::Same {
        x.open("w:pPr", &[])?;
        if let Some(level) = para.heading {
            x.empty("w:pStyle", &[("w:val", &format!("Heading{level}"))])?;
        }
        if let Some((tag, who)) = rev_tag(para.mark) {
            x.open("w:rPr", &[])?;
            let id = ids.take();
            x.empty(tag, &rev_attrs(&id, &plan.revisions[who.0]))?;
            x.close("w:rPr")?;
        }
        x.close("w:pPr")?;
    }
    for inline in &para.inlines {
        match inline {
            Inline::Text { rev, text } => text_piece(x, plan, *rev, text, ids)?,
            Inline::CommentStart(c) => x.empty("w:commentRangeStart", &[("w:id", &c.to_string())])?,
            Inline::CommentEnd(c) => {
                let id = c.to_string();
                x.empty("w:commentRangeEnd", &[("w:id", &id)])?;
                x.open("w:r", &[])?;
                x.open("w:rPr", &[])?;
                x.empty("w:rStyle", &[("w:val", "CommentReference")])?;
                x.close("w:rPr")?;
                x.empty("w:commentReference", &[("w:id", &id)])?;
                x.close("w:r")?;
            }
            Inline::MoveStart { name, from, who } => {
                let tag = if *from { "w:moveFromRangeStart" } else { "w:moveToRangeStart" };
                let id = move_range_id(*name, *from);
                let name = format!("move{name}");
                let mut attrs = rev_attrs(&id, &plan.revisions[who.0]);
                attrs.push(("w:name", &name));
                x.empty(tag, &attrs)?;
            }
            Inline::MoveEnd { name, from } => {
                let tag = if *from { "w:moveFromRangeEnd" } else { "w:moveToRangeEnd" };
                x.empty(tag, &[("w:id", &move_range_id(*name, *from))])?;
            }
        }
    }
    x.close("w:p")
}

/// Move ranges get ids far above any other (a range start and its end share one).
fn move_range_id(name: usize, from: bool) -> String {
    (1_000_000_000usize + 2 * name + usize::from(!from)).to_string()
}

/// The element that wraps runs (or marks a paragraph mark) in state `rev`.
fn rev_tag(rev: Rev) -> Option<(&'static str, RevisionIx)> {
    match rev {
        Rev::Same => None,
        Rev::Ins(w) => Some(("w:ins", w)),
        Rev::Del(w) => Some(("w:del", w)),
        Rev::MoveFrom(w) => Some(("w:moveFrom", w)),
        Rev::MoveTo(w) => Some(("w:moveTo", w)),
    }
}

fn text_piece(x: &mut Xml, plan: &Plan, rev: Rev, text: &str, ids: &mut Ids) -> io::Result<()> {
    let wrap = rev_tag(rev);
    if let Some((tag, who)) = wrap {
        let id = ids.take();
        x.open(tag, &rev_attrs(&id, &plan.revisions[who.0]))?;
    }
    // Word writes moved-away text as `w:t` (it is not deleted, it is elsewhere), deleted text
    // as `w:delText`.
    let t = if matches!(rev, Rev::Del(_)) { "w:delText" } else { "w:t" };
    x.open("w:r", &[])?;
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest.find(['\t', '\u{c}']).unwrap_or(rest.len());
        if cut > 0 {
            x.leaf(t, &[("xml:space", "preserve")], &rest[..cut])?;
        }
        match rest[cut..].chars().next() {
            Some('\t') => x.empty("w:tab", &[])?,
            Some(_) => x.empty("w:br", &[("w:type", "page")])?,
            None => {}
        }
        rest = &rest[(cut + 1).min(rest.len())..];
    }
    x.close("w:r")?;
    if let Some((tag, _)) = wrap {
        x.close(tag)?;
    }
    Ok(())
}

/// A4 portrait, 25 mm margins, 10 mm header and footer; the header and footer parts when the
/// text prints running heads and page numbers.
fn section(x: &mut Xml, plan: &Plan) -> io::Result<()> {
    x.open("w:sectPr", &[])?;
    if plan.header {
        x.empty("w:headerReference", &[("w:type", "default"), ("r:id", HEADER_ID)])?;
    }
    if plan.footer {
        x.empty("w:footerReference", &[("w:type", "default"), ("r:id", FOOTER_ID)])?;
    }
    x.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")])?;
    let margins = [
        ("w:top", "1418"),
        ("w:right", "1418"),
        ("w:bottom", "1418"),
        ("w:left", "1418"),
        ("w:header", "567"),
        ("w:footer", "567"),
        ("w:gutter", "0"),
    ];
    x.empty("w:pgMar", &margins)?;
    x.close("w:sectPr")
}
