//! Redline formats against `apply` on the same input: 1,000, 10,000 and 100,000 decisions.
//!
//! `cargo bench --bench redline`. Every format renders the redline of a generated plan whose
//! decisions each make one edit (one decision per change, so the number of decisions grows with
//! the input, as it does in a real public-comment ledger). Each format's time (building the
//! redline and rendering it) is printed beside the time of `apply` on the same draft and ledger,
//! and their ratio: a format that is linear in the number of decisions keeps its ratio as the
//! input grows; one that is quadratic sees it grow tenfold with every size. A format that took
//! more than `BUDGET` at one size is not run at the next (it is reported as skipped).

#[path = "common/plan.rs"]
mod plan;

use akaji::render::{render, Format, RenderOptions};
use akaji::Document;
use std::time::{Duration, Instant};

/// Decisions at each size; the draft has 100 bytes per decision.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// A format slower than this at one size is not run at the next.
const BUDGET: Duration = Duration::from_secs(20);

/// The fastest of `runs` runs of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let mut over_budget: Vec<Format> = Vec::new();
    println!("{:>9} {:>9} {:>10} {:>10} {:>7}", "decisions", "format", "apply", "format", "ratio");
    for decisions in SIZES {
        let p = plan::one_edit_per_decision(decisions * 100, decisions);
        let draft = Document::new(&p.draft, &p.ledger.options.page_marker);
        let runs = if decisions >= 100_000 { 3 } else { 5 };
        let apply_time =
            time(runs, || akaji::apply(&draft, &p.ledger).expect("the generated ledger applies").edits.len());
        for format in Format::ALL {
            if over_budget.contains(&format) {
                println!("{decisions:>9} {:>9} {:>10.3?} {:>10} {:>7}", format.name(), apply_time, "skipped", "-");
                continue;
            }
            let t = time(runs, || {
                let applied = akaji::apply(&draft, &p.ledger).expect("the generated ledger applies");
                let mut out = Vec::new();
                render(&applied.redline(), format, &RenderOptions::default(), &mut out).expect("rendered to memory");
                out.len()
            });
            if t > BUDGET {
                over_budget.push(format);
            }
            let ratio = t.as_secs_f64() / apply_time.as_secs_f64();
            println!("{decisions:>9} {:>9} {:>10.3?} {:>10.3?} {:>6.1}×", format.name(), apply_time, t, ratio);
        }
    }
}
