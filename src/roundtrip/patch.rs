//! A unified diff applied to the old text, strictly: every hunk must start at the line its header
//! names, and every context and removed line must be the old text's line, terminator included.
//! This is how the tests check that a `unified` output rebuilds the new text exactly (what
//! `patch` and `git apply` are also asked to do in the integration tests). Problems name the
//! patch's line (from 1), not a byte.

use super::texts::{Offset, ParseKind, ParseProblem};

/// A problem at the patch's line `line` (0-based here, 1-based in the problem).
fn err(line: usize, kind: ParseKind) -> ParseProblem {
    ParseProblem { at: Offset::Line(line + 1), kind }
}

fn header_range(s: &str) -> Option<(usize, usize)> {
    let mut parts = s.splitn(2, ',');
    let start = parts.next()?.parse().ok()?;
    let count = match parts.next() {
        Some(c) => c.parse().ok()?,
        None => 1,
    };
    Some((start, count))
}

/// The new text: `old` with the unified diff `patch` applied.
pub(super) fn apply(old: &str, patch: &str) -> Result<String, ParseProblem> {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let mut new = String::with_capacity(old.len());
    let mut at = 0; // next old line to copy (0-based)
    let lines: Vec<&str> = patch.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(header) = line.strip_prefix("@@ -") else {
            i += 1;
            continue;
        };
        let mut fields = header.split(' ');
        let old_range = fields.next().and_then(header_range);
        let new_range = fields.next().and_then(|f| f.strip_prefix('+')).and_then(header_range);
        let (Some((os, oc)), Some((_, nc))) = (old_range, new_range) else {
            return Err(err(i, ParseKind::NotHunkHeader));
        };
        let first = if oc == 0 { os } else { os.saturating_sub(1) };
        if first < at || first > old_lines.len() {
            return Err(err(i, ParseKind::HunkOutOfOrder { old_line: os }));
        }
        new.extend(old_lines[at..first].iter().copied());
        at = first;
        i += 1;
        // The hunk's body: (kind, text) with terminators restored as in the texts.
        let mut body: Vec<(u8, String)> = Vec::new();
        let (mut seen_old, mut seen_new) = (0, 0);
        while i < lines.len() && (seen_old < oc || seen_new < nc || lines[i].starts_with('\\')) {
            let l = lines[i];
            match l.as_bytes().first() {
                Some(b'\\') => {
                    let last = body.last_mut().ok_or_else(|| err(i, ParseKind::NoNewlineFirst))?;
                    if last.1.pop() != Some('\n') {
                        return Err(err(i, ParseKind::NoNewlineTwice));
                    }
                }
                Some(&k @ (b' ' | b'-' | b'+')) => {
                    seen_old += usize::from(k != b'+');
                    seen_new += usize::from(k != b'-');
                    body.push((k, l[1..].to_owned()));
                }
                _ => return Err(err(i, ParseKind::NotHunkLine { line: l.to_owned() })),
            }
            i += 1;
        }
        if seen_old != oc || seen_new != nc {
            return Err(err(i, ParseKind::HunkTooShort));
        }
        for (k, text) in body {
            if k != b'+' {
                if old_lines.get(at) != Some(&text.as_str()) {
                    return Err(err(i, ParseKind::OldLineDiffers { old_line: at + 1, expected: text }));
                }
                at += 1;
            }
            if k != b'-' {
                new.push_str(&text);
            }
        }
    }
    new.extend(old_lines[at..].iter().copied());
    Ok(new)
}
