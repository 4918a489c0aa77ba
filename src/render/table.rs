//! The `table` format: 新旧対照表 as one self-contained HTML page.
//!
//! One row per changed passage: the hunks on the same or adjacent lines, widened to whole lines
//! ([`super::lines`]). 改正後 (new) stands on the left and 改正前 (old) on the right, as in the
//! tables ministries publish; the changed parts are underlined (傍線) in both columns, the first
//! column gives page and line in the draft, and 備考 names the decisions, linked to the decisions
//! table below. A passage that exists on one side only shows （新設） or （削る） on the other.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("一\nSaaSサービス\n", "一\nクラウドサービス\n", vec![Hunk::new(4..8, 4..16)]);
//! let mut out = Vec::new();
//! render(&r, Format::Table, &RenderOptions::default(), &mut out).unwrap();
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains("<td class=\"new\"><u>クラウド</u>サービス</td><td class=\"old\"><u>SaaS</u>サービス</td>"));
//! ```

use super::format::RenderOptions;
use super::lines::{line_hunks, merge, LineHunk};
use super::markup::{decision_anchor, decisions, escape, head};
use crate::ledger::DecisionIx;
use crate::redline::Redline;
use std::io::{self, Write};

const CSS: &str = include_str!("table.css");

/// Escaped text of one side with changed parts underlined. `parts` alternates unchanged and
/// changed pieces; a changed line break is shown as `↵` so the change stays visible.
fn cell(parts: &[(bool, &str)]) -> String {
    let mut out = String::new();
    let last = parts.iter().rposition(|(_, t)| !t.is_empty());
    for (i, (changed, text)) in parts.iter().enumerate() {
        let mut text: &str = text;
        if Some(i) == last && !changed {
            text = text.strip_suffix('\n').map_or(text, |t| t.strip_suffix('\r').unwrap_or(t));
        }
        let shown = escape(&text.replace("\r\n", "\n").replace('\r', "\n"));
        if *changed && !text.is_empty() {
            let marked = shown.replace('\n', "↵\n");
            let marked = if Some(i) == last { marked.strip_suffix('\n').unwrap_or(&marked).to_owned() } else { marked };
            out.push_str(&format!("<u>{marked}</u>"));
        } else {
            out.push_str(&shown);
        }
    }
    out
}

/// Where a passage is in the draft: 「P4 5行」, 「P4 5–7行」, 「P4 30行–P5 2行」.
fn place(redline: &Redline, g: &LineHunk) -> String {
    let doc = &redline.old;
    let a = doc.position(g.old.start);
    let last_char = doc.text()[g.old.clone()].char_indices().last().map_or(0, |(i, _)| i);
    let b = doc.position(g.old.start + last_char);
    if a.page != b.page {
        format!("P{} {}行–P{} {}行", a.page, a.line, b.page, b.line)
    } else if a.line != b.line {
        format!("P{} {}–{}行", a.page, a.line, b.line)
    } else {
        format!("P{} {}行", a.page, a.line)
    }
}

fn row(out: &mut dyn Write, redline: &Redline, n: usize, g: &LineHunk) -> io::Result<()> {
    let (old, new) = (redline.old.text(), redline.new.text());
    let mut old_parts: Vec<(bool, &str)> = Vec::new();
    let mut new_parts: Vec<(bool, &str)> = Vec::new();
    let (mut o, mut nn) = (g.old.start, g.new.start);
    let mut ids: Vec<DecisionIx> = Vec::new();
    for h in &redline.hunks[g.hunks.clone()] {
        old_parts.push((false, &old[o..h.old.start]));
        new_parts.push((false, &new[nn..h.new.start]));
        old_parts.push((true, redline.old_text(h)));
        new_parts.push((true, redline.new_text(h)));
        (o, nn) = (h.old.end, h.new.end);
        // A passage holds a few changes: a list is the right set.
        if let Some(d) = h.edit.map(|e| e.decision).filter(|d| d.0 < redline.decisions.len()) {
            if !ids.contains(&d) {
                ids.push(d);
            }
        }
    }
    old_parts.push((false, &old[o..g.old.end]));
    new_parts.push((false, &new[nn..g.new.end]));
    let new_cell =
        if g.new.is_empty() { "<span class=\"side\">（削る）</span>".to_owned() } else { cell(&new_parts) };
    let old_cell =
        if g.old.is_empty() { "<span class=\"side\">（新設）</span>".to_owned() } else { cell(&old_parts) };
    let notes: Vec<String> = ids
        .iter()
        .map(|&ix| {
            let label = redline.decisions[ix.0].label();
            format!("<a class=\"dec\" href=\"#{}\">{}</a>", decision_anchor(ix), escape(&label))
        })
        .collect();
    writeln!(
        out,
        "<tr id=\"p{n}\"><td class=\"loc\">{}</td><td class=\"new\">{new_cell}</td><td class=\"old\">{old_cell}</td><td class=\"note\">{}</td></tr>",
        escape(&place(redline, g)),
        notes.join("<br>")
    )
}

/// Render `redline` as a 新旧対照表.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    let title = redline.title.as_deref().unwrap_or(&options.old_label).to_owned();
    head(&mut w, &format!("新旧対照表: {title}"), CSS)?;
    writeln!(w, "<body>\n<h1>{} 新旧対照表</h1>\n<p class=\"caption\">（傍線の部分は改正部分）</p>", escape(&title))?;
    if redline.deadline_hit {
        writeln!(w, "<p class=\"note\" id=\"deadline\">The diff stopped refining at its deadline: every change is shown, but coarser than it could be.</p>")?;
    }
    writeln!(
        w,
        "<table class=\"taisho\">\n<colgroup><col class=\"loc\"><col class=\"new\"><col class=\"old\"><col class=\"note\"></colgroup>\n\
         <thead><tr><th>頁・行</th><th>改正後</th><th>改正前</th><th>備考</th></tr></thead>\n<tbody>"
    )?;
    let passages = merge(redline, line_hunks(redline), 0);
    let mut change_ids = Vec::with_capacity(redline.hunks.len());
    for (i, g) in passages.iter().enumerate() {
        row(&mut w, redline, i + 1, g)?;
        change_ids.extend(g.hunks.clone().map(|_| format!("p{}", i + 1)));
    }
    if passages.is_empty() {
        writeln!(w, "<tr><td colspan=\"4\">（改正なし）</td></tr>")?;
    }
    writeln!(w, "</tbody>\n</table>")?;
    decisions(&mut w, redline, &change_ids)?;
    writeln!(w, "</body>\n</html>")?;
    w.flush()
}
