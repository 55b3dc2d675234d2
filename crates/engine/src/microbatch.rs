//! Micro-batch streaming, with Spark Structured Streaming's semantics
//! (as measured on Spark 4; `docs/spark-semantics.md` has the evidence).
//!
//! ```text
//! trigger every T ─► batch k reads everything arrived ─► overhead + events × cost / workers
//!                    late filter: window end ≤ watermark of batch k−1 ⇒ dropped (counted)
//!                    watermark of batch k = max(wm(k−1), max event time of batches < k − delay)
//!                    append: emit windows with end ≤ wm(k); update: emit changed rows
//! ```
//! A batch still running when a trigger fires delays the next batch, which then
//! starts as soon as it ends. With no new data, a batch still runs when the
//! watermark would advance (Spark's "no-data batch"), so append mode can emit;
//! not in complete mode, which emits the whole table and evicts nothing.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::OutputMode;
use crate::output::Output;
use crate::pressure::overdue_ms;
use crate::runlog::RunLog;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::watermark::Watermark;
use crate::window::{Agg, Geometry, OpenSessions, WindowState};

mod lifecycle;
mod read;
mod sessions;

/// Micro-batch parameters (from [`crate::config::StreamingMode::MicroBatch`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct MicroBatchParams {
    pub(crate) trigger_ms: TimeMs,
    pub(crate) overhead_ms: TimeMs,
    pub(crate) cost_us: f64,
    pub(crate) workers: u32,
    pub(crate) watermark_delay_ms: TimeMs,
    pub(crate) output: OutputMode,
    /// Most events per second it sustains (from the config).
    pub(crate) capacity_eps: Option<f64>,
}

/// One micro-batch, for the batch log (Spark's `recentProgress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MicroBatchInfo {
    /// Batch id, from 0 (Spark's `batchId`).
    pub id: u64,
    /// When it started, in ms: it read everything arrived up to then.
    pub start_ms: TimeMs,
    /// When it ended and published, in ms.
    pub end_ms: TimeMs,
    /// Input rows (Spark's `numInputRows`).
    pub input_rows: u64,
    /// Input rows dropped as late (counted in the pipeline's `dropped_late`).
    pub dropped_rows: u64,
    /// Distinct (window, key) groups of the dropped rows: what Spark reports as
    /// `numRowsDroppedByWatermark` (it filters after partial aggregation).
    pub dropped_groups: u64,
    /// Watermark used by this batch, in ms (Spark's `eventTime.watermark`).
    pub watermark_ms: TimeMs,
    /// Window rows published by this batch: rows the query outputs (fraud: only
    /// alerts), as many as Spark's `foreachBatch` receives.
    pub emitted_rows: u64,
    /// Event-time statistics and state rows for the progress log
    /// ([`crate::progress`]); kept out of the report so its goldens stay put.
    #[serde(skip)]
    pub stats: BatchStats,
}

/// What Spark's `StreamingQueryProgress` adds to a micro-batch: the event times of
/// its input rows (all of them, late ones included, as Spark's watermark operator
/// sees them) and the state store's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Earliest event time read, in ms (0 when the batch read no rows).
    pub min_event_ms: TimeMs,
    /// Latest event time read, in ms (0 when the batch read no rows).
    pub max_event_ms: TimeMs,
    /// Mean event time read, truncated to the ms (0 when the batch read no rows).
    pub avg_event_ms: TimeMs,
    /// (window, key) rows in state after the batch evicted (Spark's `numRowsTotal`).
    pub state_rows: u64,
    /// (window, key) rows the batch wrote to state (Spark's `numRowsUpdated`).
    pub updated_rows: u64,
}

#[derive(Debug, Clone)]
struct Running {
    info: MicroBatchInfo,
    /// Event times of the rows read by the batch and not dropped: update mode
    /// scores their latency when the batch ends (empty in append mode).
    kept_times: Vec<TimeMs>,
    /// Windows emitted by this batch: (start, final state) in append mode.
    closed: Vec<(TimeMs, WindowState)>,
    /// Update mode: each changed row's value as the batch left it (window, key,
    /// aggregate): only the changed keys, not a copy of their windows.
    updated: Vec<((TimeMs, u32), Agg)>,
    /// Session windows: what the batch emits.
    sessions: Option<sessions::SessionEmit>,
    min_event_time: Option<TimeMs>,
    /// Windows before this id are evicted by the batch (`TimeMs::MIN` with
    /// session windows or in complete mode): settled once it has published.
    evicted_before: TimeMs,
}

/// What a micro-batch reads of an arrived event (smaller than the event: the
/// buffer holds every arrival between two triggers).
#[derive(Debug, Clone, Copy)]
struct Row {
    event_time_ms: TimeMs,
    amount_cents: i64,
    key: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct MicroBatch {
    p: MicroBatchParams,
    geometry: Geometry,
    keys: u32,
    scenario: Scenario,
    /// Rows arrived since the last batch started.
    buffer: Vec<Row>,
    buffer_min_time: Option<TimeMs>,
    running: Option<Running>,
    next_attempt_ms: TimeMs,
    state: BTreeMap<TimeMs, WindowState>,
    /// Session windows, instead of `state`, when the config asks for them.
    sessions: Option<OpenSessions>,
    watermark: Watermark,
    next_id: u64,
    /// Time finished batches held up a trigger, in ms ([`crate::pressure`]).
    overdue_ms: TimeMs,
    pub(crate) log: RunLog<MicroBatchInfo>,
    pub(crate) out: Output,
    /// Published rows of windows before this id never change any more
    /// ([`crate::settled`]): the last finished batch's `evicted_before`.
    settled_before: TimeMs,
}

impl MicroBatch {
    pub(crate) fn new(p: MicroBatchParams, geometry: Geometry, scenario: Scenario) -> Self {
        let out = Output::new(scenario.key_space(), &geometry);
        // A batch reads the keys it changed (and, complete, the sessions merged away).
        let sessions = geometry.open_sessions().map(OpenSessions::logging_changes);
        Self {
            p,
            geometry,
            keys: scenario.key_space(),
            scenario,
            buffer: Vec::new(),
            buffer_min_time: None,
            running: None,
            next_attempt_ms: 0,
            state: BTreeMap::new(),
            sessions,
            watermark: Watermark::new(p.watermark_delay_ms),
            next_id: 0,
            overdue_ms: 0,
            log: RunLog::new(),
            out,
            settled_before: TimeMs::MIN,
        }
    }

    /// Starts a batch at `now` if there is new data or the watermark would advance;
    /// returns its end.
    fn try_start(&mut self, now: TimeMs) -> Option<TimeMs> {
        let advances = self.no_data_batch_due();
        if self.buffer.is_empty() && !advances {
            return None;
        }
        let (late_wm, batch_wm) = self.watermark.start_batch();
        let mut rows = std::mem::take(&mut self.buffer);
        let input_rows = rows.len();
        let min_event_time = self.buffer_min_time.take();
        // Complete mode publishes changed rows as update mode does (the rows it
        // repeats are unchanged) and neither drops nor evicts by the watermark.
        let update = self.p.output != OutputMode::Append;
        let evicts = self.p.output != OutputMode::Complete;
        let read::Read {
            dropped,
            dropped_groups,
            max_event,
            sum_event,
            touched,
            kept_times,
        } = self.read(
            &rows,
            read::Filter {
                late_wm,
                update,
                evicts,
            },
        );
        // Keep the allocation for the next batch's arrivals.
        rows.clear();
        self.buffer = rows;
        let mut emitted_rows = 0;
        let mut updated = Vec::new();
        let mut updated_rows = 0;
        for (&start, w) in self.state.iter_mut() {
            let keys = w.take_dirty();
            updated_rows += keys.len() as u64;
            if update && !keys.is_empty() {
                // Rows the query outputs (fraud: only alerts), as Spark counts them.
                emitted_rows += keys
                    .iter()
                    .filter(|&&k| self.scenario.passes(&w.aggs[k as usize]))
                    .count() as u64;
                updated.extend(keys.iter().map(|&k| ((start, k), w.aggs[k as usize])));
            }
        }
        if self.p.output == OutputMode::Complete {
            // Spark's `foreachBatch` receives the whole result table.
            emitted_rows = self
                .state
                .values()
                .map(|w| output_rows(&self.scenario, w))
                .sum();
        }
        // Evict (and in append mode emit) every window the batch's watermark closed.
        let first_open = if evicts {
            self.geometry.first_open(batch_wm)
        } else {
            TimeMs::MIN
        };
        let closed = evict_before(&mut self.state, first_open);
        let sessions = self.sessions.as_mut().map(|open| {
            let emit = sessions::emit(open, touched, batch_wm, self.p.output, &self.scenario);
            emitted_rows += emit.emitted_rows;
            updated_rows += emit.updated_rows;
            emit
        });
        let stats = BatchStats {
            min_event_ms: min_event_time.unwrap_or(0),
            max_event_ms: if input_rows > 0 { max_event } else { 0 },
            avg_event_ms: sum_event.checked_div(input_rows as i128).unwrap_or(0) as TimeMs,
            state_rows: self.state.values().map(WindowState::rows).sum::<u64>()
                + self.sessions.as_ref().map_or(0, |s| s.len() as u64),
            updated_rows,
        };
        let closed = match self.p.output {
            OutputMode::Append => {
                emitted_rows += closed
                    .iter()
                    .map(|(_, w)| output_rows(&self.scenario, w))
                    .sum::<u64>();
                closed
            }
            OutputMode::Update | OutputMode::Complete => Vec::new(),
        };
        let work_ms = (input_rows as f64 * self.p.cost_us / (1_000.0 * f64::from(self.p.workers)))
            .ceil() as TimeMs;
        let end_ms = now + self.p.overhead_ms + work_ms;
        let workers = f64::from(self.p.workers);
        self.out.busy_worker_ms += (end_ms - now) as f64 * workers;
        let info = MicroBatchInfo {
            id: self.next_id,
            start_ms: now,
            end_ms,
            input_rows: input_rows as u64,
            dropped_rows: dropped,
            dropped_groups: dropped_groups.len() as u64,
            watermark_ms: batch_wm,
            emitted_rows,
            stats,
        };
        self.next_id += 1;
        self.running = Some(Running {
            info,
            kept_times,
            closed,
            updated,
            evicted_before: if self.sessions.is_some() {
                TimeMs::MIN
            } else {
                first_open
            },
            sessions,
            min_event_time,
        });
        Some(end_ms)
    }

    /// Whether a trigger with no new data still runs a batch: when the
    /// watermark would advance, so append and update modes can emit or evict.
    /// Spark runs none in complete mode, which evicts nothing.
    fn no_data_batch_due(&self) -> bool {
        self.p.output != OutputMode::Complete && self.watermark.would_advance()
    }

    fn finish(&mut self) {
        let Some(r) = self.running.take() else {
            return;
        };
        let now = r.info.end_ms;
        for &(row, value) in &r.updated {
            self.out.publish_update(&self.scenario, row, value, now);
        }
        if let Some(emit) = &r.sessions {
            emit.publish(&mut self.out, &self.scenario, now);
        }
        for &t in &r.kept_times {
            self.out.latency.record(t, now);
        }
        for (start, w) in &r.closed {
            self.out.publish_all(&self.scenario, *start, w, now);
            self.out.latency.record_window(
                &w.times,
                self.geometry.origin(*start),
                self.geometry.bucket_ms(),
                now,
            );
        }
        self.out.processed += r.info.input_rows - r.info.dropped_rows;
        self.out.dropped_late += r.info.dropped_rows;
        self.overdue_ms += overdue_ms(r.info.start_ms, now, self.p.trigger_ms, now);
        self.log.push(r.info);
        self.settled_before = r.evicted_before;
    }
}

/// Removes and returns the windows before id `first_open`. Most batches
/// evict none (a trigger every few seconds, windows of a minute or more):
/// then the map is left as it is, not split (a `split_off` walks and
/// rebuilds the map's root even when nothing moves).
fn evict_before(
    state: &mut BTreeMap<TimeMs, WindowState>,
    first_open: TimeMs,
) -> Vec<(TimeMs, WindowState)> {
    if state
        .first_key_value()
        .is_none_or(|(&id, _)| id >= first_open)
    {
        return Vec::new();
    }
    let open = state.split_off(&first_open);
    std::mem::replace(state, open).into_iter().collect()
}

/// Rows of a window the query outputs (fraud: only alerts).
fn output_rows(scenario: &Scenario, w: &WindowState) -> u64 {
    w.aggs
        .iter()
        .filter(|a| a.count > 0 && scenario.passes(a))
        .count() as u64
}
