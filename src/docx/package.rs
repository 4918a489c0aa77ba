//! The zip package: the parts every WordprocessingML document needs, and how they refer to each
//! other. Entries are written in a fixed order with a fixed time stamp, so the same redline
//! always gives the same bytes.

use super::body::document_xml;
use super::comments::comments_xml;
use super::plan::Plan;
use super::styles::{font_table_xml, styles_xml};
use super::xml::{Xml, FOOTER_ID, HEADER_ID};
use std::io::{self, Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CT_NS: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OD_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The parts of the package, in the order they are written: (name, bytes).
pub(crate) fn parts(plan: &Plan, title: Option<&str>) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let mut parts = vec![
        ("[Content_Types].xml", content_types(plan)?),
        ("_rels/.rels", package_rels()?),
        ("docProps/core.xml", core(title)?),
        ("docProps/app.xml", app()?),
        ("word/document.xml", document_xml(plan)?),
        ("word/_rels/document.xml.rels", document_rels(plan)?),
        ("word/styles.xml", styles_xml()?),
        ("word/fontTable.xml", font_table_xml()?),
        ("word/settings.xml", settings()?),
        ("word/comments.xml", comments_xml(plan)?),
    ];
    if plan.header {
        parts.push(("word/header1.xml", header_xml()?));
    }
    if plan.footer {
        parts.push(("word/footer1.xml", footer_xml()?));
    }
    Ok(parts)
}

/// Zip `parts` (deflated, fixed time stamps) and write the archive to `out`.
pub(crate) fn zip(parts: &[(&str, Vec<u8>)], out: &mut dyn Write) -> io::Result<()> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, options).map_err(io::Error::other)?;
        z.write_all(bytes)?;
    }
    let bytes = z.finish().map_err(io::Error::other)?.into_inner();
    out.write_all(&bytes)
}

fn content_types(plan: &Plan) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("Types", &[("xmlns", CT_NS)])?;
    x.empty(
        "Default",
        &[("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")],
    )?;
    x.empty("Default", &[("Extension", "xml"), ("ContentType", "application/xml")])?;
    let overrides = [
        ("/word/document.xml", format!("{WML}.document.main+xml")),
        ("/word/styles.xml", format!("{WML}.styles+xml")),
        ("/word/fontTable.xml", format!("{WML}.fontTable+xml")),
        ("/word/settings.xml", format!("{WML}.settings+xml")),
        ("/word/comments.xml", format!("{WML}.comments+xml")),
        ("/word/header1.xml", format!("{WML}.header+xml")),
        ("/word/footer1.xml", format!("{WML}.footer+xml")),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml".into()),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml".into()),
    ];
    for (part, ct) in &overrides {
        let absent = (*part == "/word/header1.xml" && !plan.header) || (*part == "/word/footer1.xml" && !plan.footer);
        if !absent {
            x.empty("Override", &[("PartName", part), ("ContentType", ct)])?;
        }
    }
    x.close("Types")?;
    Ok(x.finish())
}

fn rels(list: &[(&str, &str, &str)]) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("Relationships", &[("xmlns", REL_NS)])?;
    for (id, ty, target) in list {
        x.empty("Relationship", &[("Id", id), ("Type", ty), ("Target", target)])?;
    }
    x.close("Relationships")?;
    Ok(x.finish())
}

fn package_rels() -> io::Result<Vec<u8>> {
    rels(&[
        ("rId1", &format!("{OD_REL}/officeDocument"), "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        ("rId3", &format!("{OD_REL}/extended-properties"), "docProps/app.xml"),
    ])
}

fn document_rels(plan: &Plan) -> io::Result<Vec<u8>> {
    let (header, footer) = (format!("{OD_REL}/header"), format!("{OD_REL}/footer"));
    let mut list = vec![
        ("rId1", format!("{OD_REL}/styles"), "styles.xml"),
        ("rId2", format!("{OD_REL}/fontTable"), "fontTable.xml"),
        ("rId3", format!("{OD_REL}/settings"), "settings.xml"),
        ("rId4", format!("{OD_REL}/comments"), "comments.xml"),
    ];
    if plan.header {
        list.push((HEADER_ID, header, "header1.xml"));
    }
    if plan.footer {
        list.push((FOOTER_ID, footer, "footer1.xml"));
    }
    let list: Vec<(&str, &str, &str)> = list.iter().map(|(a, b, c)| (*a, b.as_str(), *c)).collect();
    rels(&list)
}

/// The header: the chapter and section in force on the page (`STYLEREF` on the heading
/// styles), as the text's running heads printed them.
fn header_xml() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:hdr", &[("xmlns:w", super::xml::W_NS)])?;
    for style in ["heading 1", "heading 2"] {
        x.open("w:p", &[])?;
        x.open("w:pPr", &[])?;
        x.empty("w:pStyle", &[("w:val", "Header")])?;
        x.close("w:pPr")?;
        x.open("w:fldSimple", &[("w:instr", &format!(" STYLEREF \"{style}\" "))])?;
        x.open("w:r", &[])?;
        x.leaf("w:t", &[], "")?;
        x.close("w:r")?;
        x.close("w:fldSimple")?;
        x.close("w:p")?;
    }
    x.close("w:hdr")?;
    Ok(x.finish())
}

/// The footer: `- N -`, centred (a `PAGE` field).
fn footer_xml() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:ftr", &[("xmlns:w", super::xml::W_NS)])?;
    x.open("w:p", &[])?;
    x.open("w:pPr", &[])?;
    x.empty("w:pStyle", &[("w:val", "Footer")])?;
    x.empty("w:jc", &[("w:val", "center")])?;
    x.close("w:pPr")?;
    x.open("w:r", &[])?;
    x.leaf("w:t", &[("xml:space", "preserve")], "- ")?;
    x.close("w:r")?;
    x.open("w:fldSimple", &[("w:instr", " PAGE ")])?;
    x.open("w:r", &[])?;
    x.leaf("w:t", &[], "1")?;
    x.close("w:r")?;
    x.close("w:fldSimple")?;
    x.open("w:r", &[])?;
    x.leaf("w:t", &[("xml:space", "preserve")], " -")?;
    x.close("w:r")?;
    x.close("w:p")?;
    x.close("w:ftr")?;
    Ok(x.finish())
}

fn core(title: Option<&str>) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open(
        "cp:coreProperties",
        &[
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
    )?;
    if let Some(t) = title {
        x.leaf("dc:title", &[], t)?;
    }
    x.leaf("dc:creator", &[], "akaji")?;
    x.close("cp:coreProperties")?;
    Ok(x.finish())
}

fn app() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("Properties", &[("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")])?;
    x.leaf("Application", &[], concat!("akaji ", env!("CARGO_PKG_VERSION")))?;
    x.close("Properties")?;
    Ok(x.finish())
}

/// Changes are shown, and further edits are tracked too.
fn settings() -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:settings", &[("xmlns:w", super::xml::W_NS)])?;
    x.empty("w:trackRevisions", &[])?;
    x.empty("w:defaultTabStop", &[("w:val", "840")])?;
    x.empty("w:characterSpacingControl", &[("w:val", "compressPunctuation")])?;
    x.open("w:compat", &[])?;
    let compat =
        [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")];
    x.empty("w:compatSetting", &compat)?;
    x.close("w:compat")?;
    x.close("w:settings")?;
    Ok(x.finish())
}
