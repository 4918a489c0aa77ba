//! PDF input, on PDFs made like a ministry's (testdata/pdf/make.py: LibreOffice from flat ODT
//! with a real header and a `- N -` page-number footer, and reportlab with a non-embedded CID
//! font), each checked against the text it was made from.
//!
//! The PDFs are made once per test run, under the target folder. The tests need python3,
//! LibreOffice (`soffice`), reportlab and libpdfium (`bash .ci/install-pdfium`); without one of
//! them they print SKIPPED and return, unless `CI` is set: in CI they must run.

use crate::util::{akaji_in, root, testdata};
use akaji::pdf::{self, Pdf, Role};
use akaji::{Document, InputKind, PageMarker};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The folder holding the generated PDFs and their truth, or `None` (skipped) without the tools.
pub(crate) fn set() -> Option<&'static Path> {
    static SET: OnceLock<Option<PathBuf>> = OnceLock::new();
    SET.get_or_init(|| {
        let missing = missing_tools();
        if !missing.is_empty() {
            let why = format!("the PDF tests need {}", missing.join(", "));
            assert!(std::env::var_os("CI").is_none(), "{why}, and CI is set: .ci/run installs them");
            eprintln!("SKIPPED: {why}");
            return None;
        }
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf-set");
        let out = Command::new("python3").arg(testdata("pdf/make.py")).arg(&dir).output().expect("python3 runs");
        assert!(out.status.success(), "make.py failed: {}", String::from_utf8_lossy(&out.stderr));
        Some(dir)
    })
    .as_deref()
}

fn missing_tools() -> Vec<&'static str> {
    let runs = |cmd: &str, args: &[&str]| Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success());
    let mut missing = Vec::new();
    if !runs("python3", &["-c", "import reportlab"]) {
        missing.push("python3 with reportlab (pip install reportlab)");
    }
    if !runs("soffice", &["--version"]) {
        missing.push("LibreOffice (Debian package libreoffice-writer)");
    }
    if pdf::library().is_err() {
        missing.push("libpdfium (bash .ci/install-pdfium)");
    }
    missing
}

fn read(name: &str) -> Option<(Pdf, Value)> {
    let dir = set()?;
    let pdf = pdf::read(&std::fs::read(dir.join(format!("{name}.pdf"))).unwrap()).unwrap();
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.truth.json"))).unwrap()).unwrap();
    Some((pdf, truth))
}

fn read_pdf(path: &Path) -> Pdf {
    pdf::read(&std::fs::read(path).unwrap()).unwrap()
}

/// A PDF read as the document akaji revises.
fn document(path: &Path) -> Document {
    akaji::read_document(std::fs::read(path).unwrap(), InputKind::Pdf, &PageMarker::default()).unwrap()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
}

/// Characters of `want` that `got` holds in order (a char diff), for the figures.
fn matched(got: &str, want: &str) -> usize {
    similar::TextDiff::from_chars(got, want)
        .ops()
        .iter()
        .filter(|op| op.tag() == similar::DiffTag::Equal)
        .map(|op| op.new_range().len())
        .sum()
}

/// Every page: the printed number, the running heads, the body (line for line when the source
/// sets its lines, else as one text) and the footer, white space aside; then the figures.
fn extraction_matches(name: &str) {
    let Some((pdf, truth)) = read(name) else { return };
    let pages = truth["pages"].as_array().unwrap();
    assert_eq!(pdf.pages.len(), pages.len(), "{name}: pages");
    let (mut got_all, mut want_all, mut pages_right) = (String::new(), String::new(), 0);
    for (page, want) in pdf.pages.iter().zip(pages) {
        let at = format!("{name} page {}", page.index);
        let of =
            |role: Role| page.lines.iter().filter(|l| l.role == role).map(|l| squeeze(&l.text)).collect::<Vec<_>>();
        let (heads, body, number) = (of(Role::RunningHead), of(Role::Body), of(Role::PageNumber));
        assert_eq!(page.printed, want["printed"].as_u64().map(|n| n as u32), "{at}: printed number");
        assert_eq!(
            heads,
            strings(&want["heads"]).iter().map(|s| squeeze(s)).collect::<Vec<_>>(),
            "{at}: running heads"
        );
        let want_body: Vec<String> = strings(&want["body"]).iter().map(|s| squeeze(s)).collect();
        if want["wrapped"].as_bool().unwrap() {
            assert_eq!(body.concat(), want_body.concat(), "{at}: body");
        } else {
            assert_eq!(body, want_body, "{at}: body lines");
        }
        let footer: Vec<String> = want["footer"].as_str().map(squeeze).into_iter().collect();
        assert_eq!(number, footer, "{at}: footer");
        assert!(page.lines.iter().all(|l| l.role != Role::Footer), "{at}: no other footer");
        pages_right += 1;
        got_all += &[heads.concat(), body.concat(), number.concat()].concat();
        want_all += &[strings(&want["heads"]).concat(), want_body.concat(), footer.concat()].concat();
    }
    let (m, n) = (matched(&squeeze(&got_all), &squeeze(&want_all)), squeeze(&want_all).chars().count());
    eprintln!(
        "{name}: {m}/{n} characters matched ({:.2}%), {pages_right}/{} pages right",
        100.0 * m as f64 / n as f64,
        pages.len()
    );
}

#[test]
fn sample_with_running_heads_reads_as_written() {
    extraction_matches("sample");
}

#[test]
fn sample_without_heads_reads_as_written() {
    extraction_matches("sample-bare");
}

#[test]
fn plan_with_cover_contents_and_wrapped_items_reads_as_written() {
    extraction_matches("plan");
    let Some((pdf, _)) = read("plan") else { return };
    assert!(pdf.pages[0].front_matter && pdf.pages[1].front_matter && !pdf.pages[2].front_matter);
    // The wrapped paragraphs' geometry: a paragraph's first line is indented one character, its
    // last line ends short, and the hanging-indent items (ア), (イ) start with their marker.
    let body: Vec<&pdf::Line> = pdf.pages.iter().flat_map(|p| &p.lines).filter(|l| l.role == Role::Body).collect();
    let first = body.iter().find(|l| l.text.contains("近年、社会経済活動")).unwrap();
    assert_eq!(first.signs.indent, 1.0);
    assert!(!first.signs.ends_short);
    let next = body.iter().position(|l| l.text.contains("他方で、サイバー攻撃")).unwrap();
    assert_eq!(body[next].signs.indent, 1.0, "{}", body[next].text);
    let last = body[next - 1];
    assert!(last.signs.ends_short && last.signs.indent == 0.0, "{}", last.text);
    let item = body.iter().position(|l| l.text.starts_with("(ア)　周知啓発の対象")).unwrap();
    assert!(body[item].signs.item_marker && body[item].signs.indent == 0.0);
    assert_eq!(body[item + 1].signs.indent, 2.0, "an item's second line hangs under its text: {}", body[item + 1].text);
}

/// Paragraph joining from the PDF's geometry (the document model's paragraphs of a PDF): on
/// the plan, whose source is paragraphs and items that LibreOffice wrapped, the joined lines are
/// those paragraphs, page by page (headings, contents lines and the cover's lines each their own).
#[test]
fn plan_lines_join_into_the_source_paragraphs() {
    let (Some((_, truth)), Some(dir)) = (read("plan"), set()) else { return };
    let doc = document(&dir.join("plan.pdf"));
    let paragraphs = doc.paragraphs();
    let mut total = 0;
    for (p, want) in truth["pages"].as_array().unwrap().iter().enumerate() {
        let page = &doc.pages()[p];
        let got: Vec<String> = paragraphs
            .iter()
            .filter(|par| page.all.contains(&par.lines.start))
            .map(|par| squeeze(&doc.paragraph_text(par)))
            .collect();
        let want: Vec<String> = strings(&want["body"]).iter().map(|s| squeeze(s)).collect();
        total += want.len();
        assert_eq!(got, want, "page {}", p + 1);
    }
    eprintln!("plan: {}/{total} paragraphs joined right", paragraphs.len());
}

/// The 新旧対照表 of a ledger on the plan's PDF has one row per changed paragraph, whole: the
/// old cell is a paragraph of the source (printed lines joined, running heads out) and the new
/// cell that paragraph with the decision's edit, the changed words underlined.
#[test]
fn the_table_of_a_pdf_plan_has_whole_paragraphs() {
    let (Some((_, truth)), Some(dir)) = (read("plan"), set()) else { return };
    let ledger = std::env::temp_dir().join(format!("akaji-plan-ledger-{}.toml", std::process::id()));
    let edits = [
        ("SaaS", "クラウド"),
        ("「二重恐喝」", "「二重の恐喝」"),
        ("拠点等を足掛かりとして", "拠点等を足がかりとして"),
    ];
    let toml: String = edits
        .iter()
        .enumerate()
        .map(|(i, (old, new))| {
            format!("[[decision]]\nid = \"{}\"\n[[decision.edit]]\nold = \"{old}\"\nnew = \"{new}\"\n", i + 1)
        })
        .collect();
    std::fs::write(&ledger, toml).unwrap();
    let pdf = dir.join("plan.pdf");
    let run = akaji_in(&root(), &["redline", pdf.to_str().unwrap(), ledger.to_str().unwrap(), "--format", "table"]);
    let _ = std::fs::remove_file(&ledger);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paragraphs: Vec<String> =
        truth["pages"].as_array().unwrap().iter().flat_map(|p| strings(&p["body"])).map(|s| squeeze(&s)).collect();
    let text = |cell: &str| squeeze(&cell.replace("<u>", "").replace("</u>", ""));
    let cells = |class: &str| -> Vec<String> {
        let open = format!("<td class=\"{class}\">");
        run.stdout.split(&open).skip(1).map(|c| c[..c.find("</td>").unwrap()].to_string()).collect()
    };
    let (new, old) = (cells("new"), cells("old"));
    assert_eq!(old.len(), 2, "two paragraphs changed (SaaS and 足掛かり are in one): {old:?}");
    for (n, o) in new.iter().zip(&old) {
        assert!(paragraphs.contains(&text(o)), "the old cell is a whole source paragraph: {o}");
        let mut want = text(o);
        for (a, b) in edits {
            want = want.replace(a, b);
        }
        assert_eq!(text(n), want, "the new cell is the paragraph with its edits");
        assert!(n.contains("<u>"), "changed words underlined: {n}");
    }
    assert!(new.iter().any(|n| n.contains("<u>クラウドサービス</u>")), "the word underlined whole: {new:?}");
    assert!(old.iter().any(|o| o.contains("<u>SaaSサービス</u>")), "and its old word alike: {old:?}");
}

#[test]
fn radical_code_points_are_read_as_printed() {
    extraction_matches("radicals");
    let (Some((radicals, _)), Some((plan, _))) = (read("radicals"), read("plan")) else { return };
    let text = radicals.text();
    let count = text.chars().filter(|c| ('\u{2E80}'..='\u{2FDF}').contains(c)).count();
    assert!(count > 50, "the radicals PDF holds radicals: {count}");
    // The radicals make.py writes: Kangxi ones fold by NFKC, the two supplement ones by hand.
    let folded: String = text
        .chars()
        .map(|c| match c {
            '⺠' => '民',
            '⻑' => '長',
            '\u{2F00}'..='\u{2FDF}' => c.to_string().nfkc().next().unwrap(),
            c => c,
        })
        .collect();
    assert_eq!(folded, plan.text(), "folded, it is the plan");
}

#[test]
fn a_non_embedded_cid_font_reads_as_written() {
    extraction_matches("cid");
}

/// Pages turned by `/Rotate` (0, 90, 180, 270) with the text upright as the page is seen: read
/// as seen, and the turned pages are as wide as they look.
#[test]
fn turned_pages_read_as_seen() {
    extraction_matches("rotated");
    let Some((pdf, _)) = read("rotated") else { return };
    let wide: Vec<bool> = pdf.pages.iter().map(|p| p.size.0 > p.size.1).collect();
    assert_eq!(wide, [false, true, false, true]);
    // A landscape page's lines are measured against its own margins.
    let page = &pdf.pages[1].lines;
    assert!(page[0].text.contains("本年度は") && !page[0].signs.ends_short, "{}", page[0].text);
    assert!(page[2].text.contains("点を置いて検討を行った。") && page[2].signs.ends_short, "{}", page[2].text);
}

/// A ledger typed with 行, 民, 生 anchors in the PDF's ⾏, ⺠, ⽣; the final keeps the PDF's own
/// characters outside the changed part (a changed unit is written as `new` gives it: a kanji
/// run that an edit changes inside would take the typed ideographs).
#[test]
fn a_ledger_typed_with_ideographs_anchors_in_radicals() {
    let Some(dir) = set() else { return };
    let ledger = r#"
[[decision]]
id = "1"
  [[decision.edit]]
  old = "国民生活を支える"
  new = "国民生活を支援する"
  [[decision.edit]]
  old = "行政サービス"
  new = "行政手続"
"#;
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("ledger.toml"), ledger).unwrap();
    let pdf = dir.join("radicals.pdf");
    let run = akaji_in(work.path(), &["apply", pdf.to_str().unwrap(), "ledger.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = read_pdf(&pdf).text();
    assert!(squeeze(&draft).contains("国⺠⽣活を支える") && squeeze(&draft).contains("⾏政サービス"));
    let fin = squeeze(&run.stdout);
    assert!(fin.contains("国⺠⽣活を支援する"), "the unchanged ⺠ and ⽣ stay");
    assert!(fin.contains("⾏政手続"), "only サービス is replaced; ⾏ stays");
    let radicals = |s: &str| s.chars().filter(|c| ('\u{2E80}'..='\u{2FDF}').contains(c)).count();
    assert_eq!(radicals(&run.stdout), radicals(&draft), "no radical was rewritten");
}

/// The sample ledger applied to PDFs of the sample draft without running heads gives the text
/// final byte for byte (the PDF's pages and lines are the draft's).
#[test]
fn the_sample_ledger_applies_to_the_pdf_as_to_the_text() {
    let Some(dir) = set() else { return };
    let want = std::fs::read_to_string(testdata("sample/final.txt")).unwrap();
    for name in ["sample-bare", "cid"] {
        let pdf = dir.join(format!("{name}.pdf"));
        let run = akaji_in(&root(), &["apply", pdf.to_str().unwrap(), "testdata/sample/ledger.toml"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stdout == want, "{name}: the final differs from final.txt");
    }
}

/// The sample ledger applies to the PDF with running heads as to the text: its line citations
/// (P6 line 5, P12 line 17) count body lines, under the heads; the final's body is final.txt.
#[test]
fn the_sample_ledger_applies_to_the_pdf_with_running_heads() {
    let Some(dir) = set() else { return };
    let pdf = dir.join("sample.pdf");
    let run = akaji_in(&root(), &["apply", pdf.to_str().unwrap(), "testdata/sample/ledger.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ledger = akaji::Ledger::from_toml(&std::fs::read_to_string(testdata("sample/ledger.toml")).unwrap()).unwrap();
    let draft = document(&pdf);
    let applied = akaji::apply(&draft, &ledger).unwrap();
    assert_eq!(run.stdout, applied.final_doc.text());
    let fin = &applied.final_doc;
    let body: Vec<&str> = (0..fin.line_count()).filter(|&l| !fin.is_furniture(l)).map(|l| fin.line_text(l)).collect();
    let heads = (0..fin.line_count()).filter(|&l| fin.role(l) == akaji::LineRole::RunningHead).count();
    assert!(heads >= 14, "the final keeps the draft's running heads: {heads}");
    let want = std::fs::read_to_string(testdata("sample/final.txt")).unwrap();
    let want: Vec<&str> = want.lines().filter(|l| !l.trim_start().starts_with("- ")).collect();
    assert_eq!(body, want);
}

/// The final written from the PDF (text, with the PDF's running heads as lines) read back as
/// text verifies against the PDF with nothing unexplained, and `akaji diff` of the two shows the
/// decisions' changes only: the text's running heads are told apart where a section opens its
/// page (heads above the same headings) and the PDF's heads are not taken from the text's body.
#[test]
fn a_text_final_of_a_pdf_draft_verifies_and_diffs_by_content() {
    let Some(dir) = set() else { return };
    let pdf = dir.join("sample.pdf");
    let out = std::env::temp_dir().join(format!("akaji-pdf-final-{}.txt", std::process::id()));
    let run = akaji_in(
        &root(),
        &["apply", pdf.to_str().unwrap(), "testdata/sample/ledger.toml", "-o", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let args = ["verify", "testdata/sample/ledger.toml", "--draft", pdf.to_str().unwrap(), "--final"];
    // The final as written from the PDF (its heads as lines) and the hand-made text final
    // without heads, whose body headings (「はじめに」 opening page 3) the PDF prints as heads too.
    for fin in [out.to_str().unwrap(), "testdata/sample/final.txt"] {
        let run = akaji_in(&root(), &[&args[..], &[fin, "--format", "json"]].concat());
        assert_eq!(run.code, 0, "{fin}: {}{}", run.stdout, run.stderr);
        let report: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(report["unexplained"].as_array().map(Vec::len), Some(0), "{fin}: {}", report["unexplained"]);
        let diff = akaji_in(&root(), &["diff", pdf.to_str().unwrap(), fin, "--format", "json"]);
        assert_eq!(diff.code, 1, "{}", diff.stderr);
        let d: Value = serde_json::from_str(&diff.stdout).unwrap();
        let content: Vec<&Value> = d["hunks"].as_array().unwrap().iter().filter(|h| h["layout"] != true).collect();
        let shown: Vec<String> = content.iter().map(|h| format!("{}→{}", h["old_text"], h["new_text"])).collect();
        assert!(content.iter().all(|h| !h["old_text"].as_str().unwrap_or("").contains("はじめに")), "{fin}: {shown:?}");
        assert!((15..=16).contains(&content.len()), "{fin}: the ledger's 15 edits (one may split): {shown:?}");
    }
    let _ = std::fs::remove_file(out);
}

/// The comment table's rows, once repeated headers are dropped and continuations merged (what
/// `akaji import` does), are the table it was made from.
#[test]
fn comment_table_cells_from_pdf() {
    let Some(dir) = set() else { return };
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("comments.truth.json")).unwrap()).unwrap();
    let want: Vec<Vec<String>> = truth["rows"].as_array().unwrap().iter().map(strings).collect();
    let rows = pdf::read_table(&std::fs::read(dir.join("comments.pdf")).unwrap()).unwrap();
    let pages = read_pdf(&dir.join("comments.pdf")).pages.len();
    assert!(pages >= 3, "the table runs over pages: {pages}");
    let headers = rows.iter().filter(|r| squeeze(&r.concat()) == squeeze(&want[0].concat())).count();
    assert_eq!(headers, pages, "the header row is printed on every page and left in");
    let continued = rows.iter().filter(|r| r[0].is_empty()).count();
    assert!(continued >= 2, "rows continue across pages: {continued}");
    let mut merged: Vec<Vec<String>> = Vec::new();
    for row in rows {
        if !merged.is_empty() && squeeze(&row.concat()) == squeeze(&want[0].concat()) {
            continue;
        }
        match merged.last_mut() {
            Some(last) if row[0].is_empty() => last.iter_mut().zip(row).for_each(|(cell, more)| cell.push_str(&more)),
            _ => merged.push(row),
        }
    }
    let sq = |rows: &[Vec<String>]| {
        rows.iter().map(|r| r.iter().map(|c| squeeze(c)).collect::<Vec<_>>()).collect::<Vec<_>>()
    };
    let (m, n) = (
        matched(&squeeze(&sq(&merged).concat().concat()), &squeeze(&sq(&want).concat().concat())),
        squeeze(&sq(&want).concat().concat()).chars().count(),
    );
    eprintln!(
        "comments: {} rows × {} columns, {m}/{n} characters matched ({:.2}%)",
        merged.len(),
        merged[0].len(),
        100.0 * m as f64 / n as f64
    );
    assert_eq!(sq(&merged), sq(&want));
    // Where a cell's line wraps between Latin letters or digits, a space only where the words
    // part: 「2023年」 and 「DKIM」 broken over two lines come out whole, 「Top10 2023」 keeps its.
    let latin = |rows: &[Vec<String>]| {
        rows.iter().map(|r| r.iter().map(|c| latin_spaced(c)).collect::<Vec<_>>()).collect::<Vec<_>>()
    };
    assert_eq!(latin(&merged), latin(&want));
}

/// The text akaji reads pages by the printed numbers: the sample draft's 14 pages, each with
/// the draft's lines; the plan's body pages 1–12 after its unnumbered cover and contents, which
/// are front pages i and ii.
#[test]
fn pdf_documents_page_by_printed_numbers() {
    let Some(dir) = set() else { return };
    let doc = document(&dir.join("sample-bare.pdf"));
    let draft = std::fs::read_to_string(testdata("sample/draft.txt")).unwrap();
    let text = Document::new(&draft, &PageMarker::default());
    assert_eq!(doc.pages().len(), 14);
    for (p, q) in doc.pages().iter().zip(text.pages()) {
        assert_eq!((p.number, p.lines.len()), (q.number, q.lines.len()));
    }
    let plan = document(&dir.join("plan.pdf"));
    let numbers: Vec<String> = plan.pages().iter().map(|p| p.number.to_string()).collect();
    let want: Vec<String> = ["i", "ii"].iter().map(|s| s.to_string()).chain((1..=12).map(|n| n.to_string())).collect();
    assert_eq!(numbers, want, "the cover and contents are front pages i and ii");
}

/// Without PDFium a PDF input is refused with how to install it (exit 2); a text input does
/// not need it.
#[test]
fn without_the_library_a_pdf_is_refused_and_text_still_works() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("案.pdf"), b"%PDF-1.4\n").unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_akaji"))
            .args(args)
            .current_dir(work.path())
            .env("AKAJI_PDFIUM", work.path().join("none/libpdfium.so"))
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let ledger = testdata("sample/ledger.toml");
    let (code, err) = run(&["apply", "案.pdf", ledger.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("案.pdf") && err.contains("install-pdfium") && err.contains("pypdfium2"), "{err}");
    assert!(err.contains("none/libpdfium.so (not there)"), "names what it tried: {err}");
    let draft = testdata("sample/draft.txt");
    let (code, err) = run(&["apply", draft.to_str().unwrap(), ledger.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused() {
    if set().is_none() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("x.pdf"), "本文です\n").unwrap();
    let run = akaji_in(work.path(), &["diff", "x.pdf", "x.pdf"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("x.pdf: is not a PDF file"), "{}", run.stderr);
}

/// A PDF without a text layer (a scan) is refused: an empty text would report every quote as
/// not found, as if the ledger were wrong.
#[test]
fn a_pdf_without_text_is_refused_as_a_scan() {
    if set().is_none() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let scan = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    std::fs::write(work.path().join("scan.pdf"), scan).unwrap();
    let run = akaji_in(work.path(), &["diff", "scan.pdf", "scan.pdf"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("scan.pdf: holds no text on any of its 1 page(s)"), "{}", run.stderr);
}

/// `s` without white space, except one space wherever white space parts two Latin letters or
/// digits.
fn latin_spaced(s: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && c.is_ascii_alphanumeric() && out.chars().last().is_some_and(|p| p.is_ascii_alphanumeric()) {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}
