//! `--format docx`: tracked changes that real readers accept and reject, and `.docx` inputs.
//!
//! The comparisons with pandoc and LibreOffice go through [`content`]: the paragraph mapping of
//! `akaji::docx` is one Word paragraph per paragraph of the text (its printed lines joined,
//! page furniture in the header and footer), so accepting or rejecting every change gives the
//! final's or the draft's body up to layout: every character, white space aside (readers also
//! collapse white space and drop empty paragraphs). [`as_paragraphs`] is the text of one
//! document as its paragraphs.

mod hostile;
pub mod readers;
mod sample;
mod write;

use akaji::{Date, Decision, DecisionIx, EditRef, Hunk, HunkKind, Redline};
use std::process::Command;

/// One change for [`build`]: the text before it (to find it), old, new, and its decision.
pub struct Change<'a> {
    pub before: &'a str,
    pub old: &'a str,
    pub new: &'a str,
    pub decision: Option<&'a str>,
}

pub fn ch<'a>(before: &'a str, old: &'a str, new: &'a str, decision: Option<&'a str>) -> Change<'a> {
    Change { before, old, new, decision }
}

/// A redline of `old` with `changes` (in document order) applied. Hunks are attributed to
/// decisions by index, the decisions numbered in the order their ids first appear (the order
/// the caller lists them in `decisions`).
pub fn build(old: &str, changes: &[Change]) -> Redline<'static> {
    let mut new = String::new();
    let mut hunks = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    let mut from = 0;
    for (i, c) in changes.iter().enumerate() {
        let key = format!("{}{}", c.before, c.old);
        let at = from + old[from..].find(&key).unwrap_or_else(|| panic!("{key:?} not found")) + c.before.len();
        new.push_str(&old[from..at]);
        let start = new.len();
        new.push_str(c.new);
        let mut h = Hunk::new(at..at + c.old.len(), start..new.len());
        if let Some(d) = c.decision {
            let ix = ids.iter().position(|id| *id == d).unwrap_or_else(|| {
                ids.push(d);
                ids.len() - 1
            });
            h = h.attributed(EditRef { decision: DecisionIx(ix), edit: i });
        }
        hunks.push(h);
        from = at + c.old.len();
    }
    new.push_str(&old[from..]);
    let r = Redline::from_texts(old, &new, hunks);
    if ids.is_empty() {
        // With attributions, the caller checks once it has given the decisions.
        r.check().unwrap();
    }
    r
}

pub fn decision(id: &str, by: Option<&str>, response: &str, date: Option<&str>) -> Decision {
    Decision {
        id: id.into(),
        by: by.map(Into::into),
        response: Some(response.into()),
        date: date.map(|d| Date(d.into())),
        ..Decision::default()
    }
}

/// A short draft in the style of the public-comment plans: page footers, a tab, a line broken
/// in mid-phrase, characters XML escapes.
pub const DRAFT: &str = "\
第１章　はじめに
本計画は、サイバーセキュリティ分科会を設置し、その検討を進めるに
あたって、以下の方針を定める。
\t（１）基本方針
この行は削除される。
- 4 -
大手自動車メーカーが利用するSaaSサービスを対象とする。
詳細は https://www.soumu.go.jp/main_content/000867112.pdf を参照。
AI化を進める & <検討> する。
- 5 -
移動する段落。
最後の行。
";

/// The sample: seven decisions, a hunk across a line break, a moved line (not attributed).
pub fn sample() -> Redline<'static> {
    let mut r = build(
        DRAFT,
        &[
            ch("分科会を", "設置", "開催", Some("32")),
            ch("進めるに\n", "あたって", "当たって", Some("7")),
            ch("", "この行は削除される。\n", "", Some("15")),
            ch("利用する", "SaaS", "クラウド", Some("12")),
            ch("main_content/000", "867112", "690267", Some("40")),
            ch("", "AI化", "AI（人工知能）化", Some("51")),
            ch("する。\n", "", "また、2023年7月には新たな検討を開始した。\n", Some("9")),
            ch("", "移動する段落。\n", "", None),
            ch("最後の行。\n", "", "移動する段落。\n", None),
        ],
    );
    let n = r.hunks.len();
    for h in &mut r.hunks[n - 2..] {
        h.kind = HunkKind::Move;
        h.move_id = Some(1);
    }
    r.decisions = vec![
        decision("32", Some("個人E"), "御指摘を踏まえ、P4の「設置」を「開催」に修正いたします。", Some("2023-08-25")),
        decision(
            "7",
            Some("一般社団法人A"),
            "P4の2行目の「あたって」を「当たって」に修正いたします。",
            Some("2023-08-25"),
        ),
        decision("15", None, "御意見を踏まえ、削除いたします。", None),
        decision("12", Some("個人B"), "御指摘を踏まえ「…クラウドサービス」に修正いたします。", Some("2023-08-25")),
        decision("40", None, "御意見を踏まえ、URLを修正いたします。\n（<参考> & 旧URL）", Some("2023-08-25")),
        decision("51", Some("個人C"), "(P5)「AI化」→「AI（人工知能）化」", Some("2023-08-25T10:30:00")),
        decision("9", Some("個人D"), "御指摘を踏まえ、P5に追記をいたします。", None),
    ]
    .into();
    r.title = Some("ICTサイバーセキュリティ総合対策2023（案）".into());
    r.check().unwrap();
    r
}

/// A generated draft of 500 lines and a redline with 1,000 edits of every kind: replacements,
/// deletions, insertions, whole lines inserted and deleted, and hunks across line breaks.
pub fn thousand_edits() -> Redline<'static> {
    let mut draft = String::new();
    for i in 0..500 {
        draft.push_str(&format!("第{i}項　分科会を設置し、検討事項{i}について\n報告書{i}を作成する。\n"));
        if i % 40 == 39 {
            draft.push_str(&format!("- {} -\n", i / 40 + 1));
        }
    }
    let mut changes = Vec::new();
    let ids: Vec<String> = (0..1000).map(|i| (i % 97).to_string()).collect();
    for i in 0..500 {
        let d = Some(ids[2 * i].as_str());
        let e = Some(ids[2 * i + 1].as_str());
        match i % 5 {
            0 => {
                changes.push(ch("分科会を", "設置", "開催", d));
                changes.push(ch("について\n", "", "追加の一行。\n", e));
            }
            1 => {
                changes.push(ch("検討", "事項", "", d));
                changes.push(ch("", "を作成する。", "を作成し、公表する。", e));
            }
            2 => {
                changes.push(ch("", "分科会", "会議", d));
                changes.push(ch("について", "\n", "、", e));
            }
            3 => {
                changes.push(ch("第", "", "（新）", d));
                changes.push(ch("について\n", "報告書", "", e));
            }
            _ => {
                changes.push(ch("し、", "検討", "審議", d));
                changes.push(ch("を作成", "する。\n", "した。\n新たな段落。\n", e));
            }
        }
    }
    let mut r = build(&draft, &changes);
    r.decisions = (0..97)
        .map(|i| decision(&i.to_string(), Some("個人"), "修正いたします。", Some("2023-08-25")))
        .collect::<Vec<_>>()
        .into();
    r.check().unwrap();
    r
}

/// The docx of a redline, as bytes.
pub fn docx(r: &Redline) -> Vec<u8> {
    let mut out = Vec::new();
    let warnings = akaji::docx::write(r, &mut out).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    out
}

/// One part of a `.docx` (`word/document.xml`), as text.
pub fn part(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// A text as a reader of its Word document sees it, one line per paragraph: the printed lines
/// of each paragraph joined and page furniture left out, as akaji's document model reads the
/// text (the paragraph mapping of `akaji::docx`).
pub fn as_paragraphs(text: &str) -> String {
    let doc = akaji::Document::new(text, &akaji::PageMarker::default());
    doc.paragraphs().iter().map(|p| format!("{}\n", doc.paragraph_text(p))).collect()
}

/// A text's content: its body's characters, white space and page furniture left out. The
/// Word document's paragraphs follow the old text's; accepting every change gives the new
/// text's content (its paragraphs are the old text's with the changed paragraph marks).
pub fn content(text: &str) -> String {
    let doc = akaji::Document::new(text, &akaji::PageMarker::default());
    (0..doc.line_count())
        .filter(|&l| !doc.is_furniture(l))
        .flat_map(|l| doc.line_text(l).chars().filter(|c| !c.is_whitespace()).collect::<Vec<_>>())
        .collect()
}

/// Whether an external tool can be run; without it the test is skipped, unless `CI` is set.
pub fn have(tool: &str, debian_package: &str) -> bool {
    if Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success()) {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is not installed and CI is set: install the Debian package {debian_package}");
    }
    eprintln!("skipping: {tool} is not installed (Debian package {debian_package})");
    false
}
