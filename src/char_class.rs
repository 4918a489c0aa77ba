//! Character classes: which kind of character a reader of Japanese sees, and so which
//! characters form one unit.
//!
//! Japanese has no spaces between words, so the units a reader sees are runs of one class of
//! character: kanji (設置), hiragana (あたって), katakana (クラウド), Latin letters and digits
//! (SaaS, 2023). These are not Unicode's script property (which puts ー and 々 in no script, and
//! full-width Ｐ with Latin only by accident): the classes are the reader's. The diff engine
//! tokenizes by these runs and the anchoring widens a change to them, so 「あたって」→「当たって」
//! reads as one replacement rather than 「[あ→当]たって」 (tests below).

/// A class of characters that form one unit when they stand together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CharClass {
    /// Kanji, with 々 〆 ヶ.
    Kanji,
    /// Hiragana.
    Hiragana,
    /// Katakana (full- and half-width), with the long vowel mark ー.
    Katakana,
    /// Latin letters and digits, half- or full-width, and other alphabets.
    Latin,
    /// White space, line breaks included.
    Space,
    /// Punctuation and symbols: each stands alone.
    Punct,
}

/// The class of one character.
pub(crate) fn class_of(c: char) -> CharClass {
    match c {
        // The common cases first, without the Unicode tables (a tenth of a diff's time went to
        // `is_alphanumeric` on CJK punctuation).
        'a'..='z' | 'A'..='Z' | '0'..='9' => CharClass::Latin,
        ' ' | '\t' | '\n' | '\r' | '\u{3000}' => CharClass::Space,
        '\0'..='\u{7f}' if !c.is_whitespace() => CharClass::Punct,
        '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}' => CharClass::Punct,
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => CharClass::Latin,
        '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' => {
            CharClass::Punct
        }
        '々' | '〆' | 'ヶ' | '〇' => CharClass::Kanji,
        '\u{3041}'..='\u{309f}' => CharClass::Hiragana,
        '\u{30a0}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => CharClass::Katakana,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}' => {
            CharClass::Kanji
        }
        c if c.is_whitespace() => CharClass::Space,
        c if c.is_alphanumeric() => CharClass::Latin,
        _ => CharClass::Punct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_classes() {
        assert_eq!(class_of('設'), CharClass::Kanji);
        assert_eq!(class_of('ー'), CharClass::Katakana);
        assert_eq!(class_of('Ｐ'), CharClass::Latin);
    }

    #[test]
    fn classes() {
        assert_eq!(class_of('あ'), CharClass::Hiragana);
        assert_eq!(class_of('ク'), CharClass::Katakana);
        assert_eq!(class_of('ｶ'), CharClass::Katakana);
        assert_eq!(class_of('々'), CharClass::Kanji);
        assert_eq!(class_of('a'), CharClass::Latin);
        assert_eq!(class_of('１'), CharClass::Latin);
        assert_eq!(class_of('\u{3000}'), CharClass::Space);
        assert_eq!(class_of('。'), CharClass::Punct);
        assert_eq!(class_of('（'), CharClass::Punct);
    }

    #[test]
    fn the_quick_cases_agree_with_the_tables() {
        // What the fast arms answer is what the general rules would.
        let general = |c: char| {
            if c.is_whitespace() {
                CharClass::Space
            } else if c.is_alphanumeric() {
                CharClass::Latin
            } else {
                CharClass::Punct
            }
        };
        for c in ('\0'..='\u{7f}').chain('\u{3000}'..='\u{301f}').chain('\u{ff01}'..='\u{ff65}') {
            if !matches!(c, '々' | '〆' | '〇') {
                assert_eq!(class_of(c), general(c), "{c:?}");
            }
        }
    }

    #[test]
    fn kanji_and_kana_differ() {
        assert_eq!(class_of('設'), class_of('置'));
        assert_ne!(class_of('置'), class_of('し'));
    }
}
