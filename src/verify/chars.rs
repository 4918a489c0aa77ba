//! The fewest single characters that change between two short texts (Myers' O(ND) algorithm).
//!
//! Verify aligns a final with what was promised by the diff engine ([`crate::diff`]), whose
//! hunks are cut for a reader (whole words, a reworded phrase in one piece). To tell whether a
//! promise was kept, and to report a change no decision explains as the change it is
//! (「97」→「96」 is 「7」→「6」, not the word around it), verify cuts each hunk again into the
//! changed characters, by a shortest edit script: a deterministic answer that does not depend on
//! where the engine happened to cut. Only insertions and deletions count (a replacement is a
//! deletion beside an insertion), and consecutive ones make one change.
//!
//! Written here rather than taken from `similar` (a dependency today, which the diff engine is
//! dropping) because verify needs only this: a few dozen lines over char slices, bounded by
//! [`MAX_EDITS`] so that a hunk of unrelated texts costs no more than a trimmed replacement.
//!
//! ```text
//! 「取組を継続」 → 「取り組みを継続」: insert 「り」 at 1, 「み」 at 2 (two changes one char apart)
//! ```

use std::ops::Range;

/// The most single-character edits looked for; past it a hunk is one change (its common
/// beginning and end left out).
pub(super) const MAX_EDITS: usize = 400;

/// The changed runs between `a` and `b`: pairs of char ranges (`a`'s, `b`'s), in order, each a
/// maximal run of consecutive deletions and insertions of a shortest edit script.
pub(super) fn changes(a: &[char], b: &[char]) -> Vec<(Range<usize>, Range<usize>)> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a2, b2) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    if a2.is_empty() && b2.is_empty() {
        return Vec::new();
    }
    let whole = || vec![(pre..a.len() - suf, pre..b.len() - suf)];
    if a2.is_empty() || b2.is_empty() {
        return whole();
    }
    match script(a2, b2) {
        Some(runs) => runs.into_iter().map(|(x, y)| (x.start + pre..x.end + pre, y.start + pre..y.end + pre)).collect(),
        None => whole(),
    }
}

/// One step of an edit script: a char of `a` deleted at (x, y), or one of `b` inserted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Delete,
    Insert,
}

/// A shortest edit script of `a` into `b` as runs of changes, or `None` past [`MAX_EDITS`].
fn script(a: &[char], b: &[char]) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (a.len() + b.len()).min(MAX_EDITS) as isize;
    let offset = max + 1;
    let mut v = vec![0isize; 2 * max as usize + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    let mut end = None;
    'outer: for d in 0..=max {
        trace.push(v.clone());
        for k in (-d..=d).step_by(2) {
            let mut x =
                if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) { v[at(k + 1)] } else { v[at(k - 1)] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                end = Some(d);
                break 'outer;
            }
        }
    }
    let total = end?;
    // Walk back from the end: each step d came from diagonal k±1 of step d-1.
    let mut steps: Vec<(Step, usize, usize)> = Vec::with_capacity(total as usize);
    let (mut x, mut y) = (n, m);
    for d in (1..=total).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let down = k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]);
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = v[at(prev_k)];
        let prev_y = prev_x - prev_k;
        // The snake back to the end of the step, then the step itself.
        let (sx, sy) = if down { (prev_x, prev_y + 1) } else { (prev_x + 1, prev_y) };
        debug_assert!(x - sx == y - sy);
        let step = if down { Step::Insert } else { Step::Delete };
        steps.push((step, prev_x as usize, prev_y as usize));
        x = prev_x;
        y = prev_y;
    }
    steps.reverse();
    // Consecutive steps (each starting where the last ended) make one run.
    let mut runs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (step, x, y) in steps {
        let (dx, dy) = if step == Step::Delete { (1, 0) } else { (0, 1) };
        match runs.last_mut() {
            Some((ra, rb)) if ra.end == x && rb.end == y => {
                ra.end += dx;
                rb.end += dy;
            }
            _ => runs.push((x..x + dx, y..y + dy)),
        }
    }
    Some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn pieces(a: &str, b: &str) -> Vec<(String, String)> {
        let (a, b) = (chars(a), chars(b));
        changes(&a, &b).into_iter().map(|(x, y)| (a[x].iter().collect(), b[y].iter().collect())).collect()
    }

    #[test]
    fn changes_are_the_fewest_characters() {
        assert_eq!(pieces("取組を継続", "取り組みを継続"), [("".into(), "り".into()), ("".into(), "み".into())]);
        assert_eq!(pieces("約97万件", "約96万件"), [("7".into(), "6".into())]);
        assert_eq!(pieces("同じ", "同じ"), Vec::<(String, String)>::new());
        assert_eq!(pieces("2015(案)2015", "20152015"), [("(案)".into(), "".into())]);
    }

    /// Insertions plus deletions of a shortest script, by dynamic programming.
    fn distance(a: &[char], b: &[char]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = if ca == cb { prev } else { 1 + row[j].min(row[j + 1]) };
                prev = cur;
            }
        }
        row[b.len()]
    }

    #[test]
    fn scripts_are_shortest_and_rebuild_the_second_text() {
        let mut seed: u64 = 12345;
        let mut next = |k: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % k
        };
        let alphabet = chars("あいう設置");
        for _ in 0..500 {
            let a: Vec<char> = (0..next(12)).map(|_| alphabet[next(5) as usize]).collect();
            let b: Vec<char> = (0..next(12)).map(|_| alphabet[next(5) as usize]).collect();
            let runs = changes(&a, &b);
            let edits: usize = runs.iter().map(|(x, y)| x.len() + y.len()).sum();
            assert_eq!(edits, distance(&a, &b), "{a:?} {b:?}");
            // Applying the runs to a gives b, and the texts between runs are equal.
            let (mut out, mut at): (Vec<char>, usize) = (Vec::new(), 0);
            let mut at_b = 0;
            for (x, y) in &runs {
                assert_eq!(a[at..x.start], b[at_b..y.start]);
                out.extend(&a[at..x.start]);
                out.extend(&b[y.clone()]);
                at = x.end;
                at_b = y.end;
            }
            out.extend(&a[at..]);
            assert_eq!(out, b);
        }
    }

    #[test]
    fn unrelated_long_texts_are_one_change() {
        let a: Vec<char> = (0..2000).map(|i| char::from_u32(0x4e00 + i).unwrap()).collect();
        let b: Vec<char> = (0..2000).map(|i| char::from_u32(0x5e00 + i).unwrap()).collect();
        assert_eq!(changes(&a, &b), vec![(0..2000, 0..2000)]);
    }
}
