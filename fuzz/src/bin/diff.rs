//! The diff engine: two texts split at a NUL byte, at each granularity. The hunks must be
//! sorted, not overlapping, and turn the old text into the new one.
use akaji::diff::{diff, DiffOptions, Granularity};
use std::time::Duration;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let (old, new) = akaji_fuzz::split(data);
        let (old, new) = (akaji_fuzz::text(old), akaji_fuzz::text(new));
        for granularity in [Granularity::Word, Granularity::Char, Granularity::Line] {
            let options = DiffOptions { granularity, timeout: Some(Duration::from_secs(1)), ..DiffOptions::default() };
            let d = diff(&old, &new, &options);
            let mut rebuilt = String::with_capacity(new.len());
            let mut at = 0;
            for h in &d.hunks {
                assert!(h.old.start >= at && h.old.start <= h.old.end, "hunks sorted: {:?}", d.hunks);
                rebuilt.push_str(&old[at..h.old.start]);
                rebuilt.push_str(&new[h.new.clone()]);
                at = h.old.end;
            }
            rebuilt.push_str(&old[at..]);
            assert_eq!(rebuilt, new, "the hunks rebuild the new text");
        }
    });
}
