//! Whole characters: a match, and the part of it an edit changes, never cut a character that a
//! reader sees as one.
//!
//! Two ways a byte offset can fall inside one: with `match_width`, a draft character whose NFKC
//! form is several characters (㈱ reads (株), ㍿ 株式会社, ﬁ fi) is one run of the folded text,
//! and a quote matching part of it would edit all of it (`old = "i"` on 「ﬁle」 would give
//! 「Ile」); and a grapheme cluster (a letter with its combining marks, an emoji sequence joined
//! by U+200D, a flag) is several code points that a reader sees as one character (「cafe」 on
//! 「café」 written with U+0301 would leave the accent on the new text). Such a match is no
//! match (the message says why), and a changed part is widened to whole characters.

use crate::fold::Folded;
use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};

/// Whether folded offset `f` lies between two whole characters of the draft: not inside a
/// character that folded to several, and not inside a grapheme cluster (at the draft offsets
/// where the folded character before `f` ends and the one at `f` starts).
pub(super) fn between_characters(draft: &str, folded: &Folded, f: usize) -> bool {
    !folded.splits_char(f) && cluster_boundary(draft, folded.doc_end(f)) && cluster_boundary(draft, folded.doc_start(f))
}

/// Whether a character never joins its neighbour into one grapheme cluster: printable ASCII,
/// Latin letters without combining marks, and the CJK, kana and full-width forms of Japanese
/// text (less the combining kana voicing marks U+3099–309A, the ideographic tone marks
/// U+302A–302F and the half-width voicing marks U+FF9E–FF9F). Between two of these there is
/// always a boundary, which saves the cursor's work for almost every match in a Japanese draft.
fn stands_alone(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{2ff}' | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{3098}' | '\u{309b}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff01}'..='\u{ff9d}')
}

/// Whether byte `at` of `text` is a grapheme cluster boundary.
fn cluster_boundary(text: &str, at: usize) -> bool {
    if at == 0 || at >= text.len() {
        return true;
    }
    let (before, after) = (text[..at].chars().next_back(), text[at..].chars().next());
    if before.is_some_and(stands_alone) && after.is_some_and(stands_alone) {
        return true;
    }
    // The cursor looks at the characters around `at`: a window of the text is enough, and more
    // context before it is given when asked (a run of regional indicators, say).
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (from, mut to) = (floor(at.saturating_sub(64)), (at + 64).min(text.len()));
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    for _ in 0..64 {
        match cursor.is_boundary(&text[from..to], from) {
            Ok(boundary) => return boundary,
            Err(GraphemeIncomplete::PreContext(end)) => {
                let start = floor(end.saturating_sub(64));
                cursor.provide_context(&text[start..end], start);
            }
            Err(_) => return true,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, PageMarker};

    fn folded(s: &str, width: bool) -> (Document, Folded) {
        let d = Document::new(s, &PageMarker::default());
        let f = Folded::new(&d, width);
        (d, f)
    }

    #[test]
    fn an_expanded_character_is_whole_only_at_its_ends() {
        let (d, f) = folded("ﬁle", true);
        assert_eq!(f.text(), "file");
        assert!(between_characters(d.text(), &f, 0) && between_characters(d.text(), &f, 2));
        assert!(!between_characters(d.text(), &f, 1), "between the f and the i of ﬁ");
    }

    #[test]
    fn characters_that_stand_alone_never_join_a_cluster() {
        // The fast path agrees with the full rules for every such character, on either side.
        let all = (0u32..0x1_0000).filter_map(char::from_u32).filter(|&c| stands_alone(c));
        for c in all {
            for (a, b) in [('a', c), (c, 'a'), ('あ', c), (c, 'あ'), (c, c)] {
                let s = format!("{a}{b}");
                let mut cursor = GraphemeCursor::new(a.len_utf8(), s.len(), true);
                assert_eq!(cursor.is_boundary(&s, 0), Ok(true), "U+{:04X} U+{:04X}", a as u32, b as u32);
            }
        }
    }

    #[test]
    fn combining_marks_and_joined_emoji_are_one_character() {
        let (d, f) = folded("cafe\u{301}s", false);
        assert!(!between_characters(d.text(), &f, 4), "before the accent");
        assert!(between_characters(d.text(), &f, 6), "after it");
        let family = "👨\u{200d}👩\u{200d}👧";
        let (d, f) = folded(family, false);
        assert!(!between_characters(d.text(), &f, 4));
        assert!(between_characters(d.text(), &f, family.len()));
    }
}
