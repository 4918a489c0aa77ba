//! Moves with edits inside: how often `akaji diff` reports a moved and reworded item as a move
//! (recall), how often a move it reports is one (precision), and what the detection costs.
//!
//! Inputs (`common/moved.rs`): plans of items built from the corpus's sentences, one item a line
//! or wrapped at 35 characters; the revision moves items (a quarter unchanged, the others with
//! 1, 2 or 3 word edits inside), deletes items and inserts unrelated passages of about the same
//! length elsewhere (decoys, which must not pair), and edits items in place. Reported:
//! - recall by number of edits inside; precision (a reported move that is a known one, or whose
//!   two ends are the same text: a recurring item aligned with another copy), false pairs (two
//!   different texts paired that are no known move), decoys paired;
//! - the similarity (`akaji::diff::similarity`) of every known move's two ends and of every
//!   decoy pair, and of each decoy insertion with its most similar deletion: the margin on
//!   both sides of the threshold;
//! - the lowest bigram overlap (Dice) of a known move, against the pre-filter;
//! - the time of `diff` with and without move detection on a large plan with moves, and on the
//!   peer benchmark's inputs (no moves: any move reported there is false).
//!
//! - akaji against `git diff --color-moved` on the same files in the same run, at several sizes
//!   (`--sizes` in items; ~350 bytes an item), with the growth exponents of both;
//!
//! `cargo bench --bench moves -- [--seeds N] [--quick] [--sizes 3000,12000,30000,60000]` (about 1, 4,
//! 10 and 20 MB). `AKAJI_MOVES_KEEP=folder` keeps the peer comparison's inputs there;
//! `AKAJI_MOVES_SHOW=N` prints the first N reported moves whose two ends are the same text.

#[path = "common/corpus.rs"]
#[allow(dead_code, reason = "shared with the peers bench, which uses more of it")]
mod corpus;
#[path = "common/moved.rs"]
mod moved;
#[path = "common/score.rs"]
#[allow(dead_code, reason = "shared with the peers bench; tools.rs names its Pair")]
mod score;
#[path = "common/tools.rs"]
#[allow(dead_code, reason = "shared with the peers bench, which reads every tool's output")]
mod tools;

use akaji::diff::{diff, similarity, DiffOptions, MOVE_SIMILARITY};
use akaji::HunkKind;
use moved::{Layout, MoveScore, Revision};
use std::ops::Range;
use std::time::Instant;

/// Distinct bigrams of the characters other than white space (as the detection's pre-filter).
fn bigrams(s: &str) -> Vec<(char, char)> {
    let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g.dedup();
    g
}

fn dice(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let shared = x.iter().filter(|g| y.binary_search(g).is_ok()).count();
    200.0 * shared as f64 / (x.len() + y.len()).max(1) as f64
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn quality(seeds: u64) {
    let r = Revision { items: 1200, moves: 32, decoys: 32, in_place: 40 };
    println!(
        "## Moves found ({seeds} plans per layout of {} items: {} moved, {} decoys, {} edited in place; threshold {MOVE_SIMILARITY}%)\n",
        r.items, r.moves, r.decoys, r.in_place
    );
    println!(
        "| layout | moves | recall, unchanged | 1 edit | 2 edits | 3 edits | all | precision | of them same text | false pairs | decoys paired |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut sims_moved = Vec::new();
    let mut sims_decoy = Vec::new();
    let mut best_decoy = Vec::new();
    let mut min_dice = f64::MAX;
    for layout in Layout::ALL {
        let mut total = MoveScore::default();
        for seed in 0..seeds {
            let s = moved::sample(layout, r, 1000 + seed);
            let d = diff(&s.old, &s.new, &DiffOptions::default());
            total.add(&moved::score(&s, &d.hunks));
            for m in s.moves.iter().filter(|m| m.edits > 0) {
                let (a, b) = (&s.old[m.old.clone()], &s.new[m.new.clone()]);
                sims_moved.push(similarity(a, b).percent());
                min_dice = min_dice.min(dice(a, b));
            }
            for dc in &s.decoys {
                let b = &s.new[dc.new.clone()];
                sims_decoy.push(similarity(&s.old[dc.old.clone()], b).percent());
                let best = s.decoys.iter().map(|o| similarity(&s.old[o.old.clone()], b).percent()).fold(0.0, f64::max);
                best_decoy.push(best);
            }
        }
        let known: usize = total.known.iter().sum();
        println!(
            "| {} | {known} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {} | {} of {} | {} of {} |",
            layout.name(),
            total.recall(Some(0)),
            total.recall(Some(1)),
            total.recall(Some(2)),
            total.recall(Some(3)),
            total.recall(None),
            total.precision(),
            total.identical,
            total.false_pairs,
            total.reported,
            total.decoys_paired,
            seeds as usize * r.decoys
        );
    }
    let n = sims_moved.len();
    println!(
        "\nsimilarity of the {n} moved and reworded items' ends: min {:.1}%, 1st percentile {:.1}%, median {:.1}%",
        percentile(&mut sims_moved, 0.0),
        percentile(&mut sims_moved, 0.01),
        percentile(&mut sims_moved, 0.5)
    );
    println!(
        "similarity of decoy pairs: median {:.1}%, max {:.1}%; of each decoy insertion with its most similar decoy deletion: 99th percentile {:.1}%, max {:.1}%",
        percentile(&mut sims_decoy, 0.5),
        percentile(&mut sims_decoy, 1.0),
        percentile(&mut best_decoy, 0.99),
        percentile(&mut best_decoy, 1.0)
    );
    println!("lowest bigram overlap (Dice) of a moved and reworded item: {min_dice:.1}% (the pre-filter is 30%)\n");
}

/// The revision of a plan of `items` items: an item in 30 moved, one in 30 a decoy, as far as
/// the corpus's distinct sentences go (32 each; see `common/moved.rs`), and one in 30 edited in
/// place.
fn revision(items: usize) -> Revision {
    let n = (items / 30).min(32);
    Revision { items, moves: n, decoys: n, in_place: items / 30 }
}

/// The median time of `diff` over `runs` runs.
fn time(old: &str, new: &str, options: &DiffOptions, runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut moves = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let d = diff(old, new, options);
        times.push(t.elapsed().as_secs_f64());
        moves = d.hunks.iter().filter(|h| h.kind == HunkKind::Move && !h.old.is_empty()).count();
    }
    (percentile(&mut times, 0.5), moves)
}

fn cost(quick: bool) {
    println!("## What the detection costs (median of 3, in-process)\n");
    println!("| input | size | hunks | moves reported | diff without moves | with moves | ratio |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let without = DiffOptions { detect_moves: false, ..DiffOptions::default() };
    let with = DiffOptions::default();
    let items = if quick { 4_000 } else { 40_000 };
    let r = revision(items);
    let s = moved::sample(Layout::Wrapped, r, 7);
    let mut inputs = vec![(format!("plan, {} moves, {} decoys", r.moves, r.decoys), s.old, s.new)];
    let mb = if quick { 1 } else { 10 };
    for shape in corpus::Shape::ALL {
        let p = corpus::sample(shape, mb << 20, 2_000 * mb, 1);
        inputs.push((format!("peers {} (no moves)", shape.name()), p.old, p.new));
    }
    for (name, old, new) in &inputs {
        let hunks = diff(old, new, &without).hunks.len();
        let (a, _) = time(old, new, &without, 3);
        let (b, moves) = time(old, new, &with, 3);
        println!(
            "| {name} | {:.1} MB | {hunks} | {moves} | {a:.3} s | {b:.3} s | {:.2} |",
            old.len() as f64 / 1048576.0,
            b / a
        );
    }
}

/// The lines (byte ranges, line break included) of `text` that git colours as moved in `out`,
/// a `git diff --color-moved=plain --color=always -U0` with the colours below: moved lines are
/// wrapped in blue (new side) or magenta (old side), other added/removed lines in green/red.
fn git_moved_lines(old: &str, new: &str, out: &[u8]) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let text = String::from_utf8_lossy(out);
    let line_starts = |t: &str| {
        let mut v = vec![0];
        v.extend(t.match_indices('\n').map(|(i, _)| i + 1));
        v
    };
    let (os, ns) = (line_starts(old), line_starts(new));
    let line = |starts: &[usize], t: &str, k: usize| starts[k]..starts.get(k + 1).copied().unwrap_or(t.len());
    let (mut moved_old, mut moved_new) = (Vec::new(), Vec::new());
    let (mut o, mut n) = (0usize, 0usize);
    for l in text.lines() {
        let plain: String = strip_ansi(l);
        if let Some(h) = plain.strip_prefix("@@ -") {
            // @@ -a,b +c,d @@: the next removed line is old line a (1-based), added new line c.
            let mut parts = h.split(' ');
            let num = |p: Option<&str>| {
                p.and_then(|x| x.trim_start_matches(['-', '+']).split(',').next()?.parse::<usize>().ok())
            };
            let (a, c) = (num(parts.next()), num(parts.next()));
            o = a.unwrap_or(1).saturating_sub(1);
            n = c.unwrap_or(1).saturating_sub(1);
            // A hunk that removes (adds) nothing names the line before it.
            if h.split(' ').next().is_some_and(|x| x.ends_with(",0")) {
                o += 1;
            }
            if h.split(' ').nth(1).is_some_and(|x| x.ends_with(",0")) {
                n += 1;
            }
            continue;
        }
        if plain.starts_with("---")
            || plain.starts_with("+++")
            || plain.starts_with("diff ")
            || plain.starts_with("index ")
        {
            continue;
        }
        if plain.starts_with('-') {
            if l.contains("\x1b[35m") && o < os.len() {
                moved_old.push(line(&os, old, o));
            }
            o += 1;
        } else if plain.starts_with('+') {
            if l.contains("\x1b[34m") && n < ns.len() {
                moved_new.push(line(&ns, new, n));
            }
            n += 1;
        }
    }
    (moved_old, moved_new)
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The hunks of `akaji diff --format json` (kinds and moves included), in bytes.
fn akaji_hunks(old: &str, new: &str, out: &[u8]) -> Vec<akaji::Hunk> {
    let json: akaji::render::JsonRedline = serde_json::from_slice(out).expect("akaji writes JSON");
    let bytes = |t: &str| -> Vec<usize> { t.char_indices().map(|(i, _)| i).chain([t.len()]).collect() };
    let (ob, nb) = (bytes(old), bytes(new));
    json.hunks
        .iter()
        .map(|h| {
            let mut x = akaji::Hunk::new(ob[h.old[0]]..ob[h.old[1]], nb[h.new[0]]..nb[h.new[1]]);
            if h.kind == "move" {
                (x.kind, x.move_id) = (HunkKind::Move, h.move_id);
            }
            x
        })
        .collect()
}

/// Bytes of `want` that `lines` cover.
fn covered(lines: &[Range<usize>], want: &Range<usize>) -> usize {
    lines.iter().map(|l| l.end.min(want.end).saturating_sub(l.start.max(want.start))).sum()
}

/// akaji and git on the same files in the same run, at several sizes and layouts: time, and the
/// moves each finds. git's `--color-moved` marks lines that were removed in one place and added
/// unchanged in another; it cannot pair a passage edited on the way, nor a line re-wrapped.
fn peer(sizes: &[usize]) {
    println!("## akaji against git --color-moved (same files, same run; median of 3)\n");
    println!(
        "git: `git diff --no-index --color-moved=plain --color=always -U0` (moved lines coloured); a known move counts as \
         found by git when 90% of both ends' bytes are on lines it colours moved; akaji: `akaji diff --format json`, \
         a move found as in the tables above.\n"
    );
    println!(
        "| layout | items | MB | moves | akaji | git | akaji / git | akaji recall unchanged / edited | git recall unchanged / edited | akaji precision (strict) | akaji false pairs | git moved lines outside moves |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let dir = std::env::temp_dir().join(format!("akaji-moves-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (o, n, out) = (dir.join("old.txt"), dir.join("new.txt"), dir.join("out"));
    // (layout, MB, akaji s, git s)
    type Point = (Layout, f64, f64, f64);
    let mut growth: Vec<Point> = Vec::new();
    for layout in Layout::ALL {
        for &items in sizes {
            let r = revision(items);
            let s = moved::sample(layout, r, 11);
            std::fs::write(&o, &s.old).unwrap();
            std::fs::write(&n, &s.new).unwrap();
            if let Ok(keep) = std::env::var("AKAJI_MOVES_KEEP") {
                // The inputs, to look at what akaji reports on them.
                let name = |side: &str| {
                    std::path::Path::new(&keep).join(format!("{}-{items}-{side}.txt", layout.name().replace(' ', "-")))
                };
                std::fs::create_dir_all(&keep).unwrap();
                std::fs::copy(&o, name("old")).unwrap();
                std::fs::copy(&n, name("new")).unwrap();
            }
            let (os, ns) = (o.to_str().unwrap(), n.to_str().unwrap());
            let a = tools::measure(env!("CARGO_BIN_EXE_akaji"), &["diff", "--format", "json", os, ns], 3, &out);
            let hunks = akaji_hunks(&s.old, &s.new, &a.output);
            let sc = moved::score(&s, &hunks);
            let git_args = [
                "-c",
                "color.diff.oldMoved=magenta",
                "-c",
                "color.diff.newMoved=blue",
                "-c",
                "color.diff.oldMovedAlternative=magenta",
                "-c",
                "color.diff.newMovedAlternative=blue",
                "diff",
                "--no-index",
                "--no-ext-diff",
                "--color-moved=plain",
                "--color=always",
                "-U0",
                os,
                ns,
            ];
            let g = tools::measure("git", &git_args, 3, &out);
            let (gold, gnew) = git_moved_lines(&s.old, &s.new, &g.output);
            let (mut found, mut known) = ([0usize; 2], [0usize; 2]);
            for m in &s.moves {
                let k = usize::from(m.edits > 0);
                known[k] += 1;
                let full = |lines: &[Range<usize>], r: &Range<usize>| covered(lines, r) * 10 >= r.len() * 9;
                found[k] += usize::from(full(&gold, &m.old) && full(&gnew, &m.new));
            }
            let in_moves: usize = s.moves.iter().map(|m| covered(&gnew, &m.new)).sum();
            let all: usize = gnew.iter().map(|l| l.len()).sum();
            let pct = |f: usize, k: usize| 100.0 * f as f64 / k.max(1) as f64;
            let (ta, tg) = (a.time.as_secs_f64(), g.time.as_secs_f64());
            let mb = s.old.len() as f64 / 1048576.0;
            println!(
                "| {} | {items} | {mb:.1} | {} | {ta:.3} s | {tg:.3} s | {:.2} | {:.1}% / {:.1}% | {:.1}% / {:.1}% | {:.1}% ({:.1}%) | {} of {} | {:.1}% of {} KB |",
                layout.name(),
                r.moves,
                ta / tg,
                sc.recall(Some(0)),
                100.0 * (sc.found[1] + sc.found[2] + sc.found[3]) as f64 / (sc.known[1] + sc.known[2] + sc.known[3]).max(1) as f64,
                pct(found[0], known[0]),
                pct(found[1], known[1]),
                sc.precision(),
                sc.strict_precision(),
                sc.false_pairs,
                sc.reported,
                100.0 * (all - in_moves.min(all)) as f64 / all.max(1) as f64,
                all / 1024
            );
            growth.push((layout, mb, ta, tg));
        }
    }
    println!("\n| layout | growth exponent akaji | git |\n| --- | --- | --- |");
    for layout in Layout::ALL {
        let pts: Vec<_> = growth.iter().filter(|g| g.0 == layout).collect();
        let fit = |f: &dyn Fn(&Point) -> f64| {
            let xs: Vec<f64> = pts.iter().map(|p| p.1.ln()).collect();
            let ys: Vec<f64> = pts.iter().map(|p| f(p).ln()).collect();
            let (mx, my) = (xs.iter().sum::<f64>() / xs.len() as f64, ys.iter().sum::<f64>() / ys.len() as f64);
            let num: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
            let den: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
            num / den
        };
        println!("| {} | {:.2} | {:.2} |", layout.name(), fit(&|p| p.2), fit(&|p| p.3));
    }
    println!();
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let seeds = args
        .iter()
        .position(|a| a == "--seeds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 3 } else { 20 });
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--sizes")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| if quick { vec![1_000, 3_000] } else { vec![3_000, 12_000, 30_000, 60_000] });
    quality(seeds);
    peer(&sizes);
    cost(quick);
}
