//! Reading `.docx` inputs: plain documents are read, tracked changes are reported, broken and
//! hostile archives are refused with a clear message, without a panic, in bounded memory.

use super::{docx, sample};
use crate::util::akaji_in;
use akaji::docx::{read, read_with, DocxProblem, Limits};
use akaji::{read_document, InputKind, Kind, PageMarker, Redline};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>分科会を</w:t></w:r><w:r><w:t xml:space="preserve">設置 </w:t><w:tab/><w:t>する。</w:t></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>二行目</w:t></w:r></w:p>
</w:body></w:document>"#;

/// A zip of the given entries; `stored` entries are not compressed.
fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        z.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_plain_document_is_read_as_its_paragraphs() {
    let bytes = zip_of(&[("word/document.xml", DOC.as_bytes())], CompressionMethod::Deflated);
    let text = read(&bytes).unwrap();
    assert_eq!(text.text, "分科会を設置 \tする。\n二行目\n");
    assert!(text.changes.is_empty());
}

#[test]
fn load_document_reads_a_docx_draft_and_refuses_tracked_changes() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("draft.docx");
    std::fs::write(&plain, docx(&Redline::from_texts("一\n- 4 -\n二\n", "一\n- 4 -\n二\n", vec![]))).unwrap();
    let load = |path: &std::path::Path| {
        read_document(std::fs::read(path).unwrap(), InputKind::from_path(path), &PageMarker::default())
    };
    let doc = load(&plain).unwrap();
    // akaji writes the page number into Word's footer (its page furniture), which is not the
    // document's text: the body reads back, on Word's own pages.
    assert_eq!(doc.text(), "一\n二\n");
    assert_eq!(doc.pages().len(), 1);

    let tracked = dir.path().join("変更履歴版.docx");
    std::fs::write(&tracked, docx(&sample())).unwrap();
    let msg = load(&tracked).unwrap_err().to_string();
    assert!(msg.contains("tracked change(s) by 意見32（個人E）"), "{msg}");
    assert!(msg.contains("paragraph 2, deletes 「設置」") && msg.contains("accept or reject"), "{msg}");
    // The command line names the file.
    std::fs::write(dir.path().join("ledger.toml"), "").unwrap();
    let run = akaji_in(dir.path(), &["apply", "変更履歴版.docx", "ledger.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("変更履歴版.docx: holds") && run.stderr.contains(&msg), "{}", run.stderr);
}

#[test]
fn a_bad_crc_is_refused() {
    let mut bytes = zip_of(&[("word/document.xml", DOC.as_bytes())], CompressionMethod::Stored);
    let at = bytes.windows(6).position(|w| w == &"分科会".as_bytes()[..6]).unwrap();
    bytes[at + 3] ^= 0x01; // 科 becomes another character: the CRC no longer matches
    let err = read(&bytes).unwrap_err();
    assert!(matches!(err.kind, Kind::Docx(DocxProblem::Corrupt { .. })), "{err:?}");
    assert!(err.to_string().contains("word/document.xml is damaged"), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_expands() {
    let zeros = vec![b' '; 50 << 20];
    let bytes = zip_of(&[("word/document.xml", &zeros)], CompressionMethod::Deflated);
    assert!(bytes.len() < 200 << 10, "the bomb is small: {}", bytes.len());
    let err = read(&bytes).unwrap_err();
    assert!(matches!(err.kind, Kind::Docx(DocxProblem::Bomb { .. })), "{err:?}");
    assert!(err.to_string().starts_with("refused as a zip bomb: word/document.xml"), "{err}");
}

#[test]
fn path_tricks_are_refused() {
    for name in ["../evil.xml", "word/../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "word\\evil.xml"] {
        let bytes = zip_of(&[("word/document.xml", DOC.as_bytes()), (name, b"x")], CompressionMethod::Deflated);
        let err = read(&bytes).unwrap_err();
        assert!(matches!(err.kind, Kind::Docx(DocxProblem::UnsafeEntry { .. })), "{name}: {err:?}");
        assert!(err.to_string().contains(&format!("{name:?}")), "{err}");
    }
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../etc/passwd"/></Relationships>"#;
    let bytes = zip_of(&[("_rels/.rels", rels), ("word/document.xml", DOC.as_bytes())], CompressionMethod::Deflated);
    assert!(matches!(read(&bytes).unwrap_err().kind, Kind::Docx(DocxProblem::UnsafeEntry { .. })));
}

#[test]
fn huge_and_deep_xml_is_refused() {
    let mut huge =
        String::from(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#);
    for i in 0..60_000 {
        huge.push_str(&format!("<w:p><w:r><w:t>段落{i}</w:t></w:r></w:p>"));
    }
    huge.push_str("</w:body></w:document>");
    let bytes = zip_of(&[("word/document.xml", huge.as_bytes())], CompressionMethod::Deflated);
    let small = Limits { max_part: 1 << 20, ..Limits::default() };
    let err = read_with(&bytes, &small).unwrap_err();
    assert!(matches!(err.kind, Kind::Docx(DocxProblem::TooLarge { .. })), "{err:?}");
    assert!(err.to_string().contains("larger than 1 MiB"), "{err}");
    assert_eq!(read(&bytes).unwrap().text.lines().count(), 60_000, "within the default limits it is read");

    let deep = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}"#,
        "<w:body>".repeat(100_000)
    );
    let bytes = zip_of(&[("word/document.xml", deep.as_bytes())], CompressionMethod::Deflated);
    assert!(matches!(read(&bytes).unwrap_err().kind, Kind::Docx(DocxProblem::TooDeep { limit: 256, .. })));
}

#[test]
fn dtds_and_broken_xml_are_refused() {
    let dtd = r#"<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", dtd.as_bytes())], CompressionMethod::Deflated);
    assert!(matches!(read(&bytes).unwrap_err().kind, Kind::Docx(DocxProblem::Dtd { .. })));
    let broken = zip_of(&[("word/document.xml", b"<w:document><w:body></w:document>")], CompressionMethod::Deflated);
    let err = read(&broken).unwrap_err();
    assert!(err.to_string().starts_with("word/document.xml is not well-formed XML at byte"), "{err}");
}

#[test]
fn not_a_word_document_says_so() {
    let err = read(b"plain text, not a zip").unwrap_err();
    assert!(err.to_string().starts_with("is not a Word document (not a readable zip archive"), "{err}");
    let empty = zip_of(&[("hello.txt", b"hi")], CompressionMethod::Deflated);
    assert_eq!(read(&empty).unwrap_err().kind, Kind::Docx(DocxProblem::Missing { part: "word/document.xml".into() }));
}

/// Issue 10.11: a genuine document of repetitive text whose body compresses far more than 200
/// times, in an archive of 1.8 MB with a picture, was refused as a zip bomb (the ratio was held
/// to each part). The bound is the whole archive's expansion.
#[test]
fn a_genuine_document_of_repetitive_text_is_read() {
    let paragraph = "<w:p><w:r><w:t>地域の事業者においては、セキュリティを担う人材が不足している。</w:t></w:r></w:p>\n";
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n{}</w:body></w:document>",
        paragraph.repeat(100_000)
    );
    // A picture: bytes that do not compress (a xorshift sequence), stored.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let picture: Vec<u8> = (0..1_700_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).compression_level(Some(9));
    z.start_file("word/document.xml", deflated).unwrap();
    z.write_all(body.as_bytes()).unwrap();
    z.start_file("word/media/image1.png", SimpleFileOptions::default().compression_method(CompressionMethod::Stored))
        .unwrap();
    z.write_all(&picture).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let body_compressed = bytes.len() - picture.len();
    assert!(body.len() / body_compressed > 200, "the body alone expands {} times", body.len() / body_compressed);
    assert!((1_700_000..2_000_000).contains(&bytes.len()), "{}", bytes.len());
    let text = read(&bytes).map_err(|e| e.to_string()).map(|t| t.text.lines().count());
    assert_eq!(text, Ok(100_000));
    // The same body alone, without the picture, is small and expands too much: still a bomb.
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("word/document.xml", deflated).unwrap();
    z.write_all(body.as_bytes()).unwrap();
    let bomb = z.finish().unwrap().into_inner();
    let refused = read(&bomb).map(|t| t.text.len());
    assert!(
        matches!(&refused, Err(e) if matches!(e.kind, Kind::Docx(DocxProblem::Bomb { .. }))),
        "{:?}",
        refused.map_err(|e| e.to_string())
    );
}
