//! The redline formats, on a small hand-built redline: snapshots, and properties every format
//! must have.

use akaji::render::{render, Context, Format, RenderOptions};
use akaji::{Decision, DecisionIx, EditRef, Hunk, HunkKind, Redline};
use std::io;

/// A piece of a hand-built redline: text the same in both, or a change.
pub enum Piece<'a> {
    /// The same in old and new.
    Eq(&'a str),
    /// `old` becomes `new`, attributed to a decision's edit.
    Chg(&'a str, &'a str, Option<(&'a str, usize)>),
    /// One end of move `id`: `old` deleted here, or `new` inserted here.
    Move(&'a str, &'a str, usize),
}

/// A redline from pieces, with byte offsets computed.
pub fn build(pieces: &[Piece]) -> Redline<'static> {
    build_with(pieces, Vec::new())
}

/// A redline from pieces and the decisions their changes are attributed to (by id).
pub fn build_with(pieces: &[Piece], decisions: Vec<Decision>) -> Redline<'static> {
    let (mut old, mut new, mut hunks) = (String::new(), String::new(), Vec::new());
    for p in pieces {
        match p {
            Piece::Eq(t) => {
                old.push_str(t);
                new.push_str(t);
            }
            Piece::Chg(o, n, _) | Piece::Move(o, n, _) => {
                let mut h = Hunk::new(old.len()..old.len() + o.len(), new.len()..new.len() + n.len());
                match p {
                    Piece::Chg(_, _, Some((d, e))) => {
                        let ix = decisions.iter().position(|x| x.id == *d).expect("a decision of the redline");
                        h = h.attributed(EditRef { decision: DecisionIx(ix), edit: *e });
                    }
                    Piece::Move(_, _, id) => {
                        h.kind = HunkKind::Move;
                        h.move_id = Some(*id);
                    }
                    _ => {}
                }
                old.push_str(o);
                new.push_str(n);
                hunks.push(h);
            }
        }
    }
    let r = Redline::from_texts(&old, &new, hunks).with_decisions(decisions);
    r.check().expect("a well-formed redline");
    r
}

fn decision(id: &str, by: &str, response: &str) -> Decision {
    Decision {
        id: id.into(),
        by: Some(by.into()),
        at: Some("はじめに".into()),
        request: Some("「設置」は誤りではないか。<b>確認</b>を。".into()),
        response: Some(response.into()),
        ..Decision::default()
    }
}

/// The sample: Japanese text over two pages, a replacement, a minimal replacement inside a word,
/// an insertion, a deletion, a move pair, a CRLF line, and text that looks like markup.
pub fn sample() -> Redline<'static> {
    use Piece::*;
    let decisions = vec![
        decision("32", "個人E", "御指摘を踏まえ、「設置」を「開催」に修正いたします。"),
        decision("41", "一般社団法人A", "御指摘を踏まえ「SaaSサービス」を「クラウドサービス」に修正いたします。"),
        decision("45", "個人F", "御指摘を踏まえ、P4に追記をいたします。"),
        decision("50", "個人G", "御意見を踏まえ、削除いたします。"),
    ];
    let pieces = [
        Eq("ICTサイバーセキュリティ総合対策2023（案）\nはじめに\n本分科会を"),
        Chg("設置", "開催", Some(("32", 0))),
        Eq("し、検討を行った。\n大手自動車メーカーが利用する"),
        Chg("SaaS", "クラウド", Some(("41", 0))),
        Eq("サービスの\n"),
        Move("（参考）関係機関との連携体制の強化を図ることとする。\n", "", 1),
        Eq("脆弱性が悪用された。\r\n- 4 -\n資料は<a href=\"x\">{--ここ--}</a>を参照。\n"),
        Eq("サイバー攻撃のリスクは引き続き高い状況にあると言える。"),
        Chg("", "また、2023年7月には大規模な攻撃が観測された。", Some(("45", 0))),
        Eq("\nなお、"),
        Chg("この点については", "", Some(("50", 0))),
        Eq("更に検討を要する。\n"),
        Move("", "（参考）関係機関との連携体制の強化を図ることとする。\n", 1),
        Eq("- 5 -\n"),
    ];
    let mut r = build_with(&pieces, decisions);
    r.title = Some("ICTサイバーセキュリティ総合対策2023（案）".into());
    r
}

/// Render to a string (CR shown as ␍ so snapshots keep it); `None` for a format not written yet.
pub fn rendered(r: &Redline, format: Format, options: &RenderOptions) -> Option<String> {
    let mut out = Vec::new();
    match render(r, format, options, &mut out) {
        Err(e) if e.kind() == io::ErrorKind::Unsupported && format == Format::Docx => return None,
        Err(e) => panic!("{format}: {e}"),
        Ok(()) => {}
    }
    if format.is_binary() {
        return None;
    }
    Some(String::from_utf8(out).expect("text formats are UTF-8"))
}

fn snap(r: &Redline, format: Format, options: &RenderOptions) -> String {
    rendered(r, format, options).expect("a text format").replace('\r', "␍")
}

fn labels() -> RenderOptions {
    RenderOptions { old_label: "draft.txt".into(), new_label: "draft.txt".into(), ..RenderOptions::default() }
}

#[test]
fn ansi_plain_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Ansi, &labels()));
}

#[test]
fn ansi_colour_snapshot() {
    let options = RenderOptions { color: true, context: Context::Lines(0), ..labels() };
    insta::assert_snapshot!(snap(&sample(), Format::Ansi, &options).replace('\x1b', "␛"));
}

#[test]
fn ansi_context_all_shows_every_line() {
    let options = RenderOptions { context: Context::All, ..labels() };
    insta::assert_snapshot!(snap(&sample(), Format::Ansi, &options));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Html, &labels()));
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Table, &labels()));
}

#[test]
fn critic_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Critic, &labels()));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Json, &labels()));
}

#[test]
fn unified_snapshot() {
    insta::assert_snapshot!(snap(&sample(), Format::Unified, &labels()));
}

#[test]
fn every_format_renders_an_empty_redline() {
    let r = Redline::from_texts("", "", Vec::new());
    for format in Format::ALL {
        if let Some(out) = rendered(&r, format, &RenderOptions::default()) {
            match format {
                Format::Unified | Format::Critic => assert!(out.is_empty(), "{format}: {out:?}"),
                Format::Ansi => assert_eq!(out, "no changes\n"),
                _ => assert!(!out.is_empty(), "{format}"),
            }
        }
    }
}

#[test]
fn one_sided_passages_say_new_or_deleted() {
    let r = build(&[
        Piece::Eq("一\n"),
        Piece::Chg("二\n", "", None),
        Piece::Eq("三\n"),
        Piece::Eq("四\n"),
        Piece::Chg("", "五\n", None),
    ]);
    let out = rendered(&r, Format::Table, &RenderOptions::default()).unwrap();
    // Rows are paragraphs: a paragraph deleted whole or added whole, its line break is layout.
    assert!(
        out.contains("<td class=\"new\"><span class=\"side\">（削る）</span></td><td class=\"old\"><u>二</u></td>"),
        "{out}"
    );
    assert!(
        out.contains("<td class=\"new\"><u>五</u></td><td class=\"old\"><span class=\"side\">（新設）</span></td>"),
        "{out}"
    );
}

#[test]
fn the_deadline_is_shown_wherever_a_reader_looks() {
    let mut r = sample();
    r.deadline_hit = true;
    for format in [Format::Ansi, Format::Html, Format::Table, Format::Json] {
        let out = rendered(&r, format, &RenderOptions::default()).unwrap();
        let said = match format {
            Format::Json => out.contains("\"deadline_hit\": true"),
            _ => out.contains("deadline"),
        };
        assert!(said, "{format} does not say the deadline was hit");
    }
}

#[test]
fn crlf_and_a_missing_final_newline_survive_patch_and_git_apply() {
    use std::process::Command;
    let cases = [
        build(&[Piece::Eq("一\r\n二\r\n"), Piece::Chg("三", "参", None), Piece::Eq("\r\n四")]),
        build(&[Piece::Eq("一\n二"), Piece::Chg("", "\n", None)]),
        build(&[Piece::Eq("一\n二"), Piece::Chg("\n", "", None), Piece::Eq("三")]),
        build(&[Piece::Chg("", "前\n", None), Piece::Eq("a\nb\nc\nd\ne\nf\n"), Piece::Chg("g", "G", None)]),
    ];
    for (i, r) in cases.iter().enumerate() {
        let options = RenderOptions {
            old_label: "t.txt".into(),
            new_label: "t.txt".into(),
            context: Context::Lines(1),
            ..RenderOptions::default()
        };
        let diff = rendered(r, Format::Unified, &options).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.diff"), &diff).unwrap();
        for tool in [&["git", "apply", "p.diff"][..], &["patch", "--quiet", "-p1", "-i", "p.diff"][..]] {
            std::fs::write(dir.path().join("t.txt"), r.old.text()).unwrap();
            let out = Command::new(tool[0]).args(&tool[1..]).current_dir(dir.path()).output().expect("the tool runs");
            assert!(out.status.success(), "case {i}, {}: {}\n{diff}", tool[0], String::from_utf8_lossy(&out.stderr));
            let got = std::fs::read_to_string(dir.path().join("t.txt")).unwrap();
            assert_eq!(got, r.new.text(), "case {i}, {}\n{diff}", tool[0]);
        }
    }
}
