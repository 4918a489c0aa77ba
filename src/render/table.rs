//! The `table` format: 新旧対照表 as one self-contained HTML page.
//!
//! One row per changed paragraph or item, whole, as a reader sees it (the printed lines joined,
//! page furniture left out: `passages.rs`): the new text (修正後) stands on the left and the old
//! (修正前) on the right, as in the tables ministries publish; the changed words are underlined
//! (傍線) in both columns as whole words, alike on both sides (「取り組み」→「取組」 underlines
//! 「取り組み」 and 「取組」, not 「り組み」; 「SaaS」→「クラウド」 in 「…サービス」 underlines
//! 「SaaSサービス」 and 「クラウドサービス」); the first column gives the draft's page and lines and the heading path of the
//! item (`1.1. (3) (イ)`); 備考 names the decisions, linked to the decisions table below. An item
//! that exists on one side only shows （新設） or （削る） on the other. A moved passage's two
//! rows say so in 備考 (「移動0（移動先へ）」 at the old place, 「移動0（移動元から）」 at the new), with the
//! changes made on the way (「（強化→拡充）」). The column heads follow
//! the kind of document ([`crate::DocumentKind`]): 修正後/修正前 for a plan (the default),
//! 改正後/改正前 for a law or rule, 新/旧 otherwise.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let old = "(ア)　SaaSサービスの設定の\n誤りを防ぐ。\n";
//! let new = "(ア)　クラウドサービスの設定の\n誤りを防ぐ。\n";
//! let at = old.find("SaaS").unwrap();
//! let r = Redline::from_texts(old, new, vec![Hunk::new(at..at + 4, at..at + "クラウド".len())]);
//! let mut out = Vec::new();
//! render(&r, Format::Table, &RenderOptions::default(), &mut out).unwrap();
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains("<th>修正後</th><th>修正前</th>"));
//! assert!(page.contains("<td class=\"new\">(ア)　<u>クラウドサービス</u>の設定の誤りを防ぐ。</td><td class=\"old\">(ア)　<u>SaaSサービス</u>の設定の誤りを防ぐ。</td>"));
//! ```

use super::format::RenderOptions;
use super::markup::{decision_anchor, decisions, escape, head};
use super::moved::inner_label;
use super::passages::{passages, span, Passage};
use crate::char_class::{class_of, CharClass};
use crate::document::{Document, DocumentKind};
use crate::ledger::DecisionIx;
use crate::redline::Redline;
use std::io::{self, Write};
use std::ops::Range;

const CSS: &str = include_str!("table.css");

/// The column heads and the caption's word for what changed.
fn heads(kind: DocumentKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        DocumentKind::Plan => ("修正後", "修正前", "修正"),
        DocumentKind::Law => ("改正後", "改正前", "改正"),
        DocumentKind::Plain => ("新", "旧", "変更"),
    }
}

/// One side of a row: its paragraphs' text as a reader reads it (lines joined, furniture out),
/// each character marked when a change of `changed` (byte ranges of this side) covers it.
fn side(doc: &Document, paragraphs: Range<usize>, changed: &[Range<usize>]) -> Vec<(char, bool)> {
    let mut out: Vec<(char, bool)> = Vec::new();
    let is_changed = |at: usize| changed.iter().any(|c| c.start <= at && at < c.end);
    for (k, p) in paragraphs.clone().enumerate() {
        if k > 0 {
            out.push(('\n', false));
        }
        let par = &doc.paragraphs()[p];
        let mut first = true;
        for l in par.lines.clone().filter(|&l| !doc.is_furniture(l)) {
            let start = doc.line_range(l).start;
            let line = doc.line_text(l);
            let shown = if first { line } else { line.trim_start() };
            let from = start + (line.len() - shown.len());
            let split_word = out.last().is_some_and(|(c, _)| c.is_ascii_alphanumeric())
                && shown.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            if split_word {
                out.push((' ', false));
            }
            out.extend(shown.char_indices().map(|(i, c)| (c, is_changed(from + i))));
            first = false;
        }
    }
    out
}

/// Whether two neighbouring characters are one word: a run of kanji, katakana or Latin letters,
/// and okurigana after its kanji (`prev` kanji, `next` hiragana) when `okurigana`.
fn one_word(prev: char, next: char, okurigana: bool) -> bool {
    let (a, b) = (class_of(prev), class_of(next));
    (a == b && matches!(a, CharClass::Kanji | CharClass::Katakana | CharClass::Latin))
        || (okurigana && a == CharClass::Kanji && b == CharClass::Hiragana)
}

/// How many characters of `text` before `at` (back to `floor`) and after `end` (up to `ceil`)
/// a change of `text[at..end]` takes in to stand as whole words; a line break inside a word
/// (a wrap) is crossed.
fn reach(text: &str, at: usize, end: usize, floor: usize, ceil: usize) -> (usize, usize) {
    let first = text[at..end].chars().next();
    let last = text[at..end].chars().next_back();
    let mut before = 0;
    if let Some(mut cur) = first {
        for c in text[floor..at].chars().rev() {
            if c == '\n' || c == '\r' {
                continue;
            }
            if !one_word(c, cur, true) {
                break;
            }
            before += 1;
            cur = c;
        }
    }
    let mut after = 0;
    if let Some(mut cur) = last {
        for c in text[end..ceil].chars() {
            if c == '\n' || c == '\r' {
                continue;
            }
            if !one_word(cur, c, false) {
                break;
            }
            after += 1;
            cur = c;
        }
    }
    (before, after)
}

/// `range` of `text` widened by `before` and `after` characters (line breaks crossed, not
/// counted).
fn widen(text: &str, range: &Range<usize>, before: usize, after: usize) -> Range<usize> {
    let mut start = range.start;
    let mut n = 0;
    for (i, c) in text[..range.start].char_indices().rev() {
        if n == before {
            break;
        }
        start = i;
        if c != '\n' && c != '\r' {
            n += 1;
        }
    }
    let mut end = range.end;
    let mut n = 0;
    for (i, c) in text[range.end..].char_indices() {
        if n == after {
            break;
        }
        end = range.end + i + c.len_utf8();
        if c != '\n' && c != '\r' {
            n += 1;
        }
    }
    start..end
}

/// The hunks of a row as underlined on each side: each widened to whole words, alike on both
/// sides (the text around a change is the same on both), so 「SaaS」→「クラウド」 in
/// 「SaaSサービス」 underlines 「SaaSサービス」 and 「クラウドサービス」.
fn underlines(redline: &Redline, hunks: Range<usize>) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (old, new) = (redline.old.text(), redline.new.text());
    let all = &redline.hunks;
    let mut olds = Vec::new();
    let mut news = Vec::new();
    for i in hunks.filter(|&i| !all[i].layout) {
        let h = &all[i];
        let floor = (i.checked_sub(1).map_or(0, |p| all[p].old.end), i.checked_sub(1).map_or(0, |p| all[p].new.end));
        let ceil = all.get(i + 1).map_or((old.len(), new.len()), |n| (n.old.start, n.new.start));
        let (ob, oa) = reach(old, h.old.start, h.old.end, floor.0, ceil.0);
        let (nb, na) = reach(new, h.new.start, h.new.end, floor.1, ceil.1);
        let (b, a) = (ob.max(nb), oa.max(na));
        olds.push(if h.old.is_empty() { h.old.clone() } else { widen(old, &h.old, b, a) });
        news.push(if h.new.is_empty() { h.new.clone() } else { widen(new, &h.new, b, a) });
    }
    (olds, news)
}

/// Escaped text with the changed runs underlined; paragraphs on lines of their own.
fn cell(chars: &[(char, bool)]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let changed = chars[i].1;
        let mut j = i;
        while j < chars.len() && chars[j].1 == changed {
            j += 1;
        }
        let run: String = chars[i..j].iter().map(|(c, _)| *c).collect();
        if changed {
            out.push_str(&format!("<u>{}</u>", escape(&run)));
        } else {
            out.push_str(&escape(&run));
        }
        i = j;
    }
    out
}

/// Where a row is in the draft: 「P4 5行」, 「P4 5–7行」, 「P4 30行–P5 2行」; for an item only the
/// final has, the line it follows.
fn place(redline: &Redline, p: &Passage) -> String {
    let doc = &redline.old;
    let range = if p.old.is_empty() {
        // An item only the final has: the line it follows.
        let at = redline.hunks[p.hunks.start].old.start;
        let at = if at > 0 && doc.text().as_bytes()[at - 1] == b'\n' { at - 1 } else { at };
        at..at
    } else {
        span(doc, p.old.start).start..span(doc, p.old.end - 1).end
    };
    let a = doc.position(range.start);
    let last_char = doc.text()[range.clone()].char_indices().last().map_or(0, |(i, _)| i);
    let b = doc.position(range.start + last_char);
    let line = |n: usize| if n == 0 { "-".to_owned() } else { n.to_string() };
    if a.page != b.page {
        format!("P{} {}行–P{} {}行", a.page, line(a.line), b.page, line(b.line))
    } else if a.line != b.line {
        format!("P{} {}–{}行", a.page, line(a.line), line(b.line))
    } else {
        format!("P{} {}行", a.page, line(a.line))
    }
}

/// The heading path of a row's item: the old side's first paragraph's, else the new side's.
fn path(redline: &Redline, p: &Passage) -> String {
    let of = |doc: &Document, r: &Range<usize>| (!r.is_empty()).then(|| doc.paragraphs()[r.start].path.clone());
    of(&redline.old, &p.old).or_else(|| of(&redline.new, &p.new)).unwrap_or_default()
}

fn row(out: &mut dyn Write, redline: &Redline, n: usize, p: &Passage) -> io::Result<()> {
    let hunks = &redline.hunks[p.hunks.clone()];
    let (old_changed, new_changed) = underlines(redline, p.hunks.clone());
    let mut ids: Vec<DecisionIx> = Vec::new();
    for h in hunks.iter().filter(|h| !h.layout) {
        // A passage holds a few changes: a list is the right set.
        if let Some(d) = h.edit.map(|e| e.decision).filter(|d| d.0 < redline.decisions.len()) {
            if !ids.contains(&d) {
                ids.push(d);
            }
        }
    }
    let text = |doc: &Document, range: &Range<usize>, changed: &[Range<usize>], gone: &str| {
        if range.is_empty() {
            // A change between paragraphs (white space): its own text, whole.
            let own: String = changed.iter().map(|c| &doc.text()[c.clone()]).collect();
            if own.trim().is_empty() {
                format!("<span class=\"side\">{gone}</span>")
            } else {
                format!("<u>{}</u>", escape(own.trim()))
            }
        } else {
            cell(&side(doc, range.clone(), changed))
        }
    };
    let new_cell = text(&redline.new, &p.new, &new_changed, "（削る）");
    let old_cell = text(&redline.old, &p.old, &old_changed, "（新設）");
    let notes: Vec<String> = ids
        .iter()
        .map(|&ix| {
            let label = redline.decisions[ix.0].label();
            format!("<a class=\"dec\" href=\"#{}\">{}</a>", decision_anchor(ix), escape(&label))
        })
        .collect();
    let mut notes = notes;
    for h in hunks.iter().filter(|h| !h.layout) {
        if let Some(m) = h.move_id {
            // Each end of a move is in its own row: the note says where the passage went or came from.
            let way = if h.old.is_empty() { "（移動元から）" } else { "（移動先へ）" };
            let inner = inner_label(redline, h).map_or_else(String::new, |l| format!("（{}）", escape(&l)));
            notes.push(format!("<span class=\"mv\">移動{m}{way}</span>{inner}"));
        }
    }
    let path = path(redline, p);
    let path =
        if path.is_empty() { String::new() } else { format!("<br><span class=\"path\">{}</span>", escape(&path)) };
    writeln!(
        out,
        "<tr id=\"p{n}\"><td class=\"loc\">{}{path}</td><td class=\"new\">{new_cell}</td><td class=\"old\">{old_cell}</td><td class=\"note\">{}</td></tr>",
        escape(&place(redline, p)),
        notes.join("<br>")
    )
}

/// Render `redline` as a 新旧対照表.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    let title = redline.title.as_deref().unwrap_or(&options.old_label).to_owned();
    head(&mut w, &format!("新旧対照表: {title}"), CSS)?;
    let (new_head, old_head, what) = heads(options.kind);
    writeln!(w, "<body>\n<h1>{} 新旧対照表</h1>\n<p class=\"caption\">（傍線の部分は{what}部分）</p>", escape(&title))?;
    if redline.deadline_hit {
        writeln!(w, "<p class=\"note\" id=\"deadline\">{}</p>", crate::messages::report::deadline(options.lang))?;
    }
    writeln!(
        w,
        "<table class=\"taisho\">\n<colgroup><col class=\"loc\"><col class=\"new\"><col class=\"old\"><col class=\"note\"></colgroup>\n\
         <thead><tr><th>頁・行</th><th>{new_head}</th><th>{old_head}</th><th>備考</th></tr></thead>\n<tbody>"
    )?;
    let passages = passages(redline);
    let mut change_ids = Vec::with_capacity(redline.hunks.len());
    for (i, g) in passages.iter().enumerate() {
        row(&mut w, redline, i + 1, g)?;
        change_ids.extend(g.hunks.clone().map(|_| format!("p{}", i + 1)));
    }
    if passages.is_empty() {
        writeln!(w, "<tr><td colspan=\"4\">（{what}なし）</td></tr>")?;
    }
    writeln!(w, "</tbody>\n</table>")?;
    decisions(&mut w, redline, &change_ids)?;
    writeln!(w, "</body>\n</html>")?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::Hunk;

    fn row_cells(old: &str, new: &str, changed: &str, by: &str) -> (String, String) {
        let at = old.find(changed).unwrap();
        let r = Redline::from_texts(old, new, vec![Hunk::new(at..at + changed.len(), at..at + by.len())]);
        let (o, n) = underlines(&r, 0..1);
        let p = &passages(&r)[0];
        (cell(&side(&r.new, p.new.clone(), &n)), cell(&side(&r.old, p.old.clone(), &o)))
    }

    #[test]
    fn changed_words_are_underlined_whole_on_both_sides() {
        assert_eq!(
            row_cells("取り組みを推進する。\n", "取組を推進する。\n", "り組み", "組"),
            ("<u>取組</u>を推進する。".into(), "<u>取り組み</u>を推進する。".into())
        );
        assert_eq!(
            row_cells("SaaSサービスを使う。\n", "クラウドサービスを使う。\n", "SaaS", "クラウド"),
            ("<u>クラウドサービス</u>を使う。".into(), "<u>SaaSサービス</u>を使う。".into())
        );
        // A word wrapped over a line break is one word, and the row reads as one paragraph.
        assert_eq!(
            row_cells(
                "　委託先を含めたサプライチェー\nンでの把握\n",
                "　委託先を含めた供給網での把握\n",
                "サプライチェー\nン",
                "供給網"
            ),
            ("　委託先を含めた<u>供給網</u>での把握".into(), "　委託先を含めた<u>サプライチェーン</u>での把握".into())
        );
    }
}
