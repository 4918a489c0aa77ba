//! The CI recipe of the README, working: a document repository keeps its draft and ledger under
//! version control and snapshots the redline, so that any change to the revised plan shows up as
//! a snapshot diff someone reviews (`cargo insta review`).

use akaji::render::{self, Format, RenderOptions};
use akaji::{Document, Ledger};
use std::fs;
use std::path::Path;

#[test]
fn the_revised_plan_is_reviewed_as_a_redline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/verify");
    let ledger = Ledger::from_toml(&fs::read_to_string(dir.join("ledger.toml")).unwrap()).unwrap();
    let draft = Document::new(&fs::read_to_string(dir.join("draft.txt")).unwrap(), &ledger.options.page_marker);
    let applied = akaji::apply(&draft, &ledger).unwrap();
    let mut out = Vec::new();
    render::render(&applied.redline(), Format::Critic, &RenderOptions::default(), &mut out).unwrap();
    insta::assert_snapshot!("plan_redline", String::from_utf8(out).unwrap());
}
