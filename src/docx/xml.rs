//! A thin layer over quick-xml's writer: every name, attribute and text goes through it, so
//! everything written is escaped, and no character XML forbids gets through (the body's text is
//! cleaned earlier, with warnings; this is the safety net for authors, titles and the like).

use super::text::stand_in;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::io;

/// The WordprocessingML main namespace.
/// The relationship ids of the header and footer parts (`word/_rels/document.xml.rels`).
pub(crate) const HEADER_ID: &str = "rId5";
pub(crate) const FOOTER_ID: &str = "rId6";

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace used in document parts.
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// An XML part being written.
pub(crate) struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    /// A part that starts with the XML declaration.
    pub fn new() -> io::Result<Xml> {
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
        Ok(Xml { w })
    }

    /// `<name a="v" …>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name a="v" …/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Empty(start(name, attrs)))
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        self.w.write_event(Event::Text(BytesText::new(&clean(text))))
    }

    /// `<name attrs>text</name>`
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}

fn start<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    let mut s = BytesStart::new(name);
    for &(k, v) in attrs {
        s.push_attribute((k, clean(v).as_ref()));
    }
    s
}

/// `s` with every character XML forbids replaced by its visible stand-in.
fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| stand_in(c).is_some() || c == '\u{c}';
    if !s.contains(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if c == '\u{c}' { '␌' } else { stand_in(c).unwrap_or(c) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut x = Xml::new().unwrap();
        x.leaf("w:t", &[("a", "\"<&>'")], "<b>&amp;").unwrap();
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.ends_with(r#"<w:t a="&quot;&lt;&amp;&gt;&apos;">&lt;b&gt;&amp;amp;</w:t>"#), "{s}");
    }

    #[test]
    fn forbidden_characters_never_get_through() {
        let mut x = Xml::new().unwrap();
        x.leaf("w:t", &[("w:author", "個人\u{1}E")], "改\u{c}頁\u{ffff}").unwrap();
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.ends_with("<w:t w:author=\"個人␁E\">改␌頁\u{fffd}</w:t>"), "{s}");
    }
}
