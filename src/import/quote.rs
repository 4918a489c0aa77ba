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
pub(crate) enum Fragment<'a> {
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

/// A top-level quote of a text, in byte offsets: `start` at its opening bracket, `body` inside
/// the brackets, `end` past its closing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// The opening bracket.
    pub start: usize,
    /// The quote's content.
    pub body: std::ops::Range<usize>,
    /// Past the closing bracket.
    pub end: usize,
}

/// The top-level quotes of `s`, in order, in one pass: brackets of one kind nest, each kind
/// independently; a bracket never closed is text. Linear in the length of `s` (a cell of
/// 200,000 unclosed 「 once took 44 s when each bracket searched for its partner on its own).
pub(super) fn spans(s: &str) -> Vec<Span> {
    // Pairs (open, close) of each kind, found with one stack per kind.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    let mut stacks: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (i, c) in s.char_indices() {
        for (k, &(open, close)) in BRACKETS.iter().enumerate() {
            if c == open {
                stacks[k].push(i);
            } else if c == close {
                if let Some(o) = stacks[k].pop() {
                    pairs.push((o, i, k));
                }
            }
        }
    }
    pairs.sort_unstable_by_key(|p| p.0);
    let mut out = Vec::new();
    let mut next = 0;
    for (open, close, k) in pairs {
        if open < next {
            continue;
        }
        let (o, c) = BRACKETS[k];
        out.push(Span { start: open, body: open + o.len_utf8()..close, end: close + c.len_utf8() });
        next = close + c.len_utf8();
    }
    out
}

/// Split `s` into text and top-level quotes. Brackets of the same kind nest; a bracket never
/// closed is text.
pub(crate) fn fragments(s: &str) -> Vec<Fragment<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans(s) {
        if at < span.start {
            out.push(Fragment::Text(&s[at..span.start]));
        }
        out.push(Fragment::Quote(&s[span.body]));
        at = span.end;
    }
    if at < s.len() {
        out.push(Fragment::Text(&s[at..]));
    }
    out
}

/// `s` with the content of its quotes left out (「」 stays): the text an answer or a request
/// writes itself, where its citations are read (a quote 「（Ｐ５図表１参照）」 cites nothing).
pub(super) fn outside_quotes(s: &str) -> std::borrow::Cow<'_, str> {
    let spans = spans(s);
    if spans.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&s[at..span.body.start]);
        out.push_str(&s[span.body.end..span.end]);
        at = span.end;
    }
    out.push_str(&s[at..]);
    std::borrow::Cow::Owned(out)
}

/// Group fragments into sentences: a sentence ends after 。 or at a line break outside quotes.
pub(super) fn sentences<'a>(fragments: &[Fragment<'a>]) -> Vec<Vec<Fragment<'a>>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for piece in fragments {
        let Fragment::Text(text) = *piece else {
            current.push(*piece);
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
        assert_eq!(fragments("「a「b」c"), [Fragment::Text("「a"), Fragment::Quote("b"), Fragment::Text("c")]);
        assert_eq!(fragments("『「』」"), [Fragment::Quote("「"), Fragment::Text("」")], "kinds nest independently");
        assert_eq!(fragments("「」"), [Fragment::Quote("")]);
    }

    #[test]
    fn text_outside_quotes() {
        assert_eq!(outside_quotes("P4の「P5の図」を『P6』に"), "P4の「」を『』に");
        assert_eq!(outside_quotes("「a「b」c"), "「a「」c");
    }

    #[test]
    fn many_unclosed_brackets_are_text() {
        let s = format!("{}「A」", "「".repeat(1000));
        let p = fragments(&s);
        assert_eq!(p, [Fragment::Text(&s[..3000]), Fragment::Quote("A")]);
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
