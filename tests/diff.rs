//! `akaji diff` end to end, and the diff engine's invariant on random texts.

use akaji::diff::{diff, DiffOptions, Granularity};
use akaji::words::is_grapheme_boundary;
use akaji::{HunkKind, Redline, Segment};
use proptest::prelude::*;
use std::path::Path;
use std::process::{Command, Output};

const OLD: &str = "testdata/diff/old.txt";
const NEW: &str = "testdata/diff/new.txt";

fn akaji(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_akaji"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the akaji binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[path = "../benches/common/synth.rs"]
mod synth;

#[test]
fn synthetic_edits_rebuild_the_new_text() {
    let s = synth::generate(100_000, 200, 1);
    assert_eq!(s.edits.len(), 200);
    let mut rebuilt = String::new();
    let mut at = 0;
    for e in &s.edits {
        rebuilt.push_str(&s.old[at..e.old.start]);
        rebuilt.push_str(&s.new[e.new.clone()]);
        at = e.old.end;
    }
    rebuilt.push_str(&s.old[at..]);
    assert_eq!(rebuilt, s.new);
    for kind in [synth::EditKind::KanjiWord, synth::EditKind::SentenceInserted, synth::EditKind::ClauseDeleted] {
        assert_eq!(s.edits.iter().filter(|e| e.kind == kind).count(), 40);
    }
}

#[test]
fn the_synthetic_evaluation_tells_clean_from_sloppy() {
    let s = synth::generate(50_000, 20, 2);
    let exact: Vec<_> = s.edits.iter().map(|e| (e.old.clone(), e.new.clone())).collect();
    let q = synth::evaluate(&s, &exact);
    assert_eq!((q.covered, q.clean, q.outside_chars), (20, 20, 0));
    // One hunk over everything covers every edit but none cleanly.
    let q = synth::evaluate(&s, &[(0..s.old.len(), 0..s.new.len())]);
    assert_eq!((q.covered, q.clean), (20, 0));
    assert!(q.outside_chars > 10_000);
}

#[test]
fn synthetic_edits_are_found_cleanly() {
    let s = synth::generate(400_000, 400, 3);
    let d = diff(&s.old, &s.new, &DiffOptions::default());
    assert!(Redline::from_texts(&s.old, &s.new, d.hunks.clone()).check().is_ok());
    let spans: Vec<_> = d.hunks.iter().map(|h| (h.old.clone(), h.new.clone())).collect();
    let q = synth::evaluate(&s, &spans);
    let unclean: Vec<_> = s
        .edits
        .iter()
        .filter(|e| {
            let t: Vec<_> = spans.iter().filter(|(o, _)| o.start <= e.old.end && e.old.start <= o.end).collect();
            t.len() != 1 || t[0].0.start < e.old.start || t[0].0.end > e.old.end
        })
        .map(|e| {
            let t: Vec<_> = spans.iter().filter(|(o, _)| o.start <= e.old.end && e.old.start <= o.end).collect();
            (e.kind, &s.old[e.old.clone()], &s.new[e.new.clone()], &s.old[t[0].0.clone()], &s.new[t[0].1.clone()])
        })
        .take(5)
        .collect();
    eprintln!("{q:?} {unclean:?}");
    assert_eq!(q.covered, q.edits);
    assert!(q.hunks_per_edit() <= 1.02, "{q:?}");
    assert!(q.clean_percent() >= 99.0, "{q:?}");
    assert!(q.outside_percent() <= 0.1, "{q:?}");
}

#[test]
fn differing_texts_exit_1_and_show_each_edit_as_one_hunk() {
    let o = akaji(&["diff", OLD, NEW, "--format", "critic"]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    for change in [
        "{~~設置~>開催~~}",
        "{~~あたって~>当たって~~}",
        "{~~867112.pdf~>000690267.pdf~~}",
        "{++また、2023年7月には大規模な攻撃が観測された。++}",
        "{~~および~>及び~~}",
        "{--必要に応じて、--}",
    ] {
        assert!(out.contains(change), "{change} missing from:\n{out}");
    }
    assert_eq!(out.matches("{~~").count() + out.matches("{++").count() + out.matches("{--").count(), 6);
}

#[test]
fn same_texts_exit_0() {
    let o = akaji(&["diff", OLD, OLD, "--format", "critic"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(OLD)).unwrap());
}

#[test]
fn granularity_changes_the_units() {
    let chars = stdout(&akaji(&["diff", OLD, NEW, "--format", "critic", "--granularity", "char"]));
    assert!(chars.contains("に{~~あ~>当~~}たっては"), "{chars}");
    let lines = stdout(&akaji(&["diff", OLD, NEW, "--format", "critic", "--granularity", "line"]));
    assert!(lines.contains("{~~　総務省は、有識者による検討会を設置し、"), "{lines}");
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let o = akaji(&["diff", OLD, "testdata/diff/missing.txt", "--format", "critic"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("testdata/diff/missing.txt") && err.contains("cannot read"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["diff", OLD, NEW, "--format", "pdf"][..],
        &["diff", OLD, NEW, "--granularity", "sentence"],
        &["diff", OLD, NEW, "--context", "some"],
        &["diff", OLD, NEW, "-o", OLD, "--format", "critic"],
    ] {
        let o = akaji(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn output_goes_to_a_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.md");
    let o = akaji(&["diff", OLD, NEW, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    // The format follows the extension: .md is CriticMarkup.
    assert!(std::fs::read_to_string(&out).unwrap().contains("{~~設置~>開催~~}"));
}

#[test]
fn a_moved_paragraph_is_linked() {
    let old = "第一段落。\n移動する段落はここにあり、二十文字を超えている。\n第三段落。\n";
    let new = "第一段落。\n第三段落。\n移動する段落はここにあり、二十文字を超えている。\n";
    let d = diff(old, new, &DiffOptions::default());
    assert_eq!(d.hunks.len(), 2);
    assert!(d.hunks.iter().all(|h| h.kind == HunkKind::Move && h.move_id == Some(0)));
    assert_eq!(&old[d.hunks[0].old.clone()], &new[d.hunks[1].new.clone()]);
}

/// Text pieces that exercise every path: kanji, kana, Latin tokens, emoji with modifiers and
/// joiners, combining marks, CRLF and LF, punctuation.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("設置".to_owned()),
        Just("開催".to_owned()),
        Just("あたって".to_owned()),
        Just("当たって".to_owned()),
        Just("クラウドサービス".to_owned()),
        Just("867112.pdf".to_owned()),
        Just("https://a.jp/x/1.pdf".to_owned()),
        Just("ASEAN".to_owned()),
        Just("。".to_owned()),
        Just("、".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("👩‍💻".to_owned()),
        Just("👍🏽".to_owned()),
        Just("e\u{301}".to_owned()),
        // Alone, these join the character before them into one grapheme cluster.
        Just("\u{301}".to_owned()),
        Just("\u{200d}".to_owned()),
        Just("🏽".to_owned()),
        Just("\u{fe0f}".to_owned()),
        "[あ-んア-ン一-龠a-zA-Z0-9。、（）]{1,4}",
    ]
}

fn text() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(piece(), 0..40)
}

fn check(old: &str, new: &str, granularity: Granularity) -> Result<(), TestCaseError> {
    let options = DiffOptions { granularity, ..DiffOptions::default() };
    let d = diff(old, new, &options);
    for h in &d.hunks {
        for (text, at) in [(old, h.old.start), (old, h.old.end), (new, h.new.start), (new, h.new.end)] {
            prop_assert!(is_grapheme_boundary(text, at), "{:?} splits a grapheme cluster at {} of {:?}", h, at, text);
        }
    }
    let r = Redline::from_texts(old, new, d.hunks);
    prop_assert_eq!(r.check(), Ok(()));
    let (mut o, mut n) = (String::new(), String::new());
    for seg in r.segments() {
        match seg {
            Segment::Equal { old: a, new: b } => {
                o.push_str(&old[a]);
                n.push_str(&new[b]);
            }
            Segment::Change(h) => {
                o.push_str(r.old_text(h));
                n.push_str(r.new_text(h));
            }
        }
    }
    prop_assert_eq!(&o, old);
    prop_assert_eq!(&n, new);
    Ok(())
}

proptest! {
    #![proptest_config(crate::util::cases(256))]

    #[test]
    fn hunks_rebuild_both_texts(old in text(), edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3usize, piece()), 0..6)) {
        let mut new = old.clone();
        for (at, op, p) in edits {
            let i = if new.is_empty() { 0 } else { at.index(new.len()) };
            match op {
                0 => new.insert(i, p),
                1 if !new.is_empty() => { new.remove(i); }
                _ if !new.is_empty() => new[i] = p,
                _ => new.push(p),
            }
        }
        let (old, new) = (old.concat(), new.concat());
        for g in [Granularity::Word, Granularity::Char, Granularity::Line] {
            check(&old, &new, g)?;
        }
    }

    #[test]
    fn unrelated_texts_too(old in text(), new in text()) {
        check(&old.concat(), &new.concat(), Granularity::Word)?;
    }
}

/// Found by `hunks_rebuild_both_texts`: a moved URL whose deletion, cut out of a replacement
/// (「…pdf⏎…pdf」 + U+0301 → 「…pdf」 + U+0301), was placed in the new text between 「f」 and the
/// accent that joins it.
#[test]
fn a_move_cut_out_of_a_replacement_never_splits_a_cluster() {
    let old = "設置👩\u{200d}💻\n\u{301}https://a.jp/x/1.pdfhttps://a.jp/x/1.pdf\r\n\u{301}";
    let new = "設置👩\u{200d}💻設置\u{301}https://a.jp/x/1.pdf\nhttps://a.jp/x/1.pdf\u{301}";
    for g in [Granularity::Word, Granularity::Char, Granularity::Line] {
        check(old, new, g).unwrap();
    }
}

/// A text of about `bytes` bytes: the characters of the sample texts in an order of `seed`,
/// in lines of 38 characters (unrelated to any other seed's, yet sharing every character).
fn shuffled(bytes: usize, seed: u64) -> String {
    let pool: Vec<char> = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(OLD))
        .unwrap()
        .chars()
        .filter(|c| *c != '\n')
        .collect();
    let mut s = seed;
    let mut out = String::new();
    let mut n = 0;
    while out.len() < bytes {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out.push(pool[(s >> 33) as usize % pool.len()]);
        n += 1;
        if n % 38 == 0 {
            out.push('\n');
        }
    }
    out
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_akaji")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

// Issue 10: the refinement passing its deadline panicked (Myers' fallback reported its insertion
// out of order), and so did a timeout too long for a Duration.
#[test]
fn a_deadline_in_the_refinement_still_gives_a_correct_diff() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "設".repeat(3000)).unwrap();
    std::fs::write(dir.path().join("b.txt"), "x").unwrap();
    for timeout in ["0.01", "1e308", "0"] {
        let o = run_in(dir.path(), &["diff", "a.txt", "b.txt", "--format", "critic", "--timeout", timeout]);
        assert_eq!(o.status.code(), Some(1), "--timeout {timeout}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout(&o), format!("{{~~{}~>x~~}}", "設".repeat(3000)), "--timeout {timeout}");
    }
}

#[test]
fn unrelated_texts_of_140_kb_at_the_default_timeout() {
    let (old, new) = (shuffled(140_000, 1), shuffled(140_000, 2));
    let d =
        diff(&old, &new, &DiffOptions { timeout: Some(std::time::Duration::from_secs(10)), ..DiffOptions::default() });
    assert_eq!(Redline::from_texts(&old, &new, d.hunks.clone()).check(), Ok(()));
    // Equal characters stay paired: not one hunk of everything.
    assert!(d.hunks.len() > 100, "{} hunks", d.hunks.len());
    // And inside verify, whose diff runs at the same timeout.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), &old).unwrap();
    std::fs::write(dir.path().join("final.txt"), &new).unwrap();
    let quote: String = old.chars().take(12).collect();
    let ledger = format!("[[decision]]\nid = \"1\"\n  [[decision.edit]]\n  old = \"{quote}\"\n  new = \"変更\"\n");
    std::fs::write(dir.path().join("ledger.toml"), ledger).unwrap();
    let o = run_in(dir.path(), &["verify", "ledger.toml", "--draft", "draft.txt", "--final", "final.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
}

// Issue 14: the diff's units are words, and apply widens a replacement on the same units, so a
// redline of a ledger and a diff of its draft and final show the same change.
#[test]
fn diff_and_apply_agree_on_word_units() {
    let cases = [
        // (draft, old, new, the change both must show)
        ("計画の策定にあたっては、", "あたって", "当たって", ("あたって", "当たって")),
        ("更に、検討する。", "更に、", "さらに、", ("更に", "さらに")),
        ("対策を促すための施策", "ための", "為の", ("ため", "為")),
        ("推進することにより、", "こと", "事", ("こと", "事")),
        ("事業者などの取組", "など", "等", ("など", "等")),
        ("このような場合", "よう", "様", ("よう", "様")),
        ("そのほかの事項", "ほか", "他", ("ほか", "他")),
        ("一件につき千円", "つき", "付き", ("つき", "付き")),
        ("育成および普及", "および", "及び", ("および", "及び")),
        ("資料867112.pdfを参照", "867112.pdf", "000690267.pdf", ("867112.pdf", "000690267.pdf")),
        ("情報を取りまとめ、", "取りまとめ", "とりまとめ", ("取りまとめ", "とりまとめ")),
    ];
    for (draft, old, new, (want_old, want_new)) in cases {
        let ledger = akaji::Ledger::from_toml(&format!(
            "[[decision]]\nid = \"1\"\n  [[decision.edit]]\n  old = \"{old}\"\n  new = \"{new}\"\n"
        ))
        .unwrap();
        let doc = akaji::Document::new(draft, &ledger.options.page_marker);
        let applied = akaji::apply(&doc, &ledger).unwrap();
        let e = &applied.edits[0];
        let final_text = applied.final_doc.text();
        assert_eq!((&draft[e.old.clone()], &final_text[e.new.clone()]), (want_old, want_new), "apply of {old}→{new}");
        let d = diff(draft, final_text, &DiffOptions::default());
        let got: Vec<(&str, &str)> =
            d.hunks.iter().map(|h| (&draft[h.old.clone()], &final_text[h.new.clone()])).collect();
        assert_eq!(got, [(want_old, want_new)], "diff of {old}→{new}");
    }
}

/// The two texts are read at once, on two threads: a problem is still reported as if they were
/// read in order, the old text's first.
#[test]
fn a_bad_input_is_named_as_if_the_two_were_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (sjis, good) = (dir.path().join("sjis.txt"), dir.path().join("good.txt"));
    std::fs::write(&sjis, b"\x82\xa0\x82\xa2\n").unwrap();
    std::fs::write(&good, "本部を設置する。\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let name = |p: &Path| p.display().to_string();
    for (old, new, named) in
        [(&sjis, &missing, &sjis), (&missing, &sjis, &missing), (&good, &sjis, &sjis), (&missing, &good, &missing)]
    {
        let run = akaji(&["diff", &name(old), &name(new)]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{err}");
        assert!(err.contains(&name(named)), "{} {}: {err}", name(old), name(new));
        let other = if named == old { new } else { old };
        assert!(!err.contains(&name(other)) || other == &good, "{err}");
    }
}
