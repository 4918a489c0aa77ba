//! Fingerprints: a short hash of what an edit says, so that a lock written for one ledger is not
//! trusted for another.
//!
//! A fingerprint is FNV-1a (64 bits) of the edit's keys in a fixed order, written as
//! `fnv1a64:` and 16 hex digits. It detects an edit changed since the lock was written (a quote,
//! the new text, a page, a count); it is no defence against a lock forged on purpose, which is
//! not what a lock is for (the ledger and the lock sit side by side in one repository). A
//! cryptographic hash (the `sha2` crate) would add a dependency for a property not needed here.

use crate::ledger::{Action, Count, Edit, Ledger, PageScope, Side};

/// FNV-1a over `parts`, each followed by a separator byte no text holds.
fn fnv1a64<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn written(h: u64) -> String {
    format!("fnv1a64:{h:016x}")
}

/// The fingerprint of one edit, with the folding its quote is matched under (`match_width`).
///
/// ```
/// use akaji::Edit;
/// use akaji::lock::edit_fingerprint;
/// let a = edit_fingerprint(&Edit::replace("設置", "開催").unwrap(), false);
/// assert_eq!(a, edit_fingerprint(&Edit::replace("設置", "開催").unwrap(), false));
/// assert_ne!(a, edit_fingerprint(&Edit::replace("設置", "開設").unwrap(), false));
/// assert!(a.starts_with("fnv1a64:") && a.len() == 24);
/// ```
pub fn edit_fingerprint(edit: &Edit, match_width: bool) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(10);
    match edit.action() {
        Action::Replace { old, new } => parts.extend(["replace".into(), old.clone(), new.clone()]),
        Action::Insert { anchor, side, new } => {
            let side = match side {
                Side::After => "after",
                Side::Before => "before",
            };
            parts.extend(["insert".into(), side.into(), anchor.clone(), new.clone()]);
        }
        Action::Todo(t) => {
            parts.extend(["todo".into(), t.note.clone()]);
            for v in [&t.old, &t.after, &t.before, &t.new] {
                parts.push(v.clone().unwrap_or_default());
            }
        }
    }
    let scope = edit.scope();
    match &scope.pages {
        PageScope::Anywhere => parts.push("anywhere".into()),
        PageScope::Pages { pages, per_page } => {
            parts.push(format!("pages {pages:?} per_page {per_page}"));
        }
        PageScope::Line { page, line } => parts.push(format!("page {page} line {line}")),
    }
    parts.push(scope.prefix.clone().unwrap_or_default());
    parts.push(scope.suffix.clone().unwrap_or_default());
    parts.push(match edit.count() {
        Count::Exactly(n) => n.to_string(),
        Count::All => "all".into(),
    });
    parts.push(match_width.to_string());
    written(fnv1a64(parts.iter().map(String::as_str)))
}

/// The fingerprint of a whole ledger's edits: every decision's id and its edits' fingerprints,
/// in order, with the page marker (which numbers the pages the scopes name).
pub fn ledger_fingerprint(ledger: &Ledger) -> String {
    let width = ledger.options.match_width;
    let mut parts: Vec<String> = vec![ledger.options.page_marker.pattern().to_owned()];
    for d in &ledger.decisions {
        parts.push(d.id.clone());
        parts.extend(d.edits.iter().map(|e| edit_fingerprint(e, width)));
    }
    written(fnv1a64(parts.iter().map(String::as_str)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Scope;

    #[test]
    fn every_key_counts() {
        let base = Edit::replace("設置", "開催").unwrap();
        let f = edit_fingerprint(&base, false);
        let others = [
            base.clone().with_scope(Scope::pages(vec![4])),
            base.clone().with_count(Count::All),
            base.clone().with_scope(Scope { prefix: Some("会を".into()), ..Scope::default() }),
            Edit::insert(Side::After, "設置", "開催").unwrap(),
        ];
        for o in &others {
            assert_ne!(edit_fingerprint(o, false), f, "{o:?}");
        }
        assert_ne!(edit_fingerprint(&base, true), f);
    }

    #[test]
    fn fnv_is_the_published_function() {
        // FNV-1a of "a" is 0xaf63dc4c8601ec8c; each part here ends with 0xff.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        h ^= u64::from(b'a');
        h = h.wrapping_mul(0x0100_0000_01b3);
        assert_eq!(h, 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a64(["a"]), fnv1a64(["a", ""]));
    }
}
