//! apply and verify against the size of the draft, on a plan whose decisions quote short phrases
//! that recur on every page, each scoped to its page (issue 14.3): times, peak memory and the
//! growth exponent, for this build and (with `AKAJI_BASELINE=path/to/akaji`, e.g. a build of an
//! older commit) for another binary, on the same inputs in the same run.
//!
//! `cargo bench --bench scale` (add `AKAJI_BASELINE=…` to compare; `AKAJI_SCALE_MB=1,10,50` sets
//! the sizes; `AKAJI_SCALE_WRITE=folder` keeps the inputs there, to profile the binary on them). Each size has 1,000 edits per MB. The command line is timed (reading the files,
//! resolving, building the final, the promise check, writing it), the best of three runs, with
//! GNU time for the CPU time and the peak resident memory; the growth exponent between two sizes is log(t2/t1)/log(s2/s1) (1 is linear).

#[path = "common/plan.rs"]
#[allow(dead_code, reason = "the pool of sentences is what this bench uses")]
mod plan;
#[path = "common/recurring.rs"]
mod recurring;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One timed run: wall-clock and CPU (user + system) seconds, and peak RSS in MB. On a shared
/// machine the CPU time is the steadier measure; both are printed.
#[derive(Clone, Copy)]
struct Run {
    secs: f64,
    cpu: f64,
    peak_mb: f64,
}

/// Run `bin` with `args`, timed by GNU time (for the peak RSS); the best of `runs`.
fn run(bin: &Path, args: &[&str], runs: usize) -> Run {
    let mut best: Option<Run> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("/usr/bin/time")
            .args(["-f", "%U %S %M"])
            .arg(bin)
            .args(args)
            .output()
            .expect("GNU time is installed (apt-get install time)");
        let secs = start.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let fields: Vec<f64> =
            stderr.lines().last().unwrap_or("").split_whitespace().filter_map(|f| f.parse().ok()).collect();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{} {args:?} failed: {stderr}", bin.display());
        let (cpu, kb) = match fields[..] {
            [user, sys, kb] => (user + sys, kb),
            _ => (f64::NAN, f64::NAN),
        };
        let r = Run { secs, cpu, peak_mb: kb / 1024.0 };
        if best.is_none_or(|b| r.cpu < b.cpu) {
            best = Some(r);
        }
    }
    best.expect("at least one run")
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let sizes: Vec<usize> = std::env::var("AKAJI_SCALE_MB")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 10, 50]);
    let this = PathBuf::from(env!("CARGO_BIN_EXE_akaji"));
    let baseline = std::env::var_os("AKAJI_BASELINE").map(PathBuf::from);
    // AKAJI_SCALE_WRITE=folder keeps the inputs there (to profile the binary on them).
    let kept = std::env::var_os("AKAJI_SCALE_WRITE").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = kept.as_deref().unwrap_or(temp.path());
    std::fs::create_dir_all(dir).expect("the inputs' folder");
    let mut bins = vec![("this", this.clone())];
    if let Some(b) = &baseline {
        bins.push(("baseline", b.clone()));
    }
    println!(
        "{:>4} {:>6} {:>9} {:>8} {:>8} {:>8} {:>7} {:>9} {:>9}",
        "MB", "edits", "binary", "apply s", "cpu s", "peak MB", "×draft", "verify s", "cpu s"
    );
    let mut results: Vec<(&str, usize, Run, Run)> = Vec::new();
    for &mb in &sizes {
        let r = recurring::recurring(mb << 20, mb * 1000);
        let edits: usize = r.ledger.decisions.iter().map(|d| d.edits.len()).sum();
        let draft = dir.join(format!("draft-{mb}.txt"));
        let ledger = dir.join(format!("ledger-{mb}.toml"));
        let fin = dir.join(format!("final-{mb}.txt"));
        // Never `-o /dev/null`: a baseline built before issue 10 replaces the device, as root,
        // with a regular file.
        let report = dir.join(format!("report-{mb}.json"));
        let report = report.to_str().unwrap();
        std::fs::write(&draft, &r.draft).expect("write the draft");
        std::fs::write(&ledger, r.ledger.to_toml()).expect("write the ledger");
        let (d, l, f) = (draft.to_str().unwrap(), ledger.to_str().unwrap(), fin.to_str().unwrap());
        let runs = 3;
        for (name, bin) in &bins {
            let apply = run(bin, &["apply", d, l, "-o", f], runs);
            let verify = run(bin, &["verify", l, "--draft", d, "--final", f, "--format", "json", "-o", report], runs);
            let ratio = apply.peak_mb / (r.draft.len() as f64 / (1 << 20) as f64);
            println!(
                "{mb:>4} {edits:>6} {name:>9} {:>8.3} {:>8.3} {:>8.1} {:>6.1}× {:>9.3} {:>9.3}",
                apply.secs, apply.cpu, apply.peak_mb, ratio, verify.secs, verify.cpu
            );
            results.push((name, mb, apply, verify));
        }
    }
    println!("\ngrowth exponents (1.0 is linear):");
    for (name, _) in &bins {
        let mine: Vec<_> = results.iter().filter(|r| r.0 == *name).collect();
        for w in mine.windows(2) {
            let (a, b) = (w[0], w[1]);
            let k = (b.1 as f64 / a.1 as f64).ln();
            println!(
                "  {name:>9} {}→{} MB: apply {:.2} (cpu {:.2}), verify {:.2} (cpu {:.2})",
                a.1,
                b.1,
                (b.2.secs / a.2.secs).ln() / k,
                (b.2.cpu / a.2.cpu).ln() / k,
                (b.3.secs / a.3.secs).ln() / k,
                (b.3.cpu / a.3.cpu).ln() / k
            );
        }
    }
}
