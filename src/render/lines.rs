//! Hunks grouped by whole lines, for the formats that show lines (ansi, unified, table).
//!
//! A [`Redline`]'s hunks are byte ranges anywhere in a line. Line-oriented formats need each change
//! widened to the whole lines it touches, on both sides at once, and changes on the same line taken
//! together. Because the text between hunks is the same in old and new, widening moves both sides
//! by the same number of bytes; when widening reaches the next hunk, the two become one group:
//! 「設置」→「開催」 in 「一⏎設置する⏎三」 is the line 「設置する⏎」 on both sides (tests below).

use super::format::Context;
use crate::redline::Redline;
use std::ops::Range;

/// A run of whole lines holding one or more hunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LineHunk {
    /// Byte range of whole lines in the old text.
    pub old: Range<usize>,
    /// Byte range of whole lines in the new text.
    pub new: Range<usize>,
    /// Indices of the hunks inside, into [`Redline::hunks`].
    pub hunks: Range<usize>,
}

fn at_line_start(text: &str, at: usize) -> bool {
    at == 0 || text.as_bytes()[at - 1] == b'\n'
}

/// Every hunk widened to whole lines; hunks sharing a line are one group.
pub(super) fn line_hunks(r: &Redline) -> Vec<LineHunk> {
    let (old, new) = (r.old.text(), r.new.text());
    let mut out: Vec<LineHunk> = Vec::new();
    let mut i = 0;
    while i < r.hunks.len() {
        let h = &r.hunks[i];
        let gap_start = out.last().map_or(0, |l| l.old.end);
        let start = old[gap_start..h.old.start].rfind('\n').map_or(gap_start, |p| gap_start + p + 1);
        let back = h.old.start - start;
        let mut lh = LineHunk { old: start..h.old.end, new: h.new.start - back..h.new.end, hunks: i..i + 1 };
        i += 1;
        loop {
            let (oe, ne) = (lh.old.end, lh.new.end);
            let at_end = oe == old.len() && ne == new.len();
            if at_end || (at_line_start(old, oe) && at_line_start(new, ne)) {
                break;
            }
            let limit = r.hunks.get(i).map_or(old.len(), |n| n.old.start);
            match old[oe..limit].find('\n') {
                Some(p) => {
                    lh.old.end = oe + p + 1;
                    lh.new.end = ne + p + 1;
                    break;
                }
                None if i < r.hunks.len() => {
                    lh.old.end = r.hunks[i].old.end;
                    lh.new.end = r.hunks[i].new.end;
                    lh.hunks.end = i + 1;
                    i += 1;
                }
                None => {
                    lh.old.end = old.len();
                    lh.new.end = new.len();
                    break;
                }
            }
        }
        out.push(lh);
    }
    out
}

/// Groups closer than `gap` unchanged lines merged into one (0: only groups on adjacent lines).
pub(super) fn merge(r: &Redline, groups: Vec<LineHunk>, gap: usize) -> Vec<LineHunk> {
    let old = r.old.text();
    let mut out: Vec<LineHunk> = Vec::with_capacity(groups.len());
    for g in groups {
        if let Some(last) = out.last_mut() {
            let between = old[last.old.end..g.old.start].bytes().filter(|&b| b == b'\n').count();
            if between <= gap {
                last.old.end = g.old.end;
                last.new.end = g.new.end;
                last.hunks.end = g.hunks.end;
                continue;
            }
        }
        out.push(g);
    }
    out
}

/// `group` widened by up to `lines` unchanged lines before and after (never past another group,
/// since groups closer than twice that are merged first).
pub(super) fn with_context(r: &Redline, group: &LineHunk, lines: usize) -> LineHunk {
    let old = r.old.text();
    let mut start = group.old.start;
    for _ in 0..lines {
        if start == 0 {
            break;
        }
        start = old[..start - 1].rfind('\n').map_or(0, |p| p + 1);
    }
    let mut end = group.old.end;
    for _ in 0..lines {
        if end == old.len() {
            break;
        }
        end = old[end..].find('\n').map_or(old.len(), |p| end + p + 1);
    }
    let (before, after) = (group.old.start - start, end - group.old.end);
    LineHunk { old: start..end, new: group.new.start - before..group.new.end + after, hunks: group.hunks.clone() }
}

/// The groups to show with `context` lines around each, merged where their context would touch.
pub(super) fn shown(r: &Redline, context: Context) -> Vec<LineHunk> {
    match context {
        Context::All => {
            if r.hunks.is_empty() && r.old.text().is_empty() {
                return Vec::new();
            }
            vec![LineHunk { old: 0..r.old.text().len(), new: 0..r.new.text().len(), hunks: 0..r.hunks.len() }]
        }
        Context::Lines(n) => {
            let groups = merge(r, line_hunks(r), n.saturating_mul(2));
            groups.iter().map(|g| with_context(r, g, n)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::Hunk;

    fn texts(r: &Redline, l: &LineHunk) -> (String, String) {
        (r.old.text()[l.old.clone()].to_owned(), r.new.text()[l.new.clone()].to_owned())
    }

    #[test]
    fn a_change_is_widened_to_its_line() {
        let r = Redline::from_texts("一\n設置する\n三\n", "一\n開催する\n三\n", vec![Hunk::new(4..10, 4..10)]);
        assert_eq!(texts(&r, &line_hunks(&r)[0]), ("設置する\n".into(), "開催する\n".into()));
    }

    #[test]
    fn hunks_on_one_line_are_one_group() {
        let r = Redline::from_texts("ab\ncd\n", "Xb\ncY\n", vec![Hunk::new(0..1, 0..1), Hunk::new(4..5, 4..5)]);
        let g = line_hunks(&r);
        assert_eq!(g.len(), 2);
        assert_eq!(texts(&r, &g[1]), ("cd\n".into(), "cY\n".into()));
        let merged = merge(&r, g, 0);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].hunks, 0..2);
    }

    #[test]
    fn a_deleted_line_break_joins_lines() {
        let r = Redline::from_texts("a\nb\nc\n", "ab\nc\n", vec![Hunk::new(1..2, 1..1)]);
        let g = line_hunks(&r);
        assert_eq!(texts(&r, &g[0]), ("a\nb\n".into(), "ab\n".into()));
    }

    #[test]
    fn no_final_newline_reaches_the_end() {
        let r = Redline::from_texts("a\nb", "a\nc", vec![Hunk::new(2..3, 2..3)]);
        assert_eq!(texts(&r, &line_hunks(&r)[0]), ("b".into(), "c".into()));
    }

    #[test]
    fn context_stops_at_the_ends() {
        let r = Redline::from_texts("1\n2\n3\n4\n", "1\n2\nX\n4\n", vec![Hunk::new(4..5, 4..5)]);
        let c = with_context(&r, &line_hunks(&r)[0], 5);
        assert_eq!(texts(&r, &c), ("1\n2\n3\n4\n".into(), "1\n2\nX\n4\n".into()));
        let c1 = with_context(&r, &line_hunks(&r)[0], 1);
        assert_eq!(texts(&r, &c1), ("2\n3\n4\n".into(), "2\nX\n4\n".into()));
    }
}
