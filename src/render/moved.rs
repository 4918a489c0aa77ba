//! What the renderers share about a move edited on the way: the label of its inner changes.
//!
//! Formats that cannot nest a change inside a change (CriticMarkup, a terminal without colour,
//! the 備考 of a 新旧対照表) name the inner changes beside the move's tag, in order:
//! `強化→拡充` for a replacement, `+着実に` for an insertion, `-一層` for a deletion, line
//! breaks shown as `⏎`; line breaks placed differently (layout) are not named. html and docx
//! mark them in place as well.

use crate::redline::{Hunk, Redline};

/// `move N`, and for a move edited on the way `move N (強化→拡充, +着実に)`.
pub(crate) fn move_label(redline: &Redline, h: &Hunk, m: usize) -> String {
    match inner_label(redline, h) {
        Some(inner) => format!("move {m} ({inner})"),
        None => format!("move {m}"),
    }
}

/// The inner changes of a move's end, as `強化→拡充, +着実に` (None when it has none).
pub(crate) fn inner_label(redline: &Redline, h: &Hunk) -> Option<String> {
    if h.inner_changes.iter().all(|c| c.layout) {
        return None;
    }
    let (old, new) = (redline.old.text(), redline.new.text());
    let shown = |s: &str| s.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎");
    let items: Vec<String> = h
        .inner_changes
        .iter()
        .filter(|c| !c.layout)
        .map(|c| match (shown(&old[c.old.clone()]), shown(&new[c.new.clone()])) {
            (o, n) if o.is_empty() => format!("+{n}"),
            (o, n) if n.is_empty() => format!("-{o}"),
            (o, n) => format!("{o}→{n}"),
        })
        .collect();
    Some(items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::{HunkKind, InnerChange};

    #[test]
    fn replacements_insertions_and_deletions_are_named_in_order() {
        let (old, new) = ("強化を図る一層。\nX", "X拡充を着実に図る。\n");
        let mut h = Hunk::new(0..old.find('X').unwrap(), 0..0);
        (h.kind, h.move_id) = (HunkKind::Move, Some(0));
        let (a, b) = (old.find("図る").unwrap(), new.find("図る").unwrap());
        let (c, d) = (old.find("一層").unwrap(), new.find('。').unwrap());
        h.inner_changes = vec![
            InnerChange { old: 0..6, new: 1..7, layout: false },
            InnerChange { old: a..a, new: b - 9..b, layout: false },
            InnerChange { old: c..c + 6, new: d..d, layout: false },
        ];
        let r = Redline::from_texts(old, new, vec![]);
        assert_eq!(inner_label(&r, &h).as_deref(), Some("強化→拡充, +着実に, -一層"));
        h.inner_changes.clear();
        assert_eq!(inner_label(&r, &h), None);
    }
}
