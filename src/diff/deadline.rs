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

    /// Take in what a copy of this deadline, used elsewhere, has seen: passed for one, passed
    /// for both.
    pub(crate) fn absorb(&mut self, other: &Deadline) {
        self.hit |= other.hit;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_passed_for_a_copy_is_passed_for_the_original() {
        let mut original = Deadline::new(Some(Duration::from_secs(3600)));
        let mut copy = original.clone();
        let mut passed = Deadline::new(Some(Duration::ZERO));
        assert!(passed.check());
        original.absorb(&copy);
        assert!(!original.was_hit());
        copy.absorb(&passed);
        original.absorb(&copy);
        assert!(original.was_hit());
        // Remembered: a copy that has not seen it does not take it back.
        original.absorb(&Deadline::new(None));
        assert!(original.was_hit());
    }
}
