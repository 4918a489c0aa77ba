//! When the refinement stops: past a deadline the result stays correct, only coarser.

use std::time::{Duration, Instant};

/// When to stop refining, and whether that moment has come.
#[derive(Debug)]
pub(crate) struct Deadline {
    pub(super) at: Option<Instant>,
    pub(super) hit: bool,
}

impl Deadline {
    pub(super) fn new(timeout: Option<Duration>) -> Deadline {
        Deadline { at: timeout.and_then(|t| Instant::now().checked_add(t)), hit: false }
    }

    /// Whether the deadline has passed (remembered once it has).
    pub(super) fn check(&mut self) -> bool {
        if !self.hit && self.at.is_some_and(|at| Instant::now() >= at) {
            self.hit = true;
        }
        self.hit
    }
}

/// The deadline to give Myers' algorithm for `units` units: none when they are so few that it
/// cannot take long (at most ~`SMALL²` steps), sparing a clock read at every step; the callers
/// check the deadline between such diffs.
pub(super) fn small_enough(units: usize, deadline: Option<Instant>) -> Option<Instant> {
    const SMALL: usize = 1024;
    deadline.filter(|_| units > SMALL)
}
