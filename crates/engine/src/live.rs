//! A live view of the running simulation, for the app's animated diagram and
//! dashboards: compact counters, never a copy of the events.

use serde::Serialize;

use crate::scenario::GroupKey;
use crate::time::TimeMs;
use crate::window::Agg;

/// The batch pipeline right now.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BatchLive {
    /// Events stored, waiting for their run, or in the running job.
    pub waiting: u64,
    /// Events processed.
    pub processed: u64,
    /// Events missed (arrived after their period's run started).
    pub dropped_late: u64,
    /// Whether a job is running.
    pub running: bool,
    /// Runs due but waiting behind the running one.
    pub queued_runs: u32,
    /// When the next run falls due, in ms.
    pub next_run_ms: TimeMs,
    /// Published results are complete up to this event time, in ms.
    pub complete_up_to_ms: TimeMs,
}

/// The streaming pipeline right now.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StreamingLive {
    /// Events buffered, queued or in service.
    pub waiting: u64,
    /// Events processed.
    pub processed: u64,
    /// Events dropped as late.
    pub dropped_late: u64,
    /// Whether a micro-batch is running / a worker is serving.
    pub busy: bool,
    /// The watermark, in ms.
    pub watermark_ms: TimeMs,
    /// Windows held in state.
    pub open_windows: u32,
    /// Published results are complete up to this event time, in ms.
    pub complete_up_to_ms: TimeMs,
}

/// The whole simulation right now.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Live {
    /// Simulated time, in ms.
    pub t_ms: TimeMs,
    /// Events generated.
    pub generated: u64,
    /// Events in transit.
    pub in_transit: u64,
    /// Batch pipeline.
    pub batch: BatchLive,
    /// Streaming pipeline.
    pub streaming: StreamingLive,
}

/// One line of a dashboard: what each pipeline has published for a group, next
/// to the truth over every event generated so far (both summed over the rows the
/// query outputs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DashboardRow {
    /// The group (category, post and action, or card).
    pub key: GroupKey,
    /// Truth over every event generated so far: the sum of the rows the query outputs.
    pub truth: Agg,
    /// Sum of batch's published rows.
    pub batch: Agg,
    /// Sum of streaming's published rows.
    pub streaming: Agg,
}
