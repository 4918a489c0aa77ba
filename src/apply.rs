//! Apply: resolve every edit against the draft, then build the final in one pass.
//!
//! Every edit is resolved against the draft, never against the result of another edit, so the
//! order of decisions does not matter and the result is deterministic. Nothing outside the edited
//! spans changes, byte for byte: not a line ending, not a width, not a byte order mark (the final
//! is a [`Document`] that keeps the draft's, never added to a string to be stripped again).
//! Where each edit lands in the final is recorded once, when the final is built
//! ([`AppliedEdit::new`]); the redline, `akaji apply --format json` and verify all read it there.
//!
//! ```
//! use akaji::{Document, Ledger};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"32\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n").unwrap();
//! let draft = Document::new("\u{feff}分科会を設置し、\n", &ledger.options.page_marker);
//! let applied = akaji::apply(&draft, &ledger).unwrap();
//! assert_eq!(applied.final_doc.text(), "分科会を開催し、\n");
//! assert_eq!(applied.final_doc.bom(), "\u{feff}");
//! let e = &applied.edits[0];
//! assert_eq!((&draft.text()[e.old.clone()], &applied.final_doc.text()[e.new.clone()]), ("設置", "開催"));
//! ```

use crate::anchor::{resolve, AnchorProblem, Resolved};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Subject};
use crate::document::{Document, PageMarker};
use crate::ledger::{EditRef, Ledger};
use crate::promise;
use crate::redline::{Hunk, Redline};
use std::ops::Range;

/// One resolved edit as it stands in the draft and in the final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedEdit {
    /// The edit.
    pub edit: EditRef,
    /// The whole quote it matched in the draft (bytes).
    pub anchor: Range<usize>,
    /// The draft bytes that changed (empty for an insertion).
    pub old: Range<usize>,
    /// The final bytes that replace them (empty for a deletion).
    pub new: Range<usize>,
}

impl AppliedEdit {
    /// The edit as the promise check reads it.
    fn placed(&self) -> promise::Placed<'_> {
        promise::Placed { edit: self.edit, anchor: &self.anchor, old: &self.old, new: &self.new }
    }
}

/// The final text and how it was made.
#[derive(Debug, Clone)]
pub struct Applied<'a> {
    /// The draft the edits were resolved against.
    pub draft: &'a Document,
    /// The ledger they come from.
    pub ledger: &'a Ledger,
    /// The final: the draft with every edit put in, paginated by the ledger's page marker, with
    /// the draft's byte order mark (write [`Document::bom`] before its text).
    pub final_doc: Document,
    /// Every edit, in draft order, with its place in both texts.
    pub edits: Vec<AppliedEdit>,
}

impl Applied<'_> {
    /// The redline of draft and final: one hunk per edit, attributed to its decision. It
    /// borrows the draft, the final and the ledger's decisions.
    pub fn redline(&self) -> Redline<'_> {
        let hunks = self.edits.iter().map(|e| Hunk::new(e.old.clone(), e.new.clone()).attributed(e.edit)).collect();
        Redline::new(self.draft, &self.final_doc, hunks)
            .with_decisions(&self.ledger.decisions)
            .with_title(self.ledger.title.as_deref())
    }
}

/// Apply `ledger` to `draft`, or return every problem found. Before the final is given, every
/// edit's promised text is checked to stand in it (the promise invariant):
/// a failure is reported as a bug, never returned as a final.
pub fn apply<'a>(draft: &'a Document, ledger: &'a Ledger) -> Result<Applied<'a>, Diagnostics> {
    let resolution = resolve(draft, ledger);
    if !resolution.problems.is_empty() {
        return Err(Diagnostics(resolution.problems));
    }
    let Built { final_doc, edits } = build(draft, &resolution.edits, &ledger.options.page_marker);
    // The resolved edits are in the final now: free them before the promise check.
    drop(resolution);
    checked(Applied { draft, ledger, final_doc, edits })
}

/// `applied` when it can be written as it is: every edit's promise stands in the final (the
/// promise invariant), and the final does not open with a U+FEFF that a reader would take for
/// a byte order mark.
fn checked(applied: Applied<'_>) -> Result<Applied<'_>, Diagnostics> {
    let Applied { draft, ledger, final_doc, edits } = &applied;
    let mut problems = promise::check(draft, final_doc, ledger, edits.iter().map(AppliedEdit::placed));
    if final_doc.bom().is_empty() && final_doc.text().starts_with('\u{feff}') {
        if let Some(e) = edits.iter().find(|e| e.new.start == 0) {
            let place = Box::new(final_doc.place(0..'\u{feff}'.len_utf8()));
            problems.push(Diagnostic::about(
                Subject::of_edit(ledger, e.edit),
                AnchorProblem::OpensWithByteOrderMark { place },
            ));
        }
    }
    if problems.is_empty() {
        Ok(applied)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Apply every complete edit of `ledger` to `draft`, leaving its todos out (`--partial`): the
/// final so far and the todos left, in ledger order; any other problem is returned as [`apply`]
/// returns it.
///
/// ```
/// use akaji::{Document, Ledger};
/// let ledger = Ledger::from_toml("[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n\
///     [[decision]]\nid = \"2\"\n[[decision.edit]]\ntodo = \"P1に追記\"\n").unwrap();
/// let draft = Document::new("分科会を設置し、\n", &ledger.options.page_marker);
/// assert!(akaji::apply(&draft, &ledger).is_err());
/// let (applied, todos) = akaji::apply_partial(&draft, &ledger).unwrap();
/// assert_eq!((applied.final_doc.text(), todos.len()), ("分科会を開催し、\n", 1));
/// ```
pub fn apply_partial<'a>(draft: &'a Document, ledger: &'a Ledger) -> Result<(Applied<'a>, Vec<EditRef>), Diagnostics> {
    let mut resolution = resolve(draft, ledger);
    let mut todos = Vec::new();
    resolution.problems.retain(|p| match (&p.kind, p.subject.as_deref()) {
        (Kind::Anchor(AnchorProblem::Todo { .. }), Some(s)) => {
            todos.push(EditRef { decision: s.decision, edit: s.edit.unwrap_or(0) });
            false
        }
        _ => true,
    });
    if !resolution.problems.is_empty() {
        return Err(Diagnostics(resolution.problems));
    }
    let Built { final_doc, edits } = build(draft, &resolution.edits, &ledger.options.page_marker);
    drop(resolution);
    Ok((checked(Applied { draft, ledger, final_doc, edits })?, todos))
}

/// Apply `ledger` to a draft given as text (paginated by the ledger's page marker): the final
/// text, with the draft's byte order mark if it had one.
pub fn apply_text(draft: &str, ledger: &Ledger) -> Result<String, Diagnostics> {
    let draft = Document::new(draft, &ledger.options.page_marker);
    let applied = apply(&draft, ledger)?;
    Ok(format!("{}{}", applied.final_doc.bom(), applied.final_doc.text()))
}

/// A final and where each edit stands in it.
pub(crate) struct Built {
    /// The final.
    pub final_doc: Document,
    /// The edits, in draft order, with their final ranges.
    pub edits: Vec<AppliedEdit>,
}

/// The final: the draft with every resolved edit (sorted, not overlapping) put in, in one pass,
/// and where each lands.
pub(crate) fn build(draft: &Document, resolved: &[Resolved], marker: &PageMarker) -> Built {
    let text = draft.text();
    let grow: usize = resolved.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + grow);
    let mut edits = Vec::with_capacity(resolved.len());
    let mut at = 0;
    for e in resolved {
        out.push_str(&text[at..e.old.start]);
        let start = out.len();
        out.push_str(&e.replacement);
        edits.push(AppliedEdit { edit: e.edit, anchor: e.anchor.clone(), old: e.old.clone(), new: start..out.len() });
        at = e.old.end;
    }
    out.push_str(&text[at..]);
    let final_doc = Document::revised(out, draft.has_bom(), marker, draft, &edits, |e| (&e.old, &e.new));
    Built { final_doc, edits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::AnchorProblem;
    use crate::diagnostic::{Diagnostic, Kind};
    use crate::document::PageNo;

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

    fn run(edits: &str) -> Result<String, Diagnostics> {
        apply_text(DRAFT, &ledger(edits))
    }

    fn kinds(p: &[Diagnostic]) -> Vec<&AnchorProblem> {
        p.iter()
            .map(|p| match &p.kind {
                Kind::Anchor(a) => a,
                other => panic!("{other:?}"),
            })
            .collect()
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
            [AnchorProblem::CountMismatch { places, expected, .. }] => {
                assert_eq!(expected.to_string(), "1");
                let at: Vec<(PageNo, usize)> = places.iter().map(|p| (p.page, p.line)).collect();
                assert_eq!(at, vec![(PageNo::Number(4), 1), (PageNo::Number(4), 2)]);
            }
            _ => panic!("{p:?}"),
        }
    }

    #[test]
    fn a_missing_page_says_how_many_there_are() {
        let p = run("[[decision]]\nid=\"9\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npage=9\n").unwrap_err();
        assert!(
            matches!(kinds(&p)[..], [AnchorProblem::NoSuchPage { page: PageNo::Number(9), pages }] if pages == &vec![PageNo::Number(4), PageNo::Number(5)]),
            "{p:?}"
        );
        let p =
            run("[[decision]]\nid=\"9\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npage=4\nline=3\n").unwrap_err();
        assert!(
            matches!(kinds(&p)[..], [AnchorProblem::NoSuchLine { page: PageNo::Number(4), line: 3, lines: 2, .. }]),
            "{p:?}"
        );
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
            [AnchorProblem::NoMatch { elsewhere, .. }] => {
                assert_eq!((elsewhere[0].page, elsewhere[0].line), (PageNo::Number(5), 1))
            }
            _ => panic!("{p:?}"),
        }
    }

    #[test]
    fn conflicts_name_both_decisions() {
        let p = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nold=\"分科会を設置\"\nnew=\"分科会を開催\"\n\
                     [[decision]]\nid=\"2\"\n[[decision.edit]]\nold=\"設置し\"\nnew=\"設けて\"\n")
        .unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(matches!(kinds(&p)[..], [AnchorProblem::Conflict { other_id, .. }] if other_id == "1"), "{p:?}");
        assert_eq!(p[0].subject.as_ref().map(|s| s.id.as_str()), Some("2"));
    }

    #[test]
    fn two_insertions_at_one_point_conflict() {
        let p = run("[[decision]]\nid=\"1\"\n[[decision.edit]]\nafter=\"ものである。\"\nnew=\"甲\"\n\
                     [[decision]]\nid=\"2\"\n[[decision.edit]]\nbefore=\"装置\"\nnew=\"乙\"\n")
        .unwrap_err();
        assert!(matches!(kinds(&p)[..], [AnchorProblem::Conflict { .. }]), "{p:?}");
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
        let out = apply_text(&crlf, &l).unwrap();
        assert_eq!(out, crlf.replace("EDSA認証を", "EDSA認証等を"));
    }

    #[test]
    fn applied_edits_know_their_place_in_both_texts() {
        let l = ledger("[[decision]]\nid=\"28\"\n[[decision.edit]]\nold=\"検討\"\nnew=\"審議等\"\n[[decision.edit]]\nold=\"装置\"\nnew=\"機器\"\n");
        let draft = Document::new(DRAFT, &l.options.page_marker);
        let applied = apply(&draft, &l).unwrap();
        let texts: Vec<(&str, &str)> = applied
            .edits
            .iter()
            .map(|e| (&draft.text()[e.old.clone()], &applied.final_doc.text()[e.new.clone()]))
            .collect();
        assert_eq!(texts, [("検討", "審議等"), ("装置", "機器")]);
        let at = draft.position(applied.edits[1].old.start);
        assert_eq!((at.page, at.line, applied.edits[1].edit.edit), (PageNo::Number(4), 2, 1));
    }

    #[test]
    fn redline_hunks_are_minimal_and_attributed() {
        let l = ledger("[[decision]]\nid=\"28\"\n[[decision.edit]]\nold=\"分科会を設置し\"\nnew=\"分科会を開催し\"\n");
        let draft = Document::new(DRAFT, &l.options.page_marker);
        let applied = apply(&draft, &l).unwrap();
        let r = applied.redline();
        r.check().unwrap();
        assert_eq!(r.hunks.len(), 1);
        assert_eq!((r.old_text(&r.hunks[0]), r.new_text(&r.hunks[0])), ("設置", "開催"));
        assert_eq!(r.decision(&r.hunks[0]).map(|d| d.id.as_str()), Some("28"));
    }

    #[test]
    fn per_page_counts_each_page() {
        let per_page = |count: &str| {
            run(&format!("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設\"\nnew=\"開\"\npages=[4, 5]\ncount={count}\nper_page=true\n"))
        };
        // 設 stands twice on page 4 (設置し, 設置する) and not at all on page 5.
        let p = per_page("\"all\"").unwrap_err();
        assert!(
            matches!(kinds(&p)[..], [AnchorProblem::CountMismatch { page: Some(PageNo::Number(5)), found: 0, .. }]),
            "{p:?}"
        );
        assert!(p[0].to_string().contains("matches 0 place(s) on page 5, but count is all on each page"), "{}", p[0]);
        let p = run("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npages=[4]\ncount=1\nper_page=true\n").unwrap_err();
        assert!(
            matches!(kinds(&p)[..], [AnchorProblem::CountMismatch { page: Some(PageNo::Number(4)), found: 2, .. }]),
            "{p:?}"
        );
        let both = run("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"る\"\nnew=\"る。\"\npages=[4, 5]\ncount=\"all\"\nper_page=true\n");
        assert!(both.is_ok(), "る stands on both pages: {both:?}");
        let total =
            run("[[decision]]\nid=\"32\"\n[[decision.edit]]\nold=\"設置\"\nnew=\"開催\"\npages=[4, 5]\ncount=2\n");
        assert!(total.is_ok(), "without per_page the count is of all pages together: {total:?}");
    }

    mod properties {
        use super::super::*;
        use crate::ledger::{Count, Decision, Edit, Side};
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
                    let e = if after { Edit::insert(Side::After, old, new) } else { Edit::replace(old, new) };
                    let e = e.expect("the strategy gives edits that make sense").with_count(Count::All);
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
                let doc = Document::new(&draft, &forward.options.page_marker);
                match (apply(&doc, &forward), apply(&doc, &reversed)) {
                    (Ok(a), Ok(b)) => {
                        prop_assert_eq!(a.final_doc.text(), b.final_doc.text());
                        for e in &a.edits {
                            // The change lies inside the anchor, and the anchor is the quote.
                            prop_assert!(e.anchor.start <= e.old.start && e.old.end <= e.anchor.end);
                            let quote = &pieces[e.edit.decision.0].0;
                            let found = crate::fold::fold_text(&doc.text()[e.anchor.clone()], false);
                            prop_assert_eq!(&found, quote);
                        }
                        prop_assert_eq!(a.redline().check(), Ok(()));
                    }
                    (Err(a), Err(b)) => prop_assert_eq!(a.len(), b.len()),
                    (a, b) => prop_assert!(false, "order changed the outcome: {:?} vs {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
    }
}

#[cfg(test)]
mod promise_tests {
    use super::*;
    use crate::anchor::Resolved;
    use crate::ledger::{DecisionIx, EditRef};
    use crate::promise::check;

    fn ledger() -> Ledger {
        Ledger::from_toml(
            "[[decision]]\nid = \"B\"\n[[decision.edit]]\nold = \"甲、乙\"\nnew = \"丙、乙\"\n\
             [[decision]]\nid = \"A\"\n[[decision.edit]]\nold = \"乙\"\nnew = \"丁\"\n",
        )
        .unwrap()
    }

    fn resolved(decision: usize, anchor: Range<usize>, old: Range<usize>, new: &str) -> Resolved {
        Resolved { edit: EditRef { decision: DecisionIx(decision), edit: 0 }, anchor, old, replacement: new.into() }
    }

    #[test]
    fn a_change_inside_another_quote_breaks_its_promise() {
        // Two resolved edits that the conflict check would refuse, built anyway: B's promise
        // 「丙、乙」 does not stand in 「丙、丁」.
        let l = ledger();
        let draft = Document::new("甲、乙\n", &l.options.page_marker);
        let edits = [resolved(0, 0..9, 0..3, "丙"), resolved(1, 6..9, 6..9, "丁")];
        let built = build(&draft, &edits, &l.options.page_marker);
        assert_eq!(built.final_doc.text(), "丙、丁\n");
        let broken = check(&draft, &built.final_doc, &l, built.edits.iter().map(AppliedEdit::placed));
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert_eq!(broken[0].subject.as_ref().map(|s| s.id.as_str()), Some("B"));
        let text = broken[0].to_string();
        assert!(text.contains("this is a bug in akaji") && text.contains("「丙、乙」"), "{text}");
        // Each alone keeps its promise.
        for one in &edits {
            let built = build(&draft, std::slice::from_ref(one), &l.options.page_marker);
            assert!(check(&draft, &built.final_doc, &l, built.edits.iter().map(AppliedEdit::placed)).is_empty());
        }
    }

    #[test]
    fn a_replacement_that_does_not_make_new_is_caught() {
        // A wrong replacement text (as a faulty trim would give): the final does not read 「丁」.
        let l = ledger();
        let draft = Document::new("甲、乙\n", &l.options.page_marker);
        let built = build(&draft, &[resolved(1, 6..9, 6..9, "戊")], &l.options.page_marker);
        assert_eq!(check(&draft, &built.final_doc, &l, built.edits.iter().map(AppliedEdit::placed)).len(), 1);
    }
}
