//! The experiment configuration: one serde type for the whole experiment.
//!
//! Every field has a unit in its name or doc. Every struct has defaults, so a
//! JSON config may give only the fields it changes; unknown fields are
//! rejected so a typo never silently does nothing. [`ExperimentConfig::validate`]
//! checks every field against its allowed range (see [`crate::validate`]).

mod workload;

use serde::{Deserialize, Serialize};

use crate::time::{TimeMs, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};

pub use workload::{Burst, DailyProfile, DelayConfig, WorkloadConfig};

/// A whole experiment: the events, both pipelines, the seed and the duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExperimentConfig {
    /// Seed of every random choice: same seed + same config ⇒ identical run.
    pub seed: u64,
    /// Simulated duration, in ms. Events are generated with event times in `[0, duration_ms)`.
    pub duration_ms: TimeMs,
    /// Interval between two metric samples (chart points), in ms of simulated time.
    pub sample_every_ms: TimeMs,
    /// What the events are and which query both pipelines compute.
    pub scenario: ScenarioConfig,
    /// When events happen (the arrival process).
    pub workload: WorkloadConfig,
    /// How long events take to reach the processing system.
    pub delay: DelayConfig,
    /// The event-time window of the query (tumbling), shared by both pipelines.
    pub window: WindowConfig,
    /// The scheduled batch pipeline.
    pub batch: BatchConfig,
    /// The streaming pipeline.
    pub streaming: StreamingConfig,
}

impl Default for ExperimentConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            duration_ms: 2 * HOUR_MS,
            sample_every_ms: 30 * SECOND_MS,
            scenario: ScenarioConfig::default(),
            workload: WorkloadConfig::default(),
            delay: DelayConfig::default(),
            window: WindowConfig::default(),
            batch: BatchConfig::default(),
            streaming: StreamingConfig::default(),
        }
    }
}

impl ExperimentConfig {
    /// Parses a JSON config: one object (at most [`crate::parse::MAX_CONFIG_BYTES`]),
    /// nothing after it; the error names the innermost field and its allowed
    /// range (`batch.interval_ms: …`).
    pub fn from_json(text: &str) -> Result<Self, crate::SimError> {
        crate::parse::parse(text)
    }

    /// The config as pretty JSON (the format `from_json` reads).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The scenario (`crate::scenario`: one variant per registered module, which
/// defines its config type, JSON fields, parameter rows and presets).
pub use crate::scenario::{configs::*, ScenarioConfig};

/// The query's event-time window. `kind` and `slide_ms` are optional in JSON
/// and left out for tumbling windows and a 0 slide, so links and bundles made
/// before they existed read and write the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WindowConfig {
    /// Which windows: tumbling, sliding, cumulative or session.
    #[serde(skip_serializing_if = "WindowKind::is_tumbling")]
    pub kind: WindowKind,
    /// Window size, in ms: tumbling `[k·size, (k+1)·size)`; sliding: each
    /// window's length; cumulative: the period a window grows over (its largest size).
    pub size_ms: TimeMs,
    /// Sliding: a window starts every `slide_ms`; cumulative: the window grows
    /// by `slide_ms` (Flink's step). Ignored by tumbling windows.
    #[serde(skip_serializing_if = "is_zero")]
    pub slide_ms: TimeMs,
    /// Session windows: a key's session ends once no event of it came for
    /// `gap_ms` (Spark's `session_window(ts, gap)`). Ignored by other kinds.
    #[serde(skip_serializing_if = "is_zero")]
    pub gap_ms: TimeMs,
}

fn is_zero(ms: &TimeMs) -> bool {
    *ms == 0
}

impl Default for WindowConfig {
    fn default() -> Self {
        Self {
            kind: WindowKind::Tumbling,
            size_ms: MINUTE_MS,
            slide_ms: 0,
            gap_ms: 0,
        }
    }
}

impl WindowKind {
    fn is_tumbling(&self) -> bool {
        *self == Self::Tumbling
    }
}

/// The kind of event-time window (`crate::window`: one variant per registered kind).
pub use crate::window::WindowKind;

/// The scheduled batch pipeline.
///
/// Run *p* covers the event-time period `[p·interval, (p+1)·interval)` and starts
/// `offset_ms` after that period ends: the offset is how long it waits for late data.
/// It reads what has arrived by the moment it starts; data for that period arriving
/// later is missed (counted as dropped late). A run due while the previous one is
/// still running is queued, never merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BatchConfig {
    /// Schedule interval and length of the event-time period a run covers, in ms.
    pub interval_ms: TimeMs,
    /// Delay between the end of a period and the start of its run, in ms.
    pub offset_ms: TimeMs,
    /// Job start-up overhead (cluster spin-up, planning), in ms.
    pub startup_ms: TimeMs,
    /// Processing cost of one event on one worker, in µs.
    pub per_event_cost_us: f64,
    /// Number of workers of the job.
    pub workers: u32,
}

impl Default for BatchConfig {
    fn default() -> Self {
        Self {
            interval_ms: HOUR_MS,
            offset_ms: 5 * MINUTE_MS,
            startup_ms: 2 * MINUTE_MS,
            per_event_cost_us: 200.0,
            workers: 4,
        }
    }
}

/// The streaming pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StreamingConfig {
    /// How records are scheduled: micro-batches or one by one.
    pub mode: StreamingMode,
    /// Watermark delay (bounded out-of-orderness), in ms: watermark = max event time seen − delay.
    pub watermark_delay_ms: TimeMs,
    /// What is published: final windows only (append) or every change (update).
    pub output_mode: OutputMode,
    /// Per-record mode only: Flink's late-data rules (left out of the JSON when default).
    #[serde(skip_serializing_if = "crate::FlinkRules::is_default")]
    pub flink: crate::FlinkRules,
}

impl Default for StreamingConfig {
    fn default() -> Self {
        Self {
            mode: StreamingMode::default(),
            watermark_delay_ms: 10 * SECOND_MS,
            output_mode: OutputMode::Update,
            flink: crate::FlinkRules::default(),
        }
    }
}

/// Scheduling of the streaming pipeline.
// `Deserialize`: by hand in `tagged.rs` (a new variant is added there too).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StreamingMode {
    /// Spark Structured Streaming: every trigger interval, one batch reads all
    /// arrived data; a batch still running when a trigger fires delays the next one.
    MicroBatch {
        /// Trigger interval, in ms.
        trigger_ms: TimeMs,
        /// Fixed overhead of one micro-batch (planning, commit), in ms.
        batch_overhead_ms: TimeMs,
        /// Processing cost of one event on one worker, in µs.
        per_event_cost_us: f64,
        /// Number of workers (always on).
        workers: u32,
    },
    /// Flink-like per-record processing: each arriving event is served by one of
    /// `workers` servers, first come first served.
    Continuous {
        /// Number of workers (always on).
        workers: u32,
        /// Service time distribution.
        service: ServiceTime,
        /// Mean service time of one event, in ms.
        service_mean_ms: f64,
    },
}

impl StreamingMode {
    /// Most events per second it can sustain with its workers and costs (None:
    /// unbounded, zero cost). Micro-batch overhead is per batch, not per event,
    /// so it does not bound the long-run rate.
    pub fn capacity_eps(&self) -> Option<f64> {
        match *self {
            Self::MicroBatch {
                per_event_cost_us,
                workers,
                ..
            } => (per_event_cost_us > 0.0).then(|| f64::from(workers) * 1.0e6 / per_event_cost_us),
            Self::Continuous {
                workers,
                service_mean_ms,
                ..
            } => Some(f64::from(workers) * 1_000.0 / service_mean_ms),
        }
    }
}

impl Default for StreamingMode {
    fn default() -> Self {
        Self::MicroBatch {
            trigger_ms: 5 * SECOND_MS,
            batch_overhead_ms: 300,
            per_event_cost_us: 500.0,
            workers: 2,
        }
    }
}

/// Service time distribution of continuous mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceTime {
    /// Every event takes exactly the mean (M/D/c).
    Fixed,
    /// Exponentially distributed around the mean (M/M/c).
    Exponential,
}

/// What the streaming pipeline publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputMode {
    /// A window is published once, when the watermark passes its end; then it is final.
    Append,
    /// Every changed window row is published as soon as it changes.
    Update,
    /// The whole result table is published every trigger (Spark's complete
    /// mode): the watermark evicts no window, so state holds every window of the run.
    Complete,
}

/// Longest allowed experiment, in ms (a bit over a year of simulated time).
pub const MAX_DURATION_MS: TimeMs = 400 * DAY_MS;
