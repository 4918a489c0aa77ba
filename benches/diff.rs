//! The diff engine against git's character word diff, on plan-like Japanese texts of 1 MB and
//! 10 MB with 2,000 known edits each (see `akaji::diff::synth`).
//!
//! `cargo bench --bench diff` prints a table: wall time and peak memory of `akaji diff` and of
//! `git diff --no-index --word-diff=porcelain --word-diff-regex=.` (LC_ALL=C.UTF-8) on the same
//! files, and the quality of both (edits covered, hunks per edit, edits shown as one clean hunk,
//! chars marked outside the edits). Then criterion times the library call.
//! `cargo bench --bench diff -- --table-only` stops after the table.

use akaji::diff::synth::{self, Pair, Quality, Sample};
use akaji::diff::{diff, DiffOptions};
use criterion::{black_box, Criterion};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EDITS: usize = 2_000;
const SIZES: [(usize, &str); 2] = [(1 << 20, "1 MB"), (10 << 20, "10 MB")];
const RUNS: usize = 3;

struct Run {
    time: Duration,
    rss_kb: u64,
    status: Option<i32>,
}

/// Run a command `RUNS` times under /usr/bin/time with stdout discarded: median wall time, peak RSS.
fn measure(program: &str, args: &[&str]) -> Run {
    let mut times = Vec::new();
    let (mut rss_kb, mut status) = (0, None);
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(program)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("/usr/bin/time runs");
        times.push(start.elapsed());
        let err = String::from_utf8_lossy(&out.stderr);
        rss_kb = rss_kb.max(err.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0));
        status = out.status.code();
    }
    times.sort();
    Run { time: times[RUNS / 2], rss_kb, status }
}

/// git's porcelain word diff as hunks (byte ranges of old and new).
fn git_hunks(sample: &Sample, old_path: &Path, new_path: &Path) -> Vec<Pair> {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--no-color", "--word-diff=porcelain", "--word-diff-regex=."])
        .arg(old_path)
        .arg(new_path)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("git runs");
    let text = String::from_utf8(out.stdout).expect("git's output is UTF-8");
    let starts =
        |t: &str| -> Vec<usize> { std::iter::once(0).chain(t.match_indices('\n').map(|(i, _)| i + 1)).collect() };
    let (old_lines, new_lines) = (starts(&sample.old), starts(&sample.new));
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
            o = old_lines[a.max(1) - 1];
            n = new_lines[c.max(1) - 1];
            in_hunk = true;
            continue;
        }
        if !in_hunk || line.is_empty() {
            continue;
        }
        let (tag, body) = line.split_at(1);
        match tag {
            " " | "~" => {
                hunks.extend(open.take());
                let len = if tag == "~" { 1 } else { body.len() };
                if tag == " " {
                    assert_eq!(&sample.old[o..o + len], body, "git's context does not match the old text");
                }
                o += len;
                n += len;
            }
            "-" | "+" => {
                let h = open.get_or_insert((o..o, n..n));
                if tag == "-" {
                    o += body.len();
                    h.0.end = o;
                } else {
                    n += body.len();
                    h.1.end = n;
                }
            }
            _ => {}
        }
    }
    hunks.extend(open);
    hunks
}

fn akaji_hunks(sample: &Sample) -> (Vec<Pair>, bool) {
    let d = diff(&sample.old, &sample.new, &DiffOptions::default());
    (d.hunks.iter().map(|h| (h.old.clone(), h.new.clone())).collect(), d.deadline_hit)
}

fn row(tool: &str, size: &str, run: &Run, input: usize, q: &Quality) -> String {
    format!(
        "| {tool} | {size} | {:.3} s | {:.1} MB ({:.1}×) | {}/{} | {:.3} | {:.1}% | {:.3}% |",
        run.time.as_secs_f64(),
        run.rss_kb as f64 / 1024.0,
        run.rss_kb as f64 * 1024.0 / input as f64,
        q.covered,
        q.edits,
        q.hunks_per_edit(),
        q.clean_percent(),
        q.outside_percent(),
    )
}

fn table(samples: &[(Sample, &str)]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let akaji = env!("CARGO_BIN_EXE_akaji");
    println!("\n| tool | input | time (median of {RUNS}) | peak RSS (× input) | edits covered | hunks/edit | one clean hunk | marked outside edits |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (sample, size) in samples {
        let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
        std::fs::write(&old, &sample.old).unwrap();
        std::fs::write(&new, &sample.new).unwrap();
        let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
        let input = sample.old.len() + sample.new.len();

        let (hunks, deadline_hit) = akaji_hunks(sample);
        assert!(!deadline_hit, "the default options have no deadline");
        let q = synth::evaluate(sample, &hunks);
        // The json renderer is another module's; until it lands, critic carries the same hunks.
        let mut format = "json";
        let mut run = measure(akaji, &["diff", o, n, "--format", format]);
        if run.status != Some(1) {
            format = "critic";
            run = measure(akaji, &["diff", o, n, "--format", format]);
        }
        assert_eq!(run.status, Some(1), "akaji diff exits 1 on differing texts");
        println!("{}", row(&format!("akaji diff --format {format}"), size, &run, input, &q));

        let git = measure("git", &["diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=.", o, n]);
        let q = synth::evaluate(sample, &git_hunks(sample, &old, &new));
        println!("{}", row("git diff --word-diff-regex=.", size, &git, input, &q));
    }
    println!();
}

fn main() {
    let samples: Vec<(Sample, &str)> =
        SIZES.iter().map(|&(bytes, name)| (synth::generate(bytes, EDITS, 42), name)).collect();
    table(&samples);
    if std::env::args().any(|a| a == "--table-only") {
        return;
    }
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    for (sample, name) in &samples {
        c.bench_function(&format!("diff {name}, {EDITS} edits"), |b| {
            b.iter(|| diff(black_box(&sample.old), black_box(&sample.new), &DiffOptions::default()))
        });
    }
    c.final_summary();
}
