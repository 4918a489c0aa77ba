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

/// Whether two neighbouring characters belong to one unit.
pub(crate) fn same_unit(a: char, b: char) -> bool {
    let s = class_of(a);
    s == class_of(b) && s != CharClass::Punct
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
    fn punctuation_never_joins() {
        assert!(!same_unit('、', '、'));
        assert!(same_unit('設', '置'));
        assert!(!same_unit('置', 'し'));
    }
}
