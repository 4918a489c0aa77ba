//! The `html` format back to both texts, from the document element whose structure
//! [`crate::render::html`] documents: text belongs to both texts, `<del>` to the old, `<ins>` to
//! the new; page marks and tags (`<a>…</a>`) are not text.
//!
//! ```
//! let page = r##"<div class="doc" id="redline">a&lt;<span class="chg" id="c1"><del>b</del><ins>c</ins><a class="tag dec" href="#decision-1">32</a></span>&#13;
//! </div><!--/redline-->"##;
//! let t = akaji::roundtrip::html::parse(page).unwrap();
//! assert_eq!((t.old.as_str(), t.new.as_str()), ("a<b\r\n", "a<c\r\n"));
//! ```

use super::{ParseError, Texts};

const START: &str = "<div class=\"doc\" id=\"redline\">";
const END: &str = "</div><!--/redline-->";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Both,
    Old,
    New,
}

/// Decode the character references the renderer writes (and the usual named ones).
fn decode(text: &str, at: usize) -> Result<String, ParseError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail.find(';').ok_or_else(|| ParseError::new(at, "an `&` without its `;`"))?;
        let name = &tail[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                None => name.strip_prefix('#').and_then(|d| d.parse().ok()).and_then(char::from_u32),
            },
        };
        out.push(c.ok_or_else(|| ParseError::new(at, format!("an unknown character reference `&{name};`")))?);
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Both texts of an HTML redline page.
pub fn parse(page: &str) -> Result<Texts, ParseError> {
    let start = page
        .find(START)
        .ok_or_else(|| ParseError::new(0, "no redline element (`<div class=\"doc\" id=\"redline\">`)"))?
        + START.len();
    let end =
        page[start..].find(END).ok_or_else(|| ParseError::new(start, "the redline element is not closed"))? + start;
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
        let gt = rest.find('>').ok_or_else(|| ParseError::new(i, "a tag is not closed"))?;
        let tag = &rest[..=gt];
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        let at = i;
        let expect = |side: Side, want: Side| {
            if side == want {
                Ok(())
            } else {
                Err(ParseError::new(at, format!("unexpected `{tag}`")))
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
            "a" => {
                let close = page[i..end].find("</a>").ok_or_else(|| ParseError::new(i, "an `<a>` is not closed"))?;
                i += close + "</a>".len();
            }
            "span" | "/span" => {}
            _ => return Err(ParseError::new(at, format!("unexpected `{tag}` in the redline"))),
        }
    }
    if side != Side::Both {
        return Err(ParseError::new(end, "a `<del>` or `<ins>` is not closed"));
    }
    Ok(t)
}
