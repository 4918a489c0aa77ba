//! Content changes between two documents: what differs once layout is left out.
//!
//! A final extracted from a new PDF is laid out again: lines wrap at other places, pages break
//! at other lines, the running heads and page numbers stand elsewhere, a producer may write ⾏
//! for 行. None of that is a change of wording. Three commands ask what changed in wording:
//! `akaji diff` (two documents with pages, by default), `verify` with the draft (the final the
//! ledger promises against the published one) and `reconcile` (the draft against the published
//! final, to find every change and the answer behind it). All three see the two documents
//! through the same views (`verify/layout.rs`'s `View`: white space and page furniture out as
//! the document model sets it apart, [`Document::role`], radicals folded, a break after each
//! 「。」 so the engine aligns sentence by sentence) and align them with the diff engine.
//!
//! [`compare`] is what verify and reconcile call: word units, and hunks that a few equal
//! characters of one sentence separate joined, so that a reworded phrase is one change however
//! finely the engine cut it; its hunks are offsets of the two views. [`diff_content`] is what
//! `akaji diff` shows (issue 11 part 6): every change mapped back to each document's own bytes.
//! Between two changes the contents are equal but the bytes may not be: those differences
//! become layout hunks ([`Hunk::layout`]), found exactly by walking both views' equal
//! characters side by side, so that both texts remain the equal runs plus the hunks (every
//! format that reconstructs both texts still can), while renderers show layout apart or not at
//! all.
//!
//! ```
//! use akaji::diff::DiffOptions;
//! use akaji::{Document, PageMarker};
//! let m = PageMarker::default();
//! let old = Document::new("計画（案）\n分科会を設置し、検討\nした。\n- 1 -\n計画（案）\n次。\n- 2 -\n計画（案）\n終。\n- 3 -\n", &m);
//! let new = Document::new("計画（案）\n分科会を開催し、\n検討した。\n- 1 -\n計画（案）\n次。\n- 2 -\n計画（案）\n終。\n- 3 -\n", &m);
//! let d = akaji::diff_content(&old, &new, &DiffOptions::default());
//! let content: Vec<_> = d.hunks.iter().filter(|h| !h.layout).collect();
//! assert_eq!(content.len(), 1);
//! assert_eq!((&old.text()[content[0].old.clone()], &new.text()[content[0].new.clone()]), ("設置", "開催"));
//! assert!(d.hunks.iter().any(|h| h.layout), "the moved line break is layout");
//! ```

use crate::diff::{changed_line_regions, diff, diff_by, Deadline, DiffOptions, DiffResult, Furniture, Granularity};
use crate::document::{Document, LineRole};
use crate::redline::Hunk;
use crate::verify::{head_lines, running_heads, View};
use std::ops::Range;
use std::time::Duration;

/// How to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompareOptions {
    /// Full- and half-width forms are the same content (the ledger's `match_width`).
    pub width: bool,
    /// Count layout (line breaks, spaces, page furniture) as content.
    pub keep_layout: bool,
    /// Give the diff engine this long before it settles for a coarser alignment.
    pub timeout: Option<Duration>,
}

/// Two documents as compared, and their content changes.
#[derive(Debug, Clone)]
pub(crate) struct Comparison {
    /// The running heads left out of both views (sorted).
    pub heads: Vec<String>,
    /// The old document as compared.
    pub old: View,
    /// The new document as compared.
    pub new: View,
    /// The changes, as ranges of the two views: sorted, not overlapping, a reworded phrase one
    /// hunk.
    pub hunks: Vec<Hunk>,
    /// Whether the diff engine stopped refining at its deadline (the hunks are coarser).
    pub deadline_hit: bool,
}

/// The content changes from `old` to `new`, as verify and reconcile weigh them.
pub(crate) fn compare(old: &Document, new: &Document, options: &CompareOptions) -> Comparison {
    let (heads, old_view, new_view) =
        if options.keep_layout { (Vec::new(), View::raw(old), View::raw(new)) } else { views(old, new, options.width) };
    let diff_options = DiffOptions {
        granularity: Granularity::Word,
        detect_moves: false,
        min_move_chars: 20,
        timeout: options.timeout,
    };
    let found = diff(old_view.text(), new_view.text(), &diff_options);
    let hunks = coalesce(found.hunks, old_view.text());
    Comparison { heads, old: old_view, new: new_view, hunks, deadline_hit: found.deadline_hit }
}

/// The running heads of both documents (as their furniture sets them apart) and the two folded
/// views that leave them, and every other piece of layout, out.
fn views(old: &Document, new: &Document, width: bool) -> (Vec<String>, View, View) {
    let heads = running_heads(&[old, new]);
    let (ov, nv) = (View::folded(old, width, &heads), View::folded(new, width, &heads));
    (heads, ov, nv)
}

/// Chars of equal text between two hunks of one sentence below which they count as one change.
pub(crate) const JOIN_GAP: usize = 3;

/// Join hunks separated by a few equal chars within one line of the view, so that a reworded
/// phrase is one change however finely the diff engine cut it.
fn coalesce(hunks: Vec<Hunk>, old: &str) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::with_capacity(hunks.len());
    for h in hunks {
        if let Some(last) = out.last_mut() {
            // Overlapping hunks (which a diff engine should not give) are joined too.
            let touching = h.old.start <= last.old.end || h.new.start <= last.new.end;
            if touching || {
                let gap = &old[last.old.end..h.old.start];
                !gap.contains('\n') && gap.chars().count() < JOIN_GAP
            } {
                let o = last.old.start..h.old.end.max(last.old.end);
                let n = last.new.start..h.new.end.max(last.new.end);
                *last = Hunk::new(o, n);
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// The changes of content from `old` to `new` (hunks in each document's bytes), with the
/// differences of layout between them as layout hunks. `options.granularity` and the deadline
/// apply to the content; moved passages (`options.detect_moves`) are linked among the content
/// hunks, on the documents' bytes.
///
/// The documents are first compared line by line, as they are: lines equal byte for byte on
/// both sides hold neither a change nor layout, and only the regions of lines that differ are
/// seen through the views and compared by content, each on its own, within one deadline. (On
/// the benchmark's 10 MB of pages, folding and walking both documents whole was a third of
/// `akaji diff`.) An equal line inside a re-wrapped paragraph stands where the content
/// alignment would put it unless the text around it repeats; the line diff aligns repeated
/// lines as git does.
///
/// The regions are compared on as many threads as [`std::thread::available_parallelism`]
/// gives (up to 8), each thread a run of them in order, when there are lines enough to share;
/// the hunks are those of one thread comparing them all. (On 2 cores the benchmark's 10 MB of
/// pages takes 0.35 s instead of 0.41 s.)
pub fn diff_content(old: &Document, new: &Document, options: &DiffOptions) -> DiffResult {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    diff_content_on(old, new, options, threads)
}

/// [`diff_content`], its regions compared on up to `threads` threads.
fn diff_content_on(old: &Document, new: &Document, options: &DiffOptions, threads: usize) -> DiffResult {
    let mut deadline = Deadline::new(options.timeout);
    let (skip, regions) = heads_and_line_regions(old, new, &mut deadline, threads);
    let regions = regions.into_iter().map(|(o, n)| (lines_of(old, o), lines_of(new, n))).collect();
    let regions = with_role_changes(old, new, &skip, regions);
    let regions = with_wrapped_words(old, new, regions, &skip);
    let parts = in_parallel(&regions, threads, deadline, |regions, mut deadline| {
        let mut hunks = Vec::with_capacity(regions.len() * 2);
        for lines in regions {
            region(old, new, &skip, lines.clone(), options, &mut deadline, &mut hunks);
        }
        (hunks, deadline)
    });
    // Passed for one run of regions, passed for the diff.
    let deadline_hit = parts.iter().any(|(_, deadline)| deadline.was_hit());
    let mut parts = parts.into_iter().map(|(hunks, _)| hunks);
    let mut hunks = parts.next().unwrap_or_default();
    parts.for_each(|more| hunks.extend(more));
    if options.detect_moves {
        // On the documents' own bytes: a moved item's two ends, re-wrapped or not, and the
        // changes between them (line breaks included) as the literal diff shows them.
        // The furniture a moved passage carries across a page break is layout inside it.
        let furniture = Furniture { old: furniture_bytes(old), new: furniture_bytes(new) };
        crate::diff::link_moves(old.text(), new.text(), &mut hunks, options, (deadline_hit, &furniture));
    }
    DiffResult { hunks, deadline_hit }
}

/// The lines of the old and the new document that are running heads (sorted).
type HeadLines = (Vec<usize>, Vec<usize>);

/// A region of bytes of the old document and the new that differ, line for line.
type LineRegion = (Range<usize>, Range<usize>);

/// The lines of each document that are the running heads of either (`skip`), and the regions
/// of lines that differ, byte for byte. The two do not depend on each other: on more than one
/// thread, and when the texts are long enough to pay for a thread, the line pass runs on one of
/// its own while this one finds the heads (on the benchmark's 1 MB of pages the heads took
/// 1.5 ms and the line pass 1.6–1.8 ms of a 21 ms `akaji diff`; side by side, 1.7–1.8 ms).
fn heads_and_line_regions(
    old: &Document,
    new: &Document,
    deadline: &mut Deadline,
    threads: usize,
) -> (HeadLines, Vec<LineRegion>) {
    let heads = || {
        let heads = running_heads(&[old, new]);
        (head_lines(old, &heads), head_lines(new, &heads))
    };
    let lines = |deadline: &mut Deadline| {
        changed_line_regions((old.text(), old.line_starts()), (new.text(), new.line_starts()), deadline)
    };
    if threads < 2 || old.line_count() + new.line_count() < MIN_PARALLEL_LINES {
        return (heads(), lines(deadline));
    }
    let (regions, skip) = crate::threads::join(move || lines(deadline), heads);
    (skip, regions)
}

/// Threads the regions of a diff are compared on, at most.
const MAX_THREADS: usize = 8;

/// Lines of regions below which one thread compares them all: a thread costs more than it saves.
const MIN_PARALLEL_LINES: usize = 2_000;

/// `compare` run on `parts` runs of `regions` in order, each about as many lines as the others,
/// on threads of their own (the first on this one), each with its copy of `deadline`: the
/// regions between equal lines are compared each on its own, so the results, in the regions'
/// order, are those of one thread going through them all. On the benchmark's 10 MB of pages
/// comparing the regions is half of `akaji diff`. One thread when there are few lines to
/// compare or a thread cannot be had.
fn in_parallel<T: Send>(
    regions: &[(Range<usize>, Range<usize>)],
    parts: usize,
    deadline: Deadline,
    compare: impl Fn(&[(Range<usize>, Range<usize>)], Deadline) -> T + Sync,
) -> Vec<T> {
    let size = |r: &(Range<usize>, Range<usize>)| r.0.len() + r.1.len() + 1;
    let total: usize = regions.iter().map(size).sum();
    let parts = parts.min(regions.len()).min(total / MIN_PARALLEL_LINES).max(1);
    if parts == 1 {
        return vec![compare(regions, deadline)];
    }
    // Cut after the region where each next share of the lines is reached.
    let mut runs = Vec::with_capacity(parts);
    let (mut start, mut seen) = (0, 0);
    for (k, r) in regions.iter().enumerate() {
        seen += size(r);
        if seen * parts >= total * (runs.len() + 1) && runs.len() + 1 < parts {
            runs.push(&regions[start..=k]);
            start = k + 1;
        }
    }
    runs.push(&regions[start..]);
    on_threads(&runs, &deadline, &compare)
}

/// `compare` of each run, the first on this thread and the rest on threads of their own (each
/// starting the next), in order.
fn on_threads<T: Send>(
    runs: &[&[(Range<usize>, Range<usize>)]],
    deadline: &Deadline,
    compare: &(impl Fn(&[(Range<usize>, Range<usize>)], Deadline) -> T + Sync),
) -> Vec<T> {
    match runs {
        [] => Vec::new(),
        [only] => vec![compare(only, deadline.clone())],
        [first, rest @ ..] => {
            let (mut others, first) =
                crate::threads::join(|| on_threads(rest, deadline, compare), || compare(first, deadline.clone()));
            others.insert(0, first);
            others
        }
    }
}

/// Whether line `l` of `doc` holds content: a body line, not one of the other document's running
/// heads (`skip`), not blank.
fn content(doc: &Document, skip: &[usize], l: usize) -> bool {
    doc.role(l) == LineRole::Body && skip.binary_search(&l).is_err() && !doc.line_text(l).trim().is_empty()
}

/// The regions of lines (old, new) that differ, with the equal lines that are content on one
/// side and not on the other as regions of their own: a heading the draft has in its body and
/// the final prints as a running head (or the other way) is the same line, not the same content.
fn with_role_changes(
    old: &Document,
    new: &Document,
    skip: &(Vec<usize>, Vec<usize>),
    regions: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::with_capacity(regions.len());
    let (mut i, mut j) = (0, 0);
    let end = (old.line_count()..old.line_count(), new.line_count()..new.line_count());
    for (o, n) in regions.into_iter().chain(std::iter::once(end)) {
        // The equal lines before the region, paired one to one.
        for k in 0..o.start.saturating_sub(i).min(n.start.saturating_sub(j)) {
            let (a, b) = (i + k, j + k);
            if content(old, &skip.0, a) != content(new, &skip.1, b) {
                out.push((a..a + 1, b..b + 1));
            }
        }
        if !(o.is_empty() && n.is_empty() && o.start == old.line_count()) {
            (i, j) = (o.end, n.end);
            out.push((o, n));
        }
    }
    out
}

/// Furniture lines a word may run across, from the end of a page's body to the next page's.
const MAX_FURNITURE: usize = 4;

/// The regions of lines (old, new) that differ, each with the equal line before (after) it when
/// a word runs across the line break between them on either side, so that the views see the
/// word whole as they would see the documents whole (「AJC⏎CBC」 with CBC→CBD is
/// [AJCCBC→AJCCBD]); regions that come to touch are one, and so are regions with no content
/// between them (only furniture, the other document's running heads `skip`, blank lines): text
/// re-wrapped across a page break flows across its furniture, which anchors nothing.
fn with_wrapped_words(
    old: &Document,
    new: &Document,
    regions: Vec<(Range<usize>, Range<usize>)>,
    skip: &(Vec<usize>, Vec<usize>),
) -> Vec<(Range<usize>, Range<usize>)> {
    let no_content =
        |doc: &Document, skip: &[usize], lines: Range<usize>| lines.into_iter().all(|l| !content(doc, skip, l));
    use crate::char_class::{class_of, CharClass};
    let word = |c: Option<char>| c.map(class_of).filter(|c| !matches!(c, CharClass::Space | CharClass::Punct));
    // How many lines back from line `l` the body line stands from whose end a word runs into
    // `l` (past the furniture of a page break between them), if one does.
    let runs_on = |doc: &Document, l: usize| -> Option<usize> {
        if l >= doc.line_count() || doc.role(l) != LineRole::Body {
            return None;
        }
        let first = word(doc.line_text(l).chars().next())?;
        let back = (1..=l.min(MAX_FURNITURE + 1)).find(|&k| doc.role(l - k) == LineRole::Body)?;
        (word(doc.line_text(l - back).chars().next_back()) == Some(first)).then_some(back)
    };
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(regions.len());
    // Where the region before ends, and where the one after starts: the equal lines between
    // are paired one to one, and a region widens over them only.
    let mut before = (0, 0);
    for k in 0..regions.len() {
        let (mut o, mut n) = regions[k].clone();
        let after = regions.get(k + 1).map_or((old.line_count(), new.line_count()), |r| (r.0.start, r.1.start));
        let back = runs_on(old, o.start).max(runs_on(new, n.start)).unwrap_or(0);
        let back = back.min(o.start - before.0).min(n.start - before.1);
        before = (o.end, n.end);
        (o.start, n.start) = (o.start - back, n.start - back);
        // The lines after the region (from `end` on) up to the one a word runs into from the
        // region's last body line, past any furniture.
        let ahead = |doc: &Document, end: usize| {
            (end..(end + MAX_FURNITURE + 1).min(doc.line_count()))
                .find(|&l| doc.role(l) == LineRole::Body)
                .filter(|&l| runs_on(doc, l).is_some_and(|b| l - b < end))
                .map(|l| l + 1 - end)
        };
        let ahead = ahead(old, o.end).max(ahead(new, n.end)).unwrap_or(0);
        let ahead = ahead.min(after.0 - o.end).min(after.1 - n.end);
        (o.end, n.end) = (o.end + ahead, n.end + ahead);
        match out.last_mut() {
            Some(last)
                if o.start <= last.0.end
                    || n.start <= last.1.end
                    || no_content(old, &skip.0, last.0.end..o.start)
                        && no_content(new, &skip.1, last.1.end..n.start) =>
            {
                last.0.end = last.0.end.max(o.end);
                last.1.end = last.1.end.max(n.end);
            }
            _ => out.push((o, n)),
        }
    }
    out
}

/// The lines of `doc` that byte range `r` (whole lines, as the line pass gives them) covers.
fn lines_of(doc: &Document, r: Range<usize>) -> Range<usize> {
    let start = if r.start >= doc.text().len() { doc.line_count() } else { doc.line_of(r.start) };
    let end = if r.is_empty() { start } else { doc.line_of(r.end - 1) + 1 };
    start..end
}

/// The content and layout hunks of one region of lines that differ (`lines`: old and new),
/// pushed onto `hunks`: the region's two views compared, every change mapped back to the
/// documents' bytes, the layout between changes walked.
fn region(
    old: &Document,
    new: &Document,
    skip: &(Vec<usize>, Vec<usize>),
    lines: (Range<usize>, Range<usize>),
    options: &DiffOptions,
    deadline: &mut Deadline,
    hunks: &mut Vec<Hunk>,
) {
    let bytes = |doc: &Document, l: &Range<usize>| match l.start < l.end {
        true => doc.line_range(l.start).start..doc.line_range(l.end - 1).end,
        false => {
            let at = if l.start < doc.line_count() { doc.line_range(l.start).start } else { doc.text().len() };
            at..at
        }
    };
    let (ob, nb) = (bytes(old, &lines.0), bytes(new, &lines.1));
    let ov = View::folded_within(old, false, &skip.0, lines.0);
    let nv = View::folded_within(new, false, &skip.1, lines.1);
    let mut content = diff_by(ov.text(), nv.text(), &DiffOptions { detect_moves: false, ..options.clone() }, deadline);
    for h in &mut content.hunks {
        settle(h, ov.text(), nv.text());
    }
    let (ot, nt) = (old.text(), new.text());
    let (mut o, mut n) = (0, 0);
    // Where the last hunk pushed ends in each document.
    let (mut od, mut nd) = (ob.start, nb.start);
    for h in &content.hunks {
        layout_between(old, new, &ov, &nv, o..h.old.start, n..h.new.start, (&mut od, &mut nd), hunks);
        let (a, b) = (ov.doc_range(h.old.clone()), nv.doc_range(h.new.clone()));
        let (a, b) = (a.start.max(od)..a.end.max(od), b.start.max(nd)..b.end.max(nd));
        // An empty side stands where the other side's layout before it matches best: after the
        // gap that precedes the next character (「、⏎【必要に応じて、】支援」 deletes no line break).
        let a = match a.is_empty().then(|| ov.doc_start(h.old.end)) {
            Some(next) if next >= a.start && next <= ob.end && ot[od..next] == nt[nd..b.start] => next..next,
            _ => a,
        };
        let b = match b.is_empty().then(|| nv.doc_start(h.new.end)) {
            Some(next) if next >= b.start && next <= nb.end && nt[nd..next] == ot[od..a.start] => next..next,
            _ => b,
        };
        // The gap between the last equal character and the change, when it differs.
        push_layout(ot, nt, od..a.start, nd..b.start, hunks);
        if !(a.is_empty() && b.is_empty()) {
            push_content(old, new, a.clone(), b.clone(), hunks);
        }
        (od, nd) = (a.end, b.end);
        (o, n) = (h.old.end, h.new.end);
    }
    let (oe, ne) = (ov.text().len(), nv.text().len());
    layout_between(old, new, &ov, &nv, o..oe, n..ne, (&mut od, &mut nd), hunks);
    // What follows the region's last equal character (a trailing footer, a line break).
    if ot[od..ob.end] != nt[nd..nb.end] {
        push_layout(ot, nt, od..ob.end, nd..nb.end, hunks);
    }
}

/// The bytes of `doc`'s furniture lines (running heads, footers, page numbers), in order.
fn furniture_bytes(doc: &Document) -> Vec<Range<usize>> {
    (0..doc.line_count()).filter(|&l| doc.is_furniture(l)).map(|l| doc.line_range(l)).collect()
}

/// Slide a pure insertion or deletion of the views (text equal on both sides of it can be
/// written on either end) so that it ends where a sentence ends: 「。【また、…。】」 rather than
/// 「【。また、…】。」, as a reader writes it.
fn settle(h: &mut Hunk, old: &str, new: &str) {
    let side = match (h.old.is_empty(), h.new.is_empty()) {
        (true, false) => new,
        (false, true) => old,
        _ => return,
    };
    let range = if h.old.is_empty() { h.new.clone() } else { h.old.clone() };
    let mut r = range.clone();
    // Slide right while the changed text's first char is the char after it.
    for _ in 0..64 {
        if side[r.clone()].ends_with('\n') {
            break;
        }
        let Some(first) = side[r.clone()].chars().next() else { return };
        if !side[r.end..].starts_with(first) {
            return;
        }
        r = r.start + first.len_utf8()..r.end + first.len_utf8();
    }
    if !side[r.clone()].ends_with('\n') || r == range {
        return;
    }
    let moved = r.start - range.start;
    if h.old.is_empty() {
        (h.old, h.new) = (h.old.start + moved..h.old.start + moved, r);
    } else {
        (h.old, h.new) = (r, h.new.start + moved..h.new.start + moved);
    }
}

/// The layout hunks between two equal stretches of the views (`ov[o]` = `nv[n]`, char for
/// char), from the documents' bytes `at` on (moved to the end of the last character walked):
/// every gap between equal characters (white space, furniture) and every character written
/// differently (⾏ for 行) that is not the same bytes on both sides.
#[allow(clippy::too_many_arguments, reason = "two documents, their views, two ranges and the walk's place")]
fn layout_between(
    old: &Document,
    new: &Document,
    ov: &View,
    nv: &View,
    o: Range<usize>,
    n: Range<usize>,
    at: (&mut usize, &mut usize),
    hunks: &mut Vec<Hunk>,
) {
    let (ot, nt) = (old.text(), new.text());
    let (ovt, nvt) = (ov.text(), nv.text());
    let (mut i, mut j) = (o.start, n.start);
    // Where the stretch of differing bytes being walked started, if one is.
    let mut dirty: Option<(usize, usize)> = None;
    // Where a run whose bytes matched but whose characters did not map one to one ends: walked
    // character by character (a fold or furniture that happens to read alike), tried once.
    let mut slow_until = 0;
    while i < o.end && j < n.end {
        // Where both documents go on with the view's own bytes, from the end of the last
        // character walked, every character there is written alike with no gap before it:
        // nothing to record, so the walk skips the run whole (a line of the document at a time,
        // two lookups instead of two per character; profiled at 48% of `akaji diff` on 10 MB).
        if dirty.is_none() && i >= slow_until {
            let run = same_bytes(&ot[*at.0..], &ovt[i..o.end]).min(same_bytes(&nt[*at.1..], &nvt[j..n.end]));
            if run > 0
                && ov.doc_range(i..i + run) == (*at.0..*at.0 + run)
                && nv.doc_range(j..j + run) == (*at.1..*at.1 + run)
            {
                (i, j) = (i + run, j + run);
                (*at.0, *at.1) = (*at.0 + run, *at.1 + run);
                continue;
            }
            slow_until = i + run;
        }
        let (Some(a), Some(b)) = (ovt[i..].chars().next(), nvt[j..].chars().next()) else { break };
        let (ai, bj) = (i, j);
        i += a.len_utf8();
        j += b.len_utf8();
        if a == '\n' && b == '\n' {
            continue; // a break the views put after 「。」
        }
        let (ar, br) = (ov.doc_range(ai..i), nv.doc_range(bj..j));
        let same_gap = ot[*at.0..ar.start] == nt[*at.1..br.start];
        let same_char = ot[ar.clone()] == nt[br.clone()];
        match (dirty, same_gap, same_char) {
            (None, true, true) => {}
            (Some((s, t)), true, true) => {
                push_layout(ot, nt, s..*at.0, t..*at.1, hunks);
                dirty = None;
            }
            // Only the gap differs: a stretch of its own, ending before the character.
            (_, false, true) => {
                let (s, t) = dirty.take().unwrap_or((*at.0, *at.1));
                push_layout(ot, nt, s..ar.start, t..br.start, hunks);
            }
            // The character is written differently: the stretch goes on through it.
            (None, _, false) => dirty = Some((*at.0, *at.1)),
            (Some(_), _, false) => {}
        }
        (*at.0, *at.1) = (ar.end, br.end);
    }
    if let Some((s, t)) = dirty {
        push_layout(ot, nt, s..*at.0, t..*at.1, hunks);
    }
}

/// How many bytes at the start of `doc` are those of `view` (whole characters), up to the
/// view's first line break (a break the view put after 「。」 stands for no document byte).
fn same_bytes(doc: &str, view: &str) -> usize {
    let view = memchr::memchr(b'\n', view.as_bytes()).map_or(view, |k| &view[..k]);
    let mut k = doc.bytes().zip(view.bytes()).take_while(|(a, b)| a == b).count();
    while !view.is_char_boundary(k) {
        k -= 1;
    }
    k
}

/// A layout hunk for `ot[a]` → `nt[b]`, less what the two share at their ends.
fn push_layout(ot: &str, nt: &str, a: Range<usize>, b: Range<usize>, hunks: &mut Vec<Hunk>) {
    let (x, y) = (&ot[a.clone()], &nt[b.clone()]);
    let pre = common_prefix(x, y);
    let suf = common_suffix(&x[pre..], &y[pre..]);
    let (a, b) = (a.start + pre..a.end - suf, b.start + pre..b.end - suf);
    if a.is_empty() && b.is_empty() {
        return;
    }
    hunks.push(Hunk::of_layout(a, b));
}

/// Push the content change `a` → `b` (document bytes), its page furniture apart: where both
/// sides run across a page break (a word wrapped from one page to the next), the furniture
/// between is layout, not part of the change, and what stands before it and after it are
/// changes of their own where they differ (「Society⏎- 12 -⏎表題⏎5.0」 → 「Societz⏎…⏎5.0」 is
/// [Society→Societz]).
fn push_content(old: &Document, new: &Document, a: Range<usize>, b: Range<usize>, hunks: &mut Vec<Hunk>) {
    let (ot, nt) = (old.text(), new.text());
    match (furniture_within(old, &a), furniture_within(new, &b)) {
        (Some(fa), Some(fb)) => {
            let piece = |mut a: Range<usize>, mut b: Range<usize>, hunks: &mut Vec<Hunk>| {
                // The line break before the furniture, which both sides share.
                while let (Some(x), Some(y)) = (ot[a.clone()].chars().next_back(), nt[b.clone()].chars().next_back()) {
                    if x != y || !x.is_whitespace() {
                        break;
                    }
                    (a.end, b.end) = (a.end - x.len_utf8(), b.end - y.len_utf8());
                }
                if ot[a.clone()] != nt[b.clone()] {
                    let (a, b) = within_spaces(ot, nt, a, b);
                    hunks.push(Hunk::new(a, b));
                }
            };
            piece(a.start..fa.start, b.start..fb.start, hunks);
            push_layout(ot, nt, fa.clone(), fb.clone(), hunks);
            push_content(old, new, fa.end..a.end, fb.end..b.end, hunks);
        }
        _ => {
            let (a, b) = within_spaces(ot, nt, a, b);
            hunks.push(Hunk::new(a, b));
        }
    }
}

/// The first run of furniture lines (whole lines, with their line breaks) inside byte range `r`
/// of `doc` that content stands on both sides of, if there is one.
fn furniture_within(doc: &Document, r: &Range<usize>) -> Option<Range<usize>> {
    if r.is_empty() {
        return None;
    }
    let (first, last) = (doc.line_of(r.start), doc.line_of(r.end - 1));
    let start = (first + 1..last).find(|&l| doc.is_furniture(l))?;
    let end = (start..=last).find(|&l| !doc.is_furniture(l))?;
    Some(doc.line_range(start).start..doc.line_range(end).start)
}

/// A change of both sides without the words it shares with the other side beyond a space: the
/// views leave spaces out (a PDF puts them anywhere in Japanese text), so the word units of
/// 「CYNEX Co-Nexus C」 run across them, but a space the two documents share is a word boundary
/// (「[CYNEX→CYNEY] Co-Nexus C」, 「後述3 [1→１]ページ」). Line breaks are not: a word wraps.
fn within_spaces(ot: &str, nt: &str, a: Range<usize>, b: Range<usize>) -> (Range<usize>, Range<usize>) {
    if a.is_empty() || b.is_empty() {
        return (a, b);
    }
    let space = |c: char| c == ' ' || c == '\u{3000}';
    let (x, y) = (&ot[a.clone()], &nt[b.clone()]);
    // (The furniture of a page break is not in `a` and `b` both: `push_content` set it apart.)
    let pre = common_prefix(x, y);
    let pre = x[..pre].rfind(space).map_or(0, |i| i + x[i..].chars().next().map_or(0, char::len_utf8));
    let (x, y) = (&x[pre..], &y[pre..]);
    let suf = common_suffix(x, y);
    let suf = x[x.len() - suf..].find(space).map_or(0, |i| suf - i);
    if pre + suf >= a.len() || pre + suf >= b.len() {
        return (a, b);
    }
    (a.start + pre..a.end - suf, b.start + pre..b.end - suf)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).take_while(|((_, x), y)| x == y).last().map_or(0, |((i, c), _)| i + c.len_utf8())
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(c, _)| c.len_utf8()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PageMarker;
    use crate::redline::Redline;

    type Pairs = Vec<(String, String)>;

    fn content_and_layout(old: &str, new: &str) -> (Pairs, Pairs) {
        let m = PageMarker::default();
        let (a, b) = (Document::new(old, &m), Document::new(new, &m));
        let d = diff_content(&a, &b, &DiffOptions::default());
        let r = Redline::new(&a, &b, d.hunks.clone());
        assert_eq!(r.check(), Ok(()), "{:?}", d.hunks);
        let pair = |h: &Hunk| (a.text()[h.old.clone()].to_owned(), b.text()[h.new.clone()].to_owned());
        (
            d.hunks.iter().filter(|h| !h.layout).map(pair).collect(),
            d.hunks.iter().filter(|h| h.layout).map(pair).collect(),
        )
    }

    #[test]
    fn a_rewrap_and_a_moved_page_break_are_layout() {
        let old = "I　現状\n分科会を設置し、検討を行っ\nた。本年度は\n- 3 -\nI　現状\n重点を置いた。\n- 4 -\n";
        let new = "I　現状\n分科会を開催し、検討を\n行った。\n- 3 -\nI　現状\n本年度は重点を置いた。\n- 4 -\n";
        let (content, layout) = content_and_layout(old, new);
        assert_eq!(content, [("設置".to_owned(), "開催".to_owned())]);
        assert!(!layout.is_empty());
        assert!(
            layout.iter().all(|(a, b)| crate::fold::fold_text(a, false) == crate::fold::fold_text(b, false)
                || a.contains("- 3 -")
                || b.contains("- 3 -")),
            "{layout:?}"
        );
    }

    #[test]
    fn a_radical_is_layout_and_identical_texts_have_no_hunks() {
        let (content, layout) = content_and_layout("⾏政の手続。\n", "行政の手続。\n");
        assert!(content.is_empty());
        assert_eq!(layout, [("⾏".to_owned(), "行".to_owned())]);
        assert_eq!(content_and_layout("同じ。\n", "同じ。\n"), (vec![], vec![]));
    }

    #[test]
    fn layout_inside_long_equal_runs_is_found_char_by_char() {
        // The walk skips runs both documents write as the view does; a radical and moved line
        // breaks in between are still found where they are.
        let old = "計画の本文である。行政の手続は\n適正に行うこととする。\n";
        let new = "計画の本文である。⾏政の手続は適正\nに行うこととする。\n";
        let (content, layout) = content_and_layout(old, new);
        assert!(content.is_empty(), "{content:?}");
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(layout, [pair("行", "⾏"), pair("\n", ""), pair("", "\n")]);
    }

    /// Pages of plan-like lines, lines `0..n` of a few pages, with `edit` applied to line `at`.
    fn pages(lines: &[&str], edit: Option<(usize, &str)>) -> String {
        let mut out = String::new();
        for (i, l) in lines.iter().enumerate() {
            if i % 6 == 0 {
                out.push_str("計画（案）\n");
            }
            out.push_str(edit.filter(|e| e.0 == i).map_or(l, |e| e.1));
            out.push('\n');
            if i % 6 == 5 {
                out.push_str(&format!("- {} -\n", i / 6 + 1));
            }
        }
        out
    }

    const LINES: [&str; 18] = [
        "　サイバー攻撃の巧妙化に対応するため、関",
        "係機関との連携体制の強化を図る。AJC",
        "CBC 自体は ASEAN の試みであり、今後も",
        "継続していく。CYNEX Co-Nexus Cでは、演",
        "習基盤を提供している。",
        "　人材育成の機会を地域に拡大していく。",
        "　このため、各種の施策を推進する必要があ",
        "る。具体的には、以下のとおりである。NOTIC",
        "E の観測結果を周知し、利用者への注意喚起",
        "を行う。",
        "　また、関係省庁と連携して取り組む。",
        "　さらに、国際連携を推進する。",
        "　第一に、情報共有の枠組みを整備する。",
        "　第二に、演習の機会を拡大する。",
        "　第三に、研究開発を推進し、成果を社会",
        "実装につなげていく。",
        "　以上の取組を通じて、安全な環境を実現",
        "する。",
    ];

    #[test]
    fn only_lines_that_differ_are_compared_and_nothing_else_is_marked() {
        let old = pages(&LINES, None);
        let new = pages(&LINES, Some((13, "　第二に、演習の機会を拡充する。")));
        let (content, layout) = content_and_layout(&old, &new);
        assert_eq!(content, [("拡大".to_owned(), "拡充".to_owned())]);
        assert!(layout.is_empty(), "{layout:?}");
    }

    #[test]
    fn a_word_wrapped_at_a_line_end_is_seen_whole_by_the_line_that_differs() {
        // Only the second line of 「AJC⏎CBC」 differs: the equal line before it is compared too,
        // so the word is the whole token, as when the two documents are compared whole.
        let old = pages(&LINES, None);
        let new = pages(&LINES, Some((2, "CBD 自体は ASEAN の試みであり、今後も")));
        let (content, _) = content_and_layout(&old, &new);
        assert_eq!(content, [("AJC\nCBC".to_owned(), "AJC\nCBD".to_owned())]);
        // 「NOTIC⏎E」 likewise, from the line before the break.
        let new = pages(&LINES, Some((7, "る。具体的には、以下のとおりである。NOTID")));
        let (content, _) = content_and_layout(&old, &new);
        assert_eq!(content, [("NOTIC\nE".to_owned(), "NOTID\nE".to_owned())]);
    }

    #[test]
    fn a_change_across_a_page_break_leaves_the_furniture_out() {
        // Line 5 ends page 1 with 「演」 and line 6 opens page 2 with 「習」: the word 演習 with the
        // page's furniture between. The views see the word whole; the change shown is what
        // differs on the new page, the furniture and the equal 「演」 are not in it.
        let mut lines = LINES;
        lines[5] = "　人材育成の機会を地域に拡大し、演";
        lines[6] = "習の機会を増やす。";
        let old = pages(&lines, None);
        let new = pages(&lines, Some((6, "練の機会を増やす。")));
        let (content, layout) = content_and_layout(&old, &new);
        assert_eq!(content, [("習".to_owned(), "練".to_owned())]);
        assert!(layout.is_empty(), "{layout:?}");
        // Both halves changed: two changes, the furniture between them equal.
        let new = pages(&lines, Some((6, "練の機会を増やす。"))).replace("拡大し、演\n", "拡大し、訓\n");
        let (content, _) = content_and_layout(&old, &new);
        assert_eq!(content, [("演".to_owned(), "訓".to_owned()), ("習".to_owned(), "練".to_owned())]);
    }

    #[test]
    fn a_space_both_sides_share_ends_the_word() {
        let old = pages(&LINES, None);
        let new = pages(&LINES, Some((3, "継続していく。CYNEY Co-Nexus Cでは、演")));
        let (content, layout) = content_and_layout(&old, &new);
        assert_eq!(content, [("CYNEX".to_owned(), "CYNEY".to_owned())]);
        assert!(layout.is_empty(), "{layout:?}");
        let (c, _) = content_and_layout("後述3 1ページの説明。\n", "後述3 １ページの説明。\n");
        assert_eq!(c, [("1".to_owned(), "１".to_owned())]);
        // Spaces the change itself holds stay in it, and a word across a line break is whole.
        let (c, _) = content_and_layout("A B C。\n", "X Y C。\n");
        assert_eq!(c, [("A B".to_owned(), "X Y".to_owned())]);
    }

    #[test]
    fn lines_moved_across_a_page_break_are_layout_whatever_the_line_diff_pairs() {
        // The page break moves two lines up: the line pass sees the furniture inserted before
        // two equal lines and deleted after them; by content nothing changed.
        let old = pages(&LINES, None);
        let new = old.replacen(
            "演\n習基盤を提供している。\n　人材育成の機会を地域に拡大していく。\n- 1 -\n計画（案）\n",
            "演\n- 1 -\n計画（案）\n習基盤を提供している。\n　人材育成の機会を地域に拡大していく。\n",
            1,
        );
        assert_ne!(old, new);
        let (content, layout) = content_and_layout(&old, &new);
        assert!(content.is_empty(), "{content:?}");
        assert!(!layout.is_empty());
    }

    fn options() -> CompareOptions {
        CompareOptions { width: false, keep_layout: false, timeout: None }
    }

    fn changes(old: &str, new: &str, options: &CompareOptions) -> Vec<(String, String)> {
        let m = PageMarker::default();
        let (a, b) = (Document::new(old, &m), Document::new(new, &m));
        let c = compare(&a, &b, options);
        c.hunks.iter().map(|h| (c.old.content(h.old.clone()), c.new.content(h.new.clone()))).collect()
    }

    #[test]
    fn re_wrapped_and_re_paginated_texts_have_no_changes() {
        let old = "計画\n一文目の本文で\nある。\n- 1 -\n計画\n二文目。\n- 2 -\n計画\n三文目。\n- 3 -\n";
        let new = "計画\n一文目の本文である。二\n- 1 -\n計画\n文目。三文\n- 2 -\n計画\n目。\n- 3 -\n";
        assert!(changes(old, new, &options()).is_empty());
        let kept = CompareOptions { keep_layout: true, ..options() };
        assert!(!changes(old, new, &kept).is_empty(), "with layout kept, the line breaks count");
    }

    #[test]
    fn a_reworded_phrase_is_one_change() {
        let c = changes("検討を進めることが期待される。\n", "検討を進めることが適当である。\n", &options());
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].0.contains("期待") && c[0].1.contains("適当"), "{c:?}");
    }

    #[test]
    fn a_section_heading_a_page_or_two_is_a_running_head() {
        // The chapter opens pages 1 and 3 (its head over its heading), 1.2 heads page 2 in both.
        let old = "第1章\n第1章\n1.1 節\n本文一。\n1.2 節\n本文\n- 1 -\n第1章\n1.2 節\n二。\n- 2 -\n第2章\n第2章\n本文三。\n- 3 -\n";
        let new = "第1章\n第1章\n1.1 節\n本文一。\n1.2 節\n- 1 -\n第1章\n1.2 節\n本文二。\n- 2 -\n第2章\n第2章\n本文三。\n- 3 -\n";
        assert!(changes(old, new, &options()).is_empty(), "{:?}", changes(old, new, &options()));
        let m = PageMarker::default();
        let c = compare(&Document::new(old, &m), &Document::new(new, &m), &options());
        // The document model tells a chapter's head from the heading it repeats: the heading is
        // content, the head and the section head over page 2 are furniture.
        assert_eq!(c.old.content(0..c.old.text().len()), "第1章1.1節本文一。1.2節本文二。第2章本文三。");
        // A body line that happens to open a page in one text only is content.
        let moved = "第1章\n第1章\n本文一。\n- 1 -\n第1章\n(1) 現状\n本文二。\n- 2 -\n";
        let kept = "第1章\n第1章\n本文一。(1)\n- 1 -\n第1章\n現状\n本文二。\n- 2 -\n";
        assert!(changes(moved, kept, &options()).is_empty());
    }

    #[test]
    fn widths_are_content_unless_folded() {
        let (old, new) = ("（Ｐ５図表１参照）\n", "（P5図表1参照）\n");
        assert_eq!(changes(old, new, &options()).len(), 1);
        assert!(changes(old, new, &CompareOptions { width: true, ..options() }).is_empty());
    }

    #[test]
    fn regions_shared_among_threads_are_every_region_once_in_order_in_even_parts() {
        // 3,000 regions of 1 to 5 lines a side.
        let regions: Vec<_> = (0..3000).map(|k| (k * 10..k * 10 + 1 + k % 5, k * 10..k * 10 + 1)).collect();
        let total: usize = regions.iter().map(|r| r.0.len() + r.1.len() + 1).sum();
        for parts in [1, 2, 3, 8] {
            let seen = in_parallel(&regions, parts, Deadline::new(None), |run, _| run.to_vec());
            // No part of fewer lines than a thread is worth: 15,000 lines are 7 parts at most.
            let parts = parts.min(total / MIN_PARALLEL_LINES);
            assert_eq!(seen.len(), parts);
            assert_eq!(seen.concat(), regions, "{parts} parts");
            for run in &seen {
                let lines: usize = run.iter().map(|r| r.0.len() + r.1.len() + 1).sum();
                assert!(lines.abs_diff(total / parts) <= 7, "{parts} parts: {lines} of {total}");
            }
        }
        // Few lines to compare: one thread.
        assert_eq!(in_parallel(&regions[..100], 8, Deadline::new(None), |run, _| run.len()), [100]);
    }

    #[test]
    fn a_diff_compared_on_threads_is_the_diff_compared_on_one() {
        // 200 pages of 40 wrapped lines, every third line edited, some re-wrapped, a sentence
        // inserted now and then: thousands of regions.
        let (mut old, mut new) = (String::new(), String::new());
        for page in 1..=200 {
            for k in 0..40 {
                let line = format!("第{page}章の{k}番目の施策を推進するための体制を設置し、");
                old.push_str(&line);
                old.push('\n');
                match k % 3 {
                    0 => new.push_str(&line.replace("設置", "開催")),
                    1 if k % 7 == 1 => new.push_str(&line.replace("ための", "ための\n")),
                    _ => new.push_str(&line),
                }
                if k % 11 == 5 {
                    new.push_str("関係機関と連携する。");
                }
                new.push('\n');
            }
            old.push_str(&format!("- {page} -\n"));
            new.push_str(&format!("- {page} -\n"));
        }
        let m = PageMarker::default();
        let (a, b) = (Document::new(&old, &m), Document::new(&new, &m));
        let one = diff_content_on(&a, &b, &DiffOptions::default(), 1);
        assert!(one.hunks.iter().filter(|h| !h.layout).count() > 1000);
        for threads in [2, 3, 8] {
            let many = diff_content_on(&a, &b, &DiffOptions::default(), threads).hunks;
            let first = many.iter().zip(&one.hunks).position(|(a, b)| a != b);
            assert!(
                many == one.hunks,
                "{threads} threads: {} hunks, not {}, first differs at {first:?}",
                many.len(),
                one.hunks.len()
            );
        }
        // A deadline passed is reported, the result still both texts (coarser, never cut).
        let hurried = DiffOptions { timeout: Some(std::time::Duration::ZERO), ..DiffOptions::default() };
        let coarse = diff_content_on(&a, &b, &hurried, 2);
        assert!(coarse.deadline_hit);
        assert_eq!(Redline::new(&a, &b, coarse.hunks).check(), Ok(()));
    }
}
