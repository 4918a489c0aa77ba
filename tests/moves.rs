//! Moved paragraphs with edits inside, on PDF-extracted plan text (testdata/sample/draft.txt:
//! lines of 35–40 characters, `- N -` footers, running heads), with the truth known: which
//! paragraphs moved where, and which words changed on the way. Scored for precision and recall
//! of the moves, exactness of the inner changes, and decoys (a paragraph deleted here and an
//! unrelated one of another plan inserted there) that must not pair; through the literal diff,
//! the comparison of content (what `akaji diff` runs on paged documents), every readable format
//! and the docx writer.

use crate::util::testdata;
use akaji::diff::{diff, DiffOptions};
use akaji::render::{render, Format, JsonRedline, RenderOptions};
use akaji::{roundtrip, Document, Hunk, HunkKind, PageMarker, Redline};
use std::collections::BTreeMap;
use std::ops::Range;

/// Word edits a reviser makes: kanji words both ways, kana→kanji and kanji→kana (only those
/// that do not cut a longer word: 「事」 in 「事業者」 stays).
const EDITS: [(&str, &str); 20] = [
    ("強化", "拡充"),
    ("拡充", "強化"),
    ("推進", "促進"),
    ("促進", "推進"),
    ("確保", "維持"),
    ("連携", "協力"),
    ("重要", "肝要"),
    ("必要", "不可欠"),
    ("など", "等"),
    ("等", "など"),
    ("こと", "事"),
    ("ため", "為"),
    ("取組", "取り組み"),
    ("取り組み", "取組"),
    ("地域", "地方"),
    ("地方", "地域"),
    ("複雑化", "高度化"),
    ("対策", "措置"),
    ("支援", "後押し"),
    ("おいて", "於いて"),
];

/// A small deterministic generator (the tests must not depend on a crate's random stream).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// A paragraph of the draft: its lines (each with its line break), all on one page.
#[derive(Clone)]
struct Para {
    lines: Vec<String>,
}

impl Para {
    fn text(&self) -> String {
        self.lines.concat()
    }
}

/// The draft as blocks: paragraphs (a line opening with 「　」 and the lines that continue it on
/// the same page) and everything else (headings, footers, contents), kept as is.
enum Block {
    Para(Para),
    Other(String),
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let body = text.find("はじめに\n　").expect("the sample's body");
    out.push(Block::Other(text[..body].to_owned()));
    for line in text[body..].split_inclusive('\n') {
        let furniture = line.starts_with("- ") || line.trim().is_empty();
        let continues = !line.starts_with('　') && !furniture && line.chars().count() > 20;
        match out.last_mut() {
            Some(Block::Para(p)) if continues => p.lines.push(line.to_owned()),
            _ if line.starts_with('　') && line.chars().count() > 30 => {
                out.push(Block::Para(Para { lines: vec![line.to_owned()] }))
            }
            _ => out.push(Block::Other(line.to_owned())),
        }
    }
    out
}

/// `text` wrapped again at `width` characters, as a new PDF wraps a reworded paragraph.
fn rewrap(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().filter(|&c| c != '\n').collect();
    let mut out = String::new();
    for line in chars.chunks(width) {
        out.extend(line);
        out.push('\n');
    }
    out
}

/// Up to `n` edits of [`EDITS`] in `text`, at least 10 bytes apart, not across a line break.
fn reword(text: &str, n: usize, rng: &mut Rng) -> (String, Vec<(String, String)>) {
    let mut sites: Vec<(usize, &str, &str)> = Vec::new();
    for (from, to) in EDITS {
        sites.extend(text.match_indices(from).map(|(i, _)| (i, from, to)));
    }
    let mut chosen: Vec<(usize, &str, &str)> = Vec::new();
    for _ in 0..40 {
        if chosen.len() == n || sites.is_empty() {
            break;
        }
        let s = sites[rng.below(sites.len())];
        if chosen.iter().all(|c| s.0 >= c.0 + c.1.len() + 10 || s.0 + s.1.len() + 10 <= c.0) {
            chosen.push(s);
        }
    }
    chosen.sort();
    let mut out = String::new();
    let mut at = 0;
    for (i, from, to) in &chosen {
        out.push_str(&text[at..*i]);
        out.push_str(to);
        at = i + from.len();
    }
    out.push_str(&text[at..]);
    (out, chosen.iter().map(|(_, a, b)| (a.to_string(), b.to_string())).collect())
}

/// A known move: the paragraph's bytes in both texts and the words changed on the way.
struct Known {
    old: Range<usize>,
    new: Range<usize>,
    edits: Vec<(String, String)>,
}

struct Sample {
    old: String,
    new: String,
    moves: Vec<Known>,
    /// The deleted paragraph and the unrelated inserted one of each decoy.
    decoys: Vec<(Range<usize>, Range<usize>)>,
}

/// What the revision puts before a block of the draft.
enum Entry {
    /// A paragraph moved from that block, its new text, the edits made on the way.
    Moved(usize, String, Vec<(String, String)>),
    /// A paragraph of another plan, standing for the paragraph of that block, deleted.
    Decoy(usize, String),
}

/// The draft with `moves` paragraphs moved (a quarter unchanged, the others with 1–3 word edits,
/// re-wrapped at 36 characters) and `decoys` paragraphs replaced elsewhere by a paragraph of
/// another plan (testdata/reconcile-set/plan-b) of about the same length.
fn sample(seed: u64, moves: usize, decoys: usize) -> Sample {
    let draft = std::fs::read_to_string(testdata("sample/draft.txt")).unwrap();
    let other = std::fs::read_to_string(testdata("reconcile-set/plan-b/draft.txt")).unwrap();
    let foreign: Vec<String> = other
        .split_inclusive('\n')
        .filter(|l| l.starts_with('　') && l.chars().count() > 30)
        .map(|l| rewrap(l, 36))
        .collect();
    let blocks = blocks(&draft);
    // Whole paragraphs (ending in 「。」 on their page): one that runs onto the next page is
    // not cut in two.
    let whole = |b: &Block| matches!(b, Block::Para(p) if p.text().ends_with("。\n"));
    let paras: Vec<usize> = (0..blocks.len()).filter(|&i| whole(&blocks[i])).collect();
    let mut rng = Rng(seed);
    // Operations two paragraphs apart, so that each is its own change.
    let mut taken: Vec<usize> = Vec::new();
    let mut take = |rng: &mut Rng, away: Option<usize>| {
        for _ in 0..10_000 {
            let k = 1 + rng.below(paras.len() - 2);
            if taken.iter().all(|&t| t.abs_diff(k) >= 2) && away.is_none_or(|a| a.abs_diff(k) >= 4) {
                taken.push(k);
                return k;
            }
        }
        panic!("no room for {} operations among {} paragraphs", moves + decoys, paras.len());
    };
    // What goes before block i in the new text.
    let mut before: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
    let mut gone = vec![false; blocks.len()];
    for m in 0..moves + decoys {
        // Far enough that the paragraphs between are longer than the one moved (a paragraph
        // moved past a shorter one is, to a diff, the shorter one moved).
        let k = take(&mut rng, None);
        let (from, to) = (paras[k], paras[take(&mut rng, Some(k))]);
        let Block::Para(p) = &blocks[from] else { unreachable!() };
        gone[from] = true;
        if m < moves {
            // 0 to 3 edits, each count as often over the seeds.
            let want = ((m as u64 + seed) % 4) as usize;
            let (text, edits) = reword(&p.text(), want, &mut rng);
            let text = if edits.is_empty() { p.text() } else { rewrap(&text, 36) };
            before.entry(to).or_default().push(Entry::Moved(from, text, edits));
        } else {
            let len = p.text().chars().count();
            let near = foreign
                .iter()
                .min_by_key(|f| (f.chars().count().abs_diff(len), rng.below(4)))
                .expect("a foreign paragraph")
                .clone();
            before.entry(to).or_default().push(Entry::Decoy(from, near));
        }
    }
    let (mut old, mut old_at) = (String::new(), vec![0..0; blocks.len()]);
    for (i, b) in blocks.iter().enumerate() {
        let start = old.len();
        match b {
            Block::Para(p) => old.push_str(&p.text()),
            Block::Other(t) => old.push_str(t),
        }
        old_at[i] = start..old.len();
    }
    let mut new = String::new();
    let (mut known, mut decoy_list) = (Vec::new(), Vec::new());
    for i in 0..blocks.len() {
        for entry in before.remove(&i).unwrap_or_default() {
            let start = new.len();
            match entry {
                Entry::Moved(f, text, edits) => {
                    new.push_str(&text);
                    known.push(Known { old: old_at[f].clone(), new: start..new.len(), edits });
                }
                Entry::Decoy(f, text) => {
                    new.push_str(&text);
                    decoy_list.push((old_at[f].clone(), start..new.len()));
                }
            }
        }
        if !gone[i] {
            new.push_str(&old[old_at[i].clone()]);
        }
    }
    known.sort_by_key(|k| k.old.start);
    Sample { old, new, moves: known, decoys: decoy_list }
}

/// A move reported: its old end, its new end, its inner changes of wording as texts.
type Reported = (Range<usize>, Range<usize>, Vec<(String, String)>);

/// The moves among `hunks` (inner changes without line breaks).
fn moves_of(old: &str, new: &str, hunks: &[Hunk]) -> Vec<Reported> {
    let mut ends: BTreeMap<usize, (Option<&Hunk>, Option<&Hunk>)> = BTreeMap::new();
    for h in hunks.iter().filter(|h| h.kind == HunkKind::Move) {
        let e = ends.entry(h.move_id.expect("a move has an id")).or_default();
        if h.old.is_empty() {
            e.1 = Some(h);
        } else {
            e.0 = Some(h);
        }
    }
    let words = |s: &str| s.replace('\n', "");
    ends.into_values()
        .map(|(a, b)| {
            let (a, b) = (a.expect("an old end"), b.expect("a new end"));
            assert_eq!(a.inner_changes, b.inner_changes, "both ends carry the same inner changes");
            let inner = a
                .inner_changes
                .iter()
                .filter(|c| !c.layout)
                .map(|c| (words(&old[c.old.clone()]), words(&new[c.new.clone()])))
                .filter(|(o, n)| o != n)
                .collect();
            (a.old.clone(), b.new.clone(), inner)
        })
        .collect()
}

/// Whether `got` covers at least 90% of `want`.
fn covers(got: &Range<usize>, want: &Range<usize>) -> bool {
    let overlap = got.end.min(want.end).saturating_sub(got.start.max(want.start));
    overlap * 10 >= want.len() * 9
}

#[derive(Debug, Default, PartialEq)]
struct Score {
    known: usize,
    found: usize,
    exact_inner: usize,
    reported: usize,
    decoys_paired: usize,
}

fn score(s: &Sample, hunks: &[Hunk]) -> Score {
    let got = moves_of(&s.old, &s.new, hunks);
    let mut sc = Score { known: s.moves.len(), reported: got.len(), ..Score::default() };
    for k in &s.moves {
        if let Some((_, _, inner)) = got.iter().find(|(o, n, _)| covers(o, &k.old) && covers(n, &k.new)) {
            sc.found += 1;
            sc.exact_inner += usize::from(inner == &k.edits);
        }
    }
    sc.decoys_paired = s.decoys.iter().filter(|(o, n)| got.iter().any(|g| covers(&g.0, o) && covers(&g.1, n))).count();
    sc
}

fn paged(text: &str) -> Document {
    Document::new(text, &PageMarker::default())
}

#[test]
fn the_generator_moves_what_it_says() {
    let s = sample(1, 3, 1);
    assert_eq!((s.moves.len(), s.decoys.len()), (3, 1));
    assert!(s.moves.iter().filter(|m| !m.edits.is_empty()).count() >= 2, "most moves carry edits");
    for m in &s.moves {
        let (a, b) = (&s.old[m.old.clone()], &s.new[m.new.clone()]);
        assert!(a.starts_with('　') && a.ends_with('\n'));
        let mut back = a.replace('\n', "");
        for (o, n) in &m.edits {
            back = back.replacen(o.as_str(), n, 1);
        }
        if m.edits.len() <= 1 {
            assert_eq!(back, b.replace('\n', ""), "the edits are what changed");
        }
        assert!(b.lines().all(|l| l.chars().count() <= 40), "PDF-width lines");
    }
    let len = |r: &Range<usize>| r.len() as i64;
    let grown: i64 = s.moves.iter().map(|m| len(&m.new) - len(&m.old)).sum::<i64>()
        + s.decoys.iter().map(|(o, n)| len(n) - len(o)).sum::<i64>();
    assert_eq!(
        s.new.len() as i64 - s.old.len() as i64,
        grown,
        "nothing but the moves and the decoys changed the length"
    );
}

/// Every move found, with exactly the edits made inside it, on 60 revisions of the sample
/// through the literal diff and through the comparison of content; no decoy paired; nothing
/// else reported as a move.
#[test]
fn moved_and_reworded_paragraphs_are_found_with_their_edits() {
    let mut literal = Score::default();
    let mut content = Score::default();
    for seed in 0..60 {
        let s = sample(seed, 3, 1);
        let d = diff(&s.old, &s.new, &DiffOptions::default());
        let r = Redline::from_texts(&s.old, &s.new, d.hunks.clone());
        assert_eq!(r.check(), Ok(()), "seed {seed}");
        let l = score(&s, &d.hunks);
        let (a, b) = (paged(&s.old), paged(&s.new));
        let c = akaji::diff_content(&a, &b, &DiffOptions::default());
        assert_eq!(Redline::new(&a, &b, c.hunks.clone()).check(), Ok(()), "seed {seed}");
        let cs = score(&s, &c.hunks);
        for (total, one) in [(&mut literal, l), (&mut content, cs)] {
            total.known += one.known;
            total.found += one.found;
            total.exact_inner += one.exact_inner;
            total.reported += one.reported;
            total.decoys_paired += one.decoys_paired;
        }
    }
    // A few moves are reported the other way round: the paragraph stays equal and the stretch
    // it jumped over is the move (one move either way, as a line diff sees it).
    for (name, sc) in [("literal", &literal), ("content", &content)] {
        assert!(sc.found * 100 >= sc.known * 97, "{name}: recall {sc:?}");
        assert_eq!(sc.reported, sc.known, "{name}: one move reported for each paragraph moved {sc:?}");
        assert!(sc.exact_inner * 100 >= sc.found * 99, "{name}: the inner changes are the edits, no more {sc:?}");
        assert_eq!(sc.decoys_paired, 0, "{name}: {sc:?}");
    }
}

/// A paragraph deleted in one place and an unrelated one inserted in another are not a move,
/// however alike their lengths and their style.
#[test]
fn an_unrelated_paragraph_is_not_a_move() {
    let s = sample(3, 0, 4);
    let d = diff(&s.old, &s.new, &DiffOptions::default());
    assert!(d.hunks.iter().all(|h| h.kind != HunkKind::Move), "{:?}", moves_of(&s.old, &s.new, &d.hunks));
    assert!(d.hunks.iter().any(|h| h.kind == HunkKind::Delete));
}

/// Repeated lines: the plan repeats its items (「（再掲）」 items, a line that recurs on every
/// page); a moved and reworded item whose lines recur elsewhere is still one move, paired with
/// its own old place, and the recurring copies stay where they are.
#[test]
fn a_moved_item_among_repeated_lines() {
    let item = "　○　関係機関との連携体制の強化を図るとともに、地域における\n相談窓口の周知を進める。（再掲）\n";
    let filler = |k: usize| format!("　（{k}）本年度は、重点的に取り組む施策の進捗を点検する。\n");
    let mut old = String::new();
    for k in 0..30 {
        old.push_str(&filler(k % 3));
        old.push_str(item);
    }
    let moved = "　□　通信事業者による積極的な対処を推進し、重要インフラ事業\n者への情報共有を強化する体制を整える。\n";
    let reworded =
        "　□　通信事業者による積極的な対処を促進し、重要インフラ事業\n者への情報共有を拡充する体制を整える。\n";
    let at = old.len() / 3;
    let at = at + old[at..].find("　（").unwrap();
    let old = format!("{}{moved}{}", &old[..at], &old[at..]);
    let mut new = old.replacen(moved, "", 1);
    let to = new.len() * 4 / 5;
    let to = to + new[to..].find("　（").unwrap();
    new.insert_str(to, reworded);
    let d = diff(&old, &new, &DiffOptions::default());
    let got = moves_of(&old, &new, &d.hunks);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(&old[got[0].0.clone()], moved);
    assert_eq!(&new[got[0].1.clone()], reworded);
    assert_eq!(got[0].2, [("推進".to_owned(), "促進".to_owned()), ("強化".to_owned(), "拡充".to_owned())]);
    assert_eq!(d.hunks.len(), 2, "the repeated items are equal: {:?}", d.hunks);
}

fn rendered(r: &Redline, format: Format) -> String {
    let mut out = Vec::new();
    render(r, format, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// One revision of the sample (moves, decoys, pages): every readable format gives both texts
/// back exactly, and each shows the inner changes of every edited move.
#[test]
fn every_format_shows_the_inner_changes_and_reads_back() {
    let s = sample(5, 3, 1);
    let (a, b) = (paged(&s.old), paged(&s.new));
    let d = akaji::diff_content(&a, &b, &DiffOptions::default());
    let r = Redline::new(&a, &b, d.hunks);
    let edited: Vec<&Hunk> = r.hunks.iter().filter(|h| !h.inner_changes.is_empty() && h.old.is_empty()).collect();
    assert!(edited.len() >= 2, "the sample has edited moves");
    for format in [Format::Critic, Format::Json, Format::Html] {
        let out = rendered(&r, format);
        let back = roundtrip::read(format, &out, Some(r.old.text())).unwrap();
        assert_eq!((back.old.as_str(), back.new.as_str()), (r.old.text(), r.new.text()), "{format}");
    }
    let json: JsonRedline = serde_json::from_str(&rendered(&r, Format::Json)).unwrap();
    let ends: Vec<_> = json.hunks.iter().filter(|h| h.kind == "move" && !h.inner_changes.is_empty()).collect();
    assert_eq!(ends.len(), 2 * edited.len());
    let chars: Vec<char> = s.new.chars().collect();
    for h in &ends {
        for c in &h.inner_changes {
            let at: String = chars[c.new[0]..c.new[1]].iter().collect();
            assert_eq!(at, c.new_text, "the inner change's range is in chars of the new text");
            assert!(h.new[0] <= c.new[0] && c.new[1] <= h.new[1] || h.new[0] == h.new[1]);
        }
    }
    let critic = rendered(&r, Format::Critic);
    let html = rendered(&r, Format::Html);
    let ansi = rendered(&r, Format::Ansi);
    let table = rendered(&r, Format::Table);
    for h in &edited {
        let c = &h.inner_changes[0];
        let (o, n) = (&s.old[c.old.clone()], &s.new[c.new.clone()]);
        if o.contains('\n') || n.contains('\n') || o.is_empty() || n.is_empty() {
            continue;
        }
        let pair = format!("{o}→{n}");
        assert!(critic.contains(&pair), "critic names {pair}");
        assert!(ansi.contains(&pair), "ansi names {pair}");
        assert!(table.contains(&pair), "table names {pair}");
        assert!(
            html.contains(&format!("<s class=\"inner\">{o}</s><span class=\"inner\">{n}</span>")),
            "html marks {pair}"
        );
    }
    assert!(table.contains("（移動先へ）") && table.contains("（移動元から）"));
}

/// Word: accepting every change gives the final and rejecting every one the draft, with the
/// inner changes tracked inside the moved ranges (pandoc reads moves as insertions and
/// deletions).
#[test]
fn docx_tracks_the_inner_changes_inside_the_move() {
    let s = sample(7, 3, 0);
    let d = diff(&s.old, &s.new, &DiffOptions::default());
    let r = Redline::from_texts(&s.old, &s.new, d.hunks);
    assert!(r.hunks.iter().any(|h| !h.inner_changes.is_empty()));
    let mut out = Vec::new();
    render(&r, Format::Docx, &RenderOptions::default(), &mut out).unwrap();
    let xml = crate::docx::part(&out, "word/document.xml");
    assert!(xml.contains("<w:moveTo ") && xml.contains("<w:moveFrom "));
    if crate::docx::have("pandoc", "pandoc") {
        crate::docx::readers::check_with_pandoc(&r);
    }
}

/// A plan laid out as a PDF's text: pages of `per_page` body lines of 35 characters under the
/// chapter's running head, each closed by its `- N -` footer, after a cover page.
fn pdf_pages(paras: &[String], per_page: usize) -> String {
    let lines: Vec<String> =
        paras.iter().flat_map(|p| rewrap(p, 35).lines().map(str::to_owned).collect::<Vec<_>>()).collect();
    let mut out = String::from("情報通信サイバーセキュリティ推進プラン２０２Ｘ（案）\n令和５年７月\n- 1 -\n");
    for (k, page) in lines.chunks(per_page).enumerate() {
        out.push_str("II　今後の取組\n");
        for l in page {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("- {} -\n", k + 2));
    }
    out
}

/// The line numbers (0-based, in the text of [`pdf_pages`]) of paragraph `para`'s first and
/// last lines.
fn para_lines(text: &str, para: &str) -> (usize, usize) {
    let wrapped = rewrap(para, 35);
    let (first, last) = (wrapped.lines().next().unwrap(), wrapped.lines().last().unwrap());
    let lines: Vec<&str> = text.lines().collect();
    let at = |l: &str| lines.iter().position(|x| *x == l).unwrap();
    (at(first), at(last))
}

/// The texts html marks as inner changes (`<s class="inner">`, `<span class="inner">`), tags
/// and line breaks left out.
fn inner_marks(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["s", "span"] {
        let open = format!("<{tag} class=\"inner\">");
        for (at, _) in html.match_indices(&open) {
            let (mut depth, mut text, mut rest) = (1, String::new(), &html[at + open.len()..]);
            while depth > 0 {
                let lt = rest.find('<').expect("html closes its tags");
                text.push_str(&rest[..lt]);
                rest = &rest[lt..];
                if rest.starts_with(&format!("</{tag}>")) {
                    depth -= 1;
                } else if rest.starts_with(&format!("<{tag} ")) || rest.starts_with(&format!("<{tag}>")) {
                    depth += 1;
                }
                rest = &rest[rest.find('>').unwrap() + 1..];
            }
            out.push(text.replace('\n', ""));
        }
    }
    out
}

/// A paragraph moved across a page break carries the break's footer and running head with it;
/// they are layout, not changes inside the move: in json every inner change of wording is the
/// word the reviser changed (the furniture, when the move's ends hold it, is a layout inner
/// change), html marks only that word, and Word's moveFrom deletes only that word.
#[test]
fn furniture_inside_a_moved_paragraph_is_no_change_inside_the_move() {
    let draft = std::fs::read_to_string(testdata("sample/draft.txt")).unwrap();
    let paras: Vec<String> = blocks(&draft)
        .into_iter()
        .filter_map(|b| match b {
            Block::Para(p) if p.lines.len() >= 3 => Some(p.text().replace('\n', "")),
            _ => None,
        })
        .take(14)
        .collect();
    assert!(paras.len() >= 12, "the sample has paragraphs of three lines or more");
    let per_page = 9;
    let old = pdf_pages(&paras, per_page);
    // The first paragraph (after the first two) whose lines cross a page break.
    let crosses = |text: &str, p: &str| {
        let (a, b) = para_lines(text, p);
        text.lines().skip(a).take(b - a + 1).any(|l| l.starts_with("- "))
    };
    let k = (2..paras.len()).find(|&k| crosses(&old, &paras[k])).expect("a paragraph crosses a page break");
    let (word, better) = EDITS.iter().find(|(w, _)| paras[k].contains(w)).expect("the paragraph holds a word to edit");
    let edited = paras[k].replacen(word, better, 1);
    // Moved later, to a place where it lies on one page.
    let (new, to) = (k + 3..paras.len())
        .map(|to| {
            let mut order: Vec<String> =
                paras.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, p)| p.clone()).collect();
            order.insert(to - 1, edited.clone());
            (pdf_pages(&order, per_page), to)
        })
        .find(|(text, _)| !crosses(text, &edited))
        .expect("a place where the moved paragraph lies on one page");
    assert!(to > k + 1);
    let (a, b) = (Document::new(&old, &PageMarker::default()), Document::new(&new, &PageMarker::default()));
    for doc in [&a, &b] {
        let head = (0..doc.line_count()).filter(|&l| doc.line_text(l) == "II　今後の取組");
        assert!(
            head.clone().count() >= 6 && head.into_iter().all(|l| doc.is_furniture(l)),
            "the running head is furniture"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), &old).unwrap();
    std::fs::write(dir.path().join("final.txt"), &new).unwrap();
    let run = crate::util::akaji_in(dir.path(), &["diff", "draft.txt", "final.txt", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: JsonRedline = serde_json::from_str(&run.stdout).unwrap();
    let ends: Vec<_> = json.hunks.iter().filter(|h| h.kind == "move").collect();
    assert_eq!(ends.len(), 2, "one move: {:#?}", json.hunks.iter().filter(|h| !h.layout).collect::<Vec<_>>());
    assert!(
        ends[0].old_text.contains("- ") && ends[0].old_text.contains("II　今後の取組"),
        "the old end crosses the page break"
    );
    for end in &ends {
        // (A word the lines wrap inside holds the line break in both ends.)
        let wording: Vec<(String, String)> = end
            .inner_changes
            .iter()
            .filter(|c| !c.layout)
            .map(|c| (c.old_text.replace('\n', ""), c.new_text.replace('\n', "")))
            .collect();
        assert_eq!(wording, [(word.to_string(), better.to_string())], "the inner changes of wording are the edit only");
    }
    // The other hunks of wording: none (the rest is the pages laid out again).
    assert!(json.hunks.iter().all(|h| h.layout || h.kind == "move"), "only the move is content");

    let run = crate::util::akaji_in(dir.path(), &["diff", "draft.txt", "final.txt", "--format", "html"]);
    let marked = inner_marks(&run.stdout);
    assert!(
        marked.len() >= 3 && marked.iter().all(|m| m == word || m == better),
        "html marks the edit only: {marked:?}"
    );

    let run =
        crate::util::akaji_in(dir.path(), &["diff", "draft.txt", "final.txt", "--format", "docx", "-o", "out.docx"]);
    assert!(run.code <= 1, "{}", run.stderr);
    let xml = crate::docx::part(&std::fs::read(dir.path().join("out.docx")).unwrap(), "word/document.xml");
    // Inside the moved-from range (the text between its start and end marks).
    let from = &xml[xml.find("<w:moveFromRangeStart").unwrap()..xml.find("<w:moveFromRangeEnd").unwrap()];
    let deleted: Vec<&str> = from
        .split("<w:delText")
        .skip(1)
        .filter_map(|s| s.split_once('>'))
        .map(|(_, s)| s.split('<').next().unwrap())
        .collect();
    assert_eq!(
        deleted.concat().replace('\n', ""),
        *word,
        "Word deletes the old word inside the move, and nothing else"
    );
}
