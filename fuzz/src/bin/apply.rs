//! Anchoring and apply. The input is a draft, a NUL byte, then one edit a line:
//! `KIND<TAB>QUOTE<TAB>NEW[<TAB>PAGE[<TAB>COUNT]]`, KIND `r` (replace), `a` (insert after) or
//! `b` (insert before), COUNT a number or `*` (all); a first line `w` turns match_width on.
//! Apply must succeed or name a problem, never panic; when it succeeds, the redline of the
//! result must be sound, `verify --exact` must accept the final it made, and `verify` with the
//! draft must find every decision applied in it.
use akaji::{Count, Decision, Document, Edit, Ledger, Scope, Side};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let (draft, edits) = akaji_fuzz::split(data);
        let draft = akaji_fuzz::text(draft);
        let Some(ledger) = ledger(&akaji_fuzz::text(edits)) else { return };
        let doc = Document::new(&draft, &ledger.options.page_marker);
        if let Ok(applied) = akaji::apply(&doc, &ledger) {
            applied.redline().check().expect("the redline of an apply is sound");
            let fin = Document::new(
                &format!("{}{}", applied.final_doc.bom(), applied.final_doc.text()),
                &ledger.options.page_marker,
            );
            let exact = akaji::verify::exact(&ledger, &doc, &fin);
            assert!(
                matches!(exact, akaji::verify::Exact::Same { .. }),
                "verify --exact accepts what apply wrote\ndraft {draft:?}\nledger {:?}\nfinal {:?}\n{exact:?}",
                ledger.decisions,
                fin.text()
            );
            let report = akaji::verify::audit(&ledger, &doc, &fin, &akaji::verify::VerifyOptions::default());
            assert!(
                report.decisions.iter().all(|d| d.status == akaji::verify::Status::Applied),
                "verify with the draft finds every promise of what apply wrote kept\ndraft {draft:?}\nledger {:?}\nfinal {:?}\n{:?}",
                ledger.decisions,
                fin.text(),
                report.decisions
            );
        }
    });
}

/// The ledger the lines describe (edits that do not make sense are skipped).
fn ledger(spec: &str) -> Option<Ledger> {
    let mut ledger = Ledger::default();
    for (i, line) in spec.lines().enumerate() {
        if i == 0 && line == "w" {
            ledger.options.match_width = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let edit = match f[0] {
            "r" => Edit::replace(f[1], f[2]),
            "a" => Edit::insert(Side::After, f[1], f[2]),
            "b" => Edit::insert(Side::Before, f[1], f[2]),
            _ => continue,
        };
        let Ok(mut edit) = edit else { continue };
        if let Some(page) = f.get(3).and_then(|p| p.parse().ok()) {
            edit = edit.with_scope(Scope::pages(vec![page]));
        }
        match f.get(4) {
            Some(&"*") => edit = edit.with_count(Count::All),
            Some(n) => {
                if let Ok(n) = n.parse::<usize>() {
                    if n > 0 {
                        edit = edit.with_count(Count::Exactly(n));
                    }
                }
            }
            None => {}
        }
        ledger.decisions.push(Decision { id: format!("{i}"), edits: vec![edit], ..Decision::default() });
    }
    (!ledger.decisions.is_empty()).then_some(ledger)
}
