//! Write a Word document with tracked changes for 1,000 and 10,000 edits (1 MB and 10 MB drafts),
//! and read one back.
//!
//! `cargo bench --bench docx`. The numbers are reported by hand; no test times anything.

#[path = "common/plan.rs"]
mod plan;

use akaji::{docx, Document};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// (name, bytes, edits), as in the apply benchmark.
const SIZES: [(&str, usize, usize); 2] = [("1mb", 1 << 20, 1_000), ("10mb", 10 << 20, 10_000)];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("docx");
    group.sample_size(10);
    for (name, size, edits) in SIZES {
        let p = plan::plan(size, edits);
        let draft = Document::new(&p.draft, &p.ledger.options.page_marker);
        let applied = akaji::apply(&draft, &p.ledger).expect("the generated ledger applies");
        let redline = applied.redline();
        group.throughput(Throughput::Bytes(p.draft.len() as u64));
        group.bench_with_input(BenchmarkId::new(format!("write {edits} edits"), name), &redline, |b, r| {
            b.iter(|| {
                let mut out = Vec::new();
                docx::write(r, &mut out).expect("written to memory");
                out
            })
        });
        let mut bytes = Vec::new();
        docx::write(&redline, &mut bytes).expect("written to memory");
        group.bench_with_input(BenchmarkId::new(format!("read {edits} edits"), name), &bytes, |b, bytes| {
            b.iter(|| docx::read(bytes).expect("akaji's own output reads back"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
