//! Running the diff tools on files and reading their hunks back, for the benchmarks.
//!
//! Each tool runs with its output to a file (the median wall time of the runs), then once more
//! under `/usr/bin/time` for its peak RSS (a child of this process would count this process's
//! memory, which it shares until it runs the tool); its output is then read into hunks as byte
//! ranges of the old and new text, so that every tool is scored by the same code. (Timed under
//! `/usr/bin/time`, as before 2026-12-04, `akaji diff` of 1 MB of pages took 30–31 ms against
//! 25–27 ms run directly, 21 runs in turn, while git's time did not move.)

use super::score::Pair;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One tool's runs on one input.
#[allow(dead_code)] // the diff and moves benches' (peers times each run on its own)
pub struct Run {
    pub time: Duration,
    pub rss_kb: u64,
    pub status: Option<i32>,
    /// What the last run wrote to stdout.
    pub output: Vec<u8>,
}

/// Run `program args` `runs` times, stdout to `out` (read back afterwards), then once more for
/// its peak RSS.
#[allow(dead_code)] // the diff and moves benches' (peers times each run on its own)
pub fn measure(program: &str, args: &[&str], runs: usize, out: &Path) -> Run {
    let mut times = Vec::new();
    let mut status = None;
    for _ in 0..runs.max(1) {
        let (time, code) = time_once(program, args, out);
        times.push(time);
        status = code;
    }
    let rss_kb = peak_rss_kb(program, args, out);
    let output = std::fs::read(out).unwrap_or_default();
    Run { time: median(&mut times), rss_kb, status, output }
}

/// The median of `times` (at least one).
pub fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The wall time of one run of `program args`, stdout to `out`, and its exit code.
pub fn time_once(program: &str, args: &[&str], out: &Path) -> (Duration, Option<i32>) {
    let file = std::fs::File::create(out).expect("create the output file");
    let start = Instant::now();
    let run = Command::new(program)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .stdout(Stdio::from(file))
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    (start.elapsed(), run.code())
}

/// The peak RSS (KB) of one run of `program args` under `/usr/bin/time`, stdout to `out`.
pub fn peak_rss_kb(program: &str, args: &[&str], out: &Path) -> u64 {
    let file = std::fs::File::create(out).expect("create the output file");
    let o = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(program)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .stdout(Stdio::from(file))
        .stderr(Stdio::piped())
        .output()
        .expect("/usr/bin/time runs");
    let err = String::from_utf8_lossy(&o.stderr);
    err.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0)
}

/// Whether `program` can be run.
pub fn available(program: &str, probe: &[&str]) -> bool {
    Command::new(program).args(probe).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Turns sorted char offsets into byte offsets, walking the text once.
struct Chars<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl Chars<'_> {
    fn byte_of(&mut self, char: usize) -> usize {
        if char < self.char {
            (self.byte, self.char) = (0, 0);
        }
        for c in self.text[self.byte..].chars() {
            if self.char == char {
                break;
            }
            self.byte += c.len_utf8();
            self.char += 1;
        }
        self.byte
    }
}

/// Hunks given as char ranges `[os, oe, ns, ne]`, sorted.
pub fn from_chars(old: &str, new: &str, ranges: impl IntoIterator<Item = [usize; 4]>) -> Vec<Pair> {
    let (mut o, mut n) = (Chars { text: old, byte: 0, char: 0 }, Chars { text: new, byte: 0, char: 0 });
    ranges
        .into_iter()
        .map(|[os, oe, ns, ne]| {
            let old = o.byte_of(os)..o.byte_of(oe);
            let new = n.byte_of(ns)..n.byte_of(ne);
            (old, new)
        })
        .collect()
}

/// akaji's `--format json`: the `hunks` and their char offsets.
pub fn akaji_json(old: &str, new: &str, output: &[u8]) -> Vec<Pair> {
    #[derive(serde::Deserialize)]
    struct Hunk {
        old: [usize; 2],
        new: [usize; 2],
    }
    #[derive(serde::Deserialize)]
    struct Out {
        hunks: Vec<Hunk>,
    }
    let out: Out = serde_json::from_slice(output).expect("akaji writes JSON");
    from_chars(old, new, out.hunks.iter().map(|h| [h.old[0], h.old[1], h.new[0], h.new[1]]))
}

/// The offset in `text` after `body`, read from `at`, skipping white space that one side has
/// and the other has not (git shows a line break as white space; wdiff rewrites white space).
fn advance(text: &str, at: usize, body: &str) -> Option<usize> {
    let mut i = at;
    let mut t = text[at..].chars().peekable();
    let mut b = body.chars().peekable();
    while let Some(&c) = b.peek() {
        match t.peek() {
            Some(&x) if x == c => {
                i += x.len_utf8();
                t.next();
                b.next();
            }
            Some(&x) if x.is_whitespace() => {
                i += x.len_utf8();
                t.next();
            }
            _ if c.is_whitespace() => {
                b.next();
            }
            _ => return None,
        }
    }
    Some(i)
}

/// git's porcelain word diff as hunks.
pub fn git_porcelain(old: &str, new: &str, output: &[u8]) -> Option<Vec<Pair>> {
    let text = std::str::from_utf8(output).ok()?;
    let starts =
        |t: &str| -> Vec<usize> { std::iter::once(0).chain(t.match_indices('\n').map(|(i, _)| i + 1)).collect() };
    let (old_lines, new_lines) = (starts(old), starts(new));
    let mut hunks = Vec::new();
    let (mut o, mut n) = (0, 0);
    let mut open: Option<Pair> = None;
    let mut in_hunk = false;
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("@@ -") {
            let num = |s: &str| s.split(',').next().and_then(|x| x.parse::<usize>().ok()).unwrap_or(1);
            let mut parts = header.split(' ');
            let a = num(parts.next().unwrap_or("1"));
            let c = num(parts.next().unwrap_or("+1").trim_start_matches('+'));
            hunks.extend(open.take());
            o = *old_lines.get(a.max(1) - 1)?;
            n = *new_lines.get(c.max(1) - 1)?;
            in_hunk = true;
            continue;
        }
        if !in_hunk || line.is_empty() {
            continue;
        }
        let (tag, body) = line.split_at(1);
        match tag {
            "~" => {
                hunks.extend(open.take());
                o += usize::from(old.as_bytes().get(o) == Some(&b'\n'));
                n += usize::from(new.as_bytes().get(n) == Some(&b'\n'));
            }
            " " => {
                hunks.extend(open.take());
                o = advance(old, o, body)?;
                n = advance(new, n, body)?;
            }
            "-" | "+" => {
                let h = open.get_or_insert((o..o, n..n));
                if tag == "-" {
                    o = advance(old, o, body)?;
                    h.0.end = o;
                } else {
                    n = advance(new, n, body)?;
                    h.1.end = n;
                }
            }
            _ => {}
        }
    }
    hunks.extend(open);
    Some(hunks)
}

/// Markers given to wdiff and dwdiff: start and end of a deletion, of an insertion.
pub const MARKS: [&str; 4] = ["\u{1}", "\u{2}", "\u{3}", "\u{4}"];

/// wdiff's or dwdiff's output (the texts with [`MARKS`] around deleted and inserted words).
pub fn marked(old: &str, new: &str, output: &[u8]) -> Option<Vec<Pair>> {
    let text = std::str::from_utf8(output).ok()?;
    let (mut o, mut n) = (0, 0);
    let mut hunks: Vec<Pair> = Vec::new();
    let mut rest = text;
    let push = |h: Pair, hunks: &mut Vec<Pair>| match hunks.last_mut() {
        Some(last) if last.0.end == h.0.start && last.1.end == h.1.start => {
            last.0.end = h.0.end;
            last.1.end = h.1.end;
        }
        _ => hunks.push(h),
    };
    while !rest.is_empty() {
        let next = rest.find([MARKS[0], MARKS[2]].map(|m| m.chars().next().unwrap_or('\u{1}'))).unwrap_or(rest.len());
        let common = &rest[..next];
        o = advance(old, o, common)?;
        n = advance(new, n, common)?;
        rest = &rest[next..];
        for (open, close, is_old) in [(MARKS[0], MARKS[1], true), (MARKS[2], MARKS[3], false)] {
            if let Some(body) = rest.strip_prefix(open) {
                let end = body.find(close)?;
                let (so, sn) = (o, n);
                if is_old {
                    o = advance(old, o, &body[..end])?;
                } else {
                    n = advance(new, n, &body[..end])?;
                }
                push((so..o, sn..n), &mut hunks);
                rest = &body[end + close.len()..];
            }
        }
    }
    Some(hunks)
}

/// The helper script's output: one hunk a line, `os oe ns ne` in chars.
pub fn char_lines(old: &str, new: &str, output: &[u8]) -> Option<Vec<Pair>> {
    let text = std::str::from_utf8(output).ok()?;
    let mut ranges = Vec::new();
    for line in text.lines() {
        let v: Vec<usize> = line.split(' ').filter_map(|x| x.parse().ok()).collect();
        ranges.push([*v.first()?, *v.get(1)?, *v.get(2)?, *v.get(3)?]);
    }
    Some(from_chars(old, new, ranges))
}
