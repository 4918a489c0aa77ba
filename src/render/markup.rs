//! What the two HTML formats (`html` and `table`) share: escaping, the page frame, and the table of
//! decisions that every change links to.
//!
//! Every character of the document and the ledger goes through [`escape`], so a draft containing
//! `<script>` is shown as text. Carriage returns are written as `&#13;` (an HTML parser would
//! otherwise fold CRLF into LF), so the exact text survives in the page.
//!
//! ```
//! assert_eq!(akaji::render::markup::escape("<script>&\r\n"), "&lt;script&gt;&amp;&#13;\n");
//! ```

use crate::redline::Redline;
use std::io::{self, Write};

/// `text` escaped for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("&#{};", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// The element id of the decision with this id in the decisions table, if the redline has it.
pub fn decision_anchor(redline: &Redline, id: &str) -> Option<String> {
    redline.decisions.iter().position(|d| d.id == id).map(|i| format!("decision-{}", i + 1))
}

/// The start of a page: doctype, title, style.
pub fn head(out: &mut dyn Write, title: &str, css: &str) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"akaji\">\n<title>{}</title>\n<style>\n{css}</style>\n</head>",
        escape(title)
    )
}

/// The decisions table: id, who, where, request, response, and links back to each change.
/// `change_ids` holds, for every hunk, the element id of its change in the page.
pub fn decisions(out: &mut dyn Write, redline: &Redline, change_ids: &[String]) -> io::Result<()> {
    if redline.decisions.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"decisions\">\n<h2>修正の根拠（decisions）</h2>")?;
    writeln!(
        out,
        "<table class=\"decisions\">\n<thead><tr><th>番号<br><small>id</small></th><th>提出者<br><small>by</small></th>\
         <th>該当箇所<br><small>at</small></th><th>意見<br><small>request</small></th>\
         <th>考え方<br><small>response</small></th><th>変更箇所<br><small>changes</small></th></tr></thead>\n<tbody>"
    )?;
    for (i, d) in redline.decisions.iter().enumerate() {
        let cell = |v: &Option<String>| v.as_deref().map(escape).unwrap_or_default();
        write!(
            out,
            "<tr id=\"decision-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>",
            i + 1,
            escape(&d.id),
            cell(&d.by),
            cell(&d.at),
            cell(&d.request),
            cell(&d.response)
        )?;
        let mut first = true;
        for (h, cid) in redline.hunks.iter().zip(change_ids) {
            if h.decision.as_deref() == Some(d.id.as_str()) {
                let p = redline.old.position(h.old.start);
                let sep = if first { "" } else { " " };
                write!(out, "{sep}<a class=\"back\" href=\"#{cid}\">P{} L{}</a>", p.page, p.line)?;
                first = false;
            }
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_references() {
        assert_eq!(escape("a\u{0}b\u{c}'\""), "a&#0;b&#12;&#39;&quot;");
    }
}
