//! Before/after blocks in an answer: 【修正前】「A」【修正後】「B」, and 修正前：/修正後： on lines.
//!
//! Ministries that show a rewritten passage write its old and new wording under headings rather
//! than in a sentence:
//!
//! ```text
//! 御指摘を踏まえ、以下のとおり修正いたします。
//! 【修正前】「分科会を設置し」
//! 【修正後】「分科会を開催し」
//! ```
//!
//! The headings are 修正前/修正後, 変更前/変更後 or 原案/修正案, in 【】, ［］, [], 〔〕, （）, ＜＞
//! or followed by a colon (修正前：). What follows a heading is its text: a quote, or else the
//! rest of the line, or, when the heading stands alone on its line, the lines up to a blank
//! line or the next heading. Such a block states its edit by itself, as an arrow does. The text
//! is taken as written; a new text that runs over several lines of the cell is kept but marked
//! todo, since the cell's line breaks need not be the plan's.
//!
//! 「修正前：分科会を設置し」 and 「修正後：分科会を開催し」 on two lines are one block, old and
//! new (tests below).

use super::quote::{spans, Span};
use std::sync::LazyLock;

/// A stretch of an answer: ordinary text, or a before/after block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit<'a> {
    /// Text read sentence by sentence.
    Text(&'a str),
    /// A before/after block; `context` is the text of its sentence before the first heading
    /// (where a page may be cited), `multiline_new` whether the new text runs over lines.
    Pair { old: &'a str, new: &'a str, context: &'a str, multiline_new: bool },
}

const OPEN: &str = r"[【\[［〔(（<＜]";
const CLOSE: &str = r"[】\]］〕)）>＞]";

static BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| heading("修正前|変更前|原案"));
/// 修正後 right at the start of a text (anchored, so that looking for it never scans ahead).
static AFTER_HERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(&format!("^(?:{})", heading("修正後|変更後|修正案").as_str()))
        .expect("the heading pattern is valid")
});
static ANY: LazyLock<regex::Regex> = LazyLock::new(|| heading("修正前|変更前|原案|修正後|変更後|修正案"));

fn heading(words: &str) -> regex::Regex {
    regex::Regex::new(&format!(r"{OPEN}\s*(?:{words})\s*{CLOSE}(?:[ \t]*[:：])?|(?:{words})[ \t]*[:：]"))
        .expect("the heading pattern is valid")
}

/// The answer cut into text and before/after blocks, in order.
pub fn split(response: &str) -> Vec<Unit<'_>> {
    let quotes = spans(response);
    let mut out = Vec::new();
    let mut at = 0;
    let mut search = 0;
    while let Some(m) = BEFORE.find_at(response, search) {
        search = m.end();
        if inside_quote(&quotes, m.start()) {
            continue;
        }
        let Some((old, after_old)) = content(response, m.end(), &quotes) else { continue };
        let gap = &response[after_old..];
        let skip = gap.len() - gap.trim_start().len();
        let Some(a) = AFTER_HERE.find(&response[after_old + skip..]) else { continue };
        let Some((new, end)) = content(response, after_old + skip + a.end(), &quotes) else { continue };
        let sentence_start = response[..m.start()]
            .rfind(['\n', '。'])
            .map_or(0, |i| i + response[i..].chars().next().map_or(1, char::len_utf8));
        let context_from = sentence_start.max(at);
        if at < context_from {
            out.push(Unit::Text(&response[at..context_from]));
        }
        out.push(Unit::Pair {
            old: old.trim(),
            new: new.trim(),
            context: &response[context_from..m.start()],
            multiline_new: new.trim().contains('\n'),
        });
        at = end;
        search = end;
    }
    if at < response.len() {
        out.push(Unit::Text(&response[at..]));
    }
    out
}

fn inside_quote(quotes: &[Span], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).is_some_and(|q| q.start <= at)
}

/// The text after a heading ending at `from`, and where it ends.
fn content<'a>(s: &'a str, from: usize, quotes: &[Span]) -> Option<(&'a str, usize)> {
    let rest = &s[from..];
    let lead = rest.len() - rest.trim_start().len();
    let i = quotes.partition_point(|q| q.start < from + lead);
    if let Some(q) = quotes.get(i).filter(|q| q.start == from + lead) {
        return Some((&s[q.body.clone()], q.end));
    }
    let line_end = rest.find('\n').map_or(s.len(), |i| from + i);
    let on_line = &s[from..line_end];
    if !on_line.trim().is_empty() {
        let end = ANY.find(on_line).map_or(line_end, |m| from + m.start());
        return Some((&s[from..end], end));
    }
    // The heading stands alone: the lines below, up to a blank line or the next heading.
    let mut end = line_end;
    let mut pos = line_end;
    while pos < s.len() {
        let next = s[pos + 1..].find('\n').map_or(s.len(), |i| pos + 1 + i);
        let line = &s[(pos + 1).min(s.len())..next];
        if line.trim().is_empty() || ANY.find(line).is_some_and(|m| line[..m.start()].trim().is_empty()) {
            break;
        }
        end = next;
        pos = next;
    }
    let text = &s[from..end];
    (!text.trim().is_empty()).then_some((text, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &str) -> Vec<(&str, &str, &str)> {
        split(s)
            .into_iter()
            .filter_map(|u| match u {
                Unit::Pair { old, new, context, .. } => Some((old, new, context)),
                Unit::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn bracketed_headings_with_quotes() {
        let s = "御指摘を踏まえ、以下のとおり修正いたします。【修正前】「分科会を設置し」【修正後】「分科会を開催し」";
        let u = split(s);
        assert_eq!(u[0], Unit::Text("御指摘を踏まえ、以下のとおり修正いたします。"));
        assert_eq!(pairs(s), [("分科会を設置し", "分科会を開催し", "")]);
        assert_eq!(pairs("（P5）【修正前】「A」\n【修正後】「B」"), [("A", "B", "（P5）")]);
        assert_eq!(pairs("［変更前］「A」 ［変更後］「B」"), [("A", "B", "")]);
        assert_eq!(pairs("＜原案＞「A」＜修正案＞「B」"), [("A", "B", "")]);
    }

    #[test]
    fn headings_with_colons_on_lines() {
        let s = "以下のとおり修正します。\n修正前：分科会を設置し、検討を行う。\n修正後：分科会を開催し、検討を行う。\nなお、他の箇所は原案のとおりとします。";
        let u = split(s);
        assert_eq!(pairs(s), [("分科会を設置し、検討を行う。", "分科会を開催し、検討を行う。", "")]);
        assert_eq!(u.last(), Some(&Unit::Text("\nなお、他の箇所は原案のとおりとします。")));
        assert_eq!(pairs("【修正前】A【修正後】B"), [("A", "B", "")]);
    }

    #[test]
    fn headings_alone_on_their_lines() {
        let s = "【修正前】\n第一の行\n第二の行\n【修正後】\n新しい行\n\n以上";
        let u = split(s);
        assert!(
            matches!(u[0], Unit::Pair { old: "第一の行\n第二の行", new: "新しい行", multiline_new: false, .. }),
            "{u:?}"
        );
        assert_eq!(u[1], Unit::Text("\n\n以上"));
    }

    #[test]
    fn not_a_block() {
        assert!(pairs("修正前の記載を改めます。").is_empty(), "修正前 without a heading mark");
        assert!(pairs("【修正前】「A」のみ").is_empty(), "no 修正後");
        assert!(pairs("「【修正前】A【修正後】B」と書く").is_empty(), "inside a quote");
        assert_eq!(split("ふつうの文。"), [Unit::Text("ふつうの文。")]);
    }
}
