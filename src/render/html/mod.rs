//! The `html` format: one self-contained page (no external assets, no network) that opens in any
//! browser and prints on A4.
//!
//! The document is shown as 見え消し: deletions in `<del>`, insertions in `<ins>`, each change
//! followed by a link to its decision in the decisions table (id, who, where, request, response),
//! which links back to every change. Page numbers stand in the left margin (drawn by CSS, so they
//! are not part of the text). Three radio buttons switch between the redline, the draft and the
//! final with CSS alone (`:checked`); without CSS or JavaScript the page is a plain redline.
//!
//! The page's structure is a contract that [`roundtrip::read`](crate::roundtrip::read) reads back: the document is
//! the `<div class="doc" id="redline">`, ending at `</div><!--/redline-->`; inside it, text, `<del>`,
//! `<ins>`, page marks (`<span class="pno" …></span>`), change wrappers (`<span class="chg" …>`) and
//! tags (`<a class="tag …">…</a>`, which are not text).
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("<script>x</script>", "<script>y</script>", vec![Hunk::new(8..9, 8..9)]);
//! let mut out = Vec::new();
//! render(&r, Format::Html, &RenderOptions::default(), &mut out).unwrap();
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains("&lt;script&gt;<span class=\"chg\" id=\"c1\"><del>x</del><ins>y</ins></span>&lt;/script&gt;"));
//! assert!(!page.contains("<script"));
//! ```

use super::format::RenderOptions;
use super::markup::{decision_anchor, decisions, escape, head};
use crate::redline::{Hunk, Redline, Segment};
use std::io::{self, Write};
use std::ops::Range;

const CSS: &str = include_str!("style.css");

/// The element ids of the changes (`c1`, `c2`, …), one per hunk.
fn change_ids(redline: &Redline) -> Vec<String> {
    (1..=redline.hunks.len()).map(|i| format!("c{i}")).collect()
}

/// Byte offsets in the old text where pages begin, with their numbers.
fn page_starts(redline: &Redline) -> Vec<(usize, u32)> {
    let doc = &redline.old;
    let mut out = Vec::new();
    for p in doc.pages() {
        let first = p.lines.start.min(p.marker.unwrap_or(usize::MAX));
        if first < doc.line_count() {
            out.push((doc.line_range(first).start, p.number));
        } else if doc.line_count() == 0 {
            out.push((0, p.number));
        }
    }
    out
}

/// Old text `old[range]`, escaped, with a page mark wherever a page begins.
fn old_text(out: &mut String, redline: &Redline, range: Range<usize>, pages: &[(usize, u32)], next: &mut usize) {
    let text = redline.old.text();
    let mut at = range.start;
    while let Some(&(start, number)) = pages.get(*next) {
        if start >= range.end {
            break;
        }
        out.push_str(&escape(&text[at..start]));
        out.push_str(&format!("<span class=\"pno\" data-page=\"{number}\"></span>"));
        at = start;
        *next += 1;
    }
    out.push_str(&escape(&text[at..range.end]));
}

fn tags(out: &mut String, redline: &Redline, h: &Hunk) {
    if let (Some(e), Some(d)) = (h.edit, redline.decision(h)) {
        out.push_str(&format!("<a class=\"tag dec\" href=\"#{}\">{}</a>", decision_anchor(e.decision), escape(&d.id)));
    }
    if let Some(m) = h.move_id {
        let other = if h.old.is_empty() { "from" } else { "to" };
        out.push_str(&format!("<a class=\"tag mv\" href=\"#move-{m}-{other}\">⇄{m}</a>"));
    }
}

/// The document as 見え消し, the inside of `<div class="doc">`.
fn body(redline: &Redline) -> String {
    let pages = page_starts(redline);
    let mut next = 0;
    let mut out = String::with_capacity(redline.old.text().len() * 5 / 4 + redline.hunks.len() * 96);
    let mut n = 0;
    for seg in redline.segments() {
        match seg {
            Segment::Equal { old, .. } => old_text(&mut out, redline, old, &pages, &mut next),
            Segment::Change(h) => {
                n += 1;
                let mv = match h.move_id {
                    Some(m) if h.old.is_empty() => format!(" class=\"move\" id=\"move-{m}-to\""),
                    Some(m) => format!(" class=\"move\" id=\"move-{m}-from\""),
                    None => String::new(),
                };
                out.push_str(&format!("<span class=\"chg\" id=\"c{n}\">"));
                if !h.old.is_empty() {
                    out.push_str(&format!("<del{mv}>"));
                    old_text(&mut out, redline, h.old.clone(), &pages, &mut next);
                    out.push_str("</del>");
                }
                if !h.new.is_empty() {
                    out.push_str(&format!("<ins{mv}>{}</ins>", escape(redline.new_text(h))));
                }
                tags(&mut out, redline, h);
                out.push_str("</span>");
            }
        }
    }
    out
}

/// Render `redline` as one self-contained HTML page.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    let title = redline
        .title
        .as_deref()
        .map_or_else(|| format!("{} → {}", options.old_label, options.new_label), str::to_owned);
    head(&mut w, &format!("見え消し: {title}"), CSS)?;
    writeln!(
        w,
        "<body>\n<input type=\"radio\" name=\"view\" id=\"v-redline\" class=\"view\" checked>\
         <input type=\"radio\" name=\"view\" id=\"v-draft\" class=\"view\">\
         <input type=\"radio\" name=\"view\" id=\"v-final\" class=\"view\">\n<header>\n<h1>{}</h1>",
        escape(&title)
    )?;
    writeln!(
        w,
        "<p class=\"labels\">{} → {}</p>\n<p class=\"count\">{} change(s)</p>",
        escape(&options.old_label),
        escape(&options.new_label),
        redline.hunks.len()
    )?;
    if redline.deadline_hit {
        writeln!(w, "<p class=\"note\" id=\"deadline\">The diff stopped refining at its deadline: every change is shown, but coarser than it could be.</p>")?;
    }
    writeln!(
        w,
        "<nav class=\"views\"><label for=\"v-redline\">見え消し</label><label for=\"v-draft\">修正前</label>\
         <label for=\"v-final\">修正後</label></nav>\n<ul class=\"legend\"><li><span class=\"legend-del\">削除</span> deleted</li>\
         <li><span class=\"legend-ins\">追加</span> inserted</li><li><span class=\"legend-move\">移動</span> moved</li>\
         <li><span class=\"tag\">32</span> decision (意見番号)</li><li><span class=\"tag\" style=\"background:#999\">P4</span> page (margin)</li></ul>\n</header>"
    )?;
    writeln!(w, "<main>\n<div class=\"doc\" id=\"redline\">{}</div><!--/redline-->\n</main>", body(redline))?;
    decisions(&mut w, redline, &change_ids(redline))?;
    writeln!(w, "</body>\n</html>")?;
    w.flush()
}
