//! Web traffic's sessions as a stream reads them: each view, in arrival
//! order, is a micro-batch of one row under Spark's session rule (the one
//! [`crate::window::MicroBatchSessions`] follows, `docs/spark-semantics.md`
//! cases H and H2), with the streaming pipeline's watermark delay.
//!
//! A batch of one row is the rule without a batch's bookkeeping: the state is
//! the open sessions by visitor id ([`CountedSessions`]: a flat table of what
//! the figures read, so a view that extends its visitor's session reads 24
//! bytes and touches no index), and what the report shows is counted as it
//! happens.

use super::counted::CountedSessions;
use super::{SessionFigures, StreamSessions};
use crate::time::TimeMs;
use crate::window::SessionSummary;

/// Spark's session rule, one view at a time.
#[derive(Debug, Clone)]
pub(super) struct StreamView {
    delay_ms: TimeMs,
    open: CountedSessions,
    closed: SessionSummary,
    dropped: u64,
    /// The watermark for the next view's batch: the latest event time read
    /// minus the delay (0 until then, as Spark's).
    watermark_ms: TimeMs,
    /// The watermark of the latest view's batch: the next view's late filter.
    previous_batch_wm: TimeMs,
}

impl StreamView {
    /// No view read yet, for sessions of `gap_ms` and a watermark `delay_ms`
    /// behind the latest event time.
    pub(super) fn new(gap_ms: TimeMs, delay_ms: TimeMs) -> Self {
        Self {
            delay_ms,
            open: CountedSessions::new(gap_ms),
            closed: SessionSummary::default(),
            dropped: 0,
            watermark_ms: 0,
            previous_batch_wm: 0,
        }
    }

    /// Reads one view of `visitor` at event time `t`, as a batch of one row:
    /// dropped if its own session ends at or before the previous batch's
    /// watermark, else merged into the visitor's sessions; then the sessions
    /// that end at or before this batch's watermark close, and the
    /// watermark moves on.
    #[inline]
    pub(super) fn read(&mut self, visitor: u32, t: TimeMs) {
        let batch_wm = self.watermark_ms;
        let late_wm = self.previous_batch_wm;
        if !self.open.insert_unless_late(visitor, t, late_wm) {
            self.dropped += 1;
        }
        self.open.close(batch_wm, &mut self.closed);
        self.watermark_ms = self.watermark_ms.max(t - self.delay_ms);
        self.previous_batch_wm = batch_wm;
    }

    /// What the report shows of it now.
    pub(super) fn figures(&self) -> StreamSessions {
        StreamSessions {
            closed: SessionFigures::of(&self.closed),
            open_sessions: self.open.len(),
            open_page_views: self.open.views(),
            merging_views: self.open.merges(),
            dropped_views: self.dropped,
            watermark_ms: self.watermark_ms,
        }
    }
}
