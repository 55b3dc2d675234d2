//! The event-time watermark: "no event older than this is expected any more".
//!
//! Watermark = max event time seen − delay, never decreasing. Spark computes it
//! at the *end* of a micro-batch, for use by the next one, and since Spark 3.5
//! filters late rows with the watermark of the *previous* batch while evicting
//! state with the current one: this type keeps both. Not to be confused with
//! Kafka's "high watermark" (the last committed offset of a partition).

use crate::time::TimeMs;

/// Watermark state of a streaming pipeline.
#[derive(Debug, Clone)]
pub(crate) struct Watermark {
    delay_ms: TimeMs,
    /// Max event time observed so far.
    max_event_time: Option<TimeMs>,
    /// Watermark of the current (last started) batch.
    current: TimeMs,
}

impl Watermark {
    pub(crate) fn new(delay_ms: TimeMs) -> Self {
        Self {
            delay_ms,
            max_event_time: None,
            current: 0,
        }
    }

    /// The watermark the next batch would use.
    pub(crate) fn next(&self) -> TimeMs {
        self.max_event_time
            .map_or(self.current, |m| self.current.max(m - self.delay_ms))
    }

    /// Whether the next batch's watermark is ahead of the current one.
    pub(crate) fn would_advance(&self) -> bool {
        self.next() > self.current
    }

    /// Starts a batch: returns (watermark for late rows = previous batch's,
    /// watermark of this batch = for eviction and append emission).
    pub(crate) fn start_batch(&mut self) -> (TimeMs, TimeMs) {
        let previous = self.current;
        self.current = self.next();
        (previous, self.current)
    }

    /// Observes one event time (counted from the next batch on).
    #[inline]
    pub(crate) fn observe(&mut self, event_time_ms: TimeMs) {
        self.max_event_time = Some(
            self.max_event_time
                .map_or(event_time_ms, |m| m.max(event_time_ms)),
        );
    }

    /// Per-record pipelines: advance immediately after an event.
    pub(crate) fn advance_now(&mut self) {
        self.current = self.next();
    }

    /// The current watermark, in ms.
    pub(crate) fn current(&self) -> TimeMs {
        self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_decreases_and_lags_by_one_batch() {
        let mut w = Watermark::new(10);
        assert_eq!(w.start_batch(), (0, 0));
        w.observe(100);
        assert_eq!(w.start_batch(), (0, 90));
        w.observe(50); // older data never moves it back
        assert_eq!(w.start_batch(), (90, 90));
        assert!(!w.would_advance());
    }
}
