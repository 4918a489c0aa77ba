//! HTML fragments in table cells, turned into plain text.
//!
//! Comments submitted through the e-Gov form keep their markup (`<p>…</p> <p>…</p>`,
//! `<ul style="…">`), while others hold angle brackets that are words (`<意見>`, `> 引用`). Only
//! the tags of HTML are removed: block tags end a line, inline tags vanish, and entities are
//! decoded (by quick-xml's decoder, the one the HTML reader of `roundtrip` uses too, with
//! `&nbsp;` added) — in cells that hold a tag, never in others. An entity it does not know
//! stays as written.

use std::borrow::Cow;
use std::sync::LazyLock;

const BLOCK: &[&str] = &[
    "p",
    "br",
    "div",
    "ul",
    "ol",
    "li",
    "tr",
    "table",
    "thead",
    "tbody",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
];
const INLINE: &[&str] = &[
    "span", "b", "i", "u", "s", "em", "strong", "a", "font", "sup", "sub", "small", "big", "strike", "del", "ins",
    "td", "th",
];

static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>").expect("the tag pattern is valid")
});

static ENTITY: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]+);").expect("valid"));

/// The plain text of a cell: unchanged unless it holds an HTML tag.
pub(super) fn to_text(cell: &str) -> Cow<'_, str> {
    let known = |name: &str| {
        let name = name.to_ascii_lowercase();
        BLOCK.contains(&name.as_str()) || INLINE.contains(&name.as_str())
    };
    if !TAG.captures_iter(cell).any(|c| known(&c[1])) {
        return Cow::Borrowed(cell);
    }
    let stripped = TAG.replace_all(cell, |c: &regex::Captures| {
        let name = c[1].to_ascii_lowercase();
        if BLOCK.contains(&name.as_str()) {
            "\n".to_owned()
        } else if INLINE.contains(&name.as_str()) {
            String::new()
        } else {
            c[0].to_owned()
        }
    });
    let decoded = ENTITY.replace_all(&stripped, |c: &regex::Captures| decode(&c[0]).unwrap_or_else(|| c[0].to_owned()));
    let lines: Vec<&str> = decoded.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Cow::Owned(lines.join("\n"))
}

/// One entity (`&amp;`, `&#12354;`, `&nbsp;`), decoded; `None` when it names no character.
fn decode(entity: &str) -> Option<String> {
    let resolve = |name: &str| match name {
        "nbsp" => Some(" "),
        _ => quick_xml::escape::resolve_xml_entity(name),
    };
    quick_xml::escape::unescape_with(entity, resolve).ok().map(|s| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cells_with_tags_are_read_as_html() {
        assert_eq!(to_text("<p>一つ目。</p> <p>&lt;意見&gt; 二つ目。</p>"), "一つ目。\n<意見> 二つ目。");
        assert_eq!(to_text("<意見> そのまま"), "<意見> そのまま");
    }

    #[test]
    fn paragraphs_and_lists_become_lines() {
        let cell = r#"<p>○提案</p> <ul style="list-style-type: none"> ・電子化する。 <p>・ポイント</p>"#;
        assert_eq!(to_text(cell), "○提案\n・電子化する。\n・ポイント");
        assert_eq!(to_text("a<br/>b<BR>c"), "a\nb\nc");
    }

    #[test]
    fn inline_tags_vanish_and_entities_decode() {
        assert_eq!(to_text("<p><b>強調</b>&amp;&#x3042;&#12354;&nbsp;x&unknown;</p>"), "強調&ああ x&unknown;");
    }

    #[test]
    fn words_in_angle_brackets_are_not_tags() {
        let cell = "<意見> IoTの真正性 <理由> 証明書 > 引用 &amp;";
        assert_eq!(to_text(cell), cell);
        assert_eq!(to_text("<p>> また、</p>"), "> また、");
    }
}
