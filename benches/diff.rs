//! The diff engine against git's character word diff, on plan-like Japanese texts of 1 MB and
//! 10 MB with known edits, in two families:
//! - `synth` (`benches/common/synth.rs`): lines all different, 2,000 edits of five kinds;
//! - `plan` (`benches/common/plan.rs`, shared with the apply bench): lines that repeat a lot
//!   (some 10% distinct) between unique `- N -` page footers, 1,000 edits per MB (four per page:
//!   a scoped word, a file name, an inserted sentence, a deleted clause), the final made by
//!   `akaji::apply`. An inserted sentence there ends right where a deleted clause begins: the
//!   two read as one replacement to any diff, so they count as one edit.
//!
//! `cargo bench --bench diff` prints a table: wall time and peak memory of `akaji diff` and of
//! `git diff --no-index --word-diff=porcelain --word-diff-regex=.` (LC_ALL=C.UTF-8) on the same
//! files, and the quality of both (edits covered, hunks per edit, edits shown as one clean hunk,
//! chars marked outside the edits). Then criterion times the library call.
//! `cargo bench --bench diff -- --table-only` stops after the table.
//! `AKAJI_BENCH_WRITE=/tmp/akaji-bench cargo bench --bench diff` writes the inputs there
//! (`synth-10mb-old.txt`, `plan-10mb-new.txt`, ...) and stops, to profile the binary on them.

#[path = "common/plan.rs"]
mod plan;
#[path = "common/synth.rs"]
mod synth;

use akaji::diff::{diff, DiffOptions};
use criterion::{black_box, Criterion};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use synth::{Edit, EditKind, Pair, Quality, Sample};

const SYNTH_EDITS: usize = 2_000;
/// (bytes, name, plan edits): the plan family keeps the apply bench's density.
const SIZES: [(usize, &str, usize); 2] = [(1 << 20, "1 MB", 1_000), (10 << 20, "10 MB", 10_000)];
const RUNS: usize = 3;

/// A generated plan, its final by `akaji::apply`, and its edits as known edits: each the whole
/// text the ledger names (「資料1-1.pdf」→「資料1-2.pdf」, where apply changes only 「1」; the
/// anchor of an insertion), touching ones joined.
fn plan_sample(bytes: usize, edits: usize) -> Sample {
    let p = plan::plan(bytes, edits);
    let draft = akaji::Document::new(&p.draft, &p.ledger.options.page_marker);
    let applied = akaji::apply(&draft, &p.ledger).expect("the generated ledger applies");
    let mut known: Vec<Edit> = Vec::with_capacity(applied.edits.len());
    let mut shift = 0isize;
    for e in &applied.edits {
        let start = (e.anchor.start as isize + shift) as usize;
        shift += e.new.len() as isize - e.old.len() as isize;
        let end = (e.anchor.end as isize + shift) as usize;
        let kind = if e.old.is_empty() { EditKind::SentenceInserted } else { EditKind::KanjiWord };
        match known.last_mut() {
            Some(last) if last.old.end >= e.anchor.start => {
                last.old.end = last.old.end.max(e.anchor.end);
                last.new.end = last.new.end.max(end);
            }
            _ => known.push(Edit { kind, old: e.anchor.clone(), new: start..end }),
        }
    }
    let new = applied.final_doc.text().to_owned();
    assert_eq!(shift, new.len() as isize - p.draft.len() as isize);
    Sample { old: p.draft.clone(), new, edits: known }
}

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
            "~" => {
                hunks.extend(open.take());
                o += usize::from(sample.old.as_bytes().get(o) == Some(&b'\n'));
                n += usize::from(sample.new.as_bytes().get(n) == Some(&b'\n'));
            }
            " " => {
                hunks.extend(open.take());
                o = advance(&sample.old, o, body);
                n = advance(&sample.new, n, body);
            }
            "-" | "+" => {
                let h = open.get_or_insert((o..o, n..n));
                if tag == "-" {
                    o = advance(&sample.old, o, body);
                    h.0.end = o;
                } else {
                    n = advance(&sample.new, n, body);
                    h.1.end = n;
                }
            }
            _ => {}
        }
    }
    hunks.extend(open);
    hunks
}

/// The offset in `text` after `body`, read from `at`. With `--word-diff-regex=.` a line break
/// is white space to git: it shows 「1\n003」→「1003」 as the context 「1003」, marking nothing.
fn advance(text: &str, at: usize, body: &str) -> usize {
    let t = text.as_bytes();
    let mut i = at;
    for &c in body.as_bytes() {
        while t[i] == b'\n' && c != b'\n' {
            i += 1;
        }
        assert_eq!(t[i], c, "git's output does not match the text at byte {i}");
        i += 1;
    }
    i
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

fn table(samples: &[(Sample, String)]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let akaji = env!("CARGO_BIN_EXE_akaji");
    println!("\n| tool | input | time (median of {RUNS}) | peak RSS (× input) | edits covered | hunks/edit | one clean hunk | marked outside edits |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (sample, name) in samples {
        let size = name.as_str();
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
    let mut samples: Vec<(Sample, String)> = Vec::new();
    for &(bytes, name, plan_edits) in &SIZES {
        samples.push((synth::generate(bytes, SYNTH_EDITS, 42), format!("synth {name}")));
        samples.push((plan_sample(bytes, plan_edits), format!("plan {name}")));
    }
    if let Some(dir) = std::env::var_os("AKAJI_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create the bench folder");
        for (sample, name) in &samples {
            let stem = name.replace(" MB", "mb").replace(" ", "-");
            std::fs::write(dir.join(format!("{stem}-old.txt")), &sample.old).expect("write the old text");
            std::fs::write(dir.join(format!("{stem}-new.txt")), &sample.new).expect("write the new text");
        }
        return;
    }
    table(&samples);
    if std::env::args().any(|a| a == "--table-only") {
        return;
    }
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    for (sample, name) in &samples {
        c.bench_function(&format!("diff {name}, {} edits", sample.edits.len()), |b| {
            b.iter(|| diff(black_box(&sample.old), black_box(&sample.new), &DiffOptions::default()))
        });
    }
    c.final_summary();
}
