//! A Spark-shaped progress log: for every micro-batch, the fields of Spark's
//! `StreamingQueryProgress` (what `query.recentProgress` returns), in Spark's JSON
//! names and timestamp format, so that a student reads the simulator's log with
//! the words of their first Spark job. Derived from the micro-batch log
//! ([`MicroBatchInfo`]), so it holds at most [`crate::MAX_LOGGED_RUNS`] entries.
//!
//! Times are simulated: `durationMs.triggerExecution` is the simulated batch
//! duration (overhead + events × cost ÷ workers), and the two rates divide by
//! simulated seconds. Spark's own durations and rates are wall-clock figures, so
//! the parity test compares every other field (see `docs/spark.md`).
//!
//! # Examples
//! ```
//! use bslab_engine::{presets, Simulation};
//! let mut config = presets::by_name("late-data-watermark").expect("preset").config;
//! config.duration_ms = 5 * 60_000;
//! let mut sim = Simulation::new(config)?;
//! sim.step_until(5 * 60_000)?;
//! let log = sim.progress_log();
//! let last = sim.latest_progress().expect("some micro-batch ran");
//! assert_eq!(log.last(), Some(&last));
//! assert!(last.to_json().contains("\"numRowsDroppedByWatermark\":"));
//! # Ok::<(), bslab_engine::SimError>(())
//! ```

use serde::{Serialize, Serializer};

use crate::microbatch::MicroBatchInfo;
use crate::time::{civil_from_days, TimeMs, DAY_MS};
use crate::Simulation;

/// One micro-batch as Spark's `StreamingQueryProgress` reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryProgress {
    /// When the batch started (its trigger), simulated (`timestamp`).
    #[serde(serialize_with = "iso")]
    pub timestamp: TimeMs,
    /// Batch id, from 0.
    pub batch_id: u64,
    /// Rows the batch read, late ones included.
    pub num_input_rows: u64,
    /// Rows read ÷ simulated seconds since the previous batch started (0 for the
    /// first batch, as Spark reports it).
    pub input_rows_per_second: f64,
    /// Rows read ÷ simulated seconds the batch ran (at least 1 ms, as in Spark).
    pub processed_rows_per_second: f64,
    /// Simulated durations.
    pub duration_ms: DurationMs,
    /// Event times of the rows read, and the batch's watermark.
    pub event_time: EventTime,
    /// The windowed aggregation's state store.
    pub state_operators: [StateOperator; 1],
}

/// Spark's `durationMs`: only the whole trigger is simulated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DurationMs {
    /// From the batch's start to its end (publication), in simulated ms.
    pub trigger_execution: TimeMs,
}

/// Spark's `eventTime`: min, max and mean event time of the rows read (absent
/// when the batch read none, as in Spark) and the watermark the batch used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventTime {
    /// Mean event time, truncated to the ms.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_opt")]
    pub avg: Option<TimeMs>,
    /// Latest event time.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_opt")]
    pub max: Option<TimeMs>,
    /// Earliest event time.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_opt")]
    pub min: Option<TimeMs>,
    /// Watermark of this batch (eviction and append emission), in ms.
    #[serde(serialize_with = "iso")]
    pub watermark: TimeMs,
}

/// Spark's `stateOperators[0]` for a streaming aggregation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateOperator {
    /// Always `stateStoreSave`, Spark's name for the aggregation's state operator.
    pub operator_name: &'static str,
    /// (window, key) rows held after the batch evicted the windows its watermark closed.
    pub num_rows_total: u64,
    /// (window, key) rows the batch wrote.
    pub num_rows_updated: u64,
    /// (window, key) groups of late rows the batch dropped (not rows: Spark filters
    /// after partial aggregation).
    pub num_rows_dropped_by_watermark: u64,
}

impl QueryProgress {
    /// The progress of `batch`; `previous_start_ms` is when the batch before it
    /// started (None for the first batch).
    pub fn of(batch: &MicroBatchInfo, previous_start_ms: Option<TimeMs>) -> Self {
        let rows = batch.input_rows as f64;
        let stats = batch.stats;
        let read = (batch.input_rows > 0).then_some(());
        let duration = batch.end_ms - batch.start_ms;
        Self {
            timestamp: batch.start_ms,
            batch_id: batch.id,
            num_input_rows: batch.input_rows,
            input_rows_per_second: previous_start_ms
                .map(|p| batch.start_ms - p)
                .filter(|&gap| gap > 0)
                .map_or(0.0, |gap| rows * 1_000.0 / gap as f64),
            processed_rows_per_second: rows * 1_000.0 / duration.max(1) as f64,
            duration_ms: DurationMs {
                trigger_execution: duration,
            },
            event_time: EventTime {
                avg: read.map(|()| stats.avg_event_ms),
                max: read.map(|()| stats.max_event_ms),
                min: read.map(|()| stats.min_event_ms),
                watermark: batch.watermark_ms,
            },
            state_operators: [StateOperator {
                operator_name: "stateStoreSave",
                num_rows_total: stats.state_rows,
                num_rows_updated: stats.updated_rows,
                num_rows_dropped_by_watermark: batch.dropped_groups,
            }],
        }
    }

    /// One line of JSON, as `bslab run --progress` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The progress of every batch of `log` (consecutive batches, oldest first).
pub fn progress_of(log: &[MicroBatchInfo]) -> Vec<QueryProgress> {
    log.iter()
        .enumerate()
        .map(|(k, b)| QueryProgress::of(b, k.checked_sub(1).map(|p| log[p].start_ms)))
        .collect()
}

impl Simulation {
    /// The progress of every micro-batch finished so far (the newest
    /// [`crate::MAX_LOGGED_RUNS`]); empty in continuous mode.
    pub fn progress_log(&self) -> Vec<QueryProgress> {
        self.micro_batch_log().map_or_else(Vec::new, |log| {
            progress_of(&log.iter().copied().collect::<Vec<_>>())
        })
    }

    /// The progress of the finished micro-batches from id `first` on that the log
    /// still holds, oldest first: what a page that has shown the batches before
    /// `first` adds (cheap: reads the log from its newest end).
    pub fn progress_since(&self, first: u64) -> Vec<QueryProgress> {
        let Some(log) = self.micro_batch_log() else {
            return Vec::new();
        };
        // With the batch before `first`, whose start gives the first input rate.
        let mut tail: Vec<MicroBatchInfo> = log
            .iter()
            .rev()
            .take_while(|b| b.id.saturating_add(1) >= first)
            .copied()
            .collect();
        tail.reverse();
        let skip = usize::from(tail.first().is_some_and(|b| b.id < first));
        progress_of(&tail).split_off(skip)
    }

    /// The progress of the newest finished micro-batch, as Spark's UI shows it
    /// (cheap: reads the last two entries of the log).
    pub fn latest_progress(&self) -> Option<QueryProgress> {
        let log = self.micro_batch_log()?;
        let mut newest = log.iter().rev();
        let last = newest.next()?;
        Some(QueryProgress::of(last, newest.next().map(|b| b.start_ms)))
    }
}

fn iso<S: Serializer>(t: &TimeMs, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&spark_timestamp(*t))
}

fn iso_opt<S: Serializer>(t: &Option<TimeMs>, s: S) -> Result<S::Ok, S::Error> {
    iso(&t.unwrap_or_default(), s)
}

/// `t` ms after the Unix epoch as Spark writes progress timestamps:
/// `1970-01-01T00:02:05.000Z` (UTC, milliseconds).
///
/// # Examples
/// ```
/// use bslab_engine::progress::spark_timestamp;
/// assert_eq!(spark_timestamp(125_000), "1970-01-01T00:02:05.000Z");
/// assert_eq!(spark_timestamp(951_782_400_001), "2000-02-29T00:00:00.001Z");
/// ```
pub fn spark_timestamp(t: TimeMs) -> String {
    let (days, ms) = (t.div_euclid(DAY_MS), t.rem_euclid(DAY_MS));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1_000 % 60,
        ms % 1_000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_cross_years_and_leap_days() {
        assert_eq!(spark_timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(spark_timestamp(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(spark_timestamp(68_255_999_999), "1972-02-29T23:59:59.999Z");
        assert_eq!(
            spark_timestamp(4_102_444_800_000),
            "2100-01-01T00:00:00.000Z"
        );
    }
}
