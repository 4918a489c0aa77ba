//! Grapheme clusters, found fast: what a change may never split.
//!
//! A grapheme cluster (an emoji with its modifiers, a kanji with its variation selector, `e` +
//! combining accent) is one character to a reader. Plans are written in characters that always
//! stand alone, so the Unicode segmentation rules are asked only beside the others.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// Byte offsets where the grapheme clusters of `text` start.
pub fn grapheme_starts(text: &str) -> Vec<usize> {
    graphemes(text).into_iter().map(|(i, _)| i).collect()
}

/// The grapheme clusters of `text` with their offsets. Plans are written in characters that
/// always stand alone, and between two of them there is always a boundary: the Unicode
/// segmentation rules are asked only about the places next to another char (several times
/// faster than asking about every place).
pub(super) fn graphemes(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut chars = text.char_indices();
    let Some((_, first)) = chars.next() else { return out };
    let (mut start, mut prev_alone) = (0, stands_alone(first));
    for (i, c) in chars {
        let alone = stands_alone(c);
        if (alone && prev_alone) || is_grapheme_boundary(text, i) {
            out.push((start, &text[start..i]));
            start = i;
        }
        prev_alone = alone;
    }
    out.push((start, &text[start..]));
    out
}

/// Whether `at` (a char boundary of `text`) is a grapheme boundary, asking the Unicode rules
/// only when a char beside it does not stand alone.
pub(crate) fn quick_boundary(text: &str, at: usize) -> bool {
    let (before, after) = (text[..at].chars().next_back(), text[at..].chars().next());
    match (before, after) {
        (Some(a), Some(b)) if stands_alone(a) && stands_alone(b) => true,
        (None, _) | (_, None) => true,
        _ => is_grapheme_boundary(text, at),
    }
}

/// Whether `c` is a grapheme cluster of its own next to any other such char: ASCII, kana, kanji,
/// CJK, full-width and general punctuation, circled numbers, shapes (Grapheme_Cluster_Break
/// `Other`, `Control` or `LF`; no extenders, joiners, prepended marks, CR or Hangul).
fn stands_alone(c: char) -> bool {
    matches!(c,
        '\n' | '\t' | ' '..='~'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303f}' // CJK marks; 302A-302F extend
        | '\u{3041}'..='\u{3096}' | '\u{309b}'..='\u{30ff}' // kana; 3099-309A extend
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff5e}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{2460}'..='\u{24ff}' | '\u{25a0}'..='\u{25ff}')
}

/// The length of the grapheme cluster of `text` that ends at `at`.
pub(crate) fn text_before(text: &str, at: usize) -> usize {
    text[..at].graphemes(true).next_back().map_or(at, str::len)
}

/// The length of the grapheme cluster of `text` that starts at `at`.
pub(crate) fn text_after(text: &str, at: usize) -> usize {
    text[at..].graphemes(true).next().map_or(text.len() - at, str::len)
}

/// Whether `at` falls between two grapheme clusters of `text`.
pub fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true).is_boundary(text, 0).unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_said_to_stand_alone_do() {
        let alone: Vec<char> = (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| stands_alone(c)).collect();
        assert!(alone.len() > 28_000, "{}", alone.len());
        for c in alone {
            for t in [format!("a{c}"), format!("{c}a"), format!("{c}{c}"), format!("\n{c}"), format!("{c}\n")] {
                assert_eq!(t.graphemes(true).count(), 2, "{:?}", c);
            }
        }
        // Texts with other chars take the full segmentation.
        assert_eq!(grapheme_starts("か\u{3099}き"), [0, 6]);
        assert_eq!(graphemes("\r\n。").len(), 2);
    }
}
