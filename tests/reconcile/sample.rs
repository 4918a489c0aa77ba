//! The ICT2023 answers that give no text (Nos. 1, 2, 33, 34), on the project's sample plan:
//! testdata/sample/ledger.toml with those four decisions' edits as the todos `akaji import`
//! writes for them, reconciled with the sample draft and its hand-made final.

use crate::util::testdata;
use akaji::reconcile::{reconcile, ReconcileOptions, Status};
use akaji::{Clue, Document, Edit, Ledger, Scope, Todo};
use std::fs;

/// The sample ledger as an import of the ICT2023 table leaves it: 1 (「P9に追記をいたします」),
/// 2 (「貴見のとおり修正いたします」, the request asking 「情報」→「情勢」), 33 (「URLを修正いたし
/// ます」, the request naming both files) and 34 (the new wording alone) as todos.
fn with_todos() -> Ledger {
    let mut ledger = Ledger::from_toml(&fs::read_to_string(testdata("sample/ledger.toml")).unwrap()).unwrap();
    for d in &mut ledger.decisions {
        let sentence = d.response.clone().unwrap_or_default();
        let (todo, page) = match d.id.as_str() {
            "1" => (Todo::note(format!("insert: the answer gives no text ({sentence})")), 9),
            "2" => (
                Todo::note(format!(
                    "replace: the answer gives no text ({sentence}); the request suggests 「情報」→「情勢」"
                )),
                7,
            ),
            "33" => (Todo::note(format!("replace: the answer gives no text ({sentence})")), 14),
            "34" => (
                Todo {
                    new: Some("とりまとめ骨子（案）について".into()),
                    ..Todo::note("replace: the answer gives only the new text")
                },
                13,
            ),
            _ => continue,
        };
        d.edits = vec![Edit::todo(todo).with_scope(Scope::pages(vec![page]))];
    }
    ledger
}

#[test]
fn the_answers_that_give_no_text_are_completed_from_the_final() {
    let ledger = with_todos();
    let marker = &ledger.options.page_marker;
    let draft = Document::new(&fs::read_to_string(testdata("sample/draft.txt")).unwrap(), marker);
    let published = fs::read_to_string(testdata("sample/final.txt")).unwrap();
    let final_doc = Document::new(&published, marker);
    let done = reconcile(&ledger, &draft, &final_doc, &ReconcileOptions::default());
    let status = |id: &str| done.report.decisions.iter().find(|d| d.id == id).map(|d| d.status);
    for id in ["1", "2", "33", "34"] {
        assert_eq!(status(id), Some(Status::Completed), "decision {id}: {:#?}", done.report.decisions);
    }
    for id in ["28", "29", "32", "39", "40"] {
        assert_eq!(status(id), Some(Status::Quoted), "decision {id}");
    }
    assert!(done.report.unexplained.is_empty(), "{:?}", done.report.unexplained);
    let clues = |id: &str| done.report.decisions.iter().find(|d| d.id == id).unwrap().edits[0].clues.clone();
    assert_eq!(clues("1"), [Clue::Page, Clue::Kind, Clue::OnlyChange]);
    assert_eq!(clues("2"), [Clue::RequestPair, Clue::Page]);
    assert_eq!(clues("33"), [Clue::Url, Clue::FileNames, Clue::Page]);
    assert_eq!(clues("34"), [Clue::NewText, Clue::RequestQuote, Clue::Page]);
    // The two figure sources of decision 2 (P7) are both its own.
    assert_eq!(done.report.decisions.iter().find(|d| d.id == "2").unwrap().edits[0].places.len(), 2);
    // The completed ledger makes the hand-made final, byte for byte.
    let made = akaji::apply_text(draft.text(), &done.ledger).expect("no todo is left");
    assert_eq!(made, published);
}
