//! The smallest event time of a queue's waiting events, kept as they come
//! and go in position order: a monotonic deque.
//!
//! ```text
//! (position, event time), increasing in both ─► front: the minimum
//! ```
//! An event pushed drops from the back every held one whose time is not
//! smaller (it leaves after them, so they can never be the minimum again);
//! an event leaving is the front's only if it is the minimum. Each event is
//! pushed once and dropped once: O(1) per event. Both queues keep one (one
//! worker's by completion position, the keyed queue's for its unkeyed
//! events by arrival number), in a [`Ring`]: `VecDeque`'s index arithmetic at
//! both ends cost about 24 instructions per event more.

use super::ring::Ring;
use crate::time::TimeMs;

/// The minimum event time of the events at positions pushed and not yet left.
#[derive(Debug, Clone, Default)]
pub(super) struct RunningMin {
    /// (position, event time), increasing in both.
    deque: Ring<(u64, TimeMs)>,
}

impl RunningMin {
    /// Adds the event at position `n` (after every position held) with event time `t`.
    #[inline(always)]
    pub(super) fn push(&mut self, n: u64, t: TimeMs) {
        while self.deque.back().is_some_and(|&(_, m)| m >= t) {
            self.deque.pop_back();
        }
        self.deque.push_back((n, t));
    }

    /// The event at position `n` left (positions leave in order).
    #[inline(always)]
    pub(super) fn leave(&mut self, n: u64) {
        if self.deque.front().is_some_and(|&(m, _)| m == n) {
            self.deque.skip_front();
        }
    }

    /// Forgets positions `from` and after, to push them again (reordered).
    pub(super) fn truncate(&mut self, from: u64) {
        while self.deque.back().is_some_and(|&(n, _)| n >= from) {
            self.deque.pop_back();
        }
    }

    /// The smallest event time held, if any.
    #[inline]
    pub(super) fn min(&self) -> Option<TimeMs> {
        self.deque.front().map(|&(_, t)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Against a scan of the events held, through pushes, leaves and truncations.
    #[test]
    fn holds_the_minimum_of_the_events_held() {
        let mut rng = ChaCha8Rng::seed_from_u64(19);
        let (mut min, mut held) = (RunningMin::default(), Vec::<(u64, TimeMs)>::new());
        let mut end = 0_u64;
        for step in 0..20_000 {
            match rng.random_range(0..10) {
                0..=4 => {
                    let t = rng.random_range(0..1_000);
                    min.push(end, t);
                    held.push((end, t));
                    end += 1;
                }
                5..=8 if !held.is_empty() => {
                    min.leave(held.remove(0).0);
                }
                9 => {
                    let from = end - rng.random_range(0..3).min(held.len() as u64);
                    min.truncate(from);
                    for &(n, t) in held.iter().filter(|&&(n, _)| n >= from) {
                        min.push(n, t);
                    }
                }
                _ => {}
            }
            let expected = held.iter().map(|&(_, t)| t).min();
            assert_eq!(min.min(), expected, "step {step}");
        }
    }
}
