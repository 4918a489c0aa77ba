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

#[allow(dead_code, reason = "score.rs names its types")]
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/plan.rs"]
mod plan;
#[allow(dead_code, reason = "shared with the peers bench, which scores with it")]
#[path = "common/score.rs"]
mod score;
#[path = "common/synth.rs"]
mod synth;
#[allow(dead_code, reason = "shared with the peers bench, which runs more tools")]
#[path = "common/tools.rs"]
mod tools;

use akaji::diff::{diff, DiffOptions};
use criterion::{black_box, Criterion};
use synth::{Edit, EditKind, Pair, Quality, Sample};
use tools::Run;

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
        let out = dir.path().join("out");
        let mut run = tools::measure(akaji, &["diff", o, n, "--format", format], RUNS, &out);
        if run.status != Some(1) {
            format = "critic";
            run = tools::measure(akaji, &["diff", o, n, "--format", format], RUNS, &out);
        }
        assert_eq!(run.status, Some(1), "akaji diff exits 1 on differing texts");
        println!("{}", row(&format!("akaji diff --format {format}"), size, &run, input, &q));

        let args = ["diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=.", o, n];
        let git = tools::measure("git", &args, RUNS, &out);
        let hunks = tools::git_porcelain(&sample.old, &sample.new, &git.output).expect("git's output reads back");
        let q = synth::evaluate(sample, &hunks);
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
