//! Reconcile speed (issue 13): plan-b of testdata/reconcile-set (draft, final, comment table)
//! repeated 1, 4, 16 and 64 times, against peers in the same run on the same inputs.
//!
//! Each copy renumbers its pages (`- N -` markers, and the page citations of its table's
//! requests and answers: 「P5」, 「(P 2)」, 「3-4ページ」, 「6ページの16行目」) and its decisions'
//! ids, so the k-fold plan has k × 25 rows, k × 11 promises, k × 16 changes, and every quote
//! recurs k times (scoped by page: the recurring short quotes the matcher must tell apart; an
//! answer that cites no page is then ambiguous, and reported so, which is work too).
//! The peers: `akaji::diff_content` (the comparison alone, as `akaji diff` shows it), `verify`
//! of the ledger reconcile wrote (`akaji::verify::audit`: resolve, apply, compare), and
//! `git diff --no-index --word-diff=porcelain` on the same files (when git is installed). Times
//! are the best of three, in this process (git as a child); the ratios say what reconcile adds
//! to the comparison it rests on, and the growth per 4× of the input says how it scales.
//!
//! Run with `cargo bench --bench reconcile` (or `-- 1 4` for some sizes only).

use akaji::diff::DiffOptions;
use akaji::import::{import, ImportOptions};
use akaji::reconcile::{reconcile, ReconcileOptions};
use akaji::verify::{audit, VerifyOptions};
use akaji::{Document, PageMarker};
use regex::{Captures, Regex};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/reconcile-set/plan-b/");

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(PLAN).join(name)).expect("testdata/reconcile-set/plan-b is there")
}

/// The pages of a text `copies` times over, each copy's markers moved on by its page count.
fn pages(text: &str, copies: usize) -> String {
    let marker = Regex::new(r"^- (\d+) -$").unwrap();
    let per_copy = text.lines().filter(|l| marker.is_match(l)).count();
    let mut out = String::with_capacity(text.len() * copies);
    for c in 0..copies {
        for line in text.lines() {
            match marker.captures(line) {
                Some(m) => out.push_str(&format!("- {} -", m[1].parse::<usize>().unwrap() + c * per_copy)),
                None => out.push_str(line),
            }
            out.push('\n');
        }
    }
    out
}

/// The comment table `copies` times over: the rows (after the header) again with their ids and
/// page citations moved on.
fn table(text: &str, copies: usize, per_copy: usize) -> String {
    let cite = Regex::new(r"(P\s?)(\d+)(?:-(\d+))?|(\d+)(?:-(\d+))?(ページ)").unwrap();
    let header = text.find("項番\t").expect("the table has a header row");
    let (head, rows) = text.split_at(header);
    let rows = &rows[rows.find('\n').unwrap() + 1..];
    let mut out = format!("{head}{}", &text[header..header + text[header..].find('\n').unwrap() + 1]);
    for c in 0..copies {
        let off = c * per_copy;
        let shift = |s: &str| s.parse::<usize>().unwrap() + off;
        for line in rows.lines() {
            let line = cite.replace_all(line, |m: &Captures| match (m.get(1), m.get(4)) {
                (Some(p), _) => match m.get(3) {
                    Some(to) => format!("{}{}-{}", p.as_str(), shift(&m[2]), shift(to.as_str())),
                    None => format!("{}{}", p.as_str(), shift(&m[2])),
                },
                (_, Some(from)) => match m.get(5) {
                    Some(to) => format!("{}-{}ページ", shift(from.as_str()), shift(to.as_str())),
                    None => format!("{}ページ", shift(from.as_str())),
                },
                _ => m[0].to_owned(),
            });
            let mut cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
            if cells.len() >= 5 && cells[0].chars().all(|ch| ch.is_ascii_digit()) && !cells[0].is_empty() {
                cells[0] = format!("{}", c * 100 + cells[0].parse::<usize>().unwrap());
            }
            if cells.len() >= 5 && cells[0] == "項番" {
                continue; // the header repeated at a page break of the original, once is enough
            }
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.unwrap())
}

fn git_word_diff(draft: &str, published: &str) -> Option<Duration> {
    let dir = tempfile::tempdir().ok()?;
    let (a, b) = (dir.path().join("draft.txt"), dir.path().join("final.txt"));
    std::fs::write(&a, draft).ok()?;
    std::fs::write(&b, published).ok()?;
    let run = || {
        Command::new("git")
            .args(["diff", "--no-index", "--word-diff=porcelain", "--no-color"])
            .arg(&a)
            .arg(&b)
            .output()
            .ok()
            .filter(|o| o.status.code() == Some(1))
    };
    run()?;
    Some(best(3, run).0)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
        if given.is_empty() {
            vec![1, 4, 16, 64]
        } else {
            given
        }
    };
    let (draft_text, final_text, table_text) = (read("draft.txt"), read("final.txt"), read("comments.tsv"));
    let per_copy = draft_text.lines().filter(|l| l.starts_with("- ") && l.ends_with(" -")).count();
    let m = PageMarker::default();
    println!("reconcile on plan-b × k (best of 3, ms; ratios to reconcile's own time)");
    println!(
        "| k | draft KB | promises | changes | attributed | ambiguous | reconcile | diff_content | verify | git --word-diff | reconcile ÷ diff_content |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut last: Option<(usize, Duration)> = None;
    let mut growth = Vec::new();
    for &k in &sizes {
        let (draft_s, final_s) = (pages(&draft_text, k), pages(&final_text, k));
        let table_s = table(&table_text, k, per_copy);
        let ledger = import(&table_s, &ImportOptions { only_edits: true, ..ImportOptions::default() })
            .expect("the table imports")
            .ledger;
        let (draft, published) = (Document::new(&draft_s, &m), Document::new(&final_s, &m));
        let (t_reconcile, done) = best(3, || reconcile(&ledger, &draft, &published, &ReconcileOptions::default()));
        let s = &done.report.summary;
        // Answers that cite no page (URLを修正, a quote without a page) are ambiguous once their
        // quote stands in every copy: fewer are attributed beyond k = 1, and reconcile says so.
        assert_eq!(s.changes, 16 * k, "every copy has plan-b's changes");
        assert!(k > 1 || s.attributed == 14, "plan-b alone reconciles as the test set says");
        assert!(done.report.check.left.is_empty(), "the ledger written gives the final");
        let (t_diff, _) = best(3, || akaji::diff_content(&draft, &published, &DiffOptions::default()));
        let (t_verify, report) = best(3, || audit(&done.ledger, &draft, &published, &VerifyOptions::default()));
        assert!(report.unexplained.is_empty(), "verify finds nothing reconcile did not record");
        let git = git_word_diff(&draft_s, &final_s).map_or_else(|| "n/a".to_owned(), ms);
        println!(
            "| {k} | {} | {} | {} | {} | {} | {} | {} | {} | {git} | {:.1}× |",
            draft_s.len() / 1000,
            ledger.decisions.len(),
            s.changes,
            s.attributed,
            s.ambiguous,
            ms(t_reconcile),
            ms(t_diff),
            ms(t_verify),
            t_reconcile.as_secs_f64() / t_diff.as_secs_f64()
        );
        if let Some((k0, t0)) = last {
            let exponent = (t_reconcile.as_secs_f64() / t0.as_secs_f64()).ln() / (k as f64 / k0 as f64).ln();
            growth.push(format!("{k0}→{k}: {exponent:.2}"));
        }
        last = Some((k, t_reconcile));
    }
    if !growth.is_empty() {
        println!("growth exponent of reconcile's time (1 = linear): {}", growth.join(", "));
    }
}
