//! The fold itself: one character to the one a person types (see the module docs of `unified`).

/// The unified ideograph a radical or CJK stroke stands for; any other character unchanged.
pub(crate) fn unified(c: char) -> char {
    // The table's two blocks only (radicals; strokes): kana and Japanese punctuation between
    // them are most of a document, and a search per character cost 12% of `akaji diff`.
    if !matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{31C0}'..='\u{31EF}') {
        return c;
    }
    match super::table::EQUIVALENT.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => super::table::EQUIVALENT[i].1,
        Err(_) => c,
    }
}

/// One character for each pair that extractors and converters confuse (see the module docs).
pub(crate) fn confusable(c: char) -> char {
    match c {
        '〜' => '～',
        '−' => '－',
        '—' => '―',
        '∥' => '‖',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table;
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn radicals_become_ideographs() {
        assert_eq!(unified('⾏'), '行');
        assert_eq!(unified('⺠'), '民');
        assert_eq!(unified('⻑'), '長');
        assert_eq!(unified('行'), '行');
    }

    #[test]
    fn the_table_is_sorted_and_maps_to_ideographs() {
        assert!(table::EQUIVALENT.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::EQUIVALENT.iter().all(|&(_, to)| ('\u{3400}'..='\u{3FFFF}').contains(&to)));
        assert_eq!(table::EQUIVALENT.len(), 348);
        // `unified` looks only in these two blocks.
        let blocks = |c: char| matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{31C0}'..='\u{31EF}');
        assert!(table::EQUIVALENT.iter().all(|&(from, _)| blocks(from)));
        assert_eq!(unified('\u{31E1}'), table::EQUIVALENT[347].1);
    }

    #[test]
    fn the_kangxi_block_agrees_with_nfkc_and_the_supplement_goes_beyond_it() {
        for c in '\u{2F00}'..='\u{2FD5}' {
            assert_eq!(c.to_string().nfkc().collect::<String>(), unified(c).to_string(), "{c}");
        }
        // ⺠ and ⻑ have no compatibility decomposition: NFKC leaves them alone.
        assert_eq!("⺠⻑".nfkc().collect::<String>(), "⺠⻑");
        assert_eq!(unified('⺠'), '民');
        // U+2E80 and U+2E9A have no equivalent (the first is unmapped, the second unassigned).
        assert_eq!(unified('\u{2E80}'), '\u{2E80}');
        assert_eq!(unified('\u{2E9A}'), '\u{2E9A}');
    }

    #[test]
    fn confusions_fold_to_one_and_nothing_else_moves() {
        for (a, b) in [('〜', '～'), ('−', '－'), ('—', '―'), ('∥', '‖')] {
            assert_eq!(confusable(a), confusable(b));
        }
        assert_eq!(confusable('-'), '-');
        assert_eq!(confusable('ー'), 'ー');
    }
}
