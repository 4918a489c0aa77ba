//! The `unified` format: a unified diff that `patch` and `git apply` accept.
//!
//! Changes are widened to whole lines ([`super::lines`]); lines keep their own terminators, so a
//! CRLF text gives CRLF lines, and a last line without a terminator is followed by
//! `\ No newline at end of file`, as diff writes it. The headers are `--- a/OLD` and `+++ b/NEW`
//! from the labels, for `git apply` (which strips one path component) and `patch -p1`.
//!
//! ```
//! use akaji::render::{render, Format, RenderOptions};
//! use akaji::{Hunk, Redline};
//! let r = Redline::from_texts("一\n設置\n", "一\n開催\n", vec![Hunk::new(4..10, 4..10)]);
//! let mut out = Vec::new();
//! render(&r, Format::Unified, &RenderOptions::default(), &mut out).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "--- a/old\n+++ b/new\n@@ -1,2 +1,2 @@\n 一\n-設置\n+開催\n");
//! ```

use super::format::{Context, RenderOptions};
use super::lines::{line_hunks, merge, with_context, LineHunk};
use crate::document::Document;
use crate::redline::Redline;
use std::io::{self, Write};

/// The 0-based index of the line starting at `at` (a line start or the end of the text).
fn line_index(doc: &Document, at: usize) -> usize {
    if at >= doc.text().len() {
        doc.line_count()
    } else {
        doc.line_of(at)
    }
}

fn write_lines(out: &mut dyn Write, prefix: u8, text: &str) -> io::Result<()> {
    for line in text.split_inclusive('\n') {
        out.write_all(&[prefix])?;
        out.write_all(line.as_bytes())?;
        if !line.ends_with('\n') {
            out.write_all(b"\n\\ No newline at end of file\n")?;
        }
    }
    Ok(())
}

fn count_lines(text: &str) -> usize {
    text.split_inclusive('\n').count()
}

/// Line hunks clustered so that clusters are more than `2 * context` unchanged lines apart.
fn clusters(r: &Redline, context: usize) -> Vec<Vec<LineHunk>> {
    let old = r.old.text();
    let mut out: Vec<Vec<LineHunk>> = Vec::new();
    for g in merge(r, line_hunks(r), 0) {
        if let Some(last) = out.last_mut().and_then(|c| c.last()) {
            let between = old[last.old.end..g.old.start].bytes().filter(|&b| b == b'\n').count();
            if between <= context.saturating_mul(2) {
                out.last_mut().expect("a last cluster").push(g);
                continue;
            }
        }
        out.push(vec![g]);
    }
    out
}

/// Render `redline` as a unified diff (nothing at all when nothing changed).
pub fn render(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    if redline.hunks.is_empty() {
        return Ok(());
    }
    let mut w = io::BufWriter::new(out);
    let context = match options.context {
        Context::Lines(n) => n,
        Context::All => usize::MAX / 4,
    };
    let (old, new) = (redline.old.text(), redline.new.text());
    writeln!(w, "--- a/{}\n+++ b/{}", options.old_label, options.new_label)?;
    for cluster in clusters(redline, context) {
        let (first, last) = (&cluster[0], &cluster[cluster.len() - 1]);
        let span = LineHunk {
            old: first.old.start..last.old.end,
            new: first.new.start..last.new.end,
            hunks: first.hunks.start..last.hunks.end,
        };
        let whole = with_context(redline, &span, context);
        let (oc, nc) = (count_lines(&old[whole.old.clone()]), count_lines(&new[whole.new.clone()]));
        let os = line_index(&redline.old, whole.old.start) + usize::from(oc > 0);
        let ns = line_index(&redline.new, whole.new.start) + usize::from(nc > 0);
        writeln!(w, "@@ -{os},{oc} +{ns},{nc} @@")?;
        write_lines(&mut w, b' ', &old[whole.old.start..span.old.start])?;
        for (i, g) in cluster.iter().enumerate() {
            write_lines(&mut w, b'-', &old[g.old.clone()])?;
            write_lines(&mut w, b'+', &new[g.new.clone()])?;
            let next = cluster.get(i + 1).map_or(g.old.end, |n| n.old.start);
            write_lines(&mut w, b' ', &old[g.old.end..next])?;
        }
        write_lines(&mut w, b' ', &old[span.old.end..whole.old.end])?;
    }
    w.flush()
}
