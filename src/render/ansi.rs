//! The `ansi` format: 見え消し for a terminal, with context lines and page/line headers.
//!
//! Deletions are red and struck through, insertions green and underlined, and the decision id
//! stands beside each change. Without colour ([`RenderOptions::color`] false) the same layout uses
//! readable markers, so the output can be pasted into an e-mail or snapshotted in a test:
//! `[-deleted-]`, `{+inserted+}`, `⟨32⟩`. Each group of changes opens with a `── P4 L5 ──` header
//! (page and line in the draft), and every line carries its line number within its page (`+` for a
//! line that exists only in the new text). Control characters of the document are shown as
//! symbols (`␍`, `␛`), never sent to the terminal.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Decision, DecisionIx, EditRef, Hunk, Redline};
//! let edit = EditRef { decision: DecisionIx(0), edit: 0 };
//! let r = Redline::from_texts("分科会を設置する\n", "分科会を開催する\n", vec![Hunk::new(12..18, 12..18).attributed(edit)])
//!     .with_decisions(vec![Decision { id: "32".into(), ..Decision::default() }]);
//! let mut out = Vec::new();
//! render(&r, Format::Ansi, &RenderOptions::default(), &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("   1 │ 分科会を[-設置-]{+開催+}⟨32⟩する\n"));
//! ```

use super::format::RenderOptions;
use super::lines::shown;
use super::moved::move_label;
use crate::document::Document;
use crate::messages::report as words;
use crate::redline::{Hunk, Redline};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Equal,
    Delete,
    Insert,
    Tag,
}

impl Style {
    fn open(self, color: bool) -> &'static str {
        match (self, color) {
            (Style::Equal, _) => "",
            (Style::Delete, false) => "[-",
            (Style::Insert, false) => "{+",
            (Style::Tag, false) => "⟨",
            (Style::Delete, true) => "\x1b[31;9m",
            (Style::Insert, true) => "\x1b[32;4m",
            (Style::Tag, true) => "\x1b[36m⟨",
        }
    }

    fn close(self, color: bool) -> &'static str {
        match (self, color) {
            (Style::Equal, _) => "",
            (Style::Delete, false) => "-]",
            (Style::Insert, false) => "+}",
            (Style::Tag, false) => "⟩",
            (Style::Tag, true) => "⟩\x1b[0m",
            (_, true) => "\x1b[0m",
        }
    }
}

/// Where a shown line begins: at a byte of the old text, or inside inserted text.
#[derive(Debug, Clone, Copy)]
enum Origin {
    Old(usize),
    Inserted,
}

/// Collects shown lines, with the deferred line break that lets a tag end the line it belongs to.
struct Painter {
    color: bool,
    lines: Vec<(Origin, String)>,
    cur: String,
    origin: Option<Origin>,
    pending_break: bool,
}

/// A character safe to send to a terminal.
fn push_visible(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\t' => out.push('\t'),
            '\u{7f}' => out.push('␡'),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            c if ('\u{80}'..='\u{9f}').contains(&c) => out.push('�'),
            c => out.push(c),
        }
    }
}

impl Painter {
    fn flush(&mut self) {
        if let Some(origin) = self.origin.take() {
            self.lines.push((origin, std::mem::take(&mut self.cur)));
        }
        self.pending_break = false;
    }

    /// Write `text` in `style`; `old_at` is the old-text byte where it starts (the insertion
    /// point for inserted text).
    fn text(&mut self, style: Style, text: &str, old_at: usize) {
        let mut at = old_at;
        for seg in text.split_inclusive('\n') {
            if self.pending_break {
                self.flush();
            }
            // A line is numbered by the first old text on it: only a line wholly inserted has
            // no number of its own.
            match (self.origin, style) {
                (None, Style::Insert) => self.origin = Some(Origin::Inserted),
                (None, _) => self.origin = Some(Origin::Old(at)),
                (Some(Origin::Inserted), s) if s != Style::Insert && !seg.trim_end_matches(['\n', '\r']).is_empty() => {
                    self.origin = Some(Origin::Old(at))
                }
                _ => {}
            }
            let newline = seg.ends_with('\n');
            let body = seg.strip_suffix('\n').map_or(seg, |b| b.strip_suffix('\r').unwrap_or(b));
            self.cur.push_str(style.open(self.color));
            push_visible(&mut self.cur, body);
            if newline && style != Style::Equal {
                self.cur.push('⏎');
            }
            self.cur.push_str(style.close(self.color));
            self.pending_break = newline;
            if style != Style::Insert {
                at += seg.len();
            }
        }
    }

    fn tag(&mut self, label: &str) {
        self.cur.push_str(Style::Tag.open(self.color));
        push_visible(&mut self.cur, label);
        self.cur.push_str(Style::Tag.close(self.color));
    }
}

fn tag_of(redline: &Redline, h: &Hunk) -> Option<String> {
    match (redline.decision(h), h.move_id) {
        (Some(d), Some(m)) => Some(format!("{} {}", d.id, move_label(redline, h, m))),
        (Some(d), None) => Some(d.id.clone()),
        (None, Some(m)) => Some(move_label(redline, h, m)),
        (None, None) => None,
    }
}

fn header(out: &mut dyn Write, color: bool, text: &str) -> io::Result<()> {
    if color {
        writeln!(out, "\x1b[1m── {text} ──\x1b[0m")
    } else {
        writeln!(out, "── {text} ──")
    }
}

fn write_lines(out: &mut dyn Write, doc: &Document, color: bool, lines: &[(Origin, String)]) -> io::Result<()> {
    let mut page = None;
    for (i, (origin, text)) in lines.iter().enumerate() {
        let gutter = match origin {
            Origin::Old(at) => {
                let p = doc.position(*at);
                if i == 0 {
                    header(out, color, &format!("P{} L{}", p.page, p.line))?;
                } else if page != Some(p.page) {
                    header(out, color, &format!("P{}", p.page))?;
                }
                page = Some(p.page);
                if p.line == 0 {
                    "-".to_owned()
                } else {
                    p.line.to_string()
                }
            }
            Origin::Inserted => "+".to_owned(),
        };
        if color {
            writeln!(out, "\x1b[2m{gutter:>4} │\x1b[0m {text}")?;
        } else {
            writeln!(out, "{gutter:>4} │ {text}")?;
        }
    }
    Ok(())
}

/// Render `redline` for a terminal.
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    let color = options.color;
    if let Some(title) = &redline.title {
        let mut t = String::new();
        push_visible(&mut t, title);
        writeln!(w, "{t}\n")?;
    }
    if redline.deadline_hit {
        writeln!(w, "{}\n", words::note(words::deadline(options.lang), options.lang))?;
    }
    let (old, new) = (redline.old.text(), redline.new.text());
    for (n, group) in shown(redline, options.context).iter().enumerate() {
        if n > 0 {
            writeln!(w)?;
        }
        let mut p = Painter { color, lines: Vec::new(), cur: String::new(), origin: None, pending_break: false };
        let mut at = group.old.start;
        for h in &redline.hunks[group.hunks.clone()] {
            p.text(Style::Equal, &old[at..h.old.start], at);
            p.text(Style::Delete, &old[h.old.clone()], h.old.start);
            p.text(Style::Insert, &new[h.new.clone()], h.old.end);
            if let Some(tag) = tag_of(redline, h) {
                p.tag(&tag);
            }
            at = h.old.end;
        }
        p.text(Style::Equal, &old[at..group.old.end], at);
        p.flush();
        write_lines(&mut w, &redline.old, color, &p.lines)?;
    }
    // The decisions named, each once, in the order of their first change.
    let mut seen = vec![false; redline.decisions.len()];
    let mut ids: Vec<&str> = Vec::new();
    for h in &redline.hunks {
        if let (Some(e), Some(d)) = (h.edit, redline.decision(h)) {
            if !std::mem::replace(&mut seen[e.decision.0], true) {
                ids.push(&d.id);
            }
        }
    }
    // A byte order mark is not text to show, but a difference all the same.
    match (redline.old.has_bom(), redline.new.has_bom()) {
        (true, false) => writeln!(w, "{}", words::bom_removed(options.lang))?,
        (false, true) => writeln!(w, "{}", words::bom_added(options.lang))?,
        _ => {}
    }
    match redline.hunks.len() {
        0 if redline.old.has_bom() != redline.new.has_bom() => {}
        0 => writeln!(w, "{}", words::no_changes(options.lang))?,
        n => {
            let shown: Vec<_> = ids.iter().map(|id| crate::messages::visible(id)).collect();
            let shown: Vec<&str> = shown.iter().map(|id| id.as_ref()).collect();
            writeln!(w, "\n{}", words::changes_from(n, &shown, options.lang))?
        }
    }
    w.flush()
}
