//! Flink's late-data rules for per-record (continuous) streaming: how often the
//! watermark is emitted, how long a fired window accepts late events, and
//! where events later than that go. Micro-batch mode does not use them (a
//! micro-batch config that sets one is refused by validation): it follows
//! Spark's measured rules (`docs/spark-semantics.md`); these follow Flink's
//! `WindowOperator` and `EventTimeTrigger` (`docs/flink-semantics.md`).
//!
//! The defaults (a watermark after every record, no allowed lateness, late
//! events dropped) are the per-record rules the engine had before these
//! parameters existed, so configs and links made before read and run the same.
//!
//! ```
//! use bslab_engine::{FlinkRules, LateDataOutput};
//! let rules: FlinkRules = serde_json::from_str(
//!     r#"{"auto_watermark_interval_ms": 200, "allowed_lateness_ms": 60000, "late_data": "side_output"}"#,
//! ).expect("valid rules");
//! assert_eq!(rules.late_data, LateDataOutput::SideOutput);
//! assert!(!rules.is_default());
//! ```

use serde::{Deserialize, Serialize};

use crate::time::TimeMs;

/// Flink's late-data rules of the per-record pipeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FlinkRules {
    /// Processing time between two periodic watermarks, in ms (Flink's
    /// `pipeline.auto-watermark-interval`, 200 ms in Flink). 0: a watermark
    /// after every record, as a punctuated generator emits.
    pub auto_watermark_interval_ms: TimeMs,
    /// How long after the watermark passed a window's end the window still
    /// accepts events, in ms of event time (Flink's `allowedLateness`). Each
    /// such event fires the window again (a late firing) with its new value.
    pub allowed_lateness_ms: TimeMs,
    /// What happens to events later than the allowed lateness.
    pub late_data: LateDataOutput,
}

impl FlinkRules {
    /// Whether these are the defaults (then the report has no `late_data` part
    /// and the config's JSON leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Where events later than the allowed lateness go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LateDataOutput {
    /// Dropped and counted (Flink's `numLateRecordsDropped`).
    #[default]
    Drop,
    /// Sent to a side output (Flink's `sideOutputLateData`): counted and listed.
    SideOutput,
}

/// Most side-output rows a report lists (all are counted): bounds memory.
pub const MAX_LISTED_SIDE_OUTPUT: usize = 1_000;

/// One event sent to the late-data side output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SideOutputRow {
    /// The event's id.
    pub event_id: u64,
    /// When it happened, in ms.
    pub event_time_ms: TimeMs,
    /// When it arrived, in ms.
    pub arrival_time_ms: TimeMs,
    /// When its service ended and it was sent to the side output, in ms.
    pub done_ms: TimeMs,
    /// The watermark then, in ms (Flink's watermark + 1: see `docs/flink-semantics.md`).
    pub watermark_ms: TimeMs,
    /// Its group key under the query.
    pub key: u32,
    /// Its amount, in cents.
    pub amount_cents: i64,
}

/// What Flink's rules did with every processed event of the per-record pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateDataReport {
    /// The rules applied.
    pub rules: FlinkRules,
    /// Events added to at least one window before it fired.
    pub on_time: u64,
    /// Events added only to windows that had already fired, within the allowed
    /// lateness: each fired its windows again.
    pub late_fired: u64,
    /// Late firings: (window, key) results published again because of a late event.
    pub late_firings: u64,
    /// Events later than the allowed lateness, dropped (Flink's
    /// `numLateRecordsDropped`; 0 with a side output, as in Flink).
    pub num_late_records_dropped: u64,
    /// Events later than the allowed lateness sent to the side output.
    pub side_output: u64,
    /// The first side-output events (at most [`MAX_LISTED_SIDE_OUTPUT`]; with
    /// the `runs` detail only, beside the other logs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side_output_rows: Option<Vec<SideOutputRow>>,
}
