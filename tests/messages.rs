//! Issue 10.10: clear messages for inputs and ledgers that used to give misleading ones.

use crate::util::akaji_in;
use akaji::{AnchorProblem, Document, Kind, Ledger, PageMarker, PageNo};
use std::fs;

fn apply_err(draft: &str, toml: &str) -> Vec<String> {
    let l = Ledger::from_toml(toml).unwrap();
    let d = Document::new(draft, &l.options.page_marker);
    akaji::apply(&d, &l).unwrap_err().iter().map(|p| p.to_string()).collect()
}

fn ledger_err(toml: &str) -> String {
    Ledger::from_toml(toml).unwrap_err().to_string()
}

const EDIT: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n";

/// A UTF-16 file was "not UTF-8 … iconv -f SHIFT_JIS".
#[test]
fn a_utf16_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> =
        [0xff, 0xfe].into_iter().chain("本部を設置する。\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    fs::write(dir.path().join("draft.txt"), utf16).unwrap();
    let ascii: Vec<u8> = "plain text\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
    fs::write(dir.path().join("be.txt"), ascii).unwrap();
    fs::write(dir.path().join("ledger.toml"), EDIT).unwrap();
    let run = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("draft.txt: is UTF-16 text (little-endian), not UTF-8"), "{}", run.stderr);
    assert!(!run.stderr.contains("SHIFT_JIS"), "{}", run.stderr);
    let run = akaji_in(dir.path(), &["apply", "be.txt", "ledger.toml"]);
    assert!(run.stderr.contains("is UTF-16 text (big-endian)"), "{}", run.stderr);
}

/// A JSON ledger with a byte order mark is read, as a TOML one is.
#[test]
fn a_json_ledger_with_a_byte_order_mark_is_read() {
    let l =
        Ledger::from_json("\u{feff}{\"decision\": [{\"id\": \"1\", \"edit\": [{\"old\": \"a\", \"new\": \"b\"}]}]}")
            .unwrap();
    assert_eq!(l.decisions[0].id, "1");
    assert!(Ledger::from_toml(&format!("\u{feff}{EDIT}")).is_ok());
}

/// Invisible characters in a near-miss are shown: the quote has a zero-width space the reader
/// cannot see.
#[test]
fn invisible_characters_in_a_near_miss_are_shown() {
    let m = apply_err(
        "本部を設置する。\n",
        "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設\\u200b置\"\nnew = \"開催\"\n",
    );
    assert!(m[0].contains("「設<U+200B>置」 is not in the draft"), "{}", m[0]);
    assert!(m[0].contains("the ledger has 「<U+200B>」 where the draft has 「置」"), "{}", m[0]);
}

/// A page marker that matches every line: every quote failed with "nothing like it was found".
#[test]
fn a_page_marker_matching_every_line_is_named() {
    let m = apply_err("本部を設置する。\n二行目\n", &format!("[options]\npage_marker = '^(.*)$'\n{EDIT}"));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("matches every line of the draft (2 lines)"), "{}", m[0]);
}

/// A page marker without a group numbered the pages silently from the last.
#[test]
fn a_page_marker_without_a_number_is_refused() {
    let e = ledger_err(&format!("[options]\npage_marker = '^-+$'\n{EDIT}"));
    assert!(e.contains("options.page_marker '^-+$' has no group for the page's number"), "{e}");
}

/// Two pages printed with one number: the second could not be addressed, silently.
#[test]
fn duplicate_page_numbers_are_named() {
    let draft = "本部を設置する。\n- 3 -\n装置を設置する。\n- 3 -\n";
    let l = Ledger::from_toml(&format!("{EDIT}page = 3\n")).unwrap();
    let p = akaji::apply(&Document::new(draft, &PageMarker::default()), &l).unwrap_err();
    assert!(
        matches!(&p[0].kind, Kind::Anchor(AnchorProblem::DuplicatePage { page: PageNo::Number(3), marker_lines }) if marker_lines == &vec![2, 4]),
        "{p:?}"
    );
    assert!(p[0].to_string().contains("page 3 appears 2 times in the draft (page markers on lines 2, 4)"), "{}", p[0]);
}

/// A `count` past the integer range was "invalid type: integer as i128", or was clamped and
/// reported as 9223372036854775807.
#[test]
fn counts_past_the_integer_range_are_named() {
    for count in ["99999999999999999999", "18446744073709551615", "9223372036854775808", "1e30"] {
        let e = ledger_err(&format!("{EDIT}count = {count}\n"));
        assert!(e.contains("is more than any draft can hold"), "{count}: {e}");
        let json = format!(
            "{{\"decision\": [{{\"id\": \"1\", \"edit\": [{{\"old\": \"a\", \"new\": \"b\", \"count\": {count}}}]}}]}}"
        );
        let e = Ledger::from_json(&json).unwrap_err().to_string();
        assert!(e.contains("is more than any draft can hold"), "{count}: {e}");
        assert!(!e.contains("at line 1 column"), "the place is said once: {e}");
    }
    assert!(ledger_err(&format!("{EDIT}count = 1.5\n")).contains("count must be a whole number"));
}
