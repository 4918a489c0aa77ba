//! The .docx reader: any bytes, as an archive. It must refuse or read, never panic. A text it
//! reads, written again as a clean .docx (when no character needs a stand-in), must read back
//! with every character of its body in order: the writer reflows paragraphs and leaves page
//! furniture to Word's header and footer, so white space and furniture lines are not compared.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(read) = akaji::docx::read(data) else { return };
        let doc = akaji::Document::new(&read.text, &akaji::PageMarker::default());
        let clean = akaji::Redline::new(&doc, &doc, Vec::new());
        if !akaji::docx::warnings(&clean).is_empty() {
            return;
        }
        let mut bytes = Vec::new();
        akaji::docx::write(&clean, &mut bytes).expect("a .docx is written to memory");
        let again = akaji::docx::read(&bytes).expect("a written .docx reads back");
        let body: String = (0..doc.line_count())
            .filter(|&l| !doc.is_furniture(l))
            .flat_map(|l| doc.line_text(l).chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        let back: String = again.text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(back, body, "the body of a .docx written again");
    });
}
