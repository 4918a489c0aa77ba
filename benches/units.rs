//! Word units: akaji's rules against a morphological segmenter (MeCab with IPADIC, the model
//! and dictionary lindera embeds) and against plain script runs, on the peer benchmark's edits.
//!
//! For every edit, the old and the new line holding it are cut into units by each method and
//! compared unit by unit (a longest common subsequence); the edit is exact when that gives one
//! changed run lying within the edited word. This is the unit diff alone, before the engine's
//! clean-up, so it measures what the units themselves contribute. Speed: the units of the
//! 10 MB prose document.
//!
//! `cargo bench --bench units` (MeCab: `apt-get install mecab mecab-ipadic-utf8`).

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{Kind, Shape};
use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::process::{Command, Stdio};
use std::time::Instant;

type Cut = fn(&str) -> Vec<Range<usize>>;

/// Runs of one class of character (akaji before word units).
fn script_runs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last = None;
    for (i, c) in text.char_indices() {
        let k = corpus::class(c);
        match out.last_mut() {
            Some(r) if last == Some(k) && k < 5 => r.end = i + c.len_utf8(),
            _ => out.push(i..i + c.len_utf8()),
        }
        last = Some(k);
    }
    out
}

fn rules(text: &str) -> Vec<Range<usize>> {
    akaji::words::units(text)
}

/// MeCab's words of each line (one call for all lines), as byte ranges.
fn mecab(lines: &[&str]) -> Option<Vec<Vec<Range<usize>>>> {
    let mut child =
        Command::new("mecab").args(["-Owakati"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let input = lines.join("\n") + "\n";
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut all = Vec::new();
    for (line, words) in lines.iter().zip(text.lines()) {
        let mut at = 0;
        let mut cut = Vec::new();
        for w in words.split(' ').filter(|w| !w.is_empty()) {
            let start = at + line[at..].find(w)?;
            if start > at {
                cut.push(at..start); // white space MeCab dropped
            }
            cut.push(start..start + w.len());
            at = start + w.len();
        }
        if at < line.len() {
            cut.push(at..line.len());
        }
        all.push(cut);
    }
    Some(all)
}

/// The changed runs of a unit-by-unit LCS diff, as byte ranges of the old and new line.
fn unit_diff(a: &str, ua: &[Range<usize>], b: &str, ub: &[Range<usize>]) -> Vec<(Range<usize>, Range<usize>)> {
    let (n, m) = (ua.len(), ub.len());
    let mut t = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] =
                if a[ua[i].clone()] == b[ub[j].clone()] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let at = |u: &[Range<usize>], k: usize, len: usize| u.get(k).map_or(len, |r| r.start);
    while i < n || j < m {
        if i < n && j < m && a[ua[i].clone()] == b[ub[j].clone()] {
            i += 1;
            j += 1;
            continue;
        }
        let (si, sj) = (i, j);
        while (i < n || j < m) && !(i < n && j < m && a[ua[i].clone()] == b[ub[j].clone()]) {
            if j >= m || (i < n && t[i + 1][j] >= t[i][j + 1]) {
                i += 1;
            } else {
                j += 1;
            }
        }
        out.push((at(ua, si, a.len())..at(ua, i, a.len()), at(ub, sj, b.len())..at(ub, j, b.len())));
    }
    out
}

fn line_of(text: &str, r: &Range<usize>) -> Range<usize> {
    let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
    start..end
}

fn main() {
    let mut table: BTreeMap<(&str, Kind), [usize; 4]> = BTreeMap::new();
    let mut have_mecab = true;
    for shape in Shape::ALL {
        let s = corpus::sample(shape, 1 << 20, 2000, 42);
        let mut lines: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
        for (k, e) in s.edits.iter().enumerate() {
            lines.push((line_of(&s.old, &e.old), line_of(&s.new, &e.new), k));
        }
        let olds: Vec<&str> = lines.iter().map(|l| &s.old[l.0.clone()]).collect();
        let news: Vec<&str> = lines.iter().map(|l| &s.new[l.1.clone()]).collect();
        let (mo, mn) = match (mecab(&olds), mecab(&news)) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                have_mecab = false;
                (Vec::new(), Vec::new())
            }
        };
        for (idx, (lo, ln, k)) in lines.iter().enumerate() {
            let e = &s.edits[*k];
            let (a, b) = (&s.old[lo.clone()], &s.new[ln.clone()]);
            let (eo, en) = (e.old.start - lo.start..e.old.end - lo.start, e.new.start - ln.start..e.new.end - ln.start);
            let exact = |hunks: Vec<(Range<usize>, Range<usize>)>| -> usize {
                let t: Vec<_> = hunks.iter().filter(|(o, _)| o.start <= eo.end && eo.start <= o.end).collect();
                usize::from(
                    t.len() == 1
                        && eo.start <= t[0].0.start
                        && t[0].0.end <= eo.end
                        && en.start <= t[0].1.start
                        && t[0].1.end <= en.end,
                )
            };
            let row = table.entry((shape.name(), e.kind)).or_default();
            row[0] += 1;
            for (c, cut) in [(1, script_runs as Cut), (2, rules as Cut)] {
                row[c] += exact(unit_diff(a, &cut(a), b, &cut(b)));
            }
            if have_mecab {
                row[3] += exact(unit_diff(a, &mo[idx], b, &mn[idx]));
            }
        }
    }
    println!(
        "| shape | kind | edits | script runs | akaji rules | MeCab + IPADIC |\n| --- | --- | --- | --- | --- | --- |"
    );
    let mut total = [0usize; 4];
    for ((shape, kind), r) in &table {
        let p = |x: usize| format!("{:.1}%", 100.0 * x as f64 / r[0].max(1) as f64);
        let m = if have_mecab { p(r[3]) } else { "—".into() };
        println!("| {shape} | {} | {} | {} | {} | {m} |", kind.name(), r[0], p(r[1]), p(r[2]));
        for i in 0..4 {
            total[i] += r[i];
        }
    }
    let p = |x: usize| format!("{:.1}%", 100.0 * x as f64 / total[0].max(1) as f64);
    println!("| all | all | {} | {} | {} | {} |", total[0], p(total[1]), p(total[2]), p(total[3]));

    // Speed on 10 MB of prose.
    let text = corpus::base(Shape::Prose, 10 << 20, 7);
    let t = Instant::now();
    let n: usize = text.lines().map(|l| akaji::words::units(l).len()).sum();
    let rules_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n_runs: usize = text.lines().map(|l| script_runs(l).len()).sum();
    let runs_s = t.elapsed().as_secs_f64();
    println!(
        "\nunits of 10 MB of prose: script runs {runs_s:.2} s ({n_runs} units), akaji rules {rules_s:.2} s ({n} units)"
    );
    if have_mecab {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prose.txt");
        std::fs::write(&path, &text).unwrap();
        let t = Instant::now();
        let out = Command::new("mecab").args(["-Owakati", path.to_str().unwrap()]).output().unwrap();
        let words = String::from_utf8_lossy(&out.stdout).split_whitespace().count();
        println!("MeCab -Owakati: {:.2} s ({words} words)", t.elapsed().as_secs_f64());
    }
}
