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
//! `<ins>`, page marks (`<span class="pno" …></span>`), change wrappers (`<span class="chg" …>`),
//! tags (`<a class="tag …">…</a>`, which are not text) and, at the new end of a move edited on
//! the way, the passage's old words struck in `<s class="inner">…</s>` (not text either: they
//! are the move's old end's) before its new words in `<span class="inner">`.
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
mod marks;

use super::markup::{decision_anchor, decisions, escape, head};
use crate::messages::report as words;
use crate::redline::{Hunk, Redline, Segment};
use marks::Marks;
use std::io::{self, Write};

const CSS: &str = include_str!("style.css");

/// The element ids of the changes (`c1`, `c2`, …), one per hunk (none for a layout hunk).
fn change_ids(redline: &Redline) -> Vec<String> {
    let mut n = 0;
    redline
        .hunks
        .iter()
        .map(|h| {
            if h.layout {
                return String::new();
            }
            n += 1;
            format!("c{n}")
        })
        .collect()
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

/// `write` wrapped in `open` … `close` when there is an `open`.
fn marked(out: &mut String, open: Option<&str>, close: &str, write: impl FnOnce(&mut String)) {
    if let Some(open) = open {
        out.push_str(open);
    }
    write(out);
    if open.is_some() {
        out.push_str(close);
    }
}

/// The new text of an insertion; at the new end of a move edited on the way, each inner change
/// shown in place as Word shows it: what the passage said, struck (`<s class="inner">`, not
/// text: it belongs to the move's old end), then what it says (`<span class="inner">`).
fn moved_to(
    out: &mut String,
    h: &Hunk,
    mut old: impl FnMut(&mut String, std::ops::Range<usize>),
    mut new: impl FnMut(&mut String, std::ops::Range<usize>),
) {
    let mut at = h.new.start;
    for c in h.inner_changes.iter().filter(|c| !c.layout) {
        new(out, at..c.new.start);
        if !c.old.is_empty() {
            out.push_str("<s class=\"inner\">");
            old(out, c.old.clone());
            out.push_str("</s>");
        }
        if !c.new.is_empty() {
            out.push_str("<span class=\"inner\">");
            new(out, c.new.clone());
            out.push_str("</span>");
        }
        at = c.new.end;
    }
    new(out, at..h.new.end);
}

/// The document as 見え消し, the inside of `<div class="doc">`: the old text's paragraphs with
/// their marks (`marks.rs`), deletions and insertions. A layout hunk (a comparison of content)
/// is a `<del class="layout">`/`<ins class="layout">` pair that the page shows as the old text
/// in the redline and the draft, the new in the final, never as a change.
fn body(redline: &Redline) -> String {
    let (old_marks, new_marks) = (Marks::of(&redline.old, true), Marks::of(&redline.new, false));
    let (old, new) = (redline.old.text(), redline.new.text());
    let mut out = String::with_capacity(old.len() * 5 / 4 + redline.hunks.len() * 96);
    let mut n = 0;
    for seg in redline.segments() {
        match seg {
            Segment::Equal { old: range, .. } => old_marks.write(&mut out, old, range),
            Segment::Change(h) if h.layout => {
                out.push_str("<span class=\"layout\">");
                if !h.old.is_empty() {
                    out.push_str("<del class=\"layout\">");
                    old_marks.write(&mut out, old, h.old.clone());
                    out.push_str("</del>");
                }
                if !h.new.is_empty() {
                    out.push_str("<ins class=\"layout\">");
                    new_marks.write(&mut out, new, h.new.clone());
                    out.push_str("</ins>");
                }
                out.push_str("</span>");
            }
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
                    for (piece, inner) in h.old_pieces() {
                        marked(&mut out, inner.then_some("<span class=\"inner\">"), "</span>", |out| {
                            old_marks.write(out, old, piece)
                        });
                    }
                    out.push_str("</del>");
                }
                if !h.new.is_empty() {
                    out.push_str(&format!("<ins{mv}>"));
                    moved_to(&mut out, h, |out, r| old_marks.write(out, old, r), |out, r| new_marks.write(out, new, r));
                    out.push_str("</ins>");
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
    let lang = options.lang;
    writeln!(
        w,
        "<p class=\"labels\">{} → {}</p>\n<p class=\"count\">{}</p>",
        escape(&options.old_label),
        escape(&options.new_label),
        words::changes(redline.hunks.iter().filter(|h| !h.layout).count(), lang)
    )?;
    if redline.deadline_hit {
        writeln!(w, "<p class=\"note\" id=\"deadline\">{}</p>", words::deadline(lang))?;
    }
    let [del, ins, moved, decision, page] = words::legend(lang);
    writeln!(
        w,
        "<nav class=\"views\"><label for=\"v-redline\">見え消し</label><label for=\"v-draft\">修正前</label>\
         <label for=\"v-final\">修正後</label></nav>\n<ul class=\"legend\"><li><span class=\"legend-del\">削除</span> {del}</li>\
         <li><span class=\"legend-ins\">追加</span> {ins}</li><li><span class=\"legend-move\">移動</span> {moved}</li>\
         <li><span class=\"tag\">32</span> {decision}</li><li><span class=\"tag\" style=\"background:#999\">P4</span> {page}</li></ul>\n</header>"
    )?;
    writeln!(w, "<main>\n<div class=\"doc\" id=\"redline\">{}</div><!--/redline-->\n</main>", body(redline))?;
    decisions(&mut w, redline, &change_ids(redline))?;
    writeln!(w, "</body>\n</html>")?;
    w.flush()
}
