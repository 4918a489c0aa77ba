//! `word/styles.xml` and `word/fontTable.xml`: Japanese fonts for the whole document.
//!
//! Every run falls back to the document defaults: 游明朝 (Yu Mincho) for East Asian and Latin
//! text, Japanese as the East Asian language, 10.5 pt. The font table declares 游明朝 and
//! ＭＳ 明朝 (MS Mincho) as Japanese (Shift JIS charset) serif faces, so that a word processor
//! without 游明朝 substitutes a Japanese Mincho face rather than a Latin one.

use super::xml::{Xml, W_NS};
use std::io;

/// The font for all text.
pub const MINCHO: &str = "游明朝";
/// Its fallback.
pub const MS_MINCHO: &str = "ＭＳ 明朝";

pub(crate) fn styles_xml() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:styles", &[("xmlns:w", W_NS)])?;
    x.open("w:docDefaults", &[])?;
    x.open("w:rPrDefault", &[])?;
    x.open("w:rPr", &[])?;
    let fonts = [("w:ascii", MINCHO), ("w:eastAsia", MINCHO), ("w:hAnsi", MINCHO), ("w:cs", MINCHO)];
    x.empty("w:rFonts", &fonts)?;
    x.empty("w:kern", &[("w:val", "2")])?;
    x.empty("w:sz", &[("w:val", "21")])?;
    x.empty("w:szCs", &[("w:val", "21")])?;
    x.empty("w:lang", &[("w:val", "en-US"), ("w:eastAsia", "ja-JP"), ("w:bidi", "ar-SA")])?;
    x.close("w:rPr")?;
    x.close("w:rPrDefault")?;
    x.open("w:pPrDefault", &[])?;
    x.open("w:pPr", &[])?;
    x.empty("w:jc", &[("w:val", "both")])?;
    x.close("w:pPr")?;
    x.close("w:pPrDefault")?;
    x.close("w:docDefaults")?;

    style(&mut x, "paragraph", "Normal", "Normal", true)?;
    x.close("w:style")?;
    style(&mut x, "character", "DefaultParagraphFont", "Default Paragraph Font", true)?;
    x.close("w:style")?;
    style(&mut x, "paragraph", "CommentText", "annotation text", false)?;
    x.empty("w:basedOn", &[("w:val", "Normal")])?;
    x.open("w:pPr", &[])?;
    x.empty("w:jc", &[("w:val", "left")])?;
    x.close("w:pPr")?;
    x.close("w:style")?;
    // Headings, so that a heading of the text is a heading in Word (and the header's STYLEREF
    // fields find the chapter and the section).
    for level in 1..=6u8 {
        let (id, name) = (format!("Heading{level}"), format!("heading {level}"));
        style(&mut x, "paragraph", &id, &name, false)?;
        x.empty("w:basedOn", &[("w:val", "Normal")])?;
        x.empty("w:next", &[("w:val", "Normal")])?;
        x.empty("w:qFormat", &[])?;
        x.open("w:pPr", &[])?;
        x.empty("w:keepNext", &[])?;
        x.empty("w:outlineLvl", &[("w:val", &(level - 1).to_string())])?;
        x.close("w:pPr")?;
        x.open("w:rPr", &[])?;
        if level <= 2 {
            x.empty("w:b", &[])?;
        }
        x.close("w:rPr")?;
        x.close("w:style")?;
    }
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        style(&mut x, "paragraph", id, name, false)?;
        x.empty("w:basedOn", &[("w:val", "Normal")])?;
        x.open("w:rPr", &[])?;
        x.empty("w:sz", &[("w:val", "18")])?;
        x.close("w:rPr")?;
        x.close("w:style")?;
    }
    style(&mut x, "character", "CommentReference", "annotation reference", false)?;
    x.empty("w:basedOn", &[("w:val", "DefaultParagraphFont")])?;
    x.open("w:rPr", &[])?;
    x.empty("w:sz", &[("w:val", "18")])?;
    x.close("w:rPr")?;
    x.close("w:style")?;
    x.close("w:styles")?;
    Ok(x.finish())
}

fn style(x: &mut Xml, kind: &str, id: &str, name: &str, default: bool) -> io::Result<()> {
    let mut attrs = vec![("w:type", kind), ("w:styleId", id)];
    if default {
        attrs.push(("w:default", "1"));
    }
    x.open("w:style", &attrs)?;
    x.empty("w:name", &[("w:val", name)])
}

pub(crate) fn font_table_xml() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:fonts", &[("xmlns:w", W_NS)])?;
    for (name, alt) in [(MINCHO, "Yu Mincho"), (MS_MINCHO, "MS Mincho")] {
        x.open("w:font", &[("w:name", name)])?;
        x.empty("w:altName", &[("w:val", alt)])?;
        x.empty("w:charset", &[("w:val", "80")])?;
        x.empty("w:family", &[("w:val", "roman")])?;
        x.empty("w:pitch", &[("w:val", "variable")])?;
        x.close("w:font")?;
    }
    x.close("w:fonts")?;
    Ok(x.finish())
}
