//! The 修正の有無 column: the table's own word on whether an answer changes the draft.
//!
//! Some tables carry a column 修正の有無 (or 修正有無, 反映の有無) beside the answer, with 有 or
//! 無 (also あり/なし, ○/×, 修正あり/修正なし, -). It settles what the answer's wording may
//! leave open: 有 marks a promise even when import does not recognise the answer's verb (the
//! decision gets a todo edit with what is known), and 無 marks none (no edits are written, and
//! the report names an answer that reads as a promise all the same).
//!
//! 有, 修正あり and ○ mark a change; 無, 修正なし and × none; 一部 is neither (tests below).

use unicode_normalization::UnicodeNormalization;

/// What a 修正の有無 cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// 有: the answer changes the draft.
    Yes,
    /// 無: it does not.
    No,
    /// Something else, reported and otherwise ignored.
    Unknown,
}

/// Read a 修正の有無 cell.
pub fn mark(cell: &str) -> Mark {
    let c: String = cell.nfkc().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let c = c.strip_prefix("修正").unwrap_or(&c);
    match c {
        "有" | "有り" | "あり" | "○" | "〇" | "◯" | "yes" | "y" | "済" => Mark::Yes,
        "無" | "無し" | "なし" | "×" | "-" | "−" | "ー" | "―" | "no" | "n" => Mark::No,
        _ => Mark::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_tables_use() {
        for yes in ["有", " 有 ", "あり", "○", "〇", "修正あり", "修正有", "有り"] {
            assert_eq!(mark(yes), Mark::Yes, "{yes}");
        }
        for no in ["無", "なし", "×", "-", "－", "修正なし", "修正無", "無し"] {
            assert_eq!(mark(no), Mark::No, "{no}");
        }
        for other in ["", "一部", "検討中"] {
            assert_eq!(mark(other), Mark::Unknown, "{other}");
        }
    }
}
