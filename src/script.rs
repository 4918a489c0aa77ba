//! Which script a character belongs to, as a reader of Japanese sees units.
//!
//! Japanese has no spaces between words, so the units a reader sees are runs of one script:
//! kanji (設置), hiragana (あたって), katakana (クラウド), Latin letters and digits (SaaS, 2023).
//! The word units of [`crate::words`], which the diff compares and `apply` widens a change to,
//! start from these classes, so 「あたって」→「当たって」 reads as one replacement rather than
//! 「[あ→当]たって」.
//!
//! ```
//! use akaji::script::{script_of, Script};
//! assert_eq!(script_of('設'), Script::Kanji);
//! assert_eq!(script_of('ー'), Script::Katakana);
//! assert_eq!(script_of('Ｐ'), Script::Latin);
//! ```

/// A class of characters that form one unit when they stand together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
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

/// The script of one character.
pub fn script_of(c: char) -> Script {
    match c {
        // The common cases first, without the Unicode tables.
        'a'..='z' | 'A'..='Z' | '0'..='9' => Script::Latin,
        ' ' | '\t' | '\n' | '\r' | '\u{3000}' => Script::Space,
        '\0'..='\u{7f}' if !c.is_whitespace() => Script::Punct,
        '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}' => Script::Punct,
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => Script::Latin,
        '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' => {
            Script::Punct
        }
        '々' | '〆' | 'ヶ' | '〇' => Script::Kanji,
        '\u{3041}'..='\u{309f}' => Script::Hiragana,
        '\u{30a0}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => Script::Katakana,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}' => {
            Script::Kanji
        }
        c if c.is_whitespace() => Script::Space,
        c if c.is_alphanumeric() => Script::Latin,
        _ => Script::Punct,
    }
}

/// Whether two neighbouring characters belong to one unit.
pub fn same_unit(a: char, b: char) -> bool {
    let s = script_of(a);
    s == script_of(b) && s != Script::Punct
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(script_of('あ'), Script::Hiragana);
        assert_eq!(script_of('ク'), Script::Katakana);
        assert_eq!(script_of('ｶ'), Script::Katakana);
        assert_eq!(script_of('々'), Script::Kanji);
        assert_eq!(script_of('a'), Script::Latin);
        assert_eq!(script_of('１'), Script::Latin);
        assert_eq!(script_of('\u{3000}'), Script::Space);
        assert_eq!(script_of('。'), Script::Punct);
        assert_eq!(script_of('（'), Script::Punct);
    }

    #[test]
    fn the_quick_cases_agree_with_the_tables() {
        // What the fast arms answer is what the general rules would.
        let general = |c: char| {
            if c.is_whitespace() {
                Script::Space
            } else if c.is_alphanumeric() {
                Script::Latin
            } else {
                Script::Punct
            }
        };
        for c in ('\0'..='\u{7f}').chain('\u{3000}'..='\u{301f}').chain('\u{ff01}'..='\u{ff65}') {
            if !matches!(c, '々' | '〆' | '〇') && !('\u{ff66}'..='\u{ff9f}').contains(&c) {
                assert_eq!(script_of(c), general(c), "{c:?}");
            }
        }
    }

    #[test]
    fn punctuation_never_joins() {
        assert!(!same_unit('、', '、'));
        assert!(same_unit('設', '置'));
        assert!(!same_unit('置', 'し'));
    }
}
