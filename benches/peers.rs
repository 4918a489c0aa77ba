//! akaji's diff against the tools people use instead, on the same files in the same run.
//!
//! Inputs are built from real public Japanese prose (`benches/corpus/`, see `common/corpus.rs`)
//! in three shapes (running prose, PDF-wrapped pages with running heads and `- N -` footers,
//! heavily repeated lines), with 2,000 known edits per MB of seven kinds. Every tool runs on
//! the same two files and is scored by the same code (`common/score.rs`): time (median of 3 runs,
//! 21 for akaji and git at 1 MB, each tool run in turn, run directly), peak memory (one run more,
//! under `/usr/bin/time`), edits detected, edits shown as exactly one hunk within the edited word, hunks
//! per edit, characters marked outside the edits.
//!
//! Tools: `akaji diff --format json`; `git diff --no-index --word-diff=porcelain
//! --word-diff-regex=.` (git's character word diff); GNU `wdiff`; `dwdiff -P` (punctuation
//! delimits words); diff-match-patch through its Python package (no timeout, semantic
//! clean-up, `benches/peers/dmp.py`). A tool that is not installed is reported as such;
//! `benches/peers.sh` installs them and runs this.
//!
//! `cargo bench --bench peers -- [--sizes 1,10] [--growth 1,10,50,100 [--runs 3]] [--write DIR]`:
//! `--sizes` (MB) for the full comparison; `--growth` runs akaji and git alone at those sizes
//! (`--runs` times each, the median; default once) and fits the growth exponents; `--write
//! DIR` writes the inputs and stops.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/score.rs"]
mod score;
#[path = "common/tools.rs"]
mod tools;

use corpus::{Kind, Sample, Shape};
use score::{Pair, Quality};
use std::collections::BTreeMap;
use std::path::Path;

const EDITS_PER_MB: usize = 2_000;
const MB: usize = 1 << 20;

struct Tool {
    name: &'static str,
    program: &'static str,
    args: fn(&str, &str) -> Vec<String>,
    parse: fn(&str, &str, &[u8]) -> Option<Vec<Pair>>,
    /// Largest input (MB) the tool is run on: the slow ones are left out of the large sizes.
    max_mb: usize,
}

fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "akaji diff --format json",
            program: env!("CARGO_BIN_EXE_akaji"),
            // No deadline, as for every peer: the same alignment whatever the machine's load.
            args: |o, n| ["diff", o, n, "--format", "json", "--timeout", "0"].map(String::from).to_vec(),
            parse: |o, n, out| Some(tools::akaji_json(o, n, out)),
            max_mb: usize::MAX,
        },
        Tool {
            name: "git diff --word-diff-regex=.",
            program: "git",
            args: |o, n| {
                ["diff", "--no-index", "--no-color", "--word-diff=porcelain", "--word-diff-regex=.", o, n]
                    .map(String::from)
                    .to_vec()
            },
            parse: tools::git_porcelain,
            max_mb: usize::MAX,
        },
        Tool {
            name: "wdiff",
            program: "wdiff",
            args: |o, n| {
                let m = tools::MARKS;
                ["-w", m[0], "-x", m[1], "-y", m[2], "-z", m[3], o, n].map(String::from).to_vec()
            },
            parse: tools::marked,
            max_mb: 10,
        },
        Tool {
            name: "dwdiff -P",
            program: "dwdiff",
            args: |o, n| {
                let m = tools::MARKS;
                ["-P", "-w", m[0], "-x", m[1], "-y", m[2], "-z", m[3], o, n].map(String::from).to_vec()
            },
            parse: tools::marked,
            max_mb: 10,
        },
        Tool {
            name: "diff-match-patch (Python)",
            program: "python3",
            args: |o, n| vec![concat!(env!("CARGO_MANIFEST_DIR"), "/benches/peers/dmp.py").into(), o.into(), n.into()],
            parse: tools::char_lines,
            // Over a minute per MB of prose (long lines): larger inputs are left out.
            max_mb: 1,
        },
    ]
}

fn installed(t: &Tool) -> bool {
    match t.program {
        "python3" => std::process::Command::new("python3")
            .args(["-c", "import diff_match_patch"])
            .status()
            .is_ok_and(|s| s.success()),
        p => tools::available(p, &["--version"]),
    }
}

struct Row {
    tool: &'static str,
    time: f64,
    rss_mb: f64,
    quality: Option<(Quality, BTreeMap<Kind, Quality>)>,
}

/// Runs of each of akaji and git (the tools without a size limit) at 1 MB and below, at least:
/// there both take a few tens of milliseconds, and three runs on a 2-core virtual machine
/// left the ratio between them anywhere from 0.58 to 0.81 from one run of the bench to the
/// next (2026-12-04).
const SMALL_RUNS: usize = 21;

/// Every installed tool on `sample`, `runs` times each (`SMALL_RUNS` for the unlimited tools at
/// 1 MB and below), the runs interleaved (one of each tool in turn), so that the machine's
/// drift falls on all alike; the median time of each.
fn run_all(sample: &Sample, shape: Shape, runs: usize, mb: usize, dir: &Path, only_fast: bool) -> Vec<Row> {
    let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old, &sample.old).unwrap();
    std::fs::write(&new, &sample.new).unwrap();
    let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
    let tools: Vec<Tool> = tools()
        .into_iter()
        .filter(|t| mb <= t.max_mb && !(only_fast && t.max_mb != usize::MAX) && installed(t))
        .collect();
    let owned: Vec<Vec<String>> = tools.iter().map(|t| (t.args)(o, n)).collect();
    let args: Vec<Vec<&str>> = owned.iter().map(|a| a.iter().map(String::as_str).collect()).collect();
    let outs: Vec<_> = (0..tools.len()).map(|k| dir.join(format!("out{k}"))).collect();
    let rounds = |t: &Tool| if mb <= 1 && t.max_mb == usize::MAX { runs.max(SMALL_RUNS) } else { runs.max(1) };
    let mut times: Vec<Vec<std::time::Duration>> = tools.iter().map(|_| Vec::new()).collect();
    let mut status: Vec<Option<i32>> = vec![None; tools.len()];
    for round in 0..tools.iter().map(rounds).max().unwrap_or(0) {
        for (k, t) in tools.iter().enumerate() {
            if round < rounds(t) {
                let (time, code) = tools::time_once(t.program, &args[k], &outs[k]);
                times[k].push(time);
                status[k] = code;
            }
        }
    }
    let mut rows = Vec::new();
    for (k, t) in tools.iter().enumerate() {
        // One run more, for the peak RSS; every run writes the same output.
        let rss_kb = tools::peak_rss_kb(t.program, &args[k], &outs[k]);
        let output = std::fs::read(&outs[k]).unwrap_or_default();
        let time = tools::median(&mut times[k]);
        if status[k] != Some(1) {
            eprintln!("{}: exit status {:?} on differing texts", t.name, status[k]);
        }
        let hunks = (t.parse)(&sample.old, &sample.new, &output);
        let quality = hunks.as_ref().map(|h| score::score(sample, h));
        let misses = std::env::var("AKAJI_BENCH_MISSES").ok().and_then(|n| n.parse().ok());
        if let (Some(limit), Some(h), true) = (misses, &hunks, rows.is_empty()) {
            for m in score::misses(sample, h, limit) {
                eprintln!("{} ({} {mb} MB): not one exact hunk: {m}", t.name, shape.name());
            }
        }
        if quality.is_none() {
            eprintln!("{}: output not understood", t.name);
        }
        rows.push(Row { tool: t.name, time: time.as_secs_f64(), rss_mb: rss_kb as f64 / 1024.0, quality });
    }
    rows
}

fn print_rows(shape: Shape, mb: usize, sample: &Sample, rows: &[Row]) {
    let inputs = (sample.old.len() + sample.new.len()) as f64 / MB as f64;
    let akaji = rows.first().map_or(1.0, |r| r.time);
    println!("\n#### {} {mb} MB ({} edits)\n", shape.name(), sample.edits.len());
    println!("| tool | time | ratio to akaji | peak RSS (× inputs) | detected | one exact hunk | hunks/edit | marked outside |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for r in rows {
        let q = r.quality.as_ref().map(|q| q.0);
        let cell = |f: fn(&Quality) -> String| q.as_ref().map_or("—".to_owned(), f);
        println!(
            "| {} | {:.2} s | {:.2} | {:.0} MB ({:.1}×) | {} | {} | {} | {} |",
            r.tool,
            r.time,
            r.time / akaji,
            r.rss_mb,
            r.rss_mb / inputs,
            cell(|q| format!("{:.1}%", q.detected_percent())),
            cell(|q| format!("{:.1}%", q.exact_percent())),
            cell(|q| format!("{:.3}", q.hunks_per_edit())),
            cell(|q| format!("{:.2}%", q.outside_percent())),
        );
    }
}

fn print_kinds(title: &str, rows: &[(String, Vec<Row>)]) {
    let tools: Vec<&str> = rows.first().map_or(Vec::new(), |r| r.1.iter().map(|x| x.tool).collect());
    println!("\n#### {title}: edits as one exact hunk, per kind\n");
    println!("| shape | kind | {} |", tools.join(" | "));
    println!("|{}", " --- |".repeat(tools.len() + 2));
    for (shape, rs) in rows {
        for k in Kind::ALL {
            let cells: Vec<String> = rs
                .iter()
                .map(|r| {
                    r.quality
                        .as_ref()
                        .and_then(|q| q.1.get(&k))
                        .map_or("—".into(), |q| format!("{:.1}% ({})", q.exact_percent(), q.edits))
                })
                .collect();
            println!("| {shape} | {} | {} |", k.name(), cells.join(" | "));
        }
    }
}

fn arg_list(name: &str, default: &[usize]) -> Vec<usize> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map_or(default.to_vec(), |v| v.split(',').filter_map(|x| x.parse().ok()).collect())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    if let Some(out) = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)) {
        std::fs::create_dir_all(out).unwrap();
        for mb in arg_list("--sizes", &[1, 10]) {
            for shape in Shape::ALL {
                let s = corpus::sample(shape, mb * MB, mb * EDITS_PER_MB, 42);
                std::fs::write(Path::new(out).join(format!("{}-{mb}mb-old.txt", shape.name())), &s.old).unwrap();
                std::fs::write(Path::new(out).join(format!("{}-{mb}mb-new.txt", shape.name())), &s.new).unwrap();
            }
        }
        return;
    }
    let missing: Vec<&str> = tools().iter().filter(|t| !installed(t)).map(|t| t.name).collect();
    if !missing.is_empty() {
        println!("not installed (run benches/peers.sh to install): {}", missing.join(", "));
    }
    let growth = arg_list("--growth", &[]);
    let sizes = if growth.is_empty() { arg_list("--sizes", &[1, 10]) } else { Vec::new() };
    let mut by_kind: BTreeMap<usize, Vec<(String, Vec<Row>)>> = BTreeMap::new();
    for &mb in &sizes {
        for shape in Shape::ALL {
            let sample = corpus::sample(shape, mb * MB, mb * EDITS_PER_MB, 42);
            let rows = run_all(&sample, shape, 3, mb, dir.path(), false);
            print_rows(shape, mb, &sample, &rows);
            by_kind.entry(mb).or_default().push((shape.name().to_owned(), rows));
        }
    }
    for (mb, rows) in &by_kind {
        print_kinds(&format!("{mb} MB"), rows);
    }
    if growth.is_empty() {
        return;
    }
    // Growth: akaji and git alone, `--runs` runs per size (the median; default one).
    let runs = arg_list("--runs", &[1]).first().copied().unwrap_or(1).max(1);
    println!(
        "\n#### growth ({})\n",
        if runs == 1 { "one run each".to_owned() } else { format!("median of {runs} runs") }
    );
    println!("| shape | MB | akaji | git | akaji / git | akaji peak RSS (× inputs) | akaji exact | akaji hunks/edit |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut exponents = Vec::new();
    for shape in Shape::ALL {
        let mut points: Vec<(f64, f64, f64)> = Vec::new();
        for &mb in &growth {
            let sample = corpus::sample(shape, mb * MB, mb * EDITS_PER_MB, 42);
            let inputs = (sample.old.len() + sample.new.len()) as f64 / MB as f64;
            let rows = run_all(&sample, shape, runs, mb, dir.path(), true);
            let (a, g) = (&rows[0], rows.get(1));
            let q = a.quality.as_ref().map(|q| q.0).unwrap_or_default();
            println!(
                "| {} | {mb} | {:.2} s | {} | {} | {:.0} MB ({:.2}×) | {:.2}% | {:.3} |",
                shape.name(),
                a.time,
                g.map_or("—".into(), |g| format!("{:.2} s", g.time)),
                g.map_or("—".into(), |g| format!("{:.2}", a.time / g.time)),
                a.rss_mb,
                a.rss_mb / inputs,
                q.exact_percent(),
                q.hunks_per_edit(),
            );
            points.push((mb as f64, a.time, g.map_or(f64::NAN, |g| g.time)));
        }
        exponents.push((shape, slope(&points, |p| p.1), slope(&points, |p| p.2)));
    }
    println!("\n| shape | growth exponent akaji | git |\n| --- | --- | --- |");
    for (shape, a, g) in exponents {
        println!("| {} | {a:.2} | {g:.2} |", shape.name());
    }
}

/// The least-squares slope of log(time) over log(size).
fn slope(points: &[(f64, f64, f64)], time: fn(&(f64, f64, f64)) -> f64) -> f64 {
    let xy: Vec<(f64, f64)> = points.iter().map(|p| (p.0.ln(), time(p).ln())).collect();
    let n = xy.len() as f64;
    let (mx, my) = (xy.iter().map(|p| p.0).sum::<f64>() / n, xy.iter().map(|p| p.1).sum::<f64>() / n);
    let num: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let den: f64 = xy.iter().map(|p| (p.0 - mx).powi(2)).sum();
    num / den
}
