//! Backpressure, as Flink names it: time during which a pipeline's source holds
//! events that its workers cannot take yet. Flink reports, per task, busy,
//! backpressured and idle milliseconds per second; here the workers' busy time
//! is the cost's busy worker-time, and the source's backpressured time is:
//!
//! - continuous mode: time during which at least one arrived event waits for a
//!   free worker (the union of every event's wait);
//! - micro-batch mode: time during which a trigger is overdue because the
//!   previous batch is still running (the source cannot hand over the next batch).

use crate::time::{next_multiple_after, TimeMs};

/// The union of the waits `[arrival, start]` of a FIFO queue's events. Arrivals
/// and starts never decrease in arrival order, so the union is kept exactly with
/// one running end: every wait starts by `now`, so its part after `now` is one
/// stretch `[now, covered_until]`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WaitUnion {
    total_ms: f64,
    covered_until_ms: f64,
}

impl WaitUnion {
    /// An event that arrived at `arrival_ms` starts service at `start_ms` (≥ arrival).
    /// One that did not wait changes nothing [`Self::at`] reads (its empty
    /// wait ends by `now`, a later wait begins at its own arrival): most
    /// arrivals at 125 workers skip the update.
    pub(crate) fn add(&mut self, arrival_ms: f64, start_ms: f64) {
        if start_ms <= arrival_ms {
            return;
        }
        let from = arrival_ms.max(self.covered_until_ms);
        self.total_ms += (start_ms - from).max(0.0);
        self.covered_until_ms = self.covered_until_ms.max(start_ms);
    }

    /// Time some event waited, up to `now`, in ms.
    pub(crate) fn at(&self, now: TimeMs) -> f64 {
        self.total_ms - (self.covered_until_ms - now as f64).max(0.0)
    }
}

/// Time by `now` during which the batch run over `[start, end)` held up the next
/// trigger (which falls at the first multiple of `trigger_ms` after `start`), in ms.
pub(crate) fn overdue_ms(start: TimeMs, end: TimeMs, trigger_ms: TimeMs, now: TimeMs) -> TimeMs {
    (now.min(end) - next_multiple_after(start, trigger_ms)).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_waits_count_once_and_the_future_not_yet() {
        let mut u = WaitUnion::default();
        u.add(0.0, 0.0); // served at once
        u.add(10.0, 30.0);
        u.add(20.0, 40.0); // overlaps [10, 30]
        u.add(50.0, 60.0);
        assert_eq!(u.at(100), 40.0);
        assert_eq!(u.at(55), 35.0);
    }

    #[test]
    fn a_batch_is_overdue_from_the_next_trigger_to_its_end() {
        assert_eq!(overdue_ms(0, 80, 100, 200), 0);
        assert_eq!(overdue_ms(0, 250, 100, 200), 100);
        assert_eq!(overdue_ms(0, 250, 100, 400), 150);
        assert_eq!(overdue_ms(250, 300, 100, 400), 0);
    }
}
