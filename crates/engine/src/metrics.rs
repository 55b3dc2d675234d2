//! Time series of the metrics, sampled at a fixed simulated interval (chart points).

use serde::Serialize;

use crate::time::TimeMs;

/// One pipeline at one sample instant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PipelineSample {
    /// Events processed so far.
    pub processed: u64,
    /// Backlog: events arrived and not yet processed (for batch, stored until the next run).
    pub waiting: u64,
    /// Events dropped or missed as late so far.
    pub dropped_late: u64,
    /// Events processed per second over the last sample interval.
    pub throughput_eps: f64,
    /// Freshness (staleness): sample time − event time up to which published results are complete, in ms.
    pub freshness_ms: TimeMs,
    /// Median result latency of events published in the last interval, in ms.
    pub latency_p50_ms: Option<u64>,
    /// 99th percentile of the same, in ms.
    pub latency_p99_ms: Option<u64>,
    /// Busy worker-seconds so far.
    pub busy_worker_s: f64,
    /// Provisioned (paid) worker-seconds so far.
    pub provisioned_worker_s: f64,
}

/// Both pipelines at one instant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Sample {
    /// Simulated time, in ms.
    pub t_ms: TimeMs,
    /// Events generated so far (event time ≤ t).
    pub generated: u64,
    /// Events generated but not yet arrived.
    pub in_transit: u64,
    /// Events arriving per second over the last interval (input rate).
    pub arrival_rate_eps: f64,
    /// Streaming watermark, in ms.
    pub watermark_ms: TimeMs,
    /// Batch pipeline.
    pub batch: PipelineSample,
    /// Streaming pipeline.
    pub streaming: PipelineSample,
}

impl Sample {
    /// Conservation for one pipeline: generated = in transit + waiting + processed + dropped.
    pub fn conserves(&self, p: &PipelineSample) -> bool {
        self.generated == self.in_transit + p.waiting + p.processed + p.dropped_late
    }
}
