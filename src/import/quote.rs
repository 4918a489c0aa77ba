//! Quotes and sentences of an answer: the 「…」 spans it cites, and the text between them.
//!
//! Answers name the draft's words in 「」 (sometimes 『』), and may quote a quote:
//! 「「設置」を」. Everything import extracts comes out of a quote, unchanged; everything it
//! reads as grammar (を, に修正いたします, P4の) comes from the text between quotes. A bracket that
//! is never closed is text, so one stray 「 does not swallow the rest of an answer.
//!
//! 「P6の「あたって」を「当たって」に修正」 is text 「P6の」, the quote 「あたって」, text 「を」,
//! the quote 「当たって」 and text 「に修正」 (tests below).

/// A fragment of an answer: text outside quotes, or a quote's content (without its brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fragment<'a> {
    /// Text outside any quote.
    Text(&'a str),
    /// What stands between an opening bracket and its matching closing one.
    Quote(&'a str),
}

impl<'a> Fragment<'a> {
    /// The text, if this is a text fragment.
    pub fn text(&self) -> Option<&'a str> {
        match self {
            Fragment::Text(t) => Some(t),
            Fragment::Quote(_) => None,
        }
    }

    /// The quote, if this is a quote.
    pub fn quote(&self) -> Option<&'a str> {
        match self {
            Fragment::Quote(q) => Some(q),
            Fragment::Text(_) => None,
        }
    }
}

const BRACKETS: [(char, char); 2] = [('「', '」'), ('『', '』')];

/// Split `s` into text and top-level quotes. Brackets of the same kind nest; a bracket never
/// closed is text.
pub(super) fn fragments(s: &str) -> Vec<Fragment<'_>> {
    let mut out = Vec::new();
    let (mut text_start, mut i) = (0, 0);
    while let Some(c) = s[i..].chars().next() {
        if let Some(&(open, close)) = BRACKETS.iter().find(|b| b.0 == c) {
            let body = i + open.len_utf8();
            if let Some(end) = closing(s, body, open, close) {
                if text_start < i {
                    out.push(Fragment::Text(&s[text_start..i]));
                }
                out.push(Fragment::Quote(&s[body..end]));
                i = end + close.len_utf8();
                text_start = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    if text_start < s.len() {
        out.push(Fragment::Text(&s[text_start..]));
    }
    out
}

/// The byte offset of the bracket closing one opened just before `from`.
fn closing(s: &str, from: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 1;
    for (j, c) in s[from..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(from + j);
            }
        }
    }
    None
}

/// Group fragments into sentences: a sentence ends after 。 or at a line break outside quotes.
pub(super) fn sentences<'a>(fragments: &[Fragment<'a>]) -> Vec<Vec<Fragment<'a>>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for fragment in fragments {
        let Fragment::Text(text) = *fragment else {
            current.push(*fragment);
            continue;
        };
        let mut start = 0;
        for (at, mark) in text.match_indices(['。', '\n']) {
            let end = if mark == "。" { at + mark.len() } else { at };
            if start < end {
                current.push(Fragment::Text(&text[start..end]));
            }
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            start = at + mark.len();
        }
        if start < text.len() {
            current.push(Fragment::Text(&text[start..]));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_quotes_alternate() {
        let p = fragments("P6の「あたって」を「当たって」に修正");
        assert_eq!(
            p,
            [
                Fragment::Text("P6の"),
                Fragment::Quote("あたって"),
                Fragment::Text("を"),
                Fragment::Quote("当たって"),
                Fragment::Text("に修正")
            ]
        );
    }

    #[test]
    fn nested_quotes_stay_whole() {
        assert_eq!(fragments("「「設置」を」と"), [Fragment::Quote("「設置」を"), Fragment::Text("と")]);
        assert_eq!(fragments("『A』→『B』"), [Fragment::Quote("A"), Fragment::Text("→"), Fragment::Quote("B")]);
    }

    #[test]
    fn an_unclosed_bracket_is_text() {
        let p = fragments("「ICT（案）では、「人材」と記載");
        assert_eq!(p, [Fragment::Text("「ICT（案）では、"), Fragment::Quote("人材"), Fragment::Text("と記載")]);
        assert_eq!(fragments("」だけ"), [Fragment::Text("」だけ")]);
    }

    #[test]
    fn sentences_end_at_maru_outside_quotes() {
        let p = fragments("賛同します。以下のとおり修正します。「新しい文。」\n次");
        let s = sentences(&p);
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[0], [Fragment::Text("賛同します。")]);
        assert_eq!(s[1], [Fragment::Text("以下のとおり修正します。")]);
        assert_eq!(s[2], [Fragment::Quote("新しい文。")]);
        assert_eq!(s[3], [Fragment::Text("次")]);
    }
}
