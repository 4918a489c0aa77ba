//! Semantic clean-up: turning a minimal diff into the changes a reader would mark by hand.
//!
//! A minimal diff of 「ASEAN」→「FNTRJQ」 is `[-ASEA-]{+F+}N{+TRJQ+}`; of 「あたって」→「当たって」 it is
//! `[あ→当]たって`. Three passes fix that:
//! - [`merge_close`]: two changes separated by an equality no longer than either of them (as
//!   diff-match-patch's semantic clean-up does) become one, unless the equality holds a clause or
//!   sentence end or a line break;
//! - [`align`]: an insertion or deletion that could sit at several places (「ある。新文。」 inserted
//!   as 「。新文」 after 「ある」) is slid to where its edges fall on sentence, clause, line or unit
//!   boundaries;
//! - [`widen`]: a change is widened to the nearest unit boundaries (see
//!   [`crate::words::fine_boundaries`]) on both sides, so it never cuts a word.
//!
//! Every pass keeps the invariant: spans sorted, not overlapping, equal text between them.
//!
//! ```
//! use akaji::diff::{diff, DiffOptions};
//! let d = diff("ASEAN諸国", "FNTRJQ諸国", &DiffOptions::default());
//! assert_eq!(d.hunks.len(), 1);
//! assert_eq!(d.hunks[0].old, 0..5);
//! ```

use super::span::Span;
use crate::char_class::class_of;
use crate::words::{agree, is_grapheme_boundary, quick_boundary, text_after, text_before, Boundaries};
use std::ops::Range;

fn chars(s: &str, r: &Range<usize>) -> usize {
    s[r.clone()].chars().count()
}

/// Merge changes separated by short equalities (see the module docs). Spans index `old`/`new`.
pub(crate) fn merge_close(old: &str, new: &str, spans: &mut Vec<Span>) {
    loop {
        let mut merged = false;
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans.drain(..) {
            if let Some(last) = out.last_mut() {
                let eq = last.old.end..s.old.start;
                let eq_text = &old[eq.clone()];
                let size = |x: &Span| chars(old, &x.old).max(chars(new, &x.new));
                let n = chars(old, &eq);
                if n <= size(last) && n <= size(&s) && !eq_text.contains(['。', '、', '\n', '！', '？', '，']) {
                    last.old.end = s.old.end;
                    last.new.end = s.new.end;
                    merged = true;
                    continue;
                }
            }
            out.push(s);
        }
        *spans = out;
        if !merged {
            break;
        }
    }
}

/// How good a place `at` in `text` is for a change to begin or end.
fn edge_score(text: &str, at: usize) -> u32 {
    // The ends of the text are line starts and ends (a region is whole lines); as good as a line
    // start, not better than a clause mark on both sides.
    let (Some(a), Some(b)) = (text[..at].chars().next_back(), text[at..].chars().next()) else {
        return 3;
    };
    if matches!(b, '、' | '。' | '，' | '．' | '！' | '？' | '）' | '」' | '』' | '】') {
        // A clause or sentence mark belongs with what it closes: never start or end before one.
        0
    } else if a == '\n' {
        // The start of a line, unless the line before ends mid-sentence (text extracted from
        // PDF wraps anywhere): there only as good as any change of script.
        let before = text[..at - 1].trim_end_matches('\r').chars().next_back();
        if before.is_none_or(|c| matches!(c, '。' | '！' | '？' | '\n') || c.is_ascii_punctuation()) {
            5
        } else {
            1
        }
    } else if matches!(a, '。' | '！' | '？') || matches!(b, '\r' | '\n') {
        4
    } else if matches!(a, '、' | '，' | ',' | '；' | '：' | '）' | '」' | '』' | '】')
        || matches!(b, '（' | '「' | '『' | '【')
        || a.is_whitespace()
        || b.is_whitespace()
    {
        3
    } else if class_of(a) != class_of(b) {
        1
    } else {
        0
    }
}

/// Slide pure insertions and deletions to their best place among the equivalent ones, within
/// `limit` (the byte ranges of old and new they must stay in).
pub(crate) fn align(old: &str, new: &str, spans: &mut [Span], limit: &Span) {
    for i in 0..spans.len() {
        let lo = if i == 0 { (limit.old.start, limit.new.start) } else { (spans[i - 1].old.end, spans[i - 1].new.end) };
        let hi = spans.get(i + 1).map_or((limit.old.end, limit.new.end), |s| (s.old.start, s.new.start));
        let s = &mut spans[i];
        // The side that holds text, and the bounds it may slide within on that side.
        let (text, range, bounds) = match (s.old.is_empty(), s.new.is_empty()) {
            (true, false) => (new, s.new.clone(), lo.1..hi.1),
            (false, true) => (old, s.old.clone(), lo.0..hi.0),
            _ => continue,
        };
        let score = |r: &Range<usize>| edge_score(text, r.start) + edge_score(text, r.end);
        let boundary = |r: &Range<usize>| {
            let other = if s.old.is_empty() { old } else { new };
            let other_at = if s.old.is_empty() { s.old.start } else { s.new.start } + r.start - range.start;
            is_grapheme_boundary(text, r.start)
                && is_grapheme_boundary(text, r.end)
                && other_at <= other.len()
                && is_grapheme_boundary(other, other_at)
        };
        let (mut best, mut best_score) = (range.clone(), score(&range));
        // Left: the char before the change equals the change's last char.
        let mut r = range.clone();
        while let (Some(a), Some(z)) =
            (text[bounds.start..r.start].chars().next_back(), text[r.clone()].chars().next_back())
        {
            if a != z {
                break;
            }
            r = r.start - a.len_utf8()..r.end - a.len_utf8();
            if boundary(&r) && score(&r) > best_score {
                (best, best_score) = (r.clone(), score(&r));
            }
        }
        let mut r = range.clone();
        while let (Some(b), Some(f)) = (text[r.end..bounds.end].chars().next(), text[r.clone()].chars().next()) {
            if b != f {
                break;
            }
            r = r.start + b.len_utf8()..r.end + b.len_utf8();
            if boundary(&r) && score(&r) >= best_score {
                (best, best_score) = (r.clone(), score(&r));
            }
        }
        let shift = best.start as isize - range.start as isize;
        let move_by = |x: &mut Range<usize>| {
            x.start = (x.start as isize + shift) as usize;
            x.end = (x.end as isize + shift) as usize;
        };
        move_by(&mut s.old);
        move_by(&mut s.new);
    }
}

/// Widen every span until both its ends fall on boundaries of both texts (hard on both sides, or
/// hard on one and soft on the other), merging spans that come to touch.
pub(crate) fn widen(old: &str, new: &str, spans: &mut Vec<Span>, old_b: &Boundaries, new_b: &Boundaries) {
    let ok = |o: usize, n: usize| agree(old_b, new_b, o, n);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut queue = std::mem::take(spans).into_iter().peekable();
    while let Some(mut s) = queue.next() {
        // Left edge: step back through the equal text before it.
        let floor = out.last().map_or(0, |p| p.old.end);
        while !ok(s.old.start, s.new.start) && s.old.start > floor {
            let step = text_before(&old[floor..], s.old.start - floor);
            s.old.start -= step;
            s.new.start -= step;
        }
        if let Some(p) = out.last_mut().filter(|p| p.old.end == s.old.start) {
            s.old.start = p.old.start;
            s.new.start = p.new.start;
            out.pop();
        }
        // Right edge: step forward, swallowing the next span if it is reached.
        loop {
            if let Some(next) = queue.peek().filter(|n| n.old.start == s.old.end) {
                s.old.end = next.old.end;
                s.new.end = next.new.end;
                queue.next();
                continue;
            }
            if ok(s.old.end, s.new.end) || s.old.end >= old.len() || s.new.end >= new.len() {
                break;
            }
            let step = text_after(old, s.old.end);
            s.old.end += step;
            s.new.end += step;
        }
        out.push(s);
    }
    *spans = out;
}

/// Two deletions (or two insertions) with equal text between them that one deletion of the
/// same length would also explain become that one deletion, at the first place it can stand
/// (`align` then finds its best place). Myers' diff of 「のデバイス、IoT のデバイスも含めて、」
/// with the clause 「IoT のデバイスも含めて、」 deleted may pick 「[のデバイス、IoT ]のデバイス[も含めて]」.
pub(crate) fn join_pure(old: &str, new: &str, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if let Some(last) = out.last_mut() {
            let deletions = last.new.is_empty() && s.new.is_empty() && !last.old.is_empty() && !s.old.is_empty();
            let insertions = last.old.is_empty() && s.old.is_empty() && !last.new.is_empty() && !s.new.is_empty();
            if deletions || insertions {
                // The side that holds text, the whole stretch on it, and the equal text between.
                let (text, other, whole, between) = if deletions {
                    (old, new, last.old.start..s.old.end, last.new.start..s.new.end)
                } else {
                    (new, old, last.new.start..s.new.end, last.old.start..s.old.end)
                };
                let (w, b) = (&text[whole.clone()], &other[between.clone()]);
                let prefix = common_prefix(w, b);
                let suffix = common_prefix_rev(w, b);
                let gone = whole.len() - b.len();
                // The first place the one change can stand that leaves grapheme clusters whole.
                let mut at = prefix.min(b.len());
                let whole_clusters = |at: usize| {
                    quick_boundary(text, whole.start + at)
                        && quick_boundary(text, whole.start + at + gone)
                        && quick_boundary(other, between.start + at)
                };
                while at > 0 && at + suffix >= b.len() && !whole_clusters(at) {
                    at -= text_before(&text[whole.start..], at);
                }
                if at + suffix >= b.len() && whole_clusters(at) {
                    let joined = whole.start + at..whole.start + at + gone;
                    let point = between.start + at..between.start + at;
                    *last = if deletions { Span { old: joined, new: point } } else { Span { old: point, new: joined } };
                    continue;
                }
            }
        }
        out.push(s);
    }
    *spans = out;
}

/// Bytes of whole chars `a` and `b` share at their start.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

/// Bytes of whole chars `a` and `b` share at their end.
fn common_prefix_rev(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

/// Join spans that touch and drop empty ones.
pub(crate) fn coalesce(spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if s.old.is_empty() && s.new.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(p) if p.old.end == s.old.start && p.new.end == s.new.start => {
                p.old.end = s.old.end;
                p.new.end = s.new.end;
            }
            _ => out.push(s),
        }
    }
    *spans = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::boundaries;

    fn sp(old: Range<usize>, new: Range<usize>) -> Span {
        Span { old, new }
    }

    #[test]
    fn short_equalities_between_changes_are_absorbed() {
        // [ASEA→F]N[→TRJQ]
        let mut s = vec![sp(0..4, 0..1), sp(5..5, 2..6)];
        merge_close("ASEAN", "FNTRJQ", &mut s);
        assert_eq!(s, [sp(0..5, 0..6)]);
        // A clause mark keeps two changes apart.
        let mut s = vec![sp(0..6, 0..6), sp(9..15, 9..15)];
        merge_close("設置、検討", "開催、議論", &mut s);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn an_inserted_sentence_ends_after_its_full_stop() {
        let old = "である。次に";
        let new = "である。新文。次に";
        // Myers may place it as 「。新文」 after 「である」.
        let mut s = vec![sp(9..9, 9..18)];
        align(old, new, &mut s, &sp(0..old.len(), 0..new.len()));
        assert_eq!(&new[s[0].new.clone()], "新文。");
        assert_eq!(s[0].old, 12..12);
    }

    #[test]
    fn a_deleted_clause_keeps_its_comma() {
        // Even where a line break before the comma would make a tempting edge.
        let old = "ついても\n、必要に応じて、支援";
        let new = "ついても\n、支援";
        let start = old.find("、必要").unwrap();
        let mut s = vec![sp(start..start + "、必要に応じて".len(), start..start)];
        align(old, new, &mut s, &sp(0..old.len(), 0..new.len()));
        assert_eq!(&old[s[0].old.clone()], "必要に応じて、");
        let old = "対策を、必要に応じて、実施";
        let new = "対策を、実施";
        let start = old.find("、必要").unwrap();
        let mut s = vec![sp(start..start + "、必要に応じて".len(), start..start)];
        align(old, new, &mut s, &sp(0..old.len(), 0..new.len()));
        assert_eq!(&old[s[0].old.clone()], "必要に応じて、");
    }

    #[test]
    fn widening_reaches_unit_boundaries() {
        let (old, new) = ("にあたっては", "に当たっては");
        let mut s = vec![sp(3..6, 3..6)];
        widen(old, new, &mut s, &boundaries(old), &boundaries(new));
        assert_eq!((&old[s[0].old.clone()], &new[s[0].new.clone()]), ("あたって", "当たって"));
        let (old, new) = ("ASEAN", "FNTRJQ");
        let mut s = vec![sp(0..4, 0..1), sp(5..5, 2..6)];
        widen(old, new, &mut s, &boundaries(old), &boundaries(new));
        assert_eq!(s, [sp(0..5, 0..6)]);
    }

    #[test]
    fn two_deletions_around_equal_text_become_one() {
        let old = "のデバイス、IoT のデバイスも含めて、そこ";
        let new = "のデバイス、そこ";
        // [のデバイス、IoT ]のデバイス[も含めて]、そこ
        let (a, b) = (old.find("IoT").unwrap() + 4, old.find("も含").unwrap());
        let mut s = vec![sp(0..a, 0..0), sp(b..b + "も含めて".len(), b - a..b - a)];
        join_pure(old, new, &mut s);
        assert_eq!(s.len(), 1);
        align(old, new, &mut s, &sp(0..old.len(), 0..new.len()));
        assert_eq!(&old[s[0].old.clone()], "IoT のデバイスも含めて、");
    }

    #[test]
    fn coalesce_joins_touching_spans() {
        let mut s = vec![sp(0..1, 0..0), sp(1..1, 0..2), sp(3..3, 4..4)];
        coalesce(&mut s);
        assert_eq!(s, [sp(0..1, 0..2)]);
    }
}
