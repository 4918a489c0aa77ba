//! The `json` format back to both texts: `old_document` is the old text, and its hunks, applied in
//! order, give the new; every offset and text is checked against the old text on the way.

use super::texts::{ParseKind, ParseProblem, Texts};
use crate::render::JsonRedline;

/// Both texts of a JSON redline.
pub(super) fn parse(s: &str) -> Result<Texts, ParseProblem> {
    let j: JsonRedline =
        serde_json::from_str(s).map_err(|e| ParseProblem::at_byte(0, ParseKind::NotJson { detail: e.to_string() }))?;
    let old = j.old_document;
    // Byte offset of every char, and of the end.
    let bytes: Vec<usize> = old.char_indices().map(|(b, _)| b).chain(std::iter::once(old.len())).collect();
    let mut new = String::with_capacity(old.len());
    let (mut o, mut n) = (0usize, 0usize);
    for (i, h) in j.hunks.iter().enumerate() {
        let bad = |kind| ParseProblem::at_byte(0, kind);
        let [os, oe] = h.old;
        if os < o || oe < os || oe >= bytes.len() {
            return Err(bad(ParseKind::OldRange { hunk: i }));
        }
        let equal = os - o;
        if h.new[0] != n + equal || h.new[1] != h.new[0] + h.new_text.chars().count() {
            return Err(bad(ParseKind::NewRange { hunk: i }));
        }
        if old[bytes[os]..bytes[oe]] != h.old_text {
            return Err(bad(ParseKind::OldText { hunk: i }));
        }
        new.push_str(&old[bytes[o]..bytes[os]]);
        new.push_str(&h.new_text);
        n = h.new[1];
        o = oe;
    }
    new.push_str(&old[bytes[o]..]);
    Ok(Texts { old, new })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_rebuild_the_new_text() {
        let json = r#"{"old_label":"a","new_label":"b","title":null,"deadline_hit":false,"old_document":"設置する",
          "hunks":[{"kind":"replace","old":[0,2],"new":[0,2],"old_text":"設置","new_text":"開催","old_page":1,
          "old_line":1,"new_page":1,"new_line":1,"decision":null,"edit":null,"move_id":null}],"decisions":[]}"#;
        assert_eq!(parse(json).unwrap().new, "開催する");
        let wrong = json.replace(r#""old_text":"設置""#, r#""old_text":"設定""#);
        assert_eq!(parse(&wrong).unwrap_err().kind, ParseKind::OldText { hunk: 0 });
    }
}
