//! What akaji writes: the parts of the sample, read back by akaji itself.

use super::{as_paragraphs, build, ch, content, docx, part, sample, thousand_edits};
use akaji::docx::{read, ChangeKind};
use akaji::Redline;
use quick_xml::events::Event;
use quick_xml::{Reader, Writer};

/// An XML part re-indented for review (text inside elements is left as it is).
pub fn pretty(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            e => writer.write_event(e).unwrap(),
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

#[test]
fn the_samples_document_xml() {
    insta::assert_snapshot!("sample_document_xml", pretty(&part(&docx(&sample()), "word/document.xml")));
}

#[test]
fn the_samples_comments_carry_each_response() {
    let xml = part(&docx(&sample()), "word/comments.xml");
    insta::assert_snapshot!("sample_comments_xml", pretty(&xml));
    assert_eq!(xml.matches("<w:comment ").count(), 7, "one comment per attributed change");
    assert!(xml.contains("（&lt;参考&gt; &amp; 旧URL）"), "the response's second line is escaped");
}

#[test]
fn akaji_reads_back_the_final_and_every_change() {
    let r = sample();
    let back = read(&docx(&r)).unwrap();
    // Every change accepted: the final's content, one Word paragraph per paragraph.
    assert_eq!(content(&back.text), content(r.new.text()));
    let authors: Vec<&str> = back.changes.iter().filter_map(|c| c.author.as_deref()).collect();
    assert!(authors.contains(&"意見32（個人E）") && authors.contains(&"akaji"), "{authors:?}");
    let first = &back.changes[0];
    assert_eq!((first.kind, first.text.as_str(), first.paragraph), (ChangeKind::Deleted, "設置", 2));
    assert_eq!(first.date.as_deref(), Some("2023-08-25T00:00:00Z"));
    let moved: Vec<ChangeKind> = back.changes.iter().filter(|c| c.text.starts_with("移動")).map(|c| c.kind).collect();
    assert_eq!(moved, vec![ChangeKind::MovedFrom, ChangeKind::MovedTo]);
}

#[test]
fn an_unchanged_text_reads_back_as_its_paragraphs() {
    // Short lines: each its own paragraph; the page number goes to the footer.
    let text = "一行目\n\t字下げ　全角空白  半角空白2つ\n- 1 -\n\u{c}改頁の後\n最後\n";
    let written = docx(&Redline::from_texts(text, text, vec![]));
    let back = read(&written).unwrap();
    assert_eq!(back.text, "一行目\n\t字下げ　全角空白  半角空白2つ\n\u{c}改頁の後\n最後\n");
    assert!(back.changes.is_empty());
    assert!(part(&written, "word/footer1.xml").contains(" PAGE "), "the page number is a footer field");
    // A wrapped paragraph is one Word paragraph.
    let text =
        "　本計画は、地域におけるサイバーセキュリティの確保に向けて、国及\nび地方公共団体が取り組む施策をまとめた。\n";
    assert_eq!(read(&docx(&Redline::from_texts(text, text, vec![]))).unwrap().text, as_paragraphs(text));
    assert_eq!(as_paragraphs(text).lines().count(), 1);
}

#[test]
fn crlf_line_breaks_come_back_as_lf() {
    let r = build("あ\r\nい\r\nう\r\n", &[ch("あ\r\n", "い", "イ", None)]);
    let back = read(&docx(&r)).unwrap();
    assert_eq!(back.text, "あ\nイ\nう\n");
}

#[test]
fn forbidden_characters_are_kept_visible_and_reported() {
    let r = build("制御\u{7}文字\u{1b}と\u{ffff}\n", &[ch("制御\u{7}", "文字", "記号\u{0}", None)]);
    let mut out = Vec::new();
    let warnings = akaji::docx::write(&r, &mut out).unwrap();
    let codes: Vec<u32> = warnings.iter().map(|w| w.code_point).collect();
    assert_eq!(codes, vec![7, 0, 0x1b, 0xffff]);
    assert_eq!(warnings[1].to_string().split(':').next(), Some("new text P1 L1"));
    assert_eq!(akaji::docx::warnings(&r), warnings);
    assert_eq!(read(&out).unwrap().text, "制御␇記号␀␛と\u{fffd}\n");
}

#[test]
fn the_same_redline_gives_the_same_bytes() {
    assert_eq!(docx(&sample()), docx(&sample()));
}

#[test]
fn a_thousand_edits_read_back_with_every_change() {
    let r = thousand_edits();
    assert_eq!(r.hunks.len(), 1000);
    let back = read(&docx(&r)).unwrap();
    let (got, want) = (content(&back.text), content(r.new.text()));
    let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
    let around = |s: &str| s.chars().skip(at.saturating_sub(20)).take(60).collect::<String>();
    assert!(
        got == want,
        "accepting every change gives the new text's content; at char {at}: {} vs {}",
        around(&got),
        around(&want)
    );
    // Every hunk is tracked: the deleted text is the hunks' old sides, the inserted text their
    // new sides (white space aside: a paragraph's own wraps are not paragraph marks).
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let side = |del: bool| {
        back.changes
            .iter()
            .filter(|c| !c.paragraph_mark && (c.kind == ChangeKind::Deleted) == del)
            .map(|c| squeeze(&c.text))
            .collect::<String>()
    };
    let olds: String = r.hunks.iter().map(|h| squeeze(r.old_text(h))).collect();
    let news: String = r.hunks.iter().map(|h| squeeze(r.new_text(h))).collect();
    let first_difference = |a: &str, b: &str| {
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let near = |s: &str| s.chars().skip(at.saturating_sub(10)).take(30).collect::<String>();
        format!("at char {at}: {} vs {}", near(a), near(b))
    };
    assert!(side(true) == olds, "deleted text: {}", first_difference(&side(true), &olds));
    assert!(side(false) == news, "inserted text: {}", first_difference(&side(false), &news));
    // And the line breaks that end paragraphs inside hunks are tracked paragraph marks, the
    // wraps inside paragraphs not.
    let marks = back.changes.iter().filter(|c| c.paragraph_mark).count();
    let breaks: usize =
        r.hunks.iter().map(|h| r.old_text(h).matches('\n').count() + r.new_text(h).matches('\n').count()).sum();
    assert!(marks > 0 && marks < breaks, "{marks} marks for {breaks} line breaks in hunks");
}

#[test]
fn the_renderer_writes_the_same_document_through_render() {
    use akaji::render::{render, Format, RenderOptions};
    let mut out = Vec::new();
    render(&sample(), Format::Docx, &RenderOptions::default(), &mut out).unwrap();
    assert_eq!(out, docx(&sample()));
}
