//! What the HTML pages (the `html` and `table` formats, and verify's report) share: escaping, the
//! page frame, and the table of decisions that every change links to.
//!
//! Every character of the document and the ledger goes through [`escape`], so a draft containing
//! `<script>` is shown as text. Carriage returns are written as `&#13;` (an HTML parser would
//! otherwise fold CRLF into LF), so the exact text survives in the page.

use crate::ledger::DecisionIx;
use crate::redline::Redline;
use std::io::{self, Write};

/// `text` escaped for HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
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

/// The element id of a decision's row in the decisions table.
pub(super) fn decision_anchor(ix: DecisionIx) -> String {
    format!("decision-{}", ix.0 + 1)
}

/// The start of a page: doctype, title, style.
pub(crate) fn head(out: &mut dyn Write, title: &str, css: &str) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"akaji\">\n<title>{}</title>\n<style>\n{css}</style>\n</head>",
        escape(title)
    )
}

/// The decisions table: id, who, where, request, response, and links back to each change.
/// `change_ids` holds, for every hunk, the element id of its change in the page. One pass over
/// the hunks sorts them by decision, so the table costs the number of hunks plus the number of
/// decisions.
pub(super) fn decisions(out: &mut dyn Write, redline: &Redline, change_ids: &[String]) -> io::Result<()> {
    if redline.decisions.is_empty() {
        return Ok(());
    }
    let mut changes: Vec<Vec<usize>> = vec![Vec::new(); redline.decisions.len()];
    for (i, h) in redline.hunks.iter().enumerate() {
        if let Some(list) = h.edit.and_then(|e| changes.get_mut(e.decision.0)) {
            list.push(i);
        }
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
        for (n, &h) in changes[i].iter().enumerate() {
            let p = redline.old.position(redline.hunks[h].old.start);
            let sep = if n == 0 { "" } else { " " };
            write!(out, "{sep}<a class=\"back\" href=\"#{}\">P{} L{}</a>", change_ids[h], p.page, p.line)?;
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_line_ends_are_text() {
        assert_eq!(escape("<script>&\r\n"), "&lt;script&gt;&amp;&#13;\n");
    }

    #[test]
    fn controls_become_references() {
        assert_eq!(escape("a\u{0}b\u{c}'\""), "a&#0;b&#12;&#39;&quot;");
    }
}
