//! Apply: resolve every edit against the draft, then build the final in one pass.
//!
//! Every edit is resolved against the draft, never against the result of another edit, so the
//! order of decisions does not matter and the result is deterministic. Nothing outside the edited
//! spans changes, byte for byte: not a line ending, not a width, not a byte order mark.

use crate::anchor;
use crate::document::Document;
use crate::error::Problem;
use crate::ledger::Ledger;
use crate::redline::{Hunk, Redline};
use serde::Serialize;
use std::ops::Range;

/// One edit (one match of it, for `count` > 1) resolved to a place in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Index of the decision in the ledger.
    pub decision: usize,
    /// Index of the edit within its decision.
    pub edit: usize,
    /// The whole anchor the edit matched (byte range of the draft).
    pub anchor: Range<usize>,
    /// The bytes of the draft that change (empty for an insertion): the anchor less the common
    /// prefix and suffix of `old` and `new`, widened to whole words.
    pub range: Range<usize>,
    /// What goes in place of `range`.
    pub new: String,
}

/// Every edit of a ledger resolved against one draft: the places found, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Resolved edits, sorted by `range` (insertions before a replacement at the same place).
    pub edits: Vec<Resolved>,
    /// Edits that did not resolve, and conflicts between edits.
    pub problems: Vec<Problem>,
}

/// The final text and how it was made.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The final text, byte order mark restored if the draft had one.
    pub text: String,
    /// The resolved edits.
    pub edits: Vec<Resolved>,
}

/// Resolve every edit of `ledger` against `draft`. Never fails: problems are collected.
pub fn resolve(draft: &Document, ledger: &Ledger) -> Resolution {
    anchor::resolve(draft, ledger)
}

/// Apply `ledger` to `draft`, or return every problem found.
pub fn apply(draft: &Document, ledger: &Ledger) -> Result<Applied, Vec<Problem>> {
    let resolution = resolve(draft, ledger);
    if !resolution.problems.is_empty() {
        return Err(resolution.problems);
    }
    let text = draft.restore(build(draft.text(), &resolution.edits));
    Ok(Applied { text, edits: resolution.edits })
}

/// Apply `ledger` to a draft given as text, paginated by the ledger's options.
pub fn apply_text(draft: &str, ledger: &Ledger) -> Result<Applied, Vec<Problem>> {
    let marker = ledger.options.page_marker().map_err(|e| vec![Problem::ledger(e.to_string())])?;
    apply(&Document::new(draft, &marker), ledger)
}

/// The final text: the draft with every resolved edit put in, in one pass.
pub fn build(draft: &str, edits: &[Resolved]) -> String {
    let grow: usize = edits.iter().map(|e| e.new.len()).sum();
    let mut out = String::with_capacity(draft.len() + grow);
    let mut at = 0;
    for e in edits {
        out.push_str(&draft[at..e.range.start]);
        out.push_str(&e.new);
        at = e.range.end;
    }
    out.push_str(&draft[at..]);
    out
}

/// A resolved edit as reported by `akaji apply --format json`: where it is in the draft and in
/// the final, in chars (Unicode scalar values), with page and line in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placed {
    /// The decision's id.
    pub decision: String,
    /// The edit's number within its decision, 1-based as in messages.
    pub edit: usize,
    /// Page of the change in the draft.
    pub page: u32,
    /// Line within that page, 1-based.
    pub line: usize,
    /// Column, 1-based, in chars.
    pub column: usize,
    /// Half-open char range of the changed text in the draft.
    pub old: [usize; 2],
    /// Half-open char range of the text that replaces it in the final.
    pub new: [usize; 2],
    /// The draft's text there.
    pub old_text: String,
    /// The final's text there.
    pub new_text: String,
    /// Half-open char range of the whole anchor matched in the draft.
    pub anchor: [usize; 2],
}

/// What `akaji apply --format json` writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedReport {
    /// Every resolved edit, in draft order.
    pub edits: Vec<Placed>,
}

/// Where every edit of `applied` landed, in the draft and in the final.
pub fn placed(draft: &Document, ledger: &Ledger, applied: &Applied) -> Vec<Placed> {
    let mut shift: isize = 0;
    applied
        .edits
        .iter()
        .map(|e| {
            let at = draft.position(e.range.start);
            let old = [at.offset, draft.char_offset(e.range.end)];
            let new_len = e.new.chars().count();
            let new_start = (old[0] as isize + shift) as usize;
            shift += new_len as isize - (old[1] - old[0]) as isize;
            Placed {
                decision: ledger.decisions[e.decision].id.clone(),
                edit: e.edit + 1,
                page: at.page,
                line: at.line,
                column: at.column,
                old,
                new: [new_start, new_start + new_len],
                old_text: draft.text()[e.range.clone()].to_owned(),
                new_text: e.new.clone(),
                anchor: [draft.char_offset(e.anchor.start), draft.char_offset(e.anchor.end)],
            }
        })
        .collect()
}

/// The redline of a ledger: every hunk is a resolved edit, attributed to its decision.
pub fn redline(draft: &Document, ledger: &Ledger) -> Result<Redline, Vec<Problem>> {
    let marker = ledger.options.page_marker().map_err(|e| vec![Problem::ledger(e.to_string())])?;
    let applied = apply(draft, ledger)?;
    let mut hunks = Vec::with_capacity(applied.edits.len());
    let mut shift: isize = 0;
    for e in &applied.edits {
        let start = (e.range.start as isize + shift) as usize;
        let d = &ledger.decisions[e.decision];
        hunks.push(Hunk::new(e.range.clone(), start..start + e.new.len()).attributed(&d.id, e.edit));
        shift += e.new.len() as isize - e.range.len() as isize;
    }
    let final_doc = Document::from_string(applied.text, &marker);
    let mut r = Redline::new(draft.clone(), final_doc, hunks);
    r.decisions = ledger.decisions.clone();
    r.title = ledger.title.clone();
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ProblemKind;

    const DRAFT: &str = "\
本計画は、サイバーセキュリティ対策分科会を設置し、
検討を行ったものである。装置を設置する。
- 4 -
計画の策定にあたっては、国際的な認証制度である
EDSA認証を参考とした。ＡＩ化を進める。
- 5 -
";

    fn ledger(edits: &str) -> Ledger {
        Ledger::from_toml(&format!("[options]\nmatch_width = true\n{edits}")).unwrap()
    }

    fn run(edits: &str) -> Result<String, Vec<Problem>> {
        apply_text(DRAFT, &ledger(edits)).map(|a| a.text)
    }

    fn kinds(p: &[Problem]) -> Vec<&ProblemKind> {
        p.iter().map(|p| &p.kind).collect()
    }

    #[test]
    fn page_scope_keeps_other_matches() {
        let out = run(
            "[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\nprefix=\"分科会を\"\npage=4\n",
        )
        .unwrap();
        assert!(out.contains("分科会を開催し") && out.contains("装置を設置する"), "{out}");
    }

    #[test]
    fn quotes_span_line_breaks_and_keep_them() {
        let out = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"認証制度であるEDSA認証\"\nnew=\"認証制度であるEDSA認証（ISASecure EDSA）\"\n").unwrap();
        assert!(out.contains("認証制度である\nEDSA認証（ISASecure EDSA）を参考"), "{out}");
    }

    #[test]
    fn width_folding_keeps_the_drafts_characters() {
        let out = run("[[decision]]\nid=\"3\"\n[[decision.edit]]\nold=\"AI化\"\nnew=\"AI（人工知能）化\"\n").unwrap();
        assert!(out.contains("ＡＩ（人工知能）化を進める"), "{out}");
    }

    #[test]
    fn insertions_go_after_or_before_the_anchor() {
        let out = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nafter=\"検討を行ったものである。\"\nnew=\"追記。\"\n[[decision.edit]]\nbefore=\"設置する\"\nnew=\"前に\"\n").unwrap();
        assert!(out.contains("ものである。追記。装置を前に設置する。"), "{out}");
    }

    #[test]
    fn count_mismatch_lists_every_place() {
        let p = run("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\n").unwrap_err();
        match kinds(&p)[..] {
            [ProblemKind::CountMismatch { places, expected, .. }] => {
                assert_eq!(expected, "1");
                let at: Vec<(u32, usize)> = places.iter().map(|p| (p.page, p.line)).collect();
                assert_eq!(at, vec![(4, 1), (4, 2)]);
            }
            _ => panic!("{p:?}"),
        }
    }

    #[test]
    fn a_missing_page_says_how_many_there_are() {
        let p = run("[[decision]]\nid=\"9\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npage=9\n").unwrap_err();
        assert!(matches!(kinds(&p)[..], [ProblemKind::NoSuchPage { page: 9, pages }] if pages == &vec![4, 5]), "{p:?}");
        let p =
            run("[[decision]]\nid=\"9\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npage=4\nline=3\n").unwrap_err();
        assert!(matches!(kinds(&p)[..], [ProblemKind::NoSuchLine { page: 4, line: 3, lines: 2 }]), "{p:?}");
    }

    #[test]
    fn line_scope_counts_from_either_end() {
        let out =
            run("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npage=4\nline=-1\n").unwrap();
        assert!(out.contains("分科会を設置し") && out.contains("装置を開催する"), "{out}");
    }

    #[test]
    fn no_match_outside_scope_names_where_it_is() {
        let p = run("[[decision]]\nid=\"29\"\n[[decision.edit]]\nold=\"あたって\"\nnew=\"当たって\"\npage=4\n")
            .unwrap_err();
        match kinds(&p)[..] {
            [ProblemKind::NoMatch { elsewhere, .. }] => assert_eq!((elsewhere[0].page, elsewhere[0].line), (5, 1)),
            _ => panic!("{p:?}"),
        }
    }

    #[test]
    fn conflicts_name_both_decisions() {
        let p = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"分科会を設置\"\nnew=\"分科会を開催\"\n\
                     [[decision]]\nid=\"2\"\n[[decision.edit]]\nold=\"設置し\"\nnew=\"設けて\"\n")
        .unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(matches!(&p[0].kind, ProblemKind::Conflict { other_decision, .. } if other_decision == "1"), "{p:?}");
        assert_eq!(p[0].decision.as_deref(), Some("2"));
    }

    #[test]
    fn two_insertions_at_one_point_conflict() {
        let p = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nafter=\"ものである。\"\nnew=\"甲\"\n\
                     [[decision]]\nid=\"2\"\n[[decision.edit]]\nbefore=\"装置\"\nnew=\"乙\"\n")
        .unwrap_err();
        assert!(matches!(&p[0].kind, ProblemKind::Conflict { .. }), "{p:?}");
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let p = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"存在しない\"\nnew=\"x\"\n\
                     [[decision.edit]]\ntodo=\"P9に追記\"\npage=9\n\
                     [[decision]]\nid=\"2\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"x\"\npage=7\n")
        .unwrap_err();
        assert_eq!(p.len(), 3, "{p:?}");
    }

    #[test]
    fn order_of_decisions_does_not_matter() {
        let a = "[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"検討\"\nnew=\"審議\"\n";
        let b = "[[decision]]\nid=\"2\"\n[[decision.edit]]\nold=\"ＡＩ化\"\nnew=\"AI化\"\n";
        assert_eq!(run(&format!("{a}{b}")).unwrap(), run(&format!("{b}{a}")).unwrap());
    }

    #[test]
    fn line_endings_and_bom_outside_edits_are_kept() {
        let crlf = format!("\u{feff}{}", DRAFT.replace('\n', "\r\n"));
        let l = ledger("[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"認証制度であるEDSA認証\"\nnew=\"認証制度であるEDSA認証等\"\n");
        let out = apply_text(&crlf, &l).unwrap().text;
        assert_eq!(out, crlf.replace("EDSA認証を", "EDSA認証等を"));
    }

    #[test]
    fn placed_edits_count_chars_in_both_texts() {
        let l = ledger("[[decision]]\nid=\"28\"\n[[decision.edit]]\nold=\"検討\"\nnew=\"審議等\"\n[[decision.edit]]\nold=\"装置\"\nnew=\"機器\"\n");
        let draft = Document::new(DRAFT, &l.options.page_marker().unwrap());
        let applied = apply(&draft, &l).unwrap();
        let p = placed(&draft, &l, &applied);
        let fin: Vec<char> = applied.text.chars().collect();
        let old: Vec<char> = DRAFT.chars().collect();
        for e in &p {
            assert_eq!(old[e.old[0]..e.old[1]].iter().collect::<String>(), e.old_text);
            assert_eq!(fin[e.new[0]..e.new[1]].iter().collect::<String>(), e.new_text);
        }
        assert_eq!((p[1].page, p[1].line, p[1].edit), (4, 2, 2));
    }

    #[test]
    fn redline_hunks_are_minimal_and_attributed() {
        let l = ledger("[[decision]]\nid=\"28\"\n[[decision.edit]]\nold=\"分科会を設置し\"\nnew=\"分科会を開催し\"\n");
        let draft = Document::new(DRAFT, &l.options.page_marker().unwrap());
        let r = redline(&draft, &l).unwrap();
        r.check().unwrap();
        assert_eq!(r.hunks.len(), 1);
        assert_eq!((r.old_text(&r.hunks[0]), r.new_text(&r.hunks[0])), ("設置", "開催"));
        assert_eq!(r.hunks[0].decision.as_deref(), Some("28"));
    }

    mod properties {
        use super::super::*;
        use crate::ledger::{Count, Decision, Edit};
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    Just("設置"),
                    Just("あたって"),
                    Just("クラウド"),
                    Just("SaaS"),
                    Just("、"),
                    Just("\n"),
                    Just("\r\n"),
                    Just(" "),
                    Just("- 2 -\n"),
                    Just("😀"),
                    Just("ＡＩ"),
                ],
                0..40,
            )
            .prop_map(|v| v.concat())
        }

        fn ledger(pieces: Vec<(String, String, bool)>) -> Ledger {
            let decisions = pieces
                .into_iter()
                .enumerate()
                .map(|(i, (old, new, after))| {
                    let mut e = Edit { new: Some(new), count: Some(Count::All), ..Edit::default() };
                    if after {
                        e.after = Some(old);
                    } else {
                        e.old = Some(old);
                    }
                    Decision { id: i.to_string(), edits: vec![e], ..Decision::default() }
                })
                .collect();
            Ledger { decisions, ..Ledger::default() }
        }

        proptest! {
            #[test]
            fn apply_is_order_free_and_touches_only_its_spans(
                draft in text(),
                edits in proptest::collection::vec(
                    (prop_oneof![Just("設置"), Just("あたって"), Just("SaaS"), Just("ＡＩ")], "[開催当たクラ]{0,3}", any::<bool>()),
                    1..4,
                ),
            ) {
                let pieces: Vec<(String, String, bool)> = edits
                    .into_iter()
                    .filter(|(old, new, after)| old != new && !(*after && new.is_empty()))
                    .map(|(o, n, a)| (o.to_owned(), n, a))
                    .collect();
                let forward = ledger(pieces.clone());
                let mut reversed = forward.clone();
                reversed.decisions.reverse();
                let doc = Document::new(&draft, &forward.options.page_marker().unwrap());
                match (apply(&doc, &forward), apply(&doc, &reversed)) {
                    (Ok(a), Ok(b)) => {
                        prop_assert_eq!(&a.text, &b.text);
                        for e in &a.edits {
                            // The change lies inside the anchor, and the anchor is the quote.
                            prop_assert!(e.anchor.start <= e.range.start && e.range.end <= e.anchor.end);
                            let quote = &pieces[e.decision].0;
                            let found = crate::fold::fold_quote(&doc.text()[e.anchor.clone()], false).0;
                            prop_assert_eq!(&found, quote);
                        }
                        let r = redline(&doc, &forward).unwrap();
                        prop_assert_eq!(r.check(), Ok(()));
                    }
                    (Err(a), Err(b)) => prop_assert_eq!(a.len(), b.len()),
                    (a, b) => prop_assert!(false, "order changed the outcome: {:?} vs {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
    }
}
