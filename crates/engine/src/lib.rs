//! # Batch × Stream Lab engine
//!
//! A pure, deterministic simulation that pushes the *same* synthetic events
//! through a **batch** pipeline and a **streaming** pipeline and measures both.
//! No browser, clock, file or network access: the web app and the `bslab` CLI
//! both drive it.
//!
//! ## Glossary (shared by code, UI, docs and tests)
//!
//! - **Event**: something that happened. `event_time` is when it happened;
//!   `arrival_time` is when it reached the processing system (event time +
//!   ingestion delay: jitter, plus a fraction of very late events).
//! - **Workload**: Poisson arrivals at a base rate shaped by a daily profile and
//!   bursts, a scenario payload, a delay model and a **seed**: same seed + same
//!   config ⇒ identical events and results, natively and in wasm.
//! - **Batch pipeline**: runs on a schedule over the data accumulated for an
//!   event-time period; publishes when the job finishes.
//! - **Streaming pipeline**: *micro-batch* (Spark Structured Streaming) or
//!   *continuous* (per record, Flink-like); tumbling windows; a **watermark**
//!   (max event time seen − delay) decides when a window is final and which
//!   events are too late (dropped, and counted).
//! - **Ground truth**: the exact aggregate of every event of a window.
//! - **Result latency**: from `event_time` to the first published result that
//!   includes the event. **Freshness**: now − newest event time up to which
//!   results are complete. **Throughput** (process rate): events processed per
//!   simulated second, a job's work spread over the time it ran (as Spark's
//!   `processedRowsPerSecond`), so it never exceeds **capacity**, the most a
//!   pipeline can sustain. **Backlog**: arrived, not yet processed. **Cost**:
//!   busy and provisioned worker-seconds.
//! - **Conservation**: at every instant, generated = in transit + waiting +
//!   processed + dropped late, for each pipeline.
//!
//! ## Example
//! ```
//! use bslab_engine::{presets, Simulation};
//! let mut config = presets::by_name("sales-daily-vs-live").expect("built-in preset").config;
//! config.duration_ms = 30 * 60_000;
//! let report = Simulation::new(config)?.run();
//! assert!(report.streaming.latency_ms.p50 < report.batch.latency_ms.p50.max(1) || report.batch.processed == 0);
//! # Ok::<(), bslab_engine::SimError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod alerts;
mod amount;
mod batch;
mod completions;
pub mod config;
mod continuous;
pub mod csv;
pub mod decimal;
mod divisor;
pub mod duration;
mod error;
mod event;
pub mod event_time;
pub mod explain;
pub mod explain_latency;
pub mod fate;
mod fifo;
pub mod flink_rules;
pub mod float_text;
mod fmath;
mod kept;
mod latency;
mod live;
pub mod merge_patch;
mod metrics;
mod microbatch;
mod output;
pub mod params;
mod parse;
mod pipeline;
pub mod presets;
mod pressure;
pub mod pretty_json;
pub mod progress;
pub mod queueing;
mod rank;
mod recent;
mod report;
pub mod resources;
mod rng;
mod runlog;
pub mod scenario;
mod score;
mod settled;
mod sim;
mod source;
mod streaming;
mod strict_json;
pub mod sweep;
mod tagged;
pub mod time;
mod transit;
mod truth;
pub mod validate;
mod watermark;
mod web_sessions;
pub mod window;
mod workload;

pub use alerts::{AlertReport, AlertScore, AnomalyReport, Percentiles};
pub use batch::BatchRun;
pub use config::*;
pub use error::{ConfigError, FieldError, Problem, SimError};
pub use event::Event;
pub use flink_rules::{FlinkRules, LateDataOutput, LateDataReport, SideOutputRow};
pub use latency::LatencySummary;
pub use live::{BatchLive, DashboardRow, Live, StreamingLive};
pub use metrics::{PipelineSample, Sample};
pub use microbatch::{BatchStats, MicroBatchInfo};
pub use output::PublishedRow;
pub use parse::MAX_CONFIG_BYTES;
pub use progress::QueryProgress;
pub use queueing::{QueueFigures, QueueingReport};
pub use recent::{Arrival, RecentLimits};
pub use report::*;
pub use runlog::MAX_LOGGED_RUNS;
pub use sim::Simulation;
pub use source::{check_event, event_checker};
pub use strict_json::read_value;
pub use time::TimeMs;
pub use validate::ValidConfig;
pub use web_sessions::{LandingPage, SessionFigures, StreamSessions, WebReport};
pub use workload::{event_stream, events, FraudBurst};

/// Engine version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
