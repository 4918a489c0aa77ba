//! The quality bar of issue 12: `verify` scored on testdata/verify-set (36 finals of four plans
//! with their truth), with the draft and without it (using the lock `akaji apply --lock` writes).
//!
//! The set's README defines the truth; this test follows its "Scoring" section: every edit's
//! status and every place's, with and without the draft, and every unexplained change (with the
//! draft), matched by overlap of content ranges (the file with its layout taken out, as the
//! set's README counts it). A summary line per mode is printed, then per status and per plan.

use akaji::lock::Lock;
use akaji::verify::{self, EditReport, Status, VerifyOptions, VerifyReport};
use akaji::{Document, Ledger};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn set() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/verify-set")
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
}

/// The six radicals the set's extraction writes, folded as content.
fn is_footer(line: &str) -> bool {
    let t = line.trim();
    t.len() > 2
        && t.starts_with('-')
        && t.ends_with('-')
        && !t[1..t.len() - 1].trim().is_empty()
        && t[1..t.len() - 1].trim().chars().all(|c| c.is_ascii_digit())
}

/// For every char of a laid-out file, the number of content chars before it (and one more
/// entry for the end): the set's README's content, computed as its check.py does.
fn content_offsets(text: &str, layout: &Value) -> Vec<usize> {
    let lines: Vec<&str> = text.split('\n').collect();
    let heads: BTreeMap<u64, Vec<String>> = layout["running_heads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let heads = h["heads"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect();
            (h["page"].as_u64().unwrap(), heads)
        })
        .collect();
    let front_ahead = matches!(layout["front_matter"].as_str(), Some("none" | "own"));
    // Which lines are layout: footers and the running heads of each page.
    let mut layout_line = vec![false; lines.len()];
    let mut page: Vec<usize> = Vec::new();
    let mut k = 0;
    for (i, l) in lines.iter().enumerate() {
        if is_footer(l) {
            layout_line[i] = true;
            let number: u64 = l.trim().trim_matches('-').trim().parse().unwrap();
            let hs = heads.get(&number).cloned().unwrap_or_default();
            if !hs.is_empty() {
                let texts: Vec<&str> = page.iter().map(|&j| lines[j]).collect();
                let start = (0..texts.len()).find(|&j| {
                    j + hs.len() <= texts.len() && texts[j..j + hs.len()].iter().zip(&hs).all(|(a, b)| a == b)
                });
                let start = start.unwrap_or_else(|| panic!("page {number}: running heads {hs:?} not found"));
                assert!(start == 0 || (front_ahead && k == 0), "page {number}: heads not at the top");
                for j in start..start + hs.len() {
                    layout_line[page[j]] = true;
                }
            }
            page.clear();
            k += 1;
        } else {
            page.push(i);
        }
    }
    let mut out = Vec::with_capacity(text.len());
    let mut n = 0;
    for (i, l) in lines.iter().enumerate() {
        for c in l.chars() {
            out.push(n);
            if !layout_line[i] && !c.is_whitespace() {
                n += 1;
            }
        }
        if i + 1 < lines.len() {
            out.push(n); // the line break
        }
    }
    out.push(n);
    out
}

/// A reported change: its content range in the draft and in the final.
type Change = ((usize, usize), (usize, usize));

/// Whether ranges overlap; an empty range overlaps what it touches.
fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    if a.0 == a.1 || b.0 == b.1 {
        a.0 <= b.1 && b.0 <= a.1
    } else {
        a.0 < b.1 && b.0 < a.1
    }
}

/// Right and total, by a key.
#[derive(Default)]
struct Tally(BTreeMap<String, (usize, usize)>);

impl Tally {
    fn add(&mut self, key: &str, right: bool) {
        let e = self.0.entry(key.to_owned()).or_default();
        e.0 += right as usize;
        e.1 += 1;
    }
    fn total(&self) -> (usize, usize) {
        self.0.values().fold((0, 0), |(r, t), (a, b)| (r + a, t + b))
    }
    fn line(&self) -> String {
        let (r, t) = self.total();
        let parts: Vec<String> = self.0.iter().map(|(k, (a, b))| format!("{k} {a}/{b}")).collect();
        format!("{r}/{t} ({})", parts.join(", "))
    }
}

/// The score of one mode.
#[derive(Default)]
struct Score {
    edits: Tally,
    places: Tally,
    per_plan: Tally,
    /// Truth unexplained changes matched, of all.
    unexplained: (usize, usize),
    /// Reported unexplained changes that match no truth entry.
    extra: usize,
    wrong: Vec<String>,
}

impl Score {
    fn perfect(&self) -> bool {
        let (r, t) = self.edits.total();
        let (pr, pt) = self.places.total();
        r == t && pr == pt && self.unexplained.0 == self.unexplained.1 && self.extra == 0
    }

    fn summary(&self, mode: &str) -> String {
        let (r, t) = self.edits.total();
        let (pr, pt) = self.places.total();
        let mut s = format!("verify-set {mode}: edits {r}/{t}, places {pr}/{pt}");
        if self.unexplained.1 > 0 {
            s.push_str(&format!(
                ", unexplained {}/{} found, {} reported beyond the truth",
                self.unexplained.0, self.unexplained.1, self.extra
            ));
        }
        s.push_str(&format!("\n  edits by status: {}", self.edits.line()));
        s.push_str(&format!("\n  places by status: {}", self.places.line()));
        s.push_str(&format!("\n  edits by plan: {}", self.per_plan.line()));
        s
    }
}

/// The truth's edits of a final, by key, and our reports of them.
fn score_edits(
    score: &mut Score,
    plan: &str,
    final_name: &str,
    truth: &Value,
    report: &VerifyReport,
    ledger: &Ledger,
    field: &str,
) {
    for (d, td) in report.decisions.iter().zip(truth["decisions"].as_array().unwrap()) {
        assert_eq!(d.id, td["id"].as_str().unwrap());
        for (e, te) in d.edits.iter().zip(td["edits"].as_array().unwrap()) {
            let want = te[field].as_str().unwrap();
            let right = e.status.name() == want;
            score.edits.add(want, right);
            score.per_plan.add(plan, right);
            if !right {
                score.wrong.push(format!(
                    "{plan}/{final_name} edit {}: {} (truth {want}) {}",
                    te["key"].as_str().unwrap(),
                    e.status.name(),
                    e.message.as_ref().map(akaji::messages::body).unwrap_or_default().replace('\n', " ")
                ));
            }
            score_places(score, plan, final_name, te, e, field);
        }
    }
    let _ = ledger;
}

fn score_places(score: &mut Score, plan: &str, final_name: &str, te: &Value, e: &EditReport, field: &str) {
    let places = te["places"].as_array().unwrap();
    // A status per place: the findings when there is one per place, else the edit's status.
    let ours: Vec<Status> = if e.findings.len() == places.len() {
        e.findings.iter().map(|f| f.status).collect()
    } else if e.findings.is_empty() || places.len() == 1 {
        vec![e.status; places.len()]
    } else {
        vec![]
    };
    for (i, p) in places.iter().enumerate() {
        let want = p[field].as_str().unwrap();
        let got = ours.get(i).map(|s| s.name()).unwrap_or("(no place)");
        score.places.add(want, got == want);
        if got != want {
            score.wrong.push(format!(
                "{plan}/{final_name} edit {} place {}: {got} (truth {want})",
                te["key"].as_str().unwrap(),
                i + 1
            ));
        }
    }
}

/// Unexplained changes: each truth entry matched once by a reported change that overlaps it in
/// both texts; reported changes that match none count against.
fn score_unexplained(score: &mut Score, where_: &str, truth: &Value, reported: &[Change], texts: (&str, &str)) {
    let entries = truth["unexplained"].as_array().unwrap();
    let mut used = vec![false; entries.len()];
    let range = |v: &Value| (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
    for &(d, f) in reported {
        let hit = entries.iter().enumerate().position(|(i, u)| {
            if used[i] {
                return false;
            }
            let td = range(&u["draft"]["offset"]);
            let tf = range(&u["final"]["offset"]);
            let in_draft =
                if td.0 == td.1 && !u["slide"].is_null() { overlaps(d, range(&u["slide"])) } else { overlaps(d, td) };
            in_draft && overlaps(f, tf)
        });
        match hit {
            Some(i) => used[i] = true,
            None => {
                score.extra += 1;
                let (dt, ft) = texts;
                let piece = |t: &str, r: (usize, usize)| t.chars().skip(r.0).take(r.1 - r.0).collect::<String>();
                score.wrong.push(format!(
                    "{where_}: reported change {d:?}→{f:?} 「{}」→「{}」 is not in the truth",
                    piece(dt, d),
                    piece(ft, f)
                ));
            }
        }
    }
    for (i, u) in entries.iter().enumerate() {
        if !used[i] {
            score.wrong.push(format!(
                "{where_}: truth change {} 「{}」→「{}」 not reported",
                u["kind"],
                u["draft"]["text"].as_str().unwrap(),
                u["final"]["text"].as_str().unwrap()
            ));
        }
    }
    score.unexplained.0 += used.iter().filter(|u| **u).count();
    score.unexplained.1 += entries.len();
}

/// The content text of a file (for messages).
fn content_text(text: &str, offsets: &[usize]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (i, c) in text.chars().enumerate() {
        if offsets[i + 1] > last {
            out.push(c);
            last = offsets[i + 1];
        }
    }
    out
}

struct Plan {
    name: String,
    ledger: Ledger,
    lock: Lock,
    draft_text: String,
    draft: Document,
    draft_offsets: Vec<usize>,
}

fn load_plan(name: &str) -> Plan {
    let dir = set().join(name);
    let facts = read_json(&dir.join("plan.json"));
    let ledger = Ledger::from_toml(&fs::read_to_string(dir.join("ledger.toml")).unwrap()).unwrap();
    let draft_text = fs::read_to_string(dir.join("draft.txt")).unwrap();
    let draft = Document::new(&draft_text, &ledger.options.page_marker);
    let draft_offsets = content_offsets(&draft_text, &facts["layout"]);
    let lock = Lock::new(&draft, &ledger);
    lock_is_the_reference(name, &lock, &facts["lock"], &draft_offsets);
    Plan { name: name.to_owned(), ledger, lock, draft_text, draft, draft_offsets }
}

/// The lock holds the places plan.json's lock reference lists, and only those: every edit
/// that resolves, each place at its offset.
fn lock_is_the_reference(plan: &str, lock: &Lock, reference: &Value, offsets: &[usize]) {
    let mut want: Vec<(String, Vec<(u64, u64)>)> = Vec::new();
    for e in reference["edits"].as_array().unwrap() {
        let places = e["places"].as_array().unwrap();
        want.push((
            e["key"].as_str().unwrap().to_owned(),
            places.iter().map(|p| (p["offset"][0].as_u64().unwrap(), p["offset"][1].as_u64().unwrap())).collect(),
        ));
    }
    let got: Vec<(String, Vec<(u64, u64)>)> = lock
        .edits
        .iter()
        .filter(|e| !e.places.is_empty())
        .map(|e| {
            let places = e.places.iter().map(|p| (offsets[p.offset[0]] as u64, offsets[p.offset[1]] as u64)).collect();
            (format!("{}.{}", e.decision, e.edit), places)
        })
        .collect();
    assert_eq!(got, want, "{plan}: the lock's places are not the reference's");
}

#[test]
fn verify_scores_every_status_and_change_of_the_set() {
    let index = read_json(&set().join("index.json"));
    let mut plans: BTreeMap<String, Plan> = BTreeMap::new();
    let (mut with, mut without) = (Score::default(), Score::default());
    let options = VerifyOptions::default();
    for f in index["finals"].as_array().unwrap() {
        let plan_name = f["plan"].as_str().unwrap();
        let plan = plans.entry(plan_name.to_owned()).or_insert_with(|| load_plan(plan_name));
        let truth = read_json(&set().join(f["truth"].as_str().unwrap()));
        let final_name = truth["final"].as_str().unwrap();
        let final_text = fs::read_to_string(set().join(plan_name).join(final_name)).unwrap();
        let final_doc = Document::new(&final_text, &plan.ledger.options.page_marker);
        let final_offsets = content_offsets(&final_text, &truth["layout"]);

        let report = verify::audit(&plan.ledger, &plan.draft, &final_doc, &options);
        score_edits(&mut with, &plan.name, final_name, &truth, &report, &plan.ledger, "with_draft");
        let to_content = |offsets: &[usize], r: [usize; 2]| (offsets[r[0]], offsets[r[1]]);
        let reported: Vec<_> = report
            .unexplained
            .iter()
            .map(|u| (to_content(&plan.draft_offsets, u.draft_range), to_content(&final_offsets, u.final_range)))
            .collect();
        let texts = (content_text(&plan.draft_text, &plan.draft_offsets), content_text(&final_text, &final_offsets));
        score_unexplained(&mut with, &format!("{plan_name}/{final_name}"), &truth, &reported, (&texts.0, &texts.1));

        let report = verify::locked(&plan.ledger, &plan.lock, &final_doc, &options);
        score_edits(&mut without, &plan.name, final_name, &truth, &report, &plan.ledger, "without_draft");
    }
    let (a, b) = (with.summary("with the draft"), without.summary("without the draft (lock)"));
    println!("{a}\n{b}");
    for w in with.wrong.iter().chain(&without.wrong) {
        println!("  wrong: {w}");
    }
    assert!(with.perfect() && without.perfect(), "{a}\n{b}\n(run with --nocapture for every wrong status)");
}
