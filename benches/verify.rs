//! Verify speed: a draft of 1, 3 and 10 MB with one edit per 5 kB (2,000 at 10 MB), checked
//! against a re-wrapped, re-paginated final that keeps every promise but two and slips in three
//! changes. Target: under 2 s at 10 MB (issue 4). With the draft (`audit`), without it by the
//! lock (`Lock::new` writes it, `locked` checks by it), and without either (`scan`).
//!
//! The peers, in the same run, on the same texts: what a reviewer without akaji does once the
//! draft is applied, comparing the promised final with the published one: `git diff
//! --no-index --word-diff=porcelain --word-diff-regex=.` (char by char, as Japanese needs) and
//! GNU `diff` (lines; it finds nothing useful once lines are re-wrapped, but bounds the cost of
//! reading both texts). They align only: no statuses, no layout folded.
//!
//! Run with `cargo bench --bench verify`: a table of median wall times per size, then criterion
//! on the 10 MB case.

use akaji::lock::Lock;
use akaji::verify::{audit, locked, scan, Status, VerifyOptions};
use akaji::{Document, Ledger, PageMarker};
use criterion::{criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LINES_PER_PAGE: usize = 40;
/// Draft bytes per edit.
const BYTES_PER_EDIT: usize = 5_000;
/// The sizes of the growth table, in bytes.
const SIZES: [usize; 3] = [1_000_000, 3_000_000, 10_000_000];
/// Timed runs per size (the median is reported).
const RUNS: usize = 3;

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

/// A draft of about `bytes`: numbered pages with `- N -` footers and a running head, sentences
/// wrapped at 30 chars, and one sentence to be corrected every so many lines (`edits` of them).
fn draft(bytes: usize, edits: usize) -> String {
    let body =
        "地域の事業者においては、セキュリティを担う人材が不足しており、外部の専門家に相談できる体制も十分ではない。";
    let mut pages = Pages { text: String::with_capacity(bytes + 1000), ..Pages::default() };
    let (mut i, mut n) = (0usize, 0);
    let every = 25;
    while pages.text.len() < bytes {
        let sentence = if n % every == 0 && i < edits {
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

fn ledger(edits: usize) -> Ledger {
    let mut toml = String::new();
    for i in 1..=edits {
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

/// The inputs of one size.
struct Case {
    draft_text: String,
    final_text: String,
    ledger: Ledger,
    edits: usize,
}

impl Case {
    fn new(bytes: usize) -> Case {
        let edits = bytes / BYTES_PER_EDIT;
        let draft_text = draft(bytes, edits);
        let final_text = published(&draft_text);
        Case { draft_text, final_text, ledger: ledger(edits), edits }
    }
}

/// The median of `RUNS` runs of `f`, and its last result.
fn timed<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times[RUNS / 2], last.expect("RUNS > 0"))
}

/// The median wall time of `program args` (its output thrown away), `None` when it cannot run.
fn peer(program: &str, args: &[&str]) -> Option<Duration> {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let status = Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().ok()?;
        // diff and git diff exit 1 when the texts differ; 2 and above is trouble.
        if status.code().is_none_or(|c| c > 1) {
            return None;
        }
        times.push(t.elapsed());
    }
    times.sort();
    Some(times[RUNS / 2])
}

fn secs(d: Option<Duration>) -> String {
    d.map_or("-".to_owned(), |d| format!("{:.3}", d.as_secs_f64()))
}

/// One size: every check timed, its verdicts checked (the work is the real work), the peers
/// timed on the promised and the published final.
fn row(bytes: usize, dir: &Path) -> String {
    let case = Case::new(bytes);
    let marker = PageMarker::default();
    let options = VerifyOptions::default();
    let (draft, fin) = (Document::new(&case.draft_text, &marker), Document::new(&case.final_text, &marker));
    let (t_audit, report) = timed(|| audit(&case.ledger, &draft, &fin, &options));
    let s = report.summary;
    assert_eq!((s.applied, s.missing, s.different, s.unexplained), (case.edits - 2, 1, 1, 3), "{bytes} bytes");
    assert_eq!(report.decisions[9].status, Status::Missing);
    let (t_lock, lock) = timed(|| Lock::new(&draft, &case.ledger));
    let (t_locked, by_lock) = timed(|| locked(&case.ledger, &lock, &fin, &options));
    let s = by_lock.summary;
    // A slipped-in change inside an edit's recorded context leaves that edit unclear (the
    // context is gone), never applied: at most one edit per change.
    assert_eq!((s.applied + s.unclear, s.missing, s.different), (case.edits - 2, 1, 1), "{bytes} bytes, by the lock");
    assert!(s.unclear <= 3, "{bytes} bytes: {} unclear by the lock", s.unclear);
    let (t_scan, _) = timed(|| scan(&case.ledger, &fin, &options));
    let promised = akaji::apply(&draft, &case.ledger).expect("the generated ledger applies");
    let (a, b) = (dir.join("promised.txt"), dir.join("published.txt"));
    std::fs::write(&a, promised.final_doc.text()).expect("write the promised final");
    std::fs::write(&b, &case.final_text).expect("write the published final");
    let (a, b) = (a.to_str().expect("a UTF-8 path"), b.to_str().expect("a UTF-8 path"));
    let git = peer("git", &["diff", "--no-index", "--no-color", "--word-diff=porcelain", "--word-diff-regex=.", a, b]);
    let diff = peer("diff", &[a, b]);
    let ratio = |t: Duration| git.map_or("-".to_owned(), |g| format!("{:.2}", t.as_secs_f64() / g.as_secs_f64()));
    format!(
        "| {:.1} MB | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        bytes as f64 / 1e6,
        case.edits,
        s.unclear,
        secs(Some(t_audit)),
        secs(Some(t_lock)),
        secs(Some(t_locked)),
        secs(Some(t_scan)),
        secs(git),
        secs(diff),
        ratio(t_audit),
        ratio(t_locked),
    )
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    eprintln!("verify, median of {RUNS} runs, seconds (ratios: akaji / git word-diff)");
    eprintln!("| draft | edits | unclear by lock | audit | lock | locked | scan | git --word-diff | diff | audit/git | locked/git |");
    eprintln!("|---|---|---|---|---|---|---|---|---|---|---|");
    for bytes in SIZES {
        eprintln!("{}", row(bytes, dir.path()));
    }

    let case = Case::new(SIZES[SIZES.len() - 1]);
    let marker = PageMarker::default();
    let (draft, fin) = (Document::new(&case.draft_text, &marker), Document::new(&case.final_text, &marker));
    let (ledger, options) = (&case.ledger, VerifyOptions::default());
    let lock = Lock::new(&draft, ledger);
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function("audit_10mb_2000_edits", |b| b.iter(|| audit(ledger, &draft, &fin, &options)));
    group.bench_function("lock_10mb_2000_edits", |b| b.iter(|| Lock::new(&draft, ledger)));
    group.bench_function("locked_10mb_2000_edits", |b| b.iter(|| locked(ledger, &lock, &fin, &options)));
    group.bench_function("scan_10mb_2000_edits", |b| b.iter(|| scan(ledger, &fin, &options)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
