//! Moves with edits inside: how often `akaji diff` reports a moved and reworded item as a move
//! (recall), how often a move it reports is one (precision), and what the detection costs.
//!
//! Inputs (`common/moved.rs`): plans of items built from the corpus's sentences, one item a line
//! or wrapped at 35 characters; the revision moves items (a quarter unchanged, the others with
//! 1, 2 or 3 word edits inside), deletes items and inserts unrelated passages of about the same
//! length elsewhere (decoys, which must not pair), and edits items in place. Reported:
//! - recall by number of edits inside, precision, decoys paired;
//! - the similarity (`akaji::diff::similarity`) of every known move's two ends and of every
//!   decoy pair, and of each decoy insertion with its most similar deletion: the margin on
//!   both sides of the threshold;
//! - the lowest bigram overlap (Dice) of a known move, against the pre-filter;
//! - the time of `diff` with and without move detection on a large plan with moves, and on the
//!   peer benchmark's inputs (no moves: any move reported there is false).
//!
//! `cargo bench --bench moves -- [--seeds N] [--quick]`

#[path = "common/corpus.rs"]
#[allow(dead_code, reason = "shared with the peers bench, which uses more of it")]
mod corpus;
#[path = "common/moved.rs"]
mod moved;

use akaji::diff::{diff, similarity, DiffOptions, MOVE_SIMILARITY};
use akaji::HunkKind;
use moved::{Layout, MoveScore, Revision};
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
    let r = Revision { items: 1200, moves: 40, decoys: 40, in_place: 40 };
    println!(
        "## Moves found ({seeds} plans per layout of {} items: {} moved, {} decoys, {} edited in place; threshold {MOVE_SIMILARITY}%)\n",
        r.items, r.moves, r.decoys, r.in_place
    );
    println!("| layout | moves | recall, unchanged | 1 edit | 2 edits | 3 edits | all | precision | decoys paired |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
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
            "| {} | {known} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {} of {} |",
            layout.name(),
            total.recall(Some(0)),
            total.recall(Some(1)),
            total.recall(Some(2)),
            total.recall(Some(3)),
            total.recall(None),
            total.precision(),
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
    let r = Revision { items, moves: items / 30, decoys: items / 30, in_place: items / 30 };
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let seeds = args
        .iter()
        .position(|a| a == "--seeds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 3 } else { 20 });
    quality(seeds);
    cost(quick);
}
