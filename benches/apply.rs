//! Apply 10,000 edits to a generated 10 MB Japanese document (and 1 MB, to see the growth).
//!
//! `cargo bench --bench apply`. To measure the command line and its peak memory, write the
//! inputs out and time the binary:
//!
//! ```text
//! AKAJI_BENCH_WRITE=/tmp/akaji-bench cargo bench --bench apply
//! /usr/bin/time -v target/release/akaji apply /tmp/akaji-bench/draft-10mb.txt /tmp/akaji-bench/ledger-10mb.toml -o /tmp/akaji-bench/final.txt
//! ```

#[path = "common/plan.rs"]
mod plan;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// (name, bytes, edits): 10,000 edits on 10 MB, and the same density on 1 MB.
const SIZES: [(&str, usize, usize); 2] = [("1mb", 1 << 20, 1_000), ("10mb", 10 << 20, 10_000)];

fn bench(c: &mut Criterion) {
    if let Some(dir) = std::env::var_os("AKAJI_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create the bench folder");
        for (name, size, edits) in SIZES {
            let p = plan::plan(size, edits);
            std::fs::write(dir.join(format!("draft-{name}.txt")), &p.draft).expect("write the draft");
            std::fs::write(dir.join(format!("ledger-{name}.toml")), p.ledger.to_toml()).expect("write the ledger");
        }
        return;
    }
    let mut group = c.benchmark_group("apply");
    group.sample_size(10);
    for (name, size, edits) in SIZES {
        let p = plan::plan(size, edits);
        group.throughput(Throughput::Bytes(p.draft.len() as u64));
        group.bench_with_input(BenchmarkId::new(format!("{edits} edits"), name), &p, |b, p| {
            b.iter(|| akaji::apply_text(&p.draft, &p.ledger).expect("the generated ledger applies"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
