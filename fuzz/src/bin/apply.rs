//! Anchoring and apply. The input is a draft, a NUL byte, then one edit a line:
//! `KIND<TAB>QUOTE<TAB>NEW[<TAB>PAGE[<TAB>COUNT]]`, KIND `r` (replace), `a` (insert after) or
//! `b` (insert before), COUNT a number or `*` (all); a first line `w` turns match_width on.
//! Apply must succeed or name a problem, never panic; when it succeeds, the redline of the
//! result must be sound, `verify --exact` must accept the final it made, and `verify` with the
//! draft must find every decision applied in it.
use akaji::Document;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let (draft, edits) = akaji_fuzz::split(data);
        let draft = akaji_fuzz::text(draft);
        let ledger = akaji_fuzz::edit_lines::ledger(&akaji_fuzz::text(edits));
        if ledger.decisions.is_empty() {
            return;
        }
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
