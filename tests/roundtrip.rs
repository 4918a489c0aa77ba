//! Round trip: from critic, json, html and unified (given the old text), both texts come back
//! exactly, on the sample and on random Japanese/Latin/emoji/CRLF texts with random hunks.

use crate::render::{rendered, sample};
use akaji::render::{Context, Format, RenderOptions};
use akaji::roundtrip::{self, Texts};
use akaji::{Decision, DecisionIx, EditRef, Hunk, HunkKind, Redline};
use proptest::prelude::*;

/// The formats that can be read back.
const READABLE: [Format; 4] = [Format::Critic, Format::Json, Format::Html, Format::Unified];

fn back(r: &Redline, format: Format, options: &RenderOptions) -> Texts {
    let out = rendered(r, format, options).expect("a text format");
    roundtrip::read(format, &out, Some(r.old.text())).unwrap_or_else(|e| panic!("{format}: {e}\n{out}"))
}

fn assert_round_trip(r: &Redline, options: &RenderOptions) {
    for format in READABLE {
        let t = back(r, format, options);
        assert_eq!(t.old, r.old.text(), "{format}: old text");
        assert_eq!(t.new, r.new.text(), "{format}: new text");
    }
}

#[test]
fn the_sample_comes_back_from_every_readable_format() {
    let r = sample();
    assert_round_trip(&r, &RenderOptions::default());
    assert_round_trip(&r, &RenderOptions { context: Context::Lines(0), ..RenderOptions::default() });
    assert_round_trip(&r, &RenderOptions { context: Context::All, ..RenderOptions::default() });
}

#[test]
fn formats_that_are_not_read_back_say_so() {
    for format in Format::ALL {
        if !READABLE.contains(&format) {
            let e = roundtrip::read(format, "", Some("")).unwrap_err();
            assert!(e.to_string().contains("not read back"), "{format}: {e}");
        }
    }
}

#[test]
fn a_unified_diff_that_does_not_fit_is_refused() {
    let r = sample();
    let out = rendered(&r, Format::Unified, &RenderOptions::default()).unwrap();
    let wrong = r.old.text().replace("本分科会", "本部会");
    let e = roundtrip::apply_unified(&wrong, &out).unwrap_err();
    assert!(e.to_string().contains("is not"), "{e}");
}

/// Pieces of text that stress every format: scripts, emoji (with joiners and modifiers), line
/// endings, markup and escape characters, page markers, form feeds, combining marks.
const TOKENS: &[&str] = &[
    "設置",
    "開催",
    "あたって",
    "当たって",
    "カタカナ",
    "、",
    "。",
    "（",
    "）",
    "a",
    "Z9",
    " ",
    "SaaS",
    "867112.pdf",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "👍🏽",
    "e\u{301}",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{c}",
    "- 4 -\n",
    "{--",
    "--}",
    "{++",
    "++}",
    "{~~",
    "~>",
    "~~}",
    "{>>",
    "<<}",
    "{==",
    "\\",
    "{",
    "}",
    ">",
    "<",
    "&",
    "&amp;",
    "<script>",
    "-",
    "+",
    "~",
    "'\"",
    "\u{feff}",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..max).prop_map(|v| v.concat())
}

/// A random redline, made by editing a random text: equal runs and changes in turn.
fn redline() -> impl Strategy<Value = Redline<'static>> {
    let change = (text(4), text(4), 0..6u8).prop_filter("a change changes something", |(o, n, _)| o != n);
    (text(6), prop::collection::vec((change, text(6)), 0..6))
        .prop_map(|(first, changes)| {
            let (mut old, mut new) = (first.clone(), first);
            let mut hunks = Vec::new();
            let mut decisions = Vec::new();
            for (i, ((o, n, tag), equal)) in changes.into_iter().enumerate() {
                let mut h = Hunk::new(old.len()..old.len() + o.len(), new.len()..new.len() + n.len());
                if h.old.is_empty() && h.new.is_empty() {
                    continue;
                }
                match tag {
                    0 => {
                        // An id holding markup and quotes, so that every format must escape it.
                        decisions.push(Decision { id: format!("{}<&>\"{i}", i % 3), ..Decision::default() });
                        h = h.attributed(EditRef { decision: DecisionIx(decisions.len() - 1), edit: i });
                    }
                    1 if o.is_empty() || n.is_empty() => {
                        h.kind = HunkKind::Move;
                        h.move_id = Some(i);
                    }
                    _ => {}
                }
                old.push_str(&o);
                new.push_str(&n);
                hunks.push(h);
                old.push_str(&equal);
                new.push_str(&equal);
            }
            // A leading byte order mark is set aside by Document; keep the texts free of one.
            Redline::from_texts(&old, &new, hunks).with_decisions(decisions)
        })
        .prop_filter("no leading byte order mark", |r| !r.old.has_bom() && !r.new.has_bom())
        .prop_map(|r| {
            r.check().expect("a generated redline keeps the invariant");
            r
        })
}

proptest! {
    #![proptest_config(crate::util::cases(300))]

    #[test]
    fn random_redlines_come_back_exactly(r in redline(), context in 0..3usize) {
        let options = RenderOptions { context: Context::Lines(context), ..RenderOptions::default() };
        for format in READABLE {
            let t = back(&r, format, &options);
            prop_assert_eq!(&t.old, r.old.text(), "{} old", format);
            prop_assert_eq!(&t.new, r.new.text(), "{} new", format);
        }
    }

    #[test]
    fn every_format_renders_random_redlines(r in redline()) {
        for format in Format::ALL {
            let Some(out) = rendered(&r, format, &RenderOptions::default()) else { continue };
            if matches!(format, Format::Html | Format::Table) {
                prop_assert!(!out.contains("<script"), "{} lets markup through", format);
            }
            if format == Format::Ansi {
                prop_assert!(!out.contains('\r') && !out.contains('\u{c}'), "ansi sends control characters");
            }
        }
    }
}
