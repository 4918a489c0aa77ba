//! The part of an anchor that really changes.
//!
//! 「SaaSサービス」→「クラウドサービス」 changes only 「SaaS」: the common prefix and suffix of `old`
//! and `new` stay untouched in the draft (so a line break inside them survives). The changed part
//! is then widened to whole word units (`crate::words::widen_change`, on the units the diff
//! uses, so a redline and a diff show the same change): 「あたって」→「当たって」 replaces the
//! whole word rather than 「[あ→当]たって」, and a kanji rewritten in kana takes its okurigana
//! along (「更に、」→「さらに、」 changes 「更に」).

use crate::words;

/// The part of a quote that changes: how many characters at each end stay, and the new text
/// for the middle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChangedPart<'a> {
    /// Characters of the quote kept at its start (white space not counted).
    pub kept_prefix: usize,
    /// Characters of the quote kept at its end.
    pub kept_suffix: usize,
    /// What replaces the middle.
    pub replacement: &'a str,
    /// Characters the quote and `new` share at their start, before widening to whole units.
    pub same_prefix: usize,
    /// Characters they share at their end, before widening.
    pub same_suffix: usize,
}

/// Split a replacement into kept ends and a changed middle. `quote` holds the quote's characters
/// without white space.
pub(crate) fn changed_part<'a>(quote: &[char], new: &'a str) -> ChangedPart<'a> {
    let new_chars: Vec<(usize, char)> = new.char_indices().collect();
    let (m, n) = (quote.len(), new_chars.len());
    let mut k = 0;
    while k < m && k < n && quote[k] == new_chars[k].1 {
        k += 1;
    }
    let mut j = 0;
    while j < m.min(n) - k && quote[m - 1 - j] == new_chars[n - 1 - j].1 {
        j += 1;
    }
    let (same_prefix, same_suffix) = (k, j);
    // Widened on the word units the diff uses (`crate::words`), so apply and diff agree.
    let text: String = quote.iter().collect();
    let bytes = |cs: &[char]| cs.iter().map(|c| c.len_utf8()).sum::<usize>();
    let (p, s) = words::widen_change(&text, new, bytes(&quote[..k]), bytes(&quote[m - j..]));
    k = text[..p].chars().count();
    j = text[text.len() - s..].chars().count();
    let start = new_chars.get(k).map_or(new.len(), |c| c.0);
    let end = if j == 0 { new.len() } else { new_chars[n - j].0 };
    ChangedPart { kept_prefix: k, kept_suffix: j, replacement: &new[start..end], same_prefix, same_suffix }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(old: &str, new: &str) -> (usize, usize, String) {
        let q: Vec<char> = old.chars().collect();
        let k = changed_part(&q, new);
        (k.kept_prefix, k.kept_suffix, k.replacement.to_owned())
    }

    #[test]
    fn keeps_common_ends_at_unit_boundaries() {
        assert_eq!(part("SaaSサービス", "クラウドサービス"), (0, 4, "クラウド".into()));
        assert_eq!(part("AI化", "AI（人工知能）化"), (2, 1, "（人工知能）".into()));
        assert_eq!(part("設置", "開催"), (0, 0, "開催".into()));
    }

    #[test]
    fn widens_to_whole_words() {
        assert_eq!(part("あたって", "当たって"), (0, 0, "当たって".into()));
        assert_eq!(part("会議", "会談"), (0, 0, "会談".into()));
        assert_eq!(part("更に、", "さらに、"), (0, 1, "さらに".into()));
        assert_eq!(part("取りまとめ骨子", "とりまとめ骨子"), (0, 2, "とりまとめ".into()));
        assert_eq!(part("分科会を設置し", "分科会を開催し"), (4, 1, "開催".into()), "kanji for kanji keeps its kana");
    }

    #[test]
    fn pure_insertions_and_deletions() {
        assert_eq!(
            part("認証制度であるEDSA認証", "認証制度であるEDSA認証（ISASecure EDSA）"),
            (13, 0, "（ISASecure EDSA）".into())
        );
        assert_eq!(part("（再掲）", ""), (0, 0, "".into()));
    }
}
