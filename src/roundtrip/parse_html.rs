//! The `html` format back to both texts, from the document element whose structure the `html`
//! renderer documents: text belongs to both texts, `<del>` to the old, `<ins>` to the new; page
//! marks, tags (`<a>…</a>`) and the old words struck inside a move's new end (`<s>…</s>`) are
//! not text. Character references are decoded by quick-xml's
//! decoder (the one the import's HTML cells use too).

use super::texts::{ParseKind, ParseProblem, Texts};
use quick_xml::escape::EscapeError;

const START: &str = "<div class=\"doc\" id=\"redline\">";
const END: &str = "</div><!--/redline-->";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Both,
    Old,
    New,
}

/// Decode the character references the renderer writes (and the usual named ones); `at` is the
/// text's byte offset in the page. XML has no U+0000, so quick-xml refuses `&#0;`, which the
/// renderer writes for it (a draft may hold one): that one reference is decoded here.
fn decode(text: &str, at: usize) -> Result<String, ParseProblem> {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split("&#0;").enumerate() {
        if i > 0 {
            out.push('\0');
        }
        out.push_str(&unescape(part, at)?);
    }
    Ok(out)
}

fn unescape(text: &str, at: usize) -> Result<String, ParseProblem> {
    quick_xml::escape::unescape(text).map(|t| t.into_owned()).map_err(|e| {
        let kind = match e {
            EscapeError::UnterminatedEntity(_) => ParseKind::UnterminatedReference,
            EscapeError::UnrecognizedEntity(_, name) => ParseKind::UnknownReference { name },
            EscapeError::InvalidCharRef(_) => {
                let start = text.find("&#").unwrap_or(0);
                let end = text[start..].find(';').map_or(text.len(), |e| start + e);
                ParseKind::UnknownReference { name: text[start + 1..end].to_owned() }
            }
        };
        ParseProblem::at_byte(at, kind)
    })
}

/// Both texts of an HTML redline page.
pub(super) fn parse(page: &str) -> Result<Texts, ParseProblem> {
    let start = page.find(START).ok_or_else(|| ParseProblem::at_byte(0, ParseKind::NoRedlineElement))? + START.len();
    let end = page[start..].find(END).ok_or_else(|| ParseProblem::at_byte(start, ParseKind::RedlineNotClosed))? + start;
    let mut t = Texts::default();
    let mut side = Side::Both;
    let mut i = start;
    while i < end {
        let rest = &page[i..end];
        let lt = rest.find('<').unwrap_or(rest.len());
        if lt > 0 {
            let text = decode(&rest[..lt], i)?;
            if side != Side::New {
                t.old.push_str(&text);
            }
            if side != Side::Old {
                t.new.push_str(&text);
            }
            i += lt;
            continue;
        }
        let gt = rest.find('>').ok_or_else(|| ParseProblem::at_byte(i, ParseKind::TagNotClosed))?;
        let tag = &rest[..=gt];
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        let at = i;
        let expect = |side: Side, want: Side| {
            if side == want {
                Ok(())
            } else {
                Err(ParseProblem::at_byte(at, ParseKind::UnexpectedTag { tag: tag.to_owned() }))
            }
        };
        i += gt + 1;
        match name.as_str() {
            "del" => {
                expect(side, Side::Both)?;
                side = Side::Old;
            }
            "ins" => {
                expect(side, Side::Both)?;
                side = Side::New;
            }
            "/del" => {
                expect(side, Side::Old)?;
                side = Side::Both;
            }
            "/ins" => {
                expect(side, Side::New)?;
                side = Side::Both;
            }
            // The old words inside a move's new end: text of the old end, already read there.
            "s" => {
                expect(side, Side::New)?;
                let close =
                    page[i..end].find("</s>").ok_or_else(|| ParseProblem::at_byte(i, ParseKind::StruckNotClosed))?;
                i += close + "</s>".len();
            }
            "a" => {
                let close =
                    page[i..end].find("</a>").ok_or_else(|| ParseProblem::at_byte(i, ParseKind::LinkNotClosed))?;
                i += close + "</a>".len();
            }
            "span" | "/span" => {}
            _ => return Err(ParseProblem::at_byte(at, ParseKind::ForeignTag { tag: tag.to_owned() })),
        }
    }
    if side != Side::Both {
        return Err(ParseProblem::at_byte(end, ParseKind::ChangeNotClosed));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_the_renderer_writes_is_decoded() {
        let page = "<div class=\"doc\" id=\"redline\">&amp;&lt;&gt;&quot;&#39;&#0;&#13;&#12;</div><!--/redline-->";
        assert_eq!(parse(page).unwrap().old, "&<>\"'\0\r\u{c}");
        let bad = "<div class=\"doc\" id=\"redline\">&bogus;</div><!--/redline-->";
        assert_eq!(parse(bad).unwrap_err().kind, ParseKind::UnknownReference { name: "bogus".into() });
    }
}
