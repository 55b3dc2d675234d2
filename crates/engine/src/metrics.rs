//! Time series of the metrics, sampled at a fixed simulated interval (chart points).

use serde::Serialize;

use crate::output::Output;
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
    /// Process rate over the last sample interval, in events per second: a job's or
    /// micro-batch's events are spread over the time it ran (as Spark's
    /// `processedRowsPerSecond`), so it never exceeds what the workers can do.
    pub throughput_eps: f64,
    /// Freshness (staleness): sample time − event time up to which published results are complete, in ms.
    pub freshness_ms: TimeMs,
    /// Median result latency of events published in the last interval, in ms.
    pub latency_p50_ms: Option<u64>,
    /// 99th percentile of the same, in ms.
    pub latency_p99_ms: Option<u64>,
    /// Age of the oldest event arrived and not yet processed (sample time − its event
    /// time), in ms; `None` when nothing waits. The next result that includes it will
    /// be at least this late: what to show while nothing is published.
    pub oldest_waiting_ms: Option<TimeMs>,
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
    /// Time so far during which the streaming source held events its workers could
    /// not take yet, in ms: Flink's backpressure ([`crate::pressure`]). Not in the
    /// report (its goldens stay put): the app's worker-pool view reads it.
    #[serde(skip)]
    pub streaming_backpressured_ms: f64,
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

/// One pipeline's state at a sample instant: what its [`PipelineSample`] is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PipelineAt {
    /// Events arrived and not yet processed.
    pub(crate) waiting: u64,
    /// Event time up to which its results are complete.
    pub(crate) complete: TimeMs,
    /// (busy, provisioned) worker-ms.
    pub(crate) cost: (f64, f64),
    /// Events processed, work under way counted in proportion to its progress.
    pub(crate) spread: f64,
    /// Earliest event time of the events waiting.
    pub(crate) oldest: Option<TimeMs>,
}

impl PipelineAt {
    /// The sample at `now`; `previous_spread` is [`PipelineAt::spread`] at the previous
    /// sample, `interval_s` the time since it. Takes the latency of the interval.
    pub(crate) fn sample(
        self,
        out: &mut Output,
        now: TimeMs,
        previous_spread: f64,
        interval_s: f64,
    ) -> PipelineSample {
        let latency = out.latency.take_interval();
        PipelineSample {
            processed: out.processed,
            waiting: self.waiting,
            dropped_late: out.dropped_late,
            throughput_eps: if interval_s > 0.0 {
                (self.spread - previous_spread).max(0.0) / interval_s
            } else {
                0.0
            },
            freshness_ms: (now - self.complete).max(0),
            latency_p50_ms: latency.map(|l| l.0),
            latency_p99_ms: latency.map(|l| l.1),
            oldest_waiting_ms: self.oldest.map(|t| (now - t).max(0)),
            busy_worker_s: self.cost.0 / 1_000.0,
            provisioned_worker_s: self.cost.1 / 1_000.0,
        }
    }
}
