//! The diff engine: two texts split at a NUL byte, at each granularity, and the two as
//! documents compared by content (`akaji::diff_content`, with and without moves). The hunks
//! must be sorted, not overlapping, and turn the old text into the new one.
use akaji::diff::{diff, DiffOptions, Granularity};
use akaji::{diff_content, Document, PageMarker};
use std::time::Duration;

/// The hunks are sorted and turn `old` into `new`.
fn rebuilds(old: &str, new: &str, hunks: &[akaji::Hunk]) {
    let mut rebuilt = String::with_capacity(new.len());
    let mut at = 0;
    for h in hunks {
        assert!(h.old.start >= at && h.old.start <= h.old.end, "hunks sorted: {hunks:?}");
        rebuilt.push_str(&old[at..h.old.start]);
        rebuilt.push_str(&new[h.new.clone()]);
        at = h.old.end;
    }
    rebuilt.push_str(&old[at..]);
    assert_eq!(rebuilt, new, "the hunks rebuild the new text");
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let (old, new) = akaji_fuzz::split(data);
        let (old, new) = (akaji_fuzz::text(old), akaji_fuzz::text(new));
        for granularity in [Granularity::Word, Granularity::Char, Granularity::Line] {
            let options = DiffOptions { granularity, timeout: Some(Duration::from_secs(1)), ..DiffOptions::default() };
            let d = diff(&old, &new, &options);
            rebuilds(&old, &new, &d.hunks);
        }
        let m = PageMarker::default();
        let (a, b) = (Document::new(&old, &m), Document::new(&new, &m));
        for detect_moves in [false, true] {
            let options = DiffOptions { detect_moves, timeout: Some(Duration::from_secs(1)), ..DiffOptions::default() };
            let d = diff_content(&a, &b, &options);
            rebuilds(a.text(), b.text(), &d.hunks);
        }
    });
}
