//! The CI recipe of the README, working: a document repository keeps its draft and ledger under
//! version control and snapshots the redline, so that any change to the revised plan shows up as
//! a snapshot diff someone reviews (`cargo insta review`).

use akaji::document::Document;
use akaji::render::{self, Format, RenderOptions};
use akaji::{apply, files};
use std::path::Path;

#[test]
fn the_revised_plan_is_reviewed_as_a_redline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/verify");
    let ledger = files::load_ledger(&dir.join("ledger.toml")).unwrap();
    let draft: Document = files::load_document(&dir.join("draft.txt"), &ledger.options).unwrap();
    let redline = apply::redline(&draft, &ledger).unwrap();
    let mut out = Vec::new();
    render::render(&redline, Format::Critic, &RenderOptions::default(), &mut out).unwrap();
    insta::assert_snapshot!("plan_redline", String::from_utf8(out).unwrap());
}
