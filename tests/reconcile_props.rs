//! Reconcile always writes a ledger that gives the final: for random finals made from the
//! sample plan (testdata/sample/draft.txt) by random insertions, deletions and replacements of
//! its own words and of repeated short texts (「設置」, 「取組」, 「。」), re-wrapped, the ledger
//! reconcile writes from a ledger of the sample's own decisions resolves, applied to the draft
//! gives the final up to layout (reconcile's own check, and the content compared here), and
//! every text it writes is the draft's or the final's. Run more cases with
//! `PROPTEST_CASES=500 cargo test reconcile_props`.

use akaji::reconcile::{reconcile, ReconcileOptions};
use akaji::{Action, Document, Ledger};
use proptest::prelude::*;

const PIECES: [&str; 8] =
    ["設置", "取組", "。", "、", "サイバーセキュリティ", "また、対策を強化する。", "（案）", "2023"];

/// Content as compared: white space and page-marker lines out, widths folded (the sample's
/// ledger has `match_width = true`).
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lines = s.lines().filter(|l| !(l.starts_with("- ") && l.ends_with(" -")));
    lines.flat_map(|l| l.chars()).filter(|c| !c.is_whitespace()).flat_map(|c| std::iter::once(c).nfkc()).collect()
}

/// The draft's body (its first pages), and its lines re-wrapped at `width` chars with the page
/// markers kept.
fn rewrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for page in text.split_inclusive("-\n") {
        let (body, marker) = match page.rfind("\n- ") {
            Some(i) => (&page[..i + 1], &page[i + 1..]),
            None => (page, ""),
        };
        let joined: Vec<char> = body.chars().filter(|&c| c != '\n').collect();
        for chunk in joined.chunks(width.max(1)) {
            out.extend(chunk);
            out.push('\n');
        }
        out.push_str(marker);
    }
    out
}

proptest! {
    #![proptest_config(crate::util::cases(24))]

    #[test]
    fn the_ledger_written_gives_the_final(
        edits in prop::collection::vec((0usize..10_000, 0usize..3, 0usize..PIECES.len(), 1usize..6), 1..8),
        width in 20usize..45,
    ) {
        let full = std::fs::read_to_string(env!("CARGO_MANIFEST_DIR").to_owned() + "/testdata/sample/draft.txt").unwrap();
        let draft_text: String = full.split_inclusive("- 5 -\n").next().unwrap().to_owned();
        let ledger = Ledger::from_toml(&std::fs::read_to_string(env!("CARGO_MANIFEST_DIR").to_owned() + "/testdata/sample/ledger.toml").unwrap()).unwrap();
        // Edit the content at random places (never inside a page marker).
        let mut chars: Vec<char> = draft_text.chars().collect();
        for (at, kind, piece, len) in edits {
            let at = at % chars.len().max(1);
            let line_start = chars[..at].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
            let line: String = chars[line_start..].iter().take_while(|&&c| c != '\n').collect();
            if line.starts_with("- ") {
                continue;
            }
            let len = len.min(line.chars().count().saturating_sub(at - line_start));
            match kind {
                0 => { chars.splice(at..at, PIECES[piece].chars()); }
                1 if len > 0 && !chars[at..at + len].contains(&'\n') => { chars.drain(at..at + len); }
                _ if len > 0 && !chars[at..at + len].contains(&'\n') => { chars.splice(at..at + len, PIECES[piece].chars()); }
                _ => {}
            }
        }
        let final_text = rewrap(&chars.iter().collect::<String>(), width);
        let marker = &ledger.options.page_marker;
        let (draft, final_doc) = (Document::new(&draft_text, marker), Document::new(&final_text, marker));
        let done = reconcile(&ledger, &draft, &final_doc, &ReconcileOptions::default());
        prop_assert!(done.report.check.problems.is_empty(), "{:?}", done.report.check.problems);
        prop_assert!(done.report.check.left.is_empty(), "{:?}", done.report.check.left);
        let again = Ledger::from_toml(&done.ledger.to_toml()).unwrap();
        prop_assert_eq!(&again, &done.ledger);
        let (applied, _) = akaji::apply_partial(&draft, &done.ledger).unwrap();
        prop_assert_eq!(fold(applied.final_doc.text()), fold(&final_text));
        let (d, f) = (fold(&draft_text), fold(&final_text));
        for (_, e) in done.ledger.edits() {
            match e.action() {
                Action::Replace { old, new } | Action::Insert { anchor: old, new, .. } => {
                    prop_assert!(d.contains(&fold(old)), "「{}」 is not the draft's", old);
                    prop_assert!(f.contains(&fold(new)), "「{}」 is not the final's", new);
                }
                Action::Todo(_) => {}
            }
        }
    }
}
