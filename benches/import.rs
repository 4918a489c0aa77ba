//! Import at scale (issue 10): a comment table of 10k, 100k and 1M rows, and one answer cell
//! with 50k, 100k and 200k unbalanced 「. Targets: time linear in the table, peak memory within
//! 10× the table.
//!
//! The tables are generated here, in the ICT2023 table's layout (testdata/import/): each row
//! takes its request from a real request of that table (cut to 80 characters) and its answer
//! from the real phrasings (half promise an edit, scoped by pages and lines, some only the new
//! text, some nothing). Every size runs in a child process of its own, so that each peak RSS
//! (VmHWM) is that size's alone; the table itself is part of the peak, and the ratio is peak ÷
//! table bytes. The peer is the `csv` crate reading the same table as TSV into records (the
//! floor of any table reader), timed in the same child.
//!
//! Run with `cargo bench --bench import` (or `-- 10000 100000` for some sizes only). With
//! `AKAJI_BENCH_WRITE=DIR` the tables are written to DIR instead, for timing the command line
//! (`/usr/bin/time -v akaji import DIR/rows-1000000.tsv -o /tmp/ledger.toml`).

use akaji::import::{import, ImportOptions};
use std::process::Command;
use std::time::Instant;

const ANSWERS: [&str; 12] = [
    "御指摘を踏まえ、P{p}、P{q}の「設置」を「開催」に修正いたします。",
    "御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を「大手自動車メーカーが利用するクラウドサービス」に修正いたします。",
    "御指摘を踏まえ、P{p}の5行目の「あたって」を「当たって」に、P{q}の17行目の「更に、」を「さらに、」に修正いたします。",
    "御指摘を踏まえ、P{p}に追記をいたします。",
    "御意見を踏まえ、「とりまとめ骨子（案）について」に修正いたします。",
    "御意見を踏まえ、以下のとおり修正いたします。【修正前】「対策分科会を設置し」【修正後】「対策分科会を開催し」",
    "(P {p})「AI化」→「AI（人工知能）化」",
    "御意見については、参考として承ります。",
    "賛同の御意見として承ります。",
    "御意見については、今後の施策の推進に当たって参考とさせていただきます。",
    "頂いた御意見は、今後の検討の参考とさせていただきます。なお、P{p}に記述したとおり、「引き続き取り組む」としております。",
    "原案のとおりとします。",
];

/// A table of `rows` rows: title, header, and the header again every 40 rows (a page break).
fn table(rows: usize) -> String {
    let corpus = include_str!("../testdata/import/ict2023-public-comments.txt");
    let requests: Vec<String> = corpus
        .lines()
        .filter_map(|l| l.split('\t').nth(3))
        .filter(|r| r.chars().count() > 20)
        .map(|r| r.chars().take(80).collect())
        .collect();
    let header = "項番\t意見提出者\t該当箇所\t御意見の詳細\t御意見に対する考え方\n";
    let mut out = String::with_capacity(rows * 400);
    out.push_str("「ICTサイバーセキュリティ総合対策2023」(案)に対して提出された意見\n\n");
    out.push_str(header);
    for i in 0..rows {
        if i > 0 && i % 40 == 0 {
            out.push_str(header);
        }
        let answer = ANSWERS[i % ANSWERS.len()]
            .replace("{p}", &(i % 90 + 1).to_string())
            .replace("{q}", &(i % 70 + 5).to_string());
        let request = &requests[i % requests.len()];
        out.push_str(&format!("{}\t個人{}\tII-1-(2)\t{request}\t{answer}\n", i + 1, i % 26));
    }
    out
}

/// Peak resident memory of this process so far, in bytes.
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().strip_suffix("kB"));
    kb.and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(0) * 1024
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// One measurement, in this (child) process: import the table and write its ledger as TOML, as
/// `akaji import` does.
fn child(kind: &str, n: usize) {
    let text = match kind {
        "rows" => table(n),
        _ => {
            format!("項番\t御意見\t考え方\n1\t意見\t御指摘を踏まえ、{}「A」を「B」に修正いたします。\n", "「".repeat(n))
        }
    };
    if let Ok(dir) = std::env::var("AKAJI_BENCH_WRITE") {
        let path = std::path::Path::new(&dir).join(format!("{kind}-{n}.tsv"));
        std::fs::write(&path, &text).expect("the table is written");
        println!("wrote {}", path.display());
        return;
    }
    let before = peak_rss();
    let t = Instant::now();
    let records = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
        .count();
    let peer = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let done = import(&text, &ImportOptions::default()).expect("the generated table imports");
    let read = t.elapsed().as_secs_f64();
    let toml = akaji::import::to_toml(&done.ledger);
    let secs = t.elapsed().as_secs_f64();
    assert!(toml.len() > text.len() / 2 && done.ledger.decisions.len() + 1 >= records.min(n) / 2);
    let peak = peak_rss();
    println!(
        "{kind:>9} {n:>9}  table {:>7.1} MB  import {secs:>7.2} s (reading {read:.2} s)  (csv peer {peer:>5.2} s, ×{:>5.1})  peak RSS {:>7.1} MB = {:>4.1}× the table (before import {:.1} MB)  decisions {}  edits {}",
        mb(text.len()),
        secs / peer.max(1e-6),
        mb(peak),
        peak as f64 / text.len() as f64,
        mb(before),
        done.ledger.decisions.len(),
        done.report.extracted + done.report.todo,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if args.first().map(String::as_str) == Some("child") {
        child(&args[1], args[2].parse().expect("a size"));
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        args.iter().filter_map(|a| a.parse().ok()).collect()
    };
    let me = std::env::current_exe().expect("the bench binary");
    let run = |kind: &str, n: usize| {
        let status = Command::new(&me).args(["child", kind, &n.to_string()]).status().expect("the child runs");
        assert!(status.success(), "{kind} {n} failed");
    };
    for &n in &sizes {
        run("rows", n);
    }
    for n in [50_000, 100_000, 200_000] {
        run("brackets", n);
    }
}
