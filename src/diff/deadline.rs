//! When the refinement stops: past a deadline the result stays correct, only coarser.

use std::time::{Duration, Instant};

/// When to stop refining, and whether that moment has come.
#[derive(Debug, Clone)]
pub(crate) struct Deadline {
    pub(super) at: Option<Instant>,
    pub(super) hit: bool,
}

impl Deadline {
    pub(crate) fn new(timeout: Option<Duration>) -> Deadline {
        Deadline { at: timeout.and_then(|t| Instant::now().checked_add(t)), hit: false }
    }

    /// Whether the deadline has passed, as last checked.
    pub(crate) fn was_hit(&self) -> bool {
        self.hit
    }

    /// Whether the deadline has passed (remembered once it has).
    pub(super) fn check(&mut self) -> bool {
        if !self.hit && self.at.is_some_and(|at| Instant::now() >= at) {
            self.hit = true;
        }
        self.hit
    }
}
