//! The `unified` format: a unified diff that `patch` and `git apply` accept.
//!
//! Changes are widened to whole lines ([`super::lines`]); lines keep their own terminators, so a
//! CRLF text gives CRLF lines, and a last line without a terminator is followed by
//! `\ No newline at end of file`, as diff writes it. The headers are `--- a/OLD` and `+++ b/NEW`
//! from the labels, for `git apply` (which strips one path component) and `patch -p1`; a label
//! holding a control character, a quote or a backslash is quoted as git quotes it. A byte order
//! mark is part of the first line, as in the file, so a change of the mark alone is a change of
//! that line.
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
use crate::document::{Document, PageMarker};
use crate::redline::{Hunk, Redline};
use std::io::{self, Write};
use std::ops::Range;

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
    if redline.old.has_bom() || redline.new.has_bom() {
        return render_lines(&with_bom(redline), options, out);
    }
    render_lines(redline, options, out)
}

/// The redline of the two texts as their files hold them: a byte order mark is part of the
/// first line (so that the patch's context is the file's own line, and `patch` applies it), and
/// a mark only one side has is a change of that line.
fn with_bom(r: &Redline) -> Redline<'static> {
    let (ob, nb) = (r.old.bom(), r.new.bom());
    let marker = PageMarker::default();
    let old = Document::with_bom(format!("{ob}{}", r.old.text()), false, &marker);
    let new = Document::with_bom(format!("{nb}{}", r.new.text()), false, &marker);
    let mut hunks = Vec::with_capacity(r.hunks.len() + 1);
    if ob != nb {
        hunks.push(Hunk::new(0..ob.len(), 0..nb.len()));
    }
    let shift = |x: &Range<usize>, by: usize| x.start + by..x.end + by;
    hunks.extend(r.hunks.iter().map(|h| Hunk {
        old: shift(&h.old, ob.len()),
        new: shift(&h.new, nb.len()),
        ..h.clone()
    }));
    Redline::owned(old, new, hunks)
}

/// A file name in a `---`/`+++` header: as it is, or quoted as git quotes it (`"a/x\ny"`) when it
/// holds a control character, a double quote or a backslash, so that a crafted name (one
/// holding a line break and a hunk) cannot write lines into the patch. GNU patch and `git
/// apply` read the quoted form.
fn header_name(prefix: &str, name: &str) -> String {
    if !name.chars().any(|c| c.is_control() || c == '"' || c == '\\') {
        return format!("{prefix}{name}");
    }
    let mut quoted = String::from("\"");
    quoted.push_str(prefix);
    for c in name.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    quoted.push_str(&format!("\\{b:03o}"));
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Render the lines of `redline` (whose texts are the files' own) as a unified diff.
fn render_lines(redline: &Redline, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    if redline.hunks.is_empty() {
        return Ok(());
    }
    let mut w = io::BufWriter::new(out);
    let context = match options.context {
        Context::Lines(n) => n,
        Context::All => usize::MAX / 4,
    };
    let (old, new) = (redline.old.text(), redline.new.text());
    writeln!(w, "--- {}\n+++ {}", header_name("a/", &options.old_label), header_name("b/", &options.new_label))?;
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
