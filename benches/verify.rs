//! Verify speed: a 10 MB draft with 2,000 edits, checked against a re-wrapped final that keeps
//! every promise but two and slips in a few changes. Target: under 2 s (issue 4).
//!
//! Run with `cargo bench --bench verify`.

use akaji::verify::{audit, scan, Status, VerifyOptions};
use akaji::{Document, Ledger, PageMarker};
use criterion::{criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use std::time::Instant;

const EDITS: usize = 2_000;
const TARGET_BYTES: usize = 10_000_000;
const LINES_PER_PAGE: usize = 40;

/// Text laid out as pages: the running head on top, `LINES_PER_PAGE` lines, a `- N -` footer.
#[derive(Default)]
struct Pages {
    text: String,
    page: usize,
    line: usize,
}

impl Pages {
    /// Add `chars` as lines of at most `width` characters.
    fn wrap(&mut self, chars: &[char], width: usize) {
        for chunk in chars.chunks(width) {
            if self.line == 0 {
                self.text.push_str("地域サイバーセキュリティ推進計画（案）\n");
            }
            self.text.extend(chunk);
            self.text.push('\n');
            self.line += 1;
            if self.line >= LINES_PER_PAGE {
                self.page += 1;
                let _ = writeln!(self.text, "- {} -", self.page);
                self.line = 0;
            }
        }
    }
}

/// A draft of about 10 MB: numbered pages with `- N -` footers and a running head, sentences
/// wrapped at 30 chars, and one sentence to be corrected every so many lines.
fn draft() -> String {
    let body =
        "地域の事業者においては、セキュリティを担う人材が不足しており、外部の専門家に相談できる体制も十分ではない。";
    let mut pages = Pages { text: String::with_capacity(TARGET_BYTES + 1000), ..Pages::default() };
    let (mut i, mut n) = (0usize, 0);
    let every = 25;
    while pages.text.len() < TARGET_BYTES {
        let sentence = if n % every == 0 && i < EDITS {
            i += 1;
            format!("本件第{i}号の協議会を設置し、検討する。")
        } else {
            format!("（{n}）{body}")
        };
        n += 1;
        pages.wrap(&sentence.chars().collect::<Vec<char>>(), 30);
    }
    pages.text
}

fn ledger() -> Ledger {
    let mut toml = String::new();
    for i in 1..=EDITS {
        let _ = write!(
            toml,
            "[[decision]]\nid = \"{i}\"\n[[decision.edit]]\nold = \"第{i}号の協議会を設置\"\nnew = \"第{i}号の協議会を開催\"\n"
        );
    }
    Ledger::from_toml(&toml).expect("the generated ledger is valid")
}

/// The final: every promise kept except two, three changes slipped in, and every line
/// re-wrapped at 25 chars with the page breaks elsewhere.
fn published(draft: &str) -> String {
    let mut body = String::with_capacity(draft.len());
    for l in draft.lines() {
        if !l.starts_with("- ") && !l.starts_with("地域サイバー") {
            body.push_str(l);
        }
    }
    let mut body = body.replace("の協議会を設置", "の協議会を開催");
    body = body.replacen("本件第10号の協議会を開催", "本件第10号の協議会を設置", 1);
    body = body.replacen("本件第20号の協議会を開催", "本件第20号の協議会を新設", 1);
    for k in [100, 200, 300] {
        let at = body.char_indices().nth(body.len() / 3 / 400 * k).map_or(0, |c| c.0);
        body.insert_str(at, "追記");
    }
    let mut pages = Pages { text: String::with_capacity(body.len() + body.len() / 20), ..Pages::default() };
    pages.wrap(&body.chars().collect::<Vec<char>>(), 25);
    pages.text
}

fn bench(c: &mut Criterion) {
    let marker = PageMarker::default();
    let draft_text = draft();
    let final_text = published(&draft_text);
    let ledger = ledger();
    let draft = Document::new(&draft_text, &marker);
    let fin = Document::new(&final_text, &marker);
    let options = VerifyOptions::default();

    // One timed run first, with a check that the work is the real work.
    let t = Instant::now();
    let report = audit(&ledger, &draft, &fin, &options);
    let took = t.elapsed();
    let s = report.summary;
    eprintln!(
        "verify: draft {} bytes, final {} bytes, {} edits: {:.2?} ({} applied, {} missing, {} different, {} unexplained)",
        draft_text.len(),
        final_text.len(),
        EDITS,
        took,
        s.applied,
        s.missing,
        s.different,
        s.unexplained
    );
    assert_eq!((s.applied, s.missing, s.different), (EDITS - 2, 1, 1));
    assert_eq!(report.decisions[9].status, Status::Missing);

    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function("audit_10mb_2000_edits", |b| b.iter(|| audit(&ledger, &draft, &fin, &options)));
    group.bench_function("scan_10mb_2000_edits", |b| b.iter(|| scan(&ledger, &fin, &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
