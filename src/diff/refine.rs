//! Inline refinement: inside a changed region of lines, find what changed in reading units.
//!
//! At the default granularity a region is diffed by word units ([`crate::words::units`]),
//! cleaned up, and every replacement is then diffed again by grapheme cluster and widened back
//! to the nearest unit boundaries: 「設置場所」→「開催場所」 becomes [設置→開催]場所 and
//! 「にあたっては」→「に当たっては」 becomes に[あたって→当たって]は. At `Char` granularity a region
//! is diffed by grapheme cluster, with no clean-up.
//!
//! ```
//! use akaji::diff::{diff, DiffOptions};
//! let (old, new) = ("推進にあたっては、", "推進に当たっては、");
//! let d = diff(old, new, &DiffOptions::default());
//! assert_eq!(d.hunks.len(), 1);
//! assert_eq!((&old[d.hunks[0].old.clone()], &new[d.hunks[0].new.clone()]), ("あたって", "当たって"));
//! ```

use super::cleanup;
use super::deadline::Deadline;
use super::lines::{diff_units, Algorithm};
use super::options::Granularity;
use super::span::Span;
use crate::words::{boundaries, grapheme_starts, is_grapheme_boundary, unit_starts};

/// Pieces larger than this (old + new bytes) are not refined below word units.
const MAX_CHAR_REFINE: usize = 64 * 1024;

/// Refine the changed region `region` of `old`/`new` at `granularity`, appending the spans found.
pub(crate) fn region(
    old: &str,
    new: &str,
    region: &Span,
    granularity: Granularity,
    deadline: &mut Deadline,
    out: &mut Vec<Span>,
) {
    if region.old.is_empty() || region.new.is_empty() || deadline.check() {
        out.push(region.clone());
        return;
    }
    let (ro, rn) = (&old[region.old.clone()], &new[region.new.clone()]);
    let offset = |mut s: Span| {
        s.old = s.old.start + region.old.start..s.old.end + region.old.start;
        s.new = s.new.start + region.new.start..s.new.end + region.new.start;
        s
    };
    // Only the part between the shared ends is cut into units and diffed.
    let (head, tail) = shared_ends(ro, rn);
    let (to, tn) = (&ro[head..ro.len() - tail], &rn[head..rn.len() - tail]);
    let starts = if granularity == Granularity::Char { grapheme_starts } else { unit_starts };
    let spans = diff_units(to, &starts(to), tn, &starts(tn), Algorithm::Myers, deadline);
    let mut spans: Vec<Span> = spans
        .into_iter()
        .map(|s| Span { old: s.old.start + head..s.old.end + head, new: s.new.start + head..s.new.end + head })
        .collect();
    if granularity == Granularity::Char {
        out.extend(spans.into_iter().map(offset));
        return;
    }
    // Insertions and deletions first go to their best places, so that one that Myers began with
    // a full stop (「。新文」) does not look close enough to its neighbour to merge with it.
    let whole = Span { old: 0..ro.len(), new: 0..rn.len() };
    cleanup::join_pure(ro, rn, &mut spans);
    cleanup::align(ro, rn, &mut spans, &whole);
    cleanup::merge_close(ro, rn, &mut spans);
    cleanup::align(ro, rn, &mut spans, &whole);
    let mut fine = Vec::with_capacity(spans.len());
    for s in spans {
        if s.old.is_empty() || s.new.is_empty() || s.old.len() + s.new.len() > MAX_CHAR_REFINE || deadline.check() {
            fine.push(s);
        } else {
            let (po, pn) = (&ro[s.old.clone()], &rn[s.new.clone()]);
            let mut sub = diff_units(po, &grapheme_starts(po), pn, &grapheme_starts(pn), Algorithm::Myers, deadline);
            cleanup::merge_close(po, pn, &mut sub);
            cleanup::widen(po, pn, &mut sub, &boundaries(po), &boundaries(pn));
            fine.extend(sub.into_iter().map(|x| Span {
                old: x.old.start + s.old.start..x.old.end + s.old.start,
                new: x.new.start + s.new.start..x.new.end + s.new.start,
            }));
        }
    }
    cleanup::coalesce(&mut fine);
    // Deletions and insertions found inside a replacement get the same chance to join and to
    // move to their best place as those found between units.
    cleanup::join_pure(ro, rn, &mut fine);
    cleanup::align(ro, rn, &mut fine, &whole);
    cleanup::coalesce(&mut fine);
    out.extend(fine.into_iter().map(offset));
}

/// Sentence and clause marks: each always a unit of its own.
const MARKS: [char; 6] = ['。', '、', '，', '．', '！', '？'];

/// How many bytes at the start and at the end of `old` and `new`, the same in both, the unit
/// diff may leave out without changing its result: the common prefix up to its last sentence or
/// clause mark, and the common suffix from its first one. A mark is a unit (and a grapheme
/// cluster) of its own, so the units between are those of the whole text; and Myers' algorithm
/// sets aside common units at both ends before anything else. Only the clean-up that follows
/// needs the whole text (an insertion may slide into the shared ends).
fn shared_ends(old: &str, new: &str) -> (usize, usize) {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let both_at = |a: usize, b: usize| is_grapheme_boundary(old, a) && is_grapheme_boundary(new, b);
    let mut prefix = o.iter().zip(n).take_while(|(a, b)| a == b).count();
    while !(old.is_char_boundary(prefix) && new.is_char_boundary(prefix)) {
        prefix -= 1;
    }
    let head = old[..prefix].rfind(MARKS).map_or(0, |i| i + '。'.len_utf8());
    let head = if both_at(head, head) { head } else { 0 };
    let suffix = o[prefix..].iter().rev().zip(n[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut from = old.len() - suffix;
    while !(old.is_char_boundary(from) && new.is_char_boundary(new.len() - (old.len() - from))) {
        from += 1;
    }
    let tail = old[from..].find(MARKS).map_or(0, |i| old.len() - from - i);
    let tail = if both_at(old.len() - tail, new.len() - tail) { tail } else { 0 };
    (head, tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refine(old: &str, new: &str, g: Granularity) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let all = Span { old: 0..old.len(), new: 0..new.len() };
        region(old, new, &all, g, &mut Deadline::new(None), &mut out);
        out.iter().map(|s| (old[s.old.clone()].to_owned(), new[s.new.clone()].to_owned())).collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn a_changed_word_is_one_replacement() {
        assert_eq!(refine("分科会を設置し、", "分科会を開催し、", Granularity::Word), [pair("設置", "開催")]);
        assert_eq!(refine("設置場所", "開催場所", Granularity::Word), [pair("設置", "開催")]);
        assert_eq!(refine("会議で", "会合で", Granularity::Word), [pair("会議", "会合")]);
        assert_eq!(refine("育成および普及", "育成及び普及", Granularity::Word), [pair("および", "及び")]);
        assert_eq!(refine("検討会を", "議論会を", Granularity::Word), [pair("検討", "議論")]);
    }

    #[test]
    fn kana_given_kanji_is_one_replacement_unless_char() {
        assert_eq!(refine("あたって", "当たって", Granularity::Word), [pair("あたって", "当たって")]);
        assert_eq!(refine("あたって", "当たって", Granularity::Char), [pair("あ", "当")]);
    }

    #[test]
    fn tokens_and_file_names_are_one_replacement() {
        assert_eq!(refine("ASEAN諸国", "FNTRJQ諸国", Granularity::Word), [pair("ASEAN", "FNTRJQ")]);
        let old = "（https://www.soumu.go.jp/main_content/867112.pdf）";
        let new = "（https://www.soumu.go.jp/main_content/000690267.pdf）";
        assert_eq!(refine(old, new, Granularity::Word), [pair("867112.pdf", "000690267.pdf")]);
        assert_eq!(refine("SaaSサービス", "クラウドサービス", Granularity::Word), [pair("SaaS", "クラウド")]);
    }

    #[test]
    fn shared_ends_stop_at_marks() {
        let (old, new) = ("前文。対策を設置し、実施する。後文", "前文。対策を開催し、実施する。後文");
        let (head, tail) = shared_ends(old, new);
        assert_eq!((&old[..head], &old[old.len() - tail..]), ("前文。", "、実施する。後文"));
        assert_eq!(shared_ends("設置", "開催"), (0, 0));
        assert_eq!(shared_ends("同じ。", "同じ。"), (9, 0));
        // A mark followed by a combining char is not a cluster of its own.
        assert_eq!(shared_ends("。\u{301}あ", "。\u{301}い"), (0, 0));
        assert_eq!(shared_ends("あ、い", "う、い").1, 6);
    }

    #[test]
    fn sentences_and_clauses() {
        let old = "高い状況にある。今後も";
        let new = "高い状況にある。また、攻撃が増えた。今後も";
        assert_eq!(refine(old, new, Granularity::Word), [pair("", "また、攻撃が増えた。")]);
        let old = "対策を、関係機関と連携しつつ、実施する。";
        let new = "対策を、実施する。";
        assert_eq!(refine(old, new, Granularity::Word), [pair("関係機関と連携しつつ、", "")]);
    }
}
