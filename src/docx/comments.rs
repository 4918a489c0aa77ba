//! `word/comments.xml`: one Word comment per attributed change, carrying the decision's
//! response (考え方), written by the decision (「意見32（個人E）」).

use super::plan::Plan;
use super::xml::{Xml, W_NS};
use std::io;

/// Write `word/comments.xml` for `plan`.
pub(crate) fn comments_xml(plan: &Plan) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:comments", &[("xmlns:w", W_NS)])?;
    for (i, c) in plan.comments.iter().enumerate() {
        let id = i.to_string();
        let r = &plan.revisions[c.who.0];
        let mut attrs =
            vec![("w:id", id.as_str()), ("w:author", r.author.as_str()), ("w:initials", c.initials.as_str())];
        if let Some(d) = &r.date {
            attrs.push(("w:date", d.as_str()));
        }
        x.open("w:comment", &attrs)?;
        for (n, line) in c.text.lines().enumerate() {
            x.open("w:p", &[])?;
            x.open("w:pPr", &[])?;
            x.empty("w:pStyle", &[("w:val", "CommentText")])?;
            x.close("w:pPr")?;
            if n == 0 {
                x.open("w:r", &[])?;
                x.open("w:rPr", &[])?;
                x.empty("w:rStyle", &[("w:val", "CommentReference")])?;
                x.close("w:rPr")?;
                x.empty("w:annotationRef", &[])?;
                x.close("w:r")?;
            }
            x.open("w:r", &[])?;
            let mut parts = line.split('\t').peekable();
            while let Some(part) = parts.next() {
                if !part.is_empty() {
                    x.leaf("w:t", &[("xml:space", "preserve")], part)?;
                }
                if parts.peek().is_some() {
                    x.empty("w:tab", &[])?;
                }
            }
            x.close("w:r")?;
            x.close("w:p")?;
        }
        x.close("w:comment")?;
    }
    x.close("w:comments")?;
    Ok(x.finish())
}
